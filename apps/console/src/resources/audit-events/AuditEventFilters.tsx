import { AutocompleteInput, ReferenceInput, TextInput } from 'react-admin';

export const auditEventFilters = [
  <TextInput key="entityType" source="entityType" label="Entity type" alwaysOn />,
  <TextInput key="action" source="action" alwaysOn />,
  <TextInput key="entityId" source="entityId" label="Entity id" />,
  <ReferenceInput key="actorUserId" source="actorUserId" reference="users" sort={{ field: 'name', order: 'ASC' }}>
    <AutocompleteInput label="Actor" optionText="name" filterToQuery={(q: string) => ({ q })} />
  </ReferenceInput>,
];
