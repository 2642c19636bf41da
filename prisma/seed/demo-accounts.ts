import type { Role } from '@tandem/contracts';

/** The one password of every demo account (README, tests, benchmarks). Never production. */
export const DEMO_PASSWORD = 'tandem-demo-2026';

export interface DemoAccount {
  email: string;
  role: Role;
  /** null only for the platform admin */
  consortiumSlug: string | null;
  /** the organisation the role acts for (Organisation.code), null for staff roles */
  organisationCode: string | null;
  name: string;
}

/** One account per role, so every screen and permission can be tried by logging in. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: 'platform@tandem.demo', role: 'platform_admin', consortiumSlug: null, organisationCode: null, name: 'Priya Raman' },
  { email: 'staff.admin@glmp.demo', role: 'consortium_staff', consortiumSlug: 'glmp', organisationCode: null, name: 'Margaret Kowalski' },
  { email: 'supplier.admin@acme-castings.demo', role: 'firm_admin', consortiumSlug: 'glmp', organisationCode: 'acme-castings', name: 'Daniel Schultz' },
  { email: 'contributor@acme-castings.demo', role: 'firm_contributor', consortiumSlug: 'glmp', organisationCode: 'acme-castings', name: 'Rosa Hernandez' },
  { email: 'supplier.admin@badger-machining.demo', role: 'firm_admin', consortiumSlug: 'glmp', organisationCode: 'badger-machining', name: 'Tom Nowak' },
  { email: 'buyer@northstar-engines.demo', role: 'customer_buyer', consortiumSlug: 'glmp', organisationCode: 'northstar-engines', name: 'Karen Lindqvist' },
  // a representative of United Steelworkers Local 1343, which represents Acme Castings and two other foundries (training-plans.ts)
  { email: 'union@glmp.demo', role: 'union_representative', consortiumSlug: 'glmp', organisationCode: 'usw-1343', name: 'Luis Ortega' },
  { email: 'trainer@lakeshore-tech.demo', role: 'trainer', consortiumSlug: 'glmp', organisationCode: 'lakeshore-tech', name: 'Janet Vogel' },
  { email: 'funder@wi-workforce.demo', role: 'funder', consortiumSlug: 'glmp', organisationCode: 'wi-workforce', name: 'Marcus Bell' },
  { email: 'staff.admin@fvsn.demo', role: 'consortium_staff', consortiumSlug: 'fvsn', organisationCode: null, name: 'Heather Jansen' },
  { email: 'supplier.admin@fox-cities-gear.demo', role: 'firm_admin', consortiumSlug: 'fvsn', organisationCode: 'fox-cities-gear', name: 'Brian Vang' },
];
