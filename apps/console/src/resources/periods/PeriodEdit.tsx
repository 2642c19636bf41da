import { Edit, Labeled, SimpleForm, TextField } from 'react-admin';
import { PeriodInputs, periodUpdateBody } from './PeriodInputs';

/** Dates only: the state moves through Close and Publish, the code never. */
export function PeriodEdit() {
  return (
    <Edit mutationMode="pessimistic" transform={periodUpdateBody} redirect="show">
      <SimpleForm warnWhenUnsavedChanges>
        <Labeled label="Code">
          <TextField source="code" />
        </Labeled>
        <PeriodInputs />
      </SimpleForm>
    </Edit>
  );
}
