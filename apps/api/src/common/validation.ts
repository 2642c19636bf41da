import { ValidationError as ClassValidationError, getMetadataStorage, type ValidatorOptions } from 'class-validator';
import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { ProblemFieldError } from '@tandem/contracts';
import { DomainError } from '@tandem/server';
import { NULLABLE } from './validators';

const NOT_NULL = 'notNull';
const NOT_NULL_MESSAGE = 'must not be null';

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

/** A null refused: the field's other complaints about that null (e.g. "must be a string") say less. */
function withoutNullEchoes(errors: ProblemFieldError[]): ProblemFieldError[] {
  const nulls = new Set(errors.filter((e) => e.message === NOT_NULL_MESSAGE).map((e) => e.path));
  if (nulls.size === 0) return errors;
  return errors.filter((e) => e.message === NOT_NULL_MESSAGE || ![...nulls].some((n) => e.path === n || e.path.startsWith(`${n}.`)));
}

interface Properties {
  /** properties with any class-validator rule: the DTO's fields */
  known: Set<string>;
  nullable: Set<string>;
  /** properties whose value is validated as a nested DTO */
  nested: Set<string>;
}

const propertiesCache = new WeakMap<object, Properties>();

function propertiesOf(cls: object): Properties {
  let props = propertiesCache.get(cls);
  if (!props) {
    props = { known: new Set(), nullable: new Set(), nested: new Set() };
    for (const m of getMetadataStorage().getTargetValidationMetadatas(cls as new () => object, '', true, false)) {
      props.known.add(m.propertyName);
      if (m.name === NULLABLE) props.nullable.add(m.propertyName);
      if (m.type === 'nestedValidation') props.nested.add(m.propertyName);
    }
    propertiesCache.set(cls, props);
  }
  return props;
}

function nullError(path: string): ClassValidationError {
  // a flat path as the property: flatten() then names it as is (criteria.0.thresholds.1.score)
  return Object.assign(new ClassValidationError(), { property: path, constraints: { [NOT_NULL]: NOT_NULL_MESSAGE }, children: [] });
}

/**
 * The null rule, for a DTO instance and the nested DTOs class-transformer built inside it:
 * `null` is refused for every field of the class unless it is declared @Nullable(). Unknown
 * fields are left to the whitelist ("unknown field").
 */
export function nullErrors(entity: object, path = '', out: ClassValidationError[] = []): ClassValidationError[] {
  const cls = (entity as { constructor?: unknown }).constructor;
  if (typeof cls !== 'function' || cls === Object || cls === Array) return out;
  const props = propertiesOf(cls);
  for (const [key, value] of Object.entries(entity)) {
    if (!props.known.has(key)) continue;
    const at = path ? `${path}.${key}` : key;
    if (value === null) {
      if (!props.nullable.has(key)) out.push(nullError(at));
      continue;
    }
    if (!props.nested.has(key) || typeof value !== 'object') continue;
    const items: [unknown, string][] = Array.isArray(value) ? value.map((item, i) => [item, `${at}.${i}`]) : [[value, at]];
    for (const [item, itemPath] of items) {
      if (item === null) out.push(nullError(itemPath));
      else if (typeof item === 'object') nullErrors(item as object, itemPath, out);
    }
  }
  return out;
}

/** class-validator's rules plus the null rule, in one answer. */
class TandemValidationPipe extends ValidationPipe {
  protected override async validate(object: object, validatorOptions?: ValidatorOptions): Promise<ValidationError[]> {
    const errors = await super.validate(object, validatorOptions);
    return [...errors, ...nullErrors(object)];
  }
}

/**
 * Validate at the edge: unknown fields are rejected, types transformed, every bad field
 * named, and `null` refused unless the field is @Nullable() (issue 7: an optional field of a
 * NOT NULL column sent as null reached the database).
 */
export function validationPipe(): ValidationPipe {
  return new TandemValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) => DomainError.validation(withoutNullEchoes(flatten(errors))),
  });
}
