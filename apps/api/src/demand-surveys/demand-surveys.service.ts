import { Injectable } from '@nestjs/common';
import type { DemandAnswers, DemandGap, DemandGapRow, DemandSurvey } from '@tandem/contracts';
import type { DemandSurvey as DemandSurveyRow } from '@tandem/db';
import { canMoveDemandSurvey, demandGap, demandWithheldMessage, pipelineWindow, type DemandSurveyStatus, type OccupationGap } from '@tandem/domain';
import { AuditService, CommonErrorCode, DomainError, PrismaService, FIRM_READER_ROLES, RequestContext, knownFirms, type Principal } from '@tandem/server';
import { listPage, type ListPage, type ListSpec } from '../common/list-query';
import { iso, isoDate } from '../common/serialize';
import { consortiumOf, day, spanErrors } from '../common/training';
import type { CreateDemandSurveyDto, PutDemandAnswersDto } from './dto/demand-survey.dto';

export const DEMAND_SURVEY_LIST: ListSpec = {
  sortable: ['opensOn', 'closesOn', 'title', 'status', 'createdAt'],
  defaultSort: ['opensOn', 'desc'],
  filters: { status: { type: 'enum', values: ['draft', 'open', 'closed'] } },
  search: (q) => ({ title: { contains: q, mode: 'insensitive' } }),
};

/** Roles whose own firm's answers the reader knows (it wrote them): disclosure control does not count them. */

const isStaff = (p: Principal): boolean => p.role === 'consortium_staff' || p.role === 'platform_admin';

/**
 * Trainees in the pipeline per occupation: distinct trainees of the consortium with an
 * enrolment that is not withdrawn in a session of a curriculum prepared for the occupation,
 * the session overlapping the survey's window [from, until). A trainee whose curriculum
 * prepares for several occupations counts in each of them.
 */
const PIPELINE_SQL = `
SELECT soc AS "socCode", count(DISTINCT e."traineeId")::int AS trainees
  FROM "Enrolment" e
  JOIN "CourseSession" s ON s.id = e."sessionId"
  JOIN "Curriculum" c ON c.id = s."curriculumId"
  CROSS JOIN LATERAL unnest(c."socCodes") AS soc
 WHERE e."consortiumId" = $1::uuid AND e.status <> 'withdrawn'
   AND s."endsOn" >= $2::date AND s."startsOn" < $3::date
 GROUP BY soc`;

/**
 * Workforce demand surveys. Staff create, open and close them; a firm admin answers for its
 * own firm while one is open and reads its own answers; the gap per occupation leaves only
 * through disclosure control (libs/domain demand-surveys): staff read every row with why
 * others may not, everyone else the rows that pass for them once the survey has closed (its
 * answers final, so no later answer can be read by difference). Who answered is never told;
 * how many, from k on.
 */
@Injectable()
export class DemandSurveysService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
  ) {}

  async list(page: ListPage): Promise<{ rows: DemandSurvey[]; total: number }> {
    const { rows, total } = await listPage(this.prisma.scoped.demandSurvey, page);
    return { rows: await this.withCounts(rows), total };
  }

  async get(id: string): Promise<DemandSurvey> {
    const [out] = await this.withCounts([await this.survey(id)]);
    return out as DemandSurvey;
  }

  async create(dto: CreateDemandSurveyDto): Promise<DemandSurvey> {
    const p = this.context.requirePrincipal();
    const consortiumId = consortiumOf(p, dto.consortiumId);
    const errors = spanErrors(dto.opensOn, dto.closesOn, 'closesOn').map((e) => ({ ...e, message: 'must be on or after opensOn' }));
    // staff ask their own consortium's members: naming another consortium is refused as unknown
    if (p.consortiumId && dto.consortiumId && dto.consortiumId.toLowerCase() !== p.consortiumId) errors.push({ path: 'consortiumId', message: 'is not your consortium' });
    if (errors.length) throw DomainError.validation(errors);
    const row = await this.prisma.scoped.$transaction(async (tx) => {
      const created = await tx.demandSurvey.create({ data: { consortiumId, title: dto.title, opensOn: day(dto.opensOn), closesOn: day(dto.closesOn), horizonMonths: dto.horizonMonths } });
      await this.audit.record(tx, { action: 'demand_survey.created', entityType: 'DemandSurvey', entityId: created.id, after: { title: created.title, horizonMonths: created.horizonMonths }, consortiumId });
      return created;
    });
    return this.get(row.id);
  }

  open(id: string): Promise<DemandSurvey> {
    return this.move(id, 'open');
  }

  close(id: string): Promise<DemandSurvey> {
    return this.move(id, 'closed');
  }

  private async move(id: string, to: DemandSurveyStatus): Promise<DemandSurvey> {
    await this.prisma.scoped.$transaction(async (tx) => {
      const before = await tx.demandSurvey.findFirst({ where: { id } });
      if (!before) throw DomainError.notFound('Demand survey');
      if (!canMoveDemandSurvey(before.status, to)) {
        throw new DomainError(CommonErrorCode.Conflict, `The survey is ${before.status}; it cannot become ${to}`, [{ path: 'status', message: `is ${before.status}` }]);
      }
      // the status in the condition too: two requests at once move it once
      const moved = await tx.demandSurvey.updateMany({ where: { id, status: before.status }, data: { status: to, ...(to === 'open' ? { openedAt: new Date() } : { closedAt: new Date() }) } });
      if (moved.count === 0) throw new DomainError(CommonErrorCode.Conflict, 'The survey changed meanwhile; reload it', [{ path: 'status', message: 'changed meanwhile' }]);
      await this.audit.record(tx, { action: to === 'open' ? 'demand_survey.opened' : 'demand_survey.closed', entityType: 'DemandSurvey', entityId: id, before: { status: before.status }, after: { status: to }, consortiumId: before.consortiumId });
    });
    return this.get(id);
  }

  /** The reader's own firm's answer (empty lines before it answered). */
  async answers(surveyId: string): Promise<DemandAnswers> {
    const { organisationId } = this.firm();
    const survey = await this.survey(surveyId);
    return this.answersOf(survey.id, organisationId);
  }

  async putAnswers(surveyId: string, dto: PutDemandAnswersDto): Promise<DemandAnswers> {
    const { organisationId, consortiumId } = this.firm();
    const seen = new Map<string, number>();
    const errors = dto.lines.flatMap((l, i) => {
      const first = seen.get(l.socCode);
      seen.set(l.socCode, first ?? i);
      return first === undefined ? [] : [{ path: `lines.${i}.socCode`, message: `repeats line ${first}: one line per occupation` }];
    });
    if (errors.length) throw DomainError.validation(errors);
    await this.prisma.scoped.$transaction(async (tx) => {
      if (!(await tx.demandSurvey.findFirst({ where: { id: surveyId }, select: { id: true } }))) throw DomainError.notFound('Demand survey');
      // the survey row locked: a close waits for an answer under way, and an answer after a close is refused
      await tx.$queryRawUnsafe(`SELECT 1 FROM "DemandSurvey" WHERE id = $1::uuid FOR UPDATE`, surveyId);
      const survey = await tx.demandSurvey.findFirstOrThrow({ where: { id: surveyId } });
      if (survey.status !== 'open') {
        throw new DomainError(CommonErrorCode.Conflict, survey.status === 'closed' ? 'The survey has closed: its answers are final' : 'The survey is not open yet', [{ path: 'surveyId', message: `is ${survey.status}` }]);
      }
      const socCodes = dto.lines.map((l) => l.socCode);
      await tx.demandAnswer.deleteMany({ where: { surveyId, organisationId, socCode: { notIn: socCodes } } });
      for (const l of dto.lines) {
        const figures = { expectedOpenings: l.expectedOpenings, couldExistJobs: l.couldExistJobs, note: l.note ?? null };
        await tx.demandAnswer.upsert({
          where: { surveyId_organisationId_socCode: { surveyId, organisationId, socCode: l.socCode } },
          create: { consortiumId, surveyId, organisationId, socCode: l.socCode, ...figures },
          update: figures,
        });
      }
      // the trail says that the firm answered and for how many occupations, not what
      await this.audit.record(tx, { action: 'demand_answer.submitted', entityType: 'DemandSurvey', entityId: surveyId, after: { occupations: socCodes.length }, consortiumId, organisationId });
    });
    return this.answersOf(surveyId, organisationId);
  }

  async gap(surveyId: string): Promise<DemandGap> {
    const p = this.context.requirePrincipal();
    const survey = await this.survey(surveyId);
    const everything = isStaff(p);
    const window = pipelineWindow(survey.opensOn, survey.horizonMonths);
    // every firm's answers and the consortium's enrolments, read past the row scope on purpose:
    // nothing of a row leaves but through demandGap's rules
    const db = this.prisma.crossScope('disclosure-aggregates', { replica: true });
    const consortium = await db.consortium.findUniqueOrThrow({ where: { id: survey.consortiumId }, select: { disclosureThreshold: true } });
    const k = consortium.disclosureThreshold;
    const base = {
      surveyId: survey.id,
      title: survey.title,
      status: survey.status,
      horizonMonths: survey.horizonMonths,
      pipelineFrom: isoDate(window.from) ?? '',
      pipelineUntil: isoDate(window.until) ?? '',
      k,
    };
    if (!everything && survey.status !== 'closed') return { ...base, available: false, respondents: null, occupations: [], total: null };
    const [lines, pipeline] = await Promise.all([
      db.demandAnswer.findMany({ where: { surveyId: survey.id, consortiumId: survey.consortiumId }, select: { organisationId: true, socCode: true, expectedOpenings: true, couldExistJobs: true } }),
      db.$queryRawUnsafe<{ socCode: string; trainees: number }[]>(PIPELINE_SQL, survey.consortiumId, base.pipelineFrom, base.pipelineUntil),
    ]);
    // the person's answers, over every firm it acts for in the consortium
    const reader = await knownFirms(this.prisma, p);
    const d = demandGap(lines, new Map(pipeline.map((r) => [r.socCode, r.trainees])), k, reader, everything);
    return {
      ...base,
      available: true,
      respondents: d.respondentsShown ? d.respondents : null,
      occupations: d.occupations.map((o) => gapRow(o, k, everything)),
      total: d.total,
    };
  }

  private firm(): { organisationId: string; consortiumId: string } {
    const p = this.context.requirePrincipal();
    if (!p.organisationId || !p.consortiumId) throw new DomainError(CommonErrorCode.Forbidden, 'Only a member firm answers a demand survey');
    return { organisationId: p.organisationId, consortiumId: p.consortiumId };
  }

  private async survey(id: string): Promise<DemandSurveyRow> {
    const row = await this.prisma.scoped.demandSurvey.findFirst({ where: { id } });
    if (!row) throw DomainError.notFound('Demand survey');
    return row;
  }

  private async answersOf(surveyId: string, organisationId: string): Promise<DemandAnswers> {
    const rows = await this.prisma.scoped.demandAnswer.findMany({ where: { surveyId, organisationId }, orderBy: { socCode: 'asc' } });
    const updated = rows.reduce<Date | null>((latest, r) => (latest === null || r.updatedAt > latest ? r.updatedAt : latest), null);
    return {
      surveyId,
      organisationId,
      lines: rows.map((r) => ({ socCode: r.socCode, expectedOpenings: r.expectedOpenings, couldExistJobs: r.couldExistJobs, note: r.note })),
      updatedAt: iso(updated),
    };
  }

  /** Each survey with how many firms answered (staff; others from k on) and whether the reader's firm did. */
  private async withCounts(rows: readonly DemandSurveyRow[]): Promise<DemandSurvey[]> {
    if (rows.length === 0) return [];
    const p = this.context.requirePrincipal();
    const ids = rows.map((r) => r.id);
    const db = this.prisma.crossScope('disclosure-aggregates', { replica: true });
    const [respondents, thresholds] = await Promise.all([
      db.demandAnswer.groupBy({ by: ['surveyId', 'organisationId'], where: { surveyId: { in: ids } } }),
      db.consortium.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.consortiumId))] } }, select: { id: true, disclosureThreshold: true } }),
    ]);
    const k = new Map(thresholds.map((c) => [c.id, c.disclosureThreshold]));
    const count = new Map<string, number>();
    const mine = new Set<string>();
    for (const r of respondents) {
      count.set(r.surveyId, (count.get(r.surveyId) ?? 0) + 1);
      if (r.organisationId === p.organisationId) mine.add(r.surveyId);
    }
    const firm = FIRM_READER_ROLES.has(p.role) && p.organisationId !== undefined && p.organisationId !== null;
    return rows.map((r) => {
      const n = count.get(r.id) ?? 0;
      return {
        id: r.id,
        consortiumId: r.consortiumId,
        title: r.title,
        opensOn: isoDate(r.opensOn) ?? '',
        closesOn: isoDate(r.closesOn) ?? '',
        status: r.status,
        horizonMonths: r.horizonMonths,
        openedAt: iso(r.openedAt),
        closedAt: iso(r.closedAt),
        responseCount: isStaff(p) || n >= (k.get(r.consortiumId) ?? Infinity) ? n : null,
        answeredByMyFirm: firm ? mine.has(r.id) : null,
        createdAt: r.createdAt.toISOString(),
        updatedAt: r.updatedAt.toISOString(),
      };
    });
  }
}

/** One occupation as the reader may read it: a withheld row carries its reason and no figure (staff: both). */
function gapRow(o: OccupationGap, k: number, everything: boolean): DemandGapRow {
  const base = { socCode: o.socCode, suppressed: o.withheld !== null, reason: o.withheld ? demandWithheldMessage(o.withheld, k) : null, reasonCode: o.withheld };
  if (o.withheld !== null && !everything) return { ...base, answeringFirms: null, expectedOpenings: null, couldExistJobs: null, demand: null, pipeline: null, gap: null };
  return { ...base, answeringFirms: o.answeringFirms, expectedOpenings: o.expectedOpenings, couldExistJobs: o.couldExistJobs, demand: o.demand, pipeline: o.pipeline, gap: o.gap };
}
