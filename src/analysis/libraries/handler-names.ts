/**
 * Names by which the analysis recognises handlers, requests, responses and apps when nothing is
 * imported: what handlers read from a request, what only a response has, the methods that give a
 * sub-app or hand a plugin an app. Framework rows are in frameworks.ts.
 */

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
