import { DataTable, List, SelectInput, TextField } from 'react-admin';
import { BACKGROUND_JOB_STATES, type BackgroundJob } from '@tandem/contracts';
import { humanize } from '../../common/choices';
import { formatDateTime } from '../../common/formatDate';
import { ResponsiveList } from '../../common/ResponsiveList';
import { StatusChip } from '../../common/StatusChip';
import { BackgroundJobProgress } from './BackgroundJobProgress';
import { backgroundJobName } from './names';
import { DateTimeField } from '../../common/DateFields';

const filters = [<SelectInput key="state" source="state" choices={BACKGROUND_JOB_STATES.map((id) => ({ id, name: humanize(id) }))} alwaysOn />];

/** "Jan 5, 2026, 9:12 AM · 40 %" while it runs, then its summary. */
function jobFacts(job: BackgroundJob): string {
  const how = job.state === 'running' || job.state === 'queued' ? `${job.progress} %` : job.summary;
  return [`asked ${formatDateTime(job.createdAt)}`, how].filter(Boolean).join(' · ');
}

/** The consortium's background work, newest first; refreshed while something is still running. */
export function BackgroundJobList() {
  return (
    <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} queryOptions={{ refetchInterval: 3000 }}>
      <ResponsiveList<BackgroundJob> rowClick="show" primaryText={(job) => backgroundJobName(job.name)} secondaryText={jobFacts} tertiaryText={(job) => humanize(job.state)}>
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="createdAt" label="Asked">
            <DateTimeField source="createdAt" />
          </DataTable.Col>
          <DataTable.Col source="name" label="Work" render={(job: { name: string }) => backgroundJobName(job.name)} />
          <DataTable.Col source="state">
            <StatusChip source="state" />
          </DataTable.Col>
          <DataTable.Col label="Progress" disableSort>
            <BackgroundJobProgress />
          </DataTable.Col>
          <DataTable.Col source="summary" disableSort>
            <TextField source="summary" emptyText="—" />
          </DataTable.Col>
          <DataTable.Col source="finishedAt" label="Finished">
            <DateTimeField source="finishedAt" emptyText="—" />
          </DataTable.Col>
        </DataTable>
      </ResponsiveList>
    </List>
  );
}
