import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { returnStatementsOf, type FunctionNode } from '../../../src/analysis/core/ast';
import { AnalyzedFile } from '../../../src/analysis/core/file';
import { analyze } from '../helpers';

/** The anchors the analyses start from instead of walking the AST: each must find what a walk finds. */
describe('AnalyzedFile anchors', () => {
  it('finds imports, re-exports and require calls of known modules with a global, undeclared or module-level require', () => {
    const code = `
      import express from 'express';
      export { json } from 'body-parser';
      export * from '../local';
      import { createRequire } from 'node:module';
      const require = createRequire(import.meta.url);
      const got = require('got');
      function load(name) { return require(name); }
    `;
    analyze(code, ({ model }) => {
      expect([...model.file.knownModuleSources()].sort()).toEqual(['express', 'got']);
      expect(model.file.requireCalls().map((call) => model.file.sourceCode.getText(call))).toEqual([
        "require('got')",
      ]);
      // A computed name may be any module.
      expect(model.file.mayImport(new Set(['axios']))).toBe(true);
    });
    analyze(`const ky = require('ky');`, ({ model }) => {
      expect(model.file.mayImport(new Set(['ky']))).toBe(true);
      expect(model.file.mayImport(new Set(['axios']))).toBe(false);
    });
    analyze(
      `export { json } from 'body-parser'; const load = (name) => require(name);`,
      ({ model }) => {
        // No known module named: a computed require is not one of them.
        expect([...model.file.knownModuleSources()]).toEqual([]);
        expect(model.file.mayImport(new Set(['axios']))).toBe(false);
      },
    );
    analyze(`const http = require("node:http"); export * from 'ky';`, ({ model }) => {
      expect([...model.file.knownModuleSources()].sort()).toEqual(['ky', 'node:http']);
    });
  });

  it('finds the dynamic imports of known modules without the node index, as the index does', () => {
    const code = `
      const ky = await import('ky');
      const { default: got } = await import ( /* lazy */ "got" );
      import('./local').then((m) => m.reimport('axios'));
      const mod = await import(name); // import('axios') in a comment
      const s = "import('express')";
      export const meta = import.meta.url;
    `;
    analyze(code, ({ model }) => {
      const texts = model.file
        .dynamicImports()
        .map((expression) => model.file.sourceCode.getText(expression));
      expect(texts).toEqual([`import('ky')`, `import ( /* lazy */ "got" )`]);
      const fromIndex = model.file
        .nodesOfType(AST_NODE_TYPES.ImportExpression)
        .map((expression) => model.file.sourceCode.getText(expression));
      expect(fromIndex).toEqual([
        `import('ky')`,
        `import ( /* lazy */ "got" )`,
        `import('./local')`,
        `import(name)`,
      ]);
      expect([...model.file.knownModuleSources()].sort()).toEqual(['got', 'ky']);
    });
  });

  it('finds the innermost node at a text offset, as a walk over every node does', () => {
    const code = `const list = [1, , shouldRetry(a?.b!)];\nclass K { 'isRetryable'(e) { return e; } }\n// shouldRetry in a comment`;
    analyze(
      code,
      ({ model }) => {
        const { file } = model;
        const all = Object.values(AST_NODE_TYPES).flatMap((type) => file.nodesOfType(type));
        for (let offset = 0; offset < code.length; offset++) {
          const containing = all.filter(
            (node) => node.range[0] <= offset && offset < node.range[1],
          );
          const innermost = containing.reduce<(typeof containing)[number] | undefined>(
            (best, node) =>
              !best || node.range[1] - node.range[0] < best.range[1] - best.range[0] ? node : best,
            undefined,
          );
          expect(file.nodeAt(offset)?.range, `offset ${offset}`).toEqual(innermost?.range);
        }
        expect(file.nodeAt(code.indexOf('shouldRetry'))?.type).toBe(AST_NODE_TYPES.Identifier);
        expect(file.nodeAt(code.indexOf("'isRetryable'") + 1)?.type).toBe(AST_NODE_TYPES.Literal);
        expect(file.nodeAt(code.length + 5)).toBeUndefined();
      },
      { typescript: true },
    );
  });

  it('lists the scope of every function, as the node index finds the functions, and which lie in no other function', () => {
    const code = `
      function a(x) { const b = function named() { return () => 1; }; class C { m() {} get g() { return 1; } } }
      const d = async (p, q) => { function e() {} };
      export default function () {}
    `;
    analyze(code, ({ model }) => {
      const fromIndex = [
        ...model.file.nodesOfType(AST_NODE_TYPES.FunctionDeclaration),
        ...model.file.nodesOfType(AST_NODE_TYPES.FunctionExpression),
        ...model.file.nodesOfType(AST_NODE_TYPES.ArrowFunctionExpression),
      ].sort((x, y) => x.range[0] - y.range[0]);
      const scopes = model.file.functionScopes();
      expect(scopes.map((scope) => scope.block)).toEqual(fromIndex);
      expect(scopes).toHaveLength(8);
      const topLevel = scopes
        .filter((scope) => AnalyzedFile.isTopLevelFunction(scope))
        .map((scope) => model.file.sourceCode.getText(scope.block).slice(0, 12));
      expect(topLevel).toEqual(['function a(x', 'async (p, q)', 'function () ']);
    });
  });

  it('indexes the same nodes from ESLint’s cached traversal as by walking', () => {
    const code = `const res = await fetch(url); if (res.ok) { const data = await res.json(); }`;
    analyze(code, ({ model, ast }) => {
      const calls = model.file.nodesOfType(AST_NODE_TYPES.CallExpression);
      expect(calls.map((call) => model.file.sourceCode.getText(call))).toEqual([
        'fetch(url)',
        'res.json()',
      ]);
      expect(model.file.nodesOfType(AST_NODE_TYPES.Program)).toEqual([ast]);
    });
  });

  it('finds the return statements of a function, not of the functions nested in it', () => {
    const code = `
      function outer(x) {
        if (x) return 1;
        for (;;) { try { return 2; } catch { return 3; } finally { label: { return 4; } } }
        switch (x) { case 1: return 5; default: { return 6; } }
        const inner = () => { return 7; };
        function nested() { return 8; }
        return 9;
      }
    `;
    analyze(code, ({ model }) => {
      const outer = model.file.functionScopes()[0]!.block as FunctionNode;
      expect(
        returnStatementsOf(outer).map((statement) =>
          model.file.sourceCode.getText(statement.argument!),
        ),
      ).toEqual(['1', '2', '3', '4', '5', '6', '9']);
    });
  });

  it('checks text before a scan for names', () => {
    analyze(`const a = { statusCode: 200 };`, ({ model }) => {
      expect(model.file.textIncludes('jsonBody', 'statusCode')).toBe(true);
      expect(model.file.textIncludes('jsonBody')).toBe(false);
    });
  });
  it('resolves every identifier to the variable ASTUtils.findVariable finds, shadowing and all', () => {
    const code = `
      const res = 1;
      function res2(res, { status = res } = {}) { const res3 = res; return () => { let res = res3; return res + status; }; }
      class Client { res = res; send(res) { try { return res; } catch (res) { return res; } } }
      function named(named) { return named; }
      const f = function inner() { return inner; };
      for (const res of []) { label: { res; } }
      export default res;
    `;
    for (const typescript of [false, true]) {
      analyze(
        code,
        ({ model }) => {
          const identifiers = model.file.nodesOfType(AST_NODE_TYPES.Identifier);
          expect(identifiers.length).toBeGreaterThan(25);
          for (const identifier of identifiers) {
            expect(
              model.file.variableOf(identifier),
              model.file.sourceCode.getText(identifier),
            ).toBe(ASTUtils.findVariable(model.file.scopeOf(identifier), identifier));
          }
        },
        { typescript },
      );
    }
  });
});
