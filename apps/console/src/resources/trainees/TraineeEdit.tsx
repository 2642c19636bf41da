import { Edit, SimpleForm } from 'react-admin';
import { traineeBody, TraineeInputs } from './TraineeInputs';

export function TraineeEdit() {
  return (
    <Edit mutationMode="pessimistic" transform={traineeBody} redirect="show">
      <SimpleForm warnWhenUnsavedChanges>
        <TraineeInputs />
      </SimpleForm>
    </Edit>
  );
}
