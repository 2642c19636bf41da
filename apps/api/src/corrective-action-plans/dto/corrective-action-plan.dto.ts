import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { PLAN_STATUSES, STANDINGS, TASK_STATUSES, type PlanStatus, type TaskStatus } from '@tandem/contracts';
import { IsDay, IsId, Nullable } from '../../common/validators';

export class CreateTaskDto {
  @ApiProperty({ example: 'Run a setup-reduction workshop on line 3' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  title: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'Plant manager', description: 'free-text role or name shown with the task' })
  @Nullable()
  @IsString()
  @MaxLength(200)
  owner?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'the assignee: a user of the supplier or the customer, or staff; may change the status of the task' })
  @Nullable()
  @IsId()
  ownerUserId?: string | null;

  @ApiProperty({ format: 'date' })
  @IsDay()
  dueOn: string;

  @ApiPropertyOptional({ enum: TASK_STATUSES, default: 'todo' })
  @IsOptional()
  @IsIn(TASK_STATUSES, { message: `must be one of ${TASK_STATUSES.join(', ')}` })
  status?: TaskStatus;
}

export class UpdateTaskDto extends PartialType(CreateTaskDto) {}

/** What the assignee of a task may change: its status, nothing else. */
export class UpdateTaskStatusDto {
  @ApiProperty({ enum: TASK_STATUSES })
  @IsIn(TASK_STATUSES, { message: `must be one of ${TASK_STATUSES.join(', ')}` })
  status: TaskStatus;
}

/** A task inside a plan's PUT/PATCH body: with `id` it updates that task, without it adds one. */
export class PlanTaskDto extends CreateTaskDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsId()
  id?: string;

  // react-admin sends tasks back as it read them; these read-only fields are accepted and ignored.
  @ApiPropertyOptional({ description: 'ignored' }) @IsOptional() @IsString() planId?: string;
  @ApiPropertyOptional({ description: 'ignored' }) @IsOptional() @IsString() createdAt?: string;
  @ApiPropertyOptional({ description: 'ignored' }) @IsOptional() @IsString() updatedAt?: string;
}

export class UpdateCorrectiveActionPlanDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ enum: PLAN_STATUSES })
  @IsOptional()
  @IsIn(PLAN_STATUSES, { message: `must be one of ${PLAN_STATUSES.join(', ')}` })
  status?: PlanStatus;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsDay()
  dueOn?: string;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'a user of the supplier, the customer or the consortium staff' })
  @Nullable()
  @IsId()
  ownerUserId?: string | null;

  @ApiPropertyOptional({ type: [PlanTaskDto], description: 'PUT: the whole list (tasks left out are removed); PATCH: tasks to add or change' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => PlanTaskDto)
  tasks?: PlanTaskDto[];
}

export class CorrectiveActionTaskDto {
  @ApiProperty() id: string;
  @ApiProperty() planId: string;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) owner: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the assignee (a user id)' }) ownerUserId: string | null;
  @ApiProperty({ format: 'date' }) dueOn: string;
  @ApiProperty({ enum: TASK_STATUSES }) status: string;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class CorrectiveActionPlanDto {
  @ApiProperty() id: string;
  @ApiProperty() consortiumId: string;
  @ApiProperty() relationshipId: string;
  @ApiProperty({ nullable: true, type: String }) scorecardId: string | null;
  @ApiProperty() supplierId: string;
  @ApiProperty() customerId: string;
  @ApiProperty({ enum: STANDINGS }) standing: string;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) ownerUserId: string | null;
  @ApiProperty({ enum: PLAN_STATUSES }) status: string;
  @ApiProperty({ format: 'date' }) dueOn: string;
  @ApiProperty({ type: [CorrectiveActionTaskDto] }) tasks: CorrectiveActionTaskDto[];
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}
