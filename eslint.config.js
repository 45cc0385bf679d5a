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
              group: ['**/main/**', '**/renderer/**', '**/cli/**', '**/preload/**'],
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
    files: ['src/main/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**'], message: 'main and cli never import the renderer.' }] },
      ],
    },
  },
);
