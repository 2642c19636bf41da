import type { InvitationStatus, MembershipStatus, MembershipTier, OrganisationKind, OutboxStatus, ReportingCalendar, RoleAssignmentStatus, UserStatus } from './enums';
import type { Role } from './roles';

/** Resource shapes returned by the API (dates as ISO strings, decimals as numbers). */
export interface Consortium {
  id: string;
  name: string;
  slug: string;
  region: string;
  fiscalYearStartMonth: number;
  disclosureThreshold: number;
  reportingCalendar: ReportingCalendar;
  createdAt: string;
  updatedAt: string;
}

export interface Organisation {
  id: string;
  code: string;
  name: string;
  kind: OrganisationKind;
  naicsCode: string | null;
  county: string | null;
  region: string | null;
  employeeCount: number | null;
  frontlineEmployeeCount: number | null;
  annualPayroll: number | null;
  unionised: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface MembershipTransition {
  id: string;
  fromStatus: MembershipStatus;
  toStatus: MembershipStatus;
  reason: string;
  effectiveDate: string;
  actorUserId: string | null;
  createdAt: string;
}

export interface Membership {
  id: string;
  consortiumId: string;
  organisationId: string;
  tier: MembershipTier;
  status: MembershipStatus;
  joinedAt: string | null;
  exitedAt: string | null;
  annualDues: number;
  createdAt: string;
  updatedAt: string;
  transitions?: MembershipTransition[];
}

export interface User {
  id: string;
  email: string;
  name: string;
  status: UserStatus;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface RoleAssignment {
  id: string;
  userId: string;
  role: Role;
  consortiumId: string | null;
  organisationId: string | null;
  status: RoleAssignmentStatus;
  suspendedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/**
 * A role offered to an e-mail address. What the inviter sees is the same whether or not the
 * address already has an account.
 */
export interface Invitation {
  id: string;
  email: string;
  name: string;
  role: Role;
  consortiumId: string | null;
  organisationId: string | null;
  status: InvitationStatus;
  expiresAt: string;
  invitedById: string | null;
  /** who sent it, by name: a firm admin reads invitations staff sent to its firm without reaching staff accounts */
  invitedByName: string | null;
  decidedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What the holder of an invitation link learns before accepting (their own address's state). */
export interface InvitationPreview {
  email: string;
  /** the name the inviter gave, to prefill a new account's name (an existing account keeps its own) */
  name: string;
  role: Role;
  organisationName: string | null;
  consortiumName: string | null;
  invitedByName: string | null;
  expiresAt: string;
  /** the address already has an account: accept by signing in with its password */
  accountExists: boolean;
}

/** Pending invitations addressed to the signed-in person. */
export interface MyInvitation {
  id: string;
  role: Role;
  organisationName: string | null;
  consortiumName: string | null;
  invitedByName: string | null;
  expiresAt: string;
}

export interface ApiKey {
  id: string;
  consortiumId: string;
  organisationId: string;
  name: string;
  prefix: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  createdById: string | null;
  createdAt: string;
  updatedAt: string;
  /** present once, in the answer to the create request */
  key?: string;
}

export interface AuditEvent {
  id: string;
  consortiumId: string | null;
  organisationId: string | null;
  actorUserId: string | null;
  actorApiKeyId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
  createdAt: string;
}

export interface OutboxMessage {
  id: string;
  consortiumId: string | null;
  kind: string;
  to: string;
  subject: string;
  /** null when the message carries a secret link and the reader may not see it */
  text: string | null;
  sensitive: boolean;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface DashboardCounts {
  consortia: number;
  organisations: number;
  memberships: Record<MembershipStatus, number>;
  users: number;
  pendingOutbox: number;
}
