/**
 * What the analysis knows about HTTP libraries, as data. Adding a library is adding a row;
 * the facts come from each package's published source (see docs/libraries.md).
 */

/** HTTP methods as the analysis spells them. */
export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

export type ClientId =
  | 'fetch'
  | 'node-fetch'
  | 'cross-fetch'
  | 'undici-fetch'
  | 'undici-request'
  | 'ky'
  | 'got'
  | 'axios'
  | 'ofetch'
  | 'wretch'
  | 'superagent';

/**
 * How a call starts a request:
 * - `fetch`: `(input, init?)`, method in `init.method`, default GET.
 * - `config`: `(url, options?)` or `(options)`, method in `options.method`, default GET.
 * - `verb`: a method named after the HTTP method, `client.delete(url, options?)`.
 * - `factory`: returns a configured client of the same library (`axios.create`, `ky.extend`).
 * - `chain`: starts a builder whose verb call sends the request (`wretch(url).delete()`).
 * - `method-first`: `(method, url)`, as `superagent('DELETE', url)`.
 */
export type CallShape = 'fetch' | 'config' | 'verb' | 'factory' | 'chain' | 'method-first';

export interface HttpClient {
  readonly id: ClientId;
  /** Import sources and the export that is the client: `default` or a named export. */
  readonly modules: ReadonlyArray<{ readonly source: string; readonly exportName: string }>;
  /** A global of the same name (only fetch). */
  readonly global?: string;
  /** How calling the client itself starts a request. */
  readonly callShape: Exclude<CallShape, 'verb' | 'factory'> | null;
  /** Methods of the client, by name, and how each starts a request. */
  readonly members: Readonly<Record<string, CallShape>>;
  /** For `verb` members whose name is not the HTTP method: `del` → DELETE. */
  readonly verbAliases?: Readonly<Record<string, HttpMethod>>;
  /** Property that carries the status on its response. */
  readonly statusProperty: 'status' | 'statusCode';
  /** Whether its response has `ok` (true for 2xx). */
  readonly hasOk: boolean;
  /**
   * Body parses on the response and whether each throws on an empty body (a 204).
   * `onRequest` parses are methods of the request promise itself (`ky(url).json()`).
   */
  readonly bodyParses: {
    readonly onResponse: Readonly<Record<string, 'throws' | 'safe'>>;
    readonly onRequest: Readonly<Record<string, 'throws' | 'safe'>>;
    /** The response object holds the body in a property with its own parse methods (undici `body`). */
    readonly bodyProperty?: string;
  };
  /** How headers are read: `headers.get(name)` (fetch) or `headers[name]` (node, axios). */
  readonly headerStyle: 'get' | 'index';
  /** Its request rejects on a non-2xx response (absent: it resolves with any status). */
  readonly throwsOnErrorStatus?: ThrowsOnErrorStatus;
  /** For a `chain` client: the builder methods that send the request, and their HTTP method. */
  readonly chainVerbs?: Readonly<Record<string, HttpMethod>>;
  /** A lone argument that comes from a parameter and is not a string is the config (`axios(config)`). */
  readonly loneParameterIsConfig?: boolean;
  /** For require-status-check: the option value that flips throwing, the status message, hooks (absent: not judged). */
  readonly errorStatus?: ErrorStatusBehaviour;
  /** Every read of the body as data (JSON, text, bytes), by where it is called (absent: not judged). */
  readonly bodyReads?: BodyReads;
}

/**
 * What a status check needs to know of a client's rejection on 4xx/5xx beyond
 * `throwsOnErrorStatus` (which says whether it rejects).
 */
export interface ErrorStatusBehaviour {
  /**
   * With `throwsOnErrorStatus`: the option (one of its `disabledBy`) and the value that turns the
   * rejection off (`false`, `true`, or `accept-all`: `null` or a function that returns `true`, as
   * axios `validateStatus`). Without: an option that may turn it on (undici 5-6 `throwOnError`):
   * a request that sets it is not judged.
   */
  readonly option?: { readonly name: string; readonly value: boolean | 'accept-all' };
  /** The response's status message property, when it has one (`statusText`, got's `statusMessage`). */
  readonly statusText?: string;
  /**
   * Options or instance members that run code on every response (ky and got `hooks`, axios
   * `interceptors`), which may throw on a status: a file that names one is not judged.
   */
  readonly hooks?: readonly string[];
}

/** Body reads of a client: each gives the body as data and consumes it. */
export interface BodyReads {
  /** Methods of the response (`res.json()`, `res.text()`). */
  readonly onResponse: readonly string[];
  /** Methods of the request promise (`ky(u).json()`, `got(u).text()`). */
  readonly onRequest: readonly string[];
  /** Methods of the response's body property (undici `body.json()`); the property is `bodyParses.bodyProperty`. */
  readonly onBodyProperty?: readonly string[];
  /** A property of the response that is the body, already read (axios `data`, got `body`). */
  readonly property?: string;
}

/** How a client rejects on a non-2xx response: its resolved response is always 2xx. */
export interface ThrowsOnErrorStatus {
  /** Options that turn the rejection off (`validateStatus`, `throwHttpErrors: false`). */
  readonly disabledBy: readonly string[];
  /** The error carries the response: `error.response.headers`. */
  readonly errorCarriesResponse: boolean;
}

const FETCH_BODY = { onResponse: { json: 'throws' }, onRequest: {} } as const;
/** The WHATWG `Body` mixin's reads (`bytes()` since 2024). */
const BODY_MIXIN = ['json', 'text', 'blob', 'arrayBuffer', 'formData', 'bytes'] as const;
/** fetch resolves on every status: only `ok` and `status` say it failed. */
const FETCH_ERROR_STATUS: ErrorStatusBehaviour = { statusText: 'statusText' };
const FETCH_READS: BodyReads = { onResponse: BODY_MIXIN, onRequest: [] };
const VERBS: Readonly<Record<string, CallShape>> = {
  get: 'verb',
  head: 'verb',
  post: 'verb',
  put: 'verb',
  patch: 'verb',
  delete: 'verb',
  options: 'verb',
};

/** What every fetch-compatible client shares: the WHATWG `Response`, resolved on any status. */
const FETCH_FAMILY: Pick<
  HttpClient,
  | 'callShape'
  | 'members'
  | 'statusProperty'
  | 'hasOk'
  | 'bodyParses'
  | 'headerStyle'
  | 'errorStatus'
  | 'bodyReads'
> = {
  callShape: 'fetch',
  members: {},
  statusProperty: 'status',
  hasOk: true,
  bodyParses: FETCH_BODY,
  headerStyle: 'get',
  errorStatus: FETCH_ERROR_STATUS,
  bodyReads: FETCH_READS,
};

export const HTTP_CLIENTS: readonly HttpClient[] = [
  {
    id: 'fetch',
    modules: [],
    global: 'fetch',
    ...FETCH_FAMILY,
  },
  {
    id: 'node-fetch',
    modules: [{ source: 'node-fetch', exportName: 'default' }],
    ...FETCH_FAMILY,
  },
  {
    id: 'cross-fetch',
    modules: [
      { source: 'cross-fetch', exportName: 'default' },
      { source: 'cross-fetch', exportName: 'fetch' },
      { source: 'isomorphic-fetch', exportName: 'default' },
    ],
    ...FETCH_FAMILY,
  },
  {
    id: 'undici-fetch',
    modules: [{ source: 'undici', exportName: 'fetch' }],
    ...FETCH_FAMILY,
  },
  {
    id: 'undici-request',
    modules: [{ source: 'undici', exportName: 'request' }],
    callShape: 'config',
    members: {},
    statusProperty: 'statusCode',
    hasOk: false,
    bodyParses: { onResponse: {}, onRequest: {}, bodyProperty: 'body' },
    headerStyle: 'index',
    // Resolves on every status; undici 5-6 threw with `throwOnError: true` (removed in 7).
    errorStatus: { option: { name: 'throwOnError', value: true } },
    // undici's body mixin has no formData().
    bodyReads: {
      onResponse: [],
      onRequest: [],
      onBodyProperty: ['json', 'text', 'blob', 'arrayBuffer', 'bytes'],
    },
  },
  {
    id: 'ky',
    modules: [{ source: 'ky', exportName: 'default' }],
    callShape: 'config',
    members: { ...VERBS, create: 'factory', extend: 'factory' },
    statusProperty: 'status',
    hasOk: true,
    // ky 2 throws on an empty body; `(await ky(u)).json()` is the native Response.json().
    bodyParses: { onResponse: { json: 'throws' }, onRequest: { json: 'throws' } },
    headerStyle: 'get',
    throwsOnErrorStatus: { disabledBy: ['throwHttpErrors'], errorCarriesResponse: true },
    errorStatus: {
      option: { name: 'throwHttpErrors', value: false },
      statusText: 'statusText',
      hooks: ['hooks'],
    },
    bodyReads: { onResponse: BODY_MIXIN, onRequest: BODY_MIXIN },
  },
  {
    id: 'got',
    modules: [{ source: 'got', exportName: 'default' }],
    callShape: 'config',
    members: { ...VERBS, extend: 'factory' },
    statusProperty: 'statusCode',
    hasOk: true,
    // got returns '' for an empty body.
    bodyParses: { onResponse: {}, onRequest: { json: 'safe' } },
    headerStyle: 'index',
    throwsOnErrorStatus: { disabledBy: ['throwHttpErrors'], errorCarriesResponse: true },
    errorStatus: {
      option: { name: 'throwHttpErrors', value: false },
      statusText: 'statusMessage',
      hooks: ['hooks'],
    },
    bodyReads: { onResponse: [], onRequest: ['json', 'text', 'buffer'], property: 'body' },
  },
  {
    id: 'axios',
    modules: [{ source: 'axios', exportName: 'default' }],
    callShape: 'config',
    members: { ...VERBS, request: 'config', create: 'factory' },
    statusProperty: 'status',
    hasOk: false,
    // axios parses for you: `data` is '' on an empty body.
    bodyParses: { onResponse: {}, onRequest: {} },
    headerStyle: 'index',
    throwsOnErrorStatus: { disabledBy: ['validateStatus'], errorCarriesResponse: true },
    loneParameterIsConfig: true,
    // Rejects unless `validateStatus(status)` holds (default: 2xx); `null` accepts every status.
    errorStatus: {
      option: { name: 'validateStatus', value: 'accept-all' },
      statusText: 'statusText',
      hooks: ['interceptors'],
    },
    bodyReads: { onResponse: [], onRequest: [], property: 'data' },
  },
  {
    id: 'ofetch',
    modules: [
      { source: 'ofetch', exportName: 'ofetch' },
      { source: 'ofetch', exportName: '$fetch' },
    ],
    global: '$fetch',
    callShape: 'config',
    // `raw` resolves to a Response whose body is already parsed into `_data`.
    members: { raw: 'config', create: 'factory' },
    statusProperty: 'status',
    hasOk: true,
    bodyParses: { onResponse: {}, onRequest: {} },
    headerStyle: 'get',
    throwsOnErrorStatus: { disabledBy: ['ignoreResponseError'], errorCarriesResponse: true },
  },
  {
    id: 'wretch',
    modules: [{ source: 'wretch', exportName: 'default' }],
    callShape: 'chain',
    members: {},
    statusProperty: 'status',
    hasOk: true,
    bodyParses: { onResponse: { json: 'throws' }, onRequest: { json: 'throws' } },
    headerStyle: 'get',
    throwsOnErrorStatus: { disabledBy: [], errorCarriesResponse: true },
    chainVerbs: {
      get: 'GET',
      head: 'HEAD',
      post: 'POST',
      put: 'PUT',
      patch: 'PATCH',
      delete: 'DELETE',
      opts: 'OPTIONS',
    },
  },
  {
    id: 'superagent',
    modules: [{ source: 'superagent', exportName: 'default' }],
    callShape: 'method-first',
    members: { ...VERBS, del: 'verb' },
    verbAliases: { del: 'DELETE' },
    statusProperty: 'status',
    hasOk: true,
    bodyParses: { onResponse: {}, onRequest: {} },
    headerStyle: 'index',
    throwsOnErrorStatus: { disabledBy: ['ok'], errorCarriesResponse: true },
  },
];

/** Re-exported for core/static-values.ts until it imports status-constants.ts itself. */
export { STATUS_CONSTANT_MODULES } from './status-constants';

/**
 * APIs documented to answer a rate limit with a 4xx other than 429: a retry of that status to
 * their host is rate-limit handling, not a retry of a client error.
 */
export interface RateLimitStatusHost {
  readonly host: string;
  readonly statuses: readonly number[];
  readonly docs: string;
}

export const RATE_LIMIT_STATUS_HOSTS: readonly RateLimitStatusHost[] = [
  // Primary and secondary rate limits: "403 or 429".
  {
    host: 'api.github.com',
    statuses: [403],
    docs: 'https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api',
  },
];

// Server frameworks moved to their own table; re-exported for modules that still import them here.
export * from './frameworks';
