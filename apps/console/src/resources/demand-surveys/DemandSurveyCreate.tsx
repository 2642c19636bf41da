import { Create, DateInput, NumberInput, required, SimpleForm, TextInput } from 'react-admin';

/** Staff draft a survey; it opens to members with the Open button of the list. */
export function DemandSurveyCreate() {
  return (
    <Create redirect="list">
      <SimpleForm warnWhenUnsavedChanges>
        <TextInput source="title" validate={required()} fullWidth helperText="e.g. Workforce demand 2027" />
        <DateInput source="opensOn" label="Opens on" validate={required()} helperText="the pipeline counts training from this day" />
        <DateInput source="closesOn" label="Answers due" validate={required()} />
        <NumberInput source="horizonMonths" label="Horizon (months ahead)" defaultValue={12} min={1} max={60} step={1} validate={required()} helperText='firms answer for "the next N months"' />
      </SimpleForm>
    </Create>
  );
}
