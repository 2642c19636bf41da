import { DataTable, List, NumberField, ReferenceField, TextField, useRecordContext } from 'react-admin';
import type { BenchmarkStanding } from '@tandem/contracts';
import { ResponsiveList } from '../common/ResponsiveList';
import { benchmarkFilters } from './benchmarkFilters';
import { formatFigure } from '../common/figures';
import { QuartileChip } from './QuartileChip';

function Quartile(_: { label?: string }) {
  const s = useRecordContext<BenchmarkStanding>();
  return s ? <QuartileChip quartile={s.quartile} reason={s.reason} /> : null;
}

const signedFigure = { signDisplay: 'exceptZero', maximumFractionDigits: 2 } as const;

/** My standing: the firm's own value against each peer group; a rank only where the group is shown to it. */
export function StandingList() {
  return (
    <List filters={benchmarkFilters()} sort={{ field: 'createdAt', order: 'ASC' }} perPage={50} title="My standing">
      {/* On a phone: the metric, the group and period, and the quartile or that the group is withheld. */}
      <ResponsiveList<BenchmarkStanding>
        rowClick="show"
        primaryText={
          <ReferenceField source="metricId" reference="metric-definitions" link={false}>
            <TextField source="code" />
          </ReferenceField>
        }
        secondaryText={(s) => (
          <>
            <ReferenceField source="peerGroupId" reference="peer-groups" link={false}>
              <TextField source="name" />
            </ReferenceField>
            {' · '}
            <ReferenceField source="periodId" reference="periods" link={false}>
              <TextField source="code" />
            </ReferenceField>
            {` · you ${formatFigure(s.value, 2)}`}
          </>
        )}
        tertiaryText={(s) => (s.quartile !== null ? `Q${s.quartile}` : 'withheld')}
      >
        <DataTable bulkActionButtons={false} rowClick="show">
          <DataTable.Col source="metricId" label="Metric" disableSort>
            <ReferenceField source="metricId" reference="metric-definitions" link={false}>
              <TextField source="code" />
            </ReferenceField>
          </DataTable.Col>
          <DataTable.Col source="peerGroupId" label="Peer group" disableSort>
            <ReferenceField source="peerGroupId" reference="peer-groups" link={false}>
              <TextField source="name" />
            </ReferenceField>
          </DataTable.Col>
          <DataTable.Col source="periodId" label="Period" disableSort>
            <ReferenceField source="periodId" reference="periods" link={false}>
              <TextField source="code" />
            </ReferenceField>
          </DataTable.Col>
          <DataTable.Col source="value" label="My value" disableSort>
            <NumberField source="value" options={{ maximumFractionDigits: 2 }} />
          </DataTable.Col>
          <DataTable.Col source="quartile" label="Quartile (1 = best)" disableSort>
            <Quartile />
          </DataTable.Col>
          <DataTable.Col source="percentileRank" label="Percentile (100 = best)" disableSort>
            <NumberField source="percentileRank" emptyText="—" options={{ maximumFractionDigits: 0 }} />
          </DataTable.Col>
          <DataTable.Col source="changeSincePrevious" label="Since previous" disableSort>
            <NumberField source="changeSincePrevious" emptyText="—" options={signedFigure} />
          </DataTable.Col>
          <DataTable.Col source="changeSinceBaseline" label="Since baseline" disableSort>
            <NumberField source="changeSinceBaseline" emptyText="—" options={signedFigure} />
          </DataTable.Col>
          <DataTable.Col source="distanceToGoal" label="To goal" disableSort>
            <NumberField source="distanceToGoal" emptyText="—" options={{ maximumFractionDigits: 2 }} />
          </DataTable.Col>
          <DataTable.Col source="reason" label="Peers withheld" disableSort>
            <TextField source="reason" emptyText="" />
          </DataTable.Col>
        </DataTable>
      </ResponsiveList>
    </List>
  );
}
