import { SearchInput, SelectInput } from 'react-admin';
import { metricFrequencyChoices, yesNoFilter } from '../../common/enumChoices';

const enabledChoices = [
  { id: 'true', name: 'Enabled' },
  { id: 'false', name: 'Disabled' },
];
const standardChoices = [
  { id: 'true', name: 'Standard catalogue' },
  { id: 'false', name: 'Added by the consortium' },
];

export const metricDefinitionFilters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Code or name" />,
  <SelectInput key="enabled" source="enabled" choices={enabledChoices} alwaysOn {...yesNoFilter} />,
  <SelectInput key="frequency" source="frequency" choices={metricFrequencyChoices} />,
  <SelectInput key="standard" source="standard" label="Origin" choices={standardChoices} {...yesNoFilter} />,
];
