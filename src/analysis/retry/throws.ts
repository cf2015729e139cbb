import type { TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode, Node } from '../core/ast';
import { contains, isFunction, memberName, skipWrappers, skipWrappersUp } from '../core/ast';
import { AST_NODE_TYPES } from '../core/node-types';

/** Whether `node` is in the catch clause of a try whose block holds `origin`. */
export function insideCatchOf(node: Node, origin: Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.CatchClause && contains(current.parent.block, origin))
      return true;
    if (isFunction(current) && !isPromiseCallback(current)) return false;
  }
  return false;
}

/** Whether a throw is caught by a try between it and `boundary` (one whose `catch` ends by rethrowing lets it through). */
export function caughtBefore(thrown: Node, boundary: Node): boolean {
  let child: Node = thrown;
  for (
    let current = thrown.parent;
    current && current !== boundary;
    child = current, current = current.parent
  ) {
    if (
      current.type === AST_NODE_TYPES.TryStatement &&
      current.block === child &&
      current.handler &&
      !rethrows(current.handler)
    )
      return true;
  }
  return false;
}

/** `catch (error) { log(error); throw error; }`. */
function rethrows(handler: TSESTree.CatchClause): boolean {
  const last = handler.body.body.at(-1);
  if (
    last?.type !== AST_NODE_TYPES.ThrowStatement ||
    handler.param?.type !== AST_NODE_TYPES.Identifier
  )
    return false;
  const argument = skipWrappers(last.argument);
  return argument.type === AST_NODE_TYPES.Identifier && argument.name === handler.param.name;
}

/** Functions passed to `.then`/`.catch`/`.finally` or `setTimeout`: they run as part of the enclosing flow. */
export function isPromiseCallback(fn: FunctionNode): boolean {
  const parent = skipWrappersUp(fn).parent;
  if (parent?.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipWrappers(parent.callee);
  const name =
    callee.type === AST_NODE_TYPES.MemberExpression
      ? memberName(callee)
      : callee.type === AST_NODE_TYPES.Identifier
        ? callee.name
        : undefined;
  return name === 'then' || name === 'catch' || name === 'finally' || name === 'setTimeout';
}
