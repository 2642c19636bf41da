import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { ProblemFieldError } from '@tandem/contracts';
import { escapeRefusedCharacters, findRefusedCharacter, refusedCharacterMessage } from '@tandem/domain';
import { DomainError } from '@tandem/server';
import { problem, sendProblem } from './problem';

/**
 * Input that no field of any route can hold, refused at the edge for every route at once
 * (found by an outside fuzzer): text with characters PostgreSQL or the domain cannot store (see
 * libs/domain text/control-characters.ts), names that would reach an object's prototype when
 * class-transformer or a lookup table copies them, and nesting deeper than any request
 * schema goes (recursive code further in would overflow the stack).
 */

/** Deeper than every request body and filter (criteria.0.thresholds.1.score is 5). */
export const MAX_INPUT_DEPTH = 16;
/** A body full of NULs is refused with the first few paths, not a megabyte of errors. */
const MAX_ERRORS = 20;
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Field paths as the validation pipe names them: `criteria.0.weight` (react-admin's form names). */
function child(parent: string, key: string | number): string {
  return parent === '' ? String(key) : `${parent}.${key}`;
}

/**
 * Everything wrong with the shape of `value` (a parsed JSON body, a query object), each
 * with its path under `root`. Iterative: a body nested a hundred thousand levels deep is
 * refused at MAX_INPUT_DEPTH, not with a stack overflow.
 */
export function inputShapeErrors(value: unknown, root = ''): ProblemFieldError[] {
  const errors: ProblemFieldError[] = [];
  const stack: [unknown, string, number][] = [[value, root, 0]];
  while (stack.length > 0 && errors.length < MAX_ERRORS) {
    const [v, path, depth] = stack.pop() as [unknown, string, number];
    if (typeof v === 'string') {
      const found = findRefusedCharacter(v);
      if (found) errors.push({ path: path || 'body', message: refusedCharacterMessage(found) });
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH) {
      errors.push({ path: path || 'body', message: `nested deeper than ${MAX_INPUT_DEPTH} levels` });
      continue;
    }
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], child(path, i), depth + 1]);
      continue;
    }
    const children: [unknown, string, number][] = [];
    for (const key of Object.keys(v)) {
      const at = child(path, escapeRefusedCharacters(key));
      const found = findRefusedCharacter(key);
      if (found) errors.push({ path: at, message: `the field name ${refusedCharacterMessage(found)}` });
      else if (RESERVED_KEYS.has(key)) errors.push({ path: at, message: 'is a reserved name, not a field' });
      else children.push([(v as Record<string, unknown>)[key], at, depth + 1]);
    }
    // reversed onto the stack, so fields are visited (and named) in the order they came
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as [unknown, string, number]);
  }
  return errors.slice(0, MAX_ERRORS);
}

/**
 * A query parameter: its raw text, and when it is JSON (react-admin's filter, sort and
 * range), what the JSON holds, so a NUL escaped as \u0000 inside `filter` is named
 * `filter.q`. Malformed JSON is left to the list parser, which says so.
 */
function queryParamErrors(name: string, raw: unknown): ProblemFieldError[] {
  if (typeof raw === 'string' && /^\s*[[{"]/.test(raw)) {
    try {
      return inputShapeErrors(JSON.parse(raw) as unknown, name);
    } catch {
      /* not JSON: checked as text below */
    }
  }
  return inputShapeErrors(raw, name);
}

/** Shape errors of a request's query string, each named by its parameter. */
export function queryShapeErrors(query: unknown): ProblemFieldError[] {
  if (!query || typeof query !== 'object') return [];
  const errors: ProblemFieldError[] = [];
  for (const [name, raw] of Object.entries(query as Record<string, unknown>)) {
    const found = findRefusedCharacter(name);
    if (found) errors.push({ path: escapeRefusedCharacters(name), message: `the parameter name ${refusedCharacterMessage(found)}` });
    else if (RESERVED_KEYS.has(name)) errors.push({ path: name, message: 'is a reserved name, not a parameter' });
    else errors.push(...queryParamErrors(name, raw));
  }
  return errors.slice(0, MAX_ERRORS);
}

/**
 * Segments of the path that are not percent-encoded UTF-8 (`%ZZ`, or `%ED%A0%80`, a lone
 * surrogate): Express would fail to decode them as route parameters with a 400 that names
 * nothing, so they are refused here, named `path`.
 */
export function pathShapeErrors(path: string): ProblemFieldError[] {
  for (const segment of path.split('/')) {
    try {
      decodeURIComponent(segment);
    } catch {
      const shown = segment.length > 60 ? `${segment.slice(0, 60)}…` : segment;
      return [{ path: 'path', message: `"${escapeRefusedCharacters(shown)}" is not percent-encoded UTF-8` }];
    }
  }
  return [];
}

/**
 * Express middleware, after body parsing and before routing, guards and pipes: the login
 * strategy reads its body before any pipe runs, so this cannot wait for validation.
 */
export function refuseUnstorableInput() {
  return (req: Request & { id?: string }, res: Response, next: NextFunction): void => {
    const errors = [...pathShapeErrors(req.path), ...queryShapeErrors(req.query), ...(req.body === undefined ? [] : inputShapeErrors(req.body))];
    // every JSON body of this API is an object; an array would reach the login guard's and the
    // validation pipe's class-transformer as a list of instances, with no field to name
    if (Array.isArray(req.body)) errors.unshift({ path: 'body', message: 'must be a JSON object, not an array' });
    if (errors.length === 0) return next();
    const refused = DomainError.validation(errors);
    sendProblem(res, problem(400, refused.message, { errors, requestId: req.id }, refused.code));
  };
}

/**
 * Route parameters (`:id`, `:revision`, …) are refused like any other text, named by their
 * parameter. A global pipe, because only the route knows the parameter's name.
 */
@Injectable()
export class RouteParamTextPipe implements PipeTransform<unknown, unknown> {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'param' || typeof value !== 'string') return value;
    const found = findRefusedCharacter(value);
    if (found) throw DomainError.validation([{ path: metadata.data ?? 'path', message: refusedCharacterMessage(found) }]);
    return value;
  }
}
