import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../prisma/seed/demo-accounts';
import { createSuppliers } from '../support/import-fixtures';
import { inFreshPage, screenshot, signIn, startHarness, type Harness } from './support/harness';
import { invitedPerson } from './support/invitations';
import { settle } from './support/network';

jest.setTimeout(90_000);

/**
 * The cap of imports in flight as a firm meets it in the console: a firm of this file's own
 * (the database is shared), a limit of one, one upload waiting; the next upload is refused
 * with the reason and a link to the import that holds the place. No worker runs: the first
 * import stays `uploaded`, which is in flight.
 */

const STAFF = 'staff.admin@glmp.demo';
const PASSWORD = 'import-cap-person-2026';

// read when the harness creates the API; this file's environment only
process.env.MAX_IMPORTS_IN_FLIGHT = '1';

let harness: Harness;
let email: string;
let orgCode: string;
let dir: string;

beforeAll(async () => {
  harness = await startHarness();
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
  let organisationId: string;
  try {
    const glmp = (await pool.query<{ id: string }>(`SELECT id FROM "Consortium" WHERE slug = 'glmp'`)).rows[0]!.id;
    [orgCode] = await createSuppliers(pool, glmp, `cap-${randomUUID().slice(0, 8)}`, 1);
    organisationId = (await pool.query<{ id: string }>(`SELECT id FROM "Organisation" WHERE code = $1`, [orgCode])).rows[0]!.id;
  } finally {
    await pool.end();
  }
  email = `cap-${randomUUID().slice(0, 8)}@example.test`;
  await invitedPerson(harness, { email: STAFF, password: DEMO_PASSWORD }, { email, name: 'Cap Contributor', role: 'firm_contributor', organisationId }, PASSWORD);
  dir = mkdtempSync(path.join(os.tmpdir(), 'tandem-import-cap-'));
}, 120_000);

afterAll(async () => {
  await harness?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function chooseAndUpload(page: Page, file: string): Promise<void> {
  await page.goto(`${harness.baseUrl}/#/imports/create`);
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-file-name').getByText(path.basename(file)).waitFor();
  await page.getByRole('button', { name: 'Upload and check' }).click();
}

describe('imports in flight', () => {
  test('a firm at its limit of imports not finished is told why its upload is refused, with a link to the import in the way', async () => {
    const first = path.join(dir, 'first.csv');
    const second = path.join(dir, 'second.csv');
    writeFileSync(first, `org_code,period,metric,value\n${orgCode},2027-Q1,LEAD_TIME,12\n`);
    writeFileSync(second, `org_code,period,metric,value\n${orgCode},2027-Q2,LEAD_TIME,13\n`);

    await inFreshPage(harness, 'import-cap', async (page, api) => {
      await signIn(page, email, PASSWORD);
      await chooseAndUpload(page, first);
      await page.waitForURL(/#\/imports\/[^/]+\/show/);
      const firstId = /#\/imports\/([^/]+)\/show/.exec(page.url())?.[1];

      await chooseAndUpload(page, second);
      const problem = page.getByTestId('import-upload-problem');
      await problem.waitFor();
      await settle(page);
      await screenshot(page, 'import-cap', 'refused');
      expect(await problem.innerText()).toMatch(/1 import is not finished yet and at most 1 may be/);
      const link = problem.getByRole('link', { name: '"first.csv" is uploaded' });
      expect(await link.getAttribute('href')).toContain(`/imports/${firstId}/show`);
      expect(page.url()).toMatch(/#\/imports\/create/);
      expect(api.failures).toEqual([{ status: 409, method: 'POST', url: '/api/imports' }]);

      await link.click();
      await page.waitForURL(new RegExp(`#/imports/${firstId}/show`));
    });
  });
});
