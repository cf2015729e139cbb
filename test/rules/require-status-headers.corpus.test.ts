/**
 * A labelled corpus of server handlers that send 405, 429, 401, 201 and 503, modelled on public
 * code: Next.js Pages API routes and Vercel functions with `if (req.method !== 'POST')` guards
 * (the probe behind issue #19: 8 of 10 `res.status(405)` sends set no `Allow`), the Next.js
 * example API route that sets it, rate-limiter-flexible's Express middleware, Netlify and Lambda
 * functions, Hono, Koa, Fastify and App Router handlers. Each case says how many sends a reviewer
 * would flag. The test measures precision and recall and lists the cases the rule knowingly misses.
 */
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { describeScore, itReportsAsExpected, scoreCorpus } from './corpus-score';

import plugin from '../../src';
import { DEFAULT_HEADERS, STRICT_HEADERS } from '../../src/rules/require-status-headers';

interface Case {
  readonly name: string;
  readonly code: string;
  /** Sends a reviewer flags: a status sent without a header it requires. */
  readonly expected: number;
  readonly ts?: boolean;
  /** Checked with the `strict` config's options. */
  readonly strict?: boolean;
  /** Why the rule misses or over-reports it, if it knowingly does. */
  readonly known?: string;
}

const corpus: Case[] = [
  {
    name: 'Next.js Pages API route: POST-only guard without Allow',
    ts: true,
    code: `
import type { NextApiRequest, NextApiResponse } from 'next';
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method !== 'POST') {
    return res.status(405).json({ message: 'Method not allowed' });
  }
  const { email } = req.body;
  await subscribe(email);
  res.status(200).json({ ok: true });
}`,
    expected: 1,
  },
  {
    name: 'Next.js example api-routes: switch with setHeader Allow in default',
    ts: true,
    code: `
import type { NextApiRequest, NextApiResponse } from 'next';
export default function userHandler(req: NextApiRequest, res: NextApiResponse) {
  const { query, method } = req;
  const id = parseInt(query.id as string, 10);
  switch (req.method) {
    case 'GET':
      res.status(200).json({ id, name: \`User \${id}\` });
      break;
    case 'PUT':
      res.status(200).json({ id, name: 'updated' });
      break;
    default:
      res.setHeader('Allow', ['GET', 'PUT']);
      res.status(405).end(\`Method \${method} Not Allowed\`);
  }
}`,
    expected: 0,
  },
  {
    name: 'Vercel function: else branch after GET and POST',
    code: `
export default async function handler(req, res) {
  if (req.method === 'GET') {
    return res.status(200).json(await listTodos());
  } else if (req.method === 'POST') {
    return res.status(201).json(await addTodo(req.body));
  } else {
    res.status(405).json({ error: \`Method \${req.method} not allowed\` });
  }
}`,
    expected: 1,
  },
  {
    name: 'Vercel function: Allow set before the guard answers',
    code: `
export default function handler(req, res) {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    res.status(405).send('Method Not Allowed');
    return;
  }
  res.status(200).send('ok');
}`,
    expected: 0,
  },
  {
    name: 'Express: app.all fallback for a resource',
    code: `
const express = require('express');
const app = express();
app.get('/api/books', (req, res) => res.json(books));
app.post('/api/books', (req, res) => { books.push(req.body); res.status(201).json(req.body); });
app.all('/api/books', (req, res) => res.status(405).json({ error: 'Method not allowed' }));`,
    expected: 1,
  },
  {
    name: 'Express: a shared methodNotAllowed helper that sets Allow from the route',
    code: `
import express from 'express';
const router = express.Router();
function methodNotAllowed(allowed) {
  return (req, res) => res.set('Allow', allowed.join(', ')).status(405).json({ error: 'Method not allowed' });
}
router.route('/users').get(listUsers).post(createUser).all(methodNotAllowed(['GET', 'POST']));`,
    expected: 0,
  },
  {
    name: 'rate-limiter-flexible Express middleware (README)',
    code: `
import express from 'express';
import { RateLimiterMemory } from 'rate-limiter-flexible';
const rateLimiter = new RateLimiterMemory({ points: 10, duration: 1 });
const app = express();
app.use((req, res, next) => {
  rateLimiter.consume(req.ip)
    .then(() => next())
    .catch(() => {
      res.status(429).send('Too Many Requests');
    });
});`,
    expected: 1,
  },
  {
    name: 'rate-limiter-flexible with Retry-After from msBeforeNext',
    code: `
import express from 'express';
const app = express();
app.use(async (req, res, next) => {
  try {
    await limiter.consume(req.ip);
    next();
  } catch (rejRes) {
    res.set('Retry-After', String(Math.round(rejRes.msBeforeNext / 1000) || 1));
    res.status(429).send('Too Many Requests');
  }
});`,
    expected: 0,
  },
  {
    name: 'Hono: an API-key limiter answering 429',
    ts: true,
    code: `
import { Hono } from 'hono';
const app = new Hono();
app.use('/api/*', async (c, next) => {
  const key = c.req.header('x-api-key') ?? 'anon';
  if (!(await bucket.take(key))) return c.json({ error: 'Rate limit exceeded' }, 429);
  await next();
});`,
    expected: 1,
  },
  {
    name: 'Hono: 429 with headers argument',
    ts: true,
    code: `
import { Hono } from 'hono';
const app = new Hono();
app.post('/api/chat', async (c) => {
  const { success, reset } = await ratelimit.limit(c.req.header('cf-connecting-ip') ?? '');
  if (!success) return c.json({ error: 'Too many requests' }, 429, { 'Retry-After': String(Math.ceil((reset - Date.now()) / 1000)) });
  return c.json(await answer(await c.req.json()));
});`,
    expected: 0,
  },
  {
    name: 'Next.js App Router with Upstash ratelimit: 429 without Retry-After',
    ts: true,
    code: `
import { NextResponse } from 'next/server';
export async function POST(request: Request) {
  const ip = request.headers.get('x-forwarded-for') ?? '127.0.0.1';
  const { success } = await ratelimit.limit(ip);
  if (!success) {
    return NextResponse.json({ error: 'Too many requests' }, { status: 429 });
  }
  return NextResponse.json(await handle(await request.json()));
}`,
    expected: 1,
  },
  {
    name: 'Next.js App Router: 429 with rate-limit headers object',
    ts: true,
    code: `
import { NextResponse } from 'next/server';
export async function POST(request: Request) {
  const { success, limit, remaining, reset } = await ratelimit.limit('api');
  if (!success) {
    return new NextResponse('Too many requests', {
      status: 429,
      headers: {
        'X-RateLimit-Limit': limit.toString(),
        'X-RateLimit-Remaining': remaining.toString(),
        'Retry-After': Math.ceil((reset - Date.now()) / 1000).toString(),
      },
    });
  }
  return NextResponse.json({ ok: true });
}`,
    expected: 0,
  },
  {
    name: 'Netlify / Lambda function: POST only',
    code: `
exports.handler = async (event) => {
  if (event.httpMethod !== 'POST') {
    return { statusCode: 405, body: JSON.stringify({ error: 'Method Not Allowed' }) };
  }
  const data = JSON.parse(event.body);
  return { statusCode: 200, body: JSON.stringify(await save(data)) };
};`,
    expected: 1,
  },
  {
    name: 'Netlify function: headers spread from a shared CORS object',
    code: `
const headers = { 'Access-Control-Allow-Origin': '*' };
exports.handler = async (event) => {
  if (event.httpMethod !== 'POST') {
    return { statusCode: 405, headers, body: JSON.stringify({ error: 'Method Not Allowed' }) };
  }
  return { statusCode: 200, headers, body: '{}' };
};`,
    expected: 1,
  },
  {
    name: 'Koa: a 405 from a method check',
    code: `
import Koa from 'koa';
const app = new Koa();
app.use(async (ctx, next) => {
  if (ctx.path === '/upload' && ctx.method !== 'POST') {
    ctx.status = 405;
    ctx.body = { error: 'Use POST' };
    return;
  }
  await next();
});`,
    expected: 1,
  },
  {
    name: 'Fastify: a 503 while draining is not checked by default',
    code: `
import Fastify from 'fastify';
const app = Fastify();
app.get('/health', async (req, reply) => {
  if (shuttingDown) return reply.code(503).send({ status: 'draining' });
  return { status: 'ok' };
});`,
    expected: 0,
  },
  {
    name: 'Fastify: a 503 while draining (strict)',
    strict: true,
    code: `
import Fastify from 'fastify';
const app = Fastify();
app.get('/health', async (req, reply) => {
  if (shuttingDown) return reply.code(503).send({ status: 'draining' });
  return { status: 'ok' };
});`,
    expected: 1,
  },
  {
    name: 'Express auth middleware: 401 without a challenge (strict)',
    strict: true,
    code: `
import express from 'express';
const app = express();
app.use('/api', (req, res, next) => {
  const token = req.headers.authorization?.split(' ')[1];
  if (!token) return res.status(401).json({ message: 'No token provided' });
  try { req.user = jwt.verify(token, secret); next(); }
  catch { return res.status(401).json({ message: 'Invalid token' }); }
});`,
    expected: 2,
  },
  {
    name: 'Basic auth middleware with a challenge (strict)',
    strict: true,
    code: `
import express from 'express';
const app = express();
app.use((req, res, next) => {
  if (req.headers.authorization !== expected) {
    res.set('WWW-Authenticate', 'Basic realm="admin"');
    return res.status(401).send('Authentication required.');
  }
  next();
});`,
    expected: 0,
  },
  {
    name: 'Express create endpoint: 201 without Location (strict)',
    strict: true,
    code: `
import express from 'express';
const app = express();
app.post('/api/users', async (req, res) => {
  const user = await User.create(req.body);
  res.status(201).json(user);
});`,
    expected: 1,
  },
  {
    name: 'Express create endpoint with res.location (strict)',
    strict: true,
    code: `
import express from 'express';
const app = express();
app.post('/api/users', async (req, res) => {
  const user = await User.create(req.body);
  res.location(\`/api/users/\${user.id}\`).status(201).json(user);
});`,
    expected: 0,
  },
  {
    name: 'a helper given the response may set the header',
    code: `
import express from 'express';
const app = express();
app.all('/webhook', (req, res) => {
  if (req.method !== 'POST') {
    allowMethods(res, ['POST']);
    return res.status(405).end();
  }
  res.sendStatus(200);
});`,
    expected: 0,
  },
  {
    name: 'a redirect is not a 201 and sets Location itself',
    strict: true,
    code: `
import express from 'express';
const app = express();
app.post('/login', (req, res) => res.redirect(303, '/dashboard'));`,
    expected: 0,
  },
  {
    name: 'a status built at run time is not judged',
    code: `
import express from 'express';
const app = express();
app.use((err, req, res, next) => {
  res.status(err.status ?? 500).json({ error: err.message });
});`,
    expected: 0,
  },
  {
    name: 'Node http: a 405 with writeHead headers',
    code: `
import http from 'node:http';
http.createServer((req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain' });
    return res.end('Method Not Allowed');
  }
  res.end('ok');
}).listen(3000);`,
    expected: 0,
  },
  {
    name: 'Node http: statusCode then end, no Allow',
    code: `
import http from 'node:http';
http.createServer((req, res) => {
  if (req.method !== 'GET') {
    res.statusCode = 405;
    res.end('Method Not Allowed');
    return;
  }
  res.end('ok');
}).listen(3000);`,
    expected: 1,
  },
  {
    name: 'Next.js Pages: a 405 sent with res.status(405) then a bare end()',
    code: `
export default function handler(req, res) {
  if (req.method !== 'DELETE') {
    res.status(405);
    res.end();
    return;
  }
  res.status(204).end();
}`,
    expected: 1,
    known:
      'a status set in one statement and a bodiless end() in the next is not a send the analysis lists',
  },
];

function lint(item: Case): number {
  const linter = new Linter({ configType: 'flat' });
  const options = item.strict ? { headers: { ...DEFAULT_HEADERS, ...STRICT_HEADERS } } : {};
  const messages = linter.verify(
    item.code,
    {
      files: ['**/*.ts', '**/*.js'],
      plugins: { 'http-status': plugin as never },
      rules: { 'http-status/require-status-headers': ['error', options] },
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
  return messages.filter((message) => message.ruleId === 'http-status/require-status-headers')
    .length;
}

describe('require-status-headers on a realistic corpus', () => {
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
