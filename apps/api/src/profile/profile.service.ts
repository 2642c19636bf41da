import { Injectable } from '@nestjs/common';
import type { MyInvitation, Profile, TokenPair } from '@tandem/contracts';
import { AuditService, AuthErrorCode, DomainError, PrismaService, UserErrorCode, type Principal } from '@tandem/server';
import { AuthService, hashPassword, passwordMatches } from '../auth/auth.service';
import { iso } from '../common/serialize';
import { InvitationsService } from '../invitations/invitations.service';

/**
 * The signed-in person's own account: their name and password, the roles they hold, their
 * sessions, and invitations addressed to them. Account-wide details change only here (by
 * the person) or by the platform admin, never by a firm admin or staff.
 */
@Injectable()
export class ProfileService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly auth: AuthService,
    private readonly invitations: InvitationsService,
  ) {}

  private userIdOf(p: Principal): string {
    if (p.kind !== 'user' || !p.userId) throw new DomainError(AuthErrorCode.Unauthenticated, 'An API key has no profile: sign in as a person');
    return p.userId;
  }

  async get(p: Principal): Promise<Profile> {
    const user = await this.prisma.system.user.findUniqueOrThrow({
      where: { id: this.userIdOf(p) },
      include: { roleAssignments: { orderBy: { createdAt: 'asc' }, include: { organisation: { select: { name: true } }, consortium: { select: { name: true } } } } },
    });
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      lastLoginAt: iso(user.lastLoginAt),
      roles: user.roleAssignments.map((a) => ({
        id: a.id,
        role: a.role,
        consortiumId: a.consortiumId,
        consortiumName: a.consortium?.name ?? null,
        organisationId: a.organisationId,
        organisationName: a.organisation?.name ?? null,
        status: a.status,
        current: a.id === p.roleAssignmentId,
      })),
    };
  }

  async rename(p: Principal, name: string): Promise<Profile> {
    const id = this.userIdOf(p);
    await this.prisma.system.$transaction(async (tx) => {
      const before = await tx.user.findUniqueOrThrow({ where: { id }, select: { name: true } });
      await tx.user.update({ where: { id }, data: { name } });
      await this.audit.record(tx, { action: 'user.renamed', entityType: 'User', entityId: id, before, after: { name }, organisationId: p.organisationId });
    });
    return this.get(p);
  }

  /** A new password ends every session, this one included; the answer is a fresh session under the same role. */
  async changePassword(p: Principal, currentPassword: string, newPassword: string): Promise<TokenPair> {
    const id = this.userIdOf(p);
    const user = await this.prisma.system.user.findUniqueOrThrow({ where: { id }, select: { passwordHash: true } });
    if (!(await passwordMatches(user.passwordHash, currentPassword))) {
      throw new DomainError(UserErrorCode.WrongPassword, 'The current password is not right', [{ path: 'currentPassword', message: 'is not your current password' }]);
    }
    if (currentPassword === newPassword) throw DomainError.validation([{ path: 'newPassword', message: 'must differ from the current password' }]);
    const passwordHash = await hashPassword(newPassword);
    await this.auth.endAllSessions(id, 'password changed');
    await this.prisma.system.$transaction(async (tx) => {
      await tx.user.update({ where: { id }, data: { passwordHash } });
      await this.audit.record(tx, { action: 'user.password_changed', entityType: 'User', entityId: id, organisationId: p.organisationId });
    });
    if (!p.roleAssignmentId) throw new DomainError(AuthErrorCode.Unauthenticated, 'Sign in again');
    return this.auth.sessionFor(id, p.roleAssignmentId);
  }

  async signOutEverywhere(p: Principal): Promise<void> {
    const id = this.userIdOf(p);
    await this.auth.endAllSessions(id, 'signed out everywhere');
    await this.prisma.system.$transaction((tx) => this.audit.record(tx, { action: 'user.signed_out_everywhere', entityType: 'User', entityId: id, organisationId: p.organisationId }));
  }

  async myInvitations(p: Principal): Promise<MyInvitation[]> {
    const id = this.userIdOf(p);
    const { email } = await this.prisma.system.user.findUniqueOrThrow({ where: { id }, select: { email: true } });
    const rows = await this.invitations.pendingFor(email);
    return Promise.all(
      rows.map(async (r) => {
        const [names, inviter] = await Promise.all([
          this.invitations.namesOf(r),
          r.invitedById ? this.prisma.system.user.findUnique({ where: { id: r.invitedById }, select: { name: true } }) : null,
        ]);
        return { id: r.id, role: r.role, organisationName: names.organisation, consortiumName: names.consortium, invitedByName: inviter?.name ?? null, expiresAt: r.expiresAt.toISOString() };
      }),
    );
  }

  /** Only an invitation addressed to the person's own address; any other id reads as not found. */
  private async ownInvitation(p: Principal, invitationId: string): Promise<string> {
    const id = this.userIdOf(p);
    const { email } = await this.prisma.system.user.findUniqueOrThrow({ where: { id }, select: { email: true } });
    const inv = await this.prisma.system.invitation.findFirst({ where: { id: invitationId, email }, select: { id: true } });
    if (!inv) throw DomainError.notFound('Invitation');
    return id;
  }

  async acceptInvitation(p: Principal, invitationId: string): Promise<Profile> {
    const userId = await this.ownInvitation(p, invitationId);
    await this.prisma.system.$transaction((tx) => this.invitations.acceptAs(tx, invitationId, userId));
    return this.get(p);
  }

  async declineInvitation(p: Principal, invitationId: string): Promise<void> {
    const userId = await this.ownInvitation(p, invitationId);
    await this.prisma.system.$transaction((tx) => this.invitations.declineAs(tx, invitationId, userId));
  }
}
