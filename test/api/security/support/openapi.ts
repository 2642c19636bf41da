/**
 * The parts of the API's own OpenAPI document (GET /api/docs-json) the fuzz suite is
 * generated from: every operation, its parameters and the schema of its request body.
 */

export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
}

interface RawOperation {
  parameters?: { name: string; in: string }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  'x-roles'?: string[] | string;
  'x-public'?: boolean;
}

export interface OpenApi {
  paths: Record<string, Record<string, RawOperation>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** as documented, with {param} placeholders */
  path: string;
  /** `METHOD /api/x/:id`, as the other suites name routes */
  key: string;
  pathParams: string[];
  queryParams: string[];
  roles: string[] | 'any' | 'public';
  /** JSON request body schema (resolved), when the operation takes one */
  body?: Schema;
  /** the operation takes a non-JSON body (multipart, text/csv) */
  rawBody?: string;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

export function resolve(doc: OpenApi, schema: Schema | undefined): Schema {
  if (!schema) return {};
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = doc.components?.schemas?.[name];
    if (!target) throw new Error(`OpenAPI: ${schema.$ref} is not defined`);
    return resolve(doc, target);
  }
  if (schema.allOf?.length) {
    const merged: Schema = { type: 'object', properties: {}, required: [] };
    for (const part of schema.allOf.map((s) => resolve(doc, s))) {
      Object.assign(merged.properties as Record<string, Schema>, part.properties ?? {});
      merged.required = [...(merged.required ?? []), ...(part.required ?? [])];
    }
    return { ...merged, nullable: schema.nullable };
  }
  return schema;
}

export function operations(doc: OpenApi): Operation[] {
  const out: Operation[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const m of METHODS) {
      const op = ops[m];
      if (!op) continue;
      const params = op.parameters ?? [];
      const content = op.requestBody?.content ?? {};
      const json = content['application/json'];
      const raw = Object.keys(content).find((c) => c !== 'application/json');
      const roles = op['x-public'] ? 'public' : op['x-roles'] === 'any' ? 'any' : Array.isArray(op['x-roles']) ? op['x-roles'] : 'public';
      out.push({
        method: m.toUpperCase() as Operation['method'],
        path,
        key: `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: params.filter((p) => p.in === 'query').map((p) => p.name),
        roles,
        body: json ? resolve(doc, json.schema) : undefined,
        rawBody: json ? undefined : raw,
      });
    }
  }
  return out;
}

/** A field of a request body: its path (array items by index, as the API names them) and schema. */
export interface Field {
  path: (string | number)[];
  /** `criteria.0.thresholds.1.score` */
  name: string;
  schema: Schema;
  nullable: boolean;
}

/**
 * Every field of `schema`, nested objects and arrays of objects included. An array's items
 * are followed through the items the base body has (the first two), so the fields fuzzed are
 * ones a valid request carries.
 */
export function fields(doc: OpenApi, schema: Schema, base: unknown, prefix: (string | number)[] = []): Field[] {
  const s = resolve(doc, schema);
  const out: Field[] = [];
  for (const [name, raw] of Object.entries(s.properties ?? {})) {
    const prop = resolve(doc, raw);
    const path = [...prefix, name];
    out.push({ path, name: path.join('.'), schema: prop, nullable: prop.nullable === true || raw.nullable === true });
    const value = (base as Record<string, unknown> | undefined)?.[name];
    const items = prop.items ? resolve(doc, prop.items) : undefined;
    if (prop.type === 'array' && items?.properties && Array.isArray(value)) {
      value.slice(0, 2).forEach((item, i) => out.push(...fields(doc, items, item, [...path, i])));
    } else if (prop.properties && value && typeof value === 'object') {
      out.push(...fields(doc, prop, value, path));
    }
  }
  return out;
}

/** The value of `body` with `path` set to `value` (a deep copy; the base is left alone). */
export function withField(body: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(body ?? {})) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = copy;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i] as string | number;
    const next = node[key];
    if (next === null || typeof next !== 'object') node[key] = typeof path[i + 1] === 'number' ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  }
  const last = path[path.length - 1] as string | number;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}
