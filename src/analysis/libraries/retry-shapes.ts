/**
 * The shape of a retry library row (`RETRY_CONFIG_LIBRARIES` in retry.ts): where a library takes
 * its retry options, what its status list looks like, its defaults and its delay callback.
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
