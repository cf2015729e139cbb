/**
 * Where retry libraries (and HTTP clients with a built-in retry) take their configuration, as
 * data: `src/analysis/retry/` reads these rows. Adding a library is adding a row.
 * Facts from each package's published source (see ../shared/notes/http-clients.md).
 */

import type { ClientId, HttpClient } from './clients';

/** Libraries whose retry the analysis reads (HTTP clients with their own retry included). */
export type RetryConfigLibraryId =
  | 'ky'
  | 'got'
  | 'ofetch'
  | 'superagent'
  | 'wretch'
  | 'axios-retry'
  | 'retry-axios'
  | 'fetch-retry'
  | 'undici-retry'
  | 'octokit-retry'
  | 'p-retry'
  | 'async-retry'
  | 'exponential-backoff'
  | 'cockatiel';

/** What a parameter of a library predicate receives. */
export type PredicateParameter =
  | 'error' // an HTTP error: `error.response.status`, `error.status`
  | 'response' // a response: `response.status`
  | 'context' // an object with `error` (and `response`) properties: ky and p-retry `shouldRetry({ error })`
  | 'other';

/** A predicate option: a function the library calls to decide whether to retry. */
export interface RetryPredicateOption {
  /** Option name inside the retry options. */
  readonly name: string;
  /** What each parameter receives, by position. */
  readonly parameters: readonly PredicateParameter[];
  /** `true` when the predicate says when to STOP (wretch `until`): it retries when it returns false. */
  readonly stopWhenTrue?: boolean;
}

/**
 * Where a library's retry options are written:
 * - `request`: the options argument of every request of an HTTP client the model finds
 *   (`ky(url, options)`, `got.get(url, options)`, instance requests too);
 * - `call` / `new`: a call (or construction) of an export, `path` being the members after the
 *   export (`interceptors.retry` is export `interceptors`, path `['retry']`);
 * - `key`: any object property with this key in a file that imports one of `modules`
 *   (`raxConfig: {…}`; `instance.defaults.raxConfig = {…}` too).
 * `optionsPath` leads from that object to the retry options (`['retry']` for ky and got).
 */
export type RetryConfigSite =
  | { readonly kind: 'request'; readonly client: ClientId; readonly optionsPath: readonly string[] }
  | {
      readonly kind: 'call' | 'new';
      readonly source: string;
      readonly exportName: string;
      readonly path: readonly string[];
      /** Position of the options argument. */
      readonly argument: number;
      readonly optionsPath: readonly string[];
      /** Position of the function the library runs and retries (p-retry's `fn`). */
      readonly callback?: number;
      /** Calls of the value this call returns take options too, at this position (fetch-retry). */
      readonly resultCallArgument?: number;
      /** A method of the value this call returns runs a callback (cockatiel `policy.execute(fn)`). */
      readonly resultMethodCallback?: string;
      /** Position of a policy argument that filters what is retried (cockatiel `handleWhen(fn)`). */
      readonly filterArgument?: number;
    }
  | { readonly kind: 'key'; readonly key: string; readonly optionsPath: readonly string[] }
  | {
      /** A method on the request chain: superagent `request.get(u).retry(count, callback)`. */
      readonly kind: 'chain';
      readonly client: ClientId;
      readonly method: string;
      /** Position of the predicate argument. */
      readonly predicateArgument: number;
    };

/**
 * How the statuses option lists statuses:
 * `list`: `[429, 503]`; `ranges`: `[[429, 429], [500, 599]]` (retry-axios);
 * `exclude`: statuses NOT retried (octokit `doNotRetry`; everything >= 400 else).
 */
export type StatusListFormat = 'list' | 'ranges' | 'exclude';

/** How a header is read: `headers.get(name)` (fetch `Headers`) or `headers[name]` (node, axios). */
export type HeaderStyle = HttpClient['headerStyle'];

/** The shape of a library's delay callback: its parameters and where the headers are. */
export interface DelayCallbackShape {
  /** Default names of the callback's parameters, up to the one that holds the response or error. */
  readonly parameters: readonly string[];
  /** The headers, from the parameter at the last position. */
  readonly source: {
    readonly style: HeaderStyle;
    /** The holder is an error whose `response` carries the headers: `error.response?.headers[…]`. */
    readonly viaErrorResponse?: boolean;
    /** The holder may be null (fetch-retry's `response` after a network error): `response?.headers`. */
    readonly optional?: boolean;
  };
}

/** A status, or an inclusive range of statuses. */
export type StatusOrRange = number | readonly [number, number];

export interface RetryConfigLibrary {
  readonly id: RetryConfigLibraryId;
  /** Import sources that mark a file as using the library (for `key` sites). */
  readonly modules: readonly string[];
  readonly sites: readonly RetryConfigSite[];
  /** For options given beside other request options: the options that make them retry options. */
  readonly markers?: readonly string[];
  /** The option that lists statuses, and how; `defaults`: its value when not given (octokit's `doNotRetry`). */
  readonly statusCodes?: {
    readonly name: string;
    readonly format: StatusListFormat;
    readonly defaults?: readonly number[];
  };
  /** A predicate option may also be given as a status list (fetch-retry `retryOn`). */
  readonly statusCodesOrPredicate?: boolean;
  /** ky `afterStatusCodes`: statuses whose Retry-After is honoured, and the library's default list. */
  readonly afterStatusCodes?: { readonly name: string; readonly defaults: readonly number[] };
  readonly predicates: readonly RetryPredicateOption[];
  /** Options that set the delay between attempts (a number or a function). */
  readonly delayOptions: readonly string[];
  /** Options that run before a retry and may change the request (`hooks.beforeRetry`), as paths from the options object given at the site. */
  readonly beforeRetry: ReadonlyArray<readonly string[]>;
  /** How a callback stops retrying: p-retry `AbortError`, async-retry `bail`. */
  readonly stop?:
    | { readonly kind: 'abort-error'; readonly exportName: string }
    | { readonly kind: 'bail'; readonly parameter: number };
  /** Whether the library waits for Retry-After on its own with its default delay. */
  readonly honoursRetryAfter: boolean;
  /** The delay between attempts, in milliseconds, when the code gives none (fetch-retry 1000, ofetch 0). */
  readonly defaultDelayMs?: number;
  /** Statuses it retries when the code does not say (facts; rules judge what the code writes). */
  readonly defaultStatuses: readonly StatusOrRange[] | 'all-errors' | 'network-only';
  /** The option whose `0` or `false` turns retrying off (`retries: 0`, ofetch `retry: false`, ky `limit: 0`). */
  readonly retriesOption?: string;
  /** Request methods retried only when `retriesOption` is given (ofetch: none for POST, PUT, PATCH, DELETE). */
  readonly methodsNotRetried?: readonly string[];
  /**
   * A condition option that replaces the default statuses: the library's own conditions named
   * here keep them (axios-retry `retryCondition: isNetworkOrIdempotentRequestError`), another
   * function retries what it accepts.
   */
  readonly retryCondition?: { readonly name: string; readonly builtIn: readonly string[] };
  /**
   * The option that sets the delay between attempts as a number or a callback, for a library
   * that does not wait for `Retry-After` on its own there.
   */
  readonly retryDelay?: {
    readonly name: string;
    readonly callback: DelayCallbackShape;
    /** Without the option the library waits its own `defaultDelayMs`, which ignores the server. */
    readonly defaultIgnoresWait: boolean;
    /** A number given ignores the server's wait (false where only a callback can read it and a number is not the delay). */
    readonly numberIgnoresWait: boolean;
  };
}

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

/**
 * HTTP clients whose request promise rejects on a non-2xx response unless an option says
 * otherwise: their resolved response is always 2xx, and a retry that catches the rejection
 * sees the status on the error.
 */
export interface ThrowingClient {
  /** Options that turn the rejection off (`validateStatus`, `throwHttpErrors: false`). */
  readonly disabledBy: readonly string[];
  /** The error carries the response: `error.response.headers`. */
  readonly errorCarriesResponse: boolean;
}

export const THROWING_CLIENTS: Readonly<Partial<Record<ClientId, ThrowingClient>>> = {
  axios: { disabledBy: ['validateStatus'], errorCarriesResponse: true },
  ky: { disabledBy: ['throwHttpErrors'], errorCarriesResponse: true },
  got: { disabledBy: ['throwHttpErrors'], errorCarriesResponse: true },
  ofetch: { disabledBy: ['ignoreResponseError'], errorCarriesResponse: true },
  wretch: { disabledBy: [], errorCarriesResponse: true },
  superagent: { disabledBy: ['ok'], errorCarriesResponse: true },
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
