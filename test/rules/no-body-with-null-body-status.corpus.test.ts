/**
 * A labelled corpus of realistic server code, modelled on the public threads about bodies sent
 * with 204/304 (honojs/hono#1518, vercel/next.js#68990 and #49005, sveltejs/kit#7765,
 * remix-run/remix#10328, felixmosh/bull-board#735, Metaculus/metaculus#4978) and on the shapes
 * tutorial controllers use. Each case says how many sends a reviewer would flag. The test
 * measures the rule's precision and recall over the whole corpus, and lists the cases it
 * knowingly misses.
 */
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { describeScore, itReportsAsExpected, scoreCorpus } from './corpus-score';

import plugin from '../../src';

interface Case {
  readonly name: string;
  readonly code: string;
  /** Sends a reviewer flags: a body with a null-body status. */
  readonly expected: number;
  readonly ts?: boolean;
  /** Why the rule misses or over-reports it, if it knowingly does. */
  readonly known?: string;
}

const corpus: Case[] = [
  {
    name: 'hono#1518: c.json with 204 after a delete',
    ts: true,
    code: `
import { Hono } from 'hono';
const app = new Hono();
app.delete('/todos/:id', async (c) => {
  const id = c.req.param('id');
  await db.delete(todos).where(eq(todos.id, id));
  return c.json({ success: true }, 204);
});`,
    expected: 1,
  },
  {
    name: 'next.js#68990: NextResponse with 204 and a body',
    ts: true,
    code: `
import { NextResponse } from 'next/server';
export async function DELETE(request: Request, { params }: { params: { id: string } }) {
  await prisma.post.delete({ where: { id: params.id } });
  return NextResponse.json({ message: 'Post deleted' }, { status: 204 });
}`,
    expected: 1,
  },
  {
    name: 'next.js#49005: a static route answering 204 without a body is right',
    ts: true,
    code: `
export const dynamic = 'force-static';
export async function GET() {
  return new Response(null, { status: 204 });
}`,
    expected: 0,
  },
  {
    name: 'sveltejs/kit#7765 family: a SvelteKit endpoint sending json with 204',
    code: `
import { json } from '@sveltejs/kit';
export async function DELETE({ params, locals }) {
  await locals.db.item.delete(params.id);
  return json({ deleted: true }, { status: 204 });
}
export async function PATCH({ request }) {
  await save(await request.json());
  return new Response(null, { status: 204 });
}`,
    expected: 1,
  },
  {
    name: 'remix#10328: an action returning data with 204',
    ts: true,
    code: `
import { data } from 'react-router';
export async function action({ request }: { request: Request }) {
  const form = await request.formData();
  await updateSettings(form);
  return data({ ok: true }, { status: 204 });
}`,
    expected: 1,
  },
  {
    name: 'bull-board#735: an adapter forwarding a handler status',
    ts: true,
    code: `
import { Hono } from 'hono';
export function registerRoute(app: Hono, route: Route) {
  app.on(route.method, route.path, async (c) => {
    const response = await route.handler(await toRequest(c));
    return c.json(response.body ?? {}, response.status);
  });
}`,
    expected: 1,
    known: "the status is the handler result's, known only at run time",
  },
  {
    name: 'metaculus#4978: a proxy passing the upstream status and body on',
    ts: true,
    code: `
import { NextResponse } from 'next/server';
export async function POST(req: Request) {
  const res = await fetch(API_URL, { method: 'POST', body: await req.text() });
  return new NextResponse(await res.blob(), { status: res.status });
}`,
    expected: 1,
    known: "the status is the upstream response's, known only at run time",
  },
  {
    name: 'tutorial controller: delete answered with 204 and a message',
    code: `
const Task = require('../models/task');
exports.deleteTask = async (req, res) => {
  try {
    const task = await Task.findByIdAndDelete(req.params.id);
    if (!task) return res.status(404).json({ message: 'Task not found' });
    res.status(204).json({ message: 'Task deleted successfully' });
  } catch (err) {
    res.status(500).json({ message: err.message });
  }
};
exports.clearTasks = async (req, res) => {
  await Task.deleteMany({});
  res.status(204).send({ success: true });
};`,
    expected: 2,
  },
  {
    name: 'controller that answers 204 without a body',
    code: `
exports.remove = async (req, res, next) => {
  try {
    await Item.deleteOne({ _id: req.params.id });
    res.status(204).send();
  } catch (err) {
    next(err);
  }
};
exports.logout = (req, res) => {
  req.session.destroy(() => res.sendStatus(204));
};`,
    expected: 0,
  },
  {
    name: 'conditional GET with 304',
    code: `
import express from 'express';
const app = express();
app.get('/feed', async (req, res) => {
  const feed = await loadFeed();
  if (req.get('If-None-Match') === feed.etag) return res.status(304).end();
  res.set('ETag', feed.etag).json(feed.items);
});
app.get('/avatar', async (req, res) => {
  const avatar = await loadAvatar(req.query.id);
  if (req.fresh) return res.status(304).send(avatar);
  res.send(avatar);
});`,
    expected: 1,
    known: 'a body read from a variable that may be null at run time is left alone',
  },
  {
    name: 'Koa conditional GET',
    code: `
import Koa from 'koa';
const app = new Koa();
app.use(async (ctx) => {
  const data = await load(ctx.path);
  if (ctx.fresh) {
    ctx.status = 304;
    return;
  }
  ctx.body = data;
});`,
    expected: 0,
  },
  {
    name: 'Koa status set before a conditional body',
    code: `
import Koa from 'koa';
const app = new Koa();
app.use(async (ctx) => {
  await remove(ctx.params.id);
  ctx.status = 204;
  if (ctx.query.verbose) ctx.body = { removed: ctx.params.id };
});`,
    expected: 1,
  },
  {
    name: 'Fastify delete route',
    code: `
import Fastify from 'fastify';
const fastify = Fastify({ logger: true });
fastify.delete('/users/:id', async (request, reply) => {
  await fastify.db.users.delete(request.params.id);
  return reply.code(204).send({ deleted: true });
});
fastify.put('/users/:id', async (request, reply) => {
  await fastify.db.users.update(request.params.id, request.body);
  reply.code(204).send();
});`,
    expected: 1,
  },
  {
    name: 'Nuxt server route with setResponseStatus',
    code: `
export default defineEventHandler(async (event) => {
  const id = getRouterParam(event, 'id');
  await useDb().delete(id);
  setResponseStatus(event, 204);
  return { success: true };
});`,
    expected: 1,
  },
  {
    name: 'Elysia: set.status and the status helper',
    ts: true,
    code: `
import { Elysia } from 'elysia';
new Elysia()
  .delete('/a/:id', async ({ params, set }) => {
    await remove(params.id);
    set.status = 204;
    return { ok: true };
  })
  .delete('/b/:id', async ({ params, status }) => {
    await remove(params.id);
    return status(204);
  });`,
    expected: 1,
  },
  {
    name: 'Cloudflare Worker: a preflight answered right, a purge answered with text',
    code: `
const corsHeaders = { 'Access-Control-Allow-Origin': '*' };
export default {
  async fetch(request, env) {
    if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: corsHeaders });
    if (request.method === 'DELETE') {
      await env.CACHE.delete(new URL(request.url).pathname);
      return new Response('OK', { status: 204, headers: corsHeaders });
    }
    return new Response('Method not allowed', { status: 405 });
  },
};`,
    expected: 1,
  },
  {
    name: 'a proxy passing the upstream status through',
    code: `
const express = require('express');
const app = express();
app.all('/api/*', async (req, res) => {
  const upstream = await fetch(target + req.url, { method: req.method });
  res.status(upstream.status).send(await upstream.text());
});`,
    expected: 0,
  },
  {
    name: 'Next.js Pages API route with 204 and an empty object',
    ts: true,
    code: `
import type { NextApiRequest, NextApiResponse } from 'next';
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method !== 'DELETE') return res.status(405).end();
  await deleteUser(req.query.id as string);
  return res.status(204).json({});
}`,
    expected: 1,
  },
  {
    name: 'status constants from a local map and from http-status-codes',
    code: `
import { StatusCodes } from 'http-status-codes';
import express from 'express';
const HTTP = { NO_CONTENT: 204, OK: 200 };
const router = express.Router();
router.put('/profile', async (req, res) => {
  const profile = await saveProfile(req.body);
  res.status(HTTP.NO_CONTENT).json(profile);
});
router.post('/ping', (req, res) => res.status(StatusCodes.NO_CONTENT).send('pong'));`,
    expected: 2,
  },
  {
    name: 'a 204 in one branch, a body in the other',
    code: `
import express from 'express';
const app = express();
app.put('/items/:id', async (req, res) => {
  const item = await Item.update(req.params.id, req.body);
  if (req.query.quiet) {
    res.status(204).end();
  } else {
    res.json(item);
  }
});`,
    expected: 0,
  },
  {
    name: 'client code reading a 204',
    code: `
export async function remove(id) {
  const res = await fetch('/api/items/' + id, { method: 'DELETE' });
  if (res.status === 204) return null;
  return res.json();
}`,
    expected: 0,
  },
  {
    name: 'a test double of a 204 response',
    code: `
import { vi, it } from 'vitest';
it('handles a 204', async () => {
  globalThis.fetch = vi.fn().mockResolvedValue(new Response(null, { status: 204 }));
  await expect(remove('1')).resolves.toBeNull();
});`,
    expected: 0,
  },
  {
    name: 'a logged status is not a send',
    code: `
import express from 'express';
const app = express();
app.delete('/a', async (req, res) => {
  logger.info({ status: 204, body: { removed: true } });
  res.sendStatus(204);
});`,
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
      rules: { 'http-status/no-body-with-null-body-status': 'error' },
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
    (message) => message.ruleId === 'http-status/no-body-with-null-body-status',
  ).length;
}

describe('no-body-with-null-body-status on a realistic corpus', () => {
  const results = corpus.map((item) => ({ item, reported: lint(item) }));

  itReportsAsExpected(results);

  it('makes no false report and catches >= 80% of the flagged sends', () => {
    const score = scoreCorpus(results);
    const { falsePositives, recall } = score;
    console.log(describeScore(corpus.length, 'sends', score));
    expect(falsePositives).toBe(0);
    expect(recall).toBeGreaterThanOrEqual(0.8);
  });
});
