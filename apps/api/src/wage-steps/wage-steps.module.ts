import { Module } from '@nestjs/common';
import { WageStepsController } from './wage-steps.controller';
import { WageStepsService } from './wage-steps.service';

@Module({ controllers: [WageStepsController], providers: [WageStepsService] })
export class WageStepsModule {}
