import Typography from '@mui/material/Typography';
import { Edit, Labeled, SimpleForm, WithRecord } from 'react-admin';
import type { SupplyRelationship } from '@tandem/contracts';
import { SupplyRelationshipInputs, supplyRelationshipUpdateBody } from './SupplyRelationshipInputs';

/** A sourcing-mode change is kept as history by the API, with its date and reason. */
export function SupplyRelationshipEdit() {
  return (
    <Edit mutationMode="pessimistic" transform={supplyRelationshipUpdateBody} redirect="show">
      <SimpleForm warnWhenUnsavedChanges>
        <Labeled label="Supplier → customer">
          <WithRecord<SupplyRelationship> render={(r) => <Typography variant="body2">{`${r.supplierName} → ${r.customerName}`}</Typography>} />
        </Labeled>
        <SupplyRelationshipInputs editing />
      </SimpleForm>
    </Edit>
  );
}
