import { DataTable, DeleteButton, List } from 'react-admin';
import { DateTimeField } from '../../common/DateFields';
import type { UnionRepresentation } from '@tandem/contracts';
import { ResponsiveList } from '../../common/ResponsiveList';

/** A union's representatives read the represented firms' training plans and co-approve them; ending a representation ends that at once. */
export function UnionRepresentationList() {
  return (
    <List sort={{ field: 'firmName', order: 'ASC' }}>
      <ResponsiveList<UnionRepresentation> rowClick="show" primaryText={(r) => r.firmName} secondaryText={(r) => `represented by ${r.unionName}`}>
        <DataTable bulkActionButtons={false} rowClick="show">
          <DataTable.Col source="firmName" label="Firm" />
          <DataTable.Col source="unionName" label="Represented by" />
          <DataTable.Col source="createdAt" label="Since" field={DateTimeField} />
          <DataTable.Col label="" disableSort>
            <DeleteButton mutationMode="pessimistic" label="End" confirmTitle="End this representation?" confirmContent="The union's representatives stop reading and co-approving this firm's training plans." />
          </DataTable.Col>
        </DataTable>
      </ResponsiveList>
    </List>
  );
}
