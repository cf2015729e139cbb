import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '../analysis/core/node-types';

import type { Node } from '../analysis/core/ast';
import { contains, isFunction, skipWrappers, skipWrappersUp } from '../analysis/core/ast';
import type { RetryCondition, RetrySite, StatusList, StatusListEntry } from '../analysis/retry';
import { getRetries, neutralConditionSets } from '../analysis/retry';
import {
  hostRateLimitStatuses,
  readsRateLimitHeader,
  unevaluatedFilter,
} from '../analysis/retry/filters';
import { StatusSet } from '../analysis/status/status-set';
import type { StatusSubject } from '../analysis/status/subject';
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
const ERRORS = StatusSet.range(400, 599);
const SUCCESSES = StatusSet.ofClass(2);
/** @octokit/plugin-retry's default `doNotRetry`: dropping one of these makes octokit retry it. */
const OCTOKIT_DO_NOT_RETRY = StatusSet.of(400, 401, 403, 404, 410, 422, 451);

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
      if (list) reportList(list, bad);
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
    ):
      | { fix: TSESLint.ReportFixFunction }
      | { suggest: Array<TSESLint.SuggestionReportDescriptor<MessageIds>> } {
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

    /** `s === 429 || s >= 500`: the statuses of `set` in 400–599 as a condition on `s`. */
    function statusCondition(status: string, set: StatusSet): string {
      const errors = set.intersect(ERRORS);
      const target = errors.isEmpty ? set : errors;
      const terms = target.ranges().flatMap(([low, high]) => {
        if (high === 599 && low < 599) return [`${status} >= ${low}`];
        // Short runs read better as equalities: `s === 502 || s === 503`.
        if (high - low < 3)
          return Array.from({ length: high - low + 1 }, (_, i) => `${status} === ${low + i}`);
        const upper = (high + 1) % 100 === 0 ? `${status} < ${high + 1}` : `${status} <= ${high}`;
        return [`${status} >= ${low} && ${upper}`];
      });
      if (terms.length === 0) return 'false';
      return terms.length === 1
        ? terms[0]!
        : terms.map((t) => (t.includes('&&') ? `(${t})` : t)).join(' || ');
    }

    /** `s >= 400 && s < 500 && s !== 429`: a non-retryable client error. */
    function clientErrorCondition(status: string): string {
      return [
        `${status} >= 400`,
        `${status} < 500`,
        ...retryable.map((r) => `${status} !== ${r}`),
      ].join(' && ');
    }

    // ---- reading conditions -------------------------------------------------------------------

    function walk(node: Node, visit: (node: Node) => boolean): Node | undefined {
      if (visit(node)) return node;
      const keys =
        (sourceCode.visitorKeys as Record<string, readonly string[] | undefined>)[node.type] ?? [];
      for (const key of keys) {
        const child = (node as unknown as Record<string, unknown>)[key];
        for (const item of Array.isArray(child) ? child : [child]) {
          if (item && typeof (item as Node).type === 'string') {
            const found = walk(item as Node, visit);
            if (found) return found;
          }
        }
      }
      return undefined;
    }

    /** How the code reads the subject's status: `res.status`, `error.response?.status`, `status`. */
    function statusText(
      subject: StatusSubject,
      within: readonly Node[],
      statusProperty: string,
    ): string | undefined {
      for (const root of within) {
        const read = walk(root, (n) => subject.isStatus(n) && !isFunction(n));
        if (read) return sourceCode.getText(read);
      }
      for (const root of within) {
        const ok = walk(root, (n) => subject.isOk(n));
        const inner = ok && skipWrappers(ok);
        if (inner?.type === AST_NODE_TYPES.MemberExpression) {
          return `${sourceCode.getText(inner.object)}${inner.optional ? '?.' : '.'}${statusProperty}`;
        }
      }
      const holder = subject.holderVariables[0];
      return holder ? `${holder.name}.${statusProperty}` : undefined;
    }

    /** A condition made only of tests of the subject's status (no other operand). */
    function isPureStatusTest(node: Node, subject: StatusSubject): boolean {
      const inner = skipWrappers(node);
      if (inner.type === AST_NODE_TYPES.UnaryExpression && inner.operator === '!')
        return isPureStatusTest(inner.argument, subject);
      if (inner.type === AST_NODE_TYPES.LogicalExpression) {
        return (
          inner.operator !== '??' &&
          isPureStatusTest(inner.left, subject) &&
          isPureStatusTest(inner.right, subject)
        );
      }
      if (!model.conditionSets(inner, subject)) return false;
      return walk(inner, (n) => subject.isStatus(n) || subject.isOk(n)) !== undefined;
    }

    /** The part of a condition to rewrite so that it no longer holds for `bad`. */
    function rewriteTarget(node: Node, subject: StatusSubject, bad: StatusSet): Node | undefined {
      const inner = skipWrappers(node);
      const sets = neutralConditionSets(model, inner, subject);
      if (!sets || !sets.whenTrue.intersects(bad)) return undefined;
      if (isPureStatusTest(inner, subject)) return node;
      if (inner.type !== AST_NODE_TYPES.LogicalExpression || inner.operator === '??')
        return undefined;
      const left = neutralConditionSets(model, inner.left, subject);
      const right = neutralConditionSets(model, inner.right, subject);
      if (inner.operator === '||' && left && right) return undefined;
      if (inner.operator === '&&' && left && right)
        return rewriteTarget(inner.left, subject, bad) ?? rewriteTarget(inner.right, subject, bad);
      return left
        ? rewriteTarget(inner.left, subject, bad)
        : rewriteTarget(inner.right, subject, bad);
    }

    function needsParentheses(node: Node, text: string): boolean {
      if (!text.includes('||')) return false;
      const parent = node.parent;
      if (!parent) return false;
      switch (parent.type) {
        case AST_NODE_TYPES.LogicalExpression:
          return parent.operator !== '||';
        case AST_NODE_TYPES.IfStatement:
        case AST_NODE_TYPES.WhileStatement:
        case AST_NODE_TYPES.DoWhileStatement:
        case AST_NODE_TYPES.ForStatement:
        case AST_NODE_TYPES.ReturnStatement:
        case AST_NODE_TYPES.VariableDeclarator:
          return false;
        case AST_NODE_TYPES.ConditionalExpression:
          return parent.test !== node;
        case AST_NODE_TYPES.ArrowFunctionExpression:
          return false;
        default:
          return true;
      }
    }

    // ---- reports -------------------------------------------------------------------------------

    function reportList(list: StatusList, bad: StatusSet): void {
      if (list.format === 'exclude') {
        const missing = bad.intersect(OCTOKIT_DO_NOT_RETRY);
        const node = list.array ?? list.property;
        if (missing.isEmpty || !node || !once(node, 'unlistsClientError')) return;
        const array = list.array;
        context.report({
          node,
          messageId: 'unlistsClientError',
          data: { statuses: missing.toString() },
          fix: array
            ? (fixer) => {
                const added = [...missing].join(', ');
                const closing = sourceCode.getLastToken(array)!;
                // The token before `]` ends the last element, parentheses included, or is a trailing comma.
                const before = sourceCode.getTokenBefore(closing)!;
                if (array.elements.length === 0) return fixer.insertTextBefore(closing, added);
                return before.value === ','
                  ? fixer.insertTextAfter(before, ` ${added},`)
                  : fixer.insertTextAfter(before, `, ${added}`);
              }
            : null,
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
          ...fixOrSuggestion(offending, (fixer) => fixList(fixer, array, offenders, bad)),
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
          ...(list.array
            ? fixOrSuggestion(offending, (fixer) =>
                entry.range
                  ? splitRange(fixer, list.array!, entry.node, entry.statuses.minus(bad))
                  : removeElement(fixer, list.array!, entry.node),
              )
            : {}),
        });
      }
    }

    function removeElement(
      fixer: TSESLint.RuleFixer,
      array: TSESTree.ArrayExpression,
      element: Node,
    ): TSESLint.RuleFix | null {
      const elements = array.elements;
      const index = elements.indexOf(element as TSESTree.Expression);
      if (index < 0) return null;
      // The element with its parentheses: `(ok ? 200 : 500)`.
      let first = sourceCode.getFirstToken(element)!;
      let last = sourceCode.getLastToken(element)!;
      for (;;) {
        const before = sourceCode.getTokenBefore(first);
        const after = sourceCode.getTokenAfter(last);
        if (before?.value !== '(' || after?.value !== ')') break;
        first = before;
        last = after;
      }
      const previous = sourceCode.getTokenBefore(first)!;
      const next = sourceCode.getTokenAfter(last)!;
      const text = sourceCode.text;
      let range: [number, number];
      const lineStart = text.lastIndexOf('\n', first.range[0] - 1) + 1;
      const end = next.value === ',' ? next.range[1] : last.range[1];
      const lineEnd = text.indexOf('\n', end);
      if (
        lineEnd >= 0 &&
        elements.length > 1 &&
        text.slice(lineStart, first.range[0]).trim() === '' &&
        text.slice(end, lineEnd).trim() === ''
      ) {
        // Alone on its line (with its comma): remove the line.
        range = [lineStart, lineEnd + 1];
      } else if (next.value === ',' && index < elements.length - 1) {
        range = [
          first.range[0],
          sourceCode.getTokenAfter(next, { includeComments: true })!.range[0],
        ];
      } else if (previous.value === ',') {
        range = [previous.range[0], last.range[1]];
      } else {
        range = [first.range[0], next.value === ',' ? next.range[1] : last.range[1]];
      }
      if (sourceCode.getAllComments().some((c) => c.range[0] < range[1] && c.range[1] > range[0]))
        return null;
      return fixer.removeRange(range);
    }

    /**
     * One fix for several elements of one array: each offending element is removed (a range
     * entry keeps the statuses that are not `bad`), as the element-by-element fixes would leave
     * it, written as one edit so that no host has to merge touching fixes.
     */
    function fixList(
      fixer: TSESLint.RuleFixer,
      array: TSESTree.ArrayExpression,
      offenders: readonly StatusListEntry[],
      bad: StatusSet,
    ): TSESLint.RuleFix | null {
      const elements = array.elements as readonly Node[];
      const text = sourceCode.text;
      const edits: Array<{ range: [number, number]; text: string }> = [];
      const removed = new Set<number>();
      for (const entry of offenders) {
        const kept = entry.range ? entry.statuses.minus(bad) : StatusSet.EMPTY;
        if (kept.isEmpty) removed.add(elements.indexOf(entry.node));
        else {
          if (sourceCode.getCommentsInside(entry.node).length > 0) return null;
          edits.push({
            range: [entry.node.range[0], entry.node.range[1]],
            text: kept
              .ranges()
              .map(([low, high]) => `[${low}, ${high}]`)
              .join(', '),
          });
        }
      }
      // An element with its parentheses: `(ok ? 200 : 500)`.
      const bounds = (element: Node): [TSESLint.AST.Token, TSESLint.AST.Token] => {
        let first = sourceCode.getFirstToken(element)!;
        let last = sourceCode.getLastToken(element)!;
        for (;;) {
          const before = sourceCode.getTokenBefore(first);
          const after = sourceCode.getTokenAfter(last);
          if (before?.value !== '(' || after?.value !== ')') break;
          first = before;
          last = after;
        }
        return [first, last];
      };
      const aloneOnLine = (index: number): [number, number] | undefined => {
        const [first, last] = bounds(elements[index]!);
        const next = sourceCode.getTokenAfter(last)!;
        const lineStart = text.lastIndexOf('\n', first.range[0] - 1) + 1;
        const end = next.value === ',' ? next.range[1] : last.range[1];
        const lineEnd = text.indexOf('\n', end);
        return lineEnd >= 0 &&
          text.slice(lineStart, first.range[0]).trim() === '' &&
          text.slice(end, lineEnd).trim() === ''
          ? [lineStart, lineEnd + 1]
          : undefined;
      };
      const indices = [...removed].sort((a, b) => a - b);
      const lines = removed.size < elements.length ? indices.map(aloneOnLine) : [];
      if (lines.length > 0 && lines.every((range) => range !== undefined)) {
        // Each alone on its line (with its comma): remove the lines.
        for (const range of lines) edits.push({ range: range!, text: '' });
      } else {
        let lastKept = -1;
        for (let index = elements.length - 1; index >= 0; index--) {
          if (!removed.has(index)) {
            lastKept = index;
            break;
          }
        }
        for (const index of indices) {
          if (index > lastKept) break;
          // Up to the next element: the element, its comma and the space after it.
          const [first, last] = bounds(elements[index]!);
          const comma = sourceCode.getTokenAfter(last)!;
          edits.push({
            range: [
              first.range[0],
              sourceCode.getTokenAfter(comma, { includeComments: true })!.range[0],
            ],
            text: '',
          });
        }
        if (indices.at(-1)! > lastKept) {
          // The elements after the last one kept, with the comma before them (or every element).
          const [, last] = bounds(elements.at(-1)!);
          if (lastKept >= 0) {
            const comma = sourceCode.getTokenAfter(bounds(elements[lastKept]!)[1])!;
            edits.push({ range: [comma.range[0], last.range[1]], text: '' });
          } else {
            const after = sourceCode.getTokenAfter(last)!;
            edits.push({
              range: [
                bounds(elements[0]!)[0].range[0],
                after.value === ',' ? after.range[1] : last.range[1],
              ],
              text: '',
            });
          }
        }
      }
      edits.sort((a, b) => a.range[0] - b.range[0]);
      const start = edits[0]!.range[0];
      const end = edits.at(-1)!.range[1];
      if (
        sourceCode
          .getAllComments()
          .some(
            (c) =>
              c.range[0] < end &&
              c.range[1] > start &&
              edits.some(
                (e) => e.text === '' && c.range[0] < e.range[1] && c.range[1] > e.range[0],
              ),
          )
      )
        return null;
      let replacement = '';
      let at = start;
      for (const edit of edits) {
        replacement += text.slice(at, edit.range[0]) + edit.text;
        at = edit.range[1];
      }
      return fixer.replaceTextRange([start, end], replacement);
    }

    function splitRange(
      fixer: TSESLint.RuleFixer,
      array: TSESTree.ArrayExpression,
      element: Node,
      kept: StatusSet,
    ): TSESLint.RuleFix | null {
      if (kept.isEmpty) return removeElement(fixer, array, element);
      if (sourceCode.getCommentsInside(element).length > 0) return null;
      return fixer.replaceText(
        element,
        kept
          .ranges()
          .map(([low, high]) => `[${low}, ${high}]`)
          .join(', '),
      );
    }

    function reportPath(site: RetrySite, bad: StatusSet): void {
      const subject = site.subject;
      const statusProperty = site.response?.request.client.statusProperty ?? 'status';
      const data = { statuses: describe(bad), retryable: retryableText };
      // A rewrite of the condition that decides the retry, where the retry follows when it holds.
      const canRewrite = subject && site.kind !== 'library-callback' && !site.thrownAt;
      let rewrite: Suggestion | undefined;
      if (canRewrite) {
        for (const condition of site.conditions) {
          if (condition.branch !== 'true') continue;
          const target = rewriteTarget(condition.node, subject, bad);
          if (!target) continue;
          if (!once(target, 'retriesClientError')) return;
          const edit = conditionEdit(site, condition, target, subject, bad, statusProperty);
          // An autofix only where the branch does nothing but retry and the statuses it drops
          // already take the path after it (`!res.ok && tries < 3`: on the last try they do).
          if (edit?.safe) {
            context.report({ node: target, messageId: 'retriesClientError', data, fix: edit.fix });
            return;
          }
          if (edit)
            rewrite = {
              messageId: edit.messageId,
              data: { ...data, allowed: allowedText },
              fix: edit.fix,
            };
          const more = suggestions(site, subject, statusProperty);
          context.report({
            node: target,
            messageId: 'retriesClientError',
            data,
            suggest: rewrite ? [rewrite, ...more] : more,
          });
          return;
        }
      }
      const where = reportNode(site);
      if (!once(where, 'retriesClientError')) return;
      context.report({
        node: where,
        loc: isLoopNode(where) ? loopHead(where) : where.loc,
        messageId: 'retriesClientError',
        data,
        suggest: subject ? suggestions(site, subject, statusProperty) : [],
      });
    }

    /**
     * The edit that stops `condition` from retrying `bad`: the status test rewritten, a `||`
     * operand dropped, or the retrying `if` removed; never a constant condition. `safe` when the
     * branch does nothing but retry (a wait, a counter, the retry) and the statuses it drops
     * already took the path after it (`!res.ok && tries < 3`: on the last try), so working code
     * keeps working; otherwise the same edit is a suggestion.
     */
    function conditionEdit(
      site: RetrySite,
      condition: RetryCondition,
      target: Node,
      subject: StatusSubject,
      bad: StatusSet,
      statusProperty: string,
    ): { fix: TSESLint.ReportFixFunction; safe: boolean; messageId: MessageIds } | undefined {
      const kept = neutralConditionSets(model, target, subject)!.whenTrue.minus(bad);
      const branch = retryBranch(condition.node, site);
      const onlyRetries =
        branch === 'value' ||
        branch === 'loop' ||
        (branch !== undefined && branchOnlyRetries(branch, site));
      const fallsThrough =
        site.kind === 'predicate' ||
        bad.isSubsetOf(
          model.conditionSets(condition.node, subject)?.whenFalse ?? StatusSet.EMPTY,
        ) ||
        throwsNext(condition.node);
      const safe = onlyRetries && fallsThrough;
      // `status !== 202` holds for 200 too: a rewrite to error statuses would send them elsewhere
      // (a predicate is asked about failed requests only).
      if (site.kind !== 'predicate' && kept.intersects(SUCCESSES)) return undefined;
      if (!kept.intersect(ERRORS).isEmpty) {
        const status = statusText(subject, [target], statusProperty);
        if (!status || sourceCode.getCommentsInside(target).length > 0) return undefined;
        let text = statusCondition(status, kept);
        if (needsParentheses(target, text)) text = `(${text})`;
        return {
          fix: (fixer) => fixer.replaceText(target, text),
          safe,
          messageId: 'suggestRetryOnly',
        };
      }
      // No status is left to test: `other || status === 404` keeps `other`.
      const parent = target.parent;
      if (parent?.type === AST_NODE_TYPES.LogicalExpression && parent.operator === '||') {
        if (sourceCode.getCommentsInside(parent).length > 0) return undefined;
        const other = sourceCode.getText(parent.left === target ? parent.right : parent.left);
        return {
          fix: (fixer) => fixer.replaceText(parent, other),
          safe,
          messageId: 'suggestRetryOnly',
        };
      }
      // The whole condition is false for every status (`status === 404 && n < 3`): the `if` goes.
      for (let node: Node = target; node !== condition.node; node = node.parent!) {
        const up = node.parent;
        if (!up || (up.type === AST_NODE_TYPES.LogicalExpression && up.operator !== '&&'))
          return undefined;
      }
      const statement = skipWrappersUp(condition.node).parent;
      if (
        statement?.type !== AST_NODE_TYPES.IfStatement ||
        statement.alternate ||
        statement.parent.type !== AST_NODE_TYPES.BlockStatement
      )
        return undefined;
      if (sourceCode.getCommentsInside(statement).length > 0) return undefined;
      const sideEffects = walk(
        statement.test,
        (n) =>
          n.type === AST_NODE_TYPES.UpdateExpression ||
          n.type === AST_NODE_TYPES.AssignmentExpression ||
          n.type === AST_NODE_TYPES.AwaitExpression,
      );
      return {
        fix: (fixer) => removeStatement(fixer, statement),
        safe: safe && !sideEffects,
        messageId: 'suggestRemoveRetry',
      };
    }

    /** `if (…) retry; throw err;`: what the condition no longer lets through fails. */
    function throwsNext(condition: Node): boolean {
      const statement = skipWrappersUp(condition).parent;
      if (
        statement?.type !== AST_NODE_TYPES.IfStatement ||
        statement.alternate ||
        statement.parent.type !== AST_NODE_TYPES.BlockStatement
      )
        return false;
      const body = statement.parent.body;
      return body[body.indexOf(statement) + 1]?.type === AST_NODE_TYPES.ThrowStatement;
    }

    /** What runs when a retry condition holds: a statement, `'loop'` for a loop test, `'value'` for a predicate's answer. */
    function retryBranch(condition: Node, site: RetrySite): Node | 'loop' | 'value' | undefined {
      const top = skipWrappersUp(condition);
      const parent = top.parent;
      if (!parent) return undefined;
      if (
        (parent.type === AST_NODE_TYPES.IfStatement ||
          parent.type === AST_NODE_TYPES.ConditionalExpression) &&
        parent.test === top
      )
        return parent.consequent;
      const loopTest =
        parent.type === AST_NODE_TYPES.WhileStatement ||
        parent.type === AST_NODE_TYPES.DoWhileStatement ||
        parent.type === AST_NODE_TYPES.ForStatement
          ? parent.test
          : undefined;
      if (loopTest === top) return 'loop';
      if (
        site.kind === 'predicate' &&
        (parent.type === AST_NODE_TYPES.ReturnStatement || isFunction(parent))
      )
        return 'value';
      return undefined;
    }

    /** A branch that only retries: the retry itself, waits, counters (`attempt++`), a predicate's `return true`. */
    function branchOnlyRetries(node: Node, site: RetrySite): boolean {
      switch (node.type) {
        case AST_NODE_TYPES.BlockStatement:
          return node.body.every((statement) => branchOnlyRetries(statement, site));
        case AST_NODE_TYPES.ContinueStatement:
          return node === site.node;
        case AST_NODE_TYPES.ReturnStatement: {
          const argument = node.argument && skipWrappers(node.argument);
          if (!argument) return false;
          if (site.kind === 'predicate')
            return argument.type === AST_NODE_TYPES.Literal && argument.value === true;
          return contains(argument, site.node);
        }
        case AST_NODE_TYPES.ExpressionStatement:
          return branchOnlyRetries(node.expression, site);
        case AST_NODE_TYPES.AwaitExpression:
          return branchOnlyRetries(skipWrappers(node.argument), site);
        case AST_NODE_TYPES.UpdateExpression:
          return node.argument.type === AST_NODE_TYPES.Identifier;
        case AST_NODE_TYPES.AssignmentExpression:
          return node.operator !== '=' && node.left.type === AST_NODE_TYPES.Identifier;
        default:
          return contains(node, site.node) || site.delays.some((delay) => delay.node === node);
      }
    }

    /** Removes a statement, with its line when it stands alone on it. */
    function removeStatement(fixer: TSESLint.RuleFixer, statement: Node): TSESLint.RuleFix {
      const text = sourceCode.text;
      const lineStart = text.lastIndexOf('\n', statement.range[0] - 1) + 1;
      const lineEnd = text.indexOf('\n', statement.range[1]);
      const end = lineEnd < 0 ? text.length : lineEnd;
      if (
        text.slice(lineStart, statement.range[0]).trim() === '' &&
        text.slice(statement.range[1], end).trim() === ''
      ) {
        return fixer.removeRange([lineStart, lineEnd < 0 ? end : lineEnd + 1]);
      }
      const next = sourceCode.getTokenAfter(statement, { includeComments: true });
      return fixer.removeRange([
        statement.range[0],
        next && next.loc.start.line === statement.loc.end.line ? next.range[0] : statement.range[1],
      ]);
    }

    function reportNode(site: RetrySite): Node {
      const condition: RetryCondition | undefined = site.conditions[0];
      if (!condition) return site.node;
      return condition.node.type === AST_NODE_TYPES.SwitchCase
        ? (condition.node.test ?? site.node)
        : condition.node;
    }

    function isLoopNode(node: Node): boolean {
      return (
        node.type === AST_NODE_TYPES.ForStatement ||
        node.type === AST_NODE_TYPES.WhileStatement ||
        node.type === AST_NODE_TYPES.DoWhileStatement ||
        node.type === AST_NODE_TYPES.ForOfStatement ||
        node.type === AST_NODE_TYPES.ForInStatement
      );
    }

    function loopHead(node: Node): TSESTree.SourceLocation {
      const first = sourceCode.getFirstToken(node)!;
      return first.loc;
    }

    type Suggestion = TSESLint.SuggestionReportDescriptor<MessageIds>;

    function suggestions(
      site: RetrySite,
      subject: StatusSubject,
      statusProperty: string,
    ): Suggestion[] {
      const data = { allowed: allowedText };
      const status = statusText(
        subject,
        site.conditions.map((c) => c.node),
        statusProperty,
      );
      if (!status) return [];
      const condition = clientErrorCondition(status);
      if (site.kind === 'library-callback') {
        const stop = site.config?.library.stop;
        if (!stop || !site.response) return [];
        const before = statementBefore(site, site.node);
        if (!before) return [];
        if (stop.kind === 'abort-error') {
          const name = abortErrorName(site);
          if (!name) return [];
          return [
            {
              messageId: 'suggestAbortError',
              data,
              fix: (fixer) => {
                const fixes = [
                  insertBefore(
                    fixer,
                    before,
                    `if (${condition}) throw new ${name.local}(\`Request failed with status \${${status}}\`);`,
                  ),
                ];
                if (name.addImport) fixes.push(name.addImport(fixer));
                return fixes;
              },
            },
          ];
        }
        const callback = site.config?.callback;
        if (!callback) return [];
        const param = callback.params[stop.parameter];
        if (param && param.type !== AST_NODE_TYPES.Identifier) return [];
        const bail = param ? param.name : 'bail';
        if (!param && (callback.params.length !== stop.parameter || scopeHas(callback, 'bail')))
          return [];
        return [
          {
            messageId: 'suggestBail',
            data,
            fix: (fixer) => {
              const fixes = [
                insertBefore(
                  fixer,
                  before,
                  `if (${condition}) { ${bail}(new Error(\`Request failed with status \${${status}}\`)); return; }`,
                ),
              ];
              if (!param) {
                const opening = callback.params.length === 0 ? openingParen(callback) : undefined;
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
                ? insertBefore(fixer, first, `if (${condition}) throw ${param.name};`)
                : fixer.insertTextAfter(
                    sourceCode.getFirstToken(handler.body)!,
                    ` if (${condition}) throw ${param.name}; `,
                  ),
          },
        ];
      }
      if (site.thrownAt || !site.response) return [];
      const before = statementBefore(site, site.node);
      if (!before) return [];
      return [
        {
          messageId: 'suggestEarlyExit',
          data,
          fix: (fixer) =>
            insertBefore(
              fixer,
              before,
              `if (${condition}) throw new Error(\`Request failed with status \${${status}}\`);`,
            ),
        },
      ];
    }

    /**
     * The statement to put an early exit before: the statement (in a block) that holds the
     * outermost condition of the retry path, after the response is known.
     */
    function statementBefore(site: RetrySite, fallback: Node): TSESTree.Statement | undefined {
      const anchor = site.response
        ? (site.response.helperCall ?? site.response.request.node)
        : undefined;
      const outermost = site.conditions.at(-1)?.node ?? fallback;
      for (
        let current: Node | undefined = outermost;
        current && current !== site.container;
        current = current.parent
      ) {
        const parent: Node | undefined = current.parent;
        if (
          parent?.type === AST_NODE_TYPES.BlockStatement &&
          (!anchor || anchor.range[1] <= current.range[0])
        ) {
          return current as TSESTree.Statement;
        }
        if (parent && isFunction(parent)) return undefined;
      }
      return undefined;
    }

    /** Inserts a statement before another: on its own line when the other starts a line. */
    function insertBefore(
      fixer: TSESLint.RuleFixer,
      statement: Node,
      text: string,
    ): TSESLint.RuleFix {
      const line = sourceCode.lines[statement.loc.start.line - 1] ?? '';
      const startsLine = line.slice(0, statement.loc.start.column).trim() === '';
      return fixer.insertTextBefore(
        statement,
        startsLine ? `${text}\n${indentOf(statement)}` : `${text} `,
      );
    }

    function indentOf(node: Node): string {
      const line = sourceCode.lines[node.loc.start.line - 1] ?? '';
      return /^\s*/.exec(line)![0];
    }

    function openingParen(fn: Node): TSESTree.Token | undefined {
      const token = sourceCode.getFirstToken(fn, (t) => t.value === '(');
      return token ?? undefined;
    }

    function scopeHas(fn: Node, name: string): boolean {
      return ASTUtils.findVariable(sourceCode.getScope(fn), name) !== null;
    }

    function enclosingCatch(node: Node | undefined): TSESTree.CatchClause | undefined {
      for (let current = node; current; current = current.parent)
        if (current.type === AST_NODE_TYPES.CatchClause) return current;
      return undefined;
    }

    /** The local name of p-retry's `AbortError`, and the import change that brings it in when missing. */
    function abortErrorName(
      site: RetrySite,
    ): { local: string; addImport?: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix } | undefined {
      const callSite = site.config?.site;
      if (callSite?.type !== AST_NODE_TYPES.CallExpression) return undefined;
      const callee = skipWrappers(callSite.callee);
      if (callee.type !== AST_NODE_TYPES.Identifier) return undefined;
      const variable = model.file.variableOf(callee);
      const def = variable?.defs[0];
      if (def?.type === 'ImportBinding' && def.parent.type === AST_NODE_TYPES.ImportDeclaration) {
        const declaration = def.parent;
        for (const specifier of declaration.specifiers) {
          if (specifier.type !== AST_NODE_TYPES.ImportSpecifier) continue;
          const imported =
            specifier.imported.type === AST_NODE_TYPES.Identifier
              ? specifier.imported.name
              : specifier.imported.value;
          if (imported === 'AbortError') return { local: specifier.local.name };
        }
        if (ASTUtils.findVariable(sourceCode.getScope(site.node), 'AbortError')) return undefined;
        const named = declaration.specifiers.filter(
          (s) => s.type === AST_NODE_TYPES.ImportSpecifier,
        );
        const last = named.at(-1);
        if (last)
          return {
            local: 'AbortError',
            addImport: (fixer) => fixer.insertTextAfter(last, ', AbortError'),
          };
        const only = declaration.specifiers[0];
        if (
          declaration.specifiers.length === 1 &&
          only?.type === AST_NODE_TYPES.ImportDefaultSpecifier
        ) {
          return {
            local: 'AbortError',
            addImport: (fixer) => fixer.insertTextAfter(only, ', { AbortError }'),
          };
        }
        return undefined;
      }
      // CommonJS p-retry (v4) carries AbortError on the function.
      if (def?.type === 'Variable') return { local: `${callee.name}.AbortError` };
      return undefined;
    }
  },
});
