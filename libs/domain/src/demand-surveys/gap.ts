import { discloseCells, knownTo, type DisclosureCell, type Reader, type SuppressionReason } from '../benchmarks/disclosure';

/**
 * Workforce demand survey (domain.md, Training): employers answer per occupation (SOC) how many
 * openings they expect over the horizon and how many more jobs could exist if trained workers
 * were available; Tandem sets that demand against the training pipeline and shows the gap.
 * Pure functions; the API reads the rows and applies these before anything leaves.
 *
 * Disclosure (benchmarks.md rules 1, 3, 5, 7): each occupation is one cell whose members are
 * the firms that answered for it, contributing their openings and could-exist jobs. A row is
 * shown to a reader when at least k answering firms besides the reader's own (it knows its own
 * answer and can subtract it) are in it, no one or two of them dominate either total, and
 * neither total of those others is zero (a zero total of non-negative answers says every one
 * of them answered zero: rule 3 counts it as dominated, and says no more than that). Occupations are different quantities, so no row can be subtracted from
 * another; the total row adds the shown rows only, so it tells nothing they do not (rule 4).
 */
export const DEMAND_SURVEY_STATUSES = ['draft', 'open', 'closed'] as const;
export type DemandSurveyStatus = (typeof DEMAND_SURVEY_STATUSES)[number];

/** draft → open → closed, never back: once closed the answers are final, so no later change can be read by difference. */
export function canMoveDemandSurvey(from: DemandSurveyStatus, to: DemandSurveyStatus): boolean {
  return (from === 'draft' && to === 'open') || (from === 'open' && to === 'closed');
}

export type DemandWithheldReason = SuppressionReason;

/** What a reader is told instead of a row's figures. Never a number but k, which is public. */
export function demandWithheldMessage(reason: DemandWithheldReason, k: number): string {
  if (reason === 'fewer_than_k') return `fewer than ${k} answering firms`;
  if (reason === 'dominated') return 'dominated by one or two firms';
  return 'would disclose by difference';
}

export interface DemandLine {
  organisationId: string;
  socCode: string;
  expectedOpenings: number;
  couldExistJobs: number;
}

export interface OccupationGap {
  socCode: string;
  /** distinct firms that answered for the occupation */
  answeringFirms: number;
  expectedOpenings: number;
  couldExistJobs: number;
  /** expectedOpenings + couldExistJobs */
  demand: number;
  /** trainees in the pipeline for the occupation (pipelineWindow) */
  pipeline: number;
  /** demand − pipeline: positive when the pipeline falls short */
  gap: number;
  /** why the row is withheld from this reader, or null when it may be shown */
  withheld: DemandWithheldReason | null;
}

export interface DemandGap {
  /** by SOC code */
  occupations: OccupationGap[];
  /** over the occupations shown to the reader (staff: every occupation) */
  total: Omit<OccupationGap, 'socCode' | 'withheld' | 'answeringFirms'> & { occupations: number };
  /** distinct firms that answered the survey at all */
  respondents: number;
  /** respondents may be told: at least k firms answered (who answered is never told) */
  respondentsShown: boolean;
}

/**
 * The gap per occupation as `reader` may read it: `reader` is the firm (or firms) whose own
 * answers the reader knows (null for staff, funders, union representatives, trainers: they wrote none).
 * `pipeline` gives the trainees per SOC code; occupations with a pipeline and no answer are
 * rows too (withheld as fewer than k), so a withheld row does not tell whether anyone answered.
 * `everything`: staff, who read every row with its figures and, beside them, why others may not.
 */
export function demandGap(lines: readonly DemandLine[], pipeline: ReadonlyMap<string, number>, k: number, reader: Reader, everything = false): DemandGap {
  const bySoc = new Map<string, DemandLine[]>();
  for (const line of lines) bySoc.set(line.socCode, [...(bySoc.get(line.socCode) ?? []), line]);
  for (const soc of pipeline.keys()) if (!bySoc.has(soc)) bySoc.set(soc, []);
  const cells: DisclosureCell[] = [...bySoc].map(([soc, rows]) => ({
    key: soc,
    partition: soc,
    members: rows.map((r) => ({ organisationId: r.organisationId, contributions: [r.expectedOpenings, r.couldExistJobs] })),
  }));
  const decided = discloseCells(cells, k, knownTo(reader));
  const occupations = [...bySoc]
    .map(([socCode, rows]): OccupationGap => {
      const expectedOpenings = sum(rows.map((r) => r.expectedOpenings));
      const couldExistJobs = sum(rows.map((r) => r.couldExistJobs));
      const withheld: DemandWithheldReason | null = decided.get(socCode) ?? null;
      const demand = expectedOpenings + couldExistJobs;
      const inPipeline = pipeline.get(socCode) ?? 0;
      return { socCode, answeringFirms: new Set(rows.map((r) => r.organisationId)).size, expectedOpenings, couldExistJobs, demand, pipeline: inPipeline, gap: demand - inPipeline, withheld };
    })
    .sort((a, b) => (a.socCode < b.socCode ? -1 : a.socCode > b.socCode ? 1 : 0));
  const counted = everything ? occupations : occupations.filter((o) => o.withheld === null);
  const respondents = new Set(lines.map((l) => l.organisationId)).size;
  return {
    occupations,
    total: {
      occupations: counted.length,
      expectedOpenings: sum(counted.map((o) => o.expectedOpenings)),
      couldExistJobs: sum(counted.map((o) => o.couldExistJobs)),
      demand: sum(counted.map((o) => o.demand)),
      pipeline: sum(counted.map((o) => o.pipeline)),
      gap: sum(counted.map((o) => o.gap)),
    },
    respondents,
    respondentsShown: everything || respondents >= k,
  };
}

/**
 * The days the pipeline counts for a survey: from the day it opens to the end of its horizon
 * (opensOn + horizonMonths, exclusive). An enrolment is in the pipeline when it is not
 * withdrawn and its session overlaps that window: trainees in training or finishing it within
 * the horizon, who can fill the openings answered for.
 */
export function pipelineWindow(opensOn: Date, horizonMonths: number): { from: Date; until: Date } {
  const year = opensOn.getUTCFullYear();
  const month = opensOn.getUTCMonth() + horizonMonths;
  // the same day of the month, or the month's last day when it has no such day (31 January + 1 month: 28 or 29 February)
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const until = new Date(Date.UTC(year, month, Math.min(opensOn.getUTCDate(), last)));
  return { from: opensOn, until };
}

function sum(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0);
}
