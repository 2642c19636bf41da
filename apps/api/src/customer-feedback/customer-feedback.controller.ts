import { Body, Controller, Delete, Get, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { CustomerFeedback, CustomerFeedbackSummary } from '@tandem/contracts';
import { RequirePermission } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { ListQuery, parseListQuery, setContentRange } from '../common/list-query';
import { IgnoreReadOnly } from '../common/read-only.interceptor';
import { CreateCustomerFeedbackDto, CustomerFeedbackDto, CustomerFeedbackSummaryDto, SummaryQuery, UpdateCustomerFeedbackDto } from './dto/customer-feedback.dto';
import { CUSTOMER_FEEDBACK_LIST, CustomerFeedbackService } from './customer-feedback.service';

const READ_ONLY = ['periodId', 'supplierId', 'customerId'];

@ApiTags('customer-feedback')
@Controller('customer-feedback')
export class CustomerFeedbackController {
  constructor(private readonly feedback: CustomerFeedbackService) {}

  @Get()
  @RequirePermission('customer-feedback.read', "Your firm's own answers about its customers (nobody else reads them)")
  @ApiOkResponse({ type: [CustomerFeedbackDto] })
  async list(@Query() query: ListQuery, @Res({ passthrough: true }) res: Response): Promise<CustomerFeedback[]> {
    const page = parseListQuery(query, CUSTOMER_FEEDBACK_LIST);
    const { rows, total } = await this.feedback.list(page);
    setContentRange(res, 'customer-feedback', page, rows.length, total);
    return rows;
  }

  @Get('summary')
  @RequirePermission('customer-feedback.summary', 'What suppliers say about customers, as aggregates that pass disclosure control, once the period has closed')
  @ApiOkResponse({ type: CustomerFeedbackSummaryDto })
  summary(@Query() query: SummaryQuery): Promise<CustomerFeedbackSummary> {
    return this.feedback.summary(query.periodId);
  }

  @Get(':id')
  @RequirePermission('customer-feedback.read', 'One of your answers')
  @ApiOkResponse({ type: CustomerFeedbackDto })
  get(@Param('id', IdPipe) id: string): Promise<CustomerFeedback> {
    return this.feedback.get(id);
  }

  @Post()
  @RequirePermission('customer-feedback.write', 'Rate one of your customers for a period still collecting answers (anonymous: only aggregates leave)')
  @ApiCreatedResponse({ type: CustomerFeedbackDto })
  @ApiConflictResponse({ description: 'answered already for this customer and period, or the period no longer collects answers' })
  create(@Body() dto: CreateCustomerFeedbackDto): Promise<CustomerFeedback> {
    return this.feedback.create(dto);
  }

  @Put(':id')
  @IgnoreReadOnly(...READ_ONLY)
  @RequirePermission('customer-feedback.write', 'Change your answer while the period collects answers')
  @ApiOkResponse({ type: CustomerFeedbackDto })
  replace(@Param('id', IdPipe) id: string, @Body() dto: UpdateCustomerFeedbackDto): Promise<CustomerFeedback> {
    return this.feedback.update(id, dto);
  }

  @Patch(':id')
  @IgnoreReadOnly(...READ_ONLY)
  @RequirePermission('customer-feedback.write', 'Change your answer while the period collects answers')
  @ApiOkResponse({ type: CustomerFeedbackDto })
  patch(@Param('id', IdPipe) id: string, @Body() dto: UpdateCustomerFeedbackDto): Promise<CustomerFeedback> {
    return this.feedback.update(id, dto);
  }

  @Delete(':id')
  @RequirePermission('customer-feedback.write', 'Withdraw your answer while the period collects answers')
  @ApiOkResponse({ type: CustomerFeedbackDto })
  remove(@Param('id', IdPipe) id: string): Promise<CustomerFeedback> {
    return this.feedback.remove(id);
  }
}
