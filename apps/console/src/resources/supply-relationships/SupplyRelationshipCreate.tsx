import { Create, SimpleForm } from 'react-admin';
import { supplyRelationshipCreateBody, SupplyRelationshipInputs, SupplyRelationshipPartyInputs } from './SupplyRelationshipInputs';

export function SupplyRelationshipCreate() {
  return (
    <Create transform={supplyRelationshipCreateBody} redirect="show">
      <SimpleForm warnWhenUnsavedChanges defaultValues={{ sourcingMode: 'annual_rebid', sponsored: false }}>
        <SupplyRelationshipPartyInputs />
        <SupplyRelationshipInputs />
      </SimpleForm>
    </Create>
  );
}
