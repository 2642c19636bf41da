import { FunctionField, NumberField, ReferenceField, Show, SimpleShowLayout, TextField } from 'react-admin';
import type { BackgroundJob } from '@tandem/contracts';
import { StatusChip } from '../../common/StatusChip';
import { BackgroundJobProgress } from './BackgroundJobProgress';
import { backgroundJobName } from './names';
import { DateTimeField } from '../../common/DateFields';

export function BackgroundJobShow() {
  return (
    <Show queryOptions={{ refetchInterval: 2000 }}>
      <SimpleShowLayout>
        <FunctionField label="Work" render={(job: BackgroundJob) => backgroundJobName(job.name)} />
        <StatusChip source="state" />
        <BackgroundJobProgress />
        <TextField source="summary" emptyText="—" />
        <TextField source="error" emptyText="—" />
        <FunctionField
          label="About"
          render={(job: BackgroundJob) =>
            job.subjectType === 'Period' && job.subjectId ? <ReferenceField source="subjectId" reference="periods" link="show" /> : (job.subjectId ?? '—')
          }
        />
        <ReferenceField source="requestedById" reference="users" label="Asked by" emptyText="scheduled" />
        <NumberField source="attempts" />
        <DateTimeField source="createdAt" label="Asked" />
        <DateTimeField source="runAfter" label="Waits until" emptyText="—" />
        <DateTimeField source="startedAt" label="Started" emptyText="—" />
        <DateTimeField source="finishedAt" label="Finished" emptyText="—" />
      </SimpleShowLayout>
    </Show>
  );
}
