import { SearchInput, SelectInput } from 'react-admin';
import { planStatusChoices, standingChoices } from '../../common/enumChoices';

export const correctiveActionPlanFilters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Title" />,
  <SelectInput key="status" source="status" choices={planStatusChoices} alwaysOn />,
  <SelectInput key="standing" source="standing" choices={standingChoices} />,
];
