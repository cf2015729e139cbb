import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../core/node-types';

import type { FunctionNode, Node } from '../core/ast';
import {
  constInitializer,
  enclosingFunction,
  functionVariables,
  isParameter,
  memberName,
  returnStatementsOf,
  skipWrappers,
  skipWrappersUp,
} from '../core/ast';
import type { AnalyzedFile } from '../core/file';
import type { ClientContext } from './types';

type ForOf = TSESTree.ForOfStatement;

/**
 * Responses that reach code as the values of a loop: `for await (const res of …)` over an array
 * of requests built in the file (`[fetch(a), fetch(b)]`, `urls.map((u) => fetch(u))`), or over
 * the calls of a local generator whose every `yield` is a response. Only where every value the
 * loop can receive is a response: anything else the array or generator may hold keeps it silent.
 */

/** The request call a value is, through wrappers and `await`: `fetch(u)`, `await fetch(u)`. */
function requestCallOf(ctx: ClientContext, value: Node): TSESTree.CallExpression | undefined {
  let inner = skipWrappers(value);
  if (inner.type === AST_NODE_TYPES.AwaitExpression) inner = skipWrappers(inner.argument);
  return inner.type === AST_NODE_TYPES.CallExpression && ctx.requestByNode.has(inner)
    ? inner
    : undefined;
}

/**
 * `[fetch(a), fetch(b)]` iterated by loops: the loops whose value is each element. A `for await`
 * loop takes requests or responses; a plain `for…of` only awaited responses (`[await fetch(a)]`).
 * Empty unless every element is one.
 */
export function loopsOverArray(ctx: ClientContext, array: TSESTree.ArrayExpression): ForOf[] {
  // The loops first: an array of n requests not iterated (`Promise.all([…])`) costs no scan per element.
  const loops = loopsOver(ctx.file, array, true);
  if (loops.length === 0) return loops;
  let awaited = true;
  for (const element of array.elements) {
    if (!element || element.type === AST_NODE_TYPES.SpreadElement) return [];
    if (!requestCallOf(ctx, element)) return [];
    if (skipWrappers(element).type !== AST_NODE_TYPES.AwaitExpression) awaited = false;
  }
  return awaited ? loops : loops.filter((loop) => loop.await);
}

/**
 * `urls.map((u) => fetch(u))` iterated by `for await` loops, when `fn` is the callback and each of
 * its returns is a request: the loops.
 */
export function loopsOverMapped(ctx: ClientContext, fn: FunctionNode): ForOf[] {
  const top = skipWrappersUp(fn);
  const call = top.parent;
  if (
    call?.type !== AST_NODE_TYPES.CallExpression ||
    call.arguments[0] !== top ||
    memberName(skipWrappers(call.callee)) !== 'map'
  )
    return [];
  if (fn.body.type === AST_NODE_TYPES.BlockStatement) {
    const returns = returnStatementsOf(fn);
    if (returns.length === 0 || returns.some((r) => !r.argument || !requestCallOf(ctx, r.argument)))
      return [];
  } else if (!requestCallOf(ctx, fn.body)) return [];
  // The callback's values are promises (it returns a request, or is async): `for await` only.
  return loopsOver(ctx.file, call, false);
}

/**
 * The calls of a local generator iterated by `for await` loops, when every `yield` of the
 * generator gives a response (a request, or a variable only ever written one): each call with the
 * loop that receives its values.
 */
export function generatorLoops(
  ctx: ClientContext,
  generator: FunctionNode,
): Array<{ readonly call: TSESTree.CallExpression; readonly loop: ForOf }> {
  if (!generator.generator) return [];
  const loops: Array<{ call: TSESTree.CallExpression; loop: ForOf }> = [];
  for (const variable of functionVariables(ctx.file.scopeManager, generator)) {
    for (const reference of variable.references) {
      const top = skipWrappersUp(reference.identifier);
      const call = top.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== top) continue;
      const loop = forOfOver(skipWrappersUp(call));
      if (loop) loops.push({ call, loop });
    }
  }
  return loops.length > 0 && yieldsOnlyResponses(ctx, generator) ? loops : [];
}

/** Per generator: a generator with n yields of requests is asked once per request. */
const yieldsChecked = new WeakMap<FunctionNode, boolean>();

function yieldsOnlyResponses(ctx: ClientContext, generator: FunctionNode): boolean {
  let only = yieldsChecked.get(generator);
  if (only === undefined) yieldsChecked.set(generator, (only = checkYields(ctx, generator)));
  return only;
}

function checkYields(ctx: ClientContext, generator: FunctionNode): boolean {
  const yields = ctx.file
    .nodesOfTypeIn(AST_NODE_TYPES.YieldExpression, generator)
    .filter((y) => enclosingFunction(y) === generator);
  return (
    yields.length > 0 &&
    yields.every(
      (y) =>
        !y.delegate &&
        y.argument != null &&
        (requestCallOf(ctx, y.argument) !== undefined || isResponseVariable(ctx, y.argument)),
    )
  );
}

/** A variable whose every write is a request: `const res = await fetch(u)`. */
function isResponseVariable(ctx: ClientContext, value: Node): boolean {
  const inner = skipWrappers(value);
  if (inner.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ctx.file.variableOf(inner);
  if (!variable || variable.defs.length === 0 || isParameter(variable)) return false;
  const writes = variable.references.filter((reference) => reference.isWrite());
  return (
    writes.length > 0 &&
    writes.every(
      (reference) => reference.writeExpr != null && requestCallOf(ctx, reference.writeExpr),
    )
  );
}

/**
 * The loops that iterate a value, directly (`for await (const x of value)`) or through a `const`
 * that nothing else reads but loops and `.length` (nothing can add other values).
 */
function loopsOver(file: AnalyzedFile, value: Node, plainLoops: boolean): ForOf[] {
  const top = skipWrappersUp(value);
  const direct = forOfOver(top, plainLoops);
  if (direct) return [direct];
  const declarator = top.parent;
  if (
    declarator?.type !== AST_NODE_TYPES.VariableDeclarator ||
    declarator.init !== top ||
    declarator.id.type !== AST_NODE_TYPES.Identifier
  )
    return [];
  const variable = file.variableOf(declarator.id);
  if (!variable || constInitializer(variable) !== declarator.init) return [];
  const loops: ForOf[] = [];
  for (const reference of variable.references) {
    if (reference.init) continue;
    const use = skipWrappersUp(reference.identifier);
    const loop = forOfOver(use, plainLoops);
    if (loop) loops.push(loop);
    else if (!(
      use.parent?.type === AST_NODE_TYPES.MemberExpression && memberName(use.parent) === 'length'
    ))
      return [];
  }
  return loops;
}

/** The `for await (… of value)` loop (or a plain `for…of`, with `plainLoops`) that iterates `value`. */
function forOfOver(value: Node, plainLoops = false): ForOf | undefined {
  const loop = value.parent;
  return loop?.type === AST_NODE_TYPES.ForOfStatement &&
    loop.right === value &&
    (loop.await || plainLoops)
    ? loop
    : undefined;
}

/** The pattern a loop binds each value to: `res` of `for await (const res of …)` or of `for await (res of …)`. */
export function loopPattern(loop: ForOf): Node | undefined {
  const left = loop.left;
  return left.type === AST_NODE_TYPES.VariableDeclaration ? left.declarations[0]?.id : left;
}
