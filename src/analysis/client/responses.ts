import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../core/node-types';

import type { FunctionNode, Node } from '../core/ast';
import {
  enclosingFunction,
  functionVariables,
  isFunction,
  memberName,
  skipWrappers,
  skipWrappersUp,
} from '../core/ast';
import type { AnalyzedFile } from '../core/file';
import { functionOf } from '../core/static-values';
import { StatusSubject } from '../status/subject';
import { findRequestPromiseParses } from './body-parses';
import { generatorLoops, loopPattern, loopsOverArray, loopsOverMapped } from './iterated-responses';
import { superCallsOf } from './local-calls';
import { isCatchWithoutValue, raceWithoutOtherValues } from './no-value-promises';
import type { ClientContext, HttpRequest, TrackedResponse } from './types';

const MAX_HELPER_DEPTH = 2;

// ---- following responses ----------------------------------------------------------------
/** Follows the responses of a request and finds the parses on its promise. */
export function followRequest(ctx: ClientContext, request: HttpRequest): void {
  findRequestPromiseParses(ctx, request, request.node);
  flow(ctx, request.node, true, request, undefined, 0);
}

/**
 * Follows a value that is a response (or a promise of one) through `await`, `.then`,
 * variables, returns from local helpers and pass-through expressions.
 */
function flow(
  ctx: ClientContext,
  value: Node,
  isPromise: boolean,
  request: HttpRequest,
  helperCall: TSESTree.CallExpression | undefined,
  depth: number,
  response?: TrackedResponse,
): void {
  const top = skipWrappersUp(value);
  const parent = top.parent;
  if (!parent) return;
  const track = (byReference = false): TrackedResponse => {
    if (response) return response;
    const created: TrackedResponse = {
      request,
      origin: top,
      subject: new StatusSubject(ctx.file),
      helperCall,
      ...(byReference ? { byReference } : {}),
    };
    ctx.responses.push(created);
    return created;
  };
  switch (parent.type) {
    case AST_NODE_TYPES.AwaitExpression:
      flow(ctx, parent, false, request, helperCall, depth, response);
      return;
    case AST_NODE_TYPES.MemberExpression: {
      if (parent.object !== top) return;
      const name = memberName(parent);
      const call = skipWrappersUp(parent).parent;
      if (isPromise) {
        if (
          name === 'then' &&
          call?.type === AST_NODE_TYPES.CallExpression &&
          skipWrappers(call.callee) === parent
        ) {
          const callback = call.arguments[0] && thenCallback(ctx.file, call.arguments[0]);
          if (callback?.fn.params[0]) {
            const tracked = track(callback.byReference);
            tracked.subject.bindHolderPattern(callback.fn.params[0]);
            findHelperReturns(ctx, tracked);
          }
        } else if (isCatchWithoutValue(parent, call)) {
          // `fetch(u).catch(() => null)`: the response, or no value at all.
          flow(ctx, call, true, request, helperCall, depth, response);
        }
        return;
      }
      const tracked = track();
      tracked.subject.addHolderExpression(top);
      return;
    }
    case AST_NODE_TYPES.VariableDeclarator:
      if (parent.init !== top) return;
      if (isPromise) {
        followPromiseVariable(ctx, parent.id, request, helperCall, depth);
        return;
      }
      {
        const tracked = track();
        tracked.subject.bindHolderPattern(parent.id);
        findHelperReturns(ctx, tracked);
      }
      return;
    case AST_NODE_TYPES.AssignmentExpression:
      if (
        parent.right !== top ||
        parent.operator !== '=' ||
        parent.left.type !== AST_NODE_TYPES.Identifier
      )
        return;
      if (isPromise) {
        followPromiseVariable(ctx, parent.left, request, helperCall, depth);
        return;
      }
      if (!response) {
        // Every response assigned to one variable gets the same subject (the variable's reads
        // and copies): built once, not once per assignment (`res = await fetch(…)` repeated).
        const variable = ctx.file.variableOf(parent.left);
        const shared = variable ? ctx.assignedSubjects.get(variable) : undefined;
        if (shared) {
          ctx.responses.push({ request, origin: top, subject: shared, helperCall });
          return;
        }
        const tracked = track();
        if (variable) ctx.assignedSubjects.set(variable, tracked.subject);
        tracked.subject.bindHolderPattern(parent.left);
        findHelperReturns(ctx, tracked);
        return;
      }
      response.subject.bindHolderPattern(parent.left);
      findHelperReturns(ctx, response);
      return;
    case AST_NODE_TYPES.ReturnStatement: {
      const fn = enclosingFunction(parent);
      if (fn) {
        followHelper(ctx, fn, request, depth);
        bindLoops(ctx, loopsOverMapped(ctx, fn), request, top, helperCall);
      }
      return;
    }
    case AST_NODE_TYPES.ArrowFunctionExpression:
      if (parent.body === top) {
        followHelper(ctx, parent, request, depth);
        bindLoops(ctx, loopsOverMapped(ctx, parent), request, top, helperCall);
      }
      return;
    case AST_NODE_TYPES.YieldExpression: {
      const fn = enclosingFunction(parent);
      if (fn) followGenerator(ctx, fn, request, depth);
      return;
    }
    case AST_NODE_TYPES.ConditionalExpression:
      if (parent.test !== top) flow(ctx, parent, isPromise, request, helperCall, depth, response);
      return;
    case AST_NODE_TYPES.LogicalExpression:
      flow(ctx, parent, isPromise, request, helperCall, depth, response);
      return;
    case AST_NODE_TYPES.SequenceExpression:
      if (parent.expressions.at(-1) === top)
        flow(ctx, parent, isPromise, request, helperCall, depth, response);
      return;
    case AST_NODE_TYPES.ArrayExpression: {
      // `Promise.race([fetch(u), timeout(ms)])` with a timeout that gives no value: the response.
      const race = isPromise ? raceWithoutOtherValues(ctx.file, parent, top) : undefined;
      if (race) {
        flow(ctx, race, true, request, helperCall, depth, response);
        return;
      }
      // `for await (const res of [fetch(a), fetch(b)])`: the loop's value is each response.
      const loops = loopsOverArray(ctx, parent);
      if (loops.length > 0) {
        bindLoops(ctx, loops, request, top, helperCall);
        return;
      }
      // `const [res] = await Promise.all([fetch(u), …])`: element i of the array is response i.
      if (!isPromise) return;
      const { indexOf, firstSpread } = arrayPositions(parent);
      const index = indexOf.get(top) ?? -1;
      if (index === -1 || firstSpread < index) return;
      const element = promiseAllPattern(ctx.file, parent)?.elements[index];
      if (element && element.type !== AST_NODE_TYPES.RestElement) {
        const tracked = track();
        tracked.subject.bindHolderPattern(element);
        findHelperReturns(ctx, tracked);
      }
      return;
    }
    default:
      return;
  }
}

/**
 * Each element's index in an array literal, and the first spread's: asked for every element of
 * `Promise.all([…])`, an `indexOf` each would be quadratic in the array's length.
 */
function arrayPositions(array: TSESTree.ArrayExpression): {
  indexOf: ReadonlyMap<Node, number>;
  firstSpread: number;
} {
  let positions = positionsByArray.get(array);
  if (!positions) {
    const indexOf = new Map<Node, number>();
    let firstSpread = Infinity;
    array.elements.forEach((element, index) => {
      if (!element) return;
      if (!indexOf.has(element)) indexOf.set(element, index);
      if (element.type === AST_NODE_TYPES.SpreadElement) firstSpread = Math.min(firstSpread, index);
    });
    positionsByArray.set(array, (positions = { indexOf, firstSpread }));
  }
  return positions;
}

const positionsByArray = new WeakMap<
  TSESTree.ArrayExpression,
  { indexOf: ReadonlyMap<Node, number>; firstSpread: number }
>();

/** A response for each loop whose every value is a response of the request. */
function bindLoops(
  ctx: ClientContext,
  loops: readonly TSESTree.ForOfStatement[],
  request: HttpRequest,
  origin: Node,
  helperCall: TSESTree.CallExpression | undefined,
): void {
  for (const loop of loops) {
    const pattern = loopPattern(loop);
    if (!pattern) continue;
    const tracked: TrackedResponse = {
      request,
      origin,
      subject: new StatusSubject(ctx.file),
      helperCall,
      loop,
    };
    ctx.responses.push(tracked);
    tracked.subject.bindHolderPattern(pattern);
    findHelperReturns(ctx, tracked);
  }
}

/** `for await (const res of pages())` over a local generator that yields the response. */
function followGenerator(
  ctx: ClientContext,
  generator: FunctionNode,
  request: HttpRequest,
  depth: number,
): void {
  if (depth >= MAX_HELPER_DEPTH) return;
  let followed = ctx.generatorsFollowed.get(generator);
  if (!followed) ctx.generatorsFollowed.set(generator, (followed = new Set()));
  if (followed.has(request)) return;
  followed.add(request);
  for (const { call, loop } of generatorLoops(ctx, generator))
    bindLoops(ctx, [loop], request, call, call);
}

/**
 * The function a `.then` callback is: written inline, or a local function passed by name
 * (`.then(parseJson)`) whose response parameter is a plain name.
 */
function thenCallback(
  file: AnalyzedFile,
  callback: Node,
): { readonly fn: FunctionNode; readonly byReference: boolean } | undefined {
  if (isFunction(callback)) return { fn: callback, byReference: false };
  const fn =
    skipWrappers(callback).type === AST_NODE_TYPES.Identifier
      ? functionOf(file, callback)
      : undefined;
  return fn?.params[0]?.type === AST_NODE_TYPES.Identifier ? { fn, byReference: true } : undefined;
}

function followPromiseVariable(
  ctx: ClientContext,
  pattern: Node,
  request: HttpRequest,
  helperCall: TSESTree.CallExpression | undefined,
  depth: number,
): void {
  if (pattern.type !== AST_NODE_TYPES.Identifier) return;
  const variable = ctx.file.variableOf(pattern);
  if (!variable) return;
  for (const reference of variable.references) {
    if (!reference.isRead()) continue;
    findRequestPromiseParses(ctx, request, reference.identifier);
    flow(ctx, reference.identifier, true, request, helperCall, depth);
  }
}

/** A response variable that is returned makes its function a helper that returns responses. */
function findHelperReturns(ctx: ClientContext, response: TrackedResponse): void {
  for (const variable of response.subject.holderVariables) {
    for (const reference of variable.references) {
      const top = skipWrappersUp(reference.identifier);
      const parent = top.parent;
      if (parent?.type === AST_NODE_TYPES.ReturnStatement) {
        const fn = enclosingFunction(parent);
        if (fn && !isCallbackOf(fn, response)) followHelper(ctx, fn, response.request, 0);
      } else if (parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === top) {
        followHelper(ctx, parent, response.request, 0);
      } else if (parent?.type === AST_NODE_TYPES.YieldExpression) {
        const fn = enclosingFunction(parent);
        if (fn) followGenerator(ctx, fn, response.request, 0);
      }
    }
  }
}

/** Calls of a local function that returns a response give responses of the same request. */
function followHelper(
  ctx: ClientContext,
  fn: FunctionNode,
  request: HttpRequest,
  depth: number,
): void {
  if (depth >= MAX_HELPER_DEPTH || ctx.helpersSeen.has(fn)) return;
  ctx.helpersSeen.add(fn);
  for (const variable of functionVariables(ctx.file.scopeManager, fn)) {
    for (const reference of variable.references) {
      const top = skipWrappersUp(reference.identifier);
      const call = top.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== top) continue;
      flow(ctx, call, true, request, call, depth + 1);
    }
  }
  // `super.request(u)` in a subclass, where the method is a class's in the file.
  for (const call of superCallsOf(ctx.file, fn)) flow(ctx, call, true, request, call, depth + 1);
}

/** The callback a response was bound in (`.then(res => …)`): returning from it is not a helper. */
function isCallbackOf(fn: FunctionNode, response: TrackedResponse): boolean {
  return fn.params.some((param) =>
    response.subject.holderVariables.some((v) => v.defs.some((d) => d.name === param)),
  );
}

/**
 * The array pattern that receives the awaited result of `Promise.all(array)` (the global
 * `Promise`): `const [a, b] = await Promise.all([…])` or `[a, b] = await Promise.all([…])`.
 */
function promiseAllPattern(
  file: AnalyzedFile,
  array: TSESTree.ArrayExpression,
): TSESTree.ArrayPattern | undefined {
  const argument = skipWrappersUp(array);
  const call = argument.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== argument)
    return undefined;
  const callee = skipWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== 'all')
    return undefined;
  const promise = skipWrappers(callee.object);
  if (
    promise.type !== AST_NODE_TYPES.Identifier ||
    promise.name !== 'Promise' ||
    (file.variableOf(promise)?.defs.length ?? 0) > 0
  )
    return undefined;
  const awaited = skipWrappersUp(call).parent;
  if (awaited?.type !== AST_NODE_TYPES.AwaitExpression) return undefined;
  const value = skipWrappersUp(awaited);
  const holder = value.parent;
  if (
    holder?.type === AST_NODE_TYPES.VariableDeclarator &&
    holder.init === value &&
    holder.id.type === AST_NODE_TYPES.ArrayPattern
  )
    return holder.id;
  if (
    holder?.type === AST_NODE_TYPES.AssignmentExpression &&
    holder.operator === '=' &&
    holder.right === value &&
    holder.left.type === AST_NODE_TYPES.ArrayPattern
  ) {
    return holder.left;
  }
  return undefined;
}
