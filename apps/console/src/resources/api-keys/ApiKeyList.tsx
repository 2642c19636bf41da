import { DataTable, List, ReferenceField } from 'react-admin';
import type { ApiKey } from '@tandem/contracts';
import { formatDateTime } from '../../common/formatDate';
import { ResponsiveList } from '../../common/ResponsiveList';
import { apiKeyFilters } from './ApiKeyFilters';
import { RevokeButton } from './RevokeButton';
import { DateTimeField } from '../../common/DateFields';

/** Whether the key still opens the API: revoked, expired, or active. */
function keyState(k: ApiKey): string {
  if (k.revokedAt) return 'Revoked';
  if (k.expiresAt && Date.parse(k.expiresAt) <= Date.now()) return 'Expired';
  return 'Active';
}

export function ApiKeyList() {
  return (
    <List filters={apiKeyFilters} sort={{ field: 'createdAt', order: 'DESC' }}>
      {/* On a phone a key is revoked from its page. */}
      <ResponsiveList<ApiKey>
        rowClick="show"
        primaryText={(k) => k.name}
        secondaryText={(k) => (
          <>
            {k.prefix}… · <ReferenceField source="organisationId" reference="organisations" link={false} /> · {k.lastUsedAt ? `last used ${formatDateTime(k.lastUsedAt)}` : 'never used'}
          </>
        )}
        tertiaryText={keyState}
      >
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="name" />
          <DataTable.Col source="prefix" disableSort label="Key starts with" />
          <DataTable.Col source="organisationId" disableSort label="Organisation">
            <ReferenceField source="organisationId" reference="organisations" link={false} />
          </DataTable.Col>
          <DataTable.Col source="lastUsedAt" label="Last used">
            <DateTimeField source="lastUsedAt" emptyText="never" />
          </DataTable.Col>
          <DataTable.Col source="expiresAt" disableSort label="Expires">
            <DateTimeField source="expiresAt" emptyText="never" />
          </DataTable.Col>
          <DataTable.Col source="revokedAt" disableSort label="Revoked">
            <DateTimeField source="revokedAt" emptyText="—" />
          </DataTable.Col>
          <DataTable.Col label="" disableSort>
            <RevokeButton />
          </DataTable.Col>
        </DataTable>
      </ResponsiveList>
    </List>
  );
}
