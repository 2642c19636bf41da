import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { Response } from 'express';
import { MAX_PAGE_SIZE, type ProblemFieldError } from '@tandem/contracts';
import { CommonErrorCode, DomainError } from '@tandem/server';
import { isUuid } from './id.pipe';

/** Query string of react-admin's simple REST protocol (api.md). */
export class ListQuery {
  @ApiPropertyOptional({ description: 'JSON ["field","ASC"|"DESC"]', example: '["name","ASC"]' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  sort?: string;

  @ApiPropertyOptional({ description: `JSON [start,end], inclusive; at most ${MAX_PAGE_SIZE} rows`, example: '[0,24]' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  range?: string;

  @ApiPropertyOptional({ description: 'JSON object of filters; {"id":[...]} fetches many by id; "q" searches', example: '{"q":"acme"}' })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  filter?: string;
}

type Where = Record<string, unknown>;

/**
 * A contains-search for a reader's text: Prisma's `contains` is LIKE '%text%', so LIKE's
 * wildcards (`%`, `_`) and its escape character in the text are escaped to match themselves
 * ("100%" finds "100%", not every row). Any case by default; `as-stored` for columns kept in
 * one case (codes, e-mails, slugs), with the text already in that case.
 */
export function containsText(text: string, match: 'any-case' | 'as-stored' = 'any-case'): { contains: string; mode: 'insensitive' | 'default' } {
  return { contains: text.replace(/[\\%_]/g, '\\$&'), mode: match === 'any-case' ? 'insensitive' : 'default' };
}

/**
 * A filter of a list. By default it compares the column of the same name; `where` turns the
 * condition (a value, or `{in: [...]}` for a list of values) into any Prisma filter, e.g. one
 * on a relation.
 */
export type FilterDef =
  | { type: 'enum'; values: readonly string[]; column?: string; where?: (condition: unknown) => Where }
  | { type: 'uuid'; column?: string; where?: (condition: unknown) => Where }
  | { type: 'string'; column?: string; mode?: 'equals' | 'contains'; where?: (value: string) => Where }
  | { type: 'boolean'; column?: string; where?: (v: boolean) => Where }
  | { type: 'int'; column?: string }
  /** a calendar day (YYYY-MM-DD), e.g. a bound on a relation's date */
  | { type: 'date'; column?: string; where?: (day: Date) => Where };

export interface ListSpec {
  sortable: readonly string[];
  defaultSort: [string, 'asc' | 'desc'];
  filters: Record<string, FilterDef>;
  /** sortable fields that are not columns of the model, e.g. a relation's column */
  sortAs?: Record<string, (dir: 'asc' | 'desc') => Where>;
  /** full-text-ish search for the `q` filter */
  search?: (q: string) => Where;
  /** tie-breaker so pages are stable */
  idField?: string;
  /** ids are uuids unless said otherwise (audit events count up) */
  idType?: 'uuid' | 'int';
}

export interface ListPage {
  where: Where;
  orderBy: Where[];
  skip: number;
  take: number;
  start: number;
}

function parseJson(raw: string | undefined, path: string, errors: ProblemFieldError[]): unknown {
  if (raw === undefined || raw === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    errors.push({ path, message: 'must be valid JSON' });
    return undefined;
  }
}

/** A real calendar day written YYYY-MM-DD (not 2026-02-30). */
function isDay(v: unknown): boolean {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

function filterValue(name: string, def: FilterDef, value: unknown, errors: ProblemFieldError[]): Where | undefined {
  const path = `filter.${name}`;
  const column = def.column ?? name;
  const many = Array.isArray(value);
  const values = many ? (value as unknown[]) : [value];
  if (many && values.length > MAX_PAGE_SIZE) {
    errors.push({ path, message: `at most ${MAX_PAGE_SIZE} values` });
    return undefined;
  }
  for (const v of values) {
    const ok =
      def.type === 'enum'
        ? typeof v === 'string' && def.values.includes(v)
        : def.type === 'uuid'
          ? isUuid(v)
          : def.type === 'string'
            ? typeof v === 'string' && v.length <= 200
            : def.type === 'boolean'
              ? typeof v === 'boolean' || v === 'true' || v === 'false'
              : def.type === 'date'
                ? !many && isDay(v)
                : /^\d{1,15}$/.test(String(v));
    if (!ok) {
      const expected =
        def.type === 'enum' ? `one of ${def.values.join(', ')}` : def.type === 'uuid' ? 'an id' : def.type === 'int' ? 'an integer' : def.type === 'date' ? 'a day, YYYY-MM-DD' : `a ${def.type}`;
      errors.push({ path, message: `must be ${expected}` });
      return undefined;
    }
  }
  if (def.type === 'boolean') {
    const b = values[0] === true || values[0] === 'true';
    return def.where ? def.where(b) : { [column]: b };
  }
  if (def.type === 'date') {
    const day = new Date(`${String(values[0])}T00:00:00Z`);
    return def.where ? def.where(day) : { [column]: day };
  }
  const norm = def.type === 'int' ? values.map((v) => (column === 'id' ? BigInt(String(v)) : Number(v))) : values.map((v) => (def.type === 'uuid' ? String(v).toLowerCase() : v));
  if ((def.type === 'enum' || def.type === 'uuid') && def.where) return def.where(many ? { in: norm } : norm[0]);
  if (def.type === 'string' && def.where && !many) return def.where(String(norm[0]));
  if (many) return { [column]: { in: norm } };
  if (def.type === 'string' && def.mode === 'contains') return { [column]: containsText(String(norm[0])) };
  return { [column]: norm[0] };
}

/**
 * Turn sort/range/filter into a Prisma query. Every problem is reported at once with its
 * path; a page larger than MAX_PAGE_SIZE is refused rather than served.
 */
export function parseListQuery(query: ListQuery, spec: ListSpec): ListPage {
  const errors: ProblemFieldError[] = [];
  const sort = parseJson(query.sort, 'sort', errors);
  const range = parseJson(query.range, 'range', errors);
  const filter = parseJson(query.filter, 'filter', errors);

  let orderField = spec.defaultSort[0];
  let orderDir: 'asc' | 'desc' = spec.defaultSort[1];
  if (sort !== undefined) {
    if (!Array.isArray(sort) || sort.length !== 2 || typeof sort[0] !== 'string' || !['ASC', 'DESC', 'asc', 'desc'].includes(String(sort[1]))) {
      errors.push({ path: 'sort', message: 'must be ["field","ASC"|"DESC"]' });
    } else if (!spec.sortable.includes(sort[0]) && sort[0] !== (spec.idField ?? 'id')) {
      errors.push({ path: 'sort', message: `cannot sort by ${sort[0]}; sortable: ${spec.sortable.join(', ')}` });
    } else {
      orderField = sort[0];
      orderDir = String(sort[1]).toLowerCase() as 'asc' | 'desc';
    }
  }

  const where: Where[] = [];
  let idCount: number | undefined;
  if (filter !== undefined) {
    if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) {
      errors.push({ path: 'filter', message: 'must be a JSON object' });
    } else {
      for (const [name, value] of Object.entries(filter as Record<string, unknown>)) {
        if (value === null || value === undefined || value === '') continue;
        if (name === 'q') {
          if (!spec.search) errors.push({ path: 'filter.q', message: 'search is not supported here' });
          else if (typeof value !== 'string' || value.length > 200) errors.push({ path: 'filter.q', message: 'must be a string of at most 200 characters' });
          else where.push(spec.search(value.trim()));
          continue;
        }
        if (name === 'id') {
          const w = filterValue('id', { type: spec.idType ?? 'uuid', column: spec.idField ?? 'id' }, value, errors);
          if (w) where.push(w);
          if (Array.isArray(value)) idCount = value.length;
          continue;
        }
        // own keys only: `toString` or `constructor` must not find Object.prototype's members
        const def = Object.hasOwn(spec.filters, name) ? spec.filters[name] : undefined;
        if (!def) {
          errors.push({ path: `filter.${name}`, message: `unknown filter; filters: ${['q', 'id', ...Object.keys(spec.filters)].join(', ')}` });
          continue;
        }
        const w = filterValue(name, def, value, errors);
        if (w) where.push(w);
      }
    }
  }

  let start = 0;
  let take = idCount !== undefined ? Math.max(idCount, 1) : 25;
  if (range !== undefined) {
    if (!Array.isArray(range) || range.length !== 2 || !range.every((n) => Number.isSafeInteger(n) && n >= 0) || range[1] < range[0]) {
      errors.push({ path: 'range', message: 'must be [start,end] with 0 ≤ start ≤ end' });
    } else {
      start = range[0];
      take = range[1] - range[0] + 1;
      if (take > MAX_PAGE_SIZE) {
        throw new DomainError(CommonErrorCode.PageTooLarge, `range asks for ${take} rows; at most ${MAX_PAGE_SIZE} per page`, [
          { path: 'range', message: `at most ${MAX_PAGE_SIZE} rows per page` },
        ]);
      }
    }
  }
  if (errors.length) throw DomainError.validation(errors);

  const idField = spec.idField ?? 'id';
  const orderBy: Where[] = [spec.sortAs?.[orderField]?.(orderDir) ?? { [orderField]: orderDir }];
  if (orderField !== idField) orderBy.push({ [idField]: 'asc' });
  return { where: where.length ? { AND: where } : {}, orderBy, skip: start, take, start };
}

/** Content-Range as ra-data-simple-rest reads it: `resource start-end/total`. */
export function setContentRange(res: Response, resource: string, page: ListPage, count: number, total: number): void {
  const end = count > 0 ? page.start + count - 1 : page.start;
  res.setHeader('Content-Range', `${resource} ${page.start}-${end}/${total}`);
}

export interface Listable<T> {
  findMany(args: { where: Where; orderBy: Where[]; skip: number; take: number }): Promise<T[]>;
  count(args: { where: Where }): Promise<number>;
}

/** Page and total in two SQL statements, run concurrently. */
export async function listPage<T>(delegate: Listable<T>, page: ListPage): Promise<{ rows: T[]; total: number }> {
  const [rows, total] = await Promise.all([
    delegate.findMany({ where: page.where, orderBy: page.orderBy, skip: page.skip, take: page.take }),
    delegate.count({ where: page.where }),
  ]);
  return { rows, total };
}
