import type { MetricDefinition, MetricValue, Period } from '@tandem/contracts';
import { checkRange, resolveFigures, STANDARD_CATALOGUE } from '@tandem/domain';

/** What a person typed in one row of the grid; strings until they are sent. */
export interface Draft {
  value: string;
  numerator: string;
  denominator: string;
  note: string;
}

export const EMPTY_DRAFT: Draft = { value: '', numerator: '', denominator: '', note: '' };

export type Side = 'supplier' | 'customer';

export interface RowError {
  /** per input: value, numerator, denominator, note */
  fields: Record<string, string>;
  /** what concerns the row as a whole (period closed, stale revision, ...) */
  message?: string;
}

const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

export function draftOf(value: MetricValue | undefined): Draft {
  if (!value) return EMPTY_DRAFT;
  return { value: text(value.value), numerator: text(value.numerator), denominator: text(value.denominator), note: value.note ?? '' };
}

export function sameDraft(a: Draft, b: Draft): boolean {
  return a.value.trim() === b.value.trim() && a.numerator.trim() === b.numerator.trim() && a.denominator.trim() === b.denominator.trim() && a.note.trim() === b.note.trim();
}

export function isEmptyDraft(d: Draft): boolean {
  return sameDraft(d, EMPTY_DRAFT);
}

/** The metrics one side reports for one period: enabled, reported by that side, of a frequency the period can hold. */
export function metricsFor(definitions: readonly MetricDefinition[], side: Side, period: Period | undefined): MetricDefinition[] {
  const order = new Map(STANDARD_CATALOGUE.map((m, i) => [m.code, i]));
  return definitions
    .filter((m) => m.enabled && m.reporters.includes(side) && !(period?.kind === 'month' && m.frequency === 'quarterly'))
    .sort((a, b) => (order.get(a.code) ?? 1000) - (order.get(b.code) ?? 1000) || a.code.localeCompare(b.code));
}

export interface Figures {
  value?: number | null;
  numerator?: number | null;
  denominator?: number | null;
}

/**
 * The figures a row sends. Numbers are checked for form only ("95%" is not a number); every
 * rule of metrics.md (range, ratio, consistency) is the API's, so its message is the one shown.
 * A ratio with numerator and denominator sends those and lets the API compute the value.
 */
export function figuresOf(metric: MetricDefinition, draft: Draft): { figures?: Figures; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const read = (field: keyof Figures): number | null => {
    const raw = draft[field].trim();
    if (raw === '') return null;
    if (!PLAIN_NUMBER.test(raw)) {
      errors[field] = `must be a number without units (e.g. 95.5, not "${raw}")`;
      return null;
    }
    return Number(raw);
  };
  const value = read('value');
  const numerator = metric.isRatio ? read('numerator') : null;
  const denominator = metric.isRatio ? read('denominator') : null;
  if (Object.keys(errors).length) return { errors };
  if (metric.isRatio && (numerator !== null || denominator !== null)) return { figures: { numerator, denominator }, errors };
  return { figures: { value }, errors };
}

/** numerator ÷ denominator × scale while typing, to show what the API will store. */
export function previewRatio(metric: MetricDefinition, draft: Draft): number | null {
  if (!metric.isRatio) return null;
  const n = Number(draft.numerator);
  const d = Number(draft.denominator);
  if (draft.numerator.trim() === '' || draft.denominator.trim() === '' || !Number.isFinite(n) || !Number.isFinite(d) || d <= 0) return null;
  return Math.round((n / d) * (metric.ratioScale ?? 1) * 1000) / 1000;
}

/**
 * The rules of metrics.md a row can be checked against as the person leaves a field: form,
 * ratio (numerator and denominator together, denominator > 0, …) and range, with the API's
 * own messages (libs/domain). A row with no figure yet is not judged; the API still checks
 * everything when the row is saved.
 */
export function checkDraft(metric: MetricDefinition, draft: Draft): Record<string, string> {
  if (draft.value.trim() === '' && draft.numerator.trim() === '' && draft.denominator.trim() === '') return {};
  const { figures, errors } = figuresOf(metric, draft);
  if (!figures) return errors;
  // Half of a ratio is a row still being typed; the other half is judged once it is there.
  if (metric.isRatio && (draft.numerator.trim() === '') !== (draft.denominator.trim() === '')) return {};
  const resolved = resolveFigures(metric, figures);
  const out: Record<string, string> = {};
  for (const e of resolved.errors) out[e.path] ??= e.message;
  if (resolved.figures) {
    const range = checkRange(metric, resolved.figures.value);
    if (range) out[range.path] = range.message;
  }
  return out;
}

/** Submitted and validated values are not typed over in the grid: a change is a revision with a reason. */
export function isLocked(value: MetricValue | undefined): boolean {
  return value?.status === 'submitted' || value?.status === 'validated';
}
