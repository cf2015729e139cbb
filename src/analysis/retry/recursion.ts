import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { HttpRequest, TrackedResponse } from '../client/requests';
import type { FunctionNode, Node } from '../core/ast';
import {
  contains,
  enclosingFunction,
  functionVariables,
  isFunction,
  itemsWithin,
  memberName,
  propertyKeyName,
  skipWrappers,
  skipWrappersUp,
} from '../core/ast';
import { AST_NODE_TYPES } from '../core/node-types';
import { narrow } from './conditions';
import type { RetryContext } from './context';
import { MAX_DEPTH } from './context';
import { addPathSite } from './path-sites';
import { inputVariables, isSharedMutable, readsReassignedThis, thisMembers } from './same-request';
import { insideCatchOf } from './throws';

export function recursionSites(
  ctx: RetryContext,
  response: TrackedResponse,
  origin: Node,
  fn: FunctionNode,
  throwing: boolean,
): void {
  const subject = response.subject;
  for (const call of recursiveCalls(ctx, fn)) {
    if (call.range[0] < origin.range[1]) continue;
    if (!sameArguments(ctx, origin, fn, call)) continue;
    if (promiseCatchCallbackOf(call, fn)) continue;
    if (throwing || insideCatchOf(call, origin)) continue;
    const timer = timerCallOf(call, fn);
    const { statuses, conditions } = narrow(ctx, call, subject, fn);
    addPathSite(
      ctx,
      timer ? 'timer' : 'recursion',
      [response.request],
      timer ?? call,
      fn,
      subject,
      statuses,
      conditions,
      origin,
      response,
    );
  }
}

/** `fetch(u).then(…).catch(err => retry(u))`: the catch callback's error decides. */
export function catchCallbackSites(ctx: RetryContext, request: HttpRequest): void {
  const origin = request.node;
  const fn = enclosingFunction(origin);
  if (!fn) return;
  for (const call of recursiveCalls(ctx, fn)) {
    if (call.range[0] < origin.range[1] || !sameArguments(ctx, origin, fn, call)) continue;
    const callback = promiseCatchCallbackOf(call, fn);
    if (callback) catchCallbackSite(ctx, request, origin, fn, call, callback);
  }
}

function catchCallbackSite(
  ctx: RetryContext,
  request: HttpRequest,
  origin: Node,
  fn: FunctionNode,
  call: Node,
  callback: FunctionNode,
): void {
  const parameter = callback.params[0];
  if (parameter?.type !== AST_NODE_TYPES.Identifier) return;
  const variable = ctx.file.variableOf(parameter);
  if (!variable) return;
  const subject = ctx.model.subjectOfVariable(variable);
  const { statuses, conditions } = narrow(ctx, call, subject, callback);
  addPathSite(
    ctx,
    'catch',
    [request],
    timerCallOf(call, fn) ?? call,
    fn,
    subject,
    statuses,
    conditions,
    origin,
    undefined,
  );
}

/** Calls of `fn` from inside itself: by name, by its `const`, or `this.method(…)` in a method. */
export function recursiveCalls(ctx: RetryContext, fn: FunctionNode): TSESTree.CallExpression[] {
  let calls = ctx.recursiveCallsOf.get(fn);
  if (!calls) ctx.recursiveCallsOf.set(fn, (calls = findRecursiveCalls(ctx, fn)));
  return calls;
}

function findRecursiveCalls(ctx: RetryContext, fn: FunctionNode): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  for (const variable of functionVariables(ctx.file.scopeManager, fn)) {
    for (const reference of variable.references) {
      const top = skipWrappersUp(reference.identifier);
      const call = top.parent;
      if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === top && contains(fn, call))
        calls.push(call);
    }
  }
  const method = fn.parent;
  if (method?.type === AST_NODE_TYPES.MethodDefinition && method.value === fn) {
    const name = methodKey(method);
    for (const member of itemsWithin(
      thisMembers(ctx),
      (m) => m,
      fn.body.range[0],
      fn.body.range[1],
    )) {
      // The same method: `this.#load()` in `#load()`, not `this.#other()` (nor a computed `this[k]()`).
      if (name === undefined || memberKey(member) !== name) continue;
      const top = skipWrappersUp(member);
      const call = top.parent;
      if (
        call?.type === AST_NODE_TYPES.CallExpression &&
        call.callee === top &&
        thisBindsTo(member, fn)
      )
        calls.push(call);
    }
  }
  return calls;
}

/** A recursive call sends the same request when every parameter the request reads is passed on unchanged. */
export function sameArguments(
  ctx: RetryContext,
  origin: Node,
  fn: FunctionNode,
  call: TSESTree.CallExpression,
): boolean {
  const parameters = new Map<TSESLint.Scope.Variable, number>();
  for (const variable of ctx.file.scopeManager.getDeclaredVariables(fn)) {
    const def = variable.defs.find((d) => d.type === 'Parameter');
    if (!def) continue;
    const index = fn.params.findIndex((param) => contains(param, def.name));
    if (index >= 0) parameters.set(variable, index);
  }
  const seen = new Set<TSESLint.Scope.Variable>();
  const check = (node: Node, depth: number): boolean => {
    for (const variable of inputVariables(ctx.file, node)) {
      if (seen.has(variable)) continue;
      seen.add(variable);
      const index = parameters.get(variable);
      if (index !== undefined) {
        const param = fn.params[index]!;
        const argument = call.arguments[index];
        if (param.type === AST_NODE_TYPES.RestElement) return false;
        if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return false;
        const inner = skipWrappers(argument);
        if (inner.type !== AST_NODE_TYPES.Identifier) return false;
        const passed = ctx.file.variableOf(inner);
        if (passed !== variable || isReassigned(variable, fn)) return false;
        continue;
      }
      if (isSharedMutable(variable, fn)) return false;
      const def = variable.defs[0];
      if (def?.type === 'Variable' && contains(fn, def.node)) {
        if (variable.references.some((r) => r.isWrite() && r.identifier !== def.name)) return false;
        if (def.node.init && depth < MAX_DEPTH && !check(def.node.init, depth + 1)) return false;
      }
    }
    return !readsReassignedThis(ctx, node);
  };
  return check(origin, 0);
}

function isReassigned(variable: TSESLint.Scope.Variable, fn: FunctionNode): boolean {
  return variable.references.some((r) => r.isWrite() && contains(fn.body, r.identifier) && !r.init);
}

/** The `setTimeout(…)` call whose callback holds `node`, inside `fn`. */
export function timerCallOf(node: Node, fn: FunctionNode): TSESTree.CallExpression | undefined {
  for (let current = node.parent; current && current !== fn; current = current.parent) {
    if (!isFunction(current)) continue;
    const call = skipWrappersUp(current).parent;
    if (call?.type === AST_NODE_TYPES.CallExpression) {
      const callee = skipWrappers(call.callee);
      if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'setTimeout') return call;
    }
  }
  return undefined;
}

/** The `.catch(cb)` callback (or `.then(_, cb)`) that holds `node`, inside `fn`. */
function promiseCatchCallbackOf(node: Node, fn: FunctionNode): FunctionNode | undefined {
  for (let current = node.parent; current && current !== fn; current = current.parent) {
    if (!isFunction(current)) continue;
    const top = skipWrappersUp(current);
    const call = top.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression) continue;
    const callee = skipWrappers(call.callee);
    const name = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
    if (
      (name === 'catch' && call.arguments[0] === top) ||
      (name === 'then' && call.arguments[1] === top)
    )
      return current;
  }
  return undefined;
}

/** A method's name as `this.x` calls it: `load`, `#load` for a private one; undefined when computed. */
function methodKey(method: TSESTree.MethodDefinition): string | undefined {
  if (method.key.type === AST_NODE_TYPES.PrivateIdentifier) return `#${method.key.name}`;
  return propertyKeyName(method);
}

function memberKey(member: TSESTree.MemberExpression): string | undefined {
  if (member.property.type === AST_NODE_TYPES.PrivateIdentifier) return `#${member.property.name}`;
  return memberName(member);
}

/** Whether `this` in `member` is the `this` of `fn` (no non-arrow function in between). */
function thisBindsTo(member: Node, fn: FunctionNode): boolean {
  for (let current = member.parent; current && current !== fn; current = current.parent) {
    if (
      current.type === AST_NODE_TYPES.FunctionExpression ||
      current.type === AST_NODE_TYPES.FunctionDeclaration
    )
      return false;
  }
  return true;
}
