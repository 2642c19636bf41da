import { Injectable } from '@nestjs/common';
import { ROLE_ASSIGNMENT_STATUSES, ROLES, type RoleAssignment } from '@tandem/contracts';
import type { RoleAssignment as RoleAssignmentRow } from '@tandem/db';
import { AuditService, CommonErrorCode, DomainError, PrismaService, RequestContext } from '@tandem/server';
import { SessionRevocations } from '../auth/session-revocations';
import { listPage, type ListPage, type ListSpec } from '../common/list-query';
import { iso } from '../common/serialize';
import type { UpdateRoleAssignmentDto } from './dto/role-assignment.dto';

export const ROLE_ASSIGNMENT_LIST: ListSpec = {
  sortable: ['createdAt', 'role', 'status'],
  defaultSort: ['createdAt', 'asc'],
  filters: {
    userId: { type: 'uuid' },
    role: { type: 'enum', values: ROLES },
    status: { type: 'enum', values: ROLE_ASSIGNMENT_STATUSES },
    organisationId: { type: 'uuid' },
    consortiumId: { type: 'uuid' },
  },
};

export function toRoleAssignment(r: RoleAssignmentRow): RoleAssignment {
  return {
    id: r.id,
    userId: r.userId,
    role: r.role,
    consortiumId: r.consortiumId,
    organisationId: r.organisationId,
    status: r.status,
    suspendedAt: iso(r.suspendedAt),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/**
 * Role assignments inside one's scope: suspended, reactivated or revoked by staff (their
 * consortium) and firm admins (their firm's people). They come to exist only by an
 * accepted invitation. Ending one ends the sessions acting under it at the next request.
 */
@Injectable()
export class RoleAssignmentsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
    private readonly revocations: SessionRevocations,
  ) {}

  async list(page: ListPage): Promise<{ rows: RoleAssignment[]; total: number }> {
    const { rows, total } = await listPage(this.prisma.read.roleAssignment, page);
    return { rows: rows.map(toRoleAssignment), total };
  }

  async get(id: string): Promise<RoleAssignment> {
    const row = await this.prisma.scoped.roleAssignment.findFirst({ where: { id } });
    if (!row) throw DomainError.notFound('Role assignment');
    return toRoleAssignment(row);
  }

  private assertNotOwnSession(id: string, what: string): void {
    if (id === this.context.requirePrincipal().roleAssignmentId) throw new DomainError(CommonErrorCode.Conflict, `You cannot ${what} the role you are signed in with`);
  }

  async update(id: string, dto: UpdateRoleAssignmentDto): Promise<RoleAssignment> {
    const before = await this.prisma.scoped.roleAssignment.findFirst({ where: { id } });
    if (!before) throw DomainError.notFound('Role assignment');
    if (before.status === dto.status) return toRoleAssignment(before);
    if (dto.status === 'suspended') {
      this.assertNotOwnSession(id, 'suspend');
      await this.revocations.revokeAssignments([id]);
    }
    return this.prisma.scoped.$transaction(async (tx) => {
      const now = new Date();
      const row = await tx.roleAssignment.update({ where: { id }, data: { status: dto.status, suspendedAt: dto.status === 'suspended' ? now : null } });
      if (dto.status === 'suspended') {
        await this.prisma.system.refreshTokenFamily.updateMany({ where: { roleAssignmentId: id, revokedAt: null }, data: { revokedAt: now, revokedReason: 'role suspended' } });
      }
      await this.audit.record(tx, {
        action: dto.status === 'suspended' ? 'role_assignment.suspended' : 'role_assignment.reactivated',
        entityType: 'RoleAssignment',
        entityId: id,
        before: toRoleAssignment(before),
        after: toRoleAssignment(row),
        consortiumId: row.consortiumId,
        organisationId: row.organisationId,
      });
      return toRoleAssignment(row);
    });
  }

  /** Revoke: the assignment goes, and the sessions acting under it end at the next request. */
  async remove(id: string): Promise<RoleAssignment> {
    this.assertNotOwnSession(id, 'remove');
    const before = await this.prisma.scoped.roleAssignment.findFirst({ where: { id } });
    if (!before) throw DomainError.notFound('Role assignment');
    await this.revocations.revokeAssignments([id]);
    return this.prisma.scoped.$transaction(async (tx) => {
      await tx.roleAssignment.delete({ where: { id } });
      await this.audit.record(tx, { action: 'role_assignment.deleted', entityType: 'RoleAssignment', entityId: id, before: toRoleAssignment(before), consortiumId: before.consortiumId, organisationId: before.organisationId });
      return toRoleAssignment(before);
    });
  }
}
