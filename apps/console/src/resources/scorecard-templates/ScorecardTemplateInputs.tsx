import {
  ArrayInput,
  AutocompleteInput,
  BooleanInput,
  NumberInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  usePermissions,
} from 'react-admin';
import type { ScorecardThreshold } from '@tandem/contracts';
import { FormRow } from '../../common/FormRow';
import type { TandemPermissions } from '../../providers/authProvider';
import { standingChoices } from '../../common/enumChoices';

const boundChoices = [
  { id: 'atLeast', name: 'at least (higher is better)' },
  { id: 'atMost', name: 'at most (lower is better)' },
];

/** In the form a threshold is {bound, limit, score}; the API takes {atLeast, score} or {atMost, score}. */
interface FormThreshold {
  bound?: 'atLeast' | 'atMost';
  limit?: number | null;
  score?: number | null;
}
interface FormCriterion {
  metricId?: string;
  weight?: number;
  thresholds?: FormThreshold[];
}

export function templateToForm(record: Record<string, unknown>): Record<string, unknown> {
  const criteria = (record.criteria as { metricId: string; weight: number; thresholds: ScorecardThreshold[] }[] | undefined) ?? [];
  return {
    ...record,
    criteria: criteria.map((c) => ({
      metricId: c.metricId,
      weight: c.weight,
      thresholds: c.thresholds.map((t) => ('atLeast' in t ? { bound: 'atLeast', limit: t.atLeast, score: t.score } : { bound: 'atMost', limit: t.atMost, score: t.score })),
    })),
  };
}

function toBody(data: Record<string, unknown>, withScope: boolean): Record<string, unknown> {
  const criteria = ((data.criteria as FormCriterion[] | undefined) ?? []).map((c) => ({
    metricId: c.metricId,
    weight: c.weight,
    thresholds: (c.thresholds ?? []).map((t) => (t.bound === 'atMost' ? { atMost: t.limit, score: t.score } : { atLeast: t.limit, score: t.score })),
  }));
  const standings = ((data.standings as { standing?: string; minScore?: number }[] | undefined) ?? []).map((s) => ({ standing: s.standing, minScore: s.minScore }));
  return {
    name: data.name,
    active: data.active,
    standings,
    criteria,
    ...(withScope && data.customerId ? { customerId: data.customerId } : {}),
  };
}

export const scorecardTemplateCreateBody = (data: Record<string, unknown>) => toBody(data, true);
export const scorecardTemplateUpdateBody = (data: Record<string, unknown>) => toBody(data, false);

export const DEFAULT_TEMPLATE = {
  active: true,
  standings: [
    { standing: 'preferred', minScore: 85 },
    { standing: 'approved', minScore: 70 },
    { standing: 'development', minScore: 50 },
    { standing: 'probation', minScore: 0 },
  ],
  criteria: [],
};

/** Staff choose whose template it is; a buyer's template is its own customer's. */
export function ScorecardTemplateScopeInput() {
  const { permissions } = usePermissions<TandemPermissions>();
  const staff = permissions?.role === 'consortium_staff' || permissions?.role === 'platform_admin';
  if (!staff) return null;
  return (
    <ReferenceInput source="customerId" reference="organisations" filter={{ kind: 'customer' }} sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput label="Customer" optionText="name" helperText="Empty: the consortium's template" filterToQuery={(q: string) => ({ q })} sx={{ width: 420 }} />
    </ReferenceInput>
  );
}

export function ScorecardTemplateInputs() {
  return (
    <>
      <FormRow>
        <TextInput source="name" validate={required()} />
        <BooleanInput source="active" helperText="At most one active template per customer (and one for the consortium)" />
      </FormRow>
      <ArrayInput source="criteria" label="Criteria">
        <SimpleFormIterator inline disableReordering>
          <ReferenceInput source="metricId" reference="metric-definitions" sort={{ field: 'code', order: 'ASC' }} perPage={100}>
            <SelectInput label="Metric" optionText="code" validate={required()} sx={{ width: 180 }} />
          </ReferenceInput>
          <NumberInput source="weight" validate={required()} sx={{ width: 100 }} />
          <ArrayInput source="thresholds" label="Thresholds, first match scores">
            <SimpleFormIterator inline disableReordering>
              <SelectInput source="bound" label="Value" choices={boundChoices} validate={required()} sx={{ width: 250 }} />
              <NumberInput source="limit" label="Limit" validate={required()} sx={{ width: 110 }} />
              <NumberInput source="score" label="Score" validate={required()} sx={{ width: 90 }} />
            </SimpleFormIterator>
          </ArrayInput>
        </SimpleFormIterator>
      </ArrayInput>
      <ArrayInput source="standings" label="Standings (one must start at 0)">
        <SimpleFormIterator inline disableReordering>
          <SelectInput source="standing" choices={standingChoices} validate={required()} sx={{ width: 200 }} />
          <NumberInput source="minScore" label="From score" validate={required()} sx={{ width: 120 }} />
        </SimpleFormIterator>
      </ArrayInput>
    </>
  );
}
