import { ROLE_LABELS, type Role } from '@tandem/contracts';

/**
 * A role where it acts, as people say it: "Firm contributor at Acme Castings (Great Lakes
 * Manufacturing Partnership)", "Consortium staff of Fox Valley Supplier Network".
 */
export function roleWhere(role: Role, organisationName: string | null | undefined, consortiumName: string | null | undefined): string {
  const label = ROLE_LABELS[role];
  if (organisationName) return consortiumName ? `${label} at ${organisationName} (${consortiumName})` : `${label} at ${organisationName}`;
  if (consortiumName) return `${label} of ${consortiumName}`;
  return label;
}
