import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { CALL, CONSTRUCT, ESM, ReferenceTracker } from '@eslint-community/eslint-utils';
import { AST_NODE_TYPES } from '../core/node-types';

import type { FunctionNode, Node } from '../core/ast';
import {
  alwaysExits,
  constInitializer as constInitializerOf,
  enclosingFunction,
  findProperty,
  isFunction,
  literalString,
  memberName,
  propertyKeyName,
  returnStatementsOf,
  skipWrappers,
  skipWrappersUp,
} from '../core/ast';
import { importPathOf, resolveNumber } from '../core/static-values';
import type { ErrorBody, ErrorBranch } from './error-body';
import { classifyErrorBody, errorBranchAt, stringifiedValue } from './error-body';
import { AnalyzedFile } from '../core/file';
import type {
  AcceptedStatuses,
  AccessPath,
  BodyOnNullStatus,
  ResponseFactory,
  ServerFramework,
  StatusCall,
} from '../libraries/frameworks';
import {
  HTTP_RESPONSE_METHODS,
  HTTP_STATUSES,
  SERVER_FRAMEWORKS,
  TYPE_TEST_MODULES,
} from '../libraries/frameworks';
import { resultObjectNeedles, shortestNeedles } from '../core/text-anchors';
import { STATUS_BY_NAME } from '../status/status-names';
import type { HttpModel } from '../model';

/**
 * Server sends: every place a server handler sends a body, the framework, and the status it is
 * sent with (a constant, the framework's default, or unknown when computed at run time), with
 * an edit that sets another status in the framework's own form.
 */

export type SendStatus =
  /** A status the code writes: `res.status(200)`, `{ status: 201 }`, `ctx.status = 200`. */
  | { readonly kind: 'constant'; readonly value: number; readonly node: Node }
  /** No status is set: the framework sends its default. */
  | { readonly kind: 'default'; readonly value: number }
  /** The status is computed at run time or may be set elsewhere. */
  | { readonly kind: 'unknown' };

export type StatusFixer = (fixer: TSESLint.RuleFixer, status: number) => TSESLint.RuleFix[];

/** Edits that send the same status without a body: `res.status(204).end()`, `c.body(null, 204)`, `new Response(null, init)`. */
export interface BodyRemoval {
  /** The text ranges the edit replaces, with their replacements. */
  readonly replacements: ReadonlyArray<{
    readonly range: readonly [number, number];
    readonly text: string;
  }>;
  /** The send's value changes type (`json(b, 204)` → `new Response(null, …)`): typed code around it may not accept it. */
  readonly changesType: boolean;
}

export interface ServerSend {
  /** The send: a call, an assignment (`ctx.body = b`), a return, a construction, or a result object. */
  readonly node: Node;
  readonly framework: ServerFramework;
  /** The body as written (`{ error }`, `JSON.stringify({ error })`, `err`). */
  readonly body: Node;
  /** `json`: the value is serialised (`null` is sent as the text `null`); `raw`: sent as written (`null` and `undefined` send none). */
  readonly encoding: 'json' | 'raw';
  /** The response factory the send is built with (`Response.json`, `new Response`), if any. */
  readonly factory?: ResponseFactory;
  readonly status: SendStatus;
  /** The route handler the send belongs to, when it is sent through a handler's response. */
  readonly handler: FunctionNode | undefined;
  /** Edits that send `status` instead; undefined when the code has no place to say it. */
  readonly setStatus: StatusFixer | undefined;
  /** What the framework does with a body sent with a null-body status; undefined when not known. */
  readonly bodyOnNullStatus: BodyOnNullStatus | undefined;
  /** Edits that send the same status without the body; undefined when the code has no such form. */
  readonly removeBody: BodyRemoval | undefined;
  /**
   * The framework was inferred from how the handler uses its parameters (`(req, reply) => reply.status(…)`),
   * not from an import, a type or a traced app: an edit in its own form (`res.end()`) is then a guess.
   */
  readonly frameworkGuessed?: boolean;
}

/**
 * A status as the code hands it to a server API (`res.status(404)`, `{ status: 404 }` of a
 * `Response` init, `ctx.status = 404`, `Response.redirect(url, 301)`, SvelteKit `error(404)`),
 * with what that API accepts. Every one the analysis finds, whatever body is sent, if any.
 */
export interface StatusArgument {
  /** The expression as written. */
  readonly node: Node;
  readonly framework: ServerFramework;
  readonly accepts: AcceptedStatuses;
  /** `init`: a bare value where the API takes an init object (`new Response(body, 404)`). */
  readonly place: 'status' | 'init';
}

export interface ServerAnalysis {
  readonly sends: readonly ServerSend[];
  /** Every status given to a server API, in source order. */
  readonly statusArguments: readonly StatusArgument[];
  /** The catch or error-first callback error branch the send runs in. */
  errorBranchOf(send: ServerSend): ErrorBranch | undefined;
  /** Whether the send's body is an error body, and why. */
  errorBodyOf(send: ServerSend): ErrorBody | undefined;
}

const KEY = {};
const NO_SENDS: ServerAnalysis = {
  sends: [],
  statusArguments: [],
  errorBranchOf: () => undefined,
  errorBodyOf: () => undefined,
};

/** The server sends of the model's file, built once per file. */
export function getServerAnalysis(model: HttpModel): ServerAnalysis {
  return model.hasAnchor
    ? model.extension(KEY, (m) => (isTypeTest(m.file) ? NO_SENDS : new ServerSends(m.file)))
    : NO_SENDS;
}

/** A type test (imports tstyche, tsd, expect-type): checked by the compiler, never run, so it sends nothing. */
function isTypeTest(file: AnalyzedFile): boolean {
  return file
    .moduleStatements()
    .some(
      (statement) =>
        statement.type === AST_NODE_TYPES.ImportDeclaration &&
        TYPE_TEST_MODULES.has(statement.source.value),
    );
}

// ---- tracing framework imports ---------------------------------------------------------------

type TraceInfo =
  | { readonly kind: 'app'; readonly framework: ServerFramework }
  | { readonly kind: 'handler-factory'; readonly framework: ServerFramework }
  | {
      readonly kind: 'response-factory';
      readonly framework: ServerFramework;
      readonly factory: ResponseFactory;
    }
  | { readonly kind: 'status-function'; readonly framework: ServerFramework }
  | {
      readonly kind: 'status-call';
      readonly framework: ServerFramework;
      readonly call: StatusCall;
    };

type TraceMap = Record<string | symbol, unknown>;

function addTrace(
  map: TraceMap,
  path: readonly string[],
  kind: typeof CALL | typeof CONSTRUCT,
  info: TraceInfo,
): void {
  let node = map;
  for (const key of path) node = (node[key] ??= {}) as TraceMap;
  node[kind] = info;
}

/** The trace maps of every framework's exports, built once (ReferenceTracker does not change them). */
let cachedTraceMaps:
  | {
      esm: Record<string, TraceMap>;
      cjs: Record<string, TraceMap>;
      globals: TraceMap;
      globalNames: readonly string[];
    }
  | undefined;
function traceMaps(): {
  esm: Record<string, TraceMap>;
  cjs: Record<string, TraceMap>;
  globals: TraceMap;
  globalNames: readonly string[];
} {
  if (cachedTraceMaps) return cachedTraceMaps;
  const esm: Record<string, TraceMap> = {};
  const cjs: Record<string, TraceMap> = {};
  const globals: TraceMap = {};
  const add = (
    framework: ServerFramework,
    path: readonly string[],
    kind: typeof CALL | typeof CONSTRUCT,
    info: TraceInfo,
  ): void => {
    for (const source of framework.sources) {
      const e = (esm[source] ??= { [ESM]: true });
      const c = (cjs[source] ??= {});
      addTrace(c, path, kind, info);
      addTrace(e, ['default', ...path], kind, info);
      if (path.length > 0) addTrace(e, path, kind, info);
    }
    if (framework.global) addTrace(globals, [framework.global, ...path], kind, info);
  };
  for (const framework of SERVER_FRAMEWORKS) {
    for (const path of framework.apps ?? []) {
      add(framework, path, CALL, { kind: 'app', framework });
      add(framework, path, CONSTRUCT, { kind: 'app', framework });
    }
    for (const path of framework.handlerFactories ?? [])
      add(framework, path, CALL, { kind: 'handler-factory', framework });
    for (const name of framework.statusFunctions ?? [])
      add(framework, [name], CALL, { kind: 'status-function', framework });
    for (const call of framework.statusCalls ?? [])
      add(framework, call.path, CALL, { kind: 'status-call', framework, call });
    for (const factory of framework.responseFactories ?? []) {
      add(framework, factory.path, factory.construct ? CONSTRUCT : CALL, {
        kind: 'response-factory',
        framework,
        factory,
      });
    }
  }
  return (cachedTraceMaps = { esm, cjs, globals, globalNames: Object.keys(globals) });
}

/** Auto-imported handler factories (Nuxt, Nitro) by name, with the frameworks they belong to. */
const GLOBAL_HANDLER_FACTORIES = new Map<string, ServerFramework[]>();
for (const framework of SERVER_FRAMEWORKS) {
  for (const name of framework.globalHandlerFactories ?? [])
    GLOBAL_HANDLER_FACTORIES.set(name, [...(GLOBAL_HANDLER_FACTORIES.get(name) ?? []), framework]);
}

/** The names of every global the trace follows: a file without them has no such use. */
const GLOBAL_NEEDLES: readonly string[] = shortestNeedles([
  ...Object.keys(traceMaps().globals),
  ...GLOBAL_HANDLER_FACTORIES.keys(),
]);

/** Every framework's route registration methods. */
const ROUTE_METHOD_NAMES = new Set(
  SERVER_FRAMEWORKS.flatMap((framework) => framework.routeMethods ?? []),
);
/** The frameworks a module specifier belongs to. */
const FRAMEWORKS_BY_SOURCE = new Map<string, ServerFramework[]>();
for (const framework of SERVER_FRAMEWORKS) {
  for (const source of framework.sources)
    FRAMEWORKS_BY_SOURCE.set(source, [...(FRAMEWORKS_BY_SOURCE.get(source) ?? []), framework]);
}
const FRAMEWORK_BY_ID = new Map(SERVER_FRAMEWORKS.map((framework) => [framework.id, framework]));
const NO_MODULES: ReadonlySet<string> = new Set();
const RESULT_OBJECT_FRAMEWORKS = SERVER_FRAMEWORKS.filter((framework) => framework.resultObject);

interface Handler {
  readonly fn: FunctionNode;
  readonly framework: ServerFramework;
}

interface Setter {
  /** The call or assignment that sets the status (or passes the response away). */
  readonly node: Node;
  /** The status expression; undefined when the response is handed to other code. */
  readonly value: Node | undefined;
}

const STATEMENT_LISTS = new Set<string>([
  AST_NODE_TYPES.BlockStatement,
  AST_NODE_TYPES.Program,
  AST_NODE_TYPES.StaticBlock,
  AST_NODE_TYPES.SwitchCase,
]);
const MAX_FOLLOW = 4;
const MAX_ROOTS = 8;
/** Test-double APIs: a response built for them stands in for a server, often a wrong one on purpose. */
const MOCK_METHOD = /^(?:mock[A-Z]\w*|resolves|returns|callsFake|fn)$/;
/** What handlers read from a request (Express, Fastify, Next.js Pages, Node `http`). */
const REQUEST_MEMBERS = new Set([
  'body',
  'params',
  'query',
  'headers',
  'user',
  'method',
  'url',
  'originalUrl',
  'path',
  'cookies',
  'signedCookies',
  'session',
  'file',
  'files',
  'ip',
  'ips',
  'hostname',
  'protocol',
  'get',
  'header',
  'is',
  'accepts',
  'raw',
  'id',
  'log',
  'routeOptions',
  'socket',
  'auth',
  'baseUrl',
  'secure',
  'xhr',
  'app',
  'logout',
  'login',
  'isAuthenticated',
  'flash',
  'validatedBody',
  'userId',
  'on',
  'pipe',
]);
const HTTP_STATUS_LIKE = (value: number | undefined): value is number =>
  value !== undefined && Number.isInteger(value) && value >= 100 && value <= 599;

class ServerSends implements ServerAnalysis {
  readonly sends: ServerSend[] = [];
  private readonly handlers = new Map<FunctionNode, Handler>();
  private readonly statusFunctionCalls = new Set<Node>();
  /** Status functions auto-imported with a global handler factory (Nuxt), by name. */
  private readonly globalStatusFunctions = new Map<string, ServerFramework>();
  /** Status calls auto-imported the same way (`createError`). */
  private readonly globalStatusCalls = new Map<
    string,
    { framework: ServerFramework; call: StatusCall }
  >();
  readonly statusArguments: StatusArgument[] = [];
  private readonly notedStatuses = new Set<Node>();
  private readonly branches = new Map<ServerSend, ErrorBranch | undefined>();
  private readonly bodies = new Map<ServerSend, ErrorBody | undefined>();
  private readonly importedFrameworks: ServerFramework[];
  /** Handlers whose framework `inferFramework` chose though the file imports no such framework. */
  private readonly guessedHandlers = new Set<FunctionNode>();
  /** Whether a framework whose response type can annotate a handler is imported. */
  private readonly typedHandlers: boolean;

  constructor(private readonly file: AnalyzedFile) {
    this.importedFrameworks = this.frameworksImported();
    this.typedHandlers = this.importedFrameworks.some((framework) => framework.responseTypes);
    this.trace();
    this.findInferredHandlers();
    for (const handler of this.handlers.values()) this.collectHandlerSends(handler);
    this.findResultObjects();
    this.sends.sort((a, b) => a.node.range[0] - b.node.range[0]);
    this.statusArguments.sort((a, b) => a.node.range[0] - b.node.range[0]);
  }

  errorBranchOf(send: ServerSend): ErrorBranch | undefined {
    if (!this.branches.has(send)) {
      const boundary = send.handler ?? enclosingFunction(send.node);
      this.branches.set(send, errorBranchAt(this.file, send.node, boundary));
    }
    return this.branches.get(send);
  }

  errorBodyOf(send: ServerSend): ErrorBody | undefined {
    if (!this.bodies.has(send)) {
      const branch = this.errorBranchOf(send);
      // `new Response(text)` sends text: only a `JSON.stringify`'d value is an error object.
      const text = send.factory?.body === 'string' && !stringifiedValue(send.body);
      let body = text ? undefined : classifyErrorBody(this.file, send.body, branch);
      // Fastify hands a sent Error to its error handler: not a 2xx.
      if (
        body?.reason === 'caught-error' &&
        body.node === skipWrappers(send.body) &&
        send.framework.errorObjectsAreErrors
      )
        body = undefined;
      this.bodies.set(send, body);
    }
    return this.bodies.get(send);
  }

  // ---- finding handlers -----------------------------------------------------------------------

  /** Frameworks the file imports or requires (by source), in table order. */
  private frameworksImported(): ServerFramework[] {
    const found = new Set<ServerFramework>();
    for (const source of this.file.knownModuleSources()) {
      for (const framework of FRAMEWORKS_BY_SOURCE.get(source) ?? []) found.add(framework);
    }
    return found.size === 0 ? [] : SERVER_FRAMEWORKS.filter((framework) => found.has(framework));
  }

  private trace(): void {
    const { esm, cjs, globals, globalNames } = traceMaps();
    const globalScope = this.file.scopeManager.globalScope!;
    let trackerOfFile: ReferenceTracker | undefined;
    const tracker = (): ReferenceTracker =>
      (trackerOfFile ??= new ReferenceTracker(this.file.trackerScope() as never));
    const importsFramework = this.importedFrameworks.length > 0 || this.file.mayImport(NO_MODULES);
    const found: Array<{ node: unknown; info: unknown }> = [];
    if (importsFramework)
      found.push(
        ...tracker().iterateEsmReferences(esm as never),
        ...tracker().iterateCjsReferences(cjs as never),
      );
    // Every use of a global (`Response`, Nuxt's `defineEventHandler`) names it.
    const namesGlobal = this.file.textIncludes(...GLOBAL_NEEDLES);
    if (namesGlobal && this.file.mayUseDeclaredGlobal(globalNames))
      found.push(...tracker().iterateGlobalReferences(globals as never));
    const handlerFactoryCalls: Array<[TSESTree.CallExpression, readonly ServerFramework[]]> = [];
    for (const reference of namesGlobal || importsFramework ? globalScope.through : []) {
      const { identifier } = reference;
      const name = identifier.name;
      // Globals the config does not declare (`Response` without `globals.browser`) stay unresolved.
      if (Object.hasOwn(globals, name)) {
        // A type (`: Response`) is no use of the global.
        if (!globalScope.set.has(name) && !isTypeOnly(reference))
          found.push(
            ...tracker().iteratePropertyReferences(identifier as never, globals[name] as never),
          );
        continue;
      }
      const call = identifier.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== identifier) continue;
      // `require` without Node globals declared stays unresolved: trace its calls too.
      if (name === 'require' && importsFramework && !globalScope.set.has('require')) {
        const source = call.arguments[0] && literalString(call.arguments[0]);
        if (source !== undefined && Object.hasOwn(cjs, source))
          found.push(...tracker().iteratePropertyReferences(call as never, cjs[source] as never));
        continue;
      }
      // Nuxt and Nitro auto-import h3's handler factories and status setters.
      const frameworks = GLOBAL_HANDLER_FACTORIES.get(name);
      if (frameworks) handlerFactoryCalls.push([call, frameworks]);
    }
    for (const { node, info } of found) this.onTraced(node as unknown as Node, info as TraceInfo);
    for (const [call, frameworks] of handlerFactoryCalls) {
      for (const framework of frameworks) {
        this.onTraced(call, { kind: 'handler-factory', framework });
        for (const statusFunction of framework.statusFunctions ?? [])
          this.globalStatusFunctions.set(statusFunction, framework);
        for (const call of framework.statusCalls ?? [])
          if (call.path.length === 1)
            this.globalStatusCalls.set(call.path[0]!, { framework, call });
      }
    }
    if (this.globalStatusFunctions.size > 0 || this.globalStatusCalls.size > 0) {
      for (const reference of globalScope.through) {
        const call = reference.identifier.parent;
        if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== reference.identifier)
          continue;
        const name = reference.identifier.name;
        const framework = this.globalStatusFunctions.get(name);
        if (framework) this.onTraced(call, { kind: 'status-function', framework });
        const statusCall = this.globalStatusCalls.get(name);
        if (statusCall) this.onTraced(call, { kind: 'status-call', ...statusCall });
      }
    }
  }

  private onTraced(node: Node, info: TraceInfo): void {
    switch (info.kind) {
      case 'app':
        this.followApp(node, info.framework, 0);
        return;
      case 'handler-factory':
        if (node.type === AST_NODE_TYPES.CallExpression) {
          for (const argument of node.arguments) this.addHandlerValue(argument, info.framework, 0);
        }
        return;
      case 'status-function':
        this.statusFunctionCalls.add(node);
        // `setResponseStatus(event, status)`
        if (node.type === AST_NODE_TYPES.CallExpression)
          this.noteStatus(node.arguments[1], info.framework, acceptedBy(info.framework));
        return;
      case 'status-call':
        if (node.type === AST_NODE_TYPES.CallExpression)
          this.noteStatusCall(node, info.framework, info.call);
        return;
      case 'response-factory':
        if (
          node.type === AST_NODE_TYPES.CallExpression ||
          node.type === AST_NODE_TYPES.NewExpression
        ) {
          this.noteFactoryStatus(node, info.framework, info.factory);
          this.addFactorySend(node, info.framework, info.factory);
        }
        return;
    }
  }

  /** Follows an app or router value to the calls that register handlers on it. */
  private followApp(value: Node, framework: ServerFramework, depth: number): void {
    if (depth > MAX_FOLLOW) return;
    const top = skipWrappersUp(value);
    const parent = top.parent;
    if (!parent) return;
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === top) {
      const name = memberName(parent);
      const call = skipWrappersUp(parent).parent;
      if (
        name === undefined ||
        call?.type !== AST_NODE_TYPES.CallExpression ||
        skipWrappers(call.callee) !== parent
      )
        return;
      if (framework.routeMethods?.includes(name)) {
        this.addRegistration(call, framework, depth);
        // Registrations chain: `app.get(…).post(…)`.
        this.followApp(call, framework, depth + 1);
      } else if (name === 'route' || name === 'basePath' || name === 'group') {
        this.followApp(call, framework, depth + 1);
      } else if (name === 'register') {
        // Fastify plugins: `app.register(async (instance) => { instance.get(…) })`.
        for (const argument of call.arguments) {
          const fn = skipWrappers(argument);
          if (isFunction(fn) && fn.params[0]?.type === AST_NODE_TYPES.Identifier)
            this.followVariableOf(fn.params[0], framework, depth + 1);
        }
      }
      return;
    }
    if (
      parent.type === AST_NODE_TYPES.VariableDeclarator &&
      parent.init === top &&
      parent.id.type === AST_NODE_TYPES.Identifier
    ) {
      this.followVariableOf(parent.id, framework, depth + 1);
    } else if (
      parent.type === AST_NODE_TYPES.AssignmentExpression &&
      parent.right === top &&
      parent.left.type === AST_NODE_TYPES.Identifier
    ) {
      this.followVariableOf(parent.left, framework, depth + 1);
    }
  }

  private followVariableOf(
    identifier: TSESTree.Identifier,
    framework: ServerFramework,
    depth: number,
  ): void {
    const variable = this.file.variableOf(identifier);
    if (!variable) return;
    for (const reference of variable.references) {
      if (reference.identifier === identifier || reference.isWrite()) continue;
      this.followApp(reference.identifier, framework, depth);
    }
  }

  /** `app.get(path, …handlers)`, `fastify.route({ handler })`: every function argument is a handler. */
  private addRegistration(
    call: TSESTree.CallExpression,
    framework: ServerFramework,
    depth: number,
  ): void {
    for (const argument of call.arguments) {
      const inner = skipWrappers(argument);
      if (inner.type === AST_NODE_TYPES.ObjectExpression) {
        const handler = findProperty(inner, 'handler');
        if (handler) this.addHandlerValue(handler.value, framework, depth);
        continue;
      }
      this.addHandlerValue(argument, framework, depth);
    }
  }

  /** A function, or a local variable bound to one, used as a handler. */
  private addHandlerValue(value: Node, framework: ServerFramework, depth: number): void {
    const inner = skipWrappers(value);
    if (isFunction(inner)) {
      if (!this.handlers.has(inner)) this.handlers.set(inner, { fn: inner, framework });
      return;
    }
    if (inner.type === AST_NODE_TYPES.ObjectExpression && framework.handlerFactories) {
      // h3 `defineEventHandler({ handler })`
      const handler = findProperty(inner, 'handler');
      if (handler) this.addHandlerValue(handler.value, framework, depth);
      return;
    }
    if (inner.type !== AST_NODE_TYPES.Identifier || depth > MAX_FOLLOW) return;
    const variable = this.file.variableOf(inner);
    const def = variable?.defs[0];
    if (variable?.defs.length !== 1 || !def) return;
    if (def.type === 'FunctionName' && isFunction(def.node))
      this.addHandlerValue(def.node, framework, depth + 1);
    else if (def.type === 'Variable' && def.node.init && def.parent?.kind === 'const')
      this.addHandlerValue(def.node.init, framework, depth + 1);
  }

  /**
   * Handlers the imports do not lead to, in one pass over the functions:
   * - `router.get('/users', (req, res) => …)` on a router the file does not create (passed in,
   *   imported from a local module): a path literal and a handler that uses its response;
   * - route handlers defined apart from their registration: exported controllers, Next.js Pages
   *   API routes (`export default function handler(req, res)`), controller class methods, and
   *   functions whose response parameter is typed (`res: Response` from 'express').
   */
  private findInferredHandlers(): void {
    // Without a framework's import, a handler takes a request and a response: typed handlers and
    // one-parameter contexts (Hono, Koa) are recognized by their framework's import.
    const minParams = this.importedFrameworks.length > 0 ? 1 : 2;
    for (const scope of this.file.functionScopes()) {
      const fn = scope.block;
      if (fn.params.length < minParams || this.handlers.has(fn)) continue;
      const framework = this.registeredFramework(fn) ?? this.standaloneFramework(scope);
      if (framework) this.handlers.set(fn, { fn, framework });
    }
  }

  /** The framework of a handler registered on an untraced router: `router.get('/path', fn)`. */
  private registeredFramework(fn: FunctionNode): ServerFramework | undefined {
    const call = skipWrappersUp(fn).parent;
    if (
      call?.type !== AST_NODE_TYPES.CallExpression ||
      call.arguments.length < 2 ||
      call.callee.type !== AST_NODE_TYPES.MemberExpression
    )
      return undefined;
    const name = memberName(call.callee);
    if (name === undefined || !ROUTE_METHOD_NAMES.has(name)) return undefined;
    const path = literalString(call.arguments[0]!);
    if (path === undefined || !/^[/*]/.test(path) || skipWrappers(call.arguments[0]!) === fn)
      return undefined;
    return this.inferFramework(fn, true);
  }

  /** The framework of a handler defined on its own: typed, or a module-level `(req, res)` function that sends. */
  private standaloneFramework(
    scope: TSESLint.Scope.Scope & { block: FunctionNode },
  ): ServerFramework | undefined {
    const fn = scope.block;
    const count = fn.params.length;
    if (count === 0 || count > 4) return undefined;
    const typed = this.typedFramework(fn);
    if (typed) return typed;
    if (count < 2) return undefined;
    // Cheapest first: a walk up the scopes turns away callbacks (`.map((x, i) => …)`,
    // `new Promise((resolve, reject) => …)`) before the response parameter's references are read.
    const response = fn.params[count === 4 ? 2 : 1]!;
    if (response.type !== AST_NODE_TYPES.Identifier) return undefined;
    if (!AnalyzedFile.isTopLevelFunction(scope)) return undefined;
    const variable = scope.set.get(response.name);
    if (!variable || !sendsThrough(variable)) return undefined;
    const framework = this.inferFramework(fn, false);
    return framework?.style === 'response' ? framework : undefined;
  }

  /** The framework whose response type annotates the function's response parameter. */
  private typedFramework(fn: FunctionNode): ServerFramework | undefined {
    // A response type must be imported from its framework to type a handler.
    if (!this.typedHandlers) return undefined;
    for (const framework of SERVER_FRAMEWORKS) {
      if (framework.responseParameter === undefined || !framework.responseTypes) continue;
      const index = responseIndex(fn, framework);
      const param = fn.params[index];
      if (param?.type !== AST_NODE_TYPES.Identifier || !param.typeAnnotation) continue;
      const type = param.typeAnnotation.typeAnnotation;
      if (type.type !== AST_NODE_TYPES.TSTypeReference) continue;
      const typeName = type.typeName;
      let imported: { source: string; name: string } | undefined;
      if (typeName.type === AST_NODE_TYPES.Identifier) {
        const path = importPathOf(this.file, typeName);
        if (path?.path.length === 1) imported = { source: path.source, name: path.path[0]! };
      } else if (
        typeName.type === AST_NODE_TYPES.TSQualifiedName &&
        typeName.left.type === AST_NODE_TYPES.Identifier
      ) {
        const path = importPathOf(this.file, typeName.left);
        if (path?.path.length === 0) imported = { source: path.source, name: typeName.right.name };
      }
      if (
        !imported ||
        !framework.sources.includes(imported.source) ||
        !framework.responseTypes.includes(imported.name)
      )
        continue;
      // A context-style helper `(ctx: Context, message)` is not a handler; `(ctx, next)` is.
      if (
        framework.responseParameter === 0 &&
        fn.params.length > 1 &&
        !(fn.params.length === 2 && this.isNextParameter(fn.params[1]!))
      )
        continue;
      if (framework.responseParameter === 1 && !this.isRequestParameter(fn.params[0])) continue;
      return framework;
    }
    return undefined;
  }

  /**
   * Whether the first parameter of a `(req, res)` function can be the request: typed `…Request`,
   * unused, or read as one (`req.body`, `req.params`). `handleError(err, res)` is a helper.
   */
  private isRequestParameter(param: TSESTree.Parameter | undefined): boolean {
    if (!param) return false;
    if (param.type === AST_NODE_TYPES.ObjectPattern) {
      return param.properties.some(
        (p) =>
          p.type === AST_NODE_TYPES.Property &&
          !p.computed &&
          p.key.type === AST_NODE_TYPES.Identifier &&
          REQUEST_MEMBERS.has(p.key.name),
      );
    }
    if (param.type !== AST_NODE_TYPES.Identifier) return false;
    const type = param.typeAnnotation?.typeAnnotation;
    if (type?.type === AST_NODE_TYPES.TSTypeReference) {
      const name =
        type.typeName.type === AST_NODE_TYPES.Identifier
          ? type.typeName.name
          : type.typeName.type === AST_NODE_TYPES.TSQualifiedName
            ? type.typeName.right.name
            : '';
      if (/Request$/.test(name)) return true;
    }
    const variable = this.variableOfParameter(param);
    if (!variable) return false;
    const reads = variable.references.filter((reference) => reference.identifier !== param);
    if (reads.length === 0) return true;
    if (this.responseUsage(param).sends) return false;
    return reads.some((reference) => {
      const member = skipWrappersUp(reference.identifier).parent;
      if (
        member?.type === AST_NODE_TYPES.MemberExpression &&
        member.object === skipWrappersUp(reference.identifier)
      ) {
        const name = memberName(member);
        return name !== undefined && REQUEST_MEMBERS.has(name);
      }
      // Passed on, as in `passport.authenticate(…)(req, res, next)`.
      const parent = skipWrappersUp(reference.identifier).parent;
      return (
        parent?.type === AST_NODE_TYPES.CallExpression &&
        parent.arguments.includes(reference.identifier as TSESTree.Identifier)
      );
    });
  }

  /** Whether a function returns a value that is not a call on one of its parameters (`return { … }`, `return await load()`). */
  private returnsBody(fn: FunctionNode): boolean {
    const isBody = (value: Node): boolean => {
      const inner = skipWrappers(value);
      if (
        inner.type === AST_NODE_TYPES.ObjectExpression ||
        inner.type === AST_NODE_TYPES.ArrayExpression
      )
        return true;
      if (inner.type === AST_NODE_TYPES.AwaitExpression)
        return (
          isBody(inner.argument) ||
          (inner.argument.type === AST_NODE_TYPES.CallExpression &&
            !this.callsParameter(inner.argument, fn))
        );
      return false;
    };
    if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return isBody(fn.body);
    return returnStatementsOf(fn).some(
      (statement) => statement.argument != null && isBody(statement.argument),
    );
  }

  /** `res.json(…)`, `next(err)`: a call rooted at one of the function's parameters. */
  private callsParameter(call: TSESTree.CallExpression, fn: FunctionNode): boolean {
    let root: Node = skipWrappers(call.callee);
    while (
      root.type === AST_NODE_TYPES.MemberExpression ||
      root.type === AST_NODE_TYPES.CallExpression
    ) {
      root = skipWrappers(
        root.type === AST_NODE_TYPES.MemberExpression ? root.object : root.callee,
      );
    }
    return (
      root.type === AST_NODE_TYPES.Identifier &&
      fn.params.some(
        (param) => param.type === AST_NODE_TYPES.Identifier && param.name === root.name,
      )
    );
  }

  /** `next` in `(ctx, next)`: a parameter the function calls, or typed `Next`. */
  private isNextParameter(param: TSESTree.Parameter): boolean {
    if (param.type !== AST_NODE_TYPES.Identifier) return false;
    const type = param.typeAnnotation?.typeAnnotation;
    if (
      type?.type === AST_NODE_TYPES.TSTypeReference &&
      type.typeName.type === AST_NODE_TYPES.Identifier &&
      type.typeName.name === 'Next'
    )
      return true;
    const variable = this.variableOfParameter(param);
    return (
      variable?.references.some((reference) => {
        const parent = skipWrappersUp(reference.identifier).parent;
        return (
          parent?.type === AST_NODE_TYPES.CallExpression &&
          skipWrappers(parent.callee) === reference.identifier
        );
      }) ?? false
    );
  }

  /** What a handler registered on an unknown router, or an exported controller, is, from its imports and usage. */
  private inferFramework(fn: FunctionNode, registered: boolean): ServerFramework | undefined {
    const typed = this.typedFramework(fn);
    if (typed) return typed;
    const inferred = this.inferFrameworkFromUsage(fn, registered);
    if (inferred && !this.importedFrameworks.includes(inferred)) this.guessedHandlers.add(fn);
    return inferred;
  }

  /** What a handler's framework accepts; for a guessed framework, only what HTTP itself allows (a miss beats a false report). */
  private acceptedIn(framework: ServerFramework, fn: FunctionNode): AcceptedStatuses {
    return this.guessedHandlers.has(fn) ? HTTP_STATUSES : acceptedBy(framework);
  }

  private inferFrameworkFromUsage(
    fn: FunctionNode,
    registered: boolean,
  ): ServerFramework | undefined {
    const responseLike = this.importedFrameworks.filter((f) => f.style === 'response');
    const pick = (id: ServerFramework['id']): ServerFramework => FRAMEWORK_BY_ID.get(id)!;
    if (fn.params.length >= 2) {
      const index = fn.params.length === 4 ? 2 : 1;
      const response = fn.params[index];
      const request = fn.params[0];
      if (response?.type !== AST_NODE_TYPES.Identifier) return undefined;
      const usage = this.responseUsage(response);
      // On a registered route (`router.get('/path', …)`), `res.send(b)` is enough.
      if (registered && usage.methods.has('send')) usage.sends = true;
      // Fastify sends what an async handler returns; Express ignores it.
      const returnsBody = registered && index === 1 && this.returnsBody(fn);
      if (!usage.sends && !returnsBody) return undefined;
      if (!this.isRequestParameter(request)) return undefined;
      if (usage.methods.has('code') || returnsBody || responseLike.some((f) => f.id === 'fastify'))
        return pick('fastify');
      if (responseLike.length > 0) return responseLike[0];
      return pick('express');
    }
    const context = fn.params[0];
    if (context?.type !== AST_NODE_TYPES.Identifier) return undefined;
    const usage = this.responseUsage(context);
    if (usage.methods.has('json') && this.importedFrameworks.some((f) => f.id === 'hono'))
      return pick('hono');
    if (usage.assigned.has('body') && this.importedFrameworks.some((f) => f.id === 'koa'))
      return pick('koa');
    return undefined;
  }

  /** How a parameter is used: the methods called on it and the properties assigned. */
  private responseUsage(param: TSESTree.Identifier): {
    methods: Set<string>;
    assigned: Set<string>;
    sends: boolean;
  } {
    const methods = new Set<string>();
    const assigned = new Set<string>();
    const variable = this.variableOfParameter(param);
    if (variable) {
      someMemberUse(variable, (name, use) => {
        (use === 'call' ? methods : assigned).add(name);
        return false;
      });
    }
    const sends = [...methods].some(sendsWithCall) || assigned.has('statusCode');
    return { methods, assigned, sends };
  }

  private variableOfParameter(param: Node): TSESLint.Scope.Variable | undefined {
    const fn = param.parent;
    if (!fn) return undefined;
    return this.file.scopeManager
      .getDeclaredVariables(fn)
      .find((variable) => variable.defs.some((def) => def.name === param));
  }

  // ---- sends of a handler -----------------------------------------------------------------

  private collectHandlerSends(handler: Handler): void {
    const { fn, framework } = handler;
    const index = responseIndex(fn, framework);
    const param = fn.params[index];
    const roots: Array<{ variable: TSESLint.Scope.Variable; prefix: AccessPath }> = [];
    const bare = param?.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    if (bare?.type === AST_NODE_TYPES.Identifier) {
      const variable = this.variableOfParameter(bare);
      if (variable) roots.push({ variable, prefix: [] });
    } else if (bare?.type === AST_NODE_TYPES.ObjectPattern) {
      // Elysia `({ body, set }) => …`
      for (const property of bare.properties) {
        if (
          property.type !== AST_NODE_TYPES.Property ||
          property.computed ||
          property.key.type !== AST_NODE_TYPES.Identifier
        )
          continue;
        const value =
          property.value.type === AST_NODE_TYPES.AssignmentPattern
            ? property.value.left
            : property.value;
        if (value.type !== AST_NODE_TYPES.Identifier) continue;
        const variable = this.file.scopeManager
          .getDeclaredVariables(fn)
          .find((v) => v.defs.some((def) => def.name === value));
        if (variable) roots.push({ variable, prefix: [property.key.name] });
      }
    }

    const setters: Setter[] = [];
    const pending: PendingSend[] = [];

    for (const { variable, prefix } of roots) {
      for (const reference of variable.references) {
        if (reference.isWrite()) continue;
        const { path, top } = accessPath(reference.identifier as TSESTree.Identifier, prefix);
        const parent = top.parent;
        if (!parent) continue;
        // `const r = res`: the alias is the response too.
        if (
          top === skipWrappersUp(reference.identifier) &&
          parent.type === AST_NODE_TYPES.VariableDeclarator &&
          parent.init === top &&
          parent.id.type === AST_NODE_TYPES.Identifier &&
          roots.length < MAX_ROOTS
        ) {
          const alias = this.file.variableOf(parent.id);
          if (
            alias &&
            !roots.some((root) => root.variable === alias) &&
            constInitializerOf(alias) === parent.init
          )
            roots.push({ variable: alias, prefix });
          continue;
        }
        // Assignments: `res.statusCode = n`, `ctx.status = n`, `ctx.body = b`, `set.status = n`.
        if (
          parent.type === AST_NODE_TYPES.AssignmentExpression &&
          parent.left === top &&
          parent.operator === '='
        ) {
          if (matchesPath(framework.statusPaths, path)) {
            setters.push({ node: parent, value: parent.right });
            this.noteStatus(parent.right, framework, this.acceptedIn(framework, fn));
          } else if (
            matchesPath(framework.bodyPaths, path) &&
            top.type === AST_NODE_TYPES.MemberExpression
          ) {
            const receiver = top.object;
            pending.push({
              node: parent,
              framework,
              body: parent.right,
              handler: fn,
              make: (status) =>
                status.kind === 'default'
                  ? this.insertStatement(parent, `${this.text(receiver)}.status = ${'%s'};`)
                  : undefined,
            });
          }
          continue;
        }
        // Elysia `status(404, b)` from the context, destructured (`({ status }) => …`) or not (`ctx.status(…)`).
        const called =
          top.type === AST_NODE_TYPES.MemberExpression ? skipWrappersUp(top).parent : parent;
        if (
          called?.type === AST_NODE_TYPES.CallExpression &&
          skipWrappers(called.callee) === top &&
          matchesPath(framework.statusBodyFunctions, path)
        ) {
          this.addStatusBodyCall(called, framework, fn, pending);
          if (path.length === 1 && framework.contextStatusCalls?.includes(path[0]!))
            this.noteStatus(called.arguments[0], framework, this.acceptedIn(framework, fn));
          continue;
        }
        // Elysia `status(404, body)`, `ctx.status(404)`: a context function that takes the status first.
        if (path.length === 1 && framework.contextStatusCalls?.includes(path[0]!)) {
          const call = skipWrappersUp(top).parent;
          if (
            call?.type === AST_NODE_TYPES.CallExpression &&
            skipWrappers(call.callee) === skipWrappers(top)
          )
            this.noteStatus(call.arguments[0], framework, this.acceptedIn(framework, fn));
          continue;
        }
        // Calls: `res.status(n).json(b)`, `c.json(b, n)`, `setResponseStatus(event, n)`.
        if (
          path.length === prefix.length &&
          parent.type === AST_NODE_TYPES.CallExpression &&
          parent.arguments.includes(top as TSESTree.Expression)
        ) {
          if (this.statusFunctionCalls.has(parent) && parent.arguments[0] === top)
            setters.push({ node: parent, value: parent.arguments[1] });
          else if (framework.opaqueWhenPassed) setters.push({ node: parent, value: undefined });
          continue;
        }
        if (path.length !== prefix.length + 1 || top.type !== AST_NODE_TYPES.MemberExpression)
          continue;
        const call = skipWrappersUp(top).parent;
        if (call?.type !== AST_NODE_TYPES.CallExpression || skipWrappers(call.callee) !== top)
          continue;
        this.followChain(call, path[path.length - 1]!, top.object, framework, fn, setters, pending);
      }
    }

    if (framework.returnSends) this.collectReturns(handler, roots, pending);

    for (const send of pending) {
      const status = send.legacyStatus ?? send.chainStatus;
      let resolved: SendStatus;
      if (status) resolved = this.constantOrUnknown(status);
      else if (send.status0) resolved = send.status0;
      else resolved = this.statusFromSetters(send.node, fn, setters, framework);
      const setter =
        resolved.kind === 'constant'
          ? (fixer: TSESLint.RuleFixer, code: number) => [
              fixer.replaceText(resolved.node, this.statusText(resolved.node, code)),
            ]
          : undefined;
      const made = send.make(resolved);
      const setStatus: StatusFixer | undefined =
        resolved.kind === 'unknown'
          ? undefined
          : (setter ?? (made ? (fixer, code) => made(fixer, code) : undefined));
      this.sends.push({
        node: send.node,
        framework,
        body: send.body,
        encoding: send.encoding ?? 'raw',
        handler: fn,
        status: resolved,
        setStatus,
        bodyOnNullStatus: framework.bodyOnNullStatus,
        removeBody: send.removeBody,
        frameworkGuessed: this.guessedHandlers.has(fn),
      });
    }
  }

  /** Follows `res.a(…).b(…)` from its first call to the send at its end. */
  private followChain(
    first: TSESTree.CallExpression,
    firstName: string,
    receiver: Node,
    framework: ServerFramework,
    fn: FunctionNode,
    setters: Setter[],
    pending: PendingSend[],
  ): void {
    let call = first;
    let name = firstName;
    let chainStatus: Node | undefined;
    for (let step = 0; step < 8; step++) {
      if (framework.statusMethods?.includes(name)) {
        chainStatus = call.arguments[0];
        this.noteStatus(chainStatus, framework, this.acceptedIn(framework, fn));
      } else if (framework.statusSends?.includes(name)) {
        this.noteStatus(call.arguments[0], framework, this.acceptedIn(framework, fn));
      } else if (framework.sendMethods?.includes(name)) {
        this.addMethodSend(call, name, receiver, framework, fn, chainStatus, pending);
        return;
      }
      const top = skipWrappersUp(call);
      const member = top.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== top) break;
      const next = skipWrappersUp(member).parent;
      const nextName = memberName(member);
      if (
        next?.type !== AST_NODE_TYPES.CallExpression ||
        skipWrappers(next.callee) !== member ||
        nextName === undefined
      )
        break;
      call = next;
      name = nextName;
    }
    // A chain that sets a status without sending: a setter.
    if (chainStatus) setters.push({ node: first, value: chainStatus });
  }

  private addMethodSend(
    call: TSESTree.CallExpression,
    name: string,
    receiver: Node,
    framework: ServerFramework,
    fn: FunctionNode,
    chainStatus: Node | undefined,
    pending: PendingSend[],
  ): void {
    const args = call.arguments;
    const first = args[0];
    if (!first || first.type === AST_NODE_TYPES.SpreadElement) return;
    const encoding = framework.jsonSendMethods?.includes(name) ? 'json' : 'raw';
    const removeBody = this.bodylessMethodSend(call, framework);
    if (framework.style === 'context-json') {
      // Hono `c.json(body, status?, headers?)`, `c.json(body, { status, headers })`
      const init = args[1];
      const base = {
        node: call,
        framework,
        body: first,
        handler: fn,
        encoding,
        removeBody,
      } as const;
      if (!init) {
        pending.push({
          ...base,
          make: () => (fixer, code) => [fixer.insertTextAfter(first, `, ${code}`)],
        });
        return;
      }
      const initNode = skipWrappers(init);
      if (initNode.type === AST_NODE_TYPES.ObjectExpression) {
        const fromInit = this.initStatus(initNode);
        this.noteInitStatus(initNode, framework, this.acceptedIn(framework, fn));
        pending.push({ ...base, status0: fromInit.status, make: fromInit.make });
        return;
      }
      this.noteStatus(init, framework, this.acceptedIn(framework, fn));
      pending.push({ ...base, legacyStatus: init, make: () => undefined });
      return;
    }
    // `res.end(data, encoding)`: only the data is the body.
    if (name === 'end') {
      pending.push({
        node: call,
        framework,
        body: first,
        handler: fn,
        chainStatus,
        make: this.chainFix(receiver, framework),
        encoding,
        removeBody,
      });
      return;
    }
    if (args.length >= 2 && framework.id === 'express') {
      // Express 4: `res.json(status, body)`, `res.json(body, status)`, `res.send(status, body)`
      const second = args[1]!;
      const firstNumber = this.isNumeric(first);
      if (firstNumber) {
        pending.push({
          node: call,
          framework,
          body: second,
          handler: fn,
          legacyStatus: first,
          make: () => undefined,
          encoding,
        });
        return;
      }
      pending.push({
        node: call,
        framework,
        body: first,
        handler: fn,
        legacyStatus: second,
        make: () => undefined,
        encoding,
      });
      return;
    }
    pending.push({
      node: call,
      framework,
      body: first,
      handler: fn,
      chainStatus,
      make: this.chainFix(receiver, framework),
      encoding,
      removeBody,
    });
  }

  /** Elysia `status(404, body)`: the status and the body in one call. */
  private addStatusBodyCall(
    call: TSESTree.CallExpression,
    framework: ServerFramework,
    fn: FunctionNode,
    pending: PendingSend[],
  ): void {
    const [status, body] = call.arguments;
    if (
      !status ||
      !body ||
      status.type === AST_NODE_TYPES.SpreadElement ||
      body.type === AST_NODE_TYPES.SpreadElement
    )
      return;
    // `status(204, body)` → `status(204)`
    const removeBody =
      call.arguments.length === 2
        ? {
            replacements: [{ range: [status.range[1], body.range[1]] as const, text: '' }],
            changesType: false,
          }
        : undefined;
    pending.push({
      node: call,
      framework,
      body,
      handler: fn,
      legacyStatus: status,
      make: () => undefined,
      encoding: 'raw',
      removeBody,
    });
  }

  /**
   * The same send without its body, in the framework's form (`bodylessSend`): `res.status(204).json(b)` →
   * `res.status(204).end()`, `c.json(b, 204)` → `c.body(null, 204)`. None when other arguments would go too.
   */
  private bodylessMethodSend(
    call: TSESTree.CallExpression,
    framework: ServerFramework,
  ): BodyRemoval | undefined {
    const bodyless = framework.bodylessSend;
    const callee = skipWrappers(call.callee);
    const first = call.arguments[0];
    if (
      !bodyless ||
      !first ||
      call.optional ||
      callee.type !== AST_NODE_TYPES.MemberExpression ||
      callee.computed ||
      callee.optional
    )
      return undefined;
    const start = callee.property.range[0];
    if (bodyless.body === 'omit') {
      // `res.end(data, callback)`: the callback would go too.
      if (call.arguments.length !== 1) return undefined;
      return {
        replacements: [{ range: [start, call.range[1]], text: `${bodyless.method}()` }],
        changesType: false,
      };
    }
    return {
      replacements: [{ range: [start, first.range[1]], text: `${bodyless.method}(null` }],
      changesType: false,
    };
  }

  private isNumeric(node: Node): boolean {
    const inner = skipWrappers(node);
    if (inner.type === AST_NODE_TYPES.Literal) return typeof inner.value === 'number';
    return HTTP_STATUS_LIKE(this.resolve(inner));
  }

  /** The default-status fix of a method send: `res.json(b)` → `res.status(500).json(b)`. */
  private chainFix(receiver: Node, framework: ServerFramework): StatusFixerFactory {
    const method = framework.statusMethods?.[0];
    // Before the `.`, `?.` or `[` that follows the receiver (and its closing parentheses): a member
    // access always has one. Looked up when the fix is made: a token lookup per send cost more
    // than the rest of the send's analysis.
    const access = (): TSESTree.Token =>
      this.file.sourceCode.getTokenAfter(receiver, { filter: (token) => token.value !== ')' })!;
    return (status) =>
      status.kind === 'default' && method
        ? (fixer, code) => [fixer.insertTextBefore(access(), `.${method}(${code})`)]
        : undefined;
  }

  /** Returns of a handler whose return value is the body (Fastify, Elysia, h3). */
  private collectReturns(
    handler: Handler,
    roots: ReadonlyArray<{ variable: TSESLint.Scope.Variable; prefix: AccessPath }>,
    pending: PendingSend[],
  ): void {
    const { fn, framework } = handler;
    const values: Array<{ value: Node; statement: TSESTree.ReturnStatement | undefined }> = [];
    if (fn.body.type !== AST_NODE_TYPES.BlockStatement)
      values.push({ value: fn.body, statement: undefined });
    else {
      for (const statement of returnStatementsOf(fn)) {
        if (statement.argument) values.push({ value: statement.argument, statement });
      }
    }
    const rootVariables = new Set(roots.map((root) => root.variable));
    for (const { value, statement } of values) {
      const inner = skipWrappers(value);
      if (inner.type === AST_NODE_TYPES.AwaitExpression) continue;
      // `return reply.send(b)`, `return reply`: the reply is the send.
      let root: Node = inner;
      while (
        root.type === AST_NODE_TYPES.MemberExpression ||
        root.type === AST_NODE_TYPES.CallExpression
      ) {
        root = skipWrappers(
          root.type === AST_NODE_TYPES.MemberExpression ? root.object : root.callee,
        );
      }
      if (root.type === AST_NODE_TYPES.Identifier) {
        const variable = this.file.variableOf(root);
        if (variable && rootVariables.has(variable)) continue;
      }
      pending.push({
        node: statement ?? value,
        framework,
        body: value,
        handler: fn,
        make: (status) =>
          status.kind === 'default' && statement
            ? this.returnFix(handler, roots, statement)
            : undefined,
      });
    }
  }

  /** How to set a status before `return body`: `reply.code(500);`, `set.status = 500;`, `setResponseStatus(event, 500);`. */
  private returnFix(
    handler: Handler,
    roots: ReadonlyArray<{ variable: TSESLint.Scope.Variable; prefix: AccessPath }>,
    statement: TSESTree.ReturnStatement,
  ): StatusFixer | undefined {
    const { framework } = handler;
    const whole = roots.find((root) => root.prefix.length === 0);
    if (framework.style === 'response' && whole && framework.statusMethods?.[0]) {
      return this.insertStatement(
        statement,
        `${whole.variable.name}.${framework.statusMethods[0]}(%s);`,
      );
    }
    const statusPath = framework.statusPaths?.[0];
    if (framework.id === 'elysia' && statusPath) {
      const viaPrefix = roots.find(
        (root) => root.prefix.length === 1 && root.prefix[0] === statusPath[0],
      );
      if (viaPrefix)
        return this.insertStatement(
          statement,
          `${viaPrefix.variable.name}.${statusPath.slice(1).join('.')} = %s;`,
        );
      if (whole)
        return this.insertStatement(
          statement,
          `${whole.variable.name}.${statusPath.join('.')} = %s;`,
        );
      return undefined;
    }
    const statusFunction = framework.statusFunctions?.[0];
    if (statusFunction && whole && this.canCall(statusFunction, framework, statement)) {
      return this.insertStatement(statement, `${statusFunction}(${whole.variable.name}, %s);`);
    }
    return undefined;
  }

  /** Whether `name` at `at` is the framework's export (imported, or a Nuxt auto-import). */
  private canCall(name: string, framework: ServerFramework, at: Node): boolean {
    let scope: TSESLint.Scope.Scope | null = this.file.scopeOf(at);
    for (; scope; scope = scope.upper) {
      const variable = scope.set.get(name);
      if (variable) {
        const def = variable.defs[0];
        return (
          def?.type === 'ImportBinding' &&
          def.parent.type === AST_NODE_TYPES.ImportDeclaration &&
          framework.sources.includes(def.parent.source.value)
        );
      }
    }
    return this.globalStatusFunctions.has(name);
  }

  // ---- status of a send -------------------------------------------------------------------

  private resolve(node: Node): number | undefined {
    return resolveNumber(this.file, node);
  }

  private constantOrUnknown(node: Node): SendStatus {
    const value = this.resolve(node);
    return HTTP_STATUS_LIKE(value)
      ? { kind: 'constant', value, node: skipWrappers(node) }
      : { kind: 'unknown' };
  }

  /** The status set on the response before the send (or after it, for Koa) on every path. */
  private statusFromSetters(
    send: Node,
    fn: FunctionNode,
    setters: readonly Setter[],
    framework: ServerFramework,
  ): SendStatus {
    let dominating: Setter | undefined;
    let after: Setter | undefined;
    const maybe: Setter[] = [];
    for (const setter of setters) {
      const relation = relationOf(setter.node, send, fn);
      if (relation === 'before') {
        if (!dominating || setter.node.range[0] > dominating.node.range[0]) dominating = setter;
      } else if (relation === 'maybe') {
        maybe.push(setter);
      } else if (framework.style === 'context-body' && relation === 'after') {
        if (!after || setter.node.range[0] > after.node.range[0]) after = setter;
      } else if (framework.style === 'context-body' && relation === 'after-maybe') {
        return { kind: 'unknown' };
      }
    }
    if (after) return after.value ? this.constantOrUnknown(after.value) : { kind: 'unknown' };
    if (maybe.some((setter) => !dominating || setter.node.range[0] > dominating.node.range[0]))
      return { kind: 'unknown' };
    if (dominating)
      return dominating.value ? this.constantOrUnknown(dominating.value) : { kind: 'unknown' };
    return { kind: 'default', value: framework.defaultStatus ?? 200 };
  }

  /** `{ status: 200, headers }` → the status and how to change it. */
  private initStatus(init: TSESTree.ObjectExpression): {
    status: SendStatus;
    make: StatusFixerFactory;
  } {
    const property = findProperty(init, 'status');
    if (property) {
      // `{ status: 200, ...init }`: a later spread may override it.
      if (spreadAfter(init, property))
        return { status: { kind: 'unknown' }, make: () => undefined };
      const status = this.constantOrUnknown(property.value);
      return { status, make: () => undefined };
    }
    if (init.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement))
      return { status: { kind: 'unknown' }, make: () => undefined };
    return {
      status: { kind: 'default', value: 200 },
      make: () => (fixer, code) => [this.insertStatusProperty(fixer, init, 'status', code)],
    };
  }

  private insertStatusProperty(
    fixer: TSESLint.RuleFixer,
    object: TSESTree.ObjectExpression,
    key: string,
    code: number,
  ): TSESLint.RuleFix {
    const first = object.properties[0];
    if (!first) return fixer.replaceText(object, `{ ${key}: ${code} }`);
    const open = this.file.sourceCode.getFirstToken(object)!;
    const between = this.file.sourceCode.text.slice(open.range[1], first.range[0]);
    const separator = between.includes('\n') ? between : ' ';
    return fixer.insertTextBefore(first, `${key}: ${code},${separator}`);
  }

  // ---- statuses given to APIs ----------------------------------------------------------------

  private noteStatus(
    node: Node | undefined,
    framework: ServerFramework,
    accepts: AcceptedStatuses,
    place: StatusArgument['place'] = 'status',
  ): void {
    if (!node || node.type === AST_NODE_TYPES.SpreadElement || this.notedStatuses.has(node)) return;
    this.notedStatuses.add(node);
    this.statusArguments.push({ node, framework, accepts, place });
  }

  /** `{ status: 404 }`, unless a later spread may override it. */
  private noteInitStatus(
    init: TSESTree.ObjectExpression,
    framework: ServerFramework,
    accepts: AcceptedStatuses,
    keys: readonly string[] = ['status'],
  ): void {
    if (accepts.uncheckedWith?.some((key) => findProperty(init, key))) return;
    for (const key of keys) {
      const property = findProperty(init, key);
      if (property && !spreadAfter(init, property))
        this.noteStatus(property.value, framework, accepts);
    }
  }

  /** The init of `new Response(b, init)`, `Response.json(b, init)`: `{ status }`, or a status where the factory takes one. */
  private noteFactoryStatus(
    call: TSESTree.CallExpression | TSESTree.NewExpression,
    framework: ServerFramework,
    factory: ResponseFactory,
  ): void {
    const init = call.arguments[1];
    if (!init || init.type === AST_NODE_TYPES.SpreadElement) return;
    const inner = skipWrappers(init);
    if (inner.type === AST_NODE_TYPES.ObjectExpression)
      this.noteInitStatus(inner, framework, factory.statuses);
    else if (factory.init === 'init-or-status') this.noteStatus(init, framework, factory.statuses);
    else if (this.resolve(inner) !== undefined)
      this.noteStatus(init, framework, factory.statuses, 'init');
  }

  /** `Response.redirect(url, 301)`, SvelteKit `error(404, body)`, h3 `createError({ statusCode })`. */
  private noteStatusCall(
    call: TSESTree.CallExpression,
    framework: ServerFramework,
    statusCall: StatusCall,
  ): void {
    const argument = call.arguments[statusCall.argument];
    if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return;
    const inner = skipWrappers(argument);
    if (inner.type === AST_NODE_TYPES.ObjectExpression) {
      if (statusCall.form !== 'value')
        this.noteInitStatus(inner, framework, statusCall.statuses, statusCall.properties);
    } else if (statusCall.form !== 'options') {
      this.noteStatus(argument, framework, statusCall.statuses);
    }
  }

  // ---- response factories and result objects -------------------------------------------------

  /** `Response.json(b, init)`, `new Response(JSON.stringify(b), init)`, `NextResponse.json`, SvelteKit `json`, Remix `json`, RR `data`. */
  private addFactorySend(
    call: TSESTree.CallExpression | TSESTree.NewExpression,
    framework: ServerFramework,
    factory: ResponseFactory,
  ): void {
    if (isInTestDouble(call)) return;
    const body = call.arguments[0];
    if (!body || body.type === AST_NODE_TYPES.SpreadElement) return;
    const init = call.arguments[1];
    let status: SendStatus;
    let setStatus: StatusFixer | undefined;
    if (!init) {
      status = { kind: 'default', value: 200 };
      setStatus = (fixer, code) => [fixer.insertTextAfter(body, `, { status: ${code} }`)];
    } else {
      const inner = skipWrappers(init);
      if (inner.type === AST_NODE_TYPES.ObjectExpression) {
        const fromInit = this.initStatus(inner);
        status = fromInit.status;
        setStatus = fromInit.make(status);
      } else if (factory.init === 'init-or-status' && this.isNumeric(inner)) {
        status = this.constantOrUnknown(inner);
      } else {
        status = { kind: 'unknown' };
      }
      if (status.kind === 'constant') {
        const node = status.node;
        setStatus = (fixer, code) => [fixer.replaceText(node, this.statusText(node, code))];
      }
    }
    this.sends.push({
      node: call,
      framework,
      body,
      encoding: factory.body === 'value' ? 'json' : 'raw',
      factory,
      handler: undefined,
      status,
      setStatus,
      bodyOnNullStatus: 'throws',
      removeBody: this.bodylessFactorySend(call, factory, body, init),
    });
  }

  /**
   * The same response without a body: `new Response(b, init)` → `new Response(null, init)`,
   * `Response.json(b, init)` → `new Response(null, init)`, SvelteKit `json(b, init)` or Remix
   * `json(b, 204)` → `new Response(null, { status: 204 })` where the global `Response` is declared.
   */
  private bodylessFactorySend(
    call: TSESTree.CallExpression | TSESTree.NewExpression,
    factory: ResponseFactory,
    body: Node,
    init: Node | undefined,
  ): BodyRemoval | undefined {
    if (factory.construct)
      return { replacements: [{ range: body.range, text: 'null' }], changesType: false };
    if (init?.type === AST_NODE_TYPES.SpreadElement || call.arguments.length > 2) return undefined;
    const initText = !init
      ? ''
      : skipWrappers(init).type === AST_NODE_TYPES.ObjectExpression || !this.isNumeric(init)
        ? `, ${this.text(init)}`
        : `, { status: ${this.text(init)} }`;
    const callee = skipWrappers(call.callee);
    if (factory.classMethod) {
      if (
        callee.type !== AST_NODE_TYPES.MemberExpression ||
        callee.computed ||
        callee.optional ||
        (call.type === AST_NODE_TYPES.CallExpression && call.optional)
      )
        return undefined;
      const owner = callee.object;
      if (
        owner.type !== AST_NODE_TYPES.Identifier &&
        owner.type !== AST_NODE_TYPES.MemberExpression
      )
        return undefined;
      const typeArguments = call.typeArguments ? this.text(call.typeArguments) : '';
      return {
        replacements: [
          { range: call.range, text: `new ${this.text(owner)}${typeArguments}(null${initText})` },
        ],
        changesType: false,
      };
    }
    if (!this.isDeclaredGlobal('Response', call)) return undefined;
    return {
      replacements: [{ range: call.range, text: `new Response(null${initText})` }],
      changesType: true,
    };
  }

  /** Whether `name` at `at` is a global the configuration declares (so writing it adds no `no-undef`). */
  private isDeclaredGlobal(name: string, at: Node): boolean {
    for (
      let scope: TSESLint.Scope.Scope | null = this.file.scopeOf(at);
      scope;
      scope = scope.upper
    ) {
      if (scope.set.has(name)) return scope.type === 'global';
    }
    return false;
  }

  /** AWS Lambda proxy results `{ statusCode, body: JSON.stringify(b) }`, Azure `{ status, jsonBody }`. */
  private findResultObjects(): void {
    const rows = RESULT_OBJECT_FRAMEWORKS;
    // Candidates without a walk: a stringified body is a `JSON.stringify` call, found through the
    // references to `JSON`; other shapes need their body key in the text before objects are scanned.
    const candidates = new Set<TSESTree.ObjectExpression>();
    for (const { resultObject: shape } of rows) {
      if (shape!.body === 'string') {
        // The references to `JSON` are fewer than the characters of the text.
        for (const object of this.objectsWithStringifiedProperty(shape!.bodyKey))
          candidates.add(object);
      } else if (resultObjectNeedles(shape!).every((needle) => this.file.textIncludes(needle))) {
        // The keys must be written: text searches cost less than a look at every object.
        for (const object of this.file.nodesOfType(AST_NODE_TYPES.ObjectExpression))
          candidates.add(object);
      }
    }
    for (const object of [...candidates].sort((a, b) => a.range[0] - b.range[0])) {
      for (const framework of rows) {
        const shape = framework.resultObject!;
        const bodyProperty = findProperty(object, shape.bodyKey);
        if (!bodyProperty) continue;
        const statusProperty = findProperty(object, shape.statusKey);
        if (!statusProperty && !shape.statusOptional) continue;
        if (shape.body === 'string' && !stringifiedValue(bodyProperty.value)) continue;
        if (!enclosingFunction(object)) continue;
        let status: SendStatus;
        let setStatus: StatusFixer | undefined;
        if (statusProperty && spreadAfter(object, statusProperty)) {
          status = { kind: 'unknown' };
        } else if (statusProperty) {
          this.noteStatus(statusProperty.value, framework, acceptedBy(framework));
          status = this.constantOrUnknown(statusProperty.value);
          if (status.kind === 'constant') {
            const node = status.node;
            setStatus = (fixer, code) => [fixer.replaceText(node, this.statusText(node, code))];
          }
        } else if (object.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement)) {
          status = { kind: 'unknown' };
        } else {
          status = { kind: 'default', value: framework.defaultStatus ?? 200 };
          setStatus = (fixer, code) => [
            this.insertStatusProperty(fixer, object, shape.statusKey, code),
          ];
        }
        this.sends.push({
          node: object,
          framework,
          body: bodyProperty.value,
          encoding: shape.body === 'value' ? 'json' : 'raw',
          handler: undefined,
          status,
          setStatus,
          bodyOnNullStatus: framework.bodyOnNullStatus,
          removeBody: undefined,
        });
        break;
      }
    }
  }

  /** Object literals with `key: JSON.stringify(…)`. */
  private objectsWithStringifiedProperty(key: string): TSESTree.ObjectExpression[] {
    const objects: TSESTree.ObjectExpression[] = [];
    for (const { identifier } of this.file.referencesNamed('JSON')) {
      const member = identifier.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== identifier)
        continue;
      const call = skipWrappersUp(member).parent;
      if (
        call?.type !== AST_NODE_TYPES.CallExpression ||
        skipWrappers(call.callee) !== member ||
        !stringifiedValue(call)
      )
        continue;
      const value = skipWrappersUp(call);
      const property = value.parent;
      if (
        property?.type === AST_NODE_TYPES.Property &&
        property.value === value &&
        property.parent.type === AST_NODE_TYPES.ObjectExpression &&
        propertyKeyName(property) === key
      ) {
        objects.push(property.parent);
      }
    }
    return objects;
  }

  // ---- edits ------------------------------------------------------------------------------

  /**
   * How to write `code` where `replaced` wrote a status: in the same constants style when it
   * used one (`StatusCodes.OK` → `StatusCodes.INTERNAL_SERVER_ERROR`), else as a number.
   */
  private statusText(replaced: Node, code: number): string {
    const inner = skipWrappers(replaced);
    const name = memberName(inner);
    if (
      inner.type === AST_NODE_TYPES.MemberExpression &&
      !inner.computed &&
      name !== undefined &&
      STATUS_BY_NAME[name.replace(/^HTTP_STATUS_/, '')] !== undefined
    ) {
      const prefix = name.startsWith('HTTP_STATUS_') ? 'HTTP_STATUS_' : '';
      const newName = Object.keys(STATUS_BY_NAME).find((key) => STATUS_BY_NAME[key] === code);
      if (newName) return `${this.text(inner.object)}.${prefix}${newName}`;
    }
    return String(code);
  }

  private text(node: Node): string {
    return this.file.sourceCode.getText(node);
  }

  /**
   * Inserts a statement (`%s` stands for the status) before the statement that holds `node`:
   * on its own line in a block, or with braces around a lone `if` branch.
   */
  private insertStatement(node: Node, template: string): StatusFixer | undefined {
    let statement: Node = node;
    while (
      statement.parent &&
      statement.type !== AST_NODE_TYPES.ExpressionStatement &&
      statement.type !== AST_NODE_TYPES.ReturnStatement
    ) {
      if (
        statement.parent.type !== AST_NODE_TYPES.ExpressionStatement &&
        statement.parent.type !== AST_NODE_TYPES.AwaitExpression
      )
        return undefined;
      statement = statement.parent;
    }
    const parent = statement.parent;
    if (!parent) return undefined;
    const source = this.file.sourceCode;
    if (STATEMENT_LISTS.has(parent.type)) {
      const lineStart = source.text.lastIndexOf('\n', statement.range[0] - 1) + 1;
      const before = source.text.slice(lineStart, statement.range[0]);
      const separator = /^\s*$/.test(before) ? `\n${before}` : ' ';
      return (fixer, code) => [
        fixer.insertTextBefore(statement, `${template.replace('%s', String(code))}${separator}`),
      ];
    }
    if (parent.type === AST_NODE_TYPES.IfStatement || isLoop(parent)) {
      return (fixer, code) => [
        fixer.insertTextBefore(statement, `{ ${template.replace('%s', String(code))} `),
        fixer.insertTextAfter(statement, ' }'),
      ];
    }
    return undefined;
  }
}

type StatusFixerFactory = (status: SendStatus) => StatusFixer | undefined;

interface PendingSend {
  readonly node: Node;
  readonly framework: ServerFramework;
  readonly body: Node;
  readonly handler: FunctionNode;
  /** A status set in the send's own chain (`res.status(n).json(b)`). */
  readonly chainStatus?: Node;
  /** A status argument of the send itself (Express 4 `res.json(n, b)`, Hono `c.json(b, n)`). */
  readonly legacyStatus?: Node;
  /** A status known from the send's own arguments. */
  readonly status0?: SendStatus;
  readonly make: StatusFixerFactory;
  /** `json` when the send serialises its body (`res.json`); `raw` when absent. */
  readonly encoding?: 'json' | 'raw';
  readonly removeBody?: BodyRemoval;
}

/** The statuses a framework's setters, status functions and result objects accept. */
function acceptedBy(framework: ServerFramework): AcceptedStatuses {
  return framework.acceptedStatuses ?? HTTP_STATUSES;
}

/** `vi.fn(() => new Response(…))`, `fetchMock.mockResolvedValue(Response.json(…))`: a test double. */
function isInTestDouble(node: Node): boolean {
  let depth = 0;
  for (let current = node.parent; current && depth < 6; current = current.parent, depth++) {
    if (current.type !== AST_NODE_TYPES.CallExpression) continue;
    const name = memberName(skipWrappers(current.callee));
    if (name !== undefined && MOCK_METHOD.test(name)) return true;
  }
  return false;
}

/** Whether a spread follows a property in its object literal (and may override it). */
function spreadAfter(object: TSESTree.ObjectExpression, property: TSESTree.Property): boolean {
  return object.properties.some(
    (p) => p.type === AST_NODE_TYPES.SpreadElement && p.range[0] > property.range[0],
  );
}

function isLoop(node: Node): boolean {
  return (
    node.type === AST_NODE_TYPES.ForStatement ||
    node.type === AST_NODE_TYPES.ForInStatement ||
    node.type === AST_NODE_TYPES.ForOfStatement ||
    node.type === AST_NODE_TYPES.WhileStatement ||
    node.type === AST_NODE_TYPES.DoWhileStatement ||
    node.type === AST_NODE_TYPES.LabeledStatement
  );
}

/** Whether a variable is used as an HTTP response: `res.status(…)`, `res.json(…)`, `res.statusCode = …` (as `responseUsage(…).sends`). */
/** A reference typescript-eslint marks as a type's only (`: Response`, `typeof fetch` is a value). */
function isTypeOnly(reference: TSESLint.Scope.Reference): boolean {
  const flags = reference as { isTypeReference?: boolean; isValueReference?: boolean };
  return flags.isTypeReference === true && flags.isValueReference === false;
}

function sendsThrough(variable: TSESLint.Scope.Variable): boolean {
  return someMemberUse(variable, (name, use) =>
    use === 'call' ? sendsWithCall(name) : name === 'statusCode',
  );
}

/** `send` alone is any socket's or process's: only HTTP-specific methods make a response. */
function sendsWithCall(method: string): boolean {
  return HTTP_RESPONSE_METHODS.has(method);
}

/**
 * Whether `test` holds for one of the variable's member uses: `v.name(arg, …)` (a call with
 * arguments) or `v.name = …` (an assignment). Stops at the first that does.
 */
function someMemberUse(
  variable: TSESLint.Scope.Variable,
  test: (name: string, use: 'call' | 'assign') => boolean,
): boolean {
  for (const reference of variable.references) {
    const top = skipWrappersUp(reference.identifier);
    const member = top.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== top) continue;
    const name = memberName(member);
    if (name === undefined) continue;
    const parent = skipWrappersUp(member).parent;
    if (
      parent?.type === AST_NODE_TYPES.CallExpression &&
      skipWrappers(parent.callee) === member &&
      parent.arguments.length > 0 &&
      test(name, 'call')
    )
      return true;
    if (
      parent?.type === AST_NODE_TYPES.AssignmentExpression &&
      parent.left === member &&
      test(name, 'assign')
    )
      return true;
  }
  return false;
}

function responseIndex(fn: FunctionNode, framework: ServerFramework): number {
  const index = framework.responseParameter ?? 1;
  // Express error middleware `(err, req, res, next)`.
  return index === 1 && fn.params.length === 4 ? 2 : index;
}

function matchesPath(paths: readonly AccessPath[] | undefined, path: readonly string[]): boolean {
  return (
    paths?.some((p) => p.length === path.length && p.every((key, i) => key === path[i])) ?? false
  );
}

/** The member path read from an identifier (`ctx.response.body` → `['response', 'body']`), after a destructuring prefix. */
function accessPath(
  identifier: TSESTree.Identifier,
  prefix: AccessPath,
): { path: string[]; top: Node } {
  const path = [...prefix];
  let top: Node = skipWrappersUp(identifier);
  for (;;) {
    const parent = top.parent;
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== top) break;
    const name = memberName(parent);
    if (name === undefined) break;
    path.push(name);
    top = skipWrappersUp(parent);
    // Stop at a member that is called: `res.status(…)` is a method, not a path.
    const above = top.parent;
    if (above?.type === AST_NODE_TYPES.CallExpression && skipWrappers(above.callee) === parent) {
      top = parent;
      break;
    }
  }
  return { path, top };
}

type Relation = 'before' | 'after' | 'after-maybe' | 'exclusive' | 'maybe';

/**
 * How a status setter relates to a send in the same handler: it runs before it on every path
 * (`before`), never on the way to it (`exclusive`), after it on every path (`after`), or
 * perhaps (`maybe`, `after-maybe`).
 */
function relationOf(setter: Node, send: Node, boundary: FunctionNode): Relation {
  const sendAncestors = new Set<Node>();
  for (let node: Node | undefined = send; node; node = node.parent) {
    sendAncestors.add(node);
    if (node === boundary) break;
  }
  const isBefore = setter.range[0] < send.range[0];
  let exits = false;
  let crossesFunction = false;
  let direct = true;
  let child: Node = setter;
  let parent = setter.parent;
  for (; parent && !sendAncestors.has(parent); child = parent, parent = parent.parent) {
    if (isFunction(parent)) crossesFunction = true;
    if (STATEMENT_LISTS.has(parent.type)) {
      const list = statementsOf(parent);
      const index = list.indexOf(child);
      if (list.slice(index).some((statement) => alwaysExits(statement as TSESTree.Statement)))
        exits = true;
    }
    if (
      parent.type !== AST_NODE_TYPES.ExpressionStatement &&
      parent.type !== AST_NODE_TYPES.AwaitExpression &&
      parent.type !== AST_NODE_TYPES.ChainExpression &&
      !(parent.type === AST_NODE_TYPES.MemberExpression && parent.object === child) &&
      !(parent.type === AST_NODE_TYPES.CallExpression && parent.callee === child) &&
      !(parent.type === AST_NODE_TYPES.SequenceExpression)
    ) {
      direct = false;
    }
  }
  if (!parent) return 'maybe';
  if (crossesFunction) return isBefore ? 'maybe' : 'after-maybe';
  const sendSide = [...sendAncestors].find((node) => node.parent === parent);
  if (STATEMENT_LISTS.has(parent.type) && sendSide) {
    const list = statementsOf(parent);
    const setterIndex = list.indexOf(child);
    const sendIndex = list.indexOf(sendSide);
    if (setterIndex < 0 || sendIndex < 0) return isBefore ? 'maybe' : 'after-maybe';
    if (setterIndex < sendIndex) {
      if (direct) return 'before';
      return exits ? 'exclusive' : 'maybe';
    }
    if (
      list
        .slice(sendIndex, setterIndex)
        .some((statement) => alwaysExits(statement as TSESTree.Statement))
    )
      return 'exclusive';
    return direct ? 'after' : exits ? 'exclusive' : 'after-maybe';
  }
  if (
    (parent.type === AST_NODE_TYPES.IfStatement ||
      parent.type === AST_NODE_TYPES.ConditionalExpression) &&
    child !== parent.test &&
    sendSide !== parent.test
  ) {
    return 'exclusive';
  }
  if (parent.type === AST_NODE_TYPES.SwitchStatement && isBefore && exits) return 'exclusive';
  return isBefore ? 'maybe' : 'after-maybe';
}

function statementsOf(node: Node): readonly Node[] {
  if (node.type === AST_NODE_TYPES.SwitchCase) return node.consequent;
  if (
    node.type === AST_NODE_TYPES.BlockStatement ||
    node.type === AST_NODE_TYPES.Program ||
    node.type === AST_NODE_TYPES.StaticBlock
  ) {
    return node.body;
  }
  return [];
}
