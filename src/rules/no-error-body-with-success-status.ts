import type { TSESLint } from '@typescript-eslint/utils';

import { likelyErrorStatuses, textsPointToClientError } from '../analysis/error-body';
import { getServerAnalysis } from '../analysis/server';
import { describeStatus } from '../analysis/status-names';
import { createRule } from '../util/create-rule';

export type Options = [{ autofix?: boolean }];
export type MessageIds = 'errorBodyWithSuccess' | 'sendStatus';

export default createRule<Options, MessageIds>({
  name: 'no-error-body-with-success-status',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow sending an error body with a 2xx status',
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
              'Apply the status the code implies (500 inside a `catch` or an error-first callback\'s error branch, a 4xx/5xx code written in the body) as an autofix. When false, it is offered as the first suggestion.',
          },
        },
      },
    ],
    defaultOptions: [{ autofix: true }],
    messages: {
      errorBodyWithSuccess:
        'This error body is sent with {{status}}: clients, caches, monitoring and retry logic will take it as a success. Send a 4xx or 5xx status.',
      sendStatus: 'Send {{status}} instead.',
    },
  },
  check(context, model, options) {
    const analysis = getServerAnalysis(model);
    if (analysis.sends.length === 0) return;
    const autofix = options()[0].autofix !== false;
    for (const send of analysis.sends) {
      const { status } = send;
      if (status.kind === 'unknown' || status.value < 200 || status.value > 299) continue;
      const body = analysis.errorBodyOf(send);
      if (!body) continue;
      const branch = analysis.errorBranchOf(send);
      const implied = body.code ?? (branch && !textsPointToClientError(body.texts) ? 500 : undefined);
      const setStatus = send.setStatus;
      const data = { status: status.kind === 'default' ? `${status.value}, the default` : `status ${status.value}` };
      if (!setStatus) {
        context.report({ node: send.body, messageId: 'errorBodyWithSuccess', data });
        continue;
      }
      if (implied !== undefined && autofix) {
        context.report({ node: send.body, messageId: 'errorBodyWithSuccess', data, fix: (fixer) => setStatus(fixer, implied) });
        continue;
      }
      const choices = likelyErrorStatuses(model.file, send.node, body, branch, send.handler);
      const ordered = implied === undefined ? choices : [implied, ...choices.filter((s) => s !== implied)];
      context.report({
        node: send.body,
        messageId: 'errorBodyWithSuccess',
        data,
        suggest: ordered.map(
          (code): TSESLint.SuggestionReportDescriptor<MessageIds> => ({
            messageId: 'sendStatus',
            data: { status: describeStatus(code) },
            fix: (fixer) => setStatus(fixer, code),
          }),
        ),
      });
    }
  },
});
