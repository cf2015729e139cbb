import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../core/node-types';

import type { Node } from '../core/ast';
import {
  constInitializer,
  contains,
  findProperty,
  isFunction,
  memberName,
  propertyKeyName,
  skipWrappers,
  skipWrappersUp,
} from '../core/ast';
import type { AnalyzedFile } from '../core/file';
import type { ErrorStatusBehaviour, HttpClient } from '../libraries/clients';
import type { HttpModel } from '../model';
import type { StatusSubject } from '../status/subject';
import { feedsAssertion } from './asserted-reads';
import { boundCalls } from './body-parses';
import { superMethodOf } from './local-calls';
import type { HttpRequest, TrackedResponse } from './requests';

/** How a status check before a read can be written: on the response, or on a status binding. */
export interface StatusCheckTarget {
  /** The identifier the check reads: the response (`res`) or its status (`statusCode`). */
  readonly name: string;
  readonly kind: 'response' | 'status';
  /** The client's status property (`status`, `statusCode`) and whether it has `ok`. */
  readonly statusProperty: 'status' | 'statusCode';
  readonly hasOk: boolean;
  /** The status message property, when the response has one (`statusText`). */
  readonly statusText?: string;
  /** Where the binding is declared (the end of its name): a check before that cannot read it. */
  readonly declaredAt: number;
}

/** A body read whose response's status the code never looks at. */
export interface UncheckedBodyRead {
  /** The read: `res.json()`, `body.text()`, `res.data`, `ky(u, o).json()`, `{ data }`. */
  readonly node: Node;
  /** How the code names the read in messages: `.json()`, `data`. */
  readonly read: string;
  readonly request: HttpRequest;
  /** The option that lets 4xx/5xx responses through, when the client throws by default. */
  readonly option?: string;
  /** What a check inserted before the read reads, when the code names the response there. */
  readonly checkTarget?: StatusCheckTarget;
}

const STATUS_PROPERTIES = new Set(['status', 'statusCode', 'ok']);
/** Response members that neither read the body nor hand the response to other code. */
const NEUTRAL_MEMBERS = new Set([
  'headers',
  'statusText',
  'statusMessage',
  'url',
  'redirected',
  'type',
  'bodyUsed',
  'body',
  'trailers',
  'config',
]);
const LOG_METHODS = new Set([
  'log',
  'info',
  'warn',
  'warning',
  'error',
  'debug',
  'trace',
  'fatal',
  'verbose',
]);
const LOG_FUNCTIONS = new Set(['log', 'debug']);
const MAX_DEPTH = 4;

/** What the reads are judged with: the file, and names of log functions beyond the built-in ones. */
interface Judge {
  readonly file: AnalyzedFile;
  readonly loggers: ReadonlySet<string>;
  /**
   * What depends on a subject alone, computed once per subject: responses assigned to one
   * variable share it (`res = await fetch(…)` repeated), and each would scan all its reads.
   */
  readonly bySubject: Map<StatusSubject, SubjectFacts>;
}

interface SubjectFacts {
  /** The used body reads on the subject's holders, per client, and the first of them. */
  readonly reads: Map<
    HttpClient,
    { readonly used: FoundRead[]; readonly first?: FoundRead; readonly asserted: boolean }
  >;
  /** Whether a status read or a holder use may check, by `returnsAreExpected`. */
  readonly checks: Map<boolean, boolean>;
  /** Whether a holder variable has a foreign write. */
  foreignWrite?: boolean;
}

/** One cache key per set of logger names (the same array for every file of one configuration). */
const keys = new WeakMap<readonly string[], object>();
const NO_LOGGERS: readonly string[] = [];

/**
 * Body reads (`.json()`, `.text()`, `.blob()`, undici `body.json()`, axios `data`) of responses
 * from requests that resolve on 4xx/5xx (the client's `errorStatus` row, and the options the
 * code writes), where the code never examines the response's `ok` or status outside a log and
 * never hands the response to code it cannot see. One per response (its first read), in source
 * order. Whatever the analysis cannot follow counts as a check: a miss beats a false report.
 */
export function getUncheckedBodyReads(
  model: HttpModel,
  loggers: readonly string[] = NO_LOGGERS,
): readonly UncheckedBodyRead[] {
  let key = keys.get(loggers);
  if (!key) keys.set(loggers, (key = {}));
  return model.extension(key, () =>
    findUncheckedBodyReads(model, {
      file: model.file,
      loggers: new Set(loggers),
      bySubject: new Map(),
    }),
  );
}

function findUncheckedBodyReads(model: HttpModel, judge: Judge): UncheckedBodyRead[] {
  const found: UncheckedBodyRead[] = [];
  const seen = new Set<Node>();
  const file = model.file;
  const resolves = new Map<HttpRequest, string | false | undefined>();
  const resolution = (request: HttpRequest): string | false | undefined => {
    if (!resolves.has(request)) resolves.set(request, resolvesOnErrorStatus(model, request));
    return resolves.get(request);
  };
  // A loop's binding is written the value it iterates (`for await (const res of pages())`).
  const origins = new Set<Node>(
    model.responses.flatMap((r) => (r.loop ? [r.origin, r.loop.right] : [r.origin])),
  );
  for (const response of model.responses) {
    const { client } = response.request;
    if (!client.bodyReads || !isDirectOrigin(response.origin)) continue;
    const option = resolution(response.request);
    if (option === false) continue;
    const onHolders = usedHolderReads(judge, response);
    const reads = originReads(file, response).filter((read) => isValueUsed(judge, read.node, 0));
    if (onHolders.used.length === 0 && reads.length === 0) continue;
    if (onHolders.asserted || reads.some((read) => isAsserted(judge, read.node))) continue;
    if (statusMayBeChecked(model, judge, response, origins, false, new Set())) continue;
    const first = reads.reduce(
      (a, b) => (b.node.range[0] < a.node.range[0] ? b : a),
      onHolders.first ?? reads[0]!,
    );
    if (seen.has(first.node)) continue;
    seen.add(first.node);
    found.push({
      ...first,
      request: response.request,
      ...(option ? { option } : {}),
    });
  }
  for (const request of model.requests) {
    const read = requestPromiseRead(file, request);
    if (!read || seen.has(read.node)) continue;
    const option = resolution(request);
    if (option === false || !isValueUsed(judge, read.node, 0) || isAsserted(judge, read.node))
      continue;
    seen.add(read.node);
    found.push({ ...read, request, ...(option ? { option } : {}) });
  }
  return found.sort((a, b) => a.node.range[0] - b.node.range[0]);
}

// ---- whether the request resolves on 4xx/5xx ------------------------------------------------

/**
 * `false` when the request throws on 4xx/5xx or the code does not show it; otherwise the option
 * that turned throwing off (`throwHttpErrors: false`), or undefined when the client never throws.
 */
function resolvesOnErrorStatus(model: HttpModel, request: HttpRequest): string | false | undefined {
  const behaviour = request.client.errorStatus;
  if (!behaviour) return false;
  const hooks = behaviour.hooks ?? [];
  if (hooks.some((hook) => model.file.textIncludes(hook))) return false;
  const throwsByDefault = request.client.throwsOnErrorStatus !== undefined;
  let throws = throwsByDefault;
  let option: string | undefined;
  for (const options of optionObjects(model.file, request)) {
    if (options === undefined) {
      if (behaviour.option) return false;
      continue;
    }
    if (!behaviour.option) continue;
    if (options.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement)) return false;
    const property = findProperty(options, behaviour.option.name);
    if (!property) continue;
    const matches = optionMatches(property.value, behaviour.option.value);
    if (matches === undefined) return false;
    throws = matches ? !throwsByDefault : throwsByDefault;
    option = matches && throwsByDefault ? optionText(behaviour) : undefined;
  }
  return throws ? false : option;
}

function optionText(behaviour: ErrorStatusBehaviour): string {
  const { name, value } = behaviour.option!;
  return value === 'accept-all' ? `${name}: () => true` : `${name}: ${String(value)}`;
}

/** Whether an option's value is the one that flips throwing; undefined when not a constant. */
function optionMatches(value: Node, wanted: boolean | 'accept-all'): boolean | undefined {
  const inner = skipWrappers(value);
  if (wanted !== 'accept-all') {
    return inner.type === AST_NODE_TYPES.Literal && typeof inner.value === 'boolean'
      ? inner.value === wanted
      : undefined;
  }
  if (inner.type === AST_NODE_TYPES.Literal && inner.value === null) return true;
  if (
    inner.type !== AST_NODE_TYPES.ArrowFunctionExpression &&
    inner.type !== AST_NODE_TYPES.FunctionExpression
  )
    return undefined;
  const body = inner.body;
  const returned =
    body.type !== AST_NODE_TYPES.BlockStatement
      ? body
      : body.body.length === 1 && body.body[0]!.type === AST_NODE_TYPES.ReturnStatement
        ? body.body[0]!.argument
        : undefined;
  const literal = returned && skipWrappers(returned);
  return literal?.type === AST_NODE_TYPES.Literal && literal.value === true ? true : undefined;
}

/**
 * The option objects that configure a request, outermost first: those of the instance it is
 * called on (`ky.create({…})`, `axios.create({…})`), then the call's own object arguments.
 * `undefined` stands for an options value the code does not show.
 */
function optionObjects(
  file: AnalyzedFile,
  request: HttpRequest,
): Array<TSESTree.ObjectExpression | undefined> {
  const call = request.node;
  const callee = skipWrappers(call.callee);
  const instance =
    callee.type === AST_NODE_TYPES.MemberExpression ? skipWrappers(callee.object) : callee;
  const objects = instanceOptions(file, request.client, instance, 0);
  // The options are the last argument after the URL (`fetch(u, init)`, `axios.post(u, data, config)`),
  // or a lone object (`axios({ url })`); a lone value of another kind is the URL.
  const args = call.arguments;
  const last = args.length >= 2 ? args.at(-1) : args[0];
  if (last?.type === AST_NODE_TYPES.SpreadElement) objects.push(undefined);
  else if (
    last &&
    (args.length >= 2 || skipWrappers(last).type === AST_NODE_TYPES.ObjectExpression)
  ) {
    const value = objectOf(file, last);
    if (value !== null) objects.push(value);
  }
  return objects;
}

/** An object literal argument (or a `const` bound to one); null for a value that is no options (a URL). */
function objectOf(file: AnalyzedFile, node: Node): TSESTree.ObjectExpression | null | undefined {
  const inner = skipWrappers(node);
  if (inner.type === AST_NODE_TYPES.ObjectExpression) return inner;
  if (
    inner.type === AST_NODE_TYPES.Literal ||
    inner.type === AST_NODE_TYPES.TemplateLiteral ||
    inner.type === AST_NODE_TYPES.BinaryExpression ||
    inner.type === AST_NODE_TYPES.NewExpression
  )
    return null;
  if (inner.type === AST_NODE_TYPES.Identifier) {
    const variable = file.variableOf(inner);
    const init = variable ? constInitializer(variable) : undefined;
    if (init && skipWrappers(init).type === AST_NODE_TYPES.ObjectExpression)
      return skipWrappers(init) as TSESTree.ObjectExpression;
  }
  return undefined;
}

/** The options of the factory calls an instance comes from: `const api = ky.create({…}).extend({…})`. */
function instanceOptions(
  file: AnalyzedFile,
  client: HttpClient,
  node: Node,
  depth: number,
): Array<TSESTree.ObjectExpression | undefined> {
  let value: Node | undefined = skipWrappers(node);
  if (value.type === AST_NODE_TYPES.Identifier) {
    const variable = file.variableOf(value);
    value = variable ? constInitializer(variable) : undefined;
    if (value) value = skipWrappers(value);
  }
  if (value?.type !== AST_NODE_TYPES.CallExpression || depth >= MAX_DEPTH) return [];
  const callee = skipWrappers(value.callee);
  const name = memberName(callee);
  if (
    callee.type !== AST_NODE_TYPES.MemberExpression ||
    name === undefined ||
    client.members[name] !== 'factory'
  )
    return [];
  const objects = instanceOptions(file, client, callee.object, depth + 1);
  for (const argument of value.arguments)
    objects.push(
      argument.type === AST_NODE_TYPES.SpreadElement
        ? undefined
        : (objectOf(file, argument) ?? undefined),
    );
  return objects;
}

// ---- body reads -----------------------------------------------------------------------------

interface FoundRead {
  readonly node: Node;
  readonly read: string;
  readonly checkTarget?: StatusCheckTarget;
}

/** The value of the response when it is the call or its awaited value, not a choice between values. */
function isDirectOrigin(origin: Node): boolean {
  let inner = skipWrappers(origin);
  if (inner.type === AST_NODE_TYPES.AwaitExpression) inner = skipWrappers(inner.argument);
  return inner.type === AST_NODE_TYPES.CallExpression;
}

function targetOf(
  file: AnalyzedFile,
  client: HttpClient,
  identifier: TSESTree.Identifier,
  kind: 'response' | 'status',
  variable = file.variableOf(identifier),
): StatusCheckTarget | undefined {
  const statusText = client.errorStatus?.statusText;
  if (!variable || variable.defs.length === 0) return undefined;
  return {
    name: identifier.name,
    declaredAt: Math.max(...variable.defs.map((def) => def.name.range[1])),
    kind,
    statusProperty: client.statusProperty,
    hasOk: client.hasOk,
    ...(statusText && kind === 'response' ? { statusText } : {}),
  };
}

function factsOf(judge: Judge, subject: StatusSubject): SubjectFacts {
  let facts = judge.bySubject.get(subject);
  if (!facts) judge.bySubject.set(subject, (facts = { reads: new Map(), checks: new Map() }));
  return facts;
}

/** The used body reads on the response's holders (shared by the responses of one subject). */
function usedHolderReads(
  judge: Judge,
  response: TrackedResponse,
): { readonly used: FoundRead[]; readonly first?: FoundRead; readonly asserted: boolean } {
  const { client } = response.request;
  const facts = factsOf(judge, response.subject);
  let entry = facts.reads.get(client);
  if (!entry) {
    const used = holderReads(judge.file, client, response.subject).filter((read) =>
      isValueUsed(judge, read.node, 0),
    );
    const first =
      used.length === 0
        ? undefined
        : used.reduce((a, b) => (b.node.range[0] < a.node.range[0] ? b : a));
    // A read that feeds an assertion checks every response the holders carry.
    const asserted = used.some((read) => isAsserted(judge, read.node));
    facts.reads.set(client, (entry = { used, asserted, ...(first ? { first } : {}) }));
  }
  return entry;
}

/** The body reads of a response destructured where it appears: `const { data } = await f()`. */
function originReads(file: AnalyzedFile, response: TrackedResponse): FoundRead[] {
  const pattern = originPattern(response.origin);
  return pattern?.type === AST_NODE_TYPES.ObjectPattern
    ? patternReads(file, response.request.client, pattern)
    : [];
}

/** Every body read on a subject's holders: on the holder, its body property, destructured from it. */
function holderReads(file: AnalyzedFile, client: HttpClient, subject: StatusSubject): FoundRead[] {
  const reads = client.bodyReads!;
  const bodyProperty = client.bodyParses.bodyProperty;
  const found: FoundRead[] = [];
  // The variable each holder reference resolves to, from the subject's variables: a lookup by
  // name climbs the scopes, once per reference, quadratic in a long `else if` ladder.
  const variables = new Map<Node, TSESLint.Scope.Variable>();
  for (const variable of subject.holderVariables)
    for (const reference of variable.references) variables.set(reference.identifier, variable);
  for (const holder of subject.holderNodes()) {
    const top = skipWrappersUp(holder);
    const parent = top.parent;
    const named =
      holder.type === AST_NODE_TYPES.Identifier
        ? targetOf(file, client, holder, 'response', variables.get(holder))
        : undefined;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === top) {
      const name = memberName(parent);
      if (name === undefined) continue;
      const call = calledWithoutArguments(parent);
      if (call && reads.onResponse.includes(name))
        found.push({ node: call, read: `.${name}()`, ...(named ? { checkTarget: named } : {}) });
      else if (reads.onResponse.includes(name))
        // `const read = res.json.bind(res); await read()`
        for (const bound of boundCalls(file, parent) ?? [])
          found.push({ node: bound, read: `.${name}()`, ...(named ? { checkTarget: named } : {}) });
      else if (name === reads.property && !isWritten(parent))
        found.push({ node: parent, read: name, ...(named ? { checkTarget: named } : {}) });
      else if (name === bodyProperty && reads.onBodyProperty) {
        const read = bodyPropertyRead(skipWrappersUp(parent), reads.onBodyProperty);
        if (read) found.push({ ...read, ...(named ? { checkTarget: named } : {}) });
      }
    } else if (
      parent?.type === AST_NODE_TYPES.VariableDeclarator &&
      parent.init === top &&
      parent.id.type === AST_NODE_TYPES.ObjectPattern
    ) {
      found.push(...patternReads(file, client, parent.id));
    }
  }
  return found;
}

function calledWithoutArguments(member: Node): TSESTree.CallExpression | undefined {
  const call = skipWrappersUp(member).parent;
  return call?.type === AST_NODE_TYPES.CallExpression &&
    skipWrappers(call.callee) === member &&
    call.arguments.length === 0
    ? call
    : undefined;
}

function isWritten(member: Node): boolean {
  const parent = skipWrappersUp(member).parent;
  return parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === member;
}

/** `body.json()` on a body (undici): the read, if the body is read. */
function bodyPropertyRead(body: Node, methods: readonly string[]): FoundRead | undefined {
  const member = body.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== body) return undefined;
  const name = memberName(member);
  const call = calledWithoutArguments(member);
  return name !== undefined && call && methods.includes(name)
    ? { node: call, read: `body.${name}()` }
    : undefined;
}

/** `const { statusCode, body } = await request(u)`: reads through the destructured body or data. */
function patternReads(
  file: AnalyzedFile,
  client: HttpClient,
  pattern: TSESTree.ObjectPattern,
): FoundRead[] {
  const reads = client.bodyReads!;
  const bodyProperty = client.bodyParses.bodyProperty;
  const found: FoundRead[] = [];
  let statusLeaf: TSESTree.Identifier | undefined;
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const key = propertyKeyName(property);
    const leaf =
      property.value.type === AST_NODE_TYPES.AssignmentPattern
        ? property.value.left
        : property.value;
    if (key === client.statusProperty && leaf.type === AST_NODE_TYPES.Identifier) statusLeaf = leaf;
  }
  let target: StatusCheckTarget | undefined | null = null;
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const key = propertyKeyName(property);
    const leaf =
      property.value.type === AST_NODE_TYPES.AssignmentPattern
        ? property.value.left
        : property.value;
    if (leaf.type !== AST_NODE_TYPES.Identifier) continue;
    if (key !== undefined && key === reads.property) {
      found.push({ node: property, read: key });
    } else if (key === bodyProperty && reads.onBodyProperty) {
      for (const reference of file.variableOf(leaf)?.references ?? []) {
        if (!reference.isRead()) continue;
        const read = bodyPropertyRead(skipWrappersUp(reference.identifier), reads.onBodyProperty);
        if (!read) continue;
        // Looked up once per pattern, and only for a read.
        if (target === null) target = statusLeaf && targetOf(file, client, statusLeaf, 'status');
        found.push({ ...read, ...(target ? { checkTarget: target } : {}) });
      }
    }
  }
  return found;
}

/** The pattern the response is bound to where it appears: `const { … } = await f()`, `.then(({ … }) => …)`. */
function originPattern(origin: Node): Node | undefined {
  const top = skipWrappersUp(origin);
  const parent = top.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === top) return parent.id;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && memberName(parent) === 'then') {
    const call = skipWrappersUp(parent).parent;
    const callback = call?.type === AST_NODE_TYPES.CallExpression ? call.arguments[0] : undefined;
    return callback && isFunction(callback) ? callback.params[0] : undefined;
  }
  return undefined;
}

/** `ky(u, { throwHttpErrors: false }).json()`: a read of the request promise itself. */
function requestPromiseRead(file: AnalyzedFile, request: HttpRequest): FoundRead | undefined {
  const methods = request.client.bodyReads?.onRequest;
  if (!methods?.length) return undefined;
  const reads: FoundRead[] = [];
  const check = (promise: Node): void => {
    const top = skipWrappersUp(promise);
    const member = top.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== top) return;
    const name = memberName(member);
    const call = calledWithoutArguments(member);
    if (name !== undefined && call && methods.includes(name))
      reads.push({ node: call, read: `.${name}()` });
  };
  check(request.node);
  // `const promise = ky(u, o); const data = await promise.json()`
  const declarator = skipWrappersUp(request.node).parent;
  if (
    declarator?.type === AST_NODE_TYPES.VariableDeclarator &&
    declarator.id.type === AST_NODE_TYPES.Identifier
  ) {
    for (const reference of file.variableOf(declarator.id)?.references ?? [])
      if (reference.isRead()) check(reference.identifier);
  }
  return reads[0];
}

// ---- whether the data is used ---------------------------------------------------------------

/** Whether the value a read gives is used beyond a log: not discarded, not only logged. */
function isValueUsed(judge: Judge, read: Node, depth: number): boolean {
  const { file } = judge;
  if (read.type === AST_NODE_TYPES.Property) {
    const leaf =
      read.value.type === AST_NODE_TYPES.AssignmentPattern ? read.value.left : read.value;
    if (leaf.type !== AST_NODE_TYPES.Identifier) return true;
    return (file.variableOf(leaf)?.references ?? []).some(
      (reference) => reference.isRead() && isValueUsed(judge, reference.identifier, depth + 1),
    );
  }
  let top = skipWrappersUp(read);
  if (top.parent?.type === AST_NODE_TYPES.AwaitExpression) top = skipWrappersUp(top.parent);
  const parent = top.parent;
  if (!parent || parent.type === AST_NODE_TYPES.ExpressionStatement) return false;
  if (onlyFeedsLog(judge, top, depth)) return false;
  return true;
}

/** A read whose value a test asserts on: an error body fails the assertion, as a status check would. */
function isAsserted(judge: Judge, read: Node): boolean {
  return feedsAssertion(judge.file, read, (node) => onlyFeedsLog(judge, node, 0));
}

// ---- whether the status may be checked ------------------------------------------------------

/**
 * Whether the code may look at the response's status: a read of `ok` or the status outside a log,
 * the response handed to code out of sight, a value the analysis cannot attribute, or (for a
 * response from a local helper) a check in the helper.
 */
function statusMayBeChecked(
  model: HttpModel,
  judge: Judge,
  response: TrackedResponse,
  origins: ReadonlySet<Node>,
  returnsAreExpected: boolean,
  visited: Set<TrackedResponse>,
): boolean {
  if (visited.has(response)) return true;
  visited.add(response);
  const file = model.file;
  const { subject } = response;
  const facts = factsOf(judge, subject);
  let checks = facts.checks.get(returnsAreExpected);
  if (checks === undefined) {
    checks =
      subject.statusReads().some((read) => !onlyFeedsLog(judge, read, 0)) ||
      subject.holderNodes().some((holder) => holderMayCheck(judge, holder, returnsAreExpected));
    facts.checks.set(returnsAreExpected, checks);
  }
  if (checks) return true;
  const pattern = originPattern(response.origin);
  if (pattern && pattern.type !== AST_NODE_TYPES.Identifier && patternMayCheck(judge, pattern))
    return true;
  facts.foreignWrite ??= subject.holderVariables.some((variable) =>
    hasForeignWrite(variable, origins, subject),
  );
  if (facts.foreignWrite) return true;
  if (response.helperCall) {
    const helper = calledFunction(file, response.helperCall);
    if (!helper) return true;
    for (const upstream of model.responses) {
      if (
        upstream !== response &&
        upstream.request === response.request &&
        contains(helper, upstream.origin) &&
        statusMayBeChecked(model, judge, upstream, origins, true, visited)
      )
        return true;
    }
  }
  return false;
}

/** Whether one use of the response may look at its status, or hands the response on. */
function holderMayCheck(judge: Judge, holder: Node, returnsAreExpected: boolean): boolean {
  const top = skipWrappersUp(holder);
  const parent = top.parent;
  if (!parent) return true;
  switch (parent.type) {
    case AST_NODE_TYPES.MemberExpression: {
      if (parent.object !== top) return true;
      const name = memberName(parent);
      if (name === 'ok') return !onlyFeedsLog(judge, parent, 0);
      if (name === undefined) return true;
      // status reads are judged by statusReads(); body reads and plain members say nothing.
      return !(STATUS_PROPERTIES.has(name) || NEUTRAL_MEMBERS.has(name) || isBodyMember(name));
    }
    case AST_NODE_TYPES.CallExpression:
      return parent.callee === top || !(isLogCall(judge, parent) || isOwnBoundRead(judge, parent));
    case AST_NODE_TYPES.ReturnStatement:
      return !returnsAreExpected;
    case AST_NODE_TYPES.YieldExpression:
      return parent.delegate || !returnsAreExpected;
    case AST_NODE_TYPES.ArrowFunctionExpression:
      return parent.body !== top || !returnsAreExpected;
    case AST_NODE_TYPES.VariableDeclarator:
      if (parent.init !== top) return true;
      return parent.id.type === AST_NODE_TYPES.Identifier
        ? false
        : patternMayCheck(judge, parent.id);
    case AST_NODE_TYPES.AssignmentExpression:
      return !(
        parent.right === top &&
        parent.operator === '=' &&
        parent.left.type === AST_NODE_TYPES.Identifier
      );
    case AST_NODE_TYPES.UnaryExpression:
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.ExpressionStatement:
      return false;
    case AST_NODE_TYPES.TemplateLiteral:
      return false;
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
      return parent.test !== top;
    case AST_NODE_TYPES.ConditionalExpression:
      return parent.test !== top;
    case AST_NODE_TYPES.LogicalExpression: {
      // `res && res.json()`, `if (res && …)`: a test of the response, not a use of it.
      if (parent.left !== top) return true;
      const outer = skipWrappersUp(parent).parent;
      return !(
        outer?.type === AST_NODE_TYPES.IfStatement ||
        outer?.type === AST_NODE_TYPES.ExpressionStatement ||
        outer?.type === AST_NODE_TYPES.UnaryExpression ||
        (outer?.type === AST_NODE_TYPES.ConditionalExpression &&
          outer.test === skipWrappersUp(parent)) ||
        (outer?.type === AST_NODE_TYPES.LogicalExpression && outer.left === skipWrappersUp(parent))
      );
    }
    case AST_NODE_TYPES.SequenceExpression:
      return parent.expressions.at(-1) === top;
    default:
      return true;
  }
}

/** `res.json.bind(res)` kept in a `const` that is only called: the response stays in sight. */
function isOwnBoundRead(judge: Judge, call: TSESTree.CallExpression): boolean {
  const bind = skipWrappers(call.callee);
  const read =
    bind.type === AST_NODE_TYPES.MemberExpression ? skipWrappers(bind.object) : undefined;
  const name = read && memberName(read);
  return (
    read?.type === AST_NODE_TYPES.MemberExpression &&
    name !== undefined &&
    isBodyMember(name) &&
    (boundCalls(judge.file, read)?.length ?? 0) > 0
  );
}

let bodyMembers: ReadonlySet<string> | undefined;
function isBodyMember(name: string): boolean {
  return (bodyMembers ??= new Set([
    'json',
    'text',
    'blob',
    'arrayBuffer',
    'formData',
    'bytes',
    'data',
    'buffer',
  ])).has(name);
}

/** A destructuring of the response: a rest element or a read of `ok` or the status may check it. */
function patternMayCheck(judge: Judge, pattern: Node): boolean {
  const { file } = judge;
  if (pattern.type !== AST_NODE_TYPES.ObjectPattern) return true;
  for (const property of pattern.properties) {
    if (property.type === AST_NODE_TYPES.RestElement) return true;
    const key = propertyKeyName(property);
    if (key === undefined) return true;
    if (!STATUS_PROPERTIES.has(key) && key !== 'response') continue;
    const leaf =
      property.value.type === AST_NODE_TYPES.AssignmentPattern
        ? property.value.left
        : property.value;
    if (leaf.type !== AST_NODE_TYPES.Identifier) return true;
    const variable = file.variableOf(leaf);
    if (!variable) return true;
    if (
      variable.references.some(
        (reference) => reference.isRead() && !onlyFeedsLog(judge, reference.identifier, 0),
      )
    )
      return true;
  }
  return false;
}

/** A write of the response variable that is not a tracked response (`res = cached`): its value is unknown. */
function hasForeignWrite(
  variable: TSESLint.Scope.Variable,
  origins: ReadonlySet<Node>,
  subject: TrackedResponse['subject'],
): boolean {
  return variable.references.some((reference) => {
    if (!reference.isWrite() || !reference.writeExpr) return false;
    const written = reference.writeExpr as Node;
    if (origins.has(written) || origins.has(skipWrappersUp(written)) || subject.isHolder(written))
      return false;
    const inner = skipWrappers(written);
    if (
      (inner.type === AST_NODE_TYPES.Literal && inner.value === null) ||
      (inner.type === AST_NODE_TYPES.Identifier && inner.name === 'undefined')
    )
      return false;
    // `const [a, b] = await Promise.all([fetch(x), fetch(y)])`: the elements are the responses.
    return !(
      reference.identifier.parent?.type === AST_NODE_TYPES.ArrayPattern &&
      inner.type === AST_NODE_TYPES.AwaitExpression
    );
  });
}

/** The local function a call calls: a declaration or a `const` bound to a function. */
function calledFunction(file: AnalyzedFile, call: TSESTree.CallExpression): Node | undefined {
  const callee = skipWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier) return superMethodOf(file, call);
  const variable = file.variableOf(callee);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type === 'FunctionName') return def.node;
  const init = variable ? constInitializer(variable) : undefined;
  const fn = init && skipWrappers(init);
  return fn && isFunction(fn) ? fn : undefined;
}

// ---- logs -----------------------------------------------------------------------------------

/**
 * Whether a value only feeds a log: an argument of `console.*` or a logger (`logger.warn`,
 * `this.log.error`, `debug(…)`), alone or in a template, a concatenation, an object or array,
 * or a variable whose reads all do (an unused copy feeds nothing).
 */
function onlyFeedsLog(judge: Judge, value: Node, depth: number): boolean {
  const { file } = judge;
  let current = skipWrappersUp(value);
  for (;;) {
    const parent = current.parent;
    if (!parent) return false;
    switch (parent.type) {
      case AST_NODE_TYPES.TemplateLiteral:
      case AST_NODE_TYPES.ArrayExpression:
        break;
      case AST_NODE_TYPES.BinaryExpression:
        if (parent.operator !== '+') return false;
        break;
      case AST_NODE_TYPES.Property:
        if (parent.value !== current || parent.parent.type !== AST_NODE_TYPES.ObjectExpression)
          return false;
        current = parent;
        continue;
      case AST_NODE_TYPES.ObjectExpression:
        break;
      case AST_NODE_TYPES.ConditionalExpression:
        if (parent.test === current) return false;
        break;
      case AST_NODE_TYPES.CallExpression:
        if (parent.callee === current) return false;
        if (isLogCall(judge, parent)) return true;
        if (!isStringConversion(parent)) return false;
        break;
      case AST_NODE_TYPES.VariableDeclarator: {
        if (parent.init !== current || parent.id.type !== AST_NODE_TYPES.Identifier) return false;
        if (depth >= MAX_DEPTH) return false;
        const variable = file.variableOf(parent.id);
        return (
          variable !== null &&
          variable.references.every(
            (reference) =>
              !reference.isRead() || onlyFeedsLog(judge, reference.identifier, depth + 1),
          )
        );
      }
      default:
        return false;
    }
    current = skipWrappersUp(parent);
  }
}

/** `String(x)`, `JSON.stringify(x)`: a value made into text on its way to a log. */
function isStringConversion(call: TSESTree.CallExpression): boolean {
  const callee = skipWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name === 'String';
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    memberName(callee) === 'stringify' &&
    skipWrappers(callee.object).type === AST_NODE_TYPES.Identifier &&
    (skipWrappers(callee.object) as TSESTree.Identifier).name === 'JSON'
  );
}

function isLogCall(judge: Judge, call: TSESTree.CallExpression): boolean {
  const callee = skipWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier)
    return LOG_FUNCTIONS.has(callee.name) || judge.loggers.has(callee.name);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const object = skipWrappers(callee.object);
  const objectName =
    object.type === AST_NODE_TYPES.Identifier
      ? object.name
      : object.type === AST_NODE_TYPES.MemberExpression
        ? memberName(object)
        : undefined;
  if (objectName === 'console' || (objectName !== undefined && judge.loggers.has(objectName)))
    return true;
  const method = memberName(callee);
  return (
    objectName !== undefined &&
    method !== undefined &&
    LOG_METHODS.has(method) &&
    /^(?:log|logger|_?logger|\w*Logger|\w*Log)$/i.test(objectName)
  );
}
