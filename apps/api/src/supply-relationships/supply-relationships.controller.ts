import { Body, Controller, Get, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { StandingHistoryEntry, SupplyRelationship } from '@tandem/contracts';
import { RequirePermission } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { ListQuery, parseListQuery, setContentRange } from '../common/list-query';
import { IgnoreReadOnly } from '../common/read-only.interceptor';
import { StandingHistoryEntryDto } from '../scorecards/dto/scorecard.dto';
import { ScorecardsService } from '../scorecards/scorecards.service';
import { CreateSupplyRelationshipDto, SupplyRelationshipDto, UpdateSupplyRelationshipDto } from './dto/supply-relationship.dto';
import { SUPPLY_RELATIONSHIP_LIST, SupplyRelationshipsService } from './supply-relationships.service';

const READ_ONLY = ['consortiumId', 'customerId', 'supplierId', 'customerName', 'supplierName', 'modeChanges'];

@ApiTags('supply-relationships')
@Controller('supply-relationships')
export class SupplyRelationshipsController {
  constructor(
    private readonly relationships: SupplyRelationshipsService,
    private readonly scorecards: ScorecardsService,
  ) {}

  @Get()
  @RequirePermission('supply-relationships.read', 'List supply relationships (filters: customerId, supplierId, sourcingMode, sponsored, q)')
  @ApiOkResponse({ type: [SupplyRelationshipDto] })
  async list(@Query() query: ListQuery, @Res({ passthrough: true }) res: Response): Promise<SupplyRelationship[]> {
    const page = parseListQuery(query, SUPPLY_RELATIONSHIP_LIST);
    const { rows, total } = await this.relationships.list(page);
    setContentRange(res, 'supply-relationships', page, rows.length, total);
    return rows;
  }

  @Get(':id')
  @RequirePermission('supply-relationships.read', 'One supply relationship with its sourcing-mode history')
  @ApiOkResponse({ type: SupplyRelationshipDto })
  get(@Param('id', IdPipe) id: string): Promise<SupplyRelationship> {
    return this.relationships.get(id);
  }

  @Get(':id/standing-history')
  @RequirePermission('scorecards.read', "The relationship's final standings over periods, oldest first (provisional scorecards are not standings yet)")
  @ApiOkResponse({ type: [StandingHistoryEntryDto] })
  standingHistory(@Param('id', IdPipe) id: string): Promise<StandingHistoryEntry[]> {
    return this.scorecards.standingHistory(id);
  }

  @Post()
  @RequirePermission('supply-relationships.create', 'Record that a customer buys from a supplier (both active members)')
  @ApiCreatedResponse({ type: SupplyRelationshipDto })
  create(@Body() dto: CreateSupplyRelationshipDto): Promise<SupplyRelationship> {
    return this.relationships.create(dto);
  }

  @Put(':id')
  @IgnoreReadOnly(...READ_ONLY)
  @RequirePermission('supply-relationships.update', "Update a relationship (staff, or the customer's buyer); a sourcing-mode change is kept as history")
  @ApiOkResponse({ type: SupplyRelationshipDto })
  replace(@Param('id', IdPipe) id: string, @Body() dto: UpdateSupplyRelationshipDto): Promise<SupplyRelationship> {
    return this.relationships.update(id, dto);
  }

  @Patch(':id')
  @IgnoreReadOnly(...READ_ONLY)
  @RequirePermission('supply-relationships.update', 'Update some fields of a relationship')
  @ApiOkResponse({ type: SupplyRelationshipDto })
  patch(@Param('id', IdPipe) id: string, @Body() dto: UpdateSupplyRelationshipDto): Promise<SupplyRelationship> {
    return this.relationships.update(id, dto);
  }
}
