import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, ValidateBy, ValidateIf } from 'class-validator';

/** Name of the class-validator marker that @Nullable leaves; the validation pipe looks for it. */
export const NULLABLE = 'tandemNullable';

/**
 * The field may be sent as `null` (and may be left out): the column is nullable and null
 * clears it, or null says "use the default". Every other field refuses null (the global
 * rule in validation.ts), so a NOT NULL column never receives one. Also documents
 * `nullable: true` in OpenAPI.
 *
 * The marker is a class-validator constraint (always satisfied) rather than metadata of our
 * own, because PartialType/OmitType copy class-validator metadata to the classes they make.
 */
export function Nullable(): PropertyDecorator {
  return applyDecorators(IsOptional(), ValidateBy({ name: NULLABLE, validator: { validate: () => true } }), ApiProperty({ nullable: true, required: false }));
}

/**
 * May be left out, but not sent as null. The validation pipe now refuses null for every field
 * not marked @Nullable, so this only keeps the other rules of the field from running on null;
 * @IsOptional() says the same.
 */
export const OptionalNotNull = (): PropertyDecorator => ValidateIf((_object: object, value: unknown) => value !== undefined);
