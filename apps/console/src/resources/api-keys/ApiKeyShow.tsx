import { ReferenceField, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';
import { RevokeButton } from './RevokeButton';
import { DateTimeField } from '../../common/DateFields';

export function ApiKeyShow() {
  return (
    <Show
      actions={
        <TopToolbar>
          <RevokeButton redirect="list" />
        </TopToolbar>
      }
    >
      <SimpleShowLayout>
        <TextField source="name" />
        <TextField source="prefix" label="Key starts with" />
        <ReferenceField source="organisationId" reference="organisations" />
        <ReferenceField source="consortiumId" reference="consortia" />
        <ReferenceField source="createdById" reference="users" label="Created by" emptyText="—" />
        <DateTimeField source="createdAt" />
        <DateTimeField source="lastUsedAt" emptyText="never" />
        <DateTimeField source="expiresAt" emptyText="never" />
        <DateTimeField source="revokedAt" emptyText="—" />
      </SimpleShowLayout>
    </Show>
  );
}
