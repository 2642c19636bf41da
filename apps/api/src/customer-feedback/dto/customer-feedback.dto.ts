import { ApiProperty, PartialType, PickType } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { FEEDBACK_QUESTION_LABELS, FEEDBACK_QUESTIONS, FEEDBACK_SCORE_MAX, FEEDBACK_SCORE_MIN } from '@tandem/contracts';
import { IsId, IsWholeNumber } from '../../common/validators';

const score = (q: keyof typeof FEEDBACK_QUESTION_LABELS) => ({ description: `${FEEDBACK_QUESTION_LABELS[q]}: ${FEEDBACK_SCORE_MIN}–${FEEDBACK_SCORE_MAX}, ${FEEDBACK_SCORE_MAX} the best`, minimum: FEEDBACK_SCORE_MIN, maximum: FEEDBACK_SCORE_MAX });

export class CreateCustomerFeedbackDto {
  @ApiProperty({ description: 'a period still collecting answers (open, never closed)' })
  @IsId()
  periodId: string;

  @ApiProperty({ description: 'a customer your firm has a supply relationship with' })
  @IsId()
  customerId: string;

  @ApiProperty(score('forecastStability')) @IsWholeNumber(FEEDBACK_SCORE_MIN, FEEDBACK_SCORE_MAX) forecastStability: number;
  @ApiProperty(score('paymentOnTime')) @IsWholeNumber(FEEDBACK_SCORE_MIN, FEEDBACK_SCORE_MAX) paymentOnTime: number;
  @ApiProperty(score('rebidThreat')) @IsWholeNumber(FEEDBACK_SCORE_MIN, FEEDBACK_SCORE_MAX) rebidThreat: number;
  @ApiProperty(score('helpReceived')) @IsWholeNumber(FEEDBACK_SCORE_MIN, FEEDBACK_SCORE_MAX) helpReceived: number;
  @ApiProperty(score('wouldRecommend')) @IsWholeNumber(FEEDBACK_SCORE_MIN, FEEDBACK_SCORE_MAX) wouldRecommend: number;
}

/** PATCH/PUT: any subset of the scores; the period and the customer stay. */
export class UpdateCustomerFeedbackDto extends PartialType(PickType(CreateCustomerFeedbackDto, FEEDBACK_QUESTIONS)) {}

export class SummaryQuery {
  @ApiProperty({ description: 'the period whose answers to summarise' })
  @IsUUID('all', { message: 'must be an id' })
  periodId: string;
}

export class CustomerFeedbackDto {
  @ApiProperty() id: string;
  @ApiProperty() periodId: string;
  @ApiProperty() supplierId: string;
  @ApiProperty() customerId: string;
  @ApiProperty() forecastStability: number;
  @ApiProperty() paymentOnTime: number;
  @ApiProperty() rebidThreat: number;
  @ApiProperty() helpReceived: number;
  @ApiProperty() wouldRecommend: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

class FeedbackQuestionSummaryDto {
  @ApiProperty({ enum: FEEDBACK_QUESTIONS }) question: string;
  @ApiProperty({ nullable: true, type: Number }) mean: number | null;
  @ApiProperty({ nullable: true, enum: ['fewer_than_k', 'dominated', 'differencing'] }) withheld: string | null;
  @ApiProperty({ nullable: true, type: String }) withheldMessage: string | null;
}

class FeedbackSubjectSummaryDto {
  @ApiProperty({ nullable: true, type: String, description: 'null: every customer shown to you' }) customerId: string | null;
  @ApiProperty() customerName: string;
  @ApiProperty({ nullable: true, type: Number }) answering: number | null;
  @ApiProperty({ type: [FeedbackQuestionSummaryDto] }) questions: FeedbackQuestionSummaryDto[];
}

export class CustomerFeedbackSummaryDto {
  @ApiProperty() periodId: string;
  @ApiProperty() periodCode: string;
  @ApiProperty() collecting: boolean;
  @ApiProperty({ type: [FeedbackSubjectSummaryDto] }) subjects: FeedbackSubjectSummaryDto[];
}
