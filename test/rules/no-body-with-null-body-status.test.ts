import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../../src';
import type { MessageIds, Options } from '../../src/rules/no-body-with-null-body-status';
import ruleModule from '../../src/rules/no-body-with-null-body-status';
import { createJavaScriptRuleTester, createRuleTester } from '../rule-tester';

// The rule tester bundles its own @typescript-eslint/utils types; the rule is the same object.
const rule = ruleModule as never;
const ts = createRuleTester();
const js = createJavaScriptRuleTester();

const NAMES: Record<number, string> = {
  101: '101 Switching Protocols',
  103: '103 Early Hints',
  204: '204 No Content',
  205: '205 Reset Content',
  304: '304 Not Modified',
  206: '206 Partial Content',
};

const dropped = (status = 204) => ({
  messageId: 'bodyDropped' as const,
  data: { status: NAMES[status] },
});
const throws = (status = 204) => ({
  messageId: 'bodyThrows' as const,
  data: { status: NAMES[status] },
});
/** The suggestion that drops the body (offered when the body may do more than read). */
const removeBody = (output: string, status = 204) => ({
  messageId: 'removeBody' as const,
  data: { status: NAMES[status] },
  output,
});
/** The suggestion that keeps the body and sends 200. */
const sendOk = (output: string) => ({ messageId: 'sendOk' as const, output });

const express = `import express from 'express';\nconst app = express();\n`;
const withResponse = { globals: { Response: 'readonly' as const } };

// ---- Express, Next.js Pages API, Node http ----------------------------------------------------

ts.run<MessageIds, Options>(
  'no-body-with-null-body-status: Express, Next.js Pages, Node http',
  rule,
  {
    valid: [
      `${express}app.delete('/a', (req, res) => { res.status(204).end(); });`,
      `${express}app.delete('/a', (req, res) => { res.sendStatus(204); });`,
      `${express}app.delete('/a', (req, res) => { res.status(204).send(); });`,
      `${express}app.delete('/a', (req, res) => { res.status(204).json(); });`,
      // a body that may be null: `send` sends none for null
      `${express}app.delete('/a', (req, res) => { res.status(204).send(data); });`,
      `${express}app.delete('/a', (req, res) => { res.status(204).send(null); });`,
      `${express}app.delete('/a', async (req, res) => { res.status(204).send(await remove(req.params.id)); });`,
      `${express}app.delete('/a', (req, res) => { res.status(204).end(undefined); });`,
      // an empty string is no body where the framework writes it as is
      `${express}app.delete('/a', (req, res) => { res.status(204).send(''); });`,
      // the status is not known, not a null-body status, or set on another path
      `${express}app.delete('/a', (req, res) => { res.status(code).json({ ok: true }); });`,
      `${express}app.delete('/a', (req, res) => { res.status(200).json({ ok: true }); });`,
      `${express}app.delete('/a', (req, res) => { if (gone) { res.status(204); return res.end(); } res.json({ ok: true }); });`,
      `${express}app.delete('/a', (req, res) => { if (done) res.status(204); res.json({ ok: true }); });`,
      `${express}app.delete('/a', (req, res) => { setStatus(res); res.json({ ok: true }); });`,
      // a status that is not sent
      `${express}app.get('/a', (req, res) => { if (upstream.status === 204) console.log(204, { ok: true }); res.json({ ok: true }); });`,
      // client code
      `async function load() { const res = await fetch('/api', { method: 'DELETE' }); if (res.status === 204) return null; return res.json(); }`,
    ],
    invalid: [
      {
        code: `${express}app.delete('/users/:id', async (req, res) => {\n  await User.deleteOne({ _id: req.params.id });\n  res.status(204).json({ message: 'User deleted' });\n});`,
        output: `${express}app.delete('/users/:id', async (req, res) => {\n  await User.deleteOne({ _id: req.params.id });\n  res.status(204).end();\n});`,
        errors: [
          {
            ...dropped(),
            suggestions: [
              sendOk(
                `${express}app.delete('/users/:id', async (req, res) => {\n  await User.deleteOne({ _id: req.params.id });\n  res.status(200).json({ message: 'User deleted' });\n});`,
              ),
            ],
          },
        ],
      },
      {
        // `json(null)` sends the text `null`
        code: `${express}app.delete('/a', (req, res) => { return res.status(204).json(null); });`,
        output: `${express}app.delete('/a', (req, res) => { return res.status(204).end(); });`,
        errors: [
          {
            ...dropped(),
            suggestions: [
              sendOk(
                `${express}app.delete('/a', (req, res) => { return res.status(200).json(null); });`,
              ),
            ],
          },
        ],
      },
      {
        // the body is computed: dropping it would drop the call, so it is a suggestion
        code: `${express}app.delete('/a', async (req, res) => { res.status(204).json(await remove(req.params.id)); });`,
        errors: [
          {
            ...dropped(),
            suggestions: [
              removeBody(
                `${express}app.delete('/a', async (req, res) => { res.status(204).end(); });`,
              ),
              sendOk(
                `${express}app.delete('/a', async (req, res) => { res.status(200).json(await remove(req.params.id)); });`,
              ),
            ],
          },
        ],
      },
      {
        // a status set before, a constant, a status name from http-status-codes
        code: `import { StatusCodes } from 'http-status-codes';\n${express}app.put('/a', (req, res) => {\n  res.status(StatusCodes.NO_CONTENT);\n  res.send('Saved');\n});`,
        output: `import { StatusCodes } from 'http-status-codes';\n${express}app.put('/a', (req, res) => {\n  res.status(StatusCodes.NO_CONTENT);\n  res.end();\n});`,
        errors: [
          {
            ...dropped(),
            suggestions: [
              sendOk(
                `import { StatusCodes } from 'http-status-codes';\n${express}app.put('/a', (req, res) => {\n  res.status(StatusCodes.OK);\n  res.send('Saved');\n});`,
              ),
            ],
          },
        ],
      },
      {
        code: `${express}const NOT_MODIFIED = 304;\napp.get('/a', (req, res) => { res.statusCode = NOT_MODIFIED; res.end(JSON.stringify(cached)); });`,
        output: `${express}const NOT_MODIFIED = 304;\napp.get('/a', (req, res) => { res.statusCode = NOT_MODIFIED; res.end(); });`,
        errors: [
          {
            ...dropped(304),
            suggestions: [
              sendOk(
                `${express}const NOT_MODIFIED = 304;\napp.get('/a', (req, res) => { res.statusCode = 200; res.end(JSON.stringify(cached)); });`,
              ),
            ],
          },
        ],
      },
      {
        // TypeScript: type arguments and assertions go with the body
        code: `${express}app.delete('/a', (req, res) => { res.status(204).json<{ ok: boolean }>({ ok: true } as const); });`,
        output: `${express}app.delete('/a', (req, res) => { res.status(204).end(); });`,
        errors: [
          {
            ...dropped(),
            suggestions: [
              sendOk(
                `${express}app.delete('/a', (req, res) => { res.status(200).json<{ ok: boolean }>({ ok: true } as const); });`,
              ),
            ],
          },
        ],
      },
      {
        // a comment in the body: no edit would keep it
        code: `${express}app.delete('/a', (req, res) => { res.status(204).json({ ok: true /* done */ }); });`,
        errors: [
          {
            ...dropped(),
            suggestions: [
              sendOk(
                `${express}app.delete('/a', (req, res) => { res.status(200).json({ ok: true /* done */ }); });`,
              ),
            ],
          },
        ],
      },
      {
        // Express 4's `res.json(status, body)`: no bodiless form of the same call
        code: `${express}app.delete('/a', (req, res) => { res.json(204, { ok: true }); });`,
        errors: [
          {
            ...dropped(),
            suggestions: [
              sendOk(`${express}app.delete('/a', (req, res) => { res.json(200, { ok: true }); });`),
            ],
          },
        ],
      },
      {
        // Next.js Pages API
        code: `import type { NextApiRequest, NextApiResponse } from 'next';\nexport default function handler(req: NextApiRequest, res: NextApiResponse) {\n  res.status(205).json({ reset: true });\n}`,
        output: `import type { NextApiRequest, NextApiResponse } from 'next';\nexport default function handler(req: NextApiRequest, res: NextApiResponse) {\n  res.status(205).end();\n}`,
        errors: [
          {
            ...dropped(205),
            suggestions: [
              sendOk(
                `import type { NextApiRequest, NextApiResponse } from 'next';\nexport default function handler(req: NextApiRequest, res: NextApiResponse) {\n  res.status(200).json({ reset: true });\n}`,
              ),
            ],
          },
        ],
      },
      {
        // Node http: `writeHead` before, and a callback argument that must stay
        code: `import { createServer } from 'node:http';\ncreateServer((req, res) => {\n  res.writeHead(204);\n  res.end(JSON.stringify({ ok: true }), () => log('sent'));\n});`,
        errors: [
          {
            ...dropped(),
            suggestions: [
              sendOk(
                `import { createServer } from 'node:http';\ncreateServer((req, res) => {\n  res.writeHead(200);\n  res.end(JSON.stringify({ ok: true }), () => log('sent'));\n});`,
              ),
            ],
          },
        ],
      },
      {
        // an option: 206 too, and the default statuses replaced
        code: `${express}app.get('/a', (req, res) => { res.status(206).json({ part: 1 }); res.status(204).json({ ok: true }); });`,
        options: [{ statuses: [206] }],
        output: `${express}app.get('/a', (req, res) => { res.status(206).end(); res.status(204).json({ ok: true }); });`,
        errors: [
          {
            ...dropped(206),
            suggestions: [
              sendOk(
                `${express}app.get('/a', (req, res) => { res.status(200).json({ part: 1 }); res.status(204).json({ ok: true }); });`,
              ),
            ],
          },
        ],
      },
    ],
  },
);

// ---- Fastify, Koa, h3 -------------------------------------------------------------------------

ts.run<MessageIds, Options>('no-body-with-null-body-status: Fastify, Koa, h3', rule, {
  valid: [
    `import Fastify from 'fastify';\nconst app = Fastify();\napp.delete('/a', async (req, reply) => { reply.code(204).send(); });`,
    `import Fastify from 'fastify';\nconst app = Fastify();\napp.delete('/a', async (req, reply) => { reply.code(204); return null; });`,
    `import Koa from 'koa';\nconst app = new Koa();\napp.use(async (ctx) => { ctx.status = 204; ctx.body = null; });`,
    `import Koa from 'koa';\nconst app = new Koa();\napp.use(async (ctx) => { ctx.status = 204; ctx.body = result; });`,
    `import Koa from 'koa';\nconst app = new Koa();\napp.use(async (ctx) => { if (gone) { ctx.status = 204; return; } ctx.body = { ok: true }; });`,
    `import { defineEventHandler, sendNoContent } from 'h3';\nexport default defineEventHandler((event) => sendNoContent(event));`,
    `import { defineEventHandler, setResponseStatus } from 'h3';\nexport default defineEventHandler((event) => { setResponseStatus(event, 204); return null; });`,
  ],
  invalid: [
    {
      code: `import Fastify from 'fastify';\nconst app = Fastify();\napp.delete('/items/:id', async (req, reply) => {\n  reply.code(204).send({ deleted: req.params.id });\n});`,
      output: `import Fastify from 'fastify';\nconst app = Fastify();\napp.delete('/items/:id', async (req, reply) => {\n  reply.code(204).send();\n});`,
      errors: [
        {
          ...dropped(),
          suggestions: [
            sendOk(
              `import Fastify from 'fastify';\nconst app = Fastify();\napp.delete('/items/:id', async (req, reply) => {\n  reply.code(200).send({ deleted: req.params.id });\n});`,
            ),
          ],
        },
      ],
    },
    {
      // Fastify sends what the handler returns: reported, no bodiless edit of a return
      code: `import Fastify from 'fastify';\nconst app = Fastify();\napp.delete('/a', async (req, reply) => {\n  reply.code(204);\n  return { ok: true };\n});`,
      errors: [
        {
          ...dropped(),
          suggestions: [
            sendOk(
              `import Fastify from 'fastify';\nconst app = Fastify();\napp.delete('/a', async (req, reply) => {\n  reply.code(200);\n  return { ok: true };\n});`,
            ),
          ],
        },
      ],
    },
    {
      // Koa: the status before or after the body
      code: `import Koa from 'koa';\nconst app = new Koa();\napp.use(async (ctx) => {\n  ctx.status = 204;\n  ctx.body = { ok: true };\n});`,
      errors: [
        {
          ...dropped(),
          suggestions: [
            sendOk(
              `import Koa from 'koa';\nconst app = new Koa();\napp.use(async (ctx) => {\n  ctx.status = 200;\n  ctx.body = { ok: true };\n});`,
            ),
          ],
        },
      ],
    },
    {
      code: `import Router from '@koa/router';\nconst router = new Router();\nrouter.delete('/a', async (ctx) => {\n  ctx.body = 'Deleted';\n  ctx.status = 204;\n});`,
      errors: [
        {
          ...dropped(),
          suggestions: [
            sendOk(
              `import Router from '@koa/router';\nconst router = new Router();\nrouter.delete('/a', async (ctx) => {\n  ctx.body = 'Deleted';\n  ctx.status = 200;\n});`,
            ),
          ],
        },
      ],
    },
    {
      code: `import { defineEventHandler, setResponseStatus } from 'h3';\nexport default defineEventHandler(async (event) => {\n  setResponseStatus(event, 204);\n  return { deleted: true };\n});`,
      errors: [
        {
          ...dropped(),
          suggestions: [
            sendOk(
              `import { defineEventHandler, setResponseStatus } from 'h3';\nexport default defineEventHandler(async (event) => {\n  setResponseStatus(event, 200);\n  return { deleted: true };\n});`,
            ),
          ],
        },
      ],
    },
  ],
});

// ---- WHATWG Response, Next.js App Router, SvelteKit, Remix, React Router -----------------------

ts.run<MessageIds, Options>('no-body-with-null-body-status: Response factories', rule, {
  valid: [
    {
      code: `export function DELETE() { return new Response(null, { status: 204 }); }`,
      languageOptions: withResponse,
    },
    {
      code: `export function DELETE() { return new Response(undefined, { status: 204 }); }`,
      languageOptions: withResponse,
    },
    // a body that may be null
    {
      code: `export async function GET(req) { const body = await cache.get(req.url); return new Response(body, { status: 304 }); }`,
      languageOptions: withResponse,
    },
    // the status is computed, or a spread may change it
    {
      code: `export async function GET() { const res = await fetch(upstream); return new Response(await res.text(), { status: res.status }); }`,
      languageOptions: withResponse,
    },
    {
      code: `export function GET() { return Response.json({ ok: true }, { status: 204, ...init }); }`,
      languageOptions: withResponse,
    },
    {
      code: `export function GET() { return Response.json({ ok: true }, { status: 200 }); }`,
      languageOptions: withResponse,
    },
    // test doubles stand in for a server
    {
      code: `import { vi } from 'vitest';\nglobalThis.fetch = vi.fn().mockResolvedValue(new Response('x', { status: 204 }));`,
      languageOptions: withResponse,
    },
    // a `json` that is not SvelteKit's or Remix's
    `function json(body, init) { return body; }\nexport function load() { return json({ ok: true }, { status: 204 }); }`,
  ],
  invalid: [
    {
      // Cloudflare Workers, Deno, Bun: `new Response` throws for any non-null body, `''` too
      code: `export default { async fetch(request) { await purge(request); return new Response('', { status: 204 }); } };`,
      languageOptions: withResponse,
      output: `export default { async fetch(request) { await purge(request); return new Response(null, { status: 204 }); } };`,
      errors: [
        {
          ...throws(),
          suggestions: [
            sendOk(
              `export default { async fetch(request) { await purge(request); return new Response('', { status: 200 }); } };`,
            ),
          ],
        },
      ],
    },
    {
      code: `export async function PUT() { return new Response(JSON.stringify({ saved: true }), { status: 204, headers: { 'Content-Type': 'application/json' } }); }`,
      languageOptions: withResponse,
      output: `export async function PUT() { return new Response(null, { status: 204, headers: { 'Content-Type': 'application/json' } }); }`,
      errors: [
        {
          ...throws(),
          suggestions: [
            sendOk(
              `export async function PUT() { return new Response(JSON.stringify({ saved: true }), { status: 200, headers: { 'Content-Type': 'application/json' } }); }`,
            ),
          ],
        },
      ],
    },
    {
      // `Response.json(null)` is the text `null`: it throws too
      code: `export async function DELETE() { await db.remove(); return Response.json(null, { status: 204 }); }`,
      output: `export async function DELETE() { await db.remove(); return new Response(null, { status: 204 }); }`,
      errors: [
        {
          ...throws(),
          suggestions: [
            sendOk(
              `export async function DELETE() { await db.remove(); return Response.json(null, { status: 200 }); }`,
            ),
          ],
        },
      ],
    },
    {
      // a body with a call in it: the same edit as a suggestion
      code: `export async function DELETE() { return Response.json(await db.remove(), { status: 204 }); }`,
      errors: [
        {
          ...throws(),
          suggestions: [
            removeBody(
              `export async function DELETE() { return new Response(null, { status: 204 }); }`,
            ),
            sendOk(
              `export async function DELETE() { return Response.json(await db.remove(), { status: 200 }); }`,
            ),
          ],
        },
      ],
    },
    {
      // Next.js App Router (vercel/next.js#68990), type arguments kept
      code: `import { NextResponse } from 'next/server';\nexport async function DELETE() {\n  return NextResponse.json<{ ok: boolean }>({ ok: true }, { status: 204 });\n}`,
      output: `import { NextResponse } from 'next/server';\nexport async function DELETE() {\n  return new NextResponse<{ ok: boolean }>(null, { status: 204 });\n}`,
      errors: [
        {
          ...throws(),
          suggestions: [
            sendOk(
              `import { NextResponse } from 'next/server';\nexport async function DELETE() {\n  return NextResponse.json<{ ok: boolean }>({ ok: true }, { status: 200 });\n}`,
            ),
          ],
        },
      ],
    },
    {
      code: `import { NextResponse } from 'next/server';\nconst body = 'Done';\nexport async function POST() { return new NextResponse(body, { status: 204 }); }`,
      output: `import { NextResponse } from 'next/server';\nconst body = 'Done';\nexport async function POST() { return new NextResponse(null, { status: 204 }); }`,
      errors: [
        {
          ...throws(),
          suggestions: [
            sendOk(
              `import { NextResponse } from 'next/server';\nconst body = 'Done';\nexport async function POST() { return new NextResponse(body, { status: 200 }); }`,
            ),
          ],
        },
      ],
    },
    {
      // SvelteKit: `new Response` has another type than `json(…)`: a suggestion, where `Response` is declared
      code: `import { json } from '@sveltejs/kit';\nexport async function DELETE() { return json({ ok: true }, { status: 204 }); }`,
      languageOptions: withResponse,
      errors: [
        {
          ...throws(),
          suggestions: [
            removeBody(
              `import { json } from '@sveltejs/kit';\nexport async function DELETE() { return new Response(null, { status: 204 }); }`,
            ),
            sendOk(
              `import { json } from '@sveltejs/kit';\nexport async function DELETE() { return json({ ok: true }, { status: 200 }); }`,
            ),
          ],
        },
      ],
    },
    {
      // without `Response` declared, writing it would add a no-undef
      code: `import { json } from '@sveltejs/kit';\nexport async function DELETE() { return json({ ok: true }, { status: 204 }); }`,
      errors: [
        {
          ...throws(),
          suggestions: [
            sendOk(
              `import { json } from '@sveltejs/kit';\nexport async function DELETE() { return json({ ok: true }, { status: 200 }); }`,
            ),
          ],
        },
      ],
    },
    {
      // Remix `json(body, status)` (remix-run/remix#10328 for React Router's `data`)
      code: `import { json } from '@remix-run/node';\nexport async function action() { return json({ ok: true }, 204); }`,
      languageOptions: withResponse,
      errors: [
        {
          ...throws(),
          suggestions: [
            removeBody(
              `import { json } from '@remix-run/node';\nexport async function action() { return new Response(null, { status: 204 }); }`,
            ),
            sendOk(
              `import { json } from '@remix-run/node';\nexport async function action() { return json({ ok: true }, 200); }`,
            ),
          ],
        },
      ],
    },
    {
      code: `import { data } from 'react-router';\nexport async function loader() { return data({ user }, { status: 304 }); }`,
      errors: [
        {
          ...throws(304),
          suggestions: [
            sendOk(
              `import { data } from 'react-router';\nexport async function loader() { return data({ user }, { status: 200 }); }`,
            ),
          ],
        },
      ],
    },
  ],
});

// ---- Hono, Elysia -----------------------------------------------------------------------------

const hono = `import { Hono } from 'hono';\nconst app = new Hono();\n`;

ts.run<MessageIds, Options>('no-body-with-null-body-status: Hono, Elysia', rule, {
  valid: [
    `${hono}app.delete('/a', (c) => c.body(null, 204));`,
    `${hono}app.delete('/a', (c) => { c.status(204); return c.body(null); });`,
    `${hono}app.delete('/a', (c) => c.json({ ok: true }, 200));`,
    `${hono}app.delete('/a', (c) => c.body(stream, 204));`,
    `${hono}app.get('/a', (c) => c.json({ ok: true }, c.req.query('status') === 'none' ? 204 : 200));`,
    `import { Elysia } from 'elysia';\nnew Elysia().delete('/a', ({ status }) => status(204));`,
    `import { Elysia } from 'elysia';\nnew Elysia().delete('/a', ({ set }) => { set.status = 204; return null; });`,
  ],
  invalid: [
    {
      // honojs/hono#1518
      code: `${hono}app.delete('/posts/:id', async (c) => {\n  await deletePost(c.req.param('id'));\n  return c.json({ message: 'Deleted' }, 204);\n});`,
      output: `${hono}app.delete('/posts/:id', async (c) => {\n  await deletePost(c.req.param('id'));\n  return c.body(null, 204);\n});`,
      errors: [
        {
          ...throws(),
          suggestions: [
            sendOk(
              `${hono}app.delete('/posts/:id', async (c) => {\n  await deletePost(c.req.param('id'));\n  return c.json({ message: 'Deleted' }, 200);\n});`,
            ),
          ],
        },
      ],
    },
    {
      // felixmosh/bull-board#735: `{}` with 204; the headers argument stays
      code: `${hono}app.put('/a', (c) => c.json({}, 204, { 'X-Done': '1' }));`,
      output: `${hono}app.put('/a', (c) => c.body(null, 204, { 'X-Done': '1' }));`,
      errors: [
        {
          ...throws(),
          suggestions: [sendOk(`${hono}app.put('/a', (c) => c.json({}, 200, { 'X-Done': '1' }));`)],
        },
      ],
    },
    {
      code: `${hono}app.delete('/a', (c) => { c.status(204); return c.text(''); });`,
      output: `${hono}app.delete('/a', (c) => { c.status(204); return c.body(null); });`,
      errors: [
        {
          ...throws(),
          suggestions: [
            sendOk(`${hono}app.delete('/a', (c) => { c.status(200); return c.text(''); });`),
          ],
        },
      ],
    },
    {
      code: `${hono}app.delete('/a', (c) => c.json(c.req.valid('json'), { status: 204 }));`,
      errors: [
        {
          ...throws(),
          suggestions: [
            removeBody(`${hono}app.delete('/a', (c) => c.body(null, { status: 204 }));`),
            sendOk(`${hono}app.delete('/a', (c) => c.json(c.req.valid('json'), { status: 200 }));`),
          ],
        },
      ],
    },
    {
      code: `import { Elysia } from 'elysia';\nnew Elysia().delete('/a', ({ status }) => status(204, { deleted: true }));`,
      output: `import { Elysia } from 'elysia';\nnew Elysia().delete('/a', ({ status }) => status(204));`,
      errors: [
        {
          ...throws(),
          suggestions: [
            sendOk(
              `import { Elysia } from 'elysia';\nnew Elysia().delete('/a', ({ status }) => status(200, { deleted: true }));`,
            ),
          ],
        },
      ],
    },
    {
      code: `import { Elysia } from 'elysia';\nnew Elysia().delete('/a', ({ set }) => {\n  set.status = 204;\n  return 'Deleted';\n});`,
      errors: [
        {
          ...throws(),
          suggestions: [
            sendOk(
              `import { Elysia } from 'elysia';\nnew Elysia().delete('/a', ({ set }) => {\n  set.status = 200;\n  return 'Deleted';\n});`,
            ),
          ],
        },
      ],
    },
  ],
});

// ---- JavaScript (espree), JSX ----------------------------------------------------------------

js.run<MessageIds, Options>('no-body-with-null-body-status: JavaScript', rule, {
  valid: [
    `const express = require('express');\nconst app = express();\napp.delete('/a', (req, res) => res.status(204).end());`,
    `exports.remove = async (req, res) => { await Item.deleteOne(req.params); res.sendStatus(204); };`,
  ],
  invalid: [
    {
      // a CommonJS controller, optional chaining on the response; no framework is imported, so its
      // bodiless form is a guess: offered, not applied
      code: `exports.remove = async (req, res) => {\n  await Item.deleteOne(req.params);\n  res?.status(204).json({ success: true });\n};`,
      output: null,
      errors: [
        {
          ...dropped(),
          suggestions: [
            removeBody(
              `exports.remove = async (req, res) => {\n  await Item.deleteOne(req.params);\n  res?.status(204).end();\n};`,
            ),
            sendOk(
              `exports.remove = async (req, res) => {\n  await Item.deleteOne(req.params);\n  res?.status(200).json({ success: true });\n};`,
            ),
          ],
        },
      ],
    },
    {
      code: `import { Hono } from 'hono';\nconst app = new Hono();\napp.get('/a', (c) => c.html(<p>Gone</p>) && c.body(<p>Gone</p>, 204));`,
      errors: [
        {
          ...throws(),
          suggestions: [
            removeBody(
              `import { Hono } from 'hono';\nconst app = new Hono();\napp.get('/a', (c) => c.html(<p>Gone</p>) && c.body(null, 204));`,
            ),
            sendOk(
              `import { Hono } from 'hono';\nconst app = new Hono();\napp.get('/a', (c) => c.html(<p>Gone</p>) && c.body(<p>Gone</p>, 200));`,
            ),
          ],
        },
      ],
    },
    {
      code: `const express = require('express');\nconst app = express();\napp.delete('/a', (req, res) => { const message = 'Deleted'; res.status(204).send(message); });`,
      output: `const express = require('express');\nconst app = express();\napp.delete('/a', (req, res) => { const message = 'Deleted'; res.status(204).end(); });`,
      errors: [
        {
          ...dropped(),
          suggestions: [
            sendOk(
              `const express = require('express');\nconst app = express();\napp.delete('/a', (req, res) => { const message = 'Deleted'; res.status(200).send(message); });`,
            ),
          ],
        },
      ],
    },
  ],
});

describe('no-body-with-null-body-status options', () => {
  it('rejects invalid options', () => {
    const linter = new Linter({ configType: 'flat' });
    const verify = (options: unknown) =>
      linter.verify('x', {
        plugins: { 'http-status': plugin as never },
        rules: { 'http-status/no-body-with-null-body-status': ['error', options] },
      });
    expect(() => verify({ statuses: [99] })).toThrow(/>= 100/);
    expect(() => verify({ statuses: ['204'] })).toThrow(/should be integer/);
    expect(() => verify({ statuses: [204, 204] })).toThrow(/duplicate/i);
    expect(() => verify({ status: [204] })).toThrow(/additional properties/i);
  });
});
