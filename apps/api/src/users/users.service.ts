import { Injectable } from '@nestjs/common';
import { ROLES, USER_STATUSES, type User } from '@tandem/contracts';
import type { User as UserRow } from '@tandem/db';
import { AuditService, CommonErrorCode, DomainError, PrismaService, RequestContext } from '@tandem/server';
import { AuthService } from '../auth/auth.service';
import { containsText, listPage, type ListPage, type ListSpec } from '../common/list-query';
import { iso } from '../common/serialize';
import type { UpdateUserDto } from './dto/user.dto';

export const USER_LIST: ListSpec = {
  sortable: ['name', 'email', 'status', 'createdAt', 'lastLoginAt'],
  defaultSort: ['name', 'asc'],
  filters: {
    status: { type: 'enum', values: USER_STATUSES },
    // a user holds roles through assignments: both filters are relation filters
    role: { type: 'enum', values: ROLES, where: (role) => ({ roleAssignments: { some: { role } } }) },
    organisationId: { type: 'uuid', where: (organisationId) => ({ roleAssignments: { some: { organisationId } } }) },
  },
  search: (q) => ({ OR: [{ name: containsText(q) }, { email: containsText(q.toLowerCase(), 'as-stored') }] }),
};

export function toUser(u: UserRow): User {
  return { id: u.id, email: u.email, name: u.name, status: u.status, lastLoginAt: iso(u.lastLoginAt), createdAt: u.createdAt.toISOString(), updatedAt: u.updatedAt.toISOString() };
}

/**
 * People, as accounts. Staff and firm admins see the people holding roles within their
 * scope; an account itself (name, e-mail, status, password) is the person's own and the
 * platform admin's: a firm admin or staff member manages role assignments, never accounts,
 * because one account may hold roles in other firms and consortia.
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly auth: AuthService,
    private readonly context: RequestContext,
  ) {}

  async list(page: ListPage): Promise<{ rows: User[]; total: number }> {
    const { rows, total } = await listPage(this.prisma.read.user, page);
    return { rows: rows.map(toUser), total };
  }

  async get(id: string): Promise<User> {
    const row = await this.prisma.scoped.user.findFirst({ where: { id } });
    if (!row) throw DomainError.notFound('User');
    return toUser(row);
  }

  /** The platform admin's correction of an account; a disable ends every session at once. */
  async update(id: string, dto: UpdateUserDto): Promise<User> {
    const p = this.context.requirePrincipal();
    if (dto.status === 'disabled' && id === p.userId) {
      throw new DomainError(CommonErrorCode.Conflict, 'You cannot disable your own account', [{ path: 'status', message: 'not for yourself' }]);
    }
    const before = await this.prisma.scoped.user.findFirst({ where: { id } });
    if (!before) throw DomainError.notFound('User');
    // react-admin sends unchanged fields back; only real changes count.
    const status = dto.status === before.status ? undefined : dto.status;
    const email = dto.email === undefined || dto.email.toLowerCase() === before.email ? undefined : dto.email.toLowerCase();
    if (status === 'disabled') await this.auth.endAllSessions(id, 'account disabled');
    return this.prisma.scoped.$transaction(async (tx) => {
      const row = await tx.user.update({ where: { id }, data: { name: dto.name, email, status } });
      await this.audit.record(tx, { action: status === 'disabled' ? 'user.disabled' : 'user.updated', entityType: 'User', entityId: id, before: toUser(before), after: toUser(row) });
      return toUser(row);
    });
  }
}
