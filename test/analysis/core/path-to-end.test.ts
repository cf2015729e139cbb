import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import type { Node } from '../../../src/analysis/core/ast';
import { factsToEnd, fallsToEnd } from '../../../src/analysis/core/path-to-end';
import type { PathDomain } from '../../../src/analysis/core/paths';
import { analyze } from '../helpers';

/**
 * The facts for falling from the `probe()` statement to the end of the first loop's body (`x` /
 * `!x`, the condition's text), or 'exits' when it cannot get there. Every case also checks that
 * `fallsToEnd` (the same climb without facts, per statement list once) agrees.
 */
function toEnd(code: string): string[] | 'exits' {
  let result: string[] | 'exits' = 'exits';
  analyze(`async function f() { ${code} }`, ({ model, text, find }) => {
    const probe = find(AST_NODE_TYPES.CallExpression, 'probe()');
    const loop = model.file.nodesOfType(AST_NODE_TYPES.WhileStatement)[0] as Node;
    const domain: PathDomain<string> = {
      factOf: (condition, outcome) => (outcome ? '' : '!') + text(condition),
    };
    const steps = factsToEnd(model.file, probe.parent as Node, loop, domain);
    expect(fallsToEnd(model.file, probe.parent as Node, loop)).toBe(steps !== undefined);
    result = steps ? steps.map((step) => step.fact) : 'exits';
  });
  return result;
}

describe('path engine: factsToEnd (the forward walk)', () => {
  it('reads the later exits of each statement list, innermost list first, in source order', () => {
    expect(toEnd('while (a) { if (b) { probe(); if (c) return; } if (d) break; }')).toEqual([
      '!c',
      '!d',
    ]);
    expect(toEnd('while (a) { probe(); if (b) {} else { continue; } }')).toEqual(['b']);
    expect(toEnd('while (a) { probe(); if (b) log(); }')).toEqual([]);
  });

  it('cannot reach the end past a statement that always exits, or a finally that exits', () => {
    expect(toEnd('while (a) { probe(); return; }')).toBe('exits');
    expect(toEnd('while (a) { probe(); if (b) return; else throw e; }')).toBe('exits');
    expect(toEnd('while (a) { try { probe(); } finally { return; } }')).toBe('exits');
  });

  it('reads the exits and assertions of core/exits.ts: calls that never return, assert', () => {
    expect(toEnd('while (a) { probe(); if (b) process.exit(1); }')).toEqual(['!b']);
    expect(toEnd('while (a) { probe(); assert.fail("x"); }')).toBe('exits');
    expect(toEnd('while (a) { probe(); fail(); } function fail() { throw new Error("x"); }')).toBe(
      'exits',
    );
    expect(toEnd('while (a) { probe(); assert(b); }')).toEqual(['b']);
  });

  it('does not follow control into a function, an inner loop or a case', () => {
    expect(toEnd('while (a) { run(() => { probe(); }); }')).toBe('exits');
    expect(toEnd('while (a) { for (;;) { probe(); } }')).toBe('exits');
    expect(toEnd('while (a) { switch (b) { case 1: probe(); } }')).toBe('exits');
  });

  it('reads a block start whole (a catch body), the same in both walks', () => {
    let checked = 0;
    for (const [code, falls] of [
      ['while (a) { try { x(); } catch (e) { log(e); } }', true],
      ['while (a) { try { x(); } catch (e) { log(e); return; } }', false],
      ['while (a) { try { x(); } catch (e) { if (b) return; } if (c) break; }', true],
    ] as const) {
      analyze(`async function f() { ${code} }`, ({ model }) => {
        const handler = model.file.nodesOfType(AST_NODE_TYPES.CatchClause)[0]!;
        const loop = model.file.nodesOfType(AST_NODE_TYPES.WhileStatement)[0] as Node;
        expect(fallsToEnd(model.file, handler.body, loop)).toBe(falls);
        expect(
          factsToEnd(model.file, handler.body, loop, { factOf: () => 'x' }) !== undefined,
        ).toBe(falls);
        checked++;
      });
    }
    expect(checked).toBe(3);
  });
});
