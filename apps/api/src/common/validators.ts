import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsUUID, ValidateBy, ValidateIf, type ValidationOptions } from 'class-validator';

/** The id of a record (a UUID, any version): "must be an id", or "each must be an id" for a list. */
export function IsId(options: { each?: boolean } = {}): PropertyDecorator {
  return IsUUID('all', options.each ? { each: true, message: 'each must be an id' } : { message: 'must be an id' });
}

/** A whole number from `min` to `max`, in one message ("must be a whole number from 1 to 500"), e.g. a page size from the query string. */
export function IsWholeNumber(min: number, max: number): PropertyDecorator {
  return ValidateBy({
    name: 'wholeNumber',
    validator: {
      validate: (value: unknown) => typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max,
      defaultMessage: () => `must be a whole number from ${min} to ${max}`,
    },
  });
}

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

/** Whether `value` is a finite number that a PostgreSQL numeric(precision, scale) column holds as sent. */
export function fitsDecimal(value: unknown, precision: number, scale: number): boolean {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  // toFixed rounds to `scale` decimals: a number that has more (1.2345 at scale 2, or 5e-324,
  // whose string has no "." at all) does not survive the round trip
  return Math.abs(value) < 10 ** (precision - scale) && Number(value.toFixed(scale)) === value;
}

/**
 * A number for a numeric(precision, scale) column: finite, at most `scale` decimals, and
 * fewer than precision − scale digits before the point. Instead of class-validator's
 * IsNumber({maxDecimalPlaces}), which throws (a 500) on any number JavaScript writes with an
 * exponent, like 1e-7 or 5e-324, and says nothing about the column's size (1e20 overflowed).
 */
export function IsDecimal(precision: number, scale: number, validationOptions?: ValidationOptions): PropertyDecorator {
  const digits = precision - scale;
  return ValidateBy(
    {
      name: 'isDecimal',
      constraints: [precision, scale],
      validator: {
        validate: (value: unknown) => fitsDecimal(value, precision, scale),
        defaultMessage: () => `must be a number with at most ${digits} digits before the decimal point and ${scale} after it`,
      },
    },
    validationOptions,
  );
}

/** Years a date of the domain may fall in: storable by PostgreSQL, and what a typo is not. */
export const YEAR_MIN = 1000;
export const YEAR_MAX = 9999;

/** A date-time JavaScript reads (Date.parse), in the years YEAR_MIN–YEAR_MAX. */
function isInstantWithinYears(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return false;
  const year = new Date(time).getUTCFullYear();
  return year >= YEAR_MIN && year <= YEAR_MAX;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** YYYY-MM-DD, a day the calendar has (not 2026-02-30), in the years YEAR_MIN–YEAR_MAX. */
export function isDay(value: unknown): boolean {
  if (typeof value !== 'string' || !DAY.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value && isInstantWithinYears(value);
}

/**
 * A calendar day, exactly YYYY-MM-DD, in the years YEAR_MIN–YEAR_MAX. class-validator's
 * IsDateString also takes the other ISO 8601 forms ("20260101", a date-time), which the
 * services then read with new Date() into an Invalid Date (a 500); and JavaScript reads years
 * 0 and ±275760, which PostgreSQL refuses or no one means.
 */
export function IsDay(): PropertyDecorator {
  return ValidateBy({
    name: 'isDay',
    validator: { validate: isDay, defaultMessage: () => `must be a date (YYYY-MM-DD) in the years ${YEAR_MIN} to ${YEAR_MAX}` },
  });
}

/** An ISO 8601 date or date-time that JavaScript reads as written, in the years YEAR_MIN–YEAR_MAX. */
export function IsInstant(): PropertyDecorator {
  return applyDecorators(
    IsISO8601({}, { message: 'must be an ISO 8601 date' }),
    ValidateBy({
      name: 'isInstant',
      validator: { validate: isInstantWithinYears, defaultMessage: () => `must be an ISO 8601 date or date-time in the years ${YEAR_MIN} to ${YEAR_MAX}, e.g. 2026-03-31T17:00:00Z` },
    }),
  );
}
