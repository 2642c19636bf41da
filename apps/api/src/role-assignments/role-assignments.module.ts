import { Module } from '@nestjs/common';
import { RoleAssignmentsController } from './role-assignments.controller';
import { RoleAssignmentsService } from './role-assignments.service';

@Module({ controllers: [RoleAssignmentsController], providers: [RoleAssignmentsService], exports: [RoleAssignmentsService] })
export class RoleAssignmentsModule {}
