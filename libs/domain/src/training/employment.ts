import type { ProblemFieldError } from '@tandem/contracts';

export interface EmploymentSpell {
  id: string;
  organisationId: string;
  startsOn: Date;
  endsOn: Date | null;
}

export type EmploymentChange =
  | { ok: true; close: { id: string; endsOn: Date } | null; open: { organisationId: string; startsOn: Date } }
  | { ok: false; errors: ProblemFieldError[] };

const DAY = 86_400_000;

/**
 * A change of employer (talent circulation): the open spell ends the day before the new one
 * starts, and the new one opens with the new employer. Refused when the worker already works
 * there, or when the change would start before (or on) the open spell's first day, which
 * would leave a spell ending before it began.
 */
export function changeEmployer(history: readonly EmploymentSpell[], organisationId: string, startsOn: Date): EmploymentChange {
  const open = history.filter((s) => s.endsOn === null);
  const errors: ProblemFieldError[] = [];
  const current = open[0] ?? null;
  if (current && current.organisationId === organisationId) errors.push({ path: 'organisationId', message: 'is already the current employer' });
  if (current && startsOn.getTime() <= current.startsOn.getTime()) {
    errors.push({ path: 'startsOn', message: `must be after the current employment began (${current.startsOn.toISOString().slice(0, 10)})` });
  }
  const latestEnd = history.reduce<number>((max, s) => (s.endsOn && s.endsOn.getTime() > max ? s.endsOn.getTime() : max), Number.NEGATIVE_INFINITY);
  if (!current && startsOn.getTime() <= latestEnd) errors.push({ path: 'startsOn', message: 'must be after the last employment ended' });
  if (errors.length) return { ok: false, errors };
  return { ok: true, close: current ? { id: current.id, endsOn: new Date(startsOn.getTime() - DAY) } : null, open: { organisationId, startsOn } };
}

/** Whether a history is consistent: at most one open spell, spells do not overlap, none ends before it starts. */
export function isConsistentHistory(history: readonly EmploymentSpell[]): boolean {
  if (history.filter((s) => s.endsOn === null).length > 1) return false;
  const sorted = [...history].sort((a, b) => a.startsOn.getTime() - b.startsOn.getTime());
  for (let i = 0; i < sorted.length; i++) {
    const s = sorted[i] as EmploymentSpell;
    if (s.endsOn && s.endsOn.getTime() < s.startsOn.getTime()) return false;
    const next = sorted[i + 1];
    if (next && (s.endsOn === null || s.endsOn.getTime() >= next.startsOn.getTime())) return false;
  }
  return true;
}
