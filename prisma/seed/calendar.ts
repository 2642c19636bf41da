import { PERFORMANCE_TODAY } from './periods';
import { addDays, day } from './prng';

/**
 * The demo story is written as of PERFORMANCE_TODAY (2026-11-24): 2026-Q3 open and due in a
 * week, 2026-Q2 closed, earlier quarters published, 2026-Q4 running. Seeded on another day,
 * every moment of the story moves by the same number of days, so the quarter being reported
 * is still due within the reminder window and nothing lies in the future; the quarters
 * themselves move by whole quarters (codes, first and last days), so the running quarter is
 * the one today falls in. SEED_TODAY=YYYY-MM-DD replays the story as of that day (tests pin
 * the story's own day, so their fixed expectations hold).
 */

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The day the seed tells its story as of: SEED_TODAY, or today (UTC). */
export function seedToday(env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): Date {
  const pinned = env.SEED_TODAY;
  if (pinned !== undefined && pinned !== '') {
    if (!ISO_DAY.test(pinned)) throw new Error(`SEED_TODAY must be a day like 2026-11-24, got "${pinned}"`);
    return day(pinned);
  }
  return day(now.toISOString().slice(0, 10));
}

export interface CalendarShift {
  /** every date and timestamp of the story moves by this many days */
  days: number;
  /** every quarter (code, first and last day) moves by this many quarters */
  quarters: number;
}

const quarterNumber = (d: Date): number => d.getUTCFullYear() * 4 + Math.floor(d.getUTCMonth() / 3);

export function calendarShift(today: Date): CalendarShift {
  return {
    days: Math.round((today.getTime() - PERFORMANCE_TODAY.getTime()) / 86_400_000),
    quarters: quarterNumber(today) - quarterNumber(PERFORMANCE_TODAY),
  };
}

const QUARTER_CODE = /\b(\d{4})-Q([1-4])\b/g;

/** 2026-Q3 moved by `quarters` (2027-Q1 for +2). */
export function shiftQuarterCode(code: string, quarters: number): string {
  return code.replace(QUARTER_CODE, (_, year: string, q: string) => {
    const n = Number(year) * 4 + Number(q) - 1 + quarters;
    return `${Math.floor(n / 4)}-Q${(n % 4) + 1}`;
  });
}

function quarterBounds(code: string): { startsOn: Date; endsOn: Date } {
  const [year, q] = code.split('-Q').map(Number);
  return { startsOn: new Date(Date.UTC(year, q * 3 - 3, 1)), endsOn: addDays(new Date(Date.UTC(year, q * 3, 1)), -1) };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Move the built rows (any nesting of arrays and plain objects) to the shifted calendar, in
 * place: Dates by `days`, quarter codes in any text by `quarters`, and a quarter period's
 * first and last day to its new code. Maps and other objects (ids, hashes) are left alone.
 */
export function anchorRows(rows: unknown, shift: CalendarShift): void {
  if (shift.days === 0 && shift.quarters === 0) return;
  const seen = new WeakSet<object>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      if (seen.has(node)) return;
      seen.add(node);
      node.forEach((item, i) => {
        node[i] = moved(item);
        visit(item);
      });
    } else if (isPlainObject(node)) {
      if (seen.has(node)) return;
      seen.add(node);
      for (const [key, value] of Object.entries(node)) {
        node[key] = moved(value);
        visit(value);
      }
      if (node.kind === 'quarter' && typeof node.code === 'string' && node.startsOn instanceof Date) Object.assign(node, quarterBounds(node.code));
    }
  };
  const moved = (value: unknown): unknown => {
    if (value instanceof Date) return addDays(value, shift.days);
    if (typeof value === 'string') return shiftQuarterCode(value, shift.quarters);
    return value;
  };
  visit(rows);
}
