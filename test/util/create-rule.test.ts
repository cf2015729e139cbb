import { describe, expect, it } from 'vitest';

import { createRule, perOptions } from '../../src/util/create-rule';

type Options = [{ statuses?: number[]; strict?: boolean }];

/** A rule that hands back the options its `check` receives. */
function probe(): { rule: ReturnType<typeof createRule<Options, 'never'>>; seen: Options[0][] } {
  const seen: Options[0][] = [];
  const rule = createRule<Options, 'never'>({
    name: 'probe',
    meta: {
      type: 'problem',
      docs: { description: 'probe' },
      schema: [
        {
          type: 'object',
          properties: { statuses: { type: 'array' }, strict: { type: 'boolean' } },
          additionalProperties: false,
        },
      ],
      defaultOptions: [{ statuses: [429], strict: false }],
      messages: { never: 'never' },
    },
    defaultOptions: [{ statuses: [429], strict: false }],
    check(_context, _model, options) {
      seen.push(options()[0]);
    },
  });
  return { rule, seen };
}

/** A file with an anchor of the analyses (a `fetch` call): the rules check it. */
const HTTP_TEXT = 'await fetch(url);';

/** A rule context for a new file with the given text; a file is checked at `Program:exit`. */
const contextWith = (options: unknown[], text = HTTP_TEXT): never =>
  ({ options, sourceCode: { ast: { type: 'Program' }, text } }) as never;

/** ESLint's run of a rule over one file: create, then the program's exit. */
function lint(rule: { create(context: never): unknown }, context: never): void {
  const listeners = rule.create(context) as { 'Program:exit'?: () => void };
  listeners['Program:exit']?.();
}

/** A rule that never asks for its options, and a context that counts reads of them. */
function lazyProbe(): { rule: ReturnType<typeof createRule<Options, 'never'>>; asked: () => void } {
  let ask = (): void => {};
  const rule = createRule<Options, 'never'>({
    name: 'lazy-probe',
    meta: {
      type: 'problem',
      docs: { description: 'probe' },
      schema: [],
      defaultOptions: [{}],
      messages: { never: 'never' },
    },
    defaultOptions: [{}],
    check(_context, _model, options) {
      ask = () => void options();
    },
  });
  return { rule, asked: () => ask() };
}

describe('createRule options', () => {
  it('uses options the host already merged (ESLint 9.15+) as they are', () => {
    const { rule, seen } = probe();
    const merged = [{ statuses: [503], strict: true }];
    lint(rule, contextWith(merged));
    expect(seen[0]).toBe(merged[0]);
  });

  it('merges the defaults in where the host did not (oxlint), once per distinct options', () => {
    const { rule, seen } = probe();
    lint(rule, contextWith([{ strict: true }]));
    lint(rule, contextWith([{ strict: true }]));
    lint(rule, contextWith([]));
    expect(seen[0]).toEqual({ statuses: [429], strict: true });
    expect(seen[1]).toBe(seen[0]);
    expect(seen[2]).toEqual({ statuses: [429], strict: false });
  });

  it('reads the options only when the rule asks for them, once per file', () => {
    const { rule, asked } = lazyProbe();
    let reads = 0;
    const context = {
      sourceCode: { ast: {}, text: HTTP_TEXT },
      get options() {
        reads++;
        return [{}];
      },
    } as never;
    lint(rule, context);
    expect(reads).toBe(0);
    asked();
    asked();
    expect(reads).toBe(1);
  });

  it('checks only files whose text has an anchor of the analyses, without reading their options', () => {
    const { rule, seen } = probe();
    let reads = 0;
    const context = {
      sourceCode: { ast: {}, text: 'export const add = (a, b) => a + b;' },
      get options() {
        reads++;
        return [{}];
      },
    } as never;
    lint(rule, context);
    expect(seen).toEqual([]);
    expect(reads).toBe(0);
    lint(rule, contextWith([{ strict: true }]));
    expect(seen).toHaveLength(1);
  });

  it('derives settings once per options object: the same for every file of one configuration', () => {
    const { rule, seen } = probe();
    let derived = 0;
    const settingsOf = perOptions((options: Options[0]) => {
      derived++;
      return new Set(options.statuses);
    });
    lint(rule, contextWith([{ statuses: [503], strict: true }]));
    lint(rule, contextWith([{ statuses: [503], strict: true }]));
    lint(rule, contextWith([{ statuses: [500], strict: true }]));
    expect(settingsOf(seen[0]!)).toBe(settingsOf(seen[1]!));
    expect([...settingsOf(seen[2]!)]).toEqual([500]);
    expect(derived).toBe(2);
  });
});
