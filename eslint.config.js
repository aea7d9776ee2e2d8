// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'http', 'url', 'stream', 'util', 'events', 'module', 'net'];

/**
 * The rooms of ARCHITECTURE.md, enforced: the contract imports nothing, the engine never sees the
 * UI or Electron, the UI reaches the engine only through the contract, the shell only through
 * the engine's entry point and the contract.
 */
export default tseslint.config(
  { ignores: ['node_modules/', 'build/', 'dist/', 'test-output/', 'scratch/', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
    },
  },
  {
    files: ['archive/api/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!\\./)', message: 'archive/api is the contract: it imports nothing outside itself.' }] }],
    },
  },
  {
    files: ['archive/**/*.ts'],
    ignores: ['archive/api/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'electron', message: 'The engine is plain Node: Electron belongs in electron/.' },
          { name: 'react', message: 'The engine has no UI.' },
        ],
        patterns: [{ regex: '(^|/)(renderer|electron)/', message: 'The engine must not import the UI or the shell.' }],
      }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'The UI runs in a browser too: use the ArchiveApi provider.' }, ...nodeBuiltins.map((name) => ({ name, message: 'No Node in the UI.' }))],
        patterns: [
          { regex: '^node:', message: 'No Node in the UI.' },
          { regex: '(^|/)archive/(?!api/)', message: 'The UI reaches the engine only through archive/api.' },
          { regex: '(^|/)electron/', message: 'The UI must not import the shell.' },
        ],
      }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'react', message: 'The shell has no UI code.' }],
        patterns: [
          { regex: '(^|/)archive/(?!api/|index\\.)', message: 'The shell uses the engine through archive/index.ts and the contract only.' },
          { regex: '(^|/)renderer/', message: 'The shell must not import the UI.' },
        ],
      }],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
