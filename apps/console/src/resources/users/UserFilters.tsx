import { SearchInput, SelectInput } from 'react-admin';
import { roleChoices, userStatusChoices } from '../../common/choices';

export const userFilters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search name or email" />,
  <SelectInput key="status" source="status" choices={userStatusChoices} alwaysOn />,
  <SelectInput key="role" source="role" choices={roleChoices} />,
];
