import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import plugin from '../../src';
// @ts-expect-error: a plain ES module script without types
import { BEGIN, END, oxlintBlock, withOxlintBlock } from '../../scripts/readme-oxlint.mjs';

const readme = readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');

describe('README: the oxlint rule list comes from configs.recommended', () => {
  it('is up to date (npm run docs rewrites it)', () => {
    expect(withOxlintBlock(readme, plugin.configs.recommended)).toBe(readme);
  });

  it('lists every recommended rule, and only those', () => {
    const block = readme.slice(readme.indexOf(BEGIN), readme.indexOf(END));
    const json = /```jsonc\n\/\/ \.oxlintrc\.json\n([\s\S]*?)```/.exec(block)![1]!;
    expect(Object.keys(JSON.parse(json).rules).sort()).toEqual(
      Object.keys(plugin.configs.recommended.rules!).sort(),
    );
  });

  it('rewrites a stale block and refuses a README without markers', () => {
    const stale = `a\n${BEGIN}\nold\n${END}\nb\n`;
    const config = { rules: { 'http-status/x': 'error' as const } };
    expect(withOxlintBlock(stale, config)).toBe(
      `a\n${BEGIN}\n\n${oxlintBlock(config)}\n\n${END}\nb\n`,
    );
    expect(() => withOxlintBlock('no markers', config)).toThrow(/markers/);
  });
});
