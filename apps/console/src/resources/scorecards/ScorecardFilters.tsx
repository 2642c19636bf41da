import { ReferenceInput, SelectInput } from 'react-admin';
import { standingChoices } from '../../common/enumChoices';

export const scorecardFilters = [
  <ReferenceInput key="periodId" source="periodId" reference="periods" sort={{ field: 'startsOn', order: 'DESC' }} alwaysOn>
    <SelectInput label="Period" optionText="code" />
  </ReferenceInput>,
  <SelectInput key="standing" source="standing" choices={standingChoices} alwaysOn />,
  <ReferenceInput key="relationshipId" source="relationshipId" reference="supply-relationships" sort={{ field: 'since', order: 'ASC' }} perPage={200}>
    <SelectInput label="Relationship" />
  </ReferenceInput>,
];

/** A buyer's list does not filter by standing: its view of a supplier's scorecard may withhold it. */
export const buyerScorecardFilters = scorecardFilters.filter((f) => f.key !== 'standing');
