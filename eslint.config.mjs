import pluginQuery from '@tanstack/eslint-plugin-query';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import { defineConfig, globalIgnores } from 'eslint/config';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  ...pluginQuery.configs['flat/recommended'],
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: [{ group: ['../../*'], message: 'Use @/ imports.' }] }],
    },
  },
  {
    // Answers are shaped, never spread (docs/ARCHITECTURE.md, "Answers are shaped"): a spread
    // copies every field an internal object has today or gains tomorrow into a response.
    files: ['lib/api/routes/**/*.ts', 'app/**/route.ts', 'lib/fleet/queries/**/*.ts', 'lib/auth/redact*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ObjectExpression > SpreadElement',
          message:
            'Answers are shaped, never spread: name each field (or parse with an output schema). See docs/ARCHITECTURE.md.',
        },
      ],
    },
  },
  globalIgnores([
    '.next/**',
    'node_modules/**',
    'data/**',
    'test-results/**',
    'playwright-report/**',
    'next-env.d.ts',
  ]),
]);
