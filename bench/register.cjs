// Runs the benchmarks' TypeScript through SWC with the options jest.config.js uses. Nest needs
// decorator metadata (emitDecoratorMetadata), which tsx/esbuild does not emit, so the API
// cannot be started in-process under tsx. Usage: node -r ./bench/register.cjs bench/index.ts
'use strict';
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '..');

// The @tandem/* aliases of the root tsconfig.json, as tsc and Jest's moduleNameMapper resolve them.
const tsconfigPaths = require('tsconfig-paths');
const aliases = tsconfigPaths.loadConfig(root);
if (aliases.resultType !== 'success') throw new Error(`bench/register.cjs: ${aliases.message}`);
tsconfigPaths.register({ baseUrl: aliases.absoluteBaseUrl, paths: aliases.paths });

const swcOptions = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true, tsx: false },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

function compileTypeScript(module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), { ...swcOptions, filename });
  module._compile(code, filename);
}
Module._extensions['.ts'] = compileTypeScript;
process.setSourceMapsEnabled(true);
