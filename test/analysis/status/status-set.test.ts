import { describe, expect, it } from 'vitest';

import { StatusSet } from '../../../src/analysis';

describe('StatusSet', () => {
  it('builds ranges, lists and classes within 100–599', () => {
    expect(StatusSet.range(400, 499).toString()).toBe('400–499');
    expect(StatusSet.of(204, 200, 204).toString()).toBe('200, 204');
    expect(StatusSet.ofClass(5).toString()).toBe('500–599');
    expect(StatusSet.range(0, 150).toString()).toBe('100–150');
    expect(StatusSet.of(42, 700, 200.5).isEmpty).toBe(true);
    expect(StatusSet.ALL.size).toBe(500);
    expect(StatusSet.EMPTY.toString()).toBe('none');
  });

  it('compares with a bound', () => {
    expect(StatusSet.compare('<', 300).toString()).toBe('100–299');
    expect(StatusSet.compare('<=', 300).toString()).toBe('100–300');
    expect(StatusSet.compare('>', 499).toString()).toBe('500–599');
    expect(StatusSet.compare('>=', 500).toString()).toBe('500–599');
  });

  it('unions, intersects, subtracts and complements', () => {
    const clientErrors = StatusSet.ofClass(4);
    const retryable = StatusSet.of(429).union(StatusSet.ofClass(5));
    expect(retryable.toString()).toBe('429, 500–599');
    expect(clientErrors.intersect(retryable).toString()).toBe('429');
    expect(clientErrors.minus(StatusSet.of(429)).ranges()).toEqual([
      [400, 428],
      [430, 499],
    ]);
    expect(StatusSet.range(200, 299).complement().toString()).toBe('100–199, 300–599');
    expect(StatusSet.ALL.complement().isEmpty).toBe(true);
    expect(StatusSet.EMPTY.complement().isAll).toBe(true);
  });

  it('answers membership questions', () => {
    const set = StatusSet.of(200, 204);
    expect(set.has(204)).toBe(true);
    expect(set.has(205)).toBe(false);
    expect(set.has(99)).toBe(false);
    expect(set.isSubsetOf(StatusSet.range(200, 299))).toBe(true);
    expect(set.intersects(StatusSet.of(204))).toBe(true);
    expect(set.equals(StatusSet.of(204, 200))).toBe(true);
    expect([...set]).toEqual([200, 204]);
  });

  it('finds 4xx statuses outside an allowed list', () => {
    const set = StatusSet.compare('>=', 400);
    expect(set.clientErrorsExcept([429]).toString()).toBe('400–428, 430–499');
    expect(StatusSet.of(429, 500, 503).clientErrorsExcept([429]).isEmpty).toBe(true);
    expect(StatusSet.of(408, 429).clientErrorsExcept([408, 429]).isEmpty).toBe(true);
  });
});
