import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import {
  calleeName,
  enclosingCatch,
  functionVariables,
  importedName,
  isLoop,
  isMethodCall,
} from '../../../src/analysis/core/ast';
import { analyze } from '../helpers';

describe('core AST helpers', () => {
  it('isLoop: the five loops, not a label or a block', () => {
    analyze(
      'for (;;) {} for (const a in b) {} for (const a of b) {} while (x) {} do {} while (x); l: { }',
      ({ ast }) => {
        expect(ast.body.map((statement) => isLoop(statement))).toEqual([
          true,
          true,
          true,
          true,
          true,
          false,
        ]);
      },
    );
  });

  it('calleeName: identifiers, members, optional chains, computed strings', () => {
    analyze("a(); b.c(); d?.e(); f['g'](); h[i]();", ({ model }) => {
      const names = model.file
        .nodesOfType(AST_NODE_TYPES.CallExpression)
        .map((call) => calleeName(call));
      expect(names).toEqual(['a', 'c', 'e', 'g', undefined]);
    });
  });

  it('isMethodCall: object and method by name or set, through wrappers', () => {
    analyze(
      'Math.floor(x); Math?.trunc(x); (process as any).exit(1); Mat.floor(x); Math[floor](x);',
      ({ model }) => {
        const calls = model.file.nodesOfType(AST_NODE_TYPES.CallExpression);
        const rounding = new Set(['floor', 'trunc']);
        expect(calls.map((call) => isMethodCall(call, 'Math', rounding))).toEqual([
          true,
          true,
          false,
          false,
          false,
        ]);
        expect(isMethodCall(calls[2]!, 'process', 'exit')).toBe(true);
      },
      { typescript: true },
    );
  });

  it('importedName: identifiers and string names', () => {
    analyze("import { a as b, 'c-d' as e } from 'm';", ({ ast }) => {
      const declaration = ast.body[0];
      if (declaration?.type !== AST_NODE_TYPES.ImportDeclaration) throw new Error('no import');
      expect(
        declaration.specifiers.map((specifier) =>
          specifier.type === AST_NODE_TYPES.ImportSpecifier ? importedName(specifier) : undefined,
        ),
      ).toEqual(['a', 'c-d']);
    });
  });

  it('enclosingCatch: the innermost catch, none outside', () => {
    analyze('try { a(); } catch (e) { try {} catch (f) { b(); } c(); }', ({ find }) => {
      expect(enclosingCatch(find(AST_NODE_TYPES.CallExpression, 'a()'))).toBeUndefined();
      expect(enclosingCatch(find(AST_NODE_TYPES.CallExpression, 'b()'))?.param).toMatchObject({
        name: 'f',
      });
      expect(enclosingCatch(find(AST_NODE_TYPES.CallExpression, 'c()'))?.param).toMatchObject({
        name: 'e',
      });
    });
  });

  it('functionVariables: declarations, named expressions, consts, useCallback', () => {
    analyze(
      [
        'function a() {}',
        'const b = function inner() {};',
        'const c = () => {};',
        'const d = useCallback(async () => {}, []);',
        'run(() => {});',
      ].join('\n'),
      ({ model }) => {
        const functions = [
          ...model.file.nodesOfType(AST_NODE_TYPES.FunctionDeclaration),
          ...model.file.nodesOfType(AST_NODE_TYPES.FunctionExpression),
          ...model.file.nodesOfType(AST_NODE_TYPES.ArrowFunctionExpression),
        ];
        const names = functions.map((fn) =>
          functionVariables(model.file.scopeManager, fn).map((v) => v.name),
        );
        // A named function expression: its own name inside, its `const` outside.
        expect(names).toEqual([['a'], ['inner', 'b'], ['c'], ['d'], []]);
      },
    );
  });
});
