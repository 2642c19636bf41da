import type { Permission } from '@tandem/contracts';
import { PERMISSIONS } from '@tandem/contracts';

/**
 * react-admin asks "may I <action> <resource>?"; the API guards routes with permission
 * names. This is the one translation between them, so menus, buttons and routes follow
 * the same ROLE_PERMISSIONS the API enforces.
 */
const SPECIAL: Record<string, Partial<Record<string, Permission>>> = {
  invitations: { delete: 'invitations.revoke' },
  'api-keys': { delete: 'api-keys.revoke' },
  // these resources grant one "write" permission for every change
  'metric-values': { create: 'metric-values.write', edit: 'metric-values.write' },
  'metric-goals': { create: 'metric-goals.write', edit: 'metric-goals.write', delete: 'metric-goals.write' },
  'scorecard-templates': { create: 'scorecard-templates.write', edit: 'scorecard-templates.write', delete: 'scorecard-templates.write' },
  'corrective-action-plans': { edit: 'corrective-action-plans.write' },
  // benchmarks: staff write peer groups, a supplier its sharing settings
  'peer-groups': { create: 'peer-groups.write', edit: 'peer-groups.write', delete: 'peer-groups.write' },
  'sharing-settings': { create: 'sharing-settings.write', edit: 'sharing-settings.write', delete: 'sharing-settings.write' },
  // suppliers' voice: a supplier's own answers; the summary page (/customer-feedback/summary) needs customer-feedback.summary
  'customer-feedback': { create: 'customer-feedback.write', edit: 'customer-feedback.write', delete: 'customer-feedback.write' },
  // training plans: the firm drafts and edits; submit, approve and return are buttons of the show page (the API says which)
  'training-plans': { create: 'training-plans.write', edit: 'training-plans.write' },
  'union-representations': { create: 'union-representations.write', delete: 'union-representations.write' },
  // training records: one write permission per resource; a trainer's edit of an enrolment is its record
  curricula: { create: 'curricula.write', edit: 'curricula.write' },
  grants: { create: 'grants.write', edit: 'grants.write' },
  'course-sessions': { create: 'course-sessions.write', edit: 'course-sessions.write' },
  trainees: { create: 'trainees.write', edit: 'trainees.write' },
  enrolments: { create: 'enrolments.write', edit: 'enrolments.record' },
  // demand surveys: staff draft them; opening, closing and answering are buttons and pages of their own
  'demand-surveys': { create: 'demand-surveys.write' },
};

const ACTION_VERB: Record<string, string> = {
  list: 'read',
  show: 'read',
  export: 'read',
  create: 'create',
  edit: 'update',
  delete: 'delete',
};

function isPermission(name: string): name is Permission {
  return (PERMISSIONS as readonly string[]).includes(name);
}

/** The permission a react-admin action needs, or null when no permission grants it. */
export function permissionFor(resource: string, action: string): Permission | null {
  const special = SPECIAL[resource]?.[action];
  if (special) return special;
  const name = `${resource}.${ACTION_VERB[action] ?? action}`;
  return isPermission(name) ? name : null;
}

export function allows(permissions: readonly string[] | undefined, resource: string, action: string): boolean {
  const permission = permissionFor(resource, action);
  return permission !== null && (permissions ?? []).includes(permission);
}
