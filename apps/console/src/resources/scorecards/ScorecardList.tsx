import { DataTable, List, ReferenceField, usePermissions } from 'react-admin';
import type { Scorecard } from '@tandem/contracts';
import { ResponsiveList } from '../../common/ResponsiveList';
import { stateLabel } from '../../common/StatusChip';
import type { TandemPermissions } from '../../providers/authProvider';
import { coverageText, scoreText, StandingField } from './StandingChip';
import { buyerScorecardFilters, scorecardFilters } from './ScorecardFilters';
import { DateTimeField } from '../../common/DateFields';

export function ScorecardList() {
  // a buyer's view may withhold score and standing, so the API neither sorts nor filters its list by them
  const buyer = usePermissions<TandemPermissions>().permissions?.role === 'customer_buyer';
  return (
    <List filters={buyer ? buyerScorecardFilters : scorecardFilters} sort={{ field: 'computedAt', order: 'DESC' }}>
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
        tertiaryText={(s) => (s.standing === null ? 'Withheld' : `${scoreText(s.score)} · ${stateLabel(s.standing)}`)}
      >
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="relationshipId" label="Supplier → customer" disableSort>
            <ReferenceField source="relationshipId" reference="supply-relationships" link={false} />
          </DataTable.Col>
          <DataTable.Col source="periodId" label="Period" disableSort>
            <ReferenceField source="periodId" reference="periods" link={false} />
          </DataTable.Col>
          <DataTable.Col source="score" disableSort={buyer} align="right" render={(s: Scorecard) => scoreText(s.score)} />
          <DataTable.Col source="standing" disableSort={buyer}>
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
