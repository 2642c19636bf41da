import { SearchInput, SelectInput } from 'react-admin';
import { yesNoFilter } from '../../common/enumChoices';

const activeChoices = [
  { id: 'true', name: 'Active' },
  { id: 'false', name: 'Inactive' },
];

export const scorecardTemplateFilters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Name" />,
  <SelectInput key="active" source="active" choices={activeChoices} alwaysOn {...yesNoFilter} />,
];
