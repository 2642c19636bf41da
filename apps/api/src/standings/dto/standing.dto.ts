import { ApiProperty } from '@nestjs/swagger';

export class BenchmarkStandingDto {
  @ApiProperty() id: string;
  @ApiProperty() organisationId: string;
  @ApiProperty() periodId: string;
  @ApiProperty() metricId: string;
  @ApiProperty() peerGroupId: string;
  @ApiProperty({ description: "the member's own value" }) value: number;
  @ApiProperty({ nullable: true, type: Number, description: '0–100, 100 = best whatever the direction; null where the group is withheld from you' })
  percentileRank: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '1 = best' }) quartile: number | null;
  @ApiProperty({ nullable: true, type: Number }) changeSincePrevious: number | null;
  @ApiProperty({ nullable: true, type: Number }) changeSinceBaseline: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'goal − value' }) distanceToGoal: number | null;
  @ApiProperty() suppressed: boolean;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty() computedAt: string;
}
