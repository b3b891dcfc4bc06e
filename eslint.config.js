// Lint rules, including the architecture's import boundaries (design.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs', 'fs/promises',
  'http', 'http2', 'https', 'net', 'os', 'path', 'perf_hooks', 'process', 'readline', 'stream', 'tls',
  'url', 'util', 'v8', 'vm', 'worker_threads', 'zlib', 'sqlite',
];
const platformImports = {
  paths: [
    { name: 'electron', message: 'Only src-main/electron/ may import electron.' },
    ...nodeBuiltins.map((name) => ({ name, message: 'src-shared and src-renderer must not use Node built-ins.' })),
  ],
  patterns: [
    { group: ['node:*'], message: 'src-shared and src-renderer must not use Node built-ins.' },
    { group: ['**/src-main/**', '**/src-main'], message: 'Only src-main may import src-main; talk to it through the API client.' },
    { group: ['better-sqlite3', 'ws', '@napi-rs/*', 'sharp', 'chokidar'], message: 'Platform packages belong in src-main.' },
  ],
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test/fixtures/**', '.stryker-tmp/**', 'reports/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2024, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only src-main/electron/ may import electron.' }] }],
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: platformImports.paths,
          patterns: [
            ...platformImports.patterns,
            { group: ['**/src-renderer/**', '**/src-renderer', 'react', 'react-dom', 'zustand'], message: 'src-shared is pure: no UI code.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', platformImports],
      // Classic zod cannot be tree-shaken and would double the UI bundle (npm run bench startup).
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [{ name: 'zod', message: "The renderer uses zod/mini (import * as z from 'zod/mini').", allowTypeImports: true }],
      }],
    },
  },
  {
    files: ['src-main/electron/**/*.ts', 'test/unit/electron/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['.dependency-cruiser.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable' } },
  },
  {
    files: ['bin/**/*.js', 'scripts/**/*.{js,ts}', '*.config.{js,ts}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
