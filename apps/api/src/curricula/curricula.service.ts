import { Injectable } from '@nestjs/common';
import { CURRICULUM_LEVELS, type Curriculum } from '@tandem/contracts';
import { Prisma, type Curriculum as CurriculumRow } from '@tandem/db';
import { AuditService, CommonErrorCode, DomainError, PrismaService, RequestContext, TrainingErrorCode, type Principal } from '@tandem/server';
import { containsText, listPage, type ListPage, type ListSpec } from '../common/list-query';
import { num } from '../common/serialize';
import { consortiumOf, isStaffLike, organisationOf, requireActiveMember } from '../common/training';
import type { CreateCurriculumDto, UpdateCurriculumDto } from './dto/curriculum.dto';

export const CURRICULUM_LIST: ListSpec = {
  sortable: ['title', 'skillArea', 'hours', 'level', 'version', 'createdAt', 'updatedAt'],
  defaultSort: ['title', 'asc'],
  filters: {
    ownerOrganisationId: { type: 'uuid' },
    previousVersionId: { type: 'uuid' },
    level: { type: 'enum', values: CURRICULUM_LEVELS },
    shared: { type: 'boolean' },
    skillArea: { type: 'string', mode: 'contains' },
    /** occupations it prepares for (SOC code, exact) */
    socCode: { type: 'string', where: (v) => ({ socCodes: { has: v } }) },
  },
  // title, skill area or an occupation's SOC code
  search: (q) => ({ OR: [{ title: containsText(q) }, { skillArea: containsText(q) }, { socCodes: { has: q.trim() } }] }),
};

const OWNER = { owner: { select: { name: true } } } as const;
type Row = CurriculumRow & { owner: { name: string } };

function toCurriculum(r: Row, reuse: Map<string, number>): Curriculum {
  return {
    id: r.id,
    consortiumId: r.consortiumId,
    ownerOrganisationId: r.ownerOrganisationId,
    ownerName: r.owner.name,
    title: r.title,
    description: r.description,
    skillArea: r.skillArea,
    hours: num(r.hours) ?? 0,
    level: r.level,
    shared: r.shared,
    version: r.version,
    previousVersionId: r.previousVersionId,
    socCodes: r.socCodes,
    reuseCount: reuse.get(r.id) ?? 0,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** A union representative proposes: what it creates stays with its union until staff share it. */
function refuseUnionSharing(p: Principal, shared: boolean | undefined): void {
  if (p.role === 'union_representative' && shared === true) {
    throw DomainError.validation([{ path: 'shared', message: 'a union representative proposes curricula; consortium staff share them' }]);
  }
}

@Injectable()
export class CurriculaService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
  ) {}

  /**
   * Reuse: sessions of organisations other than the owner built on each curriculum, in one
   * query for a page. A count of sessions across the consortium names no firm or trainee.
   */
  private async reuseCounts(ids: string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows = await this.prisma.read.$queryRaw<{ id: string; n: bigint }[]>(Prisma.sql`
      SELECT s."curriculumId" AS id, count(*) AS n
      FROM "CourseSession" s JOIN "Curriculum" c ON c.id = s."curriculumId"
      WHERE s."curriculumId" = ANY(${ids}::uuid[]) AND s."providerOrganisationId" <> c."ownerOrganisationId"
      GROUP BY s."curriculumId"`);
    return new Map(rows.map((r) => [r.id, Number(r.n)]));
  }

  async list(page: ListPage): Promise<{ rows: Curriculum[]; total: number }> {
    const db = this.prisma.read.curriculum;
    const { rows, total } = await listPage({ findMany: (args) => db.findMany({ ...args, include: OWNER }), count: (args) => db.count(args) }, page);
    const reuse = await this.reuseCounts(rows.map((r) => r.id));
    return { rows: rows.map((r) => toCurriculum(r, reuse)), total };
  }

  async get(id: string): Promise<Curriculum> {
    const row = await this.prisma.scoped.curriculum.findFirst({ where: { id }, include: OWNER });
    if (!row) throw DomainError.notFound('Curriculum');
    return toCurriculum(row, await this.reuseCounts([row.id]));
  }

  async create(dto: CreateCurriculumDto): Promise<Curriculum> {
    const p = this.context.requirePrincipal();
    const consortiumId = consortiumOf(p, dto.consortiumId);
    const ownerOrganisationId = organisationOf(p, dto.ownerOrganisationId, 'ownerOrganisationId');
    refuseUnionSharing(p, dto.shared);
    if (isStaffLike(p)) await requireActiveMember(this.prisma, consortiumId, ownerOrganisationId, 'ownerOrganisationId');
    const db = this.prisma.scoped;
    return db.$transaction(async (tx) => {
      let version = 1;
      if (dto.previousVersionId) {
        // lock the version replaced: two new versions of one curriculum would fork its history
        const prev = await tx.curriculum.findFirst({ where: { id: dto.previousVersionId }, select: { id: true } });
        if (!prev) throw DomainError.validation([{ path: 'previousVersionId', message: 'is not a curriculum you can see' }]);
        await tx.$queryRaw`SELECT 1 FROM "Curriculum" WHERE id = ${prev.id}::uuid FOR UPDATE`;
        const locked = await tx.curriculum.findFirstOrThrow({ where: { id: prev.id }, include: { nextVersions: { select: { id: true } } } });
        if (locked.ownerOrganisationId !== ownerOrganisationId) throw DomainError.validation([{ path: 'previousVersionId', message: 'a new version keeps the owner of the one it replaces' }]);
        if (locked.nextVersions.length > 0) throw new DomainError(CommonErrorCode.Conflict, 'This curriculum already has a newer version', [{ path: 'previousVersionId', message: 'already has a newer version' }]);
        version = locked.version + 1;
      }
      const row = await tx.curriculum.create({
        data: {
          consortiumId,
          ownerOrganisationId,
          title: dto.title,
          description: dto.description ?? null,
          skillArea: dto.skillArea,
          hours: dto.hours,
          level: dto.level,
          shared: dto.shared ?? false,
          socCodes: dto.socCodes ?? [],
          version,
          previousVersionId: dto.previousVersionId?.toLowerCase() ?? null,
        },
        include: OWNER,
      });
      const out = toCurriculum(row, new Map());
      await this.audit.record(tx, { action: 'curriculum.created', entityType: 'Curriculum', entityId: row.id, after: out, consortiumId, organisationId: ownerOrganisationId });
      return out;
    });
  }

  async update(id: string, dto: UpdateCurriculumDto): Promise<Curriculum> {
    const p = this.context.requirePrincipal();
    refuseUnionSharing(p, dto.shared);
    return this.prisma.scoped.$transaction(async (tx) => {
      const before = await tx.curriculum.findFirst({ where: { id }, include: OWNER });
      if (!before) throw DomainError.notFound('Curriculum');
      // a shared curriculum is visible to every member, changed by its owner and staff only
      if (!isStaffLike(p) && before.ownerOrganisationId !== p.organisationId) throw new DomainError(TrainingErrorCode.NotOwner, "Only the curriculum's owner and consortium staff change it");
      const row = await tx.curriculum.update({
        where: { id },
        data: { title: dto.title, description: dto.description, skillArea: dto.skillArea, hours: dto.hours, level: dto.level, shared: dto.shared, socCodes: dto.socCodes },
        include: OWNER,
      });
      const reuse = await this.reuseCounts([id]);
      const out = toCurriculum(row, reuse);
      await this.audit.record(tx, { action: 'curriculum.updated', entityType: 'Curriculum', entityId: id, before: toCurriculum(before, reuse), after: out, consortiumId: row.consortiumId, organisationId: row.ownerOrganisationId });
      return out;
    });
  }
}
