import { Injectable } from '@nestjs/common';
import { ENROLMENT_STATUSES, type Enrolment } from '@tandem/contracts';
import type { Enrolment as EnrolmentRow, WageStep as WageStepRow } from '@tandem/db';
import { applyEnrolmentRecord, confirmWageStep, holdsSeat, proposedWageStep, type EnrolmentRecord, type LadderStep } from '@tandem/domain';
import { AuditService, DomainError, lockVisible, PrismaService, RequestContext, TrainingErrorCode, type Principal, type ScopedTx } from '@tandem/server';
import { containsText, listPage, type ListPage, type ListSpec } from '../common/list-query';
import { iso, isoDate, num } from '../common/serialize';
import { today } from '../common/training';
import type { ConfirmWageStepDto, CreateEnrolmentDto, RecordEnrolmentDto } from './dto/enrolment.dto';

export const ENROLMENT_LIST: ListSpec = {
  sortable: ['status', 'hoursAttended', 'credential', 'completedAt', 'createdAt'],
  defaultSort: ['createdAt', 'desc'],
  filters: {
    sessionId: { type: 'uuid' },
    traineeId: { type: 'uuid' },
    organisationId: { type: 'uuid' },
    status: { type: 'enum', values: ENROLMENT_STATUSES },
    /** completed with a step proposed by the employer's ladder and not yet confirmed (the firm admin's to-do) */
    wageStepPending: { type: 'boolean', where: (v) => (v ? { wageStepId: { not: null }, wageStepConfirmedAt: null } : { OR: [{ wageStepId: null }, { wageStepConfirmedAt: { not: null } }] }) },
  },
  search: (q) => ({ OR: [{ trainee: { lastName: containsText(q) } }, { trainee: { firstName: containsText(q) } }, { credential: containsText(q) }] }),
};

const INCLUDE = {
  session: { select: { startsOn: true, endsOn: true, hours: true, curriculum: { select: { title: true } } } },
  trainee: { select: { firstName: true, lastName: true } },
  wageStep: true,
} as const;
type Row = EnrolmentRow & { session: { startsOn: Date; endsOn: Date; hours: { toNumber(): number }; curriculum: { title: string } }; trainee: { firstName: string; lastName: string }; wageStep: WageStepRow | null };

/** Wages never leave the firm: only the employer's own people read the step and the wages. */
function readsWages(p: Principal, r: EnrolmentRow): boolean {
  return (p.role === 'firm_admin' || p.role === 'firm_contributor') && p.organisationId === r.organisationId;
}

function toEnrolment(r: Row, p: Principal): Enrolment {
  const wages = readsWages(p, r);
  return {
    id: r.id,
    consortiumId: r.consortiumId,
    sessionId: r.sessionId,
    sessionStartsOn: isoDate(r.session.startsOn) ?? '',
    curriculumTitle: r.session.curriculum.title,
    traineeId: r.traineeId,
    traineeName: `${r.trainee.firstName} ${r.trainee.lastName}`,
    organisationId: r.organisationId,
    status: r.status,
    hoursAttended: num(r.hoursAttended) ?? 0,
    credential: r.credential,
    completedAt: isoDate(r.completedAt),
    withdrawnAt: isoDate(r.withdrawnAt),
    wageStep: wages && r.wageStep ? { id: r.wageStep.id, credential: r.wageStep.credential, title: r.wageStep.title, hourlyIncrease: num(r.wageStep.hourlyIncrease) ?? 0 } : null,
    wageStepConfirmedAt: wages ? iso(r.wageStepConfirmedAt) : null,
    wageBefore: wages ? num(r.wageBefore) : null,
    wageAfter: wages ? num(r.wageAfter) : null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** What the audit log keeps of an enrolment: no wage, no name. */
function auditView(r: EnrolmentRow): Record<string, unknown> {
  return { id: r.id, sessionId: r.sessionId, traineeId: r.traineeId, status: r.status, hoursAttended: num(r.hoursAttended), credential: r.credential };
}

@Injectable()
export class EnrolmentsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
  ) {}

  async list(page: ListPage): Promise<{ rows: Enrolment[]; total: number }> {
    const p = this.context.requirePrincipal();
    // Filtering on the wage step tells which trainees are owed (or got) a raise: the employer's
    // question only, like the step itself (outside attack: a trainer listed them through it).
    const employer = p.role === 'firm_admin' || p.role === 'firm_contributor';
    if (!employer && JSON.stringify(page.where).includes('wageStep')) {
      throw DomainError.validation([{ path: 'filter.wageStepPending', message: "is the employer firm's own filter: wages never leave the firm" }]);
    }
    const db = this.prisma.read.enrolment;
    const { rows, total } = await listPage({ findMany: (args) => db.findMany({ ...args, include: INCLUDE }), count: (args) => db.count(args) }, page);
    return { rows: rows.map((r) => toEnrolment(r, p)), total };
  }

  async get(id: string): Promise<Enrolment> {
    const row = await this.prisma.scoped.enrolment.findFirst({ where: { id }, include: INCLUDE });
    if (!row) throw DomainError.notFound('Enrolment');
    return toEnrolment(row, this.context.requirePrincipal());
  }

  /**
   * Enrol a trainee. The session row is locked (SELECT … FOR UPDATE) before the seats are
   * counted, so two firms taking the last seat at once are served one after the other and
   * the second is refused: no read-then-write race.
   */
  async create(dto: CreateEnrolmentDto): Promise<Enrolment> {
    const p = this.context.requirePrincipal();
    return this.prisma.scoped.$transaction(async (tx) => {
      const errors = [];
      const trainee = await tx.trainee.findFirst({ where: { id: dto.traineeId }, select: { id: true, consortiumId: true, employerOrganisationId: true } });
      if (!trainee) errors.push({ path: 'traineeId', message: 'is not a trainee of your firm' });
      const visible = await tx.courseSession.findFirst({ where: { id: dto.sessionId }, select: { id: true, consortiumId: true } });
      if (!visible) errors.push({ path: 'sessionId', message: 'is not a session of the consortium' });
      if (trainee && visible && trainee.consortiumId !== visible.consortiumId) errors.push({ path: 'sessionId', message: "is not a session of the trainee's consortium" });
      if (errors.length || !trainee || !visible) throw DomainError.validation(errors);
      await tx.$queryRaw`SELECT 1 FROM "CourseSession" WHERE id = ${visible.id}::uuid FOR UPDATE`;
      const session = await tx.courseSession.findFirstOrThrow({ where: { id: visible.id }, select: { capacity: true, enrolments: { select: { traineeId: true, status: true } } } });
      if (session.enrolments.some((e) => e.traineeId === trainee.id)) {
        throw new DomainError(TrainingErrorCode.AlreadyEnrolled, 'The trainee is already enrolled in this session', [{ path: 'traineeId', message: 'already enrolled in this session' }]);
      }
      const taken = session.enrolments.filter((e) => holdsSeat(e.status)).length;
      if (taken >= session.capacity) {
        throw new DomainError(TrainingErrorCode.SessionFull, 'The session is full', [{ path: 'sessionId', message: `the session is full: ${taken} of ${session.capacity} seats taken` }]);
      }
      const row = await tx.enrolment.create({
        data: { consortiumId: trainee.consortiumId, sessionId: visible.id, traineeId: trainee.id, organisationId: trainee.employerOrganisationId },
        include: INCLUDE,
      });
      await this.audit.record(tx, { action: 'enrolment.created', entityType: 'Enrolment', entityId: row.id, after: auditView(row), consortiumId: row.consortiumId, organisationId: row.organisationId });
      return toEnrolment(row, p);
    });
  }

  /** The employer's ladder, read for the firm whatever the principal (the trainer never sees it). */
  private async ladderOf(consortiumId: string, organisationId: string): Promise<LadderStep[]> {
    const steps = await this.prisma.crossScope('employer-ladder').wageStep.findMany({ where: { consortiumId, organisationId }, orderBy: { createdAt: 'asc' } });
    return steps.map((s) => ({ id: s.id, credential: s.credential, hourlyIncrease: num(s.hourlyIncrease) ?? 0 }));
  }

  private async applyRecord(tx: ScopedTx, id: string, change: EnrolmentRecord, action: string): Promise<Enrolment> {
    const p = this.context.requirePrincipal();
    await lockVisible(tx, 'Enrolment', id);
    const before = await tx.enrolment.findFirstOrThrow({ where: { id }, include: INCLUDE });
    const outcome = applyEnrolmentRecord({ status: before.status, hoursAttended: num(before.hoursAttended) ?? 0, credential: before.credential }, change, before.session.hours.toNumber());
    if (!outcome.ok) throw new DomainError(TrainingErrorCode.InvalidRecord, outcome.errors.map((e) => `${e.path}: ${e.message}`).join('; '), outcome.errors);
    const next = outcome.next;
    const completing = next.status === 'completed' && before.status !== 'completed';
    // a credential on the employer's ladder proposes its step; the firm admin confirms it
    const step = completing ? proposedWageStep({ status: next.status, credential: next.credential }, await this.ladderOf(before.consortiumId, before.organisationId)) : null;
    const row = await tx.enrolment.update({
      where: { id },
      data: {
        status: next.status,
        hoursAttended: next.hoursAttended,
        credential: next.credential,
        // completed on the session's last day, or today when recorded before it ends
        completedAt: completing ? (before.session.endsOn.getTime() < today().getTime() ? before.session.endsOn : today()) : undefined,
        withdrawnAt: next.status === 'withdrawn' && before.status !== 'withdrawn' ? today() : undefined,
        wageStepId: completing ? (step?.id ?? null) : undefined,
      },
      include: INCLUDE,
    });
    await this.audit.record(tx, { action, entityType: 'Enrolment', entityId: id, before: auditView(before), after: auditView(row), consortiumId: row.consortiumId, organisationId: row.organisationId });
    return toEnrolment(row, p);
  }

  /** Attendance, completion, credential: the session's trainer (scope: its own sessions) or staff. */
  record(id: string, dto: RecordEnrolmentDto): Promise<Enrolment> {
    return this.prisma.scoped.$transaction((tx) => this.applyRecord(tx, id, { status: dto.status, hoursAttended: dto.hoursAttended, credential: dto.credential }, 'enrolment.recorded'));
  }

  /** The firm (or staff) takes its trainee out of a session: the seat is free again. */
  withdraw(id: string): Promise<Enrolment> {
    return this.prisma.scoped.$transaction((tx) => this.applyRecord(tx, id, { status: 'withdrawn' }, 'enrolment.withdrawn'));
  }

  /**
   * The firm admin confirms the step a completed enrolment's credential proposes, with the
   * wages before and after. The step is looked up again in the ladder of today (a ladder
   * defined after completion still counts).
   */
  async confirmWageStep(id: string, dto: ConfirmWageStepDto): Promise<Enrolment> {
    const p = this.context.requirePrincipal();
    return this.prisma.scoped.$transaction(async (tx) => {
      await lockVisible(tx, 'Enrolment', id);
      const before = await tx.enrolment.findFirstOrThrow({ where: { id }, include: INCLUDE });
      const ladder = await tx.wageStep.findMany({ where: { consortiumId: before.consortiumId, organisationId: before.organisationId } });
      const steps = ladder.map((s) => ({ ...s, hourlyIncrease: num(s.hourlyIncrease) ?? 0 }));
      const step = (before.wageStepId ? steps.find((s) => s.id === before.wageStepId) : undefined) ?? proposedWageStep(before, steps);
      const outcome = confirmWageStep(before, step ?? null, dto);
      if (!outcome.ok) throw new DomainError(TrainingErrorCode.InvalidRecord, outcome.errors.map((e) => `${e.path}: ${e.message}`).join('; '), outcome.errors);
      const row = await tx.enrolment.update({
        where: { id },
        data: { wageStepId: step?.id ?? null, wageBefore: outcome.wageBefore, wageAfter: outcome.wageAfter, wageStepConfirmedAt: new Date(), wageStepConfirmedByUserId: p.userId },
        include: INCLUDE,
      });
      // the audit log (read by staff) records the confirmation, never the wages
      await this.audit.record(tx, { action: 'enrolment.wage-step-confirmed', entityType: 'Enrolment', entityId: id, after: { ...auditView(row), wageStepId: row.wageStepId }, consortiumId: row.consortiumId, organisationId: row.organisationId });
      return toEnrolment(row, p);
    });
  }
}
