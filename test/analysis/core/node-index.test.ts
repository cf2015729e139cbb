import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import {
  indexNodesByType,
  nodeAtOffset,
  nodesOfOneType,
} from '../../../src/analysis/core/node-index';
import { analyze } from '../helpers';

const CODE = `
  import ky from 'ky';
  const list = [1, , 3];
  export async function load(id) {
    const res = await ky.delete(\`/items/\${id}\`, { retry: { limit: 2 } });
    return res.status === 204 ? null : res.json();
  }
  class Store { #items = new Map(); get(id) { return this.#items.get(id); } }
`;

describe('node index', () => {
  it("indexes the same nodes, in source order, from ESLint's cached traversal and by walking (hosts without one: oxlint)", () => {
    analyze(CODE, ({ model }) => {
      const sourceCode = model.file.sourceCode;
      expect(typeof (sourceCode as { traverse?: unknown }).traverse).toBe('function');
      const fromTraversal = indexNodesByType(sourceCode);
      const withoutTraversal = Object.create(sourceCode, { traverse: { value: undefined } });
      const byWalking = indexNodesByType(withoutTraversal);
      expect([...byWalking.keys()].sort()).toEqual([...fromTraversal.keys()].sort());
      for (const [type, nodes] of fromTraversal) expect(byWalking.get(type)).toEqual(nodes);
      const members = fromTraversal.get('MemberExpression')!;
      expect(members.map((n) => n.range[0])).toEqual(
        [...members.map((n) => n.range[0])].sort((a, b) => a - b),
      );
    });
  });

  it('leaves the skipped types out of the index, and lists one of them alone, with or without the traversal', () => {
    analyze(CODE, ({ model }) => {
      const sourceCode = model.file.sourceCode;
      const withoutTraversal = Object.create(sourceCode, { traverse: { value: undefined } });
      const full = indexNodesByType(sourceCode);
      expect(full.get('Identifier')!.length).toBeGreaterThan(10);
      for (const source of [sourceCode, withoutTraversal]) {
        const index = indexNodesByType(source, new Set(['Identifier']));
        expect(index.has('Identifier')).toBe(false);
        for (const [type, nodes] of index) expect(nodes).toEqual(full.get(type));
        expect(nodesOfOneType(source, 'Identifier')).toEqual(full.get('Identifier'));
        expect(nodesOfOneType(source, 'WithStatement')).toEqual([]);
      }
      // The file's own lists: identifiers come from the lazy list, the rest from the index.
      expect(model.file.nodesOfType('Identifier' as never)).toEqual(full.get('Identifier'));
      expect(model.file.nodesOfType('CallExpression' as never)).toEqual(full.get('CallExpression'));
    });
  });

  it("lists catch clauses from the scope manager, and a container's nodes outside its nested functions, as the index does", () => {
    const code = `
      async function load(api, fn) {
        try { await api.get(fn(1), () => fn(2)); } catch (err) { try { g() } catch { h() } }
        try { x(function () { y() }) } catch ({ response }) {}
      }`;
    analyze(code, ({ model }) => {
      const file = model.file;
      const fromIndex = file.nodesOfType(AST_NODE_TYPES.CatchClause);
      expect(fromIndex).toHaveLength(3);
      expect(file.catchClauses()).toEqual(fromIndex);
      const withoutScopes = Object.create(file, {
        scopeManager: { value: { ...file.scopeManager, scopes: undefined } },
      }) as typeof file;
      expect(withoutScopes.catchClauses()).toEqual(fromIndex);
      for (const statement of file.nodesOfType(AST_NODE_TYPES.TryStatement)) {
        const outside = file.nodesOfTypeOutsideFunctions(
          AST_NODE_TYPES.CallExpression,
          statement.block,
        );
        const expected = file
          .nodesOfTypeIn(AST_NODE_TYPES.CallExpression, statement.block)
          .filter((call) => !hasFunctionBetween(call, statement.block));
        expect(outside).toEqual(expected);
        expect(outside.length).toBeGreaterThan(0);
      }
    });
  });

  it('finds the innermost node at an offset, across holes in arrays', () => {
    analyze(CODE, ({ model }) => {
      const sourceCode = model.file.sourceCode;
      const at = (needle: string): string | undefined => {
        const node = nodeAtOffset(sourceCode, CODE.indexOf(needle));
        return node && `${node.type}:${sourceCode.getText(node)}`;
      };
      expect(at('3]')).toBe('Literal:3');
      expect(at('delete')).toBe('Identifier:delete');
      expect(at('204')).toBe('Literal:204');
      expect(at('#items.get')).toBe('PrivateIdentifier:#items');
      expect(nodeAtOffset(sourceCode, CODE.length + 5)).toBeUndefined();
    });
  });
});

/** Whether a function lies between `node` and `container` (exclusive). */
function hasFunctionBetween(node: TSESTree.Node, container: TSESTree.Node): boolean {
  for (let current = node.parent; current && current !== container; current = current.parent)
    if (current.type.includes('Function')) return true;
  return false;
}
