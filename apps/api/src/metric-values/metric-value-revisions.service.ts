import { Injectable } from '@nestjs/common';
import type { MetricValue, MetricValueRevision, MetricValueState } from '@tandem/contracts';
import { metricRuleOf, type Figures } from '@tandem/domain';
import { AuditService, DomainError, MetricValueErrorCode, PrismaService, RequestContext } from '@tandem/server';
import { readsFromOutside, stateOf } from './metric-values.queries';
import { MetricValuesService } from './metric-values.service';

/**
 * The revision workflow of a value: its history (what each revision changed), and the
 * staff decision on a change of a closed period that waits for approval. The change itself
 * is requested through MetricValuesService.update (a value of a closed period cannot be
 * changed any other way).
 */
@Injectable()
export class MetricValueRevisionsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
    private readonly values: MetricValuesService,
  ) {}

  /** Every revision with the applied state it started from (before) and its own (after). */
  async list(id: string): Promise<MetricValueRevision[]> {
    const p = this.context.requirePrincipal();
    const db = this.prisma.scoped;
    const value = await db.metricValue.findFirst({ where: { id }, select: { id: true, customerId: true } });
    if (!value) throw DomainError.notFound('Metric value');
    // The scope leaves a buyer only the submitted and validated revisions of a supplier's value;
    // what the firm wrote on them (note, reason) and who did it stay with the firm.
    const outside = readsFromOutside(p, value);
    const rows = await db.metricValueRevision.findMany({ where: { metricValueId: id }, orderBy: { revision: 'asc' } });
    let applied: MetricValueState | null = null;
    return rows.map((r) => {
      const after = outside ? { ...stateOf(r), note: null } : stateOf(r);
      const out: MetricValueRevision = {
        id: r.id,
        metricValueId: r.metricValueId,
        revision: r.revision,
        before: applied,
        after,
        reason: outside ? null : r.reason,
        approval: r.approval,
        decidedById: r.decidedById,
        decidedAt: r.decidedAt ? r.decidedAt.toISOString() : null,
        actorUserId: outside ? null : r.actorUserId,
        actorApiKeyId: outside ? null : r.actorApiKeyId,
        createdAt: r.createdAt.toISOString(),
      };
      if (r.approval === 'not_needed' || r.approval === 'approved') applied = after;
      return out;
    });
  }

  /** Staff decide a pending revision of a closed period; approving applies it. */
  async decide(id: string, revision: number, approve: boolean, reason?: string): Promise<MetricValue> {
    const p = this.context.requirePrincipal();
    const db = this.prisma.scoped;
    const changed = await db.$transaction(async (tx) => {
      const row = await this.values.lock(tx, id);
      const rev = await tx.metricValueRevision.findFirst({ where: { metricValueId: id, revision } });
      if (!rev) throw DomainError.notFound('Revision');
      if (rev.approval !== 'pending') {
        throw new DomainError(MetricValueErrorCode.RevisionDecided, `Revision ${revision} is ${rev.approval === 'not_needed' ? 'already applied and needs no approval' : `already ${rev.approval}`}`, [
          { path: 'revision', message: `is ${rev.approval}` },
        ]);
      }
      const now = new Date();
      await tx.metricValueRevision.update({ where: { id: rev.id }, data: { approval: approve ? 'approved' : 'declined', decidedById: p.userId, decidedAt: now } });
      const before = { ...stateOf(row), revision: row.revision };
      if (!approve) {
        await this.audit.record(tx, {
          action: 'metric_value.revision_declined',
          entityType: 'MetricValue',
          entityId: id,
          before,
          after: { revision, declined: stateOf(rev), reason: reason ?? null },
          consortiumId: row.consortiumId,
          organisationId: row.organisationId,
        });
        return [];
      }
      const figures: Figures = { value: rev.value.toNumber(), numerator: rev.numerator?.toNumber() ?? null, denominator: rev.denominator?.toNumber() ?? null };
      const { outlier, outlierNote } = await this.values.outlierOf(tx, metricRuleOf(row.metric), figures.value, {
        consortiumId: row.consortiumId,
        organisationId: row.organisationId,
        metricId: row.metricId,
        subjectKey: row.subjectKey,
        period: row.period,
      });
      const after = await tx.metricValue.update({ where: { id }, data: { ...figures, note: rev.note, source: rev.source, revision, outlier, outlierNote } });
      await this.audit.record(tx, {
        action: 'metric_value.revision_approved',
        entityType: 'MetricValue',
        entityId: id,
        before,
        after: { ...stateOf(after), revision, reason: rev.reason },
        consortiumId: row.consortiumId,
        organisationId: row.organisationId,
      });
      // An approved correction of a validated figure changes what scorecards and benchmarks used.
      return row.status === 'validated' ? [{ consortiumId: row.consortiumId, periodId: row.periodId, closed: row.period.state !== 'open' }] : [];
    });
    await this.values.afterValidation(changed);
    return this.values.present(db, id);
  }
}

/** A revision number from the path: anything but a positive integer names no revision. */
export function parseRevision(raw: string): number {
  const n = Number(raw);
  if (!/^\d{1,9}$/.test(raw) || !Number.isInteger(n) || n < 1) throw DomainError.notFound('Revision');
  return n;
}

