import type { Role } from '@tandem/contracts';
import type { PrismaService } from '../database/prisma.service';
import type { Principal } from './principal';

/** One role a reader holds in the consortium it reads: what it acts as, and for which organisation. */
export interface ReaderRole {
  role: Role;
  organisationId: string | null;
}

/**
 * Every role the person behind `p` holds or held in `p`'s consortium: the one signed in with,
 * and each other assignment of the same user there, suspended ones included. What a reader
 * knows of members' own values is a person's knowledge, not a session's: someone who acts for
 * two firms knows both firms' values whichever one it signed in as, and a cell shown to it as
 * the one must still leave k members it cannot see once the other's values are subtracted too
 * (rule 7).
 *
 * Without a person (an API key, or a member as the reader of its own benchmark report, which
 * any of its people download), the reader is any of the organisation's people: every role of
 * every user who holds one at that organisation in the consortium.
 */
export async function readerRoles(prisma: PrismaService, p: Principal): Promise<ReaderRole[]> {
  const own: ReaderRole = { role: p.role, organisationId: p.organisationId };
  if (!p.consortiumId || (!p.userId && !p.organisationId)) return [own];
  const consortiumId = p.consortiumId;
  const people = p.userId ? { userId: p.userId } : { user: { roleAssignments: { some: { consortiumId, organisationId: p.organisationId } } } };
  const others = await prisma.system.roleAssignment.findMany({ where: { consortiumId, ...people }, select: { role: true, organisationId: true } });
  return [own, ...others.map((r) => ({ role: r.role as Role, organisationId: r.organisationId }))];
}

/** Roles that act for a firm: the reader knows that firm's own figures and answers. */
export const FIRM_READER_ROLES: ReadonlySet<Role> = new Set(['firm_admin', 'firm_contributor', 'customer_buyer']);

/** The firms whose own figures the reader knows: those of every firm role of the person (or of the firm's people). */
export async function knownFirms(prisma: PrismaService, p: Principal): Promise<Set<string>> {
  return organisationsActedFor(await readerRoles(prisma, p), FIRM_READER_ROLES);
}

/** The organisations of the reader's roles among `roles`, each once. */
export function organisationsActedFor(roles: readonly ReaderRole[], among: ReadonlySet<string>): Set<string> {
  return new Set(roles.filter((r) => among.has(r.role) && r.organisationId !== null).map((r) => r.organisationId as string));
}
