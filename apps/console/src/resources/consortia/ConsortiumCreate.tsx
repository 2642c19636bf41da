import { Create, SimpleForm } from 'react-admin';
import { consortiumBody, consortiumDefaults, ConsortiumInputs } from './ConsortiumInputs';

export function ConsortiumCreate() {
  return (
    <Create transform={consortiumBody} redirect="show">
      <SimpleForm defaultValues={consortiumDefaults}>
        <ConsortiumInputs />
      </SimpleForm>
    </Create>
  );
}
