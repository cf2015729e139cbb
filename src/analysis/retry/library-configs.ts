import { ReferenceTracker } from '@eslint-community/eslint-utils';
import type { TSESTree } from '@typescript-eslint/utils';
import type { HttpRequest } from '../client/requests';
import type { FunctionNode, Node } from '../core/ast';
import {
  findProperty,
  memberName,
  propertyKeyName,
  skipWrappers,
  skipWrappersUp,
} from '../core/ast';
import { AST_NODE_TYPES } from '../core/node-types';
import type { RetryConfigLibrary, RetryConfigSite } from '../libraries/retry';
import { StatusSet } from '../status/status-set';
import type { RetryContext } from './context';
import { statusListDefaults } from './library-delays';
import { callbackSites } from './library-callbacks';
import type { TraceMap } from '../core/trace-maps';
import { librarySiteIndex } from './library-index';
import { canThrow, hookChangesRequest, policyFilter, statusList, valueAt } from './library-options';
import { predicateSite } from './predicates';
import type { RetryConfig, RetryDelay, RetryPredicate } from './types';
import { functionOf, objectOf } from '../core/static-values';

export function findLibraryConfigs(ctx: RetryContext): void {
  const { requestSites, keySites, callTraces } = librarySiteIndex();
  const imported = ctx.file.knownModuleSources();
  if (ctx.model.requests.length > 0) {
    for (const { library, site } of requestSites) {
      for (const request of ctx.model.requests) {
        if (request.client.id !== site.client) continue;
        if (site.kind === 'request') configFromRequest(ctx, library, site, request);
        else configFromChain(ctx, library, site, request);
      }
    }
  }
  if (imported.size === 0) return;
  for (const { library, site } of keySites) {
    if (library.modules.some((m) => imported.has(m))) configsFromKey(ctx, library, site);
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
  const tracker = new ReferenceTracker(ctx.file.trackerScope() as never);
  const found = [
    ...tracker.iterateEsmReferences(esm as never),
    ...tracker.iterateCjsReferences(cjs as never),
  ];
  // `require` is undeclared when the config has no Node globals: trace its calls too.
  if (!ctx.file.scopeManager.globalScope?.set.get('require')) {
    for (const call of ctx.file.requireCalls()) {
      const module = cjs[(call.arguments[0] as TSESTree.StringLiteral).value];
      if (module) found.push(...tracker.iteratePropertyReferences(call as never, module as never));
    }
  }
  const seen = new Set<Node>();
  for (const { node, info } of found) {
    const call = node as unknown as Node;
    if (
      (call.type !== AST_NODE_TYPES.CallExpression && call.type !== AST_NODE_TYPES.NewExpression) ||
      seen.has(call)
    )
      continue;
    seen.add(call);
    const { library, site } = info as {
      library: RetryConfigLibrary;
      site: Extract<RetryConfigSite, { kind: 'call' | 'new' }>;
    };
    configFromCall(ctx, library, site, call);
  }
  ctx.configs.sort((a, b) => a.site.range[0] - b.site.range[0]);
}

function configFromRequest(
  ctx: RetryContext,
  library: RetryConfigLibrary,
  site: Extract<RetryConfigSite, { kind: 'request' }>,
  request: HttpRequest,
): void {
  const args = request.node.arguments;
  const optionsArgument =
    args.length >= 2 ? args[1] : args[0] && objectOf(ctx.file, args[0]) ? args[0] : undefined;
  const options = optionsArgument && objectOf(ctx.file, optionsArgument);
  if (!options) return;
  addConfig(ctx, library, request.node, options, site.optionsPath, request);
}

function configFromChain(
  ctx: RetryContext,
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
      const fn = predicate && functionOf(ctx.file, predicate);
      const option = library.predicates[0];
      const predicates = fn ? [{ function: fn, property: undefined, option }] : [];
      const config = pushConfig(ctx, library, call, undefined, undefined, request, {
        predicates,
      });
      for (const p of predicates) predicateSite(ctx, p.function, option, config, request);
      return;
    }
    current = skipWrappersUp(call);
  }
}

function configsFromKey(
  ctx: RetryContext,
  library: RetryConfigLibrary,
  site: Extract<RetryConfigSite, { kind: 'key' }>,
): void {
  for (const property of ctx.file.nodesOfType(AST_NODE_TYPES.Property)) {
    if (
      property.parent.type !== AST_NODE_TYPES.ObjectExpression ||
      propertyKeyName(property) !== site.key
    )
      continue;
    const object = objectOf(ctx.file, property.value);
    if (object) addConfig(ctx, library, property, object, site.optionsPath, undefined);
  }
  for (const assignment of ctx.file.nodesOfType(AST_NODE_TYPES.AssignmentExpression)) {
    if (
      assignment.left.type !== AST_NODE_TYPES.MemberExpression ||
      memberName(assignment.left) !== site.key
    )
      continue;
    const object = objectOf(ctx.file, assignment.right);
    if (object) addConfig(ctx, library, assignment, object, site.optionsPath, undefined);
  }
}

function configFromCall(
  ctx: RetryContext,
  library: RetryConfigLibrary,
  site: Extract<RetryConfigSite, { kind: 'call' | 'new' }>,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
): void {
  const argument = call.arguments[site.argument];
  const options = argument ? objectOf(ctx.file, argument) : undefined;
  const callbackArgument = site.callback === undefined ? undefined : call.arguments[site.callback];
  const callback = callbackArgument ? functionOf(ctx.file, callbackArgument) : undefined;
  const filter =
    site.filterArgument === undefined
      ? undefined
      : policyFilter(ctx.file, call.arguments[site.filterArgument]);
  const config = options
    ? addConfig(ctx, library, call, options, site.optionsPath, undefined, callback, filter)
    : pushConfig(ctx, library, call, undefined, undefined, undefined, {
        callback,
        ...(filter ? { predicates: filter.predicates, filtered: filter.filtered } : {}),
      });
  if (config && !options)
    for (const p of config.predicates) predicateSite(ctx, p.function, p.option, config, undefined);
  if (config?.callback) callbackSites(ctx, config, config.callback);
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
    const variable = ctx.file.variableOf(declarator.id);
    for (const reference of variable?.references ?? []) {
      const use = skipWrappersUp(reference.identifier);
      if (
        site.resultCallArgument !== undefined &&
        use.parent?.type === AST_NODE_TYPES.CallExpression &&
        use.parent.callee === use
      ) {
        const perCall = use.parent.arguments[site.resultCallArgument];
        const object = perCall && objectOf(ctx.file, perCall);
        if (object) addConfig(ctx, library, use.parent, object, site.optionsPath, undefined);
      }
      if (
        site.resultMethodCallback !== undefined &&
        use.parent?.type === AST_NODE_TYPES.MemberExpression &&
        memberName(use.parent) === site.resultMethodCallback
      ) {
        const execute = skipWrappersUp(use.parent).parent;
        if (execute?.type !== AST_NODE_TYPES.CallExpression) continue;
        const fn = execute.arguments[0] && functionOf(ctx.file, execute.arguments[0]);
        if (fn && config) callbackSites(ctx, config, fn);
      }
    }
  }
}

function addConfig(
  ctx: RetryContext,
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
    const object = objectOf(ctx.file, property.value);
    if (!object) {
      value = property.value;
      options = undefined;
      break;
    }
    options = object;
  }
  const statusCodes =
    library.statusCodes && options
      ? statusList(ctx.file, options, library.statusCodes.name, library.statusCodes.format)
      : undefined;
  const afterStatusCodes =
    library.afterStatusCodes && options
      ? statusList(ctx.file, options, library.afterStatusCodes.name, 'list')
      : undefined;
  const predicates: RetryPredicate[] = [...(filter?.predicates ?? [])];
  for (const option of library.predicates) {
    const property = options && findProperty(options, option.name);
    const fn = property && functionOf(ctx.file, property.value);
    if (property && fn) predicates.push({ function: fn, property, option });
  }
  const delays: RetryDelay[] = [];
  for (const name of library.delayOptions) {
    const property = options && findProperty(options, name);
    if (property) delays.push({ node: property, kind: 'library-option', duration: property.value });
  }
  const beforeRetry: Node[] = [];
  for (const path of library.beforeRetry) {
    // Hooks sit next to the retry options (ky `hooks`) or inside them (axios-retry `onRetry`).
    const value =
      valueAt(ctx.file, given, path) ??
      (options && options !== given ? valueAt(ctx.file, options, path) : undefined);
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
    (library.stop?.kind === 'abort-error' && beforeRetry.some((hook) => canThrow(ctx.file, hook)));
  const config = pushConfig(ctx, library, site, options, value, request, {
    statusCodes,
    afterStatusCodes,
    predicates,
    delays,
    beforeRetry,
    changesRequest: beforeRetry.some((hook) => hookChangesRequest(ctx.file, hook)),
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
        .intersect(statusListDefaults(library).union(StatusSet.range(500, 599)));
    if (!config.changesRequest) {
      ctx.sites.push({
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
    if (config.changesRequest) ctx.predicateFunctions.add(p.function);
    else predicateSite(ctx, p.function, p.option, config, request);
  }
  return config;
}

function pushConfig(
  ctx: RetryContext,
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
  ctx.configs.push(config);
  return config;
}
