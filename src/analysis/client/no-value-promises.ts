import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../core/node-types';

import type { FunctionNode, Node } from '../core/ast';
import { constInitializer, isFunction, memberName, skipWrappers } from '../core/ast';
import type { AnalyzedFile } from '../core/file';

/**
 * Promise combinators after which a value is still the request's response or no value at all,
 * never another response: `fetch(u).catch(() => null)` (the response, or null on a network
 * error) and `Promise.race([fetch(u), timeout(ms)])` with a timeout that only rejects or
 * resolves to nothing. Code then tests for the response (`if (!res || res.status === 429)`).
 */

/** `promise.catch(fallback)` whose fallback gives no value (`null`, `undefined`, nothing, a throw). */
export function isCatchWithoutValue(
  member: TSESTree.MemberExpression,
  call: Node | undefined,
): call is TSESTree.CallExpression {
  if (
    memberName(member) !== 'catch' ||
    call?.type !== AST_NODE_TYPES.CallExpression ||
    skipWrappers(call.callee) !== member ||
    call.arguments.length !== 1
  )
    return false;
  const fallback = call.arguments[0]!;
  return isFunction(fallback) && givesNoValue(fallback);
}

/**
 * The `Promise.race(array)` call (the global `Promise`) whose other elements than `element`
 * give no value: each a `new Promise` whose executor never resolves with a value, or a call of
 * a local function that returns one (`timeout(ms)`).
 */
export function raceWithoutOtherValues(
  file: AnalyzedFile,
  array: TSESTree.ArrayExpression,
  element: Node,
): TSESTree.CallExpression | undefined {
  const call = array.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== array) return undefined;
  const callee = skipWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== 'race')
    return undefined;
  if (!isGlobal(file, callee.object, 'Promise')) return undefined;
  for (const other of array.elements) {
    if (other === element) continue;
    if (!other || other.type === AST_NODE_TYPES.SpreadElement) return undefined;
    if (!isPromiseWithoutValue(file, other, 0)) return undefined;
  }
  return call;
}

function isGlobal(file: AnalyzedFile, node: Node, name: string): boolean {
  const inner = skipWrappers(node);
  return (
    inner.type === AST_NODE_TYPES.Identifier &&
    inner.name === name &&
    (file.variableOf(inner)?.defs.length ?? 0) === 0
  );
}

function isPromiseWithoutValue(file: AnalyzedFile, node: Node, depth: number): boolean {
  const inner = skipWrappers(node);
  if (inner.type === AST_NODE_TYPES.NewExpression) {
    const executor = inner.arguments[0];
    if (!isGlobal(file, inner.callee, 'Promise') || !executor || !isFunction(executor))
      return false;
    const resolve = executor.params[0];
    if (!resolve) return true;
    if (resolve.type !== AST_NODE_TYPES.Identifier) return false;
    // Every use of `resolve` is a call without a value: `resolve()`, `resolve(null)`.
    const variable = file.scopeManager
      .getDeclaredVariables(executor)
      .find((v) => v.name === resolve.name);
    return (
      variable !== undefined &&
      variable.references.every((reference) => {
        const call = reference.identifier.parent;
        return (
          call?.type === AST_NODE_TYPES.CallExpression &&
          call.callee === reference.identifier &&
          (call.arguments.length === 0 ||
            (call.arguments.length === 1 && isNoValue(call.arguments[0]!)))
        );
      })
    );
  }
  if (inner.type === AST_NODE_TYPES.CallExpression && depth === 0) {
    const fn = localFunction(file, inner.callee);
    if (!fn) return false;
    if (fn.body.type !== AST_NODE_TYPES.BlockStatement)
      return isPromiseWithoutValue(file, fn.body, depth + 1);
    const statements = fn.body.body;
    const last = statements.at(-1);
    return (
      statements.filter((s) => s.type === AST_NODE_TYPES.ReturnStatement).length === 1 &&
      last?.type === AST_NODE_TYPES.ReturnStatement &&
      last.argument !== null &&
      isPromiseWithoutValue(file, last.argument, depth + 1)
    );
  }
  return false;
}

function localFunction(file: AnalyzedFile, callee: Node): FunctionNode | undefined {
  const inner = skipWrappers(callee);
  if (inner.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = file.variableOf(inner);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type === 'FunctionName' && isFunction(def.node)) return def.node;
  const init = variable ? constInitializer(variable) : undefined;
  const fn = init && skipWrappers(init);
  return fn && isFunction(fn) ? fn : undefined;
}

/** A function whose every outcome is no value: `() => null`, `() => {}`, `(e) => { log(e); }`, a throw. */
function givesNoValue(fn: FunctionNode): boolean {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return isNoValue(fn.body);
  let gives = true;
  const visit = (node: Node): void => {
    if (!gives) return;
    if (node !== fn && isFunction(node)) return;
    if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument && !isNoValue(node.argument))
      gives = false;
    for (const key of Object.keys(node)) {
      if (key === 'parent') continue;
      const value = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(value) ? value : [value])
        if (item && typeof item === 'object' && typeof (item as Node).type === 'string')
          visit(item as Node);
    }
  };
  visit(fn.body);
  return gives;
}

function isNoValue(node: Node): boolean {
  const inner = skipWrappers(node);
  return (
    (inner.type === AST_NODE_TYPES.Literal && inner.value === null && !('regex' in inner)) ||
    (inner.type === AST_NODE_TYPES.Identifier && inner.name === 'undefined') ||
    (inner.type === AST_NODE_TYPES.UnaryExpression && inner.operator === 'void')
  );
}
