import { ApiProperty } from '@nestjs/swagger';
import { IsId } from '../../common/validators';

export class CreateUnionRepresentationDto {
  @ApiProperty({ description: 'a union organisation (kind union) that is a member of the consortium' })
  @IsId()
  unionOrganisationId: string;

  @ApiProperty({ description: 'the member firm it represents' })
  @IsId()
  firmOrganisationId: string;
}

export class UnionRepresentationDto {
  @ApiProperty() id: string;
  @ApiProperty() consortiumId: string;
  @ApiProperty() unionOrganisationId: string;
  @ApiProperty() unionName: string;
  @ApiProperty() firmOrganisationId: string;
  @ApiProperty() firmName: string;
  @ApiProperty() createdAt: string;
}
