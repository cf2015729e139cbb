import * as path from 'node:path';

import * as tsParser from '@typescript-eslint/parser';
import * as espree from 'espree';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { afterAll, describe, it } from 'vitest';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

/** Rule tests without type information: TS syntax is parsed, no program is built. */
export function createRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' },
  });
}

/** Rule tests with type information, against test/fixtures/tsconfig.json (name files `file.ts` or `react.tsx`). */
export function createTypedRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: {
      parser: tsParser,
      parserOptions: {
        projectService: { allowDefaultProject: ['*.ts*'], defaultProject: 'tsconfig.json' },
        tsconfigRootDir: path.join(__dirname, 'fixtures'),
      },
    },
  });
}

/**
 * Plain JavaScript with espree, ESLint's default parser (what oxlint users and JS projects run).
 * Named: typescript-eslint's RuleTester parses with @typescript-eslint/parser when none is given.
 */
export function createJavaScriptRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: {
      parser: espree,
      ecmaVersion: 'latest',
      sourceType: 'module',
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
  });
}
