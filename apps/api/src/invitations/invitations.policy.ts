import { FIRM_ADMIN_GRANTS, ORGANISATION_ROLES, ROLE_LABELS, ROLE_ORGANISATION_KINDS, type Role } from '@tandem/contracts';
import { DomainError, PrismaService, UserErrorCode, type Principal } from '@tandem/server';


export interface AssignmentTarget {
  role: Role;
  consortiumId: string | null;
  organisationId: string | null;
}

/**
 * Who may offer which role where: platform admins anything; staff any consortium role in
 * their consortium; firm admins their own firm's roles. The organisation must be a member
 * of the consortium (visible through scoping). A role is only ever offered (an invitation);
 * it exists once the invited person accepts.
 */
export async function resolveAssignment(
  prisma: PrismaService,
  p: Principal,
  input: { role: Role; consortiumId?: string; organisationId?: string },
): Promise<AssignmentTarget> {
  if (input.role === 'platform_admin') {
    if (p.role !== 'platform_admin') throw DomainError.validation([{ path: 'role', message: 'only a platform admin grants platform_admin' }]);
    return { role: input.role, consortiumId: null, organisationId: null };
  }
  if (p.role === 'firm_admin' && !FIRM_ADMIN_GRANTS.includes(input.role)) {
    throw DomainError.validation([{ path: 'role', message: `a firm admin may grant ${FIRM_ADMIN_GRANTS.join(', ')}` }]);
  }
  const consortiumId = p.role === 'platform_admin' ? (input.consortiumId ?? null) : p.consortiumId;
  if (!consortiumId) throw DomainError.validation([{ path: 'consortiumId', message: 'is required' }]);
  if (input.consortiumId && input.consortiumId !== consortiumId) {
    throw DomainError.validation([{ path: 'consortiumId', message: 'no such consortium' }]);
  }
  if (p.role === 'platform_admin') {
    const exists = await prisma.scoped.consortium.findFirst({ where: { id: consortiumId }, select: { id: true } });
    if (!exists) throw DomainError.validation([{ path: 'consortiumId', message: 'no such consortium' }]);
  }
  const needsOrg = ORGANISATION_ROLES.includes(input.role);
  const organisationId = p.role === 'firm_admin' ? (input.organisationId ?? p.organisationId) : (input.organisationId ?? null);
  if (needsOrg && !organisationId) {
    throw new DomainError(UserErrorCode.RoleNeedsOrganisation, `The role ${input.role} acts for an organisation`, [{ path: 'organisationId', message: `is required for ${input.role}` }]);
  }
  if (!needsOrg && organisationId) throw DomainError.validation([{ path: 'organisationId', message: `must be empty for ${input.role}` }]);
  if (organisationId) {
    const member = await prisma.scoped.membership.findFirst({ where: { consortiumId, organisationId, status: { not: 'exited' } }, select: { organisation: { select: { kind: true } } } });
    if (!member) throw DomainError.validation([{ path: 'organisationId', message: 'no such member organisation in this consortium' }]);
    const kinds = ROLE_ORGANISATION_KINDS[input.role];
    if (kinds && !kinds.includes(member.organisation.kind)) {
      throw DomainError.validation([{ path: 'role', message: `a ${ROLE_LABELS[input.role].toLowerCase()} acts for a ${kinds.join(' or ').replace(/_/g, ' ')} organisation` }]);
    }
  }
  return { role: input.role, consortiumId, organisationId };
}
