import { AutocompleteInput, DateInput, NumberInput, ReferenceInput, required, SelectInput, usePermissions } from 'react-admin';
import { FormRow } from '../../common/FormRow';
import { pickFields } from '../../common/pick';
import type { TandemPermissions } from '../../providers/authProvider';

const GOAL_FIELDS = ['baselinePeriodId', 'baselineValue', 'goalValue', 'goalDate'] as const;
export const metricGoalCreateBody = pickFields(['organisationId', 'metricId', ...GOAL_FIELDS] as const);
export const metricGoalUpdateBody = pickFields(GOAL_FIELDS);

/** Which firm and metric: chosen once. A firm sets its own goals; staff name the firm. */
export function MetricGoalSubjectInputs() {
  const { permissions } = usePermissions<TandemPermissions>();
  const staff = permissions?.role === 'consortium_staff' || permissions?.role === 'platform_admin';
  return (
    <FormRow>
      {staff && (
        <ReferenceInput source="organisationId" reference="organisations" sort={{ field: 'name', order: 'ASC' }}>
          <AutocompleteInput label="Firm" optionText="name" validate={required()} filterToQuery={(q: string) => ({ q })} />
        </ReferenceInput>
      )}
      <ReferenceInput source="metricId" reference="metric-definitions" sort={{ field: 'code', order: 'ASC' }} perPage={100} filter={{ enabled: true }}>
        <SelectInput label="Metric" optionText={(m: { code: string; name: string }) => `${m.code} · ${m.name}`} validate={required()} />
      </ReferenceInput>
    </FormRow>
  );
}

export function MetricGoalInputs() {
  return (
    <>
      <FormRow>
        <ReferenceInput source="baselinePeriodId" reference="periods" sort={{ field: 'startsOn', order: 'DESC' }}>
          <SelectInput label="Baseline period" optionText="code" helperText="Empty: the first period with a validated value" />
        </ReferenceInput>
        <NumberInput source="baselineValue" label="Baseline" helperText="Empty: the value of the baseline period" />
      </FormRow>
      <FormRow>
        <NumberInput source="goalValue" label="Goal" />
        <DateInput source="goalDate" label="Goal date" />
      </FormRow>
    </>
  );
}
