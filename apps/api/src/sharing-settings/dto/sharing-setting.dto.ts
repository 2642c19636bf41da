import { ApiProperty, PickType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsUUID } from 'class-validator';
import { METRIC_CATEGORIES } from '@tandem/contracts';

export class CreateSharingSettingDto {
  @ApiProperty({ description: 'a customer your firm has a supply relationship with' })
  @IsUUID('all', { message: 'must be an id' })
  customerId: string;

  @ApiProperty({ enum: METRIC_CATEGORIES, isArray: true, description: 'what this customer sees of your self-reported figures; [] shares nothing' })
  @IsArray()
  @ArrayMaxSize(METRIC_CATEGORIES.length)
  @ArrayUnique({ message: 'must not name a category twice' })
  @IsIn(METRIC_CATEGORIES, { each: true, message: `each must be one of ${METRIC_CATEGORIES.join(', ')}` })
  categories: string[];
}

export class UpdateSharingSettingDto extends PickType(CreateSharingSettingDto, ['categories'] as const) {}

export class SharingSettingDto {
  @ApiProperty() id: string;
  @ApiProperty() supplierId: string;
  @ApiProperty() customerId: string;
  @ApiProperty({ enum: METRIC_CATEGORIES, isArray: true }) categories: string[];
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}
