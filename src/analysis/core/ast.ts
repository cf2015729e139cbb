import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { firstIndexFrom } from './sorted';

/** The objects that hold the globals (ReferenceTracker's default `globalObjectNames`): `globalThis.fetch`. */
export const GLOBAL_OBJECT_NAMES: ReadonlySet<string> = new Set([
  'global',
  'globalThis',
  'self',
  'window',
]);

export type Node = TSESTree.Node;
export type Expression = TSESTree.Expression;
export type FunctionNode =
  TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

/** Expression wrappers that do not change the value: TS assertions and `?.` chains. */
export function skipWrappers(node: Node): Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.TSInstantiationExpression:
      case AST_NODE_TYPES.ChainExpression:
        current = current.expression;
        break;
      default:
        return current;
    }
  }
}

/** The outermost node that has the same value as `node` (climbing through wrappers). */
export function skipWrappersUp(node: Node): Node {
  let current = node;
  while (current.parent && isWrapperOf(current.parent, current)) current = current.parent;
  return current;
}

function isWrapperOf(parent: Node, child: Node): boolean {
  switch (parent.type) {
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
    case AST_NODE_TYPES.ChainExpression:
      return parent.expression === child;
    default:
      return false;
  }
}

/** The name of a non-computed member or a computed member with a constant string key. */
export function memberName(node: Node): string | undefined {
  if (node.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  if (!node.computed)
    return node.property.type === AST_NODE_TYPES.Identifier ? node.property.name : undefined;
  return node.property.type === AST_NODE_TYPES.Literal && typeof node.property.value === 'string'
    ? node.property.value
    : undefined;
}

/** The binding a destructured property declares: `b` of `{ a: b }` and of `{ a: b = 1 }`. */
export function propertyBinding(property: TSESTree.Property): Node {
  return property.value.type === AST_NODE_TYPES.AssignmentPattern
    ? property.value.left
    : property.value;
}

/** A property key's name: `a`, `'a'`, `['a']`. */
export function propertyKeyName(
  property: TSESTree.Property | TSESTree.PropertyDefinition | TSESTree.MethodDefinition,
): string | undefined {
  const key = property.key;
  if (!property.computed && key.type === AST_NODE_TYPES.Identifier) return key.name;
  if (
    key.type === AST_NODE_TYPES.Literal &&
    (typeof key.value === 'string' || typeof key.value === 'number')
  )
    return String(key.value);
  return undefined;
}

/** `callee.name(...)` where callee is any expression: returns `name` for a call to a member. */
export function calledMemberName(call: TSESTree.CallExpression): string | undefined {
  return memberName(skipWrappers(call.callee));
}

/** The object of a member call: `x` in `x.json()`. */
export function calledMemberObject(call: TSESTree.CallExpression): Node | undefined {
  const callee = skipWrappers(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression ? skipWrappers(callee.object) : undefined;
}

/** A property of an object literal by name; the last one wins, as at run time. Spreads are skipped. */
export function findProperty(
  object: TSESTree.ObjectExpression,
  name: string,
): TSESTree.Property | undefined {
  let found: TSESTree.Property | undefined;
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.Property && propertyKeyName(property) === name)
      found = property;
  }
  return found;
}

export type Loop =
  | TSESTree.ForStatement
  | TSESTree.ForInStatement
  | TSESTree.ForOfStatement
  | TSESTree.WhileStatement
  | TSESTree.DoWhileStatement;

/** `for`, `for…in`, `for…of`, `while`, `do…while` (not the label around one). */
export function isLoop(node: Node): node is Loop {
  switch (node.type) {
    case AST_NODE_TYPES.ForStatement:
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
      return true;
    default:
      return false;
  }
}

/** `name(…)` or `object.name(…)`: the name called. */
export function calleeName(call: TSESTree.CallExpression): string | undefined {
  const callee = skipWrappers(call.callee);
  return callee.type === AST_NODE_TYPES.Identifier ? callee.name : memberName(callee);
}

/**
 * Whether `node` calls `object.method(…)` on a plain identifier: `isMethodCall(node, 'Math',
 * ['floor', 'trunc'])`, `isMethodCall(node, 'process', 'exit')`. Optional chains and TS wrappers
 * are looked through.
 */
export function isMethodCall(
  node: Node,
  object: string | ReadonlySet<string>,
  method: string | ReadonlySet<string>,
): boolean {
  const call = skipWrappers(node);
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const receiver = skipWrappers(callee.object);
  const name = memberName(callee);
  return (
    receiver.type === AST_NODE_TYPES.Identifier &&
    (typeof object === 'string' ? receiver.name === object : object.has(receiver.name)) &&
    name !== undefined &&
    (typeof method === 'string' ? name === method : method.has(name))
  );
}

/** The name an import specifier imports: `a` in `import { a as b }` and `import { 'a' as b }`. */
export function importedName(specifier: TSESTree.ImportSpecifier): string {
  return specifier.imported.type === AST_NODE_TYPES.Identifier
    ? specifier.imported.name
    : specifier.imported.value;
}

/** The innermost `catch` clause that holds `node` (or is it). */
export function enclosingCatch(node: Node | undefined): TSESTree.CatchClause | undefined {
  for (let current = node; current; current = current.parent)
    if (current.type === AST_NODE_TYPES.CatchClause) return current;
  return undefined;
}

/**
 * The variables through which a function can be called: its name (a declaration's, or a named
 * function expression's own), or the `const` it is assigned to, also through React's
 * `useCallback(fn, deps)`, which hands back the same function.
 */
export function functionVariables(
  scopeManager: TSESLint.Scope.ScopeManager,
  fn: FunctionNode,
): TSESLint.Scope.Variable[] {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) {
    return fn.id ? scopeManager.getDeclaredVariables(fn).filter((v) => v.name === fn.id!.name) : [];
  }
  // A named function expression is called by its own name inside and by its `const` outside.
  const own =
    fn.type === AST_NODE_TYPES.FunctionExpression && fn.id
      ? scopeManager.getDeclaredVariables(fn).filter((v) => v.name === fn.id!.name)
      : [];
  let top = skipWrappersUp(fn);
  const hook = top.parent;
  if (
    hook?.type === AST_NODE_TYPES.CallExpression &&
    hook.arguments[0] === top &&
    calleeName(hook) === 'useCallback'
  )
    top = skipWrappersUp(hook);
  const parent = top.parent;
  if (
    parent?.type === AST_NODE_TYPES.VariableDeclarator &&
    parent.init === top &&
    parent.id.type === AST_NODE_TYPES.Identifier
  ) {
    return [...own, ...scopeManager.getDeclaredVariables(parent)];
  }
  return own;
}

export function isFunction(node: Node): node is FunctionNode {
  return (
    node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.FunctionExpression
  );
}

/** The innermost function that contains `node`, or undefined at module level. */
export function enclosingFunction(node: Node): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent)
    if (isFunction(current)) return current;
  return undefined;
}

/** Whether `inner` is `outer` or lies inside it. */
export function contains(outer: Node, inner: Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

/** The single initializer of a `const` (or never-reassigned `let`) variable declared with `= init`. */
export function constInitializer(variable: TSESLint.Scope.Variable): Expression | undefined {
  if (variable.defs.length !== 1) return undefined;
  const def = variable.defs[0]!;
  if (def.type !== 'Variable' || def.node.id.type !== AST_NODE_TYPES.Identifier || !def.node.init)
    return undefined;
  const declaration = def.parent;
  if (
    declaration?.kind !== 'const' &&
    variable.references.some((ref) => ref.isWrite() && ref.identifier !== def.name)
  ) {
    return undefined;
  }
  return def.node.init;
}

/**
 * The initializer of a TypeScript enum member read by name (`Status.NoContent` with
 * `enum Status { NoContent = 204 }`), when the variable is only enums (declarations merge). A
 * member without an initializer has none: its number depends on the members before it.
 */
export function enumMemberInitializer(
  variable: TSESLint.Scope.Variable,
  name: string,
): Expression | undefined {
  if (
    variable.defs.length === 0 ||
    variable.defs.some((def) => def.node.type !== AST_NODE_TYPES.TSEnumDeclaration)
  )
    return undefined;
  for (const def of variable.defs) {
    const declaration = def.node as TSESTree.TSEnumDeclaration;
    for (const member of declaration.body.members) {
      const key = member.id.type === AST_NODE_TYPES.Identifier ? member.id.name : member.id.value;
      if (key === name) return member.initializer;
    }
  }
  return undefined;
}

/** Whether a variable is a parameter of a function (including destructured parameters). */
export function isParameter(variable: TSESLint.Scope.Variable): boolean {
  return variable.defs.some((def) => def.type === 'Parameter');
}

/**
 * Statements that end the statement list they are in: nothing after them in the list runs. The
 * syntax, and calls `exitsByCall` knows never to return (by default `process.exit`; the path
 * engine's `exitsAlways(file, …)` in exits.ts also knows local functions that always throw and
 * `assert.fail`: domains move to it as they port).
 */
export function alwaysExits(
  statement: TSESTree.Statement,
  exitsByCall: (expression: Expression) => boolean = isProcessExit,
): boolean {
  switch (statement.type) {
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ThrowStatement:
    case AST_NODE_TYPES.ContinueStatement:
    case AST_NODE_TYPES.BreakStatement:
      return true;
    case AST_NODE_TYPES.BlockStatement:
      return statement.body.some((inner) => alwaysExits(inner, exitsByCall));
    case AST_NODE_TYPES.IfStatement:
      return (
        statement.alternate != null &&
        alwaysExits(statement.consequent, exitsByCall) &&
        alwaysExits(statement.alternate, exitsByCall)
      );
    case AST_NODE_TYPES.TryStatement:
      // A try exits when its block does and no catch falls through, or its finally exits.
      return (
        (statement.finalizer != null && alwaysExits(statement.finalizer, exitsByCall)) ||
        (alwaysExits(statement.block, exitsByCall) &&
          (statement.handler == null || alwaysExits(statement.handler.body, exitsByCall)))
      );
    case AST_NODE_TYPES.ExpressionStatement:
      return exitsByCall(statement.expression);
    default:
      return false;
  }
}

function isProcessExit(expression: Expression): boolean {
  return isMethodCall(expression, 'process', 'exit');
}

/** The string value of a literal or a template without expressions. */
export function literalString(node: Node): string | undefined {
  const inner = skipWrappers(node);
  if (inner.type === AST_NODE_TYPES.Literal && typeof inner.value === 'string') return inner.value;
  if (inner.type === AST_NODE_TYPES.TemplateLiteral && inner.expressions.length === 0)
    return inner.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/**
 * The items of `sorted` (ascending by their node's start) whose node lies in `[start, end]`,
 * found by binary search.
 */
export function itemsWithin<T>(
  sorted: readonly T[],
  nodeOf: (item: T) => Node,
  start: number,
  end: number,
): T[] {
  const low = firstIndexFrom(sorted.length, (k) => nodeOf(sorted[k]!).range[0], start);
  const result: T[] = [];
  for (let i = low; i < sorted.length && nodeOf(sorted[i]!).range[0] < end; i++) {
    if (nodeOf(sorted[i]!).range[1] <= end) result.push(sorted[i]!);
  }
  return result;
}

/**
 * The `return` statements of a function, not of functions nested in it, in source order. Walks
 * statements only: a `return` is never inside an expression of its own function.
 */
export function returnStatementsOf(fn: FunctionNode): TSESTree.ReturnStatement[] {
  const returns: TSESTree.ReturnStatement[] = [];
  const visit = (statement: TSESTree.Statement | null | undefined): void => {
    if (!statement) return;
    switch (statement.type) {
      case AST_NODE_TYPES.ReturnStatement:
        returns.push(statement);
        return;
      case AST_NODE_TYPES.BlockStatement:
        for (const child of statement.body) visit(child);
        return;
      case AST_NODE_TYPES.IfStatement:
        visit(statement.consequent);
        visit(statement.alternate);
        return;
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
      case AST_NODE_TYPES.LabeledStatement:
      case AST_NODE_TYPES.WithStatement:
        visit(statement.body);
        return;
      case AST_NODE_TYPES.SwitchStatement:
        for (const switchCase of statement.cases)
          for (const child of switchCase.consequent) visit(child);
        return;
      case AST_NODE_TYPES.TryStatement:
        visit(statement.block);
        visit(statement.handler?.body);
        visit(statement.finalizer);
        return;
      default:
        return;
    }
  };
  if (fn.body?.type === AST_NODE_TYPES.BlockStatement) visit(fn.body);
  return returns;
}
