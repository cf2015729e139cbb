import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { TrackedResponse } from '../client/requests';
import type { Node } from '../core/ast';
import {
  constInitializer,
  contains,
  importedName,
  isFunction,
  isLoop,
  memberName,
  skipWrappers,
  skipWrappersUp,
} from '../core/ast';
import { AST_NODE_TYPES } from '../core/node-types';
import { DELAY_MODULES } from '../libraries/retry';
import type { RetryContext } from './context';
import type { RetryDelay } from './types';

/** Per loop's list of waits, whether one is a timer (`setTimeout(retry, ms)`): only those resume some retries. */
const hasTimers = new WeakMap<readonly RetryDelay[], boolean>();

export function delaysBetween(
  ctx: RetryContext,
  container: Node,
  from: Node,
  to: Node,
): readonly RetryDelay[] {
  // Every wait in a loop body runs between two attempts.
  if (isLoop(container)) {
    let delays = ctx.loopDelays.get(container);
    if (!delays)
      ctx.loopDelays.set(
        container,
        (delays = delaysIn(ctx, container.body.range[0], container.body.range[1])),
      );
    // Without a timer every wait resumes every retry: the loop's list, shared by its n sites.
    let timers = hasTimers.get(delays);
    if (timers === undefined)
      hasTimers.set(delays, (timers = delays.some((d) => d.kind === 'timer')));
    return timers ? delays.filter((d) => resumesRetry(d, to)) : delays;
  }
  const start = from.range[0];
  const end = to === container ? container.range[1] : to.range[1];
  return delaysIn(ctx, start, end).filter(
    (d) => contains(container, d.node) && resumesRetry(d, to),
  );
}

/** The tracked responses in source order of the call that brings each one. */
export function responsesInOrder(ctx: RetryContext): TrackedResponse[] {
  return (ctx.responsesByOrigin ??= [...ctx.model.responses].sort(
    (a, b) => (a.helperCall ?? a.request.node).range[0] - (b.helperCall ?? b.request.node).range[0],
  ));
}

/**
 * The waits in `[start, end)`, in source order: `new Promise(r => setTimeout(r, ms))`, a
 * `setTimeout(…)` of its own, and calls of functions that only wait. Found among the calls of
 * the range and remembered per node, so a file pays for the ranges its retries ask about, not
 * for resolving every call it makes.
 */
function delaysIn(ctx: RetryContext, start: number, end: number): RetryDelay[] {
  const found: RetryDelay[] = [];
  for (const expression of ctx.file.nodesOfTypeIn(AST_NODE_TYPES.NewExpression, start, end)) {
    const delay = delayOf(ctx, expression);
    if (delay) found.push(delay);
  }
  for (const call of ctx.file.nodesOfTypeIn(AST_NODE_TYPES.CallExpression, start, end)) {
    const delay = delayOf(ctx, call);
    if (delay) found.push(delay);
  }
  return found.sort((a, b) => a.node.range[0] - b.node.range[0]);
}

function delayOf(
  ctx: RetryContext,
  node: TSESTree.NewExpression | TSESTree.CallExpression,
): RetryDelay | undefined {
  if (ctx.delays.has(node)) return ctx.delays.get(node);
  let delay: RetryDelay | undefined;
  if (node.type === AST_NODE_TYPES.NewExpression) {
    const timer = promiseTimer(node);
    if (timer) delay = { node, kind: 'promise-timer', duration: timer.arguments[1] };
  } else {
    const callee = skipWrappers(node.callee);
    if (callee.type === AST_NODE_TYPES.Identifier) {
      const variable = ctx.file.variableOf(callee);
      if (!variable || variable.defs.length === 0) {
        if (callee.name === 'setTimeout' && !isTimerOfPromise(node))
          delay = { node, kind: 'timer', duration: node.arguments[1] };
      } else {
        const argument = sleepArgumentOf(ctx, variable);
        if (argument >= 0) delay = { node, kind: 'sleep', duration: node.arguments[argument] };
      }
    }
  }
  // `Promise.race([fetch(u), timeout(ms)])`: a deadline on the attempt, not a wait before the next.
  if (delay && isRaced(node)) delay = undefined;
  ctx.delays.set(node, delay);
  return delay;
}

function isRaced(node: Node): boolean {
  const array = skipWrappersUp(node).parent;
  const call = array?.parent;
  if (
    array?.type !== AST_NODE_TYPES.ArrayExpression ||
    call?.type !== AST_NODE_TYPES.CallExpression
  )
    return false;
  const callee = skipWrappers(call.callee);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    /^(?:race|any)$/.test(memberName(callee) ?? '')
  );
}

/**
 * Whether a call waits: `setTimeout(…)` (not the one a
 * `new Promise(r => setTimeout(r, ms))` waits with) or a call of a function that only waits.
 * Asked of one call, it spares a file without retries the search of all of them.
 */
export function isDelayCall(ctx: RetryContext, call: TSESTree.CallExpression): boolean {
  return delayOf(ctx, call) !== undefined;
}

/** Whether an awaited value is a wait. */
export function isDelay(ctx: RetryContext, node: Node): boolean {
  return (
    (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) &&
    delayOf(ctx, node) !== undefined
  );
}

function sleepArgumentOf(ctx: RetryContext, variable: TSESLint.Scope.Variable): number {
  let argument = ctx.sleepArguments.get(variable);
  if (argument === undefined) {
    argument = sleepArgument(variable);
    ctx.sleepArguments.set(variable, argument);
  }
  return argument;
}

/** Which argument of a function is its wait, when the function only waits; -1 otherwise. */
function sleepArgument(variable: TSESLint.Scope.Variable): number {
  const def = variable.defs[0]!;
  if (def.type === 'ImportBinding') {
    const declaration = def.parent;
    if (declaration.type !== AST_NODE_TYPES.ImportDeclaration) return -1;
    const specifier = def.node;
    const imported =
      specifier.type === AST_NODE_TYPES.ImportSpecifier ? importedName(specifier) : 'default';
    const known = DELAY_MODULES.find(
      (m) => m.source === declaration.source.value && m.exportName === imported,
    );
    return known ? known.argument : -1;
  }
  let fn: Node | undefined;
  if (def.type === 'FunctionName') fn = def.node;
  else if (def.type === 'Variable') fn = constInitializer(variable);
  if (!fn || !isFunction(fn)) return -1;
  const body = fn.body;
  const expression =
    body.type === AST_NODE_TYPES.BlockStatement
      ? body.body.length === 1 && body.body[0]!.type === AST_NODE_TYPES.ReturnStatement
        ? body.body[0].argument
        : undefined
      : body;
  const inner = expression && skipWrappers(expression);
  const timer = inner?.type === AST_NODE_TYPES.NewExpression ? promiseTimer(inner) : undefined;
  const duration = timer?.arguments[1] && skipWrappers(timer.arguments[1]);
  if (duration?.type !== AST_NODE_TYPES.Identifier) return timer ? 0 : -1;
  const index = fn.params.findIndex(
    (p) =>
      (p.type === AST_NODE_TYPES.AssignmentPattern ? p.left : p).type ===
        AST_NODE_TYPES.Identifier &&
      ((p.type === AST_NODE_TYPES.AssignmentPattern ? p.left : p) as TSESTree.Identifier).name ===
        duration.name,
  );
  return index >= 0 ? index : 0;
}

/**
 * Whether a wait holds back the retry at `to`. A bare `setTimeout(cb, ms)` does only when it is
 * the retry's timer or its callback makes the retry: an abort timer, a redirect or a toast
 * scheduled on the way does not delay the next attempt.
 */
function resumesRetry(delay: RetryDelay, to: Node): boolean {
  if (delay.kind !== 'timer' || delay.node === to) return true;
  const callback =
    delay.node.type === AST_NODE_TYPES.CallExpression ? delay.node.arguments[0] : undefined;
  return callback !== undefined && contains(callback, to);
}

/** Whether a `setTimeout(…)` call is the one a `new Promise(r => setTimeout(r, ms))` waits with. */
function isTimerOfPromise(call: TSESTree.CallExpression): boolean {
  let node: Node | undefined = call.parent;
  // The executor's body, its block and statement, and wrappers: a few levels at most.
  for (let depth = 0; node && depth < 6; depth++, node = node.parent) {
    if (node.type === AST_NODE_TYPES.NewExpression) return promiseTimer(node) === call;
  }
  return false;
}

/** `new Promise(resolve => setTimeout(resolve, ms))`: the inner `setTimeout` call. */
function promiseTimer(expression: TSESTree.NewExpression): TSESTree.CallExpression | undefined {
  if (expression.callee.type !== AST_NODE_TYPES.Identifier || expression.callee.name !== 'Promise')
    return undefined;
  const executor = expression.arguments[0];
  if (!executor || !isFunction(executor)) return undefined;
  let body: Node | undefined = executor.body;
  if (body.type === AST_NODE_TYPES.BlockStatement) {
    body =
      body.body.length === 1 && body.body[0]!.type === AST_NODE_TYPES.ExpressionStatement
        ? body.body[0].expression
        : undefined;
  }
  const call = body && skipWrappers(body);
  if (call?.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = skipWrappers(call.callee);
  return callee.type === AST_NODE_TYPES.Identifier &&
    callee.name === 'setTimeout' &&
    timerResolves(executor.params[0], call.arguments[0])
    ? call
    : undefined;
}

/**
 * Whether the timer's callback resolves the promise (`setTimeout(resolve, ms)`, `() => resolve()`):
 * a timeout that rejects (`setTimeout(() => reject(new Error('timeout')), ms)`, raced against the
 * request) is no wait.
 */
function timerResolves(resolve: Node | undefined, callback: Node | undefined): boolean {
  if (resolve?.type !== AST_NODE_TYPES.Identifier || !callback) return false;
  const inner = skipWrappers(callback);
  if (inner.type === AST_NODE_TYPES.Identifier) return inner.name === resolve.name;
  if (!isFunction(inner)) return false;
  const body = inner.body;
  const expressions =
    body.type === AST_NODE_TYPES.BlockStatement
      ? body.body.flatMap((statement) =>
          statement.type === AST_NODE_TYPES.ExpressionStatement ? [statement.expression] : [],
        )
      : [body];
  return expressions.some((expression) => {
    const call = skipWrappers(expression);
    return (
      call.type === AST_NODE_TYPES.CallExpression &&
      skipWrappers(call.callee).type === AST_NODE_TYPES.Identifier &&
      (skipWrappers(call.callee) as TSESTree.Identifier).name === resolve.name
    );
  });
}
