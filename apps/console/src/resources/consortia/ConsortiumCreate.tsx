import { Create, SimpleForm } from 'react-admin';
import { consortiumBody, consortiumDefaults, ConsortiumInputs } from './ConsortiumInputs';

export function ConsortiumCreate() {
  return (
    <Create transform={consortiumBody} redirect="show">
      <SimpleForm warnWhenUnsavedChanges defaultValues={consortiumDefaults}>
        <ConsortiumInputs />
      </SimpleForm>
    </Create>
  );
}
