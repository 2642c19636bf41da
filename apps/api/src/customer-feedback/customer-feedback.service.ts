import { Injectable } from '@nestjs/common';
import { FEEDBACK_QUESTIONS, type CustomerFeedback, type CustomerFeedbackSummary, type FeedbackSubjectSummary } from '@tandem/contracts';
import type { CustomerFeedback as CustomerFeedbackRow, Period } from '@tandem/db';
import { decideFeedback, suppressionMessage, type FeedbackAnswer, type FeedbackCellDecision } from '@tandem/domain';
import { AuditService, CommonErrorCode, DomainError, PrismaService, FIRM_READER_ROLES, RequestContext, knownFirms, type Principal } from '@tandem/server';
import { listPage, type ListPage, type ListSpec } from '../common/list-query';
import type { CreateCustomerFeedbackDto, UpdateCustomerFeedbackDto } from './dto/customer-feedback.dto';

export const CUSTOMER_FEEDBACK_LIST: ListSpec = {
  sortable: ['createdAt', 'updatedAt'],
  defaultSort: ['createdAt', 'desc'],
  filters: { periodId: { type: 'uuid' }, customerId: { type: 'uuid' } },
};

export function toCustomerFeedback(f: CustomerFeedbackRow): CustomerFeedback {
  return {
    id: f.id,
    periodId: f.periodId,
    supplierId: f.supplierId,
    customerId: f.customerId,
    forecastStability: f.forecastStability,
    paymentOnTime: f.paymentOnTime,
    rebidThreat: f.rebidThreat,
    helpReceived: f.helpReceived,
    wouldRecommend: f.wouldRecommend,
    createdAt: f.createdAt.toISOString(),
    updatedAt: f.updatedAt.toISOString(),
  };
}

/**
 * Suppliers answer while a period is open for the first time (never closed yet): once it has
 * closed, the answers are final, so a summary read later cannot change with a new answer and
 * tell it by difference. Reopening a period for late metric values does not reopen this.
 */
export function collecting(p: Pick<Period, 'state' | 'reopenCount'>): boolean {
  return p.state === 'open' && p.reopenCount === 0;
}

/** Roles whose own firm's answers the reader knows (it wrote them): the disclosure rule does not count them. */

/**
 * Suppliers' voice. A supplier's firm writes and reads its own answers and nobody
 * else reads a row: not the customer, not staff (scope.ts gives them none), not the platform
 * operator (the permissions are a firm's only). Everyone with the summary permission reads
 * aggregates that pass disclosure control (libs/domain/src/customer-feedback), and only about
 * the customers they may name: staff every customer of the consortium; a firm itself and its
 * own customers; a funder only the all-customers figure.
 */
@Injectable()
export class CustomerFeedbackService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
  ) {}

  async list(page: ListPage): Promise<{ rows: CustomerFeedback[]; total: number }> {
    const { rows, total } = await listPage(this.prisma.scoped.customerFeedback, page);
    return { rows: rows.map(toCustomerFeedback), total };
  }

  async get(id: string): Promise<CustomerFeedback> {
    return toCustomerFeedback(await this.own(id));
  }

  private async own(id: string): Promise<CustomerFeedbackRow> {
    const row = await this.prisma.scoped.customerFeedback.findFirst({ where: { id } });
    if (!row) throw DomainError.notFound('Customer feedback');
    return row;
  }

  private supplier(): { consortiumId: string; supplierId: string } {
    const p = this.context.requirePrincipal();
    if (!p.organisationId || !p.consortiumId) throw new DomainError(CommonErrorCode.Forbidden, 'Only a supplier rates its customers');
    return { consortiumId: p.consortiumId, supplierId: p.organisationId };
  }

  private async collectingPeriod(consortiumId: string, periodId: string): Promise<Period> {
    const period = await this.prisma.scoped.period.findFirst({ where: { id: periodId, consortiumId } });
    if (!period) throw DomainError.validation([{ path: 'periodId', message: 'is not a period of your consortium' }]);
    if (!collecting(period)) throw new DomainError(CommonErrorCode.Conflict, `Answers for ${period.code} closed with the period; its summary is final`, [{ path: 'periodId', message: 'is no longer collecting answers' }]);
    return period;
  }

  async create(dto: CreateCustomerFeedbackDto): Promise<CustomerFeedback> {
    const { consortiumId, supplierId } = this.supplier();
    const db = this.prisma.scoped;
    const errors: { path: string; message: string }[] = [];
    const [period, relationship] = await Promise.all([
      db.period.findFirst({ where: { id: dto.periodId, consortiumId } }),
      // the supplier's own relationships: another firm's customers are not named, whoever they are
      db.supplyRelationship.findFirst({ where: { consortiumId, supplierId, customerId: dto.customerId }, select: { id: true } }),
    ]);
    if (!period) errors.push({ path: 'periodId', message: 'is not a period of your consortium' });
    if (!relationship) errors.push({ path: 'customerId', message: 'is not a customer of your firm' });
    if (errors.length > 0) throw DomainError.validation(errors);
    await this.collectingPeriod(consortiumId, dto.periodId);
    const existing = await db.customerFeedback.findFirst({ where: { periodId: dto.periodId, supplierId, customerId: dto.customerId }, select: { id: true } });
    if (existing) throw new DomainError(CommonErrorCode.Conflict, `Your firm has answered about this customer for this period already (${existing.id}); change that answer`, [{ path: 'customerId', message: 'has an answer for this period already' }]);
    return db.$transaction(async (tx) => {
      const row = await tx.customerFeedback.create({ data: { consortiumId, supplierId, ...dto } });
      // the trail says that the firm answered, never about whom or what: staff read it
      await this.audit.record(tx, { action: 'customer_feedback.submitted', entityType: 'CustomerFeedback', entityId: row.id, after: { periodId: row.periodId }, consortiumId, organisationId: supplierId });
      return toCustomerFeedback(row);
    });
  }

  async update(id: string, dto: UpdateCustomerFeedbackDto): Promise<CustomerFeedback> {
    const before = await this.own(id);
    await this.collectingPeriod(before.consortiumId, before.periodId);
    return this.prisma.scoped.$transaction(async (tx) => {
      const row = await tx.customerFeedback.update({ where: { id }, data: { ...dto } });
      await this.audit.record(tx, { action: 'customer_feedback.changed', entityType: 'CustomerFeedback', entityId: id, after: { periodId: row.periodId }, consortiumId: row.consortiumId, organisationId: row.supplierId });
      return toCustomerFeedback(row);
    });
  }

  async remove(id: string): Promise<CustomerFeedback> {
    const before = await this.own(id);
    await this.collectingPeriod(before.consortiumId, before.periodId);
    return this.prisma.scoped.$transaction(async (tx) => {
      await tx.customerFeedback.delete({ where: { id } });
      await this.audit.record(tx, { action: 'customer_feedback.withdrawn', entityType: 'CustomerFeedback', entityId: id, after: { periodId: before.periodId }, consortiumId: before.consortiumId, organisationId: before.supplierId });
      return toCustomerFeedback(before);
    });
  }

  /** The customers `p` may name in a summary, or undefined for every customer of the consortium. */
  private async nameable(p: Principal, consortiumId: string): Promise<Set<string> | undefined> {
    if (p.role === 'platform_admin' || p.role === 'consortium_staff') return undefined;
    if (!FIRM_READER_ROLES.has(p.role) || !p.organisationId) return new Set();
    const rows = await this.prisma.scoped.supplyRelationship.findMany({ where: { consortiumId, supplierId: p.organisationId }, select: { customerId: true } });
    return new Set([p.organisationId, ...rows.map((r) => r.customerId)]);
  }

  async summary(periodId: string): Promise<CustomerFeedbackSummary> {
    const p = this.context.requirePrincipal();
    const period = await this.prisma.scoped.period.findFirst({ where: { id: periodId } });
    if (!period) throw DomainError.notFound('Period');
    const base = { periodId: period.id, periodCode: period.code };
    if (collecting(period)) return { ...base, collecting: true, subjects: [] };
    const consortiumId = period.consortiumId;
    // Every answer of the period, read past the row scope on purpose: the aggregate is the
    // point, and nothing of a row leaves but through decideFeedback.
    const [consortium, rows] = await Promise.all([
      this.prisma.crossScope('disclosure-aggregates', { replica: true }).consortium.findUniqueOrThrow({ where: { id: consortiumId }, select: { disclosureThreshold: true } }),
      this.prisma.crossScope('disclosure-aggregates', { replica: true }).customerFeedback.findMany({ where: { consortiumId, periodId }, include: { customer: { select: { name: true } } } }),
    ]);
    const k = consortium.disclosureThreshold;
    const answers: FeedbackAnswer[] = rows.map((r) => ({
      id: r.id,
      supplierId: r.supplierId,
      customerId: r.customerId,
      scores: { forecastStability: r.forecastStability, paymentOnTime: r.paymentOnTime, rebidThreat: r.rebidThreat, helpReceived: r.helpReceived, wouldRecommend: r.wouldRecommend },
    }));
    // the person's answers, over every firm it acts for in the consortium
    const decided = decideFeedback(answers, k, await knownFirms(this.prisma, p));
    const names = new Map(rows.map((r) => [r.customerId, r.customer.name]));
    const nameable = await this.nameable(p, consortiumId);
    const subject = (customerId: string | null, customerName: string, d: FeedbackCellDecision): FeedbackSubjectSummary => ({
      customerId,
      customerName,
      answering: d.withheld === null ? d.answering : null,
      questions: FEEDBACK_QUESTIONS.map((q) => {
        const x = d.questions[q];
        return { question: q, mean: x.mean, withheld: x.withheld, withheldMessage: x.withheld ? suppressionMessage(x.withheld, k) : null };
      }),
    });
    const subjects = [...decided.customers.entries()]
      .filter(([c]) => nameable === undefined || nameable.has(c))
      .map(([c, d]) => subject(c, names.get(c) ?? '', d))
      .sort((a, b) => a.customerName.localeCompare(b.customerName));
    return { ...base, collecting: false, subjects: [subject(null, 'All customers', decided.all), ...subjects] };
  }
}
