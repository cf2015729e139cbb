import type { TSESLint } from '@typescript-eslint/utils';

import type { FetchHeadersIndex, RetryAfterWait, RetryAfterWrite } from '../analysis';
import {
  isTypeScriptFile,
  retryAfterValueReads,
  retryAfterWrites,
  skipWrappersUp,
} from '../analysis';
import { fallbackText } from '../fixes/retry-after';
import {
  fixWrittenValue,
  readWithGet,
  replaceWithFullForm,
  scaleToMilliseconds,
} from '../fixes/retry-after-values';
import { createRule } from '../util/create-rule';
import type { FixCondition } from '../util/fix-or-suggest';
import { fixOrSuggest } from '../util/fix-or-suggest';

export type Options = [{ dateForm?: boolean; autofix?: boolean }];
export type MessageIds =
  | 'secondsAsMilliseconds'
  | 'nanWait'
  | 'dateOnlyWait'
  | 'headersByIndex'
  | 'writtenMilliseconds'
  | 'writtenFraction'
  | 'writtenDateForm'
  | 'multiplyBy1000'
  | 'useFullForm'
  | 'useGet'
  | 'useUTCString'
  | 'roundUp'
  | 'toSeconds';

const SUGGESTION_OF_WRITE: Record<RetryAfterWrite['mistake'], MessageIds> = {
  milliseconds: 'toSeconds',
  fraction: 'roundUp',
  'date-form': 'useUTCString',
};
const MESSAGE_OF_WRITE: Record<RetryAfterWrite['mistake'], MessageIds> = {
  milliseconds: 'writtenMilliseconds',
  fraction: 'writtenFraction',
  'date-form': 'writtenDateForm',
};

export default createRule<Options, MessageIds>({
  name: 'valid-retry-after',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Require `Retry-After` to be read and written as what it is: delay-seconds or an HTTP-date',
      recommended: 'recommended',
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          dateForm: {
            type: 'boolean',
            description:
              'Whether a numeric parse of `Retry-After` must handle the HTTP-date form too. `false` for code that only talks to servers documented to send delay-seconds.',
          },
          autofix: {
            type: 'boolean',
            description:
              'Whether `--fix` applies the edits this rule can prove; `false` offers them as suggestions only.',
          },
        },
      },
    ],
    defaultOptions: [{ dateForm: true, autofix: true }],
    messages: {
      secondsAsMilliseconds:
        '`Retry-After` gives seconds, and this wait takes milliseconds: it waits a thousandth of the time the server asked for.',
      nanWait:
        '`Retry-After` may be an HTTP-date: this parse then gives NaN, and a NaN wait retries at once.',
      dateOnlyWait:
        '`Retry-After` is most often delay-seconds: a date parse reads `120` as the year 120, so this wait is negative and retries at once.',
      headersByIndex:
        'A fetch `Headers` object has no header properties: `headers[{{key}}]` is always `undefined`. Read it with `headers.get({{key}})`.',
      writtenMilliseconds:
        '`Retry-After` takes seconds; this value is in milliseconds, so clients wait 1000 times too long.',
      writtenFraction:
        '`Retry-After` takes whole seconds (delay-seconds is digits only); this division can give a fraction, which clients reject or misread.',
      writtenDateForm:
        '`Retry-After` takes an HTTP-date in IMF-fixdate form (`toUTCString()`); {{form}} is not one, so clients cannot read it.',
      multiplyBy1000: 'Convert the seconds to milliseconds (`* 1000`).',
      useFullForm:
        'Wait for `Retry-After` given in seconds or as an HTTP-date, falling back to the current delay.',
      useGet: 'Read the header with `headers.get({{key}})`.',
      useUTCString: 'Write the date with `toUTCString()`.',
      roundUp: 'Round the seconds up with `Math.ceil`.',
      toSeconds: 'Convert the milliseconds to whole seconds (`Math.ceil(… / 1000)`).',
    },
  },
  check(context, model, options) {
    const { waits, indexReads } = retryAfterValueReads(model);
    const writes = retryAfterWrites(model);
    if (waits.length === 0 && indexReads.length === 0 && writes.length === 0) return;
    const [{ dateForm = true, autofix = true }] = options();
    const { sourceCode } = context;
    const manual: FixCondition | false = !autofix && 'stated';
    const typescript = isTypeScriptFile(context.filename);

    for (const read of indexReads) reportIndexRead(read);
    for (const wait of waits) {
      if (wait.mistake === 'nan' && !dateForm) continue;
      reportWait(wait);
    }
    for (const write of writes) {
      const suggestion = { messageId: SUGGESTION_OF_WRITE[write.mistake] };
      context.report({
        node: write.node,
        messageId: MESSAGE_OF_WRITE[write.mistake],
        data: { form: write.form ?? '' },
        ...fixOrSuggest((fixer) => fixWrittenValue(fixer, sourceCode, write.edit), suggestion, [
          !write.certain && 'stated',
          manual,
        ]),
      });
    }

    function reportIndexRead({ member, comparedWithUndefined }: FetchHeadersIndex): void {
      const key = sourceCode.getText(member.property);
      const top = skipWrappersUp(member);
      // In TypeScript `.get()`'s `string | null` must fit where the value goes: only where it is parsed or given a fallback.
      const typeSafe =
        !typescript ||
        (member.object.type === 'MemberExpression' &&
          ((top.parent?.type === 'LogicalExpression' && top.parent.left === top) ||
            (top.parent?.type === 'CallExpression' &&
              top.parent.callee.type === 'Identifier' &&
              ['Number', 'String'].includes(top.parent.callee.name))));
      context.report({
        node: member,
        messageId: 'headersByIndex',
        data: { key },
        ...fixOrSuggest(
          (fixer) => readWithGet(fixer, sourceCode, member),
          { messageId: 'useGet', data: { key } },
          [
            comparedWithUndefined && 'value-safe',
            // The header's value then reaches a wait this rule reports: the fix alone would change the wait.
            waits.some((wait) => wait.read === member) && 'value-safe',
            !typeSafe && 'type-safe',
            manual,
          ],
        ),
      });
    }

    function reportWait(wait: RetryAfterWait): void {
      const { duration } = wait;
      // A read by index of fetch headers gets `.get()` first (its own report): not copied into a new wait.
      const fullForm = (fallback: string): TSESLint.SuggestionReportDescriptor<MessageIds>[] =>
        wait.rawAtWait === undefined || indexReads.some((read) => read.member === wait.read)
          ? []
          : [
              {
                messageId: 'useFullForm',
                fix: (fixer) =>
                  replaceWithFullForm(fixer, sourceCode, duration, wait.rawAtWait!, fallback),
              },
            ];
      if (wait.mistake !== 'seconds-as-ms') {
        context.report({
          node: duration,
          messageId: wait.mistake === 'nan' ? 'nanWait' : 'dateOnlyWait',
          suggest: fullForm(fallbackText(sourceCode, duration)),
        });
        return;
      }
      const scale = wait.scale;
      if (!scale) {
        // The header's text itself is the wait: read it as either form, with no wait when it is absent.
        context.report({
          node: duration,
          messageId: 'secondsAsMilliseconds',
          suggest: fullForm('0'),
        });
        return;
      }
      context.report({
        node: duration,
        messageId: 'secondsAsMilliseconds',
        ...fixOrSuggest(
          (fixer) => scaleToMilliseconds(fixer, sourceCode, scale.node),
          { messageId: 'multiplyBy1000' },
          [!scale.straight && 'stated', manual],
        ),
      });
    }
  },
});
