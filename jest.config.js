// Plain JavaScript: a TypeScript config would need ts-node just to be read.
/** @typedef {import('jest').Config} Config */

// Nest 12 is ESM-only: every file, node_modules included, goes through SWC to CommonJS.
/** @type {Config['transform']} */
const swc = {
  '^.+\\.(t|j|mj|cj)sx?$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true, tsx: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
        target: 'es2022',
        keepClassNames: true,
      },
      module: { type: 'commonjs' },
    },
  ],
};

const moduleNameMapper = {
  '^@tandem/contracts$': '<rootDir>/libs/contracts/src/index.ts',
  '^@tandem/domain$': '<rootDir>/libs/domain/src/index.ts',
  '^@tandem/server$': '<rootDir>/libs/server/src/index.ts',
  '^@tandem/db$': '<rootDir>/prisma/generated/client.ts',
};

/** @type {Config} */
const base = {
  rootDir: __dirname,
  transform: swc,
  transformIgnorePatterns: [],
  moduleNameMapper,
  testEnvironment: 'node',
  // These machines are shared and noisy; a cold SWC transform of Nest alone can take seconds.
  testTimeout: 30_000,
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
};

/** Test files that start services: a Redis prefix of their own (test/support/file-prefix.ts). */
const perFile = { setupFilesAfterEnv: ['<rootDir>/test/support/file-prefix.ts'] };

/** @type {Config} */
const config = {
  // Jest reads the time limit of tests and hooks from the root configuration, not from a
  // project's (measured: a project-level testTimeout left hooks at the 5 s default).
  testTimeout: 30_000,
  // One database and one Redis prefix per run, created here and dropped after (test/support).
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{libs,apps,prisma,scripts,infra}/**/*.spec.ts'] },
    { ...base, ...perFile, displayName: 'integration', testMatch: ['<rootDir>/{libs,apps,prisma,scripts}/**/*.int-spec.ts'], slowTestThreshold: 30 },
    { ...base, ...perFile, displayName: 'e2e', testMatch: ['<rootDir>/test/api/**/*.e2e-spec.ts'], slowTestThreshold: 30 },
    { ...base, ...perFile, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'], slowTestThreshold: 120 },
  ],
};
module.exports = config;
