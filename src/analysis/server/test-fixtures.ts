import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../core/node-types';

import type { FunctionNode, Node } from '../core/ast';
import { isFunction, memberName, skipWrappers, skipWrappersUp } from '../core/ast';
import { TEST_RUNNERS } from '../libraries/test-runners';

/**
 * Whether a handler is registered inside a test, a suite or a hook (`test('…', () => {
 * app.get('/', handler) })`): a fixture that plays a server for the test, often a wrong one on
 * purpose, so its sends are not the code's own responses. A handler elsewhere in a test file
 * (a shared app built at module level) is still checked.
 */
export function isTestFixture(handler: FunctionNode): boolean {
  for (let current: Node | undefined = handler.parent; current; current = current.parent)
    if (isFunction(current) && isTestCallback(current)) return true;
  return false;
}

/** A function passed to a test runner's call: `it('…', fn)`, `t.test('…', fn)`, `beforeEach(fn)`. */
function isTestCallback(fn: FunctionNode): boolean {
  const call = skipWrappersUp(fn).parent;
  return (
    call?.type === AST_NODE_TYPES.CallExpression &&
    call.arguments.some((argument) => skipWrappers(argument) === fn) &&
    isRunnerCallee(skipWrappers(call.callee), fn)
  );
}

/** `test`, `describe.skip`, `test.each(table)`, `tap.test`, `t.test` on an enclosing test's context. */
function isRunnerCallee(callee: Node, fn: FunctionNode): boolean {
  if (callee.type === AST_NODE_TYPES.Identifier) return TEST_RUNNERS.calls.has(callee.name);
  // `describe.each(table)('…', fn)`, `test.for(cases)('…', fn)`
  if (callee.type === AST_NODE_TYPES.CallExpression)
    return isRunnerCallee(skipWrappers(callee.callee), fn);
  const name = memberName(callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || name === undefined) return false;
  const object = skipWrappers(callee.object);
  // `test.only`, `describe.skip.each`, Playwright's `test.describe` and `test.beforeEach`
  if (
    (TEST_RUNNERS.modifiers.has(name) || TEST_RUNNERS.calls.has(name)) &&
    isRunnerCallee(object, fn)
  )
    return true;
  if (!TEST_RUNNERS.contextCalls.has(name) || object.type !== AST_NODE_TYPES.Identifier)
    return false;
  return (
    (name === 'test' && TEST_RUNNERS.moduleObjects.has(object.name)) || isTestContext(object, fn)
  );
}

/** `t` in `t.test(…)` names a parameter of an enclosing test callback (node:test, tap). */
function isTestContext(object: TSESTree.Identifier, fn: FunctionNode): boolean {
  for (let current: Node | undefined = fn.parent; current; current = current.parent) {
    if (!isFunction(current)) continue;
    const declares = current.params.some(
      (param) => param.type === AST_NODE_TYPES.Identifier && param.name === object.name,
    );
    if (declares) return isTestCallback(current);
  }
  return false;
}
