import { NumberInput, TextInput, useRecordContext } from 'react-admin';
import type { MetricValue } from '@tandem/contracts';
import { FormRow } from '../../common/FormRow';

export const METRIC_VALUE_UPDATE_FIELDS = ['revision', 'value', 'numerator', 'denominator', 'note', 'reason'] as const;

/**
 * The body of PUT /api/metric-values/{id}: the current revision (optimistic concurrency) and
 * the figures. A ratio with numerator and denominator lets the API compute the value, so a
 * stale value beside changed raw figures is not sent.
 */
export function metricValueUpdateBody(data: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of METRIC_VALUE_UPDATE_FIELDS) if (data[field] !== undefined) body[field] = data[field] === '' ? null : data[field];
  if (body.numerator !== null && body.numerator !== undefined && body.denominator !== null && body.denominator !== undefined) delete body.value;
  if (body.reason === null) delete body.reason;
  return body;
}

export function MetricValueInputs() {
  const value = useRecordContext<MetricValue>();
  const ratio = value ? value.numerator !== null || value.denominator !== null : false;
  return (
    <>
      <FormRow>
        <NumberInput source="value" helperText={ratio ? 'Computed from numerator and denominator when both are given' : false} />
        <NumberInput source="numerator" helperText="Ratios only" />
        <NumberInput source="denominator" helperText="Ratios only" />
      </FormRow>
      <FormRow>
        <TextInput source="note" multiline />
        <TextInput source="reason" label="Reason for the change" helperText="Required once the period is closed: the change then waits for staff approval" multiline />
      </FormRow>
    </>
  );
}
