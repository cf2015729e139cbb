import { describe, expect, it } from 'vitest';

import { firstIndexFrom } from '../../../src/analysis/core/sorted';

describe('firstIndexFrom', () => {
  const starts = [3, 7, 7, 12, 20];
  const at = (k: number): number => starts[k]!;

  it('finds the first position not below the one asked, as a linear search would', () => {
    for (let position = 0; position <= 22; position++) {
      const linear = starts.findIndex((start) => start >= position);
      expect(firstIndexFrom(starts.length, at, position)).toBe(
        linear === -1 ? starts.length : linear,
      );
    }
  });

  it('gives 0 for an empty list', () => {
    expect(firstIndexFrom(0, () => 0, 5)).toBe(0);
  });
});
