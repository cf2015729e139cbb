/**
 * A labelled corpus of code that reads or writes `Retry-After`, written after the shapes of public
 * threads (elizaOS/eliza#22162, vercel/fetch-retry#31, softonic/axios-retry#63 and #72,
 * nodejs/undici#4084, mastra-ai/mastra#23778, ktorio/ktor#2762, fastify/fastify-rate-limit#301,
 * animir/node-rate-limiter-flexible#104) and the guides this project started from, with
 * look-alikes that are no bug: guarded parses, full parsers, `retry-after-ms`, axios headers read
 * by index, whole seconds and IMF-fixdates written. Each case says how many places a reviewer
 * would flag. The test measures the rule's precision and recall over the whole corpus.
 */
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { describeScore, itReportsAsExpected, scoreCorpus } from './corpus-score';

import plugin from '../../src';

interface Case {
  readonly name: string;
  readonly code: string;
  /** Places a reviewer flags: a wait that misreads the header, a value a server writes wrongly. */
  readonly expected: number;
  readonly ts?: boolean;
  /** Why the rule misses or over-reports it, if it knowingly does. */
  readonly known?: string;
}

const corpus: Case[] = [
  {
    name: 'the guides: `|| 60` then `* 1000` (NaN for an HTTP-date)',
    code: `
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export async function fetchWithRetry(url, options = {}, maxRetries = 3) {
  for (let attempt = 0; attempt <= maxRetries; attempt++) {
    const res = await fetch(url, options);
    if (res.status === 429) {
      const retryAfter = res.headers.get('Retry-After') || 60;
      await sleep(retryAfter * 1000);
      continue;
    }
    return res;
  }
  throw new Error('Too many retries');
}`,
    expected: 1,
  },
  {
    name: 'elizaOS/eliza#22162: parseInt of an HTTP-date into setTimeout',
    ts: true,
    code: `
export async function send(url: string, body: unknown): Promise<Response> {
  const res = await fetch(url, { method: 'POST', body: JSON.stringify(body) });
  if (res.status === 429) {
    const retryAfter = parseInt(res.headers.get('retry-after') ?? '1', 10);
    await new Promise<void>((resolve) => setTimeout(resolve, retryAfter * 1000));
    return send(url, body);
  }
  return res;
}`,
    expected: 1,
  },
  {
    name: 'vercel/fetch-retry#31: retryDelay with parseInt, "doesn\'t support http-date"',
    code: `
import fetchBuilder from 'fetch-retry';
export const fetchWithRetry = fetchBuilder(fetch, {
  retries: 3,
  retryOn: [429, 503],
  retryDelay(attempt, error, response) {
    // NOTE: doesn't support http-date format
    const retryAfter = response && response.headers.get('retry-after');
    if (retryAfter) return parseInt(retryAfter, 10) * 1000;
    return 2 ** attempt * 1000;
  },
});`,
    expected: 1,
  },
  {
    name: "softonic/axios-retry#63: the maintainer's `headers['retry-after'] * 1000`",
    code: `
import axios from 'axios';
import axiosRetry from 'axios-retry';
axiosRetry(axios, {
  retries: 3,
  retryDelay: (retryCount, error) => error.response.headers['retry-after'] * 1000,
});`,
    expected: 1,
  },
  {
    name: 'ktorio/ktor#2762: the header used as milliseconds',
    code: `
export function schedule(url, retry) {
  return fetch(url).then((res) => {
    if (res.status === 503) {
      const retryAfter = res.headers.get('retry-after');
      setTimeout(retry, retryAfter);
      return null;
    }
    return res.json();
  });
}`,
    expected: 1,
  },
  {
    name: 'seconds as milliseconds after Number(), with a fallback',
    ts: true,
    code: `
import { setTimeout as sleep } from 'node:timers/promises';
export async function poll(url: string): Promise<Response> {
  for (;;) {
    const res = await fetch(url);
    if (res.status !== 429 && res.status !== 503) return res;
    await sleep(Number(res.headers.get('Retry-After')) || 5000);
  }
}`,
    expected: 1,
  },
  {
    name: 'mastra-ai/mastra#23778: a date-only parse',
    ts: true,
    code: `
export async function call(url: string): Promise<Response> {
  const res = await fetch(url);
  if (res.status === 429) {
    const resumeAt = new Date(res.headers.get('retry-after') ?? Date.now()).getTime();
    await new Promise((r) => setTimeout(r, Math.min(resumeAt - Date.now(), 30_000)));
    return call(url);
  }
  return res;
}`,
    expected: 1,
  },
  {
    name: 'a fetch Headers read by index (always undefined)',
    ts: true,
    code: `
export async function getRetryDelay(url: string) {
  const res = await fetch(url);
  if (res.status === 429) {
    return Number((res.headers as any)['retry-after'] ?? 1) * 1000;
  }
  return 0;
}`,
    expected: 1,
  },
  {
    name: "ky: an error response's headers by index (a Headers too): not known, not reported",
    code: `
import ky from 'ky';
export async function get(url) {
  try { return await ky(url, { retry: 0 }).json(); }
  catch (error) {
    const seconds = Number(error.response?.headers['retry-after']);
    if (Number.isFinite(seconds)) await new Promise((r) => setTimeout(r, seconds * 1000));
    throw error;
  }
}`,
    expected: 1,
    known: "only responses held by a variable are known fetch-family; an error's response is not",
  },
  {
    name: 'fastify/fastify-rate-limit#301: milliseconds sent',
    code: `
export default async function rateLimit(fastify) {
  fastify.addHook('onRequest', async (request, reply) => {
    const { ttl, limited } = await store.incr(request.ip);
    if (limited) {
      reply.header('Retry-After', ttl - Date.now());
      return reply.code(429).send({ error: 'Too Many Requests' });
    }
  });
}`,
    expected: 1,
  },
  {
    name: 'rate-limiter-flexible README (#104): msBeforeNext, and msBeforeNext / 1000',
    code: `
const express = require('express');
const app = express();
app.use((req, res, next) => {
  limiter.consume(req.ip).then(() => next()).catch((rejRes) => {
    res.set('Retry-After', String(rejRes.msBeforeNext / 1000));
    res.status(429).send('Too Many Requests');
  });
});
app.use('/api', (req, res, next) => {
  apiLimiter.consume(req.ip).then(() => next()).catch((rejRes) => {
    res.set({ 'Retry-After': rejRes.msBeforeNext });
    res.status(429).send('Too Many Requests');
  });
});`,
    expected: 2,
  },
  {
    name: 'an ISO date and a Date object in a maintenance response',
    ts: true,
    code: `
import { Hono } from 'hono';
const app = new Hono();
const maintenanceEnds = new Date('2026-12-24T08:00:00Z');
app.use('*', async (c, next) => {
  if (process.env.MAINTENANCE) {
    c.header('Retry-After', maintenanceEnds.toISOString());
    return c.text('Down for maintenance', 503);
  }
  await next();
});
export function GET(): Response {
  return new Response(null, { status: 503, headers: { 'Retry-After': String(maintenanceEnds) } });
}`,
    expected: 2,
  },
  {
    name: 'a fraction from a Date difference (node http)',
    code: `
import http from 'node:http';
http.createServer((req, res) => {
  const wait = (windowEnd.getTime() - Date.now()) / 1000;
  res.writeHead(429, { 'Content-Type': 'text/plain', 'Retry-After': wait });
  res.end('slow down');
}).listen(3000);`,
    expected: 1,
  },
  // Look-alikes that are right.
  {
    name: 'a full parser of both forms',
    ts: true,
    code: `
function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
export async function get(url: string): Promise<Response> {
  const res = await fetch(url);
  if (res.status === 429) {
    await new Promise((r) => setTimeout(r, parseRetryAfter(res.headers.get('retry-after')) ?? 1000));
    return get(url);
  }
  return res;
}`,
    expected: 0,
  },
  {
    name: 'openai-style: retry-after-ms first, then seconds with a finite check',
    ts: true,
    code: `
export async function retryDelay(response: Response): Promise<void> {
  const ms = parseFloat(response.headers.get('retry-after-ms') ?? '');
  let timeout = Number.isNaN(ms) ? undefined : ms;
  const seconds = parseFloat(response.headers.get('retry-after') ?? '');
  if (timeout === undefined && !Number.isNaN(seconds)) timeout = seconds * 1000;
  await new Promise((r) => setTimeout(r, timeout ?? 500));
}`,
    expected: 0,
  },
  {
    name: 'the require-retry-after autofix shape: `Number(h) * 1000 || D`',
    code: `
export async function get(url) {
  for (let i = 0; i < 3; i++) {
    const res = await fetch(url);
    if (res.status !== 429) return res;
    await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after')) * 1000 || 1000));
  }
}`,
    expected: 0,
  },
  {
    name: 'axios headers read by index, with a NaN check',
    ts: true,
    code: `
import axios, { AxiosError } from 'axios';
export async function get<T>(url: string, retries = 3): Promise<T> {
  try {
    return (await axios.get<T>(url)).data;
  } catch (err) {
    const error = err as AxiosError;
    const seconds = Number(error.response?.headers['retry-after']);
    if (error.response?.status === 429 && retries > 0 && !Number.isNaN(seconds)) {
      await new Promise((r) => setTimeout(r, seconds * 1000));
      return get<T>(url, retries - 1);
    }
    throw err;
  }
}`,
    expected: 0,
  },
  {
    name: 'the header only logged or shown',
    code: `
export async function submit(form) {
  const res = await fetch('/api/submit', { method: 'POST', body: new FormData(form) });
  if (res.status === 429) {
    showToast(\`Too many requests, try again in \${res.headers.get('Retry-After')} seconds\`);
    return;
  }
  return res.json();
}`,
    expected: 0,
  },
  {
    name: 'servers writing whole seconds and IMF-fixdates',
    code: `
import express from 'express';
const app = express();
app.use((req, res, next) => {
  limiter.consume(req.ip).then(() => next()).catch((rej) => {
    res.set('Retry-After', String(Math.ceil(rej.msBeforeNext / 1000)) || '1');
    res.status(429).send('Too Many Requests');
  });
});
app.get('/down', (req, res) => {
  res.set('Retry-After', new Date(Date.now() + 3_600_000).toUTCString());
  res.setHeader('Retry-After', 120);
  res.set('Retry-After', Math.round((resetAt - Date.now()) / 1000));
  res.status(503).end();
});`,
    expected: 0,
  },
  {
    name: 'a test mock of a server sending seconds',
    ts: true,
    code: `
import { http, HttpResponse } from 'msw';
export const handlers = [
  http.get('/api/items', () =>
    new HttpResponse(null, { status: 429, headers: { 'Retry-After': '2' } }),
  ),
];`,
    expected: 0,
  },
  {
    name: 'an imported sleep taking seconds, guarded',
    code: `
import { sleepSeconds } from './time.js';
export async function get(url) {
  const res = await fetch(url);
  if (res.status === 429) {
    await sleepSeconds(Number(res.headers.get('retry-after')) || 1);
    return get(url);
  }
  return res;
}`,
    expected: 0,
  },
];

const RULE = 'http-status/valid-retry-after';

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

describe('valid-retry-after on a realistic corpus', () => {
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
