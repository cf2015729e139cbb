import { ESLintUtils } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { applyDefault } from '../../src/util/apply-default';

describe('applyDefault', () => {
  const cases: Array<[string, unknown[], unknown[] | undefined]> = [
    ['no options given', [{ statuses: [429], strict: false }], undefined],
    ['an empty list', [{ statuses: [429], strict: false }], []],
    [
      'an object merged deeply',
      [{ statuses: [429], nested: { a: 1, b: { c: 2 } } }],
      [{ nested: { b: { d: 3 } }, extra: true }],
    ],
    ['an array replacing its default', [{ statuses: [429, 503] }], [{ statuses: [500] }]],
    ['a non-object option replacing its default', ['always', { a: 1 }], ['never']],
    ['an object over a non-object default', ['always'], [{ a: 1 }]],
    ['options past the defaults ignored', [{ a: 1 }], [{ a: 2 }, 'extra']],
  ];
  for (const [title, defaults, given] of cases) {
    it(`matches typescript-eslint's applyDefault: ${title}`, () => {
      expect(applyDefault(defaults, given)).toEqual(
        ESLintUtils.applyDefault(defaults, given as never),
      );
    });
  }

  it('changes neither argument and shares no object with the defaults', () => {
    const defaults = [{ statuses: [429], nested: { a: 1 } }] as const;
    const given = [{ nested: { b: 2 } }];
    const snapshot = JSON.stringify([defaults, given]);
    const merged = applyDefault<[{ statuses: number[]; nested: object }]>(defaults as never, given);
    expect(merged).toEqual([{ statuses: [429], nested: { a: 1, b: 2 } }]);
    expect(JSON.stringify([defaults, given])).toBe(snapshot);
    expect(merged[0].statuses).not.toBe(defaults[0].statuses);
  });
});
