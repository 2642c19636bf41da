import { DataTable, List, ReferenceField } from 'react-admin';
import type { AuditEvent } from '@tandem/contracts';
import { formatDateTime } from '../../common/formatDate';
import { ResponsiveList } from '../../common/ResponsiveList';
import { auditEventFilters } from './AuditEventFilters';
import { DateTimeField } from '../../common/DateFields';

export function AuditEventList() {
  return (
    <List filters={auditEventFilters} sort={{ field: 'createdAt', order: 'DESC' }}>
      <ResponsiveList<AuditEvent>
        rowClick="show"
        primaryText={(e) => e.action}
        secondaryText={(e) => (
          <>
            {formatDateTime(e.createdAt)} · <ReferenceField source="actorUserId" reference="users" link={false} emptyText="system / API key" /> · {e.entityType}
          </>
        )}
      >
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="createdAt" label="When">
            <DateTimeField source="createdAt" />
          </DataTable.Col>
          <DataTable.Col source="action" />
          <DataTable.Col source="entityType" label="Entity" />
          <DataTable.Col source="entityId" disableSort label="Entity id" />
          <DataTable.Col source="actorUserId" disableSort label="Actor">
            <ReferenceField source="actorUserId" reference="users" link={false} emptyText="system / API key" />
          </DataTable.Col>
        </DataTable>
      </ResponsiveList>
    </List>
  );
}
