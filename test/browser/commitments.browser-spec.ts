import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import { Pool } from 'pg';
import { fiscalYearBounds, fiscalYearOf } from '@tandem/domain';
import { evaluateCommitments } from '../../apps/worker/src/commitments/evaluate-commitments';
import { PrismaClient } from '../../prisma/generated/client';
import { DEMO_PASSWORD } from '../../prisma/seed/demo-accounts';
import { notified } from './support/console';
import { inFreshPage, screenshot, signIn, useHarness } from './support/harness';
import { settle } from './support/network';

jest.setTimeout(180_000);

const harness = useHarness();
const STAFF = 'staff.admin@glmp.demo';
const JOURNEY = 'commitments';

/**
 * Staff follow a commitment through the evaluation: Acme Castings promised this year to
 * share curricula (a template of its own, so no other journey's data moves it); the
 * scheduled evaluation finds it behind its pace and it turns at_risk; staff open the
 * reciprocity view to see Acme's and its customer's commitments side by side; and record
 * the outcome of the review its missed commitment of last year opened.
 */
describe('staff see a commitment turn at_risk, open the reciprocity view and record a review outcome', () => {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL ?? '' }) });
  let glmp: string;
  let acme: string;
  let current: string;
  let lastYear: string;

  beforeAll(async () => {
    const one = async (sql: string, params: unknown[]): Promise<string> => (await pool.query<{ id: string }>(sql, params)).rows[0]!.id;
    glmp = await one(`SELECT id FROM "Consortium" WHERE slug = 'glmp'`, []);
    acme = await one(`SELECT id FROM "Organisation" WHERE code = 'acme-castings'`, []);
    const startMonth = Number(await one(`SELECT "fiscalYearStartMonth"::text AS id FROM "Consortium" WHERE id = $1`, [glmp]));
    const charter = randomUUID();
    await pool.query(
      `INSERT INTO "Charter" (id, "consortiumId", version, title, state, "publishedAt", "updatedAt")
       SELECT $1, $2, max(version) + 1, 'Journey charter', 'superseded', now(), now() FROM "Charter" WHERE "consortiumId" = $2`,
      [charter, glmp],
    );
    const template = randomUUID();
    await pool.query(`INSERT INTO "CommitmentTemplate" (id, "charterId", kind, side, target, description, "updatedAt") VALUES ($1, $2, 'curricula_shared', 'supplier', 3, 'Share three curricula', now())`, [template, charter]);
    const year = fiscalYearOf(new Date(), startMonth);
    const insert = async (y: number): Promise<string> => {
      const id = randomUUID();
      const { startsOn, endsOn } = fiscalYearBounds(y, startMonth);
      await pool.query(
        `INSERT INTO "Commitment" (id, "consortiumId", "organisationId", "templateId", kind, year, "startsOn", "endsOn", target, "updatedAt")
         VALUES ($1, $2, $3, $4, 'curricula_shared', $5, $6, $7, 3, now())`,
        [id, glmp, acme, template, y, startsOn, endsOn],
      );
      return id;
    };
    current = await insert(year);
    lastYear = await insert(year - 1);
  }, 60_000);

  afterAll(async () => {
    await prisma.$disconnect();
    await pool.end();
  });

  it('the commitment is on track until the evaluation runs, then at risk with its history', async () => {
    await inFreshPage(harness(), JOURNEY, async (page, api) => {
      await signIn(page, STAFF, DEMO_PASSWORD);
      await page.goto(`${harness().baseUrl}/#/commitments/${current}/show`);
      await page.locator('[data-status="on_track"]').first().waitFor();
      await settle(page);
      await screenshot(page, JOURNEY, '1-on-track');

      // the scheduled job's run (the worker runs the same function every tick)
      await evaluateCommitments(prisma, new Date(), { consortiumId: glmp });
      await page.reload();
      await page.locator('[data-status="at_risk"]').first().waitFor();
      await page.getByText('expected by now').first().waitFor();
      await settle(page);
      await screenshot(page, JOURNEY, '2-at-risk');
      expect(await page.locator('li [data-status="at_risk"]').count()).toBe(1);
      expect(api.failures).toEqual([]);
    });
  });

  it('the reciprocity view shows both sides of Acme’s relationships and the keep rates', async () => {
    await inFreshPage(harness(), JOURNEY, async (page, api) => {
      await signIn(page, STAFF, DEMO_PASSWORD);
      await page.getByRole('menuitem', { name: 'Reciprocity', exact: true }).click();
      await page.getByTestId('keep-rate-supplier').waitFor();
      const acmeRow = page.locator('tr', { hasText: 'Acme Castings' }).filter({ hasText: 'Northstar Engines' }).first();
      await acmeRow.waitFor();
      await settle(page);
      await screenshot(page, JOURNEY, '3-reciprocity');
      expect(await acmeRow.locator('[data-status="at_risk"]').count()).toBeGreaterThan(0);
      expect(await page.getByTestId('keep-rate-customer').innerText()).toMatch(/%|withheld/);
      expect(api.failures).toEqual([]);
    });
  });

  it('staff record the outcome of the review the missed commitment opened', async () => {
    const review = (await pool.query<{ id: string }>(`SELECT id FROM "CommitmentReview" WHERE "commitmentId" = $1`, [lastYear])).rows[0]?.id;
    expect(review).toBeDefined();
    await inFreshPage(harness(), JOURNEY, async (page, api) => {
      await signIn(page, STAFF, DEMO_PASSWORD);
      await page.goto(`${harness().baseUrl}/#/commitment-reviews/${review}/show`);
      await page.getByRole('button', { name: 'Record the outcome' }).click();
      await page.getByRole('dialog').getByLabel('Outcome').click();
      await page.getByRole('option', { name: 'Warning' }).click();
      await page.getByRole('dialog').getByRole('textbox').first().fill('Written warning: share the setup-reduction course by March.');
      await page.getByRole('button', { name: 'Record', exact: true }).click();
      await notified(page, 'Outcome recorded');
      await page.getByText('Written warning: share the setup-reduction course by March.').waitFor();
      await settle(page);
      await screenshot(page, JOURNEY, '4-review-decided');
      expect(api.failures).toEqual([]);
    });
    const { rows } = await pool.query<{ outcome: string }>(`SELECT outcome::text FROM "CommitmentReview" WHERE id = $1`, [review]);
    expect(rows[0]?.outcome).toBe('warning');
  });
});
