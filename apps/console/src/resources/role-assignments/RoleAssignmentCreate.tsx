import { Create, SimpleForm } from 'react-admin';
import { roleAssignmentBody, RoleAssignmentInputs } from './RoleAssignmentInputs';

export function RoleAssignmentCreate() {
  return (
    <Create transform={roleAssignmentBody} redirect="list">
      <SimpleForm>
        <RoleAssignmentInputs />
      </SimpleForm>
    </Create>
  );
}
