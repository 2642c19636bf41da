import { Edit, SimpleForm } from 'react-admin';
import { consortiumBody, ConsortiumInputs } from './ConsortiumInputs';

export function ConsortiumEdit() {
  return (
    <Edit mutationMode="pessimistic" transform={consortiumBody} redirect="show">
      <SimpleForm warnWhenUnsavedChanges>
        <ConsortiumInputs />
      </SimpleForm>
    </Edit>
  );
}
