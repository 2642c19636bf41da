/** Enumerations mirrored from prisma/schema.prisma (a unit test keeps them equal). */
export const ORGANISATION_KINDS = ['customer', 'supplier', 'union', 'training_provider', 'extension_centre', 'agency', 'funder', 'college'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const MEMBERSHIP_TIERS = ['anchor_customer', 'supplier', 'labour', 'partner', 'associate'] as const;
export type MembershipTier = (typeof MEMBERSHIP_TIERS)[number];

export const MEMBERSHIP_STATUSES = ['applicant', 'active', 'suspended', 'exited'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

export const REPORTING_CALENDARS = ['monthly', 'quarterly'] as const;
export type ReportingCalendar = (typeof REPORTING_CALENDARS)[number];

export const USER_STATUSES = ['active', 'disabled'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export const ROLE_ASSIGNMENT_STATUSES = ['active', 'suspended'] as const;
export type RoleAssignmentStatus = (typeof ROLE_ASSIGNMENT_STATUSES)[number];

/** `expired` is not stored: a pending invitation past its expiry is shown as expired. */
export const INVITATION_STATUSES = ['pending', 'accepted', 'declined', 'revoked', 'expired'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export const OUTBOX_STATUSES = ['pending', 'sent', 'recorded', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** Disclosure threshold k (benchmarks.md): default 5, never below 3. */
export const DISCLOSURE_THRESHOLD_DEFAULT = 5;
export const DISCLOSURE_THRESHOLD_MIN = 3;

/** react-admin simple REST: the largest page a list route serves. */
export const MAX_PAGE_SIZE = 500;

export const METRIC_DIRECTIONS = ['higher', 'lower'] as const;
export type MetricDirection = (typeof METRIC_DIRECTIONS)[number];
export const METRIC_FREQUENCIES = ['monthly', 'quarterly'] as const;
export type MetricFrequency = (typeof METRIC_FREQUENCIES)[number];
export const METRIC_REPORTERS = ['supplier', 'customer', 'derived'] as const;
export type MetricReporter = (typeof METRIC_REPORTERS)[number];
export const PERIOD_KINDS = ['month', 'quarter'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export const PERIOD_STATES = ['open', 'closed', 'published'] as const;
export type PeriodState = (typeof PERIOD_STATES)[number];
export const METRIC_VALUE_STATUSES = ['draft', 'submitted', 'validated', 'rejected'] as const;
export type MetricValueStatus = (typeof METRIC_VALUE_STATUSES)[number];
export const METRIC_VALUE_SOURCES = ['form', 'csv', 'api', 'derived'] as const;
export type MetricValueSource = (typeof METRIC_VALUE_SOURCES)[number];
export const REVISION_APPROVALS = ['not_needed', 'pending', 'approved', 'declined'] as const;
export type RevisionApproval = (typeof REVISION_APPROVALS)[number];
export const SOURCING_MODES = ['annual_rebid', 'multi_year', 'sole_source', 'strategic_partnership'] as const;
export type SourcingMode = (typeof SOURCING_MODES)[number];
export const IMPORT_STATUSES = ['uploaded', 'parsing', 'parsed', 'committing', 'committed', 'cancelled', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
export const STANDINGS = ['preferred', 'approved', 'development', 'probation'] as const;
export type Standing = (typeof STANDINGS)[number];
export const PLAN_STATUSES = ['open', 'in_progress', 'completed', 'cancelled'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const TASK_STATUSES = ['todo', 'doing', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Largest CSV upload accepted (bytes); larger ones are refused with 413 before parsing. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;
/** Rows accepted by one POST /api/metric-values/bulk. */
export const MAX_BULK_ROWS = 5000;
