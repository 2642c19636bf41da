import { DateField, ReferenceField, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';
import { RevokeButton } from './RevokeButton';

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
        <DateField source="createdAt" showTime />
        <DateField source="lastUsedAt" showTime emptyText="never" />
        <DateField source="expiresAt" showTime emptyText="never" />
        <DateField source="revokedAt" showTime emptyText="—" />
      </SimpleShowLayout>
    </Show>
  );
}
