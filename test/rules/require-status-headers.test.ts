import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';

import plugin from '../../src';
import type { MessageIds, Options } from '../../src/rules/require-status-headers';
import ruleModule, {
  DEFAULT_HEADERS,
  STRICT_HEADERS,
} from '../../src/rules/require-status-headers';
import { createJavaScriptRuleTester, createRuleTester } from '../rule-tester';

// The rule tester bundles its own @typescript-eslint/utils types; the rule is the same object.
const rule = ruleModule as never;
const ts = createRuleTester();
const js = createJavaScriptRuleTester();

const REASONS = {
  405: 'RFC 9110 §15.5.6 requires a 405 to list the methods the resource allows',
  429: 'clients that honour rate limits (and retrying HTTP clients) wait for it',
  503: 'clients that honour it wait this long before they retry',
  401: 'RFC 9110 §15.5.2 requires a 401 to say how to authenticate (a challenge)',
  201: 'RFC 9110 §15.3.2: a 201 should point to the resource it created',
} as const;
const STATUS_NAMES = {
  405: '405 Method Not Allowed',
  429: '429 Too Many Requests',
  503: '503 Service Unavailable',
  401: '401 Unauthorized',
  201: '201 Created',
} as const;
const HEADER = {
  405: 'Allow',
  429: 'Retry-After',
  503: 'Retry-After',
  401: 'WWW-Authenticate',
  201: 'Location',
} as const;

const missing = (status: keyof typeof REASONS = 405) => ({
  messageId: 'missingHeader' as const,
  data: { status: STATUS_NAMES[status], header: HEADER[status], reason: REASONS[status] },
});
const setAllow = (methods: string, output: string) => ({
  messageId: 'setAllow' as const,
  data: { methods },
  output,
});
const placeholder = (output: string) => ({
  messageId: 'setRetryAfterPlaceholder' as const,
  output,
});
const STRICT: Options = [{ headers: { ...DEFAULT_HEADERS, ...STRICT_HEADERS } }];
const RETRY_CONSTANT =
  'const RETRY_AFTER_SECONDS = 60; // placeholder: how long clients should wait before they retry\n';

const express = `import express from 'express';\nconst app = express();\n`;
const fastify = `import Fastify from 'fastify';\nconst app = Fastify();\n`;
const koa = `import Koa from 'koa';\nconst app = new Koa();\n`;
const hono = `import { Hono } from 'hono';\nconst app = new Hono();\n`;
const withResponse = { globals: { Response: 'readonly' as const, Headers: 'readonly' as const } };

// ---- Express, Next.js Pages, Node http ---------------------------------------------------------

ts.run<MessageIds, Options>('require-status-headers: Express, Next.js Pages, Node http', rule, {
  valid: [
    // the header set in the chain, before the send, in any case, in any of Express's forms
    `${express}app.all('/a', (req, res) => { res.set('Allow', 'GET').status(405).end(); });`,
    `${express}app.all('/a', (req, res) => { res.status(405).set('Allow', 'GET').json({ error: 'x' }); });`,
    `${express}app.all('/a', (req, res) => { res.set({ Allow: 'GET' }); res.status(405).json({ error: 'x' }); });`,
    `${express}app.all('/a', (req, res) => { res.header('allow', 'GET'); res.sendStatus(405); });`,
    `${express}app.all('/a', (req, res) => { res.setHeader('ALLOW', ['GET']); res.status(405).end('No'); });`,
    `${express}app.all('/a', (req, res) => { res.append('Allow', 'GET'); res.status(405).send('No'); });`,
    `${express}app.get('/a', (req, res) => { res.set('Retry-After', '120'); res.status(429).json({ error: 'slow down' }); });`,
    // a helper given the response, or headers the analysis cannot read, may set it
    `${express}app.all('/a', (req, res) => { allowOnly(res, ['GET']); res.status(405).end(); });`,
    `${express}app.all('/a', (req, res) => { res.set(allowHeaders); res.status(405).json({}); });`,
    `${express}app.all('/a', (req, res) => { res.set(name, 'GET'); res.status(405).json({}); });`,
    // statuses the option does not list, dynamic statuses, redirects
    `${express}app.post('/a', (req, res) => { res.status(401).json({ error: 'login' }); });`,
    `${express}app.post('/a', (req, res) => { res.status(201).json(created); });`,
    `${express}app.post('/a', (req, res) => { res.status(code).json({ error: 'x' }); });`,
    `${express}app.post('/a', (req, res) => { res.redirect(301, '/b'); });`,
    // turned off with an empty list
    {
      code: `${express}app.all('/a', (req, res) => { res.status(405).end(); });`,
      options: [{ headers: { '405': [] } }],
    },
    // Node: the headers of writeHead
    `import http from 'node:http';\nhttp.createServer((req, res) => { res.writeHead(405, { Allow: 'GET' }); res.end(); });`,
    `import http from 'node:http';\nhttp.createServer((req, res) => { res.writeHead(405, 'Method Not Allowed', { allow: 'GET' }).end('No'); });`,
    `import http from 'node:http';\nhttp.createServer((req, res) => { res.setHeader('Allow', 'GET'); res.writeHead(405); res.end(); });`,
    // Next.js Pages: the example handler
    `import type { NextApiRequest, NextApiResponse } from 'next';
export default function handler(req: NextApiRequest, res: NextApiResponse) {
  switch (req.method) {
    case 'GET': return res.status(200).json({ ok: true });
    default:
      res.setHeader('Allow', ['GET']);
      res.status(405).end(\`Method \${req.method} Not Allowed\`);
  }
}`,
  ],
  invalid: [
    {
      code: `${express}app.all('/a', (req, res) => { if (req.method !== 'POST') return res.status(405).json({ error: 'Method not allowed' }); });`,
      output: `${express}app.all('/a', (req, res) => { if (req.method !== 'POST') return res.status(405).set('Allow', 'POST').json({ error: 'Method not allowed' }); });`,
      errors: [missing()],
    },
    {
      code: `${express}app.all('/a', (req, res) => {\n  if (!['GET', 'POST'].includes(req.method)) {\n    res.sendStatus(405);\n    return;\n  }\n  res.json({});\n});`,
      output: `${express}app.all('/a', (req, res) => {\n  if (!['GET', 'POST'].includes(req.method)) {\n    res.set('Allow', 'GET, POST').sendStatus(405);\n    return;\n  }\n  res.json({});\n});`,
      errors: [missing()],
    },
    {
      // an if/else-if chain on the method whose last branch sends the 405
      code: `${express}app.all('/a', (req, res) => {\n  if (req.method === 'GET') res.json(list());\n  else if (req.method === 'DELETE' || req.method === 'PUT') res.json(change());\n  else res.status(405).end();\n});`,
      output: `${express}app.all('/a', (req, res) => {\n  if (req.method === 'GET') res.json(list());\n  else if (req.method === 'DELETE' || req.method === 'PUT') res.json(change());\n  else res.status(405).set('Allow', 'GET, PUT, DELETE').end();\n});`,
      errors: [missing()],
    },
    {
      // earlier exits for the methods the handler serves
      code: `${express}app.all('/a', async (req, res) => {\n  if (req.method === 'GET') { return res.json(await list()); }\n  if (req.method === 'OPTIONS') return res.end();\n  return res.status(405).json({ error: 'Method not allowed' });\n});`,
      output: `${express}app.all('/a', async (req, res) => {\n  if (req.method === 'GET') { return res.json(await list()); }\n  if (req.method === 'OPTIONS') return res.end();\n  return res.status(405).set('Allow', 'GET, OPTIONS').json({ error: 'Method not allowed' });\n});`,
      errors: [missing()],
    },
    {
      // the routes the file registers for the same path; `get` answers HEAD too
      code: `${express}app.get('/items', (req, res) => res.json([]));\napp.post('/items', (req, res) => res.status(201).json({}));\napp.all('/items', (req, res) => res.status(405).send('Method Not Allowed'));`,
      output: `${express}app.get('/items', (req, res) => res.json([]));\napp.post('/items', (req, res) => res.status(201).json({}));\napp.all('/items', (req, res) => res.status(405).set('Allow', 'GET, HEAD, POST').send('Method Not Allowed'));`,
      errors: [missing()],
    },
    {
      code: `${express}const router = express.Router();\nrouter.route('/users').get(list).put(replace).all((req, res) => { res.status(405).json({ error: 'x' }); });`,
      output: `${express}const router = express.Router();\nrouter.route('/users').get(list).put(replace).all((req, res) => { res.status(405).set('Allow', 'GET, HEAD, PUT').json({ error: 'x' }); });`,
      errors: [missing()],
    },
    {
      // another router with the same name and path says nothing about this one
      code: `${express}function a(express) { const router = express.Router(); router.get('/items', list); return router; }\nfunction b(express) { const router = express.Router(); router.all('/items', (req, res) => res.status(405).end()); return router; }`,
      output: null,
      errors: [missing()],
    },
    {
      // a trailing empty case after the default: no fix, no crash
      code: `${express}app.all('/a', (req, res) => { switch (req.method) { default: res.status(405).end(); case 'GET': } });`,
      output: null,
      errors: [missing()],
    },
    {
      // the methods do not follow from the code: reported without a fix
      code: `${express}app.post('/a', (req, res) => { if (!enabled) return res.status(405).json({ error: 'disabled' }); });`,
      output: null,
      errors: [missing()],
    },
    {
      code: `${express}app.all('/a', (req, res) => { if (isWrite(req.method)) res.status(405).end(); });`,
      output: null,
      errors: [missing()],
    },
    {
      // a header set in another branch is not on this path... but may be: only `Allow` on this send counts
      code: `${express}app.all('/a', (req, res) => { res.set('Content-Type', 'text/plain'); if (req.method !== 'GET') return res.status(405).send('No'); });`,
      output: `${express}app.all('/a', (req, res) => { res.set('Content-Type', 'text/plain'); if (req.method !== 'GET') return res.status(405).set('Allow', 'GET').send('No'); });`,
      errors: [missing()],
    },
    {
      // a router from elsewhere: the framework is a guess, so the fix is a suggestion
      code: `export function routes(router) {\n  router.all('/a', (req, res) => {\n    if (req.method !== 'GET') return res.status(405).json({ error: 'x' });\n    res.json(req.query);\n  });\n}`,
      output: null,
      errors: [
        {
          ...missing(),
          suggestions: [
            setAllow(
              'GET',
              `export function routes(router) {\n  router.all('/a', (req, res) => {\n    if (req.method !== 'GET') return res.status(405).set('Allow', 'GET').json({ error: 'x' });\n    res.json(req.query);\n  });\n}`,
            ),
          ],
        },
      ],
    },
    {
      // Next.js Pages API route: `setHeader`
      code: `import type { NextApiRequest, NextApiResponse } from 'next';\nexport default function handler(req: NextApiRequest, res: NextApiResponse) {\n  if (req.method !== 'POST') {\n    return res.status(405).json({ message: 'Only POST' });\n  }\n  return res.status(200).json({ ok: true });\n}`,
      output: `import type { NextApiRequest, NextApiResponse } from 'next';\nexport default function handler(req: NextApiRequest, res: NextApiResponse) {\n  if (req.method !== 'POST') {\n    return res.status(405).setHeader('Allow', 'POST').json({ message: 'Only POST' });\n  }\n  return res.status(200).json({ ok: true });\n}`,
      errors: [missing()],
    },
    {
      // Node: once writeHead ran the headers are sent, so they go in its headers
      code: `import http from 'node:http';\nhttp.createServer((req, res) => {\n  if (req.method !== 'GET') { res.writeHead(405, { 'Content-Type': 'text/plain' }); res.end('No'); return; }\n  res.end('ok');\n});`,
      output: `import http from 'node:http';\nhttp.createServer((req, res) => {\n  if (req.method !== 'GET') { res.writeHead(405, { 'Content-Type': 'text/plain', Allow: 'GET' }); res.end('No'); return; }\n  res.end('ok');\n});`,
      errors: [missing()],
    },
    {
      code: `import http from 'node:http';\nhttp.createServer((req, res) => {\n  if (req.method !== 'GET') return res.writeHead(405).end();\n  res.end('ok');\n});`,
      output: `import http from 'node:http';\nhttp.createServer((req, res) => {\n  if (req.method !== 'GET') return res.writeHead(405, { Allow: 'GET' }).end();\n  res.end('ok');\n});`,
      errors: [missing()],
    },
    {
      // 429: a placeholder constant the user must choose, as a suggestion
      code: `${express}app.post('/login', (req, res) => {\n  if (tooMany(req.ip)) return res.status(429).json({ error: 'Too many attempts' });\n});`,
      output: null,
      errors: [
        {
          ...missing(429),
          suggestions: [
            placeholder(
              `import express from 'express';\n${RETRY_CONSTANT}const app = express();\napp.post('/login', (req, res) => {\n  if (tooMany(req.ip)) return res.status(429).set('Retry-After', String(RETRY_AFTER_SECONDS)).json({ error: 'Too many attempts' });\n});`,
            ),
          ],
        },
      ],
    },
    {
      // a second 429 reuses the constant the first suggestion declared
      code: `${express}${RETRY_CONSTANT}app.post('/login', (req, res) => res.status(429).send('Too many'));`,
      output: null,
      errors: [
        {
          ...missing(429),
          suggestions: [
            placeholder(
              `${express}${RETRY_CONSTANT}app.post('/login', (req, res) => res.status(429).set('Retry-After', String(RETRY_AFTER_SECONDS)).send('Too many'));`,
            ),
          ],
        },
      ],
    },
    {
      // 429: the seconds until rate-limiter-flexible's limit resets
      code: `${express}app.use(async (req, res, next) => {\n  try { await limiter.consume(req.ip); next(); }\n  catch (rejRes) {\n    console.warn(rejRes.msBeforeNext);\n    res.status(429).send('Too Many Requests');\n  }\n});`,
      output: null,
      errors: [
        {
          ...missing(429),
          suggestions: [
            {
              messageId: 'setRetryAfter',
              data: { source: 'rejRes' },
              output: `${express}app.use(async (req, res, next) => {\n  try { await limiter.consume(req.ip); next(); }\n  catch (rejRes) {\n    console.warn(rejRes.msBeforeNext);\n    res.status(429).set('Retry-After', String(Math.ceil(rejRes.msBeforeNext / 1000))).send('Too Many Requests');\n  }\n});`,
            },
          ],
        },
      ],
    },
    {
      // strict: 401 challenges, 201 Location from the route and the id, 503 Retry-After
      code: `${express}app.post('/users', async (req, res) => {\n  if (!req.user) return res.status(401).json({ error: 'Unauthorized' });\n  const user = await User.create(req.body);\n  res.status(201).json({ id: user.id, name: user.name });\n});`,
      options: STRICT,
      output: null,
      errors: [
        {
          ...missing(401),
          suggestions: [
            {
              messageId: 'setAuthenticate',
              data: { challenge: 'Bearer' },
              output: `${express}app.post('/users', async (req, res) => {\n  if (!req.user) return res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'Unauthorized' });\n  const user = await User.create(req.body);\n  res.status(201).json({ id: user.id, name: user.name });\n});`,
            },
            {
              messageId: 'setAuthenticate',
              data: { challenge: 'Basic realm="api"' },
              output: `${express}app.post('/users', async (req, res) => {\n  if (!req.user) return res.status(401).set('WWW-Authenticate', 'Basic realm="api"').json({ error: 'Unauthorized' });\n  const user = await User.create(req.body);\n  res.status(201).json({ id: user.id, name: user.name });\n});`,
            },
          ],
        },
        {
          ...missing(201),
          suggestions: [
            {
              messageId: 'setLocation',
              data: { location: '`/users/${user.id}`' },
              output: `${express}app.post('/users', async (req, res) => {\n  if (!req.user) return res.status(401).json({ error: 'Unauthorized' });\n  const user = await User.create(req.body);\n  res.status(201).set('Location', \`/users/\${user.id}\`).json({ id: user.id, name: user.name });\n});`,
            },
          ],
        },
      ],
    },
    {
      // 201 without a known id: reported, nothing suggested
      code: `${express}app.post('/users', async (req, res) => { res.status(201).json(await User.create(req.body)); });`,
      options: STRICT,
      output: null,
      errors: [{ ...missing(201), suggestions: [] }],
    },
    {
      code: `${express}app.get('/health', (req, res) => res.status(503).json({ ok: false }));`,
      options: STRICT,
      output: null,
      errors: [
        {
          ...missing(503),
          suggestions: [
            placeholder(
              `import express from 'express';\n${RETRY_CONSTANT}const app = express();\napp.get('/health', (req, res) => res.status(503).set('Retry-After', String(RETRY_AFTER_SECONDS)).json({ ok: false }));`,
            ),
          ],
        },
      ],
    },
    {
      // a header of the option's own: reported, no fix
      code: `${express}app.get('/a', (req, res) => res.status(418).json({ teapot: true }));`,
      options: [{ headers: { '418': ['X-Teapot'] } }],
      output: null,
      errors: [
        {
          messageId: 'missingHeader',
          data: {
            status: '418 I Am A Teapot',
            header: 'X-Teapot',
            reason: 'the configuration requires it',
          },
        },
      ],
    },
  ],
});

// ---- Fastify, Koa, Hono -------------------------------------------------------------------------

ts.run<MessageIds, Options>('require-status-headers: Fastify, Koa, Hono', rule, {
  valid: [
    `${fastify}app.all('/a', async (req, reply) => { reply.header('Allow', 'GET').code(405).send({}); });`,
    `${fastify}app.all('/a', async (req, reply) => { reply.headers({ allow: 'GET' }); return reply.code(405).send({}); });`,
    `${koa}app.use(async (ctx) => { ctx.set('Allow', 'GET'); ctx.status = 405; ctx.body = 'No'; });`,
    // Koa sends when the middleware returns: a header set after the body is sent too
    `${koa}app.use(async (ctx) => { ctx.status = 405; ctx.body = 'No'; ctx.set({ Allow: 'GET' }); });`,
    `${hono}app.all('/a', (c) => c.json({ error: 'x' }, 405, { Allow: 'GET' }));`,
    `${hono}app.all('/a', (c) => { c.header('Allow', 'GET'); return c.json({ error: 'x' }, 405); });`,
    `${hono}app.all('/a', (c) => c.json({ error: 'x' }, { status: 405, headers: { Allow: 'GET' } }));`,
    `${hono}app.all('/a', (c) => c.text('slow down', 429, headers));`,
  ],
  invalid: [
    {
      code: `${fastify}app.all('/a', async (req, reply) => { if (req.method !== 'GET') return reply.code(405).send({ error: 'x' }); return list(); });`,
      output: `${fastify}app.all('/a', async (req, reply) => { if (req.method !== 'GET') return reply.code(405).header('Allow', 'GET').send({ error: 'x' }); return list(); });`,
      errors: [missing()],
    },
    {
      code: `${koa}app.use(async (ctx) => {\n  if (ctx.method !== 'GET') {\n    ctx.status = 405;\n    ctx.body = { error: 'Method Not Allowed' };\n  }\n});`,
      output: `${koa}app.use(async (ctx) => {\n  if (ctx.method !== 'GET') {\n    ctx.status = 405;\n    ctx.set('Allow', 'GET');\n    ctx.body = { error: 'Method Not Allowed' };\n  }\n});`,
      errors: [missing()],
    },
    {
      code: `${hono}app.all('/a', (c) => { if (c.req.method !== 'PUT') return c.json({ error: 'x' }, 405); return c.json({}); });`,
      output: `${hono}app.all('/a', (c) => { if (c.req.method !== 'PUT') return c.json({ error: 'x' }, 405, { Allow: 'PUT' }); return c.json({}); });`,
      errors: [missing()],
    },
    {
      code: `${hono}app.all('/a', (c) => { if (c.req.method !== 'PUT') return c.json({ error: 'x' }, { status: 405 }); return c.json({}); });`,
      output: `${hono}app.all('/a', (c) => { if (c.req.method !== 'PUT') return c.json({ error: 'x' }, { status: 405, headers: { Allow: 'PUT' } }); return c.json({}); });`,
      errors: [missing()],
    },
  ],
});

// ---- Response, Next.js App Router, SvelteKit, h3, Lambda ------------------------------------------

ts.run<MessageIds, Options>('require-status-headers: WHATWG Response and result objects', rule, {
  valid: [
    {
      code: `export function POST() { return new Response(null, { status: 405, headers: { Allow: 'GET' } }); }`,
      languageOptions: withResponse,
    },
    {
      code: `export function POST() { return new Response(null, { status: 405, headers: new Headers({ Allow: 'GET' }) }); }`,
      languageOptions: withResponse,
    },
    {
      code: `const headers = new Headers();\nheaders.set('Retry-After', '60');\nexport function POST() { return new Response('slow down', { status: 429, headers }); }`,
      languageOptions: withResponse,
    },
    {
      code: `const headers = { 'Retry-After': '60' } as const;\nexport function POST() { return Response.json({ error: 'slow down' }, { status: 429, headers }); }`,
      languageOptions: withResponse,
    },
    {
      code: `export function POST() { return Response.json({ error: 'x' }, { status: 405, headers: [['allow', 'GET']] }); }`,
      languageOptions: withResponse,
    },
    {
      code: `const headers = { 'Content-Type': 'text/plain' };\nheaders.Allow = 'GET';\nexport function POST() { return new Response('No', { status: 405, headers }); }`,
      languageOptions: withResponse,
    },
    {
      code: `const headers = {};\nObject.assign(headers, allowHeaders);\nexport function POST() { return new Response('No', { status: 405, headers }); }`,
      languageOptions: withResponse,
    },
    // a spread or a value the analysis cannot read may hold it
    {
      code: `export function POST() { return new Response(null, { status: 405, ...init }); }`,
      languageOptions: withResponse,
    },
    {
      code: `export function POST() { return new Response(null, { status: 405, headers: corsHeaders() }); }`,
      languageOptions: withResponse,
    },
    `import { json } from '@sveltejs/kit';\nexport async function POST({ setHeaders }) { setHeaders({ 'retry-after': '30' }); return json({ error: 'slow down' }, { status: 429 }); }`,
    `import { defineEventHandler, setResponseStatus, setResponseHeader } from 'h3';\nexport default defineEventHandler((event) => { setResponseHeader(event, 'Allow', 'GET'); setResponseStatus(event, 405); return { error: 'x' }; });`,
    `import { Elysia } from 'elysia';\nnew Elysia().post('/b', ({ set }) => { set.status = 405; set.headers['allow'] = 'POST'; return 'No'; });`,
    `import { Elysia } from 'elysia';\nnew Elysia().post('/b', ({ set }) => { set.status = 429; set.headers = { 'Retry-After': '5' }; return 'No'; });`,
    `export const handler = async () => ({ statusCode: 429, headers: { 'Retry-After': '10' }, body: JSON.stringify({ error: 'slow down' }) });`,
    `export const handler = async () => ({ statusCode: 429, ...common, body: JSON.stringify({ error: 'slow down' }) });`,
  ],
  invalid: [
    {
      // App Router: the methods the route file exports (GET answers HEAD)
      code: `export async function GET() { return Response.json(await list()); }\nexport async function POST(request: Request) {\n  if (!enabled) return new Response('Method Not Allowed', { status: 405 });\n  return Response.json(await create(request));\n}`,
      output: `export async function GET() { return Response.json(await list()); }\nexport async function POST(request: Request) {\n  if (!enabled) return new Response('Method Not Allowed', { status: 405, headers: { Allow: 'GET, HEAD, POST' } });\n  return Response.json(await create(request));\n}`,
      languageOptions: withResponse,
      errors: [missing()],
    },
    {
      // one handler exported for two methods, with a guard
      code: `import { NextResponse } from 'next/server';\nconst handler = async (req: Request) => {\n  if (req.method !== 'GET' && req.method !== 'POST') {\n    return NextResponse.json({ error: 'x' }, {\n      status: 405,\n      headers: { 'Cache-Control': 'no-store' },\n    });\n  }\n  return NextResponse.json({});\n};\nexport { handler as GET, handler as POST };`,
      output: `import { NextResponse } from 'next/server';\nconst handler = async (req: Request) => {\n  if (req.method !== 'GET' && req.method !== 'POST') {\n    return NextResponse.json({ error: 'x' }, {\n      status: 405,\n      headers: { 'Cache-Control': 'no-store', Allow: 'GET, POST' },\n    });\n  }\n  return NextResponse.json({});\n};\nexport { handler as GET, handler as POST };`,
      errors: [missing()],
    },
    {
      code: `import { json } from '@sveltejs/kit';\nexport async function POST({ request }) {\n  if (await limited(request)) return json({ error: 'slow down' }, { status: 429 });\n  return json({});\n}`,
      output: null,
      errors: [
        {
          ...missing(429),
          suggestions: [
            placeholder(
              `import { json } from '@sveltejs/kit';\n${RETRY_CONSTANT}export async function POST({ request }) {\n  if (await limited(request)) return json({ error: 'slow down' }, { status: 429, headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) } });\n  return json({});\n}`,
            ),
          ],
        },
      ],
    },
    {
      // Remix: the bare status becomes an init with the header
      code: `import { json } from '@remix-run/node';\nexport async function action({ request }) {\n  if (request.method !== 'POST') return json({ error: 'Method not allowed' }, 405);\n  return json(await save(request));\n}`,
      output: `import { json } from '@remix-run/node';\nexport async function action({ request }) {\n  if (request.method !== 'POST') return json({ error: 'Method not allowed' }, { status: 405, headers: { Allow: 'POST' } });\n  return json(await save(request));\n}`,
      errors: [missing()],
    },
    {
      // h3 and Elysia returns: reported; no edit form for a returned body
      code: `import { defineEventHandler, setResponseStatus } from 'h3';\nexport default defineEventHandler((event) => { setResponseStatus(event, 429); return { error: 'slow down' }; });`,
      output: null,
      errors: [{ ...missing(429), suggestions: [] }],
    },
    {
      code: `import { Elysia } from 'elysia';\nnew Elysia().post('/a', ({ set, request }) => { if (request.method !== 'POST') { set.status = 405; return 'No'; } return 'ok'; });`,
      output: null,
      errors: [missing()],
    },
    {
      // Lambda result: the headers key of the result object
      code: `export const handler = async (event) => {\n  if (event.httpMethod !== 'POST') {\n    return {\n      statusCode: 405,\n      body: JSON.stringify({ error: 'Method not allowed' }),\n    };\n  }\n};`,
      output: `export const handler = async (event) => {\n  if (event.httpMethod !== 'POST') {\n    return {\n      statusCode: 405,\n      body: JSON.stringify({ error: 'Method not allowed' }),\n      headers: { Allow: 'POST' },\n    };\n  }\n};`,
      errors: [missing()],
    },
    {
      code: `export function GET() { return new Response(null, { status: 401 }); }`,
      options: STRICT,
      output: null,
      languageOptions: withResponse,
      errors: [
        {
          ...missing(401),
          suggestions: [
            {
              messageId: 'setAuthenticate',
              data: { challenge: 'Bearer' },
              output: `export function GET() { return new Response(null, { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } }); }`,
            },
            {
              messageId: 'setAuthenticate',
              data: { challenge: 'Basic realm="api"' },
              output: `export function GET() { return new Response(null, { status: 401, headers: { 'WWW-Authenticate': 'Basic realm="api"' } }); }`,
            },
          ],
        },
      ],
    },
  ],
});

// ---- odd syntax: no crash, and fixes only where the form is plain ----------------------------

ts.run<MessageIds, Options>('require-status-headers: odd syntax', rule, {
  valid: [
    `${express}app.all('/a', (req, res) => { res!.set('Allow', 'GET'); res!.status(405).end(); });`,
    `${express}app.all('/a', (req, res) => { res['set']({ ['Allow']: 'GET' }); res.status(405).end(); });`,
    `${express}app.all('/a', (req, res) => { res.set({ [header]: 'GET' }); res.status(405).end(); });`,
    {
      code: `export function POST() { return new Response(null, { status: 405, headers: { Allow: 'GET' } } satisfies ResponseInit); }`,
      languageOptions: withResponse,
    },
    `class C { #res; send() { this.#res.status(405).end(); } }`,
  ],
  invalid: [
    {
      // a computed send method: reported, not fixed
      code: `${express}app.all('/a', (req, res) => { if (req.method !== 'GET') res.status(405)['json']({ error: 'x' }); });`,
      output: null,
      errors: [missing()],
    },
    {
      code: `${express}app.all('/a', (req, res) => { if (req.method !== 'GET') (res as any).status(405 as const).json({ error: 'x' }); });`,
      output: `${express}app.all('/a', (req, res) => { if (req.method !== 'GET') (res as any).status(405 as const).set('Allow', 'GET').json({ error: 'x' }); });`,
      errors: [missing()],
    },
    {
      code: `export function POST() { return new Response(null, { status: 405 } satisfies ResponseInit); }`,
      output: `export function POST() { return new Response(null, { status: 405, headers: { Allow: 'POST' } } satisfies ResponseInit); }`,
      languageOptions: withResponse,
      errors: [missing()],
    },
  ],
});

// ---- plain JavaScript --------------------------------------------------------------------------

js.run<MessageIds, Options>('require-status-headers: JavaScript', rule, {
  valid: [
    `const express = require("express");\nconst app = express();\napp.all("/a", (req, res) => { res.set("Allow", "GET"); res.status(405).end(); });`,
  ],
  invalid: [
    {
      code: `const express = require("express");\nconst app = express();\napp.all("/a", (req, res) => {\n  switch (req.method) {\n    case "GET":\n    case "HEAD":\n      return res.json(list());\n    case "DELETE":\n      remove();\n      break;\n    default:\n      res.status(405).json({ error: "Method not allowed" });\n  }\n});`,
      output: `const express = require("express");\nconst app = express();\napp.all("/a", (req, res) => {\n  switch (req.method) {\n    case "GET":\n    case "HEAD":\n      return res.json(list());\n    case "DELETE":\n      remove();\n      break;\n    default:\n      res.status(405).set("Allow", "GET, HEAD, DELETE").json({ error: "Method not allowed" });\n  }\n});`,
      errors: [missing()],
    },
    {
      // optional chaining and a sequence: the header joins the chain after the optional link
      code: `const express = require("express");\nconst app = express();\napp.all("/a", (req, res) => { if (req.method !== "GET") return (log(), res?.status(405).end()); });`,
      output: `const express = require("express");\nconst app = express();\napp.all("/a", (req, res) => { if (req.method !== "GET") return (log(), res?.status(405).set("Allow", "GET").end()); });`,
      errors: [missing()],
    },
  ],
});

// ---- options, configs, fixes -----------------------------------------------------------------

describe('require-status-headers options schema', () => {
  const lintWith = (options: unknown) => () =>
    new Linter({ configType: 'flat' }).verify('fetch(u);', {
      plugins: { 'http-status': { rules: { 'require-status-headers': ruleModule as never } } },
      rules: { 'http-status/require-status-headers': ['error', options] as Linter.RuleEntry },
    });

  it('accepts valid options', () => {
    expect(lintWith({ headers: { '401': ['WWW-Authenticate'], '405': [] } })).not.toThrow();
    expect(lintWith({})).not.toThrow();
  });

  it.each([
    [{ headers: { '600': ['Allow'] } }, `property name '600' is invalid`],
    [{ headers: { abc: ['Allow'] } }, `property name 'abc' is invalid`],
    [{ headers: { '405': 'Allow' } }, 'Value "Allow" should be array.'],
    [{ headers: { '405': ['Al low'] } }, 'Value "Al low" should match pattern'],
    [{ headers: { '405': ['Allow', 'Allow'] } }, 'should NOT have duplicate items'],
    [{ header: {} }, 'Unexpected property "header"'],
  ])('rejects %j with a message naming it', (options, message) => {
    expect(lintWith(options)).toThrow(message);
  });
});

describe('require-status-headers in the configs', () => {
  const code = `${express}app.post('/users', (req, res) => { res.status(401).json({ error: 'x' }); res.status(405).end(); });`;
  const lint = (config: Linter.Config) =>
    new Linter({ configType: 'flat' })
      .verify(code, [config, { languageOptions: { parser: tsParser as never } }])
      .filter((message) => message.ruleId === 'http-status/require-status-headers')
      .map((message) => message.message.slice(0, 3));

  it('recommended requires Allow with 405; strict adds WWW-Authenticate with 401', () => {
    expect(lint(plugin.configs.recommended)).toEqual(['405']);
    expect(lint(plugin.configs.strict)).toEqual(['401', '405']);
    expect(plugin.configs.strict.rules?.['http-status/require-status-headers']).toEqual([
      'error',
      { headers: { ...DEFAULT_HEADERS, ...STRICT_HEADERS } },
    ]);
  });
});

describe('require-status-headers fixes and suggestions are stable', () => {
  const linter = new Linter({ configType: 'flat' });
  const config = [
    plugin.configs.strict,
    { languageOptions: { parser: tsParser as never, globals: withResponse.globals } },
  ];
  it.each([
    `${express}app.all('/a', (req, res) => { if (req.method !== 'POST') return res.status(405).json({}); });`,
    `${koa}app.use(async (ctx) => {\n  if (ctx.method !== 'GET') {\n    ctx.status = 405;\n    ctx.body = 'No';\n  }\n});`,
    `${express}app.post('/login', (req, res) => res.status(429).send('x'));\napp.get('/health', (req, res) => res.status(503).send('x'));`,
  ])('applying every fix and suggestion leaves nothing to report: %s', (code) => {
    let current = linter.verifyAndFix(code, config).output;
    for (let round = 0; round < 4; round++) {
      const messages = linter.verify(current, config);
      const suggestion = messages.find((m) => m.suggestions?.length)?.suggestions?.[0];
      if (!suggestion) {
        expect(messages.filter((m) => m.ruleId?.startsWith('http-status/'))).toEqual([]);
        return;
      }
      const [start, end] = suggestion.fix.range;
      current = current.slice(0, start) + suggestion.fix.text + current.slice(end);
    }
    throw new Error(`still reported after four suggestions:\n${current}`);
  });
});
