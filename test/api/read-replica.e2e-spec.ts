import type { Pool } from 'pg';
import { PrismaService } from '@tandem/server';
import { call, startApi, startApiWith, type TestApi } from './support/api';
import { EMAIL, session } from './support/fixtures';

/**
 * DATABASE_READ_URL: lists and dashboards read from a replica's pool, everything else from
 * the primary's. Here the "replica" is the test database under another application_name,
 * so it is a pool of its own, and each pool's statements are recorded.
 */
describe('the read client (DATABASE_READ_URL)', () => {
  let api: TestApi;
  let token: string;
  const seen: { pool: 'primary' | 'read'; sql: string }[] = [];

  function record(pool: Pool, name: 'primary' | 'read'): void {
    const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
    (pool as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const first = args[0];
      seen.push({ pool: name, sql: typeof first === 'string' ? first : String((first as { text?: unknown }).text ?? '') });
      return query(...args);
    };
  }

  /** The statements each pool ran while `path` was answered. */
  async function statementsOf(path: string): Promise<{ primary: string[]; read: string[] }> {
    seen.length = 0;
    const response = await call(api, 'GET', path, { token });
    expect(`${path} ${response.status}`).toBe(`${path} 200`);
    return { primary: seen.filter((s) => s.pool === 'primary').map((s) => s.sql), read: seen.filter((s) => s.pool === 'read').map((s) => s.sql) };
  }

  beforeAll(async () => {
    const primaryUrl = process.env.DATABASE_URL ?? '';
    const readUrl = `${primaryUrl}${primaryUrl.includes('?') ? '&' : '?'}application_name=tandem_read_replica`;
    api = await startApiWith({ DATABASE_READ_URL: readUrl });
    const prisma = api.app.get(PrismaService);
    expect(prisma.readPool).not.toBe(prisma.pool);
    record(prisma.pool, 'primary');
    record(prisma.readPool, 'read');
    token = await session(api, EMAIL.staff);
  });

  afterAll(async () => {
    await api?.close();
  });

  test.each([
    ['/api/organisations', 'Organisation'],
    ['/api/memberships', 'Membership'],
    ['/api/periods', 'Period'],
    ['/api/metric-values', 'MetricValue'],
    ['/api/scorecards', 'Scorecard'],
    ['/api/users', 'User'],
    ['/api/audit-events', 'AuditEvent'],
    ['/api/dashboard', 'Membership'],
  ])('%s reads "%s" from the replica, not the primary', async (path, table) => {
    const { primary, read } = await statementsOf(path);
    expect(read.some((sql) => sql.includes(`"${table}"`))).toBe(true);
    expect(primary.filter((sql) => sql.includes(`"${table}"`))).toEqual([]);
  });

  test('a single record (read to edit it, or right after a write) stays on the primary', async () => {
    const list = await call(api, 'GET', '/api/organisations?range=[0,0]', { token });
    const [first] = list.body as { id: string }[];
    const { primary, read } = await statementsOf(`/api/organisations/${first.id}`);
    expect(primary.some((sql) => sql.includes('"Organisation"'))).toBe(true);
    expect(read).toEqual([]);
  });

  test('without DATABASE_READ_URL the read client is the scoped client on the one pool', async () => {
    const plain = await startApi();
    try {
      const prisma = plain.app.get(PrismaService);
      expect(prisma.readPool).toBe(prisma.pool);
      expect(prisma.read).toBe(prisma.scoped);
    } finally {
      await plain.close();
    }
  });
});
