import type { Role } from '@tandem/contracts';

/**
 * Names of the resources as people read them, in menu order, grouped by task.
 * Plain data (no React) so the browser journeys assert the same labels the console renders.
 */
const STAFF = ['platform_admin', 'consortium_staff'] as const satisfies readonly Role[];
const REPORTING_FIRM = ['firm_admin', 'firm_contributor'] as const satisfies readonly Role[];

/** The tasks the menu is grouped by, in order. */
export const MENU_GROUPS = ['Report', 'Review', 'Improve', 'Administer'] as const;
export type MenuGroup = (typeof MENU_GROUPS)[number];

interface MenuEntryDef {
  resource: string;
  label: string;
  singular: string;
  phrase: string;
  group: MenuGroup;
  /**
   * Roles that work with the resource and find it in their menu; others who may read it
   * still reach it by a link. Absent: everyone the permission lets read it.
   */
  audience?: readonly Role[];
  /** how staff meet it, when that differs (the metric values are their validation queue) */
  staff?: { label: string; group: MenuGroup };
}

export const RESOURCE_MENU = [
  { resource: 'metric-values', label: 'Metric values', singular: 'Metric value', phrase: 'metric values', group: 'Report', staff: { label: 'Validation queue', group: 'Review' } },
  { resource: 'imports', label: 'Imports', singular: 'Import', phrase: 'imports', group: 'Report' },
  { resource: 'periods', label: 'Periods', singular: 'Period', phrase: 'periods', group: 'Report', staff: { label: 'Periods', group: 'Review' } },
  { resource: 'scorecards', label: 'Scorecards', singular: 'Scorecard', phrase: 'scorecards', group: 'Review' },
  { resource: 'supply-relationships', label: 'Supply relationships', singular: 'Supply relationship', phrase: 'supply relationships', group: 'Review' },
  { resource: 'corrective-action-plans', label: 'Corrective actions', singular: 'Corrective action plan', phrase: 'corrective action plans', group: 'Improve' },
  { resource: 'training-figures', label: 'Training figures', singular: 'Training figures', phrase: 'training figures', group: 'Improve', audience: [...STAFF, ...REPORTING_FIRM, 'union_representative', 'funder'] },
  { resource: 'training-plans', label: 'Training plans', singular: 'Training plan', phrase: 'training plans', group: 'Improve', audience: [...STAFF, 'firm_admin', 'firm_contributor', 'union_representative'] },
  // commitments
  { resource: 'commitments', label: 'Commitments', singular: 'Commitment', phrase: 'commitments', group: 'Improve' },
  { resource: 'reciprocity', label: 'Reciprocity', singular: 'Reciprocity', phrase: 'relationships', group: 'Improve' },
  { resource: 'commitment-reviews', label: 'Commitment reviews', singular: 'Commitment review', phrase: 'commitment reviews', group: 'Improve', audience: [...STAFF, 'firm_admin'] },
  { resource: 'charters', label: 'Charter', singular: 'Charter version', phrase: 'charter versions', group: 'Administer' },
  // training records: the library and the calendar to everyone who may read them; trainee data to the firm and staff
  { resource: 'curricula', label: 'Curricula library', singular: 'Curriculum', phrase: 'curricula', group: 'Improve' },
  { resource: 'course-sessions', label: 'Training sessions', singular: 'Training session', phrase: 'training sessions', group: 'Improve' },
  { resource: 'trainees', label: 'Trainees', singular: 'Trainee', phrase: 'trainees', group: 'Improve' },
  { resource: 'enrolments', label: 'Enrolments', singular: 'Enrolment', phrase: 'enrolments', group: 'Improve' },
  { resource: 'demand-surveys', label: 'Workforce demand', singular: 'Demand survey', phrase: 'demand surveys', group: 'Improve' },
  { resource: 'metric-goals', label: 'Baselines and goals', singular: 'Baseline and goal', phrase: 'baselines and goals', group: 'Improve', audience: [...STAFF, ...REPORTING_FIRM] },
  { resource: 'consortia', label: 'Consortia', singular: 'Consortium', phrase: 'consortia', group: 'Administer', audience: STAFF },
  { resource: 'organisations', label: 'Organisations', singular: 'Organisation', phrase: 'organisations', group: 'Administer', audience: [...STAFF, 'firm_admin', 'union_representative', 'trainer', 'funder'] },
  { resource: 'union-representations', label: 'Union representation', singular: 'Union representation', phrase: 'union representations', group: 'Administer', audience: STAFF },
  { resource: 'memberships', label: 'Memberships', singular: 'Membership', phrase: 'memberships', group: 'Administer', audience: STAFF },
  { resource: 'metric-definitions', label: 'Metric catalogue', singular: 'Metric', phrase: 'metrics', group: 'Administer', audience: [...STAFF, 'funder'] },
  { resource: 'scorecard-templates', label: 'Scorecard templates', singular: 'Scorecard template', phrase: 'scorecard templates', group: 'Administer', audience: [...STAFF, 'customer_buyer'] },
  { resource: 'users', label: 'Users', singular: 'User', phrase: 'users', group: 'Administer', audience: [...STAFF, 'firm_admin'] },
  { resource: 'invitations', label: 'Invitations', singular: 'Invitation', phrase: 'invitations', group: 'Administer' },
  { resource: 'role-assignments', label: 'Role assignments', singular: 'Role assignment', phrase: 'role assignments', group: 'Administer' },
  { resource: 'api-keys', label: 'API keys', singular: 'API key', phrase: 'API keys', group: 'Administer' },
  { resource: 'audit-events', label: 'Audit events', singular: 'Audit event', phrase: 'audit events', group: 'Administer' },
  { resource: 'outbox', label: 'Outbox', singular: 'Outbox message', phrase: 'outbox messages', group: 'Administer' },
  { resource: 'background-jobs', label: 'Background work', singular: 'Background job', phrase: 'background jobs', group: 'Administer' },
  { resource: 'benchmark-cells', label: 'Benchmarks', singular: 'Benchmark cell', phrase: 'benchmark cells', group: 'Review' },
  { resource: 'standings', label: 'My standing', singular: 'Standing', phrase: 'standings', group: 'Review', audience: REPORTING_FIRM },
  { resource: 'peer-groups', label: 'Peer groups', singular: 'Peer group', phrase: 'peer groups', group: 'Administer', audience: STAFF },
  { resource: 'benchmark-runs', label: 'Benchmark recomputes', singular: 'Benchmark recompute', phrase: 'benchmark recomputes', group: 'Administer', audience: STAFF },
  { resource: 'customer-feedback', label: 'Rate your customers', singular: 'Answer about a customer', phrase: 'answers about your customers', group: 'Review', audience: REPORTING_FIRM },
  { resource: 'talent-circulation', label: 'Talent circulation', singular: 'Talent circulation', phrase: 'talent circulation', group: 'Review', audience: ['consortium_staff', 'firm_admin', 'union_representative', 'funder'] },
  { resource: 'sharing-settings', label: 'Sharing with customers', singular: 'Sharing setting', phrase: 'sharing settings', group: 'Administer', audience: ['firm_admin'] },
] as const satisfies readonly MenuEntryDef[];

export type ConsoleResource = (typeof RESOURCE_MENU)[number]['resource'];

/** The plural within a sentence ("No outbox messages yet."). */
export function resourcePhrase(resource: string): string | undefined {
  return RESOURCE_MENU.find((e) => e.resource === resource)?.phrase;
}

/** The label of a resource, singular for one record (page titles), plural otherwise (menu). */
export function resourceName(resource: string, count: number): string | undefined {
  const entry = RESOURCE_MENU.find((e) => e.resource === resource);
  if (!entry) return undefined;
  return count === 1 ? entry.singular : entry.label;
}

const isStaff = (role: Role) => (STAFF as readonly Role[]).includes(role);

export interface MenuItemFor {
  resource: ConsoleResource;
  label: string;
  group: MenuGroup;
}

/**
 * The menu of one role: the resources it may read (its permissions, as the API enforces them)
 * and works with (the entry's audience), labelled and grouped as that role meets them.
 */
export function menuFor(role: Role, permissions: readonly string[]): { group: MenuGroup; items: MenuItemFor[] }[] {
  const items = RESOURCE_MENU.flatMap((entry: MenuEntryDef): MenuItemFor[] => {
    if (!permissions.includes(`${entry.resource}.read`)) return [];
    if (entry.audience && !entry.audience.includes(role)) return [];
    const view = isStaff(role) && entry.staff ? entry.staff : entry;
    return [{ resource: entry.resource as ConsoleResource, label: view.label, group: view.group }];
  });
  return MENU_GROUPS.map((group) => ({ group, items: items.filter((i) => i.group === group) })).filter((g) => g.items.length > 0);
}

/** The label a role reads for a resource (the same as its page title). */
export function menuLabel(resource: string, role: Role | undefined): string | undefined {
  const entry: MenuEntryDef | undefined = RESOURCE_MENU.find((e) => e.resource === resource);
  if (!entry) return undefined;
  return role && isStaff(role) && entry.staff ? entry.staff.label : entry.label;
}
