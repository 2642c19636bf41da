import { ROLE_LABELS, ROLE_PERMISSIONS, type Organisation, type Permission, type Role } from '@tandem/contracts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../prisma/seed/demo-accounts';
import { RESOURCE_MENU, menuFor, menuLabel } from '../../apps/console/src/resources/menu';
import { apiGet, apiLogin, inFreshPage, menuLabels, screenshot, signIn, startHarness, type Harness } from './support/harness';
import { settle } from './support/network';
import { field, helperTextOf, listRowTexts, notificationText, notified, selectOption, waitForList } from './support/console';
import { invitationLink, invitedPerson, organisationNamed, sendInvitation } from './support/invitations';

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

/**
 * The menu a role must see: what its ROLE_PERMISSIONS (the API's) let it read and it works
 * with (resources/menu.ts), grouped by task; everything else is absent.
 */
function expectedMenu(role: Role): { present: string[]; absent: string[] } {
  const permissions: readonly string[] = ROLE_PERMISSIONS[role];
  const present = ['Home', ...menuFor(role, permissions).flatMap((g) => g.items.map((i) => i.label))];
  const absent = RESOURCE_MENU.map((e) => menuLabel(e.resource, role) ?? e.label).filter((label) => !present.includes(label));
  (permissions.includes('queues.admin' satisfies Permission) ? present : absent).push('Queues');
  return { present, absent };
}

const ACME_ADMIN = 'supplier.admin@acme-castings.demo';
const STAFF = 'staff.admin@glmp.demo';
/** The password people invited by these journeys choose (never a demo account's). */
const INVITEE_PASSWORD = 'a long enough passphrase';

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
    // A firm's users see what they work with, not one-row admin lists.
    for (const adminList of ['Consortia', 'Memberships', 'Scorecard templates', 'Metric catalogue']) {
      expect(seen.firm_contributor).not.toContain(adminList);
      expect(seen.firm_admin).not.toContain(adminList);
    }
    expect(seen.consortium_staff).toContain('Validation queue');
    expect(seen.consortium_staff).not.toContain('Metric values');
    expect(seen.funder).not.toContain('Memberships');
    expect(seen.funder).not.toContain('Users');
    expect(seen.consortium_staff).toEqual(expect.arrayContaining(['Outbox', 'Audit events', 'Users', 'Invitations', 'Role assignments']));
    // The queue board spans every consortium: the platform operator's only.
    expect(seen.consortium_staff).not.toContain('Queues');
    expect(seen.firm_admin).toEqual(expect.arrayContaining(['API keys', 'Audit events', 'Users', 'Invitations']));
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
        await dialog.getByText('Say why, in at least 3 characters').waitFor();
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

  test('5. staff opens every list, sorts it, opens a record and each create form it offers without an API error', () =>
    inFreshPage(harness, 'tour', async (page, api) => {
      await signIn(page, 'staff.admin@glmp.demo', DEMO_PASSWORD);
      // Rows that open no page of their own: role assignments change in place; a benchmark
      // cell, a peer group and a recompute are read in their lists.
      const noRecordPage = new Set<string>(['role-assignments', 'benchmark-cells', 'peer-groups', 'benchmark-runs']);
      // Pages of figures rather than lists of records: each shows its own content.
      const figurePages: Record<string, string> = {
        'talent-circulation': '[data-testid="circulation-consortium"], [data-testid="circulation-withheld"]',
        'training-figures': '[data-testid="training-consortium"], [data-testid="training-withheld"]',
        reciprocity: '[data-testid^="keep-rate-"]',
      };
      for (const { resource, label } of menuFor('consortium_staff', ROLE_PERMISSIONS.consortium_staff).flatMap((g) => g.items)) {
        await page.getByRole('menuitem', { name: label, exact: true }).click();
        await page.waitForURL(new RegExp(`#/${resource}(\\?|$)`));
        const figures = figurePages[resource];
        if (figures) {
          await page.locator(figures).first().waitFor();
          await screenshot(page, 'tour', `${resource}-page`);
          continue;
        }
        const rows = await listRowTexts(page);
        // Users arrive by invitation and role assignments by acceptance: only lists that offer
        // a create form of their own are asked for it.
        const offersCreate = (await page.locator(`#main-content a[href="#/${resource}/create"]`).count()) > 0;
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
        if (rows.length > 0 && !noRecordPage.has(resource)) {
          await page.locator('.RaList-main tbody tr').first().click();
          await page.waitForURL(new RegExp(`#/${resource}/[^/]+/show`));
          // A react-admin Show, or a custom page on ShowBase (the import wizard) rendered in a card.
          await page.locator('.RaShow-main, #main-content .MuiPaper-root').first().waitFor();
          await settle(page);
          await screenshot(page, 'tour', `${resource}-show`);
        }
        if (offersCreate) {
          await page.goto(`${harness.baseUrl}/#/${resource}/create`);
          // A react-admin Create, or a custom page (metric values' entry grid) in a card.
          await page.locator('.RaCreate-main, #main-content .MuiPaper-root').first().waitFor();
          await settle(page);
          await screenshot(page, 'tour', `${resource}-create`);
        }
        expect({ resource, errors: await page.locator('.RaNotification-error').allInnerTexts() }).toEqual({ resource, errors: [] });
        expect({ resource, failures: api.failures }).toEqual({ resource, failures: [] });
        expect({ resource, console: api.console }).toEqual({ resource, console: [] });
      }
    }), 240_000); // twenty-two lists, each sorted by every column: the longest journey

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
      expect(await row.innerText()).toMatch(/[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}/); // revokedAt, as every moment is shown (the only date in the row)
      expect(api.failures).toEqual([]);
    }));

  test('7. a firm admin invites a colleague, who accepts the e-mailed link and lands signed in', async () => {
    const email = `new.contributor.${unique()}@acme-castings.demo`;
    await inFreshPage(harness, 'invite', async (page, api) => {
      await signIn(page, ACME_ADMIN, DEMO_PASSWORD);
      await page.getByRole('menuitem', { name: 'Users', exact: true }).click();
      await waitForList(page);
      // Accounts are not created by a firm: people arrive by invitation.
      expect(await page.locator('#main-content a[href="#/users/create"]').count()).toBe(0);
      await page.getByRole('link', { name: 'Invite a person' }).click();
      await page.waitForURL(/#\/invitations\/create/);
      await field(page, 'Name').fill('Nadia Invited');
      await field(page, 'Email').fill(email);
      // A firm admin offers their own firm's roles only, at their own firm.
      await page.getByRole('combobox', { name: /^Role/ }).click();
      const offered = (await page.getByRole('listbox').getByRole('option').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
      await page.keyboard.press('Escape');
      await page.getByRole('listbox').waitFor({ state: 'detached' });
      expect(offered).toEqual(['Firm admin', 'Firm contributor']); // a supplier's admin offers no buyer role
      await selectOption(page, 'Role', 'Firm contributor');
      await page.getByText('Acme Castings', { exact: true }).waitFor();
      await settle(page);
      await screenshot(page, 'invite', 'form');
      await page.getByRole('button', { name: 'Send invitation' }).click();
      await notified(page, `Invitation sent to ${email}`);
      await page.waitForURL(/#\/invitations\/[^/]+\/show/);
      await page.locator('[data-status="pending"]').waitFor();
      expect(await page.getByTestId('invitation-state').innerText()).toMatch(/^Waiting for Nadia Invited to accept\. The link works until .*\d{4}/);
      await settle(page);
      await screenshot(page, 'invite', 'sent');

      await page.getByRole('menuitem', { name: 'Invitations', exact: true }).click();
      await waitForList(page);
      const row = page.locator('.RaList-main tbody tr', { hasText: email });
      await row.getByRole('button', { name: 'Revoke' }).waitFor();
      expect(await row.innerText()).toMatch(/Firm contributor\s+Acme Castings\s+Pending/);
      await screenshot(page, 'invite', 'list');

      // A mistyped address: the pending invitation is revoked, behind a confirmation.
      const typo = `new.contributr.${unique()}@acme-castings.demo`;
      await sendInvitation(harness, { email: ACME_ADMIN, password: DEMO_PASSWORD }, { email: typo, name: 'Nadia Typo', role: 'firm_contributor' });
      await page.getByRole('button', { name: 'Refresh' }).click();
      const mistake = page.locator('.RaList-main tbody tr', { hasText: typo });
      await mistake.getByRole('button', { name: 'Revoke' }).click();
      const confirm = page.getByRole('dialog');
      expect(await confirm.innerText()).toContain(`Revoke the invitation of ${typo}?`);
      await confirm.getByRole('button', { name: 'Confirm' }).click();
      await notified(page, 'Invitation revoked');
      await mistake.locator('[data-status="revoked"]').waitFor();
      expect(await mistake.getByRole('button', { name: 'Revoke' }).count()).toBe(0);
      expect(api.failures).toEqual([]);
      expect(api.console).toEqual([]);
    });

    // Staff see the message go out, never its text: the link is the invitee's alone.
    await inFreshPage(harness, 'invite', async (page, api) => {
      await signIn(page, STAFF, DEMO_PASSWORD);
      await page.goto(`${harness.baseUrl}/#/outbox?filter=${encodeURIComponent(JSON.stringify({ to: email }))}`);
      const rows = await listRowTexts(page);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toContain('You are invited to Tandem');
      const row = page.locator('.RaList-main tbody tr').first();
      await row.getByTestId('sensitive').waitFor();
      await screenshot(page, 'invite', 'outbox-list');
      await row.click();
      await page.waitForURL(/#\/outbox\/[^/]+\/show/);
      expect(await page.getByTestId('message-hidden').innerText()).toBe('Hidden: this message carries a personal link meant only for its recipient');
      expect(await page.getByTestId('message-text').count()).toBe(0);
      expect(await page.getByText(/accept-invite|token=/).count()).toBe(0);
      await settle(page);
      await screenshot(page, 'invite', 'outbox-hidden');
      expect(api.failures).toEqual([]);
      expect(api.console).toEqual([]);
    });

    const link = await invitationLink(harness, email);
    await inFreshPage(harness, 'invite', async (page, api) => {
      await page.goto(link);
      expect(await page.getByTestId('invitation-offer').innerText()).toBe(
        'Daniel Schultz invites you to be Firm contributor at Acme Castings (Great Lakes Manufacturing Partnership)',
      );
      await field(page, 'New password').fill('short');
      await field(page, 'Repeat the password').fill('short');
      await page.getByRole('button', { name: 'Create account and accept' }).click();
      await field(page, 'New password').and(page.locator('[aria-invalid="true"]')).waitFor();
      await field(page, 'New password').fill(INVITEE_PASSWORD);
      await field(page, 'Repeat the password').fill(`${INVITEE_PASSWORD}!`);
      await page.getByRole('button', { name: 'Create account and accept' }).click();
      await page.getByText('The two passwords differ').waitFor();
      await field(page, 'Repeat the password').fill(INVITEE_PASSWORD);
      await screenshot(page, 'invite', 'accept');
      expect(api.failures).toEqual([]); // the checks above happen in the page, before any request

      await page.getByRole('button', { name: 'Create account and accept' }).click();
      const welcome = page.getByTestId('welcome-card');
      await welcome.getByText('Acme Castings').waitFor();
      await notified(page, 'Welcome to Tandem, Nadia Invited');
      await settle(page);
      await screenshot(page, 'invite', 'signed-in');
      expect(await welcome.innerText()).toMatch(/Welcome, Nadia Invited[\s\S]*Firm contributor for Acme Castings in Great Lakes Manufacturing Partnership/);
      expect(await page.getByTestId('session-badge').innerText()).toMatch(/Nadia Invited\s+Firm contributor/);
      expect(api.failures).toEqual([]);
      expect(api.console).toEqual([]);
    });

    // The link worked once: opened again, the page says so and what to do.
    await inFreshPage(harness, 'invite', async (page, api) => {
      await page.goto(link);
      const invalid = page.getByTestId('invitation-invalid');
      await invalid.waitFor();
      await screenshot(page, 'invite', 'used-link');
      expect(await invalid.innerText()).toContain('Ask the person who invited you to send a new invitation');
      expect(api.failures.map((f) => `${f.status} ${f.method} ${f.url}`)).toEqual(['400 POST /api/auth/invitation-preview']);
      expect(api.console).toEqual([]);
    });

    // Someone who does not want the role declines from the link; nothing else happens.
    const unwilling = `not.interested.${unique()}@example.test`;
    await sendInvitation(harness, { email: ACME_ADMIN, password: DEMO_PASSWORD }, { email: unwilling, name: 'Noor Unwilling', role: 'firm_contributor' });
    await inFreshPage(harness, 'invite', async (page, api) => {
      await page.goto(await invitationLink(harness, unwilling));
      await page.getByTestId('invitation-offer').waitFor();
      await page.getByRole('button', { name: 'Decline' }).click();
      const dialog = page.getByRole('dialog');
      expect(await dialog.innerText()).toContain('You will not become Firm contributor at Acme Castings (Great Lakes Manufacturing Partnership)');
      await screenshot(page, 'invite', 'decline-dialog');
      await dialog.getByRole('button', { name: 'Decline' }).click();
      await page.getByTestId('invitation-declined').waitFor();
      await screenshot(page, 'invite', 'declined');
      expect(await page.evaluate(() => localStorage.getItem('tandem.accessToken'))).toBeNull();
      expect(api.failures).toEqual([]);
      expect(api.console).toEqual([]);
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

  test('9. the Queues menu entry opens the queue board in a new tab for the platform admin', () =>
    inFreshPage(harness, 'queues', async (page, api) => {
      await signIn(page, 'platform@tandem.demo', DEMO_PASSWORD);
      await screenshot(page, 'queues', 'menu');
      const [board] = await Promise.all([harness.context.waitForEvent('page'), page.getByRole('menuitem', { name: 'Queues' }).click()]);
      try {
        await board.waitForLoadState('networkidle');
        await board.getByText(/email/i).first().waitFor();
        await screenshot(board, 'queues', 'board');
        // The board session is an HttpOnly cookie the console asked for: no token in any URL.
        expect(new URL(board.url()).pathname).toMatch(/^\/api\/queues/);
        expect(board.url()).not.toContain('token=');
        expect(api.failures).toEqual([]);
      } catch (error) {
        await screenshot(board, 'queues', 'board-failure');
        const redact = (text: string) => text.replace(/token=[^"&\s]+/g, 'token=…');
        throw new Error(`${String(error)}\nthe board tab shows ${redact(board.url())}: ${redact(await board.innerText('body')).slice(0, 300)}`);
      } finally {
        await board.close();
      }
    }));

  test('10. a firm admin suspends and reactivates a colleague’s role but cannot edit the account', async () => {
    const email = `colleague.${unique()}@acme-castings.demo`;
    const name = `Colm Colleague ${unique()}`;
    const colleague = await invitedPerson(harness, { email: ACME_ADMIN, password: DEMO_PASSWORD }, { email, name, role: 'firm_contributor' }, INVITEE_PASSWORD);
    const colleagueCanRead = async () => (await fetch(`${harness.apiUrl}/api/profile`, { headers: { Authorization: `Bearer ${colleague.accessToken}` } })).status;
    expect(await colleagueCanRead()).toBe(200);

    await inFreshPage(harness, 'people', async (page, api) => {
      await signIn(page, ACME_ADMIN, DEMO_PASSWORD);
      await page.getByRole('menuitem', { name: 'Users', exact: true }).click();
      await waitForList(page);
      await page.getByPlaceholder('Search name or email').fill(name);
      // (on the name: the e-mail cell is a mailto link)
      await page.locator('.RaList-main tbody tr', { hasText: name }).getByText(name, { exact: true }).click();
      await page.waitForURL(/#\/users\/[^/]+\/show/);
      const role = page.locator('.RaShow-main tbody tr', { hasText: 'Firm contributor' });
      await role.locator('[data-status="active"]').waitFor();
      await settle(page);
      await screenshot(page, 'people', 'colleague');
      // The account is its owner's (and the platform admin's): no Edit for a firm admin.
      expect(await page.getByRole('link', { name: 'Edit' }).count()).toBe(0);

      await role.getByRole('button', { name: 'Suspend' }).click();
      const dialog = page.getByRole('dialog');
      expect(await dialog.innerText()).toContain('Suspend the role Firm contributor?');
      await screenshot(page, 'people', 'suspend-dialog');
      await dialog.getByRole('button', { name: 'Confirm' }).click();
      await notified(page, 'Role suspended');
      await role.locator('[data-status="suspended"]').waitFor();
      await settle(page);
      await screenshot(page, 'people', 'suspended');
      // Suspension ends the colleague's session at its next request.
      expect(await colleagueCanRead()).toBe(401);

      await role.getByRole('button', { name: 'Reactivate' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
      await notified(page, 'Role reactivated');
      await role.locator('[data-status="active"]').waitFor();
      await role.getByRole('button', { name: 'Suspend' }).waitFor();
      expect(await colleagueCanRead()).toBe(401); // a suspension ended that session for good: they sign in again

      await role.getByRole('button', { name: 'Revoke' }).click();
      expect(await page.getByRole('dialog').innerText()).toContain('Revoke the role Firm contributor?');
      await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
      await notified(page, 'Role revoked');
      await page.getByText('No role within your scope.').waitFor();
      await settle(page);
      await screenshot(page, 'people', 'revoked');

      // Their own role is marked, not offered for suspension (the API would refuse it).
      await page.getByRole('menuitem', { name: 'Users', exact: true }).click();
      await waitForList(page);
      await page.getByPlaceholder('Search name or email').fill('Daniel Schultz');
      await page.locator('.RaList-main tbody tr', { hasText: 'Daniel Schultz' }).getByText('Daniel Schultz', { exact: true }).click();
      await page.waitForURL(/#\/users\/[^/]+\/show/);
      await page.getByText('Your current role').waitFor();
      expect(await page.getByRole('button', { name: 'Suspend' }).count()).toBe(0);
      expect(await page.getByRole('link', { name: 'Edit' }).count()).toBe(0);
      expect(api.failures).toEqual([]);
      expect(api.console).toEqual([]);
    });

    // The platform admin corrects accounts; disabling warns that every session ends.
    await inFreshPage(harness, 'people', async (page, api) => {
      await signIn(page, 'platform@tandem.demo', DEMO_PASSWORD);
      await page.goto(`${harness.baseUrl}/#/users/${colleague.user.id}/show`);
      await page.getByRole('link', { name: 'Edit' }).click();
      await page.waitForURL(/#\/users\/[^/]+$/);
      await field(page, 'Name').and(page.locator(`[value="${name}"]`)).waitFor();
      await selectOption(page, 'Status', 'Disabled');
      const warning = await page.getByTestId('disable-warning').innerText();
      await screenshot(page, 'people', 'platform-edit');
      expect(warning).toContain('ends every session of this person at once');
      expect(api.failures).toEqual([]);
      expect(api.console).toEqual([]);
    });
  });

  test('11. someone who already has an account accepts another consortium’s invitation with their own password, then switches roles', async () => {
    const email = `olga.${unique()}@example.test`;
    const password = 'olga own password 2026';
    await invitedPerson(harness, { email: ACME_ADMIN, password: DEMO_PASSWORD }, { email, name: 'Olga Existing', role: 'firm_contributor' }, password);

    // Fox Valley's staff invites the same address to one of its members, through the console.
    await inFreshPage(harness, 'existing', async (page, api) => {
      await signIn(page, 'staff.admin@fvsn.demo', DEMO_PASSWORD);
      await page.getByRole('menuitem', { name: 'Invitations', exact: true }).click();
      await waitForList(page);
      await page.getByRole('link', { name: 'Invite a person' }).click();
      await field(page, 'Name').fill('Olga at Fox Cities');
      await field(page, 'Email').fill(email);
      await selectOption(page, 'Role', 'Firm contributor');
      await selectOption(page, 'Organisation', 'Fox Cities Gear Works');
      await settle(page);
      await screenshot(page, 'existing', 'staff-form');
      await page.getByRole('button', { name: 'Send invitation' }).click();
      await notified(page, `Invitation sent to ${email}`);
      await page.locator('[data-status="pending"]').waitFor();
      // The inviter learns nothing about the address: the same answer as for a new one.
      expect(await page.getByTestId('invitation-state').innerText()).toMatch(/^Waiting for Olga at Fox Cities to accept/);
      expect(api.failures).toEqual([]);
      expect(api.console).toEqual([]);
    });

    const link = await invitationLink(harness, email);
    await inFreshPage(harness, 'existing', async (page, api) => {
      await page.goto(link);
      expect(await page.getByTestId('invitation-offer').innerText()).toBe(
        'Heather Jansen invites you to be Firm contributor at Fox Cities Gear Works (Fox Valley Supplier Network)',
      );
      await page.getByText(`You already have a Tandem account (${email}): enter its password to accept.`).waitFor();
      await screenshot(page, 'existing', 'accept');
      await field(page, 'Password of your account').fill('not my password at all');
      await page.getByRole('button', { name: 'Accept invitation' }).click();
      await page.getByText('This is not the password of your Tandem account').waitFor();
      await screenshot(page, 'existing', 'wrong-password');
      await field(page, 'Password of your account').fill(password);
      await page.getByRole('button', { name: 'Accept invitation' }).click();
      const welcome = page.getByTestId('welcome-card');
      await welcome.getByText('Fox Cities Gear Works').waitFor();
      await notified(page, 'Invitation accepted: you now act as Firm contributor at Fox Cities Gear Works');
      // An existing account keeps its own name.
      expect(await welcome.innerText()).toMatch(/Welcome, Olga Existing[\s\S]*Firm contributor for Fox Cities Gear Works in Fox Valley Supplier Network/);
      await settle(page);
      await screenshot(page, 'existing', 'signed-in');

      // Two roles now; the profile marks the current one and switches with the password.
      await page.getByTestId('session-badge').click();
      await page.getByRole('menuitem', { name: /^My profile/ }).click();
      await page.waitForURL(/#\/profile$/);
      const roles = page.getByTestId('profile-role');
      await roles.nth(1).waitFor();
      expect(await roles.allInnerTexts()).toEqual([
        expect.stringContaining('Firm contributor at Acme Castings (Great Lakes Manufacturing Partnership)'),
        expect.stringMatching(/Firm contributor at Fox Cities Gear Works \(Fox Valley Supplier Network\)\s+Current/),
      ]);
      await settle(page);
      await screenshot(page, 'existing', 'profile');
      await roles.filter({ hasText: 'Acme Castings' }).getByRole('button', { name: 'Switch to this role' }).click();
      const dialog = page.getByRole('dialog');
      await field(dialog, 'Password').fill(password);
      await screenshot(page, 'existing', 'switch-dialog');
      await dialog.getByRole('button', { name: 'Switch role' }).click();
      await welcome.getByText('Acme Castings').waitFor();
      await notified(page, 'You now act as Firm contributor at Acme Castings (Great Lakes Manufacturing Partnership)');
      // the firm's and the consortium's names load one after the other: wait for the second
      await welcome.getByText('Great Lakes Manufacturing Partnership').waitFor();
      expect(api.failures.map((f) => `${f.status} ${f.method} ${f.url}`)).toEqual(['400 POST /api/auth/accept-invite']);
      api.failures.length = 0;

      // Invitations to one's own address also wait on the profile, to accept or decline signed in.
      const staff = { email: STAFF, password: DEMO_PASSWORD };
      const staffToken = await apiLogin(harness, STAFF, DEMO_PASSWORD);
      const northstar = await organisationNamed(harness, staffToken, 'Northstar Engines');
      const college = await organisationNamed(harness, staffToken, 'Lakeshore Technical College');
      await sendInvitation(harness, staff, { email, name: 'Olga', role: 'customer_buyer', organisationId: northstar.id });
      await sendInvitation(harness, staff, { email, name: 'Olga', role: 'trainer', organisationId: college.id });
      await page.reload();
      await page.getByTestId('session-badge').getByText('2').waitFor();
      await page.getByTestId('session-badge').click();
      await page.getByRole('menuitem', { name: /^My profile/ }).click();
      const invitations = page.getByTestId('my-invitation');
      await invitations.nth(1).waitFor();
      await settle(page);
      await screenshot(page, 'existing', 'my-invitations');
      await invitations.filter({ hasText: 'Northstar Engines' }).getByRole('button', { name: 'Accept' }).click();
      await notified(page, 'You now hold the role Customer buyer at Northstar Engines');
      await roles.nth(2).waitFor();
      await invitations.filter({ hasText: 'Lakeshore Technical College' }).getByRole('button', { name: 'Decline' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Decline' }).click();
      await page.getByText('No pending invitations.').waitFor();
      await settle(page);
      await screenshot(page, 'existing', 'invitations-decided');
      expect(await roles.allInnerTexts()).toHaveLength(3);
      expect(api.failures).toEqual([]);
      expect(api.console).toEqual([]);
    });
  });

  test('12. a person renames themselves, changes their password and signs out everywhere', async () => {
    const email = `pat.${unique()}@acme-castings.demo`;
    const first = 'first password of pat 2026';
    const second = 'second password of pat 2026';
    // A session on "another device": it must end when the password changes.
    const elsewhere = await invitedPerson(harness, { email: ACME_ADMIN, password: DEMO_PASSWORD }, { email, name: 'Pat Profile', role: 'firm_contributor' }, first);
    const status = async (accessToken: string) => (await fetch(`${harness.apiUrl}/api/profile`, { headers: { Authorization: `Bearer ${accessToken}` } })).status;

    await inFreshPage(harness, 'profile', async (page, api) => {
      await signIn(page, email, first);
      await page.getByTestId('session-badge').click();
      await page.getByRole('menuitem', { name: /^My profile/ }).waitFor();
      await screenshot(page, 'profile', 'account-menu');
      await page.getByRole('menuitem', { name: /^My profile/ }).click();
      await page.waitForURL(/#\/profile$/);
      await page.getByTestId('profile-account').waitFor();
      await settle(page);
      await screenshot(page, 'profile', 'page');

      await field(page, 'Name').fill('Pat Renamed');
      await page.getByRole('button', { name: 'Save name' }).click();
      await notified(page, 'Your name was changed');
      await page.getByTestId('session-badge').getByText('Pat Renamed').waitFor();

      const password = page.getByTestId('profile-password');
      await field(password, 'Current password').fill('not the current one');
      await field(password, 'New password').fill(second);
      await field(password, 'Repeat the new password').fill(second);
      await password.getByRole('button', { name: 'Change password' }).click();
      await password.getByText('This is not your current password').waitFor();
      await field(password, 'Current password').fill(first);
      await password.getByRole('button', { name: 'Change password' }).click();
      await notified(page, 'Password changed. Your other sessions were signed out');
      await settle(page);
      await screenshot(page, 'profile', 'password-changed');
      expect(await status(elsewhere.accessToken)).toBe(401);
      // This tab goes on with the pair the change answered.
      const current = await page.evaluate(() => localStorage.getItem('tandem.accessToken'));
      expect(await status(current ?? '')).toBe(200);

      await page.getByRole('button', { name: 'Sign out everywhere' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('Every session of your account ends now').waitFor();
      await screenshot(page, 'profile', 'sign-out-everywhere');
      await dialog.getByRole('button', { name: 'Sign out everywhere' }).click();
      await page.waitForURL(/#\/login/);
      await notified(page, 'You were signed out everywhere');
      expect(await page.evaluate(() => localStorage.getItem('tandem.accessToken'))).toBeNull();
      expect(await status(current ?? '')).toBe(401);
      await screenshot(page, 'profile', 'signed-out');

      // The old password no longer opens the account; the new one does.
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(first);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await notified(page, 'Email or password is incorrect');
      await signIn(page, email, second);
      expect(await page.getByTestId('session-badge').innerText()).toContain('Pat Renamed');
      expect(api.failures.map((f) => `${f.status} ${f.method} ${f.url}`)).toEqual(['400 POST /api/profile/password', '401 POST /api/auth/login']);
      expect(api.console).toEqual([]);
    });
  });
  test('13. leaving a form with unsaved changes asks first: staying keeps the typing, leaving saves nothing', async () => {
    const token = await apiLogin(harness, STAFF, DEMO_PASSWORD);
    const code = `uw-${unique()}`;
    const created = await fetch(`${harness.apiUrl}/api/organisations`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ code, name: `Unsaved Works ${code}`, kind: 'supplier' }),
    });
    expect(created.status).toBe(201);
    const org = (await created.json()) as Organisation;
    await inFreshPage(harness, 'unsaved', async (page, api) => {
      await signIn(page, STAFF, DEMO_PASSWORD);
      await page.goto(`${harness.baseUrl}/#/organisations/${org.id}`);
      await field(page, 'Name').waitFor();
      await settle(page);
      // Nothing typed yet: leaving asks nothing.
      await page.getByRole('menuitem', { name: 'Home', exact: true }).click();
      await page.getByTestId('welcome-card').waitFor();
      expect(api.dialogs).toEqual([]);

      await page.goto(`${harness.baseUrl}/#/organisations/${org.id}`);
      // Type only once the record has loaded: typed earlier, the form's reset to the record
      // undoes it and leaves nothing unsaved (seen under CI load).
      await settle(page);
      await page.waitForFunction((name) => [...document.querySelectorAll('input')].some((i) => i.value === name), `Unsaved Works ${code}`);
      await field(page, 'Name').fill(`Renamed ${code}`);
      // The form knows it is dirty once Save is enabled; a click on Home before that leaves unasked.
      await page.waitForFunction(() => document.querySelector<HTMLButtonElement>('button[type="submit"]')?.disabled === false);
      api.answerDialogs = 'dismiss';
      await page.getByRole('menuitem', { name: 'Home', exact: true }).click();
      await settle(page);
      for (let i = 0; i < 50 && api.dialogs.length === 0; i++) await page.waitForTimeout(100);
      expect({ dialogs: api.dialogs.length, url: page.url() }).toEqual({ dialogs: 1, url: expect.stringContaining(`#/organisations/${org.id}`) });
      expect(api.dialogs[0]).toBe('You have unsaved changes on this page. Leave it and lose them?');
      expect(page.url()).toContain(`#/organisations/${org.id}`);
      expect(await field(page, 'Name').inputValue()).toBe(`Renamed ${code}`);
      await screenshot(page, 'unsaved', 'stayed');

      api.answerDialogs = 'accept';
      await page.getByRole('menuitem', { name: 'Home', exact: true }).click();
      await page.getByTestId('welcome-card').waitFor();
      expect(api.dialogs).toHaveLength(2);
      expect((await apiGet<Organisation>(harness, token, `/api/organisations/${org.id}`)).name).toBe(`Unsaved Works ${code}`);
      expect(api.failures).toEqual([]);
      expect(api.console).toEqual([]);
    });
  });
});
