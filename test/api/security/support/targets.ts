import { randomBytes, randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { call, type Call, type TestApi } from '../../support/api';
import { EMAIL, invite, loginPair, sendInvitation, session, uniq } from '../../support/fixtures';

/**
 * What the fuzz suite acts on. The routes and their fields come from the OpenAPI document;
 * what cannot (who may call a route, ids of records in that principal's scope, a body the
 * route accepts) is here, one entry per write route. Every record a fuzzed request may
 * change is the suite's own, made here, so a fuzzed value that happens to be valid changes
 * nothing another test file relies on (they share the run's database).
 */

export type As = 'staff' | 'acmeAdmin' | 'platform' | 'logout' | 'person' | 'signOut' | 'supplierAdmin';
type Body = Record<string, unknown>;

export interface Target {
  as: As;
  /** values of the route's path parameters, all valid */
  params?: (w: World) => Record<string, string>;
  /** a body the route accepts (or refuses only for a reason later than validation, e.g. a conflict) */
  body?: (w: World) => Promise<Body> | Body;
  /** body() writes (a fresh record per case): the side-effect baseline is taken after it */
  writesFixtures?: boolean;
  /** only the path parameters are fuzzed: a valid call changes state (close, submit, delete…) */
  paramsOnly?: boolean;
  /**
   * the route validates its body itself before the global pipe (the login guard), so the
   * pipe's null rule does not name a null there; said why, and reported
   */
  ownValidation?: string;
  /** a raw body (text/csv), with its content type */
  raw?: { contentType: string; text: string };
}

export interface World {
  api: TestApi;
  pool: Pool;
  token: Record<As, string>;
  glmp: string;
  /** fuzz-only reporting years, outside the ranges other test files draw theirs from */
  year: number;
  supplier: { id: string; code: string };
  customer: { id: string; code: string };
  /** edited by PUT/PATCH organisations */
  editableOrg: string;
  /** an active member that is already one (POST memberships answers 409 after validation) */
  memberOrg: string;
  membership: string;
  transitionMembership: string;
  relationship: string;
  editableRelationship: string;
  metric: { id: string; code: string };
  editableMetric: string;
  period: { id: string; code: string };
  editablePeriod: string;
  /** periods the create route may report in, one fresh period per case while they last */
  freshPeriods: string[];
  value: string;
  editableValue: string;
  goal: string;
  template: string;
  /** edited by PUT/PATCH (which may replace its task list) */
  plan: string;
  /** the plan the task routes act on, and its task */
  taskPlan: string;
  task: string;
  consortium: string;
  user: string;
  roleAssignment: string;
  /** a pending invitation the fuzzed revoke may revoke */
  invitation: string;
  /** a pending invitation addressed to someone else: the profile's accept/decline answer 404 */
  strangerInvitation: string;
  apiKey: string;
  importId: string;
  /** a custom peer group of the suite's own */
  peerGroup: string;
  /** a closed period of the suite's own, which benchmark runs accept */
  closedPeriod: string;
  /** the fuzz supplier's setting for the fuzz customer (its firm admin is `supplierAdmin`) */
  sharingSetting: string;
  /** charters and commitments: a draft of glmp to edit, a draft of the suite's own consortium to publish, a published one the fuzz supplier signs */
  charterDraft: string;
  charterToPublish: string;
  charterToSign: string;
  /** the fuzz supplier's commitments: one to attest, one attested to verify, one to waive; a review to decide */
  commitmentToAttest: string;
  commitmentToVerify: string;
  commitmentToWaive: string;
  review: string;
  /** suppliers' voice: the fuzz supplier's answer about the fuzz customer in the open period */
  customerFeedback: string;
  /** the demo union, and its representation of the fuzz supplier */
  union: string;
  unionRepresentation: string;
  /** the fuzz supplier's training plans: a draft (edited, submitted), two submitted (approved, returned) */
  planDraft: string;
  planToApprove: string;
  planToReturn: string;
  /** training records: the fuzz's own, of its supplier (employer) and the demo college (provider) */
  training: { curriculum: string; grant: string; funder: string; session: string; trainee: string; mover: string; nextEmployer: string; enrolment: string; completed: string; activity: string; workforceYear: string; wageStep: string; provider: string };
  /** workforce demand surveys of glmp: a draft to open, an open one to close, an open one the fuzz supplier answers */
  demandSurveys: { toOpen: string; toClose: string; toAnswer: string };
}

async function ok<T>(res: Promise<Call>, what: string, status = [200, 201]): Promise<T> {
  const r = await res;
  if (!status.includes(r.status)) throw new Error(`fuzz fixture ${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as T;
}

const DEMAND_SURVEY = { title: 'Fuzz demand survey', opensOn: '2026-01-05', closesOn: '2026-02-05', horizonMonths: 12 };

const FEEDBACK_SCORES = { forecastStability: 4, paymentOnTime: 3, rebidThreat: 5, helpReceived: 2, wouldRecommend: 4 };

export const STANDINGS = [
  { standing: 'preferred', minScore: 85 },
  { standing: 'approved', minScore: 70 },
  { standing: 'development', minScore: 50 },
  { standing: 'probation', minScore: 0 },
];

export async function buildWorld(api: TestApi, pool: Pool): Promise<World> {
  const staff = await session(api, EMAIL.staff);
  const glmpForPeople = (await pool.query<{ id: string }>(`SELECT id FROM "Organisation" WHERE code = 'acme-castings'`)).rows[0]!.id;
  const token: Record<As, string> = {
    staff,
    acmeAdmin: await session(api, EMAIL.acmeAdmin),
    platform: await session(api, EMAIL.platform),
    // logout revokes the session it is called with: a session of its own
    logout: (await loginPair(api, EMAIL.acmeContributor)).accessToken,
    // the profile routes change the caller's own account: people of the suite's own
    person: (await invite(api, staff, { role: 'firm_contributor', organisationId: glmpForPeople })).pair.accessToken,
    signOut: (await invite(api, staff, { role: 'firm_contributor', organisationId: glmpForPeople })).pair.accessToken,
    // set after the fuzz supplier exists: its firm admin decides what it shares
    supplierAdmin: '',
  };
  const post = <T>(path: string, body: Body, what = path, as: As = 'staff'): Promise<T> => ok<T>(call(api, 'POST', path, { token: token[as], body }), what);
  const glmp = (await pool.query<{ id: string }>(`SELECT id FROM "Consortium" WHERE slug = 'glmp'`)).rows[0]!.id;
  // 2950–2999: freeYear() and randomYear() of the other suites stay below 2950; three years of quarters
  // (glmp keeps a quarterly calendar, which refuses months)
  const year = 2950 + Math.floor(Math.random() * 45);

  const org = async (kind: string): Promise<{ id: string; code: string }> => {
    const code = uniq('fz');
    return post<{ id: string; code: string }>('/api/organisations', { code, name: `Fuzz ${code}`, kind }, 'organisation');
  };
  const activeMember = async (kind: string): Promise<{ id: string; code: string; membership: string }> => {
    const o = await org(kind);
    const m = await post<{ id: string }>('/api/memberships', { organisationId: o.id, tier: kind === 'customer' ? 'anchor_customer' : 'supplier' }, 'membership');
    await post(`/api/memberships/${m.id}/transition`, { toStatus: 'active', reason: 'fuzz fixture' }, 'activation');
    return { ...o, membership: m.id };
  };

  const supplier = await activeMember('supplier');
  const customer = await activeMember('customer');
  const supplier2 = await activeMember('supplier');
  const editableOrg = (await org('supplier')).id;
  const transitionOrg = await org('supplier');
  const transitionMembership = (await post<{ id: string }>('/api/memberships', { organisationId: transitionOrg.id, tier: 'supplier' }, 'membership')).id;
  const editableMembership = await activeMember('supplier');

  const relationshipBody = (supplierId: string) => ({ customerId: customer.id, supplierId, since: '2020-01-01', commodity: 'fuzzed castings', spendBand: '1-5M USD', sourcingMode: 'multi_year' });
  const relationship = (await post<{ id: string }>('/api/supply-relationships', relationshipBody(supplier.id), 'relationship')).id;
  const editableRelationship = (await post<{ id: string }>('/api/supply-relationships', relationshipBody(supplier2.id), 'relationship')).id;

  const metricBody = () => ({
    code: `FZ_${randomBytes(4).toString('hex').toUpperCase()}`,
    name: 'Fuzz lead time',
    unit: 'days',
    direction: 'lower',
    frequency: 'monthly',
    reporters: ['supplier', 'customer'],
  });
  const metric = await post<{ id: string; code: string }>('/api/metric-definitions', metricBody(), 'metric');
  const editableMetric = (await post<{ id: string }>('/api/metric-definitions', metricBody(), 'metric')).id;

  const quarters: { id: string; code: string }[] = [];
  for (const y of [year, year + 1, year + 2]) quarters.push(...(await post<{ created: { id: string; code: string }[] }>('/api/periods/generate', { year: y, kind: 'quarter' }, 'periods')).created);
  const [period, editablePeriod, valuePeriod, rejectPeriod, ...freshPeriods] = quarters;
  if (!period || !editablePeriod || !valuePeriod || !rejectPeriod) throw new Error('fuzz fixture: periods not generated');

  const report = (periodId: string) => post<{ id: string }>('/api/metric-values', { organisationId: supplier.id, metricId: metric.id, periodId, value: 5 }, 'value');
  const editableValue = (await report(valuePeriod.id)).id;
  const value = (await report(rejectPeriod.id)).id;
  const goal = (await post<{ id: string }>('/api/metric-goals', { organisationId: supplier.id, metricId: metric.id, goalValue: 3 }, 'goal')).id;
  const template = (
    await post<{ id: string }>(
      '/api/scorecard-templates',
      { customerId: customer.id, name: 'Fuzz template', active: false, standings: STANDINGS, criteria: [{ metricId: metric.id, weight: 1, thresholds: [{ atMost: 10, score: 100 }, { atMost: 20, score: 50 }] }] },
      'template',
    )
  ).id;

  const newPlan = async (): Promise<string> => {
    const plan = randomUUID();
    await pool.query(
      `INSERT INTO "CorrectiveActionPlan" (id, "consortiumId", "relationshipId", "scorecardId", "supplierId", "customerId", standing, title, "dueOn", "updatedAt")
       SELECT $1, r."consortiumId", r.id, NULL, r."supplierId", r."customerId", 'development', 'Fuzz plan', DATE '2026-06-30', now() FROM "SupplyRelationship" r WHERE r.id = $2`,
      [plan, editableRelationship],
    );
    await post(`/api/corrective-action-plans/${plan}/tasks`, { title: 'Fuzz task', dueOn: '2026-06-01' }, 'task');
    return plan;
  };
  const plan = await newPlan();
  const taskPlan = await newPlan();
  const task = (await pool.query<{ id: string }>(`SELECT id FROM "CorrectiveActionTask" WHERE "planId" = $1`, [taskPlan])).rows[0]!.id;

  const consortiumSlug = uniq('fz');
  const consortium = (await post<{ id: string }>('/api/consortia', { name: `Fuzz ${consortiumSlug}`, slug: consortiumSlug, region: 'Fuzzland' }, 'consortium', 'platform')).id;
  const person = await invite(api, staff, { role: 'firm_contributor', organisationId: supplier.id });
  const user = person.id;
  const roleAssignment = person.roleAssignmentId;
  const invitation = (await sendInvitation(api, staff, { role: 'firm_contributor', organisationId: supplier.id })).id;
  const strangerInvitation = (await sendInvitation(api, staff, { role: 'firm_contributor', organisationId: supplier.id })).id;
  const apiKey = (await post<{ id: string }>('/api/api-keys', { name: uniq('fz'), organisationId: supplier.id }, 'api key')).id;
  token.supplierAdmin = (await invite(api, staff, { role: 'firm_admin', organisationId: supplier.id })).pair.accessToken;
  const peerGroup = (await post<{ id: string }>('/api/peer-groups', { name: 'Fuzz group', organisationIds: [supplier.id, supplier2.id] }, 'peer group')).id;
  const closedPeriod = freshPeriods.shift();
  if (!closedPeriod) throw new Error('fuzz fixture: no period left to close');
  await post(`/api/periods/${closedPeriod.id}/close`, {}, 'close');
  const sharingSetting = (await post<{ id: string }>('/api/sharing-settings', { customerId: customer.id, categories: ['delivery'] }, 'sharing setting', 'supplierAdmin')).id;
  const importId = (
    await ok<{ id: string }>(
      call(api, 'POST', '/api/imports?filename=fuzz.csv', { token: staff, raw: `org_code,period,metric,value\n${supplier.code},${period.code},${metric.code},4\n`, headers: { 'Content-Type': 'text/csv' } }),
      'import',
    )
  ).id;

  // charters and commitments: rows of the suite's own (publishing happens in its own consortium)
  const charter = async (consortiumId: string, state: string): Promise<{ charter: string; template: string }> => {
    const c = randomUUID();
    await pool.query(
      `INSERT INTO "Charter" (id, "consortiumId", version, title, state, "publishedAt", "updatedAt")
       SELECT $1, $2, COALESCE(max(version), 0) + 1, 'Fuzz charter', $3::"CharterState", CASE WHEN $3 = 'draft' THEN NULL ELSE now() END, now() FROM "Charter" WHERE "consortiumId" = $2`,
      [c, consortiumId, state],
    );
    const t = randomUUID();
    await pool.query(`INSERT INTO "CommitmentTemplate" (id, "charterId", kind, side, target, description, "updatedAt") VALUES ($1, $2, 'jobs_created', 'supplier', 2, 'Two jobs', now())`, [t, c]);
    return { charter: c, template: t };
  };
  const charterDraft = (await charter(glmp, 'draft')).charter;
  const charterToPublish = (await charter(consortium, 'draft')).charter;
  const signable = await charter(glmp, 'published');
  let commitmentYear = year;
  const commitment = async (attested: number | null): Promise<string> => {
    const c = randomUUID();
    const y = commitmentYear++;
    await pool.query(
      `INSERT INTO "Commitment" (id, "consortiumId", "organisationId", "templateId", kind, year, "startsOn", "endsOn", target, "attestedValue", "updatedAt")
       VALUES ($1, $2, $3, $4, 'jobs_created', $5, make_date($5, 1, 1), make_date($5, 12, 31), 2, $6, now())`,
      [c, glmp, supplier.id, signable.template, y, attested],
    );
    return c;
  };
  const commitmentToAttest = await commitment(null);
  const commitmentToVerify = await commitment(3);
  const commitmentToWaive = await commitment(null);
  const review = randomUUID();
  await pool.query(`INSERT INTO "CommitmentReview" (id, "consortiumId", "commitmentId", "updatedAt") VALUES ($1, $2, $3, now())`, [review, glmp, await commitment(null)]);
  // training records: the supplier's curriculum, a grant, a session at the college, workers, enrolments, figures, a wage ladder
  const byCode = async (code: string): Promise<string> => (await pool.query<{ id: string }>(`SELECT id FROM "Organisation" WHERE code = $1`, [code])).rows[0]!.id;
  const provider = await byCode('lakeshore-tech');
  const funder = await byCode('wi-workforce');
  const curriculum = (await post<{ id: string }>('/api/curricula', { ownerOrganisationId: supplier.id, title: 'Fuzz curriculum', skillArea: 'lean', hours: 8, level: 'introductory', shared: true }, 'curriculum')).id;
  const grant = (await post<{ id: string }>('/api/grants', { funderOrganisationId: funder, name: 'Fuzz grant', amount: 1000, startsOn: '2026-01-01', endsOn: '2026-12-31' }, 'grant')).id;
  const courseSession = (await post<{ id: string }>('/api/course-sessions', { curriculumId: curriculum, providerOrganisationId: provider, startsOn: '2026-03-02', endsOn: '2026-03-03', hours: 8, location: 'Fuzz room', capacity: 50, costPerSeat: 100 }, 'session')).id;
  const newTrainee = async (): Promise<string> => (await post<{ id: string }>('/api/trainees', { employerOrganisationId: supplier.id, firstName: 'Fuzz', lastName: uniq('worker'), hireDate: '2020-01-06' }, 'trainee')).id;
  const trainee = await newTrainee();
  const mover = await newTrainee();
  const enrol = async (): Promise<string> => (await post<{ id: string }>('/api/enrolments', { sessionId: courseSession, traineeId: await newTrainee() }, 'enrolment')).id;
  const enrolment = await enrol();
  const completed = await enrol();
  const wageStep = (await post<{ id: string }>('/api/wage-steps', { credential: 'Fuzz credential', title: 'Fuzz step', hourlyIncrease: 1 }, 'wage step', 'supplierAdmin')).id;
  await ok(call(api, 'PATCH', `/api/enrolments/${completed}`, { token: staff, body: { status: 'completed', hoursAttended: 8, credential: 'Fuzz credential' } }), 'completion');
  const activity = (await post<{ id: string }>('/api/training-activities', { organisationId: supplier.id, occurredOn: '2026-02-02', skillArea: 'safety', participants: 5, hoursPerParticipant: 1, cost: 50 }, 'activity')).id;
  const workforceYear = (await post<{ id: string }>('/api/workforce-years', { organisationId: supplier.id, year: 1990, frontlineHeadcount: 10, payroll: 500000 }, 'workforce year')).id;
  const training = { curriculum, grant, funder, session: courseSession, trainee, mover, nextEmployer: supplier2.id, enrolment, completed, activity, workforceYear, wageStep, provider };
  // suppliers' voice, union representation and training plans, of the fuzz supplier
  const customerFeedback = (await post<{ id: string }>('/api/customer-feedback', { periodId: period.id, customerId: customer.id, ...FEEDBACK_SCORES }, 'customer feedback', 'supplierAdmin')).id;
  const union = await byCode('usw-1343');
  const unionRepresentation = (await post<{ id: string }>('/api/union-representations', { unionOrganisationId: union, firmOrganisationId: supplier.id }, 'union representation')).id;
  const trainingPlan = async (year: number, submit: boolean): Promise<string> => {
    const created = (await post<{ id: string }>('/api/training-plans', { year, skillAreas: ['lean'], frontlineWorkers: 10, hours: 240, budget: 5000 }, 'training plan', 'supplierAdmin')).id;
    if (submit) await post(`/api/training-plans/${created}/submit`, {}, 'plan submission', 'supplierAdmin');
    return created;
  };
  const planDraft = await trainingPlan(2091, false);
  const planToApprove = await trainingPlan(2092, true);
  const planToReturn = await trainingPlan(2093, true);
  const demandSurvey = async (open: boolean): Promise<string> => {
    const created = (await post<{ id: string }>('/api/demand-surveys', DEMAND_SURVEY, 'demand survey')).id;
    if (open) await post(`/api/demand-surveys/${created}/open`, {}, 'demand survey opening');
    return created;
  };
  const demandSurveys = { toOpen: await demandSurvey(false), toClose: await demandSurvey(true), toAnswer: await demandSurvey(true) };

  return {
    training,
    demandSurveys,
    api,
    pool,
    token,
    glmp,
    year,
    supplier: { id: supplier.id, code: supplier.code },
    customer: { id: customer.id, code: customer.code },
    editableOrg,
    memberOrg: supplier.id,
    membership: editableMembership.membership,
    transitionMembership,
    relationship,
    editableRelationship,
    metric: { id: metric.id, code: metric.code },
    editableMetric,
    period: { id: period.id, code: period.code },
    editablePeriod: editablePeriod.id,
    freshPeriods: freshPeriods.map((p) => p.id),
    value,
    editableValue,
    goal,
    template,
    plan,
    taskPlan,
    task,
    consortium,
    user,
    roleAssignment,
    invitation,
    strangerInvitation,
    apiKey,
    importId,
    peerGroup,
    closedPeriod: closedPeriod.id,
    sharingSetting,
    charterDraft,
    charterToPublish,
    charterToSign: signable.charter,
    commitmentToAttest,
    commitmentToVerify,
    commitmentToWaive,
    review,
    customerFeedback,
    union,
    unionRepresentation,
    planDraft,
    planToApprove,
    planToReturn,
  };
}

/** The record as GET answers it, for a PUT/PATCH body (the fuzz keeps only the fields the schema has). */
async function current(w: World, as: As, path: string): Promise<Body> {
  return ok<Body>(call(w.api, 'GET', path, { token: w.token[as] }), `GET ${path}`, [200]);
}

/** Only the fields a request schema has (react-admin sends them back the same way). */
export function pick(record: Body, fields: string[]): Body {
  return Object.fromEntries(Object.entries(record).filter(([k]) => fields.includes(k)));
}

const id = (key: keyof World) => (w: World) => ({ id: w[key] as string });

export const TARGETS: Record<string, Target> = {
  // consortia: the platform admin on a consortium of the suite's own
  'POST /api/consortia': { as: 'platform', body: () => ({ name: `Fuzz ${uniq('k')}`, slug: uniq('fz'), region: 'Fuzzland' }) },
  'PUT /api/consortia/:id': { as: 'platform', params: id('consortium'), body: (w) => current(w, 'platform', `/api/consortia/${w.consortium}`) },
  'PATCH /api/consortia/:id': { as: 'platform', params: id('consortium'), body: () => ({ region: 'Fuzzland' }) },
  // organisations
  'POST /api/organisations': { as: 'staff', body: () => ({ code: uniq('fz'), name: 'Fuzz organisation', kind: 'supplier' }) },
  'PUT /api/organisations/:id': { as: 'staff', params: id('editableOrg'), body: (w) => current(w, 'staff', `/api/organisations/${w.editableOrg}`) },
  'PATCH /api/organisations/:id': { as: 'staff', params: id('editableOrg'), body: () => ({ county: 'Fuzz County' }) },
  'DELETE /api/organisations/:id': { as: 'staff', params: id('editableOrg'), paramsOnly: true },
  // memberships
  'POST /api/memberships': { as: 'staff', body: (w) => ({ organisationId: w.memberOrg, tier: 'supplier', annualDues: 100 }) },
  'PUT /api/memberships/:id': { as: 'staff', params: id('membership'), body: (w) => current(w, 'staff', `/api/memberships/${w.membership}`) },
  'PATCH /api/memberships/:id': { as: 'staff', params: id('membership'), body: () => ({ annualDues: 250 }) },
  'POST /api/memberships/:id/transition': { as: 'staff', params: id('transitionMembership'), body: () => ({ toStatus: 'suspended', reason: 'fuzzing a transition' }) },
  // users and role assignments (their modules are being rewritten; fuzzed all the same)
  'PUT /api/users/:id': { as: 'platform', params: id('user'), body: () => ({ name: 'Fuzz User' }) },
  'PATCH /api/users/:id': { as: 'platform', params: id('user'), body: () => ({ name: 'Fuzz User' }) },
  'POST /api/invitations': { as: 'staff', body: (w) => ({ email: `${uniq('fz')}@example.test`, name: 'Fuzz invitee', role: 'firm_contributor', organisationId: w.supplier.id }) },
  'DELETE /api/invitations/:id': { as: 'staff', params: id('invitation'), paramsOnly: true },
  'PUT /api/role-assignments/:id': { as: 'staff', params: id('roleAssignment'), body: () => ({ status: 'active' }) },
  'PATCH /api/role-assignments/:id': { as: 'staff', params: id('roleAssignment'), body: () => ({ status: 'active' }) },
  'POST /api/queue-board/session': { as: 'platform', body: () => ({}) },
  'PATCH /api/profile': { as: 'person', body: () => ({ name: 'Fuzz Person' }) },
  'POST /api/profile/password': { as: 'person', body: () => ({ currentPassword: 'not-the-current-password', newPassword: 'a-fuzzed-new-password' }) },
  'POST /api/profile/sign-out-everywhere': { as: 'signOut', body: () => ({}) },
  'POST /api/profile/invitations/:id/accept': { as: 'person', params: id('strangerInvitation'), paramsOnly: true },
  'POST /api/profile/invitations/:id/decline': { as: 'person', params: id('strangerInvitation'), paramsOnly: true },
  'DELETE /api/role-assignments/:id': { as: 'staff', params: id('roleAssignment'), paramsOnly: true },
  'POST /api/api-keys': { as: 'staff', body: (w) => ({ name: uniq('fz'), organisationId: w.supplier.id }) },
  'DELETE /api/api-keys/:id': { as: 'staff', params: id('apiKey'), paramsOnly: true },
  // auth: never a real account's password, so no failed login counts against the limits
  'POST /api/auth/login': {
    as: 'staff',
    body: () => ({ email: 'not an email', password: 'fuzz' }),
    ownValidation: 'LocalAuthGuard validates LoginDto with class-validator alone, before the global pipe: roleAssignmentId: null passes as absent',
  },
  'POST /api/auth/refresh': { as: 'staff', body: () => ({ refreshToken: 'fuzz-not-a-refresh-token' }) },
  'POST /api/auth/logout': { as: 'logout', body: () => ({}) },
  'POST /api/auth/accept-invite': { as: 'staff', body: () => ({ token: 'fuzz-not-an-invitation', password: 'a-long-enough-password' }) },
  'POST /api/auth/invitation-preview': { as: 'staff', body: () => ({ token: 'fuzz-not-an-invitation' }) },
  'POST /api/auth/decline-invite': { as: 'staff', body: () => ({ token: 'fuzz-not-an-invitation' }) },
  // metric catalogue and periods
  'POST /api/metric-definitions': {
    as: 'staff',
    body: () => ({ code: `FZ_${randomBytes(4).toString('hex').toUpperCase()}`, name: 'Fuzz metric', unit: 'days', direction: 'lower', frequency: 'monthly', reporters: ['supplier'] }),
  },
  'PUT /api/metric-definitions/:id': {
    as: 'staff',
    params: id('editableMetric'),
    body: async (w) =>
      pick(await current(w, 'staff', `/api/metric-definitions/${w.editableMetric}`), [
        'name',
        'unit',
        'direction',
        'minValue',
        'maxValue',
        'frequency',
        'reporters',
        'isRatio',
        'ratioScale',
        'numeratorLabel',
        'denominatorLabel',
        'outlierFactor',
        'enabled',
      ]),
  },
  'PATCH /api/metric-definitions/:id': { as: 'staff', params: id('editableMetric'), body: () => ({ outlierFactor: 4 }) },
  // a year of the fuzz range (2950–2999); its own year's codes exist already (409)
  'POST /api/periods': { as: 'staff', body: () => ({ code: `${2950 + Math.floor(Math.random() * 50)}-Q${1 + Math.floor(Math.random() * 4)}` }) },
  'PUT /api/periods/:id': { as: 'staff', params: id('editablePeriod'), body: async (w) => pick(await current(w, 'staff', `/api/periods/${w.editablePeriod}`), ['startsOn', 'endsOn', 'dueOn']) },
  'PATCH /api/periods/:id': { as: 'staff', params: id('editablePeriod'), body: async (w) => pick(await current(w, 'staff', `/api/periods/${w.editablePeriod}`), ['dueOn']) },
  'POST /api/periods/generate': { as: 'staff', body: (w) => ({ year: w.year, kind: 'quarter' }) },
  'POST /api/periods/:id/close': { as: 'staff', params: id('editablePeriod'), paramsOnly: true },
  'POST /api/periods/:id/publish': { as: 'staff', params: id('editablePeriod'), paramsOnly: true },
  'POST /api/periods/:id/reopen': { as: 'staff', params: id('editablePeriod'), body: () => ({ reason: 'fuzzing a reopening' }) },
  'POST /api/periods/:id/remind-late': { as: 'staff', params: id('editablePeriod'), paramsOnly: true },
  // metric values: the firm admin reports Acme's own figure, in a period of the suite's own
  'POST /api/metric-values': { as: 'acmeAdmin', body: (w) => ({ metricId: w.metric.id, periodId: w.freshPeriods.pop() ?? w.period.id, value: 7, note: 'fuzzed' }) },
  'POST /api/metric-values/bulk': { as: 'staff', body: (w) => ({ rows: [{ orgCode: w.supplier.code, period: w.period.code, metric: w.metric.code, value: 6, note: 'fuzzed' }] }) },
  'POST /api/metric-values/validate-many': { as: 'staff', body: (w) => ({ ids: [w.value] }) },
  'PUT /api/metric-values/:id': {
    as: 'staff',
    params: id('editableValue'),
    body: async (w) => pick(await current(w, 'staff', `/api/metric-values/${w.editableValue}`), ['value', 'numerator', 'denominator', 'note', 'revision']),
  },
  'PATCH /api/metric-values/:id': {
    as: 'staff',
    params: id('editableValue'),
    body: async (w) => ({ value: 8, revision: (await current(w, 'staff', `/api/metric-values/${w.editableValue}`))['revision'] }),
  },
  'POST /api/metric-values/:id/submit': { as: 'staff', params: id('editableValue'), paramsOnly: true },
  'POST /api/metric-values/:id/validate': { as: 'staff', params: id('value'), paramsOnly: true },
  'POST /api/metric-values/:id/reject': { as: 'staff', params: id('value'), body: () => ({ reason: 'fuzzing a rejection' }) },
  'POST /api/metric-values/:id/revisions/:revision/approve': { as: 'staff', params: (w) => ({ id: w.value, revision: '1' }), paramsOnly: true },
  'POST /api/metric-values/:id/revisions/:revision/decline': { as: 'staff', params: (w) => ({ id: w.value, revision: '1' }), body: () => ({ reason: 'fuzzing a decline' }) },
  'POST /api/scorecards/recompute': { as: 'staff', body: (w) => ({ periodId: w.period.id }) },
  'POST /api/metric-goals': { as: 'acmeAdmin', body: (w) => ({ metricId: w.metric.id, goalValue: 2 }) },
  'PUT /api/metric-goals/:id': {
    as: 'staff',
    params: id('goal'),
    body: async (w) => pick(await current(w, 'staff', `/api/metric-goals/${w.goal}`), ['baselinePeriodId', 'baselineValue', 'goalValue', 'goalDate']),
  },
  'PATCH /api/metric-goals/:id': { as: 'staff', params: id('goal'), body: () => ({ goalValue: 2.5 }) },
  'DELETE /api/metric-goals/:id': { as: 'staff', params: id('goal'), paramsOnly: true },
  // imports: the CSV itself is the worker's to check (apps/worker imports.int-spec.ts)
  'POST /api/imports': { as: 'staff', raw: { contentType: 'text/csv', text: 'org_code,period,metric,value\nfuzz,2950-Q1,FZ,1\n' } },
  'POST /api/imports/:id/commit': { as: 'staff', params: id('importId'), paramsOnly: true },
  'POST /api/imports/:id/cancel': { as: 'staff', params: id('importId'), paramsOnly: true },
  // supply relationships, scorecard templates, corrective action plans
  'POST /api/supply-relationships': {
    as: 'staff',
    body: (w) => ({ customerId: w.customer.id, supplierId: w.supplier.id, since: '2021-03-01', commodity: 'fuzzed castings', spendBand: '1-5M USD', sourcingMode: 'multi_year' }),
  },
  'PUT /api/supply-relationships/:id': {
    as: 'staff',
    params: id('editableRelationship'),
    body: async (w) => pick(await current(w, 'staff', `/api/supply-relationships/${w.editableRelationship}`), ['since', 'commodity', 'spendBand', 'sourcingMode', 'sponsored']),
  },
  'PATCH /api/supply-relationships/:id': { as: 'staff', params: id('editableRelationship'), body: () => ({ commodity: 'fuzzed forgings' }) },
  'POST /api/scorecard-templates': {
    as: 'staff',
    body: (w) => ({
      customerId: w.customer.id,
      name: 'Fuzz template',
      active: false,
      standings: STANDINGS,
      criteria: [{ metricId: w.metric.id, weight: 1, thresholds: [{ atMost: 10, score: 100 }, { atMost: 20, score: 50 }] }],
    }),
  },
  'PUT /api/scorecard-templates/:id': {
    as: 'staff',
    params: id('template'),
    body: async (w) => {
      const t = await current(w, 'staff', `/api/scorecard-templates/${w.template}`);
      return { name: t['name'], active: false, standings: t['standings'], criteria: t['criteria'] };
    },
  },
  'PATCH /api/scorecard-templates/:id': {
    as: 'staff',
    params: id('template'),
    body: (w) => ({ criteria: [{ metricId: w.metric.id, weight: 2, thresholds: [{ atMost: 12, score: 100 }] }], standings: STANDINGS }),
  },
  'DELETE /api/scorecard-templates/:id': { as: 'staff', params: id('template'), paramsOnly: true },
  'PUT /api/corrective-action-plans/:id': {
    as: 'staff',
    params: id('plan'),
    body: async (w) => pick(await current(w, 'staff', `/api/corrective-action-plans/${w.plan}`), ['title', 'status', 'dueOn', 'ownerUserId', 'tasks']),
  },
  'PATCH /api/corrective-action-plans/:id': { as: 'staff', params: id('plan'), body: () => ({ status: 'in_progress', tasks: [{ title: 'Fuzz added task', dueOn: '2026-07-01' }] }) },
  'POST /api/corrective-action-plans/:id/tasks': { as: 'staff', params: id('taskPlan'), body: () => ({ title: 'Fuzz task', dueOn: '2026-06-15', owner: 'Plant manager' }) },
  'PATCH /api/corrective-action-plans/:id/tasks/:taskId': { as: 'staff', params: (w) => ({ id: w.taskPlan, taskId: w.task }), body: () => ({ status: 'doing' }) },
  'DELETE /api/corrective-action-plans/:id/tasks/:taskId': { as: 'staff', params: (w) => ({ id: w.taskPlan, taskId: w.task }), paramsOnly: true },
  'PATCH /api/corrective-action-plans/:id/tasks/:taskId/status': { as: 'staff', params: (w) => ({ id: w.taskPlan, taskId: w.task }), body: () => ({ status: 'doing' }) },
  // suppliers' voice, union representation, training plans: records of the suite's own
  'POST /api/customer-feedback': { as: 'supplierAdmin', body: (w) => ({ periodId: w.period.id, customerId: w.customer.id, ...FEEDBACK_SCORES }) },
  'PUT /api/customer-feedback/:id': { as: 'supplierAdmin', params: id('customerFeedback'), body: () => ({ ...FEEDBACK_SCORES }) },
  'PATCH /api/customer-feedback/:id': { as: 'supplierAdmin', params: id('customerFeedback'), body: () => ({ helpReceived: 4 }) },
  'DELETE /api/customer-feedback/:id': { as: 'supplierAdmin', params: id('customerFeedback'), paramsOnly: true },
  'POST /api/union-representations': { as: 'staff', body: (w) => ({ unionOrganisationId: w.union, firmOrganisationId: w.customer.id }) },
  'DELETE /api/union-representations/:id': { as: 'staff', params: id('unionRepresentation'), paramsOnly: true },
  // workforce demand surveys: staff run them; the fuzz supplier's admin answers for its firm
  'POST /api/demand-surveys': { as: 'staff', body: () => ({ ...DEMAND_SURVEY }) },
  'POST /api/demand-surveys/:id/open': { as: 'staff', params: (w) => ({ id: w.demandSurveys.toOpen }), paramsOnly: true },
  'POST /api/demand-surveys/:id/close': { as: 'staff', params: (w) => ({ id: w.demandSurveys.toClose }), paramsOnly: true },
  'PUT /api/demand-surveys/:id/answers': { as: 'supplierAdmin', params: (w) => ({ id: w.demandSurveys.toAnswer }), body: () => ({ lines: [{ socCode: '51-4041', expectedOpenings: 3, couldExistJobs: 1, note: 'fuzz' }] }) },
  'POST /api/training-plans': { as: 'supplierAdmin', body: () => ({ year: 2094, skillAreas: ['maintenance'], frontlineWorkers: 12, hours: 300, budget: 8000, providers: ['Fuzz College'] }) },
  'PUT /api/training-plans/:id': { as: 'supplierAdmin', params: id('planDraft'), body: () => ({ skillAreas: ['lean'], frontlineWorkers: 10, hours: 240, budget: 5000, providers: [] }) },
  'PATCH /api/training-plans/:id': { as: 'supplierAdmin', params: id('planDraft'), body: () => ({ hours: 250 }) },
  'POST /api/training-plans/:id/submit': { as: 'supplierAdmin', params: id('planDraft'), paramsOnly: true },
  'POST /api/training-plans/:id/approve': { as: 'supplierAdmin', params: id('planToApprove'), body: () => ({ comment: 'Fine by the firm' }) },
  'POST /api/training-plans/:id/return': { as: 'supplierAdmin', params: id('planToReturn'), body: () => ({ comment: 'Add welding hours' }) },
  // benchmarks: a custom group and a sharing setting of the suite's own; a run of a closed period
  'POST /api/peer-groups': { as: 'staff', body: (w) => ({ name: 'Fuzz group', organisationIds: [w.supplier.id] }) },
  'PUT /api/peer-groups/:id': { as: 'staff', params: id('peerGroup'), body: async (w) => pick(await current(w, 'staff', `/api/peer-groups/${w.peerGroup}`), ['name', 'organisationIds', 'active']) },
  'PATCH /api/peer-groups/:id': { as: 'staff', params: id('peerGroup'), body: () => ({ active: true }) },
  'DELETE /api/peer-groups/:id': { as: 'staff', params: id('peerGroup'), paramsOnly: true },
  'POST /api/benchmark-runs': { as: 'staff', body: (w) => ({ periodId: w.closedPeriod }) },
  // a setting for this customer exists: a valid body is refused with 409, after validation
  'POST /api/sharing-settings': { as: 'supplierAdmin', body: (w) => ({ customerId: w.customer.id, categories: ['delivery', 'quality'] }) },
  'PUT /api/sharing-settings/:id': { as: 'supplierAdmin', params: id('sharingSetting'), body: () => ({ categories: ['delivery', 'quality'] }) },
  'PATCH /api/sharing-settings/:id': { as: 'supplierAdmin', params: id('sharingSetting'), body: () => ({ categories: ['quality'] }) },
  'DELETE /api/sharing-settings/:id': { as: 'supplierAdmin', params: id('sharingSetting'), paramsOnly: true },
  // charters and commitments
  'POST /api/charters': { as: 'staff', body: () => ({ title: 'Fuzz charter', templates: [{ kind: 'jobs_created', side: 'supplier', target: 2, description: 'Two jobs' }] }) },
  'PATCH /api/charters/:id': { as: 'staff', params: id('charterDraft'), body: () => ({ title: 'Fuzz charter, edited' }) },
  'POST /api/charters/:id/publish': { as: 'platform', params: id('charterToPublish'), paramsOnly: true },
  'POST /api/charters/:id/sign': { as: 'supplierAdmin', params: id('charterToSign'), paramsOnly: true },
  'POST /api/commitments/generate': { as: 'staff', body: () => ({ year: 2097 }) },
  'POST /api/commitments/:id/attest': { as: 'supplierAdmin', params: id('commitmentToAttest'), body: () => ({ value: 3, note: 'fuzzed' }) },
  'POST /api/commitments/:id/verify': { as: 'staff', params: id('commitmentToVerify'), paramsOnly: true },
  'POST /api/commitments/:id/waive': { as: 'staff', params: id('commitmentToWaive'), body: () => ({ reason: 'fuzzing a waiver' }) },
  'POST /api/commitment-reviews/:id/decide': { as: 'staff', params: id('review'), body: () => ({ outcome: 'warning', note: 'fuzzed outcome' }) },
  // training records
  'POST /api/curricula': { as: 'staff', body: (w) => ({ ownerOrganisationId: w.supplier.id, title: 'Fuzzed curriculum', skillArea: 'welding', hours: 12, level: 'intermediate', socCodes: ['51-4121'] }) },
  'PUT /api/curricula/:id': { as: 'staff', params: (w) => ({ id: w.training.curriculum }), body: () => ({ title: 'Fuzz curriculum', skillArea: 'lean', hours: 8, level: 'introductory', shared: true }) },
  'PATCH /api/curricula/:id': { as: 'staff', params: (w) => ({ id: w.training.curriculum }), body: () => ({ hours: 9 }) },
  'POST /api/grants': { as: 'staff', body: (w) => ({ funderOrganisationId: w.training.funder, name: 'Fuzzed grant', amount: 500, startsOn: '2026-01-01', endsOn: '2026-06-30' }) },
  'PUT /api/grants/:id': { as: 'staff', params: (w) => ({ id: w.training.grant }), body: () => ({ name: 'Fuzz grant', amount: 1000, startsOn: '2026-01-01', endsOn: '2026-12-31' }) },
  'PATCH /api/grants/:id': { as: 'staff', params: (w) => ({ id: w.training.grant }), body: () => ({ amount: 1200 }) },
  'POST /api/course-sessions': {
    as: 'staff',
    body: (w) => ({ curriculumId: w.training.curriculum, providerOrganisationId: w.training.provider, startsOn: '2026-04-06', endsOn: '2026-04-07', hours: 8, location: 'Fuzzed room', capacity: 10, costPerSeat: 80 }),
  },
  'PUT /api/course-sessions/:id': { as: 'staff', params: (w) => ({ id: w.training.session }), body: () => ({ startsOn: '2026-03-02', endsOn: '2026-03-03', hours: 8, location: 'Fuzz room', capacity: 50, costPerSeat: 100 }) },
  'PATCH /api/course-sessions/:id': { as: 'staff', params: (w) => ({ id: w.training.session }), body: () => ({ location: 'Fuzz room 2' }) },
  'POST /api/trainees': { as: 'staff', body: (w) => ({ employerOrganisationId: w.supplier.id, firstName: 'Fuzzed', lastName: 'Worker', socCode: '51-4041', hireDate: '2021-05-03' }) },
  'PUT /api/trainees/:id': { as: 'staff', params: (w) => ({ id: w.training.trainee }), body: () => ({ firstName: 'Fuzz', lastName: 'Worker', frontline: true }) },
  'PATCH /api/trainees/:id': { as: 'staff', params: (w) => ({ id: w.training.trainee }), body: () => ({ socCode: '51-4121' }) },
  'POST /api/trainees/:id/employer': { as: 'staff', params: (w) => ({ id: w.training.mover }), body: (w) => ({ organisationId: w.training.nextEmployer, startsOn: '2026-05-04' }) },
  'POST /api/enrolments': { as: 'staff', body: (w) => ({ sessionId: w.training.session, traineeId: w.training.trainee }) },
  'PUT /api/enrolments/:id': { as: 'staff', params: (w) => ({ id: w.training.enrolment }), body: () => ({ status: 'attended', hoursAttended: 4 }) },
  'PATCH /api/enrolments/:id': { as: 'staff', params: (w) => ({ id: w.training.enrolment }), body: () => ({ hoursAttended: 5 }) },
  'POST /api/enrolments/:id/withdraw': { as: 'staff', params: (w) => ({ id: w.training.enrolment }), paramsOnly: true },
  'POST /api/enrolments/:id/confirm-wage-step': { as: 'supplierAdmin', params: (w) => ({ id: w.training.completed }), body: () => ({ wageBefore: 20 }) },
  'POST /api/training-activities': { as: 'staff', body: (w) => ({ organisationId: w.supplier.id, occurredOn: '2026-02-03', skillArea: 'lean', participants: 4, hoursPerParticipant: 2, cost: 40 }) },
  'PUT /api/training-activities/:id': { as: 'staff', params: (w) => ({ id: w.training.activity }), body: () => ({ occurredOn: '2026-02-02', skillArea: 'safety', participants: 5, hoursPerParticipant: 1, cost: 50 }) },
  'PATCH /api/training-activities/:id': { as: 'staff', params: (w) => ({ id: w.training.activity }), body: () => ({ participants: 6 }) },
  'DELETE /api/training-activities/:id': { as: 'staff', params: (w) => ({ id: w.training.activity }), paramsOnly: true },
  'POST /api/workforce-years': { as: 'staff', body: (w) => ({ organisationId: w.supplier.id, year: 1991, frontlineHeadcount: 12, payroll: 600000 }) },
  'PUT /api/workforce-years/:id': { as: 'staff', params: (w) => ({ id: w.training.workforceYear }), body: () => ({ frontlineHeadcount: 11, payroll: 550000 }) },
  'PATCH /api/workforce-years/:id': { as: 'staff', params: (w) => ({ id: w.training.workforceYear }), body: () => ({ payroll: 560000 }) },
  'POST /api/wage-steps': { as: 'supplierAdmin', body: () => ({ credential: 'Fuzzed credential', title: 'Fuzzed step', hourlyIncrease: 0.5 }) },
  'PUT /api/wage-steps/:id': { as: 'supplierAdmin', params: (w) => ({ id: w.training.wageStep }), body: () => ({ credential: 'Fuzz credential', title: 'Fuzz step', hourlyIncrease: 1 }) },
  'PATCH /api/wage-steps/:id': { as: 'supplierAdmin', params: (w) => ({ id: w.training.wageStep }), body: () => ({ hourlyIncrease: 1.1 }) },
};
