/**
 * A labelled corpus of realistic code around status values, written after the shapes public
 * threads and code show (expressjs/express#4212, cloudflare/workerd#3047, sveltejs/kit#7765,
 * string statuses in tutorials), with look-alikes that are no bug: status names, job states
 * compared with strings, opaque responses, LinkedIn's 999, statuses forwarded from upstream.
 * Each case says how many places a reviewer would flag. The test measures the rule's precision
 * and recall over the whole corpus.
 */
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { describeScore, itReportsAsExpected, scoreCorpus } from './corpus-score';

import plugin from '../../src';

interface Case {
  readonly name: string;
  readonly code: string;
  /** Places a reviewer flags: a status the API rejects, a comparison that never holds. */
  readonly expected: number;
  readonly ts?: boolean;
  /** Why the rule misses or over-reports it, if it knowingly does. */
  readonly known?: string;
}

const corpus: Case[] = [
  {
    name: 'Express controller with statuses read from a form as strings',
    code: `
const express = require('express');
const router = express.Router();
router.post('/orders', async (req, res) => {
  const order = await Order.create(req.body);
  res.status('201').json(order);
});
router.get('/orders/:id', async (req, res) => {
  const order = await Order.findById(req.params.id);
  if (!order) return res.status('404').send('Not found');
  res.json(order);
});
module.exports = router;`,
    expected: 2,
  },
  {
    name: 'Express error middleware forwarding the error status',
    code: `
const express = require('express');
const app = express();
app.use((err, req, res, next) => {
  const status = err.status || err.statusCode || 500;
  res.status(status).json({ message: err.message });
});`,
    expected: 0,
  },
  {
    name: 'a proxy forwarding the upstream status and a custom 7xx',
    code: `
import express from 'express';
const app = express();
app.get('/proxy', async (req, res) => {
  const upstream = await fetch(process.env.UPSTREAM + req.url);
  res.status(upstream.status).send(await upstream.text());
});
app.get('/legacy', (req, res) => res.status(799).end());`,
    expected: 0,
  },
  {
    name: 'Next.js route handlers: a bare status, a redirect with 200, a range typo',
    ts: true,
    code: `
import { NextResponse } from 'next/server';
export async function GET(request: Request) {
  const session = await getSession();
  if (!session) return NextResponse.redirect(new URL('/login', request.url), 200);
  const items = await listItems();
  if (!items) return NextResponse.json({ error: 'Not found' }, 404);
  return NextResponse.json(items, { status: 2000 });
}`,
    expected: 3,
  },
  {
    name: 'Next.js route handlers done right',
    ts: true,
    code: `
import { NextResponse } from 'next/server';
export async function POST(request: Request) {
  const body = await request.json();
  if (!body.name) return NextResponse.json({ error: 'name is required' }, { status: 400 });
  const created = await create(body);
  return NextResponse.json(created, { status: 201, headers: { location: '/items/' + created.id } });
}
export async function DELETE() {
  await remove();
  return new Response(null, { status: 204 });
}
export function GET(request: Request) {
  return NextResponse.redirect(new URL('/items', request.url), 308);
}`,
    expected: 0,
  },
  {
    name: 'Workers: a WebSocket upgrade response, and a 101 with a spread init',
    code: `
export default {
  async fetch(request) {
    if (request.headers.get('upgrade') === 'websocket') {
      const [client, server] = Object.values(new WebSocketPair());
      server.accept();
      return new Response(null, { status: 101, webSocket: client });
    }
    return new Response('ok', { ...corsInit, status: 200 });
  },
};`,
    // Workers take 101 with a webSocket (whatwg/fetch#1759, cloudflare/workerd#3047).
    expected: 0,
  },
  {
    name: 'SvelteKit load functions: error(302) and redirect(401)',
    code: `
import { error, redirect } from '@sveltejs/kit';
export async function load({ params, locals }) {
  if (!locals.user) redirect(401, '/login');
  const post = await db.post(params.slug);
  if (!post) error(404, 'Not found');
  if (post.moved) error(302, post.newSlug);
  return { post };
}`,
    expected: 2,
  },
  {
    name: 'Koa with a status from a lookup table and a string literal',
    code: `
import Koa from 'koa';
const app = new Koa();
const CODES = { missing: 404, invalid: 422 };
app.use(async (ctx) => {
  if (!ctx.query.id) { ctx.status = CODES.invalid; ctx.body = { error: 'id' }; return; }
  ctx.status = '200';
  ctx.body = await load(ctx.query.id);
});`,
    expected: 1,
  },
  {
    name: 'Fastify with status names and numbers',
    code: `
import Fastify from 'fastify';
import { StatusCodes } from 'http-status-codes';
const app = Fastify();
app.get('/a', async (req, reply) => reply.code(StatusCodes.NOT_FOUND).send({ error: 'x' }));
app.get('/b', async (req, reply) => reply.code('404').send({ error: 'x' }));
app.get('/c', async (req, reply) => reply.code(4004).send({ error: 'x' }));`,
    expected: 1,
  },
  {
    name: 'Hono API with c.json(body, status)',
    ts: true,
    code: `
import { Hono } from 'hono';
const app = new Hono();
app.get('/users/:id', async (c) => {
  const user = await find(c.req.param('id'));
  if (!user) return c.json({ error: 'not found' }, 4040);
  return c.json(user, 200);
});`,
    expected: 1,
  },
  {
    name: 'h3 handler in Nuxt with createError and a typo',
    code: `
export default defineEventHandler(async (event) => {
  const id = getRouterParam(event, 'id');
  if (!id) throw createError({ statusCode: 400, statusMessage: 'id is required' });
  const item = await useStorage().getItem(id);
  if (!item) throw createError({ statusCode: 4004, statusMessage: 'not found' });
  setResponseStatus(event, 200);
  return item;
});`,
    expected: 1,
  },
  {
    name: 'AWS Lambda handler with a string statusCode',
    code: `
export const handler = async (event) => {
  try {
    return { statusCode: '200', body: JSON.stringify(await work(event)) };
  } catch (error) {
    return { statusCode: 5000, body: JSON.stringify({ error: error.message }) };
  }
};`,
    expected: 1,
  },
  {
    name: 'client: a fetch status compared with strings from a config file',
    code: `
export async function getProfile(id) {
  const response = await fetch('/api/profile/' + id);
  if (response.status === '401') { location.href = '/login'; return; }
  if (response.status === '404') return null;
  return response.json();
}`,
    expected: 2,
  },
  {
    name: 'client: loose equality with numeric strings (works by coercion)',
    code: `
export async function ping(url) {
  const res = await fetch(url);
  return res.status == '200' || res.status == '204';
}`,
    expected: 0,
  },
  {
    name: 'client: a switch with a typo and an opaque response check',
    ts: true,
    code: `
export async function load(url: string) {
  const res = await fetch(url, { mode: 'no-cors' });
  if (res.status === 0) return 'opaque';
  switch (res.status) {
    case 200: return res.json();
    case 4004: return null;
    case 999: throw new Error('denied by the server');
    default: throw new Error(res.statusText);
  }
}`,
    expected: 1,
  },
  {
    name: 'client: axios result and error',
    code: `
import axios from 'axios';
export async function save(data) {
  try {
    const response = await axios.post('/api/items', data);
    if (response.status === '201') return response.data;
  } catch (error) {
    if (error.response && error.response.status === 4220) return { invalid: true };
    if (error.code === 'ECONNABORTED') return { timeout: true };
    throw error;
  }
}`,
    expected: 2,
  },
  {
    name: 'not statuses: job states, GraphQL bodies, a reducer',
    code: `
export async function poll(id) {
  const res = await fetch('/jobs/' + id);
  const job = await res.json();
  if (job.status === 'done') return job.result;
  if (job.status === 'failed') throw new Error(job.error);
  const payload = { status: 'error', code: 4040 };
  return payload.status === 'error' ? null : job;
}
function reducer(state, action) {
  switch (action.status) { case 'loading': return { ...state, loading: true }; default: return state; }
}`,
    expected: 0,
  },
  {
    name: 'a caught error whose status is a word of another library',
    code: `
export async function read(path, url) {
  try {
    await fetch(url);
    await fs.promises.readFile(path);
  } catch (err) {
    if (err.status === 'ENOENT') return null;
    if (err.status === 'timeout') return retry();
    throw err;
  }
}`,
    expected: 0,
  },
  {
    name: 'a status copied into a variable the code later overwrites',
    code: `
export async function check(url) {
  const res = await fetch(url);
  let state = res.status;
  if (!res.ok) state = 'failed';
  return state === 'failed' ? null : res.json();
}`,
    expected: 0,
  },
];

const RULE = 'http-status/valid-status-code';

function lint(item: Case): number {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    item.code,
    {
      files: ['**/*.ts', '**/*.js'],
      plugins: { 'http-status': plugin as never },
      rules: { [RULE]: 'error' },
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
  return messages.filter((message) => message.ruleId === RULE).length;
}

describe('valid-status-code on a realistic corpus', () => {
  const results = corpus.map((item) => ({ item, reported: lint(item) }));

  itReportsAsExpected(results);

  it('is precise (>= 95% of reports right) and catches >= 90% of the flagged places', () => {
    const score = scoreCorpus(results);
    const { precision, recall } = score;
    console.log(describeScore(corpus.length, 'places', score));
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });
});
