import { DataTable, List } from 'react-admin';
import type { OutboxMessage } from '@tandem/contracts';
import { humanize } from '../../common/choices';
import { formatDateTime } from '../../common/formatDate';
import { ResponsiveList } from '../../common/ResponsiveList';
import { StatusChip } from '../../common/StatusChip';
import { outboxFilters } from './OutboxFilters';
import { SensitiveField } from './SensitiveField';
import { DateTimeField } from '../../common/DateFields';

export function OutboxList() {
  return (
    <List filters={outboxFilters} sort={{ field: 'createdAt', order: 'DESC' }}>
      <ResponsiveList<OutboxMessage>
        rowClick="show"
        primaryText={(m) => m.subject}
        secondaryText={(m) => `to ${m.to} · ${m.sentAt ? `sent ${formatDateTime(m.sentAt)}` : `queued ${formatDateTime(m.createdAt)}`}`}
        tertiaryText={(m) => humanize(m.status)}
      >
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="createdAt" label="Queued">
            <DateTimeField source="createdAt" />
          </DataTable.Col>
          <DataTable.Col source="to" label="To" />
          <DataTable.Col source="subject" disableSort />
          <DataTable.Col source="sensitive" disableSort label="Personal link">
            <SensitiveField />
          </DataTable.Col>
          <DataTable.Col source="status">
            <StatusChip source="status" />
          </DataTable.Col>
          <DataTable.NumberCol source="attempts" disableSort />
          <DataTable.Col source="sentAt" label="Sent">
            <DateTimeField source="sentAt" emptyText="—" />
          </DataTable.Col>
        </DataTable>
      </ResponsiveList>
    </List>
  );
}
