import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// "Now" comes from one place: the injected clock outside workflows (domain/clock.ts), workflow
// time inside them (workflows/shared/clock.ts). Durations and timeouts use performance.now().
const clockBans = {
  'no-restricted-syntax': [
    'error',
    { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Read the injected clock (domain/clock.ts), or workflow time (workflows/shared/clock.ts).' },
  ],
  'no-restricted-properties': [
    'error',
    { object: 'Date', property: 'now', message: 'Read the injected clock (domain/clock.ts); for durations use performance.now().' },
  ],
};

// Workflow code is replayed: anything non-deterministic or with side effects is banned there.
const workflowBans = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        { group: ['node:*', 'fs', 'path', 'crypto', 'os', 'child_process', 'http', 'https', 'net'], message: 'Node built-ins are not deterministic: use an activity.' },
        { group: ['@prisma/*', '**/prisma/**', 'pg', 'better-sqlite3', 'nodemailer'], message: 'I/O belongs in activities.' },
        { group: ['**/activities/**', '!**/activities/index'], message: 'Import activities as types only, via proxyActivities.', allowTypeImports: true },
      ],
    },
  ],
  'no-restricted-globals': [
    'error',
    { name: 'process', message: 'Workflows read configuration through an activity.' },
    { name: 'setInterval', message: 'Use workflow timers (sleep/condition).' },
    { name: 'fetch', message: 'I/O belongs in activities.' },
  ],
  'no-restricted-syntax': clockBans['no-restricted-syntax'],
  'no-restricted-properties': [
    'error',
    { object: 'Date', property: 'now', message: 'Use workflow time (workflows/shared/clock.ts).' },
    { object: 'Math', property: 'random', message: 'Math.random is seeded per workflow; prefer explicit uuid4()/seeded draws via activities.' },
  ],
};

export default tseslint.config(
  { ignores: ['.dependency-cruiser.cjs', 'node_modules/**', 'prisma/generated/**', '.tools/**', 'data/**', 'coverage/**', 'web/dist/**', 'web/.dist-*/**', 'web/src/api/schema.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.node },
  },
  { files: ['**/*.ts', '**/*.mjs', '**/*.js'], rules: clockBans },
  { files: ['workflows/**/*.ts'], rules: workflowBans },
  // Pure rules and contracts: no I/O of any kind (the import check keeps the folders apart).
  {
    files: ['domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'crypto', 'os', 'child_process', 'http', 'https', 'net'], message: 'domain/ holds pure rules: I/O belongs in records/ or activities/.' },
            { group: ['@prisma/*', 'pg', 'better-sqlite3', 'nodemailer', '@temporalio/client', '@temporalio/worker', 'express'], message: 'domain/ holds pure rules: I/O belongs in records/ or activities/.' },
          ],
        },
      ],
    },
  },
  // The web pages run in a browser: its globals, the rules of hooks, and nothing of the server's
  // (the import check lets web/ import only its own files and packages).
  {
    files: ['web/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      'no-restricted-globals': ['error', { name: 'process', message: 'The pages run in a browser: configuration comes from the API.' }],
    },
  },
  { files: ['domain/clock.ts'], rules: { 'no-restricted-syntax': 'off', 'no-restricted-properties': 'off' } },
  { files: ['workflows/shared/clock.ts'], rules: { 'no-restricted-syntax': 'off' } },
);
