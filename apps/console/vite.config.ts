import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const apiTarget = process.env.API_PROXY_TARGET ?? 'http://127.0.0.1:3000';

// The console calls the API same-origin (/api), so no CORS and no API URL baked into the build.
const proxy: Record<string, ProxyOptions> = {
  '/api': { target: apiTarget, changeOrigin: false },
  '/health': { target: apiTarget, changeOrigin: false },
};

export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  resolve: {
    alias: {
      '@tandem/contracts': `${repoRoot}libs/contracts/src/index.ts`,
      '@tandem/domain': `${repoRoot}libs/domain/src/index.ts`,
    },
  },
  server: { host: '127.0.0.1', port: Number(process.env.CONSOLE_PORT ?? 4200), strictPort: true, proxy },
  preview: { host: '127.0.0.1', port: Number(process.env.CONSOLE_PORT ?? 4200), strictPort: true, proxy },
  build: {
    outDir: `${repoRoot}dist/console`,
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2500,
  },
});
