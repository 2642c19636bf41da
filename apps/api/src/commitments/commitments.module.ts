import { Module } from '@nestjs/common';
import { MembershipsModule } from '../memberships/memberships.module';
import { CommitmentReviewsService } from './commitment-reviews.service';
import { CommitmentReviewsController, CommitmentsController, ReciprocityController } from './commitments.controller';
import { CommitmentsService } from './commitments.service';
import { ReciprocityService } from './reciprocity.service';

@Module({
  imports: [MembershipsModule],
  controllers: [CommitmentsController, CommitmentReviewsController, ReciprocityController],
  providers: [CommitmentsService, CommitmentReviewsService, ReciprocityService],
})
export class CommitmentsModule {}
