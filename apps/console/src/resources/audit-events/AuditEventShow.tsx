import { Labeled, ReferenceField, Show, SimpleShowLayout, TextField } from 'react-admin';
import Box from '@mui/material/Box';
import { JsonField } from '../../common/JsonField';
import { EntityLink } from './EntityLink';
import { DateTimeField } from '../../common/DateFields';

export function AuditEventShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <DateTimeField source="createdAt" label="When" />
        <TextField source="action" />
        <TextField source="entityType" label="Entity type" />
        <Labeled label="Entity id">
          <EntityLink />
        </Labeled>
        <ReferenceField source="actorUserId" reference="users" label="Actor" emptyText="—" />
        <ReferenceField source="actorApiKeyId" reference="api-keys" label="API key" emptyText="—" />
        <ReferenceField source="organisationId" reference="organisations" emptyText="—" />
        <ReferenceField source="consortiumId" reference="consortia" emptyText="—" />
        <TextField source="requestId" label="Request id" emptyText="—" />
        <Box sx={{ display: 'flex', gap: 3, flexWrap: 'wrap', alignItems: 'flex-start' }}>
          <Labeled label="Before">
            <JsonField source="before" />
          </Labeled>
          <Labeled label="After">
            <JsonField source="after" />
          </Labeled>
        </Box>
      </SimpleShowLayout>
    </Show>
  );
}
