// The project lints itself: its TypeScript with typescript-eslint, its rules with
// eslint-plugin-eslint-plugin, and its own examples with the plugin it builds (dist/).
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

import httpStatus from './dist/index.js';

/** What a rule may import from the rest of src: the analysis' public entry, shared fixes, utilities. */
const RULE_IMPORTS = ['\\.\\./analysis', '\\.\\./fixes/[\\w-]+', '\\.\\./util/[\\w-]+'];
const ruleImports = () => [
  'error',
  {
    patterns: [
      {
        regex: `^(?!(?:${RULE_IMPORTS.join('|')})$)\\.\\./`,
        message:
          'Rules import only ../analysis (the public entry), ../fixes/* and ../util/*: export what the rule needs from src/analysis/index.ts.',
      },
    ],
  },
];

export default defineConfig(
  {
    ignores: [
      'dist/',
      'coverage/',
      'node_modules/',
      'test/fixtures/',
      'test/integration/fixtures/',
      'examples/',
      '.bench-cache/',
      'bench/corpus/',
    ],
  },
  {
    files: ['**/*.ts', '**/*.mts'],
    extends: [tseslint.configs.recommended],
  },
  {
    files: ['src/rules/**/*.ts'],
    extends: [eslintPlugin.configs.recommended],
    rules: {
      'eslint-plugin/require-meta-docs-description': [
        'error',
        { pattern: '^(Disallow|Enforce|Require)' },
      ],
      'eslint-plugin/require-meta-schema-description': 'error',
      'eslint-plugin/no-meta-schema-default': 'error',
      'eslint-plugin/require-meta-default-options': 'error',
      'eslint-plugin/meta-property-ordering': 'error',
      'eslint-plugin/prefer-placeholders': 'error',
      'eslint-plugin/no-property-in-node': 'error',
    },
  },
  {
    files: ['src/rules/**/*.ts'],
    rules: { 'no-restricted-imports': ruleImports() },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { 'http-status': httpStatus },
    extends: [httpStatus.configs.all],
  },
);
