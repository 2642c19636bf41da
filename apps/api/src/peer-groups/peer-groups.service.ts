import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PEER_GROUP_KINDS, type PeerGroup } from '@tandem/contracts';
import type { PeerGroup as PeerGroupRow } from '@tandem/db';
import { AuditService, CommonErrorCode, DomainError, isStaffViewer, PrismaService, RequestContext, type ScopedPrismaClient } from '@tandem/server';
import { containsText, listPage, type ListPage, type ListSpec } from '../common/list-query';
import type { CreatePeerGroupDto, UpdatePeerGroupDto } from './dto/peer-group.dto';

export const PEER_GROUP_LIST: ListSpec = {
  sortable: ['name', 'kind', 'createdAt', 'updatedAt'],
  defaultSort: ['name', 'asc'],
  filters: { kind: { type: 'enum', values: PEER_GROUP_KINDS }, active: { type: 'boolean' }, customerId: { type: 'uuid' } },
  search: (q) => ({ name: containsText(q) }),
};

export function toPeerGroup(g: PeerGroupRow, staff: boolean): PeerGroup {
  return {
    id: g.id,
    consortiumId: g.consortiumId,
    kind: g.kind,
    key: g.key,
    name: g.name,
    customerId: g.customerId,
    // who is in a custom group is staff's to know; members see its statistics under disclosure control
    ...(staff ? { organisationIds: g.organisationIds, filterNaics: g.filterNaics, filterSizeBands: g.filterSizeBands, filterRegions: g.filterRegions } : {}),
    active: g.active,
    createdAt: g.createdAt.toISOString(),
    updatedAt: g.updatedAt.toISOString(),
  };
}

/**
 * Peer groups: the recompute keeps the consortium's, NAICS, size band, region and supply
 * base groups; staff save custom ones (a named list of member organisations). Custom groups
 * are staff's own analysis and never leave staff: any set of firms can be named, so their
 * cells combined with the public ones could single a firm out.
 */
@Injectable()
export class PeerGroupsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
  ) {}

  private staff(): boolean {
    return isStaffViewer(this.context.requirePrincipal());
  }

  async list(page: ListPage): Promise<{ rows: PeerGroup[]; total: number }> {
    const { rows, total } = await listPage(this.prisma.scoped.peerGroup, page);
    const staff = this.staff();
    return { rows: rows.map((r) => toPeerGroup(r, staff)), total };
  }

  async get(id: string): Promise<PeerGroup> {
    const row = await this.prisma.scoped.peerGroup.findFirst({ where: { id } });
    if (!row) throw DomainError.notFound('Peer group');
    return toPeerGroup(row, this.staff());
  }

  /** Every id must be a member of the consortium; errors name the position in the list. */
  private async checkMembers(db: ScopedPrismaClient, consortiumId: string, ids: readonly string[]): Promise<void> {
    const members = await db.membership.findMany({ where: { consortiumId, organisationId: { in: [...ids] } }, select: { organisationId: true } });
    const found = new Set(members.map((m) => m.organisationId));
    const errors = ids.flatMap((id, i) => (found.has(id) ? [] : [{ path: `organisationIds.${i}`, message: 'is not a member of this consortium' }]));
    if (errors.length) throw DomainError.validation(errors);
  }

  /**
   * A custom group is either a named list of organisations or a saved filter (NAICS codes,
   * size bands, regions), never both and never neither: errors name the fields.
   */
  private definition(dto: Partial<CreatePeerGroupDto>, before?: PeerGroupRow): Pick<PeerGroupRow, 'organisationIds' | 'filterNaics' | 'filterSizeBands' | 'filterRegions'> {
    const listGiven = dto.organisationIds !== undefined;
    const filterGiven = dto.filterNaics !== undefined || dto.filterSizeBands !== undefined || dto.filterRegions !== undefined;
    const next = {
      organisationIds: dto.organisationIds ?? (filterGiven ? [] : (before?.organisationIds ?? [])),
      filterNaics: dto.filterNaics ?? (listGiven ? [] : (before?.filterNaics ?? [])),
      filterSizeBands: dto.filterSizeBands ?? (listGiven ? [] : (before?.filterSizeBands ?? [])),
      filterRegions: dto.filterRegions ?? (listGiven ? [] : (before?.filterRegions ?? [])),
    };
    const filters = next.filterNaics.length + next.filterSizeBands.length + next.filterRegions.length;
    if (next.organisationIds.length > 0 && filters > 0) {
      throw DomainError.validation([{ path: 'organisationIds', message: 'a group is a list of organisations or a filter, not both' }]);
    }
    if (next.organisationIds.length === 0 && filters === 0) {
      throw DomainError.validation([
        { path: 'organisationIds', message: 'must name at least one organisation, or give a filter' },
        { path: 'filterNaics', message: 'or filterSizeBands or filterRegions must name one value, or give organisations' },
      ]);
    }
    return next;
  }

  async create(dto: CreatePeerGroupDto): Promise<PeerGroup> {
    const p = this.context.requirePrincipal();
    if (!p.consortiumId) throw DomainError.validation([{ path: 'organisationIds', message: 'a custom group belongs to a consortium: sign in as its staff' }]);
    const consortiumId = p.consortiumId;
    const db = this.prisma.scoped;
    const definition = this.definition(dto);
    await this.checkMembers(db, consortiumId, definition.organisationIds);
    const id = randomUUID();
    return db.$transaction(async (tx) => {
      const row = await tx.peerGroup.create({ data: { id, consortiumId, kind: 'custom', key: id, name: dto.name, ...definition, createdById: p.userId } });
      const out = toPeerGroup(row, true);
      await this.audit.record(tx, { action: 'peer_group.created', entityType: 'PeerGroup', entityId: id, after: out, consortiumId });
      return out;
    });
  }

  private async custom(id: string): Promise<PeerGroupRow> {
    const row = await this.prisma.scoped.peerGroup.findFirst({ where: { id } });
    if (!row) throw DomainError.notFound('Peer group');
    if (row.kind !== 'custom') throw new DomainError(CommonErrorCode.Conflict, 'This group is kept by the benchmark recompute; only custom groups are changed by hand', [{ path: 'kind', message: 'is not custom' }]);
    return row;
  }

  async update(id: string, dto: UpdatePeerGroupDto): Promise<PeerGroup> {
    const before = await this.custom(id);
    const db = this.prisma.scoped;
    const definition = this.definition(dto, before);
    if (dto.organisationIds) await this.checkMembers(db, before.consortiumId, definition.organisationIds);
    return db.$transaction(async (tx) => {
      const row = await tx.peerGroup.update({ where: { id }, data: { name: dto.name, ...definition, active: dto.active } });
      const out = toPeerGroup(row, true);
      await this.audit.record(tx, { action: 'peer_group.updated', entityType: 'PeerGroup', entityId: id, before: toPeerGroup(before, true), after: out, consortiumId: row.consortiumId });
      return out;
    });
  }

  /** Its cells and standings go with it. */
  async remove(id: string): Promise<PeerGroup> {
    const before = await this.custom(id);
    return this.prisma.scoped.$transaction(async (tx) => {
      await tx.peerGroup.delete({ where: { id } });
      const out = toPeerGroup(before, true);
      await this.audit.record(tx, { action: 'peer_group.deleted', entityType: 'PeerGroup', entityId: id, before: out, consortiumId: before.consortiumId });
      return out;
    });
  }
}
