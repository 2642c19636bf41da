import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Charter, CharterSignature } from '@tandem/contracts';
import { RequirePermission } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { ListQuery, parseListQuery, setContentRange } from '../common/list-query';
import { IgnoreReadOnly } from '../common/read-only.interceptor';
import { CHARTER_LIST, CHARTER_SIGNATURE_LIST, ChartersService } from './charters.service';
import { CharterDto, CharterSignatureDto, CreateCharterDto, UpdateCharterDto } from './dto/charter.dto';

const READ_ONLY = ['consortiumId', 'version', 'state', 'publishedAt', 'signatureCount'];

@ApiTags('charters')
@Controller('charters')
export class ChartersController {
  constructor(private readonly charters: ChartersService) {}

  @Get()
  @RequirePermission('charters.read', 'List charter versions (filter: state); drafts are visible to staff only')
  @ApiOkResponse({ type: [CharterDto] })
  async list(@Query() query: ListQuery, @Res({ passthrough: true }) res: Response): Promise<Charter[]> {
    const page = parseListQuery(query, CHARTER_LIST);
    const { rows, total } = await this.charters.list(page);
    setContentRange(res, 'charters', page, rows.length, total);
    return rows;
  }

  @Get(':id')
  @RequirePermission('charters.read', 'One charter version with its commitment templates')
  @ApiOkResponse({ type: CharterDto })
  get(@Param('id', IdPipe) id: string): Promise<Charter> {
    return this.charters.get(id);
  }

  @Get(':id/signatures')
  @RequirePermission('charter-signatures.read', 'Who signed this version, when and by whom (staff: every member; a firm: its own)')
  @ApiOkResponse({ type: [CharterSignatureDto] })
  async signatures(@Param('id', IdPipe) id: string, @Query() query: ListQuery, @Res({ passthrough: true }) res: Response): Promise<CharterSignature[]> {
    const page = parseListQuery(query, CHARTER_SIGNATURE_LIST);
    const { rows, total } = await this.charters.signatures(id, page);
    setContentRange(res, 'charter-signatures', page, rows.length, total);
    return rows;
  }

  @Post()
  @RequirePermission('charters.write', 'Draft a new charter version with its commitment templates')
  @ApiCreatedResponse({ type: CharterDto })
  create(@Body() dto: CreateCharterDto): Promise<Charter> {
    return this.charters.create(dto);
  }

  @Patch(':id')
  @IgnoreReadOnly(...READ_ONLY)
  @RequirePermission('charters.write', 'Edit a draft version (templates, when sent, replace the draft\'s)')
  @ApiOkResponse({ type: CharterDto })
  update(@Param('id', IdPipe) id: string, @Body() dto: UpdateCharterDto): Promise<Charter> {
    return this.charters.update(id, dto);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @RequirePermission('charters.write', 'Publish a draft: the published version becomes superseded and every active member is asked (by e-mail) to sign the new one')
  @ApiOkResponse({ type: CharterDto })
  publish(@Param('id', IdPipe) id: string): Promise<Charter> {
    return this.charters.publish(id);
  }

  @Post(':id/sign')
  @HttpCode(200)
  @RequirePermission('charters.sign', 'Sign the published version for your firm (firm admin): signer and date are recorded')
  @ApiOkResponse({ type: CharterSignatureDto })
  sign(@Param('id', IdPipe) id: string): Promise<CharterSignature> {
    return this.charters.sign(id);
  }
}
