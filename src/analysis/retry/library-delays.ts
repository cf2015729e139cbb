/**
 * What a retry library's options mean for the wait between attempts: which statuses a
 * configuration retries, whether an option turns retrying off, and what a delay option is.
 * Driven by the rows of `libraries/retry.ts` (`retriesOption`, `methodsNotRetried`,
 * `retryCondition`, `retryDelay`, `afterStatusCodes`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode, Node } from '../core/ast';
import { findProperty, skipWrappers } from '../core/ast';
import { AST_NODE_TYPES } from '../core/node-types';
import { resolveNumber } from '../core/static-values';
import type { DelayCallbackShape, RetryConfigLibrary } from '../libraries/retry';
import type { HttpModel } from '../model';
import { StatusSet } from '../status/status-set';
import type { ServerWaitReads } from './server-wait';
import type { RetryConfig, RetrySite } from './types';
import { functionOf } from '../core/static-values';

/** The statuses each library configuration retries, from its status lists and predicates: one pass over the sites. */
export function retriedStatusesByConfig(sites: readonly RetrySite[]): Map<RetryConfig, StatusSet> {
  const byConfig = new Map<RetryConfig, StatusSet>();
  for (const site of sites) {
    if (site.config && (site.kind === 'library-config' || site.kind === 'predicate')) {
      byConfig.set(
        site.config,
        (byConfig.get(site.config) ?? StatusSet.EMPTY).union(site.statuses),
      );
    }
  }
  return byConfig;
}

/** The statuses a library retries when the code does not say; undefined when they are not statuses. */
export function defaultStatusesOf(library: RetryConfigLibrary): StatusSet | undefined {
  if (typeof library.defaultStatuses === 'string') return undefined;
  return library.defaultStatuses.reduce<StatusSet>(
    (all, entry) =>
      all.union(typeof entry === 'number' ? StatusSet.of(entry) : StatusSet.range(...entry)),
    StatusSet.EMPTY,
  );
}

/** The statuses a library's status option holds when the code does not give it (octokit's `doNotRetry`). */
export function statusListDefaults(library: RetryConfigLibrary): StatusSet {
  return StatusSet.of(...(library.statusCodes?.defaults ?? []));
}

/**
 * The statuses a configuration retries, given those its lists and predicates retry (`listed`):
 * none when the request's method is one the library does not retry by default (ofetch POST);
 * the default statuses, or what the condition accepts, for a library with a condition option.
 */
export function retriedStatuses(
  model: HttpModel,
  config: RetryConfig,
  listed: StatusSet,
): StatusSet {
  const library = config.library;
  if (library.methodsNotRetried && !retriesTheMethod(model, config, library.methodsNotRetried))
    return StatusSet.EMPTY;
  if (library.retryCondition) return conditionStatuses(config, listed, library.retryCondition);
  return listed;
}

/** ofetch retries only when `retry` allows it: 0 by default for POST, PUT, PATCH and DELETE. */
function retriesTheMethod(
  model: HttpModel,
  config: RetryConfig,
  methodsNotRetried: readonly string[],
): boolean {
  const options = config.options;
  if (!options) return false;
  const name = config.library.retriesOption;
  if (name && findProperty(options, name)) return !retriesDisabled(model, options, name);
  const methods = config.request?.method.methods;
  return !methods || ![...methods].every((method) => methodsNotRetried.includes(method));
}

/** axios-retry retries its default statuses; a `retryCondition` says otherwise. */
function conditionStatuses(
  config: RetryConfig,
  listed: StatusSet,
  retryCondition: NonNullable<RetryConfigLibrary['retryCondition']>,
): StatusSet {
  const defaults = defaultStatusesOf(config.library) ?? StatusSet.EMPTY;
  const condition = config.options && findProperty(config.options, retryCondition.name);
  if (!condition) return defaults;
  if (config.predicates.length > 0) return listed;
  const value = skipWrappers(condition.value);
  const name =
    value.type === AST_NODE_TYPES.Identifier
      ? value.name
      : value.type === AST_NODE_TYPES.MemberExpression &&
          !value.computed &&
          value.property.type === AST_NODE_TYPES.Identifier
        ? value.property.name
        : undefined;
  return name !== undefined && retryCondition.builtIn.includes(name) ? defaults : StatusSet.EMPTY;
}

/** `retries: 0`, `retry: false`, `limit: 0`: the option turns retrying off. */
export function retriesDisabled(
  model: HttpModel,
  options: TSESTree.ObjectExpression,
  name: string | undefined,
): boolean {
  const property = name === undefined ? undefined : findProperty(options, name);
  if (!property) return false;
  const value = skipWrappers(property.value);
  if (value.type === AST_NODE_TYPES.Literal && value.value === false) return true;
  return model.resolveStatus(value) === 0 || resolveNumber(model.file, value) === 0;
}

/**
 * ky: the statuses the configuration retries that `afterStatusCodes` leaves out (ky then retries
 * them without waiting for `Retry-After`), and whether removing the option restores ky's default
 * list, which holds them all. Undefined when there is nothing to say.
 */
export function afterStatusCodesGap(
  model: HttpModel,
  config: RetryConfig,
  statuses: StatusSet,
): { dropped: StatusSet; defaultHoldsThem: boolean } | undefined {
  const after = config.afterStatusCodes;
  const names = config.library.afterStatusCodes;
  if (
    !names ||
    !after?.property ||
    !after.complete ||
    !config.options ||
    retriesDisabled(model, config.options, config.library.retriesOption)
  )
    return undefined;
  const codes = config.statusCodes;
  if (codes && !codes.complete) return undefined;
  const retried = codes ? codes.listed : (defaultStatusesOf(config.library) ?? StatusSet.EMPTY);
  const dropped = retried.intersect(statuses).minus(after.listed);
  if (dropped.isEmpty) return undefined;
  const defaults = StatusSet.of(...names.defaults);
  return {
    dropped,
    defaultHoldsThem: after.listed.isSubsetOf(defaults) && dropped.isSubsetOf(defaults),
  };
}

/**
 * What a delay option is: a number (or arithmetic on numbers), a function that ignores the
 * server's wait, one that reads it, or something we cannot see into (imported, a parameter).
 */
export function delayValueKind(
  model: HttpModel,
  value: Node,
  shape: DelayCallbackShape,
  reads: ServerWaitReads,
): 'number' | 'function' | 'reads' | 'unknown' {
  const inner = skipWrappers(value);
  if (reads.within(inner)) return 'reads';
  const fn = functionOf(model.file, inner);
  if (fn) {
    if (reads.functionReads(fn)) return 'reads';
    return holderParameterPassedOn(model, fn, shape.parameters.length - 1) ? 'unknown' : 'function';
  }
  return isArithmetic(model, inner, 0) ? 'number' : 'unknown';
}

/** A number, or arithmetic on numbers the file shows: `1000`, `2 * SECOND`, `-x`. */
function isArithmetic(model: HttpModel, node: Node, depth: number): boolean {
  const inner = skipWrappers(node);
  if (depth > 3) return false;
  switch (inner.type) {
    case AST_NODE_TYPES.Literal:
      return typeof inner.value === 'number';
    case AST_NODE_TYPES.BinaryExpression:
      return (
        inner.left.type !== AST_NODE_TYPES.PrivateIdentifier &&
        ['*', '+', '-', '/', '**', '%'].includes(inner.operator) &&
        isArithmetic(model, inner.left, depth + 1) &&
        isArithmetic(model, inner.right, depth + 1)
      );
    case AST_NODE_TYPES.UnaryExpression:
      return (
        (inner.operator === '-' || inner.operator === '+') &&
        isArithmetic(model, inner.argument, depth + 1)
      );
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.MemberExpression:
      return resolveNumber(model.file, inner) !== undefined;
    default:
      return false;
  }
}

/**
 * Whether the parameter that holds the response or error is used for more than its status:
 * passed to a helper, its headers read, stored. Then the function may well honour the header.
 */
function holderParameterPassedOn(model: HttpModel, fn: FunctionNode, index: number): boolean {
  const param = fn.params[index];
  if (!param) return false;
  if (param.type !== AST_NODE_TYPES.Identifier) return true;
  const variable = model.file.variableOf(param);
  if (!variable) return true;
  const subject = model.subjectOfVariable(variable);
  return variable.references.some((reference) => {
    if (!reference.isRead()) return false;
    let top: Node = reference.identifier;
    // `error.response.status`, `response?.status`, `error.response?.status`
    for (let depth = 0; depth < 3; depth++) {
      const parent: Node | undefined = top.parent;
      if (!parent) break;
      if (subject.isStatus(parent) || subject.isOk(parent)) return false;
      if (
        parent.type !== AST_NODE_TYPES.MemberExpression &&
        parent.type !== AST_NODE_TYPES.ChainExpression &&
        parent.type !== AST_NODE_TYPES.TSNonNullExpression
      )
        break;
      top = parent;
    }
    return true;
  });
}

/**
 * Whether another call of the same library sets the delay option, so its default does not apply
 * here (`fetchBuilder(fetch, { retryDelay })`, `ofetch.create({ retryDelay })`).
 */
export function delayOptionSetElsewhere(
  config: RetryConfig,
  configs: readonly RetryConfig[],
): boolean {
  const name = config.library.retryDelay?.name;
  return (
    name !== undefined &&
    configs.some(
      (other) =>
        other.library === config.library &&
        other.options !== undefined &&
        findProperty(other.options, name) !== undefined,
    )
  );
}
