import type { ServerFrameworkId } from './clients';

/**
 * How each server framework sets a response header (notes: server-frameworks.md, "headers"),
 * read by `src/analysis/server/headers.ts` and used by its edits.
 */

/**
 * Where a header call takes its names:
 * - `name-or-object`: `res.set('Allow', v)` or `res.set({ Allow: v })`;
 * - `name`: `res.setHeader('Allow', v)`;
 * - `object`: `reply.headers({ Allow: v })`;
 * - `status-headers`: Node's `res.writeHead(405, [message,] headers)`;
 * - a header name: the method sets that header itself (`res.location(url)` sets `Location`).
 */
export type HeaderArguments = 'name-or-object' | 'name' | 'object' | 'status-headers' | string;

export interface HeaderCall {
  readonly name: string;
  readonly args: HeaderArguments;
  /** The argument the names start at: 1 for functions that take the event first (h3). */
  readonly offset?: number;
}

export interface FrameworkHeaders {
  /** Methods on the response or context (or its `response`) that set headers. */
  readonly methods?: readonly HeaderCall[];
  /** Exports called with the handler's context first (h3 `setResponseHeader(event, k, v)`). */
  readonly functions?: readonly HeaderCall[];
  /** A context member whose properties are the headers (Elysia `set.headers`). */
  readonly headerObject?: readonly string[];
  /** The key of a response init or result object that holds the headers. */
  readonly initKeys?: readonly string[];
  /** The argument of a send method that holds the headers (Hono `c.json(b, status, headers)`). */
  readonly sendHeadersArgument?: number;
  /** The chainable method an edit adds to a send's chain (`res.set('Allow', v).json(b)`). */
  readonly chainMethod?: string;
  /** A statement an edit adds before an assignment send (Koa `ctx.set('Allow', v);`). */
  readonly statementMethod?: string;
}

const EXPRESS_METHODS: readonly HeaderCall[] = [
  { name: 'set', args: 'name-or-object' },
  { name: 'header', args: 'name-or-object' },
  { name: 'setHeader', args: 'name' },
  { name: 'append', args: 'name' },
  { name: 'location', args: 'location' },
  { name: 'links', args: 'link' },
  { name: 'writeHead', args: 'status-headers' },
];
const NODE_METHODS: readonly HeaderCall[] = [
  { name: 'setHeader', args: 'name' },
  { name: 'appendHeader', args: 'name' },
  { name: 'setHeaders', args: 'object' },
  { name: 'writeHead', args: 'status-headers' },
];
const INIT_HEADERS = { initKeys: ['headers'] } as const;

export const FRAMEWORK_HEADERS: Readonly<Partial<Record<ServerFrameworkId, FrameworkHeaders>>> = {
  express: { methods: EXPRESS_METHODS, chainMethod: 'set' },
  next: { methods: NODE_METHODS, chainMethod: 'setHeader', ...INIT_HEADERS },
  'node-http': { methods: NODE_METHODS, chainMethod: 'setHeader' },
  fastify: {
    methods: [
      { name: 'header', args: 'name' },
      { name: 'headers', args: 'object' },
      ...NODE_METHODS,
    ],
    chainMethod: 'header',
  },
  koa: {
    methods: [
      { name: 'set', args: 'name-or-object' },
      { name: 'append', args: 'name' },
      { name: 'redirect', args: 'location' },
    ],
    statementMethod: 'set',
  },
  hono: { methods: [{ name: 'header', args: 'name' }], sendHeadersArgument: 2, ...INIT_HEADERS },
  h3: {
    functions: [
      { name: 'setResponseHeader', args: 'name', offset: 1 },
      { name: 'appendResponseHeader', args: 'name', offset: 1 },
      { name: 'setResponseHeaders', args: 'object', offset: 1 },
      { name: 'appendResponseHeaders', args: 'object', offset: 1 },
      { name: 'setHeader', args: 'name', offset: 1 },
    ],
  },
  elysia: { headerObject: ['set', 'headers'] },
  sveltekit: { functions: [{ name: 'setHeaders', args: 'object' }], ...INIT_HEADERS },
  remix: INIT_HEADERS,
  'react-router': INIT_HEADERS,
  web: INIT_HEADERS,
  'aws-lambda': { initKeys: ['headers', 'multiValueHeaders'] },
  'azure-functions': INIT_HEADERS,
};

/** Constructors of a header list whose first argument holds the headers (`new Headers({ … })`). */
export const HEADER_LIST_CONSTRUCTORS: ReadonlySet<string> = new Set(['Headers']);

/** HTTP methods, as a request's `method` holds them and `Allow` lists them. */
export const HTTP_METHODS: readonly string[] = [
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'DELETE',
  'CONNECT',
  'OPTIONS',
  'TRACE',
  'PATCH',
];

/** Route registration methods and the request methods they answer (`get` answers HEAD too in Express, Koa Router, Hono and Fastify). */
export const ROUTE_METHOD_REQUESTS: Readonly<Record<string, readonly string[]>> = {
  get: ['GET', 'HEAD'],
  head: ['HEAD'],
  post: ['POST'],
  put: ['PUT'],
  patch: ['PATCH'],
  delete: ['DELETE'],
  del: ['DELETE'],
  options: ['OPTIONS'],
};

/** Registrations that answer every method of a path: a 405 sent there is the path's fallback. */
export const ROUTE_FALLBACK_METHODS: ReadonlySet<string> = new Set(['all']);

/** Next.js App Router route files answer the methods they export (HEAD falls back to GET). */
export const APP_ROUTER_METHOD_EXPORTS: readonly string[] = [
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'OPTIONS',
];

/** Rate limiters' "milliseconds until the limit resets" (rate-limiter-flexible `msBeforeNext`). */
export const LIMITER_RESET_MS_MEMBERS: readonly string[] = ['msBeforeNext'];

/** Members that hold a request's method (`req.method`, a Lambda event's `httpMethod`). */
export const REQUEST_METHOD_MEMBERS: readonly string[] = ['method', 'httpMethod'];
