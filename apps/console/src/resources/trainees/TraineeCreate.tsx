import { Create, SimpleForm } from 'react-admin';
import { traineeBody, TraineeInputs } from './TraineeInputs';

export function TraineeCreate() {
  return (
    <Create transform={traineeBody} redirect="show">
      <SimpleForm warnWhenUnsavedChanges defaultValues={{ frontline: true }}>
        <TraineeInputs />
      </SimpleForm>
    </Create>
  );
}
