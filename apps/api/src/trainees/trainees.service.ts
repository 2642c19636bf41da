import { Injectable } from '@nestjs/common';
import type { Trainee, TraineeEmployment } from '@tandem/contracts';
import type { Trainee as TraineeRow, TraineeEmployment as EmploymentRow } from '@tandem/db';
import { changeEmployer } from '@tandem/domain';
import { AuditService, DomainError, lockVisible, PrismaService, RequestContext } from '@tandem/server';
import { containsText, listPage, type ListPage, type ListSpec } from '../common/list-query';
import { isoDate } from '../common/serialize';
import { consortiumOf, day, isStaffLike, organisationOf, requireActiveMember, today } from '../common/training';
import type { ChangeEmployerDto, CreateTraineeDto, UpdateTraineeDto } from './dto/trainee.dto';

export const TRAINEE_LIST: ListSpec = {
  sortable: ['lastName', 'firstName', 'socCode', 'hireDate', 'createdAt'],
  defaultSort: ['lastName', 'asc'],
  filters: { employerOrganisationId: { type: 'uuid' }, socCode: { type: 'string' }, frontline: { type: 'boolean' } },
  search: (q) => ({ OR: [{ firstName: containsText(q) }, { lastName: containsText(q) }] }),
};

const EMPLOYER = { employer: { select: { name: true } } } as const;
const HISTORY = { employments: { orderBy: [{ startsOn: 'asc' as const }, { createdAt: 'asc' as const }], include: { organisation: { select: { name: true } } } } };
type Row = TraineeRow & { employer: { name: string }; employments?: (EmploymentRow & { organisation: { name: string } })[] };

function toEmployment(e: EmploymentRow & { organisation: { name: string } }): TraineeEmployment {
  return { id: e.id, organisationId: e.organisationId, organisationName: e.organisation.name, startsOn: isoDate(e.startsOn) ?? '', endsOn: isoDate(e.endsOn) };
}

function toTrainee(r: Row): Trainee {
  return {
    id: r.id,
    consortiumId: r.consortiumId,
    employerOrganisationId: r.employerOrganisationId,
    employerName: r.employer.name,
    firstName: r.firstName,
    lastName: r.lastName,
    socCode: r.socCode,
    frontline: r.frontline,
    hireDate: isoDate(r.hireDate),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    ...(r.employments ? { employments: r.employments.map(toEmployment) } : {}),
  };
}

@Injectable()
export class TraineesService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
  ) {}

  async list(page: ListPage): Promise<{ rows: Trainee[]; total: number }> {
    const db = this.prisma.read.trainee;
    const { rows, total } = await listPage({ findMany: (args) => db.findMany({ ...args, include: EMPLOYER }), count: (args) => db.count(args) }, page);
    return { rows: rows.map(toTrainee), total };
  }

  async get(id: string): Promise<Trainee> {
    const row = await this.prisma.scoped.trainee.findFirst({ where: { id }, include: { ...EMPLOYER, ...HISTORY } });
    if (!row) throw DomainError.notFound('Trainee');
    return toTrainee(row);
  }

  async create(dto: CreateTraineeDto): Promise<Trainee> {
    const p = this.context.requirePrincipal();
    const consortiumId = consortiumOf(p, dto.consortiumId);
    const employerOrganisationId = organisationOf(p, dto.employerOrganisationId, 'employerOrganisationId');
    if (isStaffLike(p)) await requireActiveMember(this.prisma, consortiumId, employerOrganisationId, 'employerOrganisationId');
    return this.prisma.scoped.$transaction(async (tx) => {
      const hired = dto.hireDate ? day(dto.hireDate) : null;
      const row = await tx.trainee.create({
        data: { consortiumId, employerOrganisationId, firstName: dto.firstName, lastName: dto.lastName, socCode: dto.socCode ?? null, frontline: dto.frontline ?? true, hireDate: hired },
      });
      // the history opens with the employer the worker is recorded with
      await tx.traineeEmployment.create({ data: { traineeId: row.id, organisationId: employerOrganisationId, startsOn: hired ?? today() } });
      const full = await tx.trainee.findFirstOrThrow({ where: { id: row.id }, include: { ...EMPLOYER, ...HISTORY } });
      const out = toTrainee(full);
      // the audit log names the record, not the person (personal data stays in its table)
      await this.audit.record(tx, { action: 'trainee.created', entityType: 'Trainee', entityId: row.id, after: { id: row.id, employerOrganisationId }, consortiumId, organisationId: employerOrganisationId });
      return out;
    });
  }

  async update(id: string, dto: UpdateTraineeDto): Promise<Trainee> {
    return this.prisma.scoped.$transaction(async (tx) => {
      await lockVisible(tx, 'Trainee', id);
      const row = await tx.trainee.update({
        where: { id },
        data: { firstName: dto.firstName, lastName: dto.lastName, socCode: dto.socCode, frontline: dto.frontline, hireDate: dto.hireDate === undefined ? undefined : dto.hireDate === null ? null : day(dto.hireDate) },
        include: { ...EMPLOYER, ...HISTORY },
      });
      await this.audit.record(tx, { action: 'trainee.updated', entityType: 'Trainee', entityId: id, after: { id, fields: Object.keys(dto) }, consortiumId: row.consortiumId, organisationId: row.employerOrganisationId });
      return toTrainee(row);
    });
  }

  /**
   * A worker moves to another member (talent circulation): in one transaction, with the
   * trainee locked, the open employment closes the day before, the new one opens, and the
   * trainee's current employer follows. Recorded by staff or by the firm the worker leaves.
   */
  async changeEmployer(id: string, dto: ChangeEmployerDto): Promise<Trainee> {
    return this.prisma.scoped.$transaction(async (tx) => {
      await lockVisible(tx, 'Trainee', id);
      const trainee = await tx.trainee.findFirstOrThrow({ where: { id }, include: { employments: true } });
      const organisationId = dto.organisationId.toLowerCase();
      const startsOn = day(dto.startsOn);
      const change = changeEmployer(trainee.employments, organisationId, startsOn);
      if (!change.ok) throw DomainError.validation(change.errors);
      await requireActiveMember(this.prisma, trainee.consortiumId, organisationId, 'organisationId');
      if (change.close) await tx.traineeEmployment.update({ where: { id: change.close.id }, data: { endsOn: change.close.endsOn } });
      await tx.traineeEmployment.create({ data: { traineeId: id, organisationId, startsOn } });
      const row = await tx.trainee.update({ where: { id }, data: { employerOrganisationId: organisationId }, include: { ...EMPLOYER, ...HISTORY } });
      const moved = { id, from: trainee.employerOrganisationId, to: organisationId, startsOn: dto.startsOn };
      await this.audit.record(tx, { action: 'trainee.employer-changed', entityType: 'Trainee', entityId: id, after: moved, consortiumId: row.consortiumId, organisationId: trainee.employerOrganisationId });
      return toTrainee(row);
    });
  }
}
