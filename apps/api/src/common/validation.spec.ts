import { PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsNumber, IsOptional, IsString, ValidateNested } from 'class-validator';
import type { ProblemFieldError } from '@tandem/contracts';
import { DomainError } from '@tandem/server';
import { validationPipe } from './validation';
import { fitsDecimal, IsDay, IsDecimal, IsInstant, Nullable } from './validators';

class ThresholdDto {
  @IsNumber()
  score: number;

  @Nullable()
  @IsNumber()
  atMost?: number | null;
}

class CriterionDto {
  @IsString()
  metricId: string;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ThresholdDto)
  thresholds: ThresholdDto[];
}

class TemplateDto {
  @IsString()
  name: string;

  @Nullable()
  @IsString()
  customerId?: string | null;

  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => CriterionDto)
  criteria?: CriterionDto[];

  @IsOptional()
  @IsDecimal(8, 3)
  weight?: number;
}

class UpdateTemplateDto extends PartialType(TemplateDto) {}

class DatesDto {
  @IsOptional()
  @IsDay()
  day?: string;

  @IsOptional()
  @IsInstant()
  at?: string;
}

async function errorsOf(metatype: new () => object, body: unknown): Promise<ProblemFieldError[]> {
  try {
    await validationPipe().transform(body, { type: 'body', metatype });
    return [];
  } catch (error) {
    if (error instanceof DomainError) return error.errors ?? [];
    throw error;
  }
}

describe('the validation pipe', () => {
  it('refuses null for a field that is not @Nullable, and names it alone', async () => {
    expect(await errorsOf(TemplateDto, { name: null })).toEqual([{ path: 'name', message: 'must not be null' }]);
    expect(await errorsOf(UpdateTemplateDto, { criteria: null })).toEqual([{ path: 'criteria', message: 'must not be null' }]);
  });

  it('lets null through where the field is @Nullable, also in a PartialType', async () => {
    expect(await errorsOf(TemplateDto, { name: 'x', customerId: null })).toEqual([]);
    expect(await errorsOf(UpdateTemplateDto, { customerId: null })).toEqual([]);
  });

  it('follows nested DTOs and arrays of them', async () => {
    const errors = await errorsOf(UpdateTemplateDto, { criteria: [null, { metricId: null, thresholds: [{ score: null, atMost: null }] }] });
    expect(errors).toEqual([
      { path: 'criteria.0', message: 'must not be null' },
      { path: 'criteria.1.metricId', message: 'must not be null' },
      { path: 'criteria.1.thresholds.0.score', message: 'must not be null' },
    ]);
  });

  it('refuses an array where a nested object belongs', async () => {
    expect(await errorsOf(UpdateTemplateDto, { criteria: [[]] })).toEqual([{ path: 'criteria.0', message: 'must be an object' }]);
    expect(await errorsOf(UpdateTemplateDto, { criteria: [{ metricId: 'm', thresholds: [[{ score: 1 }]] }] })).toEqual([{ path: 'criteria.0.thresholds.0', message: 'must be an object' }]);
  });

  it('checks numbers against their column instead of throwing on 5e-324', async () => {
    expect(await errorsOf(UpdateTemplateDto, { weight: 5e-324 })).toEqual([{ path: 'weight', message: 'must be a number with at most 5 digits before the decimal point and 3 after it' }]);
    expect(await errorsOf(UpdateTemplateDto, { weight: 1.5 })).toEqual([]);
  });
});

describe('dates', () => {
  it.each([
    ['0000-01-01', 'day'],
    ['+275760-09-13', 'day'],
    ['2026-02-30', 'day'],
    ['20260101', 'day'],
    ['2026-01-01T00:00:00Z', 'day'],
    ['20260101', 'at'],
    ['0000-01-01T00:00:00Z', 'at'],
    ['-271821-04-20T00:00:00.000Z', 'at'],
    ['+275760-09-13T00:00:00.000Z', 'at'],
  ])('refuses %s (%s), which PostgreSQL or the calendar cannot hold', async (value, field) => {
    expect((await errorsOf(DatesDto, { [field]: value })).map((e) => e.path)).toContain(field);
  });

  it.each([
    ['2026-02-28', 'day'],
    ['1000-01-01', 'day'],
    ['9999-12-31T23:59:59Z', 'at'],
  ])('accepts %s (%s)', async (value, field) => {
    expect(await errorsOf(DatesDto, { [field]: value })).toEqual([]);
  });
});

describe('fitsDecimal', () => {
  it.each([
    [1.15, 14, 2, true],
    [99999.999, 8, 3, true],
    [100000, 8, 3, false],
    [1.2345, 14, 2, false],
    [5e-324, 14, 2, false],
    [1e-7, 18, 6, false],
    [1e20, 18, 6, false],
    [-1e11, 18, 6, true],
    [Number.NaN, 18, 6, false],
    [Infinity, 18, 6, false],
    ['5', 18, 6, false],
  ])('%p fits numeric(%i, %i): %p', (value, precision, scale, fits) => {
    expect(fitsDecimal(value, precision, scale)).toBe(fits);
  });
});
