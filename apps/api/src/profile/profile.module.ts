import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { InvitationsModule } from '../invitations/invitations.module';
import { ProfileController } from './profile.controller';
import { ProfileService } from './profile.service';

@Module({ imports: [AuthModule, InvitationsModule], controllers: [ProfileController], providers: [ProfileService] })
export class ProfileModule {}
