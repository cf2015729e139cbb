/**
 * What the analysis knows about server frameworks, as data: where they come from, how their
 * handlers send bodies and statuses, what their status APIs accept. Adding a framework is adding
 * a row; the facts come from each package's published source (see docs/libraries.md).
 */
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
  /**
   * Send methods that also take a status in Express 4's forms: with two arguments, `res.json(404, b)`
   * or `res.json(b, 404)`. Others' later arguments are no status (`res.end(data, encoding)`).
   */
  readonly legacyStatusSendMethods?: readonly string[];
  /** Before `return body`, the status is set through the first of `statusPaths` (Elysia `set.status = 500;`). */
  readonly returnStatusByPath?: boolean;
  /** How a handler that no import, type or traced app leads to is recognised as this framework's. */
  readonly inferredFrom?: HandlerHints;
}

/**
 * Hints that a handler found by its shape (`router.get('/x', (req, res) => …)` on an untraced
 * router, an exported `(req, res)` controller) belongs to a framework.
 */
export interface HandlerHints {
  /** `(req, res)`: response methods only this framework has (Fastify `reply.code(…)`). */
  readonly responseMethods?: readonly string[];
  /** `(req, res)` registered on a route and returning a body: this framework sends it (Express ignores it). */
  readonly returnedBody?: boolean;
  /** `(req, res)`: this framework whenever the file imports it, before other response-style ones. */
  readonly whenImported?: boolean;
  /** `(req, res)`: the framework taken when no hint points elsewhere and no response-style framework is imported. */
  readonly fallback?: boolean;
  /** One-parameter context handlers, where the file imports the framework: context methods called (`c.json(…)`). */
  readonly contextMethods?: readonly string[];
  /** One-parameter context handlers, where the file imports the framework: context properties assigned (`ctx.body = …`). */
  readonly contextAssignments?: readonly string[];
}

/** What handlers read from a request (Express, Fastify, Next.js Pages, Node `http`). */
export const REQUEST_MEMBERS: ReadonlySet<string> = new Set([
  'body',
  'params',
  'query',
  'headers',
  'user',
  'method',
  'url',
  'originalUrl',
  'path',
  'cookies',
  'signedCookies',
  'session',
  'file',
  'files',
  'ip',
  'ips',
  'hostname',
  'protocol',
  'get',
  'header',
  'is',
  'accepts',
  'raw',
  'id',
  'log',
  'routeOptions',
  'socket',
  'auth',
  'baseUrl',
  'secure',
  'xhr',
  'app',
  'logout',
  'login',
  'isAuthenticated',
  'flash',
  'validatedBody',
  'userId',
  'on',
  'pipe',
]);

/** Type names of the `next` parameter of a context handler `(ctx: Context, next: Next)` (Koa). */
export const NEXT_FUNCTION_TYPES: ReadonlySet<string> = new Set(['Next']);

/** App methods whose result is followed as the app (Express `app.route(path)`, Hono `route`, `basePath`, Elysia `group`). */
export const SUB_APP_METHODS: ReadonlySet<string> = new Set(['route', 'basePath', 'group']);

/** App methods whose function arguments receive an app instance (Fastify plugins: `app.register(async (instance) => …)`). */
export const PLUGIN_METHODS: ReadonlySet<string> = new Set(['register']);

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
    legacyStatusSendMethods: ['json', 'jsonp', 'send'],
    // Express 5: TypeError for a non-integer, RangeError outside 100–999 (Express 4: Node's RangeError).
    acceptedStatuses: { api: 'Express', range: [100, 999], strings: 'throw' },
    opaqueWhenPassed: true,
    defaultStatus: 200,
    inferredFrom: { fallback: true },
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
    inferredFrom: { responseMethods: ['code'], returnedBody: true, whenImported: true },
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
    inferredFrom: { contextAssignments: ['body'] },
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
    inferredFrom: { contextMethods: ['json'] },
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
    returnStatusByPath: true,
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
