import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { call, q, startApi, type TestApi } from './support/api';
import { EMAIL, dbPool, errorPaths, expectProblem, loadDemo, session, uniq, type Demo } from './support/fixtures';
import { SideEffectWatch } from './support/side-effects';

jest.setTimeout(60_000);

/**
 * Charters, commitments, commitment reviews, reciprocity: every write route refuses bad input
 * at the edge (problem+json naming the field) and a refused request writes nothing — no row,
 * no job; so do the domain's refusals (a customer's commitment offered to suppliers, editing a
 * published version, signing twice, attesting a computed kind, deciding a review twice).
 */
type Body = Record<string, unknown>;

interface WriteCase {
  route: string;
  path: () => string;
  token: () => string;
  valid?: () => Body;
  missing?: string;
  wrongType?: [string, unknown];
  ok: number;
}

const BIG = 'x'.repeat(110 * 1024);

describe('bad input: charters, commitments, reviews, reciprocity', () => {
  let api: TestApi;
  let pool: Pool;
  let watch: SideEffectWatch;
  let demo: Demo;
  const t: Record<string, string> = {};
  const id: Record<string, string> = {};
  let year = 4000 + Math.floor(Math.random() * 1000) * 5;

  const insertCharter = async (consortiumId: string, state: 'draft' | 'published' | 'superseded', withTemplate = true): Promise<{ charter: string; template: string }> => {
    const charter = randomUUID();
    await pool.query(
      `INSERT INTO "Charter" (id, "consortiumId", version, title, state, "publishedAt", "updatedAt")
       SELECT $1, $2, COALESCE(max(version), 0) + 1, $3, $4::"CharterState", CASE WHEN $4 = 'draft' THEN NULL ELSE now() END, now() FROM "Charter" WHERE "consortiumId" = $2`,
      [charter, consortiumId, `Bad input charter ${uniq('ch')}`, state],
    );
    const template = randomUUID();
    if (withTemplate) {
      await pool.query(`INSERT INTO "CommitmentTemplate" (id, "charterId", kind, side, target, description, "updatedAt") VALUES ($1, $2, 'jobs_created', 'supplier', 2, 'Create two jobs', now())`, [template, charter]);
    }
    return { charter, template };
  };
  const insertCommitment = async (kind: 'jobs_created' | 'curricula_shared', extra: { attested?: number; state?: string } = {}): Promise<string> => {
    const cid = randomUUID();
    const y = year++;
    await pool.query(
      `INSERT INTO "Commitment" (id, "consortiumId", "organisationId", "templateId", kind, year, "startsOn", "endsOn", target, "attestedValue", state, "waivedReason", "updatedAt")
       VALUES ($1, $2, $3, $4, $5::"CommitmentKind", $6, make_date($6, 1, 1), make_date($6, 12, 31), 2, $7, $8::"CommitmentState", CASE WHEN $8 = 'waived' THEN 'test' END, now())`,
      [cid, demo.consortium.glmp, demo.org.acme, id['template'], kind, y, extra.attested ?? null, extra.state ?? 'on_track'],
    );
    return cid;
  };
  const insertReview = async (decided = false): Promise<string> => {
    const rid = randomUUID();
    const commitment = await insertCommitment('jobs_created', { state: 'missed' });
    await pool.query(
      `INSERT INTO "CommitmentReview" (id, "consortiumId", "commitmentId", outcome, note, "decidedAt", "updatedAt")
       VALUES ($1, $2, $3, $4::"CommitmentReviewOutcome", $5, $6, now())`,
      [rid, demo.consortium.glmp, commitment, decided ? 'warning' : null, decided ? 'decided' : null, decided ? new Date() : null],
    );
    return rid;
  };

  beforeAll(async () => {
    api = await startApi();
    pool = dbPool();
    watch = new SideEffectWatch(pool);
    demo = await loadDemo(pool);
    t['platform'] = await session(api, EMAIL.platform);
    t['staff'] = await session(api, EMAIL.staff);
    t['acmeAdmin'] = await session(api, EMAIL.acmeAdmin);
    // charter writes go to a consortium of their own: publishing there supersedes nobody's charter
    id['consortium'] = randomUUID();
    await pool.query(`INSERT INTO "Consortium" (id, name, slug, region, "updatedAt") VALUES ($1, $2, $2, 'Testland', now())`, [id['consortium'], uniq('bi-charters')]);
    id['draft'] = (await insertCharter(id['consortium'], 'draft')).charter;
    id['draftToPublish'] = (await insertCharter(id['consortium'], 'draft')).charter;
    id['emptyDraft'] = (await insertCharter(id['consortium'], 'draft', false)).charter;
    id['publishedElsewhere'] = (await insertCharter(id['consortium'], 'superseded')).charter;
    const glmpCharter = await insertCharter(demo.consortium.glmp, 'superseded');
    id['template'] = glmpCharter.template;
    id['superseded'] = glmpCharter.charter;
    id['toSign'] = (await insertCharter(demo.consortium.glmp, 'published')).charter;
    id['attest'] = await insertCommitment('jobs_created');
    id['verify'] = await insertCommitment('jobs_created', { attested: 3 });
    id['waive'] = await insertCommitment('jobs_created');
    id['review'] = await insertReview();
  });

  afterAll(async () => {
    await watch?.close();
    await api?.close();
    await pool?.end();
  });

  const CASES: WriteCase[] = [
    {
      route: 'POST /api/charters',
      path: () => '/api/charters',
      token: () => t['platform']!,
      valid: () => ({ consortiumId: id['consortium'], title: 'Charter 2027', templates: [{ kind: 'jobs_created', side: 'supplier', target: 2, description: 'Create two jobs' }] }),
      missing: 'title',
      wrongType: ['templates', 'all of them'],
      ok: 201,
    },
    {
      route: 'PATCH /api/charters/:id',
      path: () => `/api/charters/${id['draft']}`,
      token: () => t['platform']!,
      valid: () => ({ title: 'Charter 2027, edited' }),
      wrongType: ['title', 5],
      ok: 200,
    },
    { route: 'POST /api/charters/:id/publish', path: () => `/api/charters/${id['draftToPublish']}/publish`, token: () => t['platform']!, ok: 200 },
    { route: 'POST /api/charters/:id/sign', path: () => `/api/charters/${id['toSign']}/sign`, token: () => t['acmeAdmin']!, ok: 200 },
    {
      route: 'POST /api/commitments/generate',
      path: () => '/api/commitments/generate',
      token: () => t['staff']!,
      valid: () => ({ year: 2098 }),
      missing: 'year',
      wrongType: ['year', 'next'],
      ok: 201,
    },
    {
      route: 'POST /api/commitments/:id/attest',
      path: () => `/api/commitments/${id['attest']}/attest`,
      token: () => t['acmeAdmin']!,
      valid: () => ({ value: 3, note: 'two hires and a technician' }),
      missing: 'value',
      wrongType: ['value', 'three'],
      ok: 200,
    },
    { route: 'POST /api/commitments/:id/verify', path: () => `/api/commitments/${id['verify']}/verify`, token: () => t['staff']!, ok: 200 },
    {
      route: 'POST /api/commitments/:id/waive',
      path: () => `/api/commitments/${id['waive']}/waive`,
      token: () => t['staff']!,
      valid: () => ({ reason: 'Plant closed after the flood' }),
      missing: 'reason',
      wrongType: ['reason', true],
      ok: 200,
    },
    {
      route: 'POST /api/commitment-reviews/:id/decide',
      path: () => `/api/commitment-reviews/${id['review']}/decide`,
      token: () => t['staff']!,
      valid: () => ({ outcome: 'warning', note: 'A written warning' }),
      missing: 'outcome',
      wrongType: ['note', 7],
      ok: 200,
    },
  ];

  describe.each(CASES.map((c) => [c.route, c] as const))('%s', (_route, c) => {
    const method = c.route.split(' ')[0] as string;
    const send = (opts: { body?: unknown; raw?: string }) => call(api, method, c.path(), { token: c.token(), ...opts });
    const expect400Naming = async (body: Body, field: string): Promise<void> => {
      await watch.expectNone(
        () => send({ body }),
        (res) => expect(errorPaths(expectProblem(res, 400))).toContain(field),
      );
    };
    if (c.missing) {
      it(`refuses a missing required field (${c.missing}) with 400`, async () => {
        const { [c.missing as string]: _dropped, ...body } = c.valid!();
        await expect400Naming(body, c.missing as string);
      });
    }
    if (c.wrongType) {
      const [field, value] = c.wrongType;
      it(`refuses a wrong type (${field}: ${JSON.stringify(value)}) with 400`, async () => {
        await expect400Naming({ ...c.valid!(), [field]: value }, field);
      });
    }
    it('refuses an unknown field with 400', async () => {
      await expect400Naming({ ...(c.valid?.() ?? {}), unexpectedField: 'surprise' }, 'unexpectedField');
    });
    it('refuses a body over the 100kb limit with 413', async () => {
      await watch.expectNone(
        () => send({ body: { ...(c.valid?.() ?? {}), padding: BIG } }),
        (res) => expect(errorPaths(expectProblem(res, 413))).toContain('body'),
      );
    });
    it('refuses malformed JSON with 400', async () => {
      await watch.expectNone(
        () => send({ raw: '{"title": "unfinished' }),
        (res) => expect(errorPaths(expectProblem(res, 400))).toContain('body'),
      );
    });
    it(`control: the same request without the fault answers ${c.ok}`, async () => {
      const res = await send({ body: c.valid?.() });
      expect({ status: res.status, body: res.body }).toMatchObject({ status: c.ok });
    });
  });

  /** A refusal of the domain: status, the fields named (if any), nothing written. */
  const refused = async (method: string, path: string, token: string, body: unknown, status: number, fields: string[] = []): Promise<void> => {
    await watch.expectNone(
      () => call(api, method, path, { token, body }),
      (res) => {
        const p = expectProblem(res, status);
        for (const f of fields) expect(errorPaths(p)).toContain(f);
      },
    );
  };

  it.each([
    ['a customer-side kind offered to suppliers', [{ kind: 'payment_within_days', side: 'supplier', target: 30, description: 'Pay within 30 days' }], 'templates.0.side'],
    ['a percentage above 100', [{ kind: 'metrics_submitted_on_time', side: 'supplier', target: 120, description: 'Submit on time' }], 'templates.0.target'],
    ['a kind and side listed twice', [{ kind: 'jobs_created', side: 'supplier', target: 2, description: 'Two jobs' }, { kind: 'jobs_created', side: 'supplier', target: 3, description: 'Three jobs' }], 'templates.1.kind'],
    ['an unknown kind', [{ kind: 'happiness', side: 'supplier', target: 2, description: 'Smile' }], 'templates.0.kind'],
    ['a negative target', [{ kind: 'jobs_created', side: 'supplier', target: -1, description: 'Fewer jobs' }], 'templates.0.target'],
    ['a target with three decimals', [{ kind: 'jobs_created', side: 'supplier', target: 1.005, description: 'Jobs' }], 'templates.0.target'],
  ])('POST /api/charters refuses %s with 400 naming the field', async (_what, templates, field) => {
    await refused('POST', '/api/charters', t['platform']!, { consortiumId: id['consortium'], title: 'Charter', templates }, 400, [field]);
  });

  it('PATCH refuses bad templates of a draft with 400 naming the field', async () => {
    await refused('PATCH', `/api/charters/${id['draft']}`, t['platform']!, { templates: [{ kind: 'sponsored_suppliers_multi_year', side: 'any_member', target: 100, description: 'Keep them' }] }, 400, ['templates.0.side']);
  });

  it('a published or superseded version is not edited or published again (409)', async () => {
    await refused('PATCH', `/api/charters/${id['publishedElsewhere']}`, t['platform']!, { title: 'Rewritten history' }, 409);
    await refused('POST', `/api/charters/${id['publishedElsewhere']}/publish`, t['platform']!, undefined, 409);
  });

  it('a draft without templates is not published (400 naming templates)', async () => {
    await refused('POST', `/api/charters/${id['emptyDraft']}/publish`, t['platform']!, undefined, 400, ['templates']);
  });

  it('only the published version is signed, once (409)', async () => {
    await refused('POST', `/api/charters/${id['superseded']}/sign`, t['acmeAdmin']!, undefined, 409);
    const once = await call(api, 'POST', `/api/charters/${id['toSign']}/sign`, { token: t['acmeAdmin'] });
    expect([200, 409]).toContain(once.status); // the control above may have signed already
    await refused('POST', `/api/charters/${id['toSign']}/sign`, t['acmeAdmin']!, undefined, 409);
  });

  it('refuses a year outside 2000–2100 and another consortium (staff)', async () => {
    await refused('POST', '/api/commitments/generate', t['staff']!, { year: 1999 }, 400, ['year']);
    await refused('POST', '/api/commitments/generate', t['staff']!, { year: 2098, consortiumId: demo.consortium.fvsn }, 404);
  });

  it('an attestation needs a non-negative figure with at most 2 decimals, on an attested kind not waived', async () => {
    await refused('POST', `/api/commitments/${id['attest']}/attest`, t['acmeAdmin']!, { value: -1 }, 400, ['value']);
    await refused('POST', `/api/commitments/${id['attest']}/attest`, t['acmeAdmin']!, { value: 1.234 }, 400, ['value']);
    await refused('POST', `/api/commitments/${await insertCommitment('curricula_shared')}/attest`, t['acmeAdmin']!, { value: 1 }, 409, ['value']);
    await refused('POST', `/api/commitments/${await insertCommitment('jobs_created', { state: 'waived' })}/attest`, t['acmeAdmin']!, { value: 1 }, 409);
  });

  it('nothing to verify without an attestation; a waiver is given once', async () => {
    await refused('POST', `/api/commitments/${await insertCommitment('jobs_created')}/verify`, t['staff']!, undefined, 409);
    await refused('POST', `/api/commitments/${await insertCommitment('jobs_created', { state: 'waived' })}/waive`, t['staff']!, { reason: 'again' }, 409);
    await refused('POST', `/api/commitments/${id['waive']}/waive`, t['staff']!, { reason: 'x' }, 400, ['reason']);
  });

  it('a review is decided once, with one of the three outcomes', async () => {
    await refused('POST', `/api/commitment-reviews/${id['review']}/decide`, t['staff']!, { outcome: 'banished', note: 'no' }, 400, ['outcome']);
    await refused('POST', `/api/commitment-reviews/${await insertReview(true)}/decide`, t['staff']!, { outcome: 'excused', note: 'again' }, 409);
  });

  it('a decided review tells the firm’s admins its outcome and note, in the outbox of the same transaction', async () => {
    const review = await insertReview();
    const note = `Second miss in a row ${uniq('note')}`;
    const res = await call(api, 'POST', `/api/commitment-reviews/${review}/decide`, { token: t['staff'], body: { outcome: 'warning', note } });
    expect(res.status).toBe(200);
    const { rows } = await pool.query<{ to: string; subject: string; text: string }>(`SELECT "to", subject, text FROM "OutboxMessage" WHERE text LIKE '%' || $1 || '%'`, [note]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.to.split(', ')).toContain(EMAIL.acmeAdmin);
    expect(rows[0]!.to).not.toContain(EMAIL.staff);
    expect(rows[0]!.subject).toBe(`Commitment review: warning on jobs created (${rows[0]!.subject.match(/\((\d+)\)/)![1]})`);
    expect(rows[0]!.text).toContain(`/#/commitment-reviews/${review}/show`);
  });

  it('GET /api/reciprocity refuses a bad year or id with 400 naming it', async () => {
    expect(errorPaths(expectProblem(await call(api, 'GET', `/api/reciprocity${q({ year: 'last' })}`, { token: t['staff'] }), 400))).toContain('year');
    expect(errorPaths(expectProblem(await call(api, 'GET', `/api/reciprocity${q({ supplierId: 'acme' })}`, { token: t['staff'] }), 400))).toContain('supplierId');
    expect(errorPaths(expectProblem(await call(api, 'GET', `/api/reciprocity${q({ unexpected: 1 })}`, { token: t['staff'] }), 400))).toContain('unexpected');
  });

  describe.each(['/api/charters', '/api/commitments', '/api/commitment-reviews'])('GET %s', (path) => {
    it('refuses an unknown filter with 400 naming it', async () => {
      expect(errorPaths(expectProblem(await call(api, 'GET', `${path}${q({ filter: { nope: 1 } })}`, { token: t['staff'] }), 400))).toContain('filter.nope');
    });
    it('refuses sorting by an unknown field with 400 naming sort', async () => {
      expect(errorPaths(expectProblem(await call(api, 'GET', `${path}${q({ sort: ['nope', 'ASC'] })}`, { token: t['staff'] }), 400))).toContain('sort');
    });
  });
});
