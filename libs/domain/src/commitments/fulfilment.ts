/**
 * Fulfilment of commitments (domain.md Commitments). Pure functions: the evaluation
 * job gathers each commitment's inputs as SQL aggregates and hands them to these functions,
 * which decide the figure achieved (`actual`), what the pace requires by now (`expected`)
 * and the state. Every decision of the rules is written here once and tested on its own.
 *
 * Decisions (documented for staff and members):
 * - Part-year members: a member that joined after the period started is judged on the part
 *   of the period it was a member. For cumulative kinds (hours, spend, curricula,
 *   investment, jobs) the TARGET is prorated by the share of the period it was a member, and
 *   the pace runs from the day it joined; headcount and payroll are not prorated (they are
 *   the year's figures). Rate kinds (on-time submissions, sponsored suppliers) need no
 *   proration: they only count what was owed while a member.
 * - Pace: expected = (prorated) target × elapsed share of the (membership) period. A
 *   cumulative figure that reaches its target is `met` at once, even mid-period; a rate is
 *   only `met` or `missed` once the period is over (it can still fall). Before the end a
 *   figure below its pace is `at_risk`, otherwise `on_track`.
 * - Attested kinds count only once staff verified the attestation; with no verified figure
 *   by the end of the period the commitment is `missed`.
 * - A waived commitment stays waived: the evaluation never changes it.
 */

export type CommitmentKindName =
  | 'training_hours_per_frontline_worker'
  | 'training_spend_pct_of_payroll'
  | 'metrics_submitted_on_time'
  | 'curricula_shared'
  | 'modernisation_investment'
  | 'jobs_created'
  | 'sponsored_suppliers_multi_year'
  | 'payment_within_days';

export type CommitmentStateName = 'on_track' | 'at_risk' | 'met' | 'missed' | 'waived';

export type SourcingModeName = 'annual_rebid' | 'multi_year' | 'sole_source' | 'strategic_partnership';

/**
 * cumulative: grows over the period, target reached = met (even early);
 * rate: a share that must hold all along, judged at the end;
 * at_most: lower is better (days to pay), judged at the end.
 */
export type FulfilmentMode = 'cumulative' | 'rate' | 'at_most';

export interface KindRule {
  mode: FulfilmentMode;
  attested: boolean;
  unit: 'hours_per_worker' | 'percent' | 'count' | 'currency' | 'days';
}

export const COMMITMENT_KIND_RULES: Readonly<Record<CommitmentKindName, KindRule>> = {
  training_hours_per_frontline_worker: { mode: 'cumulative', attested: false, unit: 'hours_per_worker' },
  training_spend_pct_of_payroll: { mode: 'cumulative', attested: false, unit: 'percent' },
  metrics_submitted_on_time: { mode: 'rate', attested: false, unit: 'percent' },
  curricula_shared: { mode: 'cumulative', attested: false, unit: 'count' },
  modernisation_investment: { mode: 'cumulative', attested: true, unit: 'currency' },
  jobs_created: { mode: 'cumulative', attested: true, unit: 'count' },
  sponsored_suppliers_multi_year: { mode: 'rate', attested: false, unit: 'percent' },
  payment_within_days: { mode: 'at_most', attested: true, unit: 'days' },
};

export const COMMITMENT_KINDS = Object.keys(COMMITMENT_KIND_RULES) as CommitmentKindName[];

export function isAttestedKind(kind: CommitmentKindName): boolean {
  return COMMITMENT_KIND_RULES[kind].attested;
}

const DAY_MS = 86_400_000;

function dayNumber(d: Date): number {
  return Math.floor(d.getTime() / DAY_MS);
}

/** Round to the 2 decimals the database keeps (Decimal(14, 2)). */
export function round2(x: number): number {
  return Math.round((x + Number.EPSILON) * 100) / 100;
}

export interface CommitmentWindow {
  /** first day of the period (inclusive, UTC date) */
  startsOn: Date;
  /** last day of the period (inclusive, UTC date) */
  endsOn: Date;
  /** when the member joined; null or before startsOn = member for the whole period */
  joinedAt: Date | null;
  /** the evaluation date */
  asOf: Date;
}

export interface PaceWindow {
  /** share of the period the firm is judged on (1 = the whole period; 0 = joined after it) */
  memberShare: number;
  /** share of the judged (membership) part of the period elapsed by asOf, in [0, 1] */
  elapsedShare: number;
  /** asOf is after the period's last day */
  over: boolean;
}

/** Where the evaluation date falls in the part of the period the firm was a member. */
export function paceWindow(w: CommitmentWindow): PaceWindow {
  const start = dayNumber(w.startsOn);
  const end = dayNumber(w.endsOn) + 1; // exclusive
  const total = Math.max(1, end - start);
  const joined = w.joinedAt === null ? start : Math.min(Math.max(dayNumber(w.joinedAt), start), end);
  const judged = end - joined;
  const memberShare = judged / total;
  const now = dayNumber(w.asOf);
  const elapsedDays = Math.min(Math.max(now - joined + 1, 0), judged);
  const elapsedShare = judged === 0 ? 1 : elapsedDays / judged;
  return { memberShare, elapsedShare, over: now >= end };
}

export interface Judgement {
  state: CommitmentStateName;
  /** the figure achieved (null: nothing to judge yet, e.g. no verified attestation) */
  actual: number | null;
  /** what the pace requires by asOf (same unit as the target) */
  expected: number;
  /** the target the firm is held to (prorated for part-year members on cumulative kinds) */
  effectiveTarget: number;
}

/** State from a figure, the target and the pace, by the kind's mode. */
export function judge(
  mode: FulfilmentMode,
  target: number,
  actual: number | null,
  pace: PaceWindow,
): Judgement {
  if (mode === 'cumulative') {
    const effectiveTarget = round2(target * pace.memberShare);
    const expected = round2(effectiveTarget * pace.elapsedShare);
    let state: CommitmentStateName;
    if (actual !== null && actual >= effectiveTarget) state = 'met';
    else if (pace.over) state = 'missed';
    else if (actual !== null && actual < expected) state = 'at_risk';
    else state = 'on_track';
    return { state, actual, expected, effectiveTarget };
  }
  const expected = target;
  const ok = (a: number) => (mode === 'rate' ? a >= target : a <= target);
  let state: CommitmentStateName;
  if (pace.over) state = actual !== null && ok(actual) ? 'met' : 'missed';
  else state = actual !== null && !ok(actual) ? 'at_risk' : 'on_track';
  return { state, actual, expected, effectiveTarget: target };
}

// ---------------------------------------------------------------------------------------
// Training hours and spend: enrolments and activities without double counting
// ---------------------------------------------------------------------------------------

/**
 * One course session's training of one firm in the period, as SQL aggregates: its enrolments
 * (not withdrawn) and the training activities the firm logged naming that session. Bulk
 * activities that name no session come as one group with sessionId null.
 */
export interface SessionTraining {
  sessionId: string | null;
  /** enrolments of the firm's trainees in the session, not withdrawn */
  enrolled: number;
  /** hours attended by those enrolments */
  enrolmentHours: number;
  /** seat cost of those enrolments (cost per seat × enrolled) */
  enrolmentCost: number;
  /** participants of the firm's activities naming the session (or naming none) */
  activityParticipants: number;
  /** participants × hours per participant, summed over those activities */
  activityHours: number;
  activityCost: number;
}

/**
 * The no-double-count rule: when an activity names a session whose enrolments of that firm
 * are recorded, the enrolments count and the activity adds only the participants they do not
 * cover (its hours and cost in proportion: uncovered participants / its participants).
 * An activity naming no session adds in full.
 */
export function uncoveredShare(s: Pick<SessionTraining, 'sessionId' | 'enrolled' | 'activityParticipants'>): number {
  if (s.activityParticipants <= 0) return 0;
  if (s.sessionId === null) return 1;
  return Math.max(0, s.activityParticipants - s.enrolled) / s.activityParticipants;
}

export function trainingTotals(groups: readonly SessionTraining[]): { hours: number; cost: number } {
  let hours = 0;
  let cost = 0;
  for (const g of groups) {
    const share = uncoveredShare(g);
    hours += g.enrolmentHours + g.activityHours * share;
    cost += g.enrolmentCost + g.activityCost * share;
  }
  return { hours, cost };
}

export interface WorkforceFigures {
  year: number;
  frontlineHeadcount: number;
  payroll: number;
}

/**
 * The workforce figures a year's commitment is judged against: that year's row; when the firm
 * has not recorded that year yet, its latest earlier year (never a later one: a commitment of
 * a past year keeps the headcount and payroll of its own time).
 */
export function workforceForYear(rows: readonly WorkforceFigures[], year: number): WorkforceFigures | null {
  let best: WorkforceFigures | null = null;
  for (const r of rows) {
    if (r.year > year) continue;
    if (best === null || r.year > best.year) best = r;
  }
  return best;
}

/** Frontline training hours per frontline worker (null: no headcount to divide by). */
export function hoursPerFrontlineWorker(frontline: readonly SessionTraining[], headcount: number | null): number | null {
  if (headcount === null || headcount <= 0) return null;
  return round2(trainingTotals(frontline).hours / headcount);
}

/** Training spend as a percentage of the year's payroll (null: no payroll to divide by). */
export function spendPctOfPayroll(all: readonly SessionTraining[], payroll: number | null): number | null {
  if (payroll === null || payroll <= 0) return null;
  return round2((trainingTotals(all).cost / payroll) * 100);
}

// ---------------------------------------------------------------------------------------
// Submissions on time
// ---------------------------------------------------------------------------------------

/** One period of the year: the values the member owed for it and how many came by dueOn. */
export interface PeriodSubmissions {
  dueOn: Date;
  owed: number;
  submittedOnTime: number;
}

/**
 * % of the values owed for the year's periods that were submitted by each period's due date.
 * Only periods already due by asOf count (a value is not late before its due date); null
 * when nothing was due yet.
 */
export function submittedOnTimePct(periods: readonly PeriodSubmissions[], asOf: Date): number | null {
  let owed = 0;
  let onTime = 0;
  for (const p of periods) {
    if (dayNumber(p.dueOn) >= dayNumber(asOf)) continue;
    owed += p.owed;
    onTime += Math.min(p.submittedOnTime, p.owed);
  }
  return owed === 0 ? null : round2((onTime / owed) * 100);
}

// ---------------------------------------------------------------------------------------
// Sponsored suppliers on multi-year or better sourcing
// ---------------------------------------------------------------------------------------

const MODE_RANK: Record<SourcingModeName, number> = {
  annual_rebid: 0,
  multi_year: 1,
  sole_source: 2,
  strategic_partnership: 3,
};

export function isMultiYearOrBetter(mode: SourcingModeName): boolean {
  return MODE_RANK[mode] >= MODE_RANK.multi_year;
}

export interface SourcingChange {
  toMode: SourcingModeName;
  effectiveOn: Date;
}

/**
 * The sourcing mode in force on a date: the latest change effective on or before it; before
 * any change, the first change's fromMode is unknown, so the mode the relationship was created
 * with (`initial`) holds.
 */
export function sourcingModeAsOf(initial: SourcingModeName, changes: readonly SourcingChange[], asOf: Date): SourcingModeName {
  let mode = initial;
  let at = -Infinity;
  for (const c of changes) {
    const d = dayNumber(c.effectiveOn);
    if (d <= dayNumber(asOf) && d >= at) {
      mode = c.toMode;
      at = d;
    }
  }
  return mode;
}

/** % of a customer's sponsored suppliers on multi-year or better (null: it sponsors none). */
export function multiYearPct(modes: readonly SourcingModeName[]): number | null {
  if (modes.length === 0) return null;
  return round2((modes.filter(isMultiYearOrBetter).length / modes.length) * 100);
}

// ---------------------------------------------------------------------------------------
// One commitment
// ---------------------------------------------------------------------------------------

/** The aggregates gathered for one commitment; each kind reads the fields it needs. */
export interface CommitmentInputs {
  /** frontline enrolments and frontline activities (hours) */
  frontlineTraining?: readonly SessionTraining[];
  /** every enrolment not withdrawn and every activity (spend) */
  allTraining?: readonly SessionTraining[];
  workforce?: WorkforceFigures | null;
  periods?: readonly PeriodSubmissions[];
  curriculaShared?: number;
  /** percentage of sponsored suppliers on multi-year or better as of asOf (null: none) */
  multiYearPct?: number | null;
  attestedValue?: number | null;
  verified?: boolean;
}

export interface CommitmentToJudge extends CommitmentWindow {
  kind: CommitmentKindName;
  target: number;
  state: CommitmentStateName;
}

export function actualFor(kind: CommitmentKindName, inputs: CommitmentInputs, asOf: Date): number | null {
  switch (kind) {
    case 'training_hours_per_frontline_worker':
      return hoursPerFrontlineWorker(inputs.frontlineTraining ?? [], inputs.workforce?.frontlineHeadcount ?? null);
    case 'training_spend_pct_of_payroll':
      return spendPctOfPayroll(inputs.allTraining ?? [], inputs.workforce?.payroll ?? null);
    case 'metrics_submitted_on_time':
      return submittedOnTimePct(inputs.periods ?? [], asOf);
    case 'curricula_shared':
      return inputs.curriculaShared ?? 0;
    case 'sponsored_suppliers_multi_year':
      return inputs.multiYearPct ?? null;
    case 'modernisation_investment':
    case 'jobs_created':
    case 'payment_within_days':
      return inputs.verified && inputs.attestedValue != null ? inputs.attestedValue : null;
  }
}

/** Evaluate one commitment: a waived one stays waived; otherwise compute and judge. */
export function evaluateCommitment(c: CommitmentToJudge, inputs: CommitmentInputs): Judgement {
  const rule = COMMITMENT_KIND_RULES[c.kind];
  const pace = paceWindow(c);
  const actual = actualFor(c.kind, inputs, c.asOf);
  const j = judge(rule.mode, c.target, actual, pace);
  if (c.state === 'waived') return { ...j, state: 'waived' };
  return j;
}

/** Transitions the firm and staff are told about, once each. */
export function notifiesOn(to: CommitmentStateName): boolean {
  return to === 'at_risk' || to === 'missed';
}

// ---------------------------------------------------------------------------------------
// Keep rates (reciprocity view)
// ---------------------------------------------------------------------------------------

export type StateCounts = Partial<Record<CommitmentStateName, number>>;

/**
 * Share (%) of a side's commitments being kept: met or on track, among those not waived.
 * null when there is none to judge.
 */
export function keepRate(counts: StateCounts): number | null {
  const judged = (counts.on_track ?? 0) + (counts.at_risk ?? 0) + (counts.met ?? 0) + (counts.missed ?? 0);
  if (judged === 0) return null;
  return round2((((counts.on_track ?? 0) + (counts.met ?? 0)) / judged) * 100);
}

/** First and last day of fiscal year `year` (the calendar year it starts in) for a start month 1–12. */
export function fiscalYearBounds(year: number, startMonth: number): { startsOn: Date; endsOn: Date } {
  const startsOn = new Date(Date.UTC(year, startMonth - 1, 1));
  const endsOn = new Date(Date.UTC(year + 1, startMonth - 1, 1) - DAY_MS);
  return { startsOn, endsOn };
}

/** The fiscal year a day falls in. */
export function fiscalYearOf(date: Date, startMonth: number): number {
  return date.getUTCMonth() + 1 >= startMonth ? date.getUTCFullYear() : date.getUTCFullYear() - 1;
}
