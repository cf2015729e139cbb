import type { TSESLint } from '@typescript-eslint/utils';

import type { Node } from '../analysis';
import {
  acceptsStatus,
  getServerAnalysis,
  getStatusComparisons,
  integerOfString,
  isNeverAStatus,
  likelyMeantStatuses,
  literalString,
  skipWrappers,
} from '../analysis';
import {
  describeAcceptedStatuses,
  describeComparisonOutcome,
  isNumberLiteral,
} from '../fixes/status-text';
import { createRule } from '../util/create-rule';

export type Options = [{ autofix?: boolean }];
export type MessageIds =
  | 'statusNotAccepted'
  | 'stringStatus'
  | 'statusForInit'
  | 'comparedWithString'
  | 'comparedWithNonStatus'
  | 'useStatus'
  | 'useNumber'
  | 'useInit';

export default createRule<Options, MessageIds>({
  name: 'valid-status-code',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow status codes the runtime rejects, and status comparisons that can never be true',
      recommended: 'recommended',
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          autofix: {
            type: 'boolean',
            description:
              'Apply the certain fixes (a numeric string to its number, a bare status to `{ status }`) with `--fix`. When false, each is offered as a suggestion.',
          },
        },
      },
    ],
    defaultOptions: [{ autofix: true }],
    messages: {
      statusNotAccepted: '{{api}} takes {{accepted}} as a status: {{value}} is not one.',
      stringStatus:
        'The status {{value}} is a string: {{api}} throws on a status that is not an integer.',
      statusForInit:
        'The second argument of {{api}} is an init object, not a status: a bare {{value}} is rejected or ignored. Pass `{ status: {{value}} }`.',
      comparedWithString:
        '{{status}} is compared with the string {{value}}, and an HTTP status is a number: {{outcome}}.',
      comparedWithNonStatus:
        '{{value}} is no HTTP status (a status has three digits): {{outcome}}.',
      useStatus: 'Use {{status}}.',
      useNumber: 'Use the number {{status}}.',
      useInit: 'Pass `{ status: {{value}} }`.',
    },
  },
  check(context, model, options) {
    const { sourceCode } = context;
    let autofix: boolean | undefined;
    /** A certain fix: applied by `--fix`, or offered as the one suggestion when `autofix` is off. */
    const certain = (
      fix: TSESLint.ReportFixFunction,
      suggestion: { messageId: MessageIds; data: Record<string, unknown> },
    ) => {
      autofix ??= options()[0].autofix !== false;
      return autofix ? { fix, suggest: [] } : { fix: null, suggest: [{ ...suggestion, fix }] };
    };
    const text = (node: Node): string => sourceCode.getText(node);
    /** The value as written, without parentheses or `as T` (kept by the fixes). */
    const written = (node: Node): string => text(skipWrappers(node));

    for (const { node, accepts, place } of getServerAnalysis(model).statusArguments) {
      const api = accepts.api;
      const accepted = describeAcceptedStatuses(accepts);
      if (place === 'init') {
        const value = model.resolveStatus(node);
        if (value === undefined) continue;
        const data = { api, value: written(node) };
        const fix = (fixer: TSESLint.RuleFixer): TSESLint.RuleFix =>
          fixer.replaceText(node, `{ status: ${text(node)} }`);
        context.report({
          node,
          messageId: 'statusForInit',
          data,
          ...(acceptsStatus(accepts, value)
            ? certain(fix, { messageId: 'useInit', data: { value: text(node) } })
            : {}),
        });
        continue;
      }
      const string = literalString(node);
      if (string !== undefined) {
        const integer = integerOfString(string);
        if (accepts.strings === 'throw') {
          const fix = (fixer: TSESLint.RuleFixer): TSESLint.RuleFix =>
            fixer.replaceText(skipWrappers(node), String(integer));
          context.report({
            node,
            messageId: 'stringStatus',
            data: { api, value: written(node) },
            ...(integer !== undefined && acceptsStatus(accepts, integer)
              ? certain(fix, { messageId: 'useNumber', data: { status: integer } })
              : {}),
          });
        } else if (integer !== undefined && !acceptsStatus(accepts, integer)) {
          // Converted to a number, which the API then rejects. Other strings (a status name) are not judged.
          context.report({
            node,
            messageId: 'statusNotAccepted',
            data: { api, value: written(node), accepted },
          });
        }
        continue;
      }
      const value = model.resolveStatus(node);
      if (value === undefined || acceptsStatus(accepts, value)) continue;
      // A typo is guessed only for a number with no status's digits (`4040`); `{ status: 101 }` was meant.
      const meant =
        isNumberLiteral(node) && isNeverAStatus(value) ? likelyMeantStatuses(value, accepts) : [];
      context.report({
        node,
        messageId: 'statusNotAccepted',
        data: { api, value: String(value), accepted },
        suggest: meant.map((status) => ({
          messageId: 'useStatus' as const,
          data: { status },
          fix: (fixer: TSESLint.RuleFixer) => fixer.replaceText(skipWrappers(node), String(status)),
        })),
      });
    }

    for (const comparison of getStatusComparisons(model)) {
      const { value: node, operator, constant, numeric } = comparison;
      const data = {
        status: text(comparison.status),
        value: written(node),
        outcome: describeComparisonOutcome(comparison),
      };
      if (constant.kind === 'number') {
        if (!isNeverAStatus(constant.value)) continue;
        const meant = isNumberLiteral(node) ? likelyMeantStatuses(constant.value) : [];
        context.report({
          node,
          messageId: 'comparedWithNonStatus',
          data,
          suggest: meant.map((status) => ({
            messageId: 'useStatus' as const,
            data: { status },
            fix: (fixer: TSESLint.RuleFixer) =>
              fixer.replaceText(skipWrappers(node), String(status)),
          })),
        });
        continue;
      }
      const integer = integerOfString(constant.value);
      if (operator === '==' || operator === '!=') {
        // `==` converts the string: `'404'` equals 404, `''` equals 0. Only a string that is no number never does.
        if (!numeric || !Number.isNaN(Number(constant.value))) continue;
        context.report({ node, messageId: 'comparedWithString', data });
        continue;
      }
      // A caught error's `status` may be any error's: only a status spelled as a string is judged there.
      if (!numeric && integer === undefined) continue;
      const replaceable = integer !== undefined && !isNeverAStatus(integer);
      const replace = (fixer: TSESLint.RuleFixer): TSESLint.RuleFix =>
        fixer.replaceText(skipWrappers(node), String(integer));
      const useNumber = { messageId: 'useNumber' as const, data: { status: integer } };
      context.report({
        node,
        messageId: 'comparedWithString',
        data,
        ...(!replaceable
          ? {}
          : numeric
            ? certain(replace, useNumber)
            : { suggest: [{ ...useNumber, fix: replace }] }),
      });
    }
  },
});
