import { AST_NODE_TYPES } from '../core/node-types';

import type { FunctionNode, Node } from '../core/ast';
import { isFunction, memberName, skipWrappers } from '../core/ast';
import type { AnalyzedFile } from '../core/file';
import type { ErrorBody } from './error-body';
import type { ErrorBranch } from './error-branch';

/** The statuses the code around an error body points to, for fixes and suggestions. */

const MAX_DEPTH = 4;

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
