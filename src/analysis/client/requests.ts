import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { CALL, ESM, ReferenceTracker } from '@eslint-community/eslint-utils';
import { AST_NODE_TYPES } from '../core/node-types';

import type { FunctionNode, Node } from '../core/ast';
import {
  calledMemberName,
  constInitializer,
  enclosingFunction,
  enumMemberInitializer,
  findProperty,
  GLOBAL_OBJECT_NAMES,
  isFunction,
  isParameter,
  literalString,
  memberName,
  skipWrappers,
  skipWrappersUp,
} from '../core/ast';
import type { AnalyzedFile } from '../core/file';
import type { CallShape, HttpClient, HttpMethod } from '../libraries/clients';
import { reachingWrite } from './body';
import { HTTP_CLIENTS, WRETCH_VERBS } from '../libraries/clients';
import { StatusSubject } from '../status/subject';
import { shortestNeedles } from '../core/text-anchors';

/** What the code says about a request's method. */
export interface RequestMethod {
  /** The methods it can be, upper case; `undefined` when not known statically. */
  readonly methods: ReadonlySet<string> | undefined;
  /** The method comes from a parameter of an enclosing function: callers choose it. */
  readonly forwarded: boolean;
  /** The expression the method was read from, when there is one. */
  readonly node?: Node;
}

export interface HttpRequest {
  /** The call that sends the request. */
  readonly node: TSESTree.CallExpression;
  readonly client: HttpClient;
  readonly method: RequestMethod;
}

/** A value that holds a request's response, and how the code reads its status. */
export interface TrackedResponse {
  readonly request: HttpRequest;
  /** The call or parameter where the response first appears in the code. */
  readonly origin: Node;
  readonly subject: StatusSubject;
  /** When the response reaches the code through a local helper, the call of that helper. */
  readonly helperCall?: TSESTree.CallExpression;
}

/** A parse of a response body as JSON. */
export interface BodyParse {
  /** `res.json()`, `ky(u).json()`, or `JSON.parse(…)`. */
  readonly node: TSESTree.CallExpression;
  readonly kind: 'json' | 'json-parse-text';
  /** The object `.json()` or `.text()` is called on. */
  readonly receiver: Node;
  /** The `.text()` call inside `JSON.parse`, for `json-parse-text`. */
  readonly textCall?: TSESTree.CallExpression;
  readonly request: HttpRequest;
  /** The response whose body is parsed; undefined for a parse on the request promise (`ky(u).json()`). */
  readonly response?: TrackedResponse;
  /** Whether the client's parse throws on an empty body. */
  readonly throwsOnEmpty: boolean;
}

interface TraceInfo {
  readonly client: HttpClient;
  readonly shape: CallShape;
  readonly member?: string;
}

const STATIC_GET: RequestMethod = { methods: new Set(['GET']), forwarded: false };
const UNKNOWN_METHOD: RequestMethod = { methods: undefined, forwarded: false };
const MAX_HELPER_DEPTH = 2;
const MAX_ORIGIN_DEPTH = 4;

interface ClientTraceMaps {
  readonly globalMap: Record<string, unknown>;
  readonly esmMap: Record<string, Record<string | symbol, unknown>>;
  readonly cjsMap: Record<string, Record<string | symbol, unknown>>;
  readonly clientModules: ReadonlySet<string>;
  readonly globalNames: readonly string[];
  /** Substrings every use of a global client has (`fetch` for `$fetch` too). */
  readonly globalNeedles: readonly string[];
}

let clientTraceMapsCache: ClientTraceMaps | undefined;

/** ReferenceTracker maps of every HTTP client: built once (they depend on HTTP_CLIENTS only), read-only. */
function clientTraceMaps(): ClientTraceMaps {
  if (clientTraceMapsCache) return clientTraceMapsCache;
  const globalMap: Record<string, unknown> = {};
  const esmMap: Record<string, Record<string | symbol, unknown>> = {};
  const cjsMap: Record<string, Record<string | symbol, unknown>> = {};
  for (const client of HTTP_CLIENTS) {
    const trace = clientTrace(client);
    if (client.global) globalMap[client.global] = trace;
    for (const { source, exportName } of client.modules) {
      const esm = (esmMap[source] ??= { [ESM]: true });
      const cjs = (cjsMap[source] ??= {});
      esm[exportName] = trace;
      if (exportName === 'default') {
        Object.assign(cjs, trace);
        cjs['default'] = trace;
      } else {
        cjs[exportName] = trace;
      }
    }
  }
  clientTraceMapsCache = {
    globalMap,
    esmMap,
    cjsMap,
    clientModules: new Set(Object.keys(esmMap)),
    globalNames: Object.keys(globalMap),
    globalNeedles: shortestNeedles(Object.keys(globalMap)),
  };
  return clientTraceMapsCache;
}

/** Finds every request, the responses that flow from it, and their body parses. */
export class RequestAnalysis {
  readonly requests: HttpRequest[] = [];
  readonly responses: TrackedResponse[] = [];
  readonly bodyParses: BodyParse[] = [];
  private readonly requestByNode = new Map<Node, HttpRequest>();
  private readonly helpersSeen = new Set<FunctionNode>();
  /** The subject of the responses assigned to a variable (`res = await fetch(u)`). */
  private readonly assignedSubjects = new Map<TSESLint.Scope.Variable, StatusSubject>();

  constructor(private readonly file: AnalyzedFile) {
    this.findRequests();
    for (const request of [...this.requests]) this.followRequest(request);
  }

  requestAt(call: Node): HttpRequest | undefined {
    return this.requestByNode.get(call);
  }

  // ---- finding requests -------------------------------------------------------------------

  private findRequests(): void {
    const { globalMap, esmMap, cjsMap, clientModules, globalNames, globalNeedles } =
      clientTraceMaps();
    const globalScope = this.file.scopeManager.globalScope!;
    let trackerOfFile: ReferenceTracker | undefined;
    const tracker = (): ReferenceTracker =>
      (trackerOfFile ??= new ReferenceTracker(this.file.trackerScope() as never));
    const importsClient = this.file.mayImport(clientModules);
    // Every use of a global client names it (`fetch`, `globalThis.fetch`, `{ fetch } = window`).
    const namesGlobal = this.file.textIncludes(...globalNeedles);
    const found: Array<{ node: unknown; info: unknown }> =
      namesGlobal && this.file.mayUseDeclaredGlobal(globalNames)
        ? [...tracker().iterateGlobalReferences(globalMap as never)]
        : [];
    // Globals the config does not declare (no `globals.browser`) stay unresolved: trace them too.
    if (namesGlobal || importsClient) {
      for (const { identifier } of globalScope.through) {
        const name = identifier.name;
        if (name === 'require') {
          if (importsClient) found.push(...this.undeclaredRequire(tracker(), identifier, cjsMap));
        } else if (!namesGlobal) continue;
        else if (Object.hasOwn(globalMap, name))
          found.push(
            ...tracker().iteratePropertyReferences(identifier as never, globalMap[name] as never),
          );
        else if (GLOBAL_OBJECT_NAMES.has(name))
          found.push(
            ...tracker().iteratePropertyReferences(identifier as never, globalMap as never),
          );
      }
    }
    if (importsClient)
      found.push(
        ...tracker().iterateEsmReferences(esmMap as never),
        ...tracker().iterateCjsReferences(cjsMap as never),
      );
    // `const { default: ky } = await import('ky')`, `(await import('ky')).default`
    for (const expression of importsClient ? this.file.dynamicImports() : []) {
      const map = esmMap[literalString(expression.source)!];
      const awaited = skipWrappersUp(expression).parent;
      if (map && awaited?.type === AST_NODE_TYPES.AwaitExpression)
        found.push(...tracker().iteratePropertyReferences(awaited as never, map as never));
    }
    for (const { node, info } of found) {
      const call = node as unknown as Node;
      if (call.type !== AST_NODE_TYPES.CallExpression) continue;
      this.onClientCall(call, info as TraceInfo, 0);
    }
    this.requests.sort((a, b) => a.node.range[0] - b.node.range[0]);
  }

  /** `require('x')` in a file whose config does not declare `require` (ES module settings). */
  private undeclaredRequire(
    tracker: ReferenceTracker,
    identifier: Node,
    cjsMap: Record<string, Record<string | symbol, unknown>>,
  ): Array<{ node: unknown; info: unknown }> {
    const call = identifier.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== identifier) return [];
    const source = call.arguments[0] && literalString(call.arguments[0]);
    const trace = source === undefined ? undefined : cjsMap[source];
    return trace ? [...tracker.iteratePropertyReferences(call as never, trace as never)] : [];
  }

  private onClientCall(call: TSESTree.CallExpression, info: TraceInfo, depth: number): void {
    switch (info.shape) {
      case 'factory':
        if (depth < MAX_ORIGIN_DEPTH) this.followInstance(call, info.client, depth + 1);
        return;
      case 'chain':
        this.followChain(call, info.client);
        return;
      default:
        this.addRequest(call, info.client, this.methodOf(call, info));
    }
  }

  private addRequest(
    call: TSESTree.CallExpression,
    client: HttpClient,
    method: RequestMethod,
  ): void {
    if (this.requestByNode.has(call)) return;
    const request: HttpRequest = { node: call, client, method };
    this.requestByNode.set(call, request);
    this.requests.push(request);
  }

  /** `const api = ky.create(…)`: every call of `api` or its verbs is a request too. */
  private followInstance(
    factoryCall: TSESTree.CallExpression,
    client: HttpClient,
    depth: number,
  ): void {
    // The instance itself may be used at once: `ky.create(o).extend(p)`, `axios.create().get(u)`.
    for (const reference of [factoryCall, ...this.referencesOfValue(factoryCall)]) {
      const use = skipWrappersUp(reference);
      const parent = use.parent;
      if (
        parent?.type === AST_NODE_TYPES.CallExpression &&
        parent.callee === use &&
        client.callShape
      ) {
        this.onClientCall(parent, { client, shape: client.callShape }, depth);
      } else if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === use) {
        const name = memberName(parent);
        const call = skipWrappersUp(parent).parent;
        const shape = name === undefined ? undefined : client.members[name];
        if (
          shape &&
          call?.type === AST_NODE_TYPES.CallExpression &&
          skipWrappers(call.callee) === parent
        ) {
          this.onClientCall(call, { client, shape, member: name }, depth);
        }
      }
    }
  }

  /** Identifier references of the variable (or `this.x` member) a value is stored in. */
  private referencesOfValue(value: Node): Node[] {
    const top = skipWrappersUp(value);
    const parent = top.parent;
    if (
      parent?.type === AST_NODE_TYPES.VariableDeclarator &&
      parent.init === top &&
      parent.id.type === AST_NODE_TYPES.Identifier
    ) {
      const variable = this.file.variableOf(parent.id);
      return variable ? variable.references.filter((r) => r.isRead()).map((r) => r.identifier) : [];
    }
    // `this.http = axios.create()` or a class field `http = axios.create()`: uses are `this.http`.
    let fieldName: string | undefined;
    if (
      parent?.type === AST_NODE_TYPES.AssignmentExpression &&
      parent.right === top &&
      parent.left.type === AST_NODE_TYPES.MemberExpression
    ) {
      if (parent.left.object.type === AST_NODE_TYPES.ThisExpression)
        fieldName = memberName(parent.left);
    } else if (
      parent?.type === AST_NODE_TYPES.PropertyDefinition &&
      parent.value === top &&
      !parent.computed
    ) {
      fieldName = parent.key.type === AST_NODE_TYPES.Identifier ? parent.key.name : undefined;
    }
    if (fieldName === undefined) return [];
    const classBody = findAncestor(top, AST_NODE_TYPES.ClassBody);
    if (!classBody) return [];
    return this.file
      .nodesOfTypeIn(AST_NODE_TYPES.MemberExpression, classBody)
      .filter(
        (member) =>
          member.object.type === AST_NODE_TYPES.ThisExpression &&
          memberName(member) === fieldName &&
          member.range[0] >= classBody.range[0] &&
          member.range[1] <= classBody.range[1] &&
          !(
            member.parent.type === AST_NODE_TYPES.AssignmentExpression &&
            member.parent.left === member
          ),
      );
  }

  /** wretch: `wretch(url).headers(…).delete()` — the verb call sends the request. */
  private followChain(start: TSESTree.CallExpression, client: HttpClient): void {
    const visit = (builder: Node, depth: number): void => {
      let current: Node = skipWrappersUp(builder);
      for (;;) {
        const member = current.parent;
        if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== current) break;
        const call = skipWrappersUp(member).parent;
        if (call?.type !== AST_NODE_TYPES.CallExpression || skipWrappers(call.callee) !== member)
          break;
        const name = memberName(member);
        const verb = name === undefined ? undefined : WRETCH_VERBS[name];
        if (verb) {
          this.addRequest(call, client, { methods: new Set([verb]), forwarded: false });
          return;
        }
        current = skipWrappersUp(call);
      }
      if (depth < MAX_ORIGIN_DEPTH)
        for (const reference of this.referencesOfValue(current)) visit(reference, depth + 1);
    };
    visit(start, 0);
  }

  // ---- methods ----------------------------------------------------------------------------

  private methodOf(call: TSESTree.CallExpression, info: TraceInfo): RequestMethod {
    const args = call.arguments;
    if (info.shape === 'verb') {
      const name = info.member ?? '';
      const verb = info.client.verbAliases?.[name] ?? (name.toUpperCase() as HttpMethod);
      return { methods: new Set([verb]), forwarded: false };
    }
    if (args.some((arg) => arg.type === AST_NODE_TYPES.SpreadElement))
      return this.spreadArgumentsMethod(args);
    if (info.shape === 'method-first') {
      return args.length >= 2 ? this.methodValue(args[0]!, 0) : STATIC_GET;
    }
    let options: Node | undefined;
    if (info.shape === 'fetch') {
      // A URL from a parameter does not forward a method; only `init` can.
      options = args[1];
      // `fetch(new Request(url, { method: 'DELETE' }))`: the Request's method, unless `init` sets one.
      const requestInit = args[0] && this.requestObjectInit(args[0], 0);
      if (requestInit !== undefined) {
        const fromInit = options ? this.optionsMethod(options, 0) : STATIC_GET;
        if (fromInit !== STATIC_GET) return fromInit;
        return requestInit ? this.optionsMethod(requestInit, 0) : STATIC_GET;
      }
    } else {
      const first = args[0] && skipWrappers(args[0]);
      if (args.length >= 2) options = args[1];
      else if (first?.type === AST_NODE_TYPES.ObjectExpression) options = first;
      else if (
        info.client.id === 'axios' &&
        first &&
        this.isFromParameter(first, 0) &&
        !isStringLike(first)
      )
        options = first;
    }
    return options ? this.optionsMethod(options, 0) : STATIC_GET;
  }

  /** The `init` of `new Request(url, init)` (or of a `const` bound to one): null for no init, undefined when not a Request. */
  private requestObjectInit(node: Node, depth: number): Node | null | undefined {
    const inner = skipWrappers(node);
    if (inner.type === AST_NODE_TYPES.Identifier && depth < MAX_ORIGIN_DEPTH) {
      const variable = this.file.variableOf(inner);
      const init = variable && !isParameter(variable) ? constInitializer(variable) : undefined;
      return init ? this.requestObjectInit(init, depth + 1) : undefined;
    }
    if (inner.type !== AST_NODE_TYPES.NewExpression) return undefined;
    const callee = skipWrappers(inner.callee);
    if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== 'Request') return undefined;
    const variable = this.file.variableOf(callee);
    // The global, or `Request` imported from a fetch implementation.
    if (variable && variable.defs.some((def) => def.type !== 'ImportBinding')) return undefined;
    const init = inner.arguments[1];
    if (!init) return null;
    return init.type === AST_NODE_TYPES.SpreadElement ? undefined : init;
  }

  /** The method an options object sets, as `fetch`'s `init` would (for resolving it at a helper's call site). */
  methodOfOptions(node: Node): RequestMethod {
    return this.optionsMethod(node, 0);
  }

  /** The method a value names (`'DELETE'`, a `const`, `m.toUpperCase()`). */
  methodOfValue(node: Node): RequestMethod {
    return this.methodValue(node, 0);
  }

  private spreadArgumentsMethod(args: readonly TSESTree.CallExpressionArgument[]): RequestMethod {
    const forwarded = args.some(
      (arg) => arg.type === AST_NODE_TYPES.SpreadElement && this.isFromParameter(arg.argument, 0),
    );
    return { methods: undefined, forwarded };
  }

  /** The method set by an options object: `{ method }`, `{ ...init }`, a `const` object, a parameter. */
  private optionsMethod(node: Node, depth: number): RequestMethod {
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
      let result = method ? this.methodValue(method.value, depth + 1) : undefined;
      for (const spread of spreads) {
        const spreadMethod = this.optionsMethod(spread.argument, depth + 1);
        // A spread without a method leaves the earlier one; a constant one replaces it.
        if (spreadMethod === STATIC_GET) continue;
        const replaces = spreadMethod.methods !== undefined && !spreadMethod.forwarded;
        result = result && !replaces ? mergeMethods(result, spreadMethod, true) : spreadMethod;
      }
      return result ?? STATIC_GET;
    }
    // `{ ...(signal && { signal }) }`: a falsy left side spreads nothing, so the method is the right side's.
    if (options.type === AST_NODE_TYPES.LogicalExpression && options.operator === '&&')
      return this.optionsMethod(options.right, depth + 1);
    if (options.type === AST_NODE_TYPES.Identifier) {
      const variable = this.file.variableOf(options);
      if (!variable) return UNKNOWN_METHOD;
      if (isParameter(variable)) return { methods: undefined, forwarded: true, node: options };
      const init = constInitializer(variable);
      if (init) return this.optionsMethod(init, depth + 1);
      return this.isFromParameter(options, 0)
        ? { methods: undefined, forwarded: true, node: options }
        : UNKNOWN_METHOD;
    }
    if (this.isFromParameter(options, 0))
      return { methods: undefined, forwarded: true, node: options };
    return UNKNOWN_METHOD;
  }

  private methodValue(node: Node, depth: number): RequestMethod {
    const value = skipWrappers(node);
    const literal = literalString(value);
    if (literal !== undefined)
      return { methods: new Set([literal.toUpperCase()]), forwarded: false, node: value };
    if (depth > MAX_ORIGIN_DEPTH) return UNKNOWN_METHOD;
    switch (value.type) {
      case AST_NODE_TYPES.ConditionalExpression:
        return mergeMethods(
          this.methodValue(value.consequent, depth + 1),
          this.methodValue(value.alternate, depth + 1),
          false,
        );
      case AST_NODE_TYPES.LogicalExpression:
        return mergeMethods(
          this.methodValue(value.left, depth + 1),
          this.methodValue(value.right, depth + 1),
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
          return this.methodValue(callee.object, depth + 1);
        }
        break;
      }
      case AST_NODE_TYPES.Identifier: {
        const variable = this.file.variableOf(value);
        const init = variable && !isParameter(variable) ? constInitializer(variable) : undefined;
        if (init) return this.methodValue(init, depth + 1);
        break;
      }
      case AST_NODE_TYPES.MemberExpression: {
        // `Methods.DELETE` from a local constant object
        const object = skipWrappers(value.object);
        const name = memberName(value);
        if (object.type === AST_NODE_TYPES.Identifier && name !== undefined) {
          const variable = this.file.variableOf(object);
          const init = variable && !isParameter(variable) ? constInitializer(variable) : undefined;
          const methods = init && skipWrappers(init);
          const property =
            methods?.type === AST_NODE_TYPES.ObjectExpression
              ? findProperty(methods, name)
              : undefined;
          if (property) return this.methodValue(property.value, depth + 1);
          // `Method.Delete` of `enum Method { Delete = 'DELETE' }`
          const member = variable ? enumMemberInitializer(variable, name) : undefined;
          if (member) return this.methodValue(member, depth + 1);
        }
        break;
      }
      default:
        break;
    }
    return this.isFromParameter(value, 0)
      ? { methods: undefined, forwarded: true, node: value }
      : { ...UNKNOWN_METHOD, node: value };
  }

  /** Whether a value comes from a parameter of an enclosing function (so callers choose it). */
  isFromParameter(node: Node, depth: number): boolean {
    if (depth > MAX_ORIGIN_DEPTH) return false;
    const inner = skipWrappers(node);
    switch (inner.type) {
      case AST_NODE_TYPES.Identifier: {
        const variable = this.file.variableOf(inner);
        if (!variable) return false;
        if (isParameter(variable)) return true;
        const def = variable.defs[0];
        return (
          def?.type === 'Variable' &&
          def.node.init != null &&
          this.isFromParameter(def.node.init, depth + 1)
        );
      }
      case AST_NODE_TYPES.MemberExpression:
        return this.isFromParameter(inner.object, depth + 1);
      case AST_NODE_TYPES.LogicalExpression:
        return (
          this.isFromParameter(inner.left, depth + 1) ||
          this.isFromParameter(inner.right, depth + 1)
        );
      case AST_NODE_TYPES.ConditionalExpression:
        return (
          this.isFromParameter(inner.consequent, depth + 1) ||
          this.isFromParameter(inner.alternate, depth + 1)
        );
      case AST_NODE_TYPES.ObjectExpression:
        return inner.properties.some(
          (p) =>
            (p.type === AST_NODE_TYPES.SpreadElement &&
              this.isFromParameter(p.argument, depth + 1)) ||
            (p.type === AST_NODE_TYPES.Property &&
              memberKey(p) === 'method' &&
              this.isFromParameter(p.value, depth + 1)),
        );
      default:
        return false;
    }
  }

  // ---- following responses ----------------------------------------------------------------

  private followRequest(request: HttpRequest): void {
    this.findRequestPromiseParses(request, request.node);
    this.flow(request.node, true, request, undefined, 0);
  }

  /** `ky(u).json()`: parse methods on the request promise itself. */
  private findRequestPromiseParses(request: HttpRequest, promise: Node): void {
    const parses = request.client.bodyParses.onRequest;
    const top = skipWrappersUp(promise);
    const member = top.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== top) return;
    const name = memberName(member);
    const call = skipWrappersUp(member).parent;
    if (
      name === undefined ||
      !(name in parses) ||
      call?.type !== AST_NODE_TYPES.CallExpression ||
      call.arguments.length > 0
    )
      return;
    if (skipWrappers(call.callee) !== member) return;
    this.bodyParses.push({
      node: call,
      kind: 'json',
      receiver: top,
      request,
      throwsOnEmpty: parses[name] === 'throws',
    });
  }

  /**
   * Follows a value that is a response (or a promise of one) through `await`, `.then`,
   * variables, returns from local helpers and pass-through expressions.
   */
  private flow(
    value: Node,
    isPromise: boolean,
    request: HttpRequest,
    helperCall: TSESTree.CallExpression | undefined,
    depth: number,
    response?: TrackedResponse,
  ): void {
    const top = skipWrappersUp(value);
    const parent = top.parent;
    if (!parent) return;
    const track = (): TrackedResponse => {
      if (response) return response;
      const created: TrackedResponse = {
        request,
        origin: top,
        subject: new StatusSubject(this.file),
        helperCall,
      };
      this.responses.push(created);
      return created;
    };
    switch (parent.type) {
      case AST_NODE_TYPES.AwaitExpression:
        this.flow(parent, false, request, helperCall, depth, response);
        return;
      case AST_NODE_TYPES.MemberExpression: {
        if (parent.object !== top) return;
        const name = memberName(parent);
        const call = skipWrappersUp(parent).parent;
        if (isPromise) {
          if (
            name === 'then' &&
            call?.type === AST_NODE_TYPES.CallExpression &&
            skipWrappers(call.callee) === parent
          ) {
            const callback = call.arguments[0];
            if (callback && isFunction(callback) && callback.params[0]) {
              const tracked = track();
              tracked.subject.bindHolderPattern(callback.params[0]);
              this.findHelperReturns(tracked);
            }
          }
          return;
        }
        const tracked = track();
        tracked.subject.addHolderExpression(top);
        return;
      }
      case AST_NODE_TYPES.VariableDeclarator:
        if (parent.init !== top) return;
        if (isPromise) {
          this.followPromiseVariable(parent.id, request, helperCall, depth);
          return;
        }
        {
          const tracked = track();
          tracked.subject.bindHolderPattern(parent.id);
          this.findHelperReturns(tracked);
        }
        return;
      case AST_NODE_TYPES.AssignmentExpression:
        if (
          parent.right !== top ||
          parent.operator !== '=' ||
          parent.left.type !== AST_NODE_TYPES.Identifier
        )
          return;
        if (isPromise) {
          this.followPromiseVariable(parent.left, request, helperCall, depth);
          return;
        }
        if (!response) {
          // Every response assigned to one variable gets the same subject (the variable's reads
          // and copies): built once, not once per assignment (`res = await fetch(…)` repeated).
          const variable = this.file.variableOf(parent.left);
          const shared = variable ? this.assignedSubjects.get(variable) : undefined;
          if (shared) {
            this.responses.push({ request, origin: top, subject: shared, helperCall });
            return;
          }
          const tracked = track();
          if (variable) this.assignedSubjects.set(variable, tracked.subject);
          tracked.subject.bindHolderPattern(parent.left);
          this.findHelperReturns(tracked);
          return;
        }
        response.subject.bindHolderPattern(parent.left);
        this.findHelperReturns(response);
        return;
      case AST_NODE_TYPES.ReturnStatement: {
        const fn = enclosingFunction(parent);
        if (fn) this.followHelper(fn, request, depth);
        return;
      }
      case AST_NODE_TYPES.ArrowFunctionExpression:
        if (parent.body === top) this.followHelper(parent, request, depth);
        return;
      case AST_NODE_TYPES.ConditionalExpression:
        if (parent.test !== top) this.flow(parent, isPromise, request, helperCall, depth, response);
        return;
      case AST_NODE_TYPES.LogicalExpression:
        this.flow(parent, isPromise, request, helperCall, depth, response);
        return;
      case AST_NODE_TYPES.SequenceExpression:
        if (parent.expressions.at(-1) === top)
          this.flow(parent, isPromise, request, helperCall, depth, response);
        return;
      case AST_NODE_TYPES.ArrayExpression: {
        // `const [res] = await Promise.all([fetch(u), …])`: element i of the array is response i.
        const index = parent.elements.indexOf(top as TSESTree.Expression);
        if (
          !isPromise ||
          parent.elements
            .slice(0, index)
            .some((element) => element?.type === AST_NODE_TYPES.SpreadElement)
        )
          return;
        const element = promiseAllPattern(this.file, parent)?.elements[index];
        if (element && element.type !== AST_NODE_TYPES.RestElement) {
          const tracked = track();
          tracked.subject.bindHolderPattern(element);
          this.findHelperReturns(tracked);
        }
        return;
      }
      default:
        return;
    }
  }

  private followPromiseVariable(
    pattern: Node,
    request: HttpRequest,
    helperCall: TSESTree.CallExpression | undefined,
    depth: number,
  ): void {
    if (pattern.type !== AST_NODE_TYPES.Identifier) return;
    const variable = this.file.variableOf(pattern);
    if (!variable) return;
    for (const reference of variable.references) {
      if (!reference.isRead()) continue;
      this.findRequestPromiseParses(request, reference.identifier);
      this.flow(reference.identifier, true, request, helperCall, depth);
    }
  }

  /** A response variable that is returned makes its function a helper that returns responses. */
  private findHelperReturns(response: TrackedResponse): void {
    for (const variable of response.subject.holderVariables) {
      for (const reference of variable.references) {
        const top = skipWrappersUp(reference.identifier);
        const parent = top.parent;
        if (parent?.type === AST_NODE_TYPES.ReturnStatement) {
          const fn = enclosingFunction(parent);
          if (fn && !isCallbackOf(fn, response)) this.followHelper(fn, response.request, 0);
        } else if (parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === top) {
          this.followHelper(parent, response.request, 0);
        }
      }
    }
  }

  /** Calls of a local function that returns a response give responses of the same request. */
  private followHelper(fn: FunctionNode, request: HttpRequest, depth: number): void {
    if (depth >= MAX_HELPER_DEPTH || this.helpersSeen.has(fn)) return;
    this.helpersSeen.add(fn);
    for (const variable of functionVariables(this.file, fn)) {
      for (const reference of variable.references) {
        const top = skipWrappersUp(reference.identifier);
        const call = top.parent;
        if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== top) continue;
        this.flow(call, true, request, call, depth + 1);
      }
    }
  }

  // ---- body parses ------------------------------------------------------------------------

  /**
   * Finds `.json()` and `JSON.parse(await res.text())` on every tracked response. Responses
   * assigned to one variable share its subject: its holders are read once, and a parse on the
   * variable goes to the responses its reaching write holds (`res = await fetch(a); …; res =
   * await fetch(b)`), so an API test that reuses `res` costs linear time, not quadratic.
   */
  collectBodyParses(): void {
    // Parses on request promises (`ky(u).json()`) were found with their requests: they come first.
    const found = this.bodyParses.map((parse, seq) => ({ parse, response: -1, seq }));
    this.bodyParses.length = 0;
    let response = 0;
    const push = (parse: BodyParse): void => {
      found.push({ parse, response, seq: found.length });
    };
    const groups = new Map<StatusSubject, number[]>();
    this.responses.forEach((tracked, i) => {
      const group = groups.get(tracked.subject);
      if (group) group.push(i);
      else groups.set(tracked.subject, [i]);
    });
    for (const [subject, group] of groups) {
      const byOrigin =
        group.length > 1
          ? [...group].sort(
              (a, b) => this.responses[a]!.origin.range[0] - this.responses[b]!.origin.range[0],
            )
          : group;
      for (const holder of subject.holderNodes()) {
        const top = skipWrappersUp(holder);
        const member = top.parent;
        if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== top) continue;
        const name = memberName(member);
        if (name === undefined) continue;
        const written = group.length > 1 ? reachingWrite(this.file, top) : undefined;
        // `res.body.json()` goes to every response of the variable, as before the index.
        const throughBody = written !== undefined && bodyProperties().has(name);
        const within = written ? this.responsesWithin(written, byOrigin) : group;
        const inWrite = throughBody ? new Set(within) : undefined;
        for (response of throughBody ? group : within) {
          const { client } = this.responses[response]!.request;
          if (name === client.bodyParses.bodyProperty) {
            this.findParseOn(
              skipWrappersUp(member),
              this.responses[response]!,
              FETCH_LIKE_BODY,
              push,
            );
            continue;
          }
          if (inWrite && !inWrite.has(response)) continue;
          this.findParseCall(
            member,
            name,
            top,
            this.responses[response]!,
            client.bodyParses.onResponse,
            push,
          );
        }
      }
    }
    for (response = 0; response < this.responses.length; response++) {
      const tracked = this.responses[response]!;
      const { bodyProperty } = tracked.request.client.bodyParses;
      if (bodyProperty) this.findDestructuredBodyParses(tracked, bodyProperty, push);
    }
    found.sort(
      (a, b) =>
        a.parse.node.range[0] - b.parse.node.range[0] || a.response - b.response || a.seq - b.seq,
    );
    for (const { parse } of found) this.bodyParses.push(parse);
  }

  /**
   * The responses (indices, in order) whose origin is inside the value a variable was written,
   * from `byOrigin` (sorted by where the origin starts). A parse through the body property
   * (`res.body.json()`) is not narrowed this way: the variable's reaching write is not checked there.
   */
  private responsesWithin(written: Node, byOrigin: readonly number[]): number[] {
    const [start, end] = written.range;
    let low = 0;
    let high = byOrigin.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.responses[byOrigin[middle]!]!.origin.range[0] < start) low = middle + 1;
      else high = middle;
    }
    const within: number[] = [];
    for (let k = low; k < byOrigin.length; k++) {
      const origin = this.responses[byOrigin[k]!]!.origin;
      if (origin.range[0] > end) break;
      if (origin.range[1] <= end) within.push(byOrigin[k]!);
    }
    return within.sort((a, b) => a - b);
  }

  private findParseOn(
    receiver: Node,
    response: TrackedResponse,
    parses: Readonly<Record<string, 'throws' | 'safe'>>,
    push: (parse: BodyParse) => void,
  ): void {
    const member = receiver.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== receiver) return;
    const name = memberName(member);
    if (name !== undefined) this.findParseCall(member, name, receiver, response, parses, push);
  }

  /** undici: `const { statusCode, body } = await request(u); await body.json()`. */
  private findDestructuredBodyParses(
    response: TrackedResponse,
    bodyProperty: string,
    push: (parse: BodyParse) => void,
  ): void {
    const top = skipWrappersUp(response.origin);
    const declarator =
      top.parent?.type === AST_NODE_TYPES.AwaitExpression
        ? skipWrappersUp(top.parent).parent
        : top.parent;
    if (
      declarator?.type !== AST_NODE_TYPES.VariableDeclarator ||
      declarator.id.type !== AST_NODE_TYPES.ObjectPattern
    )
      return;
    for (const property of declarator.id.properties) {
      if (property.type !== AST_NODE_TYPES.Property || memberKey(property) !== bodyProperty)
        continue;
      const target =
        property.value.type === AST_NODE_TYPES.AssignmentPattern
          ? property.value.left
          : property.value;
      if (target.type !== AST_NODE_TYPES.Identifier) continue;
      const variable = this.file.variableOf(target);
      for (const reference of variable?.references ?? []) {
        if (reference.isRead())
          this.findParseOn(skipWrappersUp(reference.identifier), response, FETCH_LIKE_BODY, push);
      }
    }
  }

  private findParseCall(
    member: TSESTree.MemberExpression,
    name: string,
    receiver: Node,
    response: TrackedResponse,
    parses: Readonly<Record<string, 'throws' | 'safe'>>,
    push: (parse: BodyParse) => void,
  ): void {
    const call = skipWrappersUp(member).parent;
    if (
      call?.type !== AST_NODE_TYPES.CallExpression ||
      skipWrappers(call.callee) !== member ||
      call.arguments.length > 0
    )
      return;
    const base = { receiver, request: response.request, response };
    if (name in parses) {
      push({ ...base, node: call, kind: 'json', throwsOnEmpty: parses[name] === 'throws' });
    } else if (name === 'text') {
      const jsonParse = this.jsonParseOf(call);
      if (jsonParse)
        push({
          ...base,
          node: jsonParse,
          kind: 'json-parse-text',
          textCall: call,
          throwsOnEmpty: true,
        });
    }
  }

  /** `JSON.parse(await res.text())`, or `const text = await res.text(); JSON.parse(text)`. */
  private jsonParseOf(textCall: TSESTree.CallExpression): TSESTree.CallExpression | undefined {
    let value = skipWrappersUp(textCall);
    if (value.parent?.type === AST_NODE_TYPES.AwaitExpression) value = skipWrappersUp(value.parent);
    const parent = value.parent;
    if (
      parent?.type === AST_NODE_TYPES.CallExpression &&
      parent.arguments[0] === value &&
      isJsonParse(parent)
    )
      return parent;
    if (
      parent?.type === AST_NODE_TYPES.VariableDeclarator &&
      parent.init === value &&
      parent.id.type === AST_NODE_TYPES.Identifier
    ) {
      const variable = this.file.variableOf(parent.id);
      for (const reference of variable?.references ?? []) {
        const use = skipWrappersUp(reference.identifier);
        const call = use.parent;
        if (
          call?.type === AST_NODE_TYPES.CallExpression &&
          call.arguments[0] === use &&
          isJsonParse(call)
        )
          return call;
      }
    }
    return undefined;
  }
}

const FETCH_LIKE_BODY = { json: 'throws' } as const;

let bodyPropertyNames: ReadonlySet<string> | undefined;
/** Every client's body property (undici's `body`). */
function bodyProperties(): ReadonlySet<string> {
  return (bodyPropertyNames ??= new Set(
    HTTP_CLIENTS.flatMap((client) =>
      client.bodyParses.bodyProperty ? [client.bodyParses.bodyProperty] : [],
    ),
  ));
}

function clientTrace(client: HttpClient): Record<string | symbol, unknown> {
  const trace: Record<string | symbol, unknown> = {};
  if (client.callShape) trace[CALL] = { client, shape: client.callShape } satisfies TraceInfo;
  for (const [member, shape] of Object.entries(client.members)) {
    trace[member] = { [CALL]: { client, shape, member } satisfies TraceInfo };
  }
  return trace;
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

function memberKey(property: TSESTree.Property): string | undefined {
  if (!property.computed && property.key.type === AST_NODE_TYPES.Identifier)
    return property.key.name;
  return property.key.type === AST_NODE_TYPES.Literal && typeof property.key.value === 'string'
    ? property.key.value
    : undefined;
}

function isJsonParse(call: TSESTree.CallExpression): boolean {
  const callee = skipWrappers(call.callee);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    memberName(callee) === 'parse' &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'JSON'
  );
}

function findAncestor<T extends Node['type']>(
  node: Node,
  type: T,
): Extract<Node, { type: T }> | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === type) return current as Extract<Node, { type: T }>;
  }
  return undefined;
}

/** The callback a response was bound in (`.then(res => …)`): returning from it is not a helper. */
function isCallbackOf(fn: FunctionNode, response: TrackedResponse): boolean {
  return fn.params.some((param) =>
    response.subject.holderVariables.some((v) => v.defs.some((d) => d.name === param)),
  );
}

/** The variables through which a function can be called: its name, or the `const` it is assigned to. */
function functionVariables(file: AnalyzedFile, fn: FunctionNode): TSESLint.Scope.Variable[] {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) {
    return file.scopeManager.getDeclaredVariables(fn).filter((v) => v.name === fn.id!.name);
  }
  const top = skipWrappersUp(fn);
  const parent = top.parent;
  if (
    parent?.type === AST_NODE_TYPES.VariableDeclarator &&
    parent.init === top &&
    parent.id.type === AST_NODE_TYPES.Identifier
  ) {
    return file.scopeManager.getDeclaredVariables(parent);
  }
  return [];
}

/**
 * The array pattern that receives the awaited result of `Promise.all(array)` (the global
 * `Promise`): `const [a, b] = await Promise.all([…])` or `[a, b] = await Promise.all([…])`.
 */
function promiseAllPattern(
  file: AnalyzedFile,
  array: TSESTree.ArrayExpression,
): TSESTree.ArrayPattern | undefined {
  const argument = skipWrappersUp(array);
  const call = argument.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== argument)
    return undefined;
  const callee = skipWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== 'all')
    return undefined;
  const promise = skipWrappers(callee.object);
  if (
    promise.type !== AST_NODE_TYPES.Identifier ||
    promise.name !== 'Promise' ||
    (file.variableOf(promise)?.defs.length ?? 0) > 0
  )
    return undefined;
  const awaited = skipWrappersUp(call).parent;
  if (awaited?.type !== AST_NODE_TYPES.AwaitExpression) return undefined;
  const value = skipWrappersUp(awaited);
  const holder = value.parent;
  if (
    holder?.type === AST_NODE_TYPES.VariableDeclarator &&
    holder.init === value &&
    holder.id.type === AST_NODE_TYPES.ArrayPattern
  )
    return holder.id;
  if (
    holder?.type === AST_NODE_TYPES.AssignmentExpression &&
    holder.operator === '=' &&
    holder.right === value &&
    holder.left.type === AST_NODE_TYPES.ArrayPattern
  ) {
    return holder.left;
  }
  return undefined;
}
