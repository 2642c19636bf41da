import { Injectable } from '@nestjs/common';
import type { ProblemFieldError, TrainingActivity } from '@tandem/contracts';
import type { TrainingActivity as ActivityRow } from '@tandem/db';
import { AuditService, DomainError, PrismaService, RequestContext, type ScopedTx } from '@tandem/server';
import { containsText, listPage, type ListPage, type ListSpec } from '../common/list-query';
import { isoDate, num } from '../common/serialize';
import { consortiumOf, day, isStaffLike, organisationOf, requireActiveMember } from '../common/training';
import type { CreateTrainingActivityDto, UpdateTrainingActivityDto } from './dto/training-activity.dto';

export const TRAINING_ACTIVITY_LIST: ListSpec = {
  sortable: ['occurredOn', 'skillArea', 'participants', 'hoursPerParticipant', 'cost', 'createdAt'],
  defaultSort: ['occurredOn', 'desc'],
  filters: {
    organisationId: { type: 'uuid' },
    curriculumId: { type: 'uuid' },
    sessionId: { type: 'uuid' },
    frontline: { type: 'boolean' },
    from: { type: 'date', where: (d) => ({ occurredOn: { gte: d } }) },
    to: { type: 'date', where: (d) => ({ occurredOn: { lte: d } }) },
  },
  search: (q) => ({ OR: [{ skillArea: containsText(q) }, { providerName: containsText(q) }] }),
};

function toActivity(r: ActivityRow): TrainingActivity {
  return {
    id: r.id,
    consortiumId: r.consortiumId,
    organisationId: r.organisationId,
    occurredOn: isoDate(r.occurredOn) ?? '',
    curriculumId: r.curriculumId,
    sessionId: r.sessionId,
    skillArea: r.skillArea,
    participants: r.participants,
    hoursPerParticipant: num(r.hoursPerParticipant) ?? 0,
    cost: num(r.cost) ?? 0,
    providerOrganisationId: r.providerOrganisationId,
    providerName: r.providerName,
    frontline: r.frontline,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

type Refs = Pick<CreateTrainingActivityDto, 'curriculumId' | 'sessionId' | 'providerOrganisationId' | 'hoursPerParticipant'>;

@Injectable()
export class TrainingActivitiesService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
  ) {}

  /** What an activity names must be visible to the one who logs it; hours fit the session named. */
  private async refErrors(tx: ScopedTx, refs: Partial<Refs>, consortiumId: string): Promise<ProblemFieldError[]> {
    const errors: ProblemFieldError[] = [];
    if (refs.curriculumId && !(await tx.curriculum.findFirst({ where: { id: refs.curriculumId }, select: { id: true } }))) errors.push({ path: 'curriculumId', message: 'is not a curriculum you can see' });
    if (refs.sessionId) {
      const session = await tx.courseSession.findFirst({ where: { id: refs.sessionId }, select: { hours: true } });
      if (!session) errors.push({ path: 'sessionId', message: 'is not a session of the consortium' });
      else if (refs.hoursPerParticipant !== undefined && refs.hoursPerParticipant > session.hours.toNumber()) errors.push({ path: 'hoursPerParticipant', message: `must be at most the session's ${session.hours.toNumber()} hours` });
    }
    if (refs.providerOrganisationId) {
      const provider = await this.prisma.crossScope('member-directory').organisation.findFirst({ where: { id: refs.providerOrganisationId, kind: { in: ['training_provider', 'college', 'extension_centre'] }, consortiumIds: { has: consortiumId } }, select: { id: true } });
      if (!provider) errors.push({ path: 'providerOrganisationId', message: 'is not a training organisation of the consortium' });
    }
    return errors;
  }

  async list(page: ListPage): Promise<{ rows: TrainingActivity[]; total: number }> {
    const db = this.prisma.read.trainingActivity;
    const { rows, total } = await listPage({ findMany: (args) => db.findMany(args), count: (args) => db.count(args) }, page);
    return { rows: rows.map(toActivity), total };
  }

  async get(id: string): Promise<TrainingActivity> {
    const row = await this.prisma.scoped.trainingActivity.findFirst({ where: { id } });
    if (!row) throw DomainError.notFound('Training activity');
    return toActivity(row);
  }

  async create(dto: CreateTrainingActivityDto): Promise<TrainingActivity> {
    const p = this.context.requirePrincipal();
    const consortiumId = consortiumOf(p, dto.consortiumId);
    const organisationId = organisationOf(p, dto.organisationId);
    if (isStaffLike(p)) await requireActiveMember(this.prisma, consortiumId, organisationId, 'organisationId');
    return this.prisma.scoped.$transaction(async (tx) => {
      const errors = await this.refErrors(tx, dto, consortiumId);
      if (errors.length) throw DomainError.validation(errors);
      const row = await tx.trainingActivity.create({
        data: {
          consortiumId,
          organisationId,
          occurredOn: day(dto.occurredOn),
          curriculumId: dto.curriculumId?.toLowerCase() ?? null,
          sessionId: dto.sessionId?.toLowerCase() ?? null,
          skillArea: dto.skillArea,
          participants: dto.participants,
          hoursPerParticipant: dto.hoursPerParticipant,
          cost: dto.cost,
          providerOrganisationId: dto.providerOrganisationId?.toLowerCase() ?? null,
          providerName: dto.providerName ?? null,
          frontline: dto.frontline ?? true,
        },
      });
      const out = toActivity(row);
      await this.audit.record(tx, { action: 'training-activity.created', entityType: 'TrainingActivity', entityId: row.id, after: out, consortiumId, organisationId });
      return out;
    });
  }

  async update(id: string, dto: UpdateTrainingActivityDto): Promise<TrainingActivity> {
    return this.prisma.scoped.$transaction(async (tx) => {
      const before = await tx.trainingActivity.findFirst({ where: { id } });
      if (!before) throw DomainError.notFound('Training activity');
      const errors = await this.refErrors(
        tx,
        {
          curriculumId: dto.curriculumId,
          sessionId: dto.sessionId === undefined ? before.sessionId : dto.sessionId,
          providerOrganisationId: dto.providerOrganisationId,
          hoursPerParticipant: dto.hoursPerParticipant ?? before.hoursPerParticipant.toNumber(),
        },
        before.consortiumId,
      );
      if (errors.length) throw DomainError.validation(errors);
      const row = await tx.trainingActivity.update({
        where: { id },
        data: {
          occurredOn: dto.occurredOn ? day(dto.occurredOn) : undefined,
          curriculumId: dto.curriculumId === undefined ? undefined : (dto.curriculumId?.toLowerCase() ?? null),
          sessionId: dto.sessionId === undefined ? undefined : (dto.sessionId?.toLowerCase() ?? null),
          skillArea: dto.skillArea,
          participants: dto.participants,
          hoursPerParticipant: dto.hoursPerParticipant,
          cost: dto.cost,
          providerOrganisationId: dto.providerOrganisationId === undefined ? undefined : (dto.providerOrganisationId?.toLowerCase() ?? null),
          providerName: dto.providerName,
          frontline: dto.frontline,
        },
      });
      const out = toActivity(row);
      await this.audit.record(tx, { action: 'training-activity.updated', entityType: 'TrainingActivity', entityId: id, before: toActivity(before), after: out, consortiumId: row.consortiumId, organisationId: row.organisationId });
      return out;
    });
  }

  async remove(id: string): Promise<TrainingActivity> {
    return this.prisma.scoped.$transaction(async (tx) => {
      const before = await tx.trainingActivity.findFirst({ where: { id } });
      if (!before) throw DomainError.notFound('Training activity');
      await tx.trainingActivity.delete({ where: { id } });
      const out = toActivity(before);
      await this.audit.record(tx, { action: 'training-activity.deleted', entityType: 'TrainingActivity', entityId: id, before: out, consortiumId: before.consortiumId, organisationId: before.organisationId });
      return out;
    });
  }
}
