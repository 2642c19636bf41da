import { AutocompleteInput, ReferenceInput, SelectInput } from 'react-admin';

const revokedChoices = [
  { id: 'false', name: 'Active keys' },
  { id: 'true', name: 'Revoked keys' },
];

export const apiKeyFilters = [
  <SelectInput
    key="revoked"
    source="revoked"
    label="State"
    choices={revokedChoices}
    parse={(value: string) => (value === '' ? undefined : value === 'true')}
    format={(value: boolean | undefined) => (value === undefined ? '' : String(value))}
    alwaysOn
  />,
  <ReferenceInput key="organisationId" source="organisationId" reference="organisations" sort={{ field: 'name', order: 'ASC' }}>
    <AutocompleteInput label="Organisation" optionText="name" filterToQuery={(q: string) => ({ q })} />
  </ReferenceInput>,
];
