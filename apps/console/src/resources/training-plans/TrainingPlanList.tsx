import { CreateButton, DataTable, ExportButton, List, NumberField, SelectInput, TopToolbar, useRecordContext } from 'react-admin';
import type { TrainingPlan } from '@tandem/contracts';
import { ResponsiveList } from '../../common/ResponsiveList';
import { StatusChip, stateLabel } from '../../common/StatusChip';
import { awaitingChoices, awaitingText, trainingPlanStatusChoices } from './choices';

const filters = [
  <SelectInput key="status" source="status" choices={trainingPlanStatusChoices} alwaysOn />,
  <SelectInput key="awaiting" source="awaiting" label="Awaiting" choices={awaitingChoices} alwaysOn />,
];

function Awaiting(_: { label?: string }) {
  const plan = useRecordContext<TrainingPlan>();
  return plan ? <span>{awaitingText(plan) || '—'}</span> : null;
}

/** Create shows itself to those who may draft (canAccess: training-plans.write). */
function Actions() {
  return (
    <TopToolbar>
      <CreateButton label="Draft a plan" />
      <ExportButton />
    </TopToolbar>
  );
}

/** Staff see every member's plan, a firm its own, a union representative those of the firms its union represents. */
export function TrainingPlanList() {
  return (
    <List filters={filters} actions={<Actions />} sort={{ field: 'updatedAt', order: 'DESC' }}>
      <ResponsiveList<TrainingPlan>
        rowClick="show"
        primaryText={(p) => `${p.organisationName} · ${p.year}`}
        secondaryText={(p) => [stateLabel(p.status), awaitingText(p)].filter(Boolean).join(' · ')}
        tertiaryText={(p) => `${p.hours.toLocaleString()} h`}
      >
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="organisationName" label="Firm" />
          <DataTable.Col source="year" />
          <DataTable.Col source="status">
            <StatusChip source="status" />
          </DataTable.Col>
          <DataTable.Col source="awaiting" label="Awaiting" disableSort>
            <Awaiting />
          </DataTable.Col>
          <DataTable.Col source="frontlineWorkers" label="Frontline workers" disableSort field={NumberField} />
          <DataTable.Col source="hours" label="Hours" disableSort field={NumberField} />
          <DataTable.Col source="budget" label="Budget" disableSort>
            <NumberField source="budget" options={{ style: 'currency', currency: 'USD', maximumFractionDigits: 0 }} />
          </DataTable.Col>
        </DataTable>
      </ResponsiveList>
    </List>
  );
}
