import { DataTable, List, ReferenceField, useRecordContext } from 'react-admin';
import type { CorrectiveActionPlan } from '@tandem/contracts';
import { formatDay } from '../../common/formatDate';
import { ResponsiveList } from '../../common/ResponsiveList';
import { StatusChip, stateLabel } from '../../common/StatusChip';
import { correctiveActionPlanFilters } from './CorrectiveActionPlanFilters';
import { DayField } from '../../common/DateFields';

/** "2 / 5 done" */
function taskProgress(plan: CorrectiveActionPlan): string {
  return `${plan.tasks.filter((t) => t.status === 'done').length} / ${plan.tasks.length} done`;
}

function TaskProgress(_: { label?: string }) {
  const plan = useRecordContext<CorrectiveActionPlan>();
  return plan ? <span>{taskProgress(plan)}</span> : null;
}

export function CorrectiveActionPlanList() {
  return (
    <List filters={correctiveActionPlanFilters} sort={{ field: 'createdAt', order: 'DESC' }}>
      {/* On a phone: the plan, whose it is, and how far it got before its due day. */}
      <ResponsiveList<CorrectiveActionPlan>
        rowClick="show"
        primaryText={(p) => p.title}
        secondaryText={(p) => (
          <>
            <ReferenceField source="relationshipId" reference="supply-relationships" link={false} /> · {stateLabel(p.standing)} · due {formatDay(p.dueOn)} · tasks {taskProgress(p)}
          </>
        )}
        tertiaryText={(p) => stateLabel(p.status)}
      >
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="title" />
          <DataTable.Col source="relationshipId" label="Supplier → customer" disableSort>
            <ReferenceField source="relationshipId" reference="supply-relationships" link={false} />
          </DataTable.Col>
          <DataTable.Col source="standing">
            <StatusChip source="standing" />
          </DataTable.Col>
          <DataTable.Col source="status">
            <StatusChip source="status" />
          </DataTable.Col>
          <DataTable.Col source="tasks" label="Tasks" disableSort>
            <TaskProgress />
          </DataTable.Col>
          <DataTable.Col source="dueOn" label="Due" field={DayField} />
        </DataTable>
      </ResponsiveList>
    </List>
  );
}
