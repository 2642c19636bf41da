import { isDominated, type SuppressionReason } from '../benchmarks/disclosure';
import { round2, trainingTotals, workforceForYear, type SessionTraining, type WorkforceFigures } from '../commitments/fulfilment';

/**
 * The catalogue's derived training metrics (metrics.md TRAIN_HRS and TRAIN_SPEND) and the
 * training figures of firms and of the consortium. Hours and spend add up enrolments and
 * activities by the commitments' rule (trainingTotals: an activity naming a session whose
 * enrolments are recorded adds only the participants they do not cover), so a commitment, a
 * derived metric value and a training figure of the same firm and window always agree.
 */

/** The codes of the metrics computed from training records, never reported. */
export const DERIVED_TRAINING_METRICS = ['TRAIN_HRS', 'TRAIN_SPEND'] as const;
export type DerivedTrainingMetric = (typeof DERIVED_TRAINING_METRICS)[number];

export function isDerivedTrainingMetric(code: string): code is DerivedTrainingMetric {
  return (DERIVED_TRAINING_METRICS as readonly string[]).includes(code);
}

/** A derived ratio value as stored: value = numerator ÷ denominator × scale to 6 decimals, as the API stores every ratio it is sent. */
export interface DerivedValue {
  numerator: number;
  denominator: number;
  value: number;
}

export interface PeriodTraining {
  /** frontline trainees' enrolments and frontline activities of the period (hours) */
  frontline: readonly SessionTraining[];
  /** every enrolment not withdrawn and every activity of the period (spend) */
  all: readonly SessionTraining[];
  /** the firm's workforce years (the period's year, or its latest earlier one, is used) */
  workforce: readonly WorkforceFigures[];
  /** the calendar year the period starts in */
  year: number;
  /** days of the period ÷ days of its year: a quarter's spend is set against a quarter's payroll */
  shareOfYear: number;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * TRAIN_HRS: frontline training hours of the period ÷ the year's frontline headcount
 * (hours per frontline worker in the period). TRAIN_SPEND: training spend of the period ÷
 * the year's payroll prorated to the period × 100 (% of payroll). null when the firm has
 * recorded no workforce year up to the period's, or a zero headcount or payroll.
 */
export function derivedTrainingValues(p: PeriodTraining): Record<DerivedTrainingMetric, DerivedValue | null> {
  const workforce = workforceForYear(p.workforce, p.year);
  const hours = round6(trainingTotals(p.frontline).hours);
  const spend = round6(trainingTotals(p.all).cost);
  const headcount = workforce?.frontlineHeadcount ?? 0;
  const payroll = round6((workforce?.payroll ?? 0) * p.shareOfYear);
  return {
    TRAIN_HRS: headcount > 0 ? { numerator: hours, denominator: headcount, value: round6(hours / headcount) } : null,
    TRAIN_SPEND: payroll > 0 ? { numerator: spend, denominator: payroll, value: Math.min(100, round6((spend / payroll) * 100)) } : null,
  };
}

/** Days of [startsOn, endsOn] (inclusive) ÷ days of the calendar year startsOn falls in. */
export function shareOfYear(startsOn: Date, endsOn: Date): number {
  const DAY = 86_400_000;
  const year = startsOn.getUTCFullYear();
  const days = Math.round((endsOn.getTime() - startsOn.getTime()) / DAY) + 1;
  const yearDays = Math.round((Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / DAY);
  return Math.max(0, Math.min(1, days / yearDays));
}

// ---------------------------------------------------------------------------------------
// One firm's year, and the consortium's
// ---------------------------------------------------------------------------------------

/** One firm's training of a year, as SQL aggregates. */
export interface FirmTrainingYear {
  organisationId: string;
  frontline: readonly SessionTraining[];
  all: readonly SessionTraining[];
  workforce: WorkforceFigures | null;
  sessions: number;
  enrolments: number;
  completions: number;
  /** confirmed wage steps of the firm's enrolments in the year, and their hourly gains (after − before) summed */
  wageSteps: number;
  wageGain: number;
}

export interface FirmFigures {
  organisationId: string;
  hours: number;
  frontlineHours: number;
  spend: number;
  frontlineHeadcount: number | null;
  payroll: number | null;
  hoursPerFrontlineWorker: number | null;
  spendPctOfPayroll: number | null;
  sessions: number;
  enrolments: number;
  completions: number;
  wageSteps: number;
  /** Σ hourly gain (wage after − before) of the confirmed steps */
  totalHourlyGain: number;
  /** mean hourly gain of the confirmed steps (null without any) */
  meanHourlyGain: number | null;
}

/** A firm's figures of a year: totals without double counting, set against that year's workforce. */
export function firmFigures(f: FirmTrainingYear): FirmFigures {
  const all = trainingTotals(f.all);
  const frontlineHours = trainingTotals(f.frontline).hours;
  const headcount = f.workforce?.frontlineHeadcount ?? null;
  const payroll = f.workforce?.payroll ?? null;
  return {
    organisationId: f.organisationId,
    hours: round2(all.hours),
    frontlineHours: round2(frontlineHours),
    spend: round2(all.cost),
    frontlineHeadcount: headcount,
    payroll,
    hoursPerFrontlineWorker: headcount && headcount > 0 ? round2(frontlineHours / headcount) : null,
    spendPctOfPayroll: payroll && payroll > 0 ? round2((all.cost / payroll) * 100) : null,
    sessions: f.sessions,
    enrolments: f.enrolments,
    completions: f.completions,
    wageSteps: f.wageSteps,
    totalHourlyGain: round2(f.wageGain),
    meanHourlyGain: f.wageSteps > 0 ? round2(f.wageGain / f.wageSteps) : null,
  };
}

export interface AggregateFigure<T> {
  figures: T | null;
  withheld: SuppressionReason | null;
}

export interface ConsortiumTraining {
  /** firms with training or a workforce year in the year */
  firms: number;
  hours: number;
  spend: number;
  payroll: number;
  /** Σ frontline hours ÷ Σ frontline headcount (pooled, never a mean of ratios) */
  hoursPerFrontlineWorker: number | null;
  /** Σ spend ÷ Σ payroll × 100 of the firms with a payroll */
  spendPctOfPayroll: number | null;
}

export interface ConsortiumWageGains {
  firms: number;
  wageSteps: number;
  totalHourlyGain: number;
  meanHourlyGain: number;
}

/**
 * Rules 1 and 3 for one aggregate (benchmarks.md), as talent circulation decides: the firms
 * that contribute are the members; the reader's known firms (its own, or the firms its union
 * represents) count as known and are left out of the count and of the dominance test, so
 * what is shown always covers at least k firms the reader cannot see, none or two of them
 * making most of any total. Staff (reader null and staff) see every figure.
 */
function decide(members: { organisationId: string; contributions: number[] }[], k: number, known: ReadonlySet<string>, staff: boolean): SuppressionReason | null {
  if (staff) return null;
  const others = members.filter((m) => !known.has(m.organisationId));
  if (others.length < k) return 'fewer_than_k';
  return isDominated(others) ? 'dominated' : null;
}

/**
 * The consortium's training figures and wage gains of a year for one reader. Training: a
 * firm takes part when it trained (hours or spend) in the year; its contributions are its
 * hours, spend and payroll. Wage gains: firms with a confirmed wage step, contributing their
 * step count and total gain; never one worker's wage, and withheld below k such firms.
 */
export function decideTrainingFigures(
  firms: readonly FirmFigures[],
  k: number,
  known: ReadonlySet<string>,
  staff: boolean,
): { training: AggregateFigure<ConsortiumTraining>; wageGains: AggregateFigure<ConsortiumWageGains> } {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, not ${k}`);
  const trained = firms.filter((f) => f.hours > 0 || f.spend > 0);
  const trainingWithheld = decide(
    trained.map((f) => ({ organisationId: f.organisationId, contributions: [f.hours, f.spend, f.payroll ?? 0] })),
    k,
    known,
    staff,
  );
  const withPayroll = trained.filter((f) => (f.payroll ?? 0) > 0);
  const withHeadcount = trained.filter((f) => (f.frontlineHeadcount ?? 0) > 0);
  const sum = (xs: readonly FirmFigures[], pick: (f: FirmFigures) => number) => xs.reduce((s, f) => s + pick(f), 0);
  const payroll = sum(withPayroll, (f) => f.payroll ?? 0);
  const headcount = sum(withHeadcount, (f) => f.frontlineHeadcount ?? 0);
  const training: ConsortiumTraining = {
    firms: trained.length,
    hours: round2(sum(trained, (f) => f.hours)),
    spend: round2(sum(trained, (f) => f.spend)),
    payroll: round2(payroll),
    hoursPerFrontlineWorker: headcount > 0 ? round2(sum(withHeadcount, (f) => f.frontlineHours) / headcount) : null,
    spendPctOfPayroll: payroll > 0 ? round2((sum(withPayroll, (f) => f.spend) / payroll) * 100) : null,
  };
  const stepping = firms.filter((f) => f.wageSteps > 0);
  const gainOf = (f: FirmFigures) => f.totalHourlyGain;
  const wageWithheld = decide(
    stepping.map((f) => ({ organisationId: f.organisationId, contributions: [f.wageSteps, gainOf(f)] })),
    k,
    known,
    staff,
  );
  const steps = sum(stepping, (f) => f.wageSteps);
  const gain = sum(stepping, gainOf);
  const wageGains: ConsortiumWageGains = { firms: stepping.length, wageSteps: steps, totalHourlyGain: round2(gain), meanHourlyGain: steps > 0 ? round2(gain / steps) : 0 };
  return {
    training: trainingWithheld === null ? { figures: training, withheld: null } : { figures: null, withheld: trainingWithheld },
    wageGains: wageWithheld === null ? { figures: wageGains, withheld: null } : { figures: null, withheld: wageWithheld },
  };
}
