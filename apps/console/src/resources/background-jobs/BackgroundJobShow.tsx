import { DateField, FunctionField, NumberField, ReferenceField, Show, SimpleShowLayout, TextField } from 'react-admin';
import type { BackgroundJob } from '@tandem/contracts';
import { StatusChip } from '../../common/StatusChip';
import { BackgroundJobProgress } from './BackgroundJobProgress';
import { backgroundJobName } from './names';

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
        <DateField source="createdAt" label="Asked" showTime />
        <DateField source="runAfter" label="Waits until" showTime emptyText="—" />
        <DateField source="startedAt" label="Started" showTime emptyText="—" />
        <DateField source="finishedAt" label="Finished" showTime emptyText="—" />
      </SimpleShowLayout>
    </Show>
  );
}
