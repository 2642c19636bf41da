import type { Page } from 'playwright-core';
import type { MetricDefinition, MetricValue, Organisation, Scorecard } from '@tandem/contracts';
import { DEMO_PASSWORD } from '../../prisma/seed/demo-accounts';
import { notified, waitForList } from './support/console';
import { apiGet, apiLogin, inFreshPage, screenshot, signIn, useHarness } from './support/harness';
import { invitedPerson, organisationNamed } from './support/invitations';
import { settle } from './support/network';

jest.setTimeout(180_000);

const harness = useHarness();

const STAFF = 'staff.admin@glmp.demo';
const BUYER = 'buyer@northstar-engines.demo';
const JOURNEY = 'sharing';

/**
 * Pewaukee Precision Machine sells to Northstar Engines. Its firm admin (invited here, so that no
 * other journey's supplier changes what Northstar sees) stops sharing quality with Northstar
 * on the Sharing page, and Northstar's buyer no longer finds Pewaukee's own PPM figures (not Menomonee, whose setting the sharing API test changes at the same time).
 */
describe('a supplier decides what a customer sees of its own figures', () => {
  const adminEmail = `sharing.${Date.now()}@pewaukee-precision.demo`;
  const adminPassword = 'sharing-journey-2026';
  let supplier: Organisation;
  let ppm: MetricDefinition;
  let otd: MetricDefinition;

  beforeAll(async () => {
    const staff = await apiLogin(harness(), STAFF, DEMO_PASSWORD);
    supplier = await organisationNamed(harness(), staff, 'Pewaukee Precision Machine');
    await invitedPerson(harness(), { email: STAFF, password: DEMO_PASSWORD }, { email: adminEmail, name: 'Mara Sharing', role: 'firm_admin', organisationId: supplier.id }, adminPassword);
    // the standard catalogue: other suites add metrics of their own to the demo consortium
    const metrics = await apiGet<MetricDefinition[]>(harness(), staff, `/api/metric-definitions?filter=${encodeURIComponent('{"standard":true}')}&range=${encodeURIComponent('[0,99]')}`);
    ppm = metrics.find((m) => m.code === 'PPM') as MetricDefinition;
    otd = metrics.find((m) => m.code === 'OTD') as MetricDefinition;
  }, 60_000);

  /** The buyer's list of the supplier's own values of one metric, as the console shows it. */
  async function buyerSees(page: Page, metric: MetricDefinition, step: string): Promise<string[]> {
    const filter = { organisationId: supplier.id, metricId: metric.id, customerReported: false };
    await page.goto(`${harness().baseUrl}/#/metric-values?filter=${encodeURIComponent(JSON.stringify(filter))}`);
    await waitForList(page);
    await screenshot(page, JOURNEY, step);
    return page.locator('.RaList-main tbody tr').allInnerTexts();
  }

  it('the buyer reads the supplier’s own PPM figures while quality is shared by default', async () => {
    const token = await apiLogin(harness(), BUYER, DEMO_PASSWORD);
    const filter = encodeURIComponent(JSON.stringify({ organisationId: supplier.id, metricId: ppm.id, customerReported: false }));
    expect((await apiGet<MetricValue[]>(harness(), token, `/api/metric-values?filter=${filter}`)).length).toBeGreaterThan(0);
    await inFreshPage(harness(), JOURNEY, async (page, api) => {
      await signIn(page, BUYER, DEMO_PASSWORD);
      const rows = await buyerSees(page, ppm, '1-buyer-ppm-shared');
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.includes('Pewaukee Precision Machine') && r.includes('PPM'))).toBe(true);
      expect(api.failures).toEqual([]);
    });
  });

  it('the firm admin sees the default per customer and unticks quality for Northstar; the choice is saved at once', async () => {
    await inFreshPage(harness(), JOURNEY, async (page, api) => {
      await signIn(page, adminEmail, adminPassword);
      await page.getByRole('menuitem', { name: 'Sharing with customers', exact: true }).click();
      const northstar = page.locator('[data-testid="sharing-row"][data-customer="Northstar Engines"]');
      await northstar.waitFor();
      await settle(page);
      // every customer of the firm has a row; without a choice, the default: delivery and quality
      expect(await page.locator('[data-testid="sharing-row"]').count()).toBe(2);
      await northstar.getByTestId('sharing-default').waitFor();
      const box = (category: string, customer = 'Northstar Engines') => page.getByLabel(`${category} for ${customer}`, { exact: true });
      expect(await Promise.all(['Delivery', 'Quality', 'Cost', 'Productivity', 'Safety', 'Workforce'].map((c) => box(c).isChecked()))).toEqual([true, true, false, false, false, false]);
      await screenshot(page, JOURNEY, '2-admin-default');

      // a click saves at once (the box waits, disabled, for the answer): no form to submit
      await box('Quality').click();
      await notified(page, 'Northstar Engines now sees delivery');
      await northstar.getByText('Your choice').waitFor();
      await settle(page);
      expect(await box('Quality').isChecked()).toBe(false);
      expect(await box('Delivery').isChecked()).toBe(true);
      // the other customer keeps the default
      expect(await box('Quality', 'Lakeview Power Equipment').isChecked()).toBe(true);
      await screenshot(page, JOURNEY, '3-admin-quality-unticked');
      expect(api.failures).toEqual([]);
      expect(api.console).toEqual([]);
    });
  });

  it('the buyer no longer finds the supplier’s own PPM figures, and still its OTD ones', async () => {
    await inFreshPage(harness(), JOURNEY, async (page, api) => {
      await signIn(page, BUYER, DEMO_PASSWORD);
      expect(await buyerSees(page, ppm, '4-buyer-ppm-withheld')).toEqual([]);
      await page.getByText('No Metric values found using the current filters.').waitFor();
      const delivery = await buyerSees(page, otd, '5-buyer-otd-still-shared');
      expect(delivery.length).toBeGreaterThan(0);
      expect(api.failures).toEqual([]);
    });
  });

  it('with delivery unticked too, the buyer’s scorecard of the supplier withholds the lines and the score computed over them', async () => {
    const admin = await apiLogin(harness(), adminEmail, adminPassword);
    const [setting] = await apiGet<{ id: string }[]>(harness(), admin, '/api/sharing-settings');
    const put = await fetch(`${harness().apiUrl}/api/sharing-settings/${setting?.id}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${admin}` },
      body: JSON.stringify({ categories: [] }),
    });
    expect(put.status).toBe(200);
    const buyer = await apiLogin(harness(), BUYER, DEMO_PASSWORD);
    const filter = encodeURIComponent(JSON.stringify({ supplierId: supplier.id }));
    const [card] = await apiGet<Scorecard[]>(harness(), buyer, `/api/scorecards?filter=${filter}&sort=${encodeURIComponent('["computedAt","DESC"]')}`);
    expect(card?.withheld).toContain('delivery');
    await inFreshPage(harness(), JOURNEY, async (page, api) => {
      await signIn(page, BUYER, DEMO_PASSWORD);
      await page.goto(`${harness().baseUrl}/#/scorecards/${card?.id}/show`);
      await page.getByTestId('scorecard-withheld').waitFor();
      await settle(page);
      expect(await page.getByTestId('scorecard-score').innerText()).toBe('—');
      expect(await page.getByText('Not shared with your firm').count()).toBeGreaterThan(0);
      await screenshot(page, JOURNEY, '6-buyer-scorecard-withheld');
      expect(api.failures).toEqual([]);
    });
  });

  it('back to the default: quality is shared again', async () => {
    await inFreshPage(harness(), JOURNEY, async (page, api) => {
      await signIn(page, adminEmail, adminPassword);
      await page.goto(`${harness().baseUrl}/#/sharing-settings`);
      const northstar = page.locator('[data-testid="sharing-row"][data-customer="Northstar Engines"]');
      await northstar.getByRole('button', { name: 'Back to default' }).click();
      await northstar.getByTestId('sharing-default').waitFor();
      await settle(page);
      expect(await page.getByLabel('Quality for Northstar Engines', { exact: true }).isChecked()).toBe(true);
      expect(api.failures).toEqual([]);
    });
    const token = await apiLogin(harness(), BUYER, DEMO_PASSWORD);
    const filter = encodeURIComponent(JSON.stringify({ organisationId: supplier.id, metricId: ppm.id, customerReported: false }));
    expect((await apiGet<MetricValue[]>(harness(), token, `/api/metric-values?filter=${filter}`)).length).toBeGreaterThan(0);
  });
});
