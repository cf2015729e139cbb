import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '../core/node-types';

import type { Node } from '../core/ast';
import {
  alwaysExits,
  calledMemberName,
  constInitializer,
  isFunction,
  literalString,
  memberName,
  propertyKeyName,
  skipWrappers,
  skipWrappersUp,
} from '../core/ast';
import { resolveNumber } from '../core/static-values';
import type { AnalyzedFile } from '../core/file';
import type { BodyParse, TrackedResponse } from './requests';

/**
 * What the code knows about a response body before it parses it: whether it checked that
 * there is one (`content-length`, `content-type`, `res.body`, the text's emptiness), and
 * whether a failed parse is caught. Facts about code, read from syntax and scopes.
 */

const MAX_DEPTH = 4;
const PROMISE_METHODS = new Set(['then', 'catch', 'finally']);

// ---- body presence ------------------------------------------------------------------------

/** What a value says about the body: its length, its content type, the body stream, its text. */
type BodySignal = 'length' | 'type' | 'body' | 'text';

interface PresenceContext {
  readonly file: AnalyzedFile;
  readonly response: TrackedResponse | undefined;
  /** The variable holding the body text, for `JSON.parse(text)`. */
  readonly textVariable: ReturnType<typeof ASTUtils.findVariable> | undefined;
}

/**
 * Whether the parse runs only when the code has checked that the response has a body:
 * `content-length` not `'0'`, `content-type` includes `json`, `res.body` not null, or (for
 * `JSON.parse(text)`) the text is not empty. Checks are read from enclosing `if`/`else`,
 * ternaries, `&&`/`||` and early exits before the parse.
 */
export function isBodyPresenceChecked(file: AnalyzedFile, parse: BodyParse): boolean {
  const argument = parse.kind === 'json-parse-text' ? parse.node.arguments[0] : undefined;
  const textIdentifier = argument ? skipWrappers(argument) : undefined;
  const textVariable =
    textIdentifier?.type === AST_NODE_TYPES.Identifier
      ? file.variableOf(textIdentifier)
      : undefined;
  const context: PresenceContext = { file, response: parse.response, textVariable };
  if (!context.response && !context.textVariable) return false;

  let child: Node = parse.node;
  for (
    let parent: Node | undefined = child.parent;
    parent;
    child = parent, parent = parent.parent
  ) {
    switch (parent.type) {
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression:
        if (child === parent.consequent && implies(context, parent.test, true, 0)) return true;
        if (child === parent.alternate && implies(context, parent.test, false, 0)) return true;
        break;
      case AST_NODE_TYPES.LogicalExpression:
        if (
          child === parent.right &&
          parent.operator !== '??' &&
          implies(context, parent.left, parent.operator === '&&', 0)
        )
          return true;
        break;
      case AST_NODE_TYPES.BlockStatement:
      case AST_NODE_TYPES.Program:
      case AST_NODE_TYPES.StaticBlock:
        if (earlyExitImplies(context, parent.body, child)) return true;
        break;
      case AST_NODE_TYPES.SwitchCase:
        if (earlyExitImplies(context, parent.consequent, child)) return true;
        break;
      default:
        break;
    }
  }
  return false;
}

function earlyExitImplies(
  context: PresenceContext,
  statements: readonly Node[],
  current: Node,
): boolean {
  for (const statement of context.file.ifStatementsBefore(statements, current)) {
    const thenExits = alwaysExits(statement.consequent);
    const elseExits = statement.alternate != null && alwaysExits(statement.alternate);
    if (thenExits && !elseExits && implies(context, statement.test, false, 0)) return true;
    if (elseExits && !thenExits && implies(context, statement.test, true, 0)) return true;
  }
  return false;
}

/** Whether knowing that `condition` evaluated to `truth` means the body is present. */
function implies(
  context: PresenceContext,
  condition: Node,
  truth: boolean,
  depth: number,
): boolean {
  if (depth > MAX_DEPTH) return false;
  const node = skipWrappers(condition);
  switch (node.type) {
    case AST_NODE_TYPES.UnaryExpression:
      return node.operator === '!' && implies(context, node.argument, !truth, depth + 1);
    case AST_NODE_TYPES.LogicalExpression: {
      if (node.operator === '??') return false;
      const left = (t: boolean): boolean => implies(context, node.left, t, depth + 1);
      const right = (t: boolean): boolean => implies(context, node.right, t, depth + 1);
      if (node.operator === '&&')
        return truth ? left(true) || right(true) : left(false) && right(false);
      return truth ? left(true) && right(true) : left(false) || right(false);
    }
    case AST_NODE_TYPES.BinaryExpression:
      return comparisonImplies(context, node, truth);
    case AST_NODE_TYPES.CallExpression:
      if (callImplies(context, node)) return truth;
      // `if (hasJsonBody(res))`, `if (!isEmpty(res.headers))`: a check of the response the code
      // defines elsewhere. Assumed to be about its body; a parse it lets through is left alone.
      if (truth && passesResponse(context, node)) return true;
      break;
    case AST_NODE_TYPES.Identifier: {
      // `const hasBody = res.headers.get('content-length') !== '0'; if (hasBody) …`
      const signal = signalOf(context, node, 0);
      if (signal) return truth && signal !== 'type';
      const variable = context.file.variableOf(node);
      const init = variable ? constInitializer(variable) : undefined;
      return init ? implies(context, init, truth, depth + 1) : false;
    }
    default:
      break;
  }
  // A truthy length, body or text: a 204 has no `content-length` (RFC 9110 §8.6), a null body, an empty text.
  const signal = signalOf(context, node, 0);
  return truth && signal !== undefined && signal !== 'type';
}

function comparisonImplies(
  context: PresenceContext,
  node: TSESTree.BinaryExpression,
  truth: boolean,
): boolean {
  if (node.left.type === AST_NODE_TYPES.PrivateIdentifier) return false;
  for (const [side, other, flipped] of [
    [node.left, node.right, false],
    [node.right, node.left, true],
  ] as const) {
    const signal = signalOf(context, side, 0);
    if (!signal) {
      // `ct.indexOf('json') !== -1`
      if (isJsonSearch(context, side, 'indexOf')) {
        const foundWhenTrue = indexComparison(
          flipped ? flip(node.operator) : node.operator,
          resolveNumber(context.file, other) ?? unaryMinusOne(other),
        );
        if (foundWhenTrue !== undefined) return foundWhenTrue === truth;
      }
      continue;
    }
    const op = flipped ? flip(node.operator) : node.operator;
    const presentWhenTrue = signalComparison(signal, op, other, context);
    if (presentWhenTrue === undefined) continue;
    return presentWhenTrue === truth;
  }
  return false;
}

/** Whether `index <op> n` being true means the search found `json` (undefined: it does not say). */
function indexComparison(operator: string, n: number | undefined): boolean | undefined {
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

function unaryMinusOne(node: Node): number | undefined {
  const inner = skipWrappers(node);
  return inner.type === AST_NODE_TYPES.UnaryExpression &&
    inner.operator === '-' &&
    inner.argument.type === AST_NODE_TYPES.Literal &&
    inner.argument.value === 1
    ? -1
    : undefined;
}

function flip(operator: string): string {
  return (
    ({ '<': '>', '<=': '>=', '>': '<', '>=': '<=' } as Record<string, string>)[operator] ?? operator
  );
}

/** Whether the comparison being true means a body is present (true), absent-or-unknown (false), or says nothing (undefined). */
function signalComparison(
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

/** `ct.includes('json')`, `ct?.startsWith('application/json')`, `/json/.test(ct)`, `ct.match(/json/)`, `headers.has('content-length')`. */
function callImplies(context: PresenceContext, call: TSESTree.CallExpression): boolean {
  const name = calledMemberName(call);
  const callee = skipWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  if (
    name === 'includes' ||
    name === 'startsWith' ||
    name === 'endsWith' ||
    name === 'match' ||
    name === 'search'
  ) {
    return isJsonSearch(context, call, name);
  }
  if (name === 'test' && call.arguments[0]) {
    const regex = skipWrappers(callee.object);
    return isJsonPattern(regex) && signalOf(context, call.arguments[0], 0) === 'type';
  }
  if (name === 'has' && call.arguments[0]) {
    const header = literalString(call.arguments[0])?.toLowerCase();
    return (
      (header === 'content-length' || header === 'content-type') &&
      isHeadersOf(context, callee.object, 0)
    );
  }
  return false;
}

/** Whether a call that is not a known string or header method receives the response or its headers. */
function passesResponse(context: PresenceContext, call: TSESTree.CallExpression): boolean {
  const { response } = context;
  if (!response) return false;
  const callee = skipWrappers(call.callee);
  // Methods of the response itself (`res.clone()`) or of a string are not checks of this kind.
  if (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    (response.subject.isHolder(callee.object) || isHeadersOf(context, callee.object, 0))
  ) {
    return false;
  }
  return call.arguments.some((argument) => {
    const inner = skipWrappers(argument);
    return response.subject.isHolder(inner) || isHeadersOf(context, inner, 0);
  });
}

function isJsonSearch(context: PresenceContext, node: Node, expected: string): boolean {
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

function isJsonPattern(node: Node): boolean {
  return (
    node.type === AST_NODE_TYPES.Literal &&
    'regex' in node &&
    node.regex != null &&
    /json/i.test(node.regex.pattern)
  );
}

/** What a value tells about the body, if anything: a header read, `res.body`, the text or its length. */
function signalOf(context: PresenceContext, node: Node, depth: number): BodySignal | undefined {
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
function isHeadersOf(context: PresenceContext, node: Node, depth: number): boolean {
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
  let child: Node = start;
  for (
    let parent: Node | undefined = start.parent;
    parent;
    child = parent, parent = parent.parent
  ) {
    if (
      throwsHere &&
      parent.type === AST_NODE_TYPES.TryStatement &&
      child === parent.block &&
      parent.handler &&
      handles(parent.handler)
    )
      return true;
    if (isFunction(parent)) {
      // A throw inside a `.then` callback rejects the promise that `.then` returns.
      const top = skipWrappersUp(parent);
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

// ---- which response a parse reads ----------------------------------------------------------

/**
 * Whether the parse reads the response it is attributed to. A `let res` that is assigned
 * several responses holds, at the parse, the one assigned last before it (in source order, in
 * the same function); a parse after `res = await fetch(other)` is not a parse of the first one.
 */
export function readsAttributedResponse(file: AnalyzedFile, parse: BodyParse): boolean {
  const response = parse.response;
  if (!response) return true;
  const textCallee = parse.textCall && skipWrappers(parse.textCall.callee);
  const holder =
    parse.kind === 'json'
      ? parse.receiver
      : textCallee?.type === AST_NODE_TYPES.MemberExpression
        ? textCallee.object
        : undefined;
  const written = holder && reachingWrite(file, holder);
  if (!written) return true;
  const origin = response.origin;
  return written.range[0] <= origin.range[0] && origin.range[1] <= written.range[1];
}

type Variable = NonNullable<ReturnType<AnalyzedFile['variableOf']>>;

/** A variable's writes, by enclosing function, in source order (one index per variable). */
interface WriteIndex {
  readonly byFunction: Map<
    Node | undefined,
    { readonly starts: number[]; readonly values: Node[] }
  >;
}
const writeIndexes = new WeakMap<Variable, WriteIndex | null>();

function writeIndexOf(variable: Variable): WriteIndex | null {
  let index = writeIndexes.get(variable);
  if (index !== undefined) return index;
  const writes = variable.references.filter(
    (reference) => reference.isWrite() && reference.writeExpr,
  );
  index = null;
  if (writes.length > 1) {
    const byFunction: WriteIndex['byFunction'] = new Map();
    writes.sort((a, b) => a.identifier.range[0] - b.identifier.range[0]);
    for (const write of writes) {
      const fn = enclosingFunctionOf(write.identifier);
      let entry = byFunction.get(fn);
      if (!entry) byFunction.set(fn, (entry = { starts: [], values: [] }));
      entry.starts.push(write.identifier.range[0]);
      entry.values.push(write.writeExpr as Node);
    }
    index = { byFunction };
  }
  writeIndexes.set(variable, index);
  return index;
}

/**
 * The value a variable assigned more than once holds at `node` (a read of it): the one written
 * last before it in source order in the same function. Undefined when the node is not such a
 * read, or no write of its function comes before it. Logarithmic in the number of writes.
 */
export function reachingWrite(file: AnalyzedFile, node: Node): Node | undefined {
  const receiver = skipWrappers(node);
  if (receiver.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = file.variableOf(receiver);
  const index = variable ? writeIndexOf(variable) : null;
  const entry = index?.byFunction.get(enclosingFunctionOf(receiver));
  if (!entry) return undefined;
  // The last write that starts before the read.
  let low = 0;
  let high = entry.starts.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (entry.starts[middle]! < receiver.range[0]) low = middle + 1;
    else high = middle;
  }
  return low === 0 ? undefined : entry.values[low - 1];
}

function enclosingFunctionOf(node: Node): Node | undefined {
  for (let current = node.parent; current; current = current.parent)
    if (isFunction(current)) return current;
  return undefined;
}
