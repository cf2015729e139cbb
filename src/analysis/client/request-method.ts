import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../core/node-types';

import type { Node } from '../core/ast';
import {
  calledMemberName,
  constInitializer,
  enumMemberInitializer,
  findProperty,
  isParameter,
  literalString,
  memberName,
  propertyKeyName,
  skipWrappers,
} from '../core/ast';
import type { AnalyzedFile } from '../core/file';
import type { HttpMethod } from '../libraries/clients';
import type { RequestMethod, TraceInfo } from './types';
import { MAX_ORIGIN_DEPTH } from './types';

const STATIC_GET: RequestMethod = { methods: new Set(['GET']), forwarded: false };
const UNKNOWN_METHOD: RequestMethod = { methods: undefined, forwarded: false };

// ---- methods ----------------------------------------------------------------------------
/** The method a client call sends, from its shape and arguments. */
export function methodOf(
  file: AnalyzedFile,
  call: TSESTree.CallExpression,
  info: TraceInfo,
): RequestMethod {
  const args = call.arguments;
  if (info.shape === 'verb') {
    const name = info.member ?? '';
    const verb = info.client.verbAliases?.[name] ?? (name.toUpperCase() as HttpMethod);
    return { methods: new Set([verb]), forwarded: false };
  }
  if (args.some((arg) => arg.type === AST_NODE_TYPES.SpreadElement))
    return spreadArgumentsMethod(file, args);
  if (info.shape === 'method-first') {
    return args.length >= 2 ? methodValue(file, args[0]!, 0) : STATIC_GET;
  }
  let options: Node | undefined;
  if (info.shape === 'fetch') {
    // A URL from a parameter does not forward a method; only `init` can.
    options = args[1];
    // `fetch(new Request(url, { method: 'DELETE' }))`: the Request's method, unless `init` sets one.
    const requestInit = args[0] && requestObjectInit(file, args[0], 0);
    if (requestInit !== undefined) {
      const fromInit = options ? optionsMethod(file, options, 0) : STATIC_GET;
      if (fromInit !== STATIC_GET) return fromInit;
      return requestInit ? optionsMethod(file, requestInit, 0) : STATIC_GET;
    }
  } else {
    const first = args[0] && skipWrappers(args[0]);
    if (args.length >= 2) options = args[1];
    else if (first?.type === AST_NODE_TYPES.ObjectExpression) options = first;
    else if (
      info.client.loneParameterIsConfig &&
      first &&
      isFromParameter(file, first, 0) &&
      !isStringLike(first)
    )
      options = first;
  }
  return options ? optionsMethod(file, options, 0) : STATIC_GET;
}

/** The `init` of `new Request(url, init)` (or of a `const` bound to one): null for no init, undefined when not a Request. */
function requestObjectInit(file: AnalyzedFile, node: Node, depth: number): Node | null | undefined {
  const inner = skipWrappers(node);
  if (inner.type === AST_NODE_TYPES.Identifier && depth < MAX_ORIGIN_DEPTH) {
    const variable = file.variableOf(inner);
    const init = variable && !isParameter(variable) ? constInitializer(variable) : undefined;
    return init ? requestObjectInit(file, init, depth + 1) : undefined;
  }
  if (inner.type !== AST_NODE_TYPES.NewExpression) return undefined;
  const callee = skipWrappers(inner.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== 'Request') return undefined;
  const variable = file.variableOf(callee);
  // The global, or `Request` imported from a fetch implementation.
  if (variable && variable.defs.some((def) => def.type !== 'ImportBinding')) return undefined;
  const init = inner.arguments[1];
  if (!init) return null;
  return init.type === AST_NODE_TYPES.SpreadElement ? undefined : init;
}

/** The method an options object sets, as `fetch`'s `init` would (for resolving it at a helper's call site). */
export function methodOfOptions(file: AnalyzedFile, node: Node): RequestMethod {
  return optionsMethod(file, node, 0);
}

/** The method a value names (`'DELETE'`, a `const`, `m.toUpperCase()`). */
export function methodOfValue(file: AnalyzedFile, node: Node): RequestMethod {
  return methodValue(file, node, 0);
}

function spreadArgumentsMethod(
  file: AnalyzedFile,
  args: readonly TSESTree.CallExpressionArgument[],
): RequestMethod {
  const forwarded = args.some(
    (arg) => arg.type === AST_NODE_TYPES.SpreadElement && isFromParameter(file, arg.argument, 0),
  );
  return { methods: undefined, forwarded };
}

/** The method set by an options object: `{ method }`, `{ ...init }`, a `const` object, a parameter. */
function optionsMethod(file: AnalyzedFile, node: Node, depth: number): RequestMethod {
  if (depth > MAX_ORIGIN_DEPTH) return UNKNOWN_METHOD;
  const options = skipWrappers(node);
  if (options.type === AST_NODE_TYPES.ObjectExpression) {
    const method = findProperty(options, 'method');
    const methodIndex = method ? options.properties.indexOf(method) : -1;
    // Spreads after the `method` property can override it.
    const spreads = options.properties.filter(
      (p, i): p is TSESTree.SpreadElement =>
        p.type === AST_NODE_TYPES.SpreadElement && i > methodIndex,
    );
    let result = method ? methodValue(file, method.value, depth + 1) : undefined;
    for (const spread of spreads) {
      const spreadMethod = optionsMethod(file, spread.argument, depth + 1);
      // A spread without a method leaves the earlier one; a constant one replaces it.
      if (spreadMethod === STATIC_GET) continue;
      const replaces = spreadMethod.methods !== undefined && !spreadMethod.forwarded;
      result = result && !replaces ? mergeMethods(result, spreadMethod, true) : spreadMethod;
    }
    return result ?? STATIC_GET;
  }
  // `{ ...(signal && { signal }) }`: a falsy left side spreads nothing, so the method is the right side's.
  if (options.type === AST_NODE_TYPES.LogicalExpression && options.operator === '&&')
    return optionsMethod(file, options.right, depth + 1);
  if (options.type === AST_NODE_TYPES.Identifier) {
    const variable = file.variableOf(options);
    if (!variable) return UNKNOWN_METHOD;
    if (isParameter(variable)) return { methods: undefined, forwarded: true, node: options };
    const init = constInitializer(variable);
    if (init) return optionsMethod(file, init, depth + 1);
    return isFromParameter(file, options, 0)
      ? { methods: undefined, forwarded: true, node: options }
      : UNKNOWN_METHOD;
  }
  if (isFromParameter(file, options, 0))
    return { methods: undefined, forwarded: true, node: options };
  return UNKNOWN_METHOD;
}

function methodValue(file: AnalyzedFile, node: Node, depth: number): RequestMethod {
  const value = skipWrappers(node);
  const literal = literalString(value);
  if (literal !== undefined)
    return { methods: new Set([literal.toUpperCase()]), forwarded: false, node: value };
  if (depth > MAX_ORIGIN_DEPTH) return UNKNOWN_METHOD;
  switch (value.type) {
    case AST_NODE_TYPES.ConditionalExpression:
      return mergeMethods(
        methodValue(file, value.consequent, depth + 1),
        methodValue(file, value.alternate, depth + 1),
        false,
      );
    case AST_NODE_TYPES.LogicalExpression:
      return mergeMethods(
        methodValue(file, value.left, depth + 1),
        methodValue(file, value.right, depth + 1),
        false,
      );
    case AST_NODE_TYPES.CallExpression: {
      // `method.toUpperCase()`
      const name = calledMemberName(value);
      const callee = skipWrappers(value.callee);
      if (
        (name === 'toUpperCase' || name === 'toLowerCase') &&
        callee.type === AST_NODE_TYPES.MemberExpression
      ) {
        return methodValue(file, callee.object, depth + 1);
      }
      break;
    }
    case AST_NODE_TYPES.Identifier: {
      const variable = file.variableOf(value);
      const init = variable && !isParameter(variable) ? constInitializer(variable) : undefined;
      if (init) return methodValue(file, init, depth + 1);
      break;
    }
    case AST_NODE_TYPES.MemberExpression: {
      // `Methods.DELETE` from a local constant object
      const object = skipWrappers(value.object);
      const name = memberName(value);
      if (object.type === AST_NODE_TYPES.Identifier && name !== undefined) {
        const variable = file.variableOf(object);
        const init = variable && !isParameter(variable) ? constInitializer(variable) : undefined;
        const methods = init && skipWrappers(init);
        const property =
          methods?.type === AST_NODE_TYPES.ObjectExpression
            ? findProperty(methods, name)
            : undefined;
        if (property) return methodValue(file, property.value, depth + 1);
        // `Method.Delete` of `enum Method { Delete = 'DELETE' }`
        const member = variable ? enumMemberInitializer(variable, name) : undefined;
        if (member) return methodValue(file, member, depth + 1);
      }
      break;
    }
    default:
      break;
  }
  return isFromParameter(file, value, 0)
    ? { methods: undefined, forwarded: true, node: value }
    : { ...UNKNOWN_METHOD, node: value };
}

/** Whether a value comes from a parameter of an enclosing function (so callers choose it). */
export function isFromParameter(file: AnalyzedFile, node: Node, depth: number): boolean {
  if (depth > MAX_ORIGIN_DEPTH) return false;
  const inner = skipWrappers(node);
  switch (inner.type) {
    case AST_NODE_TYPES.Identifier: {
      const variable = file.variableOf(inner);
      if (!variable) return false;
      if (isParameter(variable)) return true;
      const def = variable.defs[0];
      return (
        def?.type === 'Variable' &&
        def.node.init != null &&
        isFromParameter(file, def.node.init, depth + 1)
      );
    }
    case AST_NODE_TYPES.MemberExpression:
      return isFromParameter(file, inner.object, depth + 1);
    case AST_NODE_TYPES.LogicalExpression:
      return (
        isFromParameter(file, inner.left, depth + 1) ||
        isFromParameter(file, inner.right, depth + 1)
      );
    case AST_NODE_TYPES.ConditionalExpression:
      return (
        isFromParameter(file, inner.consequent, depth + 1) ||
        isFromParameter(file, inner.alternate, depth + 1)
      );
    case AST_NODE_TYPES.ObjectExpression:
      return inner.properties.some(
        (p) =>
          (p.type === AST_NODE_TYPES.SpreadElement &&
            isFromParameter(file, p.argument, depth + 1)) ||
          (p.type === AST_NODE_TYPES.Property &&
            propertyKeyName(p) === 'method' &&
            isFromParameter(file, p.value, depth + 1)),
      );
    default:
      return false;
  }
}

function mergeMethods(a: RequestMethod, b: RequestMethod, keepFirstNode: boolean): RequestMethod {
  const methods = a.methods && b.methods ? new Set([...a.methods, ...b.methods]) : undefined;
  const node = keepFirstNode ? (a.node ?? b.node) : (b.node ?? a.node);
  return { methods, forwarded: a.forwarded || b.forwarded, ...(node ? { node } : {}) };
}

function isStringLike(node: Node): boolean {
  const inner = skipWrappers(node);
  return (
    inner.type === AST_NODE_TYPES.Literal ||
    inner.type === AST_NODE_TYPES.TemplateLiteral ||
    inner.type === AST_NODE_TYPES.BinaryExpression
  );
}
