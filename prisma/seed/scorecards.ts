import type { PlanStatus, Prisma, Standing, TaskStatus } from '../generated/client';
import { CORRECTIVE_ACTION_DAYS, DEFAULT_SHARED_CATEGORIES, METRIC_CATEGORIES, type MetricCategory, type ScorecardCriterionResult, type ScorecardThreshold, type StandingRule } from '@tandem/contracts';
import { categoryOfMetric, computeScorecard, opensCorrectiveAction, scorecardForCustomer, type CandidateValues, type CriterionInput, type ScorecardFigures } from '@tandem/domain';
import { validatedKey } from './metric-values';
import { PERFORMANCE_TODAY, QUARTERS, type QuarterSeed } from './periods';
import { addDays, day, rngFor, uuidv7 } from './prng';

/**
 * Scorecard templates of glmp (the consortium's and Northstar Engines' own), the scorecards
 * of every relationship in every quarter that has validated values, computed from them by
 * computeScorecard() of libs/domain, the twin of the worker's SQL
 * (apps/worker/src/scorecards/scorecards.sql.ts; the seed-performance e2e test checks both
 * agree): provisional in the open quarter (and wherever a criterion had no value at the
 * close), final otherwise. A corrective action plan wherever a FINAL standing fell to
 * development or probation with a customer.
 */

export interface TemplateSeed {
  name: string;
  standings: StandingRule[];
  criteria: { metric: string; weight: number; thresholds: ScorecardThreshold[] }[];
}

/** The consortium's template: delivery and quality weigh most, as the charter's monitoring section says. */
export const CONSORTIUM_TEMPLATE: TemplateSeed = {
  name: 'GLMP supplier scorecard',
  standings: [
    { standing: 'preferred', minScore: 85 },
    { standing: 'approved', minScore: 70 },
    { standing: 'development', minScore: 50 },
    { standing: 'probation', minScore: 0 },
  ],
  criteria: [
    {
      metric: 'OTD',
      weight: 35,
      thresholds: [
        { atLeast: 98, score: 100 },
        { atLeast: 95, score: 85 },
        { atLeast: 92, score: 70 },
        { atLeast: 88, score: 50 },
        { atLeast: 80, score: 25 },
      ],
    },
    {
      metric: 'PPM',
      weight: 35,
      thresholds: [
        { atMost: 100, score: 100 },
        { atMost: 250, score: 85 },
        { atMost: 500, score: 70 },
        { atMost: 1000, score: 50 },
        { atMost: 2500, score: 25 },
      ],
    },
    {
      metric: 'LEAD_TIME',
      weight: 15,
      thresholds: [
        { atMost: 14, score: 100 },
        { atMost: 21, score: 85 },
        { atMost: 30, score: 70 },
        { atMost: 45, score: 50 },
        { atMost: 60, score: 25 },
      ],
    },
    {
      metric: 'COST_INDEX',
      weight: 15,
      thresholds: [
        { atMost: 95, score: 100 },
        { atMost: 100, score: 85 },
        { atMost: 103, score: 70 },
        { atMost: 106, score: 50 },
        { atMost: 110, score: 25 },
      ],
    },
  ],
};

/** Northstar Engines keeps its own, stricter template: an engine maker lives on quality. */
export const NORTHSTAR_TEMPLATE: TemplateSeed = {
  name: 'Northstar Engines supplier scorecard',
  standings: [
    { standing: 'preferred', minScore: 88 },
    { standing: 'approved', minScore: 72 },
    { standing: 'development', minScore: 55 },
    { standing: 'probation', minScore: 0 },
  ],
  criteria: [
    {
      metric: 'OTD',
      weight: 40,
      thresholds: [
        { atLeast: 98, score: 100 },
        { atLeast: 96, score: 85 },
        { atLeast: 94, score: 70 },
        { atLeast: 90, score: 50 },
        { atLeast: 85, score: 25 },
      ],
    },
    {
      metric: 'PPM',
      weight: 40,
      thresholds: [
        { atMost: 150, score: 100 },
        { atMost: 300, score: 85 },
        { atMost: 600, score: 70 },
        { atMost: 1200, score: 50 },
        { atMost: 2500, score: 25 },
      ],
    },
    {
      metric: 'LEAD_TIME',
      weight: 20,
      thresholds: [
        { atMost: 14, score: 100 },
        { atMost: 21, score: 85 },
        { atMost: 30, score: 70 },
        { atMost: 45, score: 50 },
        { atMost: 60, score: 25 },
      ],
    },
  ],
};

/** Tasks a plan starts with, by the criterion that pulled the score down. */
const TASK_LIBRARY: Record<string, { title: string; owner: string }[]> = {
  OTD: [
    { title: 'Root-cause review of every late order line of the quarter with the buyer', owner: 'Plant manager' },
    { title: 'Daily production-control meeting on the order lines at risk', owner: 'Production control' },
    { title: 'Finished-goods buffer for the customer’s twenty highest-volume part numbers', owner: 'Materials manager' },
  ],
  PPM: [
    { title: '8D on the returned lots, root cause confirmed with the customer’s quality engineer', owner: 'Quality manager' },
    { title: 'Layered process audits on the line that produced the escapes', owner: 'Quality manager' },
    { title: 'SPC on the critical characteristics, operators trained by Lakeshore Technical College', owner: 'Training coordinator' },
  ],
  LEAD_TIME: [
    { title: 'Value-stream map of the main product family with the extension centre', owner: 'Operations manager' },
    { title: 'Halve batch sizes on the constraint machine', owner: 'Production control' },
  ],
  COST_INDEX: [
    { title: 'Review the reference-basket quotes with the buyer', owner: 'Sales manager' },
    { title: 'Scrap-reduction kaizen on the costliest part number', owner: 'Operations manager' },
  ],
};

export interface PlanStory {
  /** `${customer}>${supplier}` */
  pair: string;
  title?: string;
  ownerUserId?: string | null;
  dueOn?: string;
  status?: PlanStatus;
  tasks: { title: string; owner: string; ownerUserId?: string | null; dueOn: string; status: TaskStatus; doneOn?: string }[];
}

/**
 * Suppliers of the cost programme: they share every category of their self-reported figures
 * with each of their customers (the others keep the default, delivery and quality). The
 * consortium's template scores cost, so only with these suppliers may a customer read the
 * standing — and only a standing the customer may read opens a corrective action plan (the
 * worker's rule: a plan tells its standing).
 */
export const SHARING_ALL_WITH_CUSTOMERS: readonly string[] = ['racine-pump-valve', 'whitewater-ductile', 'sussex-hydraulics', 'cream-city-steel-foundry', 'germantown-steel-fab', 'kenosha-die-cast'];

/** What a supplier of the demo shares with its customers: everything for the cost programme's suppliers, the default otherwise. */
export function seededSharing(supplierCode: string): readonly MetricCategory[] {
  return SHARING_ALL_WITH_CUSTOMERS.includes(supplierCode) ? METRIC_CATEGORIES : DEFAULT_SHARED_CATEGORIES;
}

export interface ScorecardInput {
  consortiumId: string;
  /** customer organisation code whose own template the demo seeds, and its id */
  customerTemplate: { code: string; id: string };
  metricId: (code: string) => string;
  periodId: (q: QuarterSeed) => string;
  relationships: { id: string; key: string; customerId: string; supplierId: string; customerName: string; supplierName: string; customerCode: string }[];
  validated: Map<string, { value: number; at: Date }>;
  /** supplier organisation code → its firm admin's user id, the default owner of its plans */
  ownerOf: Map<string, string>;
  supplierCodeOf: Map<string, string>;
  stories?: PlanStory[];
}

export interface ScorecardRows {
  templates: Prisma.ScorecardTemplateCreateManyInput[];
  criteria: Prisma.ScorecardCriterionCreateManyInput[];
  scorecards: Prisma.ScorecardCreateManyInput[];
  plans: Prisma.CorrectiveActionPlanCreateManyInput[];
  tasks: Prisma.CorrectiveActionTaskCreateManyInput[];
}

export function buildScorecards(input: ScorecardInput): ScorecardRows {
  const rng = rngFor('scorecards');
  const templates: Prisma.ScorecardTemplateCreateManyInput[] = [];
  const criteria: Prisma.ScorecardCriterionCreateManyInput[] = [];
  const scorecards: Prisma.ScorecardCreateManyInput[] = [];
  const plans: Prisma.CorrectiveActionPlanCreateManyInput[] = [];
  const tasks: Prisma.CorrectiveActionTaskCreateManyInput[] = [];

  interface Built {
    id: string;
    standings: StandingRule[];
    criteria: CriterionInput[];
  }
  const addTemplate = (seed: TemplateSeed, customerId: string | null, createdAt: Date): Built => {
    const id = uuidv7(createdAt, rng);
    templates.push({ id, consortiumId: input.consortiumId, customerId, name: seed.name, standings: seed.standings as unknown as Prisma.InputJsonValue, active: true, createdAt, updatedAt: createdAt });
    const built: Built = { id, standings: seed.standings, criteria: [] };
    for (const c of seed.criteria) {
      const criterionId = uuidv7(createdAt, rng);
      const metricId = input.metricId(c.metric);
      criteria.push({ id: criterionId, templateId: id, metricId, weight: c.weight, thresholds: c.thresholds as unknown as Prisma.InputJsonValue });
      built.criteria.push({ criterionId, metricId, metricCode: c.metric, weight: c.weight, thresholds: c.thresholds });
    }
    return built;
  };
  // adopted by the steering committee before the first scored quarter; Northstar's a month later
  const consortiumTemplate = addTemplate(CONSORTIUM_TEMPLATE, null, new Date('2024-11-20T15:00:00Z'));
  const customerTemplate = addTemplate(NORTHSTAR_TEMPLATE, input.customerTemplate.id, new Date('2025-01-21T10:30:00Z'));

  const codeOfMetric = new Map([...consortiumTemplate.criteria, ...customerTemplate.criteria].map((c) => [c.metricId, c.metricCode]));
  const customerReads = (rel: ScorecardInput['relationships'][number], card: ScorecardFigures): boolean =>
    scorecardForCustomer(card, (metricId) => categoryOfMetric(codeOfMetric.get(metricId) ?? ''), seededSharing(input.supplierCodeOf.get(rel.supplierId) ?? '')).withheld === null;

  for (const rel of input.relationships) {
    const template = rel.customerId === input.customerTemplate.id ? customerTemplate : consortiumTemplate;
    // the latest FINAL standing: provisional scorecards are never judged (libs/domain scoring.ts)
    let previous: Standing | null = null;
    const cards: { id: string; q: QuarterSeed; standing: Standing; details: ScorecardCriterionResult[]; at: Date }[] = [];
    for (const q of QUARTERS) {
      // the validated candidates of each criterion, scored by the domain's twin of the worker's SQL
      let latest = 0;
      const values = new Map<string, CandidateValues>();
      for (const c of template.criteria) {
        const customer = input.validated.get(validatedKey(rel.supplierId, c.metricCode, q.index, rel.customerId));
        const self = input.validated.get(validatedKey(rel.supplierId, c.metricCode, q.index, 'self'));
        const used = customer ?? self;
        if (used) latest = Math.max(latest, used.at.getTime());
        values.set(c.metricId, { customer: customer?.value, self: self?.value });
      }
      const result = computeScorecard(template.criteria, values, template.standings, { state: q.state });
      if (!result) continue;
      const { score, standing, coverage, provisional, details } = result;
      // recomputed by the worker minutes after the last of its values was validated, or at the close
      const at = new Date(Math.max(latest, q.closedAt?.getTime() ?? 0) + rng.int(1, 15) * 60_000);
      const id = uuidv7(at, rng);
      scorecards.push({
        id,
        consortiumId: input.consortiumId,
        relationshipId: rel.id,
        periodId: input.periodId(q),
        templateId: template.id,
        supplierId: rel.supplierId,
        customerId: rel.customerId,
        score,
        standing,
        coverage,
        provisional,
        details: details as unknown as Prisma.InputJsonValue,
        computedAt: at,
        createdAt: at,
        updatedAt: at,
      });
      if (provisional) continue;
      if (opensCorrectiveAction(standing, previous) && customerReads(rel, result)) cards.push({ id, q, standing, details, at });
      previous = standing;
    }

    // ── corrective action plans ──
    const standingsAfter = (q: QuarterSeed) =>
      scorecards.filter((s) => s.relationshipId === rel.id && !s.provisional && QUARTERS.findIndex((x) => input.periodId(x) === s.periodId) > q.index).map((s) => s.standing);
    for (const card of cards) {
      const story = input.stories?.find((s) => s.pair === rel.key);
      const later = standingsAfter(card.q);
      const recovered = later.length >= 2 && later.slice(-2).every((s) => s === 'preferred' || s === 'approved');
      const status: PlanStatus = story?.status ?? (recovered ? 'completed' : later.length === 0 ? 'open' : 'in_progress');
      const created = new Date(card.at.getTime() + 1000);
      const defaultDue = addDays(day(created.toISOString().slice(0, 10)), CORRECTIVE_ACTION_DAYS);
      // a plan still running past its 90 days was given until the year's end by the buyer
      const dueOn = story?.dueOn ? day(story.dueOn) : status !== 'completed' && defaultDue < PERFORMANCE_TODAY ? day('2026-12-31') : defaultDue;
      const planId = uuidv7(created, rng);
      const supplierCode = input.supplierCodeOf.get(rel.supplierId) ?? '';
      const weakest = [...card.details].filter((d) => d.score !== null).sort((a, b) => (a.score ?? 0) - (b.score ?? 0) || b.weight - a.weight)[0];
      const library = TASK_LIBRARY[weakest?.metricCode ?? 'OTD'] ?? [];
      const taskSeeds =
        story?.tasks ??
        library.slice(0, library.length >= 3 && rng.chance(0.5) ? 3 : 2).map((t, i) => {
          const taskStatus: TaskStatus = status === 'completed' ? 'done' : status === 'open' ? 'todo' : i === 0 ? 'done' : i === 1 ? 'doing' : 'todo';
          const due = addDays(created, 30 * (i + 1));
          return { ...t, dueOn: due.toISOString().slice(0, 10), status: taskStatus, doneOn: taskStatus === 'done' ? addDays(due, -rng.int(1, 10)).toISOString().slice(0, 10) : undefined };
        });
      let touched = created;
      for (const t of taskSeeds) {
        const taskCreated = new Date(created.getTime() + rng.int(1, 3) * 86_400_000);
        const changed = t.status === 'done' && t.doneOn ? new Date(`${t.doneOn}T16:00:00Z`) : t.status === 'doing' ? addDays(taskCreated, rng.int(5, 20)) : taskCreated;
        const updated = changed < PERFORMANCE_TODAY ? changed : taskCreated;
        if (updated > touched) touched = updated;
        const ownerUserId = 'ownerUserId' in t ? (t.ownerUserId ?? null) : null;
        tasks.push({ id: uuidv7(taskCreated, rng), planId, title: t.title, owner: t.owner, ownerUserId, dueOn: day(t.dueOn), status: t.status, createdAt: taskCreated, updatedAt: updated });
      }
      plans.push({
        id: planId,
        consortiumId: input.consortiumId,
        relationshipId: rel.id,
        scorecardId: card.id,
        supplierId: rel.supplierId,
        customerId: rel.customerId,
        standing: card.standing,
        // the worker's title: "<supplier> at <standing> with <customer> (<period>)"
        title: (story?.title ?? `${rel.supplierName} at ${card.standing} with ${rel.customerName} (${card.q.code})`).slice(0, 200),
        ownerUserId: story?.ownerUserId !== undefined ? story.ownerUserId : (input.ownerOf.get(supplierCode) ?? null),
        status,
        dueOn,
        createdAt: created,
        updatedAt: touched,
      });
    }
  }
  return { templates, criteria, scorecards, plans, tasks };
}
