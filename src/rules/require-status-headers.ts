import type { TSESLint } from '@typescript-eslint/utils';

import {
  allowedMethods,
  createdLocation,
  getStatusResponses,
  headersSet,
  limiterResetSeconds,
} from '../analysis';
import type { AnalyzedFile, StatusResponse } from '../analysis';
import { describeStatus } from '../analysis';
import { addHeaderEdit, moduleConstant, stringCode } from '../fixes/response-headers';
import { createRule, perOptions } from '../util/create-rule';
import { fixOrSuggest } from '../util/fix-or-suggest';

export type Options = [{ headers?: Record<string, string[]> }];
export type MessageIds =
  | 'missingHeader'
  | 'setAllow'
  | 'setRetryAfter'
  | 'setRetryAfterPlaceholder'
  | 'setAuthenticate'
  | 'setLocation';

/** What `recommended` requires: the MUST of RFC 9110 §15.5.6 and the header every retrying client reads. */
export const DEFAULT_HEADERS: Readonly<Record<string, string[]>> = {
  '405': ['Allow'],
  '429': ['Retry-After'],
};

/** What `strict` adds: RFC 9110 §15.5.2 (MUST), §15.3.2 (SHOULD), §15.6.4 (MAY, read by every retrying client). */
export const STRICT_HEADERS: Readonly<Record<string, string[]>> = {
  '201': ['Location'],
  '401': ['WWW-Authenticate'],
  '503': ['Retry-After'],
};

/** Why a status needs its header, for the message. */
const REASONS: Record<string, string> = {
  '405 allow': 'RFC 9110 §15.5.6 requires a 405 to list the methods the resource allows',
  '401 www-authenticate':
    'RFC 9110 §15.5.2 requires a 401 to say how to authenticate (a challenge)',
  '201 location': 'RFC 9110 §15.3.2: a 201 should point to the resource it created',
  '429 retry-after': 'clients that honour rate limits (and retrying HTTP clients) wait for it',
  '503 retry-after': 'clients that honour it wait this long before they retry',
};

/** The placeholder a suggestion declares for the user to set. */
const RETRY_AFTER_CONSTANT = 'RETRY_AFTER_SECONDS';
/** WWW-Authenticate challenges offered for a 401 (RFC 6750 §3, RFC 7617 §2). */
const CHALLENGES = ['Bearer', 'Basic realm="api"'];

/** Statuses as keys (`propertyNames`, which typescript-eslint's JSON Schema 4 type lacks), header names as values. */
const HEADERS_SCHEMA = {
  type: 'object' as const,
  description:
    'Statuses (`"100"`–`"599"`) and the header names each must be sent with, compared case-insensitively. Merged into the default `{ "405": ["Allow"], "429": ["Retry-After"] }`; `[]` turns a status off.',
  propertyNames: { pattern: '^[1-5][0-9][0-9]$' },
  additionalProperties: {
    type: 'array' as const,
    items: { type: 'string' as const, pattern: "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$" },
    uniqueItems: true,
  },
};

const requirementsOf = perOptions((options: Options[0]) => {
  const byStatus = new Map<number, string[]>();
  // The default map is merged here, not through `meta.defaultOptions`: the docs' options table
  // cannot show an object default.
  for (const [status, names] of Object.entries({ ...DEFAULT_HEADERS, ...options.headers }))
    if (names.length > 0) byStatus.set(Number(status), names);
  return byStatus;
});

export default createRule<Options, MessageIds>({
  name: 'require-status-headers',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require the headers a status promises, such as `Allow` with 405',
      recommended: 'recommended',
      strictOptions: [{ headers: { ...DEFAULT_HEADERS, ...STRICT_HEADERS } }],
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          headers: HEADERS_SCHEMA,
        },
      },
    ],
    defaultOptions: [{}],
    messages: {
      missingHeader: '{{status}} is sent without the `{{header}}` header: {{reason}}.',
      setAllow: 'Set `Allow: {{methods}}`.',
      setRetryAfter: 'Set `Retry-After` to the seconds until {{source}} resets.',
      setRetryAfterPlaceholder:
        'Set `Retry-After` to a new constant `RETRY_AFTER_SECONDS` (60: choose how long clients should wait).',
      setAuthenticate: 'Set `WWW-Authenticate: {{challenge}}`.',
      setLocation: 'Set `Location: {{location}}`.',
    },
  },
  check(context, model, options) {
    const responses = getStatusResponses(model);
    if (responses.length === 0) return;
    const required = requirementsOf(options()[0]);
    for (const response of responses) {
      const names = required.get(response.status);
      if (!names) continue;
      const set = headersSet(model.file, response);
      if (set.unknown) continue;
      for (const header of names) {
        if (set.names.has(header.toLowerCase())) continue;
        const key = `${response.status} ${header.toLowerCase()}`;
        context.report({
          node: response.node,
          messageId: 'missingHeader',
          data: {
            status: describeStatus(response.status),
            header,
            reason: REASONS[key] ?? 'the configuration requires it',
          },
          ...editsFor(model.file, response, header, key),
        });
      }
    }
  },
});

type Report = Pick<TSESLint.ReportDescriptor<MessageIds>, 'fix' | 'suggest'>;

function editsFor(
  file: AnalyzedFile,
  response: StatusResponse,
  header: string,
  key: string,
): Report {
  const edit = (value: string) => addHeaderEdit(file, response, { name: header, value });
  switch (key) {
    case '405 allow': {
      const methods = allowedMethods(file, response)?.join(', ');
      const fix = methods === undefined ? undefined : edit(stringCode(file, methods));
      if (!fix) return {};
      return fixOrSuggest(fix, { messageId: 'setAllow', data: { methods } }, [
        response.guessed && 'stated',
      ]);
    }
    case '429 retry-after':
    case '503 retry-after': {
      const reset = limiterResetSeconds(file, response);
      if (reset) {
        const fix = edit(`String(${reset.seconds})`);
        return fix
          ? { suggest: [{ messageId: 'setRetryAfter', data: { source: reset.holder }, fix }] }
          : {};
      }
      const constant = moduleConstant(
        file,
        response.node,
        RETRY_AFTER_CONSTANT,
        `const ${RETRY_AFTER_CONSTANT} = 60; // placeholder: how long clients should wait before they retry`,
      );
      const fix = constant && edit(`String(${RETRY_AFTER_CONSTANT})`);
      if (!constant || !fix) return {};
      const declare = constant.declare;
      return {
        suggest: [
          {
            messageId: 'setRetryAfterPlaceholder',
            fix: (fixer) => [...(declare ? declare(fixer) : []), ...fix(fixer)],
          },
        ],
      };
    }
    case '401 www-authenticate': {
      const suggest: Array<TSESLint.SuggestionReportDescriptor<MessageIds>> = [];
      for (const challenge of CHALLENGES) {
        const fix = edit(stringCode(file, challenge));
        if (fix) suggest.push({ messageId: 'setAuthenticate', data: { challenge }, fix });
      }
      return { suggest };
    }
    case '201 location': {
      const created = createdLocation(file, response);
      const location = created && `\`${created.path}/\${${created.id}}\``;
      const fix = location && edit(location);
      return fix ? { suggest: [{ messageId: 'setLocation', data: { location }, fix }] } : {};
    }
    default:
      return {};
  }
}
