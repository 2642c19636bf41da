import { Controller, Get, Injectable, Param, Query, Res, type PipeTransform } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuditEvent } from '@tandem/contracts';
import type { AuditEvent as AuditEventRow } from '@tandem/db';
import { DomainError, PrismaService } from '@tandem/server';
import { RequirePermission } from '../common/decorators';
import { containsText, ListQuery, listPage, parseListQuery, setContentRange, type ListSpec } from '../common/list-query';

export const AUDIT_EVENT_LIST: ListSpec = {
  sortable: ['createdAt', 'id', 'action', 'entityType'],
  defaultSort: ['id', 'desc'],
  idType: 'int',
  filters: {
    entityType: { type: 'string' },
    entityId: { type: 'string' },
    action: { type: 'string' },
    actorUserId: { type: 'uuid' },
    actorApiKeyId: { type: 'uuid' },
    consortiumId: { type: 'uuid' },
    organisationId: { type: 'uuid' },
    requestId: { type: 'string' },
  },
  search: (q) => ({ OR: [{ action: containsText(q) }, { entityType: containsText(q) }, { entityId: q }] }),
};

class AuditEventDto {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String }) consortiumId: string | null;
  @ApiProperty({ nullable: true, type: String }) organisationId: string | null;
  @ApiProperty({ nullable: true, type: String }) actorUserId: string | null;
  @ApiProperty({ nullable: true, type: String }) actorApiKeyId: string | null;
  @ApiProperty() action: string;
  @ApiProperty() entityType: string;
  @ApiProperty() entityId: string;
  @ApiProperty({ nullable: true, type: Object }) before: unknown;
  @ApiProperty({ nullable: true, type: Object }) after: unknown;
  @ApiProperty({ nullable: true, type: String }) requestId: string | null;
  @ApiProperty() createdAt: string;
}

function toAuditEvent(e: AuditEventRow): AuditEvent {
  return { ...e, id: e.id.toString(), createdAt: e.createdAt.toISOString() };
}

/** Audit event ids count up; anything else names no event. */
@Injectable()
class AuditIdPipe implements PipeTransform<string, bigint> {
  transform(value: string): bigint {
    if (!/^\d{1,18}$/.test(value)) throw DomainError.notFound('Audit event');
    return BigInt(value);
  }
}

/** The audit trail: read-only, scoped like everything else (staff see their consortium's). */
@ApiTags('audit-events')
@Controller('audit-events')
export class AuditEventsController {
  constructor(private readonly prisma: PrismaService) {}

  @Get()
  @RequirePermission('audit-events.read', 'Read the audit trail')
  @ApiOkResponse({ type: [AuditEventDto] })
  async list(@Query() query: ListQuery, @Res({ passthrough: true }) res: Response): Promise<AuditEvent[]> {
    const page = parseListQuery(query, AUDIT_EVENT_LIST);
    const { rows, total } = await listPage(this.prisma.read.auditEvent, page);
    setContentRange(res, 'audit-events', page, rows.length, total);
    return rows.map(toAuditEvent);
  }

  @Get(':id')
  @RequirePermission('audit-events.read', 'One audit event with before and after')
  @ApiOkResponse({ type: AuditEventDto })
  async get(@Param('id', AuditIdPipe) id: bigint): Promise<AuditEvent> {
    const row = await this.prisma.scoped.auditEvent.findFirst({ where: { id } });
    if (!row) throw DomainError.notFound('Audit event');
    return toAuditEvent(row);
  }
}
