import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../core/node-types';

import type { FunctionNode, Node } from '../core/ast';
import { contains, isFunction, memberName, skipWrappers, skipWrappersUp } from '../core/ast';
import type { AnalyzedFile } from '../core/file';

/** Where a send runs on an error path: inside a `catch`, or an error-first callback's error branch. */
export interface ErrorBranch {
  readonly kind: 'catch' | 'callback';
  /** The catch parameter or the callback's error parameter. */
  readonly variable: TSESLint.Scope.Variable | undefined;
  readonly node: Node;
}

/** The innermost `catch` clause or error-first callback error branch around `node`, inside `boundary`. */
export function errorBranchAt(
  file: AnalyzedFile,
  node: Node,
  boundary: Node | undefined,
): ErrorBranch | undefined {
  let child: Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.CatchClause && child === parent.body) {
      const param = parent.param;
      const variable =
        param?.type === AST_NODE_TYPES.Identifier
          ? file.scopeManager.getDeclaredVariables(parent)[0]
          : undefined;
      return { kind: 'catch', variable, node: parent };
    }
    if (
      (parent.type === AST_NODE_TYPES.IfStatement ||
        parent.type === AST_NODE_TYPES.ConditionalExpression) &&
      child === parent.consequent
    ) {
      const variable = errorFirstParameterTested(file, parent.test, parent);
      if (variable) return { kind: 'callback', variable, node: parent };
    }
    if (
      parent.type === AST_NODE_TYPES.LogicalExpression &&
      parent.operator === '&&' &&
      child === parent.right
    ) {
      const variable = errorFirstParameterTested(file, parent.left, parent);
      if (variable) return { kind: 'callback', variable, node: parent };
    }
    if (isFunction(parent) && isRejectionHandler(parent)) {
      const param = parent.params[0];
      const variable =
        param?.type === AST_NODE_TYPES.Identifier
          ? file.scopeManager
              .getDeclaredVariables(parent)
              .find((v) => v.defs.some((d) => d.name === param))
          : undefined;
      return { kind: 'catch', variable, node: parent };
    }
    if (parent === boundary) break;
  }
  return undefined;
}

/** `promise.catch((err) => …)` or `promise.then(ok, (err) => …)`: the function runs on a rejection. */
function isRejectionHandler(fn: FunctionNode): boolean {
  const call = skipWrappersUp(fn).parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression) return false;
  const name = memberName(skipWrappers(call.callee));
  return (
    (name === 'catch' && call.arguments[0] === fn) || (name === 'then' && call.arguments[1] === fn)
  );
}

/** `if (err)` where `err` is the first parameter of a callback passed to a call (`fs.readFile(p, (err, data) => …)`). */
function errorFirstParameterTested(
  file: AnalyzedFile,
  test: Node,
  at: Node,
): TSESLint.Scope.Variable | undefined {
  const inner = skipWrappers(test);
  let identifier: TSESTree.Identifier | undefined;
  if (inner.type === AST_NODE_TYPES.Identifier) identifier = inner;
  else if (
    inner.type === AST_NODE_TYPES.BinaryExpression &&
    (inner.operator === '!=' || inner.operator === '!==') &&
    inner.left.type === AST_NODE_TYPES.Identifier &&
    inner.right.type === AST_NODE_TYPES.Literal &&
    inner.right.value === null
  ) {
    identifier = inner.left;
  }
  if (!identifier) return undefined;
  const variable = file.variableOf(identifier);
  const def = variable?.defs[0];
  if (!variable || def?.type !== 'Parameter') return undefined;
  const fn = def.node;
  if (!isFunction(fn) || fn.params[0] !== def.name || fn.params.length < 1 || !contains(fn, at))
    return undefined;
  // A callback: passed as an argument.
  const parent = fn.parent;
  if (
    parent?.type !== AST_NODE_TYPES.CallExpression &&
    parent?.type !== AST_NODE_TYPES.NewExpression
  )
    return undefined;
  if (!parent.arguments.includes(fn as TSESTree.Expression)) return undefined;
  // `promise.then((value) => …)` and `items.map((item) => …)` receive a value, not an error.
  const called = parent.type === AST_NODE_TYPES.CallExpression ? parent : undefined;
  const name = called && memberName(skipWrappers(called.callee));
  return name !== undefined && VALUE_CALLBACK_METHODS.has(name) ? undefined : variable;
}

/** Methods whose callback's first parameter is a value: a fulfilled promise's, an array item. */
const VALUE_CALLBACK_METHODS: ReadonlySet<string> = new Set([
  'then',
  'map',
  'forEach',
  'filter',
  'find',
  'some',
  'every',
  'flatMap',
]);

/** Whether an identifier refers to the given variable. */
export function refersTo(
  file: AnalyzedFile,
  node: Node,
  variable: TSESLint.Scope.Variable | undefined,
): boolean {
  if (!variable) return false;
  const inner = skipWrappers(node);
  return inner.type === AST_NODE_TYPES.Identifier && file.variableOf(inner) === variable;
}

/** `e`, `e.message`, `e.toString()`, `String(e)`: the caught error or something read from it. */
export function readsError(
  file: AnalyzedFile,
  node: Node,
  variable: TSESLint.Scope.Variable | undefined,
): boolean {
  if (!variable) return false;
  const inner = skipWrappers(node);
  if (refersTo(file, inner, variable)) return true;
  if (inner.type === AST_NODE_TYPES.MemberExpression)
    return readsError(file, inner.object, variable);
  if (inner.type === AST_NODE_TYPES.CallExpression) {
    const callee = skipWrappers(inner.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression)
      return readsError(file, callee.object, variable);
    if (
      callee.type === AST_NODE_TYPES.Identifier &&
      callee.name === 'String' &&
      inner.arguments[0]
    ) {
      return readsError(file, inner.arguments[0], variable);
    }
  }
  if (inner.type === AST_NODE_TYPES.LogicalExpression)
    return readsError(file, inner.left, variable);
  if (inner.type === AST_NODE_TYPES.TemplateLiteral)
    return inner.expressions.some((e) => readsError(file, e, variable));
  return false;
}
