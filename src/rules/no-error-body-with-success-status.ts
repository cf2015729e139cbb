import type { TSESLint } from '@typescript-eslint/utils';

import {
  describeStatus,
  errorBodyOf,
  errorBranchOf,
  getServerAnalysis,
  likelyErrorStatuses,
  textsPointToClientError,
} from '../analysis';
import { describeSentStatus } from '../fixes/status-text';
import { createRule } from '../util/create-rule';
import { fixOrSuggest } from '../util/fix-or-suggest';

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
              'Apply a 4xx/5xx status the body states (`{ status: 404 }`) as an autofix. When false, it is offered as the first suggestion. A status guessed from context (500 in a `catch`) is always a suggestion.',
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
      const body = errorBodyOf(model.file, send);
      if (!body) continue;
      const branch = errorBranchOf(model.file, send);
      const setStatus = send.setStatus;
      const data = { status: describeSentStatus(status) };
      if (!setStatus) {
        context.report({ node: send.body, messageId: 'errorBodyWithSuccess', data });
        continue;
      }
      // A status the body states (`{ status: 400 }`) may be an autofix; one guessed from context
      // (500 in a `catch`: the thrown error may be a wrong password) is only offered.
      const stated = body.code;
      const guessed = branch && !textsPointToClientError(body.texts) ? 500 : undefined;
      const first = stated ?? guessed;
      const choices = likelyErrorStatuses(model.file, send.node, body, branch, send.handler);
      const ordered =
        first === undefined ? choices : [first, ...choices.filter((s) => s !== first)];
      const suggestion = (code: number): TSESLint.SuggestionReportDescriptor<MessageIds> => ({
        messageId: 'sendStatus',
        data: { status: describeStatus(code) },
        fix: (fixer) => setStatus(fixer, code),
      });
      const others = ordered.slice(1).map(suggestion);
      const fixes =
        stated === undefined
          ? { suggest: ordered.map(suggestion) }
          : // `autofix: false` asks for suggestions even where the status is stated.
            fixOrSuggest(
              (fixer) => setStatus(fixer, stated),
              { messageId: 'sendStatus', data: { status: describeStatus(stated) } },
              [!autofix && 'stated', send.frameworkGuessed && 'framework-known'],
              others,
            );
      context.report({ node: send.body, messageId: 'errorBodyWithSuccess', data, ...fixes });
    }
  },
});
