import type { Page } from 'playwright-core';
import { ROLE_PERMISSIONS, type Period, type Role } from '@tandem/contracts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../prisma/seed/demo-accounts';
import { menuFor } from '../../apps/console/src/resources/menu';
import { apiGet, apiLogin, inFreshPage, screenshot, useHarness } from './support/harness';
import { organisationNamed, sendInvitation } from './support/invitations';
import { settle } from './support/network';
import { waitForList } from './support/console';

// Every list of a menu, one after the other, on a shared and busy machine.
jest.setTimeout(240_000);

const harness = useHarness();

const PHONE = { width: 390, height: 844 };
const STAFF = 'staff.admin@glmp.demo';
const FIRM_ADMIN = 'supplier.admin@acme-castings.demo';

async function post(path: string, body: unknown, token: string): Promise<void> {
  const response = await fetch(`${harness().apiUrl}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path} failed: ${response.status} ${await response.text()}`);
}

// The seed leaves some lists empty (invitations, API keys, the outbox, audit events, background
// work): give each a row, so its phone layout is seen rather than its empty state.
beforeAll(async () => {
  const staff = await apiLogin(harness(), STAFF, DEMO_PASSWORD);
  const acme = await organisationNamed(harness(), staff, 'Acme Castings');
  await sendInvitation(harness(), { email: STAFF, password: DEMO_PASSWORD }, { email: `phone.lists.${Date.now()}@acme-castings.demo`, name: 'Phone Lists', role: 'firm_contributor', organisationId: acme.id });
  await post('/api/api-keys', { name: `Phone lists ${Date.now()}`, organisationId: acme.id }, await apiLogin(harness(), FIRM_ADMIN, DEMO_PASSWORD));
  const [closed] = await apiGet<Period[]>(harness(), staff, `/api/periods?filter=${encodeURIComponent('{"state":"closed"}')}`);
  if (closed) await post('/api/scorecards/recompute', { periodId: closed.id }, staff);
}, 60_000);

/**
 * Rows that open no page of their own: role assignments change in place; a benchmark cell, a
 * peer group and a recompute are read in their lists (a standing opens its metric's page).
 */
const NO_RECORD_PAGE = new Set<string>(['role-assignments', 'benchmark-cells', 'peer-groups', 'benchmark-runs']);

/** Rows that open another page than the record's show page: an answer about a customer opens its form while the period collects, else nothing. */
const ROW_LINK: Record<string, RegExp> = { 'customer-feedback': /^#\/customer-feedback\/[^/]+$/ };

/**
 * Pages of figures, not lists of records (their own content, checked to fit the screen):
 * sharing (a row per customer with a box per category), talent circulation, reciprocity,
 * training figures.
 */
const FIGURE_PAGES: Record<string, string> = {
  'sharing-settings': '[data-testid="sharing-settings"]',
  'talent-circulation': '[data-testid="circulation-consortium"], [data-testid="circulation-withheld"], [data-testid="circulation-firm"]',
  reciprocity: '[data-testid^="keep-rate-"]',
  'training-figures': '[data-testid="training-consortium"], [data-testid="training-withheld"]',
};

function roleOf(email: string): Role {
  const found = DEMO_ACCOUNTS.find((a) => a.email === email);
  if (!found) throw new Error(`no demo account ${email}`);
  return found.role;
}

/** A menu entry as a phone user reaches it: through the drawer the app bar opens (and a click closes). */
async function openFromMenu(page: Page, label: string): Promise<void> {
  const item = page.getByRole('menuitem', { name: label, exact: true });
  if (!(await item.isVisible())) await page.getByRole('button', { name: 'Open menu' }).click();
  await item.click();
  await page.locator('.MuiDrawer-modal').waitFor({ state: 'detached' });
}

/**
 * Sign in at phone size, as a phone user does. The harness's signIn waits for the menu, which
 * on a phone is a drawer that stays closed (unmounted) until asked for: here the session badge says it.
 */
async function signInOnPhone(page: Page, email: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('session-badge').waitFor();
  await settle(page);
}

/** Nothing wider than the screen: a phone user never scrolls sideways. */
async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * At 390 × 844, every list in the person's menu lays out as one block per record (react-admin's
 * SimpleList, no table), fits the screen, opens a record from its row as the table does, and
 * leaves the browser console clean.
 */
function everyListFitsAPhone(email: string) {
  const role = roleOf(email);
  const journey = `phone-lists-${role}`;
  return inFreshPage(harness(), journey, async (page, api) => {
    await page.setViewportSize(PHONE);
    await signInOnPhone(page, email);
    for (const { resource, label } of menuFor(role, ROLE_PERMISSIONS[role]).flatMap((g) => g.items)) {
      await openFromMenu(page, label);
      await page.waitForURL(new RegExp(`#/${resource}(\\?|$)`));
      const figures = FIGURE_PAGES[resource];
      if (figures) {
        await page.locator(figures).first().waitFor();
        await settle(page);
        await screenshot(page, journey, resource);
        expect({ resource, overflow: await horizontalOverflow(page) }).toEqual({ resource, overflow: 0 });
        expect({ resource, console: api.console }).toEqual({ resource, console: [] });
        continue;
      }
      await waitForList(page);
      await screenshot(page, journey, resource);

      const main = page.locator('.RaList-main');
      const empty = (await page.locator('.RaList-noResults, .RaEmpty-message, [data-testid="list-empty"]').count()) > 0;
      const shown = {
        resource,
        simpleList: empty ? 'empty' : await main.getByTestId('phone-list').count(),
        tables: await main.locator('table').count(),
        overflow: await horizontalOverflow(page),
      };
      expect(shown).toEqual({ resource, simpleList: empty ? 'empty' : 1, tables: 0, overflow: 0 });

      if (!empty) {
        const rows = main.locator('[data-testid="phone-list"] > li');
        expect({ resource, rows: (await rows.count()) > 0 }).toEqual({ resource, rows: true });
        // The row opens the record's page, as the table's row does; or, where the table's row opens nothing, is no link.
        const links = rows.first().locator('a.MuiListItemButton-root');
        const link = (await links.count()) > 0 ? await links.first().getAttribute('href') : null;
        const own = ROW_LINK[resource];
        const expected = NO_RECORD_PAGE.has(resource) ? null : expect.stringMatching(own ?? new RegExp(`^#/${resource}/[^/]+/show$`));
        if (own && link === null) {
          // a row that opens nothing now (its period no longer collects) is no link: right too
        } else {
          expect({ resource, link }).toEqual({ resource, link: expected });
        }
        // The row says something (a list of blank rows would fit too).
        const firstText = (await rows.first().innerText()).trim();
        expect({ resource, text: firstText.length > 0 }).toEqual({ resource, text: true });
      }
      expect({ resource, errors: await page.locator('.RaNotification-error').allInnerTexts() }).toEqual({ resource, errors: [] });
      expect({ resource, failures: api.failures }).toEqual({ resource, failures: [] });
      expect({ resource, console: api.console }).toEqual({ resource, console: [] });
    }
  });
}

describe('lists on a phone (390 × 844)', () => {
  test('1. staff open every list of their menu and each reads as a simple list that fits the screen', () => everyListFitsAPhone(STAFF));

  test("2. a firm admin opens every list of its menu (its firm's records) and each fits the screen", () => everyListFitsAPhone(FIRM_ADMIN));
});
