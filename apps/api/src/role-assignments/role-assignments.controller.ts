import { Body, Controller, Delete, Get, Param, Patch, Put, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { RoleAssignment } from '@tandem/contracts';
import { RequirePermission } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { ListQuery, parseListQuery, setContentRange } from '../common/list-query';
import { IgnoreReadOnly } from '../common/read-only.interceptor';
import { RoleAssignmentDto, UpdateRoleAssignmentDto } from './dto/role-assignment.dto';
import { ROLE_ASSIGNMENT_LIST, RoleAssignmentsService } from './role-assignments.service';

/** The record's own fields a react-admin form sends back; only `status` changes. */
const READ_ONLY = ['userId', 'role', 'consortiumId', 'organisationId', 'suspendedAt'];

@ApiTags('role-assignments')
@Controller('role-assignments')
export class RoleAssignmentsController {
  constructor(private readonly assignments: RoleAssignmentsService) {}

  @Get()
  @RequirePermission('role-assignments.read', 'List role assignments')
  @ApiOkResponse({ type: [RoleAssignmentDto] })
  async list(@Query() query: ListQuery, @Res({ passthrough: true }) res: Response): Promise<RoleAssignment[]> {
    const page = parseListQuery(query, ROLE_ASSIGNMENT_LIST);
    const { rows, total } = await this.assignments.list(page);
    setContentRange(res, 'role-assignments', page, rows.length, total);
    return rows;
  }

  @Get(':id')
  @RequirePermission('role-assignments.read', 'One role assignment')
  @ApiOkResponse({ type: RoleAssignmentDto })
  get(@Param('id', IdPipe) id: string): Promise<RoleAssignment> {
    return this.assignments.get(id);
  }

  @Put(':id')
  @IgnoreReadOnly(...READ_ONLY)
  @RequirePermission('role-assignments.update', 'Suspend or reactivate a role (react-admin sends the whole record back)')
  @ApiOkResponse({ type: RoleAssignmentDto })
  replace(@Param('id', IdPipe) id: string, @Body() dto: UpdateRoleAssignmentDto): Promise<RoleAssignment> {
    return this.assignments.update(id, dto);
  }

  @Patch(':id')
  @IgnoreReadOnly(...READ_ONLY)
  @RequirePermission('role-assignments.update', 'Suspend or reactivate a role (roles are given only by an accepted invitation)')
  @ApiOkResponse({ type: RoleAssignmentDto })
  update(@Param('id', IdPipe) id: string, @Body() dto: UpdateRoleAssignmentDto): Promise<RoleAssignment> {
    return this.assignments.update(id, dto);
  }

  @Delete(':id')
  @RequirePermission('role-assignments.delete', 'Revoke a role: sessions under it end at once')
  @ApiOkResponse({ type: RoleAssignmentDto })
  remove(@Param('id', IdPipe) id: string): Promise<RoleAssignment> {
    return this.assignments.remove(id);
  }
}
