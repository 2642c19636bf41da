import { DEFAULT_SHARED_CATEGORIES, METRIC_CATEGORIES } from '@tandem/contracts';
import { PUBLIC_GROUP_KINDS } from '@tandem/domain';
import type { Principal } from '../context/principal';
import { DomainError } from '../errors/domain-error';

/**
 * Tenant and firm scoping — the one place that decides which rows a principal reaches.
 * The scoped Prisma client (scoped-client.ts) ANDs these filters into every read, update
 * and delete, and checks creates against them, so no handler has to remember a `where`.
 *
 * `undefined` means unrestricted (platform admins). Rules follow domain.md's "sees" column.
 */
type Where = Record<string, unknown>;
export type ScopedModel =
  | 'Consortium'
  | 'Organisation'
  | 'Membership'
  | 'MembershipTransition'
  | 'User'
  | 'RoleAssignment'
  | 'Invitation'
  | 'ApiKey'
  | 'AuditEvent'
  | 'OutboxMessage'
  | 'BackgroundJob'
  | 'RefreshTokenFamily'
  | 'SpentRefreshToken'
  | 'MetricDefinition'
  | 'Period'
  | 'MetricValue'
  | 'MetricValueRevision'
  | 'SupplyRelationship'
  | 'SourcingModeChange'
  | 'MetricGoal'
  | 'Import'
  | 'ImportError'
  | 'ScorecardTemplate'
  | 'ScorecardCriterion'
  | 'Scorecard'
  | 'CorrectiveActionPlan'
  | 'CorrectiveActionTask'
  | 'ReminderLog'
  | 'PeerGroup'
  | 'BenchmarkRun'
  | 'BenchmarkCell'
  | 'BenchmarkStanding'
  | 'BenchmarkReport'
  | 'SharingSetting'
  | 'CustomerFeedback'
  | 'UnionRepresentation'
  | 'TrainingPlan'
  | 'TrainingPlanEvent'
  | 'Charter'
  | 'CommitmentTemplate'
  | 'CharterSignature'
  | 'Commitment'
  | 'CommitmentTransition'
  | 'CommitmentReview'
  | 'Curriculum'
  | 'Grant'
  | 'CourseSession'
  | 'Trainee'
  | 'TraineeEmployment'
  | 'Enrolment'
  | 'TrainingActivity'
  | 'WorkforceYear'
  | 'WageStep'
  | 'DemandSurvey'
  | 'DemandAnswer';

/** Roles that see no firm's figures at all (domain.md: funders aggregates only; unions and trainers no metric values). */
function seesNoFigures(p: Principal): boolean {
  return p.role === 'funder' || p.role === 'union_representative' || p.role === 'trainer';
}

/**
 * Statuses in which a supplier's self-reported value has left the firm (benchmarks.md rule 8:
 * "never a draft"). A rejected value went back to the firm for correction: not shown either.
 */
const SHARED_WITH_CUSTOMERS = ['submitted', 'validated'];

/**
 * Rows of a supplier's figures (values, goals: anything with `metric` and `organisation`, the
 * supplier) whose metric category that supplier shares with customer `o` (benchmarks.md rule
 * 8): the categories its SharingSetting towards `o` names, or delivery and quality while it
 * has none. One branch per category, decided by the database row by row in the same query,
 * so a changed setting holds from the next request on and every list, count, export and get
 * by id follows it. A metric without a category matches no branch: shared with nobody.
 */
function sharedCategories(c: string, o: string): Where {
  const towards = { consortiumId: c, customerId: o };
  return {
    OR: METRIC_CATEGORIES.map((category) => {
      const named = { sharingAsSupplier: { some: { ...towards, categories: { has: category } } } };
      const organisation = DEFAULT_SHARED_CATEGORIES.includes(category) ? { OR: [named, { sharingAsSupplier: { none: towards } }] } : named;
      return { metric: { category }, organisation };
    }),
  };
}

/** A supplier's self-reported values a customer buyer may read: its own suppliers', once submitted, of the categories each shares with it. */
function suppliersSharedValues(c: string, o: string): Where {
  return {
    consortiumId: c,
    customerId: null,
    status: { in: SHARED_WITH_CUSTOMERS },
    organisation: { asSupplier: { some: { customerId: o, consortiumId: c } } },
    AND: [sharedCategories(c, o)],
  };
}

/**
 * Metric values a principal may read. A supplier sees its own figures, including what its
 * customers reported about it; a customer buyer sees what it reported, whatever the
 * supplier's sharing settings, and the submitted or validated self-reported figures of its
 * own suppliers in the categories each shares with it — never a draft, never another
 * customer's report.
 */
function metricValueScope(p: Principal, c: string, o: string): Where {
  if (isStaff(p)) return { consortiumId: c };
  if (seesNoFigures(p)) return NOTHING_BY_ID;
  if (p.role === 'customer_buyer') return { OR: [{ consortiumId: c, customerId: o }, suppliersSharedValues(c, o)] };
  return { consortiumId: c, organisationId: o };
}

/**
 * Revisions of the values a principal may read. A buyer reads every revision of its own
 * reports, but of a supplier's value only the revisions that were submitted or validated and
 * applied: a draft revision, or a change still awaiting (or refused) staff approval, never
 * left the firm.
 */
function revisionScope(p: Principal, c: string, o: string): Where {
  if (p.role !== 'customer_buyer') return { metricValue: metricValueScope(p, c, o) };
  return {
    OR: [
      { metricValue: { consortiumId: c, customerId: o } },
      { status: { in: SHARED_WITH_CUSTOMERS }, approval: { in: ['not_needed', 'approved'] }, metricValue: suppliersSharedValues(c, o) },
    ],
  };
}

function relationshipScope(p: Principal, c: string, o: string): Where {
  if (isStaff(p)) return { consortiumId: c };
  if (seesNoFigures(p)) return NOTHING_BY_ID;
  return { consortiumId: c, OR: [{ customerId: o }, { supplierId: o }] };
}

function scorecardScope(p: Principal, c: string, o: string): Where {
  if (isStaff(p)) return { consortiumId: c };
  if (seesNoFigures(p)) return NOTHING_BY_ID;
  return { consortiumId: c, OR: [{ customerId: o }, { supplierId: o }] };
}

function templateScope(p: Principal, c: string, o: string): Where {
  if (isStaff(p)) return { consortiumId: c };
  if (seesNoFigures(p)) return NOTHING_BY_ID;
  return { consortiumId: c, OR: [{ customerId: null }, { customerId: o }] };
}

const NOTHING_BY_ID: Where = { id: { in: [] } };

/**
 * Peer groups a principal may name: staff every group of the consortium; a customer's supply
 * base only to that customer (benchmarks.md); unions and trainers no benchmark at all. What a
 * cell of a group shows is decided by disclosure control on top of this.
 */
function peerGroupScope(p: Principal, c: string, o: string): Where {
  if (isStaff(p)) return { consortiumId: c };
  if (p.role === 'union_representative' || p.role === 'trainer') return NOTHING_BY_ID;
  const publicGroups = { kind: { in: [...PUBLIC_GROUP_KINDS] } };
  if (p.role === 'customer_buyer') return { consortiumId: c, OR: [publicGroups, { kind: 'supply_base', customerId: o }] };
  return { consortiumId: c, ...publicGroups };
}

/**
 * Cells outside staff: of the groups the reader may name, and only once released (the period
 * published and the cell shown then): before that a recompute may still change who is in
 * them, and two releases of one group with different members would tell the difference. A
 * cell of a published period withheld from everyone is listed too, with its reason and no
 * figure (the API never sends one), so that a member's group chooser can say why.
 */
function releasedCellScope(p: Principal, c: string, o: string): Where {
  return {
    consortiumId: c,
    peerGroup: peerGroupScope(p, c, o),
    OR: [{ releasedAt: { not: null } }, { suppression: { not: null }, period: { state: 'published' } }],
  };
}

/**
 * Charters: the consortium's code of conduct, read by everyone in it once published; drafts
 * are staff's work in progress.
 */
function charterScope(p: Principal, c: string): Where {
  return isStaff(p) ? { consortiumId: c } : { consortiumId: c, state: { not: 'draft' } };
}

/** Roles that read a member firm's own commitments (and reviews, signatures). */
const FIRM_COMMITMENT_READERS = ['firm_admin', 'firm_contributor', 'customer_buyer'];

/**
 * Commitments: staff every member's; a firm's people their own firm's. Unions, trainers and
 * funders none (the reciprocity view shows them aggregates only). The other side of a supply
 * relationship is shown in the reciprocity view through the relationship, not here.
 */
function commitmentScope(p: Principal, c: string, o: string): Where {
  if (isStaff(p)) return { consortiumId: c };
  if (FIRM_COMMITMENT_READERS.includes(p.role)) return { consortiumId: c, organisationId: o };
  return NOTHING_BY_ID;
}

/** Roles of a firm's own people, which its firm admin manages. */
const FIRM_PEOPLE = ['firm_admin', 'firm_contributor', 'customer_buyer'];

function isStaff(p: Principal): boolean {
  return p.role === 'consortium_staff';
}

/** The firms union `o` represents in consortium `c` (UnionRepresentation rows, kept by staff). */
function representedBy(c: string, o: string): Where {
  return { representedBy: { some: { consortiumId: c, unionOrganisationId: o } } };
}

/**
 * Organisations a principal reads. Staff: every one registered by or member of the consortium.
 * A union representative: its union and the firms that union represents — of those, the
 * organisations API shows the name only (never figures: organisations.service.ts). Everyone
 * else: its own organisation.
 */
function organisationScope(p: Principal, c: string, o: string): Where {
  // registered by or member of the consortium, kept in one indexed array by triggers
  if (isStaff(p)) return { consortiumIds: { has: c } };
  if (p.role === 'union_representative') return { OR: [{ id: o }, representedBy(c, o)] };
  return { id: o };
}

/**
 * Training plans: staff every plan of the consortium (read only: permissions); a firm's admin
 * and contributors their own firm's; a union representative those of the firms its union
 * represents in this consortium; nobody else any.
 */
function trainingPlanScope(p: Principal, c: string, o: string): Where {
  if (isStaff(p)) return { consortiumId: c };
  if (p.role === 'firm_admin' || p.role === 'firm_contributor') return { consortiumId: c, organisationId: o };
  if (p.role === 'union_representative') return { consortiumId: c, organisation: representedBy(c, o) };
  return NOTHING_BY_ID;
}

/** A member firm's own people (its admins, contributors and API keys) — who keep its training records. */
function isFirmPerson(p: Principal): boolean {
  return p.role === 'firm_admin' || p.role === 'firm_contributor';
}

/**
 * Training records. The library: shared curricula of the consortium and one's own
 * (a union's proposals stay with the union and staff). Sessions: the consortium's calendar to
 * its member firms; a trainer its own; a union representative the sessions the firms it
 * represents take part in; funders none (aggregates only).
 */
function curriculumScope(p: Principal, c: string, o: string): Where {
  if (isStaff(p)) return { consortiumId: c };
  if (p.role === 'funder') return NOTHING_BY_ID;
  return { consortiumId: c, OR: [{ shared: true }, { ownerOrganisationId: o }] };
}

function courseSessionScope(p: Principal, c: string, o: string): Where {
  if (isStaff(p)) return { consortiumId: c };
  if (p.role === 'trainer') return { consortiumId: c, providerOrganisationId: o };
  if (p.role === 'union_representative') return { consortiumId: c, enrolments: { some: { organisation: representedBy(c, o) } } };
  if (p.role === 'funder') return NOTHING_BY_ID;
  return { consortiumId: c };
}

/** Trainee personal data: the employer's people and staff only (a trainer reads names through its own sessions' enrolments, not here). */
function traineeScope(p: Principal, c: string, o: string): Where {
  if (isStaff(p)) return { consortiumId: c };
  if (isFirmPerson(p)) return { consortiumId: c, employerOrganisationId: o };
  return NOTHING_BY_ID;
}

/** Enrolments: the firm that enrolled (the employer at enrolment), the session's trainer, staff. */
function enrolmentScope(p: Principal, c: string, o: string): Where {
  if (isStaff(p)) return { consortiumId: c };
  if (isFirmPerson(p)) return { consortiumId: c, organisationId: o };
  if (p.role === 'trainer') return { consortiumId: c, session: { providerOrganisationId: o } };
  return NOTHING_BY_ID;
}

/** A firm's own training figures (activities, workforce, wage ladder): the firm and staff. */
function firmTrainingScope(p: Principal, c: string, o: string): Where {
  if (isStaff(p)) return { consortiumId: c };
  if (isFirmPerson(p)) return { consortiumId: c, organisationId: o };
  return NOTHING_BY_ID;
}

/** Where clause restricting `model` to what `p` may see; undefined = everything. */
export function scopeWhere(model: string, p: Principal): Where | undefined {
  if (p.role === 'platform_admin') return undefined;
  const c = p.consortiumId ?? '00000000-0000-0000-0000-000000000000';
  const o = p.organisationId ?? '00000000-0000-0000-0000-000000000000';
  switch (model as ScopedModel) {
    case 'Consortium':
      return { id: c };
    case 'Organisation':
      return organisationScope(p, c, o);
    case 'Membership':
      return isStaff(p) ? { consortiumId: c } : { consortiumId: c, organisationId: o };
    case 'MembershipTransition':
      return { membership: isStaff(p) ? { consortiumId: c } : { consortiumId: c, organisationId: o } };
    case 'User':
      if (isStaff(p)) return { roleAssignments: { some: { consortiumId: c } } };
      // A firm admin manages the firm's own people, not the union representative or others attached to the firm.
      if (p.role === 'firm_admin') return { OR: [{ id: p.userId ?? undefined }, { roleAssignments: { some: { consortiumId: c, organisationId: o, role: { in: FIRM_PEOPLE } } } }] };
      return p.userId ? { id: p.userId } : NOTHING_BY_ID;
    case 'RoleAssignment':
      if (isStaff(p)) return { consortiumId: c };
      if (p.role === 'firm_admin') return { consortiumId: c, organisationId: o, role: { in: FIRM_PEOPLE } };
      return p.userId ? { userId: p.userId } : NOTHING_BY_ID;
    case 'Invitation':
      // What an inviter sent; the invited person reaches their own through their profile (by address).
      if (isStaff(p)) return { consortiumId: c };
      if (p.role === 'firm_admin') return { consortiumId: c, organisationId: o, role: { in: FIRM_PEOPLE } };
      return NOTHING_BY_ID;
    case 'ApiKey':
      if (isStaff(p)) return { consortiumId: c };
      if (p.role === 'firm_admin') return { consortiumId: c, organisationId: o };
      return NOTHING_BY_ID;
    case 'AuditEvent':
      // a supplier's answers about its customers are anonymous: when it answered is its own firm's
      // to read (outside attack: staff matched answers to suppliers with one customer)
      if (isStaff(p)) return { consortiumId: c, NOT: { entityType: 'CustomerFeedback' } };
      if (p.role === 'firm_admin') return { consortiumId: c, organisationId: o };
      return { id: { in: [] } };
    case 'OutboxMessage':
      return isStaff(p) ? { consortiumId: c } : NOTHING_BY_ID;
    case 'BackgroundJob':
      return isStaff(p) ? { consortiumId: c } : NOTHING_BY_ID;
    case 'RefreshTokenFamily':
      return NOTHING_BY_ID;
    case 'SpentRefreshToken':
      return { tokenHash: { in: [] } };
    case 'MetricDefinition':
    case 'Period':
      return { consortiumId: c };
    case 'MetricValue':
      return metricValueScope(p, c, o);
    case 'MetricValueRevision':
      return revisionScope(p, c, o);
    case 'SupplyRelationship':
      return relationshipScope(p, c, o);
    case 'SourcingModeChange':
      return { relationship: relationshipScope(p, c, o) };
    case 'MetricGoal':
      if (isStaff(p)) return { consortiumId: c };
      if (seesNoFigures(p)) return NOTHING_BY_ID;
      // a goal is the supplier's own figure about a metric: shared like its values
      if (p.role === 'customer_buyer') return { consortiumId: c, organisation: { asSupplier: { some: { customerId: o, consortiumId: c } } }, AND: [sharedCategories(c, o)] };
      return { consortiumId: c, organisationId: o };
    case 'Import':
      if (isStaff(p)) return { consortiumId: c };
      if (p.role === 'firm_admin' || p.role === 'firm_contributor') return { consortiumId: c, organisationId: o };
      return NOTHING_BY_ID;
    case 'ImportError':
      if (isStaff(p)) return { import: { consortiumId: c } };
      if (p.role === 'firm_admin' || p.role === 'firm_contributor') return { import: { consortiumId: c, organisationId: o } };
      return { id: { in: [] } };
    case 'ScorecardTemplate':
      return templateScope(p, c, o);
    case 'ScorecardCriterion':
      return { template: templateScope(p, c, o) };
    case 'Scorecard':
      return scorecardScope(p, c, o);
    case 'CorrectiveActionPlan':
      return scorecardScope(p, c, o);
    case 'CorrectiveActionTask':
      return { plan: scorecardScope(p, c, o) };
    case 'ReminderLog':
      return isStaff(p) ? { consortiumId: c } : NOTHING_BY_ID;
    case 'PeerGroup':
      return peerGroupScope(p, c, o);
    case 'BenchmarkRun':
      return isStaff(p) ? { consortiumId: c } : NOTHING_BY_ID;
    case 'BenchmarkCell':
      // the rows only; the API shows them through disclosure control (benchmark-cells)
      return isStaff(p) ? { consortiumId: c } : releasedCellScope(p, c, o);
    case 'BenchmarkStanding':
      // a member's own positions, in the groups it may name (not in a customer's supply base:
      // that is the customer's to see); a funder, union or trainer has none to read
      if (isStaff(p)) return { consortiumId: c };
      if (seesNoFigures(p)) return NOTHING_BY_ID;
      return { consortiumId: c, organisationId: o, cell: releasedCellScope(p, c, o) };
    case 'BenchmarkReport':
      // a member's own report (what it reads of the benchmarks, printed); staff any member's
      if (isStaff(p)) return { consortiumId: c };
      if (seesNoFigures(p)) return NOTHING_BY_ID;
      return { consortiumId: c, organisationId: o };
    case 'SharingSetting':
      if (isStaff(p)) return { consortiumId: c };
      if (p.role === 'firm_admin' || p.role === 'firm_contributor') return { consortiumId: c, supplierId: o };
      if (p.role === 'customer_buyer') return { consortiumId: c, customerId: o };
      return NOTHING_BY_ID;
    case 'CustomerFeedback':
      // a supplier's own answers; nobody else reads a row (customers, staff: aggregates only)
      if (p.role === 'firm_admin' || p.role === 'firm_contributor') return { consortiumId: c, supplierId: o };
      return NOTHING_BY_ID;
    case 'UnionRepresentation':
      // staff keep them; a union reads whom it represents, a firm's people who represents them
      if (isStaff(p)) return { consortiumId: c };
      if (p.role === 'union_representative') return { consortiumId: c, unionOrganisationId: o };
      if (p.role === 'firm_admin' || p.role === 'firm_contributor') return { consortiumId: c, firmOrganisationId: o };
      return NOTHING_BY_ID;
    case 'TrainingPlan':
      return trainingPlanScope(p, c, o);
    case 'TrainingPlanEvent':
      return { plan: trainingPlanScope(p, c, o) };
    case 'Charter':
      return charterScope(p, c);
    case 'CommitmentTemplate':
      return { charter: charterScope(p, c) };
    case 'CharterSignature':
    case 'Commitment':
      return commitmentScope(p, c, o);
    case 'CommitmentTransition':
    case 'CommitmentReview':
      return { commitment: commitmentScope(p, c, o) };
    case 'Curriculum':
      return curriculumScope(p, c, o);
    case 'Grant':
      if (isStaff(p)) return { consortiumId: c };
      // a trainer names the grant that pays for a session it schedules
      if (p.role === 'trainer') return { consortiumId: c };
      if (p.role === 'funder') return { consortiumId: c, funderOrganisationId: o };
      return NOTHING_BY_ID;
    case 'CourseSession':
      return courseSessionScope(p, c, o);
    case 'Trainee':
      return traineeScope(p, c, o);
    case 'TraineeEmployment':
      return { trainee: traineeScope(p, c, o) };
    case 'Enrolment':
      return enrolmentScope(p, c, o);
    case 'TrainingActivity':
    case 'WorkforceYear':
    case 'WageStep':
      return firmTrainingScope(p, c, o);
    case 'DemandSurvey':
      // the consortium's surveys; a draft is staff's until it opens
      return isStaff(p) ? { consortiumId: c } : { consortiumId: c, status: { not: 'draft' } };
    case 'DemandAnswer':
      // a firm's own answers; staff run the survey; everyone else: aggregates only (demand-surveys gap)
      if (isStaff(p)) return { consortiumId: c };
      if (p.role === 'firm_admin' || p.role === 'firm_contributor') return { consortiumId: c, organisationId: o };
      return NOTHING_BY_ID;
    default:
      // A model nobody declared a rule for is invisible: forgetting a rule must not leak.
      return { id: { in: [] } };
  }
}

function field(data: Where, name: string): unknown {
  return data[name];
}

/**
 * A create must land inside the principal's scope. Violations answer 404: the parent the
 * row would hang from is, for this principal, not there.
 */
export function assertCreatable(model: string, data: Where, p: Principal): void {
  if (p.role === 'platform_admin') return;
  const own = (name: string, expected: string | null, what: string): void => {
    if (field(data, name) !== expected) throw DomainError.notFound(what);
  };
  switch (model as ScopedModel) {
    case 'Consortium':
      throw DomainError.notFound('Consortium');
    case 'Organisation':
      if (isStaff(p)) own('registeredByConsortiumId', p.consortiumId, 'Consortium');
      else throw DomainError.notFound('Consortium');
      return;
    case 'Membership':
    case 'RoleAssignment':
    case 'Invitation':
    case 'ApiKey':
      own('consortiumId', p.consortiumId, 'Consortium');
      if (!isStaff(p)) own('organisationId', p.organisationId, 'Organisation');
      return;
    case 'MembershipTransition':
    case 'User':
    case 'AuditEvent':
    case 'OutboxMessage':
    case 'MetricValueRevision':
    case 'SourcingModeChange':
    case 'ImportError':
    case 'ScorecardCriterion':
    case 'CorrectiveActionTask':
    case 'TrainingPlanEvent':
      // Created only alongside a scoped parent (membership, role assignment, audited change).
      return;
    case 'MetricDefinition':
    case 'Period':
    case 'SupplyRelationship':
    case 'Scorecard':
    case 'CorrectiveActionPlan':
    case 'ScorecardTemplate':
    case 'ReminderLog':
      own('consortiumId', p.consortiumId, 'Consortium');
      return;
    case 'MetricValue':
      own('consortiumId', p.consortiumId, 'Consortium');
      if (!isStaff(p) && p.role !== 'customer_buyer') own('organisationId', p.organisationId, 'Organisation');
      if (p.role === 'customer_buyer') own('customerId', p.organisationId, 'Organisation');
      return;
    case 'MetricGoal':
    case 'Import':
      own('consortiumId', p.consortiumId, 'Consortium');
      if (!isStaff(p)) own('organisationId', p.organisationId, 'Organisation');
      return;
    case 'PeerGroup':
    case 'BenchmarkRun':
    case 'Charter':
    case 'Commitment':
    case 'CommitmentReview':
      own('consortiumId', p.consortiumId, 'Consortium');
      if (!isStaff(p)) throw DomainError.notFound('Consortium');
      return;
    case 'CommitmentTemplate':
    case 'CommitmentTransition':
      // Created only alongside a scoped parent (a draft charter, a commitment's change).
      return;
    case 'CharterSignature':
      // a firm admin signs for its own firm
      own('consortiumId', p.consortiumId, 'Consortium');
      own('organisationId', p.organisationId, 'Organisation');
      return;
    case 'SharingSetting':
      own('consortiumId', p.consortiumId, 'Consortium');
      if (!isStaff(p)) own('supplierId', p.organisationId, 'Organisation');
      return;
    case 'CustomerFeedback':
      own('consortiumId', p.consortiumId, 'Consortium');
      own('supplierId', p.organisationId, 'Organisation');
      return;
    case 'UnionRepresentation':
      own('consortiumId', p.consortiumId, 'Consortium');
      if (!isStaff(p)) throw DomainError.notFound('Consortium');
      return;
    case 'TrainingPlan':
      // a firm's own plan, made by its own people (staff read plans and make none)
      own('consortiumId', p.consortiumId, 'Consortium');
      if (p.role !== 'firm_admin' && p.role !== 'firm_contributor') throw DomainError.notFound('Organisation');
      own('organisationId', p.organisationId, 'Organisation');
      return;
    case 'Curriculum':
      own('consortiumId', p.consortiumId, 'Consortium');
      if (!isStaff(p)) own('ownerOrganisationId', p.organisationId, 'Organisation');
      return;
    case 'Grant':
      own('consortiumId', p.consortiumId, 'Consortium');
      if (!isStaff(p)) throw DomainError.notFound('Consortium');
      return;
    case 'CourseSession':
      own('consortiumId', p.consortiumId, 'Consortium');
      if (!isStaff(p)) own('providerOrganisationId', p.organisationId, 'Organisation');
      return;
    case 'Trainee':
      own('consortiumId', p.consortiumId, 'Consortium');
      if (!isStaff(p)) own('employerOrganisationId', p.organisationId, 'Organisation');
      return;
    case 'TraineeEmployment':
      // only alongside its trainee (created or moved in the same transaction)
      return;
    case 'Enrolment':
    case 'TrainingActivity':
    case 'WorkforceYear':
    case 'WageStep':
      own('consortiumId', p.consortiumId, 'Consortium');
      if (!isStaff(p)) own('organisationId', p.organisationId, 'Organisation');
      return;
    case 'DemandSurvey':
      own('consortiumId', p.consortiumId, 'Consortium');
      if (!isStaff(p)) throw DomainError.notFound('Consortium');
      return;
    case 'DemandAnswer':
      // a firm answers for itself only
      own('consortiumId', p.consortiumId, 'Consortium');
      own('organisationId', p.organisationId, 'Organisation');
      return;
    default:
      throw DomainError.notFound(model);
  }
}

