import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { ProblemFieldError } from '@tandem/contracts';
import { DomainError } from '@tandem/server';

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

/** Validate at the edge: unknown fields are rejected, types transformed, every bad field named. */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) => DomainError.validation(flatten(errors)),
  });
}
