import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { BENCHMARK_RUN_REASONS, BENCHMARK_RUN_STATES } from '@tandem/contracts';

export class StartBenchmarkRunDto {
  @ApiProperty({ description: 'a closed or published period: every metric × peer group of its consortium is recomputed in the worker' })
  @IsUUID('all', { message: 'must be an id' })
  periodId: string;
}

export class BenchmarkRunDto {
  @ApiProperty() id: string;
  @ApiProperty() consortiumId: string;
  @ApiProperty() periodId: string;
  @ApiProperty({ enum: BENCHMARK_RUN_REASONS }) reason: string;
  @ApiProperty({ enum: BENCHMARK_RUN_STATES }) state: string;
  @ApiProperty({ minimum: 0, maximum: 100 }) progress: number;
  @ApiProperty({ nullable: true, type: String, description: 'fingerprint of the validated values the run used' }) inputRevision: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'the disclosure threshold k applied' }) threshold: number | null;
  @ApiProperty() cells: number;
  @ApiProperty({ description: 'nothing the run reads had changed since the last completed run: it kept that run\'s results (computedAt is theirs)' }) reusedResults: boolean;
  @ApiProperty({ nullable: true, type: String }) computedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) error: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}
