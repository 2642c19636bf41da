import { gzipSync } from 'node:zlib';
import { DEMO_PASSWORD } from '../../prisma/seed/demo-accounts';
import { screenshot, signIn, useHarness } from './support/harness';
import { settle, trackTraffic } from './support/network';

jest.setTimeout(90_000);

const harnessOf = useHarness();

/** The login page loads at most this much JavaScript, gzipped. */
const LOGIN_PAGE_JS_LIMIT = 300 * 1024;

describe('a newcomer opening the console signed out', () => {
  test('sees the login page, no error and no dashboard; signing in shows no stale error', async () => {
    const harness = harnessOf();
    const page = await harness.context.newPage();
    trackTraffic(page);
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(message.text());
    });
    let gzippedScripts = 0;
    page.on('response', async (response) => {
      if (!response.url().endsWith('.js')) return;
      gzippedScripts += gzipSync(await response.body()).length;
    });
    try {
      // the address a newcomer types: no hash, no stored session
      // Counted: a redirect loop between "/" and the login page made Chrome throttle hundreds of
      // navigations and show a blank page for ~10 s before the form.
      let navigations = 0;
      page.on('framenavigated', () => navigations++);
      await page.goto(harness.baseUrl);
      await page.getByLabel('Email').waitFor();
      expect({ navigations, loop: navigations > 5 }).toEqual({ navigations, loop: false });
      await settle(page);
      await screenshot(page, 'signed-out', 'first-visit');
      expect(page.url()).toMatch(/#\/login$/);
      expect(await page.locator('.MuiSnackbar-root').count()).toBe(0);
      expect(await page.getByText('Not signed in').count()).toBe(0);
      expect(await page.getByText(/You are signed in as/).count()).toBe(0);
      expect({ gzippedScripts, within: gzippedScripts <= LOGIN_PAGE_JS_LIMIT }).toEqual({ gzippedScripts, within: true });

      await signIn(page, 'staff.admin@glmp.demo', DEMO_PASSWORD);
      expect(await page.getByText('Not signed in').count()).toBe(0);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
