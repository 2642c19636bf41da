import { Create, NumberInput, required, SimpleForm } from 'react-admin';
import { TrainingPlanInputs, trainingPlanCreateBody } from './TrainingPlanInputs';

/** A firm drafts one plan per year; its admin submits it from the plan's page. */
export function TrainingPlanCreate() {
  return (
    <Create transform={trainingPlanCreateBody} redirect="show">
      <SimpleForm warnWhenUnsavedChanges defaultValues={{ year: new Date().getUTCFullYear() + 1, skillAreas: [], providers: [] }}>
        <NumberInput source="year" label="Year" helperText="The fiscal year, named by the calendar year it starts in" validate={required()} step={1} />
        <TrainingPlanInputs />
      </SimpleForm>
    </Create>
  );
}
