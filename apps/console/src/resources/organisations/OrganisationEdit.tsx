import { Edit, SimpleForm } from 'react-admin';
import { organisationBody, OrganisationInputs } from './OrganisationInputs';

export function OrganisationEdit() {
  return (
    <Edit mutationMode="pessimistic" transform={organisationBody} redirect="show">
      <SimpleForm warnWhenUnsavedChanges>
        <OrganisationInputs />
      </SimpleForm>
    </Edit>
  );
}
