import { Create, SimpleForm } from 'react-admin';
import { traineeCreateBody, TraineeEmployerInput, TraineeInputs } from './TraineeInputs';

export function TraineeCreate() {
  return (
    <Create transform={traineeCreateBody} redirect="show">
      <SimpleForm warnWhenUnsavedChanges defaultValues={{ frontline: true }}>
        <TraineeEmployerInput />
        <TraineeInputs />
      </SimpleForm>
    </Create>
  );
}
