import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../core/node-types';
import type { Node } from '../core/ast';
import { contains, enclosingFunction, isLoop, skipWrappers, skipWrappersUp } from '../core/ast';
/**
 * Whether code at `at` may read `variable` as a value that is there: `'safe'` when it is
 * initialised and not null or undefined on every path to `at` (a `const` declared before, in a
 * block around `at`; a parameter or caught error never reassigned), `'unsafe'` when it certainly
 * is not (`at` before the declaration: the temporal dead zone; the last assignment on the way is
 * `null`), `'unknown'` otherwise (assigned in a `try` and read in its `catch`, reassigned in a
 * branch or in the loop around `at`). Only `'safe'` allows an autofix to read it.
 */
export type Readability = 'safe' | 'unknown' | 'unsafe';

export function readabilityAt(variable: TSESLint.Scope.Variable, at: Node): Readability {
  const def = variable.defs[0];
  if (!def || variable.defs.length > 1) return 'unknown';
  const writes = variable.references.filter((reference) => reference.isWrite() && !reference.init);
  if (def.type === 'CatchClause' || def.type === 'Parameter')
    return writes.length === 0 ? 'safe' : 'unknown';
  if (def.type !== 'Variable') return 'unknown';
  const home = enclosingFunction(def.node);
  const write = dominatingWrite(variable, at);
  if (!write) {
    // Read before the declaration in its own function: a ReferenceError (`const`, `let`) or `undefined` (`var`).
    return def.name.range[0] > at.range[0] && enclosingFunction(at) === home ? 'unsafe' : 'unknown';
  }
  const others = variable.references.filter(
    (reference) =>
      reference.isWrite() &&
      !contains(write.node, reference.identifier) &&
      reference.identifier !== def.name,
  );
  for (const other of others) {
    // Another assignment may run between: after the dominating one, or in a loop around `at` that does not hold it.
    if (other.identifier.range[0] > write.node.range[1] && other.identifier.range[0] < at.range[0])
      return 'unknown';
    if (enclosingFunction(other.identifier) !== home) return 'unknown';
    for (let loop = at.parent; loop && loop !== home; loop = loop.parent) {
      if (isLoop(loop) && contains(loop, other.identifier) && !contains(loop, write.node))
        return 'unknown';
    }
  }
  // `at` in a function created after the assignment: it runs later, when later writes may have happened.
  if (
    enclosingFunction(at) !== home &&
    others.some((other) => other.identifier.range[0] > write.node.range[1])
  )
    return 'unknown';
  return isNullish(write.value) ? 'unsafe' : 'safe';
}

/**
 * The last statement before `at`, in a block around it (in `variable`'s function), that assigns
 * `variable` whatever path leads to `at`: `const res = …`, `let res;` (undefined), `res = …;`.
 */
function dominatingWrite(
  variable: TSESLint.Scope.Variable,
  at: Node,
): { node: Node; value: Node | null } | undefined {
  const def = variable.defs[0]!;
  const home = enclosingFunction(def.node);
  let child: Node = at;
  for (let parent = at.parent; parent; child = parent, parent = parent.parent) {
    const list =
      parent.type === AST_NODE_TYPES.BlockStatement ||
      parent.type === AST_NODE_TYPES.Program ||
      parent.type === AST_NODE_TYPES.StaticBlock
        ? parent.body
        : parent.type === AST_NODE_TYPES.SwitchCase
          ? parent.consequent
          : undefined;
    if (list) {
      for (let index = list.indexOf(child as TSESTree.Statement) - 1; index >= 0; index--) {
        const write = definiteWrite(list[index]!, variable);
        if (write) return write;
      }
    }
    if (parent === home) break;
  }
  return undefined;
}

function definiteWrite(
  statement: TSESTree.Statement,
  variable: TSESLint.Scope.Variable,
): { node: Node; value: Node | null } | undefined {
  if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
    for (const declarator of statement.declarations) {
      if (variable.defs.some((def) => def.node === declarator))
        return { node: declarator, value: declarator.init };
    }
    return undefined;
  }
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return undefined;
  const expression = skipWrappers(statement.expression);
  if (expression.type !== AST_NODE_TYPES.AssignmentExpression || expression.operator !== '=')
    return undefined;
  const left = skipWrappers(expression.left);
  if (
    left.type !== AST_NODE_TYPES.Identifier ||
    !variable.references.some((reference) => reference.identifier === left)
  )
    return undefined;
  return { node: expression, value: expression.right };
}

/** `null`, `undefined`, `void 0`, or no initialiser at all. */
function isNullish(value: Node | null): boolean {
  if (!value) return true;
  const inner = skipWrappers(value);
  if (inner.type === AST_NODE_TYPES.Literal) return inner.value === null;
  if (inner.type === AST_NODE_TYPES.Identifier) return inner.name === 'undefined';
  return inner.type === AST_NODE_TYPES.UnaryExpression && inner.operator === 'void';
}

/**
 * Whether the code tests the variable for a value (`!res`, `res &&`, `res ? … : …`,
 * `res == null`, `res?.status`): it may hold null there, so a fix reads it with `?.`.
 */
export function testedForNull(variable: TSESLint.Scope.Variable): boolean {
  return variable.references.some((reference) => {
    if (!reference.isRead()) return false;
    const top = skipWrappersUp(reference.identifier);
    const parent = top.parent;
    switch (parent?.type) {
      case AST_NODE_TYPES.UnaryExpression:
        return parent.operator === '!';
      case AST_NODE_TYPES.LogicalExpression:
        return parent.left === top;
      case AST_NODE_TYPES.ConditionalExpression:
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.WhileStatement:
        return parent.test === top;
      case AST_NODE_TYPES.BinaryExpression: {
        const other = skipWrappers(parent.left === top ? parent.right : parent.left);
        return (
          (other.type === AST_NODE_TYPES.Literal && other.value === null) ||
          (other.type === AST_NODE_TYPES.Identifier && other.name === 'undefined')
        );
      }
      case AST_NODE_TYPES.MemberExpression:
        return parent.object === top && parent.optional;
      default:
        return false;
    }
  });
}
