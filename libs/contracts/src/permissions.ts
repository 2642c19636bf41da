import type { Role } from './roles';

/**
 * Permission names shared by the API (route guards, OpenAPI) and the console (canAccess,
 * menus). A permission says what a role may attempt; which records it reaches is decided
 * by tenant/firm scoping in the database layer.
 */
export const PERMISSIONS = [
  'consortia.read',
  'consortia.create',
  'consortia.update',
  'organisations.read',
  'organisations.create',
  'organisations.update',
  'organisations.delete',
  'memberships.read',
  'memberships.create',
  'memberships.update',
  'memberships.transition',
  'users.read',
  /** account-wide details (name, e-mail, status): the platform admin; people change their own through their profile */
  'users.update',
  'invitations.read',
  'invitations.create',
  'invitations.revoke',
  'role-assignments.read',
  /** suspend or reactivate a role inside one's scope */
  'role-assignments.update',
  'role-assignments.delete',
  'api-keys.read',
  'api-keys.create',
  'api-keys.revoke',
  'audit-events.read',
  'outbox.read',
  /** Bull Board: every consortium's jobs, so the platform operator's only */
  'queues.admin',
  /** the background work of one's consortium (recomputes, reminder runs), with progress */
  'background-jobs.read',
  'dashboard.read',
  // supplier performance
  'metric-definitions.read',
  'metric-definitions.create',
  'metric-definitions.update',
  'periods.read',
  'periods.create',
  'periods.update',
  'periods.close',
  'periods.reopen',
  'periods.publish',
  'periods.completeness',
  /** e-mail the firms late for an open period (staff, at most once a day per firm) */
  'periods.remind',
  'metric-values.read',
  'metric-values.write',
  'metric-values.validate',
  'metric-values.approve-revision',
  'imports.read',
  'imports.create',
  'supply-relationships.read',
  'supply-relationships.create',
  'supply-relationships.update',
  'metric-goals.read',
  'metric-goals.write',
  'scorecard-templates.read',
  'scorecard-templates.write',
  'scorecards.read',
  'scorecards.recompute',
  'corrective-action-plans.read',
  'corrective-action-plans.write',
  'corrective-action-tasks.update-status',
  // benchmarks: what a cell shows is decided by disclosure control, per viewer
  'peer-groups.read',
  'peer-groups.write',
  'benchmark-runs.read',
  'benchmark-runs.create',
  'benchmark-cells.read',
  /** a member's own positions */
  'standings.read',
  /** a member's benchmark report (PDF) of a published period: its own, as it reads the benchmarks; staff any member's */
  'benchmark-reports.read',
  'sharing-settings.read',
  /** a supplier's own settings */
  'sharing-settings.write',
  // suppliers' voice: a supplier's own answers about its customers; aggregates only to everyone else
  /** a supplier firm's own answers: nobody else reads a row, not staff, not the operator */
  'customer-feedback.read',
  'customer-feedback.write',
  /** aggregates that pass disclosure control, about the customers the reader may name */
  'customer-feedback.summary',
  /** trained workers moving between member firms: counts, own firm's and (under disclosure control) the consortium's */
  'talent-circulation.read',
  /** training hours, spend and payroll: own firm's (represented firms' for a union), and the consortium's under disclosure control */
  'training-figures.read',
  // training plans: co-governed by the firm and its union
  /** which union organisation represents which member firm (staff keep them) */
  'union-representations.read',
  'union-representations.write',
  'training-plans.read',
  /** create and edit a draft or returned plan of one's own firm */
  'training-plans.write',
  /** send one's own firm's plan for approval */
  'training-plans.submit',
  /** approve or return (with a comment) a submitted plan, for one's side: the firm admin or the union representative */
  'training-plans.decide',
  // commitments: charters, commitments, their reviews, the reciprocity view
  /** a consortium's charters (published and superseded; drafts: staff) and their templates */
  'charters.read',
  /** draft, edit and publish charter versions (staff) */
  'charters.write',
  /** sign the published charter for one's own firm (its firm admin) */
  'charters.sign',
  /** who signed which version: staff every member, a firm its own signatures */
  'charter-signatures.read',
  /** a firm's own commitments; staff every member's */
  'commitments.read',
  /** generate a year's commitments from the published charter (staff) */
  'commitments.generate',
  /** declare the figure of an attested commitment (its firm admin) */
  'commitments.attest',
  /** verify an attestation, or waive a commitment with a reason (staff) */
  'commitments.verify',
  'commitments.waive',
  /** a firm's own reviews (what staff decided about its missed commitments); staff all */
  'commitment-reviews.read',
  /** record a review's outcome (staff) */
  'commitment-reviews.write',
  /** both sides' commitments for the relationships one sees, and the consortium's keep rates (aggregates) */
  'reciprocity.read',
  // training records: which rows each role reaches is scope.ts's
  /** the curricula library: shared curricula of the consortium and one's own */
  'curricula.read',
  /** members and staff publish; a union representative proposes (always private to its union until staff share it) */
  'curricula.write',
  'grants.read',
  'grants.write',
  /** the session calendar; a trainer its own sessions */
  'course-sessions.read',
  /** staff, and a trainer for the sessions it provides */
  'course-sessions.write',
  /** trainee personal data: the employer's people and staff only */
  'trainees.read',
  'trainees.write',
  'enrolments.read',
  /** a firm enrols (and withdraws) its own trainees */
  'enrolments.write',
  /** attendance, completion and credentials: the session's trainer, and staff */
  'enrolments.record',
  /** the firm admin confirms the wage step a credential proposes (wages never leave the firm) */
  'enrolments.confirm-wage-step',
  'training-activities.read',
  'training-activities.write',
  'workforce-years.read',
  'workforce-years.write',
  'wage-steps.read',
  'wage-steps.write',
  // workforce demand surveys: a firm's own answers; the gap per occupation under disclosure control
  /** the consortium's surveys (drafts: staff) and the gap per occupation, as disclosure control lets the reader read it */
  'demand-surveys.read',
  /** create, open and close surveys (staff) */
  'demand-surveys.write',
  /** answer an open survey for one's own firm, and read those answers (its firm admin) */
  'demand-surveys.answer',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What only the operator of the installation does: it spans consortia or whole accounts. */
const PLATFORM_ONLY: Permission[] = ['consortia.create', 'users.update', 'queues.admin'];

/**
 * What only a member firm (and, for training plans, its union) decides: what a supplier shares
 * with its customers (benchmarks.md rule 8) and what it says about them; its signature of the
 * charter and its attestations; its wage ladder and the wage a credential earns; a firm's training plan, which staff read and may not write,
 * submit, approve or return on either side's behalf.
 */
const FIRM_ONLY: Permission[] = [
  'sharing-settings.write',
  'customer-feedback.read',
  'customer-feedback.write',
  'training-plans.write',
  'training-plans.submit',
  'training-plans.decide',
  'charters.sign',
  'commitments.attest',
  'enrolments.confirm-wage-step',
  'wage-steps.write',
  'demand-surveys.answer',
];

const FIRM_READ: Permission[] = [
  'consortia.read',
  'organisations.read',
  'memberships.read',
  'users.read',
  'metric-definitions.read',
  'periods.read',
  'talent-circulation.read',
  'training-figures.read',
  'charters.read',
  'reciprocity.read',
  'demand-surveys.read',
];

/** A member firm's view of its own commitments (firm admins, contributors, customer buyers). */
const FIRM_COMMITMENTS: Permission[] = ['charter-signatures.read', 'commitments.read', 'commitment-reviews.read'];

/** A member firm's own training records: its trainees, enrolments, activities, workforce. */
const FIRM_TRAINING: Permission[] = [
  'curricula.read',
  'curricula.write',
  'course-sessions.read',
  'trainees.read',
  'trainees.write',
  'enrolments.read',
  'enrolments.write',
  'training-activities.read',
  'training-activities.write',
  'workforce-years.read',
  'wage-steps.read',
];

/** What a member firm that reports figures may do (supplier firm admins and contributors, API keys). */
const FIRM_REPORTING: Permission[] = [
  'metric-values.read',
  'metric-values.write',
  'periods.completeness',
  'imports.read',
  'imports.create',
  'supply-relationships.read',
  'metric-goals.read',
  'scorecard-templates.read',
  'scorecards.read',
  'corrective-action-plans.read',
  // only on a task assigned to the user (the service checks); plan writers may change any task
  'corrective-action-tasks.update-status',
  'peer-groups.read',
  'benchmark-cells.read',
  'standings.read',
  'benchmark-reports.read',
  'sharing-settings.read',
  'customer-feedback.read',
  'customer-feedback.write',
  'customer-feedback.summary',
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  platform_admin: PERMISSIONS.filter((p) => !FIRM_ONLY.includes(p)),
  consortium_staff: PERMISSIONS.filter((p) => !PLATFORM_ONLY.includes(p) && !FIRM_ONLY.includes(p)),
  firm_admin: [
    ...FIRM_READ,
    'organisations.update',
    'invitations.read',
    'invitations.create',
    'invitations.revoke',
    'role-assignments.read',
    'role-assignments.update',
    'role-assignments.delete',
    'api-keys.read',
    'api-keys.create',
    'api-keys.revoke',
    'audit-events.read',
    ...FIRM_REPORTING,
    'metric-goals.write',
    'corrective-action-plans.write',
    'sharing-settings.write',
    'union-representations.read',
    'training-plans.read',
    'training-plans.write',
    'training-plans.submit',
    'training-plans.decide',
    ...FIRM_COMMITMENTS,
    'charters.sign',
    'commitments.attest',
    ...FIRM_TRAINING,
    'workforce-years.write',
    'wage-steps.write',
    'enrolments.confirm-wage-step',
    'demand-surveys.answer',
  ],
  // a contributor drafts the firm's training plan; the firm admin submits and decides
  firm_contributor: [...FIRM_READ, ...FIRM_REPORTING, ...FIRM_COMMITMENTS, ...FIRM_TRAINING, 'union-representations.read', 'training-plans.read', 'training-plans.write'],
  customer_buyer: [
    ...FIRM_READ,
    'metric-values.read',
    'metric-values.write',
    'supply-relationships.read',
    'supply-relationships.update',
    'metric-goals.read',
    'scorecard-templates.read',
    'scorecard-templates.write',
    'scorecards.read',
    'corrective-action-plans.read',
    'corrective-action-plans.write',
    'corrective-action-tasks.update-status',
    'peer-groups.read',
    'benchmark-cells.read',
    // its own report: the public groups and its supply base, as it reads them
    'benchmark-reports.read',
    // what its suppliers share with it
    'sharing-settings.read',
    // what suppliers say about its firm, as aggregates
    'customer-feedback.summary',
    ...FIRM_COMMITMENTS,
    // the library and the calendar; no trainee data (a buyer is not the employer's training office)
    'curricula.read',
    'course-sessions.read',
  ],
  // Union representatives and trainers never read metric values (domain.md).
  // A union representative reads and co-decides the training plans of the firms its union represents, reads the library,
  // proposes curricula and reads the sessions its firms take part in; never trainee data.
  union_representative: [...FIRM_READ, 'union-representations.read', 'training-plans.read', 'training-plans.decide', 'curricula.read', 'curricula.write', 'course-sessions.read'],
  // A trainer: the library, its own sessions and their enrolments (trainee names only there), the grants that may fund them.
  trainer: [...FIRM_READ, 'curricula.read', 'curricula.write', 'course-sessions.read', 'course-sessions.write', 'enrolments.read', 'enrolments.record', 'grants.read'],
  // Funders see aggregates only: no permission here reads one firm's figures.
  // benchmark cells to a funder: only those that pass rules 1–4 for a reader who knows no member
  // the charter is the consortium's public code; reciprocity shows a funder the keep rates only (aggregates); grants: its own
  funder: [
    'consortia.read',
    'organisations.read',
    'dashboard.read',
    'metric-definitions.read',
    'periods.read',
    'peer-groups.read',
    'benchmark-cells.read',
    'customer-feedback.summary',
    'talent-circulation.read',
    'training-figures.read',
    'charters.read',
    'reciprocity.read',
    'grants.read',
    'demand-surveys.read',
  ],
};

export function can(role: Role | undefined, permission: Permission): boolean {
  return role !== undefined && ROLE_PERMISSIONS[role].includes(permission);
}

/** Roles that hold a permission, for OpenAPI descriptions and the console. */
export function rolesWith(permission: Permission): Role[] {
  return (Object.keys(ROLE_PERMISSIONS) as Role[]).filter((r) => ROLE_PERMISSIONS[r].includes(permission));
}
