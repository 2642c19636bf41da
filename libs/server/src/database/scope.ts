import type { Principal } from '../context/principal';
import { DomainError } from '../errors/domain-error';

/**
 * Tenant and firm scoping — the one place that decides which rows a principal reaches.
 * The scoped Prisma client (scoped-client.ts) ANDs these filters into every read, update
 * and delete, and checks creates against them, so no handler has to remember a `where`.
 *
 * `undefined` means unrestricted (platform admins). Rules follow domain.md's "sees" column.
 */
type Where = Record<string, unknown>;
export type ScopedModel =
  | 'Consortium'
  | 'Organisation'
  | 'Membership'
  | 'MembershipTransition'
  | 'User'
  | 'RoleAssignment'
  | 'ApiKey'
  | 'AuditEvent'
  | 'OutboxMessage'
  | 'RefreshTokenFamily'
  | 'SpentRefreshToken';

const NOTHING_BY_ID: Where = { id: { in: [] } };

function isStaff(p: Principal): boolean {
  return p.role === 'consortium_staff';
}

/** Where clause restricting `model` to what `p` may see; undefined = everything. */
export function scopeWhere(model: string, p: Principal): Where | undefined {
  if (p.role === 'platform_admin') return undefined;
  const c = p.consortiumId ?? '00000000-0000-0000-0000-000000000000';
  const o = p.organisationId ?? '00000000-0000-0000-0000-000000000000';
  switch (model as ScopedModel) {
    case 'Consortium':
      return { id: c };
    case 'Organisation':
      return isStaff(p)
        ? { OR: [{ registeredByConsortiumId: c }, { memberships: { some: { consortiumId: c } } }] }
        : { id: o };
    case 'Membership':
      return isStaff(p) ? { consortiumId: c } : { consortiumId: c, organisationId: o };
    case 'MembershipTransition':
      return { membership: isStaff(p) ? { consortiumId: c } : { consortiumId: c, organisationId: o } };
    case 'User':
      if (isStaff(p)) return { roleAssignments: { some: { consortiumId: c } } };
      if (p.role === 'firm_admin') return { OR: [{ id: p.userId ?? undefined }, { roleAssignments: { some: { consortiumId: c, organisationId: o } } }] };
      return p.userId ? { id: p.userId } : NOTHING_BY_ID;
    case 'RoleAssignment':
      if (isStaff(p)) return { consortiumId: c };
      if (p.role === 'firm_admin') return { consortiumId: c, organisationId: o };
      return p.userId ? { userId: p.userId } : NOTHING_BY_ID;
    case 'ApiKey':
      if (isStaff(p)) return { consortiumId: c };
      if (p.role === 'firm_admin') return { consortiumId: c, organisationId: o };
      return NOTHING_BY_ID;
    case 'AuditEvent':
      if (isStaff(p)) return { consortiumId: c };
      if (p.role === 'firm_admin') return { consortiumId: c, organisationId: o };
      return { id: { in: [] } };
    case 'OutboxMessage':
      return isStaff(p) ? { consortiumId: c } : NOTHING_BY_ID;
    case 'RefreshTokenFamily':
      return NOTHING_BY_ID;
    case 'SpentRefreshToken':
      return { tokenHash: { in: [] } };
    default:
      // A model nobody declared a rule for is invisible: forgetting a rule must not leak.
      return { id: { in: [] } };
  }
}

function field(data: Where, name: string): unknown {
  return data[name];
}

/**
 * A create must land inside the principal's scope. Violations answer 404: the parent the
 * row would hang from is, for this principal, not there.
 */
export function assertCreatable(model: string, data: Where, p: Principal): void {
  if (p.role === 'platform_admin') return;
  const own = (name: string, expected: string | null, what: string): void => {
    if (field(data, name) !== expected) throw DomainError.notFound(what);
  };
  switch (model as ScopedModel) {
    case 'Consortium':
      throw DomainError.notFound('Consortium');
    case 'Organisation':
      if (isStaff(p)) own('registeredByConsortiumId', p.consortiumId, 'Consortium');
      else throw DomainError.notFound('Consortium');
      return;
    case 'Membership':
    case 'RoleAssignment':
    case 'ApiKey':
      own('consortiumId', p.consortiumId, 'Consortium');
      if (!isStaff(p)) own('organisationId', p.organisationId, 'Organisation');
      return;
    case 'MembershipTransition':
    case 'User':
    case 'AuditEvent':
    case 'OutboxMessage':
      // Created only alongside a scoped parent (membership, role assignment, audited change).
      return;
    default:
      throw DomainError.notFound(model);
  }
}

