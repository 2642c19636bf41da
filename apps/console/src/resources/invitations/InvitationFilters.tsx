import { AutocompleteInput, ReferenceInput, SearchInput, SelectInput } from 'react-admin';
import { invitationStatusChoices, roleChoices } from '../../common/choices';

export const invitationFilters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search name or email" />,
  <SelectInput key="status" source="status" choices={invitationStatusChoices} alwaysOn />,
  <SelectInput key="role" source="role" choices={roleChoices} alwaysOn />,
  <ReferenceInput key="organisationId" source="organisationId" reference="organisations" sort={{ field: 'name', order: 'ASC' }}>
    <AutocompleteInput label="Organisation" optionText="name" filterToQuery={(q: string) => ({ q })} />
  </ReferenceInput>,
];
