import Alert from '@mui/material/Alert';
import { Create, SimpleForm } from 'react-admin';
import { ScoreInputs, SubjectInputs } from './FeedbackInputs';

const ANONYMITY =
  'Your answer is anonymous: nobody reads it but your firm, not the customer and not the consortium staff. Customers see averages only once at least five other suppliers have answered about them.';

export function CustomerFeedbackCreate() {
  return (
    <Create redirect="list" title="Rate a customer">
      <SimpleForm warnWhenUnsavedChanges>
        <Alert severity="info" sx={{ mb: 2 }} data-testid="feedback-anonymity">
          {ANONYMITY}
        </Alert>
        <SubjectInputs />
        <ScoreInputs />
      </SimpleForm>
    </Create>
  );
}

export { ANONYMITY };
