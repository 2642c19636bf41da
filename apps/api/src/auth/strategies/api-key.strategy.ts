import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-http-bearer';
import { API_KEY_PREFIX } from '@tandem/contracts';
import { PrismaService, type Principal } from '@tandem/server';
import { sha256 } from '../tokens';

const TOUCH_AFTER_MS = 60_000;

/**
 * Machine clients (members' ERP exports): `Authorization: Bearer tdm_…`. A key acts as a
 * firm contributor of its organisation in its consortium; revoked or expired keys fail.
 */
@Injectable()
export class ApiKeyStrategy extends PassportStrategy(Strategy, 'api-key') {
  constructor(private readonly prisma: PrismaService) {
    super();
  }

  async validate(token: string): Promise<Principal | false> {
    if (!token.startsWith(API_KEY_PREFIX)) return false;
    const key = await this.prisma.system.apiKey.findUnique({ where: { keyHash: sha256(token) } });
    if (!key || key.revokedAt || (key.expiresAt && key.expiresAt < new Date())) return false;
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
