import { SearchInput, SelectInput } from 'react-admin';
import { importStatusChoices } from '../../common/enumChoices';

export const importFilters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="File name" />,
  <SelectInput key="status" source="status" choices={importStatusChoices} alwaysOn />,
];
