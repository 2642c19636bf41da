import type { MetricValueSource, Prisma } from '../generated/client';
import type { FigureInput } from '@tandem/domain';
import type { ConsortiumRows } from './consortia';
import { buildValues, type ReportingFirm, type ReportingRelationship, type ValueStory } from './metric-values';
import { ORGANISATIONS, joinKey, type OrganisationRows } from './organisations';
import { QUARTERS, buildCatalogueAndPeriods, type QuarterSeed } from './periods';
import { SHARING_ALL_WITH_CUSTOMERS, buildScorecards, seededSharing, type PlanStory } from './scorecards';
import { buildSupply, pairKey } from './supply';
import { rngFor, uuidv7 } from './prng';
import type { UserRows } from './users';

/**
 * The supplier-performance part of the demo story: both consortia's metric
 * catalogue and quarterly calendar; in glmp, who supplies whom, eight quarters of the
 * suppliers' own figures and their customers' reports, baselines and goals, scorecards and
 * corrective action plans; in fvsn a handful of figures, so cross-consortium checks have
 * records to be refused. Built as plain rows first (deterministic), written in bulk inside
 * the seed's transaction.
 *
 * The story, as the glmp console tells it on 2026-11-24:
 *  - Acme Castings (demo accounts) sells cylinder-block castings to Northstar Engines. A
 *    porosity problem in late 2025 (Northstar's incoming PPM 290 → 1,150, flagged as an
 *    outlier) put Acme at "development" in Northstar's own scorecard for 2025-Q4; the
 *    corrective action plan is in progress, and Acme is back at "approved" in 2026-Q2. In
 *    exchange for joining the lean programme, Northstar moved Acme from yearly rebids to a
 *    three-year agreement (July 2025). Acme restated one lead time after the close (approved
 *    revision) and has never reported inventory turns, so it is reminded about them.
 *  - Kenosha Die Cast had a porosity escape at Pike Creek Compressor in 2026-Q2: probation,
 *    a plan opened, nothing done yet.
 *  - A few values were rejected by staff (wrong basis), one was restated and validated, one
 *    correction of a closed quarter awaits staff approval; a few figures are flagged outliers.
 *  - 2026-Q3 is open and due on 2026-12-01: most firms have submitted, some have drafts,
 *    some nothing yet. 2026-Q4 is running; firms that push from their ERP have drafts.
 *
 * Two details keep the API e2e tests meaningful: Badger Machining does not supply Northstar,
 * and Acme's latest self-reported PPM stays between 34 and 300 (test/api/metric-values
 * expects a PPM of 100 in a later year not to be an outlier against it).
 */

const GLMP = 'glmp';
const FVSN = 'fvsn';
const NORTHSTAR = 'northstar-engines';

const Q = Object.fromEntries(QUARTERS.map((q) => [q.code, q.index])) as Record<string, number>;

/** Indexes 0 = 2025-Q1 … 6 = 2026-Q3. */
const byQuarter = (values: number[]) => Object.fromEntries(values.map((value, i) => [i, { value }]));

const GLMP_STORY: ValueStory = {
  profiles: {
    'acme-castings': { capability: 0.6, programme: true },
    'badger-machining': { capability: 0.72, programme: true },
    'kenosha-die-cast': { capability: 0.62, programme: false },
    'fox-river-cnc': { capability: 0.55, programme: true },
  },
  overrides: {
    'acme-castings': {
      OTD: byQuarter([95.8, 96.1, 95.5, 94.2, 95.1, 96.4, 97.0]),
      PPM: byQuarter([310, 295, 330, 640, 480, 350, 260]),
      LEAD_TIME: byQuarter([26, 25.5, 25, 24, 22, 21, 20]),
    },
  },
  shocks: {
    'kenosha-die-cast': { PPM: { [Q['2026-Q2'] as number]: 4.5 } },
    'fox-river-cnc': { SETUP_TIME: { [Q['2025-Q4'] as number]: 3.6 } },
    'cream-city-steel-foundry': { SCRAP: { [Q['2025-Q2'] as number]: 3.5 } },
  },
  notes: {
    'acme-castings': { PPM: { [Q['2025-Q4'] as number]: 'Porosity escapes on cylinder-head castings returned by Northstar; 8D opened.' } },
    'kenosha-die-cast': { PPM: { [Q['2026-Q2'] as number]: 'Porosity escape on the valve-plate die: parts returned by Pike Creek Compressor, containment in place.' } },
    'fox-river-cnc': { SETUP_TIME: { [Q['2025-Q4'] as number]: 'New 5-axis machining centre commissioned: changeovers included first-article programming.' } },
    'cream-city-steel-foundry': { SCRAP: { [Q['2025-Q2'] as number]: 'Furnace relining failure in May: two heats scrapped.' } },
  },
  neverReports: { 'acme-castings': ['INV_TURNS'] },
  missedQuarters: { 'whitewater-ductile': [Q['2025-Q3'] as number] },
  openQuarter: { 'acme-castings': 'submitted', 'badger-machining': 'draft' },
  complete: ['acme-castings', 'badger-machining'],
  rejections: [
    {
      firm: 'whitewater-ductile',
      metric: 'INV_TURNS',
      quarter: Q['2025-Q2'] as number,
      wrong: (f) => ({ numerator: Math.round((f.numerator ?? 0) / 4), denominator: f.denominator }),
      reason: 'Cost of goods sold is the quarter’s, not annualised: the turns are a quarter of the true figure. Please restate with annualised COGS.',
    },
    {
      firm: 'oak-creek-fabrication',
      metric: 'VA_EMP',
      quarter: Q['2025-Q4'] as number,
      wrong: (f) => ({ numerator: f.numerator, denominator: Math.max(1, Math.round((f.denominator ?? 1) * 0.6)) }),
      reason: 'Value added is per employee of the whole firm (all employees), not per frontline worker.',
    },
    {
      firm: 'jackson-axle',
      metric: 'OTD',
      quarter: Q['2026-Q1'] as number,
      wrong: (f) => {
        const orders = Math.max(10, Math.round((f.denominator ?? 50) / 5));
        return { numerator: Math.round(orders * 0.86), denominator: orders };
      },
      reason: 'OTD counts order lines, not orders: please restate from the order-line report.',
    },
    {
      firm: 'badger-machining',
      metric: 'SCRAP',
      quarter: Q['2025-Q3'] as number,
      wrong: (f) => ({ numerator: Math.round((f.numerator ?? 0) * 1.6), denominator: f.denominator }),
      reason: 'Scrap cost includes bar stock returned to the mill for credit; that is not scrap.',
      fixed: 'Restated without the material returned to the mill.',
    },
  ],
  corrections: [
    {
      firm: 'acme-castings',
      metric: 'LEAD_TIME',
      quarter: Q['2026-Q1'] as number,
      original: () => ({ value: 24.5 }),
      reason: 'The ERP report counted orders on engineering hold; median restated without them.',
      requestedOn: '2026-07-09',
      decidedOn: '2026-07-13',
    },
    {
      firm: 'union-grove-driveline',
      metric: 'OTD',
      quarter: Q['2025-Q4'] as number,
      original: (f: FigureInput) => ({ numerator: (f.numerator ?? 0) - Math.round((f.denominator ?? 0) * 0.03), denominator: f.denominator }),
      reason: 'Shipments re-dated at Prairie Harvest’s request were counted late; restated against the revised promise dates.',
      requestedOn: '2026-04-08',
      decidedOn: '2026-04-10',
    },
    {
      firm: 'racine-pump-valve',
      metric: 'SCRAP',
      quarter: Q['2026-Q2'] as number,
      proposed: (f: FigureInput) => ({ numerator: Math.round((f.numerator ?? 0) * 1.25), denominator: f.denominator }),
      reason: 'The physical inventory count found rework on impellers that was not booked in June.',
      requestedOn: '2026-10-06',
    },
  ],
  customerOverrides: {
    [pairKey(NORTHSTAR, 'acme-castings')]: {
      OTD: { 0: 96.4, 1: 96.0, 2: 95.4, 3: 94.5, 4: 95.0, 5: 96.3, 6: 97.1 },
      PPM: { 0: 280, 1: 270, 2: 290, 3: 1150, 4: 820, 5: 540, 6: 310 },
    },
    [pairKey('pike-creek-compressor', 'kenosha-die-cast')]: {
      OTD: { [Q['2026-Q2'] as number]: 88.5 },
      PPM: { [Q['2026-Q2'] as number]: 5800 },
    },
  },
};

/** Firms whose ERP pushes figures through the API; large firms upload CSV exports; the rest type them in. */
const API_FIRMS = new Set(['racine-pump-valve', 'union-grove-driveline']);
const CUSTOMER_SOURCES: Record<string, MetricValueSource> = { 'prairie-harvest': 'api', 'south-shore-mining': 'csv', 'lakeview-power': 'csv' };

export interface PerformanceRows {
  definitions: Prisma.MetricDefinitionCreateManyInput[];
  periods: Prisma.PeriodCreateManyInput[];
  relationships: Prisma.SupplyRelationshipCreateManyInput[];
  modeChanges: Prisma.SourcingModeChangeCreateManyInput[];
  values: Prisma.MetricValueCreateManyInput[];
  revisions: Prisma.MetricValueRevisionCreateManyInput[];
  goals: Prisma.MetricGoalCreateManyInput[];
  templates: Prisma.ScorecardTemplateCreateManyInput[];
  criteria: Prisma.ScorecardCriterionCreateManyInput[];
  scorecards: Prisma.ScorecardCreateManyInput[];
  plans: Prisma.CorrectiveActionPlanCreateManyInput[];
  tasks: Prisma.CorrectiveActionTaskCreateManyInput[];
  sharing: Prisma.SharingSettingCreateManyInput[];
}

/** The quarter a date falls in (0 before the calendar starts). */
function quarterOf(date: Date): number {
  const q = QUARTERS.find((x) => x.endsOn.getTime() >= date.getTime());
  return q ? q.index : QUARTERS.length;
}

export function buildPerformance(consortia: ConsortiumRows, orgs: OrganisationRows, users: UserRows): PerformanceRows {
  const consortiumId = (slug: string) => {
    const id = consortia.idBySlug.get(slug);
    if (!id) throw new Error(`no consortium ${slug}`);
    return id;
  };
  const createdAt = new Map(consortia.rows.map((c) => [c.slug, new Date(c.createdAt as Date)]));
  const catalogue = buildCatalogueAndPeriods(consortia.idBySlug, createdAt);
  const orgId = (code: string) => {
    const id = orgs.idByCode.get(code);
    if (!id) throw new Error(`no organisation ${code}`);
    return id;
  };
  const orgRow = new Map(orgs.rows.map((r) => [r.code, r]));
  const userByEmail = new Map(users.users.map((u) => [u.email, u.id as string]));
  const roleOf = new Map(users.roleAssignments.map((r) => [r.userId, r]));
  /** the demo user of a firm with a given role, if the demo has one */
  const firmUser = (code: string, role: string): string | null => {
    const id = orgs.idByCode.get(code);
    for (const u of users.users) {
      const r = roleOf.get(u.id as string);
      if (r && r.organisationId === id && r.role === role) return u.id as string;
    }
    return null;
  };
  const staff = (slug: string) => users.staffUserIds.get(slug) ?? null;

  const firmsOf = (slug: string): ReportingFirm[] =>
    ORGANISATIONS.flatMap((o) => {
      const m = o.memberships.find((x) => x.consortium === slug);
      if (o.kind !== 'supplier' || !m || m.status === 'applicant') return [];
      const joined = orgs.joinedOn.get(joinKey(slug, o.code));
      if (!joined) throw new Error(`${o.code} has no join date in ${slug}`);
      const row = orgRow.get(o.code);
      // suspended (October 2025) and exited (June 2025) members stopped reporting before that
      const last = m.status === 'suspended' ? (Q['2025-Q2'] as number) : m.status === 'exited' ? (Q['2025-Q1'] as number) : QUARTERS.length - 1;
      return [
        {
          code: o.code,
          id: orgId(o.code),
          naicsCode: o.naicsCode,
          employees: row?.employeeCount ?? 50,
          first: Math.min(quarterOf(joined), QUARTERS.length - 1),
          last,
          source: API_FIRMS.has(o.code) ? 'api' : (row?.employeeCount ?? 0) >= 400 ? 'csv' : 'form',
          actorUserId: firmUser(o.code, 'firm_contributor') ?? firmUser(o.code, 'firm_admin'),
        } satisfies ReportingFirm,
      ];
    });

  // ── glmp ──
  const glmp = consortiumId(GLMP);
  const supply = buildSupply({ consortiumId: glmp, idByCode: orgs.idByCode, joinedOn: (code) => orgs.joinedOn.get(joinKey(GLMP, code)) ?? new Date(0), staffUserId: staff(GLMP) });
  const codeById = new Map([...orgs.idByCode].map(([code, id]) => [id, code]));
  const relationships = supply.relationships.map((r) => {
    const customerCode = codeById.get(r.customerId) ?? '';
    const supplierCode = codeById.get(r.supplierId) ?? '';
    return {
      id: r.id as string,
      key: pairKey(customerCode, supplierCode),
      customerId: r.customerId,
      supplierId: r.supplierId,
      customerCode,
      supplierCode,
      customerName: orgRow.get(customerCode)?.name ?? customerCode,
      supplierName: orgRow.get(supplierCode)?.name ?? supplierCode,
    };
  });
  const glmpFirms = firmsOf(GLMP);
  const glmpValues = buildValues({
    consortiumSlug: GLMP,
    consortiumId: glmp,
    firms: glmpFirms,
    relationships: relationships.map(
      (r): ReportingRelationship => ({ key: r.key, customerId: r.customerId, supplier: r.supplierCode, source: CUSTOMER_SOURCES[r.customerCode] ?? 'form', actorUserId: firmUser(r.customerCode, 'customer_buyer') }),
    ),
    metricId: catalogue.metricId,
    periodId: catalogue.periodId,
    staffUserId: staff(GLMP),
    story: GLMP_STORY,
    goalMetrics: ['OTD', 'PPM', 'LEAD_TIME', 'COST_INDEX'],
  });

  const acmeAdmin = userByEmail.get('supplier.admin@acme-castings.demo') ?? null;
  const plans: PlanStory[] = [
    {
      pair: pairKey(NORTHSTAR, 'acme-castings'),
      status: 'in_progress',
      dueOn: '2026-12-31',
      ownerUserId: acmeAdmin,
      tasks: [
        { title: '8D on the porosity escapes in cylinder-head castings, root cause confirmed with Northstar quality', owner: 'Daniel Schultz', ownerUserId: acmeAdmin, dueOn: '2026-04-30', status: 'done', doneOn: '2026-04-17' },
        { title: 'Rotary degassing unit on melt line 2', owner: 'Maintenance lead', dueOn: '2026-12-15', status: 'doing' },
        // assigned to the contributor demo account: the assignee moves its status herself
        { title: 'SPC course for the core-room operators at Lakeshore Technical College', owner: 'Rosa Hernandez', ownerUserId: userByEmail.get('contributor@acme-castings.demo') ?? null, dueOn: '2026-12-31', status: 'todo' },
      ],
    },
  ];
  const ownerOf = new Map<string, string>();
  for (const f of glmpFirms) {
    const admin = firmUser(f.code, 'firm_admin');
    if (admin) ownerOf.set(f.code, admin);
  }
  const cards = buildScorecards({
    consortiumId: glmp,
    customerTemplate: { code: NORTHSTAR, id: orgId(NORTHSTAR) },
    metricId: (code) => catalogue.metricId.get(`${GLMP}:${code}`) as string,
    periodId: (q: QuarterSeed) => catalogue.periodId.get(`${GLMP}:${q.code}`) as string,
    relationships,
    validated: glmpValues.validated,
    ownerOf,
    supplierCodeOf: codeById,
    stories: plans,
  });

  // ── fvsn: a handful of figures from 2026 on; Sheboygan Stampings reports the same figures as in glmp ──
  const fvsnValues = buildValues({
    consortiumSlug: FVSN,
    consortiumId: consortiumId(FVSN),
    firms: firmsOf(FVSN),
    relationships: [],
    metricId: catalogue.metricId,
    periodId: catalogue.periodId,
    staffUserId: staff(FVSN),
    metrics: ['OTD', 'PPM', 'LEAD_TIME'],
    fromQuarter: Q['2026-Q1'] as number,
    shared: new Map([...glmpValues.figures].filter(([code]) => code === 'sheboygan-stampings')),
  });

  // the cost programme's suppliers share every category with each customer, from the day the relationship was recorded
  const sharingRng = rngFor('sharing');
  const sharing = supply.relationships
    .filter((r) => SHARING_ALL_WITH_CUSTOMERS.includes(codeById.get(r.supplierId) ?? ''))
    .map((r): Prisma.SharingSettingCreateManyInput => {
      const at = new Date(r.createdAt as Date);
      return { id: uuidv7(at, sharingRng), consortiumId: glmp, supplierId: r.supplierId, customerId: r.customerId, categories: [...seededSharing(codeById.get(r.supplierId) ?? '')], createdAt: at, updatedAt: at };
    });

  return {
    definitions: catalogue.definitions,
    periods: catalogue.periods,
    relationships: supply.relationships,
    modeChanges: supply.modeChanges,
    values: [...glmpValues.values, ...fvsnValues.values],
    revisions: [...glmpValues.revisions, ...fvsnValues.revisions],
    goals: glmpValues.goals,
    templates: cards.templates,
    criteria: cards.criteria,
    scorecards: cards.scorecards,
    plans: cards.plans,
    tasks: cards.tasks,
    sharing,
  };
}

/**
 * Rows of one table in one statement. Prisma's createMany costs about a millisecond a row
 * here, which would put seconds on every test run's global setup for the big tables;
 * `json_populate_recordset` takes them as one JSON parameter. Columns are named from the
 * rows (every column the seed sets), so a column added later keeps its default.
 */
async function insertJson(tx: Prisma.TransactionClient, table: string, rows: object[]): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first)
    .map((c) => `"${c}"`)
    .join(', ');
  await tx.$executeRawUnsafe(`INSERT INTO "${table}" (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::"${table}", $1::json)`, JSON.stringify(rows));
}

/** Bulk inserts in dependency order. */
export async function insertPerformance(tx: Prisma.TransactionClient, rows: PerformanceRows): Promise<void> {
  await tx.metricDefinition.createMany({ data: rows.definitions });
  await tx.period.createMany({ data: rows.periods });
  await tx.supplyRelationship.createMany({ data: rows.relationships });
  await tx.sharingSetting.createMany({ data: rows.sharing });
  await tx.sourcingModeChange.createMany({ data: rows.modeChanges });
  await insertJson(tx, 'MetricValue', rows.values);
  await insertJson(tx, 'MetricValueRevision', rows.revisions);
  await tx.metricGoal.createMany({ data: rows.goals });
  await tx.scorecardTemplate.createMany({ data: rows.templates });
  await tx.scorecardCriterion.createMany({ data: rows.criteria });
  await insertJson(tx, 'Scorecard', rows.scorecards);
  await tx.correctiveActionPlan.createMany({ data: rows.plans });
  await tx.correctiveActionTask.createMany({ data: rows.tasks });
}
