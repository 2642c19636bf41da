import {
  checkEnabled,
  checkReporter,
  fillMessage,
  formatNumber,
  isPercentageRatio,
  MAX_ABS_COMPONENT,
  MAX_ABS_VALUE,
  metricRuleOf,
  outlierFactorOf,
  ruleSlots,
  VALUE_MESSAGES,
  type MetricRule,
} from '@tandem/domain';
import type { ClientBase } from 'pg';

/**
 * The import checks its rows in SQL, set-based, but its messages must read exactly like the
 * API's. So the messages are not written here: they are the domain's templates
 * (libs/domain metric-values/messages.ts) with the metric's slots filled once per metric,
 * and the slots that vary per row ({value}, {num}, {den}, {computed}, {prev}, {period},
 * {raw}) left for the SQL to fill with formatNumber's SQL twin (import.sql.ts `fmt`).
 * imports.int-spec.ts checks SQL and domain agree on sample rows.
 */
export interface MetricDefinitionRow {
  id: string;
  code: string;
  unit: string;
  direction: 'higher' | 'lower';
  minValue: number | null;
  maxValue: number | null;
  frequency: 'monthly' | 'quarterly';
  reporters: ('supplier' | 'customer' | 'derived')[];
  isRatio: boolean;
  ratioScale: number | null;
  numeratorLabel: string | null;
  denominatorLabel: string | null;
  outlierFactor: number;
  enabled: boolean;
}

/** One row of the rules table the check statement joins (jsonb_to_recordset). */
export interface SqlMetricRule {
  id: string;
  code: string;
  unit: string;
  quarterly: boolean;
  is_ratio: boolean;
  pct: boolean;
  scale: number;
  min_value: number | null;
  max_value: number | null;
  outlier_factor: number;
  msg_disabled: string | null;
  msg_supplier: string | null;
  msg_customer: string | null;
  msg_frequency: string | null;
  msg_range: string | null;
  msg_not_ratio: string | null;
  msg_value_required: string;
  msg_pair_num: string | null;
  msg_pair_den: string | null;
  msg_den_positive: string | null;
  msg_num_negative: string | null;
  msg_num_exceeds: string | null;
  msg_mismatch: string | null;
  msg_outlier: string;
}

export function toMetricRule(d: MetricDefinitionRow): MetricRule {
  return metricRuleOf(d);
}

export function sqlRule(d: MetricDefinitionRow): SqlMetricRule {
  const rule = toMetricRule(d);
  const slots = ruleSlots(rule);
  const msg = (kind: keyof typeof VALUE_MESSAGES): string => fillMessage(VALUE_MESSAGES[kind], slots);
  const ratioOnly = (kind: keyof typeof VALUE_MESSAGES): string | null => (rule.isRatio ? msg(kind) : null);
  return {
    id: d.id,
    code: d.code,
    unit: d.unit,
    quarterly: rule.frequency === 'quarterly',
    is_ratio: rule.isRatio,
    pct: isPercentageRatio(rule),
    scale: rule.ratioScale ?? 1,
    min_value: rule.minValue,
    max_value: rule.maxValue,
    outlier_factor: outlierFactorOf(rule),
    msg_disabled: checkEnabled({ ...rule, enabled: false })?.message ?? null,
    msg_supplier: checkReporter(rule, 'supplier')?.message ?? null,
    msg_customer: checkReporter(rule, 'customer')?.message ?? null,
    msg_frequency: rule.frequency === 'quarterly' ? msg('monthOfQuarterly') : null,
    msg_range: rule.minValue !== null || rule.maxValue !== null ? msg('range') : null,
    msg_not_ratio: rule.isRatio ? null : msg('notRatio'),
    msg_value_required: msg(rule.isRatio ? 'valueOrPairRequired' : 'valueRequired'),
    msg_pair_num: rule.isRatio ? fillMessage(VALUE_MESSAGES.pairIncomplete, { ...slots, missing: 'numerator' }) : null,
    msg_pair_den: rule.isRatio ? fillMessage(VALUE_MESSAGES.pairIncomplete, { ...slots, missing: 'denominator' }) : null,
    msg_den_positive: ratioOnly('denominatorPositive'),
    msg_num_negative: ratioOnly('numeratorNegative'),
    msg_num_exceeds: isPercentageRatio(rule) ? msg('numeratorExceeds') : null,
    msg_mismatch: ratioOnly('mismatch'),
    msg_outlier: outlierTemplate(d),
  };
}

/** Messages that do not depend on the metric. */
export function commonMessages(): { notANumber: string; valueTooLarge: string; componentTooLarge: string } {
  return {
    notANumber: VALUE_MESSAGES.notANumber,
    valueTooLarge: fillMessage(VALUE_MESSAGES.tooLarge, { limit: formatNumber(MAX_ABS_VALUE) }),
    componentTooLarge: fillMessage(VALUE_MESSAGES.tooLarge, { limit: formatNumber(MAX_ABS_COMPONENT) }),
  };
}

/** The outlier note of detectOutlier(), with {prev}, {period} and {value} for the SQL. */
export function outlierTemplate(d: MetricDefinitionRow): string {
  return fillMessage(VALUE_MESSAGES.outlier, ruleSlots(toMetricRule(d)));
}

/** The consortium's catalogue, numbers as numbers (the domain rules work on JS numbers). */
export async function loadMetricDefinitions(client: ClientBase, consortiumId: string): Promise<MetricDefinitionRow[]> {
  const { rows } = await client.query<MetricDefinitionRow>(
    `SELECT id, code, unit, direction, "minValue"::float8 AS "minValue", "maxValue"::float8 AS "maxValue", frequency,
            reporters::text[] AS reporters, "isRatio", "ratioScale"::float8 AS "ratioScale", "numeratorLabel", "denominatorLabel",
            "outlierFactor"::float8 AS "outlierFactor", enabled
       FROM "MetricDefinition" WHERE "consortiumId" = $1`,
    [consortiumId],
  );
  return rows;
}
