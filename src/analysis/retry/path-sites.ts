import type { HttpRequest, TrackedResponse } from '../client/requests';
import type { Node } from '../core/ast';
import { constInitializer, isParameter, skipWrappers } from '../core/ast';
import { AST_NODE_TYPES } from '../core/node-types';
import type { HttpModel } from '../model';
import { StatusSet } from '../status/status-set';
import { StatusSubject } from '../status/subject';
import type { NarrowedPath } from './conditions';
import type { RetryContext } from './context';
import { delaysBetween } from './delays';
import { awaitsOtherThanDelay, callsBefore } from './same-request';
import type { RetryCondition, RetryKind, RetrySite } from './types';

export const AUTH_STATUSES = StatusSet.of(401, 407);

export function addPathSite(
  ctx: RetryContext,
  kind: RetryKind,
  requests: readonly HttpRequest[],
  node: Node,
  container: Node,
  subject: StatusSubject,
  statuses: StatusSet,
  /** The conditions, or a narrowing that spells them out when a rule reads the site's. */
  conditions: readonly RetryCondition[] | NarrowedPath,
  from: Node,
  response: TrackedResponse | undefined,
  extra: Partial<RetrySite> = {},
): void {
  // A path no status condition narrows is not a retry of statuses (polling, a loop over work).
  const count = 'count' in conditions ? conditions.count : conditions.length;
  if (count === 0 || statuses.isEmpty) return;
  // Waiting for a server to come up (`/health` until 200, `localhost`): a poll, not a retry.
  if (requests.length > 0 && requests.every((request) => pollsReadiness(ctx.file, request))) return;
  // Only 401/407 after an awaited call: a refresh, the next request differs.
  if (
    statuses.isSubsetOf(AUTH_STATUSES) &&
    (awaitsOtherThanDelay(ctx, container, from, node) || callsBefore(ctx, node))
  )
    return;
  const site: RetrySite = {
    kind,
    requests,
    node,
    container,
    subject,
    statuses,
    conditions: [],
    delays: delaysBetween(ctx, container, from, node),
    ...(response ? { response } : {}),
    ...extra,
  };
  if ('count' in conditions) {
    // The n `continue`s of a ladder of n exits each have n conditions: spelled out where read.
    let spelled: RetryCondition[] | undefined;
    Object.defineProperty(site, 'conditions', {
      get: () => (spelled ??= conditions.conditions),
      enumerable: true,
    });
  } else (site as { conditions: readonly RetryCondition[] }).conditions = conditions;
  ctx.sites.push(site);
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
