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
  // benchmarks (issue 8): what a cell shows is decided by disclosure control, per viewer
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
  // training records (issue 9, part training-records): which rows each role reaches is scope.ts's
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
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What only the operator of the installation does: it spans consortia or whole accounts. */
const PLATFORM_ONLY: Permission[] = ['consortia.create', 'users.update', 'queues.admin'];

/** What only a member firm decides: what a supplier shares with its customers (benchmarks.md rule 8), its wage ladder and the wage a credential earns. */
const FIRM_ONLY: Permission[] = ['sharing-settings.write', 'enrolments.confirm-wage-step', 'wage-steps.write'];

const FIRM_READ: Permission[] = ['consortia.read', 'organisations.read', 'memberships.read', 'users.read', 'metric-definitions.read', 'periods.read'];

/** A member firm's own training records (training-records part of issue 9): its trainees, enrolments, activities, workforce. */
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
    ...FIRM_TRAINING,
    'workforce-years.write',
    'wage-steps.write',
    'enrolments.confirm-wage-step',
  ],
  firm_contributor: [...FIRM_READ, ...FIRM_REPORTING, ...FIRM_TRAINING],
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
    // the library and the calendar; no trainee data (a buyer is not the employer's training office)
    'curricula.read',
    'course-sessions.read',
  ],
  // Union representatives and trainers never read metric values (domain.md).
  // A union representative reads the library, proposes curricula and reads the sessions its firms take part in; never trainee data.
  union_representative: [...FIRM_READ, 'curricula.read', 'curricula.write', 'course-sessions.read'],
  // A trainer: the library, its own sessions and their enrolments (trainee names only there), the grants that may fund them.
  trainer: [...FIRM_READ, 'curricula.read', 'curricula.write', 'course-sessions.read', 'course-sessions.write', 'enrolments.read', 'enrolments.record', 'grants.read'],
  // Funders see aggregates only: no permission here reads one firm's figures.
  // benchmark cells to a funder: only those that pass rules 1–4 for a reader who knows no member
  // grants: its own; no session, trainee or enrolment (aggregates only)
  funder: ['consortia.read', 'organisations.read', 'dashboard.read', 'metric-definitions.read', 'periods.read', 'peer-groups.read', 'benchmark-cells.read', 'grants.read'],
};

export function can(role: Role | undefined, permission: Permission): boolean {
  return role !== undefined && ROLE_PERMISSIONS[role].includes(permission);
}

/** Roles that hold a permission, for OpenAPI descriptions and the console. */
export function rolesWith(permission: Permission): Role[] {
  return (Object.keys(ROLE_PERMISSIONS) as Role[]).filter((r) => ROLE_PERMISSIONS[r].includes(permission));
}
