// Lint for every tree: TypeScript rules everywhere, Lit / lit-a11y / web-component rules on the
// browser code. Formatting is Prettier's job (`npm run format:check`), so no stylistic rules here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';
import { configs as wcConfigs } from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';

const browserCode = ['src/**/*.ts', 'test/**/*.ts'];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'data/', 'bench/.out/', 'test/fixtures/', '.scratch-*/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: browserCode, ...litConfigs['flat/recommended'] },
  { files: browserCode, ...wcConfigs['flat/recommended'] },
  {
    files: browserCode,
    plugins: { 'lit-a11y': litA11y },
    rules: { ...litA11y.configs.recommended.rules },
  },
  {
    files: ['test/**/*.ts', 'server/test/**/*.ts'],
    languageOptions: { globals: { ...globals.mocha } },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      // chai's `expect(x).to.exist` is an expression statement by design.
      '@typescript-eslint/no-unused-expressions': 'off',
      // Fixture URLs in test templates carry query strings (`&a=1`) on purpose.
      'lit/attribute-value-entities': 'off',
    },
  },
);
