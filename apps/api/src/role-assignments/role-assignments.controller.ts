import { Body, Controller, Delete, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { RoleAssignment } from '@tandem/contracts';
import { RequirePermission } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { ListQuery, parseListQuery, setContentRange } from '../common/list-query';
import { CreateRoleAssignmentDto, RoleAssignmentDto } from './dto/role-assignment.dto';
import { ROLE_ASSIGNMENT_LIST, RoleAssignmentsService } from './role-assignments.service';

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

  @Post()
  @RequirePermission('role-assignments.create', 'Give an existing user a role')
  @ApiCreatedResponse({ type: RoleAssignmentDto })
  create(@Body() dto: CreateRoleAssignmentDto): Promise<RoleAssignment> {
    return this.assignments.create(dto);
  }

  @Delete(':id')
  @RequirePermission('role-assignments.delete', 'Take a role away')
  @ApiOkResponse({ type: RoleAssignmentDto })
  remove(@Param('id', IdPipe) id: string): Promise<RoleAssignment> {
    return this.assignments.remove(id);
  }
}
