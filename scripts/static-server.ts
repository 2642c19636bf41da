import { createReadStream, existsSync, statSync } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

function proxy(req: IncomingMessage, res: ServerResponse, apiPort: number): void {
  const upstream = http.request(
    { host: '127.0.0.1', port: apiPort, method: req.method, path: req.url, headers: { ...req.headers, host: `127.0.0.1:${apiPort}` } },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', (error) => {
    if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain' });
    res.end(`proxy error: ${error.message}`);
  });
  req.pipe(upstream);
}

function serveFile(root: string, req: IncomingMessage, res: ServerResponse): void {
  const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  let file = path.normalize(path.join(root, urlPath));
  if (!file.startsWith(root)) {
    res.writeHead(403).end();
    return;
  }
  // The console routes in the hash, so anything that is not a built file is the SPA itself.
  if (!existsSync(file) || statSync(file).isDirectory()) file = path.join(root, 'index.html');
  res.writeHead(200, {
    'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    // Vite names every asset by its content hash; index.html names the current ones.
    'Cache-Control': urlPath.startsWith('/assets/') && file !== path.join(root, 'index.html') ? 'public, max-age=31536000, immutable' : 'no-store',
  });
  createReadStream(file).pipe(res);
}

/**
 * The built console as a production host serves it: static files, with /api and /health
 * forwarded to the API so the browser calls it same-origin (like Vite's preview proxy).
 * `npm start` serves it on CONSOLE_PORT; the browser journeys on a free port (0).
 */
export async function startStaticServer(root: string, apiPort: number, listen: { port: number; host: string } = { port: 0, host: '127.0.0.1' }): Promise<{ url: string; close: () => Promise<void> }> {
  const absoluteRoot = path.resolve(root);
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    if (url.startsWith('/api') || url.startsWith('/health')) proxy(req, res, apiPort);
    else serveFile(absoluteRoot, req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, listen.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
