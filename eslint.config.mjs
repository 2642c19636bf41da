import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nx from '@nx/eslint-plugin';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'prisma/generated/**', '.tandem/**', '.nx/**', 'test-results/**', 'tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { '@nx': nx },
    files: ['**/*.ts', '**/*.tsx', '**/*.mjs'],
    rules: {
      // Boundaries of docs/architecture.md: the console reaches only shared libs, no app
      // imports another, libs/domain depends on nothing but contracts.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: ['@tandem/db'],
          depConstraints: [
            { sourceTag: 'scope:console', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:shared', 'scope:server'] },
            { sourceTag: 'scope:worker', onlyDependOnLibsWithTags: ['scope:shared', 'scope:server'] },
            { sourceTag: 'scope:server', onlyDependOnLibsWithTags: ['scope:shared', 'scope:server'] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:contracts'] },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // Specs of an app, and a library's integration specs, use the shared fixtures of
    // test/support (kept out of apps/*/src so that no production code can reach them). Nx counts test/ as no project, so
    // the boundary rule cannot allow it by tag; specs are never built into an app.
    files: ['apps/**/*.int-spec.ts', 'apps/**/*.spec.ts', 'libs/**/*.int-spec.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    // One date format throughout the console: days and moments go through common/DateFields.tsx.
    files: ['apps/console/src/**/*.tsx', 'apps/console/src/**/*.ts'],
    ignores: ['apps/console/src/common/DateFields.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'react-admin', importNames: ['DateField'], message: 'Use DayField or DateTimeField from common/DateFields (one date format throughout).' }] },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js', 'scripts/**', '.ci/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', module: 'writable', require: 'readonly', __dirname: 'readonly' } },
  },
  {
    files: ['**/*.cjs', 'jest.config.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
