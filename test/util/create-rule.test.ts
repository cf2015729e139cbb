import { describe, expect, it } from 'vitest';

import { createRule, perOptions } from '../../src/util/create-rule';

type Options = [{ statuses?: number[]; strict?: boolean }];

/** A rule that hands back the options its `create` receives. */
function probe(): { rule: ReturnType<typeof createRule<Options, 'never'>>; seen: Options[0][] } {
  const seen: Options[0][] = [];
  const rule = createRule<Options, 'never'>({
    name: 'probe',
    meta: {
      type: 'problem',
      docs: { description: 'probe' },
      schema: [{ type: 'object', properties: { statuses: { type: 'array' }, strict: { type: 'boolean' } }, additionalProperties: false }],
      defaultOptions: [{ statuses: [429], strict: false }],
      messages: { never: 'never' },
    },
    defaultOptions: [{ statuses: [429], strict: false }],
    create(_context, options) {
      seen.push(options()[0]);
      return {};
    },
  });
  return { rule, seen };
}

const contextWith = (options: unknown[]): never => ({ options }) as never;

/** A rule that never asks for its options, and a context that counts reads of them. */
function lazyProbe(): { rule: ReturnType<typeof createRule<Options, 'never'>>; asked: () => void } {
  let ask = (): void => {};
  const rule = createRule<Options, 'never'>({
    name: 'lazy-probe',
    meta: { type: 'problem', docs: { description: 'probe' }, schema: [], defaultOptions: [{}], messages: { never: 'never' } },
    defaultOptions: [{}],
    create(_context, options) {
      ask = () => void options();
      return {};
    },
  });
  return { rule, asked: () => ask() };
}

describe('createRule options', () => {
  it('uses options the host already merged (ESLint 9.15+) as they are', () => {
    const { rule, seen } = probe();
    const merged = [{ statuses: [503], strict: true }];
    rule.create(contextWith(merged));
    expect(seen[0]).toBe(merged[0]);
  });

  it('merges the defaults in where the host did not (oxlint), once per distinct options', () => {
    const { rule, seen } = probe();
    rule.create(contextWith([{ strict: true }]));
    rule.create(contextWith([{ strict: true }]));
    rule.create(contextWith([]));
    expect(seen[0]).toEqual({ statuses: [429], strict: true });
    expect(seen[1]).toBe(seen[0]);
    expect(seen[2]).toEqual({ statuses: [429], strict: false });
  });

  it('reads the options only when the rule asks for them, once per file', () => {
    const { rule, asked } = lazyProbe();
    let reads = 0;
    const context = { get options() { reads++; return [{}]; } } as never;
    rule.create(context);
    expect(reads).toBe(0);
    asked();
    asked();
    expect(reads).toBe(1);
  });

  it('derives settings once per options object: the same for every file of one configuration', () => {
    const { rule, seen } = probe();
    let derived = 0;
    const settingsOf = perOptions((options: Options[0]) => {
      derived++;
      return new Set(options.statuses);
    });
    rule.create(contextWith([{ statuses: [503], strict: true }]));
    rule.create(contextWith([{ statuses: [503], strict: true }]));
    rule.create(contextWith([{ statuses: [500], strict: true }]));
    expect(settingsOf(seen[0]!)).toBe(settingsOf(seen[1]!));
    expect([...settingsOf(seen[2]!)]).toEqual([500]);
    expect(derived).toBe(2);
  });
});
