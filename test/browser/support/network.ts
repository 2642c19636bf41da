import type { Page } from 'playwright-core';

interface Traffic {
  inflight: number;
  lastChange: number;
}

const traffic = new WeakMap<Page, Traffic>();

/**
 * Count the page's requests in flight. Playwright's `networkidle` is a load state of the
 * document, reached once; a single-page app keeps fetching long after it, so journeys wait
 * on this counter instead.
 */
export function trackTraffic(page: Page): void {
  const state: Traffic = { inflight: 0, lastChange: Date.now() };
  traffic.set(page, state);
  const done = () => {
    state.inflight = Math.max(0, state.inflight - 1);
    state.lastChange = Date.now();
  };
  page.on('request', () => {
    state.inflight += 1;
    state.lastChange = Date.now();
  });
  page.on('requestfinished', done);
  page.on('requestfailed', done);
}

/** Resolve once no request has been in flight for `quietMs` (default 300 ms). */
export async function settle(page: Page, { quietMs = 300, timeoutMs = 15_000 } = {}): Promise<void> {
  const state = traffic.get(page);
  if (!state) throw new Error('settle() needs a page opened by freshPage()');
  const deadline = Date.now() + timeoutMs;
  while (!(state.inflight === 0 && Date.now() - state.lastChange >= quietMs)) {
    if (Date.now() > deadline) throw new Error(`the page still had ${state.inflight} request(s) in flight after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
