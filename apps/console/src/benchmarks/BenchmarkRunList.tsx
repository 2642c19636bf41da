import Box from '@mui/material/Box';
import { DateTimeField } from '../common/DateFields';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { Create, DataTable, List, ReferenceField, ReferenceInput, required, SelectInput, SimpleForm, TextField, useRecordContext } from 'react-admin';
import type { BenchmarkRun } from '@tandem/contracts';
import { humanize } from '../common/choices';
import { formatDateTime } from '../common/formatDate';
import { ResponsiveList } from '../common/ResponsiveList';
import { stateLabel, StatusChip } from '../common/StatusChip';

function RunProgress() {
  const run = useRecordContext<BenchmarkRun>();
  if (!run) return null;
  const value = run.state === 'completed' ? 100 : run.progress;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 120 }}>
      <LinearProgress variant="determinate" value={value} color={run.state === 'failed' ? 'error' : 'primary'} sx={{ flex: 1 }} aria-label="progress of the recompute" />
      <Typography variant="caption" sx={{ minWidth: 32 }}>
        {value} %
      </Typography>
    </Box>
  );
}

/** Recomputes of a consortium's benchmarks, refreshed while they run. */
export function BenchmarkRunList() {
  return (
    <List sort={{ field: 'createdAt', order: 'DESC' }} queryOptions={{ refetchInterval: 2000 }} title="Benchmark recomputes">
      {/* On a phone: the period and why it ran, when and with how many cells; the state on the right. */}
      <ResponsiveList<BenchmarkRun>
        rowClick={false}
        primaryText={<ReferenceField source="periodId" reference="periods" link={false} />}
        secondaryText={(run) => `${humanize(run.reason)} · ${run.state === 'completed' ? `${run.cells.toLocaleString()} cells${run.computedAt ? `, ${formatDateTime(run.computedAt)}` : ''}` : `${run.progress} %`}`}
        tertiaryText={(run) => stateLabel(run.state)}
      >
        <DataTable bulkActionButtons={false} rowClick={false}>
          <DataTable.Col source="periodId" label="Period" disableSort>
            <ReferenceField source="periodId" reference="periods" link={false}>
              <TextField source="code" />
            </ReferenceField>
          </DataTable.Col>
          <DataTable.Col source="reason" label="Why" disableSort render={(run: BenchmarkRun) => humanize(run.reason)} />
          <DataTable.Col source="state" label="State">
            <StatusChip source="state" />
          </DataTable.Col>
          <DataTable.Col source="progress" label="Progress" disableSort>
            <RunProgress />
          </DataTable.Col>
          <DataTable.Col source="cells" label="Cells" disableSort />
          <DataTable.Col source="threshold" label="k" disableSort />
          <DataTable.Col source="computedAt" label="Computed">
            <DateTimeField source="computedAt" emptyText="—" />
          </DataTable.Col>
        </DataTable>
      </ResponsiveList>
    </List>
  );
}

/** Start a recompute of a closed period; the list shows its progress. */
export function BenchmarkRunCreate() {
  return (
    <Create redirect="list" title="Recompute benchmarks">
      <SimpleForm>
        <ReferenceInput source="periodId" reference="periods" filter={{ state: ['closed', 'published'] }} sort={{ field: 'startsOn', order: 'DESC' }}>
          <SelectInput label="Closed period" optionText="code" validate={required()} />
        </ReferenceInput>
      </SimpleForm>
    </Create>
  );
}
