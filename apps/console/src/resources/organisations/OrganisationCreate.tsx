import { Create, SimpleForm } from 'react-admin';
import { organisationBody, OrganisationInputs } from './OrganisationInputs';

export function OrganisationCreate() {
  return (
    <Create transform={organisationBody} redirect="show">
      <SimpleForm warnWhenUnsavedChanges defaultValues={{ unionised: false }}>
        <OrganisationInputs />
      </SimpleForm>
    </Create>
  );
}
