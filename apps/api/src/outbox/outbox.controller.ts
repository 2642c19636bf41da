import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { OUTBOX_STATUSES, type OutboxMessage } from '@tandem/contracts';
import type { OutboxMessage as OutboxRow } from '@tandem/db';
import { APP_CONFIG, DomainError, PrismaService, type AppConfig, type Principal } from '@tandem/server';
import { CurrentPrincipal, RequirePermission } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { containsText, ListQuery, listPage, parseListQuery, setContentRange, type ListSpec } from '../common/list-query';
import { iso } from '../common/serialize';

export const OUTBOX_LIST: ListSpec = {
  sortable: ['createdAt', 'status', 'to', 'sentAt'],
  defaultSort: ['createdAt', 'desc'],
  filters: { status: { type: 'enum', values: OUTBOX_STATUSES }, to: { type: 'string', mode: 'contains' }, kind: { type: 'string' } },
  search: (q) => ({ OR: [{ to: containsText(q) }, { subject: containsText(q) }] }),
};

class OutboxMessageDto {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String }) consortiumId: string | null;
  @ApiProperty() kind: string;
  @ApiProperty() to: string;
  @ApiProperty() subject: string;
  @ApiProperty({ nullable: true, type: String, description: 'null when the message carries a secret link the reader may not see' }) text: string | null;
  @ApiProperty({ description: 'carries a secret link (invitation)' }) sensitive: boolean;
  @ApiProperty({ enum: OUTBOX_STATUSES }) status: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true, type: String }) lastError: string | null;
  @ApiProperty({ nullable: true, type: String }) sentAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

function toOutboxMessage(m: OutboxRow, showSecrets: boolean): OutboxMessage {
  return { ...m, text: m.sensitive && !showSecrets ? null : m.text, sentAt: iso(m.sentAt), createdAt: m.createdAt.toISOString(), updatedAt: m.updatedAt.toISOString() };
}

/**
 * Every email Tandem sends or would send: staff read the recipient, subject, state and the
 * text of notices. A message that carries a secret link (an invitation) is its recipient's
 * alone: its text is shown to nobody — except, on a development installation without SMTP
 * (where the outbox is the only way such a link can reach anyone), to the platform admin.
 */
@ApiTags('outbox')
@Controller('outbox')
export class OutboxController {
  constructor(
    private readonly prisma: PrismaService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private showsSecrets(p: Principal): boolean {
    return p.role === 'platform_admin' && this.config.NODE_ENV === 'development' && !this.config.SMTP_URL;
  }

  @Get()
  @RequirePermission('outbox.read', 'List outgoing messages')
  @ApiOkResponse({ type: [OutboxMessageDto] })
  async list(@CurrentPrincipal() p: Principal, @Query() query: ListQuery, @Res({ passthrough: true }) res: Response): Promise<OutboxMessage[]> {
    const page = parseListQuery(query, OUTBOX_LIST);
    const { rows, total } = await listPage(this.prisma.read.outboxMessage, page);
    setContentRange(res, 'outbox', page, rows.length, total);
    const secrets = this.showsSecrets(p);
    return rows.map((m) => toOutboxMessage(m, secrets));
  }

  @Get(':id')
  @RequirePermission('outbox.read', 'One outgoing message')
  @ApiOkResponse({ type: OutboxMessageDto })
  async get(@CurrentPrincipal() p: Principal, @Param('id', IdPipe) id: string): Promise<OutboxMessage> {
    const row = await this.prisma.scoped.outboxMessage.findFirst({ where: { id } });
    if (!row) throw DomainError.notFound('Outbox message');
    return toOutboxMessage(row, this.showsSecrets(p));
  }
}
