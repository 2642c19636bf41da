import { Controller, Get, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { BenchmarkReportPending } from '@tandem/contracts';
import { RequirePermission } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { BenchmarkReportsService, REPORT_RETRY_AFTER_SECONDS } from './benchmark-reports.service';
import { BenchmarkReportPendingDto } from './dto/benchmark-report.dto';

@ApiTags('benchmark-reports')
@Controller('benchmark-reports')
export class BenchmarkReportsController {
  constructor(private readonly reports: BenchmarkReportsService) {}

  @Get(':organisationId/:periodId.pdf')
  @RequirePermission(
    'benchmark-reports.read',
    "A member's benchmark report (PDF) of a published period, as that member reads the benchmarks; 202 while it is built (poll after Retry-After)",
  )
  @ApiProduces('application/pdf', 'application/json')
  @ApiOkResponse({ description: 'the report', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  @ApiAcceptedResponse({ type: BenchmarkReportPendingDto, description: 'being built: ask again after Retry-After seconds' })
  @ApiNotFoundResponse({ description: 'no such member or period for you (problem+json)' })
  async download(
    @Param('organisationId', IdPipe) organisationId: string,
    @Param('periodId', IdPipe) periodId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile | BenchmarkReportPending> {
    const out = await this.reports.download(organisationId, periodId);
    // figures of one firm: never kept by a shared cache
    res.setHeader('Cache-Control', 'private, no-store');
    if (out.kind === 'pending') {
      res.status(202).setHeader('Retry-After', String(REPORT_RETRY_AFTER_SECONDS));
      return { state: out.state, progress: out.progress };
    }
    return new StreamableFile(out.pdf, { type: 'application/pdf', disposition: `attachment; filename="${out.fileName}"`, length: out.pdf.length });
  }
}
