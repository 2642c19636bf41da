import { readFileSync } from 'node:fs';
import { PDFParse } from 'pdf-parse';
import { formatFigure } from '../../apps/worker/src/benchmark-reports/render-report';
import type { Page } from 'playwright-core';
import type { BenchmarkCell, BenchmarkRun, BenchmarkStanding, MetricDefinition, PeerGroup, Period } from '@tandem/contracts';
import { DEMO_PASSWORD } from '../../prisma/seed/demo-accounts';
import { apiLogin, inFreshPage, screenshot, signIn, type ApiLog, type Harness } from './support/harness';
import { settle } from './support/network';
import { waitForList } from './support/console';
import { Api, startPerformanceHarness } from './support/performance';

// Recomputes run in the worker, beside other suites on a shared machine.
jest.setTimeout(180_000);

const SUPPLIER = 'supplier.admin@acme-castings.demo';
const STAFF = 'staff.admin@glmp.demo';
const BUYER = 'buyer@northstar-engines.demo';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

let harness: Harness;

beforeAll(async () => {
  harness = await startPerformanceHarness();
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

async function as(email: string): Promise<Api> {
  return new Api(harness, await apiLogin(harness, email, DEMO_PASSWORD));
}

async function latestPublished(api: Api): Promise<Period> {
  // with benchmarks released: other suites publish periods of their own that nobody reported in
  const [period] = await api.get<Period[]>(`/api/periods?filter=${encodeURIComponent('{"state":"published","benchmarked":true}')}&sort=${encodeURIComponent('["startsOn","DESC"]')}&range=${encodeURIComponent('[0,0]')}`);
  if (!period) throw new Error('the demo seed has no published period');
  return period;
}

async function groupOfKind(api: Api, kind: string): Promise<PeerGroup> {
  const [group] = await api.list<PeerGroup>('peer-groups', { kind });
  if (!group) throw new Error(`no ${kind} peer group`);
  return group;
}

/** Nothing wider than the screen: a phone user never scrolls sideways. */
async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** The same page at 390 × 844 (screenshot, no sideways scrolling), then back to the desktop. */
async function onPhone(page: Page, journey: string, step: string): Promise<void> {
  await page.setViewportSize(PHONE);
  await settle(page);
  await page.waitForTimeout(300);
  await screenshot(page, journey, `${step}-390`);
  expect({ step, overflow: await horizontalOverflow(page) }).toEqual({ step, overflow: 0 });
  await page.setViewportSize(DESKTOP);
  await settle(page);
}

function expectClean(api: ApiLog, allowed: RegExp[] = []): void {
  expect(api.failures.filter((f) => !allowed.some((a) => a.test(`${f.status} ${f.method} ${f.url}`)))).toEqual([]);
  expect(api.console).toEqual([]);
}

describe('benchmarks in the console', () => {
  test('1. a supplier opens its standing from the home page, switches peer group and reads why a withheld group is withheld', () =>
    inFreshPage(harness, 'benchmarks-supplier', async (page, log) => {
      const api = await as(SUPPLIER);
      const period = await latestPublished(api);
      const consortium = await groupOfKind(api, 'consortium');
      const groups = new Map((await api.list<PeerGroup>('peer-groups')).map((g) => [g.id, g]));
      const metrics = new Map((await api.list<MetricDefinition>('metric-definitions')).map((m) => [m.id, m]));
      const own = await api.list<BenchmarkStanding>('standings', { periodId: period.id, peerGroupId: consortium.id });
      expect(own.length).toBeGreaterThan(0);

      await page.setViewportSize(DESKTOP);
      await signIn(page, SUPPLIER, DEMO_PASSWORD);
      const card = page.getByTestId('home-benchmark-standing');
      await card.getByTestId('home-benchmark-metric').first().waitFor();
      await settle(page);
      await screenshot(page, 'benchmarks-supplier', 'home');
      await expect(card.locator('h2').innerText()).resolves.toContain(period.code);
      // One line per metric the firm has a position for in the whole consortium, each with the API's quartile.
      const shown = await card.getByTestId('home-benchmark-metric').evaluateAll((rows) =>
        rows.map((r) => ({ metric: r.getAttribute('data-metric'), quartile: r.querySelector('[data-quartile]')?.getAttribute('data-quartile') })),
      );
      const expected = own.map((s) => ({ metric: metrics.get(s.metricId)?.code ?? null, quartile: s.quartile === null ? 'withheld' : String(s.quartile) }));
      const byMetric = (a: { metric: string | null }, b: { metric: string | null }) => (a.metric ?? '').localeCompare(b.metric ?? '');
      expect([...shown].sort(byMetric)).toEqual([...expected].sort(byMetric));

      // The metric whose groups include one withheld from the firm (the demo's region is, by difference).
      const all = await api.list<BenchmarkStanding>('standings', { periodId: period.id });
      const withheld = all.find((s) => s.suppressed && own.some((o) => o.metricId === s.metricId));
      if (!withheld) throw new Error(`no withheld group among the firm's standings of ${period.code}`);
      const metric = metrics.get(withheld.metricId) as MetricDefinition;
      await card.locator(`[data-metric="${metric.code}"] a`).click();
      await page.getByTestId('standing-page').waitFor();
      await page.locator('[data-testid="distribution-chart"], [data-testid="standing-quantiles-withheld"], [data-testid="standing-withheld"]').first().waitFor();
      await settle(page);
      await screenshot(page, 'benchmarks-supplier', 'standing-consortium');
      const start = own.find((s) => s.metricId === metric.id) as BenchmarkStanding;
      expect(page.url()).toContain(`#/standings/${start.id}/show`);
      await expect(page.getByTestId('standing-metric').innerText()).resolves.toContain(metric.code);

      // The chooser lists every group the firm is in for this metric, as the API has them.
      const siblings = all.filter((s) => s.metricId === metric.id);
      const choices = page.getByTestId('group-choice');
      expect((await choices.evaluateAll((els) => els.map((e) => e.getAttribute('data-group')))).sort()).toEqual(siblings.map((s) => groups.get(s.peerGroupId)?.name).sort());

      // Another group that is shown: the page follows it.
      const other = siblings.find((s) => !s.suppressed && s.peerGroupId !== consortium.id);
      if (other) {
        await page.locator(`[data-testid="group-choice"][data-group="${groups.get(other.peerGroupId)?.name}"]`).click();
        await page.waitForURL(new RegExp(`#/standings/${other.id}/show`));
        // the chart, or (a small group) the note saying which quantiles are withheld from this firm
        await page.locator('[data-testid="distribution-chart"], [data-testid="standing-quantiles-withheld"]').first().waitFor();
        await settle(page);
        await screenshot(page, 'benchmarks-supplier', 'standing-other-group');
      }

      // The withheld group: its reason, the firm's own value, no rank and no chart.
      const name = groups.get(withheld.peerGroupId)?.name as string;
      const choice = page.locator(`[data-testid="group-choice"][data-group="${name}"]`);
      await expect(choice.getByTestId('group-choice-state').innerText()).resolves.toContain(withheld.reason as string);
      await choice.click();
      await page.waitForURL(new RegExp(`#/standings/${withheld.id}/show`));
      await page.getByTestId('standing-withheld').waitFor();
      await settle(page);
      await screenshot(page, 'benchmarks-supplier', 'standing-withheld');
      await expect(page.getByTestId('standing-withheld').innerText()).resolves.toContain(withheld.reason as string);
      expect(await page.getByTestId('distribution-chart').count()).toBe(0);
      await expect(page.getByTestId('standing-percentile').innerText()).resolves.toContain('—');
      await onPhone(page, 'benchmarks-supplier', 'standing-withheld');

      // The period's PDF: the worker builds it (the button follows its progress), then it downloads;
      // its text carries the firm's own value of the metric, as the report prints figures.
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByTestId('report-download').click()]);
      const file = await download.path();
      const parser = new PDFParse({ data: new Uint8Array(readFileSync(file)) });
      const text = await parser.getText().then((r) => r.text).finally(() => parser.destroy());
      expect(text).toContain(metric.code);
      expect(text).toContain(`your value ${formatFigure(start.value)}`);
      await screenshot(page, 'benchmarks-supplier', 'report-downloaded');
      expectClean(log);
    }));

  test('2. staff open the explorer, start a recompute of the period shown and watch it reach completed', () =>
    inFreshPage(harness, 'benchmarks-staff', async (page, log) => {
      const api = await as(STAFF);
      await page.setViewportSize(DESKTOP);
      await signIn(page, STAFF, DEMO_PASSWORD);
      await page.getByRole('menuitem', { name: 'Benchmarks', exact: true }).click();
      await page.waitForURL(/#\/benchmark-cells/);
      await waitForList(page);
      // The explorer opens on the latest period with benchmarks (closed or published).
      const [latest] = await api.get<Period[]>(
        `/api/periods?filter=${encodeURIComponent('{"state":["closed","published"],"computed":true}')}&sort=${encodeURIComponent('["startsOn","DESC"]')}&range=${encodeURIComponent('[0,0]')}`,
      );
      if (!latest) throw new Error('no closed period');
      const button = page.getByTestId('recompute-start');
      await expect(button.innerText()).resolves.toMatch(new RegExp(`Recompute ${latest.code}`, 'i'));
      await expect(page.locator('.RaList-main tbody tr').first().innerText()).resolves.toContain(latest.code);
      // Staff read the exclusions and the reason a withheld cell is withheld, figures included.
      const cells = await api.list<BenchmarkCell>('benchmark-cells', { periodId: latest.id });
      const reasons = new Set(cells.filter((c) => c.suppressed).map((c) => c.reason));
      const shownReasons = await page.getByTestId('cell-reason').allInnerTexts();
      expect(shownReasons.length).toBeGreaterThan(0);
      for (const reason of shownReasons) expect(reasons.has(reason.trim())).toBe(true);
      await screenshot(page, 'benchmarks-staff', 'explorer');

      const posted = page.waitForResponse((r) => r.url().endsWith('/api/benchmark-runs') && r.request().method() === 'POST');
      await button.click();
      const run = (await (await posted).json()) as BenchmarkRun;
      expect(run.periodId).toBe(latest.id);
      const progress = page.getByTestId('recompute-progress');
      await progress.waitFor();
      await screenshot(page, 'benchmarks-staff', 'recompute-started');
      // The bar follows GET /api/benchmark-runs/:id until the worker has finished.
      const seen = new Set<string>();
      const until = Date.now() + 150_000;
      for (;;) {
        const state = await progress.getAttribute('data-state');
        if (state) seen.add(state);
        if (state === 'completed' || state === 'failed' || Date.now() > until) break;
        await page.waitForTimeout(100);
      }
      expect(seen.has('completed')).toBe(true);
      await expect(progress.getAttribute('data-progress')).resolves.toBe('100');
      const done = await api.get<BenchmarkRun>(`/api/benchmark-runs/${run.id}`);
      expect(done.state).toBe('completed');
      await expect(page.getByTestId('recompute-progress-text').innerText()).resolves.toContain(`${done.cells.toLocaleString('en-US')} cells`);
      await settle(page);
      await screenshot(page, 'benchmarks-staff', 'recompute-completed');
      await onPhone(page, 'benchmarks-staff', 'explorer');
      expectClean(log);
    }));

  test('3. the buyer reads its supply base against the consortium from its home page, each withheld figure with its reason', () =>
    inFreshPage(harness, 'benchmarks-buyer', async (page, log) => {
      const api = await as(BUYER);
      const period = await latestPublished(api);
      const supplyBase = await groupOfKind(api, 'supply_base');
      const consortium = await groupOfKind(api, 'consortium');
      const metrics = new Map((await api.list<MetricDefinition>('metric-definitions', { enabled: true })).map((m) => [m.id, m]));
      const sbCells = await api.list<BenchmarkCell>('benchmark-cells', { periodId: period.id, peerGroupId: supplyBase.id });
      const allCells = await api.list<BenchmarkCell>('benchmark-cells', { periodId: period.id, peerGroupId: consortium.id });

      await page.setViewportSize(DESKTOP);
      await signIn(page, BUYER, DEMO_PASSWORD);
      const card = page.getByTestId('home-supply-base');
      await card.getByTestId('home-supply-base-metric').first().waitFor();
      await settle(page);
      await screenshot(page, 'benchmarks-buyer', 'home');
      await card.getByTestId('home-supply-base-link').click();
      await page.waitForURL(/#\/supply-base/);
      await page.getByTestId('supply-base-table').waitFor();
      await settle(page);
      await screenshot(page, 'benchmarks-buyer', 'supply-base');

      const codes = [...new Set([...sbCells, ...allCells].map((c) => metrics.get(c.metricId)?.code))].filter(Boolean).sort();
      const rows = page.getByTestId('supply-base-metric');
      expect((await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-metric')))).sort()).toEqual(codes);
      // Each supply-base cell: its median where shown, else the API's reason and no number.
      for (const cell of sbCells) {
        const code = metrics.get(cell.metricId)?.code as string;
        const supplyBaseColumn = page.locator(`[data-testid="supply-base-metric"][data-metric="${code}"] td`).nth(1);
        const text = await supplyBaseColumn.innerText();
        if (cell.suppressed) {
          expect({ code, text }).toEqual({ code, text: expect.stringContaining(cell.reason as string) });
          expect({ code, digits: /\d/.test(text.replace(/fewer than \d+ peers/, '')) }).toEqual({ code, digits: false });
        } else expect({ code, text }).toEqual({ code, text: expect.stringContaining(cell.median === null ? 'median withheld' : 'median') });
      }
      // The suppliers' scorecards sit under it.
      await page.getByTestId('home-standings').waitFor();
      await onPhone(page, 'benchmarks-buyer', 'supply-base');
      expectClean(log);
    }));
});
