import {
  INVITATION_STATUSES,
  MEMBERSHIP_STATUSES,
  MEMBERSHIP_TIERS,
  ORGANISATION_KINDS,
  OUTBOX_STATUSES,
  REPORTING_CALENDARS,
  ROLE_ASSIGNMENT_STATUSES,
  ROLE_LABELS,
  ROLES,
  USER_STATUSES,
} from '@tandem/contracts';

export interface Choice {
  id: string;
  name: string;
}

/** "training_provider" → "Training provider" */
export function humanize(value: string): string {
  const words = value.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const toChoices = (values: readonly string[]): Choice[] => values.map((id) => ({ id, name: humanize(id) }));

export const organisationKindChoices = toChoices(ORGANISATION_KINDS);
export const membershipTierChoices = toChoices(MEMBERSHIP_TIERS);
export const membershipStatusChoices = toChoices(MEMBERSHIP_STATUSES);
export const reportingCalendarChoices = toChoices(REPORTING_CALENDARS);
export const userStatusChoices = toChoices(USER_STATUSES);
export const invitationStatusChoices = toChoices(INVITATION_STATUSES);
export const roleAssignmentStatusChoices = toChoices(ROLE_ASSIGNMENT_STATUSES);
export const outboxStatusChoices = toChoices(OUTBOX_STATUSES);
export const roleChoices: Choice[] = ROLES.map((id) => ({ id, name: ROLE_LABELS[id] }));
export const monthChoices: Choice[] = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
].map((name, index) => ({ id: String(index + 1), name }));
