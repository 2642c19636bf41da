import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-http-bearer';
import { API_KEY_PREFIX } from '@tandem/contracts';
import { PrismaService, type Principal } from '@tandem/server';
import { sha256 } from '../tokens';

const TOUCH_AFTER_MS = 60_000;

/**
 * A key lives only as long as the person who created it could create it today: their
 * account active and their role (firm admin of that firm, staff of that consortium, or
 * platform admin) active. A firm admin who leaves, is disabled or suspended does not keep
 * the firm's figures within reach through a key they copied.
 */
function creatorMayStillIssue(key: {
  consortiumId: string;
  organisationId: string;
  createdBy: { status: string; roleAssignments: { role: string; consortiumId: string | null; organisationId: string | null }[] } | null;
}): boolean {
  const creator = key.createdBy;
  if (!creator || creator.status !== 'active') return false;
  return creator.roleAssignments.some(
    (ra) =>
      ra.role === 'platform_admin' ||
      (ra.role === 'consortium_staff' && ra.consortiumId === key.consortiumId) ||
      (ra.role === 'firm_admin' && ra.consortiumId === key.consortiumId && ra.organisationId === key.organisationId),
  );
}

/**
 * Machine clients (members' ERP exports): `Authorization: Bearer tdm_…`. A key acts as a
 * firm contributor of its organisation in its consortium; revoked or expired keys fail, and
 * so do keys whose creator lost the right to create them.
 */
@Injectable()
export class ApiKeyStrategy extends PassportStrategy(Strategy, 'api-key') {
  constructor(private readonly prisma: PrismaService) {
    super();
  }

  async validate(token: string): Promise<Principal | false> {
    if (!token.startsWith(API_KEY_PREFIX)) return false;
    const key = await this.prisma.system.apiKey.findUnique({
      where: { keyHash: sha256(token) },
      include: { createdBy: { select: { status: true, roleAssignments: { where: { status: 'active' }, select: { role: true, consortiumId: true, organisationId: true } } } } },
    });
    if (!key || key.revokedAt || (key.expiresAt && key.expiresAt < new Date())) return false;
    if (!creatorMayStillIssue(key)) return false;
    // Recording every use would turn each read into a write; a minute's precision is enough.
    if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > TOUCH_AFTER_MS) {
      await this.prisma.system.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date() } });
    }
    return {
      kind: 'api_key',
      userId: null,
      apiKeyId: key.id,
      roleAssignmentId: null,
      role: 'firm_contributor',
      consortiumId: key.consortiumId,
      organisationId: key.organisationId,
    };
  }
}
