import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { hash, verify } from '@node-rs/argon2';
import { ROLE_PERMISSIONS, type Role, type SessionUser, type TokenPair } from '@tandem/contracts';
import { APP_CONFIG, AuditService, AuthErrorCode, DomainError, PrismaService, type AppConfig, type Principal } from '@tandem/server';
import { familyOf, newRefreshToken, sha256 } from './tokens';

/** Access-token claims: enough to build the principal without a database round trip. */
export interface AccessClaims {
  sub: string;
  ra: string;
  role: Role;
  c: string | null;
  o: string | null;
  fam: string;
}

// Algorithm.Argon2id: the package's enum is a const enum, unusable under isolatedModules.
const ARGON2ID = 2;
const INVALID_CREDENTIALS = 'Email or password is incorrect';
// Verifying against a fixed hash when the email is unknown keeps the timing of both failures alike.
const DUMMY_HASH_PROMISE = hash('tandem-timing-equaliser', { algorithm: ARGON2ID });

export async function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

type AssignmentRow = { id: string; role: Role; consortiumId: string | null; organisationId: string | null };
type UserRow = { id: string; email: string; name: string; roleAssignments: AssignmentRow[] };

@Injectable()
export class AuthService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Used by the local strategy: the user, or null with the same answer for every failure. */
  async verifyCredentials(email: string, password: string): Promise<UserRow | null> {
    const user = await this.prisma.system.user.findUnique({
      where: { email: email.toLowerCase() },
      select: { id: true, email: true, name: true, passwordHash: true, status: true, roleAssignments: { orderBy: { createdAt: 'asc' } } },
    });
    const ok = await verify(user?.passwordHash ?? (await DUMMY_HASH_PROMISE), password).catch(() => false);
    if (!user || !user.passwordHash || !ok || user.status !== 'active' || user.roleAssignments.length === 0) return null;
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
      include: { user: { include: { roleAssignments: { orderBy: { createdAt: 'asc' } } } }, roleAssignment: true },
    });
    if (!family) {
      const spent = await this.prisma.system.spentRefreshToken.findUnique({ where: { tokenHash: presented } });
      if (spent) {
        await this.revokeFamily(spent.familyId, 'refresh token reused');
        throw new DomainError(AuthErrorCode.RefreshReused, 'This refresh token was already used; the session has been revoked. Sign in again.');
      }
      throw new DomainError(AuthErrorCode.RefreshInvalid, 'Refresh token is invalid or expired');
    }
    if (family.revokedAt || family.expiresAt < new Date() || family.user.status !== 'active' || family.id !== familyId) {
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
      await this.revokeFamily(family.id, 'refresh token reused');
      throw new DomainError(AuthErrorCode.RefreshReused, 'This refresh token was already used; the session has been revoked. Sign in again.');
    }
    return this.pair(family.user, family.roleAssignment as AssignmentRow, family.id, next.token);
  }

  async logout(principal: Principal, familyId: string | undefined): Promise<void> {
    if (familyId) await this.revokeFamily(familyId, 'logout', principal.userId ?? undefined);
  }

  async revokeFamily(familyId: string, reason: string, userId?: string): Promise<void> {
    await this.prisma.system.refreshTokenFamily.updateMany({
      where: { id: familyId, revokedAt: null, ...(userId ? { userId } : {}) },
      data: { revokedAt: new Date(), revokedReason: reason },
    });
  }

  async me(principal: Principal): Promise<SessionUser> {
    if (principal.kind === 'api_key' || !principal.userId) {
      throw new DomainError(AuthErrorCode.Unauthenticated, 'An API key has no user session');
    }
    const user = await this.prisma.system.user.findUniqueOrThrow({
      where: { id: principal.userId },
      include: { roleAssignments: { orderBy: { createdAt: 'asc' } } },
    });
    const assignment = user.roleAssignments.find((a) => a.id === principal.roleAssignmentId);
    if (!assignment) throw new DomainError(AuthErrorCode.Unauthenticated, 'Your role assignment was removed; sign in again');
    return this.sessionUser(user, assignment);
  }

  /** Set the password from an invitation link; the token works once and expires. */
  async acceptInvite(token: string, password: string): Promise<TokenPair> {
    const user = await this.prisma.system.user.findUnique({
      where: { inviteTokenHash: sha256(token) },
      include: { roleAssignments: { orderBy: { createdAt: 'asc' } } },
    });
    if (!user || !user.inviteExpiresAt || user.inviteExpiresAt < new Date() || user.status === 'disabled') {
      throw new DomainError(AuthErrorCode.InviteInvalid, 'This invitation link is invalid or has expired; ask for a new one', [
        { path: 'token', message: 'invalid or expired' },
      ]);
    }
    const passwordHash = await hashPassword(password);
    const updated = await this.prisma.system.$transaction(async (tx) => {
      const after = await tx.user.update({
        where: { id: user.id },
        data: { passwordHash, status: 'active', inviteTokenHash: null, inviteExpiresAt: null },
        include: { roleAssignments: { orderBy: { createdAt: 'asc' } } },
      });
      await this.audit.record(tx, {
        action: 'user.invite_accepted',
        entityType: 'User',
        entityId: user.id,
        before: { status: user.status },
        after: { status: after.status },
        consortiumId: user.roleAssignments[0]?.consortiumId ?? null,
      });
      return after;
    });
    return this.login(updated);
  }

  private async pair(user: UserRow, a: AssignmentRow, familyId: string, refreshToken: string): Promise<TokenPair> {
    const claims: AccessClaims = { sub: user.id, ra: a.id, role: a.role, c: a.consortiumId, o: a.organisationId, fam: familyId };
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
