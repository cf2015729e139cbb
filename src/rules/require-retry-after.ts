import type { TSESLint } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../analysis';

import type { Node } from '../analysis';
import { contains, findProperty } from '../analysis';
import type { RetryConfig, RetrySite } from '../analysis';
import {
  afterStatusCodesGap,
  DEFAULT_WAIT_HEADERS,
  describeStatuses,
  delayOnPath,
  delayOptionSetElsewhere,
  delayValueKind,
  getRetries,
  libraryRetryReadsWait,
  readsOnPath,
  retriedStatuses,
  retriedStatusesByConfig,
  retriesDisabled,
  retryTargets,
  serverWaitReads,
  unevaluatedFilter,
} from '../analysis';
import { appendStatuses } from '../fixes/arrays';
import { delayCallbackText, quoteOf, removeProperty } from '../fixes/retry-after';
import { addWaitFix, delayFixes, headerReadAt } from '../fixes/retry-wait';
import { StatusSet } from '../analysis';
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
      if (statuses.isEmpty || keptOut(site, statuses)) continue;
      if (PATH_KINDS.has(site.kind)) checkPath(site, statuses);
      else if (site.kind === 'library-callback') checkLibraryCallback(site, statuses);
    }
    const retriedByConfig = retriedStatusesByConfig(
      retries.sites.filter(
        (site) => site.kind !== 'predicate' || !keptOut(site, site.statuses.intersect(watched)),
      ),
    );
    const checkedConfigs = new Set<RetryConfig>();
    for (const config of retries.configs) {
      if (checkedConfigs.has(config)) continue;
      checkedConfigs.add(config);
      const retried = retriedByConfig.get(config) ?? StatusSet.EMPTY;
      if (config.library.afterStatusCodes) checkAfterStatusCodes(config, watched);
      else if (config.library.retryDelay)
        checkDelayOption(config, retriedStatuses(model, config, retried).intersect(watched));
    }

    /**
     * A filter the analysis does not evaluate (a predicate defined elsewhere, a custom error class
     * rethrown, a message check, a caller's list, cockatiel's `handleWhen`) may keep the watched
     * statuses away from the wait: the same silence as `no-retry-on-client-error` (a miss beats a
     * false report).
     */
    function keptOut(site: RetrySite, statuses: StatusSet): boolean {
      if (site.kind === 'library-callback' && site.config?.filtered) return true;
      return !statuses.isEmpty && unevaluatedFilter(model, site, statuses) !== undefined;
    }

    /** A retry the code writes: report its delay (or the retry) when nothing on the path reads the wait. */
    function checkPath(site: RetrySite, statuses: StatusSet): void {
      if (readsOnPath(reads, site.container, retryTargets(site))) return;
      const delay = delayOnPath(model, site);
      const data = { statuses: describeStatuses(statuses) };
      // A wait added before the retry statement (`continue`, `return retry(u)`), reading what is there.
      const addWait = (): TSESLint.SuggestionReportDescriptor<MessageIds>[] | null => {
        const fix = addWaitFix(model, site, isTypeScript(), quote);
        return fix ? [{ messageId: 'addWait', fix }] : null;
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
      const read = duration && headerReadAt(model, site, duration, isTypeScript(), quote);
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
      const { secondsForm, fullForm } = delayFixes(model, duration, read);
      // Only where the response is there on every path to the wait is the edit an autofix.
      const safe = read.readability === 'safe';
      report({
        node: duration,
        messageId: 'ignoresWait',
        data,
        ...(safe ? { fix: secondsForm } : {}),
        suggest: [
          ...(safe ? [] : [{ messageId: 'useSecondsForm' as const, fix: secondsForm }]),
          { messageId: 'useFullForm', fix: fullForm },
        ],
      });
    }

    /** p-retry, async-retry, exponential-backoff, cockatiel: a throw the library retries on its own schedule. */
    function checkLibraryCallback(site: RetrySite, statuses: StatusSet): void {
      const config = site.config;
      if (!config || config.library.honoursRetryAfter || libraryRetryReadsWait(site, reads)) return;
      report({
        node: site.node,
        messageId: 'libraryCallback',
        data: { library: config.library.id, statuses: describeStatuses(statuses) },
      });
    }

    /** ky: `afterStatusCodes` that leaves out a watched status the library retries. */
    function checkAfterStatusCodes(config: RetryConfig, statuses: StatusSet): void {
      const gap = afterStatusCodesGap(model, config, statuses);
      const after = config.afterStatusCodes;
      if (!gap || !after?.property) return;
      const property = after.property;
      const { dropped } = gap;
      const removable = gap.defaultHoldsThem && sourceCode.getCommentsInside(property).length === 0;
      const array = after.array && contains(property, after.array) ? after.array : undefined;
      report({
        node: property,
        messageId: 'kyAfterStatusCodes',
        data: { statuses: describeStatuses(dropped, 'and') },
        fix: removable
          ? (fixer) => removeProperty(fixer, sourceCode, property)
          : array
            ? (fixer) => appendStatuses(fixer, sourceCode, array, dropped)
            : null,
      });
    }

    /** fetch-retry, ofetch, axios-retry: a delay option that must read the header when watched statuses are retried. */
    function checkDelayOption(config: RetryConfig, statuses: StatusSet): void {
      const option = config.library.retryDelay;
      if (!option || statuses.isEmpty || !config.options) return;
      if (retriesDisabled(model, config.options, config.library.retriesOption)) return;
      const shape = option.callback;
      const data = { library: config.library.id, statuses: describeStatuses(statuses) };
      const property = findProperty(config.options, option.name);
      if (!property) {
        if (!option.defaultIgnoresWait) return;
        if (delayOptionSetElsewhere(config, retries.configs)) return;
        const after = config.statusCodes?.property ?? config.predicates[0]?.property;
        if (!after) return;
        const text = `${option.name}: ${delayCallbackText(sourceCode, after, shape, quote, 'default', String(config.library.defaultDelayMs ?? 0))!}`;
        report({
          node: after,
          messageId: 'libraryDefaultDelay',
          data,
          fix: (fixer) => fixer.insertTextAfter(after, `, ${text}`),
        });
        return;
      }
      const value = property.value;
      const kind = delayValueKind(model, value, shape, reads);
      if (kind === 'reads' || kind === 'unknown') return;
      if (kind === 'number' && !option.numberIgnoresWait) return;
      const text = delayCallbackText(sourceCode, value, shape, quote, kind);
      report({
        node: value,
        messageId: 'libraryDelay',
        data,
        fix: text ? (fixer) => fixer.replaceText(value, text) : null,
      });
    }
  },
});
