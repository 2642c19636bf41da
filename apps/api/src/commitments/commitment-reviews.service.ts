import { Inject, Injectable } from '@nestjs/common';
import { COMMITMENT_REVIEW_OUTCOMES, type CommitmentReview } from '@tandem/contracts';
import type { CommitmentReview as ReviewRow } from '@tandem/db';
import { reviewDecidedNotice, type CommitmentKindName } from '@tandem/domain';
import { APP_CONFIG, AuditService, CommitmentErrorCode, DomainError, lockVisible, OutboxService, PrismaService, RequestContext, type AppConfig } from '@tandem/server';
import { listPage, type ListPage, type ListSpec } from '../common/list-query';
import { iso } from '../common/serialize';
import { MembershipsService } from '../memberships/memberships.service';
import type { DecideReviewDto } from './dto/commitment.dto';

export const REVIEW_LIST: ListSpec = {
  sortable: ['createdAt', 'decidedAt', 'outcome'],
  defaultSort: ['createdAt', 'desc'],
  filters: {
    outcome: { type: 'enum', values: COMMITMENT_REVIEW_OUTCOMES },
    decided: { type: 'boolean', where: (v) => (v ? { decidedAt: { not: null } } : { decidedAt: null }) },
    organisationId: { type: 'uuid', where: (v) => ({ commitment: { organisationId: v } }) },
    commitmentId: { type: 'uuid' },
  },
  search: (q) => ({ commitment: { organisation: { name: { contains: q, mode: 'insensitive' } } } }),
};

const WITH_COMMITMENT = { commitment: { select: { organisationId: true, kind: true, year: true, organisation: { select: { name: true } } } } } as const;
type ReviewWithCommitment = ReviewRow & { commitment: { organisationId: string; kind: CommitmentReview['kind']; year: number; organisation: { name: string } } };

function toReview(r: ReviewWithCommitment): CommitmentReview {
  return {
    id: r.id,
    consortiumId: r.consortiumId,
    commitmentId: r.commitmentId,
    organisationId: r.commitment.organisationId,
    organisationName: r.commitment.organisation.name,
    kind: r.commitment.kind,
    year: r.commitment.year,
    outcome: r.outcome,
    note: r.note,
    decidedAt: iso(r.decidedAt),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/**
 * The staff review a missed commitment opens (the evaluation opens it). Its outcome is
 * recorded once. `suspension_proposed` drives the membership lifecycle at once: the staff
 * who record it are the ones who would confirm it, so an active membership is suspended in
 * the same transaction, with the review as its reason (reinstatement goes through the
 * membership's own transition). A membership that is not active is left as it is. The firm's
 * admins are told the outcome and the note (which they read on the review anyway), written to
 * the outbox in the same transaction.
 */
@Injectable()
export class CommitmentReviewsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
    private readonly memberships: MembershipsService,
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(page: ListPage): Promise<{ rows: CommitmentReview[]; total: number }> {
    const db = this.prisma.read.commitmentReview;
    const { rows, total } = await listPage({ findMany: (args) => db.findMany({ ...args, include: WITH_COMMITMENT }), count: (args) => db.count(args) }, page);
    return { rows: rows.map(toReview), total };
  }

  async get(id: string): Promise<CommitmentReview> {
    const row = await this.prisma.scoped.commitmentReview.findFirst({ where: { id }, include: WITH_COMMITMENT });
    if (!row) throw DomainError.notFound('Commitment review');
    return toReview(row);
  }

  async decide(id: string, dto: DecideReviewDto): Promise<CommitmentReview> {
    const p = this.context.requirePrincipal();
    const { review, messageIds } = await this.prisma.scoped.$transaction(async (tx) => {
      await lockVisible(tx, 'CommitmentReview', id);
      const before = await tx.commitmentReview.findFirstOrThrow({ where: { id }, include: WITH_COMMITMENT });
      if (before.decidedAt) throw new DomainError(CommitmentErrorCode.ReviewDecided, `This review was decided on ${before.decidedAt.toISOString().slice(0, 10)} (${before.outcome ?? ''})`);
      let suspended = false;
      if (dto.outcome === 'suspension_proposed') {
        const membership = await tx.membership.findFirst({ where: { consortiumId: before.consortiumId, organisationId: before.commitment.organisationId }, select: { id: true, status: true } });
        if (membership?.status === 'active') {
          await this.memberships.transitionIn(tx, membership.id, {
            toStatus: 'suspended',
            reason: `Commitment review: ${before.commitment.kind} for ${before.commitment.year} missed. ${dto.note}`.slice(0, 1000),
          });
          suspended = true;
        }
      }
      const row = await tx.commitmentReview.update({
        where: { id },
        data: { outcome: dto.outcome, note: dto.note, decidedAt: new Date(), decidedByUserId: p.userId },
        include: WITH_COMMITMENT,
      });
      const out = toReview(row);
      await this.audit.record(tx, {
        action: 'commitment-review.decided',
        entityType: 'CommitmentReview',
        entityId: id,
        before: { outcome: null },
        after: { outcome: out.outcome, note: out.note, membershipSuspended: suspended },
        consortiumId: row.consortiumId,
        organisationId: row.commitment.organisationId,
      });
      const admins = await tx.roleAssignment.findMany({
        where: { consortiumId: row.consortiumId, organisationId: row.commitment.organisationId, role: 'firm_admin', status: 'active', user: { status: 'active' } },
        select: { user: { select: { email: true } } },
      });
      const to = [...new Set(admins.map((a) => a.user.email))].sort();
      const notice = reviewDecidedNotice(
        { reviewId: id, kind: row.commitment.kind as CommitmentKindName, year: row.commitment.year, outcome: dto.outcome, note: dto.note, membershipSuspended: suspended },
        this.config.CONSOLE_URL,
      );
      const messageIds = to.length ? await this.outbox.writeMany(tx, [{ consortiumId: row.consortiumId, to: to.join(', '), ...notice }]) : [];
      return { review: out, messageIds };
    });
    await this.outbox.dispatch(messageIds);
    return review;
  }
}
