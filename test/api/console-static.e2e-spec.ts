import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApiWith, type TestApi } from './support/api';

/**
 * The container image serves the console's build from the API (CONSOLE_DIR): the page at
 * any path outside /api, /health and /metrics, its hashed assets cached for good, and the
 * API itself unchanged.
 */
describe('the API serving the console build (CONSOLE_DIR)', () => {
  let api: TestApi;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'tandem-console-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="/assets/index-abc.js"></script>');
    writeFileSync(path.join(dir, 'assets', 'index-abc.js'), 'console.log("tandem")');
    api = await startApiWith({ CONSOLE_DIR: dir });
  });

  afterAll(async () => {
    await api?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the page at / and at any client path', async () => {
    for (const at of ['/', '/login', '/index.html']) {
      const response = await fetch(`${api.url}${at}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/text\/html/);
      expect(await response.text()).toContain('<div id="root">');
    }
  });

  test('hashed assets are cached for good; a missing one is 404, not the page', async () => {
    const asset = await fetch(`${api.url}/assets/index-abc.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toMatch(/immutable/);
    expect((await fetch(`${api.url}/assets/missing.js`)).status).toBe(404);
  });

  test('the API, health and metrics are not shadowed', async () => {
    expect((await fetch(`${api.url}/health`)).status).toBe(200);
    const unknown = await fetch(`${api.url}/api/no-such-route`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/problem\+json|json/);
  });
});
