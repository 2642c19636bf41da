import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createApp } from '../../../apps/api/src/bootstrap';
import { settle, trackTraffic } from './network';
import { consoleDist, ensureConsoleBuild } from '../../../scripts/console-build';
import { startStaticServer } from '../../../scripts/static-server';

const REPO = path.resolve(__dirname, '../../..');
export const SCREENSHOTS = path.join(REPO, 'test-results/screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** versions.md, Browser tests: Debian's Chromium driven by playwright-core. */
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Harness {
  /** the console's origin; the API answers under <baseUrl>/api */
  baseUrl: string;
  apiUrl: string;
  context: BrowserContext;
  close: () => Promise<void>;
}

/**
 * API in-process (fresh seeded database from the global setup), the built console behind
 * a same-origin proxy, and one Chromium with a fresh profile.
 */
export async function startHarness(): Promise<Harness> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  // The test script builds the console first; run on its own, a journey builds it here.
  ensureConsoleBuild();
  process.env.LOG_LEVEL ??= 'warn';
  // Failed-login counts live in Redis under this prefix, keyed by account and address, and
  // every test talks from 127.0.0.1: an API spec that locks a demo account out on purpose
  // (test/api/auth.e2e-spec.ts) must not lock that account out of a journey running beside it.
  process.env.REDIS_PREFIX = `${process.env.REDIS_PREFIX ?? 'tandem_test'}_browser`;
  const app = await createApp();
  await app.listen(0, '127.0.0.1');
  const apiPort = (app.getHttpServer().address() as AddressInfo).port;
  const web = await startStaticServer(consoleDist, apiPort);

  const profile = mkdtempSync(path.join(os.tmpdir(), 'tandem-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1366, height: 860 },
    locale: 'en-US',
    timezoneId: 'America/Chicago',
  });
  context.setDefaultTimeout(15_000);
  mkdirSync(SCREENSHOTS, { recursive: true });

  return {
    baseUrl: web.url,
    apiUrl: `http://127.0.0.1:${apiPort}`,
    context,
    async close() {
      await context.close().catch(() => undefined);
      await web.close();
      await app.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A clean tab: no session left from another journey (tokens live in localStorage). */
export async function freshPage(harness: Harness): Promise<Page> {
  const page = await harness.context.newPage();
  trackTraffic(page);
  await page.goto(`${harness.baseUrl}/#/login`);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  return page;
}

/** API answers of 400 and above seen by a page, to tell expected refusals from bugs. */
export interface ApiLog {
  failures: { status: number; method: string; url: string }[];
  /** errors and warnings the page wrote to the browser console (React's warnings among them) */
  console: string[];
  /** messages of the browser's own dialogs (confirm, alert), e.g. the warning on leaving a form with unsaved changes */
  dialogs: string[];
  /** how the next dialogs are answered: as a person who means to leave (accept), or one who stays (dismiss) */
  answerDialogs: 'accept' | 'dismiss';
}

/**
 * Run one journey in a fresh tab, recording failed API calls; on failure, keep a screenshot
 * of what the browser showed.
 */
export async function inFreshPage(harness: Harness, journey: string, run: (page: Page, api: ApiLog) => Promise<void>): Promise<void> {
  const page = await freshPage(harness);
  const api: ApiLog = { failures: [], console: [], dialogs: [], answerDialogs: 'accept' };
  page.on('dialog', (dialog) => {
    api.dialogs.push(dialog.message());
    void (api.answerDialogs === 'accept' ? dialog.accept() : dialog.dismiss());
  });
  page.on('console', (message) => {
    // A refused request is logged by the browser itself; those are asserted through `failures`.
    if ((message.type() === 'error' || message.type() === 'warning') && !message.text().startsWith('Failed to load resource')) {
      api.console.push(`${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => api.console.push(`pageerror: ${error.message}`));
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.pathname.startsWith('/api/') && response.status() >= 400) {
      api.failures.push({ status: response.status(), method: response.request().method(), url: `${url.pathname}${decodeURIComponent(url.search)}` });
    }
  });
  try {
    await run(page, api);
  } catch (error) {
    await screenshot(page, journey, 'failure').catch(() => undefined);
    throw error;
  } finally {
    await page.close();
  }
}

/** What a person would see once the page is still: transitions finished, pointer parked. */
export async function screenshot(page: Page, journey: string, step: string): Promise<void> {
  await page.mouse.move(8, 850);
  await page
    .evaluate(() => Promise.race([Promise.all(document.getAnimations().map((a) => a.finished)), new Promise((r) => setTimeout(r, 2000))]))
    .catch(() => undefined);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${journey}-${step}.png`), fullPage: true });
}

/** Sign in through the login form and wait for the layout (menu) to be there. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('session-badge').waitFor();
  await page.locator('[data-testid="main-menu"]').waitFor();
  await settle(page);
}

/** The visible labels of the main menu, once the permission checks have settled. */
export async function menuLabels(page: Page): Promise<string[]> {
  const items = page.locator('[data-testid="main-menu"] [role="menuitem"]');
  await items.first().waitFor();
  await settle(page);
  return (await items.allInnerTexts()).map((text) => text.trim()).filter(Boolean);
}

/** A token for direct API calls in test set-up (e.g. to learn an id the user must not see). */
export async function apiLogin(harness: Harness, email: string, password: string): Promise<string> {
  const response = await fetch(`${harness.apiUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`login of ${email} failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

export async function apiGet<T>(harness: Harness, token: string, pathAndQuery: string): Promise<T> {
  const response = await fetch(`${harness.apiUrl}${pathAndQuery}`, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET ${pathAndQuery} failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** One harness for a spec file: started before its tests, closed after them. */
export function useHarness(): () => Harness {
  let harness: Harness | undefined;
  beforeAll(async () => {
    harness = await startHarness();
  }, 120_000);
  afterAll(async () => {
    await harness?.close();
  });
  return () => {
    if (!harness) throw new Error('the harness did not start (see beforeAll)');
    return harness;
  };
}
