/**
 * What the analysis knows about server frameworks, as data: where they come from, how their
 * handlers send bodies and statuses, what their status APIs accept. Adding a framework is adding
 * a row; the facts come from each package's published source (see docs/libraries.md).
 */

import type { AcceptedStatuses, ResponseFactory, ServerFramework } from './framework-shapes';

export type * from './framework-shapes';
export * from './handler-names';

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
