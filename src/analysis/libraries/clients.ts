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
  /** What a 4xx/5xx response does to the request, and the option that changes it (absent: not judged). */
  readonly errorStatus?: ErrorStatusBehaviour;
  /** Every read of the body as data (JSON, text, bytes), by where it is called (absent: not judged). */
  readonly bodyReads?: BodyReads;
}

/**
 * Whether a request rejects on a 4xx/5xx response (then a body read runs only on success), and
 * the request or instance option that makes it resolve with the error response instead.
 */
export interface ErrorStatusBehaviour {
  readonly throws: boolean;
  /**
   * `throws: true`: the option that turns throwing off, and the value that does it (`false`,
   * `true`, or `accept-all`: `null` or a function that returns `true`, as axios `validateStatus`).
   * `throws: false`: an option that may turn throwing on (undici 5-6 `throwOnError`): a request
   * that sets it is not judged.
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

const FETCH_BODY = { onResponse: { json: 'throws' }, onRequest: {} } as const;
/** The WHATWG `Body` mixin's reads (`bytes()` since 2024). */
const BODY_MIXIN = ['json', 'text', 'blob', 'arrayBuffer', 'formData', 'bytes'] as const;
/** fetch resolves on every status: only `ok` and `status` say it failed. */
const FETCH_ERROR_STATUS: ErrorStatusBehaviour = { throws: false, statusText: 'statusText' };
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

export const HTTP_CLIENTS: readonly HttpClient[] = [
  {
    id: 'fetch',
    modules: [],
    global: 'fetch',
    callShape: 'fetch',
    members: {},
    statusProperty: 'status',
    hasOk: true,
    bodyParses: FETCH_BODY,
    headerStyle: 'get',
    errorStatus: FETCH_ERROR_STATUS,
    bodyReads: FETCH_READS,
  },
  {
    id: 'node-fetch',
    modules: [{ source: 'node-fetch', exportName: 'default' }],
    callShape: 'fetch',
    members: {},
    statusProperty: 'status',
    hasOk: true,
    bodyParses: FETCH_BODY,
    headerStyle: 'get',
    errorStatus: FETCH_ERROR_STATUS,
    bodyReads: FETCH_READS,
  },
  {
    id: 'cross-fetch',
    modules: [
      { source: 'cross-fetch', exportName: 'default' },
      { source: 'cross-fetch', exportName: 'fetch' },
      { source: 'isomorphic-fetch', exportName: 'default' },
    ],
    callShape: 'fetch',
    members: {},
    statusProperty: 'status',
    hasOk: true,
    bodyParses: FETCH_BODY,
    headerStyle: 'get',
    errorStatus: FETCH_ERROR_STATUS,
    bodyReads: FETCH_READS,
  },
  {
    id: 'undici-fetch',
    modules: [{ source: 'undici', exportName: 'fetch' }],
    callShape: 'fetch',
    members: {},
    statusProperty: 'status',
    hasOk: true,
    bodyParses: FETCH_BODY,
    headerStyle: 'get',
    errorStatus: FETCH_ERROR_STATUS,
    bodyReads: FETCH_READS,
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
    errorStatus: { throws: false, option: { name: 'throwOnError', value: true } },
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
    errorStatus: {
      throws: true,
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
    errorStatus: {
      throws: true,
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
    // Rejects unless `validateStatus(status)` holds (default: 2xx); `null` accepts every status.
    errorStatus: {
      throws: true,
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
    // Resolves to the parsed body itself: no response to check (`raw` gives one, its body in `_data`).
    errorStatus: { throws: true, option: { name: 'ignoreResponseError', value: true } },
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
    // Rejects with a WretchError on every non-2xx; catchers (`.notFound()`) handle it.
    errorStatus: { throws: true },
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
    // Rejects on 4xx/5xx unless `.ok(res => …)` says otherwise.
    errorStatus: { throws: true },
  },
];

/** Verb methods of a wretch chain that send the request. */
export const WRETCH_VERBS: Readonly<Record<string, HttpMethod>> = {
  get: 'GET',
  head: 'HEAD',
  post: 'POST',
  put: 'PUT',
  patch: 'PATCH',
  delete: 'DELETE',
  opts: 'OPTIONS',
};

/** Modules whose exported objects map status names to numbers (`StatusCodes.NO_CONTENT`). */
export const STATUS_CONSTANT_MODULES: ReadonlyArray<{
  readonly source: string;
  /** Path from the module to the object whose properties are statuses. */
  readonly path: readonly string[];
  /** Prefix of each property name before the status name (`HTTP_STATUS_`). */
  readonly prefix: string;
}> = [
  { source: 'http-status-codes', path: ['StatusCodes'], prefix: '' },
  { source: '@nestjs/common', path: ['HttpStatus'], prefix: '' },
  { source: 'node:http2', path: ['constants'], prefix: 'HTTP_STATUS_' },
  { source: 'http2', path: ['constants'], prefix: 'HTTP_STATUS_' },
];

export type RetryLibraryId =
  | 'p-retry'
  | 'async-retry'
  | 'exponential-backoff'
  | 'cockatiel'
  | 'axios-retry'
  | 'retry-axios'
  | 'fetch-retry'
  | 'undici-retry'
  | 'octokit-retry';

/** Retry libraries: where their retry is set up and what they honour by default. */
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

export interface RetryLibrary {
  readonly id: RetryLibraryId;
  readonly modules: ReadonlyArray<{ readonly source: string; readonly exportName: string }>;
  /** Whether the library waits for Retry-After on its own (with its default delay). */
  readonly honoursRetryAfter: boolean;
  /** Statuses it retries when the code does not say (facts; rules judge what the code writes). */
  readonly defaultStatuses: readonly number[] | 'all-errors' | 'network-only';
}

export const RETRY_LIBRARIES: readonly RetryLibrary[] = [
  {
    id: 'p-retry',
    modules: [{ source: 'p-retry', exportName: 'default' }],
    honoursRetryAfter: false,
    defaultStatuses: 'all-errors',
  },
  {
    id: 'async-retry',
    modules: [{ source: 'async-retry', exportName: 'default' }],
    honoursRetryAfter: false,
    defaultStatuses: 'all-errors',
  },
  {
    id: 'exponential-backoff',
    modules: [{ source: 'exponential-backoff', exportName: 'backOff' }],
    honoursRetryAfter: false,
    defaultStatuses: 'all-errors',
  },
  {
    id: 'cockatiel',
    modules: [{ source: 'cockatiel', exportName: 'retry' }],
    honoursRetryAfter: false,
    defaultStatuses: 'all-errors',
  },
  {
    id: 'axios-retry',
    modules: [{ source: 'axios-retry', exportName: 'default' }],
    honoursRetryAfter: true,
    defaultStatuses: [429, 500, 501, 502, 503, 504, 505, 506, 507, 508, 509, 510, 511],
  },
  {
    id: 'retry-axios',
    modules: [{ source: 'retry-axios', exportName: 'attach' }],
    honoursRetryAfter: true,
    defaultStatuses: [429, 500, 599],
  },
  {
    id: 'fetch-retry',
    modules: [{ source: 'fetch-retry', exportName: 'default' }],
    honoursRetryAfter: false,
    defaultStatuses: 'network-only',
  },
  {
    id: 'undici-retry',
    modules: [
      { source: 'undici', exportName: 'RetryAgent' },
      { source: 'undici', exportName: 'RetryHandler' },
    ],
    honoursRetryAfter: true,
    defaultStatuses: [429, 500, 502, 503, 504],
  },
  {
    id: 'octokit-retry',
    modules: [{ source: '@octokit/plugin-retry', exportName: 'retry' }],
    honoursRetryAfter: false,
    defaultStatuses: 'all-errors',
  },
];

export type ServerFrameworkId =
  | 'express'
  | 'fastify'
  | 'koa'
  | 'hono'
  | 'next'
  | 'sveltekit'
  | 'remix'
  | 'react-router'
  | 'h3'
  | 'elysia'
  | 'azure-functions'
  | 'node-http'
  | 'web'
  | 'aws-lambda';

/**
 * How a framework's handlers send a body:
 * - `response`: a response object with chainable status setters (`res.status(n).json(b)`).
 * - `context-body`: assignments to a context (`ctx.status = n; ctx.body = b`, in any order).
 * - `context-json`: a context method taking the status after the body (`c.json(b, n)`).
 * - `return`: the handler's return value is the body; the status is set on the context.
 */
export type ServerSendStyle = 'response' | 'context-body' | 'context-json' | 'return';

/** A property path on the handler's response or context parameter: `['statusCode']`, `['set', 'status']`. */
export type AccessPath = readonly string[];

/**
 * The statuses an API accepts, as its runtime checks them: a range or a list, and what it does
 * with a string (`'404'`). Outside them the call throws, or the status is silently replaced.
 */
export interface AcceptedStatuses {
  /** How messages name the API: `Express`, `the Response constructor`, `Response.redirect()`. */
  readonly api: string;
  /** Inclusive bounds; absent when `values` lists them. */
  readonly range?: readonly [number, number];
  /** The only statuses accepted (`Response.redirect`: 301, 302, 303, 307, 308). */
  readonly values?: readonly number[];
  /**
   * What the API does with a string or a fraction: `throw` (Express 5, Koa: a status must be an
   * integer), or `convert` it to an integer (WebIDL's `unsigned short`, Node `http`: `'404'` and
   * `404.5` are 404).
   */
  readonly strings: 'throw' | 'convert';
  /** Init keys of a platform that takes other statuses with them (Workers: 101 with `webSocket`): then the status is not judged. */
  readonly uncheckedWith?: readonly string[];
}

/** Node `http` (`writeHead`, `statusCode`): RangeError ERR_HTTP_INVALID_STATUS_CODE outside 100–999. */
const NODE_STATUSES: AcceptedStatuses = { api: 'Node http', range: [100, 999], strings: 'convert' };
/** The WHATWG `Response` constructor and `Response.json`: RangeError outside 200–599. */
const RESPONSE_INIT_STATUSES: AcceptedStatuses = {
  api: 'the Response constructor',
  range: [200, 599],
  strings: 'convert',
  uncheckedWith: ['webSocket'],
};
/** `Response.redirect(url, status)`: RangeError for anything but these. */
const REDIRECT_STATUSES: readonly number[] = [301, 302, 303, 307, 308];

/** A function that takes a status as an argument, or as a property of an options argument. */
export interface StatusCall {
  /** Path from the module (or global) to the function: `['Response', 'redirect']` of a global is `['redirect']`. */
  readonly path: readonly string[];
  /** The argument that holds the status. */
  readonly argument: number;
  /** `value`: the argument is the status; `options`: an object whose `properties` hold it (h3 `createError({ statusCode })`); `either`. */
  readonly form: 'value' | 'options' | 'either';
  /** Keys of an options argument that hold the status. */
  readonly properties?: readonly string[];
  readonly statuses: AcceptedStatuses;
}

/** An export that builds a response from a body and an optional init (`NextResponse.json`, SvelteKit `json`). */
export interface ResponseFactory {
  /** Path from the module (or global) to the function: `['NextResponse', 'json']`, `['json']`, `[]`. */
  readonly path: readonly string[];
  /** Called with `new` (`new Response(…)`) rather than called. */
  readonly construct?: boolean;
  /** A static method of a `Response` class (`Response.json`, `NextResponse.json`): `new` on its owner builds one without a body. */
  readonly classMethod?: boolean;
  /** `value`: the first argument is the body, serialised as JSON; `string`: it is sent as written (`JSON.stringify(b)`, text, bytes). */
  readonly body: 'value' | 'string';
  /** The second argument: an init object with `status`, or also a bare status number (Remix, React Router). */
  readonly init: 'init' | 'init-or-status';
  /** The statuses its init accepts. */
  readonly statuses: AcceptedStatuses;
}

/**
 * What a framework does with a body sent with a null-body status (204, 205, 304, 1xx): a WHATWG
 * `Response` host `throws` (`TypeError: Response constructor: Invalid response status code 204`,
 * so the client gets a 500), others drop the body silently. Every response factory builds a
 * WHATWG `Response`, so it throws.
 */
export type BodyOnNullStatus = 'throws' | 'dropped';

/** How a response or context sends the same status without a body (`res.end()`, `c.body(null)`). */
export interface BodylessSend {
  /** The method to call instead. */
  readonly method: string;
  /** `omit`: call it without arguments; `null`: pass `null` for the body, keep the other arguments. */
  readonly body: 'omit' | 'null';
}

/** Plain objects a platform turns into a response (`{ statusCode, body }` for AWS Lambda proxies). */
export interface ResultObject {
  /** The key that holds the status. */
  readonly statusKey: string;
  /** The key that holds the body, and whether it is a string (`JSON.stringify(b)`) or the value. */
  readonly bodyKey: string;
  readonly body: 'value' | 'string';
  /** Whether an object without the status key is still a response (sent with the default status). */
  readonly statusOptional: boolean;
}

/**
 * Server frameworks: where they come from and how their handlers send bodies and statuses (facts
 * in docs/libraries.md and ../shared/notes/server-frameworks.md). The server analysis reads them;
 * adding a framework is adding a row.
 */
export interface ServerFramework {
  readonly id: ServerFrameworkId;
  readonly sources: readonly string[];
  /** A global that stands for the module (`Response` for the WHATWG `web` row). */
  readonly global?: string;
  /** Exports that create an app or router (called or constructed): `[]` is the module itself. */
  readonly apps?: ReadonlyArray<readonly string[]>;
  /** App methods that register handlers, after an optional path and options. */
  readonly routeMethods?: readonly string[];
  /** Exports whose function arguments are handlers: `createServer(handler)`, `defineEventHandler(handler)`. */
  readonly handlerFactories?: ReadonlyArray<readonly string[]>;
  /** Handler factories that are auto-imported globals when the file does not declare them (Nuxt). */
  readonly globalHandlerFactories?: readonly string[];
  /** Exported types that mark a parameter as the framework's response or context (`res: Response`). */
  readonly responseTypes?: readonly string[];
  /** Which handler parameter is the response or context. */
  readonly responseParameter?: number;
  readonly style?: ServerSendStyle;
  /** Methods on the response/context that send a body (`json`, `send`). */
  readonly sendMethods?: readonly string[];
  /** Send methods that serialise the body as JSON: `null` is sent as the text `null`. */
  readonly jsonSendMethods?: readonly string[];
  /** Context functions called `fn(status, body)` that send the body with the status (Elysia `status`, before 1.3 `error`). */
  readonly statusBodyFunctions?: readonly AccessPath[];
  /** How to send the same status without a body. */
  readonly bodylessSend?: BodylessSend;
  /** What happens to a body sent with 204, 205, 304 or 1xx (notes: "body on 204"); unknown when absent. */
  readonly bodyOnNullStatus?: BodyOnNullStatus;
  /** Property paths whose assignment sends a body (Koa `ctx.body`). */
  readonly bodyPaths?: readonly AccessPath[];
  /** Chainable methods on the response/context that set the status (`status`, `code`). */
  readonly statusMethods?: readonly string[];
  /** Property paths whose assignment sets the status (`statusCode`, Elysia `set.status`). */
  readonly statusPaths?: readonly AccessPath[];
  /** Exports called as `fn(context, status)` to set the status (h3 `setResponseStatus`). */
  readonly statusFunctions?: readonly string[];
  /** The handler's return value is the body (Fastify, Elysia, h3). */
  readonly returnSends?: boolean;
  /** Sending an `Error` object hands it to the framework's error handler (Fastify: not a 2xx). */
  readonly errorObjectsAreErrors?: boolean;
  /** Passing the response/context to other functions may set its status (Express, Koa). */
  readonly opaqueWhenPassed?: boolean;
  /** Methods on the response that send a status without a body (Express `sendStatus`). */
  readonly statusSends?: readonly string[];
  /** Members of the handler's context, called or destructured, that take a status first (Elysia `status(404, b)`). */
  readonly contextStatusCalls?: readonly string[];
  /** Exports (or members of the global) that take a status (`Response.redirect`, SvelteKit `error`). */
  readonly statusCalls?: readonly StatusCall[];
  /** The statuses its setters, status functions and result objects accept (default: 100–599, strings converted). */
  readonly acceptedStatuses?: AcceptedStatuses;
  /** Status sent when the code sets none. */
  readonly defaultStatus?: number;
  readonly responseFactories?: readonly ResponseFactory[];
  readonly resultObject?: ResultObject;
}

const ROUTE_METHODS = [
  'get',
  'post',
  'put',
  'patch',
  'delete',
  'del',
  'all',
  'use',
  'options',
  'head',
] as const;
const FETCH_FACTORIES: readonly ResponseFactory[] = [
  {
    path: ['json'],
    classMethod: true,
    body: 'value',
    init: 'init',
    statuses: { ...RESPONSE_INIT_STATUSES, api: 'Response.json()' },
  },
  { path: [], construct: true, body: 'string', init: 'init', statuses: RESPONSE_INIT_STATUSES },
];

/** What a status is checked against when no row says more: a status is an integer in 100–599 (RFC 9110 §15). */
export const HTTP_STATUSES: AcceptedStatuses = {
  api: 'HTTP',
  range: [100, 599],
  strings: 'convert',
};
/** h3 `setResponseStatus`, `createError`: a status outside 100–999 is silently replaced by the default (200, 500). */
const H3_STATUSES: AcceptedStatuses = { api: 'h3', range: [100, 999], strings: 'convert' };

/** Methods only an HTTP response has (Express, Next.js Pages, Fastify, Node `http`). */
export const HTTP_RESPONSE_METHODS: ReadonlySet<string> = new Set([
  'status',
  'json',
  'sendStatus',
  'code',
  'writeHead',
  'setHeader',
  'redirect',
  'render',
  'sendFile',
]);

/**
 * Type-assertion libraries whose test files are type-checked, never run (tstyche, tsd,
 * expect-type): a handler such a file registers answers no request.
 */
export const TYPE_TEST_MODULES: ReadonlySet<string> = new Set([
  'tstyche',
  'tsd',
  'tsd-lite',
  'expect-type',
]);

export const SERVER_FRAMEWORKS: readonly ServerFramework[] = [
  {
    id: 'express',
    sources: ['express'],
    apps: [[], ['Router']],
    routeMethods: [...ROUTE_METHODS],
    responseTypes: ['Response'],
    responseParameter: 1,
    style: 'response',
    sendMethods: ['json', 'jsonp', 'send', 'end'],
    jsonSendMethods: ['json', 'jsonp'],
    bodylessSend: { method: 'end', body: 'omit' },
    bodyOnNullStatus: 'dropped',
    statusMethods: ['status'],
    statusPaths: [['statusCode']],
    statusSends: ['sendStatus'],
    // Express 5: TypeError for a non-integer, RangeError outside 100–999 (Express 4: Node's RangeError).
    acceptedStatuses: { api: 'Express', range: [100, 999], strings: 'throw' },
    opaqueWhenPassed: true,
    defaultStatus: 200,
  },
  {
    id: 'fastify',
    sources: ['fastify'],
    apps: [[], ['fastify'], ['default']],
    routeMethods: [...ROUTE_METHODS, 'route'],
    responseTypes: ['FastifyReply'],
    responseParameter: 1,
    style: 'response',
    sendMethods: ['send'],
    bodylessSend: { method: 'send', body: 'omit' },
    bodyOnNullStatus: 'dropped',
    statusMethods: ['code', 'status'],
    statusPaths: [['statusCode']],
    // `reply.code(n)`: FST_ERR_BAD_STATUS_CODE unless Number(n) is in 100–599.
    acceptedStatuses: { api: 'Fastify', range: [100, 599], strings: 'convert' },
    returnSends: true,
    errorObjectsAreErrors: true,
    opaqueWhenPassed: true,
    defaultStatus: 200,
  },
  {
    id: 'koa',
    sources: ['koa', '@koa/router', 'koa-router'],
    apps: [[]],
    routeMethods: [...ROUTE_METHODS],
    responseTypes: ['Context', 'ParameterizedContext', 'DefaultContext', 'RouterContext'],
    responseParameter: 0,
    style: 'context-body',
    bodyPaths: [['body'], ['response', 'body']],
    statusPaths: [['status'], ['response', 'status']],
    bodyOnNullStatus: 'dropped',
    // `ctx.status = n`: AssertionError unless an integer in 100–999.
    acceptedStatuses: { api: 'Koa', range: [100, 999], strings: 'throw' },
    opaqueWhenPassed: true,
    defaultStatus: 200,
  },
  {
    id: 'hono',
    sources: ['hono', 'hono/factory'],
    apps: [['Hono']],
    routeMethods: [...ROUTE_METHODS, 'on'],
    responseTypes: ['Context'],
    responseParameter: 0,
    style: 'context-json',
    sendMethods: ['json', 'text', 'body'],
    jsonSendMethods: ['json'],
    bodylessSend: { method: 'body', body: 'null' },
    bodyOnNullStatus: 'throws',
    statusMethods: ['status'],
    defaultStatus: 200,
  },
  {
    id: 'next',
    sources: ['next/server', 'next'],
    responseTypes: ['NextApiResponse'],
    responseParameter: 1,
    style: 'response',
    sendMethods: ['json', 'send', 'end'],
    jsonSendMethods: ['json'],
    bodylessSend: { method: 'end', body: 'omit' },
    bodyOnNullStatus: 'dropped',
    statusMethods: ['status'],
    statusPaths: [['statusCode']],
    acceptedStatuses: NODE_STATUSES,
    opaqueWhenPassed: true,
    defaultStatus: 200,
    responseFactories: [
      {
        path: ['NextResponse', 'json'],
        classMethod: true,
        body: 'value',
        init: 'init',
        statuses: { ...RESPONSE_INIT_STATUSES, api: 'NextResponse.json()' },
      },
      {
        path: ['NextResponse'],
        construct: true,
        body: 'string',
        init: 'init',
        statuses: { ...RESPONSE_INIT_STATUSES, api: 'NextResponse' },
      },
    ],
    statusCalls: [
      // `NextResponse.redirect(url, status or init)`: RangeError for anything but the five.
      {
        path: ['NextResponse', 'redirect'],
        argument: 1,
        form: 'either',
        properties: ['status'],
        statuses: { api: 'NextResponse.redirect()', values: REDIRECT_STATUSES, strings: 'convert' },
      },
    ],
  },
  {
    id: 'sveltekit',
    sources: ['@sveltejs/kit'],
    responseFactories: [
      {
        path: ['json'],
        body: 'value',
        init: 'init',
        statuses: { ...RESPONSE_INIT_STATUSES, api: "SvelteKit's json()" },
      },
    ],
    statusCalls: [
      // `error(status, body)` throws "HTTP error status codes must be between 400 and 599"; `redirect(status, location)` "Invalid status code".
      {
        path: ['error'],
        argument: 0,
        form: 'value',
        statuses: { api: "SvelteKit's error()", range: [400, 599], strings: 'convert' },
      },
      {
        path: ['redirect'],
        argument: 0,
        form: 'value',
        statuses: { api: "SvelteKit's redirect()", range: [300, 308], strings: 'convert' },
      },
    ],
  },
  {
    id: 'remix',
    sources: [
      '@remix-run/node',
      '@remix-run/server-runtime',
      '@remix-run/cloudflare',
      '@remix-run/deno',
    ],
    responseFactories: [
      {
        path: ['json'],
        body: 'value',
        init: 'init-or-status',
        statuses: { ...RESPONSE_INIT_STATUSES, api: "Remix's json()" },
      },
    ],
  },
  {
    id: 'react-router',
    sources: ['react-router'],
    responseFactories: [
      { path: ['data'], body: 'value', init: 'init-or-status', statuses: HTTP_STATUSES },
      {
        path: ['json'],
        body: 'value',
        init: 'init-or-status',
        statuses: { ...RESPONSE_INIT_STATUSES, api: "React Router's json()" },
      },
    ],
  },
  {
    id: 'h3',
    sources: ['h3'],
    handlerFactories: [['defineEventHandler'], ['eventHandler'], ['defineHandler']],
    globalHandlerFactories: ['defineEventHandler', 'eventHandler'],
    responseParameter: 0,
    style: 'return',
    statusPaths: [
      ['node', 'res', 'statusCode'],
      ['res', 'status'],
    ],
    statusFunctions: ['setResponseStatus'],
    bodyOnNullStatus: 'dropped',
    statusCalls: [
      {
        path: ['createError'],
        argument: 0,
        form: 'options',
        properties: ['statusCode', 'status'],
        statuses: { ...H3_STATUSES, api: "h3's createError()" },
      },
    ],
    acceptedStatuses: H3_STATUSES,
    returnSends: true,
    defaultStatus: 200,
  },
  {
    id: 'elysia',
    sources: ['elysia'],
    apps: [['Elysia']],
    routeMethods: ['get', 'post', 'put', 'patch', 'delete', 'all', 'options', 'head'],
    responseParameter: 0,
    style: 'return',
    statusPaths: [['set', 'status']],
    statusBodyFunctions: [['status'], ['error']],
    bodyOnNullStatus: 'throws',
    contextStatusCalls: ['status'],
    statusCalls: [
      {
        path: ['status'],
        argument: 0,
        form: 'value',
        statuses: { ...HTTP_STATUSES, api: 'Elysia' },
      },
    ],
    returnSends: true,
    defaultStatus: 200,
  },
  {
    id: 'azure-functions',
    sources: ['@azure/functions'],
    defaultStatus: 200,
    resultObject: { statusKey: 'status', bodyKey: 'jsonBody', body: 'value', statusOptional: true },
  },
  {
    id: 'aws-lambda',
    sources: [],
    resultObject: {
      statusKey: 'statusCode',
      bodyKey: 'body',
      body: 'string',
      statusOptional: false,
    },
  },
  {
    id: 'node-http',
    sources: ['http', 'node:http', 'https', 'node:https'],
    handlerFactories: [['createServer']],
    responseParameter: 1,
    style: 'response',
    sendMethods: ['end'],
    bodylessSend: { method: 'end', body: 'omit' },
    bodyOnNullStatus: 'dropped',
    statusMethods: ['writeHead'],
    statusPaths: [['statusCode']],
    acceptedStatuses: NODE_STATUSES,
    opaqueWhenPassed: true,
    defaultStatus: 200,
  },
  {
    id: 'web',
    sources: [],
    global: 'Response',
    defaultStatus: 200,
    responseFactories: FETCH_FACTORIES,
    statusCalls: [
      {
        path: ['redirect'],
        argument: 1,
        form: 'value',
        statuses: { api: 'Response.redirect()', values: REDIRECT_STATUSES, strings: 'convert' },
      },
    ],
  },
];
