import { DataTable, List, NumberField, ReferenceField, TextField, usePermissions } from 'react-admin';
import type { MetricGoal } from '@tandem/contracts';
import type { TandemPermissions } from '../../providers/authProvider';
import { formatDay } from '../../common/formatDate';
import { ResponsiveList } from '../../common/ResponsiveList';
import { formatFigure } from '../../common/figures';
import { FirmName } from '../../common/FirmName';
import { metricGoalFilters } from './MetricGoalFilters';
import { DateTimeField, DayField } from '../../common/DateFields';

/** "baseline 4.2 → goal 2 by Dec 31, 2026" */
function goalText(g: MetricGoal): string {
  return `baseline ${formatFigure(g.baselineValue)} → goal ${formatFigure(g.goalValue)}${g.goalDate ? ` by ${formatDay(g.goalDate)}` : ''}`;
}

export function MetricGoalList() {
  const { permissions } = usePermissions<TandemPermissions>();
  const staff = permissions?.role === 'consortium_staff' || permissions?.role === 'platform_admin';
  return (
    <List filters={metricGoalFilters(staff)} sort={{ field: 'createdAt', order: 'DESC' }}>
      {/* On a phone: the metric, and for staff (goals of many firms) the firm, above the goal. */}
      <ResponsiveList<MetricGoal>
        rowClick="show"
        primaryText={
          <ReferenceField source="metricId" reference="metric-definitions" link={false}>
            <TextField source="code" />
          </ReferenceField>
        }
        secondaryText={(g) =>
          staff ? (
            <>
              <FirmName source="organisationId" /> · {goalText(g)}
            </>
          ) : (
            goalText(g)
          )
        }
      >
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="organisationId" label="Firm" disableSort>
            <FirmName source="organisationId" />
          </DataTable.Col>
          <DataTable.Col source="metricId" label="Metric" disableSort>
            <ReferenceField source="metricId" reference="metric-definitions" link={false}>
              <TextField source="code" />
            </ReferenceField>
          </DataTable.Col>
          <DataTable.Col source="baselinePeriodId" label="Baseline period" disableSort>
            <ReferenceField source="baselinePeriodId" reference="periods" link={false} emptyText="first validated">
              <TextField source="code" />
            </ReferenceField>
          </DataTable.Col>
          <DataTable.Col source="baselineValue" label="Baseline" disableSort>
            <NumberField source="baselineValue" emptyText="—" />
          </DataTable.Col>
          <DataTable.Col source="goalValue" label="Goal" disableSort>
            <NumberField source="goalValue" emptyText="—" />
          </DataTable.Col>
          <DataTable.Col source="goalDate" label="By">
            <DayField source="goalDate" emptyText="—" />
          </DataTable.Col>
          <DataTable.Col source="updatedAt" label="Updated" field={DateTimeField} />
        </DataTable>
      </ResponsiveList>
    </List>
  );
}
