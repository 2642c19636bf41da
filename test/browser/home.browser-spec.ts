import type { Page } from 'playwright-core';
import { ROLE_PERMISSIONS, type Period, type PeriodCompleteness, type Role } from '@tandem/contracts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../prisma/seed/demo-accounts';
import { menuFor } from '../../apps/console/src/resources/menu';
import { apiGet, apiLogin, inFreshPage, menuLabels, screenshot, signIn, startHarness, type ApiLog, type Harness } from './support/harness';
import { settle } from './support/network';
import { notificationText, waitForList } from './support/console';
import { Api, freshQuarter } from './support/performance';

jest.setTimeout(120_000);

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

const STAFF = 'staff.admin@glmp.demo';
const CONTRIBUTOR = 'contributor@acme-castings.demo';
const BUYER = 'buyer@northstar-engines.demo';
const UNION = 'union@glmp.demo';
const FUNDER = 'funder@wi-workforce.demo';

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

function roleOf(email: string): Role {
  const found = DEMO_ACCOUNTS.find((a) => a.email === email);
  if (!found) throw new Error(`no demo account ${email}`);
  return found.role;
}

/** A list page's total as the API counts it (Content-Range), for comparing with a card. */
async function apiTotal(token: string, resource: string, filter: Record<string, unknown>): Promise<number> {
  const response = await fetch(`${harness.apiUrl}/api/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}&range=${encodeURIComponent('[0,0]')}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new Error(`GET ${resource} failed: ${response.status}`);
  const range = response.headers.get('Content-Range') ?? '';
  return Number(range.split('/')[1]);
}

/** The home page once every card has its figures. */
async function homeReady(page: Page): Promise<void> {
  await page.getByTestId('welcome-card').waitFor();
  await settle(page);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="home-cards"] .MuiLinearProgress-indeterminate').length === 0);
}

/** Nothing wider than the screen: a phone user never scrolls sideways. */
async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Screenshots of the same page at 1440 × 900 and 390 × 844; the phone one must not overflow. */
async function bothSizes(page: Page, journey: string, step: string, { fitsPhone = true } = {}): Promise<void> {
  await page.setViewportSize(DESKTOP);
  await settle(page);
  await screenshot(page, journey, `${step}-1440`);
  await page.setViewportSize(PHONE);
  await settle(page);
  await page.waitForTimeout(300);
  await screenshot(page, journey, `${step}-390`);
  if (fitsPhone) expect({ step, overflow: await horizontalOverflow(page) }).toEqual({ step, overflow: 0 });
  await page.setViewportSize(DESKTOP);
}

function expectClean(api: ApiLog): void {
  expect(api.failures).toEqual([]);
  expect(api.console).toEqual([]);
}

/** The menu entries (besides Home) a role must see, from the same table the console renders. */
function menuOf(email: string): string[] {
  const role = roleOf(email);
  return ['Home', ...menuFor(role, ROLE_PERMISSIONS[role]).flatMap((g) => g.items.map((i) => i.label))];
}

describe('home pages: each role lands on its own work', () => {
  test('1. staff see the validation queue, the late firms, failed imports, plans past due and membership changes, and open the queue from the card', async () => {
    const token = await apiLogin(harness, STAFF, DEMO_PASSWORD);
    const queued = await apiTotal(token, 'metric-values', { status: 'submitted' });
    const [openPeriod] = await apiGet<Period[]>(harness, token, `/api/periods?filter=${encodeURIComponent('{"state":"open"}')}&sort=${encodeURIComponent('["dueOn","ASC"]')}`);
    if (!openPeriod) throw new Error('the seed has no open period');
    const completeness = await apiGet<PeriodCompleteness>(harness, token, `/api/periods/${openPeriod.id}/completeness?limit=1`);

    await inFreshPage(harness, 'home-staff', async (page, api) => {
      await page.setViewportSize(DESKTOP);
      await signIn(page, STAFF, DEMO_PASSWORD);
      await homeReady(page);
      expect(await menuLabels(page)).toEqual(menuOf(STAFF));
      expect(await page.getByTestId('menu-group-Review').innerText()).toMatch(/Validation queue/);
      // Other suites validate and submit while this runs: the card shows the API's count of one of the moments around it.
      const shown = Number((await page.getByTestId('home-validation-queue-figure').innerText()).replace(/,/g, ''));
      const queuedAfter = await apiTotal(token, 'metric-values', { status: 'submitted' });
      if (queued === queuedAfter) expect(shown).toBe(queued);
      else expect(shown).toBeGreaterThanOrEqual(0);
      const lateShown = await page.getByTestId(`home-period-${openPeriod.code}`).innerText();
      const lateAfter = (await apiGet<PeriodCompleteness>(harness, token, `/api/periods/${openPeriod.id}/completeness?limit=1`)).totals.late;
      expect([`${completeness.totals.late} firm`, `${lateAfter} firm`].some((text) => lateShown.includes(text))).toBe(true);
      for (const card of ['home-failed-imports', 'home-plans-past-due', 'home-membership-changes']) await page.getByTestId(card).waitFor();
      // No counters of the whole installation on a staff home page.
      expect(await page.getByTestId('count-users').count()).toBe(0);
      await bothSizes(page, 'home-staff', 'home');

      await page.getByTestId('home-validation-queue-link').click();
      await page.waitForURL(/#\/metric-values\?/);
      await waitForList(page);
      await settle(page);
      // The menu entry and the page share one name.
      await page.locator('#react-admin-title', { hasText: 'Validation queue' }).waitFor();
      expect(decodeURIComponent(page.url())).toContain('"status":"submitted"');
      await bothSizes(page, 'home-staff', 'queue');
      expectClean(api);
    });
  });

  test('2. a contributor sees what is still missing for each open period and opens the entry grid on it from the card', () =>
    inFreshPage(harness, 'home-contributor', async (page, api) => {
      await page.setViewportSize(DESKTOP);
      await signIn(page, CONTRIBUTOR, DEMO_PASSWORD);
      await homeReady(page);
      const labels = await menuLabels(page);
      expect(labels).toEqual(menuOf(CONTRIBUTOR));
      for (const adminList of ['Consortia', 'Memberships', 'Scorecard templates', 'Users', 'Metric catalogue']) expect(labels).not.toContain(adminList);
      for (const card of ['home-periods-due', 'home-rejected', 'home-my-tasks', 'home-standings']) await page.getByTestId(card).waitFor();
      await bothSizes(page, 'home-contributor', 'home');

      const due = page.locator('[data-testid^="home-due-"]').first();
      const code = ((await due.getAttribute('data-testid')) ?? '').replace('home-due-', '');
      await due.getByRole('link').click();
      await page.waitForURL(/#\/metric-values\/create\?periodId=/);
      await page.getByTestId('entry-row-OTD').waitFor();
      await settle(page);
      expect(await page.getByRole('combobox', { name: 'Period' }).inputValue()).toBe(code);
      await bothSizes(page, 'home-contributor', 'entry-grid');

      // A task assigned to the contributor: from the home page to its plan, where they move its status.
      await page.getByRole('menuitem', { name: 'Home' }).click();
      await homeReady(page);
      const task = page.getByTestId('home-my-tasks').getByRole('link').first();
      const title = await task.innerText();
      await task.click();
      await page.waitForURL(/#\/corrective-action-plans\/[^/]+\/show/);
      const tasks = page.getByTestId('plan-tasks');
      await tasks.getByRole('combobox', { name: `Status of ${title}` }).click();
      await page.getByRole('listbox').getByRole('option', { name: 'In progress', exact: true }).click();
      await page.locator('.MuiSnackbar-root', { hasText: 'is updated' }).waitFor();
      await settle(page);
      await screenshot(page, 'home-contributor', 'task-moved');
      expectClean(api);
    }));

  test('3. a buyer sees the latest standing of each supplier with what changed, and the reports it owes', async () => {
    await inFreshPage(harness, 'home-buyer', async (page, api) => {
      await page.setViewportSize(DESKTOP);
      await signIn(page, BUYER, DEMO_PASSWORD);
      await homeReady(page);
      expect(await menuLabels(page)).toEqual(menuOf(BUYER));
      const standings = page.getByTestId('home-standings');
      const first = standings.getByTestId('home-standing').first();
      await first.waitFor();
      expect(await standings.innerText()).toContain('Acme Castings');
      expect(await first.innerText()).toMatch(/score \d/);
      await page.getByTestId('home-reports-owed').waitFor();
      await bothSizes(page, 'home-buyer', 'home');
      await first.getByRole('link').click();
      await page.waitForURL(/#\/scorecards\/[^/]+\/show/);
      await page.getByTestId('scorecard-coverage').waitFor();
      await settle(page);
      await screenshot(page, 'home-buyer', 'scorecard');
      expectClean(api);
    });
  });

  test('4. union and funder read what they will find, no counters of other firms; a link to a page a role cannot use explains itself without a 403', async () => {
    for (const email of [UNION, FUNDER]) {
      const role = roleOf(email);
      await inFreshPage(harness, `home-${role}`, async (page, api) => {
        const dashboardCalls: string[] = [];
        page.on('request', (r) => {
          if (new URL(r.url()).pathname === '/api/dashboard') dashboardCalls.push(r.url());
        });
        await page.setViewportSize(DESKTOP);
        await signIn(page, email, DEMO_PASSWORD);
        await page.getByTestId('home-statement').waitFor();
        await settle(page);
        expect(await menuLabels(page)).toEqual(menuOf(email));
        expect(await page.getByTestId('count-users').count()).toBe(0);
        expect(await page.getByTestId('count-pending-outbox').count()).toBe(0);
        expect(dashboardCalls).toEqual([]);
        await bothSizes(page, `home-${role}`, 'home');

        await page.goto(`${harness.baseUrl}/#/metric-values`);
        await page.getByTestId('access-denied').waitFor();
        await settle(page);
        await screenshot(page, `home-${role}`, 'access-denied');
        expect(api.failures).toEqual([]);
        await page.getByRole('link', { name: 'Go to your home page' }).click();
        await page.getByTestId('home-statement').waitFor();
        expectClean(api);
      });
    }
  });

  test('5. staff work the queue from the home page (the next item opens after each decision) and reopen a closed period from its page, which shows its completeness', async () => {
    const staff = new Api(harness, await apiLogin(harness, STAFF, DEMO_PASSWORD));
    const period = await freshQuarter(staff);
    await staff.post(`/api/periods/${period.id}/close`);

    await inFreshPage(harness, 'staff-work', async (page, api) => {
      await page.setViewportSize(DESKTOP);
      await signIn(page, STAFF, DEMO_PASSWORD);
      await homeReady(page);
      // Remind the firms late for the open period due soonest, from its line on the home page.
      const [late] = await staff.list<Period>('periods', { state: 'open' }).then((all) => all.sort((a, b) => a.dueOn.localeCompare(b.dueOn)));
      if (!late) throw new Error('no open period');
      await page.getByTestId(`remind-late-${late.code}`).click();
      await page.getByRole('button', { name: 'Send reminders' }).click();
      const said = await notificationText(page);
      expect(said).toContain(`reminded of ${late.code}`);
      await settle(page);
      // Every firm it says it reminded has its audited reminder (a firm reminded earlier today by another run is not reminded twice).
      const reminded = Number(/^(\d+) late firm/.exec(said)?.[1] ?? NaN);
      expect(await apiTotal(staff.token, 'audit-events', { action: 'period.late_reminder', entityId: late.id })).toBeGreaterThanOrEqual(reminded);
      await page.getByTestId('home-validation-oldest').getByRole('link').click();
      await page.waitForURL(/#\/metric-values\/[^/]+\/show/);
      const first = page.url();
      await page.getByRole('button', { name: 'Validate' }).waitFor();
      await settle(page);
      await page.getByRole('button', { name: 'Validate' }).click();
      expect(await notificationText(page)).toMatch(/validated/);
      await page.waitForURL((url) => url.toString() !== first && /#\/metric-values\/[^/]+\/show/.test(url.toString()));
      const second = page.url();
      await page.getByRole('button', { name: 'Reject' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(/^Reason/).fill('The figure covers one plant of two');
      await dialog.getByRole('button', { name: 'Reject' }).click();
      await page.waitForURL((url) => url.toString() !== second && /#\/metric-values(\/[^/]+\/show)?/.test(url.toString()));
      await settle(page);
      await screenshot(page, 'staff-work', 'next-in-queue');

      await page.goto(`${harness.baseUrl}/#/periods/${period.id}/show`);
      const completeness = page.getByTestId('period-completeness');
      await completeness.waitFor();
      await settle(page);
      expect(Number((await page.getByTestId('completeness-reporting-firms').innerText()).replace(/,/g, ''))).toBeGreaterThan(0);
      await page.getByRole('button', { name: 'Reopen' }).click();
      const reopen = page.getByRole('dialog');
      await reopen.getByRole('button', { name: 'Reopen' }).click();
      await reopen.getByText('Say why, in at least 3 characters').waitFor();
      await reopen.getByLabel(/^Reason/).fill('Northstar restated its delivery figures after the close');
      await screenshot(page, 'staff-work', 'reopen-dialog');
      await reopen.getByRole('button', { name: 'Reopen' }).click();
      await page.getByTestId('period-reopened').waitFor();
      expect(await page.getByTestId('period-reopened').innerText()).toContain('Northstar restated its delivery figures after the close');
      await settle(page);
      await bothSizes(page, 'staff-work', 'period');
      expectClean(api);
    });
    expect((await staff.get<Period>(`/api/periods/${period.id}`)).state).toBe('open');
  });
});
