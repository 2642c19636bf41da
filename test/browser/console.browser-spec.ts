import { ROLE_LABELS, ROLE_PERMISSIONS, type Organisation, type Permission, type Role } from '@tandem/contracts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../prisma/seed/demo-accounts';
import { RESOURCE_MENU } from '../../apps/console/src/resources/menu';
import { apiGet, apiLogin, inFreshPage, menuLabels, screenshot, signIn, startHarness, type Harness } from './support/harness';
import { settle } from './support/network';
import { field, helperTextOf, listRowTexts, notificationText, selectOption, waitForList } from './support/console';

jest.setTimeout(90_000);

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

function account(email: string) {
  const found = DEMO_ACCOUNTS.find((a) => a.email === email);
  if (!found) throw new Error(`no demo account ${email}`);
  return found;
}

/** The menu a role must see, derived from the ROLE_PERMISSIONS the API enforces. */
function expectedMenu(role: Role): { present: string[]; absent: string[] } {
  const permissions: readonly string[] = ROLE_PERMISSIONS[role];
  const present = ['Dashboard'];
  const absent: string[] = [];
  for (const { resource, label } of RESOURCE_MENU) (permissions.includes(`${resource}.read`) ? present : absent).push(label);
  (permissions.includes('queues.admin' satisfies Permission) ? present : absent).push('Queues');
  return { present, absent };
}

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;

const ROLE_ACCOUNTS = [
  'platform@tandem.demo',
  'staff.admin@glmp.demo',
  'supplier.admin@acme-castings.demo',
  'contributor@acme-castings.demo',
  'buyer@northstar-engines.demo',
  'union@glmp.demo',
  'trainer@lakeshore-tech.demo',
  'funder@wi-workforce.demo',
];

describe('console journeys', () => {
  test('1. each demo role signs in and sees its own menu', async () => {
    const seen: Partial<Record<Role, string[]>> = {};
    for (const email of ROLE_ACCOUNTS) {
      const { role, name } = account(email);
      await inFreshPage(harness, `roles-${role}`, async (page, api) => {
        if (email === ROLE_ACCOUNTS[0]) await screenshot(page, 'roles', 'login');
        await signIn(page, email, DEMO_PASSWORD);
        const labels = await menuLabels(page);
        seen[role] = labels;
        await screenshot(page, 'roles', role);

        const badge = await page.getByTestId('session-badge').innerText();
        expect(badge).toContain(name);
        expect(badge).toContain(ROLE_LABELS[role]);

        const { present, absent } = expectedMenu(role);
        // The role is part of the compared value so that a failure names it.
        expect({ role, menu: [...labels].sort() }).toEqual({ role, menu: [...present].sort() });
        expect({ role, forbidden: labels.filter((l) => absent.includes(l)) }).toEqual({ role, forbidden: [] });
        expect({ role, failures: api.failures }).toEqual({ role, failures: [] });
      });
    }

    // The same rules in words a reviewer would use.
    expect(seen.firm_contributor).not.toContain('Audit events');
    expect(seen.firm_contributor).not.toContain('API keys');
    expect(seen.firm_contributor).not.toContain('Outbox');
    expect(seen.funder).not.toContain('Memberships');
    expect(seen.funder).not.toContain('Users');
    expect(seen.consortium_staff).toEqual(expect.arrayContaining(['Outbox', 'Audit events', 'Queues']));
    expect(seen.firm_admin).toEqual(expect.arrayContaining(['API keys', 'Audit events']));
    expect(seen.firm_admin).not.toContain('Outbox');
    expect(seen.platform_admin).toEqual(expect.arrayContaining(['Consortia', 'Outbox', 'Queues']));
  });

  test('2. staff creates an organisation and a membership and walks it through its lifecycle', () =>
    inFreshPage(harness, 'lifecycle', async (page, api) => {
      await signIn(page, 'staff.admin@glmp.demo', DEMO_PASSWORD);
      await screenshot(page, 'lifecycle', 'dashboard');

      const code = `bt-${unique()}`;
      const name = `Journey Foundry ${code}`;
      await page.goto(`${harness.baseUrl}/#/organisations/create`);
      await field(page, 'Code').fill(code);
      await field(page, 'Name').fill(name);
      await selectOption(page, 'Kind', 'Supplier');
      await field(page, 'NAICS code').fill('332710');
      await field(page, 'County').fill('Racine');
      await field(page, 'Employee count').fill('48');
      await screenshot(page, 'lifecycle', 'organisation-form');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL(/#\/organisations\/[^/]+\/show/);
      await page.getByText(name, { exact: true }).first().waitFor();
      await screenshot(page, 'lifecycle', 'organisation');

      // From the organisation, "Add membership" opens the form with the organisation chosen.
      await page.getByRole('link', { name: 'Add membership' }).click();
      await page.waitForURL(/#\/memberships\/create/);
      await field(page, 'Organisation').and(page.locator(`[value="${name}"]`)).waitFor();
      await field(page, 'Annual dues ($)').fill('1200');
      await field(page, 'Charter version').fill('2026.1');
      await screenshot(page, 'lifecycle', 'membership-form');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL(/#\/memberships\/[^/]+\/show/);
      await page.locator('[data-status="applicant"]').waitFor();
      await settle(page);
      await screenshot(page, 'lifecycle', 'applicant');

      const steps = [
        { button: 'Activate', status: 'active', reason: 'Charter signed and first dues paid' },
        { button: 'Suspend', status: 'suspended', reason: 'Dues unpaid for two quarters' },
        { button: 'Reinstate', status: 'active', reason: 'Arrears settled' },
        { button: 'Exit', status: 'exited', reason: 'Plant closed' },
      ];
      for (const step of steps) {
        await page.getByRole('button', { name: step.button, exact: true }).click();
        const dialog = page.getByRole('dialog');
        await dialog.waitFor();
        // The reason is required: confirming without one keeps the dialog open with a message.
        await dialog.getByRole('button', { name: step.button, exact: true }).click();
        await dialog.getByText('A reason is required').waitFor();
        await field(dialog, 'Reason').fill(step.reason);
        if (step.button === 'Activate') await screenshot(page, 'lifecycle', 'activate-dialog');
        await dialog.getByRole('button', { name: step.button, exact: true }).click();
        await dialog.waitFor({ state: 'detached' });
        await page.locator(`[data-status="${step.status}"]`).waitFor();
        await page.getByTestId('transition-history').getByText(step.reason).waitFor();
      }
      await settle(page);
      await screenshot(page, 'lifecycle', 'exited');

      // Exit is final: no lifecycle button is left.
      for (const button of ['Activate', 'Suspend', 'Reinstate', 'Exit']) {
        expect(await page.getByRole('button', { name: button, exact: true }).count()).toBe(0);
      }
      const rows = await page.getByTestId('transition-history').locator('tbody tr').allInnerTexts();
      expect(rows).toHaveLength(4);
      for (const step of steps) expect(rows.filter((row) => row.includes(step.reason))).toHaveLength(1);
      const history = rows.join('\n');
      expect(history).toMatch(/Applicant\s+Active\s+Charter signed/);
      expect(history).toMatch(/Active\s+Suspended\s+Dues unpaid/);
      expect(history).toMatch(/Suspended\s+Active\s+Arrears settled/);
      expect(history).toMatch(/Active\s+Exited\s+Plant closed/);
      expect(api.failures).toEqual([]);
    }));

  test('3. a firm admin sees only its own organisation and cannot open another by URL', async () => {
    const staffToken = await apiLogin(harness, 'staff.admin@glmp.demo', DEMO_PASSWORD);
    const filter = encodeURIComponent(JSON.stringify({ q: 'Badger Machining' }));
    const [badger] = await apiGet<Organisation[]>(harness, staffToken, `/api/organisations?filter=${filter}`);
    expect(badger?.name).toBe('Badger Machining');

    await inFreshPage(harness, 'isolation', async (page, api) => {
      await signIn(page, 'supplier.admin@acme-castings.demo', DEMO_PASSWORD);
      await page.getByRole('menuitem', { name: 'Organisations' }).click();
      const rows = await listRowTexts(page);
      await screenshot(page, 'isolation', 'organisations');
      expect(rows).toHaveLength(1);
      expect(rows[0]).toContain('Acme Castings');

      expect(api.failures).toEqual([]);
      await page.goto(`${harness.baseUrl}/#/organisations/${badger.id}/show`);
      const message = await notificationText(page);
      await settle(page);
      await screenshot(page, 'isolation', 'badger-by-url');
      expect(message).not.toBe('');
      expect(api.failures.map((f) => `${f.status} ${f.url}`)).toContain(`404 /api/organisations/${badger.id}`);
      expect(await page.getByText('Badger Machining').count()).toBe(0);
      expect(await page.getByText('332710').count()).toBe(0);
    });
  });

  test('4. a validation error on create shows the field message in the form', () =>
    inFreshPage(harness, 'validation', async (page, api) => {
      await signIn(page, 'staff.admin@glmp.demo', DEMO_PASSWORD);
      await page.goto(`${harness.baseUrl}/#/organisations/create`);
      const code = `bv-${unique()}`;
      await field(page, 'Code').fill(code);
      await field(page, 'Name').fill(`Validation Works ${code}`);
      await selectOption(page, 'Kind', 'Supplier');
      await field(page, 'NAICS code').fill('33271');
      await page.getByRole('button', { name: 'Save' }).click();

      await field(page, 'NAICS code').and(page.locator('[aria-invalid="true"]')).waitFor();
      const helper = await helperTextOf(page, 'NAICS code');
      await screenshot(page, 'validation', 'naics');
      expect(helper).toMatch(/6-digit|6 digits/i);
      expect(helper).not.toBe('6 digits'); // the input's own hint, not the API's message
      expect(page.url()).toMatch(/#\/organisations\/create/);
      expect(api.failures.map((f) => `${f.status} ${f.method} ${f.url}`)).toEqual(['400 POST /api/organisations']);
    }));

  test('5. staff opens every list, sorts it, opens a record and each create form without an API error', () =>
    inFreshPage(harness, 'tour', async (page, api) => {
      await signIn(page, 'staff.admin@glmp.demo', DEMO_PASSWORD);
      for (const { resource, label } of RESOURCE_MENU) {
        await page.getByRole('menuitem', { name: label, exact: true }).click();
        await page.waitForURL(new RegExp(`#/${resource}(\\?|$)`));
        const rows = await listRowTexts(page);
        await screenshot(page, 'tour', `${resource}-list`);
        // Every sortable column asks the API for an order it supports.
        const headers = page.locator('.RaList-main thead .MuiTableSortLabel-root');
        for (let i = 0; i < (await headers.count()); i++) {
          await headers.nth(i).click();
          await waitForList(page);
        }
        // Park the pointer so the last header's tooltip does not cover the rows.
        await page.mouse.move(8, 850);
        await page.keyboard.press('Escape');
        await page.waitForFunction(() => document.querySelectorAll('.MuiTooltip-popper').length === 0);
        if (rows.length > 0 && resource !== 'role-assignments') {
          await page.locator('.RaList-main tbody tr').first().click();
          await page.waitForURL(new RegExp(`#/${resource}/[^/]+/show`));
          // A react-admin Show, or a custom page on ShowBase (the import wizard) rendered in a card.
          await page.locator('.RaShow-main, #main-content .MuiPaper-root').first().waitFor();
          await settle(page);
          await screenshot(page, 'tour', `${resource}-show`);
        }
        await page.goto(`${harness.baseUrl}/#/${resource}/create`);
        await settle(page);
        if (await page.locator('.RaCreate-main').count()) await screenshot(page, 'tour', `${resource}-create`);
        expect({ resource, errors: await page.locator('.RaNotification-error').allInnerTexts() }).toEqual({ resource, errors: [] });
        expect({ resource, failures: api.failures }).toEqual({ resource, failures: [] });
      }
    }));

  test('6. a firm admin creates an API key, sees it once, and revokes it', () =>
    inFreshPage(harness, 'api-keys', async (page, api) => {
      await signIn(page, 'supplier.admin@acme-castings.demo', DEMO_PASSWORD);
      const name = `ERP export ${unique()}`;
      await page.goto(`${harness.baseUrl}/#/api-keys/create`);
      await field(page, 'Name').fill(name);
      await page.getByRole('button', { name: 'Save' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      const secret = (await dialog.getByTestId('api-key-secret').innerText()).trim();
      await screenshot(page, 'api-keys', 'shown-once');
      expect(secret).toMatch(/^tdm_/);
      await dialog.getByRole('button', { name: 'I have copied the key' }).click();
      await page.waitForURL(/#\/api-keys(\?|$)/);

      const row = page.locator('.RaList-main tbody tr', { hasText: name });
      await row.waitFor();
      expect(await page.getByText(secret).count()).toBe(0);
      await row.getByRole('button', { name: 'Revoke' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
      await notificationText(page);
      await settle(page);
      await row.getByRole('button', { name: 'Revoke' }).waitFor({ state: 'detached' });
      await screenshot(page, 'api-keys', 'revoked');
      expect(await row.innerText()).toMatch(/\d{1,2}\/\d{1,2}\/\d{4}/); // revokedAt: the only date in the row
      expect(api.failures).toEqual([]);
    }));

  test('7. a firm admin invites a colleague, who accepts the e-mailed link and signs in', async () => {
    const email = `new.contributor.${unique()}@acme-castings.demo`;
    await inFreshPage(harness, 'invite', async (page, api) => {
      await signIn(page, 'supplier.admin@acme-castings.demo', DEMO_PASSWORD);
      await page.goto(`${harness.baseUrl}/#/users/create`);
      await field(page, 'Name').fill('Nadia Invited');
      await field(page, 'Email').fill(email);
      await selectOption(page, 'Role', 'Firm contributor');
      await page.getByRole('button', { name: 'Save' }).click();
      expect(await notificationText(page)).toContain(`Invitation sent to ${email}`);
      await page.waitForURL(/#\/users\/[^/]+\/show/);
      await page.locator('[data-status="invited"]').waitFor();
      await screenshot(page, 'invite', 'invited');
      expect(api.failures).toEqual([]);
    });

    // The e-mail waits in the outbox (no SMTP in tests); its link carries the invite token.
    const staffToken = await apiLogin(harness, 'staff.admin@glmp.demo', DEMO_PASSWORD);
    const filter = encodeURIComponent(JSON.stringify({ to: email }));
    const [message] = await apiGet<{ text: string }[]>(harness, staffToken, `/api/outbox?filter=${filter}`);
    const token = /accept-invite\?token=([^\s]+)/.exec(message?.text ?? '')?.[1];
    expect(token).toBeTruthy();

    await inFreshPage(harness, 'invite', async (page) => {
      await page.goto(`${harness.baseUrl}/#/accept-invite?token=${token}`);
      await field(page, 'New password').fill('short');
      await field(page, 'Repeat the password').fill('short');
      await page.getByRole('button', { name: 'Set password' }).click();
      await page.getByText('At least 12 characters').waitFor();
      await field(page, 'New password').fill('a long enough passphrase');
      await field(page, 'Repeat the password').fill('a long enough passphrase');
      await screenshot(page, 'invite', 'accept');
      await page.getByRole('button', { name: 'Set password' }).click();
      await page.waitForURL(/#\/login/);
      await signIn(page, email, 'a long enough passphrase');
      const welcome = await page.getByTestId('welcome-card').innerText();
      await screenshot(page, 'invite', 'first-sign-in');
      expect(welcome).toContain('Nadia Invited');
      expect(welcome).toContain('Firm contributor');
      expect(welcome).toContain('Acme Castings');
    });
  });

  test('8. an expired access token is refreshed silently; signing out ends the session', () =>
    inFreshPage(harness, 'refresh', async (page, api) => {
      await signIn(page, 'staff.admin@glmp.demo', DEMO_PASSWORD);
      const before = await page.evaluate(() => localStorage.getItem('tandem.refreshToken'));
      await page.evaluate(() => localStorage.setItem('tandem.accessToken', 'expired-or-forged'));
      await page.getByRole('menuitem', { name: 'Organisations', exact: true }).click();
      const rows = await listRowTexts(page);
      expect(rows.length).toBeGreaterThan(0);
      expect(page.url()).not.toMatch(/#\/login/);
      const after = await page.evaluate(() => ({ access: localStorage.getItem('tandem.accessToken'), refresh: localStorage.getItem('tandem.refreshToken') }));
      expect(after.access).not.toBe('expired-or-forged');
      expect(after.refresh).not.toBe(before); // rotated
      expect(api.failures.every((f) => f.status === 401)).toBe(true);

      // Signing out forgets the session and revokes the refresh token.
      const refreshToken = after.refresh;
      await page.getByTestId('session-badge').click();
      await page.getByRole('menuitem', { name: 'Logout' }).click();
      await page.waitForURL(/#\/login/);
      expect(await page.evaluate(() => localStorage.getItem('tandem.accessToken'))).toBeNull();
      const reuse = await fetch(`${harness.apiUrl}/api/auth/refresh`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ refreshToken }),
      });
      expect(reuse.status).toBe(401);
    }));

  test('9. the Queues menu entry opens the queue board in a new tab for staff', () =>
    inFreshPage(harness, 'queues', async (page) => {
      await signIn(page, 'staff.admin@glmp.demo', DEMO_PASSWORD);
      const [board] = await Promise.all([harness.context.waitForEvent('page'), page.getByRole('menuitem', { name: 'Queues' }).click()]);
      try {
        await board.waitForLoadState('networkidle');
        await board.getByText(/email/i).first().waitFor();
        await screenshot(board, 'queues', 'board');
        // The token travels once in the query string and is then moved into a cookie.
        expect(new URL(board.url()).pathname).toMatch(/^\/api\/queues/);
        expect(board.url()).not.toContain('token=');
      } catch (error) {
        await screenshot(board, 'queues', 'board-failure');
        const redact = (text: string) => text.replace(/token=[^"&\s]+/g, 'token=…');
        throw new Error(`${String(error)}\nthe board tab shows ${redact(board.url())}: ${redact(await board.innerText('body')).slice(0, 300)}`);
      } finally {
        await board.close();
      }
    }));
});
