import Alert from '@mui/material/Alert';
import { Edit, SimpleForm } from 'react-admin';
import { ANONYMITY } from './CustomerFeedbackCreate';
import { ScoreInputs } from './FeedbackInputs';

/** Scores only: the period and the customer stay. Refused by the API once the period has closed. */
export function CustomerFeedbackEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="list" title="Change your answer">
      <SimpleForm warnWhenUnsavedChanges>
        <Alert severity="info" sx={{ mb: 2 }}>
          {ANONYMITY}
        </Alert>
        <ScoreInputs />
      </SimpleForm>
    </Edit>
  );
}
