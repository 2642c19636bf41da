import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { OUTBOX_STATUSES, type OutboxMessage } from '@tandem/contracts';
import type { OutboxMessage as OutboxRow } from '@tandem/db';
import { DomainError, PrismaService } from '@tandem/server';
import { RequirePermission } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { ListQuery, listPage, parseListQuery, setContentRange, type ListSpec } from '../common/list-query';
import { iso } from '../common/serialize';

export const OUTBOX_LIST: ListSpec = {
  sortable: ['createdAt', 'status', 'to', 'sentAt'],
  defaultSort: ['createdAt', 'desc'],
  filters: { status: { type: 'enum', values: OUTBOX_STATUSES }, to: { type: 'string', mode: 'contains' }, kind: { type: 'string' } },
  search: (q) => ({ OR: [{ to: { contains: q, mode: 'insensitive' } }, { subject: { contains: q, mode: 'insensitive' } }] }),
};

class OutboxMessageDto {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String }) consortiumId: string | null;
  @ApiProperty() kind: string;
  @ApiProperty() to: string;
  @ApiProperty() subject: string;
  @ApiProperty() text: string;
  @ApiProperty({ enum: OUTBOX_STATUSES }) status: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true, type: String }) lastError: string | null;
  @ApiProperty({ nullable: true, type: String }) sentAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

function toOutboxMessage(m: OutboxRow): OutboxMessage {
  return { ...m, sentAt: iso(m.sentAt), createdAt: m.createdAt.toISOString(), updatedAt: m.updatedAt.toISOString() };
}

/**
 * Every email Tandem sends or would send. Without SMTP configured this is where staff read
 * invitations and notices (status `recorded`).
 */
@ApiTags('outbox')
@Controller('outbox')
export class OutboxController {
  constructor(private readonly prisma: PrismaService) {}

  @Get()
  @RequirePermission('outbox.read', 'List outgoing messages')
  @ApiOkResponse({ type: [OutboxMessageDto] })
  async list(@Query() query: ListQuery, @Res({ passthrough: true }) res: Response): Promise<OutboxMessage[]> {
    const page = parseListQuery(query, OUTBOX_LIST);
    const { rows, total } = await listPage(this.prisma.scoped.outboxMessage, page);
    setContentRange(res, 'outbox', page, rows.length, total);
    return rows.map(toOutboxMessage);
  }

  @Get(':id')
  @RequirePermission('outbox.read', 'One outgoing message')
  @ApiOkResponse({ type: OutboxMessageDto })
  async get(@Param('id', IdPipe) id: string): Promise<OutboxMessage> {
    const row = await this.prisma.scoped.outboxMessage.findFirst({ where: { id } });
    if (!row) throw DomainError.notFound('Outbox message');
    return toOutboxMessage(row);
  }
}
