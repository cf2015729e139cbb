import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../core/node-types';

import type { Node } from '../core/ast';
import { isFunction, memberName, propertyBinding, skipWrappers, skipWrappersUp } from '../core/ast';
import type { AnalyzedFile } from '../core/file';
import { ASSERTIONS } from '../libraries/test-runners';
import { isJsonParse } from './body-parses';

const MAX_DEPTH = 4;
/** The value view of the assertion table: objects whose every method asserts on a value. */
const ASSERTION_OBJECTS: ReadonlySet<string> = new Set([
  ...ASSERTIONS.objects,
  ...ASSERTIONS.valueObjects,
]);
/** Queries on a body's text or items whose result, not the body, is asserted: `assert(text.includes(…))`. */
const QUERY_METHODS = new Set([
  'includes',
  'startsWith',
  'endsWith',
  'indexOf',
  'match',
  'trim',
  'toLowerCase',
  'some',
  'every',
  'find',
]);
/** Operators whose result is asserted in place of the body: `assert(body.ok === true)`, `t.ok(!body.error)`. */
const COMPARISONS = new Set(['===', '!==', '==', '!=', '<', '<=', '>', '>=']);

/**
 * Whether the value of a body read goes straight into a test assertion (`assert.deepStrictEqual(
 * await res.json(), {…})`, `t.same(JSON.parse(body), …)`, `expect(await res.json()).toEqual(…)`),
 * through members of it, `JSON.parse` or a variable whose every read is asserted on or only logged.
 * An error body fails such an assertion: the response is examined, as by a status check.
 */
export function feedsAssertion(
  file: AnalyzedFile,
  read: Node,
  onlyLogged: (node: Node) => boolean,
  depth = 0,
): boolean {
  if (read.type === AST_NODE_TYPES.Property) {
    const leaf = propertyBinding(read);
    return (
      leaf.type === AST_NODE_TYPES.Identifier && variableAsserted(file, leaf, onlyLogged, depth)
    );
  }
  let current = skipWrappersUp(read);
  for (;;) {
    const parent = current.parent;
    if (!parent) return false;
    switch (parent.type) {
      case AST_NODE_TYPES.AwaitExpression:
        break;
      case AST_NODE_TYPES.MemberExpression: {
        // `body.items`, `body[0]`: a part of the body, asserted on
        if (parent.object !== current) return false;
        if (!isCalled(parent)) break;
        // `text.includes('<img alt="…">')`: the query's result is what is asserted
        const method = memberName(parent);
        if (method === undefined || !QUERY_METHODS.has(method)) return false;
        current = skipWrappersUp(skipWrappersUp(parent).parent!);
        continue;
      }
      case AST_NODE_TYPES.BinaryExpression:
        if (!COMPARISONS.has(parent.operator)) return false;
        break;
      case AST_NODE_TYPES.UnaryExpression:
        if (parent.operator !== '!') return false;
        break;
      case AST_NODE_TYPES.CallExpression:
        if (parent.callee === current) return false;
        if (isAssertionCall(parent)) return true;
        if (!isJsonParse(parent)) return false;
        break;
      case AST_NODE_TYPES.ArrowFunctionExpression: {
        // `.then((res) => res.json()).then((body) => { if (body.status !== 'UP') throw … })`
        if (parent.body !== current || depth >= MAX_DEPTH) return false;
        const next = nextThenParameter(parent);
        return (
          next !== undefined &&
          (variableAsserted(file, next, onlyLogged, depth + 1) || onlyDecidesFailure(file, next))
        );
      }
      case AST_NODE_TYPES.VariableDeclarator:
        return (
          parent.init === current &&
          parent.id.type === AST_NODE_TYPES.Identifier &&
          depth < MAX_DEPTH &&
          (variableAsserted(file, parent.id, onlyLogged, depth + 1) ||
            onlyDecidesFailure(file, parent.id))
        );
      default:
        return false;
    }
    current = skipWrappersUp(parent);
  }
}

/** A variable read at least once, each read asserted on or only logged. */
function variableAsserted(
  file: AnalyzedFile,
  identifier: TSESTree.Identifier,
  onlyLogged: (node: Node) => boolean,
  depth: number,
): boolean {
  const variable = file.variableOf(identifier);
  if (!variable || variable.defs.length !== 1) return false;
  let asserted = false;
  for (const reference of variable.references) {
    if (!reference.isRead()) {
      if (reference.init) continue;
      return false;
    }
    if (feedsAssertion(file, reference.identifier, onlyLogged, depth)) asserted = true;
    else if (!onlyLogged(reference.identifier)) return false;
  }
  return asserted;
}

/**
 * A body read only to decide whether to fail: every read sits in the test of an `if` whose branch
 * throws, or in that throw (`if (body.status !== 'UP') throw new Error(… + body.status)`). An
 * error body fails the test, and nothing takes it as data.
 */
function onlyDecidesFailure(file: AnalyzedFile, identifier: TSESTree.Identifier): boolean {
  const variable = file.variableOf(identifier);
  if (!variable || variable.defs.length !== 1) return false;
  let tested = false;
  for (const reference of variable.references) {
    if (!reference.isRead()) {
      if (reference.init) continue;
      return false;
    }
    const role = failureRole(reference.identifier);
    if (role === undefined) return false;
    if (role === 'test') tested = true;
  }
  return tested;
}

/** Whether a node sits in the test of an `if` whose branch throws, or in a `throw`'s argument. */
function failureRole(node: Node): 'test' | 'message' | undefined {
  for (
    let child: Node = node, parent = node.parent;
    parent;
    child = parent, parent = parent.parent
  ) {
    if (parent.type === AST_NODE_TYPES.ThrowStatement) return 'message';
    if (parent.type === AST_NODE_TYPES.IfStatement)
      return parent.test === child && throwsAlways(parent.consequent) ? 'test' : undefined;
    if (
      parent.type === AST_NODE_TYPES.BlockStatement ||
      parent.type === AST_NODE_TYPES.ExpressionStatement ||
      parent.type === AST_NODE_TYPES.VariableDeclarator ||
      parent.type === AST_NODE_TYPES.ReturnStatement ||
      isFunction(parent)
    )
      return undefined;
  }
  return undefined;
}

function throwsAlways(statement: TSESTree.Statement): boolean {
  if (statement.type === AST_NODE_TYPES.ThrowStatement) return true;
  return (
    statement.type === AST_NODE_TYPES.BlockStatement &&
    statement.body.at(-1)?.type === AST_NODE_TYPES.ThrowStatement
  );
}

/** The first parameter of the next `.then(fn)` in a chain, for a callback of the `.then` before it. */
function nextThenParameter(
  callback: TSESTree.ArrowFunctionExpression,
): TSESTree.Identifier | undefined {
  const call = skipWrappersUp(callback).parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== callback) return;
  const member = skipWrappersUp(call).parent;
  if (
    member?.type !== AST_NODE_TYPES.MemberExpression ||
    member.object !== skipWrappersUp(call) ||
    memberName(member) !== 'then'
  )
    return;
  const callee = skipWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== 'then') return;
  const next = skipWrappersUp(member).parent;
  if (next?.type !== AST_NODE_TYPES.CallExpression || skipWrappers(next.callee) !== member) return;
  const fn = next.arguments[0];
  if (
    fn?.type !== AST_NODE_TYPES.ArrowFunctionExpression &&
    fn?.type !== AST_NODE_TYPES.FunctionExpression
  )
    return;
  const param = fn.params[0];
  return param?.type === AST_NODE_TYPES.Identifier ? param : undefined;
}

function isCalled(member: TSESTree.MemberExpression): boolean {
  const parent = skipWrappersUp(member).parent;
  return parent?.type === AST_NODE_TYPES.CallExpression && skipWrappers(parent.callee) === member;
}

function nameOf(node: Node): string | undefined {
  const inner = skipWrappers(node);
  if (inner.type === AST_NODE_TYPES.Identifier) return inner.name;
  if (inner.type === AST_NODE_TYPES.MemberExpression) return memberName(inner);
  if (inner.type === AST_NODE_TYPES.ThisExpression) return 'this';
  return undefined;
}

/**
 * `assert(x)`, `assert.X(x, …)`, `t.assert.X(x, …)`, `t.same(x, …)` (tap, AVA), and
 * `expect(x)` followed by a matcher (`expect(x).toEqual(…)`, `expect(x).to.deep.equal(…)`).
 */
function isAssertionCall(call: TSESTree.CallExpression): boolean {
  const callee = skipWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    if (ASSERTION_OBJECTS.has(callee.name)) return true;
    return callee.name === 'expect' && hasMatcher(call);
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = memberName(callee);
  const object = nameOf(callee.object);
  if (method === undefined || object === undefined) return false;
  if (ASSERTION_OBJECTS.has(object)) return true;
  return (
    ASSERTIONS.contextMethods.has(method) &&
    skipWrappers(callee.object).type === AST_NODE_TYPES.Identifier &&
    ASSERTIONS.contextName.test(object)
  );
}

/** `expect(x).toEqual(…)`, `expect(x).not.toBe(…)`, `expect(x).to.deep.equal(…)`: a call after the chain. */
function hasMatcher(expectCall: TSESTree.CallExpression): boolean {
  let current: Node = skipWrappersUp(expectCall);
  for (let step = 0; step < MAX_DEPTH; step++) {
    const parent = current.parent;
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== current) return false;
    if (isCalled(parent)) return true;
    current = skipWrappersUp(parent);
  }
  return false;
}
