import { DataTable, List, ReferenceField, useRecordContext } from 'react-admin';
import type { CorrectiveActionPlan } from '@tandem/contracts';
import { StateField } from '../../performance/PerfChip';
import { correctiveActionPlanFilters } from './CorrectiveActionPlanFilters';
import { DayField } from '../../common/DateFields';

function TaskProgress(_: { label?: string }) {
  const plan = useRecordContext<CorrectiveActionPlan>();
  if (!plan) return null;
  const done = plan.tasks.filter((t) => t.status === 'done').length;
  return (
    <span>
      {done} / {plan.tasks.length} done
    </span>
  );
}

export function CorrectiveActionPlanList() {
  return (
    <List filters={correctiveActionPlanFilters} sort={{ field: 'createdAt', order: 'DESC' }}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="title" />
        <DataTable.Col source="relationshipId" label="Supplier → customer" disableSort>
          <ReferenceField source="relationshipId" reference="supply-relationships" link={false} />
        </DataTable.Col>
        <DataTable.Col source="standing">
          <StateField source="standing" />
        </DataTable.Col>
        <DataTable.Col source="status">
          <StateField source="status" />
        </DataTable.Col>
        <DataTable.Col source="tasks" label="Tasks" disableSort>
          <TaskProgress />
        </DataTable.Col>
        <DataTable.Col source="dueOn" label="Due" field={DayField} />
      </DataTable>
    </List>
  );
}
