import { ApiProperty } from '@nestjs/swagger';

export class BenchmarkReportPendingDto {
  @ApiProperty({ enum: ['queued', 'running'] }) state: 'queued' | 'running';
  @ApiProperty({ minimum: 0, maximum: 100 }) progress: number;
}
