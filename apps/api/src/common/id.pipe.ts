import { Injectable, type PipeTransform } from '@nestjs/common';
import { DomainError } from '@tandem/server';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(v: unknown): v is string {
  return typeof v === 'string' && UUID.test(v);
}

/** A malformed id names no record: 404, exactly like a missing or foreign one. */
@Injectable()
export class IdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isUuid(value)) throw DomainError.notFound('Record');
    return value.toLowerCase();
  }
}
