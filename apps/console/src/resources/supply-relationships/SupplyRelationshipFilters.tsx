import { SearchInput, SelectInput } from 'react-admin';
import { sourcingModeChoices, yesNoFilter } from '../../common/enumChoices';

const sponsoredChoices = [
  { id: 'true', name: 'Sponsored' },
  { id: 'false', name: 'Not sponsored' },
];

export const supplyRelationshipFilters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Customer, supplier or commodity" />,
  <SelectInput key="sourcingMode" source="sourcingMode" label="Sourcing mode" choices={sourcingModeChoices} alwaysOn />,
  <SelectInput key="sponsored" source="sponsored" choices={sponsoredChoices} {...yesNoFilter} />,
];
