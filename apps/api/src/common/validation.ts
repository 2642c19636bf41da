import { ValidationError as ClassValidationError, getMetadataStorage, type ValidatorOptions } from 'class-validator';
import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { ProblemFieldError } from '@tandem/contracts';
import { DomainError } from '@tandem/server';
import { NULLABLE } from './validators';

const NOT_NULL = 'notNull';
const NOT_NULL_MESSAGE = 'must not be null';
const NOT_AN_OBJECT = 'notAnObject';
const OBJECT_MESSAGE = 'must be an object';

function flatten(errors: ValidationError[], parent = ''): ProblemFieldError[] {
  return errors.flatMap((e) => {
    const path = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({
      path,
      message: message.startsWith(`property ${e.property} should not exist`) ? 'unknown field' : message,
    }));
    return [...own, ...flatten(e.children ?? [], path)];
  });
}

/** A null or a misplaced array refused: the field's other complaints about it (e.g. "must be a string") say less. */
function withoutEchoes(errors: ProblemFieldError[]): ProblemFieldError[] {
  const own = (e: ProblemFieldError): boolean => e.message === NOT_NULL_MESSAGE || e.message === OBJECT_MESSAGE;
  const refused = new Set(errors.filter(own).map((e) => e.path));
  if (refused.size === 0) return errors;
  return errors.filter((e) => own(e) || ![...refused].some((r) => e.path === r || e.path.startsWith(`${r}.`)));
}

interface Properties {
  /** properties with any class-validator rule: the DTO's fields */
  known: Set<string>;
  nullable: Set<string>;
  /** properties whose value is validated as a nested DTO */
  nested: Set<string>;
  /** properties declared arrays (@IsArray) */
  arrays: Set<string>;
}

const propertiesCache = new WeakMap<object, Properties>();

function propertiesOf(cls: object): Properties {
  let props = propertiesCache.get(cls);
  if (!props) {
    props = { known: new Set(), nullable: new Set(), nested: new Set(), arrays: new Set() };
    for (const m of getMetadataStorage().getTargetValidationMetadatas(cls as new () => object, '', true, false)) {
      props.known.add(m.propertyName);
      if (m.name === NULLABLE) props.nullable.add(m.propertyName);
      if (m.type === 'nestedValidation') props.nested.add(m.propertyName);
      if (m.name === 'isArray') props.arrays.add(m.propertyName);
    }
    propertiesCache.set(cls, props);
  }
  return props;
}

function shapeError(path: string, message: string, key = NOT_NULL): ClassValidationError {
  // a flat path as the property: flatten() then names it as is (criteria.0.thresholds.1.score)
  return Object.assign(new ClassValidationError(), { property: path, constraints: { [key]: message }, children: [] });
}

/**
 * What class-validator lets through, for a DTO instance and the nested DTOs class-transformer
 * built inside it:
 * - `null` for a field not declared @Nullable() (@IsOptional skips every rule on null, and a
 *   NOT NULL column then refused it: a 500);
 * - a nested DTO given as an array (`criteria: [[]]`): @ValidateNested validates an array's
 *   items as if they were the nested objects, so an array of arrays passed, and the service
 *   read fields of an array.
 * Unknown fields are left to the whitelist ("unknown field").
 */
export function shapeErrors(entity: object, path = '', out: ClassValidationError[] = []): ClassValidationError[] {
  const cls = (entity as { constructor?: unknown }).constructor;
  if (typeof cls !== 'function' || cls === Object || cls === Array) return out;
  const props = propertiesOf(cls);
  for (const [key, value] of Object.entries(entity)) {
    if (!props.known.has(key)) continue;
    const at = path ? `${path}.${key}` : key;
    if (value === null) {
      if (!props.nullable.has(key)) out.push(shapeError(at, NOT_NULL_MESSAGE));
      continue;
    }
    if (!props.nested.has(key) || typeof value !== 'object') continue;
    if (Array.isArray(value) && !props.arrays.has(key)) {
      out.push(shapeError(at, OBJECT_MESSAGE, NOT_AN_OBJECT));
      continue;
    }
    const items: [unknown, string][] = Array.isArray(value) ? value.map((item, i) => [item, `${at}.${i}`]) : [[value, at]];
    for (const [item, itemPath] of items) {
      if (item === null) out.push(shapeError(itemPath, NOT_NULL_MESSAGE));
      else if (Array.isArray(item)) out.push(shapeError(itemPath, OBJECT_MESSAGE, NOT_AN_OBJECT));
      else if (typeof item === 'object') shapeErrors(item as object, itemPath, out);
    }
  }
  return out;
}

/** class-validator's rules plus the null rule, in one answer. */
class TandemValidationPipe extends ValidationPipe {
  protected override async validate(object: object, validatorOptions?: ValidatorOptions): Promise<ValidationError[]> {
    const errors = await super.validate(object, validatorOptions);
    return [...errors, ...shapeErrors(object)];
  }
}

/**
 * Validate at the edge: unknown fields are rejected, types transformed, every bad field
 * named, and `null` refused unless the field is @Nullable() (an outside attack found an optional field of a
 * NOT NULL column sent as null reached the database); see shapeErrors.
 */
export function validationPipe(): ValidationPipe {
  return new TandemValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) => DomainError.validation(withoutEchoes(flatten(errors))),
  });
}
