// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

/** Import paths each layer may not use: the folder says where code runs (see docs/architecture.md). */
const outsideCore = [
  'node:*',
  'fs',
  'path',
  'os',
  'worker_threads',
  'electron',
  'react',
  'react-dom',
  'three',
  'three/*',
];

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'dist-web', 'test-results', 'bench/results', 'schema'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: outsideCore,
              message: 'src/core runs anywhere: no Node, Electron, DOM, React or three.',
            },
            {
              group: ['**/main/**', '**/renderer/**', '**/cli/**', '**/preload/**', '**/node/**'],
              message: 'core imports only core.',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Everything random is seeded: use core/rng.' },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'require', 'Buffer'],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'worker_threads', 'electron'],
              message: 'The renderer runs in a sandbox.',
            },
            {
              group: ['**/main/**', '**/cli/**'],
              message: 'The renderer talks to the Engine interface only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/renderer/**', '**/cli/**'],
              message: 'main never imports the renderer or the CLI.',
            },
          ],
        },
      ],
    },
  },
  {
    // Plain Node shared by the app's main process and the CLI: it runs where Electron does not exist.
    files: ['src/node/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'src/node is plain Node: the CLI has no Electron.' }],
          patterns: [
            {
              group: ['**/main/**', '**/cli/**', '**/renderer/**', '**/preload/index*'],
              message: 'src/node imports only core, node and the preload API types.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The CLI runs without Electron.' }],
          patterns: [
            {
              group: ['**/main/**', '**/renderer/**', '**/preload/**'],
              message: 'The CLI uses core and src/node, never the app (src/main, renderer, preload).',
            },
          ],
        },
      ],
    },
  },
);
