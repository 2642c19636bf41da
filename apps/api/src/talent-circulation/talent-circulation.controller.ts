import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { TalentCirculation } from '@tandem/contracts';
import { RequirePermission } from '../common/decorators';
import { TalentCirculationDto, TalentCirculationQuery } from './dto/talent-circulation.dto';
import { TalentCirculationService } from './talent-circulation.service';

@ApiTags('talent-circulation')
@Controller('talent-circulation')
export class TalentCirculationController {
  constructor(private readonly circulation: TalentCirculationService) {}

  @Get()
  @RequirePermission('talent-circulation.read', 'Trained workers hired from and lost to other member firms in a year: your firm’s own counts, and the consortium’s under disclosure control (staff: every firm)')
  @ApiOkResponse({ type: TalentCirculationDto })
  read(@Query() query: TalentCirculationQuery): Promise<TalentCirculation> {
    return this.circulation.read(query.year);
  }
}
