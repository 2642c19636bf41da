import { SearchInput, SelectInput } from 'react-admin';
import { periodKindChoices, periodStateChoices } from '../../common/enumChoices';

export const periodFilters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Code, e.g. 2026-Q3" />,
  <SelectInput key="state" source="state" choices={periodStateChoices} alwaysOn />,
  <SelectInput key="kind" source="kind" choices={periodKindChoices} alwaysOn />,
];
