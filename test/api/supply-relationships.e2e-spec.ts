import type { Pool } from 'pg';
import type { SupplyRelationship } from '@tandem/contracts';
import { insertMembership, insertOrganisation, insertUser } from '../support/sql-fixtures';
import { call, q, startApi, type TestApi } from './support/api';
import { dbPool, EMAIL, errorPaths, expectProblem, expectStatus, loadDemo, session, uniq, type Demo } from './support/fixtures';

// starting the API and signing in takes more than Jest's default 5 s on a busy machine
jest.setTimeout(60_000);

describe('supply relationships', () => {
  let api: TestApi;
  let pool: Pool;
  let demo: Demo;
  let staff: string;
  const ids = {} as Record<'customer' | 'supplier' | 'applicant' | 'otherCustomer', string>;
  const email = {} as Record<'buyer' | 'supplierAdmin', string>;

  beforeAll(async () => {
    api = await startApi();
    pool = dbPool();
    demo = await loadDemo(pool);
    staff = await session(api, EMAIL.staff);
    const tag = uniq('sr');
    const glmp = demo.consortium.glmp;
    ids.customer = await insertOrganisation(pool, { code: `${tag}-cust`, name: `Customer ${tag}`, kind: 'customer' });
    ids.supplier = await insertOrganisation(pool, { code: `${tag}-supp`, name: `Supplier ${tag}`, kind: 'supplier' });
    ids.applicant = await insertOrganisation(pool, { code: `${tag}-appl`, kind: 'supplier' });
    ids.otherCustomer = await insertOrganisation(pool, { code: `${tag}-oth`, kind: 'customer' });
    await insertMembership(pool, glmp, ids.customer);
    await insertMembership(pool, glmp, ids.supplier);
    await insertMembership(pool, glmp, ids.otherCustomer);
    await insertMembership(pool, glmp, ids.applicant, 'applicant');
    email.buyer = `buyer.${tag}@example.test`;
    email.supplierAdmin = `admin.${tag}@example.test`;
    await insertUser(pool, { email: email.buyer, role: 'customer_buyer', consortiumId: glmp, organisationId: ids.customer });
    await insertUser(pool, { email: email.supplierAdmin, role: 'firm_admin', consortiumId: glmp, organisationId: ids.supplier });
  });

  afterAll(async () => {
    await api.close();
    await pool.end();
  });

  const body = (overrides: Record<string, unknown> = {}) => ({
    customerId: ids.customer,
    supplierId: ids.supplier,
    since: '2019-04-01',
    commodity: 'grey iron castings',
    spendBand: '1-5M USD',
    sourcingMode: 'annual_rebid',
    sponsored: true,
    ...overrides,
  });

  let relationship: SupplyRelationship;

  it('staff create a relationship between two active members; its history starts with the first mode', async () => {
    const res = await call(api, 'POST', '/api/supply-relationships', { token: staff, body: body() });
    expectStatus(res, 201);
    relationship = res.body as SupplyRelationship;
    expect(relationship).toMatchObject({ consortiumId: demo.consortium.glmp, customerId: ids.customer, supplierId: ids.supplier, since: '2019-04-01', sourcingMode: 'annual_rebid', sponsored: true });
    expect(relationship.customerName).toMatch(/^Customer /);
    const one = await call(api, 'GET', `/api/supply-relationships/${relationship.id}`, { token: staff });
    expectStatus(one, 200);
    expect((one.body as SupplyRelationship).modeChanges).toEqual([
      expect.objectContaining({ fromMode: null, toMode: 'annual_rebid', effectiveOn: '2019-04-01', actorUserId: demo.user.staff }),
    ]);
    const { rows } = await pool.query(`SELECT action FROM "AuditEvent" WHERE "entityId" = $1`, [relationship.id]);
    expect(rows).toEqual([{ action: 'supply-relationship.created' }]);
  });

  it('refuses duplicates, non-members, self-relationships and unknown fields, naming the field', async () => {
    expectProblem(await call(api, 'POST', '/api/supply-relationships', { token: staff, body: body() }), 409);
    const notMember = expectProblem(await call(api, 'POST', '/api/supply-relationships', { token: staff, body: body({ supplierId: ids.applicant }) }), 400);
    expect(errorPaths(notMember)).toEqual(['supplierId']);
    const self = expectProblem(await call(api, 'POST', '/api/supply-relationships', { token: staff, body: body({ supplierId: ids.customer }) }), 400);
    expect(errorPaths(self)).toEqual(['supplierId']);
    const unknown = expectProblem(await call(api, 'POST', '/api/supply-relationships', { token: staff, body: body({ rating: 5 }) }), 400);
    expect(errorPaths(unknown)).toContain('rating');
    const badMode = expectProblem(await call(api, 'POST', '/api/supply-relationships', { token: staff, body: body({ sourcingMode: 'forever' }) }), 400);
    expect(errorPaths(badMode)).toEqual(['sourcingMode']);
  });

  it("the customer's buyer changes the sourcing mode: a history row, not an overwrite", async () => {
    const buyer = await session(api, email.buyer);
    const res = await call(api, 'PATCH', `/api/supply-relationships/${relationship.id}`, {
      token: buyer,
      body: { sourcingMode: 'multi_year', modeEffectiveOn: '2025-01-01', modeChangeReason: 'three-year agreement signed' },
    });
    expectStatus(res, 200);
    expect(res.body).toMatchObject({ sourcingMode: 'multi_year' });
    const later = await call(api, 'PATCH', `/api/supply-relationships/${relationship.id}`, { token: staff, body: { sourcingMode: 'strategic_partnership', modeChangeReason: 'joint development programme' } });
    expectStatus(later, 200);
    const one = (await call(api, 'GET', `/api/supply-relationships/${relationship.id}`, { token: buyer })).body as SupplyRelationship;
    const buyerId = (await pool.query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [email.buyer])).rows[0]?.id;
    expect(one.modeChanges).toEqual([
      expect.objectContaining({ fromMode: null, toMode: 'annual_rebid' }),
      expect.objectContaining({ fromMode: 'annual_rebid', toMode: 'multi_year', effectiveOn: '2025-01-01', reason: 'three-year agreement signed', actorUserId: buyerId }),
      expect.objectContaining({ fromMode: 'multi_year', toMode: 'strategic_partnership', effectiveOn: new Date().toISOString().slice(0, 10), actorUserId: demo.user.staff }),
    ]);
    const { rows } = await pool.query(`SELECT action, before->>'sourcingMode' AS "from", after->>'sourcingMode' AS "to" FROM "AuditEvent" WHERE "entityId" = $1 ORDER BY id`, [relationship.id]);
    expect(rows).toEqual([
      { action: 'supply-relationship.created', from: null, to: 'annual_rebid' },
      { action: 'supply-relationship.mode-changed', from: 'annual_rebid', to: 'multi_year' },
      { action: 'supply-relationship.mode-changed', from: 'multi_year', to: 'strategic_partnership' },
    ]);
  });

  it('accepts the whole record back (react-admin PUT) and keeps the history when the mode stays', async () => {
    const current = (await call(api, 'GET', `/api/supply-relationships/${relationship.id}`, { token: staff })).body as SupplyRelationship;
    const res = await call(api, 'PUT', `/api/supply-relationships/${relationship.id}`, { token: staff, body: { ...current, commodity: 'ductile iron castings' } });
    expectStatus(res, 200);
    expect(res.body).toMatchObject({ commodity: 'ductile iron castings', sourcingMode: 'strategic_partnership' });
    const after = (await call(api, 'GET', `/api/supply-relationships/${relationship.id}`, { token: staff })).body as SupplyRelationship;
    expect(after.modeChanges).toHaveLength(3);
    const orphan = expectProblem(await call(api, 'PATCH', `/api/supply-relationships/${relationship.id}`, { token: staff, body: { modeChangeReason: 'no change at all' } }), 400);
    expect(errorPaths(orphan)).toEqual(['modeChangeReason']);
  });

  it('a PATCH naming a field that cannot change (the parties) is refused, naming each, and changes nothing', async () => {
    const buyer = await session(api, email.buyer);
    const before = (await call(api, 'GET', `/api/supply-relationships/${relationship.id}`, { token: staff })).body as SupplyRelationship;
    const refused = expectProblem(
      await call(api, 'PATCH', `/api/supply-relationships/${relationship.id}`, { token: buyer, body: { supplierId: ids.applicant, customerId: ids.otherCustomer, commodity: 'moved' } }),
      400,
    );
    expect(errorPaths(refused).sort()).toEqual(['customerId', 'supplierId']);
    const after = (await call(api, 'GET', `/api/supply-relationships/${relationship.id}`, { token: staff })).body as SupplyRelationship;
    expect(after).toEqual(before);
  });

  it('the supplier reads its relationship but cannot change it; a buyer on the supplier side gets 403; other firms get 404', async () => {
    const supplierAdmin = await session(api, email.supplierAdmin);
    expectStatus(await call(api, 'GET', `/api/supply-relationships/${relationship.id}`, { token: supplierAdmin }), 200);
    expectProblem(await call(api, 'PATCH', `/api/supply-relationships/${relationship.id}`, { token: supplierAdmin, body: { commodity: 'x' } }), 403);
    // the customer buys from ... the other customer: its buyer sees that relationship as the supplier side
    const upstream = await call(api, 'POST', '/api/supply-relationships', { token: staff, body: body({ customerId: ids.otherCustomer, supplierId: ids.customer, sourcingMode: 'sole_source' }) });
    expectStatus(upstream, 201);
    const upstreamId = (upstream.body as SupplyRelationship).id;
    const buyer = await session(api, email.buyer);
    expectStatus(await call(api, 'GET', `/api/supply-relationships/${upstreamId}`, { token: buyer }), 200);
    expectProblem(await call(api, 'PATCH', `/api/supply-relationships/${upstreamId}`, { token: buyer, body: { sourcingMode: 'annual_rebid' } }), 403);
    const northstar = await session(api, EMAIL.buyer);
    expectProblem(await call(api, 'GET', `/api/supply-relationships/${relationship.id}`, { token: northstar }), 404);
    expectProblem(await call(api, 'PATCH', `/api/supply-relationships/${relationship.id}`, { token: northstar, body: { commodity: 'x' } }), 404);
    expectProblem(await call(api, 'GET', `/api/supply-relationships/${relationship.id}`, { token: await session(api, EMAIL.fvsnStaff) }), 404);
    for (const who of [EMAIL.funder, EMAIL.union, EMAIL.trainer]) {
      expectProblem(await call(api, 'GET', '/api/supply-relationships', { token: await session(api, who) }), 403);
    }
  });

  it('lists with the simple-REST filters customerId, supplierId, sourcingMode, sponsored and q', async () => {
    const list = async (filter: Record<string, unknown>, token = staff) => {
      const res = await call(api, 'GET', `/api/supply-relationships${q({ filter, range: [0, 99] })}`, { token });
      expectStatus(res, 200);
      return { rows: res.body as SupplyRelationship[], range: res.headers.get('content-range') };
    };
    const mine = await list({ customerId: ids.customer });
    expect(mine.rows.map((r) => r.id)).toEqual([relationship.id]);
    expect(mine.range).toBe('supply-relationships 0-0/1');
    expect((await list({ supplierId: ids.customer })).rows).toHaveLength(1);
    expect((await list({ customerId: ids.customer, sourcingMode: 'strategic_partnership' })).rows).toHaveLength(1);
    expect((await list({ customerId: ids.customer, sourcingMode: 'annual_rebid' })).rows).toHaveLength(0);
    expect((await list({ customerId: ids.customer, sponsored: false })).rows).toHaveLength(0);
    expect((await list({ q: relationship.supplierName.toUpperCase() })).rows.map((r) => r.id)).toEqual([relationship.id]);
    expect((await list({ q: 'ductile iron', customerId: ids.customer })).rows).toHaveLength(1);
    // a buyer's list holds only its own firm's relationships
    const buyerRows = (await list({}, await session(api, email.buyer))).rows;
    expect(buyerRows.every((r) => r.customerId === ids.customer || r.supplierId === ids.customer)).toBe(true);
    expect(buyerRows).toHaveLength(2);
    const bad = expectProblem(await call(api, 'GET', `/api/supply-relationships${q({ filter: { sourcingMode: 'forever' } })}`, { token: staff }), 400);
    expect(errorPaths(bad)).toEqual(['filter.sourcingMode']);
  });
});
