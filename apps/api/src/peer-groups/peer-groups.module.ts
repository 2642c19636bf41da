import { Module } from '@nestjs/common';
import { PeerGroupsController } from './peer-groups.controller';
import { PeerGroupsService } from './peer-groups.service';

@Module({ controllers: [PeerGroupsController], providers: [PeerGroupsService] })
export class PeerGroupsModule {}
