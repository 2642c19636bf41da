import { Prisma, type PrismaClient } from '@tandem/db';
import type { Principal } from '../context/principal';
import { assertCreatable, scopeWhere } from './scope';

type Where = Record<string, unknown>;
type Args = { where?: Where; data?: Where | Where[]; create?: Where };

const WHERE_OPERATIONS = new Set([
  'findUnique',
  'findUniqueOrThrow',
  'findFirst',
  'findFirstOrThrow',
  'findMany',
  'count',
  'aggregate',
  'groupBy',
  'update',
  'updateMany',
  'updateManyAndReturn',
  'delete',
  'deleteMany',
  'upsert',
]);
const CREATE_OPERATIONS = new Set(['create', 'createMany', 'createManyAndReturn', 'upsert']);

/** AND a scope into a where clause; unique fields stay at the top so findUnique still works. */
export function mergeWhere(where: Where | undefined, scope: Where): Where {
  const base = where ?? {};
  const existing = base['AND'];
  const and = existing === undefined ? [] : Array.isArray(existing) ? existing : [existing];
  return { ...base, AND: [...and, scope] };
}

/**
 * The scoped client: every model operation is filtered by the principal's scope.
 * `getPrincipal` is read per operation, so one client serves all requests.
 */
export function scopedClient(base: PrismaClient, getPrincipal: () => Principal) {
  return base.$extends(
    Prisma.defineExtension({
      name: 'tenant-scope',
      query: {
        $allModels: {
          async $allOperations({ model, operation, args, query }) {
            const p = getPrincipal();
            const a = (args ?? {}) as Args;
            if (CREATE_OPERATIONS.has(operation)) {
              const rows = operation === 'upsert' ? [a.create ?? {}] : Array.isArray(a.data) ? a.data : [a.data ?? {}];
              for (const row of rows) assertCreatable(model, row, p);
            }
            if (WHERE_OPERATIONS.has(operation)) {
              const scope = scopeWhere(model, p);
              if (scope) a.where = mergeWhere(a.where, scope);
            }
            return query(a as typeof args);
          },
        },
      },
    }),
  );
}

export type ScopedPrismaClient = ReturnType<typeof scopedClient>;
/** A transaction client of the scoped client. */
export type ScopedTx = Parameters<Parameters<ScopedPrismaClient['$transaction']>[0]>[0];
