import { Module } from '@nestjs/common';
import { CustomerFeedbackController } from './customer-feedback.controller';
import { CustomerFeedbackService } from './customer-feedback.service';

@Module({ controllers: [CustomerFeedbackController], providers: [CustomerFeedbackService] })
export class CustomerFeedbackModule {}
