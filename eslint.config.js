import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const onlyPublicApi = {
  patterns: [
    {
      group: ['../*', '!../index.js'],
      message: 'Adapters import only the public API (src/index.ts).',
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-artifacts/**', 'src/server/public/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'handlebars', message: 'Only src/template/ imports handlebars.' },
            { name: 'pdfkit', message: 'Only src/pdf/ imports pdfkit.' },
            { name: 'fontkit', message: 'Only src/pdf/ imports fontkit.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/template/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'pdfkit', message: 'Only src/pdf/ imports pdfkit.' }] },
      ],
    },
  },
  {
    files: ['src/pdf/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'handlebars', message: 'Only src/template/ imports handlebars.' }] },
      ],
    },
  },
  {
    files: ['src/server/**', 'src/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'handlebars', message: 'Only src/template/ imports handlebars.' },
            { name: 'pdfkit', message: 'Only src/pdf/ imports pdfkit.' },
          ],
          ...onlyPublicApi,
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', performance: 'readonly' },
    },
  },
  {
    // `lmnkit serve` starts the HTTP adapter: the one place an adapter imports another.
    files: ['src/cli/serve.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['tests/**'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Tests poke at example JSON freely.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
);
