/**
 * What a retry path's statuses do not show. A rule that reports the statuses a retry carries stays
 * silent where the path passes a filter the analysis cannot evaluate (a miss beats a false report):
 *
 * - `unevaluatedFilter(model, site)`: a condition on the way to the retry that reads the response,
 *   the error or something derived from them (`e.message`, the body's text, `e instanceof
 *   ClientError` before a rethrow, a predicate defined elsewhere) and that the narrowing cannot
 *   read; or an exit on an error guard (`if (e instanceof HttpError) return …`), after which only
 *   errors without a status reach the retry.
 * - `readsRateLimitHeader(model, site)`: the retry reads `Retry-After`, a rate-limit header or a
 *   server's retry directive (`x-should-retry`): the server asked for it, whatever the status
 *   (GitHub's secondary rate limits answer 403).
 * - `hostRateLimitStatuses(model, site)`: the statuses the retry's API is documented to answer
 *   rate limits with (`RATE_LIMIT_STATUS_HOSTS`: 403 from api.github.com): retrying them is not
 *   retrying a client error.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../core/node-types';

import type { Node } from '../core/ast';
import { alwaysExits, contains, isFunction, memberName, skipWrappers } from '../core/ast';
import { RATE_LIMIT_STATUS_HOSTS } from '../libraries/clients';
import { RETRY_PREDICATE_NAME } from '../libraries/retry';
import type { HttpModel } from '../model';
import type { RetrySite } from './types';
import { retriedOrigins } from './wrapped-requests';
import { StatusSet } from '../status/status-set';
import { StatusSubject } from '../status/subject';

/** Headers by which a server says "rate limited, come back later". */
const RATE_LIMIT_HEADER =
  /^(?:retry-after(?:-ms)?|x-ratelimit-[\w-]+|x-rate-limit-[\w-]+|ratelimit(?:-[\w-]+)?)$/i;
/** Headers by which a server says whether to retry this response (Stainless-generated SDKs read `x-should-retry`). */
const RETRY_DIRECTIVE_HEADERS: ReadonlySet<string> = new Set(['x-should-retry']);
const MAX_DERIVED_DEPTH = 2;

/** The first filter on the retry path the analysis cannot evaluate, if any. */
/** `statuses`: those the caller would report (default: all the path carries); a filter may keep one of them out. */
export function unevaluatedFilter(
  model: HttpModel,
  site: RetrySite,
  statuses: StatusSet = site.statuses,
): Node | undefined {
  const file = model.file;
  // A predicate whose answer reads no status still has its parameters: the error it is given.
  const subject = site.subject ?? new StatusSubject(file);
  const parameters: TSESLint.Scope.Variable[] = [];
  if (!site.subject && site.kind === 'predicate' && isFunction(site.container)) {
    const fn = site.container;
    const roles = site.config?.predicates.find((p) => p.function === fn)?.option?.parameters;
    fn.params.forEach((param, index) => {
      // fetch-retry's `attempt`: not the error nor the response.
      if (roles?.[index] === 'other') return;
      for (const variable of file.scopeManager.getDeclaredVariables(fn))
        if (variable.defs.some((d) => contains(param, d.name))) parameters.push(variable);
    });
  }
  const watched = new Set<TSESLint.Scope.Variable>([
    ...subject.holderVariables,
    ...subject.statusVariables,
    ...catchParametersOf(model, site),
    ...parameters,
  ]);
  const derived = new Map<TSESLint.Scope.Variable, boolean>();

  /** A variable that holds the response, the error, or a value read from them (`const msg = e.message`). */
  const isWatched = (variable: TSESLint.Scope.Variable, depth = 0): boolean => {
    if (watched.has(variable)) return true;
    const known = derived.get(variable);
    if (known !== undefined) return known;
    derived.set(variable, false);
    const def = variable.defs.length === 1 ? variable.defs[0] : undefined;
    const init = def?.type === 'Variable' ? def.node.init : undefined;
    const result =
      init !== null && init !== undefined && depth < MAX_DERIVED_DEPTH && reads(init, depth + 1);
    derived.set(variable, result);
    return result;
  };
  const reads = (node: Node, depth = 0): boolean =>
    some(node, (n) => {
      if (subject.isHolder(n) || subject.isStatus(n) || subject.isOk(n)) return true;
      if (n.type !== AST_NODE_TYPES.Identifier) return false;
      const variable = file.variableOf(n);
      return variable !== null && isWatched(variable, depth);
    });
  const isGuard = (node: Node): boolean => {
    const inner = skipWrappers(node);
    if (inner.type === AST_NODE_TYPES.BinaryExpression && inner.operator === 'instanceof')
      return reads(inner.left);
    if (inner.type === AST_NODE_TYPES.CallExpression) {
      const callee = skipWrappers(inner.callee);
      const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : memberName(callee);
      // `isAxiosError(e)` asks whether it is an HTTP error; `isRetryableError(e)` decides the retry.
      return (
        name !== undefined &&
        /^is\w*Error$/.test(name) &&
        !RETRY_PREDICATE_NAME.test(name) &&
        inner.arguments[0] !== undefined &&
        reads(inner.arguments[0])
      );
    }
    return (
      inner.type === AST_NODE_TYPES.MemberExpression &&
      memberName(inner) === 'response' &&
      reads(inner.object)
    );
  };
  /** `res`, `!res`, `res == null`, `err.response`: whether there is a response at all. */
  const isPresence = (node: Node): boolean => {
    const inner = skipWrappers(node);
    if (subject.isHolder(inner) || isGuard(inner)) return true;
    if (inner.type === AST_NODE_TYPES.Identifier) {
      const variable = file.variableOf(inner);
      return variable !== null && watched.has(variable);
    }
    // `res != null`, `status !== undefined`, `undefined !== status`
    if (inner.type === AST_NODE_TYPES.BinaryExpression && /^[!=]==?$/.test(inner.operator)) {
      const { left, right } = inner;
      if (left.type === AST_NODE_TYPES.PrivateIdentifier) return false;
      if (isNullish(right)) return isPresence(left);
      return isNullish(left) && isPresence(right);
    }
    return false;
  };
  /**
   * The statuses for which `condition` surely comes out `want`, reading what the narrowing cannot
   * evaluate but reads the response or error as able to go either way (`!response.ok || data.error`
   * surely holds for non-2xx; `status === 400 && body.error === 'slow_down'` for none).
   */
  const surely = (condition: Node, want: boolean): StatusSet => {
    const inner = skipWrappers(condition);
    if (inner.type === AST_NODE_TYPES.UnaryExpression && inner.operator === '!')
      return surely(inner.argument, !want);
    if (inner.type === AST_NODE_TYPES.LogicalExpression && inner.operator !== '??') {
      const left = surely(inner.left, want);
      const right = surely(inner.right, want);
      return (inner.operator === '&&') === want ? left.intersect(right) : left.union(right);
    }
    const sets = model.conditionSets(inner, subject);
    if (sets) return want ? sets.whenTrue : sets.whenFalse;
    return isPresence(inner) || !reads(inner) ? StatusSet.ALL : StatusSet.EMPTY;
  };
  const bad = statuses;
  for (const condition of site.conditions) {
    if (condition.node.type === AST_NODE_TYPES.SwitchCase) continue;
    if (!bad.isSubsetOf(surely(condition.node, condition.branch !== 'false')))
      return condition.node;
  }
  // Tests on the way that narrow nothing the narrowing reads (`if (n && (await this.decide(res)))`);
  // a predicate's own returns are read by its evaluation.
  for (const { test, want } of site.kind === 'predicate' ? [] : enclosingTests(site)) {
    if (!site.conditions.some((c) => c.node === test) && !bad.isSubsetOf(surely(test, want)))
      return test;
  }
  /** `e instanceof ClientError`, alone or as an operand of `||` (`… || retries <= 0`): it exits whenever the guard holds. */
  const exitsOnGuard = (test: Node): boolean => {
    const inner = skipWrappers(test);
    return (
      isGuard(inner) ||
      (inner.type === AST_NODE_TYPES.LogicalExpression &&
        inner.operator === '||' &&
        (exitsOnGuard(inner.left) || exitsOnGuard(inner.right)))
    );
  };
  for (const exit of exitsBefore(site)) {
    // `if (e instanceof HttpError) return …`: what goes on is not an HTTP error.
    if (exitsOnGuard(exit.test) || !bad.isSubsetOf(surely(exit.test, false))) return exit.test;
  }
  return undefined;
}

/** Whether the retry reads `Retry-After`, a rate-limit header or a retry directive: in a condition, in its branch, or in a value a condition reads. */
export function readsRateLimitHeader(model: HttpModel, site: RetrySite): boolean {
  const file = model.file;
  const isHeaderName = (n: Node): boolean =>
    (n.type === AST_NODE_TYPES.Literal &&
      typeof n.value === 'string' &&
      (RATE_LIMIT_HEADER.test(n.value) || RETRY_DIRECTIVE_HEADERS.has(n.value.toLowerCase()))) ||
    (n.type === AST_NODE_TYPES.MemberExpression &&
      !n.computed &&
      n.property.type === AST_NODE_TYPES.Identifier &&
      /^retryAfter$/i.test(n.property.name));
  const innermost = site.conditions.find((c) => c.node.type !== AST_NODE_TYPES.SwitchCase)?.node;
  if (innermost) {
    const end = site.node === site.container ? site.container.range[1] : site.node.range[1];
    if (
      end > innermost.range[0] &&
      file.nodesOfTypeIn(AST_NODE_TYPES.Literal, innermost.range[0], end).some(isHeaderName)
    )
      return true;
  }
  for (const condition of site.conditions) {
    const found = some(condition.node, (n) => {
      if (isHeaderName(n)) return true;
      if (n.type !== AST_NODE_TYPES.Identifier) return false;
      const variable = file.variableOf(n);
      const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      const init = def?.type === 'Variable' ? def.node.init : undefined;
      return init !== null && init !== undefined && some(init, isHeaderName);
    });
    if (found) return true;
  }
  return false;
}

/**
 * The statuses every request of the retry gets from its API for a rate limit, beyond 429
 * (`RATE_LIMIT_STATUS_HOSTS`: 403 from api.github.com); empty where a request's host is unknown.
 */
export function hostRateLimitStatuses(model: HttpModel, site: RetrySite): StatusSet {
  let result: StatusSet | undefined;
  for (const request of site.requests) {
    const url = urlPrefix(model, request.node.arguments[0]);
    const host =
      url === undefined ? undefined : /^https?:\/\/([^/?#:]+)/i.exec(url)?.[1]?.toLowerCase();
    const row = RATE_LIMIT_STATUS_HOSTS.find((r) => r.host === host);
    if (!row) return StatusSet.EMPTY;
    const statuses = StatusSet.of(...row.statuses);
    result = result ? result.intersect(statuses) : statuses;
  }
  return result ?? StatusSet.EMPTY;
}

/** The text a URL argument starts with: a string, a template's head, or a `const` holding one. */
function urlPrefix(model: HttpModel, argument: Node | undefined, depth = 0): string | undefined {
  if (!argument) return undefined;
  const inner = skipWrappers(argument);
  if (inner.type === AST_NODE_TYPES.Literal)
    return typeof inner.value === 'string' ? inner.value : undefined;
  if (inner.type === AST_NODE_TYPES.TemplateLiteral)
    return inner.quasis[0]?.value.cooked ?? undefined;
  if (inner.type === AST_NODE_TYPES.Identifier && depth < MAX_DERIVED_DEPTH) {
    const variable = model.file.variableOf(inner);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type === 'Variable' && def.node.init && def.parent.kind === 'const')
      return urlPrefix(model, def.node.init, depth + 1);
  }
  return undefined;
}

/** The tests the retry sits under, from the retry out to its container, each with the outcome that leads to it. */
function enclosingTests(site: RetrySite): Array<{ test: Node; want: boolean }> {
  const tests: Array<{ test: Node; want: boolean }> = [];
  if (site.node === site.container) return tests;
  let child: Node = site.node;
  for (
    let parent = child.parent;
    parent && parent !== site.container;
    child = parent, parent = parent.parent
  ) {
    if (isFunction(parent)) break;
    if (
      parent.type === AST_NODE_TYPES.IfStatement ||
      parent.type === AST_NODE_TYPES.ConditionalExpression
    ) {
      if (child !== parent.test)
        tests.push({ test: parent.test, want: child === parent.consequent });
    } else if (
      parent.type === AST_NODE_TYPES.LogicalExpression &&
      parent.operator !== '??' &&
      child === parent.right
    ) {
      tests.push({ test: parent.left, want: parent.operator === '&&' });
    }
  }
  return tests;
}

/** `if (test) <exit>` statements before the retry, in the blocks that lead to it (the `catch` body included). */
function exitsBefore(site: RetrySite): TSESTree.IfStatement[] {
  const exits: TSESTree.IfStatement[] = [];
  const collect = (statements: readonly TSESTree.Statement[], before: Node | undefined): void => {
    for (const statement of statements) {
      if (before && statement.range[0] >= before.range[0]) break;
      if (
        statement.type === AST_NODE_TYPES.IfStatement &&
        !statement.alternate &&
        alwaysExits(statement.consequent)
      )
        exits.push(statement);
    }
  };
  const from = site.node === site.container ? undefined : site.node;
  if (from) {
    let child: Node = from;
    for (
      let parent = from.parent;
      parent && parent !== site.container;
      child = parent, parent = parent.parent
    ) {
      if (isFunction(parent)) break;
      if (parent.type === AST_NODE_TYPES.BlockStatement) collect(parent.body, child);
    }
  }
  // Falling to the end of the loop: the statements after the request are on the path.
  const anchor = site.response
    ? (site.response.helperCall ?? site.response.request.node)
    : undefined;
  // (Not for a `catch` retry: the throws after the request lead to it.)
  if (!from && anchor && site.kind !== 'catch' && contains(site.container, anchor)) {
    let child: Node = anchor;
    for (
      let parent: Node | undefined = anchor.parent;
      parent && parent !== site.container;
      child = parent, parent = parent.parent
    ) {
      if (isFunction(parent)) break;
      const after = child.range[1];
      if (parent.type === AST_NODE_TYPES.BlockStatement)
        collect(
          parent.body.filter((s) => s.range[0] >= after),
          undefined,
        );
    }
  }
  // A `catch` that falls to the end of the loop: its whole body is on the path.
  if (site.kind === 'catch' && !from) {
    for (const origin of retriedOrigins(site)) {
      for (
        let current: Node | undefined = origin.parent;
        current && current !== site.container;
        current = current.parent
      ) {
        if (
          current.type === AST_NODE_TYPES.TryStatement &&
          current.handler &&
          contains(current.block, origin)
        )
          collect(current.handler.body.body, undefined);
      }
    }
  }
  return exits;
}

/** The parameters of the `catch` clauses the retry goes through. */
function catchParametersOf(model: HttpModel, site: RetrySite): TSESLint.Scope.Variable[] {
  if (site.kind !== 'catch') return [];
  const parameters: TSESLint.Scope.Variable[] = [];
  const add = (handler: TSESTree.CatchClause | null): void => {
    const param = handler?.param;
    const variable =
      param?.type === AST_NODE_TYPES.Identifier ? model.file.variableOf(param) : null;
    if (variable) parameters.push(variable);
  };
  for (
    let current: Node | undefined = site.node.parent;
    current && current !== site.container;
    current = current.parent
  ) {
    if (current.type === AST_NODE_TYPES.CatchClause) add(current);
  }
  for (const origin of retriedOrigins(site)) {
    for (
      let current: Node | undefined = origin.parent;
      current && current !== site.container;
      current = current.parent
    ) {
      if (current.type === AST_NODE_TYPES.TryStatement && contains(current.block, origin))
        add(current.handler);
    }
  }
  return parameters;
}

/** `null` or `undefined`. */
function isNullish(node: Node): boolean {
  const value = skipWrappers(node);
  return (
    (value.type === AST_NODE_TYPES.Literal && value.value === null) ||
    (value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined')
  );
}

/** Whether some node inside `root` (itself included, functions excluded) satisfies `test`. */
function some(root: Node, test: (node: Node) => boolean): boolean {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (test(node)) return true;
    if (node !== root && isFunction(node)) continue;
    for (const key of Object.keys(node)) {
      if (key === 'parent') continue;
      const value = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(value) ? value : [value]) {
        if (item && typeof item === 'object' && typeof (item as Node).type === 'string')
          stack.push(item as Node);
      }
    }
  }
  return false;
}

/**
 * The client errors other than `retryable` that `site` retries and the code shows no filter for:
 * not a host's rate-limit status (GitHub's 403), not a retry the server asked for through a
 * rate-limit header, not kept out by a filter the analysis cannot read (a miss beats a false report).
 */
export function retriedClientErrors(
  model: HttpModel,
  site: RetrySite,
  retryable: readonly number[],
): StatusSet {
  if (site.kind === 'library-callback' && site.config?.filtered) return StatusSet.EMPTY;
  let bad = site.statuses.clientErrorsExcept(retryable);
  if (bad.isEmpty) return bad;
  bad = bad.minus(hostRateLimitStatuses(model, site));
  if (bad.isEmpty) return bad;
  if (readsRateLimitHeader(model, site) || unevaluatedFilter(model, site, bad))
    return StatusSet.EMPTY;
  return bad;
}
