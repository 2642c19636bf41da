import { Inject, Injectable } from '@nestjs/common';
import { INVITATION_STATUSES, ROLE_LABELS, ROLES, type Invitation, type InvitationStatus } from '@tandem/contracts';
import type { Invitation as InvitationRow, Prisma } from '@tandem/db';
import {
  APP_CONFIG,
  AuditService,
  DomainError,
  InvitationErrorCode,
  OutboxService,
  PrismaService,
  RequestContext,
  type ScopedTx,
  type AppConfig,
  type Principal,
} from '@tandem/server';
import { randomSecret, sha256 } from '../auth/tokens';
import { containsText, type ListPage, type ListSpec } from '../common/list-query';
import { iso } from '../common/serialize';
import { resolveAssignment, type AssignmentTarget } from './invitations.policy';
import type { CreateInvitationDto } from './dto/invitation.dto';

const DAY_MS = 86_400_000;
/** invitations one address may get from one firm or one consortium a day (a resend supersedes the last) */
const INVITATIONS_PER_ADDRESS_PER_DAY = 3;

/** `expired` is a pending invitation past its expiry; the stored status stays `pending`. */
function statusFilter(condition: unknown): Record<string, unknown> {
  const wanted = (typeof condition === 'object' && condition !== null && 'in' in condition ? (condition as { in: string[] }).in : [condition]) as InvitationStatus[];
  const now = new Date();
  return {
    OR: wanted.map((s) =>
      s === 'expired' ? { status: 'pending', expiresAt: { lt: now } } : s === 'pending' ? { status: 'pending', expiresAt: { gte: now } } : { status: s },
    ),
  };
}

export const INVITATION_LIST: ListSpec = {
  sortable: ['createdAt', 'expiresAt', 'email', 'role', 'status'],
  defaultSort: ['createdAt', 'desc'],
  filters: {
    status: { type: 'enum', values: INVITATION_STATUSES, where: statusFilter },
    role: { type: 'enum', values: ROLES },
    organisationId: { type: 'uuid' },
    consortiumId: { type: 'uuid' },
    email: { type: 'string', mode: 'contains' },
  },
  search: (q) => ({ OR: [{ email: containsText(q.toLowerCase(), 'as-stored') }, { name: containsText(q) }] }),
};

export function invitationStatus(row: Pick<InvitationRow, 'status' | 'expiresAt'>, now = new Date()): InvitationStatus {
  return row.status === 'pending' && row.expiresAt < now ? 'expired' : row.status;
}

type InvitationWithInviter = InvitationRow & { invitedBy?: { name: string } | null };
/** Every read of an invitation brings its inviter's name. */
const WITH_INVITER = { invitedBy: { select: { name: true } } } as const;

export function toInvitation(r: InvitationWithInviter): Invitation {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    consortiumId: r.consortiumId,
    organisationId: r.organisationId,
    status: invitationStatus(r),
    expiresAt: r.expiresAt.toISOString(),
    invitedById: r.invitedById,
    invitedByName: r.invitedBy?.name ?? null,
    decidedAt: iso(r.decidedAt),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** A transaction of the system client: acceptance happens for a person, not within an inviter's scope. */
type SystemTx = Prisma.TransactionClient;

/**
 * Invitations: the only way a role comes to exist for a person. The inviter learns nothing
 * about the address (the same answer, the same e-mail, whether or not it has an account);
 * the invited person accepts — signed in with the account that owns the address, or by
 * choosing a password for a new one — and only then is the role assignment created.
 */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly context: RequestContext,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(page: ListPage): Promise<{ rows: Invitation[]; total: number }> {
    const db = this.prisma.scoped.invitation;
    const [rows, total] = await Promise.all([
      db.findMany({ where: page.where, orderBy: page.orderBy, skip: page.skip, take: page.take, include: WITH_INVITER }),
      db.count({ where: page.where }),
    ]);
    return { rows: rows.map(toInvitation), total };
  }

  async get(id: string): Promise<Invitation> {
    const row = await this.prisma.scoped.invitation.findFirst({ where: { id }, include: WITH_INVITER });
    if (!row) throw DomainError.notFound('Invitation');
    return toInvitation(row);
  }

  async create(dto: CreateInvitationDto): Promise<Invitation> {
    const p = this.context.requirePrincipal();
    const target = await resolveAssignment(this.prisma, p, dto);
    const email = dto.email.toLowerCase();
    const token = randomSecret(32);
    const names = await this.namesOf(target);
    const inviter = p.userId ? await this.prisma.system.user.findUnique({ where: { id: p.userId }, select: { name: true } }) : null;

    const { row, messageId } = await this.prisma.scoped.$transaction(async (tx) => {
      await this.assertUnderCaps(tx, p, target, email);
      // A new invitation replaces a pending one for the same address and role: only the newest link works.
      const superseded = await tx.invitation.updateMany({
        where: { email, role: target.role, consortiumId: target.consortiumId, organisationId: target.organisationId, status: 'pending' },
        data: { status: 'revoked', decidedAt: new Date() },
      });
      const row = await tx.invitation.create({
        include: WITH_INVITER,
        data: {
          email,
          name: dto.name,
          role: target.role,
          consortiumId: target.consortiumId,
          organisationId: target.organisationId,
          tokenHash: sha256(token),
          expiresAt: new Date(Date.now() + this.config.INVITE_TTL_HOURS * 3_600_000),
          invitedById: p.userId,
        },
      });
      const link = `${this.config.CONSOLE_URL}/#/accept-invite?token=${encodeURIComponent(token)}`;
      const where = [names.organisation, names.consortium].filter(Boolean).join(', ');
      // One text whether or not the address has an account: the inviter must not be able to
      // tell, and the recipient learns it on the page the link opens.
      const messageId = await this.outbox.write(tx, {
        to: email,
        consortiumId: target.consortiumId,
        subject: 'You are invited to Tandem',
        sensitive: true,
        text:
          `Hello,\n\n${inviter?.name ?? 'The Tandem platform'} invites you to take the role ${ROLE_LABELS[target.role]}` +
          `${where ? ` (${where})` : ''} in Tandem.\n\n` +
          `Open this link to accept or decline (valid ${this.config.INVITE_TTL_HOURS} hours):\n${link}\n\n` +
          `If you already use Tandem with this address, you confirm with your password; otherwise you choose one.\n` +
          `If you did not expect this invitation, ignore this message: nothing happens until you accept.\n`,
      });
      await this.audit.record(tx, {
        action: 'invitation.created',
        entityType: 'Invitation',
        entityId: row.id,
        after: toInvitation(row),
        consortiumId: row.consortiumId,
        organisationId: row.organisationId,
      });
      if (superseded.count > 0) {
        await this.audit.record(tx, { action: 'invitation.superseded', entityType: 'Invitation', entityId: row.id, after: { superseded: superseded.count }, consortiumId: row.consortiumId, organisationId: row.organisationId });
      }
      return { row, messageId };
    });
    await this.outbox.dispatch([messageId]);
    return toInvitation(row);
  }

  /** Revoke a pending invitation: its link stops working; an accepted one is ended by revoking the role. */
  async revoke(id: string): Promise<Invitation> {
    return this.prisma.scoped.$transaction(async (tx) => {
      const before = await tx.invitation.findFirst({ where: { id }, include: WITH_INVITER });
      if (!before) throw DomainError.notFound('Invitation');
      if (before.status !== 'pending') {
        throw new DomainError(InvitationErrorCode.NotPending, `This invitation is ${invitationStatus(before)}: only a pending invitation can be revoked`);
      }
      const row = await tx.invitation.update({ where: { id }, data: { status: 'revoked', decidedAt: new Date() }, include: WITH_INVITER });
      await this.audit.record(tx, { action: 'invitation.revoked', entityType: 'Invitation', entityId: id, before: toInvitation(before), after: toInvitation(row), consortiumId: row.consortiumId, organisationId: row.organisationId });
      return toInvitation(row);
    });
  }

  /** The pending, unexpired invitation a link's secret belongs to, or the same 400 for every other case. */
  async findUsable(token: string): Promise<InvitationRow> {
    const row = await this.prisma.system.invitation.findUnique({ where: { tokenHash: sha256(token) } });
    if (!row || invitationStatus(row) !== 'pending') throw DomainError.inviteInvalid();
    return row;
  }

  /** Pending invitations addressed to a person's own address, for them to accept while signed in. */
  async pendingFor(email: string): Promise<InvitationRow[]> {
    return this.prisma.system.invitation.findMany({ where: { email, status: 'pending', expiresAt: { gte: new Date() } }, orderBy: { createdAt: 'desc' }, take: 50 });
  }

  /**
   * Accept for `userId`, inside the caller's transaction: the role assignment is created (or,
   * held already but suspended, reactivated) and the invitation records who accepted. The
   * invitation is re-read FOR UPDATE so two acceptances of one link make one assignment.
   */
  async acceptAs(tx: SystemTx, invitationId: string, userId: string): Promise<{ roleAssignmentId: string }> {
    await tx.$queryRaw`SELECT id FROM "Invitation" WHERE id = ${invitationId}::uuid FOR UPDATE`;
    const inv = await tx.invitation.findUniqueOrThrow({ where: { id: invitationId } });
    if (invitationStatus(inv) !== 'pending') throw DomainError.inviteInvalid();
    if (inv.organisationId && inv.consortiumId) {
      // The firm may have left the consortium since the invitation was sent.
      const member = await tx.membership.findFirst({ where: { consortiumId: inv.consortiumId, organisationId: inv.organisationId, status: { not: 'exited' } }, select: { id: true } });
      if (!member) throw DomainError.inviteInvalid();
    }
    const target = { role: inv.role, consortiumId: inv.consortiumId, organisationId: inv.organisationId };
    const held = await tx.roleAssignment.findFirst({ where: { userId, ...target } });
    const assignment = held
      ? await tx.roleAssignment.update({ where: { id: held.id }, data: { status: 'active', suspendedAt: null } })
      : await tx.roleAssignment.create({ data: { userId, ...target } });
    await tx.invitation.update({ where: { id: inv.id }, data: { status: 'accepted', decidedAt: new Date(), acceptedById: userId, roleAssignmentId: assignment.id } });
    const actor = { userId, apiKeyId: null };
    await this.audit.record(tx, { action: 'invitation.accepted', entityType: 'Invitation', entityId: inv.id, after: { roleAssignmentId: assignment.id }, consortiumId: inv.consortiumId, organisationId: inv.organisationId, actor });
    await this.audit.record(tx, {
      action: held ? 'role_assignment.reactivated' : 'role_assignment.created',
      entityType: 'RoleAssignment',
      entityId: assignment.id,
      after: { ...target, userId, status: 'active', invitationId: inv.id },
      consortiumId: inv.consortiumId,
      organisationId: inv.organisationId,
      actor,
    });
    return { roleAssignmentId: assignment.id };
  }

  /** Decline: the link stops working; nothing else changes. */
  async declineAs(tx: SystemTx, invitationId: string, userId: string | null): Promise<void> {
    const res = await tx.invitation.updateMany({ where: { id: invitationId, status: 'pending' }, data: { status: 'declined', decidedAt: new Date() } });
    if (res.count !== 1) throw DomainError.inviteInvalid();
    const inv = await tx.invitation.findUniqueOrThrow({ where: { id: invitationId } });
    await this.audit.record(tx, { action: 'invitation.declined', entityType: 'Invitation', entityId: inv.id, consortiumId: inv.consortiumId, organisationId: inv.organisationId, actor: { userId, apiKeyId: null } });
  }

  /** Names the invited person reads (the organisation and consortium of the role). */
  async namesOf(target: Pick<AssignmentTarget, 'consortiumId' | 'organisationId'>): Promise<{ organisation: string | null; consortium: string | null }> {
    const [org, consortium] = await Promise.all([
      target.organisationId ? this.prisma.system.organisation.findUnique({ where: { id: target.organisationId }, select: { name: true } }) : null,
      target.consortiumId ? this.prisma.system.consortium.findUnique({ where: { id: target.consortiumId }, select: { name: true } }) : null,
    ]);
    return { organisation: org?.name ?? null, consortium: consortium?.name ?? null };
  }

  /**
   * Daily caps on invitations: per firm for firm admins, per consortium for staff, and per
   * address from one firm or consortium, so an inviter cannot turn Tandem into a mailer. Run
   * inside the creating transaction after a lock on the cap's scope: parallel requests are
   * counted one after the other (without it, 40 at once all saw the count below the cap).
   */
  private async assertUnderCaps(tx: ScopedTx, p: Principal, target: AssignmentTarget, email: string): Promise<void> {
    if (p.role === 'platform_admin') return;
    const perFirm = p.role === 'firm_admin';
    const where = perFirm ? { organisationId: target.organisationId, consortiumId: target.consortiumId } : { consortiumId: target.consortiumId };
    const scopeKey = perFirm ? `invitations:firm:${target.organisationId ?? ''}:${target.consortiumId ?? ''}` : `invitations:consortium:${target.consortiumId ?? ''}`;
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${scopeKey}, 0))::text`;
    const since = new Date(Date.now() - DAY_MS);
    // How many were sent in the last 24 hours, and when the oldest of them leaves the window.
    const sentSince = async (extra: { email?: string }): Promise<{ n: number; retryAfter: number }> => {
      const { _count, _min } = await tx.invitation.aggregate({ where: { ...where, ...extra, createdAt: { gte: since } }, _count: { _all: true }, _min: { createdAt: true } });
      const oldest = _min.createdAt;
      return { n: _count._all, retryAfter: oldest ? Math.max(1, Math.ceil((oldest.getTime() + DAY_MS - Date.now()) / 1000)) : 3600 };
    };

    const cap = perFirm ? this.config.INVITATIONS_PER_FIRM_PER_DAY : this.config.INVITATIONS_PER_CONSORTIUM_PER_DAY;
    const recent = await sentSince({});
    if (recent.n >= cap) {
      throw new DomainError(InvitationErrorCode.DailyCapReached, `${perFirm ? 'This firm' : 'This consortium'} has sent ${cap} invitations in the last 24 hours, the most allowed; try again later`, undefined, recent.retryAfter);
    }
    const toAddress = await sentSince({ email });
    if (toAddress.n >= INVITATIONS_PER_ADDRESS_PER_DAY) {
      throw new DomainError(
        InvitationErrorCode.DailyCapReached,
        `This address has been invited ${INVITATIONS_PER_ADDRESS_PER_DAY} times in the last 24 hours from ${perFirm ? 'this firm' : 'this consortium'}; the latest link still works`,
        [{ path: 'email', message: 'invited too often today' }],
        toAddress.retryAfter,
      );
    }
  }
}
