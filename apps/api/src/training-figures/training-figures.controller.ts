import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { TrainingFigures } from '@tandem/contracts';
import { RequirePermission } from '../common/decorators';
import { TrainingFiguresDto, TrainingFiguresQuery } from './dto/training-figures.dto';
import { TrainingFiguresService } from './training-figures.service';

@ApiTags('training-figures')
@Controller('training-figures')
export class TrainingFiguresController {
  constructor(private readonly figures: TrainingFiguresService) {}

  @Get()
  @RequirePermission(
    'training-figures.read',
    'Training hours, spend and payroll of a year: your firm’s own (a union representative: the firms it represents, without payroll or wages), and the consortium’s totals and wage gains under disclosure control (staff: every firm)',
  )
  @ApiOkResponse({ type: TrainingFiguresDto })
  read(@Query() query: TrainingFiguresQuery): Promise<TrainingFigures> {
    return this.figures.read(query.year);
  }
}
