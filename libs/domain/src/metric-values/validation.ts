import type { MetricDirection, MetricFrequency, MetricReporter, PeriodKind, ProblemFieldError } from '@tandem/contracts';
import { DEFAULT_OUTLIER_FACTOR } from './catalogue';
import { DECIMALS, formatNumber, round6 } from './format';
import { valueMessage, type Slots } from './messages';

/**
 * Validation of reported figures exactly as metrics.md states it. Pure functions: the API
 * (single values and bulk push) and the CSV import apply the same rules and produce the
 * same messages. Every message names the metric; range messages also name the range and
 * the value ("OTD must be between 0 and 100 %; got 120").
 */
export type FieldError = ProblemFieldError;

/** What validation needs to know about a metric definition. */
export interface MetricRule {
  code: string;
  unit: string;
  direction: MetricDirection;
  minValue: number | null;
  maxValue: number | null;
  frequency: MetricFrequency;
  reporters: readonly MetricReporter[];
  isRatio: boolean;
  ratioScale: number | null;
  numeratorLabel: string | null;
  denominatorLabel: string | null;
  outlierFactor: number;
  enabled: boolean;
}

/** Who is reporting the figure: the firm about itself, or a customer about its supplier. */
export type ReportingSide = 'supplier' | 'customer';

/** A figure as reported: value, or numerator and denominator of a ratio, or all three. */
export interface FigureInput {
  value?: number | null;
  numerator?: number | null;
  denominator?: number | null;
}

/** A figure as stored: value always, numerator and denominator for ratios when given. */
export interface Figures {
  value: number;
  numerator: number | null;
  denominator: number | null;
}

/** Columns are numeric(18,6) (value) and numeric(20,6) (numerator, denominator). */
export const MAX_ABS_VALUE = 1e12;
export const MAX_ABS_COMPONENT = 1e14;

/** "between 0 and 100 %", "at least 0 parts per million", or null when unbounded. */
export function rangeText(rule: Pick<MetricRule, 'minValue' | 'maxValue' | 'unit'>): string | null {
  const { minValue: min, maxValue: max, unit } = rule;
  if (min !== null && max !== null) return `between ${formatNumber(min)} and ${formatNumber(max)} ${unit}`;
  if (min !== null) return `at least ${formatNumber(min)} ${unit}`;
  if (max !== null) return `at most ${formatNumber(max)} ${unit}`;
  return null;
}

/**
 * The slots of the messages that depend on the metric only (messages.ts): filled once per
 * metric, by the API with the row's own slots, by the import before its SQL fills the rest.
 */
export function ruleSlots(rule: Pick<MetricRule, 'code' | 'unit' | 'minValue' | 'maxValue' | 'ratioScale' | 'numeratorLabel' | 'denominatorLabel' | 'outlierFactor'>): Slots {
  return {
    code: rule.code,
    unit: rule.unit,
    range: rangeText(rule),
    numLabel: rule.numeratorLabel ?? 'numerator',
    denLabel: rule.denominatorLabel ?? 'denominator',
    scale: rule.ratioScale ?? 1,
    factor: outlierFactorOf(rule),
  };
}

/** The factor of the outlier flag: the metric's own when above 1, else the default. */
export function outlierFactorOf(rule: Pick<MetricRule, 'outlierFactor'>): number {
  return rule.outlierFactor > 1 ? rule.outlierFactor : DEFAULT_OUTLIER_FACTOR;
}

/** The range rule of metrics.md. */
export function checkRange(rule: Pick<MetricRule, 'code' | 'minValue' | 'maxValue' | 'unit'>, value: number, path = 'value'): FieldError | null {
  const below = rule.minValue !== null && value < rule.minValue;
  const above = rule.maxValue !== null && value > rule.maxValue;
  if (!below && !above) return null;
  return { path, message: valueMessage('range', { code: rule.code, range: rangeText(rule), value }) };
}

/**
 * A number as it arrives in a loosely typed payload (bulk push, CSV cell already parsed):
 * finite numbers pass, absent stays absent, anything else — notably "95%" — is a wrong type.
 */
export function readNumber(raw: unknown, path: string): { value?: number; error?: FieldError } {
  if (raw === undefined || raw === null) return {};
  if (typeof raw === 'number' && Number.isFinite(raw)) return { value: raw };
  if (typeof raw === 'string') return { error: { path, message: valueMessage('notANumber', { raw: raw.length > 40 ? `${raw.slice(0, 40)}…` : raw }) } };
  return { error: { path, message: valueMessage('notFinite', { raw: typeof raw === 'number' ? String(raw) : typeof raw }) } };
}

export function checkEnabled(rule: Pick<MetricRule, 'code' | 'enabled'>, path = 'metricId'): FieldError | null {
  return rule.enabled ? null : { path, message: valueMessage('disabled', { code: rule.code }) };
}

/** Who may report what: `derived` metrics are computed, never reported. */
export function checkReporter(rule: Pick<MetricRule, 'code' | 'reporters'>, side: ReportingSide, path = 'metricId'): FieldError | null {
  if (rule.reporters.includes(side)) return null;
  if (rule.reporters.length === 1 && rule.reporters[0] === 'derived') {
    return { path, message: valueMessage('derived', { code: rule.code }) };
  }
  const who = side === 'customer' ? 'a customer about its supplier' : 'a firm about itself';
  return { path, message: valueMessage('wrongReporter', { code: rule.code, who, reporters: rule.reporters.join(', ') }) };
}

/** A quarterly metric has no monthly value; a monthly metric may be reported per quarter too. */
export function checkFrequency(rule: Pick<MetricRule, 'code' | 'frequency'>, periodKind: PeriodKind, periodCode: string, path = 'periodId'): FieldError | null {
  if (rule.frequency === 'quarterly' && periodKind === 'month') {
    return { path, message: valueMessage('monthOfQuarterly', { code: rule.code, period: periodCode }) };
  }
  return null;
}

/** A percentage ratio is part of a whole (lines on time of lines delivered): numerator ≤ denominator. */
export function isPercentageRatio(rule: Pick<MetricRule, 'isRatio' | 'ratioScale' | 'unit'>): boolean {
  return rule.isRatio && rule.ratioScale === 100 && rule.unit.trim().startsWith('%');
}

/** Decimals as written: 95.3 → 1, 95 → 0, 1e-7 → 7. */
function decimalsOf(n: number): number {
  const s = String(n);
  const e = /e-(\d+)$/.exec(s);
  if (e) return Number(e[1]) + (s.split('e')[0]?.split('.')[1]?.length ?? 0);
  return s.split('.')[1]?.length ?? 0;
}

/**
 * Value, numerator and denominator as stored. For a ratio, numerator and denominator come
 * together and the value is computed from them (value = numerator ÷ denominator × scale);
 * a value sent beside them must agree with that within its own rounding (95.3 for 95.294…).
 */
export function resolveFigures(rule: MetricRule, input: FigureInput): { figures?: Figures; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const value = input.value ?? null;
  const numerator = input.numerator ?? null;
  const denominator = input.denominator ?? null;
  for (const [path, n, limit] of [
    ['value', value, MAX_ABS_VALUE],
    ['numerator', numerator, MAX_ABS_COMPONENT],
    ['denominator', denominator, MAX_ABS_COMPONENT],
  ] as const) {
    if (n !== null && !Number.isFinite(n)) errors.push({ path, message: valueMessage('finite', {}) });
    else if (n !== null && Math.abs(n) >= limit) errors.push({ path, message: valueMessage('tooLarge', { limit }) });
  }
  if (errors.length) return { errors };
  const slots = ruleSlots(rule);

  if (!rule.isRatio) {
    if (numerator !== null || denominator !== null) {
      const path = numerator !== null ? 'numerator' : 'denominator';
      errors.push({ path, message: valueMessage('notRatio', slots) });
    }
    if (value === null) errors.push({ path: 'value', message: valueMessage('valueRequired', slots) });
    return errors.length || value === null ? { errors } : { figures: { value: round6(value), numerator: null, denominator: null }, errors };
  }

  if ((numerator === null) !== (denominator === null)) {
    const missing = numerator === null ? 'numerator' : 'denominator';
    errors.push({ path: missing, message: valueMessage('pairIncomplete', { ...slots, missing }) });
    return { errors };
  }
  if (numerator === null || denominator === null) {
    if (value === null) errors.push({ path: 'value', message: valueMessage('valueOrPairRequired', slots) });
    return errors.length || value === null ? { errors } : { figures: { value: round6(value), numerator: null, denominator: null }, errors };
  }

  const row = { ...slots, num: numerator, den: denominator };
  if (denominator <= 0) errors.push({ path: 'denominator', message: valueMessage('denominatorPositive', row) });
  if (numerator < 0) errors.push({ path: 'numerator', message: valueMessage('numeratorNegative', row) });
  if (isPercentageRatio(rule) && numerator > denominator) errors.push({ path: 'numerator', message: valueMessage('numeratorExceeds', row) });
  if (errors.length) return { errors };

  const computed = round6((numerator / denominator) * (rule.ratioScale ?? 1));
  if (value !== null) {
    const tolerance = 0.5 * 10 ** -Math.min(decimalsOf(value), DECIMALS) + 1e-9;
    if (Math.abs(value - computed) > tolerance) {
      errors.push({ path: 'value', message: valueMessage('mismatch', { ...slots, value, computed }) });
      return { errors };
    }
  }
  return { figures: { value: computed, numerator: round6(numerator), denominator: round6(denominator) }, errors };
}

/**
 * Consistency between metrics of the same firm and period that follows from metrics.md's
 * definitions: the manufacturing cycle time (hours from first operation to completion) is a
 * part of the lead time (days from order receipt to shipment), so it cannot be longer.
 * OEE ≤ 100 and numerator ≤ denominator are range and ratio rules above.
 */
export interface CrossMetricRule {
  /** value(code) in `unit` must be ≤ value(atMost) in `otherUnit` × factor */
  code: string;
  unit: string;
  atMost: string;
  otherUnit: string;
  factor: number;
  why: string;
}

export const CROSS_METRIC_RULES: readonly CrossMetricRule[] = [
  { code: 'CYCLE_TIME', unit: 'hours', atMost: 'LEAD_TIME', otherUnit: 'days', factor: 24, why: 'the cycle time is part of the lead time' },
];

/** Codes whose same-period values must be looked up to check `code`. */
export function relatedMetricCodes(code: string): string[] {
  return CROSS_METRIC_RULES.flatMap((r) => (r.code === code ? [r.atMost] : r.atMost === code ? [r.code] : []));
}

/** `related`: the firm's values of the same period for the codes relatedMetricCodes named. */
export function checkCrossMetric(code: string, value: number, related: Readonly<Record<string, number | undefined>>, path = 'value'): FieldError[] {
  const errors: FieldError[] = [];
  for (const r of CROSS_METRIC_RULES) {
    if (r.code === code) {
      const other = related[r.atMost];
      if (other !== undefined && value > other * r.factor) {
        errors.push({
          path,
          message: `${code} (${formatNumber(value)} ${r.unit}) cannot exceed ${r.atMost} of the same period (${formatNumber(other)} ${r.otherUnit} = ${formatNumber(other * r.factor)} ${r.unit}): ${r.why}`,
        });
      }
    } else if (r.atMost === code) {
      const other = related[r.code];
      if (other !== undefined && other > value * r.factor) {
        errors.push({
          path,
          message: `${code} (${formatNumber(value)} ${r.otherUnit} = ${formatNumber(value * r.factor)} ${r.unit}) cannot be shorter than ${r.code} of the same period (${formatNumber(other)} ${r.unit}): ${r.why}`,
        });
      }
    }
  }
  return errors;
}

export interface PreviousValue {
  value: number;
  periodCode: string;
}

/**
 * metrics.md: a value that moves by more than the metric's factor (default 3×) from the
 * firm's previous period is accepted but flagged for staff review, never dropped. A move
 * from or to zero, or across zero, is an unbounded factor and is flagged.
 */
export function detectOutlier(
  rule: Pick<MetricRule, 'code' | 'unit' | 'outlierFactor'>,
  value: number,
  previous: PreviousValue | null,
): { outlier: boolean; outlierNote: string | null } {
  if (!previous) return { outlier: false, outlierNote: null };
  const factor = outlierFactorOf(rule);
  const a = previous.value;
  const b = value;
  if (a === b) return { outlier: false, outlierNote: null };
  const lo = Math.min(Math.abs(a), Math.abs(b));
  const hi = Math.max(Math.abs(a), Math.abs(b));
  const flagged = lo === 0 || Math.sign(a) !== Math.sign(b) || hi / lo > factor;
  if (!flagged) return { outlier: false, outlierNote: null };
  return {
    outlier: true,
    outlierNote: valueMessage('outlier', { code: rule.code, unit: rule.unit, factor, prev: a, period: previous.periodCode, value: b }),
  };
}

export interface ValidationContext {
  side: ReportingSide;
  periodKind: PeriodKind;
  periodCode: string;
  /** the firm's same-period values of relatedMetricCodes(rule.code) */
  related?: Readonly<Record<string, number | undefined>>;
}

/** Every rule of metrics.md at once, so a request learns all its problems in one answer. */
export function validateFigures(rule: MetricRule, input: FigureInput, ctx: ValidationContext): { figures?: Figures; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const gate = [checkEnabled(rule), checkReporter(rule, ctx.side), checkFrequency(rule, ctx.periodKind, ctx.periodCode)];
  for (const e of gate) if (e) errors.push(e);
  const resolved = resolveFigures(rule, input);
  errors.push(...resolved.errors);
  if (!resolved.figures) return { errors };
  const range = checkRange(rule, resolved.figures.value);
  if (range) errors.push(range);
  errors.push(...checkCrossMetric(rule.code, resolved.figures.value, ctx.related ?? {}));
  return errors.length ? { errors } : { figures: resolved.figures, errors };
}

/** Same figures as stored (6 decimals), so a repeated push is recognised as unchanged. */
export function sameFigures(a: Figures, b: Figures): boolean {
  const eq = (x: number | null, y: number | null) => (x === null || y === null ? x === y : round6(x) === round6(y));
  return eq(a.value, b.value) && eq(a.numerator, b.numerator) && eq(a.denominator, b.denominator);
}
