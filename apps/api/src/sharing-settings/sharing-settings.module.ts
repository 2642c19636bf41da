import { Module } from '@nestjs/common';
import { SharingSettingsController } from './sharing-settings.controller';
import { SharingSettingsService } from './sharing-settings.service';

/** Exports SharingSettingsService: scorecards ask what a supplier shares with the customer reading them. */
@Module({ controllers: [SharingSettingsController], providers: [SharingSettingsService], exports: [SharingSettingsService] })
export class SharingSettingsModule {}
