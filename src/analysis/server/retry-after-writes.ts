/**
 * `Retry-After` values a server writes that are neither delay-seconds (`1*DIGIT`) nor an
 * IMF-fixdate (RFC 9110 §10.2.3, §5.6.7): milliseconds (`resetAt - Date.now()`, rate-limiter-flexible's
 * `msBeforeNext`), a fraction (`ms / 1000` not rounded), or a date in another form
 * (`toISOString()`, `toString()`, `String(date)`, a `Date` object itself). The header is found in
 * each way a framework writes one: `res.set(name, v)` and the other calls of
 * `HEADER_WRITE_CALLS`, an object of headers (`{ 'Retry-After': v }`), `headers['Retry-After'] = v`,
 * and a `[name, v]` pair. Values the analysis cannot follow are left alone.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../core/node-types';

import type { Node } from '../core/ast';
import { constInitializer, memberName, skipWrappers } from '../core/ast';
import { resolveNumber } from '../core/static-values';
import {
  HEADER_WRITE_CALLS,
  MILLISECONDS_NAME,
  ROUNDING_MATH,
} from '../libraries/retry-after-values';
import type { HttpModel } from '../model';
import { retryAfterKeys } from '../retry/retry-after-keys';

export type RetryAfterWriteEdit =
  /** `d.toISOString()` → `d.toUTCString()`: the method's name. */
  | { readonly kind: 'rename-method'; readonly method: TSESTree.Identifier }
  /** `String(d)` → `d.toUTCString()`. */
  | { readonly kind: 'string-call'; readonly call: TSESTree.CallExpression; readonly date: Node }
  /** `d` → `d.toUTCString()`. */
  | { readonly kind: 'append-utc'; readonly date: Node }
  /** `ms / 1000` → `Math.ceil(ms / 1000)`. */
  | { readonly kind: 'ceil'; readonly division: Node }
  /** `ms` → `Math.ceil(ms / 1000)`; inside a rounding call, `Math.ceil(ms)` → `Math.ceil(ms / 1000)`. */
  | { readonly kind: 'to-seconds'; readonly value: Node; readonly rounded: boolean };

export interface RetryAfterWrite {
  readonly mistake: 'milliseconds' | 'fraction' | 'date-form';
  /** The expression reported. */
  readonly node: Node;
  readonly edit: RetryAfterWriteEdit;
  /** The edit is proven: written in the header's value itself, on a value known to be a `Date`. */
  readonly certain: boolean;
  /** For a date: how the code writes it (`toISOString()`, `toString()`, `String(date)`, `a Date`). */
  readonly form?: string;
}

const MAX_DEPTH = 3;
const KEY = {};

/** Every `Retry-After` value the file writes that is not one of the header's two forms. */
export function retryAfterWrites(model: HttpModel): readonly RetryAfterWrite[] {
  if (!model.file.mentionsRetryAfter()) return [];
  return model.extension(KEY, () => {
    const writes: RetryAfterWrite[] = [];
    const reported = new Set<Node>();
    for (const key of retryAfterKeys(model)) {
      const value = writtenValue(key);
      const write = value && judge(model, value, true, 0);
      if (!write || reported.has(write.node)) continue;
      reported.add(write.node);
      writes.push(write);
    }
    return writes;
  });
}

/** The value written under a header name: `set(name, v)`, `{ [name]: v }`, `h[name] = v`, `[name, v]`. */
function writtenValue(key: Node): Node | undefined {
  const parent = key.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.CallExpression: {
      const callee = skipWrappers(parent.callee);
      const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : memberName(callee);
      const index =
        name !== undefined && Object.hasOwn(HEADER_WRITE_CALLS, name)
          ? HEADER_WRITE_CALLS[name]
          : undefined;
      const value =
        index !== undefined && parent.arguments[index] === key
          ? parent.arguments[index + 1]
          : undefined;
      return value && value.type !== AST_NODE_TYPES.SpreadElement ? value : undefined;
    }
    case AST_NODE_TYPES.Property:
      return parent.key === key && parent.parent.type === AST_NODE_TYPES.ObjectExpression
        ? parent.value
        : undefined;
    case AST_NODE_TYPES.MemberExpression: {
      const assignment = parent.parent;
      return parent.property === key &&
        assignment?.type === AST_NODE_TYPES.AssignmentExpression &&
        assignment.operator === '=' &&
        assignment.left === parent
        ? assignment.right
        : undefined;
    }
    case AST_NODE_TYPES.ArrayExpression: {
      const value =
        parent.elements.length === 2 && parent.elements[0] === key ? parent.elements[1] : undefined;
      return value && value.type !== AST_NODE_TYPES.SpreadElement ? value : undefined;
    }
    default:
      return undefined;
  }
}

/** What is wrong with a written value; `inline` while the value is the header's own expression. */
function judge(
  model: HttpModel,
  value: Node,
  inline: boolean,
  depth: number,
): RetryAfterWrite | undefined {
  const inner = skipWrappers(value);
  const date = dateForm(model, inner, inline);
  if (date) return date;
  const division = unroundedDivision(model, inner, inner);
  if (division)
    return {
      mistake: 'fraction',
      node: division,
      edit: { kind: 'ceil', division },
      certain: inline,
    };
  if (hasDivision(inner)) return undefined;
  const ms = millisecondsCore(model, inner);
  if (ms)
    return {
      mistake: 'milliseconds',
      node: ms.value,
      edit: { kind: 'to-seconds', ...ms },
      certain: false,
    };
  // A `const` holding the value: judged as written there, and only suggested (its other uses change too).
  const held = asText(inner);
  if (held.type === AST_NODE_TYPES.Identifier && depth < MAX_DEPTH) {
    const variable = model.file.variableOf(held);
    const init = variable && constInitializer(variable);
    const write = init && judge(model, init, false, depth + 1);
    return write ? { ...write, certain: false } : undefined;
  }
  return undefined;
}

/** The value a text conversion holds: `x` in `String(x)`, `` `${x}` ``, `x.toString()`. */
function asText(node: Node): Node {
  const inner = skipWrappers(node);
  if (inner.type === AST_NODE_TYPES.TemplateLiteral && inner.expressions.length === 1)
    return skipWrappers(inner.expressions[0]!);
  if (inner.type !== AST_NODE_TYPES.CallExpression) return inner;
  const callee = skipWrappers(inner.callee);
  const argument = inner.arguments[0];
  if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'String' && argument)
    return argument.type === AST_NODE_TYPES.SpreadElement ? inner : skipWrappers(argument);
  if (memberName(callee) === 'toString' && callee.type === AST_NODE_TYPES.MemberExpression)
    return inner.arguments.length === 0 ? skipWrappers(callee.object) : inner;
  return inner;
}

function dateForm(model: HttpModel, inner: Node, inline: boolean): RetryAfterWrite | undefined {
  if (inner.type === AST_NODE_TYPES.CallExpression && inner.arguments.length <= 1) {
    const callee = skipWrappers(inner.callee);
    const method = memberName(callee);
    if (
      callee.type === AST_NODE_TYPES.MemberExpression &&
      !callee.computed &&
      callee.property.type === AST_NODE_TYPES.Identifier &&
      inner.arguments.length === 0 &&
      (method === 'toISOString' || method === 'toString')
    ) {
      const known = isDate(model, callee.object, 0);
      // `n.toString()` of a number is right; `toISOString()` is a date's (or a date library's) own.
      if (method === 'toString' && !known) return undefined;
      return {
        mistake: 'date-form',
        node: inner,
        edit: { kind: 'rename-method', method: callee.property },
        certain: known && inline,
        form: `${method}()`,
      };
    }
    if (
      callee.type === AST_NODE_TYPES.Identifier &&
      callee.name === 'String' &&
      inner.arguments[0]
    ) {
      const date = inner.arguments[0];
      if (date.type === AST_NODE_TYPES.SpreadElement || !isDate(model, date, 0)) return undefined;
      return {
        mistake: 'date-form',
        node: inner,
        edit: { kind: 'string-call', call: inner, date },
        certain: inline,
        form: 'String(date)',
      };
    }
    return undefined;
  }
  if (!isDate(model, inner, 0)) return undefined;
  return {
    mistake: 'date-form',
    node: inner,
    edit: { kind: 'append-utc', date: inner },
    certain: inline,
    form: 'a `Date`',
  };
}

/** `new Date(…)`, or a `const` holding one: a native `Date`. */
function isDate(model: HttpModel, node: Node, depth: number): boolean {
  const inner = skipWrappers(node);
  if (inner.type === AST_NODE_TYPES.NewExpression) {
    const callee = skipWrappers(inner.callee);
    return callee.type === AST_NODE_TYPES.Identifier && callee.name === 'Date';
  }
  if (inner.type !== AST_NODE_TYPES.Identifier || depth >= MAX_DEPTH) return false;
  const variable = model.file.variableOf(inner);
  const init = variable && constInitializer(variable);
  return !!init && isDate(model, init, depth + 1);
}

/** A `x / 1000` in the value that no rounding holds and that is not known to be whole. */
function unroundedDivision(model: HttpModel, node: Node, top: Node): Node | undefined {
  const inner = skipWrappers(node);
  switch (inner.type) {
    case AST_NODE_TYPES.BinaryExpression: {
      if (inner.left.type === AST_NODE_TYPES.PrivateIdentifier) return undefined;
      if (inner.operator === '|' || inner.operator === '>>' || inner.operator === '>>>')
        return undefined;
      if (inner.operator === '/' && resolveNumber(model.file, inner.right) === 1000) {
        const dividend = resolveNumber(model.file, inner.left);
        return dividend !== undefined && dividend % 1000 === 0 ? undefined : inner;
      }
      return (
        unroundedDivision(model, inner.left, top) ?? unroundedDivision(model, inner.right, top)
      );
    }
    case AST_NODE_TYPES.UnaryExpression:
      return inner.operator === '~' ? undefined : unroundedDivision(model, inner.argument, top);
    case AST_NODE_TYPES.TemplateLiteral:
      return inner.expressions.length === 1
        ? unroundedDivision(model, inner.expressions[0]!, top)
        : undefined;
    case AST_NODE_TYPES.CallExpression: {
      const callee = skipWrappers(inner.callee);
      const method = memberName(callee);
      if (callee.type === AST_NODE_TYPES.Identifier) {
        if (callee.name !== 'String' && callee.name !== 'Number') return undefined;
        const argument = inner.arguments[0];
        return argument && argument.type !== AST_NODE_TYPES.SpreadElement
          ? unroundedDivision(model, argument, top)
          : undefined;
      }
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
      if (method === 'toString' && inner.arguments.length === 0)
        return unroundedDivision(model, callee.object, top);
      if (
        calleeObjectName(callee) === 'Math' &&
        method !== undefined &&
        !ROUNDING_MATH.has(method)
      ) {
        for (const argument of inner.arguments) {
          const found =
            argument.type === AST_NODE_TYPES.SpreadElement
              ? undefined
              : unroundedDivision(model, argument, top);
          if (found) return found;
        }
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

function hasDivision(node: Node): boolean {
  const inner = skipWrappers(node);
  switch (inner.type) {
    case AST_NODE_TYPES.BinaryExpression:
      return (
        inner.operator === '/' ||
        (inner.left.type !== AST_NODE_TYPES.PrivateIdentifier && hasDivision(inner.left)) ||
        hasDivision(inner.right)
      );
    case AST_NODE_TYPES.CallExpression:
      return inner.arguments.some((argument) => hasDivision(argument)) || hasDivision(inner.callee);
    case AST_NODE_TYPES.MemberExpression:
      return hasDivision(inner.object);
    case AST_NODE_TYPES.UnaryExpression:
      return hasDivision(inner.argument);
    case AST_NODE_TYPES.TemplateLiteral:
      return inner.expressions.some((expression) => hasDivision(expression));
    default:
      return false;
  }
}

/** The milliseconds the value is made of: `reset - Date.now()`, `msBeforeNext`, through `String()` and rounding. */
function millisecondsCore(
  model: HttpModel,
  node: Node,
): { value: Node; rounded: boolean } | undefined {
  let inner = skipWrappers(node);
  let rounded = false;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    if (inner.type === AST_NODE_TYPES.TemplateLiteral && inner.expressions.length === 1) {
      inner = skipWrappers(inner.expressions[0]!);
      continue;
    }
    if (inner.type !== AST_NODE_TYPES.CallExpression) break;
    const callee = skipWrappers(inner.callee);
    const method = memberName(callee);
    const argument = inner.arguments[0];
    if (
      callee.type === AST_NODE_TYPES.MemberExpression &&
      method === 'toString' &&
      inner.arguments.length === 0
    ) {
      inner = skipWrappers(callee.object);
    } else if (
      argument &&
      argument.type !== AST_NODE_TYPES.SpreadElement &&
      ((callee.type === AST_NODE_TYPES.Identifier &&
        (callee.name === 'String' || callee.name === 'Number')) ||
        (callee.type === AST_NODE_TYPES.MemberExpression &&
          calleeObjectName(callee) === 'Math' &&
          method !== undefined &&
          ROUNDING_MATH.has(method)))
    ) {
      if (callee.type === AST_NODE_TYPES.MemberExpression) rounded = true;
      inner = skipWrappers(argument);
    } else {
      break;
    }
  }
  if (inner.type === AST_NODE_TYPES.BinaryExpression && inner.operator === '-') {
    return readsClockMs(inner.left) || readsClockMs(inner.right)
      ? { value: inner, rounded }
      : undefined;
  }
  const name = inner.type === AST_NODE_TYPES.Identifier ? inner.name : memberName(inner);
  if (
    name !== undefined &&
    MILLISECONDS_NAME.test(name) &&
    resolveNumber(model.file, inner) === undefined
  )
    return { value: inner, rounded };
  return undefined;
}

/** `Date.now()`, `d.getTime()`, `d.valueOf()`, `+new Date()`: the clock in milliseconds. */
function readsClockMs(node: Node): boolean {
  const inner = skipWrappers(node);
  if (inner.type === AST_NODE_TYPES.UnaryExpression && inner.operator === '+')
    return skipWrappers(inner.argument).type === AST_NODE_TYPES.NewExpression;
  if (inner.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipWrappers(inner.callee);
  const method = memberName(callee);
  return (method === 'now' && calleeObjectName(callee) === 'Date') || method === 'getTime';
}

function calleeObjectName(callee: Node): string | undefined {
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const object = skipWrappers(callee.object);
  return object.type === AST_NODE_TYPES.Identifier ? object.name : undefined;
}
