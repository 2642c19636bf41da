import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils, HttpError, type DataProvider } from 'ra-core';
import type { Membership, Organisation } from '@tandem/contracts';
import { startApi, type TestApi } from './support/api';
import { EMAIL, dbPool, loadDemo, session, uniq, type Demo } from './support/fixtures';

/**
 * api.md: "the ra-data-simple-rest package is a real client of this API and must work
 * against it without a custom data provider". This is that package, unmodified, with only
 * an httpClient that adds the bearer token — what the console does.
 */
describe('stock ra-data-simple-rest against the API', () => {
  let api: TestApi;
  let demo: Demo;
  let provider: DataProvider;
  const tag = uniq('sr');
  const made: Record<'alpha' | 'bravo' | 'charlie', Organisation> = {} as Record<'alpha' | 'bravo' | 'charlie', Organisation>;

  beforeAll(async () => {
    api = await startApi();
    const pool = dbPool();
    demo = await loadDemo(pool);
    await pool.end();
    const token = await session(api, EMAIL.staff);
    const httpClient = (url: string, options: fetchUtils.Options = {}) => fetchUtils.fetchJson(url, { ...options, user: { authenticated: true, token: `Bearer ${token}` } });
    provider = simpleRestProvider(`${api.url}/api`, httpClient);
  }, 30_000);

  afterAll(async () => {
    await api?.close();
  });

  it('create: POST returns the record with its id', async () => {
    const sizes = { alpha: 30, bravo: 10, charlie: 20 } as const;
    for (const [key, employeeCount] of Object.entries(sizes) as [keyof typeof sizes, number][]) {
      const { data } = await provider.create<Organisation>('organisations', {
        data: { code: `${tag}-${key}`, name: `SR ${tag} ${key[0]?.toUpperCase()}${key.slice(1)}`, kind: 'supplier', employeeCount },
      });
      expect(data).toMatchObject({ id: expect.any(String), code: `${tag}-${key}`, employeeCount });
      made[key] = data;
    }
  });

  it('getList: sort, filter and range, with the total from Content-Range', async () => {
    const page1 = await provider.getList<Organisation>('organisations', { filter: { q: tag }, sort: { field: 'name', order: 'DESC' }, pagination: { page: 1, perPage: 2 } });
    expect(page1.total).toBe(3);
    expect(page1.data.map((o) => o.id)).toEqual([made.charlie.id, made.bravo.id]);
    const page2 = await provider.getList<Organisation>('organisations', { filter: { q: tag }, sort: { field: 'name', order: 'DESC' }, pagination: { page: 2, perPage: 2 } });
    expect(page2.total).toBe(3);
    expect(page2.data.map((o) => o.id)).toEqual([made.alpha.id]);

    const bySize = await provider.getList<Organisation>('organisations', { filter: { q: tag, kind: 'supplier' }, sort: { field: 'employeeCount', order: 'ASC' }, pagination: { page: 1, perPage: 25 } });
    expect(bySize.data.map((o) => o.employeeCount)).toEqual([10, 20, 30]);
    expect(bySize.total).toBe(3);

    const none = await provider.getList<Organisation>('organisations', { filter: { q: tag, kind: 'customer' }, sort: { field: 'name', order: 'ASC' }, pagination: { page: 1, perPage: 25 } });
    expect(none).toEqual({ data: [], total: 0 });

    // the whole scope of the staff member, paged: totals agree page after page
    const all = await provider.getList<Organisation>('organisations', { filter: {}, sort: { field: 'name', order: 'ASC' }, pagination: { page: 1, perPage: 10 } });
    expect(all.total).toBeGreaterThan(10);
    expect(all.data).toHaveLength(10);
  });

  it('getList: % and _ in the search are the characters, not LIKE wildcards', async () => {
    const search = (q: string) => provider.getList<Organisation>('organisations', { filter: { q }, sort: { field: 'name', order: 'ASC' }, pagination: { page: 1, perPage: 25 } });
    // as wildcards, `tag%` and `_ravo` would find the three organisations of the test above, and `%` everything
    expect(await search(`${tag}%`)).toEqual({ data: [], total: 0 });
    expect(await search(`${tag} _ravo`)).toEqual({ data: [], total: 0 });
    const literal = uniq('pct');
    const { data } = await provider.create<Organisation>('organisations', { data: { code: `${literal}-x`, name: `${literal} 100%_Works\\`, kind: 'supplier' } });
    expect((await search('%')).data.every((o) => o.name.includes('%'))).toBe(true);
    expect((await search(`${literal} 100%_works\\`)).data.map((o) => o.id)).toEqual([data.id]);
    expect((await search(`${literal} 100%_`)).data.map((o) => o.id)).toEqual([data.id]);
    // the searched text follows a rename (a trigger keeps it), by name and by code
    await provider.update<Organisation>('organisations', { id: data.id, data: { ...data, name: `${literal} Renamed Forge` }, previousData: data });
    expect((await search(`${literal} renamed forge`)).data.map((o) => o.id)).toEqual([data.id]);
    expect((await search(`${literal} 100%`)).total).toBe(0);
    expect((await search(`${literal}-X`)).data.map((o) => o.id)).toEqual([data.id]);
  });

  it('getMany: by ids', async () => {
    const { data } = await provider.getMany<Organisation>('organisations', { ids: [made.alpha.id, made.charlie.id] });
    expect(data.map((o) => o.id).sort()).toEqual([made.alpha.id, made.charlie.id].sort());
  });

  it('getOne', async () => {
    const { data } = await provider.getOne<Organisation>('organisations', { id: made.bravo.id });
    expect(data).toMatchObject({ id: made.bravo.id, code: `${tag}-bravo`, employeeCount: 10 });
  });

  it('update: PUT of the whole record as the edit form sends it (read-only fields included)', async () => {
    const { data: before } = await provider.getOne<Organisation>('organisations', { id: made.bravo.id });
    const { data } = await provider.update<Organisation>('organisations', { id: before.id, data: { ...before, name: `SR ${tag} Bravo renamed` }, previousData: before });
    expect(data).toMatchObject({ id: before.id, name: `SR ${tag} Bravo renamed`, code: before.code });
    const { data: after } = await provider.getOne<Organisation>('organisations', { id: before.id });
    expect(after.name).toBe(`SR ${tag} Bravo renamed`);
  });

  it('delete: an organisation created here', async () => {
    const { data: previousData } = await provider.getOne<Organisation>('organisations', { id: made.alpha.id });
    const { data } = await provider.delete<Organisation>('organisations', { id: made.alpha.id, previousData });
    expect(data.id).toBe(made.alpha.id);
    const gone = await provider.getOne('organisations', { id: made.alpha.id }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(gone).toBeInstanceOf(HttpError);
    expect((gone as HttpError).status).toBe(404);
  });

  it('getManyReference: memberships of an organisation', async () => {
    const { data: membership } = await provider.create<Membership>('memberships', { data: { organisationId: made.charlie.id, tier: 'supplier' } });
    const ref = await provider.getManyReference<Membership>('memberships', {
      target: 'organisationId',
      id: made.charlie.id,
      filter: {},
      sort: { field: 'createdAt', order: 'DESC' },
      pagination: { page: 1, perPage: 25 },
    });
    expect(ref.total).toBe(1);
    expect(ref.data).toEqual([expect.objectContaining({ id: membership.id, organisationId: made.charlie.id, consortiumId: demo.consortium.glmp, status: 'applicant' })]);

    // a demo member with its transition history: the reference list is scoped and complete
    const acme = await provider.getManyReference<Membership>('memberships', {
      target: 'organisationId',
      id: demo.org.acme,
      filter: { status: 'active' },
      sort: { field: 'createdAt', order: 'ASC' },
      pagination: { page: 1, perPage: 25 },
    });
    expect(acme.data.map((m) => m.id)).toEqual([demo.membership.acme]);
    expect(acme.total).toBe(1);
  });

  it('errors reach react-admin as HttpError carrying the problem body', async () => {
    const err = await provider.getList('organisations', { filter: { nope: 1 }, sort: { field: 'name', order: 'ASC' }, pagination: { page: 1, perPage: 5 } }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(HttpError);
    expect((err as HttpError).status).toBe(400);
    expect((err as HttpError).body).toMatchObject({ status: 400, errors: [expect.objectContaining({ path: 'filter.nope' })] });
  });

  describe('CORS', () => {
    it('exposes Content-Range to the console origin', async () => {
      const token = await session(api, EMAIL.staff);
      const res = await fetch(`${api.url}/api/organisations?range=%5B0%2C4%5D`, { headers: { Origin: 'http://localhost:4200', Authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:4200');
      const exposed = (res.headers.get('access-control-expose-headers') ?? '').split(',').map((h) => h.trim().toLowerCase());
      expect(exposed).toContain('content-range');
      expect(res.headers.get('content-range')).toMatch(/^organisations 0-4\/\d+$/);
    });

    it('answers the preflight of a PUT with Authorization and Range headers', async () => {
      const res = await fetch(`${api.url}/api/organisations/${demo.org.acme}`, {
        method: 'OPTIONS',
        headers: { Origin: 'http://localhost:4200', 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'authorization,content-type,range' },
      });
      expect(res.status).toBeLessThan(300);
      expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:4200');
      expect((res.headers.get('access-control-allow-methods') ?? '').split(',')).toContain('PUT');
      const allowed = (res.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(',');
      expect(allowed).toEqual(expect.arrayContaining(['authorization', 'content-type', 'range']));
    });

    it('gives a disallowed origin no CORS allowance', async () => {
      const token = await session(api, EMAIL.staff);
      const res = await fetch(`${api.url}/api/organisations`, { headers: { Origin: 'https://evil.example', Authorization: `Bearer ${token}` } });
      // no allow header: the browser withholds the answer (the cors package still lists the
      // exposed headers, which is harmless without an allowed origin)
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
      const preflight = await fetch(`${api.url}/api/organisations`, { method: 'OPTIONS', headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'DELETE' } });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    });
  });
});
