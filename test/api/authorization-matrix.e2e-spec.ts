import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { can, type Permission, type Role } from '@tandem/contracts';
import { reportAudienceOf, reportRevisions } from '@tandem/server';
import { DEMO_PASSWORD } from '../../prisma/seed/demo-accounts';
import { call, q, startApi, type TestApi } from './support/api';
import {
  EMAIL,
  createApiKey,
  createMember,
  createOrganisation,
  dbPool,
  invite,
  loadDemo,
  sendInvitation,
  loginPair,
  session,
  uniq,
  type Account,
  type Demo,
  type DemoOrg,
} from './support/fixtures';

/**
 * The authorization matrix: route × principal × target → expected status, run against the
 * live API. Every expectation is written out below; nothing is computed from the code under
 * test, so a change to permissions (libs/contracts/src/permissions.ts) or to tenant/firm
 * scoping (libs/server/src/database/scope.ts) fails here until the table is changed too.
 *
 * Principals: one demo account per role, an API key of Acme Castings (acts as a firm
 * contributor of Acme), and no credentials at all.
 *
 * Targets:
 * - `collection`: the list (GET) or create (POST) route itself
 * - `self`: the principal's own user / role assignment / session
 * - `own`: a record of the principal's own firm (Acme Castings for staff and the platform
 *   admin) in its own consortium (glmp)
 * - `other-firm`: Badger Machining's record, another member of glmp
 * - `other-consortium`: a record of the Fox Valley Supplier Network (fvsn)
 *
 * Rules the table states explicitly, row by row:
 * - a role without the route's permission gets 403, and it gets 403 for foreign records too:
 *   the guard checks the permission before any record is looked up, so 403 reveals nothing
 *   about the record;
 * - a role with the permission gets 404 for a record outside its scope, never 403 and never
 *   the record;
 * - a create that names a parent outside the caller's scope (organisation, consortium, user)
 *   is a 400 naming that field — the same answer as for an id that does not exist;
 * - no credentials → 401 on every route but the public ones.
 */

/**
 * Modules whose authorization rows live in their own table files (same shape: route × role ×
 * own / other firm / other consortium), run as their own tests. The coverage test below
 * checks that every documented route of those modules appears in its table.
 */
const DELEGATED: { file: string; prefixes: string[] }[] = [
  { file: 'performance-authz.e2e-spec.ts', prefixes: ['/api/metric-definitions', '/api/periods', '/api/metric-values', '/api/metric-goals'] },
  { file: 'scorecards-authz.e2e-spec.ts', prefixes: ['/api/supply-relationships', '/api/scorecard-templates', '/api/scorecards', '/api/corrective-action-plans'] },
  { file: 'imports-authz.e2e-spec.ts', prefixes: ['/api/imports'] },
  { file: 'customer-feedback.e2e-spec.ts', prefixes: ['/api/customer-feedback'] },
  { file: 'talent-circulation.e2e-spec.ts', prefixes: ['/api/talent-circulation'] },
  { file: 'demand-surveys-authz.e2e-spec.ts', prefixes: ['/api/demand-surveys'] },
  { file: 'training-figures.e2e-spec.ts', prefixes: ['/api/training-figures'] },
  { file: 'training-plans-authz.e2e-spec.ts', prefixes: ['/api/training-plans', '/api/union-representations'] },
  { file: 'commitments-authz.e2e-spec.ts', prefixes: ['/api/charters', '/api/commitments', '/api/commitment-reviews', '/api/reciprocity'] },
  {
    file: 'training-authz.e2e-spec.ts',
    prefixes: ['/api/curricula', '/api/grants', '/api/course-sessions', '/api/trainees', '/api/enrolments', '/api/training-activities', '/api/workforce-years', '/api/wage-steps'],
  },
];

const PRINCIPALS = [
  'platform_admin',
  'consortium_staff',
  'firm_admin',
  'firm_contributor',
  'customer_buyer',
  'union_representative',
  'trainer',
  'funder',
  'api_key',
  'anonymous',
] as const;
type Principal = (typeof PRINCIPALS)[number];
type UserPrincipal = Exclude<Principal, 'api_key' | 'anonymous'>;
type Target = 'collection' | 'self' | 'own' | 'other-firm' | 'other-consortium';

/** One expectation; `null` in the table = not applicable (no row). */
export interface MatrixRow {
  route: string;
  role: Principal;
  target: Target;
  expect: number;
}

type Cols = [number | null, number | null, number | null, number | null, number | null, number | null, number | null, number | null, number | null, number | null];
type TableLine = [route: string, target: Target, statuses: Cols];

// prettier-ignore
const TABLE: TableLine[] = [
  //                                                         platform staff  f.admin contrib buyer  union  trainer funder apikey anon
  // consortia ------------------------------------------------------------------------------------------------------------
  ['GET /api/consortia',                    'collection',      [200,     200,   200,    200,    200,   200,   200,    200,   200,   401]],
  ['GET /api/consortia/:id',                'own',             [200,     200,   200,    200,    200,   200,   200,    200,   200,   401]],
  ['GET /api/consortia/:id',                'other-consortium',[200,     404,   404,    404,    404,   404,   404,    404,   404,   401]],
  ['POST /api/consortia',                   'collection',      [201,     403,   403,    403,    403,   403,   403,    403,   403,   401]],
  ['PUT /api/consortia/:id',                'own',             [200,     200,   403,    403,    403,   403,   403,    403,   403,   401]],
  ['PUT /api/consortia/:id',                'other-consortium',[200,     404,   403,    403,    403,   403,   403,    403,   403,   401]],
  ['PATCH /api/consortia/:id',              'own',             [200,     200,   403,    403,    403,   403,   403,    403,   403,   401]],
  ['PATCH /api/consortia/:id',              'other-consortium',[200,     404,   403,    403,    403,   403,   403,    403,   403,   401]],
  // organisations --------------------------------------------------------------------------------------------------------
  ['GET /api/organisations',                'collection',      [200,     200,   200,    200,    200,   200,   200,    200,   200,   401]],
  ['GET /api/organisations/:id',            'own',             [200,     200,   200,    200,    200,   200,   200,    200,   200,   401]],
  ['GET /api/organisations/:id',            'other-firm',      [200,     200,   404,    404,    404,   404,   404,    404,   404,   401]],
  ['GET /api/organisations/:id',            'other-consortium',[200,     404,   404,    404,    404,   404,   404,    404,   404,   401]],
  ['POST /api/organisations',               'collection',      [201,     201,   403,    403,    403,   403,   403,    403,   403,   401]],
  ['PUT /api/organisations/:id',            'own',             [200,     200,   200,    403,    403,   403,   403,    403,   403,   401]],
  ['PUT /api/organisations/:id',            'other-firm',      [200,     200,   404,    403,    403,   403,   403,    403,   403,   401]],
  ['PUT /api/organisations/:id',            'other-consortium',[200,     404,   404,    403,    403,   403,   403,    403,   403,   401]],
  ['PATCH /api/organisations/:id',          'own',             [200,     200,   200,    403,    403,   403,   403,    403,   403,   401]],
  ['PATCH /api/organisations/:id',          'other-firm',      [200,     200,   404,    403,    403,   403,   403,    403,   403,   401]],
  ['PATCH /api/organisations/:id',          'other-consortium',[200,     404,   404,    403,    403,   403,   403,    403,   403,   401]],
  ['DELETE /api/organisations/:id',         'own',             [200,     200,   403,    403,    403,   403,   403,    403,   403,   401]],
  ['DELETE /api/organisations/:id',         'other-firm',      [200,     200,   403,    403,    403,   403,   403,    403,   403,   401]],
  ['DELETE /api/organisations/:id',         'other-consortium',[200,     404,   403,    403,    403,   403,   403,    403,   403,   401]],
  // memberships ----------------------------------------------------------------------------------------------------------
  ['GET /api/memberships',                  'collection',      [200,     200,   200,    200,    200,   200,   200,    403,   200,   401]],
  ['GET /api/memberships/:id',              'own',             [200,     200,   200,    200,    200,   200,   200,    403,   200,   401]],
  ['GET /api/memberships/:id',              'other-firm',      [200,     200,   404,    404,    404,   404,   404,    403,   404,   401]],
  ['GET /api/memberships/:id',              'other-consortium',[200,     404,   404,    404,    404,   404,   404,    403,   404,   401]],
  ['POST /api/memberships',                 'own',             [201,     201,   403,    403,    403,   403,   403,    403,   403,   401]],
  ['POST /api/memberships',                 'other-consortium',[201,     400,   403,    403,    403,   403,   403,    403,   403,   401]],
  ['PUT /api/memberships/:id',              'own',             [200,     200,   403,    403,    403,   403,   403,    403,   403,   401]],
  ['PUT /api/memberships/:id',              'other-firm',      [200,     200,   403,    403,    403,   403,   403,    403,   403,   401]],
  ['PUT /api/memberships/:id',              'other-consortium',[200,     404,   403,    403,    403,   403,   403,    403,   403,   401]],
  ['PATCH /api/memberships/:id',            'own',             [200,     200,   403,    403,    403,   403,   403,    403,   403,   401]],
  ['PATCH /api/memberships/:id',            'other-firm',      [200,     200,   403,    403,    403,   403,   403,    403,   403,   401]],
  ['PATCH /api/memberships/:id',            'other-consortium',[200,     404,   403,    403,    403,   403,   403,    403,   403,   401]],
  ['POST /api/memberships/:id/transition',  'own',             [200,     200,   403,    403,    403,   403,   403,    403,   403,   401]],
  ['POST /api/memberships/:id/transition',  'other-firm',      [200,     200,   403,    403,    403,   403,   403,    403,   403,   401]],
  ['POST /api/memberships/:id/transition',  'other-consortium',[200,     404,   403,    403,    403,   403,   403,    403,   403,   401]],
  // users ----------------------------------------------------------------------------------------------------------------
  ['GET /api/users',                        'collection',      [200,     200,   200,    200,    200,   200,   200,    403,   200,   401]],
  ['GET /api/users/:id',                    'self',            [200,     200,   200,    200,    200,   200,   200,    403,   null,  null]],
  ['GET /api/users/:id',                    'own',             [200,     200,   200,    404,    404,   404,   404,    403,   404,   401]],
  ['GET /api/users/:id',                    'other-firm',      [200,     200,   404,    404,    404,   404,   404,    403,   404,   401]],
  ['GET /api/users/:id',                    'other-consortium',[200,     404,   404,    404,    404,   404,   404,    403,   404,   401]],
  ['PUT /api/users/:id',                    'self',            [200,     403,   403,    403,    403,   403,   403,    403,   null,  null]],
  ['PUT /api/users/:id',                    'own',             [200,     403,   403,    403,    403,   403,   403,    403,   403,   401]],
  ['PUT /api/users/:id',                    'other-firm',      [200,     403,   403,    403,    403,   403,   403,    403,   403,   401]],
  ['PUT /api/users/:id',                    'other-consortium',[200,     403,   403,    403,    403,   403,   403,    403,   403,   401]],
  ['PATCH /api/users/:id',                  'self',            [200,     403,   403,    403,    403,   403,   403,    403,   null,  null]],
  ['PATCH /api/users/:id',                  'own',             [200,     403,   403,    403,    403,   403,   403,    403,   403,   401]],
  ['PATCH /api/users/:id',                  'other-firm',      [200,     403,   403,    403,    403,   403,   403,    403,   403,   401]],
  ['PATCH /api/users/:id',                  'other-consortium',[200,     403,   403,    403,    403,   403,   403,    403,   403,   401]],
  // invitations: the only way a role comes to exist; what an inviter sent, within its scope
  ['GET /api/invitations',                  'collection',      [200,     200,   200,    403,    403,   403,   403,    403,   403,   401]],
  ['GET /api/invitations/:id',              'own',             [200,     200,   200,    403,    403,   403,   403,    403,   403,   401]],
  ['GET /api/invitations/:id',              'other-firm',      [200,     200,   404,    403,    403,   403,   403,    403,   403,   401]],
  ['GET /api/invitations/:id',              'other-consortium',[200,     404,   404,    403,    403,   403,   403,    403,   403,   401]],
  ['POST /api/invitations',                 'own',             [201,     201,   201,    403,    403,   403,   403,    403,   403,   401]],
  ['POST /api/invitations',                 'other-firm',      [201,     201,   400,    403,    403,   403,   403,    403,   403,   401]],
  ['POST /api/invitations',                 'other-consortium',[201,     400,   400,    403,    403,   403,   403,    403,   403,   401]],
  ['DELETE /api/invitations/:id',           'own',             [200,     200,   200,    403,    403,   403,   403,    403,   403,   401]],
  ['DELETE /api/invitations/:id',           'other-firm',      [200,     200,   404,    403,    403,   403,   403,    403,   403,   401]],
  ['DELETE /api/invitations/:id',           'other-consortium',[200,     404,   404,    403,    403,   403,   403,    403,   403,   401]],
  // role assignments: suspended, reactivated or revoked within one's scope; never created here
  ['GET /api/role-assignments',             'collection',      [200,     200,   200,    403,    403,   403,   403,    403,   403,   401]],
  ['GET /api/role-assignments/:id',         'self',            [200,     200,   200,    403,    403,   403,   403,    403,   null,  null]],
  ['GET /api/role-assignments/:id',         'own',             [200,     200,   200,    403,    403,   403,   403,    403,   403,   401]],
  ['GET /api/role-assignments/:id',         'other-firm',      [200,     200,   404,    403,    403,   403,   403,    403,   403,   401]],
  ['GET /api/role-assignments/:id',         'other-consortium',[200,     404,   404,    403,    403,   403,   403,    403,   403,   401]],
  ['PUT /api/role-assignments/:id',         'own',             [200,     200,   200,    403,    403,   403,   403,    403,   403,   401]],
  ['PUT /api/role-assignments/:id',         'other-firm',      [200,     200,   404,    403,    403,   403,   403,    403,   403,   401]],
  ['PUT /api/role-assignments/:id',         'other-consortium',[200,     404,   404,    403,    403,   403,   403,    403,   403,   401]],
  ['PATCH /api/role-assignments/:id',       'own',             [200,     200,   200,    403,    403,   403,   403,    403,   403,   401]],
  ['PATCH /api/role-assignments/:id',       'other-firm',      [200,     200,   404,    403,    403,   403,   403,    403,   403,   401]],
  ['PATCH /api/role-assignments/:id',       'other-consortium',[200,     404,   404,    403,    403,   403,   403,    403,   403,   401]],
  ['DELETE /api/role-assignments/:id',      'own',             [200,     200,   200,    403,    403,   403,   403,    403,   403,   401]],
  ['DELETE /api/role-assignments/:id',      'other-firm',      [200,     200,   404,    403,    403,   403,   403,    403,   403,   401]],
  ['DELETE /api/role-assignments/:id',      'other-consortium',[200,     404,   404,    403,    403,   403,   403,    403,   403,   401]],
  // API keys -------------------------------------------------------------------------------------------------------------
  ['GET /api/api-keys',                     'collection',      [200,     200,   200,    403,    403,   403,   403,    403,   403,   401]],
  ['GET /api/api-keys/:id',                 'own',             [200,     200,   200,    403,    403,   403,   403,    403,   403,   401]],
  ['GET /api/api-keys/:id',                 'other-firm',      [200,     200,   404,    403,    403,   403,   403,    403,   403,   401]],
  ['GET /api/api-keys/:id',                 'other-consortium',[200,     404,   404,    403,    403,   403,   403,    403,   403,   401]],
  ['POST /api/api-keys',                    'own',             [201,     201,   201,    403,    403,   403,   403,    403,   403,   401]],
  ['POST /api/api-keys',                    'other-firm',      [201,     201,   400,    403,    403,   403,   403,    403,   403,   401]],
  ['POST /api/api-keys',                    'other-consortium',[201,     400,   400,    403,    403,   403,   403,    403,   403,   401]],
  ['DELETE /api/api-keys/:id',              'own',             [200,     200,   200,    403,    403,   403,   403,    403,   403,   401]],
  ['DELETE /api/api-keys/:id',              'other-firm',      [200,     200,   404,    403,    403,   403,   403,    403,   403,   401]],
  ['DELETE /api/api-keys/:id',              'other-consortium',[200,     404,   404,    403,    403,   403,   403,    403,   403,   401]],
  // audit trail ----------------------------------------------------------------------------------------------------------
  ['GET /api/audit-events',                 'collection',      [200,     200,   200,    403,    403,   403,   403,    403,   403,   401]],
  ['GET /api/audit-events/:id',             'own',             [200,     200,   200,    403,    403,   403,   403,    403,   403,   401]],
  ['GET /api/audit-events/:id',             'other-firm',      [200,     200,   404,    403,    403,   403,   403,    403,   403,   401]],
  ['GET /api/audit-events/:id',             'other-consortium',[200,     404,   404,    403,    403,   403,   403,    403,   403,   401]],
  // outbox ---------------------------------------------------------------------------------------------------------------
  ['GET /api/outbox',                       'collection',      [200,     200,   403,    403,    403,   403,   403,    403,   403,   401]],
  ['GET /api/outbox/:id',                   'own',             [200,     200,   403,    403,    403,   403,   403,    403,   403,   401]],
  ['GET /api/outbox/:id',                   'other-firm',      [200,     200,   403,    403,    403,   403,   403,    403,   403,   401]],
  ['GET /api/outbox/:id',                   'other-consortium',[200,     404,   403,    403,    403,   403,   403,    403,   403,   401]],
  // background work of a consortium, for its staff
  ['GET /api/background-jobs',              'collection',      [200,     200,   403,    403,    403,   403,   403,    403,   403,   401]],
  ['GET /api/background-jobs/:id',          'own',             [200,     200,   403,    403,    403,   403,   403,    403,   403,   401]],
  ['GET /api/background-jobs/:id',          'other-consortium',[200,     404,   403,    403,    403,   403,   403,    403,   403,   401]],
  // Bull Board sessions: every consortium's jobs, so the platform operator's only
  ['POST /api/queue-board/session',         'collection',      [204,     403,   403,    403,    403,   403,   403,    403,   403,   401]],
  // dashboard ------------------------------------------------------------------------------------------------------------
  ['GET /api/dashboard',                    'collection',      [200,     200,   403,    403,    403,   403,   403,    200,   403,   401]],
  // benchmarks: cells through disclosure control; a supply base is its customer's; runs are staff's
  ['GET /api/peer-groups',                  'collection',      [200,     200,   200,    200,    200,   403,   403,    200,   200,   401]],
  ['GET /api/peer-groups/:id',              'own',             [200,     200,   200,    200,    200,   403,   403,    200,   200,   401]],
  ['GET /api/peer-groups/:id',              'other-firm',      [200,     200,   404,    404,    404,   403,   403,    404,   404,   401]],
  ['GET /api/peer-groups/:id',              'other-consortium',[200,     404,   404,    404,    404,   403,   403,    404,   404,   401]],
  ['POST /api/peer-groups',                 'own',             [400,     201,   403,    403,    403,   403,   403,    403,   403,   401]],
  ['POST /api/peer-groups',                 'other-consortium',[400,     400,   403,    403,    403,   403,   403,    403,   403,   401]],
  ['PUT /api/peer-groups/:id',              'own',             [200,     200,   403,    403,    403,   403,   403,    403,   403,   401]],
  ['PUT /api/peer-groups/:id',              'other-firm',      [409,     409,   403,    403,    403,   403,   403,    403,   403,   401]],
  ['PUT /api/peer-groups/:id',              'other-consortium',[200,     404,   403,    403,    403,   403,   403,    403,   403,   401]],
  ['PATCH /api/peer-groups/:id',            'own',             [200,     200,   403,    403,    403,   403,   403,    403,   403,   401]],
  ['PATCH /api/peer-groups/:id',            'other-consortium',[200,     404,   403,    403,    403,   403,   403,    403,   403,   401]],
  ['DELETE /api/peer-groups/:id',           'own',             [200,     200,   403,    403,    403,   403,   403,    403,   403,   401]],
  ['DELETE /api/peer-groups/:id',           'other-firm',      [409,     409,   403,    403,    403,   403,   403,    403,   403,   401]],
  ['DELETE /api/peer-groups/:id',           'other-consortium',[200,     404,   403,    403,    403,   403,   403,    403,   403,   401]],
  ['GET /api/benchmark-runs',               'collection',      [200,     200,   403,    403,    403,   403,   403,    403,   403,   401]],
  ['GET /api/benchmark-runs/:id',           'own',             [200,     200,   403,    403,    403,   403,   403,    403,   403,   401]],
  ['GET /api/benchmark-runs/:id',           'other-consortium',[200,     404,   403,    403,    403,   403,   403,    403,   403,   401]],
  ['POST /api/benchmark-runs',              'own',             [202,     202,   403,    403,    403,   403,   403,    403,   403,   401]],
  ['POST /api/benchmark-runs',              'other-consortium',[202,     400,   403,    403,    403,   403,   403,    403,   403,   401]],
  ['GET /api/benchmark-cells',              'collection',      [200,     200,   200,    200,    200,   403,   403,    200,   200,   401]],
  ['GET /api/benchmark-cells/:id',          'own',             [200,     200,   200,    200,    200,   403,   403,    200,   200,   401]],
  ['GET /api/benchmark-cells/:id',          'other-firm',      [200,     200,   404,    404,    404,   403,   403,    404,   404,   401]],
  ['GET /api/benchmark-cells/:id',          'other-consortium',[200,     404,   404,    404,    404,   403,   403,    404,   404,   401]],
  ['GET /api/standings',                    'collection',      [200,     200,   200,    200,    403,   403,   403,    403,   200,   401]],
  ['GET /api/standings/:id',                'own',             [200,     200,   200,    200,    403,   403,   403,    403,   200,   401]],
  ['GET /api/standings/:id',                'other-firm',      [200,     200,   404,    404,    403,   403,   403,    403,   404,   401]],
  ['GET /api/standings/:id',                'other-consortium',[200,     404,   404,    404,    403,   403,   403,    403,   404,   401]],
  // a member's report (PDF) of a published period: its own people (a customer's through its buyers), staff; another firm's is not found
  ['GET /api/benchmark-reports/:organisationId/:periodId.pdf','own',[200, 200,   200,    200,    200,   403,   403,    403,   200,   401]],
  ['GET /api/benchmark-reports/:organisationId/:periodId.pdf','other-firm',[200, 200, 404, 404,   404,   403,   403,    403,   404,   401]],
  ['GET /api/benchmark-reports/:organisationId/:periodId.pdf','other-consortium',[200, 404, 404, 404, 404, 403,  403,    403,   404,   401]],
  // what a supplier shares with a customer: the supplier decides; its customer reads what concerns it
  ['GET /api/sharing-settings',             'collection',      [200,     200,   200,    200,    200,   403,   403,    403,   200,   401]],
  ['GET /api/sharing-settings/:id',         'own',             [200,     200,   200,    200,    200,   403,   403,    403,   200,   401]],
  ['GET /api/sharing-settings/:id',         'other-firm',      [200,     200,   404,    404,    404,   403,   403,    403,   404,   401]],
  ['GET /api/sharing-settings/:id',         'other-consortium',[200,     404,   404,    404,    404,   403,   403,    403,   404,   401]],
  ['POST /api/sharing-settings',            'own',             [403,     403,   201,    403,    403,   403,   403,    403,   403,   401]],
  ['POST /api/sharing-settings',            'other-firm',      [403,     403,   400,    403,    403,   403,   403,    403,   403,   401]],
  ['PUT /api/sharing-settings/:id',         'own',             [403,     403,   200,    403,    403,   403,   403,    403,   403,   401]],
  ['PUT /api/sharing-settings/:id',         'other-firm',      [403,     403,   404,    403,    403,   403,   403,    403,   403,   401]],
  ['PUT /api/sharing-settings/:id',         'other-consortium',[403,     403,   404,    403,    403,   403,   403,    403,   403,   401]],
  ['PATCH /api/sharing-settings/:id',       'own',             [403,     403,   200,    403,    403,   403,   403,    403,   403,   401]],
  ['PATCH /api/sharing-settings/:id',       'other-firm',      [403,     403,   404,    403,    403,   403,   403,    403,   403,   401]],
  ['DELETE /api/sharing-settings/:id',      'own',             [403,     403,   200,    403,    403,   403,   403,    403,   403,   401]],
  ['DELETE /api/sharing-settings/:id',      'other-firm',      [403,     403,   404,    403,    403,   403,   403,    403,   403,   401]],
  ['DELETE /api/sharing-settings/:id',      'other-consortium',[403,     403,   404,    403,    403,   403,   403,    403,   403,   401]],
  // auth: any authenticated principal; an API key has no user session, so `me` is 401 for it
  ['GET /api/auth/me',                      'self',            [200,     200,   200,    200,    200,   200,   200,    200,   401,   401]],
  ['POST /api/auth/logout',                 'self',            [204,     204,   204,    204,    204,   204,   204,    204,   204,   401]],
  // my profile: any signed-in person; an API key has no profile (401)
  ['GET /api/profile',                      'self',            [200,     200,   200,    200,    200,   200,   200,    200,   401,   401]],
  ['PATCH /api/profile',                    'self',            [200,     200,   200,    200,    200,   200,   200,    200,   401,   401]],
  ['POST /api/profile/password',            'self',            [400,     400,   400,    400,    400,   400,   400,    400,   401,   401]],
  ['POST /api/profile/sign-out-everywhere', 'self',            [204,     204,   204,    204,    204,   204,   204,    204,   401,   401]],
  ['GET /api/profile/invitations',          'self',            [200,     200,   200,    200,    200,   200,   200,    200,   401,   401]],
  // someone else's invitation: nobody accepts or declines it, whatever their role
  ['POST /api/profile/invitations/:id/accept','other-firm',    [404,     404,   404,    404,    404,   404,   404,    404,   401,   401]],
  ['POST /api/profile/invitations/:id/decline','other-firm',   [404,     404,   404,    404,    404,   404,   404,    404,   401,   401]],
  // public routes: reachable without credentials (the invitation routes refuse the bogus token as a bad request, not as 401;
  // /metrics takes the scraper's METRICS_TOKEN, not a user's: the row sends it)
  ['POST /api/auth/login',                  'collection',      [null,    null,  null,   null,   null,  null,  null,   null,  null,  200]],
  ['POST /api/auth/refresh',                'collection',      [null,    null,  null,   null,   null,  null,  null,   null,  null,  200]],
  ['POST /api/auth/accept-invite',          'collection',      [null,    null,  null,   null,   null,  null,  null,   null,  null,  400]],
  ['POST /api/auth/invitation-preview',     'collection',      [null,    null,  null,   null,   null,  null,  null,   null,  null,  400]],
  ['POST /api/auth/decline-invite',         'collection',      [null,    null,  null,   null,   null,  null,  null,   null,  null,  400]],
  ['GET /health',                           'collection',      [null,    null,  null,   null,   null,  null,  null,   null,  null,  200]],
  ['GET /health/ready',                     'collection',      [null,    null,  null,   null,   null,  null,  null,   null,  null,  200]],
  ['GET /metrics',                          'collection',      [null,    null,  null,   null,   null,  null,  null,   null,  null,  200]],
];

export const MATRIX: MatrixRow[] = TABLE.flatMap(([route, target, statuses]) =>
  PRINCIPALS.flatMap((role, i) => {
    const expect = statuses[i];
    return expect === null || expect === undefined ? [] : [{ route, role, target, expect }];
  }),
);

const ACCOUNT_OF: Record<UserPrincipal, Account> = {
  platform_admin: 'platform',
  consortium_staff: 'staff',
  firm_admin: 'acmeAdmin',
  firm_contributor: 'acmeContributor',
  customer_buyer: 'buyer',
  union_representative: 'union',
  trainer: 'trainer',
  funder: 'funder',
};

/** The firm a principal acts for; staff and the platform admin take Acme as "their" glmp member. */
const OWN_ORG: Record<Principal, DemoOrg> = {
  platform_admin: 'acme',
  consortium_staff: 'acme',
  firm_admin: 'acme',
  firm_contributor: 'acme',
  customer_buyer: 'northstar',
  union_representative: 'usw', // USW Local 1343, the union that represents Acme Castings
  trainer: 'lakeshore',
  funder: 'wiWorkforce',
  api_key: 'acme',
  anonymous: 'acme',
};

const ROLE_OF: Record<Exclude<Principal, 'anonymous'>, Role> = {
  platform_admin: 'platform_admin',
  consortium_staff: 'consortium_staff',
  firm_admin: 'firm_admin',
  firm_contributor: 'firm_contributor',
  customer_buyer: 'customer_buyer',
  union_representative: 'union_representative',
  trainer: 'trainer',
  funder: 'funder',
  api_key: 'firm_contributor', // an organisation's API key acts as a firm contributor
};

const COLLEAGUE_ORGS: DemoOrg[] = ['acme', 'northstar', 'usw', 'lakeshore', 'wiWorkforce', 'badger', 'fox'];

interface Colleague {
  userId: string;
  roleAssignmentId: string;
  outboxId: string;
  invitationId: string;
}

/** Everything the rows act on, made or looked up once. */
interface World {
  api: TestApi;
  pool: Pool;
  demo: Demo;
  tokens: Record<Exclude<Principal, 'anonymous'>, string>;
  fvsnStaff: string;
  /** a person invited (by staff) into each organisation: "a user of that firm" */
  colleague: Record<DemoOrg, Colleague>;
  apiKey: { own: string; 'other-firm': string; 'other-consortium': string };
  auditEvent: { own: string; 'other-firm': string; 'other-consortium': string };
  /** a pending invitation addressed to nobody the rows act as */
  strangerInvitationId: string;
  backgroundJob: { glmp: string; fvsn: string };
  bench: Bench;
}

type Records = { own: string; 'other-firm': string; 'other-consortium': string };

/** Benchmark records of each target, written straight into PostgreSQL (the worker makes them in production). */
interface Bench {
  /** what is read: own: a public (region) group of glmp; other-firm: the supply base of a glmp customer other than Northstar; other-consortium: a custom group of fvsn */
  peerGroup: Records;
  /** what staff change: own: a custom group of glmp (custom groups are staff's alone); the others as peerGroup */
  editable: Records;
  /** a cell of each of those groups */
  cell: Records;
  /** Acme's and Badger's standings in glmp's cell, Fox's in fvsn's */
  standing: Records;
  run: { own: string; 'other-consortium': string };
  /** a closed period of each consortium */
  closedPeriod: { own: string; 'other-consortium': string };
  /** a published period of each consortium */
  publishedPeriod: { own: string; 'other-consortium': string };
  /** Acme → Northstar, Badger → another customer, Fox → a customer in fvsn */
  sharing: Records;
  /** a customer of Badger's that is not Acme's */
  badgerCustomer: string;
}

async function one(pool: Pool, sql: string, params: unknown[]): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(sql, params);
  if (!rows[0]) throw new Error(`no row: ${sql}`);
  return rows[0].id;
}

async function customGroup(pool: Pool, consortiumId: string, organisationIds: string[]): Promise<string> {
  return one(
    pool,
    `INSERT INTO "PeerGroup" (id, "consortiumId", kind, key, name, "organisationIds", "updatedAt")
     SELECT g, $1, 'custom', g::text, 'Matrix group ' || left(g::text, 8), $2::uuid[], now() FROM gen_random_uuid() g RETURNING id`,
    [consortiumId, organisationIds],
  );
}

async function cellOf(pool: Pool, consortiumId: string, periodId: string, peerGroupId: string): Promise<string> {
  const metricId = await one(pool, `SELECT id FROM "MetricDefinition" WHERE "consortiumId" = $1 ORDER BY code LIMIT 1`, [consortiumId]);
  return one(
    pool,
    `INSERT INTO "BenchmarkCell" (id, "consortiumId", "periodId", "metricId", "peerGroupId", n, median, p25, p75, mean, suppression, "inputRevision", "computedAt", "releasedAt", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, $4, 5, 95, 93, 97, 95, 'fewer_than_k', 'matrix', now(), now(), now())
     ON CONFLICT ("periodId", "metricId", "peerGroupId") DO UPDATE SET "updatedAt" = now() RETURNING id`,
    [consortiumId, periodId, metricId, peerGroupId],
  );
}

async function standingOf(pool: Pool, cellId: string, organisationId: string): Promise<string> {
  return one(
    pool,
    `INSERT INTO "BenchmarkStanding" (id, "consortiumId", "cellId", "organisationId", "periodId", "metricId", "peerGroupId", value, "percentileRank", quartile, "computedAt", "updatedAt")
     SELECT gen_random_uuid(), c."consortiumId", c.id, $2, c."periodId", c."metricId", c."peerGroupId", 95, 50, 2, now(), now() FROM "BenchmarkCell" c WHERE c.id = $1
     ON CONFLICT ("cellId", "organisationId") DO UPDATE SET "updatedAt" = now() RETURNING id`,
    [cellId, organisationId],
  );
}

async function runOf(pool: Pool, consortiumId: string, periodId: string): Promise<string> {
  return one(
    pool,
    `INSERT INTO "BenchmarkRun" (id, "consortiumId", "periodId", reason, "queueJobId", state, progress, cells, "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, 'on_demand', 'benchmarks:matrix-' || gen_random_uuid(), 'completed', 100, 1, now()) RETURNING id`,
    [consortiumId, periodId],
  );
}

async function sharingOf(pool: Pool, consortiumId: string, supplierId: string, customerId: string): Promise<string> {
  return one(
    pool,
    `INSERT INTO "SharingSetting" (id, "consortiumId", "supplierId", "customerId", categories, "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, '{delivery,quality}', now())
     ON CONFLICT ("consortiumId", "supplierId", "customerId") DO UPDATE SET "updatedAt" = now() RETURNING id`,
    [consortiumId, supplierId, customerId],
  );
}

/** A built report of a member's current revision, as the worker stores one (the rows before may have moved the revision). */
async function storedReport(pool: Pool, consortiumId: string, organisationId: string, periodId: string): Promise<void> {
  const { rows } = await pool.query<{ kind: string }>(`SELECT kind::text FROM "Organisation" WHERE id = $1`, [organisationId]);
  const audience = reportAudienceOf(rows[0]?.kind ?? 'supplier');
  const [current] = await reportRevisions(pool, consortiumId, periodId, [{ organisationId, audience }]);
  await pool.query(
    `INSERT INTO "BenchmarkReport" (id, "consortiumId", "organisationId", "periodId", revision, audience, state, progress, snapshot, pdf, "fileName", "generatedAt", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, 'completed', 100, '{}', convert_to('%PDF-1.3 matrix', 'UTF8'), 'matrix.pdf', now(), now())
     ON CONFLICT ("organisationId", "periodId", revision) DO NOTHING`,
    [consortiumId, organisationId, periodId, current?.revision, audience],
  );
}

/** A new customer of Acme's in glmp, so a fresh setting can be made or removed. */
async function newAcmeCustomer(w: World): Promise<string> {
  const code = uniq('mx-cust');
  const id = await one(w.pool, `INSERT INTO "Organisation" (id, code, name, kind, "updatedAt") VALUES (gen_random_uuid(), $1, $1, 'customer', now()) RETURNING id`, [code]);
  await w.pool.query(`INSERT INTO "Membership" (id, "consortiumId", "organisationId", tier, status, "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'anchor_customer', 'active', now())`, [w.demo.consortium.glmp, id]);
  await w.pool.query(
    `INSERT INTO "SupplyRelationship" (id, "consortiumId", "customerId", "supplierId", since, commodity, "spendBand", "sourcingMode", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, '2024-01-01', 'castings', '1-5M USD', 'multi_year', now())`,
    [w.demo.consortium.glmp, id, w.demo.org.acme],
  );
  return id;
}

async function makeBench(pool: Pool, demo: Demo): Promise<Bench> {
  const glmp = demo.consortium.glmp;
  const fvsn = demo.consortium.fvsn;
  const closed = async (c: string): Promise<string> =>
    one(pool, `SELECT id FROM "Period" WHERE "consortiumId" = $1 AND state <> 'open' ORDER BY "startsOn" LIMIT 1`, [c]).catch(() =>
      one(pool, `UPDATE "Period" SET state = 'closed' WHERE id = (SELECT id FROM "Period" WHERE "consortiumId" = $1 ORDER BY "startsOn" LIMIT 1) RETURNING id`, [c]),
    );
  const closedPeriod = { own: await closed(glmp), 'other-consortium': await closed(fvsn) };
  const otherCustomer = await one(
    pool,
    `SELECT o.id FROM "Organisation" o JOIN "Membership" m ON m."organisationId" = o.id AND m."consortiumId" = $1 WHERE o.kind = 'customer' AND o.id <> $2 ORDER BY o.code LIMIT 1`,
    [glmp, demo.org.northstar],
  );
  const supplyBase = await one(
    pool,
    `INSERT INTO "PeerGroup" (id, "consortiumId", kind, key, name, "customerId", "updatedAt") VALUES (gen_random_uuid(), $1, 'supply_base', $2::text, 'Matrix supply base', $2::uuid, now())
     ON CONFLICT ("consortiumId", kind, key) DO UPDATE SET "updatedAt" = now() RETURNING id`,
    [glmp, otherCustomer],
  );
  const region = await one(
    pool,
    `INSERT INTO "PeerGroup" (id, "consortiumId", kind, key, name, "updatedAt") SELECT g, $1, 'region', 'matrix-' || g::text, 'Matrix region', now() FROM gen_random_uuid() g RETURNING id`,
    [glmp],
  );
  const otherConsortiumGroup = await customGroup(pool, fvsn, [demo.org.fox]);
  const peerGroup = { own: region, 'other-firm': supplyBase, 'other-consortium': otherConsortiumGroup };
  const editable = { own: await customGroup(pool, glmp, [demo.org.acme, demo.org.badger]), 'other-firm': supplyBase, 'other-consortium': otherConsortiumGroup };
  const cell = {
    own: await cellOf(pool, glmp, closedPeriod.own, peerGroup.own),
    'other-firm': await cellOf(pool, glmp, closedPeriod.own, supplyBase),
    'other-consortium': await cellOf(pool, fvsn, closedPeriod['other-consortium'], peerGroup['other-consortium']),
  };
  const badgerCustomer = await one(
    pool,
    `INSERT INTO "Organisation" (id, code, name, kind, "updatedAt") VALUES (gen_random_uuid(), $1, $1, 'customer', now()) RETURNING id`,
    [uniq('mx-badger-cust')],
  );
  await pool.query(`INSERT INTO "Membership" (id, "consortiumId", "organisationId", tier, status, "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'anchor_customer', 'active', now())`, [glmp, badgerCustomer]);
  await pool.query(
    `INSERT INTO "SupplyRelationship" (id, "consortiumId", "customerId", "supplierId", since, commodity, "spendBand", "sourcingMode", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, '2024-01-01', 'machining', '1-5M USD', 'multi_year', now())`,
    [glmp, badgerCustomer, demo.org.badger],
  );
  return {
    peerGroup,
    editable,
    cell,
    standing: {
      own: await standingOf(pool, cell.own, demo.org.acme),
      'other-firm': await standingOf(pool, cell.own, demo.org.badger),
      'other-consortium': await standingOf(pool, cell['other-consortium'], demo.org.fox),
    },
    run: { own: await runOf(pool, glmp, closedPeriod.own), 'other-consortium': await runOf(pool, fvsn, closedPeriod['other-consortium']) },
    closedPeriod,
    publishedPeriod: {
      own: await one(pool, `SELECT id FROM "Period" WHERE "consortiumId" = $1 AND state = 'published' ORDER BY "startsOn" DESC LIMIT 1`, [glmp]),
      'other-consortium': await one(pool, `SELECT id FROM "Period" WHERE "consortiumId" = $1 AND state = 'published' ORDER BY "startsOn" DESC LIMIT 1`, [fvsn]),
    },
    sharing: {
      own: await sharingOf(pool, glmp, demo.org.acme, demo.org.northstar),
      'other-firm': await sharingOf(pool, glmp, demo.org.badger, badgerCustomer),
      'other-consortium': await sharingOf(pool, fvsn, demo.org.fox, demo.org.northstar),
    },
    badgerCustomer,
  };
}

interface Req {
  path: string;
  body?: unknown;
  /** token to send; undefined = none */
  token?: string;
  /** the record the request addresses, if any */
  targetId?: string;
}

type Builder = (w: World, role: Principal, target: Target, refused: boolean) => Promise<Req>;

const tokenOf = (w: World, role: Principal): string | undefined => (role === 'anonymous' ? undefined : w.tokens[role]);

function orgFor(role: Principal, target: Target): DemoOrg {
  return target === 'other-firm' ? 'badger' : target === 'other-consortium' ? 'fox' : OWN_ORG[role];
}

/** Staff of the consortium a target lives in (glmp for own and other-firm, fvsn for other-consortium). */
function staffFor(w: World, target: Target): string {
  return target === 'other-consortium' ? w.fvsnStaff : w.tokens.consortium_staff;
}

function consortiumFor(w: World, target: Target): string {
  return target === 'other-consortium' ? w.demo.consortium.fvsn : w.demo.consortium.glmp;
}

async function column(w: World, table: string, col: string, id: string): Promise<unknown> {
  const { rows } = await w.pool.query<Record<string, unknown>>(`SELECT "${col}" AS v FROM "${table}" WHERE id = $1`, [id]);
  return rows[0]?.['v'];
}

function userIdFor(w: World, role: Principal, target: Target): string {
  if (target === 'self') {
    if (role === 'api_key' || role === 'anonymous') throw new Error(`${role} has no user`);
    return w.demo.user[ACCOUNT_OF[role]];
  }
  if (target === 'other-firm') return w.demo.user.badgerAdmin;
  if (target === 'other-consortium') return w.demo.user.foxAdmin;
  return w.colleague[OWN_ORG[role]].userId;
}

function roleAssignmentIdFor(w: World, role: Principal, target: Target): string {
  if (target === 'self') {
    if (role === 'api_key' || role === 'anonymous') throw new Error(`${role} has no role assignment`);
    return w.demo.roleAssignment[ACCOUNT_OF[role]];
  }
  if (target === 'other-firm') return w.demo.roleAssignment.badgerAdmin;
  if (target === 'other-consortium') return w.demo.roleAssignment.foxAdmin;
  return w.colleague[OWN_ORG[role]].roleAssignmentId;
}

const recordTarget = (target: Target): 'own' | 'other-firm' | 'other-consortium' => {
  if (target === 'own' || target === 'other-firm' || target === 'other-consortium') return target;
  throw new Error(`no record for target ${target}`);
};

const at = (w: World, role: Principal, path: string, targetId?: string, body?: unknown): Req => ({ path, body, token: tokenOf(w, role), targetId });

/** A finished background job of a consortium, as the worker records one. */
async function backgroundJobIn(pool: Pool, consortiumId: string): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO "BackgroundJob" (id, "queueJobId", name, "consortiumId", state, progress, attempts, summary, "updatedAt")
     VALUES (gen_random_uuid(), 'metrics:matrix-' || gen_random_uuid(), 'scorecards.recompute', $1, 'completed', 100, 1, 'scorecards 1', now()) RETURNING id`,
    [consortiumId],
  );
  return rows[0]!.id;
}

/** Where a fresh person of each role is invited to (the same kind of organisation the demo account acts for). */
const FRESH_ORG: Record<UserPrincipal, DemoOrg | null> = {
  platform_admin: null,
  consortium_staff: null,
  firm_admin: 'acme',
  firm_contributor: 'acme',
  customer_buyer: 'northstar',
  union_representative: 'usw',
  trainer: 'lakeshore',
  funder: 'wiWorkforce',
};

/** A session of a person invited just now with `role`: for rows that end every session of their account. */
async function freshPerson(w: World, role: UserPrincipal): Promise<string> {
  const org = FRESH_ORG[role];
  const inviter = role === 'platform_admin' ? w.tokens.platform_admin : w.tokens.consortium_staff;
  const person = await invite(w.api, inviter, { role, ...(org ? { organisationId: w.demo.org[org] } : {}) });
  return person.pair.accessToken;
}

/**
 * How each route is called. Writes use safe payloads (the same name, the same tier) and,
 * where they destroy or consume something (delete, revoke, transition, grant), a record made
 * fresh for that row. Rows expected to be refused (401/403) address an existing record with
 * a payload that would itself be refused or change nothing, so a broken guard cannot damage
 * the fixtures other rows rely on.
 */
const REQUESTS: Record<string, Builder> = {
  // consortia
  'GET /api/consortia': async (w, r) => at(w, r, '/api/consortia'),
  'GET /api/consortia/:id': async (w, r, t) => at(w, r, `/api/consortia/${consortiumFor(w, t)}`, consortiumFor(w, t)),
  'POST /api/consortia': async (w, r) => {
    const slug = uniq('mx');
    return at(w, r, '/api/consortia', undefined, { name: `Matrix ${slug}`, slug, region: 'Nowhere' });
  },
  'PUT /api/consortia/:id': async (w, r, t) => {
    const id = consortiumFor(w, t);
    // PUT replaces: the whole writable record goes back unchanged
    return at(w, r, `/api/consortia/${id}`, id, {
      name: await column(w, 'Consortium', 'name', id),
      slug: await column(w, 'Consortium', 'slug', id),
      region: await column(w, 'Consortium', 'region', id),
    });
  },
  'PATCH /api/consortia/:id': async (w, r, t) => {
    const id = consortiumFor(w, t);
    return at(w, r, `/api/consortia/${id}`, id, { name: await column(w, 'Consortium', 'name', id) });
  },

  // organisations
  'GET /api/organisations': async (w, r) => at(w, r, '/api/organisations'),
  'GET /api/organisations/:id': async (w, r, t) => {
    const id = w.demo.org[orgFor(r, t)];
    return at(w, r, `/api/organisations/${id}`, id);
  },
  'POST /api/organisations': async (w, r) => {
    const code = uniq('mx');
    return at(w, r, '/api/organisations', undefined, { code, name: `Matrix ${code}`, kind: 'supplier' });
  },
  'PUT /api/organisations/:id': async (w, r, t) => {
    const id = w.demo.org[orgFor(r, t)];
    return at(w, r, `/api/organisations/${id}`, id, {
      code: await column(w, 'Organisation', 'code', id),
      name: await column(w, 'Organisation', 'name', id),
      kind: await column(w, 'Organisation', 'kind', id),
    });
  },
  'PATCH /api/organisations/:id': async (w, r, t) => {
    const id = w.demo.org[orgFor(r, t)];
    return at(w, r, `/api/organisations/${id}`, id, { name: await column(w, 'Organisation', 'name', id) });
  },
  'DELETE /api/organisations/:id': async (w, r, t, refused) => {
    // refused: a demo organisation, which has memberships and so could not be deleted anyway
    const id = refused ? w.demo.org[orgFor(r, t)] : (await createOrganisation(w.api, staffFor(w, t))).id;
    return at(w, r, `/api/organisations/${id}`, id);
  },

  // memberships
  'GET /api/memberships': async (w, r) => at(w, r, '/api/memberships'),
  'GET /api/memberships/:id': async (w, r, t) => {
    const id = w.demo.membership[orgFor(r, t)];
    return at(w, r, `/api/memberships/${id}`, id);
  },
  'POST /api/memberships': async (w, r, t, refused) => {
    if (refused) return at(w, r, '/api/memberships', undefined, { consortiumId: w.demo.consortium.glmp, organisationId: w.demo.org.badger, tier: 'supplier' });
    const org = await createOrganisation(w.api, staffFor(w, t));
    return at(w, r, '/api/memberships', undefined, { consortiumId: consortiumFor(w, t), organisationId: org.id, tier: 'supplier' });
  },
  'PUT /api/memberships/:id': async (w, r, t) => {
    const id = w.demo.membership[orgFor(r, t)];
    return at(w, r, `/api/memberships/${id}`, id, { tier: await column(w, 'Membership', 'tier', id) });
  },
  'PATCH /api/memberships/:id': async (w, r, t) => {
    const id = w.demo.membership[orgFor(r, t)];
    return at(w, r, `/api/memberships/${id}`, id, { tier: await column(w, 'Membership', 'tier', id) });
  },
  'POST /api/memberships/:id/transition': async (w, r, t, refused) => {
    if (refused) {
      // active → applicant is never allowed: even a broken guard would change nothing
      const id = w.demo.membership[orgFor(r, t)];
      return at(w, r, `/api/memberships/${id}/transition`, id, { toStatus: 'applicant', reason: 'matrix probe' });
    }
    const { membership } = await createMember(w.api, staffFor(w, t));
    return at(w, r, `/api/memberships/${membership.id}/transition`, membership.id, { toStatus: 'active', reason: 'Matrix admission check' });
  },

  // users
  'GET /api/users': async (w, r) => at(w, r, '/api/users'),
  'GET /api/users/:id': async (w, r, t) => {
    const id = userIdFor(w, r, t);
    return at(w, r, `/api/users/${id}`, id);
  },
  'PUT /api/users/:id': async (w, r, t) => {
    const id = userIdFor(w, r, t);
    return at(w, r, `/api/users/${id}`, id, { name: await column(w, 'User', 'name', id) });
  },
  'PATCH /api/users/:id': async (w, r, t) => {
    const id = userIdFor(w, r, t);
    return at(w, r, `/api/users/${id}`, id, { name: await column(w, 'User', 'name', id) });
  },

  // invitations
  'GET /api/invitations': async (w, r) => at(w, r, '/api/invitations'),
  'GET /api/invitations/:id': async (w, r, t) => {
    const id = w.colleague[orgFor(r, t)].invitationId;
    return at(w, r, `/api/invitations/${id}`, id);
  },
  'POST /api/invitations': async (w, r, t) => {
    const org = orgFor(r, t === 'collection' ? 'own' : t);
    return at(w, r, '/api/invitations', undefined, {
      email: `${uniq('mx')}@example.test`,
      name: 'Matrix Invitee',
      role: 'firm_contributor',
      organisationId: w.demo.org[org],
      consortiumId: consortiumFor(w, t),
    });
  },
  'DELETE /api/invitations/:id': async (w, r, t, refused) => {
    // refused: the colleague's invitation, already accepted, which even a broken guard could not revoke (409)
    const id = refused
      ? w.colleague[orgFor(r, t)].invitationId
      : (await sendInvitation(w.api, staffFor(w, t), { role: 'firm_contributor', organisationId: w.demo.org[orgFor(r, t)] })).id;
    return at(w, r, `/api/invitations/${id}`, id);
  },

  // role assignments
  'GET /api/role-assignments': async (w, r) => at(w, r, '/api/role-assignments'),
  'GET /api/role-assignments/:id': async (w, r, t) => {
    const id = roleAssignmentIdFor(w, r, t);
    return at(w, r, `/api/role-assignments/${id}`, id);
  },
  // {status: 'active'} of an active assignment changes nothing, so every row can use the shared fixtures
  'PUT /api/role-assignments/:id': async (w, r, t) => {
    const id = roleAssignmentIdFor(w, r, t);
    return at(w, r, `/api/role-assignments/${id}`, id, { status: 'active' });
  },
  'PATCH /api/role-assignments/:id': async (w, r, t) => {
    const id = roleAssignmentIdFor(w, r, t);
    return at(w, r, `/api/role-assignments/${id}`, id, { status: 'active' });
  },
  'DELETE /api/role-assignments/:id': async (w, r, t, refused) => {
    let id: string;
    if (refused) id = roleAssignmentIdFor(w, r, t);
    else {
      const user = await invite(w.api, staffFor(w, t), { role: 'firm_contributor', organisationId: w.demo.org[orgFor(r, t)] });
      const { rows } = await w.pool.query<{ id: string }>(`SELECT id FROM "RoleAssignment" WHERE "userId" = $1`, [user.id]);
      id = rows[0]?.id ?? '';
    }
    return at(w, r, `/api/role-assignments/${id}`, id);
  },

  // API keys
  'GET /api/api-keys': async (w, r) => at(w, r, '/api/api-keys'),
  'GET /api/api-keys/:id': async (w, r, t) => {
    const id = w.apiKey[recordTarget(t)];
    return at(w, r, `/api/api-keys/${id}`, id);
  },
  'POST /api/api-keys': async (w, r, t) =>
    at(w, r, '/api/api-keys', undefined, { name: uniq('mx'), organisationId: w.demo.org[orgFor(r, t)], consortiumId: consortiumFor(w, t) }),
  'DELETE /api/api-keys/:id': async (w, r, t, refused) => {
    const id = refused ? w.apiKey[recordTarget(t)] : (await createApiKey(w.api, staffFor(w, t), { organisationId: w.demo.org[orgFor(r, t)] })).id;
    return at(w, r, `/api/api-keys/${id}`, id);
  },

  // audit trail, outbox, dashboard
  'GET /api/audit-events': async (w, r) => at(w, r, '/api/audit-events'),
  'GET /api/audit-events/:id': async (w, r, t) => {
    const id = w.auditEvent[recordTarget(t)];
    return at(w, r, `/api/audit-events/${id}`, id);
  },
  'GET /api/outbox': async (w, r) => at(w, r, '/api/outbox'),
  'GET /api/outbox/:id': async (w, r, t) => {
    const id = w.colleague[orgFor(r, t)].outboxId;
    return at(w, r, `/api/outbox/${id}`, id);
  },
  'GET /api/dashboard': async (w, r) => at(w, r, '/api/dashboard'),
  'POST /api/queue-board/session': async (w, r) => at(w, r, '/api/queue-board/session', undefined, {}),
  'GET /api/background-jobs': async (w, r) => at(w, r, '/api/background-jobs'),
  'GET /api/background-jobs/:id': async (w, r, t) => {
    const id = t === 'other-consortium' ? w.backgroundJob.fvsn : w.backgroundJob.glmp;
    return at(w, r, `/api/background-jobs/${id}`, id);
  },

  // benchmarks
  'GET /api/peer-groups': async (w, r) => at(w, r, '/api/peer-groups'),
  'GET /api/peer-groups/:id': async (w, r, t) => {
    const id = w.bench.peerGroup[recordTarget(t)];
    return at(w, r, `/api/peer-groups/${id}`, id);
  },
  'POST /api/peer-groups': async (w, r, t) =>
    at(w, r, '/api/peer-groups', undefined, { name: `Matrix ${uniq('pg')}`, organisationIds: [t === 'other-consortium' ? w.demo.org.fox : w.demo.org.acme] }),
  'PUT /api/peer-groups/:id': async (w, r, t) => {
    const id = w.bench.editable[recordTarget(t)];
    return at(w, r, `/api/peer-groups/${id}`, id, { name: await column(w, 'PeerGroup', 'name', id) });
  },
  'PATCH /api/peer-groups/:id': async (w, r, t) => {
    const id = w.bench.editable[recordTarget(t)];
    return at(w, r, `/api/peer-groups/${id}`, id, { active: true });
  },
  'DELETE /api/peer-groups/:id': async (w, r, t, refused) => {
    const target = recordTarget(t);
    const id =
      refused || target === 'other-firm'
        ? w.bench.editable[target]
        : await customGroup(w.pool, target === 'other-consortium' ? w.demo.consortium.fvsn : w.demo.consortium.glmp, [target === 'other-consortium' ? w.demo.org.fox : w.demo.org.acme]);
    return at(w, r, `/api/peer-groups/${id}`, id);
  },
  'GET /api/benchmark-runs': async (w, r) => at(w, r, '/api/benchmark-runs'),
  'GET /api/benchmark-runs/:id': async (w, r, t) => {
    const id = t === 'other-consortium' ? w.bench.run['other-consortium'] : w.bench.run.own;
    return at(w, r, `/api/benchmark-runs/${id}`, id);
  },
  'POST /api/benchmark-runs': async (w, r, t) =>
    at(w, r, '/api/benchmark-runs', undefined, { periodId: t === 'other-consortium' ? w.bench.closedPeriod['other-consortium'] : w.bench.closedPeriod.own }),
  'GET /api/benchmark-cells': async (w, r) => at(w, r, '/api/benchmark-cells'),
  'GET /api/benchmark-cells/:id': async (w, r, t) => {
    const id = w.bench.cell[recordTarget(t)];
    return at(w, r, `/api/benchmark-cells/${id}`, id);
  },
  'GET /api/standings': async (w, r) => at(w, r, '/api/standings'),
  'GET /api/standings/:id': async (w, r, t) => {
    const id = w.bench.standing[recordTarget(t)];
    return at(w, r, `/api/standings/${id}`, id);
  },
  'GET /api/benchmark-reports/:organisationId/:periodId.pdf': async (w, r, t) => {
    const target = recordTarget(t);
    const org = w.demo.org[orgFor(r, target)];
    const periodId = target === 'other-consortium' ? w.bench.publishedPeriod['other-consortium'] : w.bench.publishedPeriod.own;
    // the report of the current revision exists: an admitted principal gets the PDF (200), not a job (202)
    await storedReport(w.pool, consortiumFor(w, target), org, periodId);
    return at(w, r, `/api/benchmark-reports/${org}/${periodId}.pdf`, org);
  },
  'GET /api/sharing-settings': async (w, r) => at(w, r, '/api/sharing-settings'),
  'GET /api/sharing-settings/:id': async (w, r, t) => {
    const id = w.bench.sharing[recordTarget(t)];
    return at(w, r, `/api/sharing-settings/${id}`, id);
  },
  'POST /api/sharing-settings': async (w, r, t, refused) => {
    // refused: Acme's existing customer (even a broken guard would meet a conflict); other-firm: Badger's customer
    const customerId = t === 'other-firm' ? w.bench.badgerCustomer : refused ? w.demo.org.northstar : await newAcmeCustomer(w);
    return at(w, r, '/api/sharing-settings', undefined, { customerId, categories: ['delivery', 'quality'] });
  },
  'PUT /api/sharing-settings/:id': async (w, r, t) => {
    const id = w.bench.sharing[recordTarget(t)];
    return at(w, r, `/api/sharing-settings/${id}`, id, { categories: ['delivery', 'quality'] });
  },
  'PATCH /api/sharing-settings/:id': async (w, r, t) => {
    const id = w.bench.sharing[recordTarget(t)];
    return at(w, r, `/api/sharing-settings/${id}`, id, { categories: ['delivery', 'quality'] });
  },
  'DELETE /api/sharing-settings/:id': async (w, r, t, refused) => {
    const target = recordTarget(t);
    const id = refused || target !== 'own' ? w.bench.sharing[target] : await sharingOf(w.pool, w.demo.consortium.glmp, w.demo.org.acme, await newAcmeCustomer(w));
    return at(w, r, `/api/sharing-settings/${id}`, id);
  },

  // profile: the shared sessions must survive, so the rows that end sessions act as a fresh person of the same role
  'GET /api/profile': async (w, r) => at(w, r, '/api/profile'),
  'PATCH /api/profile': async (w, r) => {
    const token = tokenOf(w, r);
    const name = r === 'anonymous' || r === 'api_key' ? 'Nobody' : await column(w, 'User', 'name', w.demo.user[ACCOUNT_OF[r]]);
    return { path: '/api/profile', token, body: { name } };
  },
  'POST /api/profile/password': async (w, r) => at(w, r, '/api/profile/password', undefined, { currentPassword: 'not-the-current-password', newPassword: 'a-new-long-password-2026' }),
  'POST /api/profile/sign-out-everywhere': async (w, r) => {
    if (r === 'anonymous' || r === 'api_key') return at(w, r, '/api/profile/sign-out-everywhere', undefined, {});
    const person = await freshPerson(w, r);
    return { path: '/api/profile/sign-out-everywhere', token: person, body: {} };
  },
  'GET /api/profile/invitations': async (w, r) => at(w, r, '/api/profile/invitations'),
  'POST /api/profile/invitations/:id/accept': async (w, r) => {
    const id = w.strangerInvitationId;
    return at(w, r, `/api/profile/invitations/${id}/accept`, id, {});
  },
  'POST /api/profile/invitations/:id/decline': async (w, r) => {
    const id = w.strangerInvitationId;
    return at(w, r, `/api/profile/invitations/${id}/decline`, id, {});
  },

  // auth
  'GET /api/auth/me': async (w, r) => at(w, r, '/api/auth/me'),
  'POST /api/auth/logout': async (w, r) => {
    // a session of its own, so the shared tokens of the other rows stay signed in
    const token = r === 'anonymous' ? undefined : r === 'api_key' ? w.tokens.api_key : (await loginPair(w.api, EMAIL[ACCOUNT_OF[r]])).accessToken;
    return { path: '/api/auth/logout', token, body: {} };
  },
  'POST /api/auth/login': async () => ({ path: '/api/auth/login', body: { email: EMAIL.acmeContributor, password: DEMO_PASSWORD } }),
  'POST /api/auth/refresh': async (w) => ({ path: '/api/auth/refresh', body: { refreshToken: (await loginPair(w.api, EMAIL.acmeContributor)).refreshToken } }),
  'POST /api/auth/accept-invite': async () => ({ path: '/api/auth/accept-invite', body: { token: 'not-a-real-invitation-token', password: 'a-long-enough-password' } }),
  'POST /api/auth/invitation-preview': async () => ({ path: '/api/auth/invitation-preview', body: { token: 'not-a-real-invitation-token' } }),
  'POST /api/auth/decline-invite': async () => ({ path: '/api/auth/decline-invite', body: { token: 'not-a-real-invitation-token' } }),
  'GET /health': async () => ({ path: '/health' }),
  'GET /health/ready': async () => ({ path: '/health/ready' }),
  'GET /metrics': async () => ({ path: '/metrics', token: process.env.METRICS_TOKEN }),
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

describe('authorization matrix', () => {
  let w: World;
  let docs: { paths: Record<string, Record<string, Record<string, unknown>>> };

  beforeAll(async () => {
    const api = await startApi();
    const pool = dbPool();
    const demo = await loadDemo(pool);
    const tokens = {} as World['tokens'];
    for (const [role, account] of Object.entries(ACCOUNT_OF) as [UserPrincipal, Account][]) tokens[role] = await session(api, EMAIL[account]);
    const fvsnStaff = await session(api, EMAIL.fvsnStaff);

    // The API key principal: made by Acme's firm admin for Acme.
    const acmeKey = await createApiKey(api, tokens.firm_admin, {});
    tokens.api_key = acmeKey.key;
    const badgerKey = await createApiKey(api, tokens.consortium_staff, { organisationId: demo.org.badger });
    const foxKey = await createApiKey(api, fvsnStaff, { organisationId: demo.org.fox });

    const auditOf = async (entityId: string): Promise<string> => {
      const { rows } = await pool.query<{ id: string }>(`SELECT id::text AS id FROM "AuditEvent" WHERE "entityId" = $1 AND action = 'api_key.created'`, [entityId]);
      if (rows.length !== 1 || !rows[0]) throw new Error(`expected one audit event for key ${entityId}`);
      return rows[0].id;
    };

    const colleague = {} as Record<DemoOrg, Colleague>;
    for (const org of COLLEAGUE_ORGS) {
      const staff = org === 'fox' ? fvsnStaff : tokens.consortium_staff;
      const person = await invite(api, staff, { role: 'firm_contributor', organisationId: demo.org[org] });
      colleague[org] = { userId: person.id, roleAssignmentId: person.roleAssignmentId, outboxId: person.messageId, invitationId: person.invitation.id };
    }
    const stranger = await sendInvitation(api, tokens.consortium_staff, { role: 'firm_contributor', organisationId: demo.org.badger });

    w = {
      api,
      pool,
      demo,
      tokens,
      fvsnStaff,
      colleague,
      apiKey: { own: acmeKey.id, 'other-firm': badgerKey.id, 'other-consortium': foxKey.id },
      auditEvent: { own: await auditOf(acmeKey.id), 'other-firm': await auditOf(badgerKey.id), 'other-consortium': await auditOf(foxKey.id) },
      strangerInvitationId: stranger.id,
      backgroundJob: {
        glmp: await backgroundJobIn(pool, demo.consortium.glmp),
        fvsn: await backgroundJobIn(pool, demo.consortium.fvsn),
      },
      bench: await makeBench(pool, demo),
    };
    docs = (await call(api, 'GET', '/api/docs-json')).body as typeof docs;
  }, 60_000);

  afterAll(async () => {
    await w?.pool.end();
    await w?.api.close();
  });

  /** Every operation of the OpenAPI document, as `METHOD /path/:param`. */
  function documentedRoutes(): string[] {
    return Object.entries(docs.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
  }

  it('covers every route of the API (a new route needs matrix rows before this passes)', () => {
    const inTable = new Set(MATRIX.map((r) => r.route));
    const documented = documentedRoutes();
    const delegated = (route: string) => DELEGATED.find((d) => d.prefixes.some((prefix) => route.split(' ')[1]!.startsWith(prefix)));
    expect(documented.filter((r) => !inTable.has(r) && !delegated(r))).toEqual([]);
    // Routes of the supplier-performance modules have their rows in their own tables: each
    // must name the route there (as `METHOD /path/:id` or `METHOD /path/{id}`).
    const missing = documented.flatMap((route) => {
      const d = delegated(route);
      if (!d || inTable.has(route)) return [];
      const file = join(__dirname, d.file);
      if (!existsSync(file)) return [`${route} (expected in ${d.file}, which does not exist)`];
      const source = readFileSync(file, 'utf8');
      const braces = route.replace(/:(\w+)/g, '{$1}');
      return source.includes(`'${route}'`) || source.includes(`'${braces}'`) ? [] : [`${route} (expected in ${d.file})`];
    });
    expect(missing).toEqual([]);
    // and the table names no route that no longer exists
    expect([...inTable].filter((r) => !documented.includes(r))).toEqual([]);
    expect(Object.keys(REQUESTS).sort()).toEqual([...inTable].sort());
  });

  it('agrees with ROLE_PERMISSIONS and the permission each route documents', () => {
    const disagreements: string[] = [];
    for (const row of MATRIX) {
      const [method, path] = row.route.split(' ') as [string, string];
      const op = docs.paths[path.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
      if (!op) continue; // reported by the coverage test
      const permission = op['x-permission'] as Permission | undefined;
      const isPublic = op['x-public'] === true;
      const anyRole = op['x-roles'] === 'any';
      let ok: boolean;
      if (row.role === 'anonymous') ok = isPublic ? row.expect !== 401 && row.expect !== 403 : row.expect === 401;
      else if (isPublic || anyRole) ok = row.expect !== 403;
      else if (!permission) ok = false;
      else ok = can(ROLE_OF[row.role], permission) ? row.expect !== 403 : row.expect === 403;
      if (!ok) disagreements.push(`${row.route} × ${row.role} × ${row.target} → ${row.expect} (permission ${permission ?? (isPublic ? 'public' : 'any')})`);
    }
    expect(disagreements).toEqual([]);
  });

  it('403 comes before the record lookup: the same answer for an own, a foreign and a non-existent record', async () => {
    const cases: [Principal, string, string[]][] = [
      ['firm_contributor', '/api/api-keys', [w.apiKey.own, w.apiKey['other-consortium'], '0190f0f0-0000-7000-8000-000000000000']],
      ['funder', '/api/memberships', [w.demo.membership.wiWorkforce, w.demo.membership.fox, '0190f0f0-0000-7000-8000-000000000000']],
      ['customer_buyer', '/api/audit-events', [w.auditEvent.own, w.auditEvent['other-consortium'], '999999999999']],
    ];
    for (const [role, base, ids] of cases) {
      const answers = [];
      for (const id of ids) {
        const res = await call(w.api, 'GET', `${base}/${id}`, { token: tokenOf(w, role) });
        const { requestId: _requestId, ...rest } = res.body as Record<string, unknown>;
        answers.push({ status: res.status, ...rest });
      }
      expect(answers[0]).toMatchObject({ status: 403 });
      expect(answers[1]).toEqual(answers[0]);
      expect(answers[2]).toEqual(answers[0]);
    }
  });

  describe.each([...new Set(MATRIX.map((r) => r.route))])('%s', (route) => {
    const rows = MATRIX.filter((r) => r.route === route);
    it.each(rows.map((r) => [r.role, r.target, r.expect, r] as const))('%s × %s → %i', async (_role, _target, _expect, row) => {
      const [method] = route.split(' ') as [string];
      const build = REQUESTS[route];
      if (!build) throw new Error(`no request builder for ${route}`);
      const req = await build(w, row.role, row.target, row.expect === 401 || row.expect === 403);
      const res = await call(w.api, method, req.path, { token: req.token, body: req.body });
      const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);

      expect({ route, role: row.role, target: row.target, status: res.status, body: res.status === row.expect ? '(as expected)' : res.body }).toEqual({
        route,
        role: row.role,
        target: row.target,
        status: row.expect,
        body: '(as expected)',
      });

      if (row.expect >= 400) {
        expect(res.contentType).toContain('application/problem+json');
        // a refusal never carries the record, not even its id
        if (req.targetId && UUID.test(req.targetId)) expect(text).not.toContain(req.targetId);
        return;
      }
      // a file (a report) is no record with an id
      if (req.targetId && method !== 'POST' && !res.contentType.startsWith('application/pdf')) expect((res.body as { id?: unknown }).id).toBe(req.targetId);
      if (row.expect === 201) expect((res.body as { id?: unknown }).id).toEqual(expect.any(String));

      // A list shows exactly the records the same principal may open one by one.
      if (method === 'GET' && row.target === 'collection' && REQUESTS[`${route}/:id`]) {
        const oneRoute = `${route}/:id`;
        const targets = MATRIX.filter((m) => m.route === oneRoute && m.role === row.role);
        const ids = new Map<string, boolean>();
        for (const m of targets) {
          const one = await REQUESTS[oneRoute]!(w, m.role, m.target, false);
          if (one.targetId) ids.set(one.targetId, m.expect === 200);
        }
        const list = await call(w.api, 'GET', `${req.path}${q({ filter: { id: [...ids.keys()] } })}`, { token: req.token });
        expect(list.status).toBe(200);
        const seen = (list.body as { id: string }[]).map((x) => x.id).sort();
        expect(seen).toEqual([...ids].filter(([, visible]) => visible).map(([id]) => id).sort());
      }
    });
  });
});
