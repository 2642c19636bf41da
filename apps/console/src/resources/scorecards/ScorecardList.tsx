import { DataTable, List, ReferenceField } from 'react-admin';
import type { Scorecard } from '@tandem/contracts';
import { coverageText, StandingField } from '../../performance/StandingChip';
import { scorecardFilters } from './ScorecardFilters';
import { DateTimeField } from '../../common/DateFields';

export function ScorecardList() {
  return (
    <List filters={scorecardFilters} sort={{ field: 'computedAt', order: 'DESC' }}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="relationshipId" label="Supplier → customer" disableSort>
          <ReferenceField source="relationshipId" reference="supply-relationships" link={false} />
        </DataTable.Col>
        <DataTable.Col source="periodId" label="Period" disableSort>
          <ReferenceField source="periodId" reference="periods" link={false} />
        </DataTable.Col>
        <DataTable.NumberCol source="score" options={{ maximumFractionDigits: 1 }} />
        <DataTable.Col source="standing">
          <StandingField />
        </DataTable.Col>
        <DataTable.Col source="coverage" label="Coverage" disableSort render={(s: Scorecard) => coverageText(s.coverage)} />
        <DataTable.Col source="computedAt" label="Computed">
          <DateTimeField source="computedAt" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
