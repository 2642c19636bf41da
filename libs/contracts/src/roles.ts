/** Roles of domain.md. Values equal the database enum `Role`. */
export const ROLES = [
  'platform_admin',
  'consortium_staff',
  'firm_admin',
  'firm_contributor',
  'customer_buyer',
  'union_representative',
  'trainer',
  'funder',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  platform_admin: 'Platform admin',
  consortium_staff: 'Consortium staff',
  firm_admin: 'Firm admin',
  firm_contributor: 'Firm contributor',
  customer_buyer: 'Customer buyer',
  union_representative: 'Union representative',
  trainer: 'Trainer',
  funder: 'Funder',
};

/** Roles that act for one organisation and therefore must name it. */
export const ORGANISATION_ROLES: readonly Role[] = [
  'firm_admin',
  'firm_contributor',
  'customer_buyer',
  'union_representative',
  'trainer',
  'funder',
];
