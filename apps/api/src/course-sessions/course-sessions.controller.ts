import { Body, Controller, Get, Param, Patch, Post, Put, Query, Res, UseInterceptors } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { CourseSession } from '@tandem/contracts';
import { RequirePermission } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { ListQuery, parseListQuery, setContentRange } from '../common/list-query';
import { IgnoreReadOnly } from '../common/read-only.interceptor';
import { COURSE_SESSION_LIST, CourseSessionsService } from './course-sessions.service';
import { CourseSessionDto, CreateCourseSessionDto, UpdateCourseSessionDto } from './dto/course-session.dto';
import { TrainingRecordsChanged } from '../training-figures/training-figures.trigger';

const READ_ONLY = ['id', 'consortiumId', 'curriculumId', 'curriculumTitle', 'providerOrganisationId', 'providerName', 'seatsTaken', 'createdAt', 'updatedAt'];

@ApiTags('course-sessions')
@Controller('course-sessions')
@UseInterceptors(TrainingRecordsChanged)
export class CourseSessionsController {
  constructor(private readonly sessions: CourseSessionsService) {}

  @Get()
  @RequirePermission('course-sessions.read', "The session calendar (members: the consortium's; a trainer: its own; a union representative: those its firms take part in) (filters: curriculumId, providerOrganisationId, grantId, from, to, attendanceToRecord, q)")
  @ApiOkResponse({ type: [CourseSessionDto] })
  async list(@Query() query: ListQuery, @Res({ passthrough: true }) res: Response): Promise<CourseSession[]> {
    const page = parseListQuery(query, COURSE_SESSION_LIST);
    const { rows, total } = await this.sessions.list(page);
    setContentRange(res, 'course-sessions', page, rows.length, total);
    return rows;
  }

  @Get(':id')
  @RequirePermission('course-sessions.read', 'One session with its seats taken')
  @ApiOkResponse({ type: CourseSessionDto })
  get(@Param('id', IdPipe) id: string): Promise<CourseSession> {
    return this.sessions.get(id);
  }

  @Post()
  @RequirePermission('course-sessions.write', 'Schedule a session of a curriculum (staff, or the providing trainer)')
  @ApiCreatedResponse({ type: CourseSessionDto })
  create(@Body() dto: CreateCourseSessionDto): Promise<CourseSession> {
    return this.sessions.create(dto);
  }

  @Put(':id')
  @IgnoreReadOnly(...READ_ONLY)
  @RequirePermission('course-sessions.write', 'Change a session (capacity never below the seats taken, hours never below what was attended)')
  @ApiOkResponse({ type: CourseSessionDto })
  replace(@Param('id', IdPipe) id: string, @Body() dto: UpdateCourseSessionDto): Promise<CourseSession> {
    return this.sessions.update(id, dto);
  }

  @Patch(':id')
  @IgnoreReadOnly(...READ_ONLY)
  @RequirePermission('course-sessions.write', 'Change some fields of a session')
  @ApiOkResponse({ type: CourseSessionDto })
  patch(@Param('id', IdPipe) id: string, @Body() dto: UpdateCourseSessionDto): Promise<CourseSession> {
    return this.sessions.update(id, dto);
  }
}
