import { NumberInput, required, TextArrayInput, minValue } from 'react-admin';
import { FormRow } from '../../common/FormRow';
import { pickFields } from '../../common/pick';

const CONTENT = ['skillAreas', 'frontlineWorkers', 'hours', 'budget', 'providers'] as const;
export const trainingPlanCreateBody = pickFields(['year', ...CONTENT] as const);
export const trainingPlanUpdateBody = pickFields(CONTENT);

/** What a plan says: which skills, for how many frontline workers, how many hours, what budget, with whom. */
export function TrainingPlanInputs() {
  return (
    <>
      <TextArrayInput source="skillAreas" label="Skill areas" helperText="Type a skill area and press Enter (lean, setup reduction, maintenance…)" validate={required()} />
      <FormRow>
        <NumberInput source="frontlineWorkers" label="Frontline workers" validate={[required(), minValue(1)]} min={1} step={1} />
        <NumberInput source="hours" label="Training hours (all workers)" validate={[required(), minValue(0)]} min={0} />
        <NumberInput source="budget" label="Budget (USD)" validate={[required(), minValue(0)]} min={0} />
      </FormRow>
      <TextArrayInput source="providers" label="Providers" helperText="Who delivers the training; press Enter after each" />
    </>
  );
}
