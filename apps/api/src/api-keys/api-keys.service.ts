import { Injectable } from '@nestjs/common';
import type { ApiKey } from '@tandem/contracts';
import type { ApiKey as ApiKeyRow } from '@tandem/db';
import { AuditService, DomainError, PrismaService, RequestContext } from '@tandem/server';
import { newApiKey } from '../auth/tokens';
import { containsText, listPage, type ListPage, type ListSpec } from '../common/list-query';
import { iso } from '../common/serialize';
import type { CreateApiKeyDto } from './dto/api-key.dto';

export const API_KEY_LIST: ListSpec = {
  sortable: ['createdAt', 'name', 'lastUsedAt'],
  defaultSort: ['createdAt', 'desc'],
  filters: {
    organisationId: { type: 'uuid' },
    revoked: { type: 'boolean', where: (revoked) => ({ revokedAt: revoked ? { not: null } : null }) },
  },
  search: (q) => ({ name: containsText(q) }),
};

export function toApiKey(k: ApiKeyRow): ApiKey {
  return {
    id: k.id,
    consortiumId: k.consortiumId,
    organisationId: k.organisationId,
    name: k.name,
    prefix: k.prefix,
    lastUsedAt: iso(k.lastUsedAt),
    expiresAt: iso(k.expiresAt),
    revokedAt: iso(k.revokedAt),
    createdById: k.createdById,
    createdAt: k.createdAt.toISOString(),
    updatedAt: k.updatedAt.toISOString(),
  };
}

@Injectable()
export class ApiKeysService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
  ) {}

  async list(page: ListPage): Promise<{ rows: ApiKey[]; total: number }> {
    const { rows, total } = await listPage(this.prisma.read.apiKey, page);
    return { rows: rows.map(toApiKey), total };
  }

  async get(id: string): Promise<ApiKey> {
    const row = await this.prisma.scoped.apiKey.findFirst({ where: { id } });
    if (!row) throw DomainError.notFound('API key');
    return toApiKey(row);
  }

  /** The key is returned once; only its hash is stored. */
  async create(dto: CreateApiKeyDto): Promise<ApiKey> {
    const p = this.context.requirePrincipal();
    const consortiumId = p.role === 'platform_admin' ? dto.consortiumId : p.consortiumId;
    const organisationId = p.role === 'firm_admin' ? (dto.organisationId ?? p.organisationId) : dto.organisationId;
    const errors = [
      ...(consortiumId ? [] : [{ path: 'consortiumId', message: 'is required' }]),
      ...(organisationId ? [] : [{ path: 'organisationId', message: 'is required' }]),
    ];
    if (errors.length || !consortiumId || !organisationId) throw DomainError.validation(errors);
    const member = await this.prisma.scoped.membership.findFirst({ where: { consortiumId, organisationId }, select: { id: true } });
    if (!member) throw DomainError.validation([{ path: 'organisationId', message: 'no such member organisation' }]);
    const secret = newApiKey();
    return this.prisma.scoped.$transaction(async (tx) => {
      const row = await tx.apiKey.create({
        data: { consortiumId, organisationId, name: dto.name, prefix: secret.prefix, keyHash: secret.hash, createdById: p.userId, expiresAt: dto.expiresAt ? new Date(dto.expiresAt) : null },
      });
      await this.audit.record(tx, { action: 'api_key.created', entityType: 'ApiKey', entityId: row.id, after: toApiKey(row), consortiumId, organisationId });
      return { ...toApiKey(row), key: secret.key };
    });
  }

  /** Revoking keeps the record (for the audit trail); revoking twice changes nothing. */
  async revoke(id: string): Promise<ApiKey> {
    return this.prisma.scoped.$transaction(async (tx) => {
      const before = await tx.apiKey.findFirst({ where: { id } });
      if (!before) throw DomainError.notFound('API key');
      if (before.revokedAt) return toApiKey(before);
      const row = await tx.apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
      await this.audit.record(tx, { action: 'api_key.revoked', entityType: 'ApiKey', entityId: id, before: toApiKey(before), after: toApiKey(row), consortiumId: row.consortiumId, organisationId: row.organisationId });
      return toApiKey(row);
    });
  }
}
