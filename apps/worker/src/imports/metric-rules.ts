import {
  checkEnabled,
  checkFrequency,
  checkRange,
  checkReporter,
  DEFAULT_OUTLIER_FACTOR,
  detectOutlier,
  formatNumber,
  isPercentageRatio,
  MAX_ABS_COMPONENT,
  MAX_ABS_VALUE,
  readNumber,
  resolveFigures,
  type MetricRule,
} from '@tandem/domain';
import type { ClientBase } from 'pg';

/**
 * The import checks its rows in SQL, set-based, but its messages must read exactly like the
 * API's (libs/domain metric-values/validation.ts). So the messages are not written here:
 * each is obtained from the domain function itself, once per metric, with the figures that
 * vary per row replaced by placeholders ({value}, {num}, {den}, {computed}, {period},
 * {raw}) that the SQL fills in with `tandem_fmt`-style formatting (formatNumber in SQL).
 * metric-rules.int-spec.ts checks SQL and domain agree on sample rows.
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
  return { ...d, outlierFactor: d.outlierFactor, reporters: d.reporters };
}

function errorAt(errors: { path: string; message: string }[], path: string): string | null {
  return errors.find((e) => e.path === path)?.message ?? null;
}

/** Replace the last occurrence of `needle` (a formatted sentinel) by a placeholder. */
function placeholder(message: string | null, needle: string, name: string): string | null {
  if (message === null) return null;
  const at = message.lastIndexOf(needle);
  if (at < 0) throw new Error(`message template: "${needle}" not found in "${message}"`);
  return message.slice(0, at) + name + message.slice(at + needle.length);
}

const S1 = 777_001;
const S2 = 888_002;

export function sqlRule(d: MetricDefinitionRow): SqlMetricRule {
  const rule = toMetricRule(d);
  const scale = rule.ratioScale ?? 1;
  let msgRange: string | null = null;
  if (rule.minValue !== null || rule.maxValue !== null) {
    const outside = rule.minValue !== null ? rule.minValue - S1 : (rule.maxValue as number) + S1;
    msgRange = placeholder(checkRange(rule, outside)?.message ?? null, formatNumber(outside), '{value}');
  }
  const ratioOnly = <T>(fn: () => T): T | null => (rule.isRatio ? fn() : null);
  return {
    id: d.id,
    code: d.code,
    unit: d.unit,
    quarterly: rule.frequency === 'quarterly',
    is_ratio: rule.isRatio,
    pct: isPercentageRatio(rule),
    scale,
    min_value: rule.minValue,
    max_value: rule.maxValue,
    outlier_factor: rule.outlierFactor > 1 ? rule.outlierFactor : DEFAULT_OUTLIER_FACTOR,
    msg_disabled: checkEnabled({ ...rule, enabled: false })?.message ?? null,
    msg_supplier: checkReporter(rule, 'supplier')?.message ?? null,
    msg_customer: checkReporter(rule, 'customer')?.message ?? null,
    msg_frequency: checkFrequency(rule, 'month', '{period}')?.message ?? null,
    msg_range: msgRange,
    msg_not_ratio: rule.isRatio ? null : errorAt(resolveFigures(rule, { value: 1, numerator: 1 }).errors, 'numerator'),
    msg_value_required: errorAt(resolveFigures(rule, {}).errors, 'value') ?? 'is required',
    msg_pair_num: ratioOnly(() => errorAt(resolveFigures(rule, { denominator: 1 }).errors, 'numerator')),
    msg_pair_den: ratioOnly(() => errorAt(resolveFigures(rule, { numerator: 1 }).errors, 'denominator')),
    msg_den_positive: ratioOnly(() => placeholder(errorAt(resolveFigures(rule, { numerator: 0, denominator: -S1 }).errors, 'denominator'), formatNumber(-S1), '{den}')),
    msg_num_negative: ratioOnly(() => placeholder(errorAt(resolveFigures(rule, { numerator: -S1, denominator: 1 }).errors, 'numerator'), formatNumber(-S1), '{num}')),
    msg_num_exceeds: isPercentageRatio(rule)
      ? placeholder(
          placeholder(errorAt(resolveFigures(rule, { numerator: S2, denominator: S1 }).errors, 'numerator'), formatNumber(S1), '{den}'),
          formatNumber(S2),
          '{num}',
        )
      : null,
    msg_mismatch: ratioOnly(() => {
      // value 0.25 against 1 ÷ 1 × scale = scale
      const m = errorAt(resolveFigures(rule, { value: 0.25, numerator: 1, denominator: 1 }).errors, 'value');
      const withComputed = placeholder(m, formatNumber(scale), '{computed}');
      return withComputed === null ? null : withComputed.replace(`value ${formatNumber(0.25)} `, 'value {value} ');
    }),
    msg_outlier: outlierTemplate(d),
  };
}

/** Messages that do not depend on the metric. */
export function commonMessages(): { notANumber: string; valueTooLarge: string; componentTooLarge: string } {
  const notANumber = readNumber('{raw}', 'value').error?.message ?? 'must be a number without units; got "{raw}"';
  const probe = { code: 'X', unit: '', direction: 'higher', minValue: null, maxValue: null, frequency: 'quarterly', reporters: ['supplier'], isRatio: true, ratioScale: 1, numeratorLabel: null, denominatorLabel: null, outlierFactor: 3, enabled: true } as const;
  const big = resolveFigures({ ...probe, reporters: ['supplier'] }, { value: MAX_ABS_VALUE, numerator: MAX_ABS_COMPONENT, denominator: 1 }).errors;
  return {
    notANumber,
    valueTooLarge: errorAt(big, 'value') ?? `must be smaller than ${formatNumber(MAX_ABS_VALUE)} in magnitude`,
    componentTooLarge: errorAt(big, 'numerator') ?? `must be smaller than ${formatNumber(MAX_ABS_COMPONENT)} in magnitude`,
  };
}

/** The outlier note of detectOutlier(), with {prev}, {period} and {value} for the SQL. */
export function outlierTemplate(d: MetricDefinitionRow): string {
  const note = detectOutlier(toMetricRule(d), S1, { value: 0, periodCode: '{period}' }).outlierNote;
  if (note === null) throw new Error(`no outlier note for ${d.code}`);
  const from = `from ${formatNumber(0)} in {period}`;
  const to = `to ${formatNumber(S1)} `;
  if (!note.includes(from) || !note.includes(to)) throw new Error(`outlier note changed shape: ${note}`);
  return note.replace(from, 'from {prev} in {period}').replace(to, 'to {value} ');
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
