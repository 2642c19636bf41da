import type { MetricValueSource, MetricValueStatus, Prisma } from '../generated/client';
import { metricRuleOf, standardDefinitionFields, STANDARD_CATALOGUE, type CatalogueMetric } from '@tandem/domain';
import { detectOutlier, validateFigures, type FigureInput, type Figures, type MetricRule } from '@tandem/domain';
import { customerFigures, drawProfile, firmFigures, type FirmProfile, type Override } from './firm-figures';
import { QUARTERS, PERFORMANCE_TODAY, type QuarterSeed } from './periods';
import { addDays, rngFor, uuidv7, type Rng } from './prng';

/**
 * Metric values of the demo, with the revision history the API would have written for them:
 * a value entered and submitted is revision 1 (`submitted`), staff validating or rejecting it
 * adds a revision each, a correction of a closed period is a revision with a reason that
 * staff approved (or have yet to decide). Statuses follow the calendar: values of closed and
 * published quarters are validated (a few rejected), the open quarter's are submitted or
 * still drafts, and some firms have not reported it yet (the reminders job's work); of the
 * customers' reports in the open quarter, those in for over a week are validated already.
 */

export const SUPPLIER_METRICS: readonly CatalogueMetric[] = STANDARD_CATALOGUE.filter((m) => m.reporters.includes('supplier'));

/** The seed's consortia use the standard catalogue as it comes (standard, enabled, default outlier factor). */
const RULES = new Map(STANDARD_CATALOGUE.map((m) => [m.code, metricRuleOf(standardDefinitionFields(m))]));
function rule(code: string): MetricRule {
  const r = RULES.get(code);
  if (!r) throw new Error(`no catalogue metric ${code}`);
  return r;
}

/** A firm that reports in a consortium, and the window of quarters it reports in. */
export interface ReportingFirm {
  code: string;
  id: string;
  naicsCode: string;
  employees: number;
  /** the first and last quarter it reports in (indexes into QUARTERS, both inclusive) */
  first: number;
  last: number;
  source: MetricValueSource;
  /** the user who enters its figures, when the demo has one */
  actorUserId: string | null;
}

/** A customer's reports about one supplier. */
export interface ReportingRelationship {
  key: string;
  customerId: string;
  supplier: string;
  source: MetricValueSource;
  actorUserId: string | null;
}

/** Fixed parts of the story; the rest is drawn. Quarter indexes: 0 = 2025-Q1 … 7 = 2026-Q4. */
export interface ValueStory {
  profiles?: Record<string, Partial<Pick<FirmProfile, 'capability' | 'programme'>>>;
  overrides?: Record<string, Record<string, Record<number, Override>>>;
  shocks?: Record<string, Record<string, Record<number, number>>>;
  /** firm → metric → quarter → the firm's note on that value */
  notes?: Record<string, Record<string, Record<number, string>>>;
  /** metrics a firm has never reported */
  neverReports?: Record<string, string[]>;
  /** quarters a firm skipped entirely */
  missedQuarters?: Record<string, number[]>;
  /** the open quarter: firms whose status is part of the story */
  openQuarter?: Record<string, 'submitted' | 'draft' | 'missing'>;
  /** values staff rejected; `fixed` ones were restated and validated before the close */
  rejections?: { firm: string; metric: string; quarter: number; wrong: (f: FigureInput) => FigureInput; reason: string; fixed?: string }[];
  /** changes of closed quarters requested with a reason; approved (applied) or still pending */
  corrections?: (
    | { firm: string; metric: string; quarter: number; reason: string; requestedOn: string; decidedOn: string; original: (f: FigureInput) => FigureInput }
    | { firm: string; metric: string; quarter: number; reason: string; requestedOn: string; proposed: (f: FigureInput) => FigureInput }
  )[];
  /** customer → supplier pair key → metric → quarter → value */
  customerOverrides?: Record<string, Record<string, Record<number, number>>>;
  /** no random gaps for these firms (the demo accounts' own firms) */
  complete?: string[];
}

export interface ValueRows {
  values: Prisma.MetricValueCreateManyInput[];
  revisions: Prisma.MetricValueRevisionCreateManyInput[];
  goals: Prisma.MetricGoalCreateManyInput[];
  /** validated values: `${organisationId}|${metricCode}|${quarterIndex}|${subjectKey}` → value and when it was validated */
  validated: Map<string, { value: number; at: Date }>;
}

export function validatedKey(organisationId: string, metricCode: string, quarter: number, subjectKey: string): string {
  return `${organisationId}|${metricCode}|${quarter}|${subjectKey}`;
}

interface Draft {
  organisationId: string;
  customerId: string | null;
  metric: string;
  quarter: QuarterSeed;
  figures: Figures;
  note: string | null;
  source: MetricValueSource;
  /** revisions, oldest first; the last applied one is the value's current state */
  history: { at: Date; status: MetricValueStatus; figures: Figures; actorUserId: string | null; reason?: string | null; approval?: 'not_needed' | 'pending' | 'approved'; decidedAt?: Date }[];
  rejectionReason: string | null;
}

function figuresOf(code: string, input: FigureInput, related: Record<string, number | undefined> = {}, where = ''): Figures {
  const { figures, errors } = validateFigures(rule(code), input, { side: 'supplier', periodKind: 'quarter', periodCode: where, related });
  if (!figures) throw new Error(`seed value ${where} ${code} ${JSON.stringify(input)} is invalid: ${errors.map((e) => e.message).join('; ')}`);
  return figures;
}

/** A time of the working day: 08:00 plus up to nine and a half hours, to the minute. */
function workTime(date: Date, rng: Rng): Date {
  return new Date(date.getTime() + (8 * 60 + rng.int(0, 570)) * 60_000);
}

function before(limit: Date, at: Date): Date {
  return at.getTime() < limit.getTime() ? at : new Date(limit.getTime() - 3_600_000);
}

export interface ValueInput {
  consortiumSlug: string;
  consortiumId: string;
  firms: ReportingFirm[];
  relationships: ReportingRelationship[];
  metricId: Map<string, string>;
  periodId: Map<string, string>;
  staffUserId: string | null;
  story?: ValueStory;
  /** metrics reported in this consortium (the whole supplier catalogue by default) */
  metrics?: readonly string[];
  /** quarters reported at all (all by default) */
  fromQuarter?: number;
  /** goals on these metrics for every firm */
  goalMetrics?: readonly string[];
  /** figures already drawn for a firm in another consortium: the same firm reports the same figures */
  shared?: Map<string, Map<string, (FigureInput | null)[]>>;
}

export interface ValueOutput extends ValueRows {
  /** the figures drawn per firm, to share with another consortium */
  figures: Map<string, Map<string, (FigureInput | null)[]>>;
}

export function buildValues(input: ValueInput): ValueOutput {
  const slug = input.consortiumSlug;
  const rng = rngFor(`metric-values:${slug}`);
  const story = input.story ?? {};
  const metrics = input.metrics ?? SUPPLIER_METRICS.map((m) => m.code);
  const fromQuarter = input.fromQuarter ?? 0;
  const drafts: Draft[] = [];
  const drawn = new Map<string, Map<string, (FigureInput | null)[]>>();
  const open = QUARTERS.filter((q) => q.state === 'open');
  const current = open[0]; // the open quarter that is due
  const running = open[1]; // the quarter under way

  const metricIdOf = (code: string) => {
    const id = input.metricId.get(`${slug}:${code}`);
    if (!id) throw new Error(`no metric ${slug}:${code}`);
    return id;
  };
  const periodIdOf = (q: QuarterSeed) => {
    const id = input.periodId.get(`${slug}:${q.code}`);
    if (!id) throw new Error(`no period ${slug}:${q.code}`);
    return id;
  };

  // ── the firms' own figures ──────────────────────────────────────────────────────────────
  for (const firm of input.firms) {
    const profile = drawProfile(firm.code, firm.naicsCode, firm.employees, rng, story.profiles?.[firm.code]);
    const first = Math.max(firm.first, fromQuarter);
    const series =
      input.shared?.get(firm.code) ??
      firmFigures(profile, rng, firm.first, QUARTERS.length, { overrides: story.overrides?.[firm.code], shocks: story.shocks?.[firm.code] });
    drawn.set(firm.code, series);
    const never = new Set(story.neverReports?.[firm.code] ?? []);
    const missed = new Set(story.missedQuarters?.[firm.code] ?? []);
    const complete = story.complete?.includes(firm.code) ?? false;
    const openStatus = story.openQuarter?.[firm.code] ?? (rng.chance(0.55) ? 'submitted' : rng.chance(0.45) ? 'draft' : 'missing');

    for (const q of QUARTERS) {
      if (q.index < first || q.index > firm.last || missed.has(q.index)) continue;
      const isRunning = q === running;
      if (isRunning && !(firm.source !== 'form' && rng.chance(0.6))) continue;
      if (q === current && openStatus === 'missing') continue;
      // one sitting per firm and quarter: the figures are entered (and submitted) together
      const sitting = q.state === 'open'
        ? workTime(addDays(isRunning ? PERFORMANCE_TODAY : q.dueOn, -(isRunning ? rng.int(4, 18) : rng.int(9, 40))), rng)
        : workTime(addDays(q.dueOn, -rng.int(-6, 30)), rng);
      const review = before(q.closedAt ?? PERFORMANCE_TODAY, workTime(addDays(sitting, rng.int(1, 9)), rng));
      const related: Record<string, number | undefined> = {};
      let k = 0;
      for (const code of isRunning ? ['OTD', 'PPM'] : metrics) {
        if (never.has(code)) continue;
        const raw = series.get(code)?.[q.index];
        if (!raw) continue;
        if (q.state !== 'open' && !complete && rng.chance(0.025)) continue; // a metric forgotten this quarter
        const at = new Date(sitting.getTime() + k++ * rng.int(20, 240) * 1000);
        const note = story.notes?.[firm.code]?.[code]?.[q.index] ?? (isRunning ? 'October and November to date' : null);
        const figures = figuresOf(code, raw, related, `${slug} ${firm.code} ${q.code}`);
        related[code] = figures.value;
        const d: Draft = { organisationId: firm.id, customerId: null, metric: code, quarter: q, figures, note, source: firm.source, history: [], rejectionReason: null };
        const enter = (status: MetricValueStatus, f: Figures, when: Date, reason: string | null = null) => d.history.push({ at: when, status, figures: f, actorUserId: firm.actorUserId, reason });
        const decide = (status: MetricValueStatus, f: Figures, when: Date, reason: string | null = null) => d.history.push({ at: when, status, figures: f, actorUserId: input.staffUserId, reason });

        if (q.state === 'open') {
          const draft = isRunning || openStatus === 'draft' || (!complete && rng.chance(0.02));
          enter(draft ? 'draft' : 'submitted', figures, at);
          drafts.push(d);
          continue;
        }

        const rejection = story.rejections?.find((r) => r.firm === firm.code && r.metric === code && r.quarter === q.index);
        const correction = story.corrections?.find((c) => c.firm === firm.code && c.metric === code && c.quarter === q.index);
        if (rejection) {
          const wrong = figuresOf(code, rejection.wrong(raw), related, `${slug} ${firm.code} ${q.code} (rejected)`);
          const due = q.dueOn;
          enter('submitted', wrong, workTime(addDays(due, -24), rng));
          decide('rejected', wrong, workTime(addDays(due, -18), rng), rejection.reason);
          if (rejection.fixed) {
            enter('submitted', figures, workTime(addDays(due, -12), rng), rejection.fixed);
            decide('validated', figures, workTime(addDays(due, -6), rng));
          } else {
            // rejected and never restated: the wrong figures are what the value holds
            d.figures = wrong;
            d.rejectionReason = rejection.reason;
          }
        } else if (correction) {
          // a change of a closed quarter: a revision with a reason, applied once staff approve it
          const requested = workTime(new Date(`${correction.requestedOn}T00:00:00Z`), rng);
          if ('decidedOn' in correction) {
            const original = figuresOf(code, correction.original(raw), {}, `${slug} ${firm.code} ${q.code} (original)`);
            enter('submitted', original, at);
            decide('validated', original, review);
            d.history.push({ at: requested, status: 'validated', figures, actorUserId: firm.actorUserId, reason: correction.reason, approval: 'approved', decidedAt: workTime(new Date(`${correction.decidedOn}T00:00:00Z`), rng) });
          } else {
            const proposed = figuresOf(code, correction.proposed(raw), {}, `${slug} ${firm.code} ${q.code} (proposed)`);
            enter('submitted', figures, at);
            decide('validated', figures, review);
            d.history.push({ at: requested, status: 'validated', figures: proposed, actorUserId: firm.actorUserId, reason: correction.reason, approval: 'pending' });
          }
        } else {
          enter('submitted', figures, at);
          decide('validated', figures, review);
        }
        drafts.push(d);
      }
    }
  }

  // ── customers' reports about their suppliers ────────────────────────────────────────────
  for (const rel of input.relationships) {
    const firm = input.firms.find((f) => f.code === rel.supplier);
    const series = drawn.get(rel.supplier);
    if (!firm || !series) continue;
    const shape = { share: 0.25 + 0.6 * rng.next(), otdBias: 0.2 + 1.0 * rng.next(), ppmFactor: 0.7 + 0.6 * rng.next() };
    const pinned = story.customerOverrides?.[rel.key] ?? {};
    for (const q of QUARTERS) {
      if (q.index < Math.max(firm.first, fromQuarter) || q.index > firm.last || (q.state === 'open' && q !== current)) continue;
      const otd = series.get('OTD')?.[q.index];
      const ppm = series.get('PPM')?.[q.index];
      if (!otd || !ppm) continue;
      const figs = customerFigures({ otd, ppm }, shape, rng, { OTD: pinned['OTD']?.[q.index], PPM: pinned['PPM']?.[q.index] });
      const skipped = pinned['OTD']?.[q.index] !== undefined ? false : q.state === 'open' ? rng.chance(0.2) : rng.chance(0.03);
      if (skipped) continue;
      const sitting = q.state === 'open' ? workTime(addDays(q.dueOn, -rng.int(9, 35)), rng) : workTime(addDays(q.dueOn, -rng.int(0, 28)), rng);
      const review = before(q.closedAt ?? PERFORMANCE_TODAY, workTime(addDays(sitting, rng.int(1, 8)), rng));
      for (const code of ['OTD', 'PPM'] as const) {
        const figures = figuresOf(code, figs[code], {}, `${slug} ${rel.key} ${q.code}`);
        const d: Draft = { organisationId: firm.id, customerId: rel.customerId, metric: code, quarter: q, figures, note: null, source: rel.source, history: [], rejectionReason: null };
        d.history.push({ at: sitting, status: 'submitted', figures, actorUserId: rel.actorUserId });
        // staff validate customers' reports as they arrive: in the quarter due now, those in for over a week
        // are validated already, which gives its relationships provisional scorecards
        if (q.state !== 'open' || review.getTime() < PERFORMANCE_TODAY.getTime() - 7 * 86_400_000) d.history.push({ at: review, status: 'validated', figures, actorUserId: input.staffUserId });
        drafts.push(d);
      }
    }
  }

  // ── outlier flags, exactly as the API sets them: against the latest earlier non-rejected value ──
  const ordered = [...drafts].sort((a, b) => a.quarter.index - b.quarter.index);
  const previous = new Map<string, { value: number; periodCode: string }>();
  const flags = new Map<Draft, { outlier: boolean; outlierNote: string | null }>();
  for (const d of ordered) {
    const subject = `${d.organisationId}|${d.metric}|${d.customerId ?? 'self'}`;
    const status = d.history.filter((h) => h.approval !== 'pending').at(-1)?.status;
    flags.set(d, detectOutlier(rule(d.metric), d.figures.value, previous.get(subject) ?? null));
    if (status !== 'rejected') previous.set(subject, { value: d.figures.value, periodCode: d.quarter.code });
  }

  // ── rows ────────────────────────────────────────────────────────────────────────────────
  const values: Prisma.MetricValueCreateManyInput[] = [];
  const revisions: Prisma.MetricValueRevisionCreateManyInput[] = [];
  const validated = new Map<string, { value: number; at: Date }>();
  for (const d of drafts) {
    const applied = d.history.filter((h) => h.approval !== 'pending');
    const last = applied.at(-1);
    const firstRev = d.history[0];
    if (!last || !firstRev) throw new Error('a value without revisions');
    const id = uuidv7(firstRev.at, rng);
    const submitted = [...applied].reverse().find((h) => h.status === 'submitted');
    const validation = last.status === 'validated' ? [...applied].reverse().find((h) => h.status === 'validated' && !h.approval) : undefined;
    const updatedAt = last.decidedAt ?? last.at;
    const { outlier, outlierNote } = flags.get(d) ?? { outlier: false, outlierNote: null };
    values.push({
      id,
      consortiumId: input.consortiumId,
      organisationId: d.organisationId,
      metricId: metricIdOf(d.metric),
      periodId: periodIdOf(d.quarter),
      customerId: d.customerId,
      subjectKey: d.customerId ?? 'self',
      value: d.figures.value,
      numerator: d.figures.numerator,
      denominator: d.figures.denominator,
      note: d.note,
      source: d.source,
      status: last.status,
      rejectionReason: last.status === 'rejected' ? d.rejectionReason : null,
      outlier,
      outlierNote,
      revision: applied.length,
      submittedAt: submitted?.at ?? null,
      validatedAt: validation?.at ?? null,
      validatedById: validation ? input.staffUserId : null,
      createdAt: firstRev.at,
      updatedAt,
    });
    d.history.forEach((h, i) => {
      revisions.push({
        id: uuidv7(h.at, rng),
        metricValueId: id,
        revision: i + 1,
        value: h.figures.value,
        numerator: h.figures.numerator,
        denominator: h.figures.denominator,
        note: d.note,
        status: h.status,
        source: d.source,
        reason: h.reason ?? null,
        approval: h.approval ?? 'not_needed',
        decidedById: h.approval === 'approved' ? input.staffUserId : null,
        decidedAt: h.approval === 'approved' ? (h.decidedAt ?? null) : null,
        actorUserId: h.actorUserId,
        actorApiKeyId: null,
        createdAt: h.at,
      });
    });
    if (last.status === 'validated') {
      validated.set(validatedKey(d.organisationId, d.metric, d.quarter.index, d.customerId ?? 'self'), { value: d.figures.value, at: updatedAt });
    }
  }

  // ── baselines and goals: the first validated quarter of each goal metric ────────────────
  const goals: Prisma.MetricGoalCreateManyInput[] = [];
  for (const firm of input.firms) {
    for (const code of input.goalMetrics ?? []) {
      const base = QUARTERS.map((q) => ({ q, v: validated.get(validatedKey(firm.id, code, q.index, 'self')) })).find((x) => x.v);
      if (!base?.v) continue;
      const b = base.v.value;
      const target = GOALS[code]?.(b);
      if (target === undefined) continue;
      const set = addDays(base.v.at, rng.int(5, 30));
      const goalDate = new Date(Date.UTC(base.q.endsOn.getUTCFullYear() + 2, base.q.endsOn.getUTCMonth(), base.q.endsOn.getUTCDate()));
      goals.push({
        id: uuidv7(set, rng),
        consortiumId: input.consortiumId,
        organisationId: firm.id,
        metricId: metricIdOf(code),
        baselinePeriodId: periodIdOf(base.q),
        baselineValue: b,
        goalValue: target,
        goalDate,
        createdAt: set,
        updatedAt: set,
      });
    }
  }
  return { values, revisions, goals, validated, figures: drawn };
}

/** The programme's standard goals, two years out (domain.md: "lead time −25 % in two years"). */
const GOALS: Record<string, (baseline: number) => number> = {
  OTD: (b) => Math.min(99.5, Math.round((b + (100 - b) / 2) * 10) / 10),
  PPM: (b) => Math.max(10, Math.round(b * 0.6)),
  LEAD_TIME: (b) => Math.round(b * 0.75 * 10) / 10,
  SETUP_TIME: (b) => Math.round(b * 0.7 * 10) / 10,
  COST_INDEX: (b) => Math.round(b * 0.9 * 10) / 10,
};
