/**
 * Names of the resources as people read them, in menu order. Plain data (no React) so the
 * browser journeys assert the same labels the console renders.
 */
export const RESOURCE_MENU = [
  { resource: 'consortia', label: 'Consortia', singular: 'Consortium', phrase: 'consortia' },
  { resource: 'organisations', label: 'Organisations', singular: 'Organisation', phrase: 'organisations' },
  { resource: 'memberships', label: 'Memberships', singular: 'Membership', phrase: 'memberships' },
  { resource: 'metric-values', label: 'Metric values', singular: 'Metric value', phrase: 'metric values' },
  { resource: 'imports', label: 'Imports', singular: 'Import', phrase: 'imports' },
  { resource: 'supply-relationships', label: 'Supply relationships', singular: 'Supply relationship', phrase: 'supply relationships' },
  { resource: 'scorecards', label: 'Scorecards', singular: 'Scorecard', phrase: 'scorecards' },
  { resource: 'corrective-action-plans', label: 'Corrective actions', singular: 'Corrective action plan', phrase: 'corrective action plans' },
  { resource: 'periods', label: 'Periods', singular: 'Period', phrase: 'periods' },
  { resource: 'metric-definitions', label: 'Metric catalogue', singular: 'Metric', phrase: 'metrics' },
  { resource: 'metric-goals', label: 'Baselines and goals', singular: 'Baseline and goal', phrase: 'baselines and goals' },
  { resource: 'scorecard-templates', label: 'Scorecard templates', singular: 'Scorecard template', phrase: 'scorecard templates' },
  { resource: 'users', label: 'Users', singular: 'User', phrase: 'users' },
  { resource: 'invitations', label: 'Invitations', singular: 'Invitation', phrase: 'invitations' },
  { resource: 'role-assignments', label: 'Role assignments', singular: 'Role assignment', phrase: 'role assignments' },
  { resource: 'api-keys', label: 'API keys', singular: 'API key', phrase: 'API keys' },
  { resource: 'audit-events', label: 'Audit events', singular: 'Audit event', phrase: 'audit events' },
  { resource: 'outbox', label: 'Outbox', singular: 'Outbox message', phrase: 'outbox messages' },
  { resource: 'background-jobs', label: 'Background work', singular: 'Background job', phrase: 'background jobs' },
] as const;

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
