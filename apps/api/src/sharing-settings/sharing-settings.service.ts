import { Injectable } from '@nestjs/common';
import { DEFAULT_SHARED_CATEGORIES, type MetricCategory, type SharingSetting } from '@tandem/contracts';
import type { SharingSetting as SharingSettingRow } from '@tandem/db';
import { AuditService, CommonErrorCode, DomainError, PrismaService, RequestContext, sharedWithCustomer } from '@tandem/server';
import { listPage, type ListPage, type ListSpec } from '../common/list-query';
import type { CreateSharingSettingDto, UpdateSharingSettingDto } from './dto/sharing-setting.dto';

export const SHARING_SETTING_LIST: ListSpec = {
  sortable: ['createdAt', 'updatedAt'],
  defaultSort: ['createdAt', 'asc'],
  filters: { supplierId: { type: 'uuid' }, customerId: { type: 'uuid' } },
};

export function toSharingSetting(s: SharingSettingRow): SharingSetting {
  return { id: s.id, supplierId: s.supplierId, customerId: s.customerId, categories: s.categories, createdAt: s.createdAt.toISOString(), updatedAt: s.updatedAt.toISOString() };
}

/**
 * What a supplier shares with each of its customers, per metric category (benchmarks.md
 * rule 8). Only the supplier's own firm admin decides; staff read every setting of the
 * consortium, a customer buyer the settings towards its own firm. No row = the default
 * (delivery and quality).
 */
@Injectable()
export class SharingSettingsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
  ) {}

  async list(page: ListPage): Promise<{ rows: SharingSetting[]; total: number }> {
    const { rows, total } = await listPage(this.prisma.scoped.sharingSetting, page);
    return { rows: rows.map(toSharingSetting), total };
  }

  /** The categories each supplier shares with `customerId`, in the reader's consortium (the one reading of settings: libs/server). */
  async sharedWith(customerId: string, supplierIds: string[]): Promise<Map<string, readonly MetricCategory[]>> {
    const consortiumId = this.context.requirePrincipal().consortiumId;
    if (!consortiumId) return new Map(supplierIds.map((s) => [s, DEFAULT_SHARED_CATEGORIES]));
    return sharedWithCustomer(this.prisma, consortiumId, customerId, supplierIds);
  }

  async get(id: string): Promise<SharingSetting> {
    const row = await this.prisma.scoped.sharingSetting.findFirst({ where: { id } });
    if (!row) throw DomainError.notFound('Sharing setting');
    return toSharingSetting(row);
  }

  async create(dto: CreateSharingSettingDto): Promise<SharingSetting> {
    const p = this.context.requirePrincipal();
    if (!p.organisationId || !p.consortiumId) throw new DomainError(CommonErrorCode.Forbidden, 'Only a supplier decides what it shares with its customers');
    const supplierId = p.organisationId;
    const consortiumId = p.consortiumId;
    const db = this.prisma.scoped;
    // the supplier's own relationships: another firm's customers are not named, whoever they are
    const relationship = await db.supplyRelationship.findFirst({ where: { consortiumId, supplierId, customerId: dto.customerId }, select: { id: true } });
    if (!relationship) throw DomainError.validation([{ path: 'customerId', message: 'is not a customer of your firm' }]);
    const existing = await db.sharingSetting.findFirst({ where: { consortiumId, supplierId, customerId: dto.customerId }, select: { id: true } });
    if (existing) throw new DomainError(CommonErrorCode.Conflict, `Your firm has a setting for this customer already (${existing.id}); change it`, [{ path: 'customerId', message: 'has a setting already' }]);
    return db.$transaction(async (tx) => {
      const row = await tx.sharingSetting.create({ data: { consortiumId, supplierId, customerId: dto.customerId, categories: dto.categories as MetricCategory[] } });
      const out = toSharingSetting(row);
      await this.audit.record(tx, { action: 'sharing_setting.created', entityType: 'SharingSetting', entityId: row.id, after: out, consortiumId, organisationId: supplierId });
      return out;
    });
  }

  private async own(id: string): Promise<SharingSettingRow> {
    const p = this.context.requirePrincipal();
    const row = await this.prisma.scoped.sharingSetting.findFirst({ where: { id } });
    if (!row) throw DomainError.notFound('Sharing setting');
    if (row.supplierId !== p.organisationId) throw new DomainError(CommonErrorCode.Forbidden, 'Only the supplier changes what it shares');
    return row;
  }

  async update(id: string, dto: UpdateSharingSettingDto): Promise<SharingSetting> {
    const before = await this.own(id);
    return this.prisma.scoped.$transaction(async (tx) => {
      const row = await tx.sharingSetting.update({ where: { id }, data: { categories: dto.categories as MetricCategory[] } });
      const out = toSharingSetting(row);
      await this.audit.record(tx, { action: 'sharing_setting.updated', entityType: 'SharingSetting', entityId: id, before: toSharingSetting(before), after: out, consortiumId: row.consortiumId, organisationId: row.supplierId });
      return out;
    });
  }

  /** Back to the default (delivery and quality). */
  async remove(id: string): Promise<SharingSetting> {
    const before = await this.own(id);
    return this.prisma.scoped.$transaction(async (tx) => {
      await tx.sharingSetting.delete({ where: { id } });
      const out = toSharingSetting(before);
      await this.audit.record(tx, { action: 'sharing_setting.deleted', entityType: 'SharingSetting', entityId: id, before: out, consortiumId: before.consortiumId, organisationId: before.supplierId });
      return out;
    });
  }
}
