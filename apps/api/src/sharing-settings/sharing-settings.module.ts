import { Module } from '@nestjs/common';
import { SharingSettingsController } from './sharing-settings.controller';
import { SharingSettingsService } from './sharing-settings.service';

@Module({ controllers: [SharingSettingsController], providers: [SharingSettingsService] })
export class SharingSettingsModule {}
