import {
  STANDINGS,
  type PeriodState,
  type ProblemFieldError,
  type ScorecardCriterionResult,
  type ScorecardThreshold,
  type ScorecardValueSource,
  type Standing,
  type StandingRule,
} from '@tandem/contracts';

/**
 * Scorecard scoring, the pure twin of the SQL statement that computes scorecards
 * (apps/worker/src/scorecards/scorecards.sql.ts). Both must give the same score, standing,
 * coverage and details; an integration test holds them together.
 *
 *   criterion score  = the score of the first threshold the value meets (0 when none does)
 *   coverage         = Σ weight of the criteria with a validated value ÷ Σ weight of all
 *                      criteria, rounded half-up to 4 decimals (0–1)
 *   scorecard score  - period open:   Σ weight × score ÷ Σ weight over the criteria that
 *                                     have a value (what the figures in so far say)
 *                    - period closed: Σ weight × score ÷ Σ weight over ALL criteria, a
 *                                     criterion without a value scoring 0
 *                      rounded half-up to 2 decimals
 *   standing         = the rule with the highest minScore the rounded score reaches
 *   provisional      = the period is open, or coverage is below 1
 *
 * A standing is FINAL only when its period is closed (or published) and every criterion has
 * a validated value. Only a final standing has consequences: it opens a corrective action
 * plan (and e-mails the supplier) when it falls to development or probation, and it is the
 * relationship's standing history. A provisional one is shown, with its coverage, and
 * nothing else happens.
 *
 * Missing data at the close: the criterion scores 0 and the scorecard stays provisional
 * ("incomplete"), never final. Why this rule:
 *  - it cannot be gamed by withholding: a missing figure never scores better than the worst
 *    figure that could have been reported, so leaving out a bad one never raises the score
 *    or the standing the customer sees (renormalising over the covered weight would reward
 *    it; a "final when coverage ≥ x %" rule would let a firm drop any criterion lighter
 *    than 100 − x %);
 *  - it does not punish on evidence that is not there: the gap may be the customer's report
 *    or a validation staff have not done, so no plan and no e-mail fire on zeros. The gap
 *    itself is handled where it belongs: the period's completeness view and reminders, the
 *    "submit every metric by its due date" commitment, and staff reopening the period;
 *  - once the missing values are validated (late validation, an approved revision, a
 *    reopened and re-closed period) the next recompute makes the scorecard final, and its
 *    consequences follow then, once.
 */

export const MAX_WEIGHT = 99_999.999;

function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** At most `places` decimals, judged on the decimal text the number prints as. */
function hasAtMostDecimals(v: number, places: number): boolean {
  const text = String(v);
  if (text.includes('e')) return Number.isInteger(v);
  const dot = text.indexOf('.');
  return dot < 0 || text.length - dot - 1 <= places;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A criterion weight: > 0, at most 3 decimals (the column is decimal(8,3)). */
export function validateWeight(weight: unknown, path = 'weight'): ProblemFieldError[] {
  if (!isFiniteNumber(weight)) return [{ path, message: 'must be a number' }];
  if (weight <= 0) return [{ path, message: 'must be greater than 0' }];
  if (weight > MAX_WEIGHT) return [{ path, message: `must be at most ${MAX_WEIGHT}` }];
  if (!hasAtMostDecimals(weight, 3)) return [{ path, message: 'must have at most 3 decimals' }];
  return [];
}

function validateScore(score: unknown, path: string): ProblemFieldError[] {
  if (!isFiniteNumber(score)) return [{ path, message: 'must be a number' }];
  if (score < 0 || score > 100) return [{ path, message: 'must be from 0 to 100' }];
  if (!hasAtMostDecimals(score, 2)) return [{ path, message: 'must have at most 2 decimals' }];
  return [];
}

/**
 * Thresholds of one criterion: a non-empty list, all `atLeast` (higher is better) or all
 * `atMost` (lower is better, matching the metric's direction when it is given), each bound
 * stricter than the next (atLeast descending, atMost ascending), scores from 0 to 100 that
 * never rise as the bounds loosen.
 */
export function validateThresholds(thresholds: unknown, direction?: 'higher' | 'lower', path = 'thresholds'): ProblemFieldError[] {
  if (!Array.isArray(thresholds) || thresholds.length === 0) return [{ path, message: 'must be a non-empty list of {atLeast|atMost, score}' }];
  if (thresholds.length > 20) return [{ path, message: 'at most 20 thresholds' }];
  const errors: ProblemFieldError[] = [];
  let kind: 'atLeast' | 'atMost' | undefined;
  let previous: { bound: number; score: number } | undefined;
  thresholds.forEach((t: unknown, i) => {
    const at = `${path}.${i}`;
    if (!isRecord(t)) {
      errors.push({ path: at, message: 'must be an object {atLeast|atMost, score}' });
      return;
    }
    const unknownKeys = Object.keys(t).filter((k) => k !== 'atLeast' && k !== 'atMost' && k !== 'score');
    for (const k of unknownKeys) errors.push({ path: `${at}.${k}`, message: 'unknown field' });
    const has = { atLeast: t['atLeast'] !== undefined && t['atLeast'] !== null, atMost: t['atMost'] !== undefined && t['atMost'] !== null };
    if (has.atLeast === has.atMost) {
      errors.push({ path: at, message: 'must have exactly one of atLeast or atMost' });
      return;
    }
    const own: 'atLeast' | 'atMost' = has.atLeast ? 'atLeast' : 'atMost';
    const bound = t[own];
    const scoreErrors = validateScore(t['score'], `${at}.score`);
    errors.push(...scoreErrors);
    if (!isFiniteNumber(bound)) {
      errors.push({ path: `${at}.${own}`, message: 'must be a number' });
      return;
    }
    if (kind === undefined) {
      kind = own;
      const expected = direction === 'higher' ? 'atLeast' : direction === 'lower' ? 'atMost' : own;
      if (own !== expected) {
        errors.push({ path: `${at}.${own}`, message: `the metric is ${direction === 'higher' ? 'higher' : 'lower'}-is-better: use ${expected}` });
      }
    } else if (own !== kind) {
      errors.push({ path: `${at}.${own}`, message: `all thresholds of a criterion use ${kind}` });
      return;
    }
    if (scoreErrors.length) return;
    const score = t['score'] as number;
    if (previous) {
      if (own === 'atLeast' && !(bound < previous.bound)) errors.push({ path: `${at}.atLeast`, message: `must be below the previous threshold (${previous.bound})` });
      if (own === 'atMost' && !(bound > previous.bound)) errors.push({ path: `${at}.atMost`, message: `must be above the previous threshold (${previous.bound})` });
      if (score > previous.score) errors.push({ path: `${at}.score`, message: `must not exceed the previous threshold's score (${previous.score})` });
    }
    previous = { bound, score };
  });
  return errors;
}

/**
 * Standings: each at most once, minScore from 0 to 100, distinct, one of them 0 so every
 * score earns a standing, and better standings need higher scores
 * (preferred > approved > development > probation).
 */
export function validateStandings(standings: unknown, path = 'standings'): ProblemFieldError[] {
  if (!Array.isArray(standings) || standings.length === 0) return [{ path, message: 'must be a non-empty list of {standing, minScore}' }];
  const errors: ProblemFieldError[] = [];
  const seen = new Set<string>();
  const rules: StandingRule[] = [];
  standings.forEach((s: unknown, i) => {
    const at = `${path}.${i}`;
    if (!isRecord(s)) {
      errors.push({ path: at, message: 'must be an object {standing, minScore}' });
      return;
    }
    for (const k of Object.keys(s).filter((k) => k !== 'standing' && k !== 'minScore')) errors.push({ path: `${at}.${k}`, message: 'unknown field' });
    const standing = s['standing'];
    if (typeof standing !== 'string' || !(STANDINGS as readonly string[]).includes(standing)) {
      errors.push({ path: `${at}.standing`, message: `must be one of ${STANDINGS.join(', ')}` });
      return;
    }
    if (seen.has(standing)) errors.push({ path: `${at}.standing`, message: `${standing} appears twice` });
    seen.add(standing);
    const scoreErrors = validateScore(s['minScore'], `${at}.minScore`);
    errors.push(...scoreErrors);
    if (!scoreErrors.length) rules.push({ standing: standing as Standing, minScore: s['minScore'] as number });
  });
  if (errors.length) return errors;
  if (!rules.some((r) => r.minScore === 0)) errors.push({ path, message: 'one standing must have minScore 0, so that every score earns a standing' });
  const sorted = sortStandings(rules);
  for (let i = 1; i < sorted.length; i++) {
    const better = sorted[i - 1] as StandingRule;
    const worse = sorted[i] as StandingRule;
    if (better.minScore === worse.minScore) errors.push({ path, message: `${better.standing} and ${worse.standing} have the same minScore` });
    else if (standingRank(better.standing) > standingRank(worse.standing)) {
      errors.push({ path, message: `${better.standing} needs a higher minScore than ${worse.standing}, not a lower one` });
    }
  }
  return errors;
}

/** Best first (highest minScore first): the order templates store and the API shows. */
export function sortStandings(rules: readonly StandingRule[]): StandingRule[] {
  return [...rules].sort((a, b) => b.minScore - a.minScore);
}

/** 0 for the best standing (preferred); larger is worse. */
export function standingRank(standing: Standing): number {
  return STANDINGS.indexOf(standing);
}

/**
 * A FINAL standing in development or probation that is worse than `previous` (or has no
 * previous) opens a corrective action plan. `previous` is the latest final standing of an
 * earlier period: provisional scorecards are never judged, neither as the current nor as the
 * previous one.
 */
export function opensCorrectiveAction(current: Standing, previous: Standing | null): boolean {
  if (current !== 'development' && current !== 'probation') return false;
  return previous === null || standingRank(previous) < standingRank(current);
}

/** Score of one value: the first threshold it meets, in order; 0 when it meets none. */
export function scoreValue(value: number, thresholds: readonly ScorecardThreshold[]): number {
  for (const t of thresholds) {
    if ('atLeast' in t && value >= t.atLeast) return t.score;
    if ('atMost' in t && value <= t.atMost) return t.score;
  }
  return 0;
}

/** The rule with the highest minScore that the score reaches. */
export function standingFor(score: number, standings: readonly StandingRule[]): Standing {
  const rule = sortStandings(standings).find((r) => score >= r.minScore);
  if (!rule) throw new Error(`no standing covers the score ${score}: standings must include minScore 0`);
  return rule.standing;
}

/** Exact integer of a decimal number scaled by 10^places (weights have 3 decimals, scores 2). */
function scaled(v: number, places: number): number {
  return Math.round(v * 10 ** places);
}

/**
 * Σ w·s ÷ Σ w rounded half-up to 2 decimals, computed exactly on scaled integers so that it
 * agrees with PostgreSQL's numeric arithmetic (`round(sum(w*s)/sum(w), 2)`).
 */
export function weightedScore(items: readonly { weight: number; score: number }[]): number | null {
  if (items.length === 0) return null;
  let num = 0n;
  let den = 0n;
  for (const { weight, score } of items) {
    const w = BigInt(scaled(weight, 3));
    num += w * BigInt(scaled(score, 2));
    den += w;
  }
  if (den === 0n) return null;
  // num/den is the score in hundredths; round half-up: floor((2·num + den) / (2·den))
  const hundredths = (2n * num + den) / (2n * den);
  return Number(hundredths) / 100;
}

export interface CriterionInput {
  criterionId: string;
  metricId: string;
  metricCode: string;
  weight: number;
  thresholds: readonly ScorecardThreshold[];
}

/** The validated values that could feed a criterion: the customer's report about the supplier, and the supplier's own. */
export interface CandidateValues {
  customer?: number | null;
  self?: number | null;
}

export interface ScorecardResult {
  score: number;
  standing: Standing;
  /** 0–1: the share of the template's weight that has a validated value */
  coverage: number;
  /** true while the period is open or a criterion has no value: such a standing has no consequences */
  provisional: boolean;
  details: ScorecardCriterionResult[];
}

/** The state of the period being scored: what decides between a provisional and a final standing. */
export interface ScoringPeriod {
  state: PeriodState;
}

/** The customer's own report wins over the supplier's self-report. */
export function pickValue(c: CandidateValues | undefined): { value: number; source: ScorecardValueSource } | null {
  if (c?.customer !== undefined && c.customer !== null) return { value: c.customer, source: 'customer' };
  if (c?.self !== undefined && c.self !== null) return { value: c.self, source: 'self' };
  return null;
}

/**
 * Σ covered weight ÷ Σ weight rounded half-up to 4 decimals, exactly (as PostgreSQL's
 * `round(sum(w) FILTER (…) / sum(w), 4)`); null when there is no weight at all.
 */
export function coverageOf(items: readonly { weight: number; covered: boolean }[]): number | null {
  let covered = 0n;
  let total = 0n;
  for (const { weight, covered: has } of items) {
    const w = BigInt(scaled(weight, 3));
    total += w;
    if (has) covered += w;
  }
  if (total === 0n) return null;
  const tenThousandths = (2n * covered * 10_000n + total) / (2n * total);
  return Number(tenThousandths) / 10_000;
}

/**
 * One relationship's scorecard for one period. `values` maps metricId to the validated
 * candidates. Null when no criterion has a value (no scorecard is written then).
 * Details are ordered by metric code, then criterion id, as the SQL orders them.
 * See the head of this file for the open/closed rule.
 */
export function computeScorecard(
  criteria: readonly CriterionInput[],
  values: ReadonlyMap<string, CandidateValues>,
  standings: readonly StandingRule[],
  period: ScoringPeriod,
): ScorecardResult | null {
  const ordered = [...criteria].sort((a, b) => (a.metricCode < b.metricCode ? -1 : a.metricCode > b.metricCode ? 1 : a.criterionId < b.criterionId ? -1 : a.criterionId > b.criterionId ? 1 : 0));
  const details: ScorecardCriterionResult[] = ordered.map((c) => {
    const picked = pickValue(values.get(c.metricId));
    return {
      criterionId: c.criterionId,
      metricId: c.metricId,
      metricCode: c.metricCode,
      weight: c.weight,
      value: picked ? picked.value : null,
      score: picked ? scoreValue(picked.value, c.thresholds) : null,
      source: picked ? picked.source : null,
    };
  });
  const covered = details.flatMap((d) => (d.score === null ? [] : [{ weight: d.weight, score: d.score }]));
  if (covered.length === 0) return null;
  const open = period.state === 'open';
  // closed: the criteria without a value count with their weight and a score of 0
  const score = weightedScore(open ? covered : details.map((d) => ({ weight: d.weight, score: d.score ?? 0 })));
  const coverage = coverageOf(details.map((d) => ({ weight: d.weight, covered: d.score !== null })));
  if (score === null || coverage === null) return null;
  const complete = covered.length === details.length;
  return { score, standing: standingFor(score, standings), coverage, provisional: open || !complete, details };
}
