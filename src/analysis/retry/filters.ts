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
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../core/node-types';

import type { Node } from '../core/ast';
import { contains, isFunction, skipWrappers } from '../core/ast';
import { RATE_LIMIT_STATUS_HOSTS } from '../libraries/clients';
import type { HttpModel } from '../model';
import type { RetrySite } from './types';
import type { ConditionFold } from './condition-paths';
import { findCondition, foldConditions, isEnclosingCondition } from './condition-paths';
import { exitKeepingOut, exitsOnGuard, filterReaderOf, isExit, some } from './filter-reader';
import { retriedOrigins } from './wrapped-requests';
import { StatusSet } from '../status/status-set';

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
  const reader = filterReaderOf(model, site);
  const { surely } = reader;
  const bad = statuses;
  // What the conditions surely let through, all together (read once per shared part of the path):
  // only when some condition keeps one of `bad` out is it looked for.
  if (!bad.isSubsetOf(foldConditions(site, reader.conditionsFold)))
    for (const condition of site.conditions) {
      if (condition.node.type === AST_NODE_TYPES.SwitchCase) continue;
      if (!bad.isSubsetOf(surely(condition.node, condition.branch !== 'false')))
        return condition.node;
    }
  // Tests on the way that narrow nothing the narrowing reads (`if (n && (await this.decide(res)))`);
  // a predicate's own returns are read by its evaluation.
  for (const { test, want } of site.kind === 'predicate' ? [] : enclosingTests(site)) {
    if (!isEnclosingCondition(site, test) && !bad.isSubsetOf(surely(test, want))) return test;
  }
  // `if (e instanceof HttpError) return …`: what goes on is not an HTTP error.
  const from = site.node === site.container ? undefined : site.node;
  if (from) {
    let child: Node = from;
    for (
      let parent = from.parent;
      parent && parent !== site.container;
      child = parent, parent = parent.parent
    ) {
      if (isFunction(parent)) break;
      if (parent.type !== AST_NODE_TYPES.BlockStatement) continue;
      const exit = exitKeepingOut(reader, parent.body, child, bad);
      if (exit) return exit.test;
    }
  }
  for (const exit of exitsAfter(site)) {
    if (exitsOnGuard(reader, exit.test) || !bad.isSubsetOf(surely(exit.test, false)))
      return exit.test;
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
  const innermost = findCondition(site, (c) => c.node.type !== AST_NODE_TYPES.SwitchCase)?.node;
  if (innermost) {
    const end = site.node === site.container ? site.container.range[1] : site.node.range[1];
    if (
      end > innermost.range[0] &&
      file.nodesOfTypeIn(AST_NODE_TYPES.Literal, innermost.range[0], end).some(isHeaderName)
    )
      return true;
  }
  let fold = headerFolds.get(model);
  if (!fold) {
    fold = {
      none: false,
      value: (condition) =>
        some(condition.node, (n) => {
          if (isHeaderName(n)) return true;
          if (n.type !== AST_NODE_TYPES.Identifier) return false;
          const variable = file.variableOf(n);
          const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
          const init = def?.type === 'Variable' ? def.node.init : undefined;
          return init !== null && init !== undefined && some(init, isHeaderName);
        }),
      both: (one, other) => one || other,
    };
    headerFolds.set(model, fold);
  }
  // Read once per shared part of the path: the n sites after n exits share them.
  return foldConditions(site, fold);
}

/** Per model, "a condition reads a rate-limit header", folded over a site's conditions. */
const headerFolds = new WeakMap<HttpModel, ConditionFold<boolean>>();

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

/**
 * `if (test) <exit>` statements on the path after the request of a retry at the end of its loop
 * (and in the `catch` body it falls through); those before a retry statement: `exitKeepingOut`.
 */
function exitsAfter(site: RetrySite): TSESTree.IfStatement[] {
  const exits: TSESTree.IfStatement[] = [];
  const collect = (statements: readonly TSESTree.Statement[], before: Node | undefined): void => {
    for (const statement of statements) {
      if (before && statement.range[0] >= before.range[0]) break;
      if (isExit(statement)) exits.push(statement);
    }
  };
  const from = site.node === site.container ? undefined : site.node;
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
