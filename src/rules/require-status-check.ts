import type { TSESLint } from '@typescript-eslint/utils';

import { getUncheckedBodyReads } from '../analysis';
import { createRule } from '../util/create-rule';
import { insertStatusCheck } from '../fixes/status-check';

export type Options = [{ loggers?: string[] }];
export type MessageIds = 'unchecked' | 'uncheckedOption' | 'suggestCheck';

export default createRule<Options, MessageIds>({
  name: 'require-status-check',
  meta: {
    type: 'problem',
    docs: {
      description:
        "Require checking a response's status before using its body, for clients that resolve on 4xx and 5xx",
      recommended: 'strict',
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          loggers: {
            type: 'array',
            description:
              'Names of log functions (`track`) or of objects whose methods log (`telemetry`): a status read passed to them is no check. `console`, `log`, `debug` and objects named like a logger (`logger.info`, `this.log.warn`) always are.',
            items: { type: 'string', pattern: '^[A-Za-z_$][\\w$]*$' },
            uniqueItems: true,
          },
        },
      },
    ],
    defaultOptions: [{ loggers: [] }],
    messages: {
      unchecked:
        "The body is read with {{read}}, but the response's status is never checked: this request resolves on 4xx and 5xx too, so an error body would be used as data. Check `ok` or the status first.",
      uncheckedOption:
        "The body is read with {{read}}, but the response's status is never checked: `{{option}}` makes this request resolve on 4xx and 5xx, so an error body would be used as data. Check the status first.",
      suggestCheck: 'Throw an error when the response is not 2xx, before reading its body.',
    },
  },
  check(context, model, options) {
    if (model.requests.length === 0) return;
    const reads = getUncheckedBodyReads(model, options()[0].loggers);
    for (const read of reads) {
      const target = read.checkTarget;
      const fix =
        target && insertStatusCheck(context.sourceCode, read.node, target, target.declaredAt);
      const suggest: Array<TSESLint.SuggestionReportDescriptor<MessageIds>> = fix
        ? [{ messageId: 'suggestCheck', fix }]
        : [];
      context.report({
        node: read.node,
        messageId: read.option ? 'uncheckedOption' : 'unchecked',
        data: { read: read.read, option: read.option ?? '' },
        suggest,
      });
    }
  },
});
