import { Injectable } from '@nestjs/common';
import { ATTESTED_COMMITMENT_KINDS, COMMITMENT_KIND_NAMES, COMMITMENT_STATES, type Commitment, type CommitmentGeneration } from '@tandem/contracts';
import { fiscalYearBounds, sideApplies } from '@tandem/domain';
import type { Commitment as CommitmentRow, CommitmentTransition as TransitionRow } from '@tandem/db';
import { applyApprovedPlanTargets, AuditService, CommitmentErrorCode, DomainError, lockVisible, PrismaService, RequestContext } from '@tandem/server';
import { listPage, type ListPage, type ListSpec } from '../common/list-query';
import { iso, isoDate, num } from '../common/serialize';
import type { AttestCommitmentDto, GenerateCommitmentsDto, WaiveCommitmentDto } from './dto/commitment.dto';

export const COMMITMENT_LIST: ListSpec = {
  sortable: ['year', 'kind', 'state', 'target', 'actual', 'stateChangedAt', 'evaluatedAt', 'createdAt'],
  defaultSort: ['year', 'desc'],
  filters: {
    organisationId: { type: 'uuid' },
    templateId: { type: 'uuid' },
    year: { type: 'int' },
    state: { type: 'enum', values: COMMITMENT_STATES },
    kind: { type: 'enum', values: COMMITMENT_KIND_NAMES },
  },
  search: (q) => ({ organisation: { name: { contains: q, mode: 'insensitive' } } }),
};

const WITH_NAME = { organisation: { select: { name: true } } } as const;

export function toCommitment(c: CommitmentRow & { organisation: { name: string }; transitions?: TransitionRow[] }): Commitment {
  return {
    id: c.id,
    consortiumId: c.consortiumId,
    organisationId: c.organisationId,
    organisationName: c.organisation.name,
    templateId: c.templateId,
    kind: c.kind,
    attested: ATTESTED_COMMITMENT_KINDS.includes(c.kind),
    year: c.year,
    startsOn: isoDate(c.startsOn) ?? '',
    endsOn: isoDate(c.endsOn) ?? '',
    target: c.target.toNumber(),
    state: c.state,
    actual: num(c.actual),
    expected: num(c.expected),
    evaluatedAt: iso(c.evaluatedAt),
    stateChangedAt: c.stateChangedAt.toISOString(),
    waivedReason: c.waivedReason,
    waivedAt: iso(c.waivedAt),
    attestedValue: num(c.attestedValue),
    attestationNote: c.attestationNote,
    attestedAt: iso(c.attestedAt),
    verifiedAt: iso(c.verifiedAt),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    ...(c.transitions ? { transitions: c.transitions.map((t) => ({ id: t.id, fromState: t.fromState, toState: t.toState, at: t.at.toISOString(), notifiedAt: iso(t.notifiedAt) })) } : {}),
  };
}

@Injectable()
export class CommitmentsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
  ) {}

  async list(page: ListPage): Promise<{ rows: Commitment[]; total: number }> {
    const db = this.prisma.read.commitment;
    const { rows, total } = await listPage({ findMany: (args) => db.findMany({ ...args, include: WITH_NAME }), count: (args) => db.count(args) }, page);
    return { rows: rows.map((r) => toCommitment(r)), total };
  }

  async get(id: string): Promise<Commitment> {
    const row = await this.prisma.scoped.commitment.findFirst({ where: { id }, include: { ...WITH_NAME, transitions: { orderBy: [{ at: 'asc' }, { id: 'asc' }] } } });
    if (!row) throw DomainError.notFound('Commitment');
    return toCommitment(row);
  }

  /**
   * A year's commitments from the published charter's templates, for every active member of
   * the side each template names. Idempotent: a member that already has a commitment of that
   * kind for the year (from this or an earlier version) keeps it and gets no second one.
   */
  async generate(dto: GenerateCommitmentsDto): Promise<CommitmentGeneration> {
    const p = this.context.requirePrincipal();
    const consortiumId = p.consortiumId ?? dto.consortiumId;
    if (!consortiumId) throw DomainError.validation([{ path: 'consortiumId', message: 'is required' }]);
    // staff act in their own consortium: naming another one reaches nothing
    if (dto.consortiumId && dto.consortiumId.toLowerCase() !== consortiumId) throw DomainError.notFound('Consortium');
    return this.prisma.scoped.$transaction(async (tx) => {
      const consortium = await tx.consortium.findFirst({ where: { id: consortiumId }, select: { fiscalYearStartMonth: true } });
      if (!consortium) throw DomainError.notFound('Consortium');
      // concurrent generations of one consortium take turns (the unique key would refuse the second anyway)
      await tx.$queryRawUnsafe(`SELECT 1 FROM "Consortium" WHERE id = $1::uuid FOR UPDATE`, consortiumId);
      const charter = await tx.charter.findFirst({ where: { consortiumId, state: 'published' }, include: { templates: true } });
      if (!charter || charter.templates.length === 0) {
        throw new DomainError(CommitmentErrorCode.NoPublishedCharter, 'The consortium has no published charter with commitment templates to generate commitments from');
      }
      const members = await tx.membership.findMany({ where: { consortiumId, status: 'active' }, select: { organisationId: true, organisation: { select: { kind: true } } } });
      const existing = await tx.commitment.findMany({ where: { consortiumId, year: dto.year }, select: { organisationId: true, kind: true } });
      const has = new Set(existing.map((e) => `${e.organisationId}/${e.kind}`));
      const { startsOn, endsOn } = fiscalYearBounds(dto.year, consortium.fiscalYearStartMonth);
      const data: { consortiumId: string; organisationId: string; templateId: string; kind: CommitmentRow['kind']; year: number; startsOn: Date; endsOn: Date; target: number }[] = [];
      let skipped = 0;
      for (const t of charter.templates) {
        for (const m of members) {
          if (!sideApplies(t.side, m.organisation.kind)) continue;
          const key = `${m.organisationId}/${t.kind}`;
          if (has.has(key)) {
            skipped++;
            continue;
          }
          has.add(key);
          data.push({ consortiumId, organisationId: m.organisationId, templateId: t.id, kind: t.kind, year: dto.year, startsOn, endsOn, target: t.target.toNumber() });
        }
      }
      if (data.length) await tx.commitment.createMany({ data });
      // a training plan approved before its commitments existed sets their targets now (the plan
      // wins over the template); only firms with such a plan are visited (a consortium of
      // hundreds of members timed the transaction out when every new firm was)
      const created = new Set(data.map((d) => d.organisationId));
      const planned = await tx.$queryRaw<{ organisationId: string }[]>`
        SELECT "organisationId" FROM "TrainingPlan" WHERE "consortiumId" = ${consortiumId}::uuid AND year = ${dto.year} AND status = 'approved'`;
      for (const { organisationId } of planned) {
        if (!created.has(organisationId)) continue;
        const changes = await applyApprovedPlanTargets(tx, { consortiumId, organisationId, year: dto.year });
        await this.audit.recordMany(
          tx,
          changes.map((c) => ({ action: 'commitment.target_set_by_plan', entityType: 'Commitment', entityId: c.commitmentId, before: { target: c.before }, after: { target: c.target }, consortiumId, organisationId })),
        );
      }
      const out: CommitmentGeneration = { charterId: charter.id, year: dto.year, created: data.length, existing: skipped };
      await this.audit.record(tx, { action: 'commitments.generated', entityType: 'Charter', entityId: charter.id, after: out, consortiumId });
      return out;
    });
  }

  /** The firm declares the figure of an attested kind; a new declaration needs verifying again. */
  async attest(id: string, dto: AttestCommitmentDto): Promise<Commitment> {
    const p = this.context.requirePrincipal();
    return this.prisma.scoped.$transaction(async (tx) => {
      await lockVisible(tx, 'Commitment', id);
      const before = await tx.commitment.findFirstOrThrow({ where: { id }, include: WITH_NAME });
      if (!ATTESTED_COMMITMENT_KINDS.includes(before.kind)) {
        throw new DomainError(CommitmentErrorCode.NotAttestedKind, `${before.kind} is computed from the data Tandem holds; it is not attested`, [{ path: 'value', message: 'not an attested kind' }]);
      }
      if (before.state === 'waived') throw new DomainError(CommitmentErrorCode.Waived, 'This commitment was waived; there is nothing to attest');
      const row = await tx.commitment.update({
        where: { id },
        data: { attestedValue: dto.value, attestationNote: dto.note ?? null, attestedAt: new Date(), attestedByUserId: p.userId, verifiedAt: null, verifiedByUserId: null },
        include: WITH_NAME,
      });
      const out = toCommitment(row);
      await this.audit.record(tx, { action: 'commitment.attested', entityType: 'Commitment', entityId: id, before: toCommitment(before), after: out, consortiumId: row.consortiumId, organisationId: row.organisationId });
      return out;
    });
  }

  /** Staff verify the declared figure; the next evaluation counts it. */
  async verify(id: string): Promise<Commitment> {
    const p = this.context.requirePrincipal();
    return this.prisma.scoped.$transaction(async (tx) => {
      await lockVisible(tx, 'Commitment', id);
      const before = await tx.commitment.findFirstOrThrow({ where: { id }, include: WITH_NAME });
      if (!ATTESTED_COMMITMENT_KINDS.includes(before.kind)) throw new DomainError(CommitmentErrorCode.NotAttestedKind, `${before.kind} is computed from data; there is no attestation to verify`);
      if (before.attestedValue === null) throw new DomainError(CommitmentErrorCode.NothingToVerify, 'The firm has not attested a figure yet');
      if (before.state === 'waived') throw new DomainError(CommitmentErrorCode.Waived, 'This commitment was waived');
      const row = await tx.commitment.update({ where: { id }, data: { verifiedAt: new Date(), verifiedByUserId: p.userId }, include: WITH_NAME });
      const out = toCommitment(row);
      await this.audit.record(tx, { action: 'commitment.verified', entityType: 'Commitment', entityId: id, before: { verifiedAt: null }, after: { verifiedAt: out.verifiedAt, attestedValue: out.attestedValue }, consortiumId: row.consortiumId, organisationId: row.organisationId });
      return out;
    });
  }

  /** Staff waive a commitment with a reason: it stays waived, whatever the evaluation finds. */
  async waive(id: string, dto: WaiveCommitmentDto): Promise<Commitment> {
    const p = this.context.requirePrincipal();
    return this.prisma.scoped.$transaction(async (tx) => {
      await lockVisible(tx, 'Commitment', id);
      const before = await tx.commitment.findFirstOrThrow({ where: { id }, include: WITH_NAME });
      if (before.state === 'waived') throw new DomainError(CommitmentErrorCode.Waived, `Already waived: ${before.waivedReason ?? ''}`);
      const now = new Date();
      const row = await tx.commitment.update({
        where: { id },
        data: { state: 'waived', waivedReason: dto.reason, waivedAt: now, waivedByUserId: p.userId, stateChangedAt: now },
        include: WITH_NAME,
      });
      await tx.commitmentTransition.create({ data: { commitmentId: id, fromState: before.state, toState: 'waived', at: now } });
      const out = toCommitment(row);
      await this.audit.record(tx, { action: 'commitment.waived', entityType: 'Commitment', entityId: id, before: { state: before.state }, after: { state: 'waived', reason: dto.reason }, consortiumId: row.consortiumId, organisationId: row.organisationId });
      return out;
    });
  }
}
