import { DataTable, List, NumberField } from 'react-admin';
import type { Charter } from '@tandem/contracts';
import { DateTimeField } from '../../common/DateFields';
import { ResponsiveList } from '../../common/ResponsiveList';
import { StatusChip, stateLabel } from '../../common/StatusChip';

export function CharterList() {
  return (
    <List sort={{ field: 'version', order: 'DESC' }}>
      <ResponsiveList<Charter> rowClick="show" primaryText={(r) => `Version ${r.version}: ${r.title}`} secondaryText={(r) => `${stateLabel(r.state)} · ${r.signatureCount} signed`}>
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="version" />
          <DataTable.Col source="title" />
          <DataTable.Col source="state">
            <StatusChip source="state" />
          </DataTable.Col>
          <DataTable.Col source="publishedAt" label="Published" field={DateTimeField} />
          <DataTable.Col source="signatureCount" label="Signed by" disableSort>
            <NumberField source="signatureCount" />
          </DataTable.Col>
        </DataTable>
      </ResponsiveList>
    </List>
  );
}
