import { DataTable, List, ReferenceField } from 'react-admin';
import { apiKeyFilters } from './ApiKeyFilters';
import { RevokeButton } from './RevokeButton';
import { DateTimeField } from '../../common/DateFields';

export function ApiKeyList() {
  return (
    <List filters={apiKeyFilters} sort={{ field: 'createdAt', order: 'DESC' }}>
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
    </List>
  );
}
