import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../../src';

import type { MessageIds, Options } from '../../src/rules/valid-status-code';
import ruleModule from '../../src/rules/valid-status-code';
import { createJavaScriptRuleTester, createRuleTester } from '../rule-tester';

// The rule tester bundles its own @typescript-eslint/utils types; the rule is the same object.
const rule = ruleModule as never;
const ts = createRuleTester();
const js = createJavaScriptRuleTester();

type Invalid = InvalidTestCase<MessageIds, Options>;
type Valid = ValidTestCase<Options> | string;

const notAccepted = (
  api: string,
  accepted: string,
  value: string,
  suggestions: Array<[number, string]> = [],
) => ({
  messageId: 'statusNotAccepted' as const,
  data: { api, accepted, value },
  suggestions: suggestions.map(([status, output]) => ({
    messageId: 'useStatus' as const,
    data: { status },
    output,
  })),
});
const stringStatus = (api: string, value: string) => ({
  messageId: 'stringStatus' as const,
  data: { api, value },
});
const forInit = (api: string, value: string) => ({
  messageId: 'statusForInit' as const,
  data: { api, value },
});

/** One invalid case whose single suggestion set replaces `from` by each status. */
function typo(
  code: string,
  from: string,
  api: string,
  accepted: string,
  statuses: number[],
): Invalid {
  return {
    code,
    errors: [
      notAccepted(
        api,
        accepted,
        from,
        statuses.map((status) => [status, code.replace(from, String(status))]),
      ),
    ],
  };
}

// ---- server: statuses given to APIs --------------------------------------------------------

const express = `import express from 'express';\nconst app = express();\n`;
const EXPRESS = ['Express', 'an integer in 100–999'] as const;
const HTTP = ['HTTP', 'an integer in 100–599'] as const;
const RESPONSE = ['the Response constructor', 'an integer in 200–599'] as const;
const REDIRECTS = '301, 302, 303, 307 or 308';

const serverValid: Valid[] = [
  // statuses in range, dynamic statuses, and names
  `${express}app.get('/a', (req, res) => { res.status(404).json({ error: 'x' }); });`,
  `${express}app.get('/a', (req, res) => { res.status(err.status || 500).json({}); res.sendStatus(code); });`,
  `${express}app.get('/a', (req, res) => { res.statusCode = 201; res.end(); });`,
  // Express accepts 600–999 (expressjs/express#5623): not reported
  `${express}app.get('/a', (req, res) => { res.status(799).end(); });`,
  // `res.send(body, status)` of Express 4 and `res.redirect(301, url)` are not status setters here
  `${express}app.get('/a', (req, res) => { res.redirect(301, '/b'); });`,
  `import Fastify from 'fastify';\nconst app = Fastify();\napp.get('/', async (req, reply) => { reply.code('404').send({}); });`,
  `import { Hono } from 'hono';\nconst app = new Hono();\napp.get('/', (c) => c.json({}, 201));`,
  `export async function GET() { return new Response('x', { status: 404 }); }`,
  `export async function GET() { return new Response('x', { status: '404' }); }`,
  `export async function GET() { return new Response(null, { ...init, status: 204 }); }`,
  `export async function GET() { return new Response(null, { status: 101, ...init }); }`,
  `export async function GET() { return new Response('x', init); }`,
  // converted to an integer by WebIDL and Fastify: 404
  `export async function GET() { return new Response('x', { status: 404.5 }); }`,
  `import Fastify from 'fastify';\nconst app = Fastify();\napp.get('/', async (req, reply) => { reply.code(404.5).send({}); });`,
  // Workers take 101 with a WebSocket
  `export default { fetch() { return new Response(null, { status: 101, webSocket: client }); } };`,
  `export async function GET() { return Response.redirect('https://a.example/', 308); }`,
  `import { error, redirect } from '@sveltejs/kit';\nexport function load() { if (a) error(404, 'x'); redirect(303, '/b'); }`,
  `import { json } from '@remix-run/node';\nexport const loader = () => json({}, 404);`,
  `import { data } from 'react-router';\nexport const action = () => data({}, 422);`,
  `import { createError } from 'h3';\nthrow createError('Not found');`,
  // a local `error` or `redirect` is not SvelteKit's
  `function error(status, message) { return { status, message }; }\nerror(204, 'x');`,
  // Elysia status names are strings
  `import { Elysia } from 'elysia';\nnew Elysia().get('/', ({ status }) => status('Not Found', 'x'));`,
];

const serverInvalid: Invalid[] = [
  // Express: a string status throws a TypeError in Express 5
  {
    code: `${express}app.get('/a', (req, res) => { res.status('404').json({ error: 'x' }); });`,
    output: `${express}app.get('/a', (req, res) => { res.status(404).json({ error: 'x' }); });`,
    errors: [stringStatus('Express', "'404'")],
  },
  {
    code: `${express}app.get('/a', (req, res) => { res.sendStatus(\`404\`); });`,
    output: `${express}app.get('/a', (req, res) => { res.sendStatus(404); });`,
    errors: [stringStatus('Express', '`404`')],
  },
  // no fix for a string that is no status, or one Express rejects as a number too
  {
    code: `${express}app.get('/a', (req, res) => { res.status('ok').end(); });`,
    errors: [stringStatus('Express', "'ok'")],
  },
  {
    code: `${express}app.get('/a', (req, res) => { res.status('4040').end(); });`,
    errors: [stringStatus('Express', "'4040'")],
  },
  typo(
    `${express}app.get('/a', (req, res) => { res.status(4040).json({ error: 'x' }); });`,
    '4040',
    ...EXPRESS,
    [404, 400],
  ),
  typo(
    `${express}app.get('/a', (req, res) => { res.sendStatus(2000); });`,
    '2000',
    ...EXPRESS,
    [200],
  ),
  typo(
    `${express}app.get('/a', (req, res) => { res.statusCode = 5000; res.end(); });`,
    '5000',
    ...EXPRESS,
    [500],
  ),
  {
    code: `${express}app.get('/a', (req, res) => { res.status(40.4).end(); });`,
    errors: [notAccepted(...EXPRESS, '40.4')],
  },
  // a constant: reported, no suggestion (the constant may be used elsewhere)
  {
    code: `${express}const NOT_FOUND = 4040;\napp.get('/a', (req, res) => { res.status(NOT_FOUND).end(); });`,
    errors: [notAccepted(...EXPRESS, '4040')],
  },
  // Next.js Pages API routes: a `(req, res)` handler without an import is taken for Express's (the same checks but strings)
  {
    code: `export default function handler(req, res) { res.status(2000).json({ name: req.query.name }); }`,
    // no framework imported: judged by what HTTP allows (Express, Next.js Pages and Node differ)
    errors: [
      notAccepted('HTTP', 'an integer in 100–599', '2000', [
        [
          200,
          `export default function handler(req, res) { res.status(200).json({ name: req.query.name }); }`,
        ],
      ]),
    ],
  },
  // Fastify: FST_ERR_BAD_STATUS_CODE outside 100–599
  {
    code: `import Fastify from 'fastify';\nconst app = Fastify();\napp.get('/', async (req, reply) => { reply.code(700).send({}); });`,
    errors: [notAccepted('Fastify', 'an integer in 100–599', '700')],
  },
  // Koa: a string is an AssertionError
  {
    code: `import Koa from 'koa';\nconst app = new Koa();\napp.use(async (ctx) => { ctx.status = '201'; ctx.body = {}; });`,
    output: `import Koa from 'koa';\nconst app = new Koa();\napp.use(async (ctx) => { ctx.status = 201; ctx.body = {}; });`,
    errors: [stringStatus('Koa', "'201'")],
  },
  // Hono
  typo(
    `import { Hono } from 'hono';\nconst app = new Hono();\napp.get('/', (c) => c.json({ error: 'x' }, 4040));`,
    '4040',
    ...HTTP,
    [404, 400],
  ),
  typo(
    `import { Hono } from 'hono';\nconst app = new Hono();\napp.get('/', (c) => c.json({ error: 'x' }, { status: 5000 }));`,
    '5000',
    ...HTTP,
    [500],
  ),
  typo(
    `import { Hono } from 'hono';\nconst app = new Hono();\napp.get('/', (c) => { c.status(2000); return c.json({}); });`,
    '2000',
    ...HTTP,
    [200],
  ),
  // Node http
  typo(
    `import http from 'node:http';\nhttp.createServer((req, res) => { res.writeHead(4040, {}); res.end('x'); });`,
    '4040',
    'Node http',
    'an integer in 100–999',
    [404, 400],
  ),
  {
    code: `import http from 'node:http';\nhttp.createServer((req, res) => { res.statusCode = '2000'; res.end('x'); });`,
    errors: [notAccepted('Node http', 'an integer in 100–999', "'2000'")],
  },
  // WHATWG Response: RangeError outside 200–599, TypeError for a bare status
  {
    code: `export async function GET() { return new Response(null, { status: 101 }); }`,
    errors: [notAccepted(...RESPONSE, '101')],
  },
  {
    code: `export async function GET() { return new Response('x', { status: '700' }); }`,
    errors: [notAccepted(...RESPONSE, "'700'")],
  },
  {
    code: `export async function GET() { return Response.json({}, { status: 199 }); }`,
    errors: [notAccepted('Response.json()', 'an integer in 200–599', '199')],
  },
  {
    code: `export async function GET() { return new Response('Not found', 404); }`,
    output: `export async function GET() { return new Response('Not found', { status: 404 }); }`,
    errors: [forInit('the Response constructor', '404')],
  },
  {
    code: `const NOT_FOUND = 404;\nexport async function GET() { return Response.json({ error: 'x' }, NOT_FOUND); }`,
    output: `const NOT_FOUND = 404;\nexport async function GET() { return Response.json({ error: 'x' }, { status: NOT_FOUND }); }`,
    errors: [forInit('Response.json()', 'NOT_FOUND')],
  },
  // a bare status the init could not take either: reported, not fixed
  {
    code: `export async function GET() { return new Response('x', 101); }`,
    errors: [forInit('the Response constructor', '101')],
  },
  {
    code: `import { NextResponse } from 'next/server';\nexport function GET() { return NextResponse.json({ error: 'x' }, 500); }`,
    output: `import { NextResponse } from 'next/server';\nexport function GET() { return NextResponse.json({ error: 'x' }, { status: 500 }); }`,
    errors: [forInit('NextResponse.json()', '500')],
  },
  // Response.redirect and NextResponse.redirect: the five redirect statuses
  {
    code: `export async function GET() { return Response.redirect('https://a.example/', 304); }`,
    errors: [notAccepted('Response.redirect()', REDIRECTS, '304')],
  },
  typo(
    `export async function GET() { return Response.redirect('https://a.example/', 3010); }`,
    '3010',
    'Response.redirect()',
    REDIRECTS,
    [301],
  ),
  {
    code: `import { NextResponse } from 'next/server';\nexport function GET(req) { return NextResponse.redirect(new URL('/', req.url), 200); }`,
    errors: [notAccepted('NextResponse.redirect()', REDIRECTS, '200')],
  },
  {
    code: `import { NextResponse } from 'next/server';\nexport function GET(req) { return NextResponse.redirect(new URL('/', req.url), { status: 300 }); }`,
    errors: [notAccepted('NextResponse.redirect()', REDIRECTS, '300')],
  },
  // SvelteKit: error() 400–599, redirect() 300–308, json() a Response init
  {
    code: `import { error, redirect } from '@sveltejs/kit';\nexport function load() { if (a) error(302, 'Moved'); redirect(401, '/login'); }`,
    errors: [
      notAccepted("SvelteKit's error()", 'an integer in 400–599', '302'),
      notAccepted("SvelteKit's redirect()", 'an integer in 300–308', '401'),
    ],
  },
  {
    code: `import { json } from '@sveltejs/kit';\nexport function POST() { return json({ error: 'x' }, 400); }`,
    output: `import { json } from '@sveltejs/kit';\nexport function POST() { return json({ error: 'x' }, { status: 400 }); }`,
    errors: [forInit("SvelteKit's json()", '400')],
  },
  // Remix json(b, status): a bare status is allowed, checked as a Response's
  typo(
    `import { json } from '@remix-run/node';\nexport const loader = () => json({}, 4040);`,
    '4040',
    "Remix's json()",
    'an integer in 200–599',
    [404, 400],
  ),
  // h3: a status outside 100–999 silently becomes the default
  typo(
    `import { defineEventHandler, setResponseStatus } from 'h3';\nexport default defineEventHandler((event) => { setResponseStatus(event, 4040); return {}; });`,
    '4040',
    'h3',
    'an integer in 100–999',
    [404, 400],
  ),
  typo(
    `import { createError } from 'h3';\nexport function fail() { throw createError({ statusCode: 4220, message: 'x' }); }`,
    '4220',
    "h3's createError()",
    'an integer in 100–999',
    [422, 420],
  ),
  // Nuxt auto-imports
  typo(
    `export default defineEventHandler(() => { throw createError({ statusCode: 2000 }); });`,
    '2000',
    "h3's createError()",
    'an integer in 100–999',
    [200],
  ),
  // Elysia
  typo(
    `import { Elysia } from 'elysia';\nnew Elysia().get('/', ({ set }) => { set.status = 4040; return 'x'; });`,
    '4040',
    'HTTP',
    'an integer in 100–599',
    [404, 400],
  ),
  typo(
    `import { Elysia } from 'elysia';\nnew Elysia().get('/', ({ status }) => status(5000, 'x'));`,
    '5000',
    'HTTP',
    'an integer in 100–599',
    [500],
  ),
  typo(
    `import { Elysia } from 'elysia';\nnew Elysia().get('/', (ctx) => ctx.status(5030));`,
    '5030',
    'HTTP',
    'an integer in 100–599',
    [503, 500],
  ),
  // serverless result objects
  typo(
    `export const handler = async () => ({ statusCode: 4040, body: JSON.stringify({ error: 'x' }) });`,
    '4040',
    ...HTTP,
    [404, 400],
  ),
  typo(
    `import { app } from '@azure/functions';\napp.http('x', { handler: async () => ({ status: 2000, jsonBody: {} }) });`,
    '2000',
    ...HTTP,
    [200],
  ),
];

// ---- client: status comparisons ----------------------------------------------------------------

const withString = (status: string, value: string, outcome: string) => ({
  messageId: 'comparedWithString' as const,
  data: { status, value, outcome },
});
const ALWAYS_FALSE = 'this comparison is always false';
const ALWAYS_TRUE = 'this comparison is always true';
const NEVER_MATCHES = 'this case never matches';
const nonStatus = (
  status: string,
  value: string,
  outcome: string,
  suggestions: Array<[number, string]> = [],
) => ({
  messageId: 'comparedWithNonStatus' as const,
  data: { status, value, outcome },
  suggestions: suggestions.map(([s, output]) => ({
    messageId: 'useStatus' as const,
    data: { status: s },
    output,
  })),
});
const fetched = `async function load(url) {\n  const res = await fetch(url);\n`;

const clientValid: Valid[] = [
  `${fetched}  if (res.status === 404) return null;\n}`,
  // `==` converts a numeric string: true by coercion (a style question)
  `${fetched}  if (res.status == '404') return null;\n}`,
  `${fetched}  if (res.status != '200') throw new Error();\n}`,
  // status 0 (an opaque response) and 600–999 (some servers send 999) are left alone
  `${fetched}  if (res.status === 0) return null;\n  if (res.status === 999) throw new Error('denied');\n}`,
  // ranges validate, they do not compare
  `${fetched}  if (res.status < 100 || res.status > 599) throw new Error();\n}`,
  // a status copy the code reassigns may hold anything
  `${fetched}  let code = res.status;\n  if (!res.ok) code = 'failed';\n  if (code === 'failed') return null;\n}`,
  // not a tracked response
  `function f(res) { if (res.status === '404') return null; }`,
  `const job = { status: 'done' }; if (job.status === 'done') {}`,
  // a caught error's status compared with a word: it may be any error's
  `async function f(u) { try { await fetch(u); } catch (err) { if (err.status === 'ENOTFOUND') return; } }`,
];

const clientInvalid: Invalid[] = [
  {
    code: `${fetched}  if (res.status === '404') return null;\n  return res.json();\n}`,
    output: `${fetched}  if (res.status === 404) return null;\n  return res.json();\n}`,
    errors: [withString('res.status', "'404'", ALWAYS_FALSE)],
  },
  {
    code: `${fetched}  if ('200' !== res.status) throw new Error(res.statusText);\n}`,
    output: `${fetched}  if (200 !== res.status) throw new Error(res.statusText);\n}`,
    errors: [withString('res.status', "'200'", ALWAYS_TRUE)],
  },
  {
    code: `${fetched}  switch (res.status) {\n    case '404': return null;\n    case 500: throw new Error();\n  }\n}`,
    output: `${fetched}  switch (res.status) {\n    case 404: return null;\n    case 500: throw new Error();\n  }\n}`,
    errors: [withString('res.status', "'404'", NEVER_MATCHES)],
  },
  {
    code: `${fetched}  const { status } = res;\n  if (status === \`204\`) return null;\n}`,
    output: `${fetched}  const { status } = res;\n  if (status === 204) return null;\n}`,
    errors: [withString('status', '`204`', ALWAYS_FALSE)],
  },
  // a string that is no number: never equal, even with `==`; nothing to fix
  {
    code: `${fetched}  if (res.status == 'OK') return res.json();\n}`,
    errors: [withString('res.status', "'OK'", ALWAYS_FALSE)],
  },
  {
    code: `${fetched}  if (res.status === 'ok') return res.json();\n}`,
    errors: [withString('res.status', "'ok'", ALWAYS_FALSE)],
  },
  // a number that is no status: a typo
  {
    code: `${fetched}  if (res.status === 4040) return null;\n}`,
    errors: [
      nonStatus('res.status', '4040', ALWAYS_FALSE, [
        [404, `${fetched}  if (res.status === 404) return null;\n}`],
        [400, `${fetched}  if (res.status === 400) return null;\n}`],
      ]),
    ],
  },
  {
    code: `${fetched}  switch (res.status) {\n    case 2000: return res.json();\n  }\n}`,
    errors: [
      nonStatus('res.status', '2000', NEVER_MATCHES, [
        [200, `${fetched}  switch (res.status) {\n    case 200: return res.json();\n  }\n}`],
      ]),
    ],
  },
  {
    code: `${fetched}  if (res.status !== 20.4) return null;\n}`,
    errors: [nonStatus('res.status', '20.4', ALWAYS_TRUE)],
  },
  // axios: error.response.status in a catch around the request; `response.status` of the result
  {
    code: `import axios from 'axios';\nasync function f(u) {\n  try { const response = await axios.get(u); if (response.status === '201') return response.data; }\n  catch (error) { if (error.response?.status === 4010) return login(); }\n}`,
    output: `import axios from 'axios';\nasync function f(u) {\n  try { const response = await axios.get(u); if (response.status === 201) return response.data; }\n  catch (error) { if (error.response?.status === 4010) return login(); }\n}`,
    errors: [
      withString('response.status', "'201'", ALWAYS_FALSE),
      nonStatus(
        'error.response?.status',
        '4010',
        ALWAYS_FALSE,
        [401, 400, 410].map((status): [number, string] => [
          status,
          `import axios from 'axios';\nasync function f(u) {\n  try { const response = await axios.get(u); if (response.status === '201') return response.data; }\n  catch (error) { if (error.response?.status === ${status}) return login(); }\n}`,
        ]),
      ),
    ],
  },
  // a caught error's status compared with a status as a string: a suggestion, not a fix (it may be any error's)
  {
    code: `async function f(u) {\n  try { await fetch(u); } catch (err) { if (err.status === '404') return null; throw err; }\n}`,
    errors: [
      {
        ...withString('err.status', "'404'", ALWAYS_FALSE),
        suggestions: [
          {
            messageId: 'useNumber',
            data: { status: 404 },
            output: `async function f(u) {\n  try { await fetch(u); } catch (err) { if (err.status === 404) return null; throw err; }\n}`,
          },
        ],
      },
    ],
  },
];

// ---- TypeScript syntax -----------------------------------------------------------------------

const typescriptValid: Valid[] = [
  `import type { Request, Response } from 'express';\nexport function h(req: Request, res: Response) { res.status(404 as const).end(); }`,
  `${fetched}  if ((res as Response).status === 404) return null;\n}`,
];

const typescriptInvalid: Invalid[] = [
  {
    code: `import type { Request, Response } from 'express';\nexport function h(req: Request, res: Response) { res.status('404' as any).end(); }`,
    output: `import type { Request, Response } from 'express';\nexport function h(req: Request, res: Response) { res.status(404 as any).end(); }`,
    errors: [stringStatus('Express', "'404'")],
  },
  {
    code: `export async function GET(): Promise<Response> { return new Response(null, 204 satisfies number); }`,
    output: `export async function GET(): Promise<Response> { return new Response(null, { status: 204 satisfies number }); }`,
    errors: [forInit('the Response constructor', '204')],
  },
  {
    code: `async function load(url: string): Promise<unknown> {\n  const res = await fetch(url);\n  if (res!.status === ('404' as unknown)) return null;\n  return res.json();\n}`,
    output: `async function load(url: string): Promise<unknown> {\n  const res = await fetch(url);\n  if (res!.status === (404 as unknown)) return null;\n  return res.json();\n}`,
    errors: [withString('res!.status', "'404'", ALWAYS_FALSE)],
  },
  {
    code: `class Api {\n  #base = '';\n  async get(path: string) {\n    const res = await fetch(this.#base + path);\n    if (res?.status === '503') return undefined;\n    return res.json();\n  }\n}`,
    output: `class Api {\n  #base = '';\n  async get(path: string) {\n    const res = await fetch(this.#base + path);\n    if (res?.status === 503) return undefined;\n    return res.json();\n  }\n}`,
    errors: [withString('res?.status', "'503'", ALWAYS_FALSE)],
  },
];

ts.run<MessageIds, Options>('valid-status-code: server (TS parser)', rule, {
  valid: serverValid,
  invalid: serverInvalid,
});
js.run<MessageIds, Options>('valid-status-code: server (JavaScript)', rule, {
  valid: serverValid,
  invalid: serverInvalid,
});
ts.run<MessageIds, Options>('valid-status-code: client (TS parser)', rule, {
  valid: clientValid,
  invalid: clientInvalid,
});
js.run<MessageIds, Options>('valid-status-code: client (JavaScript)', rule, {
  valid: clientValid,
  invalid: clientInvalid,
});
ts.run<MessageIds, Options>('valid-status-code: TypeScript', rule, {
  valid: typescriptValid,
  invalid: typescriptInvalid,
});

// ---- options: autofix ---------------------------------------------------------------------------

const noAutofix: Options = [{ autofix: false }];
ts.run<MessageIds, Options>('valid-status-code: autofix false', rule, {
  valid: [],
  invalid: [
    {
      code: `${express}app.get('/a', (req, res) => { res.status('404').end(); });`,
      options: noAutofix,
      errors: [
        {
          ...stringStatus('Express', "'404'"),
          suggestions: [
            {
              messageId: 'useNumber',
              data: { status: 404 },
              output: `${express}app.get('/a', (req, res) => { res.status(404).end(); });`,
            },
          ],
        },
      ],
    },
    {
      code: `export async function GET() { return new Response('Not found', 404); }`,
      options: noAutofix,
      errors: [
        {
          ...forInit('the Response constructor', '404'),
          suggestions: [
            {
              messageId: 'useInit',
              data: { value: '404' },
              output: `export async function GET() { return new Response('Not found', { status: 404 }); }`,
            },
          ],
        },
      ],
    },
    {
      code: `${fetched}  if (res.status === '404') return null;\n}`,
      options: noAutofix,
      errors: [
        {
          ...withString('res.status', "'404'", ALWAYS_FALSE),
          suggestions: [
            {
              messageId: 'useNumber',
              data: { status: 404 },
              output: `${fetched}  if (res.status === 404) return null;\n}`,
            },
          ],
        },
      ],
    },
    // `autofix: true` is the default
    {
      code: `${fetched}  if (res.status === '404') return null;\n}`,
      options: [{ autofix: true }],
      output: `${fetched}  if (res.status === 404) return null;\n}`,
      errors: [withString('res.status', "'404'", ALWAYS_FALSE)],
    },
  ],
});

describe('valid-status-code options', () => {
  it('rejects an option of the wrong type or name', () => {
    const linter = new Linter({ configType: 'flat' });
    const lint = (options: unknown[]) => () =>
      linter.verify('x', {
        plugins: { 'http-status': plugin as never },
        rules: { 'http-status/valid-status-code': ['error', ...options] } as never,
      });
    expect(lint([])).not.toThrow();
    expect(lint([{ autofix: false }])).not.toThrow();
    expect(lint([{ autofix: 'yes' }])).toThrow(/should be boolean/);
    expect(lint([{ statuses: [200] }])).toThrow(/additional properties/i);
  });
});
