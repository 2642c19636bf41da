import type { OrganisationKind } from './enums';

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

/**
 * Kinds of organisation a role can act for, where the role says what the body is: a buyer
 * acts for a customer, a union representative for its union (which represents member firms
 * through UnionRepresentation rows, kept by staff), a trainer for a provider of training, a
 * funder for a funding body. Roles not listed act for any member (firm people).
 */
export const ROLE_ORGANISATION_KINDS: Partial<Record<Role, readonly OrganisationKind[]>> = {
  customer_buyer: ['customer'],
  union_representative: ['union'],
  trainer: ['training_provider', 'college', 'extension_centre'],
  funder: ['funder', 'agency'],
};

/** Roles a firm admin may offer: people of their own firm (a buyer only at a customer). */
export const FIRM_ADMIN_GRANTS: readonly Role[] = ['firm_admin', 'firm_contributor', 'customer_buyer'];
