import { ValidateIf } from 'class-validator';

/**
 * May be left out, but not sent as null: a column that cannot be empty must not receive
 * null (which @IsOptional would let through to the database).
 */
export const OptionalNotNull = (): PropertyDecorator => ValidateIf((_object: object, value: unknown) => value !== undefined);
