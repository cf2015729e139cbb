import { describe, expect, it } from 'vitest';

// @ts-expect-error: a plain ES module script without types
import { compareDumps } from '../../scripts/dump-findings.mjs';

const finding = (column: number, message = 'A 204 response cannot have a body.') =>
  JSON.stringify({
    input: 'a.js',
    pass: 'default',
    rule: 'http-status/x',
    line: 1,
    column,
    message,
  });

describe('compareDumps (scripts/dump-findings.mjs)', () => {
  it('finds identical dumps the same', () => {
    const dump = `${finding(1)}\n${finding(5)}\n`;
    expect(compareDumps(dump, dump)).toMatchObject({
      same: true,
      removed: [],
      added: [],
      report: '',
    });
  });

  it('reports a finding that moved as one removed and one added line', () => {
    const result = compareDumps(`${finding(1)}\n${finding(5)}\n`, `${finding(1)}\n${finding(6)}\n`);
    expect(result.same).toBe(false);
    expect(result.removed).toEqual([finding(5)]);
    expect(result.added).toEqual([finding(6)]);
    expect(result.report).toContain(`- ${finding(5)}`);
    expect(result.report).toContain(`+ ${finding(6)}`);
  });

  it('counts repeated lines, so a duplicated or lost finding is a difference', () => {
    const result = compareDumps(`${finding(1)}\n`, `${finding(1)}\n${finding(1)}\n`);
    expect(result).toMatchObject({ same: false, removed: [], added: [finding(1)] });
  });

  it('prints at most `limit` lines of each side', () => {
    const before = [1, 2, 3, 4].map((c) => finding(c)).join('\n');
    const result = compareDumps(before, '', 2);
    expect(result.removed).toHaveLength(4);
    expect(result.report.split('\n')).toEqual([
      expect.stringContaining('4 line(s) only in the committed dump'),
      `- ${finding(1)}`,
      `- ${finding(2)}`,
      '- … 2 more',
    ]);
  });
});
