import { Create, SimpleForm } from 'react-admin';
import { membershipCreateBody, MembershipInputs, MembershipPartyInputs } from './MembershipInputs';

export function MembershipCreate() {
  return (
    <Create transform={membershipCreateBody} redirect="show">
      <SimpleForm warnWhenUnsavedChanges defaultValues={{ tier: 'supplier', annualDues: 0 }}>
        <MembershipPartyInputs />
        <MembershipInputs />
      </SimpleForm>
    </Create>
  );
}
