import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../core/node-types';

import type { FunctionNode, Node } from '../core/ast';
import {
  alwaysExits,
  constInitializer,
  contains,
  findProperty,
  isFunction,
  memberName,
  skipWrappers,
  skipWrappersUp,
} from '../core/ast';
import { resolveNumber } from '../core/static-values';
import type { AnalyzedFile } from '../core/file';

/**
 * Which values sent by a server are error bodies: object literals (also inside `JSON.stringify`)
 * shaped like an error, and the caught error itself. Also the statuses the code around a send
 * points to, for fixes and suggestions.
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

/** Where a send runs on an error path: inside a `catch`, or an error-first callback's error branch. */
export interface ErrorBranch {
  readonly kind: 'catch' | 'callback';
  /** The catch parameter or the callback's error parameter. */
  readonly variable: TSESLint.Scope.Variable | undefined;
  readonly node: Node;
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

/** The innermost `catch` clause or error-first callback error branch around `node`, inside `boundary`. */
export function errorBranchAt(
  file: AnalyzedFile,
  node: Node,
  boundary: Node | undefined,
): ErrorBranch | undefined {
  let child: Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.CatchClause && child === parent.body) {
      const param = parent.param;
      const variable =
        param?.type === AST_NODE_TYPES.Identifier
          ? file.scopeManager.getDeclaredVariables(parent)[0]
          : undefined;
      return { kind: 'catch', variable, node: parent };
    }
    if (
      (parent.type === AST_NODE_TYPES.IfStatement ||
        parent.type === AST_NODE_TYPES.ConditionalExpression) &&
      child === parent.consequent
    ) {
      const variable = errorFirstParameterTested(file, parent.test, parent);
      if (variable) return { kind: 'callback', variable, node: parent };
    }
    if (
      parent.type === AST_NODE_TYPES.LogicalExpression &&
      parent.operator === '&&' &&
      child === parent.right
    ) {
      const variable = errorFirstParameterTested(file, parent.left, parent);
      if (variable) return { kind: 'callback', variable, node: parent };
    }
    if (isFunction(parent) && isRejectionHandler(parent)) {
      const param = parent.params[0];
      const variable =
        param?.type === AST_NODE_TYPES.Identifier
          ? file.scopeManager
              .getDeclaredVariables(parent)
              .find((v) => v.defs.some((d) => d.name === param))
          : undefined;
      return { kind: 'catch', variable, node: parent };
    }
    if (parent === boundary) break;
  }
  return undefined;
}

/** `promise.catch((err) => …)` or `promise.then(ok, (err) => …)`: the function runs on a rejection. */
function isRejectionHandler(fn: FunctionNode): boolean {
  const call = skipWrappersUp(fn).parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression) return false;
  const name = memberName(skipWrappers(call.callee));
  return (
    (name === 'catch' && call.arguments[0] === fn) || (name === 'then' && call.arguments[1] === fn)
  );
}

/** `if (err)` where `err` is the first parameter of a callback passed to a call (`fs.readFile(p, (err, data) => …)`). */
function errorFirstParameterTested(
  file: AnalyzedFile,
  test: Node,
  at: Node,
): TSESLint.Scope.Variable | undefined {
  const inner = skipWrappers(test);
  let identifier: TSESTree.Identifier | undefined;
  if (inner.type === AST_NODE_TYPES.Identifier) identifier = inner;
  else if (
    inner.type === AST_NODE_TYPES.BinaryExpression &&
    (inner.operator === '!=' || inner.operator === '!==') &&
    inner.left.type === AST_NODE_TYPES.Identifier &&
    inner.right.type === AST_NODE_TYPES.Literal &&
    inner.right.value === null
  ) {
    identifier = inner.left;
  }
  if (!identifier) return undefined;
  const variable = file.variableOf(identifier);
  const def = variable?.defs[0];
  if (!variable || def?.type !== 'Parameter') return undefined;
  const fn = def.node;
  if (!isFunction(fn) || fn.params[0] !== def.name || fn.params.length < 1 || !contains(fn, at))
    return undefined;
  // A callback: passed as an argument.
  const parent = fn.parent;
  if (
    parent?.type !== AST_NODE_TYPES.CallExpression &&
    parent?.type !== AST_NODE_TYPES.NewExpression
  )
    return undefined;
  return parent.arguments.includes(fn as TSESTree.Expression) ? variable : undefined;
}

/** Whether an identifier refers to the given variable. */
function refersTo(
  file: AnalyzedFile,
  node: Node,
  variable: TSESLint.Scope.Variable | undefined,
): boolean {
  if (!variable) return false;
  const inner = skipWrappers(node);
  return inner.type === AST_NODE_TYPES.Identifier && file.variableOf(inner) === variable;
}

/** `e`, `e.message`, `e.toString()`, `String(e)`: the caught error or something read from it. */
function readsError(
  file: AnalyzedFile,
  node: Node,
  variable: TSESLint.Scope.Variable | undefined,
): boolean {
  if (!variable) return false;
  const inner = skipWrappers(node);
  if (refersTo(file, inner, variable)) return true;
  if (inner.type === AST_NODE_TYPES.MemberExpression)
    return readsError(file, inner.object, variable);
  if (inner.type === AST_NODE_TYPES.CallExpression) {
    const callee = skipWrappers(inner.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression)
      return readsError(file, callee.object, variable);
    if (
      callee.type === AST_NODE_TYPES.Identifier &&
      callee.name === 'String' &&
      inner.arguments[0]
    ) {
      return readsError(file, inner.arguments[0], variable);
    }
  }
  if (inner.type === AST_NODE_TYPES.LogicalExpression)
    return readsError(file, inner.left, variable);
  if (inner.type === AST_NODE_TYPES.TemplateLiteral)
    return inner.expressions.some((e) => readsError(file, e, variable));
  return false;
}

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

/** Whether an identifier or member read is known truthy where it is read: inside `if (x)`, after `if (!x) return`. */
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
  let child: Node = node;
  for (let parent: Node | undefined = node.parent; parent; child = parent, parent = parent.parent) {
    if (isFunction(parent)) break;
    if (
      (parent.type === AST_NODE_TYPES.IfStatement ||
        parent.type === AST_NODE_TYPES.ConditionalExpression) &&
      child === parent.consequent &&
      isSame(parent.test)
    )
      return true;
    if (
      (parent.type === AST_NODE_TYPES.IfStatement ||
        parent.type === AST_NODE_TYPES.ConditionalExpression) &&
      child === parent.alternate &&
      isNegated(parent.test)
    )
      return true;
    if (
      parent.type === AST_NODE_TYPES.LogicalExpression &&
      parent.operator === '&&' &&
      child === parent.right &&
      isSame(parent.left)
    )
      return true;
    if (parent.type === AST_NODE_TYPES.BlockStatement || parent.type === AST_NODE_TYPES.Program) {
      for (const statement of parent.body) {
        if (statement === child) break;
        if (
          statement.type === AST_NODE_TYPES.IfStatement &&
          isNegated(statement.test) &&
          alwaysExits(statement.consequent)
        )
          return true;
      }
    }
  }
  return false;
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

// ---- the status the code points to ---------------------------------------------------------

/** The statuses a rule may offer for an error body, best first. */
export const ERROR_STATUS_CHOICES: readonly number[] = [400, 401, 403, 404, 409, 422, 500];

const TEXT_HINTS: ReadonlyArray<readonly [number, RegExp]> = [
  [
    401,
    /\bunauthori[sz]ed\b|\bunauthenticated\b|\bnot (?:authenticated|logged in)\b|\b(?:invalid|wrong|incorrect|bad) (?:password|credentials|token|api key|email or password|username or password)\b|\b(?:token|session) (?:expired|invalid|missing)\b|\blog ?in required\b|\bauthentication (?:failed|required)\b|\bno token\b/i,
  ],
  [
    403,
    /\bforbidden\b|\bnot allowed\b|\bnot permitted\b|\baccess denied\b|\bpermission\b|\bnot authori[sz]ed to\b/i,
  ],
  [
    404,
    /\bnot found\b|\bdoes(?: not|n't) exist\b|\bno such\b|\bnot exist\b|\bcould not find\b|\bcannot find\b|\bunknown (?:user|id|route)\b/i,
  ],
  [409, /\balready (?:exists?|registered|taken|in use|used)\b|\bduplicate\b|\bconflict\b/i],
  [422, /\bunprocessable\b|\bvalidation (?:failed|error)\b/i],
  [
    400,
    /\brequired\b|\bmissing\b|\binvalid\b|\bmust (?:be|have|contain|include)\b|\bbad request\b|\bmalformed\b|\bprovide\b/i,
  ],
  [500, /\binternal\b|\bserver error\b|\bsomething went wrong\b|\bfailed to\b|\bunexpected\b/i],
];

/** Statuses suggested by the texts of a body, in the order of `TEXT_HINTS`. */
function textHints(texts: readonly string[]): number[] {
  const joined = texts.join(' \n ');
  const hints: number[] = [];
  for (const [status, pattern] of TEXT_HINTS) if (pattern.test(joined)) hints.push(status);
  return hints;
}

/** Whether statuses hinted by the body's texts include a client error (then a catch is not surely a 500). */
export function textsPointToClientError(texts: readonly string[]): boolean {
  return textHints(texts).some((status) => status < 500);
}

/**
 * The statuses to offer for an error body sent at `send`, best first: what the body's texts say
 * ("already exists" → 409), then what the enclosing condition tests (a missing field → 400, `!user`
 * after a lookup → 404), then a catch (500), then the rest of `ERROR_STATUS_CHOICES`.
 */
export function likelyErrorStatuses(
  file: AnalyzedFile,
  send: Node,
  body: ErrorBody,
  branch: ErrorBranch | undefined,
  handler: FunctionNode | undefined,
): number[] {
  const ordered: number[] = [];
  const add = (status: number): void => {
    if (!ordered.includes(status)) ordered.push(status);
  };
  const texts = textHints(body.texts);
  for (const status of texts) if (status !== 400 && status !== 500) add(status);
  for (const status of conditionHints(file, send, handler)) add(status);
  if (texts.includes(400)) add(400);
  if (branch) add(500);
  if (texts.includes(500)) add(500);
  for (const status of ERROR_STATUS_CHOICES) add(status);
  return ordered;
}

/** Hints from the `if` tests that lead to the send: `!email` from the request body → 400; `!user` after a lookup → 404. */
function conditionHints(
  file: AnalyzedFile,
  send: Node,
  handler: FunctionNode | undefined,
): number[] {
  const hints: number[] = [];
  const tests: Node[] = [];
  let child: Node = send;
  for (
    let parent = send.parent;
    parent && parent !== handler;
    child = parent, parent = parent.parent
  ) {
    if (
      (parent.type === AST_NODE_TYPES.IfStatement ||
        parent.type === AST_NODE_TYPES.ConditionalExpression) &&
      child === parent.consequent
    ) {
      tests.push(parent.test);
    }
    if (isFunction(parent)) break;
  }
  for (const test of tests) {
    for (const negated of negatedOperands(test)) {
      const origin = originOf(file, negated);
      if (origin === 'request') hints.push(400);
      else if (origin === 'lookup') hints.push(404);
    }
  }
  return hints;
}

/** The operands tested for absence: `!x`, `x == null`, `x === undefined`, through `||` and `&&`. */
function negatedOperands(test: Node): Node[] {
  const inner = skipWrappers(test);
  if (inner.type === AST_NODE_TYPES.UnaryExpression && inner.operator === '!')
    return [inner.argument];
  if (inner.type === AST_NODE_TYPES.LogicalExpression && inner.operator !== '??') {
    return [...negatedOperands(inner.left), ...negatedOperands(inner.right)];
  }
  if (inner.type === AST_NODE_TYPES.BinaryExpression && ['==', '==='].includes(inner.operator)) {
    const right = skipWrappers(inner.right);
    if (
      (right.type === AST_NODE_TYPES.Literal && right.value === null) ||
      (right.type === AST_NODE_TYPES.Identifier && right.name === 'undefined')
    ) {
      return [inner.left];
    }
  }
  return [];
}

const REQUEST_PARTS = new Set(['body', 'query', 'params', 'headers', 'cookies', 'files', 'file']);

/** Where a tested value comes from: the request (`req.body.x`, `const { x } = req.body`), or a lookup (`await User.findOne()`). */
function originOf(file: AnalyzedFile, node: Node, depth = 0): 'request' | 'lookup' | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const inner = skipWrappers(node);
  if (inner.type === AST_NODE_TYPES.MemberExpression) {
    for (
      let object: Node = inner;
      object.type === AST_NODE_TYPES.MemberExpression;
      object = skipWrappers(object.object)
    ) {
      const name = memberName(object);
      if (name !== undefined && REQUEST_PARTS.has(name) && object !== inner) return 'request';
    }
    return originOf(file, inner.object, depth + 1) === 'request' ? 'request' : undefined;
  }
  if (inner.type === AST_NODE_TYPES.AwaitExpression) {
    const argument = skipWrappers(inner.argument);
    if (argument.type === AST_NODE_TYPES.CallExpression) {
      const name = memberName(skipWrappers(argument.callee));
      // `await req.json()`, `await request.formData()`, h3 `await readBody(event)`
      if (name === 'json' || name === 'formData' || name === 'text') return 'request';
      const callee = skipWrappers(argument.callee);
      if (
        callee.type === AST_NODE_TYPES.Identifier &&
        /^read(?:Body|ValidatedBody|FormData)$/.test(callee.name)
      )
        return 'request';
      return 'lookup';
    }
    return undefined;
  }
  if (inner.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = file.variableOf(inner);
  const def = variable?.defs[0];
  if (def?.type !== 'Variable' || !def.node.init) return undefined;
  const init = skipWrappers(def.node.init);
  if (def.node.id.type === AST_NODE_TYPES.ObjectPattern) {
    // `const { email } = req.body`
    if (init.type === AST_NODE_TYPES.MemberExpression) {
      const name = memberName(init);
      if (name !== undefined && REQUEST_PARTS.has(name)) return 'request';
    }
    return originOf(file, init, depth + 1) === 'request' ? 'request' : undefined;
  }
  return originOf(file, init, depth + 1);
}
