import type { TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode, Node } from '../core/ast';
import { constInitializer, isFunction, isParameter, skipWrappers } from '../core/ast';
import type { AnalyzedFile } from '../core/file';
import { AST_NODE_TYPES } from '../core/node-types';

export const MAX_DEPTH = 3;

export function objectOf(file: AnalyzedFile, node: Node): TSESTree.ObjectExpression | undefined {
  const inner = resolveConst(file, node);
  return inner?.type === AST_NODE_TYPES.ObjectExpression ? inner : undefined;
}

export function arrayOf(file: AnalyzedFile, node: Node): TSESTree.ArrayExpression | undefined {
  let inner = resolveConst(file, node);
  // `new Set([...])`
  if (inner?.type === AST_NODE_TYPES.NewExpression && inner.arguments[0])
    inner = resolveConst(file, inner.arguments[0]);
  return inner?.type === AST_NODE_TYPES.ArrayExpression ? inner : undefined;
}

export function functionOf(file: AnalyzedFile, node: Node): FunctionNode | undefined {
  const inner = skipWrappers(node);
  if (isFunction(inner)) return inner;
  if (inner.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = file.variableOf(inner);
  const def = variable?.defs[0];
  if (def?.type === 'FunctionName' && def.node.type === AST_NODE_TYPES.FunctionDeclaration)
    return def.node;
  const init = variable ? constInitializer(variable) : undefined;
  const fn = init && skipWrappers(init);
  return fn && isFunction(fn) ? fn : undefined;
}

function resolveConst(file: AnalyzedFile, node: Node, depth = 0): Node | undefined {
  const inner = skipWrappers(node);
  if (inner.type !== AST_NODE_TYPES.Identifier || depth > MAX_DEPTH) return inner;
  const variable = file.variableOf(inner);
  if (!variable || isParameter(variable)) return undefined;
  const init = constInitializer(variable);
  return init ? resolveConst(file, init, depth + 1) : undefined;
}
