import { Body, Controller, Get, Param, Patch, Put, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { User } from '@tandem/contracts';
import { RequirePermission } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { ListQuery, parseListQuery, setContentRange } from '../common/list-query';
import { IgnoreReadOnly } from '../common/read-only.interceptor';
import { ReplaceUserDto, UpdateUserDto, UserDto } from './dto/user.dto';
import { USER_LIST, UsersService } from './users.service';

const READ_ONLY = ['lastLoginAt'];

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @RequirePermission('users.read', 'List users')
  @ApiOkResponse({ type: [UserDto] })
  async list(@Query() query: ListQuery, @Res({ passthrough: true }) res: Response): Promise<User[]> {
    const page = parseListQuery(query, USER_LIST);
    const { rows, total } = await this.users.list(page);
    setContentRange(res, 'users', page, rows.length, total);
    return rows;
  }

  @Get(':id')
  @RequirePermission('users.read', 'One user')
  @ApiOkResponse({ type: UserDto })
  get(@Param('id', IdPipe) id: string): Promise<User> {
    return this.users.get(id);
  }

  @Put(':id')
  @IgnoreReadOnly(...READ_ONLY)
  @RequirePermission('users.update', 'Correct an account (name, e-mail) or disable / re-enable it: the platform admin only')
  @ApiOkResponse({ type: UserDto })
  replace(@Param('id', IdPipe) id: string, @Body() dto: ReplaceUserDto): Promise<User> {
    return this.users.update(id, dto);
  }

  @Patch(':id')
  @IgnoreReadOnly(...READ_ONLY)
  @RequirePermission('users.update', 'Correct an account (name, e-mail) or disable / re-enable it: the platform admin only')
  @ApiOkResponse({ type: UserDto })
  patch(@Param('id', IdPipe) id: string, @Body() dto: UpdateUserDto): Promise<User> {
    return this.users.update(id, dto);
  }
}
