import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../core/node-types';

import type { Node } from '../core/ast';
import { constInitializer, findProperty, memberName, skipWrappers } from '../core/ast';
import type { PathDomain } from '../core/paths';
import { someFactOnPath } from '../core/paths';
import { resolveNumber } from '../core/static-values';
import type { AnalyzedFile } from '../core/file';
import type { ErrorBranch } from './error-branch';
import { readsError, refersTo } from './error-branch';

/**
 * Which values sent by a server are error bodies: object literals (also inside `JSON.stringify`)
 * shaped like an error, and the caught error itself.
 */

/** Why a body is an error body. */
export type ErrorBodyReason =
  'error-property' | 'success-false' | 'ok-false' | 'status-text' | 'status-code' | 'caught-error';

export interface ErrorBody {
  /** The expression judged (the object literal, or the caught error). */
  readonly node: Node;
  readonly reason: ErrorBodyReason;
  /** The property that makes it an error, when there is one. */
  readonly property?: TSESTree.Property;
  /** A 4xx/5xx status written in the body (`{ status: 404 }`). */
  readonly code?: number;
  /** The strings the body carries, for guessing the status. */
  readonly texts: readonly string[];
}

const ERROR_KEYS = ['error', 'errors', 'err'];
const ERROR_STATUS_TEXTS = new Set(['error', 'fail', 'failed', 'failure']);
/** Keys beside `errors` that make a body a partial-batch result rather than an error. */
const BATCH_KEYS = [
  'results',
  'succeeded',
  'successes',
  'successful',
  'processed',
  'created',
  'updated',
  'deleted',
  'imported',
  'inserted',
  'saved',
  'items',
];
const MAX_DEPTH = 4;

/** `JSON.stringify(x)` → x. */
export function stringifiedValue(node: Node): Node | undefined {
  const inner = skipWrappers(node);
  if (inner.type !== AST_NODE_TYPES.CallExpression || !inner.arguments[0]) return undefined;
  const callee = skipWrappers(inner.callee);
  if (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    memberName(callee) === 'stringify' &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'JSON'
  ) {
    return inner.arguments[0];
  }
  return undefined;
}

/** The object literal a body expression stands for: itself, or a `const` never mutated before use. */
function objectOf(
  file: AnalyzedFile,
  node: Node,
  depth = 0,
): TSESTree.ObjectExpression | undefined {
  const inner = skipWrappers(node);
  if (inner.type === AST_NODE_TYPES.ObjectExpression) return inner;
  if (inner.type !== AST_NODE_TYPES.Identifier || depth > MAX_DEPTH) return undefined;
  const variable = file.variableOf(inner);
  const init = variable ? constInitializer(variable) : undefined;
  if (!variable || !init) return undefined;
  // `body.error = null` or `Object.assign(body, …)` anywhere: the literal is not the whole story.
  const mutated = variable.references.some((reference) => {
    const parent = reference.identifier.parent;
    if (
      parent?.type === AST_NODE_TYPES.MemberExpression &&
      parent.object === reference.identifier
    ) {
      const top = parent.parent;
      return (
        (top?.type === AST_NODE_TYPES.AssignmentExpression && top.left === parent) ||
        (top?.type === AST_NODE_TYPES.UnaryExpression && top.operator === 'delete')
      );
    }
    // `Object.assign(body, …)`
    return (
      parent?.type === AST_NODE_TYPES.CallExpression &&
      parent.arguments[0] === reference.identifier &&
      memberName(skipWrappers(parent.callee)) === 'assign'
    );
  });
  return mutated ? undefined : objectOf(file, init, depth + 1);
}

/**
 * Whether a body is an error body. `branch` says whether the send runs in a `catch` or an
 * error-first callback's error branch (the caught error and its message are error bodies there).
 */
export function classifyErrorBody(
  file: AnalyzedFile,
  body: Node,
  branch: ErrorBranch | undefined,
): ErrorBody | undefined {
  const inner = skipWrappers(body);
  const stringified = stringifiedValue(inner);
  if (stringified) return classifyErrorBody(file, stringified, branch);
  if (
    branch?.variable &&
    readsError(file, inner, branch.variable) &&
    inner.type !== AST_NODE_TYPES.ObjectExpression
  ) {
    return { node: inner, reason: 'caught-error', texts: [] };
  }
  const object = objectOf(file, inner);
  if (!object) return undefined;
  return classifyObject(file, object, branch);
}

function literalValue(node: Node): unknown {
  const inner = skipWrappers(node);
  if (inner.type === AST_NODE_TYPES.Literal) return inner.value;
  if (inner.type === AST_NODE_TYPES.Identifier && inner.name === 'undefined') return undefined;
  return NOT_LITERAL;
}
const NOT_LITERAL = Symbol('not a literal');

function classifyObject(
  file: AnalyzedFile,
  object: TSESTree.ObjectExpression,
  branch: ErrorBranch | undefined,
): ErrorBody | undefined {
  const texts = collectTexts(object, 0);
  // A property a later spread may override (`{ success: false, ...result }`) decides nothing.
  const property = (name: string): TSESTree.Property | undefined => {
    const found = findProperty(object, name);
    return found &&
      !object.properties.some(
        (p) => p.type === AST_NODE_TYPES.SpreadElement && p.range[0] > found.range[0],
      )
      ? found
      : undefined;
  };
  // Protocol envelopes and results that carry errors as data.
  if (property('jsonrpc')) return undefined;
  if (property('data') && property('errors')) return undefined;
  for (const flag of ['success', 'ok']) {
    const p = property(flag);
    if (p && literalValue(p.value) === true) return undefined;
  }
  if (property('valid') || property('isValid')) return undefined;
  const errorsProperty = property('errors');
  if (errorsProperty) {
    const success = property('success');
    if (
      BATCH_KEYS.some((key) => property(key)) ||
      (success && typeof literalValue(success.value) !== 'boolean')
    )
      return undefined;
  }

  for (const key of ['status', 'statusCode', 'code']) {
    const p = property(key);
    const code = p ? resolveNumber(file, p.value) : undefined;
    if (p && code !== undefined && Number.isInteger(code) && code >= 400 && code <= 599) {
      return { node: object, reason: 'status-code', property: p, code, texts };
    }
  }
  const success = property('success');
  if (success && literalValue(success.value) === false)
    return { node: object, reason: 'success-false', property: success, texts };
  const ok = property('ok');
  if (ok && literalValue(ok.value) === false)
    return { node: object, reason: 'ok-false', property: ok, texts };
  const status = property('status');
  const statusText = status ? literalValue(status.value) : undefined;
  if (
    status &&
    typeof statusText === 'string' &&
    ERROR_STATUS_TEXTS.has(statusText.toLowerCase())
  ) {
    return { node: object, reason: 'status-text', property: status, texts };
  }
  // A partial result (`{ ...person, filmography: [], error }`): the data is there, one part failed.
  if (
    object.properties.some(
      (p) =>
        p.type === AST_NODE_TYPES.SpreadElement && !readsError(file, p.argument, branch?.variable),
    )
  )
    return undefined;
  // Outside an error branch, `{ type: 'cart', cart, error }` with `const cart = await refetch(…)`:
  // the resource the handler loaded is sent beside the error, for the client to act on.
  if (!branch && object.properties.some((p) => isLoadedResource(file, p))) return undefined;
  for (const key of ERROR_KEYS) {
    const p = property(key);
    if (p && isErrorValue(file, p.value, key, branch, 0))
      return { node: object, reason: 'error-property', property: p, texts };
  }
  if (branch?.variable) {
    for (const p of object.properties) {
      if (p.type === AST_NODE_TYPES.Property && readsError(file, p.value, branch.variable)) {
        return { node: object, reason: 'caught-error', property: p, texts };
      }
    }
  }
  return undefined;
}

/** A property (not an error key) whose value is a `const` bound to an awaited call: data the handler loaded. */
function isLoadedResource(file: AnalyzedFile, property: TSESTree.ObjectLiteralElement): boolean {
  if (property.type !== AST_NODE_TYPES.Property || property.computed) return false;
  const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : undefined;
  const value = skipWrappers(property.value);
  if (key === undefined || ERROR_KEYS.includes(key) || value.type !== AST_NODE_TYPES.Identifier)
    return false;
  const variable = file.variableOf(value);
  const init = variable ? constInitializer(variable) : undefined;
  return (
    init != null &&
    skipWrappers(init).type === AST_NODE_TYPES.AwaitExpression &&
    skipWrappers((skipWrappers(init) as TSESTree.AwaitExpression).argument).type ===
      AST_NODE_TYPES.CallExpression
  );
}

/** Whether the value of an `error`/`errors`/`err` property is certainly an error (not null, false, a count). */
function isErrorValue(
  file: AnalyzedFile,
  node: Node,
  key: string,
  branch: ErrorBranch | undefined,
  depth: number,
): boolean {
  if (depth > MAX_DEPTH) return false;
  const value = skipWrappers(node);
  switch (value.type) {
    case AST_NODE_TYPES.Literal:
      if (value.value === null || value.value === false || value.value === '' || value.value === 0)
        return false;
      if (typeof value.value === 'number') return key !== 'errors';
      return true;
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.ObjectExpression:
    case AST_NODE_TYPES.NewExpression:
      return true;
    case AST_NODE_TYPES.ArrayExpression:
      return value.elements.length > 0;
    case AST_NODE_TYPES.Identifier: {
      if (value.name === 'undefined') return false;
      if (branch?.variable && refersTo(file, value, branch.variable)) return true;
      // In a catch, whatever is sent as `error` is the error.
      if (branch?.kind === 'catch') return true;
      if (isTruthyAt(file, value)) return true;
      const variable = file.variableOf(value);
      const init = variable ? constInitializer(variable) : undefined;
      return init ? isErrorValue(file, init, key, branch, depth + 1) : false;
    }
    case AST_NODE_TYPES.MemberExpression: {
      const name = memberName(value);
      if (name === 'length' || name === 'size' || name === 'count') return false;
      if (branch && readsError(file, value, branch.variable)) return true;
      if (name === 'message' || name === 'stack') return true;
      return branch?.kind === 'catch' || isTruthyAt(file, value);
    }
    case AST_NODE_TYPES.CallExpression: {
      const callee = skipWrappers(value.callee);
      const name =
        memberName(callee) ?? (callee.type === AST_NODE_TYPES.Identifier ? callee.name : undefined);
      return name !== 'Number' && name !== 'count' && name !== 'Boolean';
    }
    case AST_NODE_TYPES.LogicalExpression:
      if (value.operator === '&&') return false;
      return isErrorValue(file, value.right, key, branch, depth + 1);
    case AST_NODE_TYPES.ConditionalExpression:
      return (
        isErrorValue(file, value.consequent, key, branch, depth + 1) &&
        isErrorValue(file, value.alternate, key, branch, depth + 1)
      );
    default:
      return false;
  }
}

/**
 * Whether an identifier or member read is known truthy where it is read: inside `if (x)`, after
 * `if (!x) return` or `assert(x)` (the path engine's exits and assertions), on the right of `x &&`.
 */
function isTruthyAt(
  file: AnalyzedFile,
  node: TSESTree.Identifier | TSESTree.MemberExpression,
): boolean {
  const source = file.sourceCode;
  const text = source.getText(node);
  const isSame = (test: Node): boolean => {
    const inner = skipWrappers(test);
    if (inner.type === AST_NODE_TYPES.Identifier || inner.type === AST_NODE_TYPES.MemberExpression)
      return source.getText(inner) === text;
    if (
      inner.type === AST_NODE_TYPES.BinaryExpression &&
      (inner.operator === '!=' || inner.operator === '!==')
    ) {
      const other = skipWrappers(inner.right);
      return (
        other.type === AST_NODE_TYPES.Literal &&
        other.value === null &&
        source.getText(inner.left) === text
      );
    }
    if (inner.type === AST_NODE_TYPES.LogicalExpression && inner.operator === '&&')
      return isSame(inner.left) || isSame(inner.right);
    return false;
  };
  const isNegated = (test: Node): boolean => {
    const inner = skipWrappers(test);
    return (
      inner.type === AST_NODE_TYPES.UnaryExpression &&
      inner.operator === '!' &&
      isSame(inner.argument)
    );
  };
  const truthy: PathDomain<true> = {
    factOf: (condition, outcome) =>
      (outcome ? isSame(condition) : isNegated(condition)) || undefined,
  };
  return someFactOnPath(file, node, truthy, () => true, { stopAtFunction: true });
}

function collectTexts(node: Node, depth: number): string[] {
  const texts: string[] = [];
  if (depth > 2) return texts;
  const inner = skipWrappers(node);
  if (inner.type === AST_NODE_TYPES.Literal && typeof inner.value === 'string')
    texts.push(inner.value);
  else if (inner.type === AST_NODE_TYPES.TemplateLiteral)
    texts.push(inner.quasis.map((q) => q.value.cooked ?? '').join(' '));
  else if (inner.type === AST_NODE_TYPES.ObjectExpression) {
    for (const property of inner.properties) {
      if (property.type === AST_NODE_TYPES.Property)
        texts.push(...collectTexts(property.value, depth + 1));
    }
  } else if (inner.type === AST_NODE_TYPES.ArrayExpression) {
    for (const element of inner.elements)
      if (element) texts.push(...collectTexts(element, depth + 1));
  } else if (
    inner.type === AST_NODE_TYPES.LogicalExpression ||
    inner.type === AST_NODE_TYPES.ConditionalExpression
  ) {
    const parts =
      inner.type === AST_NODE_TYPES.LogicalExpression
        ? [inner.left, inner.right]
        : [inner.consequent, inner.alternate];
    for (const part of parts) texts.push(...collectTexts(part, depth + 1));
  }
  return texts;
}
