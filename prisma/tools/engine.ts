import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type ErrorRegistry,
  type SqlQuery,
  type SqlResultSet,
} from '@prisma/driver-adapter-utils';
import type { DiffTarget, SchemaEngine } from '@prisma/schema-engine-wasm';
import pg from 'pg';
import { repoRoot, schemaPath } from './env';

/*
 * Prisma's schema engine, compiled to WebAssembly, driven over a `pg` pool through
 * @prisma/adapter-pg. The downloaded native engine the stock CLI wants is unavailable offline.
 * The workarounds below lean on adapter-pg 7.10.1 internals: keep the versions pinned
 * (docs: /work/shared/spec/versions.md, "Prisma CLI offline").
 */

type SchemaEngineClass = typeof SchemaEngine;
interface WasmGlue {
  SchemaEngine: SchemaEngineClass;
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
}

let engineClass: Promise<SchemaEngineClass> | undefined;

/** wasm-bindgen reports a Rust panic's message through this global before trapping. */
let lastPanic: string | undefined;
const panicRegistry = {
  set_message(message: string): void {
    lastPanic = message;
  },
};

/** Instantiates the wasm once per process (≈ 45 ms). */
function loadSchemaEngine(): Promise<SchemaEngineClass> {
  engineClass ??= (async () => {
    (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: typeof panicRegistry }).PRISMA_WASM_PANIC_REGISTRY = panicRegistry;
    const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    // The package's own entry imports the .wasm as an ES module, which Node 20 cannot do:
    // instantiate it by hand against the wasm-bindgen glue instead.
    const glue = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as unknown as WasmGlue;
    const module = new WebAssembly.Module(readFileSync(path.join(path.dirname(gluePath), 'schema_engine_bg.wasm')));
    const instance = new WebAssembly.Instance(module, { './schema_engine_bg.js': glue as unknown as WebAssembly.ModuleImports });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue.SchemaEngine;
  })();
  return engineClass;
}

export class SchemaEngineError extends Error {
  override name = 'SchemaEngineError';
}

const CHAR_OID = 18;
const TEXT_OID = 25;

interface PgField {
  dataTypeID: number;
}
interface PgResult {
  fields: PgField[];
}
/** The two adapter-pg internals the `"char"` fix wraps (TypeScript-private, public at runtime). */
interface PatchableQueryable {
  performIO(query: SqlQuery): Promise<PgResult>;
  queryRaw(query: SqlQuery): Promise<SqlResultSet>;
}

/**
 * The engine reads catalogue columns of PostgreSQL's one-byte `"char"` type (OID 18:
 * pg_constraint.contype, ...) and adapter-pg refuses to map that OID. Relabelling the field
 * as `text` gets the rows through the adapter, but the engine reads some of these columns as
 * a Rust `char` (a CHECK constraint's contype panics as text), so the column type handed
 * to the engine is set to `Character` afterwards. The query object links the two steps.
 */
function patchCharColumns(queryable: PatchableQueryable): void {
  const charColumns = new WeakMap<SqlQuery, number[]>();
  const performIO = queryable.performIO.bind(queryable);
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.performIO = async (query) => {
    const result = await performIO(query);
    const indexes: number[] = [];
    result.fields.forEach((field, index) => {
      if (field.dataTypeID === CHAR_OID) {
        field.dataTypeID = TEXT_OID;
        indexes.push(index);
      }
    });
    if (indexes.length > 0) charColumns.set(query, indexes);
    return result;
  };
  queryable.queryRaw = async (query) => {
    const resultSet = await queryRaw(query);
    for (const index of charColumns.get(query) ?? []) resultSet.columnTypes[index] = ColumnTypeEnum.Character;
    return resultSet;
  };
}

/** A PrismaPg whose adapters and transactions carry the `"char"` fix, and no shadow database. */
function engineAdapterFactory(pool: pg.Pool): PrismaPg {
  const factory = new PrismaPg(pool);
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    patchCharColumns(adapter as unknown as PatchableQueryable);
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const transaction = await startTransaction(isolationLevel);
      patchCharColumns(transaction as unknown as PatchableQueryable);
      return transaction;
    };
    return adapter;
  };
  factory.connectToShadowDb = () => {
    throw new SchemaEngineError('The schema engine asked for a shadow database; prisma/tools never provides one.');
  };
  return factory;
}

/** "External error id#N" only points into the adapter's registry: fetch the real error. */
function explainEngineError(error: unknown, registry: ErrorRegistry): Error {
  if (lastPanic !== undefined) {
    const panic = lastPanic;
    lastPanic = undefined;
    return new SchemaEngineError(`The schema engine panicked: ${panic}`, { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  const match = /External error id#(\d+)/.exec(message);
  const record = match ? registry.consumeError(Number(match[1])) : undefined;
  if (record) {
    const inner = record.error;
    const detail = inner instanceof Error ? inner.message : JSON.stringify(inner);
    return new SchemaEngineError(`${message.replace(/External error id#\d+/, '').trim()} ${detail}`.trim(), { cause: inner });
  }
  return new SchemaEngineError(message, { cause: error });
}

function schemaFiles(): { content: string; path: string }[] {
  return [{ path: schemaPath, content: readFileSync(schemaPath, 'utf8') }];
}

/**
 * Runs `fn` with an engine connected to `databaseUrl`. The engine never gets a shadow
 * database: drift checks replay migrations into a temporary database of our own instead.
 */
async function withEngine<T>(databaseUrl: string, fn: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const SchemaEngineImpl = await loadSchemaEngine();
  // One connection: the engine's session advisory lock (if it takes one) must stay on it.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  const adapter = bindMigrationAwareSqlAdapterFactory(engineAdapterFactory(pool));
  const ignoreLog = (): void => undefined;
  const panic = trapPanics();
  let engine: SchemaEngine | undefined;
  try {
    const run = async (): Promise<T> => {
      engine = await SchemaEngineImpl.new({ datamodels: schemaFiles().map((file) => [file.path, file.content]) }, ignoreLog, adapter);
      return fn(engine);
    };
    return await Promise.race([run(), panic.panicked]);
  } catch (error) {
    throw explainEngineError(error, adapter.errorRegistry);
  } finally {
    panic.release();
    // A panicked instance is poisoned: free nothing, and instantiate afresh next time.
    if (panic.happened) engineClass = undefined;
    else engine?.free();
    await pool.end();
  }
}

/**
 * A Rust panic surfaces as a WebAssembly "unreachable" trap thrown from inside a promise
 * callback: uncaught, it would kill the process with no hint. While the engine runs, such a
 * trap rejects the current operation instead (and its message names the panic).
 */
function trapPanics(): { panicked: Promise<never>; release: () => void; happened: boolean } {
  const state = { happened: false };
  let reject: (error: Error) => void = () => undefined;
  const panicked = new Promise<never>((_resolve, rejectPanic) => {
    reject = rejectPanic;
  });
  panicked.catch(() => undefined);
  const listener = (error: Error): void => {
    if (!(error instanceof WebAssembly.RuntimeError)) {
      // Not ours: restore Node's default of dying loudly.
      console.error(error);
      process.exit(1);
    }
    state.happened = true;
    reject(error);
  };
  process.on('uncaughtException', listener);
  return {
    panicked,
    release: () => process.off('uncaughtException', listener),
    get happened() {
      return state.happened;
    },
  };
}

/**
 * The SQL that takes the live database at `databaseUrl` to prisma/schema.prisma; empty when
 * they agree. Check constraints and other things Prisma does not model are not compared.
 */
export async function diffDatabaseToSchema(databaseUrl: string): Promise<string> {
  return withEngine(databaseUrl, async (engine) => {
    const from: DiffTarget = { tag: 'schemaDatasource', files: schemaFiles(), configDir: repoRoot };
    const to: DiffTarget = { tag: 'schemaDatamodel', files: schemaFiles() };
    const result = await engine.diff({ from, to, script: true, exitCode: true, filters: { externalTables: [], externalEnums: [] } });
    return normaliseScript(result.stdout ?? '');
  });
}

/** The engine prints "-- This is an empty migration." for no changes; callers want "". */
function normaliseScript(script: string): string {
  const meaningful = script
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.trim().startsWith('--'))
    .join('');
  return meaningful === '' ? '' : script.trimEnd() + '\n';
}
