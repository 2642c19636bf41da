import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { STANDINGS } from '@tandem/contracts';
import { IsId } from '../../common/validators';

export class RecomputeScorecardsDto {
  @ApiProperty({ description: 'the period whose scorecards are recomputed (all relationships of its consortium)' })
  @IsId()
  periodId: string;
}

export class ScorecardCriterionResultDto {
  @ApiProperty() criterionId: string;
  @ApiProperty() metricId: string;
  @ApiProperty() metricCode: string;
  @ApiProperty() weight: number;
  @ApiProperty({ nullable: true, type: Number }) value: number | null;
  @ApiProperty({ nullable: true, type: Number }) score: number | null;
  @ApiProperty({ nullable: true, enum: ['customer', 'self'], type: String }) source: string | null;
  @ApiPropertyOptional({ enum: [true], description: "present when the reader is the customer and the supplier does not share the metric's category with it: value, score and source are null" })
  withheld?: true;
}

export class ScorecardDto {
  @ApiProperty() id: string;
  @ApiProperty() consortiumId: string;
  @ApiProperty() relationshipId: string;
  @ApiProperty() periodId: string;
  @ApiProperty() templateId: string;
  @ApiProperty() supplierId: string;
  @ApiProperty() customerId: string;
  @ApiProperty({ minimum: 0, maximum: 100, nullable: true, type: Number, description: 'period open: over the criteria with a validated value; closed: over all criteria, a missing one scoring 0; null when withheld' })
  score: number | null;
  @ApiProperty({ enum: STANDINGS, nullable: true, type: String, description: 'null when withheld' }) standing: string | null;
  @ApiProperty({ minimum: 0, maximum: 1, nullable: true, type: Number, description: "share of the template's weight that has a validated value; null when withheld" }) coverage: number | null;
  @ApiProperty({ nullable: true, type: Boolean, description: 'true while the period is open or a criterion has no value: no plan, no e-mail, not in the standing history; null when withheld' })
  provisional: boolean | null;
  @ApiProperty({ type: [ScorecardCriterionResultDto] }) details: ScorecardCriterionResultDto[];
  @ApiProperty({
    nullable: true,
    type: String,
    description: "why score, standing, coverage and provisional are null: the reader is the customer and they are computed with criteria of categories the supplier does not share with it",
  })
  withheld: string | null;
  @ApiProperty() computedAt: string;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class StandingHistoryEntryDto {
  @ApiProperty() scorecardId: string;
  @ApiProperty() periodId: string;
  @ApiProperty() periodCode: string;
  @ApiProperty({ format: 'date' }) periodStartsOn: string;
  @ApiProperty() score: number;
  @ApiProperty({ enum: STANDINGS }) standing: string;
  @ApiProperty() computedAt: string;
}

export class ScorecardRecomputeAcceptedDto {
  @ApiProperty() jobId: string;
  @ApiProperty() consortiumId: string;
  @ApiProperty() periodId: string;
}
