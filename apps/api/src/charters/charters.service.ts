import { Injectable } from '@nestjs/common';
import { CHARTER_STATES, type Charter, type CharterSignature } from '@tandem/contracts';
import { templateErrors } from '@tandem/domain';
import { AuditService, CommitmentErrorCode, DomainError, lockVisible, OutboxService, PrismaService, RequestContext, type ScopedTx } from '@tandem/server';
import type { Charter as CharterRow, CommitmentTemplate as TemplateRow } from '@tandem/db';
import { containsText, listPage, type ListPage, type ListSpec } from '../common/list-query';
import { iso } from '../common/serialize';
import type { CommitmentTemplateInputDto, CreateCharterDto, UpdateCharterDto } from './dto/charter.dto';

export const CHARTER_LIST: ListSpec = {
  sortable: ['version', 'title', 'state', 'publishedAt', 'createdAt'],
  defaultSort: ['version', 'desc'],
  filters: { state: { type: 'enum', values: CHARTER_STATES } },
  search: (q) => ({ title: containsText(q) }),
};

export const CHARTER_SIGNATURE_LIST: ListSpec = {
  sortable: ['signedAt', 'signerName', 'createdAt'],
  defaultSort: ['signedAt', 'asc'],
  filters: { organisationId: { type: 'uuid' } },
  sortAs: {},
  search: (q) => ({ OR: [{ signerName: containsText(q) }, { organisation: { name: containsText(q) } }] }),
};

const WITH_TEMPLATES = {
  templates: { orderBy: [{ side: 'asc' as const }, { kind: 'asc' as const }] },
  _count: { select: { signatures: true as const } },
};

type CharterWithTemplates = CharterRow & { templates: TemplateRow[]; _count: { signatures: number } };

export function toCharter(c: CharterWithTemplates): Charter {
  return {
    id: c.id,
    consortiumId: c.consortiumId,
    version: c.version,
    title: c.title,
    summary: c.summary,
    state: c.state,
    publishedAt: iso(c.publishedAt),
    templates: c.templates.map((t) => ({ id: t.id, kind: t.kind, side: t.side, target: t.target.toNumber(), description: t.description })),
    signatureCount: c._count.signatures,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

function checkTemplates(templates: readonly CommitmentTemplateInputDto[] | undefined): void {
  const errors = templateErrors(templates ?? []);
  if (errors.length) throw DomainError.validation(errors);
}

@Injectable()
export class ChartersService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly context: RequestContext,
  ) {}

  async list(page: ListPage): Promise<{ rows: Charter[]; total: number }> {
    const db = this.prisma.read.charter;
    const { rows, total } = await listPage({ findMany: (args) => db.findMany({ ...args, include: WITH_TEMPLATES }), count: (args) => db.count(args) }, page);
    return { rows: rows.map(toCharter), total };
  }

  async get(id: string): Promise<Charter> {
    const row = await this.prisma.scoped.charter.findFirst({ where: { id }, include: WITH_TEMPLATES });
    if (!row) throw DomainError.notFound('Charter');
    return toCharter(row);
  }

  async signatures(id: string, page: ListPage): Promise<{ rows: CharterSignature[]; total: number }> {
    const charter = await this.prisma.read.charter.findFirst({ where: { id }, select: { id: true, version: true } });
    if (!charter) throw DomainError.notFound('Charter');
    const db = this.prisma.read.charterSignature;
    const scoped = { ...page, where: { AND: [page.where, { charterId: id }] } };
    const { rows, total } = await listPage(
      { findMany: (args) => db.findMany({ ...args, include: { organisation: { select: { name: true } } } }), count: (args) => db.count(args) },
      scoped,
    );
    return {
      rows: rows.map((s) => ({
        id: s.id,
        charterId: s.charterId,
        charterVersion: charter.version,
        organisationId: s.organisationId,
        organisationName: s.organisation.name,
        signedAt: s.signedAt.toISOString(),
        signerName: s.signerName,
      })),
      total,
    };
  }

  async create(dto: CreateCharterDto): Promise<Charter> {
    const p = this.context.requirePrincipal();
    const consortiumId = p.consortiumId ?? dto.consortiumId;
    if (!consortiumId) throw DomainError.validation([{ path: 'consortiumId', message: 'is required' }]);
    // staff act in their own consortium: naming another one reaches nothing
    if (dto.consortiumId && dto.consortiumId.toLowerCase() !== consortiumId) throw DomainError.notFound('Consortium');
    checkTemplates(dto.templates);
    return this.prisma.scoped.$transaction(async (tx) => {
      // one version number per consortium: serialise drafting on the consortium's row
      if (!(await tx.consortium.findFirst({ where: { id: consortiumId }, select: { id: true } }))) throw DomainError.notFound('Consortium');
      await tx.$queryRawUnsafe(`SELECT 1 FROM "Consortium" WHERE id = $1::uuid FOR UPDATE`, consortiumId);
      const last = await tx.charter.findFirst({ where: { consortiumId }, orderBy: { version: 'desc' }, select: { version: true } });
      const row = await tx.charter.create({
        data: {
          consortiumId,
          version: (last?.version ?? 0) + 1,
          title: dto.title,
          summary: dto.summary ?? null,
          templates: { create: (dto.templates ?? []).map((t) => ({ kind: t.kind, side: t.side, target: t.target, description: t.description })) },
        },
        include: WITH_TEMPLATES,
      });
      const out = toCharter(row);
      await this.audit.record(tx, { action: 'charter.created', entityType: 'Charter', entityId: row.id, after: out, consortiumId });
      return out;
    });
  }

  async update(id: string, dto: UpdateCharterDto): Promise<Charter> {
    checkTemplates(dto.templates);
    return this.prisma.scoped.$transaction(async (tx) => {
      const before = await this.lockDraft(tx, id, 'edited');
      if (dto.templates) await tx.commitmentTemplate.deleteMany({ where: { charterId: id } });
      const row = await tx.charter.update({
        where: { id },
        data: {
          title: dto.title,
          summary: dto.summary,
          ...(dto.templates ? { templates: { create: dto.templates.map((t) => ({ kind: t.kind, side: t.side, target: t.target, description: t.description })) } } : {}),
        },
        include: WITH_TEMPLATES,
      });
      const out = toCharter(row);
      await this.audit.record(tx, { action: 'charter.updated', entityType: 'Charter', entityId: id, before: toCharter(before), after: out, consortiumId: row.consortiumId });
      return out;
    });
  }

  /**
   * Publishing supersedes the version in force and asks every active member firm (its firm
   * admins, one message per firm) to sign the new one. The messages commit with the change and
   * are delivered after it.
   */
  async publish(id: string): Promise<Charter> {
    const { out, messageIds } = await this.prisma.scoped.$transaction(async (tx) => {
      const before = await this.lockDraft(tx, id, 'published');
      if (before.templates.length === 0) throw DomainError.validation([{ path: 'templates', message: 'a charter is published with at least one commitment template' }]);
      await tx.charter.updateMany({ where: { consortiumId: before.consortiumId, state: 'published' }, data: { state: 'superseded' } });
      const row = await tx.charter.update({ where: { id }, data: { state: 'published', publishedAt: new Date() }, include: WITH_TEMPLATES });
      const admins = await tx.roleAssignment.findMany({
        where: {
          consortiumId: row.consortiumId,
          role: 'firm_admin',
          status: 'active',
          user: { status: 'active' },
          organisation: { memberships: { some: { consortiumId: row.consortiumId, status: 'active' } } },
        },
        select: { organisationId: true, user: { select: { email: true } } },
        orderBy: [{ organisationId: 'asc' }],
      });
      const byFirm = new Map<string, string[]>();
      for (const a of admins) if (a.organisationId) byFirm.set(a.organisationId, [...(byFirm.get(a.organisationId) ?? []), a.user.email]);
      const messageIds = await this.outbox.writeMany(
        tx,
        [...byFirm.values()].map((emails) => ({
          consortiumId: row.consortiumId,
          to: [...new Set(emails)].sort().join(', '),
          subject: `Please sign version ${row.version} of the charter: ${row.title}`,
          text:
            `Hello,\n\nversion ${row.version} of your consortium's charter ("${row.title}") was published and replaces the previous one. ` +
            `It holds ${row.templates.length} commitment template(s). As your firm's administrator, please read it and sign it under Charters in Tandem.\n`,
        })),
      );
      const out = toCharter(row);
      await this.audit.record(tx, { action: 'charter.published', entityType: 'Charter', entityId: id, before: { state: before.state }, after: { state: out.state, publishedAt: out.publishedAt, membersAsked: byFirm.size }, consortiumId: row.consortiumId });
      return { out, messageIds };
    });
    await this.outbox.dispatch(messageIds);
    return out;
  }

  /** A firm admin signs the published version for its own firm, once. */
  async sign(id: string): Promise<CharterSignature> {
    const p = this.context.requirePrincipal();
    if (!p.organisationId || !p.userId) throw DomainError.notFound('Charter');
    const organisationId = p.organisationId;
    const userId = p.userId;
    return this.prisma.scoped.$transaction(async (tx) => {
      await lockVisible(tx, 'Charter', id);
      const charter = await tx.charter.findFirstOrThrow({ where: { id } });
      if (charter.state !== 'published') {
        throw new DomainError(CommitmentErrorCode.CharterNotPublished, `Version ${charter.version} is ${charter.state}: only the published version is signed`);
      }
      const existing = await tx.charterSignature.findFirst({ where: { charterId: id, organisationId }, select: { signedAt: true } });
      if (existing) throw new DomainError(CommitmentErrorCode.AlreadySigned, `Your firm signed version ${charter.version} on ${existing.signedAt.toISOString().slice(0, 10)}`);
      const signer = await tx.user.findFirstOrThrow({ where: { id: userId }, select: { name: true } });
      const row = await tx.charterSignature.create({
        data: { consortiumId: charter.consortiumId, charterId: id, organisationId, signedAt: new Date(), signedByUserId: userId, signerName: signer.name },
        include: { organisation: { select: { name: true } } },
      });
      const out: CharterSignature = {
        id: row.id,
        charterId: id,
        charterVersion: charter.version,
        organisationId,
        organisationName: row.organisation.name,
        signedAt: row.signedAt.toISOString(),
        signerName: row.signerName,
      };
      await this.audit.record(tx, { action: 'charter.signed', entityType: 'CharterSignature', entityId: row.id, after: out, consortiumId: charter.consortiumId, organisationId });
      return out;
    });
  }

  private async lockDraft(tx: ScopedTx, id: string, verb: string): Promise<CharterWithTemplates> {
    await lockVisible(tx, 'Charter', id);
    const row = await tx.charter.findFirstOrThrow({ where: { id }, include: WITH_TEMPLATES });
    if (row.state !== 'draft') throw new DomainError(CommitmentErrorCode.CharterNotDraft, `Version ${row.version} is ${row.state}: only a draft is ${verb}`);
    return row;
  }
}
