import type { TSESLint } from '@typescript-eslint/utils';

import { bodyPresence, bodyRemovalOf, describeStatus, getServerAnalysis } from '../analysis';
import { createRule, perOptions } from '../util/create-rule';

export type Options = [{ statuses?: number[] }];
export type MessageIds = 'bodyThrows' | 'bodyDropped' | 'removeBody' | 'sendOk';

/** Statuses whose responses have no body (RFC 9110 §15.2, §15.3.5, §15.3.6, §15.4.5); Node answers 100 Continue itself. */
const NULL_BODY_STATUSES = [101, 103, 204, 205, 304];

const statusesOf = perOptions(
  (options: Options[0]) => new Set(options.statuses ?? NULL_BODY_STATUSES),
);

export default createRule<Options, MessageIds>({
  name: 'no-body-with-null-body-status',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow sending a body with 204, 205, 304 or a 1xx status',
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
            description: 'Statuses that must be sent without a body.',
            items: { type: 'integer', minimum: 100, maximum: 599 },
            uniqueItems: true,
          },
        },
      },
    ],
    defaultOptions: [{ statuses: NULL_BODY_STATUSES }],
    messages: {
      bodyThrows:
        'A {{status}} response cannot have a body: building it throws a TypeError, so the client gets a 500. Send no body, or send the body with 200.',
      bodyDropped:
        'A {{status}} response cannot have a body: this one is dropped and never reaches the client. Send no body, or send the body with 200.',
      removeBody: 'Send {{status}} without the body.',
      sendOk: 'Keep the body and send 200 OK instead.',
    },
  },
  check(context, model, options) {
    const analysis = getServerAnalysis(model);
    if (analysis.sends.length === 0) return;
    let statuses: ReadonlySet<number> | undefined;
    for (const send of analysis.sends) {
      const { status } = send;
      if (status.kind !== 'constant' || !send.bodyOnNullStatus) continue;
      statuses ??= statusesOf(options()[0]);
      if (!statuses.has(status.value) || bodyPresence(model.file, send) !== 'yes') continue;
      const data = { status: describeStatus(status.value) };
      const removal = bodyRemovalOf(model.file, send);
      const setStatus = send.setStatus;
      const suggest: Array<TSESLint.SuggestionReportDescriptor<MessageIds>> = [];
      if (removal && !removal.certain)
        suggest.push({ messageId: 'removeBody', data, fix: removal.fix });
      if (setStatus) suggest.push({ messageId: 'sendOk', fix: (fixer) => setStatus(fixer, 200) });
      context.report({
        node: send.body,
        messageId: send.bodyOnNullStatus === 'throws' ? 'bodyThrows' : 'bodyDropped',
        data,
        fix: removal?.certain ? removal.fix : undefined,
        suggest,
      });
    }
  },
});
