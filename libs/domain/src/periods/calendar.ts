import type { MetricFrequency, PeriodKind, PeriodState, ProblemFieldError, ReportingCalendar } from '@tandem/contracts';

/**
 * Period arithmetic of the reporting calendar. Periods are named `YYYY-Qn` (quarters) or
 * `YYYY-MM` (months) and run on calendar dates; dates are ISO `YYYY-MM-DD` strings in UTC,
 * exactly as the API shows them, so no time zone ever shifts a boundary.
 */
export interface PeriodBounds {
  code: string;
  kind: PeriodKind;
  year: number;
  /** 1–4 for quarters, 1–12 for months */
  index: number;
  startsOn: string;
  endsOn: string;
}

export interface CalendarPeriod extends PeriodBounds {
  dueOn: string;
}

const QUARTER = /^(\d{4})-Q([1-4])$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Years the calendar accepts: wide enough for any real programme, narrow enough to catch typos. */
export const PERIOD_YEAR_MIN = 1990;
export const PERIOD_YEAR_MAX = 2999;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function isoOf(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Last day of a month (month 1–12). */
function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `2026-03-31` + 30 days = `2026-04-30`. */
export function addIsoDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A strict `YYYY-MM-DD` that names a real day. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function periodCode(kind: PeriodKind, year: number, index: number): string {
  return kind === 'quarter' ? `${pad(year, 4)}-Q${index}` : `${pad(year, 4)}-${pad(index)}`;
}

export function periodBounds(kind: PeriodKind, year: number, index: number): PeriodBounds {
  const firstMonth = kind === 'quarter' ? (index - 1) * 3 + 1 : index;
  const lastMonth = kind === 'quarter' ? firstMonth + 2 : index;
  return {
    code: periodCode(kind, year, index),
    kind,
    year,
    index,
    startsOn: isoOf(year, firstMonth, 1),
    endsOn: isoOf(year, lastMonth, lastDay(year, lastMonth)),
  };
}

/** `2026-Q1` or `2026-03` → its kind and calendar dates; null for anything else. */
export function parsePeriodCode(code: string): PeriodBounds | null {
  const q = QUARTER.exec(code);
  const m = q ? null : MONTH.exec(code);
  const match = q ?? m;
  if (!match) return null;
  const year = Number(match[1]);
  if (year < PERIOD_YEAR_MIN || year > PERIOD_YEAR_MAX) return null;
  return periodBounds(q ? 'quarter' : 'month', year, Number(match[2]));
}

/** Every quarter or month of a calendar year, each due `dueDays` after it ends. */
export function generateCalendar(year: number, kind: PeriodKind, dueDays: number): CalendarPeriod[] {
  const count = kind === 'quarter' ? 4 : 12;
  return Array.from({ length: count }, (_, i) => {
    const b = periodBounds(kind, year, i + 1);
    return { ...b, dueOn: addIsoDays(b.endsOn, dueDays) };
  });
}

/** The period just before (2026-Q1 → 2025-Q4, 2026-01 → 2025-12). */
export function previousPeriodCode(code: string): string | null {
  const p = parsePeriodCode(code);
  if (!p) return null;
  if (p.index > 1) return periodCode(p.kind, p.year, p.index - 1);
  return p.year > PERIOD_YEAR_MIN ? periodCode(p.kind, p.year - 1, p.kind === 'quarter' ? 4 : 12) : null;
}

/** Dates of a period must follow one another: start ≤ end ≤ due. */
export function checkPeriodDates(startsOn: string, endsOn: string, dueOn: string): { path: string; message: string }[] {
  const errors: { path: string; message: string }[] = [];
  if (endsOn < startsOn) errors.push({ path: 'endsOn', message: `must not be before startsOn (${startsOn})` });
  if (dueOn < endsOn) errors.push({ path: 'dueOn', message: `must not be before endsOn (${endsOn})` });
  return errors;
}

/**
 * open → closed → published. Staff may reopen a closed period (with a reason) until it is
 * published, to take figures that missed the close; a published period never moves again
 * (a correction is then a value revision).
 */
const NEXT_STATE: Record<PeriodState, PeriodState | null> = { open: 'closed', closed: 'published', published: null };

export function canMovePeriod(from: PeriodState, to: PeriodState): boolean {
  return NEXT_STATE[from] === to;
}

/** Only a closed period can be reopened: an open one is open already, a published one is final. */
export function canReopenPeriod(from: PeriodState): boolean {
  return from === 'closed';
}

/** Values of a period that is no longer open change only through approved revisions. */
export function isPeriodLocked(state: PeriodState): boolean {
  return state !== 'open';
}

// ── The reporting calendar and metric frequencies ─────────────────────────────────────────
//
// A consortium's calendar (Consortium.reportingCalendar) says which periods it runs, and so
// at which frequency each metric is actually collected:
//  - quarterly: quarters only. Every metric is collected per quarter; a monthly metric (OTD,
//    PPM in metrics.md) is reported as the quarter's figure, with numerator and denominator
//    pooled over its three months — the roll-up metrics.md describes, done by the firm.
//  - monthly: months for the monthly metrics and quarters for the quarterly ones (lead time
//    and the rest are quarterly by definition; a month of them means nothing).

/** The kinds of period a calendar runs. */
export function periodKindsOf(calendar: ReportingCalendar): PeriodKind[] {
  return calendar === 'quarterly' ? ['quarter'] : ['month', 'quarter'];
}

/** The frequency a period kind collects. */
export function frequencyOfKind(kind: PeriodKind): MetricFrequency {
  return kind === 'month' ? 'monthly' : 'quarterly';
}

/** The frequency a metric is collected at in a consortium with this calendar (see above). */
export function collectionFrequency(metric: MetricFrequency, calendar: ReportingCalendar): MetricFrequency {
  return calendar === 'quarterly' ? 'quarterly' : metric;
}

/** Whether a period of `kind` collects the metric, i.e. whether a firm is expected to report it there. */
export function isCollectedIn(metric: MetricFrequency, calendar: ReportingCalendar, kind: PeriodKind): boolean {
  return collectionFrequency(metric, calendar) === frequencyOfKind(kind);
}

/**
 * A period must be of a kind its consortium's calendar runs: a month in a quarterly
 * calendar is refused, naming the field that carries the kind (`code` for one period,
 * `kind` for a generated year).
 */
export function checkPeriodKind(calendar: ReportingCalendar, kind: PeriodKind, path: string, code?: string): ProblemFieldError | null {
  if (periodKindsOf(calendar).includes(kind)) return null;
  const what = code ? `${code} is a ${kind}` : `a ${kind} is not one of its periods`;
  return { path, message: `the consortium reports ${calendar}: ${what}; its calendar has ${periodKindsOf(calendar).map((k) => `${k}s`).join(' and ')} only` };
}

/**
 * SQL twin of libs/domain periods/calendar.ts `isCollectedIn`, for the raw statements that
 * decide what a firm owes for a period (a period's completeness in the API, reminders in the
 * worker): in a quarterly calendar every metric is collected per quarter; in a monthly one,
 * monthly metrics per month and quarterly ones per quarter. Each argument is a SQL
 * expression: the consortium's "reportingCalendar", the metric's frequency, the period's kind.
 */
export function collectedInSql(calendar: string, frequency: string, kind: string): string {
  return `((CASE WHEN ${calendar} = 'quarterly' THEN 'quarterly' ELSE ${frequency}::text END) = (CASE ${kind} WHEN 'month' THEN 'monthly' ELSE 'quarterly' END))`;
}
