import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { DemandAnswers, DemandGap, DemandSurvey } from '@tandem/contracts';
import { RequirePermission } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { ListQuery, parseListQuery, setContentRange } from '../common/list-query';
import { CreateDemandSurveyDto, DemandAnswersDto, DemandGapDto, DemandSurveyDto, PutDemandAnswersDto } from './dto/demand-survey.dto';
import { DEMAND_SURVEY_LIST, DemandSurveysService } from './demand-surveys.service';

@ApiTags('demand-surveys')
@Controller('demand-surveys')
export class DemandSurveysController {
  constructor(private readonly surveys: DemandSurveysService) {}

  @Get()
  @RequirePermission('demand-surveys.read', "The consortium's workforce demand surveys (drafts: staff), with how many firms answered once at least k did (filters: status; q = title)")
  @ApiOkResponse({ type: [DemandSurveyDto] })
  async list(@Query() query: ListQuery, @Res({ passthrough: true }) res: Response): Promise<DemandSurvey[]> {
    const page = parseListQuery(query, DEMAND_SURVEY_LIST);
    const { rows, total } = await this.surveys.list(page);
    setContentRange(res, 'demand-surveys', page, rows.length, total);
    return rows;
  }

  @Get(':id')
  @RequirePermission('demand-surveys.read', 'One survey')
  @ApiOkResponse({ type: DemandSurveyDto })
  get(@Param('id', IdPipe) id: string): Promise<DemandSurvey> {
    return this.surveys.get(id);
  }

  @Post()
  @RequirePermission('demand-surveys.write', 'Draft a survey: title, window, horizon in months (staff)')
  @ApiCreatedResponse({ type: DemandSurveyDto })
  create(@Body() dto: CreateDemandSurveyDto): Promise<DemandSurvey> {
    return this.surveys.create(dto);
  }

  @Post(':id/open')
  @HttpCode(200)
  @RequirePermission('demand-surveys.write', 'Open a draft survey: member firms may answer from now on (staff)')
  @ApiOkResponse({ type: DemandSurveyDto })
  @ApiConflictResponse({ description: 'the survey is not a draft' })
  open(@Param('id', IdPipe) id: string): Promise<DemandSurvey> {
    return this.surveys.open(id);
  }

  @Post(':id/close')
  @HttpCode(200)
  @RequirePermission('demand-surveys.write', 'Close an open survey: its answers are final and the gap is shown to members under disclosure control (staff)')
  @ApiOkResponse({ type: DemandSurveyDto })
  @ApiConflictResponse({ description: 'the survey is not open' })
  close(@Param('id', IdPipe) id: string): Promise<DemandSurvey> {
    return this.surveys.close(id);
  }

  @Get(':id/answers')
  @RequirePermission('demand-surveys.answer', "Your firm's own answer to the survey (nobody else's)")
  @ApiOkResponse({ type: DemandAnswersDto })
  answers(@Param('id', IdPipe) id: string): Promise<DemandAnswers> {
    return this.surveys.answers(id);
  }

  @Put(':id/answers')
  @RequirePermission('demand-surveys.answer', "Answer an open survey for your firm: one line per occupation (SOC), replacing your firm's previous lines")
  @ApiOkResponse({ type: DemandAnswersDto })
  @ApiConflictResponse({ description: 'the survey is not open' })
  putAnswers(@Param('id', IdPipe) id: string, @Body() dto: PutDemandAnswersDto): Promise<DemandAnswers> {
    return this.surveys.putAnswers(id, dto);
  }

  @Get(':id/gap')
  @RequirePermission('demand-surveys.read', 'Demand against the training pipeline per occupation, under disclosure control (staff: every row with why others may not read it; others once the survey has closed)')
  @ApiOkResponse({ type: DemandGapDto })
  gap(@Param('id', IdPipe) id: string): Promise<DemandGap> {
    return this.surveys.gap(id);
  }
}
