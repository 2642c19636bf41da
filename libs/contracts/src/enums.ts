/** Enumerations mirrored from prisma/schema.prisma (a unit test keeps them equal). */
export const ORGANISATION_KINDS = ['customer', 'supplier', 'union', 'training_provider', 'extension_centre', 'agency', 'funder', 'college'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const MEMBERSHIP_TIERS = ['anchor_customer', 'supplier', 'labour', 'partner', 'associate'] as const;
export type MembershipTier = (typeof MEMBERSHIP_TIERS)[number];

export const MEMBERSHIP_STATUSES = ['applicant', 'active', 'suspended', 'exited'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

export const REPORTING_CALENDARS = ['monthly', 'quarterly'] as const;
export type ReportingCalendar = (typeof REPORTING_CALENDARS)[number];

export const USER_STATUSES = ['invited', 'active', 'disabled'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export const OUTBOX_STATUSES = ['pending', 'sent', 'recorded', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** Disclosure threshold k (benchmarks.md): default 5, never below 3. */
export const DISCLOSURE_THRESHOLD_DEFAULT = 5;
export const DISCLOSURE_THRESHOLD_MIN = 3;

/** react-admin simple REST: the largest page a list route serves. */
export const MAX_PAGE_SIZE = 500;
