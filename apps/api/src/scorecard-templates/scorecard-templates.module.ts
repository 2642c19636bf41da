import { Module } from '@nestjs/common';
import { ScorecardTemplatesController } from './scorecard-templates.controller';
import { ScorecardTemplatesService } from './scorecard-templates.service';

@Module({ controllers: [ScorecardTemplatesController], providers: [ScorecardTemplatesService], exports: [ScorecardTemplatesService] })
export class ScorecardTemplatesModule {}
