import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import type { Node } from '../../../src/analysis/core/ast';
import { assertionOf, exitsAlways } from '../../../src/analysis/core/exits';
import type { PathDomain } from '../../../src/analysis/core/paths';
import {
  factsOnPath,
  someFactOnPath,
  walkEarlierStatements,
  walkPath,
} from '../../../src/analysis/core/paths';
import { analyze } from '../helpers';

/** A domain whose fact is the condition's text and its outcome: `x` / `!x`. */
function textDomain(text: (node: Node) => string): PathDomain<string> {
  return {
    factOf: (condition, outcome) => (outcome ? '' : '!') + text(condition),
    caseFact: (statement, index) => `case ${index}`,
  };
}

/** The facts at the `probe()` call, in the order the walk meets them. */
function factsAtProbe(code: string, options: { typescript?: boolean } = {}): string[] {
  let facts: string[] = [];
  analyze(
    code,
    ({ model, text }) => {
      const probe = model.file
        .nodesOfType(AST_NODE_TYPES.CallExpression)
        .find(
          (call) => call.callee.type === AST_NODE_TYPES.Identifier && call.callee.name === 'probe',
        );
      if (!probe) throw new Error('no probe() in the code');
      facts = factsOnPath(model.file, probe as Node, textDomain(text)).map((step) => step.fact);
    },
    options,
  );
  return facts;
}

describe('path engine: walkPath', () => {
  it('reads enclosing conditions innermost first', () => {
    expect(factsAtProbe('if (a) { if (b) {} else { c && probe(); } }')).toEqual(['c', '!b', 'a']);
    expect(factsAtProbe('x = a ? b : d || probe();')).toEqual(['!d', '!a']);
    expect(factsAtProbe('x = a ?? probe();')).toEqual([]);
  });

  it('reads loop tests only for a domain that asks for them', () => {
    expect(factsAtProbe('while (a) { probe(); }')).toEqual([]);
    let facts: string[] = [];
    analyze('while (a) { probe(); }', ({ model, text, find }) => {
      const domain = { ...textDomain(text), loopTests: true };
      facts = factsOnPath(model.file, find(AST_NODE_TYPES.CallExpression, 'probe()'), domain).map(
        (step) => step.fact,
      );
    });
    expect(facts).toEqual(['a']);
  });

  it('reads early exits before the node, in source order, per statement list', () => {
    expect(
      factsAtProbe('function f() { if (a) return; if (b) {} else throw e; if (c) {} probe(); }'),
    ).toEqual(['!a', 'b']);
    expect(factsAtProbe('for (;;) { if (a) continue; if (b) break; probe(); }')).toEqual([
      '!a',
      '!b',
    ]);
    // After the node, or exiting on both branches: nothing.
    expect(factsAtProbe('function f() { probe(); if (a) return; }')).toEqual([]);
    expect(factsAtProbe('function f() { if (a) return; else return; probe(); }')).toEqual([]);
  });

  it('reads labelled break and continue as exits', () => {
    expect(factsAtProbe('outer: { if (a) break outer; probe(); }')).toEqual(['!a']);
    expect(
      factsAtProbe('outer: for (;;) { for (;;) { if (a) continue outer; probe(); } }'),
    ).toEqual(['!a']);
  });

  it('reads switch cases and the exits before the node inside a case', () => {
    expect(factsAtProbe('switch (x) { case 1: break; case 2: if (a) break; probe(); }')).toEqual([
      'case 1',
      '!a',
    ]);
  });

  it('skips the exits before a hoisted function declaration', () => {
    expect(factsAtProbe('if (a) throw e; function g() { probe(); }')).toEqual([]);
    expect(factsAtProbe('if (a) throw e; export function g() { probe(); }')).toEqual([]);
    expect(factsAtProbe('if (a) throw e; const g = () => { probe(); };')).toEqual(['!a']);
  });

  it('reads assertions as conditions that hold after them', () => {
    expect(
      factsAtProbe(
        'assert(a); assert.ok(b); invariant(c, "m"); assert.strictEqual(d, 1); expect(e).toBe(2); expect(f).toBeTruthy(); probe();',
      ),
    ).toEqual(['a', 'b', 'c', 'assert.strictEqual(d, 1)', 'expect(e).toBe(2)', 'f']);
    // Not assertions: other callees, tap-style calls with other names, a call after the node.
    expect(
      factsAtProbe('check(a); t.pass(b); expect(c).toBeDefined(); probe(); assert(d);'),
    ).toEqual([]);
  });

  it('stops at options.stopAt and, when asked, at the enclosing function', () => {
    analyze('if (a) { const g = () => { if (b) probe(); }; }', ({ model, text, find }) => {
      const probe = find(AST_NODE_TYPES.CallExpression, 'probe()');
      const domain = textDomain(text);
      const facts = (options: object): string[] =>
        factsOnPath(model.file, probe, domain, options).map((step) => step.fact);
      expect(facts({})).toEqual(['b', 'a']);
      expect(facts({ stopAtFunction: true })).toEqual(['b']);
      expect(facts({ stopAt: find(AST_NODE_TYPES.IfStatement, 'if (b) probe();') })).toEqual(['b']);
    });
  });

  it('someFactOnPath stops at the first fact that holds', () => {
    analyze(
      'function f() { if (a) { if (b) return; if (c) probe(); } }',
      ({ model, text, find }) => {
        const asked: string[] = [];
        const found = someFactOnPath(
          model.file,
          find(AST_NODE_TYPES.CallExpression, 'probe()'),
          textDomain(text),
          (fact) => (asked.push(fact), fact === '!b'),
        );
        expect(found).toBe(true);
        expect(asked).toEqual(['c', '!b']);
      },
    );
  });

  it('reads a statement list once per domain and hands its exits combined', () => {
    let calls = 0;
    analyze('if (a) throw e; if (b) throw e; x(); y();', ({ model, text, find }) => {
      const domain: PathDomain<string> = {
        factOf: (condition, outcome) => (calls++, (outcome ? '' : '!') + text(condition)),
        combine: { none: '', both: (earlier, later) => earlier + later },
      };
      const combinedAt = (call: string): string | undefined => {
        let combined: string | undefined;
        walkPath(model.file, find(AST_NODE_TYPES.CallExpression, call), domain, {
          condition: () => {},
          earlierExits: (exits) => void (combined = exits.combined),
        });
        return combined;
      };
      expect(combinedAt('x()')).toBe('!a!b');
      expect(combinedAt('y()')).toBe('!a!b');
    });
    expect(calls).toBe(2);
  });
});

describe('path engine: walkEarlierStatements', () => {
  it('hands the statements before the node, nearest list first, skipping hoisted declarations', () => {
    analyze(
      'a(); function g() { b(); { c(); probe(); d(); } } e(); const h = () => { f(); probe2(); };',
      ({ find, text }) => {
        const earlier = (call: string, options = {}): string[] => {
          const seen: string[] = [];
          walkEarlierStatements(
            find(AST_NODE_TYPES.CallExpression, call),
            (statement) => void seen.push(text(statement)),
            options,
          );
          return seen;
        };
        expect(earlier('probe()')).toEqual(['c();', 'b();']);
        expect(earlier('probe2()')).toEqual([
          'f();',
          'a();',
          expect.stringMatching(/^function g/),
          'e();',
        ]);
        expect(earlier('probe2()', { stopAtFunction: true })).toEqual(['f();']);
      },
    );
  });
});

describe('exits and assertions (core/exits.ts)', () => {
  /** Whether each top-level `if`'s consequent always exits. */
  function consequentsExit(code: string, options: { typescript?: boolean } = {}): boolean[] {
    let result: boolean[] = [];
    analyze(
      code,
      ({ model }) => {
        result = model.file
          .nodesOfType(AST_NODE_TYPES.IfStatement)
          .filter((statement) => statement.parent.type === AST_NODE_TYPES.Program)
          .map((statement) => exitsAlways(model.file, statement.consequent));
      },
      options,
    );
    return result;
  }

  it('calls that never return: process.exit, assert.fail, local functions that always throw', () => {
    expect(
      consequentsExit(
        [
          'function fail(res) { throw new Error(String(res.status)); }',
          'const die = () => process.exit(1);',
          'const fail2 = function () { if (x) throw a; else throw b; };',
          'function both() { fail(); }',
          'if (a) process.exit(1);',
          'if (a) process.abort();',
          'if (a) assert.fail("m");',
          'if (a) fail(res);',
          'if (a) die();',
          'if (a) fail2();',
          'if (a) both();',
        ].join('\n'),
      ),
    ).toEqual([true, true, true, true, true, true, true]);
  });

  it('calls that may return: a return, async, a callback, an unknown function, a nested throw', () => {
    expect(
      consequentsExit(
        [
          'function maybe(res) { if (res.ok) return; throw new Error(); }',
          'async function later() { throw new Error(); }',
          'function loop() { for (;;) { throw e; } }',
          'let reassigned = () => { throw e; }; reassigned = () => {};',
          'if (a) maybe(res);',
          'if (a) later();',
          'if (a) loop();',
          'if (a) reassigned();',
          'if (a) unknown();',
          'if (a) t.fail("m");',
          'if (a) [1].forEach(() => { throw e; });',
        ].join('\n'),
      ),
    ).toEqual([false, false, false, false, false, false, false]);
  });

  it('a function declared to return never', () => {
    expect(
      consequentsExit(
        [
          'declare function fail(message: string): never;',
          'function check(): never { return fail("m"); }',
          'if (a) fail("m");',
          'if (a) check();',
        ].join('\n'),
        { typescript: true },
      ),
    ).toEqual([true, true]);
  });

  it('recursion is bounded', () => {
    expect(consequentsExit('function f() { g(); } function g() { f(); }\nif (a) f();')).toEqual([
      false,
    ]);
  });

  it('assertionOf: the asserted condition, or undefined', () => {
    analyze(
      'assert(a); await expect(b).toEqual(c); check(d); expect(e).toBeTruthy(1); assert.deepEqual(f, g);',
      ({ ast, text }) => {
        const tests = ast.body.map((statement) => {
          const assertion = assertionOf((statement as TSESTree.ExpressionStatement).expression);
          if (!assertion) return undefined;
          const test = assertion.test;
          return test.type === AST_NODE_TYPES.BinaryExpression
            ? `${text(test.left)} ${test.operator} ${text(test.right)}`
            : text(test);
        });
        expect(tests).toEqual(['a', 'b === c', undefined, undefined, undefined]);
      },
    );
  });
});
