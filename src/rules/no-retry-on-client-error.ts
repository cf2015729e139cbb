import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../analysis';

import type { Node } from '../analysis';
import type { RetrySite, StatusList } from '../analysis';
import {
  abortErrorName,
  clientErrorCondition,
  conditionEdit,
  earlyExitStatement,
  enclosingCatch,
  getRetries,
  hostRateLimitStatuses,
  isLoop,
  readsRateLimitHeader,
  reportNode,
  rewriteTarget,
  scopeHas,
  statusListDefaults,
  statusText,
  testedForNull,
  unevaluatedFilter,
} from '../analysis';
import { insertStatuses, removeElement, removeStatusEntries, splitRange } from '../fixes/arrays';
import { insertStatementBefore, removeStatement } from '../fixes/statements';
import { StatusSet } from '../analysis';
import type { StatusSubject } from '../analysis';
import { createRule, perOptions } from '../util/create-rule';

type Options = [{ retryable?: number[] }];

type MessageIds =
  | 'retriesClientError'
  | 'listsClientError'
  | 'unlistsClientError'
  | 'suggestRetryOnly'
  | 'suggestRemoveRetry'
  | 'suggestStopRetrying'
  | 'suggestEarlyExit'
  | 'suggestRethrow'
  | 'suggestAbortError'
  | 'suggestBail';

const CLIENT_ERRORS = StatusSet.ofClass(4);
/** 408 (RFC 9110 §15.5.9: the client MAY repeat the request), 425 (RFC 8470 §5.2), 429 (RFC 6585 §4). */
const DEFAULT_RETRYABLE = [408, 425, 429];
/** 429 Too Many Requests: every client retries it (RFC 6585 §4); leaving it out of `retryable` is a choice an autofix must not act on. */
const RATE_LIMITED = StatusSet.of(429);

const settingsOf = perOptions((options: Options[0]) => {
  const retryable = [...new Set(options.retryable ?? DEFAULT_RETRYABLE)].sort((a, b) => a - b);
  return {
    retryable,
    retryableSet: StatusSet.of(...retryable),
    /** 429 when the options leave it out: stopping its retry is the options' choice, so never an autofix. */
    unlistedDefaults: RATE_LIMITED.minus(StatusSet.of(...retryable)),
    retryableText: retryable.length > 0 ? `${retryable.join(', ')} and 5xx` : '5xx',
    allowedText: retryable.length > 0 ? retryable.join(', ') : 'none',
  };
});

export default createRule<Options, MessageIds>({
  name: 'no-retry-on-client-error',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow retrying requests that failed with a 4xx client error other than 408, 425 and 429',
      recommended: 'recommended',
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          retryable: {
            type: 'array',
            description:
              'The 4xx statuses that may be retried. Defaults to 408 Request Timeout (RFC 9110 lets the client repeat the request), 425 Too Early (RFC 8470) and 429 Too Many Requests.',
            items: { type: 'integer', minimum: 400, maximum: 499 },
            uniqueItems: true,
          },
        },
      },
    ],
    defaultOptions: [{ retryable: DEFAULT_RETRYABLE }],
    messages: {
      retriesClientError:
        'This retry sends the same request again after {{statuses}}: a 4xx means the request itself is wrong, and sending it again gets the same answer. Retry only {{retryable}}.',
      listsClientError:
        'Retrying {{status}} cannot succeed: a 4xx means the request itself is wrong, and sending it again gets the same answer. Retry only {{retryable}}.',
      unlistsClientError:
        '`doNotRetry` leaves out {{statuses}}, so octokit retries them: a 4xx means the request itself is wrong, and sending it again gets the same answer.',
      suggestRetryOnly:
        'Retry only {{retryable}} here (the other statuses then take the path after the retry: check that it handles them).',
      suggestRemoveRetry:
        'Remove this retry ({{statuses}} then take the path after it: check that it handles them).',
      suggestStopRetrying: 'Stop retrying {{statuses}}.',
      suggestEarlyExit: 'Throw before the retry on a 4xx other than {{allowed}}.',
      suggestRethrow: 'Rethrow a 4xx other than {{allowed}} before the retry.',
      suggestAbortError: "Throw p-retry's `AbortError` on a 4xx other than {{allowed}}.",
      suggestBail: "Call async-retry's `bail` on a 4xx other than {{allowed}}.",
    },
  },
  check(context, model, options) {
    const { sites } = getRetries(model);
    if (sites.length === 0) return;
    const { retryable, retryableSet, unlistedDefaults, retryableText, allowedText } = settingsOf(
      options()[0],
    );
    const sourceCode = context.sourceCode;
    const reported = new Set<string>();
    for (const site of sites) {
      if (site.kind === 'library-callback' && site.config?.filtered) continue;
      let bad = site.statuses.clientErrorsExcept(retryable);
      if (bad.isEmpty) continue;
      // GitHub's rate limits answer 403: retrying that status against api.github.com is rate-limit handling.
      bad = bad.minus(hostRateLimitStatuses(model, site));
      if (bad.isEmpty) continue;
      // A retry the server asked for through a rate-limit header is not a retry of a client error;
      // a filter the analysis cannot read may keep the 4xx out: a miss beats a false report.
      if (readsRateLimitHeader(model, site) || unevaluatedFilter(model, site, bad)) continue;
      const list = site.kind === 'library-config' ? site.config?.statusCodes : undefined;
      if (list) reportList(site, list, bad);
      else reportPath(site, bad);
    }

    /**
     * The edit as a fix, or as a suggestion where it stops retrying a status only the options
     * call a client error (429 with `retryable` that leaves it out): a fix never rests on an
     * option's choice (`if (res.status === 429)` would become `if (false)`).
     */
    function fixOrSuggestion(
      statuses: StatusSet,
      fix: TSESLint.ReportFixFunction,
    ): { fix: TSESLint.ReportFixFunction } | { suggest: Suggestion[] } {
      if (statuses.intersect(unlistedDefaults).isEmpty) return { fix };
      return {
        suggest: [
          { messageId: 'suggestStopRetrying', data: { statuses: describe(statuses) }, fix },
        ],
      };
    }

    function describe(statuses: StatusSet): string {
      return statuses.equals(CLIENT_ERRORS.minus(retryableSet))
        ? `any 4xx${retryable.length > 0 ? ` other than ${retryable.join(', ')}` : ''}`
        : statuses.toString();
    }

    function once(node: Node, messageId: MessageIds): boolean {
      const key = `${node.range[0]}:${node.range[1]}:${messageId}`;
      if (reported.has(key)) return false;
      reported.add(key);
      return true;
    }

    function reportList(site: RetrySite, list: StatusList, bad: StatusSet): void {
      if (list.format === 'exclude') {
        // Left out of the exclusions: the library retries them.
        const missing = site.config ? bad.intersect(statusListDefaults(site.config.library)) : bad;
        const node = list.array ?? list.property;
        if (missing.isEmpty || !node || !once(node, 'unlistsClientError')) return;
        const array = list.array;
        context.report({
          node,
          messageId: 'unlistsClientError',
          data: { statuses: missing.toString() },
          fix: array ? (fixer) => insertStatuses(fixer, sourceCode, array, missing) : null,
        });
        return;
      }
      const array = list.array;
      const offenders = list.entries.filter((entry) => !entry.statuses.intersect(bad).isEmpty);
      if (
        array &&
        offenders.length > 1 &&
        offenders.every((entry) => array.elements.includes(entry.node as TSESTree.Expression))
      ) {
        // One report and one fix for the list: fixes of neighbouring elements touch, and oxlint
        // applies only one of two touching fixes per run (ESLint merges them).
        if (!once(array, 'listsClientError')) return;
        const offending = offenders.reduce(
          (all, entry) => all.union(entry.statuses.intersect(bad)),
          StatusSet.EMPTY,
        );
        context.report({
          node: array,
          loc: { start: offenders[0]!.node.loc.start, end: offenders.at(-1)!.node.loc.end },
          messageId: 'listsClientError',
          data: { status: describe(offending), retryable: retryableText },
          ...fixOrSuggestion(offending, (fixer) =>
            removeStatusEntries(fixer, sourceCode, array, offenders, bad),
          ),
        });
        return;
      }
      for (const entry of list.entries) {
        const offending = entry.statuses.intersect(bad);
        if (offending.isEmpty || !once(entry.node, 'listsClientError')) continue;
        context.report({
          node: entry.node,
          messageId: 'listsClientError',
          data: { status: describe(offending), retryable: retryableText },
          ...(array
            ? fixOrSuggestion(offending, (fixer) =>
                entry.range
                  ? splitRange(fixer, sourceCode, array, entry.node, entry.statuses.minus(bad))
                  : removeElement(fixer, sourceCode, array, entry.node),
              )
            : {}),
        });
      }
    }

    function reportPath(site: RetrySite, bad: StatusSet): void {
      const subject = site.subject;
      const statusProperty = site.response?.request.client.statusProperty ?? 'status';
      const data = { statuses: describe(bad), retryable: retryableText };
      // A rewrite of the condition that decides the retry, where the retry follows when it holds.
      const canRewrite = subject && site.kind !== 'library-callback' && !site.thrownAt;
      if (canRewrite) {
        for (const condition of site.conditions) {
          if (condition.branch !== 'true') continue;
          const target = rewriteTarget(model, condition.node, subject, bad);
          if (!target) continue;
          if (!once(target, 'retriesClientError')) return;
          const edit = conditionEdit(model, site, condition, target, subject, bad, statusProperty);
          const fix: TSESLint.ReportFixFunction | undefined = edit
            ? (fixer) =>
                edit.text === undefined
                  ? removeStatement(fixer, sourceCode, edit.node)
                  : fixer.replaceText(edit.node, edit.text)
            : undefined;
          // An autofix only where the branch does nothing but retry and the statuses it drops
          // already take the path after it (`!res.ok && tries < 3`: on the last try they do).
          if (edit?.safe) {
            context.report({ node: target, messageId: 'retriesClientError', data, fix });
            return;
          }
          const rewrite: Suggestion[] =
            edit && fix
              ? [
                  {
                    messageId:
                      edit.kind === 'retry-only' ? 'suggestRetryOnly' : 'suggestRemoveRetry',
                    data: { ...data, allowed: allowedText },
                    fix,
                  },
                ]
              : [];
          context.report({
            node: target,
            messageId: 'retriesClientError',
            data,
            suggest: [...rewrite, ...suggestions(site, subject, statusProperty)],
          });
          return;
        }
      }
      const where = reportNode(site);
      if (!once(where, 'retriesClientError')) return;
      context.report({
        node: where,
        // A loop: its first token, not the whole loop.
        loc: isLoop(where) ? sourceCode.getFirstToken(where)!.loc : where.loc,
        messageId: 'retriesClientError',
        data,
        suggest: subject ? suggestions(site, subject, statusProperty) : [],
      });
    }

    type Suggestion = TSESLint.SuggestionReportDescriptor<MessageIds>;

    /** Stopping the retry of a non-retryable 4xx before it happens: throw, rethrow, abort or bail. */
    function suggestions(
      site: RetrySite,
      subject: StatusSubject,
      statusProperty: string,
    ): Suggestion[] {
      const data = { allowed: allowedText };
      const status = statusText(
        model,
        subject,
        site.conditions.map((c) => c.node),
        statusProperty,
      );
      if (!status) return [];
      const condition = clientErrorCondition(status, retryable);
      const failure = `\`Request failed with status \${${status}}\``;
      if (site.kind === 'library-callback') {
        const stop = site.config?.library.stop;
        if (!stop || !site.response) return [];
        const before = earlyExitStatement(site, site.node);
        if (!before) return [];
        if (stop.kind === 'abort-error') {
          const name = abortErrorName(model, site);
          if (!name) return [];
          const throwIt = `if (${condition}) throw new ${name.local}(${failure});`;
          const addImport = name.addImport;
          return [
            {
              messageId: 'suggestAbortError',
              data,
              fix: (fixer) => [
                insertStatementBefore(fixer, sourceCode, before, throwIt),
                ...(addImport ? [fixer.insertTextAfter(addImport.after, addImport.text)] : []),
              ],
            },
          ];
        }
        const callback = site.config?.callback;
        if (!callback) return [];
        const param = callback.params[stop.parameter];
        if (param && param.type !== AST_NODE_TYPES.Identifier) return [];
        const bail = param ? param.name : 'bail';
        if (
          !param &&
          (callback.params.length !== stop.parameter || scopeHas(model, callback, 'bail'))
        )
          return [];
        const bailIt = `if (${condition}) { ${bail}(new Error(${failure})); return; }`;
        return [
          {
            messageId: 'suggestBail',
            data,
            fix: (fixer) => {
              const fixes = [insertStatementBefore(fixer, sourceCode, before, bailIt)];
              if (!param) {
                const opening =
                  callback.params.length === 0
                    ? (sourceCode.getFirstToken(callback, (t) => t.value === '(') ?? undefined)
                    : undefined;
                if (!opening) return [];
                fixes.push(fixer.insertTextAfter(opening, 'bail'));
              }
              return fixes;
            },
          },
        ];
      }
      if (site.kind === 'catch' && !site.thrownAt) {
        // Rethrow at the top of the catch.
        const handler = enclosingCatch(site.conditions[0]?.node);
        const param = handler?.param;
        if (!handler || param?.type !== AST_NODE_TYPES.Identifier) return [];
        const first = handler.body.body[0];
        return [
          {
            messageId: 'suggestRethrow',
            data,
            fix: (fixer) =>
              first
                ? insertStatementBefore(
                    fixer,
                    sourceCode,
                    first,
                    `if (${condition}) throw ${param.name};`,
                  )
                : fixer.insertTextAfter(
                    sourceCode.getFirstToken(handler.body)!,
                    ` if (${condition}) throw ${param.name}; `,
                  ),
          },
        ];
      }
      if (site.thrownAt || !site.response) return [];
      // `fetch(u).catch(() => null)`: `res.status` before the null test would throw (and not type-check).
      if (site.response.subject.holderVariables.some(testedForNull)) return [];
      const before = earlyExitStatement(site, site.node);
      if (!before) return [];
      return [
        {
          messageId: 'suggestEarlyExit',
          data,
          fix: (fixer) =>
            insertStatementBefore(
              fixer,
              sourceCode,
              before,
              `if (${condition}) throw new Error(${failure});`,
            ),
        },
      ];
    }
  },
});
