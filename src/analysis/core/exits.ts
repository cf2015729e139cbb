import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';

import type { FunctionNode, Node } from './ast';
import {
  alwaysExits,
  constInitializer,
  isMethodCall,
  memberName,
  returnStatementsOf,
  skipWrappers,
} from './ast';
import type { AnalyzedFile } from './file';
import { ASSERTIONS } from '../libraries/test-runners';

/*
 * How control leaves a statement list, and the statements that let only some values past them:
 * early exits (`return`, `throw`, `continue`, `break` with or without a label, calls that never
 * return) and assertions. Read by the path engine (`paths.ts`) for every domain alike.
 */

/** How deep a call that never returns is followed into local functions (`fail` calling `die`). */
const MAX_NEVER_DEPTH = 3;
const PROCESS_ENDS: ReadonlySet<string> = new Set(['exit', 'abort']);

/**
 * Statements that end the statement list they are in: nothing after them in the list runs.
 * Besides the syntax (`return`, `throw`, `continue`, `break`, `label`led or not), a call that
 * never returns: `process.exit(1)`, `assert.fail(…)`, or a local function that always throws or
 * is declared to return `never` (`if (!res.ok) fail(res)`).
 */
export function exitsAlways(file: AnalyzedFile, statement: TSESTree.Statement, depth = 0): boolean {
  return alwaysExits(statement, (expression) => neverReturns(file, expression, depth));
}

/** Whether an expression is a call that never returns (it ends the process or always throws). */
export function neverReturns(file: AnalyzedFile, expression: Node, depth = 0): boolean {
  const call = skipWrappers(expression);
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  if (isMethodCall(call, 'process', PROCESS_ENDS) || isMethodCall(call, 'assert', 'fail'))
    return true;
  const callee = skipWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier || depth >= MAX_NEVER_DEPTH) return false;
  const fn = localFunction(file, callee);
  return fn !== undefined && functionNeverReturns(file, fn, depth + 1);
}

/** The function a local name is bound to once: `function fail() {}`, `const fail = () => {}`. */
function localFunction(
  file: AnalyzedFile,
  callee: TSESTree.Identifier,
): FunctionNode | TSESTree.TSDeclareFunction | undefined {
  const variable = file.variableOf(callee);
  if (!variable || variable.defs.length !== 1) return undefined;
  const def = variable.defs[0]!;
  if (def.type === 'FunctionName')
    return def.node.type === AST_NODE_TYPES.TSEmptyBodyFunctionExpression ? undefined : def.node;
  const init = constInitializer(variable);
  const fn = init && skipWrappers(init);
  return fn?.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    fn?.type === AST_NODE_TYPES.FunctionExpression
    ? fn
    : undefined;
}

/**
 * A function that never returns to its caller: declared to return `never` (TypeScript checks
 * it), or a synchronous one with no `return` whose body always throws or ends the process.
 */
function functionNeverReturns(
  file: AnalyzedFile,
  fn: FunctionNode | TSESTree.TSDeclareFunction,
  depth: number,
): boolean {
  if (fn.returnType?.typeAnnotation.type === AST_NODE_TYPES.TSNeverKeyword) return true;
  if (fn.type === AST_NODE_TYPES.TSDeclareFunction || fn.async || fn.generator) return false;
  const body = fn.body;
  if (body.type !== AST_NODE_TYPES.BlockStatement) return neverReturns(file, body, depth);
  // No `return`: a `break` or `continue` cannot leave the body, so an exit of the body is a throw.
  return returnStatementsOf(fn).length === 0 && exitsAlways(file, body, depth);
}

// The narrowing view of the assertion table: what an assertion lets past.
const { truthyMethods, equalityMethods, expectEquality, expectTruthy } = ASSERTIONS;
/** Functions named for what they assert: `assert(res.ok)`, `invariant(res.ok, '…')`. */
const ASSERTING_FUNCTIONS: ReadonlySet<string> = new Set([
  ...ASSERTIONS.objects,
  ...ASSERTIONS.conditionFunctions,
]);
const ASSERTION_OBJECTS: ReadonlySet<string> = new Set([
  ...ASSERTIONS.objects,
  ...ASSERTIONS.narrowingObjects,
]);

/** What an assertion lets past: what follows it runs only where `test` is true. */
export interface Assertion {
  /** The condition asserted; for an equality assertion a synthetic `actual === expected`. */
  readonly test: Node;
  /** The node that stands for the assertion (a constraint's node): the call, or its argument. */
  readonly node: Node;
}

/**
 * A statement that throws unless a condition holds, so what follows runs only where it holds:
 * `assert(cond)`, `assert.ok(cond)`, `invariant(cond)`, `assert.strictEqual(a, b)`,
 * `t.assert.equal(a, b)` (node:test), `t.equal(a, b)` (tap), `expect(a).toBe(b)` and
 * `expect(a).toBeTruthy()` (Jest, Vitest).
 */
export function assertionOf(expression: Node): Assertion | undefined {
  const call = skipWrappers(
    expression.type === AST_NODE_TYPES.AwaitExpression ? expression.argument : expression,
  );
  if (call.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = skipWrappers(call.callee);
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : memberName(callee);
  if (name === undefined) return undefined;
  // expect(status).toBe(200), expect(res.ok).toBeTruthy()
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const actual = expectedValue(callee.object);
    if (actual) {
      if (name === expectTruthy && call.arguments.length === 0) return { test: actual, node: call };
      const [expected] = call.arguments;
      if (!expectEquality.has(name) || !expected) return undefined;
      if (expected.type === AST_NODE_TYPES.SpreadElement) return undefined;
      return { test: equality(call, actual, expected), node: call };
    }
  }
  const [first, second] = call.arguments;
  if (!first || first.type === AST_NODE_TYPES.SpreadElement) return undefined;
  if (!isAssertionCallee(callee)) return undefined;
  if (truthyMethods.has(name) || ASSERTING_FUNCTIONS.has(name)) return { test: first, node: first };
  if (equalityMethods.has(name) && second && second.type !== AST_NODE_TYPES.SpreadElement)
    return { test: equality(call, first, second), node: call };
  return undefined;
}

/** `a` of `expect(a)`, when `node` is that call. */
function expectedValue(node: Node): Node | undefined {
  const target = skipWrappers(node);
  if (target.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = skipWrappers(target.callee);
  const [actual] = target.arguments;
  return callee.type === AST_NODE_TYPES.Identifier &&
    callee.name === 'expect' &&
    actual &&
    actual.type !== AST_NODE_TYPES.SpreadElement
    ? actual
    : undefined;
}

/** The condition `left === right` an equality assertion checks, as a node the domains can read. */
function equality(call: Node, left: Node, right: Node): Node {
  return {
    type: AST_NODE_TYPES.BinaryExpression,
    operator: '===',
    left,
    right,
    parent: call,
    range: call.range,
    loc: call.loc,
  } as unknown as Node;
}

/** `assert`, `invariant`, `assert.x`, `t.x`, `t.assert.x`, `strict.x`: an assertion library's function. */
function isAssertionCallee(callee: Node): boolean {
  if (callee.type === AST_NODE_TYPES.Identifier) return ASSERTING_FUNCTIONS.has(callee.name);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const object = skipWrappers(callee.object);
  if (object.type === AST_NODE_TYPES.Identifier) return ASSERTION_OBJECTS.has(object.name);
  if (object.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = memberName(object);
  return name !== undefined && ASSERTIONS.objects.has(name);
}
