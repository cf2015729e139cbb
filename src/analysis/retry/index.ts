import { enclosingFunction } from '../core/ast';
import type { HttpModel } from '../model';
import type { RetryContext } from './context';
import { createRetryContext } from './context';
import { findCatchRetries } from './catch';
import { findLibraryConfigs } from './library-configs';
import { findNamedPredicates } from './predicates';
import { enclosingLoop } from './loop-nodes';
import { loopSites } from './loops';
import { catchCallbackSites, recursionSites } from './recursion';
import { disablesThrowing } from './throwing';
import { findWrappedRetries } from './wrapped-requests';
import type { RetryAnalysis } from './types';

const KEY = {};

/** The file's retries, built once per file. */
export function getRetries(model: HttpModel): RetryAnalysis {
  return model.hasAnchor ? model.extension(KEY, buildRetries) : NO_RETRIES;
}

const NO_RETRIES: RetryAnalysis = { sites: [], configs: [] };

function buildRetries(model: HttpModel): RetryAnalysis {
  const ctx = createRetryContext(model);
  if (model.requests.length > 0) {
    findLoopsAndRecursion(ctx);
    findCatchRetries(ctx);
  }
  findWrappedRetries(ctx);
  findLibraryConfigs(ctx);
  findNamedPredicates(ctx);
  ctx.sites.sort((a, b) => a.node.range[0] - b.node.range[0]);
  return { sites: ctx.sites, configs: ctx.configs };
}

function findLoopsAndRecursion(ctx: RetryContext): void {
  for (const response of ctx.model.responses) {
    const origin = response.helperCall ?? response.request.node;
    const client = response.request.client.throwsOnErrorStatus;
    // A throwing client's response is always 2xx: its statuses reach a retry only through a catch.
    const throwing =
      client !== undefined && !disablesThrowing(ctx.file, response.request, client.disabledBy);
    const loop = enclosingLoop(origin);
    if (loop && !throwing) loopSites(ctx, response, origin, loop);
    const fn = enclosingFunction(origin);
    if (fn) recursionSites(ctx, response, origin, fn, throwing);
  }
  for (const request of ctx.model.requests) catchCallbackSites(ctx, request);
}

export type {
  RetryAnalysis,
  RetryCondition,
  RetryConfig,
  RetryDelay,
  RetryKind,
  RetryPredicate,
  RetrySite,
  StatusList,
  StatusListEntry,
} from './types';
export { neutralConditionSets } from './conditions';
export {
  DEFAULT_WAIT_HEADERS,
  RETRY_AFTER_HEADER,
  serverWaitReads,
  ServerWaitReads,
} from './server-wait';
export type { ServerWaitRead, ServerWaitReadKind } from './server-wait';
export { headerSourceFor } from './header-source';
export { namedDelays } from './named-delays';
export type { NamedDelay } from './named-delays';
export { readabilityAt, testedForNull } from './readability';
export type { Readability } from './readability';
export {
  afterStatusCodesGap,
  defaultStatusesOf,
  delayOptionSetElsewhere,
  delayValueKind,
  retriedStatuses,
  retriedStatusesByConfig,
  retriesDisabled,
} from './library-delays';
export { headerSourceAt } from './header-source';
export {
  delayOnPath,
  libraryRetryReadsWait,
  onPathTo,
  readsOnPath,
  retryTargets,
  waitInsertionPoint,
} from './on-path';
export { statusListDefaults } from './library-delays';
export {
  clientErrorCondition,
  conditionEdit,
  reportNode,
  rewriteTarget,
  statusCondition,
  statusText,
} from './condition-rewrite';
export type { ConditionEdit } from './condition-rewrite';
export { abortErrorName, earlyExitStatement, scopeHas } from './stop-retrying';
export { enclosingCatch, isLoop } from '../core/ast';
export {
  hostRateLimitStatuses,
  readsRateLimitHeader,
  retriedClientErrors,
  unevaluatedFilter,
} from './filters';
