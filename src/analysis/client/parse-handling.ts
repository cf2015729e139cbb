import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../core/node-types';

import type { Node } from '../core/ast';
import {
  alwaysExits,
  calledMemberName,
  isFunction,
  literalString,
  memberName,
  propertyKeyName,
  skipWrappers,
  skipWrappersUp,
} from '../core/ast';

import type { BodyParse } from './types';

const PROMISE_METHODS = new Set(['then', 'catch', 'finally']);

// ---- parse failure handled ----------------------------------------------------------------

/**
 * Whether a failing parse is handled: `.json().catch(…)`, a later `.catch` or `.then(_, onRejected)`
 * on the promise chain it feeds, or an enclosing `try` whose `catch` can finish without
 * rethrowing. A parse inside a `.then` callback belongs to that chain.
 */
export function isParseFailureHandled(parse: BodyParse): boolean {
  let node: Node = parse.node;
  // `JSON.parse` throws synchronously; a `.json()` promise is caught by a `try` only when awaited.
  let sync = parse.kind === 'json-parse-text';
  for (let steps = 0; steps < 32; steps++) {
    const top = skipWrappersUp(node);
    const parent = top.parent;
    if (!parent) return false;
    // The promise chain the parse feeds: `.then(…)`, `.catch(…)`, `.finally(…)`.
    if (!sync && parent.type === AST_NODE_TYPES.MemberExpression && parent.object === top) {
      const name = memberName(parent);
      const call = skipWrappersUp(parent).parent;
      if (
        name !== undefined &&
        PROMISE_METHODS.has(name) &&
        call?.type === AST_NODE_TYPES.CallExpression &&
        skipWrappers(call.callee) === parent
      ) {
        if (name === 'catch' && call.arguments[0] && handles(call.arguments[0])) return true;
        if (name === 'then' && call.arguments[1] && handles(call.arguments[1])) return true;
        node = call;
        continue;
      }
    }
    // Up to the enclosing `try` or function.
    const next = climbToHandler(top, sync || parent.type === AST_NODE_TYPES.AwaitExpression);
    if (next === true) return true;
    if (next === undefined) return false;
    node = next;
    sync = false;
  }
  return false;
}

/**
 * Climbs from a value to a `try` that handles it (true), or to the promise call whose callback
 * it is in. A `try` catches only what throws synchronously or is awaited inside it.
 */
function climbToHandler(start: Node, throwsHere: boolean): Node | true | undefined {
  const climbs = throwsHere ? throwingClimbs : nonThrowingClimbs;
  const climbed: Node[] = [];
  let end: Node | true | undefined;
  let child: Node = start;
  for (
    let parent: Node | undefined = start.parent;
    parent;
    child = parent, parent = parent.parent
  ) {
    if (climbs.has(child)) {
      end = climbs.get(child);
      break;
    }
    climbed.push(child);
    if (
      throwsHere &&
      parent.type === AST_NODE_TYPES.TryStatement &&
      child === parent.block &&
      parent.handler &&
      handles(parent.handler)
    ) {
      end = true;
      break;
    }
    if (isFunction(parent)) {
      end = promiseCallOf(parent);
      break;
    }
  }
  // Every node passed on the way ends the same climb.
  for (const node of climbed) climbs.set(node, end);
  return end;
}

/**
 * Where a climb from a node ends, per node, for each kind of throw: the parses of one function
 * share their ancestors (n parses in an `else if` ladder n deep would climb n² steps).
 */
const throwingClimbs = new WeakMap<Node, Node | true | undefined>();
const nonThrowingClimbs = new WeakMap<Node, Node | true | undefined>();

/** The `.then`/`.catch`/`.finally` call a function is a callback of: a throw inside rejects its promise. */
function promiseCallOf(fn: Node): Node | undefined {
  const top = skipWrappersUp(fn);
  const call = top.parent;
  if (
    call?.type === AST_NODE_TYPES.CallExpression &&
    call.arguments.includes(top as TSESTree.CallExpressionArgument)
  ) {
    const name = calledMemberName(call);
    if (name !== undefined && PROMISE_METHODS.has(name)) return call;
  }
  return undefined;
}

/**
 * Whether a `catch` clause or a rejection handler gives a fallback: it can finish without throwing
 * again, and what it does is a default value (`return null`, `data = {}`, a log), not a report that
 * the request failed (a toast, an error state, `return false`). A failure reported on a 204 is the
 * bug this rule is about, whether the `try` holds the parse alone or the whole request.
 */
function handles(handler: Node): boolean {
  if (handler.type === AST_NODE_TYPES.CatchClause)
    return mayFinishWithoutThrow(handler.body.body) && !reportsFailure(handler.body.body);
  const inner = skipWrappers(handler);
  if (isFunction(inner)) {
    if (inner.body.type === AST_NODE_TYPES.BlockStatement)
      return mayFinishWithoutThrow(inner.body.body) && !reportsFailure(inner.body.body);
    return (
      !isPromiseReject(inner.body) && !isFailureValue(inner.body) && !isFailureCall(inner.body)
    );
  }
  // A named handler (`console.error`, `handleError`): assume it handles.
  return true;
}

/** Names of what reports a failure: `setError`, `toast.error`, `showFailure`, `alert`, `notify`, `this.error = …`. */
const FAILURE_NAME = /err|fail|toast|alert|notif|warn|reject|invalid/i;
/** Keys of a returned object that say it failed: `{ error }`, `{ message }`. */
const FAILURE_KEYS = new Set(['error', 'errors', 'err', 'message', 'errorMessage']);
/** Flags that say it failed when false: `{ success: false }`, `{ ok: false }`. */
const SUCCESS_FLAGS = new Set(['success', 'ok']);

/** Whether statements (not nested functions) report a failure rather than give a default. */
function reportsFailure(statements: readonly TSESTree.Statement[]): boolean {
  return statements.some((statement) => statementReportsFailure(statement));
}

function statementReportsFailure(statement: TSESTree.Statement): boolean {
  switch (statement.type) {
    case AST_NODE_TYPES.ExpressionStatement: {
      const expression = skipWrappers(statement.expression);
      const value =
        expression.type === AST_NODE_TYPES.AwaitExpression
          ? skipWrappers(expression.argument)
          : expression;
      if (value.type === AST_NODE_TYPES.AssignmentExpression) {
        const target =
          value.left.type === AST_NODE_TYPES.MemberExpression
            ? memberName(value.left)
            : value.left.type === AST_NODE_TYPES.Identifier
              ? value.left.name
              : undefined;
        return (target !== undefined && FAILURE_NAME.test(target)) || isFailureValue(value.right);
      }
      return isFailureCall(value);
    }
    case AST_NODE_TYPES.ReturnStatement:
      return (
        statement.argument != null &&
        (isFailureValue(statement.argument) || isFailureCall(skipWrappers(statement.argument)))
      );
    case AST_NODE_TYPES.IfStatement:
      return (
        statementReportsFailure(statement.consequent) ||
        (statement.alternate != null && statementReportsFailure(statement.alternate))
      );
    case AST_NODE_TYPES.BlockStatement:
      return reportsFailure(statement.body);
    default:
      return false;
  }
}

/**
 * A call that reports a failure to the user or the caller: `toast.error(…)`, `setError(e)`,
 * `showToast('Could not delete')`, `alert(…)`, a call it cannot name. Logs (`console.*`,
 * `logger.error`, `report(e)`) and other calls (`setItems([])`, `refresh()`) are not.
 */
function isFailureCall(node: Node): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipWrappers(node.callee);
  const object =
    callee.type === AST_NODE_TYPES.MemberExpression ? skipWrappers(callee.object) : undefined;
  const objectName =
    object?.type === AST_NODE_TYPES.Identifier ? object.name : object && memberName(object);
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : memberName(callee);
  if (name === undefined) return true;
  if (LOG_NAME.test(objectName ?? name)) return false;
  if (FAILURE_NAME.test(name) || (objectName !== undefined && FAILURE_NAME.test(objectName)))
    return true;
  return node.arguments.some((argument) => {
    const text = literalString(argument);
    return text !== undefined && FAILURE_TEXT.test(text);
  });
}

/** Loggers and error reporters: what they receive is not shown to the user as the request's result. */
const LOG_NAME = /^(?:console|logger|log|debug|trace|report|reportError|captureException|Sentry)$/i;
/** A message that says the request failed. */
const FAILURE_TEXT = /\b(?:fail|error|could not|couldn't|cannot|can't|unable)/i;

/** `false`, `{ error }`, `{ success: false }`: a value that tells the caller the request failed. */
function isFailureValue(node: Node): boolean {
  const inner = skipWrappers(node);
  if (inner.type === AST_NODE_TYPES.Literal) return inner.value === false;
  if (inner.type !== AST_NODE_TYPES.ObjectExpression) return false;
  return inner.properties.some((property) => {
    if (property.type !== AST_NODE_TYPES.Property) return false;
    const key = propertyKeyName(property);
    if (key === undefined) return false;
    if (FAILURE_KEYS.has(key)) return true;
    const value = skipWrappers(property.value);
    return SUCCESS_FLAGS.has(key) && value.type === AST_NODE_TYPES.Literal && value.value === false;
  });
}

function mayFinishWithoutThrow(statements: readonly TSESTree.Statement[]): boolean {
  for (let i = 0; i < statements.length; i++) {
    const statement = statements[i]!;
    const rejects =
      statement.type === AST_NODE_TYPES.ReturnStatement &&
      statement.argument != null &&
      isPromiseReject(statement.argument);
    if (statement.type === AST_NODE_TYPES.ThrowStatement || rejects) {
      // `if (!(e instanceof SyntaxError)) throw e; return null` handles; so does an earlier `if (…) return x`.
      return statements
        .slice(0, i)
        .some((s) => s.type !== AST_NODE_TYPES.ExpressionStatement && mayReturn(s));
    }
    if (alwaysExits(statement) && statement.type !== AST_NODE_TYPES.IfStatement) return true;
  }
  return true;
}

/** Whether a statement contains a `return` (not in a nested function). */
function mayReturn(statement: Node): boolean {
  switch (statement.type) {
    case AST_NODE_TYPES.ReturnStatement:
      return !(statement.argument && isPromiseReject(statement.argument));
    case AST_NODE_TYPES.IfStatement:
      return (
        mayReturn(statement.consequent) ||
        (statement.alternate != null && mayReturn(statement.alternate))
      );
    case AST_NODE_TYPES.BlockStatement:
      return statement.body.some((s) => mayReturn(s));
    default:
      return false;
  }
}

function isPromiseReject(node: Node): boolean {
  const inner = skipWrappers(node);
  if (inner.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipWrappers(inner.callee);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    memberName(callee) === 'reject' &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'Promise'
  );
}
