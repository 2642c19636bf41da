import { Body, Controller, Delete, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { ApiKey } from '@tandem/contracts';
import { RequirePermission } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { ListQuery, parseListQuery, setContentRange } from '../common/list-query';
import { API_KEY_LIST, ApiKeysService } from './api-keys.service';
import { ApiKeyDto, CreateApiKeyDto } from './dto/api-key.dto';

@ApiTags('api-keys')
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Get()
  @RequirePermission('api-keys.read', 'List API keys (never the keys themselves)')
  @ApiOkResponse({ type: [ApiKeyDto] })
  async list(@Query() query: ListQuery, @Res({ passthrough: true }) res: Response): Promise<ApiKey[]> {
    const page = parseListQuery(query, API_KEY_LIST);
    const { rows, total } = await this.keys.list(page);
    setContentRange(res, 'api-keys', page, rows.length, total);
    return rows;
  }

  @Get(':id')
  @RequirePermission('api-keys.read', 'One API key')
  @ApiOkResponse({ type: ApiKeyDto })
  get(@Param('id', IdPipe) id: string): Promise<ApiKey> {
    return this.keys.get(id);
  }

  @Post()
  @RequirePermission('api-keys.create', 'Create an API key for a member organisation; the key is shown once')
  @ApiCreatedResponse({ type: ApiKeyDto })
  create(@Body() dto: CreateApiKeyDto): Promise<ApiKey> {
    return this.keys.create(dto);
  }

  @Delete(':id')
  @RequirePermission('api-keys.revoke', 'Revoke an API key')
  @ApiOkResponse({ type: ApiKeyDto })
  revoke(@Param('id', IdPipe) id: string): Promise<ApiKey> {
    return this.keys.revoke(id);
  }
}
