import { Module } from '@nestjs/common';
import { CorrectiveActionPlansController } from './corrective-action-plans.controller';
import { CorrectiveActionPlansService } from './corrective-action-plans.service';

/** Plans are opened by the scorecards job in the worker; here they are followed and updated. */
@Module({ controllers: [CorrectiveActionPlansController], providers: [CorrectiveActionPlansService], exports: [CorrectiveActionPlansService] })
export class CorrectiveActionPlansModule {}
