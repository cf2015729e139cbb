/**
 * A labelled corpus of realistic server code, written after the shapes a scan of public
 * repositories turns up (tutorial controllers, production middlewares, framework examples).
 * Each case says how many sends a reviewer would flag. The test measures the rule's precision
 * (reports that are right) and recall (flagged sends it catches) over the whole corpus, and
 * lists the cases it knowingly misses.
 */
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { describeScore, itReportsAsExpected, scoreCorpus } from './corpus-score';

import plugin from '../../src';

interface Case {
  readonly name: string;
  readonly code: string;
  /** Sends a reviewer flags: an error body with a 2xx status. */
  readonly expected: number;
  readonly ts?: boolean;
  /** Why the rule misses or over-reports it, if it knowingly does. */
  readonly known?: string;
}

const corpus: Case[] = [
  // ---- Express controllers (CommonJS, no framework import) ----
  {
    name: 'auth controller, success:false on every failure',
    code: `
const User = require('../models/user');
const bcrypt = require('bcryptjs');
exports.register = async (req, res) => {
  const { name, email, password } = req.body;
  if (!name || !email || !password) {
    return res.json({ success: false, msg: 'Please enter all fields' });
  }
  const existing = await User.findOne({ email });
  if (existing) return res.json({ success: false, msg: 'User already exists' });
  const user = await User.create({ name, email, password: await bcrypt.hash(password, 10) });
  res.json({ success: true, user });
};
exports.login = async (req, res) => {
  try {
    const user = await User.findOne({ email: req.body.email });
    if (!user) return res.json({ success: false, msg: 'Invalid credentials' });
    const isMatch = await bcrypt.compare(req.body.password, user.password);
    if (!isMatch) return res.json({ success: false, msg: 'Invalid credentials' });
    res.json({ success: true, token: sign(user) });
  } catch (err) {
    res.json({ success: false, msg: err.message });
  }
};`,
    expected: 5,
  },
  {
    name: 'controller that sets statuses correctly',
    code: `
exports.getPost = async (req, res) => {
  try {
    const post = await Post.findById(req.params.id);
    if (!post) return res.status(404).json({ error: 'Post not found' });
    res.json(post);
  } catch (error) {
    res.status(500).json({ error: error.message });
  }
};`,
    expected: 0,
  },
  {
    name: 'status(200) in a catch',
    code: `
module.exports.update = async function (req, res) {
  try {
    const item = await Item.findByIdAndUpdate(req.params.id, req.body, { new: true });
    res.status(200).send(item);
  } catch (errors) {
    res.status(200).send({ errors });
  }
};`,
    expected: 1,
  },
  {
    name: 'callback-style mongoose controller',
    code: `
exports.remove = function (req, res) {
  Note.findByIdAndRemove(req.params.noteId, function (err, note) {
    if (err) return res.send({ message: 'Could not delete note', error: err });
    if (!note) return res.status(404).send({ message: 'Note not found' });
    res.send({ message: 'Note deleted successfully!' });
  });
};`,
    expected: 1,
  },
  {
    name: 'express-validator with a 422',
    code: `
const { validationResult } = require('express-validator');
exports.create = (req, res) => {
  const errors = validationResult(req);
  if (!errors.isEmpty()) return res.status(422).json({ errors: errors.array() });
  res.status(201).json(save(req.body));
};`,
    expected: 0,
  },
  {
    name: 'express-validator without a status',
    code: `
const { validationResult } = require('express-validator');
exports.create = (req, res) => {
  const errors = validationResult(req);
  if (!errors.isEmpty()) {
    return res.json({ errors: errors.array() });
  }
  res.json(save(req.body));
};`,
    expected: 1,
  },
  {
    name: 'response helper module (callers choose the status)',
    code: `
exports.ok = (res, data) => res.json({ success: true, data });
exports.fail = (res, message, status = 400) => res.status(status).json({ success: false, message });
exports.raw = (res, message) => res.json({ success: false, message });`,
    expected: 0,
  },
  {
    name: 'handleError(err, res) helper',
    code: `
const handleError = (err, res) => {
  res.json({ error: err.message });
};
module.exports = { handleError };`,
    expected: 0,
  },
  {
    name: 'error middleware with the error status',
    code: `
module.exports = (err, req, res, next) => {
  const status = err.statusCode || 500;
  res.status(status).json({ success: false, message: err.message });
};`,
    expected: 0,
  },
  {
    name: 'error middleware that forgets the status',
    code: `
const express = require('express');
const app = express();
app.use((err, req, res, next) => {
  console.error(err.stack);
  res.send({ error: 'Something broke!' });
});`,
    expected: 1,
  },
  {
    name: 'routes file with inline handlers',
    code: `
const router = require('express').Router();
router.get('/profile', auth, async (req, res) => {
  const profile = await Profile.findOne({ user: req.user.id });
  if (!profile) return res.status(400).json({ msg: 'There is no profile for this user' });
  res.json(profile);
});
router.delete('/', auth, async (req, res) => {
  try {
    await Profile.findOneAndRemove({ user: req.user.id });
    res.json({ msg: 'User deleted' });
  } catch (err) {
    res.json({ msg: 'Server Error', error: err.message });
  }
});
module.exports = router;`,
    expected: 1,
  },
  {
    name: 'GraphQL endpoint',
    code: `
const express = require('express');
const app = express();
app.post('/graphql', async (req, res) => {
  const result = await graphql({ schema, source: req.body.query });
  res.json({ data: result.data, errors: result.errors });
});`,
    expected: 0,
  },
  {
    name: 'JSON-RPC endpoint',
    code: `
import express from 'express';
const app = express();
app.post('/rpc', (req, res) => {
  const method = methods[req.body.method];
  if (!method) return res.json({ jsonrpc: '2.0', id: req.body.id, error: { code: -32601, message: 'Method not found' } });
  res.json({ jsonrpc: '2.0', id: req.body.id, result: method(req.body.params) });
});`,
    expected: 0,
  },
  {
    name: 'bulk import with partial failures',
    code: `
import express from 'express';
const app = express();
app.post('/users/bulk', async (req, res) => {
  const results = [];
  const errors = [];
  for (const row of req.body) {
    try { results.push(await create(row)); } catch (e) { errors.push({ row, message: e.message }); }
  }
  res.json({ results, errors });
});
app.get('/jobs/:id', async (req, res) => {
  const job = await Job.find(req.params.id);
  res.json({ processed: job.done, errors: job.failed.length });
});`,
    expected: 0,
  },
  {
    name: 'status computed at run time',
    code: `
import express from 'express';
const app = express();
app.get('/proxy', async (req, res) => {
  const upstream = await fetch(url);
  const body = await upstream.json();
  res.status(upstream.status).json({ error: body.error });
});`,
    expected: 0,
  },
  {
    name: 'supabase pass-through',
    code: `
import express from 'express';
const app = express();
app.get('/todos', async (req, res) => {
  const { data, error } = await supabase.from('todos').select('*');
  res.json({ data, error });
});
app.get('/todos/:id', async (req, res) => {
  const { data, error } = await supabase.from('todos').select('*').eq('id', req.params.id);
  if (error) return res.json({ error: error.message });
  res.json(data);
});`,
    expected: 1,
  },
  {
    name: 'TypeScript controller class',
    ts: true,
    code: `
import { Request, Response } from 'express';
export class OrderController {
  async create(req: Request, res: Response) {
    const { productId } = req.body;
    if (!productId) {
      return res.status(400).json({ error: 'productId is required' });
    }
    try {
      const order = await this.service.create(productId);
      return res.status(201).json(order);
    } catch (e) {
      return res.json({ error: (e as Error).message });
    }
  }
}`,
    expected: 1,
  },
  {
    name: 'TypeScript handler with custom request type',
    ts: true,
    code: `
import type { Response } from 'express';
import type { AuthRequest } from '../types';
export const me = async (req: AuthRequest, res: Response) => {
  const user = await prisma.user.findUnique({ where: { id: req.userId } });
  if (!user) return res.json({ ok: false, message: 'User not found' });
  return res.json({ ok: true, user });
};`,
    expected: 1,
  },
  {
    name: 'typed helper that takes the response',
    ts: true,
    code: `
import type { Response } from 'express';
export function sendError(res: Response, message: string) {
  return res.json({ success: false, message });
}
export function withError(message: string, res: Response) {
  return res.json({ success: false, message });
}`,
    expected: 0,
  },
  {
    name: 'passport callback',
    code: `
exports.postLogin = (req, res, next) => {
  passport.authenticate('local', (err, user, info) => {
    if (err) return next(err);
    if (!user) return res.json({ message: info.message });
    res.json({ message: 'login success' });
  })(req, res, next);
};`,
    expected: 1,
    known: 'a body with only a message: its words, not its shape, say it failed',
  },
  {
    name: 'status set in a shared variable before the send',
    code: `
import express from 'express';
const app = express();
app.post('/pay', async (req, res) => {
  let code = 200;
  let body = { ok: true };
  if (!req.body.amount) { code = 400; body = { ok: false }; }
  res.status(code).json(body);
});`,
    expected: 0,
  },
  {
    name: 'numeric status inside the body',
    code: `
import express from 'express';
const app = express();
app.get('/items/:id', async (req, res) => {
  const item = await db.items.get(req.params.id);
  if (!item) return res.json({ status: 404, message: 'Item not found' });
  res.json({ status: 200, item });
});`,
    expected: 1,
  },
  {
    name: 'response envelope built with a helper',
    code: `
import express from 'express';
const app = express();
app.get('/a', (req, res) => res.json(errorResponse('Not found')));`,
    expected: 1,
    known: 'the body is built by a call the rule does not follow',
  },
  {
    name: 'body mutated after creation',
    code: `
module.exports.login = (req, res) => {
  const response = { error: null, data: null };
  User.findOne({ email: req.body.email }, (err, user) => {
    if (err) response.error = { message: err.message };
    else response.data = user;
    res.send(response);
  });
};`,
    expected: 0,
  },
  {
    name: 'Node http server',
    code: `
const http = require('http');
http.createServer(async (req, res) => {
  res.setHeader('Content-Type', 'application/json');
  if (req.url !== '/health') {
    res.writeHead(404);
    return res.end(JSON.stringify({ error: 'Not found' }));
  }
  try {
    res.end(JSON.stringify(await check()));
  } catch (e) {
    res.end(JSON.stringify({ status: 'error', message: e.message }));
  }
}).listen(3000);`,
    expected: 1,
  },

  // ---- Next.js ----
  {
    name: 'Pages API route',
    ts: true,
    code: `
import type { NextApiRequest, NextApiResponse } from 'next';
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method !== 'POST') return res.status(405).json({ error: 'Method not allowed' });
  const { email } = req.body;
  if (!email) return res.json({ error: 'Email is required' });
  try {
    await subscribe(email);
    res.status(201).json({ ok: true });
  } catch (error) {
    res.status(200).json({ error: 'Failed to subscribe' });
  }
}`,
    expected: 2,
  },
  {
    name: 'App Router route with catch',
    ts: true,
    code: `
import { NextResponse } from 'next/server';
export async function GET(request: Request) {
  try {
    const posts = await prisma.post.findMany();
    return NextResponse.json(posts);
  } catch (error) {
    console.error(error);
    return NextResponse.json({ error: 'Failed to fetch posts' });
  }
}
export async function POST(request: Request) {
  const body = await request.json();
  if (!body.title) return NextResponse.json({ error: 'Title is required' }, { status: 400 });
  return NextResponse.json(await prisma.post.create({ data: body }), { status: 201 });
}`,
    expected: 1,
  },
  {
    name: 'App Router with new Response',
    ts: true,
    code: `
export async function POST(req: Request) {
  try {
    return new Response(JSON.stringify({ data: await run(req), error: null }), { status: 200 });
  } catch (error) {
    if (error instanceof Error) return new Response(JSON.stringify({ error }));
    return new Response(JSON.stringify({ error: 'Unknown error' }));
  }
}`,
    expected: 2,
  },
  {
    name: 'shared response helpers with a status parameter',
    ts: true,
    code: `
import { NextResponse } from 'next/server';
export function jsonError(message: string, status = 400) {
  return NextResponse.json({ success: false, error: message }, { status });
}
export function jsonSuccess(data: object, init?: ResponseInit) {
  return NextResponse.json({ success: true, ...data }, { status: 200, ...init });
}`,
    expected: 0,
  },
  {
    name: 'NextResponse imported under another name',
    ts: true,
    code: `
import { NextResponse as Res } from 'next/server';
export async function DELETE() {
  const ok = await remove();
  if (!ok) return Res.json({ success: false, message: 'Not found' });
  return Res.json({ success: true });
}`,
    expected: 1,
  },

  // ---- Fastify ----
  {
    name: 'Fastify plugin routes',
    code: `
export default async function (fastify) {
  fastify.get('/users/:id', async (request, reply) => {
    const user = await fastify.db.users.find(request.params.id);
    if (!user) return { error: 'User not found' };
    return user;
  });
  fastify.post('/users', async (request, reply) => {
    try {
      return await fastify.db.users.create(request.body);
    } catch (err) {
      reply.send(err);
    }
  });
}`,
    expected: 1,
  },
  {
    name: 'Fastify app file',
    code: `
import Fastify from 'fastify';
const app = Fastify({ logger: true });
app.get('/items/:id', async (request, reply) => {
  const item = await getItem(request.params.id);
  if (!item) return reply.code(404).send({ error: 'Not found' });
  return item;
});
app.post('/items', async (request, reply) => {
  if (!request.body.name) return { success: false, message: 'name is required' };
  reply.code(201);
  return createItem(request.body);
});`,
    expected: 1,
  },

  // ---- Koa ----
  {
    name: 'Koa error middleware with the error status',
    code: `
import Koa from 'koa';
const app = new Koa();
app.use(async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    ctx.status = err.status || 500;
    ctx.body = { success: false, message: err.message };
    ctx.app.emit('error', err, ctx);
  }
});`,
    expected: 0,
  },
  {
    name: 'Koa router without a status',
    code: `
import Router from '@koa/router';
const router = new Router();
router.post('/login', async (ctx) => {
  const { username, password } = ctx.request.body;
  const user = await User.findOne({ username });
  if (!user || !(await user.verify(password))) {
    ctx.body = { code: 401, message: 'Invalid username or password' };
    return;
  }
  ctx.body = { code: 0, token: sign(user) };
});`,
    expected: 1,
  },
  {
    name: 'Koa helper that takes the context',
    ts: true,
    code: `
import type { Context } from 'koa';
export function throwApiError(ctx: Context, message: string) {
  ctx.body = { error: message };
}`,
    expected: 0,
  },

  // ---- Hono ----
  {
    name: 'Hono routes',
    ts: true,
    code: `
import { Hono } from 'hono';
const app = new Hono();
app.get('/posts/:id', async (c) => {
  const post = await getPost(c.req.param('id'));
  if (!post) return c.json({ error: 'Not found' }, 404);
  return c.json(post);
});
app.post('/posts', async (c) => {
  try {
    return c.json(await createPost(await c.req.json()), 201);
  } catch (e) {
    return c.json({ ok: false, error: 'Could not create post' });
  }
});
export default app;`,
    expected: 1,
  },

  // ---- SvelteKit, Remix, React Router ----
  {
    name: 'SvelteKit endpoint',
    code: `
import { json, error } from '@sveltejs/kit';
export async function GET({ params }) {
  const item = await db.get(params.id);
  if (!item) error(404, 'Not found');
  return json(item);
}
export async function POST({ request }) {
  const data = await request.json();
  if (!data.email) return json({ success: false, message: 'Email is required' });
  return json(await save(data), { status: 201 });
}`,
    expected: 1,
  },
  {
    name: 'Remix action returning validation errors',
    ts: true,
    code: `
import { json } from '@remix-run/node';
export async function action({ request }) {
  const form = await request.formData();
  const errors: Record<string, string> = {};
  if (!form.get('email')) errors.email = 'Email is required';
  if (Object.keys(errors).length) return json({ errors }, { status: 400 });
  return json({ ok: true });
}`,
    expected: 0,
  },
  {
    name: 'React Router action without a status',
    ts: true,
    code: `
import { data } from 'react-router';
export async function action({ request }) {
  const form = await request.formData();
  if (await exists(form.get('slug'))) return data({ error: 'Slug already exists' });
  return data({ ok: true });
}`,
    expected: 1,
  },
  {
    name: 'a local json helper',
    code: `
const json = (body, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
export default { fetch: () => json({ error: 'Not found' }, 404) };`,
    expected: 0,
  },

  // ---- Nuxt / h3, Elysia ----
  {
    name: 'Nuxt server route',
    code: `
export default defineEventHandler(async (event) => {
  const body = await readBody(event);
  if (!body.email) {
    return { error: 'Email is required' };
  }
  try {
    return await subscribe(body.email);
  } catch (e) {
    setResponseStatus(event, 500);
    return { error: 'Subscription failed' };
  }
});`,
    expected: 1,
  },
  {
    name: 'Nuxt server route that throws createError',
    code: `
export default defineEventHandler(async (event) => {
  const user = await getUser(event);
  if (!user) throw createError({ statusCode: 401, statusMessage: 'Unauthorized' });
  return { user };
});`,
    expected: 0,
  },
  {
    name: 'Elysia',
    ts: true,
    code: `
import { Elysia } from 'elysia';
new Elysia()
  .get('/user/:id', async ({ params, set }) => {
    const user = await findUser(params.id);
    if (!user) {
      set.status = 404;
      return { error: 'Not found' };
    }
    return user;
  })
  .post('/user', async ({ body }) => {
    if (!body.name) return { success: false, message: 'name required' };
    return createUser(body);
  })
  .listen(3000);`,
    expected: 1,
  },

  // ---- Workers / Deno / Bun, Lambda, Azure ----
  {
    name: 'Cloudflare Worker',
    code: `
export default {
  async fetch(request, env) {
    try {
      const data = await env.KV.get('key', 'json');
      return Response.json(data);
    } catch (err) {
      return Response.json({ error: err.message });
    }
  },
};`,
    expected: 1,
  },
  {
    name: 'Bun server with statuses',
    code: `
Bun.serve({
  fetch(req) {
    const url = new URL(req.url);
    if (url.pathname === '/') return Response.json({ ok: true });
    return Response.json({ error: 'Not found' }, { status: 404 });
  },
});`,
    expected: 0,
  },
  {
    name: 'AWS Lambda handler',
    code: `
exports.handler = async (event) => {
  const id = event.pathParameters?.id;
  if (!id) {
    return { statusCode: 400, body: JSON.stringify({ message: 'id is required' }) };
  }
  try {
    const item = await ddb.get({ TableName, Key: { id } }).promise();
    return { statusCode: 200, body: JSON.stringify(item.Item) };
  } catch (err) {
    return { statusCode: 200, body: JSON.stringify({ error: err.message }) };
  }
};`,
    expected: 1,
  },
  {
    name: 'Lambda response built in a variable',
    code: `
export const handler = async (event) => {
  let response;
  try {
    response = { statusCode: 200, body: JSON.stringify(await run(event)) };
  } catch (e) {
    response = { statusCode: 500, body: JSON.stringify({ error: e.message }) };
  }
  return response;
};`,
    expected: 0,
  },
  {
    name: 'Azure Functions v4',
    code: `
const { app } = require('@azure/functions');
app.http('orders', {
  handler: async (request, context) => {
    const id = request.query.get('id');
    if (!id) return { status: 400, jsonBody: { error: 'id is required' } };
    const order = await getOrder(id);
    if (!order) return { jsonBody: { error: 'Order not found' } };
    return { jsonBody: order };
  },
});`,
    expected: 1,
  },

  // ---- not servers ----
  {
    name: 'client code that reads errors',
    code: `
export async function login(email, password) {
  const res = await fetch('/api/login', { method: 'POST', body: JSON.stringify({ email, password }) });
  const data = await res.json();
  if (!data.success) throw new Error(data.error);
  return data;
}`,
    expected: 0,
  },
  {
    name: 'test mocks',
    code: `
import { http, HttpResponse } from 'msw';
export const handlers = [
  http.get('/api/user', () => HttpResponse.json({ error: 'Unauthorized' }, { status: 401 })),
];
const mockRes = { status: vi.fn().mockReturnThis(), json: vi.fn() };`,
    expected: 0,
  },
  {
    name: 'websocket messages',
    code: `
wss.on('connection', (ws, req) => {
  ws.on('message', (raw) => {
    try { handle(JSON.parse(raw)); } catch (e) { ws.send(JSON.stringify({ error: 'Bad message' })); }
  });
});`,
    expected: 0,
  },
  {
    name: 'client test doubles of a misbehaving server',
    code: `
import { vi, it } from 'vitest';
it('surfaces an error body', async () => {
  globalThis.fetch = vi.fn().mockResolvedValue(new Response(JSON.stringify({ error: 'boom' })));
  vi.spyOn(api, 'get').mockImplementation(async () => Response.json({ success: false }));
  await expect(load()).rejects.toThrow('boom');
});`,
    expected: 0,
  },
  {
    name: 'a socket helper shaped like a handler',
    code: `
export function onMessage(message, socket) {
  if (!message.body) socket.send({ error: 'Empty message', id: message.id });
}`,
    expected: 0,
  },
  {
    name: 'router file with send-only handlers',
    code: `
const router = require('./router');
router.post('/comments', async (req, res) => {
  if (!req.body.text) return res.send({ error: 'Text is required' });
  res.send(await Comment.create(req.body));
});`,
    expected: 1,
  },
  {
    name: 'a redux reducer',
    code: `
export function reducer(state, action) {
  switch (action.type) {
    case 'failed': return { ...state, error: action.error, ok: false };
    default: return state;
  }
}`,
    expected: 0,
  },
];

function lint(item: Case): number {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    item.code,
    {
      files: ['**/*.ts', '**/*.js'],
      plugins: { 'http-status': plugin as never },
      rules: { 'http-status/no-error-body-with-success-status': 'error' },
      languageOptions: {
        ecmaVersion: 'latest',
        sourceType: 'module',
        ...(item.ts ? { parser: tsParser as Linter.Parser } : {}),
      },
    },
    item.ts ? 'file.ts' : 'file.js',
  );
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`${item.name}: ${fatal.message}`);
  return messages.filter(
    (message) => message.ruleId === 'http-status/no-error-body-with-success-status',
  ).length;
}

describe('no-error-body-with-success-status on a realistic corpus', () => {
  const results = corpus.map((item) => ({ item, reported: lint(item) }));

  itReportsAsExpected(results);

  it('is precise (>= 95% of reports right) and catches >= 90% of the flagged sends', () => {
    const score = scoreCorpus(results);
    const { precision, recall } = score;
    console.log(describeScore(corpus.length, 'sends', score));
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });
});
