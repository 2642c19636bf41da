import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Commitment, CommitmentGeneration, CommitmentReview, Reciprocity } from '@tandem/contracts';
import { RequirePermission } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { ListQuery, parseListQuery, setContentRange } from '../common/list-query';
import { CommitmentReviewsService, REVIEW_LIST } from './commitment-reviews.service';
import { COMMITMENT_LIST, CommitmentsService } from './commitments.service';
import {
  AttestCommitmentDto,
  CommitmentDto,
  CommitmentGenerationDto,
  CommitmentReviewDto,
  DecideReviewDto,
  GenerateCommitmentsDto,
  ReciprocityDto,
  ReciprocityQueryDto,
  WaiveCommitmentDto,
} from './dto/commitment.dto';
import { ReciprocityService } from './reciprocity.service';

@ApiTags('commitments')
@Controller('commitments')
export class CommitmentsController {
  constructor(private readonly commitments: CommitmentsService) {}

  @Get()
  @RequirePermission('commitments.read', "List commitments (filters: organisationId, year, state, kind, templateId, q); a firm reads its own, staff every member's")
  @ApiOkResponse({ type: [CommitmentDto] })
  async list(@Query() query: ListQuery, @Res({ passthrough: true }) res: Response): Promise<Commitment[]> {
    const page = parseListQuery(query, COMMITMENT_LIST);
    const { rows, total } = await this.commitments.list(page);
    setContentRange(res, 'commitments', page, rows.length, total);
    return rows;
  }

  @Get(':id')
  @RequirePermission('commitments.read', 'One commitment with its state history')
  @ApiOkResponse({ type: CommitmentDto })
  get(@Param('id', IdPipe) id: string): Promise<Commitment> {
    return this.commitments.get(id);
  }

  @Post('generate')
  @RequirePermission('commitments.generate', "Generate a year's commitments from the published charter for every active member of each template's side (idempotent)")
  @ApiCreatedResponse({ type: CommitmentGenerationDto })
  generate(@Body() dto: GenerateCommitmentsDto): Promise<CommitmentGeneration> {
    return this.commitments.generate(dto);
  }

  @Post(':id/attest')
  @HttpCode(200)
  @RequirePermission('commitments.attest', "Declare the figure of an attested commitment (your firm's admin); staff verify it")
  @ApiOkResponse({ type: CommitmentDto })
  attest(@Param('id', IdPipe) id: string, @Body() dto: AttestCommitmentDto): Promise<Commitment> {
    return this.commitments.attest(id, dto);
  }

  @Post(':id/verify')
  @HttpCode(200)
  @RequirePermission('commitments.verify', "Verify a firm's attested figure; the next evaluation counts it")
  @ApiOkResponse({ type: CommitmentDto })
  verify(@Param('id', IdPipe) id: string): Promise<Commitment> {
    return this.commitments.verify(id);
  }

  @Post(':id/waive')
  @HttpCode(200)
  @RequirePermission('commitments.waive', 'Waive a commitment, with the reason')
  @ApiOkResponse({ type: CommitmentDto })
  waive(@Param('id', IdPipe) id: string, @Body() dto: WaiveCommitmentDto): Promise<Commitment> {
    return this.commitments.waive(id, dto);
  }
}

@ApiTags('commitment-reviews')
@Controller('commitment-reviews')
export class CommitmentReviewsController {
  constructor(private readonly reviews: CommitmentReviewsService) {}

  @Get()
  @RequirePermission('commitment-reviews.read', 'List the reviews missed commitments opened (filters: outcome, decided, organisationId, commitmentId)')
  @ApiOkResponse({ type: [CommitmentReviewDto] })
  async list(@Query() query: ListQuery, @Res({ passthrough: true }) res: Response): Promise<CommitmentReview[]> {
    const page = parseListQuery(query, REVIEW_LIST);
    const { rows, total } = await this.reviews.list(page);
    setContentRange(res, 'commitment-reviews', page, rows.length, total);
    return rows;
  }

  @Get(':id')
  @RequirePermission('commitment-reviews.read', 'One commitment review')
  @ApiOkResponse({ type: CommitmentReviewDto })
  get(@Param('id', IdPipe) id: string): Promise<CommitmentReview> {
    return this.reviews.get(id);
  }

  @Post(':id/decide')
  @HttpCode(200)
  @RequirePermission('commitment-reviews.write', 'Record the outcome (excused, warning, suspension_proposed: suspends an active membership at once)')
  @ApiOkResponse({ type: CommitmentReviewDto })
  decide(@Param('id', IdPipe) id: string, @Body() dto: DecideReviewDto): Promise<CommitmentReview> {
    return this.reviews.decide(id, dto);
  }
}

@ApiTags('reciprocity')
@Controller('reciprocity')
export class ReciprocityController {
  constructor(private readonly reciprocity: ReciprocityService) {}

  @Get()
  @RequirePermission('reciprocity.read', "Each supply relationship you see with the supplier's and the customer's commitments side by side, and the consortium's keep rates per side (aggregates)")
  @ApiOkResponse({ type: ReciprocityDto })
  get(@Query() query: ReciprocityQueryDto): Promise<Reciprocity> {
    return this.reciprocity.get(query);
  }
}
