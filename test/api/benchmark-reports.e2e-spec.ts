process.env.LOG_LEVEL ??= 'silent';
// Queues of its own: the publication's recompute and report batch must not be taken by the
// in-process worker of another test file that is closing (its pool already ended, the batch
// failed there and this file waited for it in vain under CI load).
process.env.REDIS_PREFIX = `${process.env.REDIS_PREFIX ?? 'tandem_test'}_reports`;
import type { INestApplicationContext } from '@nestjs/common';
import { PDFParse } from 'pdf-parse';
import type { Pool } from 'pg';
import type { BackgroundJob, BenchmarkCell, BenchmarkReportPending, BenchmarkReportSnapshot, BenchmarkRun, BenchmarkStanding, PeerGroup } from '@tandem/contracts';
import { createWorker } from '../../apps/worker/src/bootstrap';
import { formatFigure, groupLine, renderReport } from '../../apps/worker/src/benchmark-reports/render-report';
import { insertConsortium, insertMembership, insertMetric, insertOrganisation, insertPeriod, insertRelationship, insertUser, insertValue } from '../support/sql-fixtures';
import { call, q, startApi, type TestApi } from './support/api';
import { dbPool, EMAIL, errorPaths, expectStatus, session, uniq } from './support/fixtures';
import { waitFor } from './support/wait';

jest.setTimeout(120_000);

async function textOf(pdf: Uint8Array): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

interface Download {
  status: number;
  headers: Headers;
  contentType: string;
  bytes: Uint8Array;
  json: unknown;
}

/**
 * A consortium of its own: 12 suppliers s0…s11 (NAICS 331: s0–s5, 332: s6–s11; s11 alone in
 * the 500+ band), a customer C whose supply base is s6–s9 (fewer than k: withheld), a funder,
 * staff. s0's PPM dominates every group it is in, so its PPM report shows reasons only. Two
 * quarters: 2025-Q2 published first (the trend), 2025-Q3 published by the test.
 */
describe('benchmark reports (PDF) per member and period', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let pool: Pool;
  const tag = uniq('bmr');
  let consortiumId: string;
  const s: string[] = [];
  let customer: string;
  const metric = {} as Record<'otd' | 'ppm', string>;
  const period = {} as Record<'q2' | 'q3' | 'q4', string>;
  const email = {
    staff: `staff.${tag}@example.test`,
    s0: `s0.${tag}@example.test`,
    s1: `s1.${tag}@example.test`,
    buyer: `buyer.${tag}@example.test`,
    funder: `funder.${tag}@example.test`,
  };
  let s0Q3Text = '';
  let s0Q3Bytes: Uint8Array;

  beforeAll(async () => {
    api = await startApi();
    worker = await createWorker();
    pool = dbPool();
    consortiumId = await insertConsortium(pool, tag);
    for (let i = 0; i < 12; i++) {
      const id = await insertOrganisation(pool, { code: `${tag}-s${i}`, name: `Supplier ${i} ${tag}`, kind: 'supplier' });
      await pool.query(`UPDATE "Organisation" SET "naicsCode" = $2, "employeeCount" = $3, region = 'Lakeshore' WHERE id = $1`, [id, i < 6 ? '331511' : '332710', i === 11 ? 600 : 45]);
      await insertMembership(pool, consortiumId, id);
      s.push(id);
    }
    customer = await insertOrganisation(pool, { code: `${tag}-c`, name: `Customer ${tag}`, kind: 'customer' });
    await insertMembership(pool, consortiumId, customer);
    for (const i of [6, 7, 8, 9]) await insertRelationship(pool, { consortiumId, customerId: customer, supplierId: s[i] as string });
    const funderOrg = await insertOrganisation(pool, { code: `${tag}-f`, kind: 'funder' });
    await insertMembership(pool, consortiumId, funderOrg);
    await insertUser(pool, { email: email.staff, role: 'consortium_staff', consortiumId, organisationId: null });
    await insertUser(pool, { email: email.s0, role: 'firm_admin', consortiumId, organisationId: s[0] as string });
    await insertUser(pool, { email: email.s1, role: 'firm_contributor', consortiumId, organisationId: s[1] as string });
    await insertUser(pool, { email: email.buyer, role: 'customer_buyer', consortiumId, organisationId: customer });
    await insertUser(pool, { email: email.funder, role: 'funder', consortiumId, organisationId: funderOrg });
    metric.otd = await insertMetric(pool, { consortiumId, code: 'OTD', direction: 'higher' });
    metric.ppm = await insertMetric(pool, { consortiumId, code: 'PPM', direction: 'lower' });
    period.q2 = await insertPeriod(pool, { consortiumId, code: '2025-Q2', startsOn: '2025-04-01', endsOn: '2025-06-30', dueOn: '2025-07-31', state: 'closed' });
    period.q3 = await insertPeriod(pool, { consortiumId, code: '2025-Q3', startsOn: '2025-07-01', endsOn: '2025-09-30', dueOn: '2025-10-31', state: 'closed' });
    period.q4 = await insertPeriod(pool, { consortiumId, code: '2025-Q4', startsOn: '2025-10-01', endsOn: '2025-12-31', dueOn: '2026-01-31', state: 'closed' });
    for (const [i, org] of s.entries()) {
      for (const [p, shift] of [[period.q2, -1], [period.q3, 0]] as const) {
        await insertValue(pool, { consortiumId, organisationId: org, metricId: metric.otd, periodId: p, value: 90 + ((i * 7) % 10) + i / 100 + shift });
        await insertValue(pool, { consortiumId, organisationId: org, metricId: metric.ppm, periodId: p, value: i === 0 ? 100_000 : 40 + i * 3 });
      }
    }
    // Q2 published before: the trend of Q3's reports
    await publish(period.q2);
  });

  afterAll(async () => {
    await worker.close();
    await api.close();
    await pool.end();
  });

  const token = (who: keyof typeof email): Promise<string> => session(api, email[who]);

  async function download(who: keyof typeof email | string, organisationId: string, periodId: string): Promise<Download> {
    const bearer = who in email ? await token(who as keyof typeof email) : await session(api, who);
    const res = await fetch(`${api.url}/api/benchmark-reports/${organisationId}/${periodId}.pdf`, { headers: { Authorization: `Bearer ${bearer}` } });
    const bytes = new Uint8Array(await res.arrayBuffer());
    const contentType = res.headers.get('content-type') ?? '';
    let json: unknown = null;
    if (!contentType.includes('pdf')) json = JSON.parse(Buffer.from(bytes).toString('utf8'));
    return { status: res.status, headers: res.headers, contentType, bytes, json };
  }

  /** 202 until the worker has built it, then the PDF. */
  async function pdfOf(who: keyof typeof email, organisationId: string, periodId: string): Promise<Download> {
    return waitFor(async () => {
      const d = await download(who, organisationId, periodId);
      if (d.status === 202) return undefined;
      expect(d.status).toBe(200);
      return d;
    }, `the report of ${organisationId}`, 60_000, 200);
  }

  async function publish(periodId: string): Promise<void> {
    const staff = await token('staff');
    expectStatus(await call(api, 'POST', `/api/periods/${periodId}/publish`, { token: staff }), 200);
    await waitFor(async () => {
      const r = await call(api, 'GET', `/api/background-jobs${q({ filter: { subjectId: periodId }, range: [0, 49] })}`, { token: staff });
      return (r.body as BackgroundJob[]).find((j) => j.name === 'benchmark-reports.generate-period' && j.state === 'completed');
    }, 'the reports of the published period', 60_000, 200);
  }

  async function recompute(periodId: string): Promise<void> {
    const staff = await token('staff');
    const res = await call(api, 'POST', '/api/benchmark-runs', { token: staff, body: { periodId } });
    expectStatus(res, 202);
    const id = (res.body as BenchmarkRun).id;
    await waitFor(async () => {
      const r = await call(api, 'GET', `/api/benchmark-runs/${id}`, { token: staff });
      return (r.body as BenchmarkRun).state === 'completed' ? true : undefined;
    }, 'the recompute', 60_000, 200);
  }

  async function listAs<T>(who: keyof typeof email, resource: string, filter: Record<string, unknown>): Promise<T[]> {
    const res = await call(api, 'GET', `/api/${resource}${q({ filter, range: [0, 499] })}`, { token: await token(who) });
    expectStatus(res, 200);
    return res.body as T[];
  }

  /** The text of one metric's section (from its heading to the next metric's). */
  function section(text: string, code: 'OTD' | 'PPM'): string {
    const start = text.indexOf(`${code} · `);
    expect(start).toBeGreaterThanOrEqual(0);
    const next = code === 'OTD' ? text.indexOf('PPM · ', start) : -1;
    return text.slice(start, next === -1 ? undefined : next);
  }

  it('an unpublished period: 400 naming periodId to the member; another consortium\'s period is 404', async () => {
    for (const p of [period.q3, period.q4]) {
      const d = await download('s0', s[0] as string, p);
      expect(d.status).toBe(400);
      expect(d.contentType).toContain('application/problem+json');
      expect(errorPaths(d.json as never)).toEqual(['periodId']);
    }
    const { rows } = await pool.query<{ id: string }>(`SELECT id FROM "Period" WHERE "consortiumId" <> $1 AND state = 'published' LIMIT 1`, [consortiumId]);
    const foreign = await download('s0', s[0] as string, rows[0]?.id as string);
    expect(foreign.status).toBe(404);
  });

  it('publishing builds every member\'s report in one batch that staff follow to 100 %', async () => {
    await publish(period.q3);
    const jobs = await call(api, 'GET', `/api/background-jobs${q({ filter: { subjectId: period.q3, name: 'benchmark-reports.generate-period' } })}`, { token: await token('staff') });
    const batch = (jobs.body as BackgroundJob[])[0];
    expect(batch).toMatchObject({ state: 'completed', progress: 100, subjectType: 'Period' });
    expect(batch?.summary).toContain('members 13');
    const { rows } = await pool.query<{ organisationId: string; audience: string }>(
      `SELECT "organisationId", audience FROM "BenchmarkReport" WHERE "periodId" = $1 AND state = 'completed' ORDER BY "organisationId"`,
      [period.q3],
    );
    expect(new Set(rows.map((r) => r.organisationId))).toEqual(new Set([...s, customer]));
    expect(rows.find((r) => r.organisationId === customer)?.audience).toBe('customer');
  });

  it("a member downloads its PDF: every figure is the one the API shows it, withheld groups print their reason and no number", async () => {
    const d = await pdfOf('s0', s[0] as string, period.q3);
    expect(d.contentType).toBe('application/pdf');
    expect(d.headers.get('content-disposition')).toMatch(/^attachment; filename="benchmark-report-.+-2025-Q3\.pdf"$/);
    expect(d.headers.get('cache-control')).toContain('no-store');
    const text = await textOf(d.bytes);
    s0Q3Text = text;
    s0Q3Bytes = d.bytes;

    const standings = await listAs<BenchmarkStanding>('s0', 'standings', { periodId: period.q3 });
    const cells = await listAs<BenchmarkCell>('s0', 'benchmark-cells', { periodId: period.q3 });
    const groups = new Map((await listAs<PeerGroup>('s0', 'peer-groups', {})).map((g) => [g.id, g]));
    const staffCells = await listAs<BenchmarkCell>('staff', 'benchmark-cells', { periodId: period.q3 });
    expect(standings.length).toBeGreaterThan(0);
    let shown = 0;
    for (const st of standings) {
      const code = st.metricId === metric.otd ? 'OTD' : 'PPM';
      const part = section(text, code);
      const cell = cells.find((c) => c.peerGroupId === st.peerGroupId && c.metricId === st.metricId) as BenchmarkCell;
      const name = groups.get(st.peerGroupId)?.name as string;
      // the member's own value always
      expect(part).toContain(`your value ${formatFigure(st.value)}`);
      const lines = part.split('\n').filter((l) => l.startsWith(`${name}:`));
      if (cell.suppressed) {
        expect(lines).toEqual([`${name}: withheld (${cell.reason})`]);
        // the figures staff read of it are nowhere in the member's section
        const staff = staffCells.find((c) => c.id === cell.id) as BenchmarkCell;
        for (const f of [staff.median, staff.p25, staff.p75, staff.mean]) if (f !== null) expect(part.replace(/your value [\d,.-]+/g, '')).not.toContain(formatFigure(f));
      } else {
        shown++;
        expect(lines).toEqual([
          groupLine({ peerGroupId: cell.peerGroupId, name, kind: 'consortium', own: null, cell: { shown: true, n: cell.n as number, p10: cell.p10, p25: cell.p25, median: cell.median, p75: cell.p75, p90: cell.p90, mean: cell.mean, pooled: cell.pooled } }),
        ]);
        expect(part).toContain(`median ${formatFigure(cell.median as number)}`);
        expect(part).toContain(`percentile rank ${formatFigure(st.percentileRank as number)} · quartile ${st.quartile}`);
      }
    }
    expect(shown).toBeGreaterThan(0);
    // s0 dominates PPM: every PPM group is withheld from it, its own value is there
    const ppm = section(text, 'PPM');
    expect(ppm).toContain('your value 100,000');
    expect(ppm).not.toMatch(/median \d/);
    expect(ppm).toContain('withheld (dominated)');
    // the trend covers both published quarters
    expect(section(text, 'OTD')).toContain('2025-Q2:');
  });

  it("another firm's report answers exactly like one that does not exist; staff get the member's own view; a funder or union is refused by role", async () => {
    const other = await download('s1', s[0] as string, period.q3);
    const missing = await download('s1', '0190f0f0-0000-7000-8000-000000000000', period.q3);
    const strip = (x: unknown): unknown => ({ ...(x as Record<string, unknown>), requestId: undefined });
    expect(other.status).toBe(404);
    expect(strip(other.json)).toEqual(strip(missing.json));
    expect(Buffer.from(other.bytes).toString()).not.toContain(s[0]);
    // a buyer reads no supplier's report, not even its own suppliers'
    expect((await download('buyer', s[6] as string, period.q3)).status).toBe(404);

    const staff = await download('staff', s[0] as string, period.q3);
    expect(staff.status).toBe(200);
    expect(Buffer.from(staff.bytes).equals(Buffer.from(s0Q3Bytes))).toBe(true);

    const funder = await download('funder', s[0] as string, period.q3);
    expect(funder.status).toBe(403);
    expect(funder.contentType).toContain('application/problem+json');
    expect((await download(EMAIL.union, s[0] as string, period.q3)).status).toBe(403);
  });

  it("a customer's buyer reads its report: the public groups as it reads them, its supply base withheld with the reason", async () => {
    const d = await pdfOf('buyer', customer, period.q3);
    const text = await textOf(d.bytes);
    const cells = await listAs<BenchmarkCell>('buyer', 'benchmark-cells', { periodId: period.q3 });
    const groups = await listAs<PeerGroup>('buyer', 'peer-groups', {});
    const supplyBase = groups.find((g) => g.kind === 'supply_base') as PeerGroup;
    const whole = groups.find((g) => g.kind === 'consortium') as PeerGroup;
    expect(text).toContain(`${supplyBase.name}: withheld (fewer than 5 peers)`);
    const wholeOtd = cells.find((c) => c.peerGroupId === whole.id && c.metricId === metric.otd) as BenchmarkCell;
    if (wholeOtd.suppressed) expect(section(text, 'OTD')).toContain(`${whole.name}: withheld (${wholeOtd.reason})`);
    else expect(section(text, 'OTD')).toContain(`median ${formatFigure(wholeOtd.median as number)}`);
    expect(text).not.toContain('your value');
  });

  it('after a revision, the report is built again (202, then 200); the stored one still prints what it printed, from its snapshot', async () => {
    const groups = await listAs<PeerGroup>('staff', 'peer-groups', {});
    const whole = groups.find((g) => g.kind === 'consortium') as PeerGroup;
    const meanOf = async (): Promise<number> => (await listAs<BenchmarkCell>('s0', 'benchmark-cells', { periodId: period.q3, peerGroupId: whole.id, metricId: metric.otd }))[0]?.mean as number;
    const before = await meanOf();
    expect(s0Q3Text).toContain(`mean ${formatFigure(before)}`);
    const { rows: stored } = await pool.query<{ id: string; revision: string; snapshot: BenchmarkReportSnapshot; pdf: Buffer }>(
      `SELECT id, revision, snapshot, pdf FROM "BenchmarkReport" WHERE "organisationId" = $1 AND "periodId" = $2 AND state = 'completed'`,
      [s[0], period.q3],
    );
    expect(stored).toHaveLength(1);
    const old = stored[0]!;

    // s5 revises its OTD; staff recompute: staff read the whole consortium's new mean, members
    // still read it as released (two versions would tell s5's change)
    const staffMean = async (): Promise<number> => (await listAs<BenchmarkCell>('staff', 'benchmark-cells', { periodId: period.q3, peerGroupId: whole.id, metricId: metric.otd }))[0]?.mean as number;
    const staffBefore = await staffMean();
    await pool.query(`UPDATE "MetricValue" SET value = value + 6, revision = revision + 1 WHERE "organisationId" = $1 AND "metricId" = $2 AND "periodId" = $3`, [s[5], metric.otd, period.q3]);
    await recompute(period.q3);
    expect(await staffMean()).not.toBe(staffBefore);
    const after = await meanOf();
    expect(after).toBe(before);

    const first = await download('s0', s[0] as string, period.q3);
    expect(first.status).toBe(202);
    expect(first.contentType).toContain('application/json');
    expect(Number(first.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(first.json as BenchmarkReportPending).toEqual({ state: expect.stringMatching(/^(queued|running)$/), progress: expect.any(Number) });
    const fresh = await pdfOf('s0', s[0] as string, period.q3);
    expect(await textOf(fresh.bytes)).toContain(`mean ${formatFigure(after)}`);

    // the report of the earlier revision is untouched, and its snapshot prints the same figure, to the byte
    const { rows: kept } = await pool.query<{ snapshot: BenchmarkReportSnapshot; pdf: Buffer }>(`SELECT snapshot, pdf FROM "BenchmarkReport" WHERE id = $1`, [old.id]);
    expect(kept[0]?.snapshot).toEqual(old.snapshot);
    const wholeOtd = kept[0]?.snapshot.metrics.find((m) => m.code === 'OTD')?.groups.find((g) => g.kind === 'consortium');
    expect(wholeOtd?.cell).toMatchObject({ shown: true, mean: before });
    const again = await renderReport(kept[0]!.snapshot);
    expect(again.equals(kept[0]!.pdf)).toBe(true);
    expect(await textOf(again)).toContain(`mean ${formatFigure(before)}`);
    const { rows: revisions } = await pool.query(`SELECT DISTINCT revision FROM "BenchmarkReport" WHERE "organisationId" = $1 AND "periodId" = $2`, [s[0], period.q3]);
    expect(revisions).toHaveLength(2);
  });
});
