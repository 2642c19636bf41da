import Typography from '@mui/material/Typography';
import { Edit, Labeled, SimpleForm, WithRecord } from 'react-admin';
import type { TrainingPlan } from '@tandem/contracts';
import { TrainingPlanInputs, trainingPlanUpdateBody } from './TrainingPlanInputs';

/** Only a draft or returned plan is edited (the API refuses the rest); a returned plan is submitted again from its page. */
export function TrainingPlanEdit() {
  return (
    <Edit mutationMode="pessimistic" transform={trainingPlanUpdateBody} redirect="show">
      <SimpleForm warnWhenUnsavedChanges>
        <Labeled label="Plan">
          <WithRecord<TrainingPlan> render={(r) => <Typography variant="body2">{`${r.organisationName} · ${r.year}`}</Typography>} />
        </Labeled>
        <TrainingPlanInputs />
      </SimpleForm>
    </Edit>
  );
}
