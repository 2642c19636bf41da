import type { ProblemFieldError } from '@tandem/contracts';

/** Error codes, one enum per module; the problem filter maps each to an HTTP status. */
export enum CommonErrorCode {
  NotFound = 'not_found',
  Validation = 'validation_failed',
  Conflict = 'conflict',
  Forbidden = 'forbidden',
  PageTooLarge = 'page_too_large',
  /** a dependency (PostgreSQL, Redis) cannot be reached in time: try again after Retry-After */
  Unavailable = 'unavailable',
  /** too many requests from one address or principal: try again after Retry-After */
  RateLimited = 'rate_limited',
}
export enum AuthErrorCode {
  Unauthenticated = 'auth.unauthenticated',
  InvalidCredentials = 'auth.invalid_credentials',
  RefreshInvalid = 'auth.refresh_invalid',
  RefreshReused = 'auth.refresh_reused',
  RateLimited = 'auth.rate_limited',
  InviteInvalid = 'auth.invite_invalid',
}
export enum MembershipErrorCode {
  InvalidTransition = 'memberships.invalid_transition',
  AlreadyMember = 'memberships.already_member',
}
export enum UserErrorCode {
  EmailTaken = 'users.email_taken',
  RoleNeedsOrganisation = 'users.role_needs_organisation',
  WrongPassword = 'users.wrong_password',
}
export enum InvitationErrorCode {
  /** not pending any more: accepted, declined, revoked or expired */
  NotPending = 'invitations.not_pending',
  DailyCapReached = 'invitations.daily_cap_reached',
  /** the address has an account: accepting takes its password, not a new one */
  AccountExists = 'invitations.account_exists',
}
export enum OrganisationErrorCode {
  SharedIdentity = 'organisations.shared_identity',
}
export enum ApiKeyErrorCode {
  AlreadyRevoked = 'api_keys.already_revoked',
}

export enum ScorecardErrorCode {
  PartiesNotMembers = 'scorecards.parties_not_members',
  ActiveTemplateExists = 'scorecards.active_template_exists',
  TemplateInUse = 'scorecards.template_in_use',
  NotYourCustomer = 'scorecards.not_your_customer',
}

export enum MetricDefinitionErrorCode {
  InUse = 'metric_definitions.in_use',
}
export enum PeriodErrorCode {
  InvalidTransition = 'periods.invalid_transition',
  Locked = 'periods.locked',
}
export enum MetricValueErrorCode {
  Invalid = 'metric_values.invalid',
  NotReporter = 'metric_values.not_reporter',
  AlreadyExists = 'metric_values.already_exists',
  StaleRevision = 'metric_values.stale_revision',
  InvalidTransition = 'metric_values.invalid_transition',
  PeriodLocked = 'metric_values.period_locked',
  RevisionPending = 'metric_values.revision_pending',
  RevisionDecided = 'metric_values.revision_decided',
}

/** Training plans: refusals of the co-governance state machine (libs/domain/src/training-plans). */
export enum TrainingPlanErrorCode {
  /** not in a state that allows the action (edit a submitted plan, approve a draft) */
  InvalidTransition = 'training_plans.invalid_transition',
  /** this side approved this submission already, or the plan is approved */
  AlreadyApproved = 'training_plans.already_approved',
  /** a union representative deciding a plan that is not co-governed */
  NotCoGoverned = 'training_plans.not_co_governed',
}

/** Charters, commitments and their reviews. */
export enum CommitmentErrorCode {
  /** only a draft charter is edited or published */
  CharterNotDraft = 'charters.not_draft',
  /** only the published version is signed */
  CharterNotPublished = 'charters.not_published',
  AlreadySigned = 'charters.already_signed',
  /** generating commitments needs a published charter with templates */
  NoPublishedCharter = 'commitments.no_published_charter',
  /** computed kinds are evaluated from data, never attested */
  NotAttestedKind = 'commitments.not_attested_kind',
  /** verifying needs an attestation to verify */
  NothingToVerify = 'commitments.nothing_to_verify',
  /** a waived commitment is settled */
  Waived = 'commitments.waived',
  ReviewDecided = 'commitment_reviews.decided',
}

/** Training records. */
export enum TrainingErrorCode {
  /** every seat of the session is taken by an enrolment not withdrawn */
  SessionFull = 'training.session_full',
  /** the trainee is already enrolled in the session */
  AlreadyEnrolled = 'training.already_enrolled',
  /** what a trainer records breaks the enrolment's rules (hours, status, credential) */
  InvalidRecord = 'training.invalid_record',
  /** changing a record someone else owns (another organisation's curriculum) */
  NotOwner = 'training.not_owner',
  /** a firm's figure for that year already exists */
  AlreadyExists = 'training.already_exists',
}

/** CSV imports. */
export enum ImportErrorCode {
  /** the firm (or the consortium's staff) has MAX_IMPORTS_IN_FLIGHT imports not finished: commit or cancel one first */
  TooManyInFlight = 'imports.too_many_in_flight',
}

export type ErrorCode =
  | CommonErrorCode
  | AuthErrorCode
  | MembershipErrorCode
  | OrganisationErrorCode
  | UserErrorCode
  | InvitationErrorCode
  | ApiKeyErrorCode
  | ScorecardErrorCode
  | MetricDefinitionErrorCode
  | PeriodErrorCode
  | MetricValueErrorCode
  | TrainingPlanErrorCode
  | CommitmentErrorCode
  | TrainingErrorCode
  | ImportErrorCode;

/** Services throw this, never HTTP exceptions; one filter turns it into problem+json. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors?: ProblemFieldError[],
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static notFound(entity: string): DomainError {
    return new DomainError(CommonErrorCode.NotFound, `${entity} not found`);
  }

  /** One answer for every unusable invitation link: unknown, expired, used, revoked or declined. */
  static inviteInvalid(): DomainError {
    return new DomainError(AuthErrorCode.InviteInvalid, 'This invitation link is invalid or has expired; ask for a new one', [{ path: 'token', message: 'invalid or expired' }]);
  }

  static validation(errors: ProblemFieldError[]): DomainError {
    return new DomainError(CommonErrorCode.Validation, errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
  }
}

export function statusOf(code: ErrorCode): number {
  switch (code) {
    case CommonErrorCode.NotFound:
      return 404;
    case CommonErrorCode.Validation:
    case MetricValueErrorCode.Invalid:
    case ScorecardErrorCode.PartiesNotMembers:
    case CommonErrorCode.PageTooLarge:
    case AuthErrorCode.InviteInvalid:
    case TrainingErrorCode.InvalidRecord:
    case UserErrorCode.RoleNeedsOrganisation:
    case UserErrorCode.WrongPassword:
    case InvitationErrorCode.AccountExists:
      return 400;
    case CommonErrorCode.Conflict:
    case MetricDefinitionErrorCode.InUse:
    case PeriodErrorCode.InvalidTransition:
    case PeriodErrorCode.Locked:
    case MetricValueErrorCode.AlreadyExists:
    case MetricValueErrorCode.StaleRevision:
    case MetricValueErrorCode.InvalidTransition:
    case MetricValueErrorCode.PeriodLocked:
    case MetricValueErrorCode.RevisionPending:
    case MetricValueErrorCode.RevisionDecided:
    case ScorecardErrorCode.ActiveTemplateExists:
    case ScorecardErrorCode.TemplateInUse:
    case MembershipErrorCode.AlreadyMember:
    case MembershipErrorCode.InvalidTransition:
    case UserErrorCode.EmailTaken:
    case ApiKeyErrorCode.AlreadyRevoked:
    case InvitationErrorCode.NotPending:
    case TrainingPlanErrorCode.InvalidTransition:
    case TrainingPlanErrorCode.AlreadyApproved:
    case CommitmentErrorCode.CharterNotDraft:
    case CommitmentErrorCode.CharterNotPublished:
    case CommitmentErrorCode.AlreadySigned:
    case CommitmentErrorCode.NoPublishedCharter:
    case CommitmentErrorCode.NotAttestedKind:
    case CommitmentErrorCode.NothingToVerify:
    case CommitmentErrorCode.Waived:
    case CommitmentErrorCode.ReviewDecided:
    case TrainingErrorCode.SessionFull:
    case TrainingErrorCode.AlreadyEnrolled:
    case TrainingErrorCode.AlreadyExists:
    case ImportErrorCode.TooManyInFlight:
      return 409;
    case CommonErrorCode.Forbidden:
    case OrganisationErrorCode.SharedIdentity:
    case MetricValueErrorCode.NotReporter:
    case ScorecardErrorCode.NotYourCustomer:
    case TrainingPlanErrorCode.NotCoGoverned:
    case TrainingErrorCode.NotOwner:
      return 403;
    case AuthErrorCode.Unauthenticated:
    case AuthErrorCode.InvalidCredentials:
    case AuthErrorCode.RefreshInvalid:
    case AuthErrorCode.RefreshReused:
      return 401;
    case AuthErrorCode.RateLimited:
    case CommonErrorCode.RateLimited:
    case InvitationErrorCode.DailyCapReached:
      return 429;
    case CommonErrorCode.Unavailable:
      return 503;
    default: {
      const unreachable: never = code;
      throw new Error(`unmapped error code ${String(unreachable)}`);
    }
  }
}
