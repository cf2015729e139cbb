import { describe, expect, it } from 'vitest';

// @ts-expect-error: a plain ES module script without types
import { followsRegistry } from '../../scripts/check-lockfiles.mjs';

describe('check-lockfiles: specs whose meaning changes when something is published', () => {
  it.each(['latest', 'next', 'beta', '*', 'x', '', ' latest ', 'npm:other@latest'])(
    '%j follows the registry',
    (spec) => {
      expect(followsRegistry(spec)).toBe(true);
    },
  );

  it.each([
    '4.1.0',
    '^4.0.0',
    '~1.2',
    '>=20',
    '1.x',
    '>=4.8.4 <6.1.0',
    'npm:eslint@^9.39.0',
    'v1.2.3',
  ])('%j is a version range', (spec) => {
    expect(followsRegistry(spec)).toBe(false);
  });
});
