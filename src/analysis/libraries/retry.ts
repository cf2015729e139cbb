/**
 * Where retry libraries (and HTTP clients with a built-in retry) take their configuration, as
 * data: `src/analysis/retry/` reads these rows (field docs in retry-shapes.ts). Adding a library is
 * adding a row.
 * Facts from each package's published source (see ../shared/notes/http-clients.md).
 */

import type { PredicateParameter, RetryConfigLibrary } from './retry-shapes';

export type * from './retry-shapes';

const ERROR: readonly PredicateParameter[] = ['error'];

export const RETRY_CONFIG_LIBRARIES: readonly RetryConfigLibrary[] = [
  {
    id: 'ky',
    modules: ['ky'],
    sites: [
      { kind: 'request', client: 'ky', optionsPath: ['retry'] },
      {
        kind: 'call',
        source: 'ky',
        exportName: 'default',
        path: ['create'],
        argument: 0,
        optionsPath: ['retry'],
      },
      {
        kind: 'call',
        source: 'ky',
        exportName: 'default',
        path: ['extend'],
        argument: 0,
        optionsPath: ['retry'],
      },
    ],
    statusCodes: { name: 'statusCodes', format: 'list' },
    afterStatusCodes: { name: 'afterStatusCodes', defaults: [413, 429, 503] },
    predicates: [{ name: 'shouldRetry', parameters: ['context'] }],
    delayOptions: ['delay', 'backoffLimit', 'maxRetryAfter'],
    beforeRetry: [['hooks', 'beforeRetry']],
    honoursRetryAfter: true,
    defaultStatuses: [408, 413, 429, 500, 502, 503, 504],
    retriesOption: 'limit',
  },
  {
    id: 'got',
    modules: ['got'],
    sites: [
      { kind: 'request', client: 'got', optionsPath: ['retry'] },
      {
        kind: 'call',
        source: 'got',
        exportName: 'default',
        path: ['extend'],
        argument: 0,
        optionsPath: ['retry'],
      },
    ],
    statusCodes: { name: 'statusCodes', format: 'list' },
    predicates: [],
    delayOptions: ['calculateDelay', 'backoffLimit', 'maxRetryAfter'],
    beforeRetry: [['hooks', 'beforeRetry']],
    honoursRetryAfter: true,
    defaultStatuses: [408, 413, 429, 500, 502, 503, 504, 521, 522, 524],
  },
  {
    id: 'ofetch',
    modules: ['ofetch'],
    sites: [
      { kind: 'request', client: 'ofetch', optionsPath: [] },
      {
        kind: 'call',
        source: 'ofetch',
        exportName: 'ofetch',
        path: ['create'],
        argument: 0,
        optionsPath: [],
      },
      {
        kind: 'call',
        source: 'ofetch',
        exportName: '$fetch',
        path: ['create'],
        argument: 0,
        optionsPath: [],
      },
    ],
    markers: ['retry', 'retryStatusCodes', 'retryDelay'],
    statusCodes: { name: 'retryStatusCodes', format: 'list' },
    predicates: [],
    delayOptions: ['retryDelay'],
    beforeRetry: [],
    honoursRetryAfter: false,
    defaultDelayMs: 0,
    defaultStatuses: [408, 409, 425, 429, 500, 502, 503, 504],
    retriesOption: 'retry',
    methodsNotRetried: ['POST', 'PUT', 'PATCH', 'DELETE'],
    retryDelay: {
      name: 'retryDelay',
      // `retryDelay(context)`, the response in `context.response`.
      callback: { parameters: ['context'], source: { style: 'get', viaErrorResponse: true } },
      defaultIgnoresWait: true,
      numberIgnoresWait: true,
    },
  },
  {
    id: 'superagent',
    modules: ['superagent'],
    sites: [{ kind: 'chain', client: 'superagent', method: 'retry', predicateArgument: 1 }],
    predicates: [{ name: 'retry', parameters: ['error', 'response'] }],
    delayOptions: [],
    beforeRetry: [],
    honoursRetryAfter: false,
    defaultStatuses: [408, 413, 429, 500, 502, 503, 504, 521, 522, 524],
  },
  {
    id: 'wretch',
    modules: ['wretch/middlewares', 'wretch/middlewares/retry'],
    sites: [
      {
        kind: 'call',
        source: 'wretch/middlewares',
        exportName: 'retry',
        path: [],
        argument: 0,
        optionsPath: [],
      },
      {
        kind: 'call',
        source: 'wretch/middlewares/retry',
        exportName: 'retry',
        path: [],
        argument: 0,
        optionsPath: [],
      },
    ],
    predicates: [{ name: 'until', parameters: ['response', 'error'], stopWhenTrue: true }],
    delayOptions: ['delayTimer', 'delayRamp'],
    beforeRetry: [],
    honoursRetryAfter: false,
    defaultStatuses: 'all-errors',
  },
  {
    id: 'axios-retry',
    modules: ['axios-retry'],
    sites: [
      {
        kind: 'call',
        source: 'axios-retry',
        exportName: 'default',
        path: [],
        argument: 1,
        optionsPath: [],
      },
    ],
    predicates: [{ name: 'retryCondition', parameters: ERROR }],
    delayOptions: ['retryDelay'],
    beforeRetry: [['onRetry']],
    honoursRetryAfter: true,
    defaultStatuses: [429, [500, 599]],
    retriesOption: 'retries',
    retryCondition: {
      name: 'retryCondition',
      // Its exported conditions that let 429 and 5xx through.
      builtIn: [
        'isRetryableError',
        'isNetworkOrIdempotentRequestError',
        'isIdempotentRequestError',
        'isSafeRequestError',
      ],
    },
    retryDelay: {
      name: 'retryDelay',
      // `retryDelay(retryCount, error)`, an AxiosError.
      callback: {
        parameters: ['retryCount', 'error'],
        source: { style: 'index', viaErrorResponse: true },
      },
      defaultIgnoresWait: false,
      numberIgnoresWait: false,
    },
  },
  {
    id: 'retry-axios',
    modules: ['retry-axios'],
    sites: [{ kind: 'key', key: 'raxConfig', optionsPath: [] }],
    statusCodes: { name: 'statusCodesToRetry', format: 'ranges' },
    predicates: [{ name: 'shouldRetry', parameters: ERROR }],
    delayOptions: ['retryDelay', 'backoffType', 'checkRetryAfter', 'maxRetryAfter'],
    beforeRetry: [['onRetryAttempt']],
    honoursRetryAfter: true,
    defaultStatuses: [[100, 199], 429, [500, 599]],
  },
  {
    id: 'fetch-retry',
    modules: ['fetch-retry'],
    sites: [
      {
        kind: 'call',
        source: 'fetch-retry',
        exportName: 'default',
        path: [],
        argument: 1,
        optionsPath: [],
        resultCallArgument: 1,
      },
    ],
    markers: ['retries', 'retryOn', 'retryDelay'],
    statusCodes: { name: 'retryOn', format: 'list' },
    statusCodesOrPredicate: true,
    predicates: [{ name: 'retryOn', parameters: ['other', 'error', 'response'] }],
    delayOptions: ['retryDelay'],
    beforeRetry: [],
    honoursRetryAfter: false,
    defaultDelayMs: 1000,
    defaultStatuses: 'network-only',
    retriesOption: 'retries',
    retryDelay: {
      name: 'retryDelay',
      // `retryDelay(attempt, error, response)`; `response` is null after a network error.
      callback: {
        parameters: ['attempt', 'error', 'response'],
        source: { style: 'get', optional: true },
      },
      defaultIgnoresWait: true,
      numberIgnoresWait: true,
    },
  },
  {
    id: 'undici-retry',
    modules: ['undici'],
    sites: [
      {
        kind: 'new',
        source: 'undici',
        exportName: 'RetryAgent',
        path: [],
        argument: 1,
        optionsPath: [],
      },
      {
        kind: 'new',
        source: 'undici',
        exportName: 'RetryHandler',
        path: [],
        argument: 0,
        optionsPath: ['retryOptions'],
      },
      {
        kind: 'call',
        source: 'undici',
        exportName: 'interceptors',
        path: ['retry'],
        argument: 0,
        optionsPath: [],
      },
    ],
    statusCodes: { name: 'statusCodes', format: 'list' },
    predicates: [],
    delayOptions: ['minTimeout', 'maxTimeout', 'timeoutFactor', 'retryAfter'],
    beforeRetry: [],
    honoursRetryAfter: true,
    defaultStatuses: [429, 500, 502, 503, 504],
  },
  {
    id: 'octokit-retry',
    modules: ['@octokit/plugin-retry', 'octokit'],
    sites: [{ kind: 'key', key: 'retry', optionsPath: [] }],
    statusCodes: {
      name: 'doNotRetry',
      format: 'exclude',
      defaults: [400, 401, 403, 404, 410, 422, 451],
    },
    predicates: [],
    delayOptions: [],
    beforeRetry: [],
    honoursRetryAfter: false,
    defaultStatuses: 'all-errors',
  },
  {
    id: 'p-retry',
    modules: ['p-retry'],
    sites: [
      {
        kind: 'call',
        source: 'p-retry',
        exportName: 'default',
        path: [],
        argument: 1,
        optionsPath: [],
        callback: 0,
      },
    ],
    predicates: [{ name: 'shouldRetry', parameters: ['context'] }],
    delayOptions: ['minTimeout', 'maxTimeout', 'factor', 'randomize'],
    beforeRetry: [['onFailedAttempt']],
    stop: { kind: 'abort-error', exportName: 'AbortError' },
    honoursRetryAfter: false,
    defaultStatuses: 'all-errors',
  },
  {
    id: 'async-retry',
    modules: ['async-retry'],
    sites: [
      {
        kind: 'call',
        source: 'async-retry',
        exportName: 'default',
        path: [],
        argument: 1,
        optionsPath: [],
        callback: 0,
      },
    ],
    predicates: [],
    delayOptions: ['minTimeout', 'maxTimeout', 'factor', 'randomize'],
    beforeRetry: [['onRetry']],
    stop: { kind: 'bail', parameter: 0 },
    honoursRetryAfter: false,
    defaultStatuses: 'all-errors',
  },
  {
    id: 'exponential-backoff',
    modules: ['exponential-backoff'],
    sites: [
      {
        kind: 'call',
        source: 'exponential-backoff',
        exportName: 'backOff',
        path: [],
        argument: 1,
        optionsPath: [],
        callback: 0,
      },
    ],
    predicates: [{ name: 'retry', parameters: ['error', 'other'] }],
    delayOptions: ['startingDelay', 'maxDelay', 'timeMultiple', 'jitter'],
    beforeRetry: [],
    honoursRetryAfter: false,
    defaultStatuses: 'all-errors',
  },
  {
    id: 'cockatiel',
    modules: ['cockatiel'],
    sites: [
      {
        kind: 'call',
        source: 'cockatiel',
        exportName: 'retry',
        path: [],
        argument: 1,
        optionsPath: [],
        resultMethodCallback: 'execute',
        filterArgument: 0,
      },
    ],
    predicates: [],
    delayOptions: ['backoff'],
    beforeRetry: [],
    honoursRetryAfter: false,
    defaultStatuses: 'all-errors',
  },
];

/**
 * cockatiel policies that filter what is retried: `handleWhen(err => …)` receives the error,
 * `handleWhenResult(res => …)` the resolved value.
 */
export const COCKATIEL_FILTERS: Readonly<Record<string, PredicateParameter>> = {
  handleWhen: 'error',
  handleWhenResult: 'response',
};

/** Names of functions that define a retry predicate: the code says what they decide. */
export const RETRY_PREDICATE_NAME =
  /^(?:should|can|may)Retry(?:Request|Error|Response|Status)?$|^is(?:Retryable|Retriable|RetryAble)(?:Error|Status|Response|Request)?$|^retry(?:Condition|On|If|When|able|Predicate)$/i;

/** Modules whose exports wait: `await setTimeout(ms)` from 'node:timers/promises', `delay(ms)`. */
export const DELAY_MODULES: ReadonlyArray<{
  readonly source: string;
  readonly exportName: string;
  readonly argument: number;
}> = [
  { source: 'timers/promises', exportName: 'setTimeout', argument: 0 },
  { source: 'node:timers/promises', exportName: 'setTimeout', argument: 0 },
  { source: 'delay', exportName: 'default', argument: 0 },
];
