import type { Prisma, Role, TrainingPlanStatus } from '../generated/client';
import { consortiumBySlug } from './consortia';
import type { OrganisationRows } from './organisations';
import { addDays, rngFor, uuidv7, type Rng } from './prng';
import type { UserRows } from './users';

/** The union local the demo's union representative belongs to, and the glmp firms it represents. */
export const DEMO_UNION = 'usw-1343';
export const REPRESENTED_FIRMS = ['acme-castings', 'menomonee-gray-iron', 'cream-city-steel-foundry'] as const;

export interface TrainingPlanRows {
  representations: Prisma.UnionRepresentationCreateManyInput[];
  plans: Prisma.TrainingPlanCreateManyInput[];
  events: Prisma.TrainingPlanEventCreateManyInput[];
}

/** The fiscal year `today` falls in, named by the calendar year it starts in (as commitments name theirs). */
export function fiscalYearOf(today: Date, fiscalYearStartMonth: number): number {
  return today.getUTCMonth() + 1 >= fiscalYearStartMonth ? today.getUTCFullYear() : today.getUTCFullYear() - 1;
}

type Step = { action: 'created' | 'edited' | 'submitted' | 'approved' | 'returned'; daysAgo: number; side: 'firm' | 'union'; comment?: string };

interface PlanStory {
  firm: string;
  /** 0: the running fiscal year, -1: the one before, 1: the next */
  yearOffset: number;
  skillAreas: string[];
  frontlineWorkers: number;
  hours: number;
  budget: number;
  providers: string[];
  steps: Step[];
}

const LAKESHORE = 'Lakeshore Technical College';
const MEC = 'Southeast Wisconsin Manufacturing Extension Centre';

/**
 * One plan in each state of co-governance, with its history: Acme's plan for the running year
 * was approved by the firm and waits for the union; Menomonee's was returned by the union with a
 * comment; Cream City's was approved by both sides; Badger (not unionised) drafts its plan and
 * approved last year's alone.
 */
const STORIES: readonly PlanStory[] = [
  {
    firm: 'acme-castings', yearOffset: -1, skillAreas: ['safety', 'quality/SPC'], frontlineWorkers: 92, hours: 2208, budget: 118_000, providers: [LAKESHORE],
    steps: [
      { action: 'created', daysAgo: 560, side: 'firm' },
      { action: 'submitted', daysAgo: 530, side: 'firm' },
      { action: 'approved', daysAgo: 524, side: 'union', comment: 'Agreed at the joint training committee.' },
      { action: 'approved', daysAgo: 522, side: 'firm' },
    ],
  },
  {
    firm: 'acme-castings', yearOffset: 0, skillAreas: ['setup reduction', 'maintenance', 'safety'], frontlineWorkers: 96, hours: 2496, budget: 131_500, providers: [LAKESHORE, MEC],
    steps: [
      { action: 'created', daysAgo: 41, side: 'firm' },
      { action: 'edited', daysAgo: 30, side: 'firm' },
      { action: 'submitted', daysAgo: 12, side: 'firm' },
      { action: 'approved', daysAgo: 11, side: 'firm' },
    ],
  },
  {
    firm: 'menomonee-gray-iron', yearOffset: 0, skillAreas: ['lean', 'team leadership'], frontlineWorkers: 180, hours: 2700, budget: 96_000, providers: [MEC],
    steps: [
      { action: 'created', daysAgo: 64, side: 'firm' },
      { action: 'submitted', daysAgo: 35, side: 'firm' },
      {
        action: 'returned', daysAgo: 21, side: 'union',
        comment: 'Fifteen hours a head is below the charter baseline of 24, and nothing is planned for the second shift. Please add maintenance and blueprint reading for the night crew before we sign.',
      },
    ],
  },
  {
    firm: 'cream-city-steel-foundry', yearOffset: 0, skillAreas: ['welding', 'blueprint reading', 'quality/SPC'], frontlineWorkers: 410, hours: 11_070, budget: 612_000, providers: [LAKESHORE],
    steps: [
      { action: 'created', daysAgo: 150, side: 'firm' },
      { action: 'submitted', daysAgo: 120, side: 'firm' },
      { action: 'approved', daysAgo: 114, side: 'firm' },
      { action: 'approved', daysAgo: 109, side: 'union', comment: 'Welding certification ladder agreed; wage steps per the contract.' },
    ],
  },
  {
    firm: 'badger-machining', yearOffset: -1, skillAreas: ['CNC'], frontlineWorkers: 40, hours: 880, budget: 38_000, providers: [LAKESHORE],
    steps: [
      { action: 'created', daysAgo: 500, side: 'firm' },
      { action: 'submitted', daysAgo: 480, side: 'firm' },
      { action: 'approved', daysAgo: 479, side: 'firm' },
    ],
  },
  {
    firm: 'badger-machining', yearOffset: 0, skillAreas: ['CNC', 'lean'], frontlineWorkers: 42, hours: 1008, budget: 44_500, providers: [LAKESHORE, MEC],
    steps: [{ action: 'created', daysAgo: 6, side: 'firm' }],
  },
];

const ROLE_OF_SIDE: Record<'firm' | 'union', Role> = { firm: 'firm_admin', union: 'union_representative' };

function playStory(story: PlanStory, ctx: { consortiumId: string; firmId: string; year: number; today: Date; coGoverned: boolean; actor: (side: 'firm' | 'union') => string | null; rng: Rng }): { plan: Prisma.TrainingPlanCreateManyInput; events: Prisma.TrainingPlanEventCreateManyInput[] } {
  const at = (step: Step): Date => addDays(ctx.today, -step.daysAgo);
  const first = story.steps[0] as Step;
  const planId = uuidv7(at(first), ctx.rng);
  let status: TrainingPlanStatus = 'draft';
  const approvals: { firm?: { at: Date; by: string | null }; union?: { at: Date; by: string | null } } = {};
  let approvedAt: Date | null = null;
  const events: Prisma.TrainingPlanEventCreateManyInput[] = [];
  for (const step of story.steps) {
    const from = step.action === 'created' ? null : status;
    if (step.action === 'submitted') {
      status = 'submitted';
      delete approvals.firm;
      delete approvals.union;
    } else if (step.action === 'returned') {
      status = 'returned';
      delete approvals.firm;
      delete approvals.union;
    } else if (step.action === 'approved') {
      approvals[step.side] = { at: at(step), by: ctx.actor(step.side) };
      if (approvals.firm && (!ctx.coGoverned || approvals.union)) {
        status = 'approved';
        approvedAt = at(step);
      }
    }
    events.push({ id: uuidv7(at(step), ctx.rng), planId, action: step.action, fromStatus: from, toStatus: status, actorUserId: ctx.actor(step.side), actorRole: ROLE_OF_SIDE[step.side], comment: step.comment ?? null, at: at(step) });
  }
  const last = at(story.steps[story.steps.length - 1] as Step);
  return {
    plan: {
      id: planId,
      consortiumId: ctx.consortiumId,
      organisationId: ctx.firmId,
      year: ctx.year,
      status,
      skillAreas: story.skillAreas,
      frontlineWorkers: story.frontlineWorkers,
      hours: story.hours.toFixed(1),
      budget: story.budget.toFixed(2),
      providers: story.providers,
      coGoverned: ctx.coGoverned && status !== 'draft',
      firmApprovedAt: approvals.firm?.at ?? null,
      firmApprovedByUserId: approvals.firm?.by ?? null,
      unionApprovedAt: approvals.union?.at ?? null,
      unionApprovedByUserId: approvals.union?.by ?? null,
      approvedAt,
      createdAt: at(first),
      updatedAt: last,
    },
    events,
  };
}

/**
 * USW Local 1343 represents three glmp foundries; the training plans of glmp members in every
 * state, told as of `today` (built after the calendar shift: plan years are fiscal years of
 * today's calendar, and every event lies in the past).
 */
export function buildTrainingPlans(today: Date, consortiumIds: Map<string, string>, orgs: OrganisationRows, users: UserRows): TrainingPlanRows {
  const rng = rngFor('training-plans');
  const glmp = consortiumIds.get('glmp');
  const unionId = orgs.idByCode.get(DEMO_UNION);
  if (!glmp || !unionId) throw new Error('training plans: glmp or its union local is missing');
  const idOf = (code: string): string => {
    const id = orgs.idByCode.get(code);
    if (!id) throw new Error(`training plans: unknown organisation ${code}`);
    return id;
  };
  const union = unionId;
  const represented = new Set<string>(REPRESENTED_FIRMS);
  const unionisedByCode = new Map(orgs.rows.map((r) => [r.code, r.unionised === true]));
  const since = addDays(today, -600);
  const representations = REPRESENTED_FIRMS.map((code) => ({ id: uuidv7(since, rng), consortiumId: glmp, unionOrganisationId: union, firmOrganisationId: idOf(code), createdAt: since }));

  const userIdByOrg = new Map<string, Map<Role, string>>();
  for (const ra of users.roleAssignments) {
    if (!ra.organisationId) continue;
    const byRole = userIdByOrg.get(ra.organisationId) ?? new Map<Role, string>();
    byRole.set(ra.role, ra.userId);
    userIdByOrg.set(ra.organisationId, byRole);
  }
  const year = fiscalYearOf(today, consortiumBySlug('glmp').fiscalYearStartMonth);
  const plans: Prisma.TrainingPlanCreateManyInput[] = [];
  const events: Prisma.TrainingPlanEventCreateManyInput[] = [];
  for (const story of STORIES) {
    const firmId = idOf(story.firm);
    const actor = (side: 'firm' | 'union'): string | null => (side === 'firm' ? (userIdByOrg.get(firmId)?.get('firm_admin') ?? null) : (userIdByOrg.get(union)?.get('union_representative') ?? null));
    const coGoverned = unionisedByCode.get(story.firm) === true && represented.has(story.firm);
    const played = playStory(story, { consortiumId: glmp, firmId, year: year + story.yearOffset, today, coGoverned, actor, rng });
    plans.push(played.plan);
    events.push(...played.events);
  }
  return { representations, plans, events };
}
