import type { EnrolmentStatus, ProblemFieldError } from '@tandem/contracts';

/**
 * Enrolment status (domain.md): `enrolled → attended → completed`, and `withdrawn` from
 * either of the first two. A completed enrolment is final (its credential proposes a wage
 * step); a withdrawn one too (its seat is free again, and it earns nothing).
 */
const ALLOWED: Record<EnrolmentStatus, readonly EnrolmentStatus[]> = {
  enrolled: ['attended', 'completed', 'withdrawn'],
  attended: ['completed', 'withdrawn'],
  completed: [],
  withdrawn: [],
};

export function canChangeEnrolmentStatus(from: EnrolmentStatus, to: EnrolmentStatus): boolean {
  return from === to || ALLOWED[from].includes(to);
}

/** Statuses whose enrolment holds a seat of the session. */
export function holdsSeat(status: EnrolmentStatus): boolean {
  return status !== 'withdrawn';
}

/** Seats still free: capacity less the enrolments that hold one (never below zero). */
export function seatsLeft(capacity: number, seatsTaken: number): number {
  return Math.max(0, capacity - seatsTaken);
}

export interface EnrolmentState {
  status: EnrolmentStatus;
  hoursAttended: number;
  credential: string | null;
}

/** What a trainer (or staff) records on an enrolment: any subset. */
export interface EnrolmentRecord {
  status?: EnrolmentStatus;
  hoursAttended?: number;
  /** null clears it (before completion only) */
  credential?: string | null;
}

export type RecordOutcome = { ok: true; next: EnrolmentState } | { ok: false; errors: ProblemFieldError[] };

/**
 * Apply what the trainer records to an enrolment of a session `sessionHours` long. Every
 * problem is named at once, by field:
 * - hours attended from 0 to the session's length;
 * - the status change allowed by the lifecycle (a withdrawn or completed one changes no more);
 * - a credential only on an enrolment that is (or becomes) completed, never on a withdrawn one;
 * - completion needs some attendance.
 */
export function applyEnrolmentRecord(current: EnrolmentState, change: EnrolmentRecord, sessionHours: number): RecordOutcome {
  const errors: ProblemFieldError[] = [];
  const status = change.status ?? current.status;
  const hoursAttended = change.hoursAttended ?? current.hoursAttended;
  const credential = change.credential === undefined ? current.credential : change.credential;

  if (current.status === 'withdrawn') {
    if (change.credential !== undefined) errors.push({ path: 'credential', message: 'cannot be recorded on a withdrawn enrolment' });
    if (change.hoursAttended !== undefined) errors.push({ path: 'hoursAttended', message: 'cannot be recorded on a withdrawn enrolment' });
    if (change.status !== undefined && change.status !== 'withdrawn') errors.push({ path: 'status', message: 'a withdrawn enrolment cannot change status' });
    return errors.length ? { ok: false, errors } : { ok: true, next: current };
  }
  if (current.status === 'completed' && (change.hoursAttended !== undefined || change.credential !== undefined) && !sameRecord(current, hoursAttended, credential)) {
    if (change.hoursAttended !== undefined && change.hoursAttended !== current.hoursAttended) errors.push({ path: 'hoursAttended', message: 'a completed enrolment is final' });
    if (change.credential !== undefined && change.credential !== current.credential) errors.push({ path: 'credential', message: 'a completed enrolment is final' });
  }
  if (!canChangeEnrolmentStatus(current.status, status)) errors.push({ path: 'status', message: `cannot go from ${current.status} to ${status}` });
  if (hoursAttended < 0 || hoursAttended > sessionHours) errors.push({ path: 'hoursAttended', message: `must be from 0 to the session's ${sessionHours} hours` });
  if (status === 'withdrawn' && change.credential !== undefined && change.credential !== null) errors.push({ path: 'credential', message: 'cannot be recorded on a withdrawn enrolment' });
  if (credential !== null && status !== 'completed' && status !== 'withdrawn') errors.push({ path: 'credential', message: 'only on a completed enrolment (set status to completed)' });
  if (status === 'completed' && hoursAttended <= 0) errors.push({ path: 'hoursAttended', message: 'a completed enrolment has attended some hours' });
  if (errors.length) return { ok: false, errors };
  return { ok: true, next: { status, hoursAttended, credential: status === 'withdrawn' ? current.credential : credential } };
}

function sameRecord(current: EnrolmentState, hours: number, credential: string | null): boolean {
  return current.hoursAttended === hours && current.credential === credential;
}

/** A rung of a firm's wage ladder. */
export interface LadderStep {
  id: string;
  credential: string;
  hourlyIncrease: number;
}

/** Credentials are matched as people type them: case and surrounding spaces do not matter. */
export function normaliseCredential(credential: string): string {
  return credential.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * The step a completed enrolment proposes: the employer's ladder step whose credential the
 * enrolment earned. Nothing for an enrolment not completed, without a credential, or whose
 * credential is not on the ladder.
 */
export function proposedWageStep<S extends LadderStep>(enrolment: { status: EnrolmentStatus; credential: string | null }, ladder: readonly S[]): S | null {
  if (enrolment.status !== 'completed' || enrolment.credential === null) return null;
  const wanted = normaliseCredential(enrolment.credential);
  return ladder.find((s) => normaliseCredential(s.credential) === wanted) ?? null;
}

export type WageConfirmation = { ok: true; wageBefore: number; wageAfter: number } | { ok: false; errors: ProblemFieldError[] };

/**
 * The firm admin confirms a proposed step: the wage before, and after (by default before plus
 * the step's increase; a firm may pay more, never less than before).
 */
export function confirmWageStep(
  enrolment: { status: EnrolmentStatus; wageStepConfirmedAt: Date | null },
  step: LadderStep | null,
  input: { wageBefore: number; wageAfter?: number },
): WageConfirmation {
  const errors: ProblemFieldError[] = [];
  if (enrolment.status !== 'completed') errors.push({ path: 'status', message: 'only a completed enrolment proposes a wage step' });
  else if (step === null) errors.push({ path: 'wageStepId', message: "the enrolment's credential matches no step of the firm's wage ladder" });
  if (enrolment.wageStepConfirmedAt !== null) errors.push({ path: 'wageStepId', message: 'the wage step is already confirmed' });
  const wageAfter = input.wageAfter ?? round2(input.wageBefore + (step?.hourlyIncrease ?? 0));
  if (wageAfter < input.wageBefore) errors.push({ path: 'wageAfter', message: 'must not be below wageBefore' });
  if (errors.length) return { ok: false, errors };
  return { ok: true, wageBefore: input.wageBefore, wageAfter };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
