process.env.LOG_LEVEL ??= 'silent';
import type { INestApplicationContext } from '@nestjs/common';
import { Pool } from 'pg';
import { createWorker } from '../bootstrap';
import { PurgeImportErrorsJob } from './purge-import-errors.job';

/**
 * The retention of dead imports' error reports, as the worker runs it against the run's
 * database: imports of its own (the database is shared with every other test file), some
 * ended long ago, some recently, one committed.
 */

jest.setTimeout(60_000);

let worker: INestApplicationContext;
let pool: Pool;
let consortiumId: string;

beforeAll(async () => {
  worker = await createWorker();
  pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  consortiumId = (await pool.query<{ id: string }>(`SELECT id FROM "Consortium" WHERE slug = 'glmp'`)).rows[0]!.id;
});

afterAll(async () => {
  await worker?.close();
  await pool?.end();
});

/** An import that ended `daysAgo` days ago in `status`, with `errors` error rows. */
async function endedImport(status: 'cancelled' | 'failed' | 'committed', daysAgo: number, errors: number): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO "Import" (id, "consortiumId", filename, "sizeBytes", checksum, "storagePath", status, "errorRows", "createdAt", "updatedAt")
     VALUES (gen_random_uuid(), $1, 'retention.csv', 100, 'x', 'gone.csv', $2::"ImportStatus", $3, now() - make_interval(days => $4 + 1), now() - make_interval(days => $4))
     RETURNING id`,
    [consortiumId, status, errors, daysAgo],
  );
  const id = rows[0]!.id;
  await pool.query(
    `INSERT INTO "ImportError" ("importId", "rowNumber", "column", message) SELECT $1, n + 1, 'value', 'must be a number' FROM generate_series(1, $2) AS n`,
    [id, errors],
  );
  return id;
}

interface State {
  errors: number;
  purged: boolean;
}

async function stateOf(ids: Record<string, string>): Promise<Record<string, State | undefined>> {
  const { rows } = await pool.query<{ id: string; errors: number; purged: boolean }>(
    `SELECT i.id, (SELECT count(*)::int FROM "ImportError" e WHERE e."importId" = i.id) AS errors, i."errorsPurgedAt" IS NOT NULL AS purged
       FROM "Import" i WHERE i.id = ANY($1::uuid[])`,
    [Object.values(ids)],
  );
  const byId = new Map(rows.map((r) => [r.id, { errors: r.errors, purged: r.purged }]));
  return Object.fromEntries(Object.entries(ids).map(([name, id]) => [name, byId.get(id)]));
}

describe('imports.purge-errors', () => {
  it('deletes the error rows of imports cancelled or failed past the retention, marks them, and keeps the rest; a second run changes nothing', async () => {
    const ids = {
      oldCancelled: await endedImport('cancelled', 40, 25),
      oldFailed: await endedImport('failed', 31, 3),
      oldCancelledWithoutErrors: await endedImport('cancelled', 40, 0),
      recentCancelled: await endedImport('cancelled', 29, 5),
      oldCommitted: await endedImport('committed', 40, 4),
    };
    const job = worker.get(PurgeImportErrorsJob);

    // batches of 7: the 28 rows take several statements. What it returns counts the whole shared
    // database (another file's worker may have run the scheduled purge first): the rows tell.
    await job.run(new Date(), { batchRows: 7 });
    const expected = {
      oldCancelled: { errors: 0, purged: true },
      oldFailed: { errors: 0, purged: true },
      // nothing was deleted: its report is not called deleted
      oldCancelledWithoutErrors: { errors: 0, purged: false },
      recentCancelled: { errors: 5, purged: false },
      oldCommitted: { errors: 4, purged: false },
    };
    expect(await stateOf(ids)).toEqual(expected);
    const purgedAt = await pool.query<{ at: Date }>(`SELECT "errorsPurgedAt" AS at FROM "Import" WHERE id = $1`, [ids.oldCancelled]);

    // delivered again (at least once): the same rows, the same time of purge
    await job.run(new Date(), { batchRows: 7 });
    expect(await stateOf(ids)).toEqual(expected);
    expect((await pool.query<{ at: Date }>(`SELECT "errorsPurgedAt" AS at FROM "Import" WHERE id = $1`, [ids.oldCancelled])).rows).toEqual(purgedAt.rows);
  });

  it('finishes the deletion a run marked but did not complete', async () => {
    const id = await endedImport('cancelled', 45, 12);
    // a run that stopped after marking: the import is marked, its rows are still there
    await pool.query(`UPDATE "Import" SET "errorsPurgedAt" = now() WHERE id = $1`, [id]);
    await worker.get(PurgeImportErrorsJob).run(new Date(), { batchRows: 5 });
    expect(await stateOf({ id })).toEqual({ id: { errors: 0, purged: true } });
  });
});
