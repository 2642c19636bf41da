import { DataTable, List, ReferenceField } from 'react-admin';
import type { Scorecard } from '@tandem/contracts';
import { ResponsiveList } from '../../common/ResponsiveList';
import { stateLabel } from '../../common/StatusChip';
import { coverageText, StandingField } from './StandingChip';
import { scorecardFilters } from './ScorecardFilters';
import { DateTimeField } from '../../common/DateFields';

export function ScorecardList() {
  return (
    <List filters={scorecardFilters} sort={{ field: 'computedAt', order: 'DESC' }}>
      {/* On a phone: who, which period, and the score with its standing (provisional ones say so). */}
      <ResponsiveList<Scorecard>
        rowClick="show"
        primaryText={<ReferenceField source="relationshipId" reference="supply-relationships" link={false} />}
        secondaryText={(s) => (
          <>
            <ReferenceField source="periodId" reference="periods" link={false} />
            {s.provisional ? ` · provisional, ${coverageText(s.coverage)} coverage` : ''}
          </>
        )}
        tertiaryText={(s) => `${s.score.toLocaleString('en-US', { maximumFractionDigits: 1 })} · ${stateLabel(s.standing)}`}
      >
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
      </ResponsiveList>
    </List>
  );
}
