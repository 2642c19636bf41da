import { DataTable, List, NumberField, ReferenceField, ReferenceInput, SelectInput, TextField, useRecordContext } from 'react-admin';
import type { BenchmarkStanding } from '@tandem/contracts';
import { ResponsiveList } from '../common/ResponsiveList';
import { formatFigure } from '../common/figures';
import { QuartileChip } from './QuartileChip';

const filters = [
  <ReferenceInput key="periodId" source="periodId" reference="periods" filter={{ state: 'published' }} sort={{ field: 'startsOn', order: 'DESC' }} alwaysOn>
    <SelectInput label="Period" optionText="code" />
  </ReferenceInput>,
  <ReferenceInput key="metricId" source="metricId" reference="metric-definitions" sort={{ field: 'code', order: 'ASC' }} perPage={100} alwaysOn>
    <SelectInput label="Metric" optionText="code" />
  </ReferenceInput>,
  <ReferenceInput key="peerGroupId" source="peerGroupId" reference="peer-groups" sort={{ field: 'name', order: 'ASC' }} perPage={200} alwaysOn>
    <SelectInput label="Peer group" optionText="name" />
  </ReferenceInput>,
];

function Quartile(_: { label?: string }) {
  const s = useRecordContext<BenchmarkStanding>();
  return s ? <QuartileChip quartile={s.quartile} reason={s.reason} /> : null;
}

const signedFigure = { signDisplay: 'exceptZero', maximumFractionDigits: 2 } as const;

/** My standing: the firm's own value against each peer group; a rank only where the group is shown to it. */
export function StandingList() {
  return (
    <List filters={filters} sort={{ field: 'createdAt', order: 'ASC' }} perPage={50} title="My standing">
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
