import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../core/node-types';

import type { FunctionNode, Node } from '../core/ast';
import {
  calledMemberName,
  constInitializer,
  contains,
  isFunction,
  isParameter,
  memberName,
  propertyBinding,
  skipWrappers,
  skipWrappersUp,
} from '../core/ast';
import type { HttpModel } from '../model';
import type { BodyParse, HttpRequest, RequestMethod } from './requests';
import { callsFunction, localCalls } from './local-calls';
import { methodOfOptions, methodOfValue } from './request-method';
import { typedMethods } from './typed-methods';

/** One call of a helper that forwards its caller's method, and the method that call sends. */
export interface MethodAtCall {
  readonly call: TSESTree.CallExpression;
  readonly method: RequestMethod;
}

/** A request's method as seen from one body parse, resolved at the helper's call sites when it is forwarded. */
export interface ParseMethod {
  /** The methods the request can have for this parse; `forwarded` when some caller is out of sight. */
  readonly method: RequestMethod;
  /** The helper calls that chose the method, when it was resolved at call sites. */
  readonly calls: readonly MethodAtCall[];
}

/** Where a forwarded method enters a function: the parameter, and whether it is the method or an options object. */
export interface ForwardedParameter {
  readonly fn: FunctionNode;
  readonly index: number;
  readonly role: 'options' | 'value';
  readonly fallback?: Node;
}

const MAX_DEPTH = 4;

/**
 * The method of the request a parse reads, resolved where the code shows it:
 * - the response comes from a local helper (`const r = await api('/x', { method: 'DELETE' })`):
 *   the method that call passes;
 * - the parse is in the helper that forwards its caller's method: the methods of all its calls,
 *   when it is a local function called only directly (not exported, not passed around).
 * Otherwise the request's own method.
 */
export function methodAtParse(model: HttpModel, parse: BodyParse): ParseMethod {
  const resolved = resolveMethodAtParse(model, parse);
  const { method } = resolved;
  if (
    method.methods ||
    !method.forwarded ||
    !method.node ||
    requestFromCaller(model, parse.request, method.node)
  )
    return resolved;
  return { method: { ...method, forwarded: false }, calls: resolved.calls };
}

function resolveMethodAtParse(model: HttpModel, parse: BodyParse): ParseMethod {
  const own = parse.request.method;
  const unresolved: ParseMethod = { method: own, calls: [] };
  if (!own.forwarded || own.methods || !own.node) return unresolved;
  const parameter = forwardedParameter(model, own.node, roleOf(own.node, parse), 0);
  if (!parameter) return unresolved;
  // `method: 'GET' | 'POST'`, `init?: Omit<RequestInit, 'method'>`: the type bounds what callers
  // out of sight can send.
  const typed = typedMethods(model, parameter);
  const bounded: ParseMethod = typed
    ? { method: { methods: typed, forwarded: false, node: own.node }, calls: [] }
    : unresolved;

  const helperCall = parse.response?.helperCall;
  if (helperCall && !contains(parameter.fn, parse.node)) {
    if (!callsFunction(model, helperCall, parameter.fn)) return bounded;
    const method = methodAt(model, helperCall, parameter);
    if (!method || (!method.methods && method.forwarded)) return bounded;
    return { method, calls: method.methods ? [{ call: helperCall, method }] : [] };
  }
  if (!contains(parameter.fn, parse.node)) return bounded;
  const calls = localCalls(model, parameter.fn);
  if (!calls)
    return typed ? bounded : { method: own, calls: visibleCallsWithMethods(model, parameter) };
  const resolved: MethodAtCall[] = [];
  let methods: Set<string> | undefined = new Set();
  let forwarded = false;
  for (const call of calls) {
    const method = methodAt(model, call, parameter);
    if (!method?.methods) {
      methods = undefined;
      forwarded ||= method?.forwarded ?? true;
      if (method) resolved.push({ call, method });
      continue;
    }
    resolved.push({ call, method });
    for (const m of method.methods) methods?.add(m);
  }
  if (!methods && typed) return { method: bounded.method, calls: resolved };
  return {
    method: { methods, forwarded: methods ? false : forwarded, node: own.node },
    calls: resolved,
  };
}

/**
 * Whether the caller hands over the request itself, and so may choose DELETE for it: the URL is a
 * parameter or is built from one (`base + path`, a template, `new URL(path, base)`), or is read
 * from the parameter that also carries the forwarded options (`fetch(opts.url, opts)`). A request
 * to a URL the function picks (`fetch(options.jwks_uri, init)`, `this.endpoint`, a constant) fetches
 * one resource; the init passed through with it (headers, a signal, credentials) is no evidence
 * of a method that may answer 204.
 */
function requestFromCaller(model: HttpModel, request: HttpRequest, options: Node): boolean {
  const args = request.node.arguments;
  const shape = request.client.callShape;
  const url = shape === 'fetch' ? args[0] : shape === 'method-first' ? args[1] : undefined;
  if (!url || url.type === AST_NODE_TYPES.SpreadElement) return true;
  return urlFromCaller(model, url, parameterRoots(model, options, 0), 0);
}

function urlFromCaller(
  model: HttpModel,
  node: Node,
  optionsRoots: ReadonlySet<TSESLint.Scope.Variable>,
  depth: number,
): boolean {
  if (depth > MAX_DEPTH) return true;
  const inner = skipWrappers(node);
  const next = (n: Node): boolean => urlFromCaller(model, n, optionsRoots, depth + 1);
  switch (inner.type) {
    case AST_NODE_TYPES.Identifier: {
      const variable = model.file.variableOf(inner);
      if (!variable) return false;
      if (isParameter(variable)) return true;
      const init = constInitializer(variable);
      // A `let` or a binding of another kind: it cannot be told where the URL comes from.
      return init ? next(init) : variable.defs.every((def) => def.type !== 'ImportBinding');
    }
    case AST_NODE_TYPES.MemberExpression: {
      const root = rootVariable(model, inner);
      if (!root) return false;
      if (isParameter(root)) return optionsRoots.has(root);
      const init = constInitializer(root);
      return init ? next(init) : false;
    }
    case AST_NODE_TYPES.Literal:
      return false;
    case AST_NODE_TYPES.TemplateLiteral:
      return inner.expressions.some(next);
    case AST_NODE_TYPES.BinaryExpression:
      return next(inner.left) || next(inner.right);
    case AST_NODE_TYPES.LogicalExpression:
      return next(inner.left) || next(inner.right);
    case AST_NODE_TYPES.ConditionalExpression:
      return next(inner.consequent) || next(inner.alternate);
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression: {
      // `new URL(path, base)`, `buildUrl(path)`, `path.replace(…)`
      const callee = skipWrappers(inner.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && next(callee.object)) return true;
      return inner.arguments.some((arg) => arg.type !== AST_NODE_TYPES.SpreadElement && next(arg));
    }
    default:
      return true;
  }
}

/** The parameters a forwarded method or options object is read from (`init`, `opts.method`, `{ ...options }`). */
function parameterRoots(model: HttpModel, node: Node, depth: number): Set<TSESLint.Scope.Variable> {
  const roots = new Set<TSESLint.Scope.Variable>();
  if (depth > MAX_DEPTH) return roots;
  const inner = skipWrappers(node);
  if (inner.type === AST_NODE_TYPES.ObjectExpression) {
    for (const property of inner.properties) {
      const value =
        property.type === AST_NODE_TYPES.SpreadElement ? property.argument : property.value;
      for (const root of parameterRoots(model, value, depth + 1)) roots.add(root);
    }
    return roots;
  }
  if (inner.type === AST_NODE_TYPES.LogicalExpression)
    return parameterRoots(model, inner.left, depth + 1);
  const root = rootVariable(model, inner);
  if (root && isParameter(root)) roots.add(root);
  else if (root) {
    const init = constInitializer(root);
    if (init) return parameterRoots(model, init, depth + 1);
  }
  return roots;
}

/** The variable at the root of `a`, `a.b.c`, `a?.b`. */
function rootVariable(model: HttpModel, node: Node): TSESLint.Scope.Variable | undefined {
  let inner = skipWrappers(node);
  while (inner.type === AST_NODE_TYPES.MemberExpression) inner = skipWrappers(inner.object);
  return inner.type === AST_NODE_TYPES.Identifier
    ? (model.file.variableOf(inner) ?? undefined)
    : undefined;
}

/**
 * The calls in sight of a helper whose other callers are not (exported, passed around), each with
 * the method it sends, when that is known: a caller out of sight is no evidence of any method, but
 * a call in the file that sends DELETE through the helper is.
 */
function visibleCallsWithMethods(model: HttpModel, parameter: ForwardedParameter): MethodAtCall[] {
  const resolved: MethodAtCall[] = [];
  for (const call of localCalls(model, parameter.fn, true) ?? []) {
    const method = methodAt(model, call, parameter);
    if (method?.methods) resolved.push({ call, method });
  }
  return resolved;
}

/** Whether the request's method node is the method itself (`{ method }`, `request(method, url)`) or an options object. */
function roleOf(node: Node, parse: BodyParse): 'options' | 'value' {
  // Up through `m.toUpperCase()`, `m || 'GET'`, `cond ? m : 'GET'` to the `method` property.
  let top = skipWrappersUp(node);
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const up = top.parent;
    if (
      up?.type === AST_NODE_TYPES.MemberExpression &&
      up.object === top &&
      up.parent.type === AST_NODE_TYPES.CallExpression &&
      up.parent.callee === up
    ) {
      top = skipWrappersUp(up.parent);
    } else if (
      up?.type === AST_NODE_TYPES.LogicalExpression ||
      (up?.type === AST_NODE_TYPES.ConditionalExpression && up.test !== top)
    ) {
      top = skipWrappersUp(up);
    } else {
      break;
    }
  }
  const parent = top.parent;
  if (parent?.type === AST_NODE_TYPES.Property && parent.value === top) return 'value';
  if (parse.request.client.callShape === 'method-first' && parse.request.node.arguments[0] === top)
    return 'value';
  const inner = skipWrappers(node);
  return inner.type === AST_NODE_TYPES.CallExpression ||
    inner.type === AST_NODE_TYPES.MemberExpression
    ? 'value'
    : 'options';
}

/** The parameter a forwarded method (or options object) comes from. */
function forwardedParameter(
  model: HttpModel,
  node: Node,
  role: 'options' | 'value',
  depth: number,
): ForwardedParameter | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const inner = skipWrappers(node);
  switch (inner.type) {
    case AST_NODE_TYPES.Identifier: {
      const variable = model.file.variableOf(inner);
      if (!variable) return undefined;
      if (!isParameter(variable)) {
        const init = constInitializer(variable);
        return init ? forwardedParameter(model, init, role, depth + 1) : undefined;
      }
      return parameterOf(variable, role);
    }
    case AST_NODE_TYPES.MemberExpression:
      // `options.method`
      return memberName(inner) === 'method'
        ? forwardedParameter(model, inner.object, 'options', depth + 1)
        : undefined;
    case AST_NODE_TYPES.CallExpression: {
      // `method.toUpperCase()`
      const name = calledMemberName(inner);
      const callee = skipWrappers(inner.callee);
      if (
        (name === 'toUpperCase' || name === 'toLowerCase') &&
        callee.type === AST_NODE_TYPES.MemberExpression
      ) {
        return forwardedParameter(model, callee.object, role, depth + 1);
      }
      return undefined;
    }
    case AST_NODE_TYPES.LogicalExpression:
      // `init ?? {}`, `method || 'GET'`
      return forwardedParameter(model, inner.left, role, depth + 1);
    default:
      return undefined;
  }
}

function parameterOf(
  variable: TSESLint.Scope.Variable,
  role: 'options' | 'value',
): ForwardedParameter | undefined {
  const def = variable.defs.find((d) => d.type === 'Parameter');
  if (!def || !isFunction(def.node as Node)) return undefined;
  const fn = def.node as FunctionNode;
  const index = fn.params.findIndex((param) => contains(param, def.name));
  const param = fn.params[index];
  if (!param) return undefined;
  const pattern = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  const fallback = param.type === AST_NODE_TYPES.AssignmentPattern ? param.right : undefined;
  if (pattern === def.name) return { fn, index, role, ...(fallback ? { fallback } : {}) };
  // `function api(url, { method, ...rest })`: the caller's options object carries the method.
  if (pattern.type === AST_NODE_TYPES.ObjectPattern) {
    for (const property of pattern.properties) {
      if (property.type === AST_NODE_TYPES.RestElement) {
        if (property.argument === def.name) return { fn, index, role: 'options' };
        continue;
      }
      const value = propertyBinding(property);
      const key =
        !property.computed && property.key.type === AST_NODE_TYPES.Identifier
          ? property.key.name
          : undefined;
      if (value === def.name && key === 'method' && role === 'value')
        return { fn, index, role: 'options' };
    }
  }
  return undefined;
}

/** The method one call of the helper sends; undefined when it cannot be told. */
function methodAt(
  model: HttpModel,
  call: TSESTree.CallExpression,
  parameter: ForwardedParameter,
): RequestMethod | undefined {
  const before = call.arguments.slice(0, parameter.index + 1);
  if (before.some((arg) => arg.type === AST_NODE_TYPES.SpreadElement)) return undefined;
  const argument = call.arguments[parameter.index] ?? parameter.fallback;
  if (!argument) return { methods: new Set(['GET']), forwarded: false };
  return parameter.role === 'options'
    ? methodOfOptions(model.file, argument)
    : methodOfValue(model.file, argument);
}
