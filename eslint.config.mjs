// Lint, including the layering rules of DESIGN.md §Layout: which folder may import which.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';

const MAIN_FOLDERS = [
  'app',
  'auth',
  'graph',
  'collect',
  'checks',
  'engine',
  'dns',
  'store',
  'report',
  'sim',
  'api',
  'cli',
];

/** What each folder of main/ may import from main/ (shared/ is always allowed). */
const MAY_IMPORT = {
  app: MAIN_FOLDERS,
  auth: [],
  graph: [],
  collect: ['graph', 'dns'],
  checks: [],
  engine: MAIN_FOLDERS.filter((f) => f !== 'app'),
  dns: [],
  store: [],
  report: ['store'],
  sim: [],
  api: ['engine', 'store', 'report', 'auth'],
  cli: MAIN_FOLDERS.filter((f) => f !== 'app'),
};

const layerZones = [
  { target: './shared', from: './main', message: 'shared/ is pure: it may not import main/.' },
  { target: './shared', from: './renderer', message: 'shared/ may not import renderer/.' },
  {
    target: './renderer',
    from: './main',
    message: 'renderer/ talks to main only through the api client.',
  },
  ...MAIN_FOLDERS.map((folder) => ({
    target: `./main/${folder}`,
    from: './main',
    except: [...new Set([folder, ...MAY_IMPORT[folder]])].map((f) => `./${f}`),
    message: `main/${folder} may import only: ${['shared', ...MAY_IMPORT[folder].map((f) => `main/${f}`)].join(', ')}.`,
  })),
  ...MAIN_FOLDERS.map((folder) => ({
    target: `./main/${folder}`,
    from: './renderer',
    message: 'main/ never imports the renderer.',
  })),
];

const NODE_BUILTINS = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'http',
  'https',
  'net',
  'dgram',
  'crypto',
  'url',
  'zlib',
  'stream',
  'events',
  'util',
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'assets/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: {
        console: 'readonly',
        process: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] }),
      ],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
    },
  },
  {
    // Unit tests may reach the simulator and test helpers; production code may not.
    files: ['main/**/*.test.ts'],
    rules: { 'import-x/no-restricted-paths': 'off' },
  },
  {
    // Only the Electron composition root imports electron at runtime.
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['main/app/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Only main/app/ imports electron.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    // shared/, renderer/ and the pure check catalog use no environment-specific modules.
    files: ['shared/**/*.ts', 'renderer/**/*.ts', 'renderer/**/*.tsx', 'main/checks/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Only main/app/ imports electron.' }],
          patterns: [{ group: NODE_BUILTINS, message: 'This layer is pure: no Node.js modules.' }],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'shared/ is pure.' },
            { name: 'react', message: 'shared/ is pure: no React.' },
          ],
          patterns: [{ group: NODE_BUILTINS, message: 'shared/ is pure: no Node.js modules.' }],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bin/**/*.cjs', '*.mjs'],
    languageOptions: {
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
