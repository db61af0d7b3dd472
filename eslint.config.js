// Lint rules for the whole monorepo. The import-boundary rules encode the one architectural law:
// dependencies point into seatmaps only (see CONTRIBUTING.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const otherWorkspaces = (self) =>
  ['engine', 'studio', 'client-sdk', 'seatmaps']
    .filter((w) => w !== self)
    .map((w) => ({
      group: [`@parterre/${w}`, `@parterre/${w}/*`, `**/${w}/src/*`, `**/${w}/src/**`],
      allowTypeImports: w !== 'seatmaps' && self !== 'seatmaps',
      message: `${self} may import ${w} with \`import type\` only; shared runtime code belongs in seatmaps.`,
    }))
    .filter((rule) => self === 'seatmaps' || !rule.group[0].endsWith('seatmaps'));

const boundary = (self) => ({
  files: [`${self}/**/*.ts`, `${self}/**/*.tsx`],
  rules: {
    '@typescript-eslint/no-restricted-imports': ['error', { patterns: otherWorkspaces(self) }],
  },
});

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'coverage/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  // The studio's Vite config is outside every tsconfig "include": lint it without type info.
  { files: ['studio/vite.config.ts'], ...tseslint.configs.disableTypeChecked },
  boundary('seatmaps'),
  boundary('engine'),
  boundary('studio'),
  boundary('client-sdk'),
  // The SDK is a browser bundle: its values from seatmaps come from the zod-free entry
  // `@parterre/seatmaps/client` (the main entry would bundle zod); types may use either.
  {
    files: ['client-sdk/src/**/*.ts', 'client-sdk/src/**/*.tsx'],
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: otherWorkspaces('client-sdk'),
          paths: [
            {
              name: '@parterre/seatmaps',
              allowTypeImports: true,
              message: 'Import values from @parterre/seatmaps/client (zod-free); types may stay.',
            },
          ],
        },
      ],
    },
  },
);
