import type { PlanStatus, Standing, TaskStatus } from './enums';

/** Scorecards and corrective action plans as the API returns them. */

/** Higher-is-better criteria use `atLeast`, lower-is-better ones `atMost`; the first threshold that matches scores. */
export type ScorecardThreshold = { atLeast: number; score: number } | { atMost: number; score: number };

/** A score of at least `minScore` earns `standing`; the lowest rule has minScore 0. */
export interface StandingRule {
  standing: Standing;
  minScore: number;
}

export interface ScorecardCriterion {
  id: string;
  metricId: string;
  weight: number;
  thresholds: ScorecardThreshold[];
}

export interface ScorecardTemplate {
  id: string;
  consortiumId: string;
  /** null: the consortium's template; otherwise one customer's own template for its suppliers */
  customerId: string | null;
  name: string;
  /** best first */
  standings: StandingRule[];
  active: boolean;
  criteria: ScorecardCriterion[];
  createdAt: string;
  updatedAt: string;
}

/** Where a criterion's value came from: the customer's report about the supplier, or the supplier's own. */
export type ScorecardValueSource = 'customer' | 'self';

/** One criterion of a computed scorecard. `value`, `score` and `source` are null when no validated value exists. */
export interface ScorecardCriterionResult {
  criterionId: string;
  metricId: string;
  metricCode: string;
  weight: number;
  value: number | null;
  score: number | null;
  source: ScorecardValueSource | null;
  /**
   * present (true) when the reader is the relationship's customer and the metric is in a
   * category the supplier does not share with it (benchmarks.md rule 8): value, score and
   * source are then null whatever they are
   */
  withheld?: true;
}

export interface Scorecard {
  id: string;
  consortiumId: string;
  relationshipId: string;
  periodId: string;
  templateId: string;
  supplierId: string;
  customerId: string;
  /**
   * 0–100. Period open: weighted over the criteria that have a validated value. Period closed
   * or published: weighted over all criteria, a criterion without a value scoring 0.
   */
  score: number | null;
  standing: Standing | null;
  /** 0–1: the share of the template's weight that has a validated value */
  coverage: number | null;
  /**
   * true while the period is open or a criterion has no validated value ("incomplete"): the
   * standing is shown but opens no corrective action plan, sends no e-mail and is not part of
   * the relationship's standing history. false: final (closed period, full coverage).
   */
  provisional: boolean | null;
  details: ScorecardCriterionResult[];
  /**
   * null for everyone but a customer reading a scorecard with a withheld criterion: then why
   * score, standing, coverage and provisional are null (they are computed over the withheld
   * criteria too, so they would disclose them)
   */
  withheld: string | null;
  computedAt: string;
  createdAt: string;
  updatedAt: string;
}

/** One point of a relationship's standing history (oldest period first): final scorecards only. */
export interface StandingHistoryEntry {
  scorecardId: string;
  periodId: string;
  periodCode: string;
  periodStartsOn: string;
  score: number;
  standing: Standing;
  computedAt: string;
}

export interface ScorecardRecomputeAccepted {
  jobId: string;
  consortiumId: string;
  periodId: string;
}

export interface CorrectiveActionTask {
  id: string;
  planId: string;
  title: string;
  /** free-text role or name shown with the task ("Plant manager") */
  owner: string | null;
  /** the assignee: a user of the supplier or the customer, or staff; may change the task's status */
  ownerUserId: string | null;
  dueOn: string;
  status: TaskStatus;
  createdAt: string;
  updatedAt: string;
}

export interface CorrectiveActionPlan {
  id: string;
  consortiumId: string;
  relationshipId: string;
  scorecardId: string | null;
  supplierId: string;
  customerId: string;
  standing: Standing;
  title: string;
  ownerUserId: string | null;
  status: PlanStatus;
  dueOn: string;
  tasks: CorrectiveActionTask[];
  createdAt: string;
  updatedAt: string;
}

/** Days a corrective action plan runs from the scorecard that opened it. */
export const CORRECTIVE_ACTION_DAYS = 90;
/** Standings that open a corrective action plan when a supplier falls into them. */
export const PLAN_STANDINGS = ['development', 'probation'] as const;
