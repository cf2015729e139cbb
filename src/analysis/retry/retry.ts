/**
 * Retries: where the code sends the same HTTP request again, and for which statuses.
 *
 * `getRetries(model)` (built once per file, cached with `model.extension`) returns a
 * `RetryAnalysis`:
 *
 * - `sites`: every `RetrySite`, a path that leads from a response (or an HTTP error) back to the
 *   same request, or a library setting that makes a library do so:
 *   - `kind`:
 *     - `'loop'`: a request in a `for`/`while`/`do…while` whose response reaches a `continue`,
 *       the end of the body, or a loop condition that holds (`while (!res.ok && n++ < 3)`);
 *     - `'recursion'`: the enclosing function calls itself (directly or in `.then`);
 *     - `'timer'`: …from a `setTimeout` callback (`node` is the `setTimeout` call);
 *     - `'catch'`: a `try` around the request whose `catch` loops back or recurses;
 *       `thrownAt` is the `throw` in the `try` whose condition lets a status through, when the
 *       `catch` itself does not read the status;
 *     - `'library-callback'`: a `throw` in the function given to p-retry, async-retry,
 *       exponential-backoff or cockatiel's `execute` (`node` is the `throw`);
 *     - `'library-config'`: a status list in a library's retry options (`node` is the array);
 *     - `'predicate'`: a function that decides a retry: a library option (`retryCondition`,
 *       `shouldRetry`, fetch-retry `retryOn`, superagent `.retry(n, fn)`, wretch `until`) or a
 *       function the code names as one (`shouldRetry`, `isRetryable`, …); `node` is the
 *       `return` (or the arrow's expression body) that answers "retry".
 *   - `requests`: the requests sent again (empty when the library's requests are elsewhere);
 *   - `node`: the retry statement (see above); `container`: the loop, function or library call;
 *   - `subject`: the `StatusSubject` whose status decides (response, caught error, predicate
 *     parameter); undefined when nothing in the code carries a status (a `return true` predicate
 *     whose parameter is never read);
 *   - `statuses`: the statuses for which the path retries (narrowed with `model.statusesAt`,
 *     bounded by the loop or function, plus the loop condition on a back-edge);
 *   - `conditions`: the conditions that narrowed them, innermost first, each with `branch`
 *     (`'true'`: the retry happens where the condition holds, `'false'`: where it fails,
 *     `'case'`: a `switch` case) and `sets` (`whenTrue`/`whenFalse` for the subject);
 *   - `delays`: the waits on the path (`RetryDelay`: `sleep(ms)`, `setTimeout(fn, ms)`,
 *     `await new Promise(r => setTimeout(r, ms))`, `timers/promises`, or a library delay option);
 *   - `config`: the library configuration, for library sites.
 * - `configs`: every `RetryConfig` the file writes (even without statuses: `ky(u, { retry: 2 })`),
 *   with the parsed options: `statusCodes` (a `StatusList` with each element's node and
 *   statuses; retry-axios ranges; octokit's `doNotRetry` as an exclusion), `afterStatusCodes`
 *   (ky), `predicates`, `delays` (option properties), `beforeRetry` hook functions, and
 *   `changesRequest` (a hook that rewrites the request before the retry: a refresh).
 *
 * What is not a retry: a loop whose request is built from something that changes on the path
 * (`for (const url of urls)`, `next = page.next`, a token reassigned before `continue`), a path
 * that no status condition narrows (polling every few seconds), a recursive call with different
 * arguments, a generic `catch` that never reads a status around a try that does not throw on one,
 * and a retry that only carries 401/407 after an awaited call (a refresh).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { CALL, CONSTRUCT, ESM, ReferenceTracker } from '@eslint-community/eslint-utils';
import { AST_NODE_TYPES } from '../core/node-types';

import type { FunctionNode, Node } from '../core/ast';
import {
  alwaysExits,
  constInitializer,
  contains,
  enclosingFunction,
  findProperty,
  isFunction,
  isParameter,
  itemsWithin,
  memberName,
  propertyKeyName,
  returnStatementsOf,
  skipWrappers,
  skipWrappersUp,
} from '../core/ast';
import { resolveNumber } from '../core/static-values';
import type { HttpModel } from '../model';
import type { ConditionSets } from '../status/narrowing';
import type { HttpRequest, TrackedResponse } from '../client/requests';
import type {
  PredicateParameter,
  RetryConfigLibrary,
  RetryConfigSite,
  RetryPredicateOption,
} from '../libraries/retry';
import {
  COCKATIEL_FILTERS,
  DELAY_MODULES,
  RETRY_CONFIG_LIBRARIES,
  RETRY_PREDICATE_NAME,
  THROWING_CLIENTS,
} from '../libraries/retry';
import { StatusSet } from '../status/status-set';
import { retryPredicateNameOffsets } from '../core/text-anchors';
import { StatusSubject } from '../status/subject';

/** What a name declares: `function n() {}`, `const n = v`, `{ n: v }`, `n() {}` in a class, a field `n = v`. */
function declaredValue(named: Node): { name: string | undefined; value: Node } | undefined {
  const parent = named.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.FunctionDeclaration:
      return parent.id === named ? { name: parent.id.name, value: parent } : undefined;
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.id === named && parent.id.type === AST_NODE_TYPES.Identifier && parent.init
        ? { name: parent.id.name, value: parent.init }
        : undefined;
    case AST_NODE_TYPES.Property:
    case AST_NODE_TYPES.MethodDefinition:
    case AST_NODE_TYPES.PropertyDefinition:
      return parent.key === named && parent.value
        ? { name: propertyKeyName(parent), value: parent.value }
        : undefined;
    default:
      return undefined;
  }
}

export type RetryKind =
  'loop' | 'recursion' | 'timer' | 'catch' | 'library-callback' | 'library-config' | 'predicate';

/** A condition on a retry path and which of its outcomes leads to the retry. */
export interface RetryCondition {
  readonly node: Node;
  /** `'true'`: the retry happens where the condition holds; `'false'`: where it fails; `'case'`: a switch case. */
  readonly branch: 'true' | 'false' | 'case';
  /** The statuses the condition lets through to the retry. */
  readonly allowed: StatusSet;
  /** The condition's sets for the subject (undefined for a switch case). */
  readonly sets: ConditionSets | undefined;
}

/** A wait before the request is sent again. */
export interface RetryDelay {
  /** `sleep(ms)`, `setTimeout(fn, ms)`, `new Promise(r => setTimeout(r, ms))`, or a library option property. */
  readonly node: Node;
  readonly kind: 'sleep' | 'timer' | 'promise-timer' | 'library-option';
  /** The expression of the wait (milliseconds), when there is one. */
  readonly duration: Node | undefined;
}

/** One entry of a status list: `429`, or a retry-axios range `[500, 599]`. */
export interface StatusListEntry {
  readonly node: Node;
  readonly statuses: StatusSet;
  /** For retry-axios ranges, the bounds. */
  readonly range?: readonly [number, number];
}

export interface StatusList {
  /** The option property (`statusCodes: [...]`). */
  readonly property: TSESTree.Property | undefined;
  /** The array literal, when the list is written as one (possibly through a `const`). */
  readonly array: TSESTree.ArrayExpression | undefined;
  readonly format: 'list' | 'ranges' | 'exclude';
  /** Entries that resolve to statuses; `complete` says whether every element did. */
  readonly entries: readonly StatusListEntry[];
  readonly complete: boolean;
  /** The statuses listed (for `exclude`, the statuses NOT retried). */
  readonly listed: StatusSet;
}

export interface RetryPredicate {
  readonly function: FunctionNode;
  /** The option property, for a library option. */
  readonly property: TSESTree.Property | undefined;
  readonly option: RetryPredicateOption | undefined;
}

export interface RetryConfig {
  readonly library: RetryConfigLibrary;
  /** The call (or construction, or property for `key` sites) where the options are given. */
  readonly site: Node;
  /** The retry options object, when written as a literal. */
  readonly options: TSESTree.ObjectExpression | undefined;
  /** The value of the retry option itself (`retry: 2` in ky), when it is not an object. */
  readonly value: Node | undefined;
  /** The request the options belong to, for `request` and `chain` sites. */
  readonly request: HttpRequest | undefined;
  readonly statusCodes: StatusList | undefined;
  readonly afterStatusCodes: StatusList | undefined;
  readonly predicates: readonly RetryPredicate[];
  readonly delays: readonly RetryDelay[];
  /** `hooks.beforeRetry` functions (and similar hooks) given with the options. */
  readonly beforeRetry: readonly Node[];
  /** A hook rewrites the request before it is sent again (sets a header, a token). */
  readonly changesRequest: boolean;
  /** The function the library runs and retries (p-retry's `fn`). */
  readonly callback: FunctionNode | undefined;
  /** A predicate or hook decides what is retried (p-retry `shouldRetry`/`onFailedAttempt`, cockatiel `handleWhen`). */
  readonly filtered: boolean;
}

export interface RetrySite {
  readonly kind: RetryKind;
  readonly requests: readonly HttpRequest[];
  readonly node: Node;
  readonly container: Node;
  readonly subject: StatusSubject | undefined;
  readonly statuses: StatusSet;
  readonly conditions: readonly RetryCondition[];
  readonly delays: readonly RetryDelay[];
  readonly config?: RetryConfig;
  /** For `catch` sites: the `throw` in the `try` whose condition decides. */
  readonly thrownAt?: TSESTree.ThrowStatement;
  /** The response whose status decides, for loop, recursion, timer and library-callback sites. */
  readonly response?: TrackedResponse;
}

export interface RetryAnalysis {
  readonly sites: readonly RetrySite[];
  readonly configs: readonly RetryConfig[];
}

const KEY = {};
const MAX_DEPTH = 3;
const AUTH_STATUSES = StatusSet.of(401, 407);

/** The file's retries, built once per file. */
export function getRetries(model: HttpModel): RetryAnalysis {
  return model.hasAnchor ? model.extension(KEY, (m) => new RetryBuilder(m).build()) : NO_RETRIES;
}
const NO_RETRIES: RetryAnalysis = { sites: [], configs: [] };

type Loop =
  | TSESTree.ForStatement
  | TSESTree.ForInStatement
  | TSESTree.ForOfStatement
  | TSESTree.WhileStatement
  | TSESTree.DoWhileStatement;

function isLoop(node: Node): node is Loop {
  switch (node.type) {
    case AST_NODE_TYPES.ForStatement:
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
      return true;
    default:
      return false;
  }
}

function loopTest(loop: Loop): Node | undefined {
  return loop.type === AST_NODE_TYPES.ForInStatement || loop.type === AST_NODE_TYPES.ForOfStatement
    ? undefined
    : (loop.test ?? undefined);
}

/** The innermost loop around `node` inside its own function (the node within the loop's body). */
function enclosingLoop(node: Node): Loop | undefined {
  let child = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (isFunction(parent)) return undefined;
    if (isLoop(parent) && parent.body === child) return parent;
  }
  return undefined;
}

class RetryBuilder {
  private readonly sites: RetrySite[] = [];
  private readonly configs: RetryConfig[] = [];
  private readonly predicateFunctions = new Set<Node>();
  private readonly delays = new Map<Node, RetryDelay | undefined>();
  private readonly sleepArguments = new Map<TSESLint.Scope.Variable, number>();
  private readonly narrowed = new Map<
    Node,
    Map<
      StatusSubject,
      Map<Node, ({ statuses: StatusSet; conditions: readonly RetryCondition[] } | undefined)[]>
    >
  >();
  private readonly loopDelays = new Map<Node, readonly RetryDelay[]>();
  // Asked once per request or retry config: kept per function and library, not searched again.
  private readonly recursiveCallsOf = new Map<FunctionNode, TSESTree.CallExpression[]>();
  private readonly abortErrorNamesOf = new Map<RetryConfigLibrary, Set<string>>();
  private readonly file;

  constructor(private readonly model: HttpModel) {
    this.file = model.file;
  }

  build(): RetryAnalysis {
    if (this.model.requests.length > 0) {
      this.findLoopsAndRecursion();
      this.findCatchRetries();
    }
    this.findLibraryConfigs();
    this.findNamedPredicates();
    this.sites.sort((a, b) => a.node.range[0] - b.node.range[0]);
    return { sites: this.sites, configs: this.configs };
  }

  // ---- conditions ---------------------------------------------------------------------------

  /**
   * The conditions of a path. Operands that only ask "is this an HTTP error with a response"
   * (`axios.isAxiosError(e)`, `e instanceof HTTPError`, `e.response`) are neutral:
   * `if (isAxiosError(e) && e.response?.status === 404) return;` lets everything but 404 through.
   * Other operands keep the shared narrowing's reading (`if (refreshed && status === 401) return`
   * says nothing about the statuses that go on).
   */
  private conditionsOf(
    constraints: ReadonlyArray<{ node: Node; allowed: StatusSet }>,
    subject: StatusSubject,
    throwing = false,
  ): RetryCondition[] {
    const result: RetryCondition[] = [];
    for (const { node, allowed: given } of constraints) {
      if (node.type === AST_NODE_TYPES.SwitchCase) {
        if (!given.isAll) result.push({ node, branch: 'case', allowed: given, sets: undefined });
        continue;
      }
      const shared = this.model.conditionSets(node, subject);
      // A throw on `!res.ok || data.error` goes to the retrying catch on every failure at least:
      // operands that do not read the status only add to it.
      const either =
        throwing &&
        skipWrappers(node).type === AST_NODE_TYPES.LogicalExpression &&
        (skipWrappers(node) as TSESTree.LogicalExpression).operator === '||';
      const sets =
        neutralConditionSets(
          this.model,
          node,
          subject,
          either ? undefined : (operand) => isErrorGuard(operand, subject),
        ) ?? shared;
      const branch =
        shared && given.equals(shared.whenFalse) && !given.equals(shared.whenTrue)
          ? 'false'
          : 'true';
      const allowed = sets ? (branch === 'true' ? sets.whenTrue : sets.whenFalse) : given;
      if (allowed.isAll) continue;
      result.push({ node, branch, allowed, sets });
    }
    return result;
  }

  /** Statuses at `point` for `subject`, with the conditions that narrowed them. */
  private narrow(
    point: Node,
    subject: StatusSubject,
    stopAt: Node,
    throwing = false,
  ): { statuses: StatusSet; conditions: RetryCondition[] } {
    // Responses assigned to one variable share a subject: each `continue` is narrowed once for all.
    const cached = this.narrowed.get(point)?.get(subject)?.get(stopAt)?.[Number(throwing)];
    if (cached) return { statuses: cached.statuses, conditions: [...cached.conditions] };
    const narrowing = this.model.statusesAt(point, subject, stopAt);
    const conditions = this.conditionsOf(narrowing.constraints, subject, throwing);
    const result = {
      statuses: conditions.reduce((all, c) => all.intersect(c.allowed), StatusSet.ALL),
      conditions,
    };
    let bySubject = this.narrowed.get(point);
    if (!bySubject) this.narrowed.set(point, (bySubject = new Map()));
    let byStop = bySubject.get(subject);
    if (!byStop) bySubject.set(subject, (byStop = new Map()));
    let byThrowing = byStop.get(stopAt);
    if (!byThrowing) byStop.set(stopAt, (byThrowing = []));
    byThrowing[Number(throwing)] = { statuses: result.statuses, conditions: [...conditions] };
    return result;
  }

  // ---- loops and recursion ------------------------------------------------------------------

  private findLoopsAndRecursion(): void {
    for (const response of this.model.responses) {
      const anchor = response.helperCall ?? response.request.node;
      const client = THROWING_CLIENTS[response.request.client.id];
      // A throwing client's response is always 2xx: its statuses reach a retry only through a catch.
      const throwing =
        client !== undefined && !this.disablesThrowing(response.request, client.disabledBy);
      const loop = enclosingLoop(anchor);
      if (loop && !throwing) this.loopSites(response, anchor, loop);
      const fn = enclosingFunction(anchor);
      if (fn) this.recursionSites(response, anchor, fn, throwing);
    }
    for (const request of this.model.requests) this.catchCallbackSites(request);
  }

  private disablesThrowing(request: HttpRequest, options: readonly string[]): boolean {
    if (options.length === 0) return false;
    for (const argument of request.node.arguments) {
      const object = this.objectOf(argument);
      if (object && options.some((name) => findProperty(object, name))) return true;
    }
    return false;
  }

  private loopSites(response: TrackedResponse, anchor: Node, loop: Loop): void {
    if (this.varies(anchor, loop)) return;
    const subject = response.subject;
    const requests = [response.request];
    const poll = this.repeatsAfterBody([response], loop);
    // `continue` statements after the request.
    for (const statement of this.file.nodesOfTypeIn(AST_NODE_TYPES.ContinueStatement, loop.body)) {
      if (
        statement.range[0] < anchor.range[1] ||
        !contains(loop.body, statement) ||
        continueTarget(statement) !== loop
      )
        continue;
      if (insideCatchOf(statement, anchor)) continue;
      const { statuses, conditions } = this.narrow(statement, subject, loop);
      if (poll && pollsOn(statuses)) continue;
      this.addPathSite(
        'loop',
        requests,
        statement,
        loop,
        subject,
        statuses,
        conditions,
        anchor,
        response,
      );
    }
    // Falling to the end of the body, then the loop condition.
    const end = this.toLoopEnd(anchor, loop, subject);
    if (end && !(poll && pollsOn(end.statuses)))
      this.addPathSite(
        'loop',
        requests,
        loop,
        loop,
        subject,
        end.statuses,
        end.conditions,
        anchor,
        response,
      );
  }

  /**
   * Whether the loop reads a response's body and goes round again: it polls for a state change
   * (`until (j.tier === 'premium')`). Going round after a success or any failure is then part of
   * the poll; only a path for particular failures (`status === 429`) is a retry.
   */
  private repeatsAfterBody(responses: readonly TrackedResponse[], loop: Loop): boolean {
    if (responses.length === 0) return false;
    const requests = new Set(responses.map((r) => r.request));
    return itemsWithin(
      this.model.bodyParses,
      (p) => p.node,
      loop.body.range[0],
      loop.body.range[1],
    ).some((parse) => {
      if (
        !requests.has(parse.request) ||
        enclosingLoop(parse.node) !== loop ||
        exitsAround(parse.node, loop)
      )
        return false;
      return (
        this.toLoopEnd(parse.node, loop, parse.response?.subject ?? responses[0]!.subject) !==
        undefined
      );
    });
  }

  private addPathSite(
    kind: RetryKind,
    requests: readonly HttpRequest[],
    node: Node,
    container: Node,
    subject: StatusSubject,
    statuses: StatusSet,
    conditions: RetryCondition[],
    from: Node,
    response: TrackedResponse | undefined,
    extra: Partial<RetrySite> = {},
  ): void {
    // A path no status condition narrows is not a retry of statuses (polling, a loop over work).
    if (conditions.length === 0 || statuses.isEmpty) return;
    // Waiting for a server to come up (`/health` until 200, `localhost`): a poll, not a retry.
    if (requests.length > 0 && requests.every((request) => pollsReadiness(this.file, request)))
      return;
    // Only 401/407 after an awaited call: a refresh, the next request differs.
    if (
      statuses.isSubsetOf(AUTH_STATUSES) &&
      (this.awaitsOtherThanDelay(container, from, node) || this.callsBefore(node))
    )
      return;
    this.sites.push({
      kind,
      requests,
      node,
      container,
      subject,
      statuses,
      conditions,
      delays: this.delaysBetween(container, from, node),
      ...(response ? { response } : {}),
      ...extra,
    });
  }

  /**
   * The statuses with which execution falls from `start` to the end of the loop body and goes
   * round again; undefined when it cannot.
   */
  private toLoopEnd(
    start: Node,
    loop: Loop,
    subject: StatusSubject,
  ): { statuses: StatusSet; conditions: RetryCondition[] } | undefined {
    const narrowing = this.model.statusesAt(start, subject, loop);
    const constraints: Array<{ node: Node; allowed: StatusSet }> = [...narrowing.constraints];
    const apply = (node: Node, allowed: StatusSet): void => {
      constraints.push({ node, allowed });
    };
    const exitsAfter = (statements: readonly TSESTree.Statement[]): boolean => {
      for (const statement of statements) {
        if (statement.type === AST_NODE_TYPES.IfStatement) {
          const thenExits = alwaysExits(statement.consequent);
          const elseExits = statement.alternate != null && alwaysExits(statement.alternate);
          if (thenExits && elseExits) return true;
          const sets = this.model.conditionSets(statement.test, subject);
          if (sets && thenExits) apply(statement.test, sets.whenFalse);
          else if (sets && elseExits) apply(statement.test, sets.whenTrue);
        } else if (alwaysExits(statement)) {
          return true;
        }
      }
      return false;
    };
    // From the start of a block (a catch body): every statement of it is on the path.
    if (start.type === AST_NODE_TYPES.BlockStatement && exitsAfter(start.body)) return undefined;
    let child: Node = start;
    for (
      let parent = start.parent;
      parent && parent !== loop;
      child = parent, parent = parent.parent
    ) {
      if (isFunction(parent) || isLoop(parent) || parent.type === AST_NODE_TYPES.SwitchCase)
        return undefined;
      if (parent.type === AST_NODE_TYPES.BlockStatement) {
        const index = parent.body.indexOf(child as TSESTree.Statement);
        if (exitsAfter(parent.body.slice(index + 1))) return undefined;
      } else if (
        parent.type === AST_NODE_TYPES.TryStatement &&
        parent.finalizer &&
        alwaysExits(parent.finalizer)
      ) {
        return undefined;
      }
    }
    if (child !== loop.body && !contains(loop.body, start)) return undefined;
    const test = loopTest(loop);
    if (test) {
      const sets = this.model.conditionSets(test, subject);
      if (sets && !constraints.some((c) => c.node === test)) apply(test, sets.whenTrue);
    }
    const conditions = this.conditionsOf(constraints, subject);
    return {
      statuses: conditions.reduce((all, c) => all.intersect(c.allowed), StatusSet.ALL),
      conditions,
    };
  }

  private recursionSites(
    response: TrackedResponse,
    anchor: Node,
    fn: FunctionNode,
    throwing: boolean,
  ): void {
    const subject = response.subject;
    for (const call of this.recursiveCalls(fn)) {
      if (call.range[0] < anchor.range[1]) continue;
      if (!this.sameArguments(anchor, fn, call)) continue;
      if (promiseCatchCallbackOf(call, fn)) continue;
      if (throwing || insideCatchOf(call, anchor)) continue;
      const timer = timerCallOf(call, fn);
      const { statuses, conditions } = this.narrow(call, subject, fn);
      this.addPathSite(
        timer ? 'timer' : 'recursion',
        [response.request],
        timer ?? call,
        fn,
        subject,
        statuses,
        conditions,
        anchor,
        response,
      );
    }
  }

  /** `fetch(u).then(…).catch(err => retry(u))`: the catch callback's error decides. */
  private catchCallbackSites(request: HttpRequest): void {
    const anchor = request.node;
    const fn = enclosingFunction(anchor);
    if (!fn) return;
    for (const call of this.recursiveCalls(fn)) {
      if (call.range[0] < anchor.range[1] || !this.sameArguments(anchor, fn, call)) continue;
      const callback = promiseCatchCallbackOf(call, fn);
      if (callback) this.catchCallbackSite(request, anchor, fn, call, callback);
    }
  }

  private catchCallbackSite(
    request: HttpRequest,
    anchor: Node,
    fn: FunctionNode,
    call: Node,
    callback: FunctionNode,
  ): void {
    const parameter = callback.params[0];
    if (parameter?.type !== AST_NODE_TYPES.Identifier) return;
    const variable = this.file.variableOf(parameter);
    if (!variable) return;
    const subject = this.model.subjectOfVariable(variable);
    const { statuses, conditions } = this.narrow(call, subject, callback);
    this.addPathSite(
      'catch',
      [request],
      timerCallOf(call, fn) ?? call,
      fn,
      subject,
      statuses,
      conditions,
      anchor,
      undefined,
    );
  }

  /** Calls of `fn` from inside itself: by name, by its `const`, or `this.method(…)` in a method. */
  private recursiveCalls(fn: FunctionNode): TSESTree.CallExpression[] {
    let calls = this.recursiveCallsOf.get(fn);
    if (!calls) this.recursiveCallsOf.set(fn, (calls = this.findRecursiveCalls(fn)));
    return calls;
  }

  private findRecursiveCalls(fn: FunctionNode): TSESTree.CallExpression[] {
    const calls: TSESTree.CallExpression[] = [];
    for (const variable of functionVariables(this.file.scopeManager, fn)) {
      for (const reference of variable.references) {
        const top = skipWrappersUp(reference.identifier);
        const call = top.parent;
        if (
          call?.type === AST_NODE_TYPES.CallExpression &&
          call.callee === top &&
          contains(fn, call)
        )
          calls.push(call);
      }
    }
    const method = fn.parent;
    if (method?.type === AST_NODE_TYPES.MethodDefinition && method.value === fn) {
      const name = methodKey(method);
      for (const member of itemsWithin(
        this.thisMembers(),
        (m) => m,
        fn.body.range[0],
        fn.body.range[1],
      )) {
        // The same method: `this.#load()` in `#load()`, not `this.#other()` (nor a computed `this[k]()`).
        if (name === undefined || memberKey(member) !== name) continue;
        const top = skipWrappersUp(member);
        const call = top.parent;
        if (
          call?.type === AST_NODE_TYPES.CallExpression &&
          call.callee === top &&
          thisBindsTo(member, fn)
        )
          calls.push(call);
      }
    }
    return calls;
  }

  /** A recursive call sends the same request when every parameter the request reads is passed on unchanged. */
  private sameArguments(anchor: Node, fn: FunctionNode, call: TSESTree.CallExpression): boolean {
    const parameters = new Map<TSESLint.Scope.Variable, number>();
    for (const variable of this.file.scopeManager.getDeclaredVariables(fn)) {
      const def = variable.defs.find((d) => d.type === 'Parameter');
      if (!def) continue;
      const index = fn.params.findIndex((param) => contains(param, def.name));
      if (index >= 0) parameters.set(variable, index);
    }
    const seen = new Set<TSESLint.Scope.Variable>();
    const check = (node: Node, depth: number): boolean => {
      for (const variable of this.inputVariables(node)) {
        if (seen.has(variable)) continue;
        seen.add(variable);
        const index = parameters.get(variable);
        if (index !== undefined) {
          const param = fn.params[index]!;
          const argument = call.arguments[index];
          if (param.type === AST_NODE_TYPES.RestElement) return false;
          if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return false;
          const inner = skipWrappers(argument);
          if (inner.type !== AST_NODE_TYPES.Identifier) return false;
          const passed = this.file.variableOf(inner);
          if (passed !== variable || this.isReassigned(variable, fn)) return false;
          continue;
        }
        if (this.isSharedMutable(variable, fn)) return false;
        const def = variable.defs[0];
        if (def?.type === 'Variable' && contains(fn, def.node)) {
          if (variable.references.some((r) => r.isWrite() && r.identifier !== def.name))
            return false;
          if (def.node.init && depth < MAX_DEPTH && !check(def.node.init, depth + 1)) return false;
        }
      }
      return !this.readsReassignedThis(node);
    };
    return check(anchor, 0);
  }

  private isReassigned(variable: TSESLint.Scope.Variable, fn: FunctionNode): boolean {
    return variable.references.some(
      (r) => r.isWrite() && contains(fn.body, r.identifier) && !r.init,
    );
  }

  // ---- same request -------------------------------------------------------------------------

  /** Variables an expression reads (through scope references, callbacks included). */
  private inputVariables(node: Node): TSESLint.Scope.Variable[] {
    const result: TSESLint.Scope.Variable[] = [];
    const visit = (scope: TSESLint.Scope.Scope): void => {
      for (const reference of scope.references) {
        if (reference.resolved && contains(node, reference.identifier) && reference.isRead())
          result.push(reference.resolved);
      }
      for (const child of scope.childScopes) if (contains(node, child.block)) visit(child);
    };
    visit(this.file.scopeOf(node));
    return result;
  }

  /** Whether something the request is built from changes inside the loop. */
  private varies(anchor: Node, loop: Loop): boolean {
    const seen = new Set<TSESLint.Scope.Variable>();
    const fn = enclosingFunction(loop);
    const check = (node: Node, depth: number): boolean => {
      for (const variable of this.inputVariables(node)) {
        if (seen.has(variable)) continue;
        seen.add(variable);
        const def = variable.defs[0];
        if (!def) continue;
        // Declared by the loop head (`for (const url of urls)`, `for (let page = 1; …; page++)`).
        const declaredInHead = contains(loop, def.name) && !contains(loop.body, def.name);
        if (
          declaredInHead &&
          (loop.type === AST_NODE_TYPES.ForOfStatement ||
            loop.type === AST_NODE_TYPES.ForInStatement)
        )
          return true;
        // Options built afresh in each attempt (`let opts = {…}; opts.headers = …` before the
        // request): the same request when what they are built from is the same.
        if (def.type === 'Variable' && contains(loop.body, def.node) && depth < MAX_DEPTH) {
          const builtFrom = this.buildingValues(variable, loop, anchor);
          if (!builtFrom) return true;
          if (builtFrom.some((value) => check(value, depth + 1))) return true;
        } else {
          const writesInLoop = variable.references.some(
            (r) =>
              r.isWrite() &&
              contains(loop, r.identifier) &&
              !(r.init && contains(loop.body, r.identifier) && r.identifier === def.name),
          );
          if (writesInLoop) return true;
          if (this.mutatedIn(variable, loop, anchor)) return true;
        }
        if (this.isSharedMutable(variable, fn)) return true;
        if (
          def.type === 'Variable' &&
          contains(loop.body, def.node) &&
          def.node.init &&
          depth < MAX_DEPTH
        ) {
          if (check(def.node.init, depth + 1)) return true;
        }
      }
      return this.readsReassignedThis(node);
    };
    return check(anchor, 0);
  }

  /**
   * For a variable declared in the loop body: the values its assignments and mutations before the
   * request put in it (`opts = {…}`, `opts.headers = h`, `headers.set('X', v)`); undefined when
   * one is not understood, or runs after the request or in a nested function.
   */
  private buildingValues(
    variable: TSESLint.Scope.Variable,
    loop: Loop,
    anchor: Node,
  ): Node[] | undefined {
    const values: Node[] = [];
    const fn = enclosingFunction(anchor);
    for (const reference of variable.references) {
      const identifier = reference.identifier;
      if (!contains(loop, identifier) || contains(anchor, identifier) || reference.init) continue;
      const before = identifier.range[1] <= anchor.range[0] && enclosingFunction(identifier) === fn;
      if (reference.isWrite()) {
        const assignment = identifier.parent;
        if (
          !before ||
          assignment?.type !== AST_NODE_TYPES.AssignmentExpression ||
          assignment.left !== identifier
        )
          return undefined;
        values.push(assignment.right);
        continue;
      }
      let top: Node = skipWrappersUp(identifier);
      let member = false;
      while (top.parent?.type === AST_NODE_TYPES.MemberExpression && top.parent.object === top) {
        top = skipWrappersUp(top.parent);
        member = true;
      }
      const parent = top.parent;
      if (!parent) continue;
      const assigns =
        member && parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === top;
      const mutates =
        (member &&
          parent.type === AST_NODE_TYPES.CallExpression &&
          parent.callee === top &&
          MUTATORS.has(memberName(top) ?? '')) ||
        (parent.type === AST_NODE_TYPES.CallExpression &&
          parent.arguments[0] === top &&
          memberName(skipWrappers(parent.callee)) === 'assign');
      const other =
        member &&
        (parent.type === AST_NODE_TYPES.UpdateExpression ||
          (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'delete'));
      if (!assigns && !mutates && !other) continue;
      if (!before || other) return undefined;
      if (assigns) values.push(parent.right);
      else
        values.push(
          ...(parent as TSESTree.CallExpression).arguments.filter((argument) => argument !== top),
        );
    }
    return values;
  }

  /** `options.headers.Authorization = t`, `headers.set(…)`, `Object.assign(options, …)` inside the loop. */
  private mutatedIn(variable: TSESLint.Scope.Variable, loop: Node, anchor: Node): boolean {
    for (const reference of variable.references) {
      const identifier = reference.identifier;
      if (!contains(loop, identifier) || contains(anchor, identifier)) continue;
      let top: Node = skipWrappersUp(identifier);
      let member = false;
      while (top.parent?.type === AST_NODE_TYPES.MemberExpression && top.parent.object === top) {
        top = skipWrappersUp(top.parent);
        member = true;
      }
      const parent = top.parent;
      if (!parent) continue;
      if (member && parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === top)
        return true;
      if (member && parent.type === AST_NODE_TYPES.UpdateExpression) return true;
      if (member && parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'delete')
        return true;
      if (member && parent.type === AST_NODE_TYPES.CallExpression && parent.callee === top) {
        const name = top.type === AST_NODE_TYPES.MemberExpression ? memberName(top) : undefined;
        if (name && MUTATORS.has(name)) return true;
      }
      if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === top) {
        const callee = skipWrappers(parent.callee);
        if (callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'assign')
          return true;
      }
    }
    return false;
  }

  /** A `let`/`var` of an outer function or the module that some code reassigns: shared state. */
  private isSharedMutable(
    variable: TSESLint.Scope.Variable,
    fn: FunctionNode | undefined,
  ): boolean {
    const def = variable.defs[0];
    if (!def || def.type !== 'Variable' || def.parent?.kind === 'const') return false;
    if (fn && contains(fn, def.name)) return false;
    return variable.references.some((r) => r.isWrite() && !r.init);
  }

  /** The request reads `this.x` and a method other than the constructor assigns `this.x`. */
  private readsReassignedThis(node: Node): boolean {
    const reassigned = (this.reassignedThis ??= this.findReassignedThis());
    if (reassigned.size === 0) return false;
    return itemsWithin(this.thisMembers(), (member) => member, node.range[0], node.range[1]).some(
      (member) => reassigned.has(memberName(member) ?? ''),
    );
  }

  private reassignedThis: Set<string> | undefined;
  private thisMemberList: TSESTree.MemberExpression[] | undefined;

  /** Every `this.x` member of the file, found once, in source order (`itemsWithin` searches it). */
  private thisMembers(): TSESTree.MemberExpression[] {
    return (this.thisMemberList ??= this.file
      .nodesOfType(AST_NODE_TYPES.MemberExpression)
      .filter((m) => m.object.type === AST_NODE_TYPES.ThisExpression));
  }

  private findReassignedThis(): Set<string> {
    const names = new Set<string>();
    for (const assignment of this.file.nodesOfType(AST_NODE_TYPES.AssignmentExpression)) {
      const left = assignment.left;
      if (
        left.type !== AST_NODE_TYPES.MemberExpression ||
        left.object.type !== AST_NODE_TYPES.ThisExpression
      )
        continue;
      const name = memberName(left);
      const method = enclosingFunction(assignment)?.parent;
      if (
        !name ||
        (method?.type === AST_NODE_TYPES.MethodDefinition && method.kind === 'constructor')
      )
        continue;
      names.add(name);
    }
    return names;
  }

  /** A call statement (not a wait, not `console`) just before `point` in its block: a refresh, an invalidation. */
  private callsBefore(point: Node): boolean {
    const statement = point.parent?.type === AST_NODE_TYPES.BlockStatement ? point : point.parent;
    const block = statement?.parent;
    if (block?.type !== AST_NODE_TYPES.BlockStatement) return false;
    for (const previous of block.body) {
      if (previous === statement) break;
      if (previous.type !== AST_NODE_TYPES.ExpressionStatement) continue;
      let expression = skipWrappers(previous.expression);
      if (expression.type === AST_NODE_TYPES.AwaitExpression)
        expression = skipWrappers(expression.argument);
      if (expression.type !== AST_NODE_TYPES.CallExpression || this.isDelayCall(expression))
        continue;
      const callee = skipWrappers(expression.callee);
      const object =
        callee.type === AST_NODE_TYPES.MemberExpression ? skipWrappers(callee.object) : undefined;
      if (object?.type === AST_NODE_TYPES.Identifier && object.name === 'console') continue;
      return true;
    }
    return false;
  }

  private awaitsOtherThanDelay(container: Node, from: Node, to: Node): boolean {
    const start = from.range[1];
    const end = to === container ? container.range[1] : to.range[0];
    return this.file
      .nodesOfTypeIn(AST_NODE_TYPES.AwaitExpression, start, end)
      .some(
        (a) =>
          a.range[0] >= start &&
          a.range[1] <= end &&
          contains(container, a) &&
          !this.isDelay(skipWrappers(a.argument)),
      );
  }

  // ---- catch ----------------------------------------------------------------------------------

  /** The `try` statements whose block holds a request or the call that brings a response. */
  private tryStatementsAroundRequests(): TSESTree.TryStatement[] {
    const statements = new Set<TSESTree.TryStatement>();
    const anchors = [
      ...this.model.requests.map((r) => r.node),
      ...this.model.responses.map((r) => r.helperCall ?? r.request.node),
    ];
    for (const anchor of anchors) {
      let child: Node = anchor;
      while (child.parent) {
        const parent: Node = child.parent;
        if (parent.type === AST_NODE_TYPES.TryStatement && parent.block === child)
          statements.add(parent);
        child = parent;
      }
    }
    return [...statements].sort((a, b) => a.range[0] - b.range[0]);
  }

  private responsesByPosition: Array<{ node: Node; index: number }> | undefined;

  /** The responses whose request (or helper call) lies in `node`, in the model's order: a binary search, not a scan. */
  private responsesWithin(node: Node): TrackedResponse[] {
    const { responses } = this.model;
    this.responsesByPosition ??= responses
      .map((r, index) => ({ node: r.helperCall ?? r.request.node, index }))
      .sort((a, b) => a.node.range[0] - b.node.range[0]);
    return itemsWithin(
      this.responsesByPosition,
      (entry) => entry.node,
      node.range[0],
      node.range[1],
    )
      .sort((a, b) => a.index - b.index)
      .map((entry) => responses[entry.index]!);
  }

  private findCatchRetries(): void {
    for (const statement of this.tryStatementsAroundRequests()) {
      const handler = statement.handler;
      if (!handler) continue;
      const responses = this.responsesWithin(statement.block);
      const requests = [
        ...new Set(
          itemsWithin(
            this.model.requests,
            (r) => r.node,
            statement.block.range[0],
            statement.block.range[1],
          )
            .filter((r) => enclosingFunction(r.node) === enclosingFunction(statement))
            .concat(responses.map((r) => r.request)),
        ),
      ];
      if (requests.length === 0) continue;
      const anchors = responses
        .map((r) => r.helperCall ?? r.request.node)
        .concat(requests.map((r) => r.node));
      const parameter = handler.param;
      const variable =
        parameter?.type === AST_NODE_TYPES.Identifier ? this.file.variableOf(parameter) : null;
      // Without a parameter nothing in the catch reads a status.
      const errorSubject = variable
        ? this.model.subjectOfVariable(variable)
        : new StatusSubject(this.file);
      const points: Array<{
        node: Node;
        container: Node;
        fromCatch: { statuses: StatusSet; conditions: RetryCondition[] };
      }> = [];
      const loop = enclosingLoop(statement);
      // A poll's catch that goes round again after any error is part of the poll.
      if (
        loop &&
        !anchors.some((a) => this.varies(a, loop)) &&
        !this.repeatsAfterBody(responses, loop)
      ) {
        for (const c of this.file.nodesOfTypeIn(AST_NODE_TYPES.ContinueStatement, handler.body)) {
          if (contains(handler.body, c) && continueTarget(c) === loop)
            points.push({
              node: c,
              container: loop,
              fromCatch: this.narrow(c, errorSubject, handler),
            });
        }
        const end = this.toLoopEnd(handler.body, loop, errorSubject);
        if (end) points.push({ node: loop, container: loop, fromCatch: end });
      }
      const fn = enclosingFunction(statement);
      if (fn) {
        for (const call of this.recursiveCalls(fn)) {
          if (
            !contains(handler.body, call) ||
            !anchors.every((a) => this.sameArguments(a, fn, call))
          )
            continue;
          points.push({
            node: timerCallOf(call, fn) ?? call,
            container: fn,
            fromCatch: this.narrow(call, errorSubject, handler),
          });
        }
      }
      for (const point of points) {
        const { fromCatch } = point;
        if (fromCatch.conditions.length > 0) {
          this.addPathSite(
            'catch',
            requests,
            point.node,
            point.container,
            errorSubject,
            fromCatch.statuses,
            fromCatch.conditions,
            handler,
            undefined,
          );
          continue;
        }
        // The catch does not read a status: the throws in the try that do.
        for (const thrown of this.file.nodesOfTypeIn(
          AST_NODE_TYPES.ThrowStatement,
          statement.block,
        )) {
          if (
            !contains(statement.block, thrown) ||
            enclosingFunction(thrown) !== enclosingFunction(statement) ||
            caughtBefore(thrown, statement)
          )
            continue;
          for (const response of responses) {
            const anchor = response.helperCall ?? response.request.node;
            if (anchor.range[1] > thrown.range[0]) continue;
            const { statuses, conditions } = this.narrow(
              thrown,
              response.subject,
              statement.block,
              true,
            );
            this.addPathSite(
              'catch',
              requests,
              point.node,
              point.container,
              response.subject,
              statuses,
              conditions,
              anchor,
              response,
              { thrownAt: thrown },
            );
          }
        }
      }
    }
  }

  // ---- delays ---------------------------------------------------------------------------------

  private delaysBetween(container: Node, from: Node, to: Node): RetryDelay[] {
    // Every wait in a loop body runs between two attempts.
    if (isLoop(container)) {
      let delays = this.loopDelays.get(container);
      if (!delays)
        this.loopDelays.set(
          container,
          (delays = this.delaysIn(container.body.range[0], container.body.range[1])),
        );
      return delays.filter((d) => resumesRetry(d, to));
    }
    const start = from.range[0];
    const end = to === container ? container.range[1] : to.range[1];
    return this.delaysIn(start, end).filter(
      (d) => contains(container, d.node) && resumesRetry(d, to),
    );
  }

  /** Every wait in the file: `setTimeout(fn, ms)`, promise timers, local sleep helpers, `timers/promises`. */
  private responsesByAnchor: TrackedResponse[] | undefined;

  /** The tracked responses in source order of the call that brings each one. */
  private responsesInOrder(): TrackedResponse[] {
    return (this.responsesByAnchor ??= [...this.model.responses].sort(
      (a, b) =>
        (a.helperCall ?? a.request.node).range[0] - (b.helperCall ?? b.request.node).range[0],
    ));
  }

  /**
   * The waits in `[start, end)`, in source order: `new Promise(r => setTimeout(r, ms))`, a
   * `setTimeout(…)` of its own, and calls of functions that only wait. Found among the calls of
   * the range and remembered per node, so a file pays for the ranges its retries ask about, not
   * for resolving every call it makes.
   */
  private delaysIn(start: number, end: number): RetryDelay[] {
    const found: RetryDelay[] = [];
    for (const expression of this.file.nodesOfTypeIn(AST_NODE_TYPES.NewExpression, start, end)) {
      const delay = this.delayOf(expression);
      if (delay) found.push(delay);
    }
    for (const call of this.file.nodesOfTypeIn(AST_NODE_TYPES.CallExpression, start, end)) {
      const delay = this.delayOf(call);
      if (delay) found.push(delay);
    }
    return found.sort((a, b) => a.node.range[0] - b.node.range[0]);
  }

  private delayOf(node: TSESTree.NewExpression | TSESTree.CallExpression): RetryDelay | undefined {
    if (this.delays.has(node)) return this.delays.get(node);
    let delay: RetryDelay | undefined;
    if (node.type === AST_NODE_TYPES.NewExpression) {
      const timer = promiseTimer(node);
      if (timer) delay = { node, kind: 'promise-timer', duration: timer.arguments[1] };
    } else {
      const callee = skipWrappers(node.callee);
      if (callee.type === AST_NODE_TYPES.Identifier) {
        const variable = this.file.variableOf(callee);
        if (!variable || variable.defs.length === 0) {
          if (callee.name === 'setTimeout' && !isTimerOfPromise(node))
            delay = { node, kind: 'timer', duration: node.arguments[1] };
        } else {
          const argument = this.sleepArgumentOf(variable);
          if (argument >= 0) delay = { node, kind: 'sleep', duration: node.arguments[argument] };
        }
      }
    }
    this.delays.set(node, delay);
    return delay;
  }

  /**
   * Whether a call waits: `setTimeout(…)` (not the one a
   * `new Promise(r => setTimeout(r, ms))` waits with) or a call of a function that only waits.
   * Asked of one call, it spares a file without retries the search of all of them.
   */
  private isDelayCall(call: TSESTree.CallExpression): boolean {
    return this.delayOf(call) !== undefined;
  }

  /** Whether an awaited value is a wait. */
  private isDelay(node: Node): boolean {
    return (
      (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) &&
      this.delayOf(node) !== undefined
    );
  }

  private sleepArgumentOf(variable: TSESLint.Scope.Variable): number {
    let argument = this.sleepArguments.get(variable);
    if (argument === undefined) {
      argument = this.sleepArgument(variable);
      this.sleepArguments.set(variable, argument);
    }
    return argument;
  }

  /** Which argument of a function is its wait, when the function only waits; -1 otherwise. */
  private sleepArgument(variable: TSESLint.Scope.Variable): number {
    const def = variable.defs[0]!;
    if (def.type === 'ImportBinding') {
      const declaration = def.parent;
      if (declaration.type !== AST_NODE_TYPES.ImportDeclaration) return -1;
      const specifier = def.node;
      const imported =
        specifier.type === AST_NODE_TYPES.ImportSpecifier
          ? specifier.imported.type === AST_NODE_TYPES.Identifier
            ? specifier.imported.name
            : specifier.imported.value
          : 'default';
      const known = DELAY_MODULES.find(
        (m) => m.source === declaration.source.value && m.exportName === imported,
      );
      return known ? known.argument : -1;
    }
    let fn: Node | undefined;
    if (def.type === 'FunctionName') fn = def.node;
    else if (def.type === 'Variable') fn = constInitializer(variable);
    if (!fn || !isFunction(fn)) return -1;
    const body = fn.body;
    const expression =
      body.type === AST_NODE_TYPES.BlockStatement
        ? body.body.length === 1 && body.body[0]!.type === AST_NODE_TYPES.ReturnStatement
          ? body.body[0].argument
          : undefined
        : body;
    const inner = expression && skipWrappers(expression);
    const timer = inner?.type === AST_NODE_TYPES.NewExpression ? promiseTimer(inner) : undefined;
    const duration = timer?.arguments[1] && skipWrappers(timer.arguments[1]);
    if (duration?.type !== AST_NODE_TYPES.Identifier) return timer ? 0 : -1;
    const index = fn.params.findIndex(
      (p) =>
        (p.type === AST_NODE_TYPES.AssignmentPattern ? p.left : p).type ===
          AST_NODE_TYPES.Identifier &&
        ((p.type === AST_NODE_TYPES.AssignmentPattern ? p.left : p) as TSESTree.Identifier).name ===
          duration.name,
    );
    return index >= 0 ? index : 0;
  }

  // ---- library configuration -----------------------------------------------------------------

  private findLibraryConfigs(): void {
    const { requestSites, keySites, callTraces } = librarySiteIndex();
    const imported = this.file.knownModuleSources();
    if (this.model.requests.length > 0) {
      for (const { library, site } of requestSites) {
        for (const request of this.model.requests) {
          if (request.client.id !== site.client) continue;
          if (site.kind === 'request') this.configFromRequest(library, site, request);
          else this.configFromChain(library, site, request);
        }
      }
    }
    if (imported.size === 0) return;
    for (const { library, site } of keySites) {
      if (library.modules.some((m) => imported.has(m))) this.configsFromKey(library, site);
    }
    const esm: Record<string, TraceMap> = {};
    const cjs: Record<string, TraceMap> = {};
    let traced = false;
    for (const source of imported) {
      const traces = callTraces.get(source);
      if (!traces) continue;
      esm[source] = traces.esm;
      cjs[source] = traces.cjs;
      traced = true;
    }
    if (!traced) return;
    const tracker = new ReferenceTracker(this.file.trackerScope() as never);
    const found = [
      ...tracker.iterateEsmReferences(esm as never),
      ...tracker.iterateCjsReferences(cjs as never),
    ];
    // `require` is undeclared when the config has no Node globals: trace its calls too.
    if (!this.file.scopeManager.globalScope?.set.get('require')) {
      for (const call of this.file.requireCalls()) {
        const module = cjs[(call.arguments[0] as TSESTree.StringLiteral).value];
        if (module)
          found.push(...tracker.iteratePropertyReferences(call as never, module as never));
      }
    }
    const seen = new Set<Node>();
    for (const { node, info } of found) {
      const call = node as unknown as Node;
      if (
        (call.type !== AST_NODE_TYPES.CallExpression &&
          call.type !== AST_NODE_TYPES.NewExpression) ||
        seen.has(call)
      )
        continue;
      seen.add(call);
      const { library, site } = info as {
        library: RetryConfigLibrary;
        site: Extract<RetryConfigSite, { kind: 'call' | 'new' }>;
      };
      this.configFromCall(library, site, call);
    }
    this.configs.sort((a, b) => a.site.range[0] - b.site.range[0]);
  }

  private configFromRequest(
    library: RetryConfigLibrary,
    site: Extract<RetryConfigSite, { kind: 'request' }>,
    request: HttpRequest,
  ): void {
    const args = request.node.arguments;
    const optionsArgument =
      args.length >= 2 ? args[1] : args[0] && this.objectOf(args[0]) ? args[0] : undefined;
    const options = optionsArgument && this.objectOf(optionsArgument);
    if (!options) return;
    this.addConfig(library, request.node, options, site.optionsPath, request);
  }

  private configFromChain(
    library: RetryConfigLibrary,
    site: Extract<RetryConfigSite, { kind: 'chain' }>,
    request: HttpRequest,
  ): void {
    let current: Node = skipWrappersUp(request.node);
    for (let i = 0; i < 12; i++) {
      const member = current.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== current) return;
      const call = skipWrappersUp(member).parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || skipWrappers(call.callee) !== member)
        return;
      if (memberName(member) === site.method) {
        const predicate = call.arguments[site.predicateArgument];
        const fn = predicate && this.functionOf(predicate);
        const option = library.predicates[0];
        const predicates = fn ? [{ function: fn, property: undefined, option }] : [];
        const config = this.pushConfig(library, call, undefined, undefined, request, {
          predicates,
        });
        for (const p of predicates) this.predicateSite(p.function, option, config, request);
        return;
      }
      current = skipWrappersUp(call);
    }
  }

  private configsFromKey(
    library: RetryConfigLibrary,
    site: Extract<RetryConfigSite, { kind: 'key' }>,
  ): void {
    for (const property of this.file.nodesOfType(AST_NODE_TYPES.Property)) {
      if (
        property.parent.type !== AST_NODE_TYPES.ObjectExpression ||
        propertyKeyName(property) !== site.key
      )
        continue;
      const object = this.objectOf(property.value);
      if (object) this.addConfig(library, property, object, site.optionsPath, undefined);
    }
    for (const assignment of this.file.nodesOfType(AST_NODE_TYPES.AssignmentExpression)) {
      if (
        assignment.left.type !== AST_NODE_TYPES.MemberExpression ||
        memberName(assignment.left) !== site.key
      )
        continue;
      const object = this.objectOf(assignment.right);
      if (object) this.addConfig(library, assignment, object, site.optionsPath, undefined);
    }
  }

  private configFromCall(
    library: RetryConfigLibrary,
    site: Extract<RetryConfigSite, { kind: 'call' | 'new' }>,
    call: TSESTree.CallExpression | TSESTree.NewExpression,
  ): void {
    const argument = call.arguments[site.argument];
    const options = argument ? this.objectOf(argument) : undefined;
    const callbackArgument =
      site.callback === undefined ? undefined : call.arguments[site.callback];
    const callback = callbackArgument ? this.functionOf(callbackArgument) : undefined;
    const filter =
      site.filterArgument === undefined
        ? undefined
        : this.policyFilter(call.arguments[site.filterArgument]);
    const config = options
      ? this.addConfig(library, call, options, site.optionsPath, undefined, callback, filter)
      : this.pushConfig(library, call, undefined, undefined, undefined, {
          callback,
          ...(filter ? { predicates: filter.predicates, filtered: filter.filtered } : {}),
        });
    if (config && !options)
      for (const p of config.predicates)
        this.predicateSite(p.function, p.option, config, undefined);
    if (config?.callback) this.callbackSites(config, config.callback);
    // fetch-retry: `const fetchWithRetry = fetchRetry(fetch); fetchWithRetry(url, { retryOn: [...] })`.
    if (site.resultCallArgument !== undefined || site.resultMethodCallback !== undefined) {
      const top = skipWrappersUp(call);
      const declarator = top.parent;
      if (
        declarator?.type !== AST_NODE_TYPES.VariableDeclarator ||
        declarator.init !== top ||
        declarator.id.type !== AST_NODE_TYPES.Identifier
      )
        return;
      const variable = this.file.variableOf(declarator.id);
      for (const reference of variable?.references ?? []) {
        const use = skipWrappersUp(reference.identifier);
        if (
          site.resultCallArgument !== undefined &&
          use.parent?.type === AST_NODE_TYPES.CallExpression &&
          use.parent.callee === use
        ) {
          const perCall = use.parent.arguments[site.resultCallArgument];
          const object = perCall && this.objectOf(perCall);
          if (object) this.addConfig(library, use.parent, object, site.optionsPath, undefined);
        }
        if (
          site.resultMethodCallback !== undefined &&
          use.parent?.type === AST_NODE_TYPES.MemberExpression &&
          memberName(use.parent) === site.resultMethodCallback
        ) {
          const execute = skipWrappersUp(use.parent).parent;
          if (execute?.type !== AST_NODE_TYPES.CallExpression) continue;
          const fn = execute.arguments[0] && this.functionOf(execute.arguments[0]);
          if (fn && config) this.callbackSites(config, fn);
        }
      }
    }
  }

  private addConfig(
    library: RetryConfigLibrary,
    site: Node,
    given: TSESTree.ObjectExpression,
    optionsPath: readonly string[],
    request: HttpRequest | undefined,
    callback?: FunctionNode,
    filter?: { predicates: RetryPredicate[]; filtered: boolean },
  ): RetryConfig | undefined {
    // Options objects that carry no retry option are not retry configurations (an ofetch call with headers).
    if (
      optionsPath.length === 0 &&
      library.markers &&
      !library.markers.some((name) => findProperty(given, name))
    )
      return undefined;
    let options: TSESTree.ObjectExpression | undefined = given;
    let value: Node | undefined;
    for (const key of optionsPath) {
      const property = options && findProperty(options, key);
      if (!property) return undefined;
      const object = this.objectOf(property.value);
      if (!object) {
        value = property.value;
        options = undefined;
        break;
      }
      options = object;
    }
    const statusCodes =
      library.statusCodes && options
        ? this.statusList(options, library.statusCodes.name, library.statusCodes.format)
        : undefined;
    const afterStatusCodes =
      library.afterStatusCodes && options
        ? this.statusList(options, library.afterStatusCodes, 'list')
        : undefined;
    const predicates: RetryPredicate[] = [...(filter?.predicates ?? [])];
    for (const option of library.predicates) {
      const property = options && findProperty(options, option.name);
      const fn = property && this.functionOf(property.value);
      if (property && fn) predicates.push({ function: fn, property, option });
    }
    const delays: RetryDelay[] = [];
    for (const name of library.delayOptions) {
      const property = options && findProperty(options, name);
      if (property)
        delays.push({ node: property, kind: 'library-option', duration: property.value });
    }
    const beforeRetry: Node[] = [];
    for (const path of library.beforeRetry) {
      // Hooks sit next to the retry options (ky `hooks`) or inside them (axios-retry `onRetry`).
      const value =
        this.valueAt(given, path) ??
        (options && options !== given ? this.valueAt(options, path) : undefined);
      if (!value) continue;
      const inner = skipWrappers(value);
      if (inner.type === AST_NODE_TYPES.ArrayExpression) {
        for (const element of inner.elements) if (element) beforeRetry.push(element);
      } else {
        beforeRetry.push(inner);
      }
    }
    // A hook that can throw (p-retry `onFailedAttempt`) decides what is retried too.
    const filtered =
      filter?.filtered === true ||
      predicates.length > 0 ||
      (library.stop?.kind === 'abort-error' && beforeRetry.some((hook) => this.canThrow(hook)));
    const config = this.pushConfig(library, site, options, value, request, {
      statusCodes,
      afterStatusCodes,
      predicates,
      delays,
      beforeRetry,
      changesRequest: beforeRetry.some((hook) => this.hookChangesRequest(hook)),
      callback,
      filtered,
    });
    // An emptied exclusion list (`doNotRetry: []`) retries every status it used to exclude.
    if (
      statusCodes &&
      (statusCodes.entries.length > 0 ||
        (statusCodes.format === 'exclude' && statusCodes.complete && statusCodes.array))
    ) {
      let statuses = statusCodes.listed;
      if (statusCodes.format === 'exclude')
        statuses = StatusSet.range(400, 599)
          .minus(statusCodes.listed)
          .intersect(OCTOKIT_DO_NOT_RETRY.union(StatusSet.range(500, 599)));
      if (!config.changesRequest) {
        this.sites.push({
          kind: 'library-config',
          requests: request ? [request] : [],
          node: statusCodes.array ?? statusCodes.property ?? site,
          container: site,
          subject: undefined,
          statuses,
          conditions: [],
          delays,
          config,
        });
      }
    }
    for (const p of predicates) {
      if (config.changesRequest) this.predicateFunctions.add(p.function);
      else this.predicateSite(p.function, p.option, config, request);
    }
    return config;
  }

  /** cockatiel's policy argument: `handleAll` retries everything, `handleWhen(fn)` what `fn` accepts. */
  private policyFilter(
    argument: Node | undefined,
  ): { predicates: RetryPredicate[]; filtered: boolean } | undefined {
    if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return undefined;
    const inner = skipWrappers(argument);
    const name = (node: Node): string | undefined => {
      const callee = skipWrappers(node);
      return callee.type === AST_NODE_TYPES.Identifier ? callee.name : memberName(callee);
    };
    if (name(inner) === 'handleAll') return { predicates: [], filtered: false };
    if (inner.type === AST_NODE_TYPES.CallExpression) {
      const filterName = name(inner.callee);
      const role = filterName === undefined ? undefined : COCKATIEL_FILTERS[filterName];
      const fn = role && inner.arguments[0] ? this.functionOf(inner.arguments[0]) : undefined;
      if (role && fn)
        return {
          predicates: [
            {
              function: fn,
              property: undefined,
              option: { name: filterName!, parameters: [role] },
            },
          ],
          filtered: true,
        };
    }
    return { predicates: [], filtered: true };
  }

  private pushConfig(
    library: RetryConfigLibrary,
    site: Node,
    options: TSESTree.ObjectExpression | undefined,
    value: Node | undefined,
    request: HttpRequest | undefined,
    parts: Partial<RetryConfig>,
  ): RetryConfig {
    const config: RetryConfig = {
      library,
      site,
      options,
      value,
      request,
      statusCodes: undefined,
      afterStatusCodes: undefined,
      predicates: [],
      delays: [],
      beforeRetry: [],
      changesRequest: false,
      callback: undefined,
      filtered: false,
      ...parts,
    };
    this.configs.push(config);
    return config;
  }

  private valueAt(object: TSESTree.ObjectExpression, path: readonly string[]): Node | undefined {
    let current: Node = object;
    for (const key of path) {
      const o = this.objectOf(current);
      const property = o && findProperty(o, key);
      if (!property) return undefined;
      current = property.value;
    }
    return current;
  }

  /** A function (or a reference to one) whose body throws. */
  private canThrow(hook: Node): boolean {
    const fn = this.functionOf(hook);
    if (!fn)
      return (
        skipWrappers(hook).type !== AST_NODE_TYPES.Identifier ||
        (skipWrappers(hook) as TSESTree.Identifier).name !== 'undefined'
      );
    return this.file.nodesOfTypeIn(AST_NODE_TYPES.ThrowStatement, fn.body).length > 0;
  }

  /** A hook that assigns to (or calls `.set` on) something reachable from its parameters. */
  private hookChangesRequest(hook: Node): boolean {
    const fn = this.functionOf(hook);
    if (!fn) return false;
    const variables = this.file.scopeManager
      .getDeclaredVariables(fn)
      .filter((v) => v.defs.some((d) => d.type === 'Parameter'));
    for (const variable of variables) {
      for (const reference of variable.references) {
        let top: Node = skipWrappersUp(reference.identifier);
        let member = false;
        while (top.parent?.type === AST_NODE_TYPES.MemberExpression && top.parent.object === top) {
          top = skipWrappersUp(top.parent);
          member = true;
        }
        const parent = top.parent;
        if (member && parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === top)
          return true;
        if (
          member &&
          parent?.type === AST_NODE_TYPES.CallExpression &&
          parent.callee === top &&
          MUTATORS.has(memberName(top) ?? '')
        )
          return true;
      }
    }
    return false;
  }

  private statusList(
    options: TSESTree.ObjectExpression,
    name: string,
    format: 'list' | 'ranges' | 'exclude',
  ): StatusList | undefined {
    const property = findProperty(options, name);
    if (!property) return undefined;
    const array = this.arrayOf(property.value);
    if (!array)
      return {
        property,
        array: undefined,
        format,
        entries: [],
        complete: false,
        listed: StatusSet.EMPTY,
      };
    const entries: StatusListEntry[] = [];
    let complete = true;
    for (const element of array.elements) {
      if (!element || element.type === AST_NODE_TYPES.SpreadElement) {
        complete = false;
        continue;
      }
      if (format === 'ranges') {
        const pair = skipWrappers(element);
        const low =
          pair.type === AST_NODE_TYPES.ArrayExpression && pair.elements[0]
            ? resolveNumber(this.file, pair.elements[0])
            : undefined;
        const high =
          pair.type === AST_NODE_TYPES.ArrayExpression && pair.elements[1]
            ? resolveNumber(this.file, pair.elements[1])
            : undefined;
        if (low === undefined || high === undefined) {
          complete = false;
          continue;
        }
        entries.push({ node: element, statuses: StatusSet.range(low, high), range: [low, high] });
        continue;
      }
      const status = resolveNumber(this.file, element);
      if (status === undefined) {
        complete = false;
        continue;
      }
      entries.push({ node: element, statuses: StatusSet.of(status) });
    }
    const listed = entries.reduce((all, e) => all.union(e.statuses), StatusSet.EMPTY);
    return { property, array, format, entries, complete, listed };
  }

  // ---- library callbacks ----------------------------------------------------------------------

  /** Throws in the function a retry library runs: each retries the statuses its condition lets through. */
  private callbackSites(config: RetryConfig, fn: FunctionNode): void {
    const responses = itemsWithin(
      this.responsesInOrder(),
      (r) => r.helperCall ?? r.request.node,
      fn.range[0],
      fn.range[1],
    );
    if (responses.length === 0) return;
    const abortNames = this.abortErrorNames(config.library);
    for (const thrown of this.file.nodesOfTypeIn(AST_NODE_TYPES.ThrowStatement, fn.body)) {
      if (!contains(fn.body, thrown) || !this.runsIn(thrown, fn) || caughtBefore(thrown, fn))
        continue;
      if (isAbortError(thrown, abortNames)) continue;
      for (const response of responses) {
        const anchor = response.helperCall ?? response.request.node;
        if (anchor.range[1] > thrown.range[0]) continue;
        const client = THROWING_CLIENTS[response.request.client.id];
        if (client && !this.disablesThrowing(response.request, client.disabledBy)) continue;
        const { statuses, conditions } = this.narrow(thrown, response.subject, fn);
        this.addPathSite(
          'library-callback',
          [response.request],
          thrown,
          fn,
          response.subject,
          statuses,
          conditions,
          anchor,
          response,
          { config },
        );
      }
    }
  }

  /** Whether a node runs as part of `fn` itself (not in a nested function other than `.then` callbacks). */
  private runsIn(node: Node, fn: FunctionNode): boolean {
    for (let current = node.parent; current && current !== fn; current = current.parent) {
      if (isFunction(current) && !isPromiseCallback(current)) return false;
    }
    return true;
  }

  private abortErrorNames(library: RetryConfigLibrary): Set<string> {
    let names = this.abortErrorNamesOf.get(library);
    if (!names) this.abortErrorNamesOf.set(library, (names = this.findAbortErrorNames(library)));
    return names;
  }

  private findAbortErrorNames(library: RetryConfigLibrary): Set<string> {
    const names = new Set<string>();
    if (library.stop?.kind !== 'abort-error') return names;
    const exportName = library.stop.exportName;
    for (const declaration of this.file.moduleStatements()) {
      if (
        declaration.type !== AST_NODE_TYPES.ImportDeclaration ||
        !library.modules.includes(declaration.source.value)
      )
        continue;
      for (const specifier of declaration.specifiers) {
        if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
          const imported =
            specifier.imported.type === AST_NODE_TYPES.Identifier
              ? specifier.imported.name
              : specifier.imported.value;
          if (imported === exportName) names.add(specifier.local.name);
        }
      }
    }
    names.add(exportName);
    return names;
  }

  // ---- predicates -----------------------------------------------------------------------------

  private findNamedPredicates(): void {
    // Each occurrence of a name RETRY_PREDICATE_NAME accepts leads to the node there, which
    // declares a predicate when it names a function, a variable, a property, a method or a field.
    // (Comments and uses lead elsewhere.)
    for (const offset of retryPredicateNameOffsets(this.file.sourceCode.text)) {
      const named = this.file.nodeAt(offset);
      if (
        !named ||
        (named.type !== AST_NODE_TYPES.Identifier && named.type !== AST_NODE_TYPES.Literal)
      )
        continue;
      const value = declaredValue(named);
      if (!value) continue;
      const fn = skipWrappers(value.value);
      if (
        !value.name ||
        !RETRY_PREDICATE_NAME.test(value.name) ||
        !isFunction(fn) ||
        this.predicateFunctions.has(fn)
      )
        continue;
      this.predicateSite(fn, undefined, undefined, undefined);
    }
  }

  /** The statuses for which a predicate answers "retry", one site per answering return. */
  private predicateSite(
    fn: FunctionNode,
    option: RetryPredicateOption | undefined,
    config: RetryConfig | undefined,
    request: HttpRequest | undefined,
  ): void {
    if (this.predicateFunctions.has(fn)) return;
    this.predicateFunctions.add(fn);
    const subjects = this.predicateSubjects(fn, option?.parameters);
    const stopWhenTrue = option?.stopWhenTrue === true;
    const returns: Array<{ node: Node; value: Node }> = [];
    if (fn.body.type !== AST_NODE_TYPES.BlockStatement)
      returns.push({ node: fn.body, value: fn.body });
    else {
      for (const statement of returnStatementsOf(fn)) {
        if (statement.argument) returns.push({ node: statement, value: statement.argument });
      }
    }
    for (const { node, value } of returns) {
      const literal = skipWrappers(value);
      const literalValue =
        literal.type === AST_NODE_TYPES.Literal && typeof literal.value === 'boolean'
          ? literal.value
          : undefined;
      // `return false` (for wretch `until`, `return true`) says "do not retry".
      if (literalValue === stopWhenTrue) continue;
      let found:
        { subject: StatusSubject; statuses: StatusSet; conditions: RetryCondition[] } | undefined;
      for (const subject of subjects) {
        let { statuses, conditions } = this.narrow(node, subject, fn);
        if (literalValue === undefined) {
          const sets = neutralConditionSets(this.model, value, subject);
          if (!sets) continue;
          const allowed = stopWhenTrue ? sets.whenFalse : sets.whenTrue;
          statuses = statuses.intersect(allowed);
          conditions = [
            { node: value, branch: stopWhenTrue ? 'false' : 'true', allowed, sets },
            ...conditions,
          ];
        }
        if (conditions.length > 0) {
          found = { subject, statuses, conditions };
          break;
        }
      }
      if (found) {
        if (found.statuses.isEmpty) continue;
        // `if (res.status === 401) { cache.invalidate(); return true; }`: a refresh, the retry differs.
        if (found.statuses.isSubsetOf(AUTH_STATUSES) && this.callsBefore(node)) continue;
      } else if (literalValue === undefined || !config) {
        // An unconditional `return true` counts only in a library option (the code says "retry everything").
        continue;
      }
      this.sites.push({
        kind: 'predicate',
        requests: request ? [request] : [],
        node,
        container: fn,
        subject: found?.subject,
        statuses: found?.statuses ?? StatusSet.ALL,
        conditions: found?.conditions ?? [],
        delays: config?.delays ?? [],
        ...(config ? { config } : {}),
      });
    }
  }

  /** Status subjects for a predicate's parameters: holders (`err.response.status`) or statuses. */
  private predicateSubjects(
    fn: FunctionNode,
    parameters: readonly PredicateParameter[] | undefined,
  ): StatusSubject[] {
    const subjects: StatusSubject[] = [];
    fn.params.forEach((param, index) => {
      const role = parameters?.[index];
      if (role === 'other') return;
      const target = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
      if (target.type === AST_NODE_TYPES.ObjectPattern) {
        // `({ error }) => …`, `({ response }) => …`
        const subject = new StatusSubject(this.file);
        for (const property of target.properties) {
          if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
          const key = propertyKeyName(property);
          if (key === 'error' || key === 'response' || key === 'err')
            subject.bindHolderPattern(property.value);
          if (key === 'status' || key === 'statusCode') subject.bindHolderPattern(target);
        }
        subjects.push(subject);
        return;
      }
      if (target.type !== AST_NODE_TYPES.Identifier) return;
      const variable = this.file.variableOf(target);
      if (!variable) return;
      if (role === 'context') {
        // `ctx.error.response.status`: `ctx.error` is the holder.
        const subject = new StatusSubject(this.file);
        for (const reference of variable.references) {
          const member = skipWrappersUp(reference.identifier).parent;
          if (
            member?.type === AST_NODE_TYPES.MemberExpression &&
            (memberName(member) === 'error' || memberName(member) === 'response')
          )
            subject.addHolderExpression(member);
        }
        subject.addHolderVariable(variable);
        subjects.push(subject);
        return;
      }
      subjects.push(this.model.subjectOfVariable(variable));
      if (role === undefined && this.comparedWithStatus(variable)) {
        // Not `model.subjectOfVariable(variable, 'status')`: that caches one subject per variable.
        const status = new StatusSubject(this.file);
        status.addStatusVariable(variable);
        subjects.push(status);
      }
    });
    return subjects;
  }

  /** A parameter compared with a number in 100–599 or looked up in a list: it is a status. */
  private comparedWithStatus(variable: TSESLint.Scope.Variable): boolean {
    return variable.references.some((reference) => {
      const top = skipWrappersUp(reference.identifier);
      const parent = top.parent;
      if (parent?.type === AST_NODE_TYPES.BinaryExpression) {
        const other = parent.left === top ? parent.right : parent.left;
        const value = resolveNumber(this.file, other);
        return value !== undefined && value >= 100 && value <= 599;
      }
      if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === top) {
        const callee = skipWrappers(parent.callee);
        const name =
          callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
        return name === 'includes' || name === 'has';
      }
      return false;
    });
  }

  // ---- values ---------------------------------------------------------------------------------

  private objectOf(node: Node): TSESTree.ObjectExpression | undefined {
    const inner = this.resolveConst(node);
    return inner?.type === AST_NODE_TYPES.ObjectExpression ? inner : undefined;
  }

  private arrayOf(node: Node): TSESTree.ArrayExpression | undefined {
    let inner = this.resolveConst(node);
    // `new Set([...])`
    if (inner?.type === AST_NODE_TYPES.NewExpression && inner.arguments[0])
      inner = this.resolveConst(inner.arguments[0]);
    return inner?.type === AST_NODE_TYPES.ArrayExpression ? inner : undefined;
  }

  private functionOf(node: Node): FunctionNode | undefined {
    const inner = skipWrappers(node);
    if (isFunction(inner)) return inner;
    if (inner.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = this.file.variableOf(inner);
    const def = variable?.defs[0];
    if (def?.type === 'FunctionName' && def.node.type === AST_NODE_TYPES.FunctionDeclaration)
      return def.node;
    const init = variable ? constInitializer(variable) : undefined;
    const fn = init && skipWrappers(init);
    return fn && isFunction(fn) ? fn : undefined;
  }

  private resolveConst(node: Node, depth = 0): Node | undefined {
    const inner = skipWrappers(node);
    if (inner.type !== AST_NODE_TYPES.Identifier || depth > MAX_DEPTH) return inner;
    const variable = this.file.variableOf(inner);
    if (!variable || isParameter(variable)) return undefined;
    const init = constInitializer(variable);
    return init ? this.resolveConst(init, depth + 1) : undefined;
  }
}

const MUTATORS = new Set(['set', 'append', 'delete', 'push', 'splice', 'unshift']);
const FAILURES = StatusSet.range(400, 599);
const SUCCESSES = StatusSet.range(200, 299);

/** In a poll, a path taken after a success or after any failure is the poll going round, not a retry. */
function pollsOn(statuses: StatusSet): boolean {
  return FAILURES.isSubsetOf(statuses) || !statuses.intersect(SUCCESSES).isEmpty;
}

/**
 * A URL of a readiness or liveness check, or of the local machine: `/health`, `/readyz`,
 * `http://localhost:3000/…`. Polled until a server that was just started answers; no rate limit
 * to honour.
 */
const READINESS_URL =
  /^[a-z][\w+.-]*:\/\/(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])(?:[:/?#]|$)|\/(?:health|healthz|healthcheck|health-check|ready|readyz|readiness|live|livez|liveness|ping)(?:[/?#]|$)/i;

/** Whether the request's URL, as written, is one `READINESS_URL` describes. */
function pollsReadiness(file: HttpModel['file'], request: HttpRequest): boolean {
  for (const argument of request.node.arguments.slice(0, 2)) {
    let value: Node | undefined = skipWrappers(argument);
    if (value.type === AST_NODE_TYPES.Identifier) {
      const variable = file.variableOf(value);
      value = variable && !isParameter(variable) ? constInitializer(variable) : undefined;
      if (value) value = skipWrappers(value);
    }
    let text: string | undefined;
    if (value?.type === AST_NODE_TYPES.Literal && typeof value.value === 'string')
      text = value.value;
    else if (value?.type === AST_NODE_TYPES.TemplateLiteral)
      text = value.quasis.map((quasi) => quasi.value.cooked ?? '').join('x');
    if (text !== undefined && READINESS_URL.test(text)) return true;
  }
  return false;
}

/** Whether a `return`, `throw` or `break` statement holds `node` before the loop: it leaves, not goes round. */
function exitsAround(node: Node, loop: Node): boolean {
  for (let current = node.parent; current && current !== loop; current = current.parent) {
    if (
      current.type === AST_NODE_TYPES.ReturnStatement ||
      current.type === AST_NODE_TYPES.ThrowStatement ||
      current.type === AST_NODE_TYPES.BreakStatement
    )
      return true;
  }
  return false;
}
const OCTOKIT_DO_NOT_RETRY = StatusSet.of(400, 401, 403, 404, 410, 422, 451);

/**
 * Condition sets where operands that do not test the subject are neutral: `isNetworkError(e) ||
 * e.status >= 500` holds for 5xx (not "for anything"), `tries < 3 && !res.ok` for non-2xx.
 */
export function neutralConditionSets(
  model: HttpModel,
  condition: Node,
  subject: StatusSubject,
  /** Which unknown operands are neutral; all of them when omitted. Others may hold for any status. */
  isNeutral?: (operand: Node) => boolean,
): ConditionSets | undefined {
  const node = skipWrappers(condition);
  if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!') {
    const inner = neutralConditionSets(model, node.argument, subject, isNeutral);
    return inner && { whenTrue: inner.whenFalse, whenFalse: inner.whenTrue };
  }
  if (node.type === AST_NODE_TYPES.LogicalExpression && node.operator !== '??') {
    const unknown = { whenTrue: StatusSet.ALL, whenFalse: StatusSet.ALL };
    let left = neutralConditionSets(model, node.left, subject, isNeutral);
    let right = neutralConditionSets(model, node.right, subject, isNeutral);
    if (!left && !right) return undefined;
    if (isNeutral) {
      left ??= isNeutral(node.left) ? undefined : unknown;
      right ??= isNeutral(node.right) ? undefined : unknown;
    }
    if (!left || !right) return left ?? right;
    if (node.operator === '&&') {
      return {
        whenTrue: left.whenTrue.intersect(right.whenTrue),
        whenFalse: left.whenFalse.union(right.whenFalse),
      };
    }
    return {
      whenTrue: left.whenTrue.union(right.whenTrue),
      whenFalse: left.whenFalse.intersect(right.whenFalse),
    };
  }
  return model.conditionSets(node, subject);
}

type TraceMap = Record<string | symbol, unknown>;
type SiteOf<K extends RetryConfigSite['kind']> = Extract<RetryConfigSite, { kind: K }>;

interface LibrarySiteIndex {
  /** Options passed with a request (`ky(u, { retry })`) or chained on it: by the request's client. */
  readonly requestSites: ReadonlyArray<{
    library: RetryConfigLibrary;
    site: SiteOf<'request' | 'chain'>;
  }>;
  /** Option keys read wherever a library is imported. */
  readonly keySites: ReadonlyArray<{ library: RetryConfigLibrary; site: SiteOf<'key'> }>;
  /** ReferenceTracker maps of the libraries' configuring calls, by module. */
  readonly callTraces: ReadonlyMap<string, { esm: TraceMap; cjs: TraceMap }>;
}

let cachedLibrarySiteIndex: LibrarySiteIndex | undefined;

/** The retry libraries' table, indexed once so a file pays only for the modules it imports. */
function librarySiteIndex(): LibrarySiteIndex {
  if (cachedLibrarySiteIndex) return cachedLibrarySiteIndex;
  const requestSites: Array<{ library: RetryConfigLibrary; site: SiteOf<'request' | 'chain'> }> =
    [];
  const keySites: Array<{ library: RetryConfigLibrary; site: SiteOf<'key'> }> = [];
  const callTraces = new Map<string, { esm: TraceMap; cjs: TraceMap }>();
  for (const library of RETRY_CONFIG_LIBRARIES) {
    for (const site of library.sites) {
      switch (site.kind) {
        case 'request':
        case 'chain':
          requestSites.push({ library, site });
          break;
        case 'key':
          keySites.push({ library, site });
          break;
        default: {
          let trace: TraceMap = { [site.kind === 'new' ? CONSTRUCT : CALL]: { library, site } };
          for (const name of [...site.path].reverse()) trace = { [name]: trace };
          let traces = callTraces.get(site.source);
          if (!traces) callTraces.set(site.source, (traces = { esm: { [ESM]: true }, cjs: {} }));
          mergeTrace(traces.esm, site.exportName, trace);
          if (site.exportName === 'default') {
            mergeInto(traces.cjs, trace);
            mergeTrace(traces.cjs, 'default', trace);
          } else {
            mergeTrace(traces.cjs, site.exportName, trace);
          }
        }
      }
    }
  }
  return (cachedLibrarySiteIndex = { requestSites, keySites, callTraces });
}

function mergeTrace(
  target: Record<string | symbol, unknown>,
  key: string,
  trace: Record<string | symbol, unknown>,
): void {
  const existing = target[key] as Record<string | symbol, unknown> | undefined;
  if (existing) mergeInto(existing, trace);
  else target[key] = { ...trace };
}

function mergeInto(
  target: Record<string | symbol, unknown>,
  trace: Record<string | symbol, unknown>,
): void {
  for (const key of [...Object.keys(trace), ...Object.getOwnPropertySymbols(trace)]) {
    const value = trace[key];
    if (typeof key === 'string' && target[key] && typeof value === 'object')
      mergeInto(
        target[key] as Record<string | symbol, unknown>,
        value as Record<string | symbol, unknown>,
      );
    else target[key] = value;
  }
}

/** `axios.isAxiosError(e)`, `isHTTPError(e)`, `e instanceof HTTPError`, `e.response`, `!res`: only asks whether there is an HTTP error or response. */
function isErrorGuard(operand: Node, subject: StatusSubject): boolean {
  let node = skipWrappers(operand);
  while (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!')
    node = skipWrappers(node.argument);
  // `!res || res.status === 429`: whether there is a response at all says nothing of its status.
  if (node.type === AST_NODE_TYPES.Identifier) return subject.isHolder(node);
  if (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === 'instanceof')
    return subject.isHolder(node.left);
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const callee = skipWrappers(node.callee);
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : memberName(callee);
    return (
      name !== undefined &&
      /^is\w*Error$/.test(name) &&
      node.arguments[0] !== undefined &&
      subject.isHolder(node.arguments[0])
    );
  }
  return (
    node.type === AST_NODE_TYPES.MemberExpression &&
    memberName(node) === 'response' &&
    subject.isHolder(node.object)
  );
}

/** The loop a `continue` goes back to. */
function continueTarget(statement: TSESTree.ContinueStatement): Node | undefined {
  for (let current: Node | undefined = statement.parent; current; current = current.parent) {
    if (isFunction(current)) return undefined;
    if (!isLoop(current)) continue;
    if (!statement.label) return current;
    const labeled = current.parent;
    if (
      labeled?.type === AST_NODE_TYPES.LabeledStatement &&
      labeled.label.name === statement.label.name
    )
      return current;
  }
  return undefined;
}

/** Whether `node` is in the catch clause of a try whose block holds `anchor`. */
function insideCatchOf(node: Node, anchor: Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.CatchClause && contains(current.parent.block, anchor))
      return true;
    if (isFunction(current) && !isPromiseCallback(current)) return false;
  }
  return false;
}

/** Whether a throw is caught by a try between it and `boundary` (one whose `catch` ends by rethrowing lets it through). */
function caughtBefore(thrown: Node, boundary: Node): boolean {
  let child: Node = thrown;
  for (
    let current = thrown.parent;
    current && current !== boundary;
    child = current, current = current.parent
  ) {
    if (
      current.type === AST_NODE_TYPES.TryStatement &&
      current.block === child &&
      current.handler &&
      !rethrows(current.handler)
    )
      return true;
  }
  return false;
}

/** `catch (error) { log(error); throw error; }`. */
function rethrows(handler: TSESTree.CatchClause): boolean {
  const last = handler.body.body.at(-1);
  if (
    last?.type !== AST_NODE_TYPES.ThrowStatement ||
    handler.param?.type !== AST_NODE_TYPES.Identifier
  )
    return false;
  const argument = skipWrappers(last.argument);
  return argument.type === AST_NODE_TYPES.Identifier && argument.name === handler.param.name;
}

function isAbortError(thrown: TSESTree.ThrowStatement, names: ReadonlySet<string>): boolean {
  const argument = skipWrappers(thrown.argument);
  if (argument.type !== AST_NODE_TYPES.NewExpression) return false;
  const callee = skipWrappers(argument.callee);
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : memberName(callee);
  return name !== undefined && names.has(name);
}

/** Functions passed to `.then`/`.catch`/`.finally` or `setTimeout`: they run as part of the enclosing flow. */
function isPromiseCallback(fn: FunctionNode): boolean {
  const parent = skipWrappersUp(fn).parent;
  if (parent?.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipWrappers(parent.callee);
  const name =
    callee.type === AST_NODE_TYPES.MemberExpression
      ? memberName(callee)
      : callee.type === AST_NODE_TYPES.Identifier
        ? callee.name
        : undefined;
  return name === 'then' || name === 'catch' || name === 'finally' || name === 'setTimeout';
}

/**
 * Whether a wait holds back the retry at `to`. A bare `setTimeout(cb, ms)` does only when it is
 * the retry's timer or its callback makes the retry: an abort timer, a redirect or a toast
 * scheduled on the way does not delay the next attempt.
 */
function resumesRetry(delay: RetryDelay, to: Node): boolean {
  if (delay.kind !== 'timer' || delay.node === to) return true;
  const callback =
    delay.node.type === AST_NODE_TYPES.CallExpression ? delay.node.arguments[0] : undefined;
  return callback !== undefined && contains(callback, to);
}

/** The `setTimeout(…)` call whose callback holds `node`, inside `fn`. */
function timerCallOf(node: Node, fn: FunctionNode): TSESTree.CallExpression | undefined {
  for (let current = node.parent; current && current !== fn; current = current.parent) {
    if (!isFunction(current)) continue;
    const call = skipWrappersUp(current).parent;
    if (call?.type === AST_NODE_TYPES.CallExpression) {
      const callee = skipWrappers(call.callee);
      if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'setTimeout') return call;
    }
  }
  return undefined;
}

/** The `.catch(cb)` callback (or `.then(_, cb)`) that holds `node`, inside `fn`. */
function promiseCatchCallbackOf(node: Node, fn: FunctionNode): FunctionNode | undefined {
  for (let current = node.parent; current && current !== fn; current = current.parent) {
    if (!isFunction(current)) continue;
    const top = skipWrappersUp(current);
    const call = top.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression) continue;
    const callee = skipWrappers(call.callee);
    const name = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
    if (
      (name === 'catch' && call.arguments[0] === top) ||
      (name === 'then' && call.arguments[1] === top)
    )
      return current;
  }
  return undefined;
}

/** `new Promise(resolve => setTimeout(resolve, ms))`: the inner `setTimeout` call. */
/** Whether a `setTimeout(…)` call is the one a `new Promise(r => setTimeout(r, ms))` waits with. */
function isTimerOfPromise(call: TSESTree.CallExpression): boolean {
  let node: Node | undefined = call.parent;
  // The executor's body, its block and statement, and wrappers: a few levels at most.
  for (let depth = 0; node && depth < 6; depth++, node = node.parent) {
    if (node.type === AST_NODE_TYPES.NewExpression) return promiseTimer(node) === call;
  }
  return false;
}

function promiseTimer(expression: TSESTree.NewExpression): TSESTree.CallExpression | undefined {
  if (expression.callee.type !== AST_NODE_TYPES.Identifier || expression.callee.name !== 'Promise')
    return undefined;
  const executor = expression.arguments[0];
  if (!executor || !isFunction(executor)) return undefined;
  let body: Node | undefined = executor.body;
  if (body.type === AST_NODE_TYPES.BlockStatement) {
    body =
      body.body.length === 1 && body.body[0]!.type === AST_NODE_TYPES.ExpressionStatement
        ? body.body[0].expression
        : undefined;
  }
  const call = body && skipWrappers(body);
  if (call?.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = skipWrappers(call.callee);
  return callee.type === AST_NODE_TYPES.Identifier && callee.name === 'setTimeout'
    ? call
    : undefined;
}

/** A method's name as `this.x` calls it: `load`, `#load` for a private one; undefined when computed. */
function methodKey(method: TSESTree.MethodDefinition): string | undefined {
  if (method.key.type === AST_NODE_TYPES.PrivateIdentifier) return `#${method.key.name}`;
  return propertyKeyName(method);
}

function memberKey(member: TSESTree.MemberExpression): string | undefined {
  if (member.property.type === AST_NODE_TYPES.PrivateIdentifier) return `#${member.property.name}`;
  return memberName(member);
}

/** Whether `this` in `member` is the `this` of `fn` (no non-arrow function in between). */
function thisBindsTo(member: Node, fn: FunctionNode): boolean {
  for (let current = member.parent; current && current !== fn; current = current.parent) {
    if (
      current.type === AST_NODE_TYPES.FunctionExpression ||
      current.type === AST_NODE_TYPES.FunctionDeclaration
    )
      return false;
  }
  return true;
}

/** The variables through which a function can be called: its name, or the `const` it is assigned to. */
function functionVariables(
  scopeManager: TSESLint.Scope.ScopeManager,
  fn: FunctionNode,
): TSESLint.Scope.Variable[] {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) {
    return scopeManager.getDeclaredVariables(fn).filter((v) => v.name === fn.id!.name);
  }
  if (fn.type === AST_NODE_TYPES.FunctionExpression && fn.id) {
    const own = scopeManager.getDeclaredVariables(fn).filter((v) => v.name === fn.id!.name);
    if (own.length > 0) return own;
  }
  let top = skipWrappersUp(fn);
  // `const load = useCallback(async () => { … load() … }, deps)`: React keeps the same function.
  const hook = top.parent;
  if (
    hook?.type === AST_NODE_TYPES.CallExpression &&
    hook.arguments[0] === top &&
    calleeName(hook) === 'useCallback'
  )
    top = skipWrappersUp(hook);
  const parent = top.parent;
  if (
    parent?.type === AST_NODE_TYPES.VariableDeclarator &&
    parent.init === top &&
    parent.id.type === AST_NODE_TYPES.Identifier
  ) {
    return scopeManager.getDeclaredVariables(parent);
  }
  return [];
}

/** `name(…)` or `object.name(…)`: the name called. */
function calleeName(call: TSESTree.CallExpression): string | undefined {
  const callee = skipWrappers(call.callee);
  return callee.type === AST_NODE_TYPES.Identifier ? callee.name : memberName(callee);
}
