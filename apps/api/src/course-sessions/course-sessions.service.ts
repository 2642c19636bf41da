import { Injectable } from '@nestjs/common';
import type { CourseSession } from '@tandem/contracts';
import type { CourseSession as SessionRow } from '@tandem/db';
import { AuditService, DomainError, lockVisible, PrismaService, RequestContext, type ScopedTx } from '@tandem/server';
import type { ProblemFieldError } from '@tandem/contracts';
import { containsText, listPage, type ListPage, type ListSpec } from '../common/list-query';
import { isoDate, num } from '../common/serialize';
import { consortiumOf, day, isStaffLike, organisationOf, spanErrors, today } from '../common/training';
import type { CreateCourseSessionDto, UpdateCourseSessionDto } from './dto/course-session.dto';

export const COURSE_SESSION_LIST: ListSpec = {
  sortable: ['startsOn', 'endsOn', 'hours', 'capacity', 'costPerSeat', 'location', 'createdAt'],
  defaultSort: ['startsOn', 'desc'],
  filters: {
    curriculumId: { type: 'uuid' },
    providerOrganisationId: { type: 'uuid' },
    grantId: { type: 'uuid' },
    /** sessions ending on or after this day */
    from: { type: 'date', where: (d) => ({ endsOn: { gte: d } }) },
    /** sessions starting on or before this day */
    to: { type: 'date', where: (d) => ({ startsOn: { lte: d } }) },
    /** sessions over (ended before today) with an enrolment whose attendance is not recorded yet: the trainer's to-do */
    attendanceToRecord: { type: 'boolean', where: (v) => (v ? { endsOn: { lt: today() }, enrolments: { some: { status: 'enrolled' } } } : { NOT: { endsOn: { lt: today() }, enrolments: { some: { status: 'enrolled' } } } }) },
  },
  search: (q) => ({ OR: [{ location: containsText(q) }, { curriculum: { title: containsText(q) } }] }),
};

export const SESSION_INCLUDE = {
  curriculum: { select: { title: true } },
  provider: { select: { name: true } },
  _count: { select: { enrolments: { where: { status: { not: 'withdrawn' as const } } } } },
} as const;
type Row = SessionRow & { curriculum: { title: string }; provider: { name: string }; _count: { enrolments: number } };

function toSession(r: Row): CourseSession {
  return {
    id: r.id,
    consortiumId: r.consortiumId,
    curriculumId: r.curriculumId,
    curriculumTitle: r.curriculum.title,
    providerOrganisationId: r.providerOrganisationId,
    providerName: r.provider.name,
    startsOn: isoDate(r.startsOn) ?? '',
    endsOn: isoDate(r.endsOn) ?? '',
    hours: num(r.hours) ?? 0,
    location: r.location,
    capacity: r.capacity,
    seatsTaken: r._count.enrolments,
    costPerSeat: num(r.costPerSeat) ?? 0,
    grantId: r.grantId,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

@Injectable()
export class CourseSessionsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
  ) {}

  async list(page: ListPage): Promise<{ rows: CourseSession[]; total: number }> {
    const db = this.prisma.read.courseSession;
    const { rows, total } = await listPage({ findMany: (args) => db.findMany({ ...args, include: SESSION_INCLUDE }), count: (args) => db.count(args) }, page);
    return { rows: rows.map(toSession), total };
  }

  async get(id: string): Promise<CourseSession> {
    const row = await this.prisma.scoped.courseSession.findFirst({ where: { id }, include: SESSION_INCLUDE });
    if (!row) throw DomainError.notFound('Course session');
    return toSession(row);
  }

  /** The grant must be one the principal may name (staff: the consortium's; a trainer: the consortium's). */
  private async grantErrors(tx: ScopedTx, grantId: string | null | undefined): Promise<ProblemFieldError[]> {
    if (!grantId) return [];
    const grant = await tx.grant.findFirst({ where: { id: grantId }, select: { id: true } });
    return grant ? [] : [{ path: 'grantId', message: 'is not a grant of the consortium' }];
  }

  async create(dto: CreateCourseSessionDto): Promise<CourseSession> {
    const p = this.context.requirePrincipal();
    const consortiumId = consortiumOf(p, dto.consortiumId);
    const providerOrganisationId = organisationOf(p, dto.providerOrganisationId, 'providerOrganisationId');
    return this.prisma.scoped.$transaction(async (tx) => {
      const errors = spanErrors(dto.startsOn, dto.endsOn);
      const curriculum = await tx.curriculum.findFirst({ where: { id: dto.curriculumId }, select: { id: true } });
      if (!curriculum) errors.push({ path: 'curriculumId', message: 'is not a curriculum you can see' });
      if (isStaffLike(p)) {
        const provider = await tx.organisation.findFirst({ where: { id: providerOrganisationId, kind: { in: ['training_provider', 'college', 'extension_centre'] } }, select: { id: true } });
        if (!provider) errors.push({ path: 'providerOrganisationId', message: 'is not a training provider, college or extension centre of the consortium' });
      }
      errors.push(...(await this.grantErrors(tx, dto.grantId)));
      if (errors.length) throw DomainError.validation(errors);
      const row = await tx.courseSession.create({
        data: {
          consortiumId,
          curriculumId: dto.curriculumId.toLowerCase(),
          providerOrganisationId,
          startsOn: day(dto.startsOn),
          endsOn: day(dto.endsOn),
          hours: dto.hours,
          location: dto.location,
          capacity: dto.capacity,
          costPerSeat: dto.costPerSeat,
          grantId: dto.grantId?.toLowerCase() ?? null,
        },
        include: SESSION_INCLUDE,
      });
      const out = toSession(row);
      await this.audit.record(tx, { action: 'course-session.created', entityType: 'CourseSession', entityId: row.id, after: out, consortiumId, organisationId: providerOrganisationId });
      return out;
    });
  }

  async update(id: string, dto: UpdateCourseSessionDto): Promise<CourseSession> {
    return this.prisma.scoped.$transaction(async (tx) => {
      // locked: an enrolment taking a seat waits for a change of capacity, and the reverse
      await lockVisible(tx, 'CourseSession', id);
      const before = await tx.courseSession.findFirstOrThrow({ where: { id }, include: SESSION_INCLUDE });
      const errors = spanErrors(dto.startsOn ?? before.startsOn, dto.endsOn ?? before.endsOn);
      if (dto.capacity !== undefined && dto.capacity < before._count.enrolments) errors.push({ path: 'capacity', message: `must be at least the ${before._count.enrolments} seats taken` });
      if (dto.hours !== undefined) {
        const most = await tx.enrolment.aggregate({ where: { sessionId: id }, _max: { hoursAttended: true } });
        const attended = num(most._max.hoursAttended) ?? 0;
        if (dto.hours < attended) errors.push({ path: 'hours', message: `must be at least the ${attended} hours already attended` });
      }
      errors.push(...(await this.grantErrors(tx, dto.grantId)));
      if (errors.length) throw DomainError.validation(errors);
      const row = await tx.courseSession.update({
        where: { id },
        data: {
          startsOn: dto.startsOn ? day(dto.startsOn) : undefined,
          endsOn: dto.endsOn ? day(dto.endsOn) : undefined,
          hours: dto.hours,
          location: dto.location,
          capacity: dto.capacity,
          costPerSeat: dto.costPerSeat,
          grantId: dto.grantId === undefined ? undefined : (dto.grantId?.toLowerCase() ?? null),
        },
        include: SESSION_INCLUDE,
      });
      const out = toSession(row);
      await this.audit.record(tx, { action: 'course-session.updated', entityType: 'CourseSession', entityId: id, before: toSession(before), after: out, consortiumId: row.consortiumId, organisationId: row.providerOrganisationId });
      return out;
    });
  }
}
