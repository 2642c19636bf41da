import { AutocompleteInput, ReferenceInput, SearchInput, SelectInput } from 'react-admin';
import { roleChoices, userStatusChoices } from '../../common/choices';

export const userFilters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search name or email" />,
  <SelectInput key="status" source="status" choices={userStatusChoices} alwaysOn />,
  <SelectInput key="role" source="role" choices={roleChoices} />,
  <ReferenceInput key="organisationId" source="organisationId" reference="organisations" sort={{ field: 'name', order: 'ASC' }}>
    <AutocompleteInput label="Organisation" optionText="name" filterToQuery={(q: string) => ({ q })} />
  </ReferenceInput>,
];
