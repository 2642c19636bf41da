import { AutocompleteInput, ReferenceInput, SearchInput, SelectInput } from 'react-admin';
import { membershipStatusChoices, membershipTierChoices } from '../../common/choices';

export const membershipFilters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search organisation" />,
  <SelectInput key="status" source="status" choices={membershipStatusChoices} alwaysOn />,
  <SelectInput key="tier" source="tier" choices={membershipTierChoices} />,
  <ReferenceInput key="consortiumId" source="consortiumId" reference="consortia" sort={{ field: 'name', order: 'ASC' }}>
    <SelectInput label="Consortium" optionText="name" />
  </ReferenceInput>,
  <ReferenceInput key="organisationId" source="organisationId" reference="organisations" sort={{ field: 'name', order: 'ASC' }}>
    <AutocompleteInput label="Organisation" optionText="name" filterToQuery={(q: string) => ({ q })} />
  </ReferenceInput>,
];
