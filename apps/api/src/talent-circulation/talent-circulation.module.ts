import { Module } from '@nestjs/common';
import { TalentCirculationController } from './talent-circulation.controller';
import { TalentCirculationService } from './talent-circulation.service';

@Module({ controllers: [TalentCirculationController], providers: [TalentCirculationService] })
export class TalentCirculationModule {}
