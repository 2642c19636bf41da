import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsWholeNumber } from '../../common/validators';

export class TalentCirculationQuery {
  @ApiProperty({ description: 'the calendar year in which the moves and hires happened', minimum: 2000, maximum: 2100 })
  @Type(() => Number)
  @IsWholeNumber(2000, 2100)
  year: number;
}

class CirculationFirmDto {
  @ApiProperty() organisationId: string;
  @ApiProperty() organisationName: string;
  @ApiProperty() hires: number;
  @ApiProperty() receivedTrained: number;
  @ApiProperty() lostTrained: number;
}

class CirculationConsortiumDto {
  @ApiProperty({ nullable: true, type: Number }) hires: number | null;
  @ApiProperty({ nullable: true, type: Number }) trainedMoves: number | null;
  @ApiProperty({ nullable: true, type: Number }) shareHiredTrained: number | null;
  @ApiProperty({ nullable: true, type: Number }) hiringFirms: number | null;
  @ApiProperty({ nullable: true, enum: ['fewer_than_k', 'dominated'] }) withheld: string | null;
  @ApiProperty({ nullable: true, type: String }) withheldMessage: string | null;
}

export class TalentCirculationDto {
  @ApiProperty() year: number;
  @ApiProperty({ type: [CirculationFirmDto] }) firms: CirculationFirmDto[];
  @ApiProperty({ type: CirculationConsortiumDto }) consortium: CirculationConsortiumDto;
}
