import type { Page } from 'playwright-core';
import type { TrainingFigures, TrainingPlan } from '@tandem/contracts';
import { DEMO_PASSWORD } from '../../prisma/seed/demo-accounts';
import { field, notified, waitForList } from './support/console';
import { apiGet, apiLogin, inFreshPage, screenshot, signIn, useHarness } from './support/harness';
import { settle } from './support/network';

jest.setTimeout(240_000);

const harness = useHarness();

const FIRM_ADMIN = 'supplier.admin@acme-castings.demo';
const UNION = 'union@glmp.demo';
const STAFF = 'staff.admin@glmp.demo';
const JOURNEY = 'training-plans';

/**
 * Co-governance in the console: Acme Castings' firm admin drafts and submits next year's
 * training plan; the union representative of USW Local 1343 finds it on its home page and
 * returns it with a comment; the firm admin edits it, submits it again and approves it; the
 * union approves the resubmission, and the plan is approved. Staff read it and decide nothing.
 */
describe('a firm admin submits a plan and the union representative returns it, then approves the resubmission', () => {
  const year = new Date().getUTCFullYear() + 1;
  let planId = '';
  const comment = 'Nothing is planned for the night shift: add maintenance for the second crew, please.';

  async function openPlan(page: Page): Promise<void> {
    await page.goto(`${harness().baseUrl}/#/training-plans/${planId}/show`);
    await page.getByTestId('plan-history').waitFor();
    await settle(page);
  }
  const buttons = async (page: Page): Promise<string[]> => (await page.getByTestId('plan-decisions').locator('button, a').allTextContents()).map((s) => s.trim()).filter(Boolean);

  it('1. the firm admin drafts the plan and submits it: it awaits the firm admin and the union', async () => {
    await inFreshPage(harness(), JOURNEY, async (page, api) => {
      await signIn(page, FIRM_ADMIN, DEMO_PASSWORD);
      await page.getByRole('menuitem', { name: 'Training plans', exact: true }).click();
      await waitForList(page);
      await screenshot(page, JOURNEY, '1-firm-list');
      await page.getByRole('link', { name: 'Draft a plan' }).click();
      await field(page, 'Year').fill(String(year));
      const skills = field(page, 'Skill areas');
      for (const s of ['setup reduction', 'maintenance']) {
        await skills.fill(s);
        await skills.press('Enter');
      }
      await field(page, 'Frontline workers').fill('96');
      await field(page, 'Training hours (all workers)').fill('2304');
      await field(page, 'Budget (USD)').fill('125000');
      const providers = field(page, 'Providers');
      await providers.fill('Lakeshore Technical College');
      await providers.press('Enter');
      await screenshot(page, JOURNEY, '2-firm-draft');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByTestId('plan-history').waitFor();
      await settle(page);
      planId = /#\/training-plans\/([^/]+)\/show/.exec(page.url())?.[1] ?? '';
      expect(planId).not.toBe('');
      expect(await page.getByTestId('plan-hours-per-worker').innerText()).toBe('24');
      expect(await buttons(page)).toEqual(['Edit', 'Submit for approval']);

      await page.getByRole('button', { name: 'Submit for approval' }).click();
      await notified(page, 'Plan submitted for approval');
      await page.getByTestId('plan-awaiting').waitFor();
      expect(await page.getByTestId('plan-awaiting').innerText()).toContain('awaits the firm admin and the union');
      await page.getByTestId('plan-event-submitted').waitFor();
      await settle(page);
      expect(await buttons(page)).toEqual(['Approve', 'Return with a comment']);
      await screenshot(page, JOURNEY, '3-firm-submitted');
      expect(api.failures).toEqual([]);
      expect(api.console).toEqual([]);
    });
  });

  it('2. the union representative finds it on its home page and returns it with a comment', async () => {
    await inFreshPage(harness(), JOURNEY, async (page, api) => {
      await signIn(page, UNION, DEMO_PASSWORD);
      const awaiting = page.getByTestId('home-plans-awaiting');
      await awaiting.getByText(`Acme Castings · ${year}`).waitFor();
      await page.getByTestId('home-represented-firms').getByText('Menomonee Gray Iron').waitFor();
      await settle(page);
      await screenshot(page, JOURNEY, '4-union-home');
      // the represented firms' training of this year, as the API counts it at this moment: hours, sessions, enrolments; never payroll or a metric value
      const figures = await apiGet<TrainingFigures>(harness(), await apiLogin(harness(), UNION, DEMO_PASSWORD), `/api/training-figures?year=${new Date().getFullYear()}`);
      const card = page.getByTestId('home-training-figures');
      await card.scrollIntoViewIfNeeded();
      expect(await card.getByTestId('home-training-firm').count()).toBe(figures.firms.length);
      expect(await card.getByTestId('home-training-figures-figure').textContent()).toBe(Math.round(figures.firms.reduce((s, f) => s + f.hours, 0)).toLocaleString('en-US'));
      expect(figures.firms.every((f) => f.payroll === null && f.spendPctOfPayroll === null && f.hoursPerFrontlineWorker === null)).toBe(true);
      expect(await card.textContent()).not.toMatch(/payroll/i);
      await screenshot(page, JOURNEY, '4b-union-training-figures');
      // the page behind the card: the represented firms without payroll columns, and the consortium's totals or why they are withheld
      await card.getByRole('link', { name: 'Training figures' }).click();
      await page.locator('[data-testid="training-consortium"], [data-testid="training-withheld"]').first().waitFor();
      expect(await page.getByTestId('training-firm').count()).toBe(figures.firms.length);
      expect(await page.getByRole('columnheader', { name: 'Payroll' }).count()).toBe(0);
      await settle(page);
      await screenshot(page, JOURNEY, '4c-union-training-figures-page');
      await page.goBack();
      await awaiting.getByRole('link', { name: `Acme Castings · ${year}` }).click();
      await page.getByTestId('plan-history').waitFor();
      await settle(page);
      // the union decides for its side; it never edits the firm's plan
      expect(await buttons(page)).toEqual(['Approve', 'Return with a comment']);

      await page.getByRole('button', { name: 'Return with a comment' }).click();
      const dialog = page.getByRole('dialog');
      // a return says why
      await dialog.getByRole('button', { name: 'Return the plan' }).click();
      await dialog.getByText('Say why, in at least 3 characters').waitFor();
      await dialog.getByLabel(/Reason/).fill(comment);
      await screenshot(page, JOURNEY, '5-union-return-dialog');
      await dialog.getByRole('button', { name: 'Return the plan' }).click();
      await notified(page, 'Plan returned with your comment');
      await page.getByTestId('plan-event-returned').waitFor();
      await settle(page);
      expect(await page.getByTestId('plan-event-returned').innerText()).toContain(comment);
      expect(await buttons(page)).toEqual([]);
      await screenshot(page, JOURNEY, '6-union-returned');
      expect(api.failures).toEqual([]);
      expect(api.console).toEqual([]);
    });
  });

  it('3. the firm admin reads the comment, edits the plan, submits it again and approves it', async () => {
    await inFreshPage(harness(), JOURNEY, async (page, api) => {
      await signIn(page, FIRM_ADMIN, DEMO_PASSWORD);
      await openPlan(page);
      expect(await page.getByTestId('plan-event-comment').innerText()).toBe(comment);
      expect(await buttons(page)).toEqual(['Edit', 'Submit for approval']);
      await page.getByTestId('plan-decisions').getByRole('link', { name: 'Edit' }).click();
      const skills = field(page, 'Skill areas');
      await skills.waitFor();
      await skills.fill('night-shift maintenance');
      await skills.press('Enter');
      await field(page, 'Training hours (all workers)').fill('2688');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByTestId('plan-history').waitFor();
      await page.getByTestId('plan-event-edited').waitFor();
      await settle(page);
      expect(await page.getByTestId('plan-hours-per-worker').innerText()).toBe('28');

      await page.getByRole('button', { name: 'Submit for approval' }).click();
      await notified(page, 'Plan submitted for approval');
      await page.getByRole('button', { name: 'Approve' }).waitFor();
      await page.getByRole('button', { name: 'Approve' }).click();
      await notified(page, 'You approved the plan');
      await page.getByTestId('plan-awaiting').getByText('awaits the union').waitFor();
      await settle(page);
      expect(await buttons(page)).toEqual(['Return with a comment']);
      await screenshot(page, JOURNEY, '7-firm-resubmitted-approved');
      expect(api.failures).toEqual([]);
      expect(api.console).toEqual([]);
    });
  });

  it('4. the union approves the resubmission: the plan is approved, with its whole history', async () => {
    await inFreshPage(harness(), JOURNEY, async (page, api) => {
      await signIn(page, UNION, DEMO_PASSWORD);
      await openPlan(page);
      await page.getByRole('button', { name: 'Approve' }).click();
      await notified(page, 'You approved the plan');
      await page.getByText('Approved by the firm and the union').waitFor();
      await settle(page);
      expect(await buttons(page)).toEqual([]);
      const events = await page.getByTestId('plan-history').locator('li').allInnerTexts();
      expect(events.map((e) => e.split('\n')[0])).toEqual([
        expect.stringContaining('Daniel Schultz (firm admin) drafted the plan'),
        expect.stringContaining('submitted the plan'),
        expect.stringContaining('Luis Ortega (union representative) returned the plan'),
        expect.stringContaining('edited the plan'),
        expect.stringContaining('submitted the plan'),
        expect.stringContaining('Daniel Schultz (firm admin) approved'),
        expect.stringContaining('Luis Ortega (union representative) approved'),
      ]);
      await screenshot(page, JOURNEY, '8-union-approved');
      expect(api.failures).toEqual([]);
      expect(api.console).toEqual([]);
    });
    const token = await apiLogin(harness(), STAFF, DEMO_PASSWORD);
    const plan = await apiGet<TrainingPlan>(harness(), token, `/api/training-plans/${planId}`);
    expect(plan).toMatchObject({ status: 'approved', hours: 2688, actions: [] });
  });

  it('5. staff read the plan and its history, with no button to decide on either side', async () => {
    await inFreshPage(harness(), JOURNEY, async (page, api) => {
      await signIn(page, STAFF, DEMO_PASSWORD);
      await openPlan(page);
      expect(await buttons(page)).toEqual([]);
      await page.goto(`${harness().baseUrl}/#/training-plans`);
      await waitForList(page);
      await screenshot(page, JOURNEY, '9-staff-list');
      expect(api.failures).toEqual([]);
    });
  });
});
