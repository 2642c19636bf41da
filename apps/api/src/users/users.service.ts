import { Inject, Injectable } from '@nestjs/common';
import { ROLES, USER_STATUSES, type User } from '@tandem/contracts';
import type { User as UserRow } from '@tandem/db';
import { APP_CONFIG, AuditService, CommonErrorCode, DomainError, OutboxService, PrismaService, RequestContext, type AppConfig } from '@tandem/server';
import { randomSecret, sha256 } from '../auth/tokens';
import { listPage, type ListPage, type ListSpec } from '../common/list-query';
import { iso } from '../common/serialize';
import { resolveAssignment } from '../role-assignments/role-assignments.policy';
import type { InviteUserDto, UpdateUserDto } from './dto/user.dto';

export const USER_LIST: ListSpec = {
  sortable: ['name', 'email', 'status', 'createdAt', 'lastLoginAt'],
  defaultSort: ['name', 'asc'],
  filters: {
    status: { type: 'enum', values: USER_STATUSES },
    // a user holds roles through assignments: both filters are relation filters
    role: { type: 'enum', values: ROLES, where: (role) => ({ roleAssignments: { some: { role } } }) },
    organisationId: { type: 'uuid', where: (organisationId) => ({ roleAssignments: { some: { organisationId } } }) },
  },
  search: (q) => ({ OR: [{ name: { contains: q, mode: 'insensitive' } }, { email: { contains: q.toLowerCase() } }] }),
};

export function toUser(u: UserRow): User {
  return { id: u.id, email: u.email, name: u.name, status: u.status, lastLoginAt: iso(u.lastLoginAt), createdAt: u.createdAt.toISOString(), updatedAt: u.updatedAt.toISOString() };
}

@Injectable()
export class UsersService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly context: RequestContext,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(page: ListPage): Promise<{ rows: User[]; total: number }> {
    const { rows, total } = await listPage(this.prisma.scoped.user, page);
    return { rows: rows.map(toUser), total };
  }

  async get(id: string): Promise<User> {
    const row = await this.prisma.scoped.user.findFirst({ where: { id } });
    if (!row) throw DomainError.notFound('User');
    return toUser(row);
  }

  /**
   * Invite by email. A new person gets an account in status `invited` and a link that sets
   * the password; someone who already has an account gets the new role and a notice.
   */
  async invite(dto: InviteUserDto): Promise<User> {
    const p = this.context.requirePrincipal();
    const target = await resolveAssignment(this.prisma, p, dto);
    const email = dto.email.toLowerCase();
    // An existing account may belong to another consortium: look it up unscoped, reveal nothing.
    const existing = await this.prisma.system.user.findUnique({ where: { email }, select: { id: true } });
    const token = randomSecret(32);
    const { user, messageId } = await this.prisma.scoped.$transaction(async (tx) => {
      let user: UserRow;
      if (existing) {
        const dup = await this.prisma.system.roleAssignment.findFirst({ where: { userId: existing.id, ...target } });
        if (dup) throw new DomainError(CommonErrorCode.Conflict, 'This person already has that role', [{ path: 'role', message: 'already assigned' }]);
        await tx.roleAssignment.create({ data: { userId: existing.id, ...target } });
        user = await tx.user.findFirstOrThrow({ where: { id: existing.id } });
      } else {
        user = await tx.user.create({
          data: { email, name: dto.name, status: 'invited', inviteTokenHash: sha256(token), inviteExpiresAt: new Date(Date.now() + this.config.INVITE_TTL_HOURS * 3_600_000) },
        });
        await tx.roleAssignment.create({ data: { userId: user.id, ...target } });
      }
      const link = `${this.config.CONSOLE_URL}/#/accept-invite?token=${encodeURIComponent(token)}`;
      const messageId = await this.outbox.write(tx, {
        to: email,
        consortiumId: target.consortiumId,
        subject: existing ? 'You have a new role in Tandem' : 'You are invited to Tandem',
        text: existing
          ? `Hello ${user.name},\n\nYou have been given the role ${target.role} in Tandem. Sign in as usual: ${this.config.CONSOLE_URL}\n`
          : `Hello ${dto.name},\n\nYou have been invited to Tandem as ${target.role}. Set your password here (valid ${this.config.INVITE_TTL_HOURS} hours):\n${link}\n`,
      });
      await this.audit.record(tx, {
        action: existing ? 'user.role_granted' : 'user.invited',
        entityType: 'User',
        entityId: user.id,
        after: { ...toUser(user), ...target },
        consortiumId: target.consortiumId,
        organisationId: target.organisationId,
      });
      return { user, messageId };
    });
    await this.outbox.dispatch([messageId]);
    return toUser(user);
  }

  async update(id: string, dto: UpdateUserDto): Promise<User> {
    const p = this.context.requirePrincipal();
    if (dto.status === 'disabled' && id === p.userId) {
      throw new DomainError(CommonErrorCode.Conflict, 'You cannot disable your own account', [{ path: 'status', message: 'not for yourself' }]);
    }
    return this.prisma.scoped.$transaction(async (tx) => {
      const before = await tx.user.findFirst({ where: { id } });
      if (!before) throw DomainError.notFound('User');
      // react-admin sends the status back unchanged; only real changes are checked.
      const status = dto.status === before.status ? undefined : dto.status;
      if (status === 'invited' || (status === 'active' && before.status === 'invited')) {
        throw DomainError.validation([{ path: 'status', message: 'an invited user becomes active by accepting the invitation' }]);
      }
      const row = await tx.user.update({ where: { id }, data: { name: dto.name, status } });
      if (status === 'disabled') {
        await this.prisma.system.refreshTokenFamily.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: new Date(), revokedReason: 'user disabled' } });
      }
      await this.audit.record(tx, { action: 'user.updated', entityType: 'User', entityId: id, before: toUser(before), after: toUser(row) });
      return toUser(row);
    });
  }
}
