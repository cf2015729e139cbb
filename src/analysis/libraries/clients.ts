import { HTTP_METHODS } from './headers';
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
  /** For require-status-check: the status message, hooks, an option that makes it reject (absent: not judged). */
  readonly errorStatus?: ErrorStatusBehaviour;
  /** Every read of the body as data (JSON, text, bytes), by where it is called (absent: not judged). */
  readonly bodyReads?: BodyReads;
}

/**
 * What a status check needs to know of a client's rejection on 4xx/5xx beyond
 * `throwsOnErrorStatus` (which says whether it rejects, and which option turns that off).
 */
export interface ErrorStatusBehaviour {
  /**
   * For a client without `throwsOnErrorStatus`: an option that may make it reject (undici 5-6
   * `throwOnError: true`). A request that sets it to that value, or to a value the code does not
   * show, is not judged.
   */
  readonly enabledBy?: ErrorStatusOption;
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
  /**
   * The option that turns the rejection off and the value that does (`throwHttpErrors: false`,
   * axios `validateStatus: () => true`); absent: no option does (wretch). The retry analysis
   * takes any value of it as turning the rejection off; require-status-check reads the value.
   */
  readonly disabledBy?: ErrorStatusOption;
  /** The error carries the response: `error.response.headers`. */
  readonly errorCarriesResponse: boolean;
}

/**
 * An option of a request (or of the instance it is made with) and the value that flips whether
 * it rejects on 4xx/5xx: `false`, `true`, or `accept-all` (`null` or a function that returns
 * `true`, as axios `validateStatus`).
 */
export interface ErrorStatusOption {
  readonly name: string;
  readonly value: boolean | 'accept-all';
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
    errorStatus: { enabledBy: { name: 'throwOnError', value: true } },
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
    throwsOnErrorStatus: {
      disabledBy: { name: 'throwHttpErrors', value: false },
      errorCarriesResponse: true,
    },
    errorStatus: {
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
    throwsOnErrorStatus: {
      disabledBy: { name: 'throwHttpErrors', value: false },
      errorCarriesResponse: true,
    },
    errorStatus: {
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
    // Rejects unless `validateStatus(status)` holds (default: 2xx); `null` accepts every status.
    throwsOnErrorStatus: {
      disabledBy: { name: 'validateStatus', value: 'accept-all' },
      errorCarriesResponse: true,
    },
    loneParameterIsConfig: true,
    errorStatus: {
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
    throwsOnErrorStatus: {
      disabledBy: { name: 'ignoreResponseError', value: true },
      errorCarriesResponse: true,
    },
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
    throwsOnErrorStatus: { errorCarriesResponse: true },
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
    // `.ok(res => true)` on the request accepts every status.
    throwsOnErrorStatus: {
      disabledBy: { name: 'ok', value: 'accept-all' },
      errorCarriesResponse: true,
    },
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

/**
 * Methods of an API client the file does not create that send a request (`api.get(u)`,
 * `client.request(o)`): the HTTP methods a client names, in lower case, and `request`.
 */
export const CLIENT_REQUEST_METHODS: ReadonlySet<string> = new Set([
  ...HTTP_METHODS.filter((method) => method !== 'CONNECT' && method !== 'TRACE').map((method) =>
    method.toLowerCase(),
  ),
  'request',
]);
