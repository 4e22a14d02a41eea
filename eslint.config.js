import js from '@eslint/js'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import importX from 'eslint-plugin-import-x'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-subpath',
      'node_modules',
      'public/data',
      'test-results',
      'playwright-report',
      'bench/out',
      // Scratch builds and scripts (gitignored).
      '.tmp',
      'corpus',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y, 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver()] },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            // core is pure: it imports nothing from the rest of the project.
            {
              target: './src/core',
              from: ['./src/app', './src/features', './src/ui', './src/lib', './src/ingest'],
            },
            // Inside the core, a stage never reaches forward into a later one (issue 21): text (characters,
            // cleaning, lines) knows nothing of quotes, people or alignment; quotes and people know nothing
            // of alignment. The flat files of each stage are named here until they move into its folder.
            {
              target: ['./src/core/text/**', './src/core/clean.ts', './src/core/text-*.ts'],
              from: [
                './src/core/{quotes,people,align}/**',
                './src/core/{quotes,speakers,entities}.ts',
                './src/core/align*.ts',
              ],
            },
            {
              target: ['./src/core/{quotes,people}/**', './src/core/{quotes,speakers,entities}.ts'],
              from: ['./src/core/align/**', './src/core/align*.ts'],
            },
            // features never import each other; the app's route modules combine them.
            {
              target: './src/features/library',
              from: ['./src/features/reader', './src/features/compare', './src/app'],
            },
            {
              target: './src/features/reader',
              from: ['./src/features/library', './src/features/compare', './src/app'],
            },
            {
              target: './src/features/compare',
              from: ['./src/features/library', './src/features/reader', './src/app'],
            },
            {
              target: './src/features/share',
              from: [
                './src/features/library',
                './src/features/reader',
                './src/features/compare',
                './src/app',
              ],
            },
            { target: './src/ui', from: ['./src/features', './src/app'] },
            { target: './src/lib', from: ['./src/features', './src/app'] },
          ],
        },
      ],
    },
  },
)
