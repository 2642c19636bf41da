import { Body, Controller, Delete, Get, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { SharingSetting } from '@tandem/contracts';
import { RequirePermission } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { ListQuery, parseListQuery, setContentRange } from '../common/list-query';
import { IgnoreReadOnly } from '../common/read-only.interceptor';
import { CreateSharingSettingDto, SharingSettingDto, UpdateSharingSettingDto } from './dto/sharing-setting.dto';
import { SHARING_SETTING_LIST, SharingSettingsService } from './sharing-settings.service';

const READ_ONLY = ['supplierId', 'customerId'];

@ApiTags('sharing-settings')
@Controller('sharing-settings')
export class SharingSettingsController {
  constructor(private readonly settings: SharingSettingsService) {}

  @Get()
  @RequirePermission('sharing-settings.read', 'What your firm shares with each customer, per metric category (staff: every supplier; a buyer: what is shared with its firm)')
  @ApiOkResponse({ type: [SharingSettingDto] })
  async list(@Query() query: ListQuery, @Res({ passthrough: true }) res: Response): Promise<SharingSetting[]> {
    const page = parseListQuery(query, SHARING_SETTING_LIST);
    const { rows, total } = await this.settings.list(page);
    setContentRange(res, 'sharing-settings', page, rows.length, total);
    return rows;
  }

  @Get(':id')
  @RequirePermission('sharing-settings.read', 'One sharing setting')
  @ApiOkResponse({ type: SharingSettingDto })
  get(@Param('id', IdPipe) id: string): Promise<SharingSetting> {
    return this.settings.get(id);
  }

  @Post()
  @RequirePermission('sharing-settings.write', "Set what one of your firm's customers sees of its self-reported figures")
  @ApiCreatedResponse({ type: SharingSettingDto })
  @ApiConflictResponse({ description: 'your firm has a setting for this customer already' })
  create(@Body() dto: CreateSharingSettingDto): Promise<SharingSetting> {
    return this.settings.create(dto);
  }

  @Put(':id')
  @IgnoreReadOnly(...READ_ONLY)
  @RequirePermission('sharing-settings.write', 'Change what a customer sees')
  @ApiOkResponse({ type: SharingSettingDto })
  replace(@Param('id', IdPipe) id: string, @Body() dto: UpdateSharingSettingDto): Promise<SharingSetting> {
    return this.settings.update(id, dto);
  }

  @Patch(':id')
  @IgnoreReadOnly(...READ_ONLY)
  @RequirePermission('sharing-settings.write', 'Change what a customer sees')
  @ApiOkResponse({ type: SharingSettingDto })
  patch(@Param('id', IdPipe) id: string, @Body() dto: UpdateSharingSettingDto): Promise<SharingSetting> {
    return this.settings.update(id, dto);
  }

  @Delete(':id')
  @RequirePermission('sharing-settings.write', 'Back to the default for this customer (delivery and quality)')
  @ApiOkResponse({ type: SharingSettingDto })
  remove(@Param('id', IdPipe) id: string): Promise<SharingSetting> {
    return this.settings.remove(id);
  }
}
