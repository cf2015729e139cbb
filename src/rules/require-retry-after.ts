import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../analysis/core/node-types';

import type { FunctionNode, Node } from '../analysis/core/ast';
import {
  constInitializer,
  contains,
  enclosingFunction,
  findProperty,
  isFunction,
  itemsWithin,
  memberName,
  skipWrappers,
  skipWrappersUp,
} from '../analysis/core/ast';
import { resolveNumber } from '../analysis/core/static-values';
import type { HttpModel } from '../analysis/model';
import type { RetryConfig, RetryDelay, RetrySite } from '../analysis/retry';
import { getRetries } from '../analysis/retry';
import type { Readability, ServerWaitReads } from '../analysis/retry';
import {
  DEFAULT_WAIT_HEADERS,
  headerSourceFor,
  namedDelays,
  readabilityAt,
  serverWaitReads,
  testedForNull,
} from '../analysis/retry';
import type { DelayCallbackShape } from '../fixes/retry-after';
import {
  AXIOS_RETRY_DELAY,
  delayCallbackText,
  FETCH_RETRY_DELAY,
  fixDelay,
  fixDelayFullForm,
  headerReadText,
  OFETCH_DELAY,
  quoteOf,
  removeProperty,
  secondsWaitText,
} from '../fixes/retry-after';
import { StatusSet } from '../analysis/status/status-set';
import { createRule, perOptions } from '../util/create-rule';

export type Options = [{ statuses?: number[]; headers?: string[] }];
export type MessageIds =
  | 'ignoresWait'
  | 'noWait'
  | 'libraryCallback'
  | 'kyAfterStatusCodes'
  | 'libraryDelay'
  | 'libraryDefaultDelay'
  | 'useSecondsForm'
  | 'useFullForm'
  | 'addWait';

/** Code-written loops, recursion, timers and catches: the retries the code schedules itself. */
const PATH_KINDS = new Set(['loop', 'recursion', 'timer', 'catch']);
/** Request methods ofetch does not retry unless `retry` says so. */
const OFETCH_NO_RETRY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** axios-retry's exported conditions that let 429 and 5xx through. */
const AXIOS_RETRY_STATUS_CONDITIONS = new Set([
  'isRetryableError',
  'isNetworkOrIdempotentRequestError',
  'isIdempotentRequestError',
  'isSafeRequestError',
]);
const AXIOS_RETRY_DEFAULT = StatusSet.of(429).union(StatusSet.range(500, 599));

const watchedOf = perOptions((options: Options[0]) =>
  StatusSet.of(...(options.statuses ?? [429, 503])),
);

export default createRule<Options, MessageIds>({
  name: 'require-retry-after',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require retries of 429 and 503 to wait for the `Retry-After` the server sent',
      recommended: 'recommended',
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          statuses: {
            type: 'array',
            description:
              'Statuses whose retry must wait for the server (a range such as `status >= 500` includes 503).',
            items: { type: 'integer', minimum: 100, maximum: 599 },
            minItems: 1,
            uniqueItems: true,
          },
          headers: {
            type: 'array',
            description:
              'Headers besides `Retry-After` whose reading counts as waiting for the server (case-insensitive). Replaces the default list: repeat its headers to keep them; `[]` accepts only `Retry-After`.',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
          },
        },
      },
    ],
    defaultOptions: [{ statuses: [429, 503], headers: [...DEFAULT_WAIT_HEADERS] }],
    messages: {
      ignoresWait:
        'This retry after {{statuses}} waits its own time, not the `Retry-After` the server sent.',
      noWait: 'This retry after {{statuses}} does not wait for the `Retry-After` the server sent.',
      libraryCallback:
        '{{library}} retries this {{statuses}} on its own schedule; it does not read `Retry-After`.',
      kyAfterStatusCodes:
        '`afterStatusCodes` leaves out {{statuses}}, so ky retries {{statuses}} without waiting for `Retry-After`.',
      libraryDelay:
        '{{library}} retries {{statuses}} with a `retryDelay` that ignores the `Retry-After` the server sent.',
      libraryDefaultDelay:
        '{{library}} retries {{statuses}} after its own fixed delay; it does not read `Retry-After`.',
      useSecondsForm:
        'Wait for the seconds `Retry-After` gives, falling back to the current delay.',
      useFullForm:
        'Wait for `Retry-After` given in seconds or as an HTTP-date, falling back to the current delay.',
      addWait: 'Wait for the seconds `Retry-After` gives before retrying.',
    },
  },
  check(context, model, options) {
    const retries = getRetries(model);
    if (retries.sites.length === 0 && retries.configs.length === 0) return;
    const [settings] = options();
    const watched = watchedOf(settings);
    if (watched.isEmpty) return;
    const headers = settings.headers ?? DEFAULT_WAIT_HEADERS;
    const sourceCode = context.sourceCode;
    let typescript: boolean | undefined;
    const isTypeScript = (): boolean => (typescript ??= /\.[cm]?tsx?$/.test(context.filename));
    const reads = serverWaitReads(model, headers);
    const quote = quoteOf(sourceCode);
    const reported = new Set<Node>();
    const report = (descriptor: TSESLint.ReportDescriptor<MessageIds> & { node: Node }): void => {
      if (reported.has(descriptor.node)) return;
      reported.add(descriptor.node);
      context.report(descriptor);
    };

    for (const site of retries.sites) {
      const statuses = site.statuses.intersect(watched);
      if (statuses.isEmpty) continue;
      if (PATH_KINDS.has(site.kind)) checkPath(model, site, statuses, reads, quote, report);
      else if (site.kind === 'library-callback')
        checkLibraryCallback(site, statuses, reads, report);
    }
    const retriedByConfig = retriedStatusesByConfig(retries.sites);
    const checkedConfigs = new Set<RetryConfig>();
    for (const config of retries.configs) {
      if (checkedConfigs.has(config)) continue;
      checkedConfigs.add(config);
      const retried = retriedByConfig.get(config) ?? StatusSet.EMPTY;
      switch (config.library.id) {
        case 'ky':
          checkKy(model, config, watched, report);
          break;
        case 'fetch-retry':
          checkDelayOption(
            model,
            config,
            retried.intersect(watched),
            retries.configs,
            FETCH_RETRY_DELAY,
            reads,
            quote,
            report,
          );
          break;
        case 'ofetch':
          if (!ofetchRetries(model, config)) break;
          checkDelayOption(
            model,
            config,
            retried.intersect(watched),
            retries.configs,
            OFETCH_DELAY,
            reads,
            quote,
            report,
          );
          break;
        case 'axios-retry':
          checkAxiosRetry(
            model,
            config,
            axiosRetryStatuses(config, retried).intersect(watched),
            reads,
            quote,
            report,
          );
          break;
        default:
          break;
      }
    }

    type Report = (descriptor: TSESLint.ReportDescriptor<MessageIds> & { node: Node }) => void;

    /** A retry the code writes: report its delay (or the retry) when nothing on the path reads the wait. */
    function checkPath(
      model: HttpModel,
      site: RetrySite,
      statuses: StatusSet,
      reads: ServerWaitReads,
      quote: string,
      report: Report,
    ): void {
      const targets: Node[] = [site.node, ...(site.thrownAt ? [site.thrownAt] : [])];
      if (readsOnPath(reads, site.container, targets)) return;
      const end = site.node === site.container ? site.container.range[1] : site.node.range[1];
      const start =
        site.requests.find((request) => contains(site.container, request.node))?.node.range[1] ??
        site.container.range[0];
      const delay: Pick<RetryDelay, 'node' | 'duration'> | undefined =
        site.delays.find((candidate) => onPathTo(candidate.node, targets, site.container)) ??
        itemsWithin(namedDelays(model), (candidate) => candidate.node, start, end).find(
          (candidate) =>
            contains(site.container, candidate.node) &&
            onPathTo(candidate.node, targets, site.container),
        );
      const data = { statuses: describe(statuses) };
      // A wait added before the retry statement (`continue`, `return retry(u)`), reading what is there.
      const addWait = (): TSESLint.SuggestionReportDescriptor<MessageIds>[] | null => {
        const read = headerReadAt(model, site, site.node, quote, isTypeScript());
        const statement =
          read && read.readability !== 'unsafe' ? waitInsertionPoint(site.node) : undefined;
        if (!read || !statement) return null;
        return [
          {
            messageId: 'addWait',
            fix: (fixer) =>
              insertWait(
                fixer,
                statement,
                `await new Promise((resolve) => setTimeout(resolve, ${secondsWaitText(read.text, '0')}));`,
              ),
          },
        ];
      };
      if (!delay) {
        report({ node: site.node, messageId: 'noWait', data, suggest: addWait() });
        return;
      }
      if (delay.duration && reads.within(delay.duration)) return;
      const duration =
        delay.duration && delay.duration.type !== AST_NODE_TYPES.SpreadElement
          ? delay.duration
          : undefined;
      const read = duration
        ? headerReadAt(model, site, duration, quote, isTypeScript())
        : undefined;
      if (!duration || !read || read.readability === 'unsafe') {
        // The wait runs where the response is not there yet (before the request, after `res = null`).
        report({
          node: duration ?? delay.node,
          messageId: 'ignoresWait',
          data,
          suggest: addWait(),
        });
        return;
      }
      const text = read.text;
      const suggestions: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [
        {
          messageId: 'useFullForm',
          fix: (fixer) => fixDelayFullForm(fixer, sourceCode, duration, text),
        },
      ];
      // Only where the response is there on every path to the wait is the edit an autofix.
      if (read.readability === 'safe') {
        report({
          node: duration,
          messageId: 'ignoresWait',
          data,
          fix: (fixer) => fixDelay(fixer, sourceCode, duration, text),
          suggest: suggestions,
        });
        return;
      }
      report({
        node: duration,
        messageId: 'ignoresWait',
        data,
        suggest: [
          {
            messageId: 'useSecondsForm',
            fix: (fixer) => fixDelay(fixer, sourceCode, duration, text),
          },
          ...suggestions,
        ],
      });
    }

    /** Inserts `wait` before `statement`, in a new block when the statement is not in a list. */
    function insertWait(
      fixer: TSESLint.RuleFixer,
      statement: TSESTree.Statement,
      wait: string,
    ): TSESLint.RuleFix {
      const parent = statement.parent;
      if (
        parent?.type === AST_NODE_TYPES.BlockStatement ||
        parent?.type === AST_NODE_TYPES.SwitchCase
      ) {
        const indent = ' '.repeat(statement.loc.start.column);
        return fixer.insertTextBefore(statement, `${wait}\n${indent}`);
      }
      return fixer.replaceText(statement, `{ ${wait} ${sourceCode.getText(statement)} }`);
    }

    /** p-retry, async-retry, exponential-backoff, cockatiel: a throw the library retries on its own schedule. */
    function checkLibraryCallback(
      site: RetrySite,
      statuses: StatusSet,
      reads: ServerWaitReads,
      report: Report,
    ): void {
      const config = site.config;
      if (!config || config.library.honoursRetryAfter) return;
      if (readsOnPath(reads, site.container, [site.node])) return;
      // A hook that waits for the header (`onFailedAttempt: (e) => sleep(e.retryAfter)`).
      if (config.options && reads.within(config.options)) return;
      if (
        site.delays.some(
          (delay) =>
            onPathTo(delay.node, [site.node], site.container) &&
            delay.kind !== 'library-option' &&
            delay.duration &&
            reads.within(delay.duration),
        )
      )
        return;
      report({
        node: site.node,
        messageId: 'libraryCallback',
        data: { library: config.library.id, statuses: describe(statuses) },
      });
    }

    /** ky: `afterStatusCodes` that leaves out a watched status ky retries. */
    function checkKy(
      model: HttpModel,
      config: RetryConfig,
      statuses: StatusSet,
      report: Report,
    ): void {
      const after = config.afterStatusCodes;
      if (
        !after?.property ||
        !after.complete ||
        !config.options ||
        disabled(model, config.options, 'limit')
      )
        return;
      const codes = config.statusCodes;
      if (codes && !codes.complete) return;
      const retried = codes
        ? codes.listed
        : StatusSet.of(...(config.library.defaultStatuses as number[]));
      const dropped = retried.intersect(statuses).minus(after.listed);
      if (dropped.isEmpty) return;
      const property = after.property;
      const kyDefault = StatusSet.of(413, 429, 503);
      const removable =
        after.listed.isSubsetOf(kyDefault) &&
        dropped.isSubsetOf(kyDefault) &&
        sourceCode.getCommentsInside(property).length === 0;
      const array = after.array && contains(property, after.array) ? after.array : undefined;
      report({
        node: property,
        messageId: 'kyAfterStatusCodes',
        data: { statuses: describe(dropped, 'and') },
        fix: removable
          ? (fixer) => removeProperty(fixer, sourceCode, property)
          : array
            ? (fixer) => appendStatuses(fixer, array, dropped)
            : null,
      });
    }

    function appendStatuses(
      fixer: TSESLint.RuleFixer,
      array: TSESTree.ArrayExpression,
      statuses: StatusSet,
    ): TSESLint.RuleFix {
      const list = statusList(statuses).join(', ');
      const last = array.elements.at(-1);
      if (!last) return fixer.replaceText(array, `[${list}]`);
      const closing = sourceCode.getLastToken(array)!;
      const beforeClosing = sourceCode.getTokenBefore(closing)!;
      if (beforeClosing.value === ',') return fixer.insertTextAfter(beforeClosing, ` ${list}`);
      return fixer.insertTextAfter(last, `, ${list}`);
    }

    /** fetch-retry and ofetch: a delay option that must read the header when watched statuses are retried. */
    function checkDelayOption(
      model: HttpModel,
      config: RetryConfig,
      statuses: StatusSet,
      configs: readonly RetryConfig[],
      shape: DelayCallbackShape,
      reads: ServerWaitReads,
      quote: string,
      report: Report,
    ): void {
      if (statuses.isEmpty || !config.options) return;
      const library = config.library.id;
      if (disabled(model, config.options, library === 'ofetch' ? 'retry' : 'retries')) return;
      const data = { library, statuses: describe(statuses) };
      const property = findProperty(config.options, 'retryDelay');
      if (!property) {
        // Defaults given elsewhere (`fetchBuilder(fetch, { retryDelay })`, `ofetch.create({ retryDelay })`) apply.
        if (
          configs.some(
            (other) =>
              other.library === config.library &&
              other.options &&
              findProperty(other.options, 'retryDelay'),
          )
        )
          return;
        const anchor = config.statusCodes?.property ?? config.predicates[0]?.property;
        if (!anchor) return;
        const text = `retryDelay: ${delayCallbackText(sourceCode, anchor, shape, quote, 'default', String(config.library.defaultDelayMs ?? 0))!}`;
        report({
          node: anchor,
          messageId: 'libraryDefaultDelay',
          data,
          fix: (fixer) => fixer.insertTextAfter(anchor, `, ${text}`),
        });
        return;
      }
      const value = property.value;
      const kind = delayValueKind(model, value, shape, reads);
      if (kind === 'reads' || kind === 'unknown') return;
      const text = delayCallbackText(sourceCode, value, shape, quote, kind);
      report({
        node: value,
        messageId: 'libraryDelay',
        data,
        fix: text ? (fixer) => fixer.replaceText(value, text) : null,
      });
    }

    /** axios-retry: a custom `retryDelay` that never looks at its error. */
    function checkAxiosRetry(
      model: HttpModel,
      config: RetryConfig,
      statuses: StatusSet,
      reads: ServerWaitReads,
      quote: string,
      report: Report,
    ): void {
      if (statuses.isEmpty || !config.options || disabled(model, config.options, 'retries')) return;
      const property = findProperty(config.options, 'retryDelay');
      if (!property) return;
      const kind = delayValueKind(model, property.value, AXIOS_RETRY_DELAY, reads);
      if (kind !== 'function') return;
      const value = property.value;
      const text = delayCallbackText(sourceCode, value, AXIOS_RETRY_DELAY, quote, 'function');
      report({
        node: value,
        messageId: 'libraryDelay',
        data: { library: 'axios-retry', statuses: describe(statuses) },
        fix: text ? (fixer) => fixer.replaceText(value, text) : null,
      });
    }
  },
});

/** The statuses each library configuration retries, from its status lists and predicates: one pass over the sites. */
function retriedStatusesByConfig(sites: readonly RetrySite[]): Map<RetryConfig, StatusSet> {
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

/** axios-retry retries 429 and 5xx by default; a `retryCondition` says otherwise. */
function axiosRetryStatuses(config: RetryConfig, retried: StatusSet): StatusSet {
  const condition = config.options && findProperty(config.options, 'retryCondition');
  if (!condition) return AXIOS_RETRY_DEFAULT;
  if (config.predicates.length > 0) return retried;
  const value = skipWrappers(condition.value);
  const name =
    value.type === AST_NODE_TYPES.Identifier
      ? value.name
      : value.type === AST_NODE_TYPES.MemberExpression &&
          !value.computed &&
          value.property.type === AST_NODE_TYPES.Identifier
        ? value.property.name
        : undefined;
  return name !== undefined && AXIOS_RETRY_STATUS_CONDITIONS.has(name)
    ? AXIOS_RETRY_DEFAULT
    : StatusSet.EMPTY;
}

/** ofetch retries only when `retry` allows it: 0 by default for POST, PUT, PATCH and DELETE. */
function ofetchRetries(model: HttpModel, config: RetryConfig): boolean {
  const options = config.options;
  if (!options) return false;
  const retry = findProperty(options, 'retry');
  if (retry) return !disabled(model, options, 'retry');
  const methods = config.request?.method.methods;
  return !methods || ![...methods].every((method) => OFETCH_NO_RETRY_METHODS.has(method));
}

/** `retries: 0`, `retry: false`, `limit: 0`: the option turns retrying off. */
function disabled(model: HttpModel, options: TSESTree.ObjectExpression, name: string): boolean {
  const property = findProperty(options, name);
  if (!property) return false;
  const value = skipWrappers(property.value);
  if (value.type === AST_NODE_TYPES.Literal && value.value === false) return true;
  return model.resolveStatus(value) === 0 || resolveNumber(model.file, value) === 0;
}

/**
 * What a delay option is: a number (or arithmetic on numbers), a function that ignores the
 * server's wait, one that reads it, or something we cannot see into (imported, a parameter).
 */
function delayValueKind(
  model: HttpModel,
  value: Node,
  shape: DelayCallbackShape,
  reads: ServerWaitReads,
): 'number' | 'function' | 'reads' | 'unknown' {
  const inner = skipWrappers(value);
  if (reads.within(inner)) return 'reads';
  const fn = localFunction(model, inner);
  if (fn) {
    if (reads.functionReads(fn)) return 'reads';
    return holderParameterPassedOn(model, fn, shape.parameters.length - 1) ? 'unknown' : 'function';
  }
  return isNumeric(model, inner, 0) ? 'number' : 'unknown';
}

function localFunction(model: HttpModel, node: Node): FunctionNode | undefined {
  if (isFunction(node)) return node;
  if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = model.file.variableOf(node);
  const def = variable?.defs[0];
  if (def?.type === 'FunctionName' && def.node.type === AST_NODE_TYPES.FunctionDeclaration)
    return def.node;
  const init = variable ? constInitializer(variable) : undefined;
  const fn = init && skipWrappers(init);
  return fn && isFunction(fn) ? fn : undefined;
}

function isNumeric(model: HttpModel, node: Node, depth: number): boolean {
  const inner = skipWrappers(node);
  if (depth > 3) return false;
  switch (inner.type) {
    case AST_NODE_TYPES.Literal:
      return typeof inner.value === 'number';
    case AST_NODE_TYPES.BinaryExpression:
      return (
        inner.left.type !== AST_NODE_TYPES.PrivateIdentifier &&
        ['*', '+', '-', '/', '**', '%'].includes(inner.operator) &&
        isNumeric(model, inner.left, depth + 1) &&
        isNumeric(model, inner.right, depth + 1)
      );
    case AST_NODE_TYPES.UnaryExpression:
      return (
        (inner.operator === '-' || inner.operator === '+') &&
        isNumeric(model, inner.argument, depth + 1)
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
 * How the fix reads the header at `at`: through the response or error that decides the retry.
 * In TypeScript, a caught error is `unknown` unless the code narrows it: the fix reads
 * `error.response` only where the code itself already does, so it adds no type error.
 */
function headerReadAt(
  model: HttpModel,
  site: RetrySite,
  at: Node,
  quote: string,
  typescript: boolean,
): { text: string; readability: Readability } | undefined {
  const variables = [
    ...(site.response?.subject.holderVariables ?? []),
    ...(site.subject?.holderVariables ?? []),
  ];
  let found: { text: string; readability: Readability } | undefined;
  for (const variable of variables) {
    const source = headerSourceFor(model, variable, at);
    if (!source) continue;
    if (source.viaErrorResponse && typescript && !readsResponseDirectly(variable)) continue;
    const readability = readabilityAt(variable, at);
    // Initialised, but null where the code tests it so (`!res || res.status === 429`): read with `?.`.
    if (readability === 'safe')
      return {
        text: headerReadText({ ...source, optional: testedForNull(variable) }, quote),
        readability,
      };
    // Not shown to be there: a suggestion reads it with `?.`, so a missing response gives the fallback.
    if (!found || (found.readability === 'unsafe' && readability === 'unknown'))
      found = { text: headerReadText({ ...source, optional: true }, quote), readability };
  }
  return found;
}

/** `error.response…` written on the variable itself, not through `(error as AxiosError).response`. */
function readsResponseDirectly(variable: TSESLint.Scope.Variable): boolean {
  return variable.references.some((reference) => {
    const parent = reference.identifier.parent;
    return (
      parent?.type === AST_NODE_TYPES.MemberExpression &&
      parent.object === reference.identifier &&
      memberName(parent) === 'response'
    );
  });
}

/**
 * The statement before which a wait can go: the `continue`, or the statement of a recursive call
 * (`return retry(url)`) directly in an `async` function. Undefined for timers and loop ends.
 */
function waitInsertionPoint(node: Node): TSESTree.Statement | undefined {
  let statement: Node | undefined = node;
  if (node.type !== AST_NODE_TYPES.ContinueStatement) {
    const top = skipWrappersUp(node);
    const parent =
      top.parent?.type === AST_NODE_TYPES.AwaitExpression
        ? skipWrappersUp(top.parent).parent
        : top.parent;
    statement =
      parent?.type === AST_NODE_TYPES.ReturnStatement ||
      parent?.type === AST_NODE_TYPES.ExpressionStatement
        ? parent
        : undefined;
  }
  if (
    !statement ||
    statement.type === AST_NODE_TYPES.ForStatement ||
    statement.type === AST_NODE_TYPES.WhileStatement
  )
    return undefined;
  const fn = enclosingFunction(statement);
  return fn?.async ? (statement as TSESTree.Statement) : undefined;
}

/** Whether something on the path to one of the targets reads the wait. */
function readsOnPath(reads: ServerWaitReads, container: Node, targets: readonly Node[]): boolean {
  const end = Math.max(
    ...targets.map((target) => (target === container ? container.range[1] : target.range[1])),
  );
  for (const read of reads.reads) {
    if (read.node.range[0] >= end) break;
    if (contains(container, read.node) && onPathTo(read.node, targets, container)) return true;
  }
  return false;
}

/**
 * Whether `node` can run on the way to a target: no branch (`if`/`else`, `?:`, `case`, the right
 * of `&&`/`||`, a `catch`) that holds it leaves every target out.
 */
function onPathTo(node: Node, targets: readonly Node[], container: Node): boolean {
  let child: Node = node;
  for (
    let parent: Node | undefined = node.parent;
    parent && child !== container;
    child = parent, parent = parent.parent
  ) {
    // The part of the code that runs only when the branch is taken.
    let branch: Node | undefined;
    switch (parent.type) {
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression:
        if (child !== parent.test) branch = child;
        break;
      case AST_NODE_TYPES.LogicalExpression:
        if (child === parent.right) branch = child;
        break;
      case AST_NODE_TYPES.SwitchCase:
        if (child !== parent.test) branch = parent;
        break;
      case AST_NODE_TYPES.CatchClause:
        if (child === parent.body) branch = child;
        break;
      default:
        break;
    }
    if (branch && !targets.some((target) => contains(branch, target) || contains(target, branch)))
      return false;
  }
  return true;
}

function statusList(statuses: StatusSet): number[] {
  return statuses
    .ranges()
    .flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => from + i));
}

/** `429`, `429 or 503`, `429 and 503`. */
function describe(statuses: StatusSet, conjunction: 'or' | 'and' = 'or'): string {
  const list = statuses
    .ranges()
    .map(([from, to]) => (from === to ? String(from) : `${from}–${to}`));
  if (list.length <= 1) return list[0] ?? '';
  return `${list.slice(0, -1).join(', ')} ${conjunction} ${list.at(-1)}`;
}
