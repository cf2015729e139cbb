import type { TSESLint } from '@typescript-eslint/utils';

import type { BodyParse, Node } from '../analysis';
import {
  admitsNoContent,
  isBodyPresenceChecked,
  isParseFailureHandled,
  isTypeScriptFile,
  methodAtParse,
  NO_CONTENT,
  readsAttributedResponse,
} from '../analysis';
import { headersEdit, headToGetEdit } from '../fixes/head-request';
import { parseGuard, parseTextEdit } from '../fixes/json-guard';
import { createRule, perOptions } from '../util/create-rule';
import { fixOrSuggest } from '../util/fix-or-suggest';

type Options = [{ methods?: string[]; checkDynamicMethods?: boolean }];
type MessageIds =
  | 'method'
  | 'methodFromCaller'
  | 'dynamic'
  | 'admitsNoContent'
  | 'head'
  | 'suggestHeaders'
  | 'suggestGet'
  | 'suggestParseText'
  | 'suggestGuard'
  | 'suggestSkipParse';

const reportedMethodsOf = perOptions(
  (options: Options[0]) =>
    new Set((options.methods ?? ['DELETE']).map((method) => method.toUpperCase())),
);

export default createRule<Options, MessageIds>({
  name: 'no-json-on-no-content',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow parsing a response body as JSON when the response may be 204 No Content',
      recommended: 'recommended',
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          methods: {
            type: 'array',
            description:
              'HTTP methods whose responses may be 204 No Content, in upper case; parses of their responses must handle 204 (the code may spell the method in any case).',
            items: { type: 'string', pattern: '^[A-Z]+$' },
            minItems: 1,
            uniqueItems: true,
          },
          checkDynamicMethods: {
            type: 'boolean',
            description:
              'Also report parses in request helpers that take the whole request from callers out of sight (the URL, and the method through a parameter, an options object or a spread), since those callers can send one of `methods` through them.',
          },
        },
      },
    ],
    defaultOptions: [{ methods: ['DELETE'], checkDynamicMethods: true }],
    messages: {
      method:
        '{{method}} responses are often 204 No Content, which has no body: {{parse}} would throw. Check for 204 before parsing.',
      methodFromCaller:
        'This request is sent with {{method}} (by the call on line {{line}}), and {{method}} responses are often 204 No Content, which has no body: {{parse}} would throw. Check for 204 before parsing.',
      dynamic:
        'The method of this request comes from the caller, so it may be {{method}}, and {{method}} responses are often 204 No Content, which has no body: {{parse}} would throw. Check for 204 before parsing.',
      admitsNoContent:
        'This code lets a 204 No Content response reach {{parse}}, but a 204 has no body: the parse would throw. Check for 204 before parsing.',
      head: 'HEAD responses never have a body: {{parse}} would throw. Read the status and headers instead.',
      suggestHeaders: 'Read the response headers instead of parsing a body.',
      suggestGet: 'Send GET instead of HEAD, to receive a body.',
      suggestParseText: 'Read the body as text and parse it only when it is not empty.',
      suggestGuard: 'Use null as the body of a 204 No Content response.',
      suggestSkipParse: 'Parse the body only when the status is not 204 No Content.',
    },
  },
  check(context, model, options) {
    if (model.bodyParses.length === 0) return;
    const [settings] = options();
    const reportedMethods = reportedMethodsOf(settings);
    const checkDynamicMethods = settings.checkDynamicMethods ?? true;
    const sourceCode = context.sourceCode;
    let typescript: boolean | undefined;
    const isTypeScript = (): boolean => (typescript ??= isTypeScriptFile(context.filename));
    // A parse can be attributed to several responses (`cond ? await fetch(a) : await fetch(b)`): report it once.
    const reported = new Set<Node>();
    for (const parse of model.bodyParses) {
      if (!reported.has(parse.node) && checkParse(parse)) reported.add(parse.node);
    }

    /** Reports the parse if the response may have no body there; returns whether it reported. */
    function checkParse(parse: BodyParse): boolean {
      if (
        !parse.throwsOnEmpty ||
        !readsAttributedResponse(model.file, parse) ||
        isParseFailureHandled(parse)
      )
        return false;
      const parseName = parse.kind === 'json' ? '.json()' : 'JSON.parse()';
      const { method, calls } = methodAtParse(model, parse);

      // HEAD: never a body, whatever the status or the headers say.
      if (method.methods?.has('HEAD')) {
        const own = calls.length === 0;
        context.report({
          node: parse.node,
          messageId: 'head',
          data: { parse: parseName },
          suggest: own ? headSuggestions(parse) : [],
        });
        return true;
      }

      const subject = parse.response?.subject;
      if (subject && !model.statusesAt(parse.node, subject).statuses.has(NO_CONTENT)) return false;
      if (isBodyPresenceChecked(model.file, parse)) return false;

      const { fix, suggest } = fixesOf(parse);
      const fromCall = calls.find(
        (c) => c.method.methods && [...c.method.methods].some((m) => reportedMethods.has(m)),
      );
      const hit = method.methods
        ? [...method.methods].find((m) => reportedMethods.has(m))
        : undefined;
      if (fromCall) {
        const callMethod = [...fromCall.method.methods!].find((m) => reportedMethods.has(m))!;
        context.report({
          node: parse.node,
          messageId: 'methodFromCaller',
          data: {
            method: callMethod,
            parse: parseName,
            line: String(fromCall.call.loc.start.line),
          },
          fix,
          suggest,
        });
        return true;
      }
      if (hit) {
        context.report({
          node: parse.node,
          messageId: 'method',
          data: { method: hit, parse: parseName },
          fix,
          suggest,
        });
        return true;
      }
      if (!method.methods && method.forwarded && checkDynamicMethods && reportedMethods.size > 0) {
        context.report({
          node: parse.node,
          messageId: 'dynamic',
          data: { method: [...reportedMethods].join(' or '), parse: parseName },
          fix,
          suggest,
        });
        return true;
      }
      if (subject && admitsNoContent(model, parse.node, subject)) {
        context.report({
          node: parse.node,
          messageId: 'admitsNoContent',
          data: { parse: parseName },
          fix,
          suggest,
        });
        return true;
      }
      return false;
    }

    /**
     * The guard as an autofix where it leaves working code working (CONTRIBUTING.md, "Autofix or
     * suggestion"), else as a suggestion; for ky's `.json()` on the request, a text-then-parse suggestion.
     */
    function fixesOf(
      parse: BodyParse,
    ): Pick<TSESLint.ReportDescriptor<MessageIds>, 'fix' | 'suggest'> {
      const guard = parseGuard(sourceCode, model.file, parse, isTypeScript);
      if (!guard) {
        const edit = parseTextEdit(sourceCode, parse);
        return { suggest: edit ? [{ messageId: 'suggestParseText', fix: edit }] : [] };
      }
      const messageId = guard.statement ? 'suggestSkipParse' : 'suggestGuard';
      return fixOrSuggest(guard.edit, { messageId }, guard.unshown);
    }

    function headSuggestions(
      parse: BodyParse,
    ): Array<TSESLint.SuggestionReportDescriptor<MessageIds>> {
      const suggestions: Array<TSESLint.SuggestionReportDescriptor<MessageIds>> = [];
      const headers = headersEdit(parse);
      if (headers) suggestions.push({ messageId: 'suggestHeaders', fix: headers });
      const getFix = headToGetEdit(sourceCode, parse);
      if (getFix) suggestions.push({ messageId: 'suggestGet', fix: getFix });
      return suggestions;
    }
  },
});
