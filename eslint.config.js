import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '.scratch/',
      '**/.netlify/',
      'dist/',
      'node_modules/',
      '.demo-build/',
      'test-results/',
      'playwright-report/',
      'examples/*/dist/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts'],
    languageOptions: { globals: globals.browser },
    plugins: { lit, 'lit-a11y': litA11y, wc },
    rules: {
      ...lit.configs.recommended.rules,
      ...litA11y.configs.recommended.rules,
      ...wc.configs.recommended.rules,
      ...wc.configs['best-practice'].rules,
    },
  },
  {
    files: [
      'server/**/*.ts',
      'scripts/**/*.mjs',
      'bin/**/*.js',
      'test/server/**/*.ts',
      'test/e2e/**/*.ts',
      '*.config.*',
    ],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['examples/*/src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: [
      'examples/*/vite.config.ts',
      'examples/ssr/**/*.tsx',
      'examples/*/netlify/functions/**/*.{ts,mts}',
      'demo/netlify/functions/**/*.{ts,mts}',
    ],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['test/e2e/pages/**/*.js'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['test/elements/**/*.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.mocha } },
    // chai's `expect(x).to.exist` is an expression by design.
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
);
