import { Injectable } from '@nestjs/common';
import { ROLES, type RoleAssignment } from '@tandem/contracts';
import type { RoleAssignment as RoleAssignmentRow } from '@tandem/db';
import { AuditService, CommonErrorCode, DomainError, PrismaService, RequestContext } from '@tandem/server';
import { listPage, type ListPage, type ListSpec } from '../common/list-query';
import type { CreateRoleAssignmentDto } from './dto/role-assignment.dto';
import { resolveAssignment } from './role-assignments.policy';

export const ROLE_ASSIGNMENT_LIST: ListSpec = {
  sortable: ['createdAt', 'role'],
  defaultSort: ['createdAt', 'asc'],
  filters: { userId: { type: 'uuid' }, role: { type: 'enum', values: ROLES }, organisationId: { type: 'uuid' }, consortiumId: { type: 'uuid' } },
};

export function toRoleAssignment(r: RoleAssignmentRow): RoleAssignment {
  return { id: r.id, userId: r.userId, role: r.role, consortiumId: r.consortiumId, organisationId: r.organisationId, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() };
}

@Injectable()
export class RoleAssignmentsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
  ) {}

  async list(page: ListPage): Promise<{ rows: RoleAssignment[]; total: number }> {
    const { rows, total } = await listPage(this.prisma.scoped.roleAssignment, page);
    return { rows: rows.map(toRoleAssignment), total };
  }

  async get(id: string): Promise<RoleAssignment> {
    const row = await this.prisma.scoped.roleAssignment.findFirst({ where: { id } });
    if (!row) throw DomainError.notFound('Role assignment');
    return toRoleAssignment(row);
  }

  async create(dto: CreateRoleAssignmentDto): Promise<RoleAssignment> {
    const p = this.context.requirePrincipal();
    const user = await this.prisma.scoped.user.findFirst({ where: { id: dto.userId }, select: { id: true } });
    if (!user) throw DomainError.validation([{ path: 'userId', message: 'no such user' }]);
    const target = await resolveAssignment(this.prisma, p, dto);
    const dup = await this.prisma.scoped.roleAssignment.findFirst({ where: { userId: dto.userId, ...target }, select: { id: true } });
    if (dup) throw new DomainError(CommonErrorCode.Conflict, 'This person already has that role', [{ path: 'role', message: 'already assigned' }]);
    return this.prisma.scoped.$transaction(async (tx) => {
      const row = await tx.roleAssignment.create({ data: { userId: dto.userId, ...target } });
      await this.audit.record(tx, { action: 'role_assignment.created', entityType: 'RoleAssignment', entityId: row.id, after: toRoleAssignment(row), consortiumId: row.consortiumId, organisationId: row.organisationId });
      return toRoleAssignment(row);
    });
  }

  /** Removing a role also ends the sessions acting under it (their token families cascade). */
  async remove(id: string): Promise<RoleAssignment> {
    const p = this.context.requirePrincipal();
    if (id === p.roleAssignmentId) throw new DomainError(CommonErrorCode.Conflict, 'You cannot remove the role you are signed in with');
    return this.prisma.scoped.$transaction(async (tx) => {
      const before = await tx.roleAssignment.findFirst({ where: { id } });
      if (!before) throw DomainError.notFound('Role assignment');
      await tx.roleAssignment.delete({ where: { id } });
      await this.audit.record(tx, { action: 'role_assignment.deleted', entityType: 'RoleAssignment', entityId: id, before: toRoleAssignment(before), consortiumId: before.consortiumId, organisationId: before.organisationId });
      return toRoleAssignment(before);
    });
  }
}
