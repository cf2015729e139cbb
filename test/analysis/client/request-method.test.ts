import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { methodOfOptions, methodOfValue } from '../../../src/analysis/client/request-method';
import { analyze } from '../helpers';

function methodsOf(code: string, typescript = false): Array<string[] | undefined> {
  let result: Array<string[] | undefined> = [];
  analyze(
    code,
    ({ model }) => {
      result = model.requests.map((request) =>
        request.method.methods ? [...request.method.methods].sort() : undefined,
      );
    },
    { typescript },
  );
  return result;
}

describe('request methods', () => {
  it('reads the method of a Request object passed to fetch', () => {
    expect(methodsOf(`fetch(new Request('/x', { method: 'DELETE' }));`)).toEqual([['DELETE']]);
    expect(methodsOf(`const req = new Request('/x', { method: 'delete' }); fetch(req);`)).toEqual([
      ['DELETE'],
    ]);
    expect(methodsOf(`fetch(new Request('/x'));`)).toEqual([['GET']]);
  });

  it('lets init override the method of a Request object', () => {
    expect(
      methodsOf(`fetch(new Request('/x', { method: 'DELETE' }), { method: 'POST' });`),
    ).toEqual([['POST']]);
    expect(methodsOf(`fetch(new Request('/x', { method: 'DELETE' }), { headers: {} });`)).toEqual([
      ['DELETE'],
    ]);
  });

  it('ignores a local class named Request', () => {
    expect(
      methodsOf(
        `class Request { constructor(u, i) {} } fetch(new Request('/x', { method: 'DELETE' }));`,
      ),
    ).toEqual([['GET']]);
  });

  it('reads a method from a constant object declared `as const`', () => {
    expect(
      methodsOf(`const M = { Del: 'DELETE' } as const; fetch('/x', { method: M.Del });`, true),
    ).toEqual([['DELETE']]);
  });

  it('resolves options and method values on demand (methodOfOptions, methodOfValue)', () => {
    analyze(
      `const init = { method: 'PATCH' }; const m = 'put'; use(init, m);`,
      ({ model, find }) => {
        expect([
          ...methodOfOptions(model.file, find(AST_NODE_TYPES.Identifier, 'init')).methods!,
        ]).toEqual(['PATCH']);
        const call = find(AST_NODE_TYPES.CallExpression, 'use(init, m)');
        expect([...methodOfValue(model.file, call.arguments[1]!).methods!]).toEqual(['PUT']);
        expect([...methodOfOptions(model.file, call.arguments[0]!).methods!]).toEqual(['PATCH']);
      },
    );
  });
});
