import { Edit, Labeled, ReferenceField, SimpleForm } from 'react-admin';
import { MembershipTitle } from './MembershipTitle';
import { MembershipInputs, membershipUpdateBody } from './MembershipInputs';

export function MembershipEdit() {
  return (
    <Edit mutationMode="pessimistic" transform={membershipUpdateBody} redirect="show" title={<MembershipTitle />}>
      <SimpleForm warnWhenUnsavedChanges>
        <Labeled label="Organisation">
          <ReferenceField source="organisationId" reference="organisations" link={false} />
        </Labeled>
        <MembershipInputs />
      </SimpleForm>
    </Edit>
  );
}
