import { SearchInput, SelectInput, TextInput } from 'react-admin';
import { organisationKindChoices } from '../../common/choices';

export const organisationFilters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search name or code" />,
  <SelectInput key="kind" source="kind" choices={organisationKindChoices} alwaysOn />,
  <TextInput key="naicsCode" source="naicsCode" label="NAICS code" />,
  <TextInput key="county" source="county" />,
];
