import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../../../src';
import { jsRuleTester, rule, ruleTester } from './setup';

const cases: Parameters<typeof ruleTester.run>[2] = {
  valid: [
    {
      code: `import ky from 'ky'; await ky.get(u, { retry: { statusCodes: [408, 429, 500] } });`,
      options: [{ retryable: [408, 429] }],
    },
    {
      code: `function shouldRetry(status) { return status === 425 || status >= 500; }`,
      options: [{ retryable: [425] }],
    },
  ],
  invalid: [],
};
ruleTester.run('no-retry-on-client-error: the retryable option (TypeScript parser)', rule, cases);
jsRuleTester.run('no-retry-on-client-error: the retryable option (JavaScript)', rule, cases);

describe('options', () => {
  const linter = new Linter({ configType: 'flat' });
  const lint = (options: unknown) =>
    linter.verify(
      'const x = 1;',
      {
        files: ['**/*.ts'],
        plugins: { 'http-status': plugin as never },
        rules: { 'http-status/no-retry-on-client-error': ['error', options] as Linter.RuleEntry },
        languageOptions: { parser: tsParser as Linter.Parser },
      },
      'file.ts',
    );

  it('accepts 4xx statuses in retryable', () => {
    expect(lint({ retryable: [408, 425, 429] })).toEqual([]);
  });

  it.each([
    [{ retryable: ['429'] }],
    [{ retryable: [503] }],
    [{ retryable: [429, 429] }],
    [{ retryable: 429 }],
    [{ other: true }],
  ])('rejects %j', (options) => {
    expect(() => lint(options)).toThrow(/http-status\/no-retry-on-client-error/);
  });
});
