import { Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { hash, verify } from '@node-rs/argon2';
import { ROLE_PERMISSIONS, type InvitationPreview, type Role, type SessionUser, type TokenPair } from '@tandem/contracts';
import { APP_CONFIG, AuditService, AuthErrorCode, DomainError, InvitationErrorCode, PrismaService, type AppConfig, type Principal } from '@tandem/server';
import { InvitationsService } from '../invitations/invitations.service';
import { LoginLimiter } from './login-limiter';
import { SessionRevocations } from './session-revocations';
import { familyOf, newRefreshToken, sha256 } from './tokens';

/** Access-token claims: enough to build the principal without a database round trip. */
export interface AccessClaims {
  sub: string;
  ra: string;
  role: Role;
  c: string | null;
  o: string | null;
  fam: string;
  /** issued at, in milliseconds: revocations compare against it (`iat` has whole seconds) */
  ims: number;
}

// Algorithm.Argon2id: the package's enum is a const enum, unusable under isolatedModules.
const ARGON2ID = 2;
const INVALID_CREDENTIALS = 'Email or password is incorrect';
/** Shortest password a person may choose (NIST SP 800-63B asks for at least 8; we ask 12). */
export const MIN_PASSWORD_LENGTH = 12;
// Verifying against a fixed hash when the email is unknown keeps the timing of both failures alike.
const DUMMY_HASH_PROMISE = hash('tandem-timing-equaliser', { algorithm: ARGON2ID });

export async function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

/** True when `password` is the one `passwordHash` was made from; a missing hash costs the same time. */
export async function passwordMatches(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  const ok = await verify(passwordHash ?? (await DUMMY_HASH_PROMISE), password).catch(() => false);
  return Boolean(passwordHash) && ok;
}

type AssignmentRow = { id: string; role: Role; consortiumId: string | null; organisationId: string | null };
type UserRow = { id: string; email: string; name: string; roleAssignments: AssignmentRow[] };

/** Only active role assignments can be signed in with, oldest first. */
const ACTIVE_ASSIGNMENTS = { where: { status: 'active' as const }, orderBy: { createdAt: 'asc' as const } };

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    private readonly revocations: SessionRevocations,
    private readonly invitations: InvitationsService,
    private readonly limiter: LoginLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Used by the local strategy: the user, or null with the same answer for every failure. */
  async verifyCredentials(email: string, password: string): Promise<UserRow | null> {
    const user = await this.prisma.system.user.findUnique({
      where: { email: email.toLowerCase() },
      select: { id: true, email: true, name: true, passwordHash: true, status: true, roleAssignments: ACTIVE_ASSIGNMENTS },
    });
    const ok = await passwordMatches(user?.passwordHash, password);
    if (!user || !ok || user.status !== 'active' || user.roleAssignments.length === 0) return null;
    return user;
  }

  invalidCredentials(): DomainError {
    return new DomainError(AuthErrorCode.InvalidCredentials, INVALID_CREDENTIALS);
  }

  async login(user: UserRow, roleAssignmentId?: string): Promise<TokenPair> {
    const assignment = roleAssignmentId ? user.roleAssignments.find((a) => a.id === roleAssignmentId) : user.roleAssignments[0];
    if (!assignment) throw DomainError.validation([{ path: 'roleAssignmentId', message: 'is not one of your role assignments' }]);
    const familyId = crypto.randomUUID();
    const refresh = newRefreshToken(familyId);
    await this.prisma.system.$transaction([
      this.prisma.system.refreshTokenFamily.create({
        data: {
          id: familyId,
          userId: user.id,
          roleAssignmentId: assignment.id,
          currentTokenHash: refresh.hash,
          expiresAt: new Date(Date.now() + this.config.REFRESH_TTL_DAYS * 86_400_000),
        },
      }),
      this.prisma.system.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } }),
    ]);
    return this.pair(user, assignment, familyId, refresh.token);
  }

  /**
   * Rotation: a refresh token works once. Presenting a spent one means it was stolen or
   * replayed, so the whole family (every session descended from that login) is revoked.
   */
  async refresh(token: string): Promise<TokenPair> {
    const presented = sha256(token);
    const familyId = familyOf(token);
    const family = await this.prisma.system.refreshTokenFamily.findUnique({
      where: { currentTokenHash: presented },
      include: { user: { include: { roleAssignments: ACTIVE_ASSIGNMENTS } }, roleAssignment: true },
    });
    if (!family) {
      const spent = await this.prisma.system.spentRefreshToken.findUnique({ where: { tokenHash: presented } });
      if (spent) {
        await this.revokeReused(spent.familyId);
        throw new DomainError(AuthErrorCode.RefreshReused, 'This refresh token was already used; the session has been revoked. Sign in again.');
      }
      throw new DomainError(AuthErrorCode.RefreshInvalid, 'Refresh token is invalid or expired');
    }
    if (
      family.revokedAt ||
      family.expiresAt < new Date() ||
      family.user.status !== 'active' ||
      family.roleAssignment.status !== 'active' ||
      family.id !== familyId ||
      (family.user.sessionsValidAfter && family.createdAt <= family.user.sessionsValidAfter)
    ) {
      throw new DomainError(AuthErrorCode.RefreshInvalid, 'Refresh token is invalid or expired');
    }
    const next = newRefreshToken(family.id);
    const rotated = await this.prisma.system.$transaction(async (tx) => {
      // Conditional on the presented hash: of two concurrent refreshes only one wins.
      const res = await tx.refreshTokenFamily.updateMany({
        where: { id: family.id, currentTokenHash: presented, revokedAt: null },
        data: { currentTokenHash: next.hash },
      });
      if (res.count !== 1) return false;
      await tx.spentRefreshToken.create({ data: { tokenHash: presented, familyId: family.id } });
      return true;
    });
    if (!rotated) {
      await this.revokeReused(family.id);
      throw new DomainError(AuthErrorCode.RefreshReused, 'This refresh token was already used; the session has been revoked. Sign in again.');
    }
    return this.pair(family.user, family.roleAssignment as AssignmentRow, family.id, next.token);
  }

  /**
   * Reuse of a refresh token: the family is revoked in the database whatever Redis says
   * (the refusal cannot wait for Redis); the access tokens of the family stop at the next
   * request when the marker can be written, at their expiry otherwise.
   */
  private async revokeReused(familyId: string): Promise<void> {
    await this.prisma.system.refreshTokenFamily.updateMany({ where: { id: familyId, revokedAt: null }, data: { revokedAt: new Date(), revokedReason: 'refresh token reused' } });
    await this.revocations.revokeFamilies([familyId]).catch((error: unknown) => this.logger.warn({ err: error, familyId }, 'reused refresh family revoked in the database only'));
  }

  /** Sign out: this session's access and refresh tokens stop working at once. */
  async logout(principal: Principal, familyId: string | undefined): Promise<void> {
    if (!familyId || !principal.userId) return;
    await this.revocations.revokeFamilies([familyId]);
    await this.prisma.system.refreshTokenFamily.updateMany({
      where: { id: familyId, userId: principal.userId, revokedAt: null },
      data: { revokedAt: new Date(), revokedReason: 'logout' },
    });
  }

  /**
   * End every session of a user (sign out everywhere, password change, account disabled):
   * access tokens issued until now are refused, refresh families revoked.
   */
  async endAllSessions(userId: string, reason: string): Promise<Date> {
    const at = new Date();
    await this.revocations.revokeUser(userId, at);
    await this.prisma.system.$transaction([
      this.prisma.system.user.update({ where: { id: userId }, data: { sessionsValidAfter: at } }),
      this.prisma.system.refreshTokenFamily.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: at, revokedReason: reason } }),
    ]);
    return at;
  }

  async me(principal: Principal): Promise<SessionUser> {
    if (principal.kind === 'api_key' || !principal.userId) {
      throw new DomainError(AuthErrorCode.Unauthenticated, 'An API key has no user session');
    }
    const user = await this.prisma.system.user.findUniqueOrThrow({ where: { id: principal.userId }, include: { roleAssignments: ACTIVE_ASSIGNMENTS } });
    const assignment = user.roleAssignments.find((a) => a.id === principal.roleAssignmentId);
    if (!assignment) throw new DomainError(AuthErrorCode.Unauthenticated, 'Your role assignment was removed or suspended; sign in again');
    return this.sessionUser(user, assignment);
  }

  /** A fresh session for a signed-in user under one of their active assignments (after a password change, an acceptance). */
  async sessionFor(userId: string, roleAssignmentId: string): Promise<TokenPair> {
    const user = await this.prisma.system.user.findUniqueOrThrow({ where: { id: userId }, include: { roleAssignments: ACTIVE_ASSIGNMENTS } });
    return this.login(user, roleAssignmentId);
  }

  /** What the holder of an invitation link may know before accepting: the offer, and whether their address has an account. */
  async previewInvite(token: string): Promise<InvitationPreview> {
    const inv = await this.invitations.findUsable(token);
    const [names, inviter, account] = await Promise.all([
      this.invitations.namesOf(inv),
      inv.invitedById ? this.prisma.system.user.findUnique({ where: { id: inv.invitedById }, select: { name: true } }) : null,
      this.prisma.system.user.findUnique({ where: { email: inv.email }, select: { status: true } }),
    ]);
    return {
      email: inv.email,
      name: inv.name,
      role: inv.role,
      organisationName: names.organisation,
      consortiumName: names.consortium,
      invitedByName: inviter?.name ?? null,
      expiresAt: inv.expiresAt.toISOString(),
      accountExists: account !== null,
    };
  }

  /**
   * Accept an invitation from its link. For an address without an account, the password
   * chosen here creates it. For an address with an account, the password is that account's
   * own (the person signs in to accept): a link never sets the password of an existing
   * account, and wrong passwords count against the same limits as a sign-in.
   */
  async acceptInvite(token: string, password: string, name: string | undefined, address: string): Promise<TokenPair> {
    const inv = await this.invitations.findUsable(token);
    const existing = await this.prisma.system.user.findUnique({ where: { email: inv.email }, select: { id: true, passwordHash: true, status: true } });
    let userId: string;
    let roleAssignmentId: string;
    if (existing) {
      await this.limiter.assertAllowed(inv.email, address);
      if (existing.status !== 'active' || !(await passwordMatches(existing.passwordHash, password))) {
        await this.limiter.recordFailure(inv.email, address);
        throw new DomainError(InvitationErrorCode.AccountExists, `This address already has a Tandem account: enter that account's password to accept (${INVALID_CREDENTIALS.toLowerCase()})`, [
          { path: 'password', message: 'is not the password of the account of this address' },
        ]);
      }
      await this.limiter.recordSuccess(inv.email, address);
      userId = existing.id;
      ({ roleAssignmentId } = await this.prisma.system.$transaction((tx) => this.invitations.acceptAs(tx, inv.id, existing.id)));
    } else {
      if (password.length < MIN_PASSWORD_LENGTH) throw DomainError.validation([{ path: 'password', message: `must be at least ${MIN_PASSWORD_LENGTH} characters` }]);
      const passwordHash = await hashPassword(password);
      ({ userId, roleAssignmentId } = await this.prisma.system.$transaction(async (tx) => {
        const user = await tx.user.create({ data: { email: inv.email, name: name?.trim() || inv.name, passwordHash, status: 'active' } });
        await this.audit.record(tx, { action: 'user.created', entityType: 'User', entityId: user.id, after: { email: user.email, name: user.name, invitationId: inv.id }, consortiumId: inv.consortiumId, organisationId: inv.organisationId, actor: { userId: user.id, apiKeyId: null } });
        const accepted = await this.invitations.acceptAs(tx, inv.id, user.id);
        return { userId: user.id, roleAssignmentId: accepted.roleAssignmentId };
      }));
    }
    return this.sessionFor(userId, roleAssignmentId);
  }

  /** Decline from the link: no account is needed, and none is touched. */
  async declineInvite(token: string): Promise<void> {
    const inv = await this.invitations.findUsable(token);
    await this.prisma.system.$transaction((tx) => this.invitations.declineAs(tx, inv.id, null));
  }

  private async pair(user: UserRow, a: AssignmentRow, familyId: string, refreshToken: string): Promise<TokenPair> {
    const claims: AccessClaims = { sub: user.id, ra: a.id, role: a.role, c: a.consortiumId, o: a.organisationId, fam: familyId, ims: Date.now() };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.JWT_ACCESS_TTL_SECONDS });
    return { accessToken, refreshToken, expiresIn: this.config.JWT_ACCESS_TTL_SECONDS, user: this.sessionUser(user, a) };
  }

  private sessionUser(user: UserRow, a: AssignmentRow): SessionUser {
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      role: a.role,
      roleAssignmentId: a.id,
      consortiumId: a.consortiumId,
      organisationId: a.organisationId,
      permissions: [...ROLE_PERMISSIONS[a.role]],
      assignments: user.roleAssignments.map((r) => ({ id: r.id, role: r.role, consortiumId: r.consortiumId, organisationId: r.organisationId })),
    };
  }
}
