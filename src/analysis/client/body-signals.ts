import { AST_NODE_TYPES, ASTUtils } from '../core/node-types';

import type { Node } from '../core/ast';
import {
  calledMemberName,
  constInitializer,
  literalString,
  memberName,
  skipWrappers,
} from '../core/ast';
import { resolveNumber } from '../core/static-values';
import type { AnalyzedFile } from '../core/file';
import type { TrackedResponse } from './types';

/** What a value says about a response body, read from syntax and scopes (for body-presence.ts). */

const MAX_DEPTH = 4;

/** What a value says about the body: its length, its content type, the body stream, its text. */
export type BodySignal = 'length' | 'type' | 'body' | 'text';

export interface PresenceContext {
  readonly file: AnalyzedFile;
  readonly response: TrackedResponse | undefined;
  /** The variable holding the body text, for `JSON.parse(text)`. */
  readonly textVariable: ReturnType<typeof ASTUtils.findVariable> | undefined;
}

/** Whether `index <op> n` being true means the search found `json` (undefined: it does not say). */
export function indexComparison(operator: string, n: number | undefined): boolean | undefined {
  if (n === undefined) return undefined;
  switch (operator) {
    case '!==':
    case '!=':
      return n === -1 ? true : undefined;
    case '===':
    case '==':
      return n === -1 ? false : n >= 0 ? true : undefined;
    case '>':
      return n >= -1 ? true : undefined;
    case '>=':
      return n >= 0 ? true : undefined;
    case '<':
      return n <= 0 ? false : undefined;
    case '<=':
      return n <= -1 ? false : undefined;
    default:
      return undefined;
  }
}

export function unaryMinusOne(node: Node): number | undefined {
  const inner = skipWrappers(node);
  return inner.type === AST_NODE_TYPES.UnaryExpression &&
    inner.operator === '-' &&
    inner.argument.type === AST_NODE_TYPES.Literal &&
    inner.argument.value === 1
    ? -1
    : undefined;
}

export function flip(operator: string): string {
  return (
    ({ '<': '>', '<=': '>=', '>': '<', '>=': '<=' } as Record<string, string>)[operator] ?? operator
  );
}

/** Whether the comparison being true means a body is present (true), absent-or-unknown (false), or says nothing (undefined). */
export function signalComparison(
  signal: BodySignal,
  operator: string,
  other: Node,
  context: PresenceContext,
): boolean | undefined {
  const value = skipWrappers(other);
  const isEq = operator === '===' || operator === '==';
  const isNe = operator === '!==' || operator === '!=';
  if (signal === 'body') {
    const isNull =
      (value.type === AST_NODE_TYPES.Literal && value.value === null) ||
      (value.type === AST_NODE_TYPES.Identifier &&
        value.name === 'undefined' &&
        operator.length === 2);
    if (!isNull) return undefined;
    return isNe ? true : isEq ? false : undefined;
  }
  if (signal === 'type') {
    const text = literalString(value);
    if (text === undefined || !/json/i.test(text)) return undefined;
    return isEq ? true : isNe ? false : undefined;
  }
  const text = literalString(value);
  if (text !== undefined) {
    // `length !== '0'`, `text !== ''`
    const empty = signal === 'text' ? text === '' : text === '0';
    if (!empty) return signal === 'text' ? undefined : isEq ? true : undefined;
    return isNe ? true : isEq ? false : undefined;
  }
  if (signal === 'text') return undefined;
  const n = resolveNumber(context.file, value);
  if (n === undefined) return undefined;
  switch (operator) {
    case '!==':
    case '!=':
      return n === 0 ? true : undefined;
    case '===':
    case '==':
      return n === 0 ? false : true;
    case '>':
      return n >= 0 ? true : undefined;
    case '>=':
      return n >= 1 ? true : undefined;
    case '<':
      return n <= 1 ? false : undefined;
    case '<=':
      return n <= 0 ? false : undefined;
    default:
      return undefined;
  }
}

export function isJsonSearch(context: PresenceContext, node: Node, expected: string): boolean {
  const call = skipWrappers(node);
  if (call.type !== AST_NODE_TYPES.CallExpression || calledMemberName(call) !== expected)
    return false;
  const callee = skipWrappers(call.callee);
  const argument = call.arguments[0];
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !argument) return false;
  const text = literalString(argument);
  const matchesJson =
    text !== undefined ? /json/i.test(text) : isJsonPattern(skipWrappers(argument));
  return matchesJson && signalOf(context, callee.object, 0) === 'type';
}

export function isJsonPattern(node: Node): boolean {
  return (
    node.type === AST_NODE_TYPES.Literal &&
    'regex' in node &&
    node.regex != null &&
    /json/i.test(node.regex.pattern)
  );
}

/** What a value tells about the body, if anything: a header read, `res.body`, the text or its length. */
export function signalOf(
  context: PresenceContext,
  node: Node,
  depth: number,
): BodySignal | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const inner = skipWrappers(node);
  switch (inner.type) {
    case AST_NODE_TYPES.Identifier: {
      const variable = context.file.variableOf(inner);
      if (!variable) return undefined;
      if (context.textVariable && variable === context.textVariable) return 'text';
      const init = constInitializer(variable);
      return init ? signalOf(context, init, depth + 1) : undefined;
    }
    case AST_NODE_TYPES.AwaitExpression:
      return undefined;
    case AST_NODE_TYPES.LogicalExpression:
      // `res.headers.get('content-type') ?? ''`
      return inner.operator === '&&' ? undefined : signalOf(context, inner.left, depth + 1);
    case AST_NODE_TYPES.UnaryExpression:
      return inner.operator === '+'
        ? lengthOf(signalOf(context, inner.argument, depth + 1))
        : undefined;
    case AST_NODE_TYPES.MemberExpression: {
      const name = memberName(inner);
      if (name === 'body' && context.response?.subject.isHolder(inner.object)) return 'body';
      if (name === 'length') {
        const of = signalOf(context, inner.object, depth + 1);
        return of === 'text' ? 'length' : undefined;
      }
      if (name !== undefined && isHeadersOf(context, inner.object, 0)) return headerSignal(name);
      return undefined;
    }
    case AST_NODE_TYPES.CallExpression: {
      const callee = skipWrappers(inner.callee);
      const argument = inner.arguments[0];
      // `Number(x)`, `parseInt(x, 10)`, `String(x)`
      if (callee.type === AST_NODE_TYPES.Identifier && argument) {
        if (
          callee.name === 'Number' ||
          callee.name === 'parseInt' ||
          callee.name === 'parseFloat'
        ) {
          return lengthOf(signalOf(context, argument, depth + 1));
        }
        if (callee.name === 'String') return signalOf(context, argument, depth + 1);
        return undefined;
      }
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
      const name = memberName(callee);
      // `Number.parseInt(x)`
      if ((name === 'parseInt' || name === 'parseFloat') && argument)
        return lengthOf(signalOf(context, argument, depth + 1));
      // `res.headers.get('content-type')`
      if (name === 'get' && argument && isHeadersOf(context, callee.object, 0)) {
        const header = literalString(argument);
        return header === undefined ? undefined : headerSignal(header);
      }
      // `ct.toLowerCase()`, `text.trim()`
      if (
        name === 'toLowerCase' ||
        name === 'trim' ||
        name === 'toString' ||
        name === 'toLocaleLowerCase'
      ) {
        return signalOf(context, callee.object, depth + 1);
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

function lengthOf(signal: BodySignal | undefined): BodySignal | undefined {
  return signal === 'length' ? 'length' : undefined;
}

function headerSignal(header: string): BodySignal | undefined {
  const name = header.toLowerCase();
  return name === 'content-length' ? 'length' : name === 'content-type' ? 'type' : undefined;
}

/** `res.headers`, a `const` copy of it, or `headers` destructured from the response. */
export function isHeadersOf(context: PresenceContext, node: Node, depth: number): boolean {
  const { response } = context;
  if (!response || depth > MAX_DEPTH) return false;
  const inner = skipWrappers(node);
  if (inner.type === AST_NODE_TYPES.MemberExpression)
    return memberName(inner) === 'headers' && response.subject.isHolder(inner.object);
  if (inner.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = context.file.variableOf(inner);
  if (!variable || variable.defs.length !== 1) return false;
  const def = variable.defs[0]!;
  if (def.type !== 'Variable' || !def.node.init) return false;
  if (def.node.id.type === AST_NODE_TYPES.Identifier)
    return isHeadersOf(context, def.node.init, depth + 1);
  // `const { headers, body } = await request(u)` or `= res`
  if (def.node.id.type !== AST_NODE_TYPES.ObjectPattern) return false;
  const property = def.node.id.properties.find(
    (p) =>
      p.type === AST_NODE_TYPES.Property &&
      p.value === def.name &&
      !p.computed &&
      p.key.type === AST_NODE_TYPES.Identifier &&
      p.key.name === 'headers',
  );
  if (!property) return false;
  let init: Node = skipWrappers(def.node.init);
  if (init.type === AST_NODE_TYPES.AwaitExpression) init = skipWrappers(init.argument);
  return (
    init === response.request.node ||
    response.subject.isHolder(init) ||
    skipWrappers(response.origin) === init
  );
}
