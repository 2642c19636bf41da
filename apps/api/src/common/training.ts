import type { ProblemFieldError } from '@tandem/contracts';
import { DomainError, type Principal, type PrismaService } from '@tandem/server';

/**
 * Helpers shared by the training-record modules (curricula, grants, course-sessions,
 * trainees, enrolments, training-activities, workforce-years, wage-steps).
 */

/** A calendar day (validated YYYY-MM-DD) as the Date PostgreSQL's `date` stores. */
export function day(value: string): Date {
  return new Date(`${value.slice(0, 10)}T00:00:00Z`);
}

export function today(): Date {
  return day(new Date().toISOString());
}

/** The consortium a create lands in: the principal's, or (platform admins) the one named. */
export function consortiumOf(p: Principal, named: string | undefined): string {
  const c = p.consortiumId ?? named;
  if (!c) throw DomainError.validation([{ path: 'consortiumId', message: 'is required' }]);
  return c.toLowerCase();
}

/**
 * The organisation a firm-owned record belongs to: one's own for a firm's people (naming
 * another is refused by the scoped create, a 404 that says nothing of it); staff name it.
 */
export function organisationOf(p: Principal, named: string | undefined, path = 'organisationId'): string {
  if (p.role === 'consortium_staff' || p.role === 'platform_admin') {
    if (!named) throw DomainError.validation([{ path, message: 'is required (staff name the organisation)' }]);
    return named.toLowerCase();
  }
  if (named && named.toLowerCase() !== p.organisationId) throw DomainError.validation([{ path, message: 'must be your own organisation' }]);
  if (!p.organisationId) throw DomainError.validation([{ path, message: 'is required' }]);
  return p.organisationId;
}

/**
 * Whether an organisation is an active member of the consortium. Asked of the unscoped
 * client: a firm may name another member (a worker's new employer), and the consortium's
 * member list is the directory every member knows; the answer is yes or no, nothing more.
 */
export async function activeMember(prisma: PrismaService, consortiumId: string, organisationId: string): Promise<boolean> {
  const m = await prisma.crossScope('member-directory').membership.findFirst({ where: { consortiumId, organisationId, status: 'active' }, select: { id: true } });
  return m !== null;
}

export async function requireActiveMember(prisma: PrismaService, consortiumId: string, organisationId: string, path: string): Promise<void> {
  if (!(await activeMember(prisma, consortiumId, organisationId))) throw DomainError.validation([{ path, message: 'is not an active member of the consortium' }]);
}

/** Dates of a span: the end on or after the start. */
export function spanErrors(startsOn: string | Date | undefined, endsOn: string | Date | undefined, endPath = 'endsOn'): ProblemFieldError[] {
  if (startsOn === undefined || endsOn === undefined) return [];
  const s = typeof startsOn === 'string' ? day(startsOn) : startsOn;
  const e = typeof endsOn === 'string' ? day(endsOn) : endsOn;
  return e.getTime() < s.getTime() ? [{ path: endPath, message: 'must be on or after startsOn' }] : [];
}

export function isStaffLike(p: Principal): boolean {
  return p.role === 'consortium_staff' || p.role === 'platform_admin';
}
