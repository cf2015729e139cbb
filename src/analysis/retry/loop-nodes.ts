import type { TSESTree } from '@typescript-eslint/utils';
import type { Loop, Node } from '../core/ast';
import { isFunction, isLoop } from '../core/ast';
import { AST_NODE_TYPES } from '../core/node-types';

export function loopTest(loop: Loop): Node | undefined {
  return loop.type === AST_NODE_TYPES.ForInStatement || loop.type === AST_NODE_TYPES.ForOfStatement
    ? undefined
    : (loop.test ?? undefined);
}

/** The innermost loop around `node` inside its own function (the node within the loop's body). */
export function enclosingLoop(node: Node): Loop | undefined {
  let child = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (isFunction(parent)) return undefined;
    if (isLoop(parent) && parent.body === child) return parent;
  }
  return undefined;
}

/** The loop a `continue` goes back to. */
export function continueTarget(statement: TSESTree.ContinueStatement): Node | undefined {
  for (let current: Node | undefined = statement.parent; current; current = current.parent) {
    if (isFunction(current)) return undefined;
    if (!isLoop(current)) continue;
    if (!statement.label) return current;
    const labeled = current.parent;
    if (
      labeled?.type === AST_NODE_TYPES.LabeledStatement &&
      labeled.label.name === statement.label.name
    )
      return current;
  }
  return undefined;
}

/** Whether a `return`, `throw` or `break` statement holds `node` before the loop: it leaves, not goes round. */
export function exitsAround(node: Node, loop: Node): boolean {
  for (let current = node.parent; current && current !== loop; current = current.parent) {
    if (
      current.type === AST_NODE_TYPES.ReturnStatement ||
      current.type === AST_NODE_TYPES.ThrowStatement ||
      current.type === AST_NODE_TYPES.BreakStatement
    )
      return true;
  }
  return false;
}
