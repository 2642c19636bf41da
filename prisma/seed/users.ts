import { hash, type Algorithm } from '@node-rs/argon2';
import type { Prisma } from '../generated/client';
import { consortiumBySlug } from './consortia';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from './demo-accounts';
import { joinKey, type OrganisationRows } from './organisations';
import { addDays, day, rngFor, uuidv7 } from './prng';

/**
 * One argon2id hash for every demo account: they share a password, and hashing eleven
 * times would dominate the seed's run time. The salt is drawn from the seeded stream so the
 * seed is byte-for-byte reproducible; a fixed salt protects nothing here anyway, since the
 * password is published in the README.
 */
// `Algorithm` is an ambient const enum, which isolatedModules cannot read at run time.
const ARGON2ID = 2 as Algorithm.Argon2id;

export async function demoPasswordHash(): Promise<string> {
  return hash(DEMO_PASSWORD, { algorithm: ARGON2ID, salt: rngFor('password-salt').bytes(16) });
}

export interface UserRows {
  users: Prisma.UserCreateManyInput[];
  roleAssignments: Prisma.RoleAssignmentCreateManyInput[];
  /** consortium slug → id of its staff admin, who records membership transitions */
  staffUserIds: Map<string, string>;
}

const PLATFORM_LAUNCH = day('2023-05-01');

/** When an account plausibly came to exist: staff before their consortium opened, firm users once their firm joined. */
function accountCreatedOn(account: DemoAccount, orgs: OrganisationRows): Date {
  if (!account.consortiumSlug) return PLATFORM_LAUNCH;
  if (!account.organisationCode) return addDays(consortiumBySlug(account.consortiumSlug).foundedOn, -30);
  const joined = orgs.joinedOn.get(joinKey(account.consortiumSlug, account.organisationCode));
  if (!joined) throw new Error(`${account.email}: ${account.organisationCode} is not a member of ${account.consortiumSlug}`);
  return addDays(joined, 7);
}

/** Users are drawn before memberships so transitions can name the staff member who recorded them. */
export function buildUsers(passwordHash: string, consortiumIds: Map<string, string>, orgs: OrganisationRows): UserRows {
  const rng = rngFor('users');
  const users: Prisma.UserCreateManyInput[] = [];
  const roleAssignments: Prisma.RoleAssignmentCreateManyInput[] = [];
  const staffUserIds = new Map<string, string>();

  for (const account of DEMO_ACCOUNTS) {
    const createdAt = accountCreatedOn(account, orgs);
    const userId = uuidv7(createdAt, rng);
    const consortiumId = account.consortiumSlug ? consortiumIds.get(account.consortiumSlug) : null;
    const organisationId = account.organisationCode ? orgs.idByCode.get(account.organisationCode) : null;
    if (consortiumId === undefined || organisationId === undefined) throw new Error(`${account.email}: unknown consortium or organisation`);

    users.push({
      id: userId,
      email: account.email.toLowerCase(),
      name: account.name,
      passwordHash,
      status: 'active',
      createdAt,
      updatedAt: createdAt,
    });
    roleAssignments.push({ id: uuidv7(createdAt, rng), userId, role: account.role, consortiumId, organisationId, createdAt, updatedAt: createdAt });
    if (account.role === 'consortium_staff' && account.consortiumSlug && !staffUserIds.has(account.consortiumSlug)) {
      staffUserIds.set(account.consortiumSlug, userId);
    }
  }
  return { users, roleAssignments, staffUserIds };
}
