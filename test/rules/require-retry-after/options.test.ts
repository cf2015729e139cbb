import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { rule } from './setup';

describe('require-retry-after options', () => {
  const lint = (options: unknown) => {
    const linter = new Linter({ configType: 'flat' });
    return linter.verify('fetch(u)', {
      plugins: { 'http-status': { rules: { 'require-retry-after': rule } } as never },
      rules: { 'http-status/require-retry-after': ['error', options] as never },
    });
  };

  it('accepts its options', () => {
    expect(lint({ statuses: [429, 503, 502], headers: ['x-backoff'] })).toEqual([]);
  });

  it.each([
    [{ status: [429] }],
    [{ statuses: ['429'] }],
    [{ statuses: [42] }],
    [{ headers: [''] }],
    [{ headers: 'retry-after' }],
  ])('rejects %j', (options) => {
    expect(() => lint(options)).toThrow(/require-retry-after/);
  });

  it('rejects an empty statuses list, which would turn the rule off', () => {
    expect(() => lint({ statuses: [] })).toThrow(
      'Key "rules": Key "http-status/require-retry-after":\n\tValue [] should NOT have fewer than 1 items.',
    );
  });

  it('says that a headers list replaces the defaults', () => {
    const headers = (
      rule.meta.schema as unknown as Array<{ properties: { headers: { description: string } } }>
    )[0]!.properties.headers;
    expect(headers.description).toContain('Replaces the default list');
  });
});
