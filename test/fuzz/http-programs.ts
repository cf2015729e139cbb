/**
 * A small random generator of HTTP-shaped programs for the fuzz test: requests with fetch,
 * node-fetch, undici, ky, got, axios, ofetch, wretch and superagent (GET, DELETE, HEAD, …),
 * body parses, status checks, `.then` chains, retry loops and retry libraries, server handlers
 * (Express, Fastify, Koa, Hono, Next, h3, node:http), written with the syntax that trips up AST
 * code: optional chaining, computed members, `satisfies`, `as`, non-null assertions,
 * destructuring, sequence expressions, JSX. Deterministic for a given random function.
 */

export type Dialect = 'js' | 'jsx' | 'ts' | 'tsx';

export type Random = () => number;

/** A small, fast, seedable PRNG (mulberry32). */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HEADER = `import ky from 'ky';
import got from 'got';
import axios from 'axios';
import axiosRetry, { isNetworkOrIdempotentRequestError } from 'axios-retry';
import * as rax from 'retry-axios';
import nodeFetch from 'node-fetch';
import fetchBuilder from 'fetch-retry';
import { request, fetch as undiciFetch, RetryAgent, Agent } from 'undici';
import { ofetch, $fetch } from 'ofetch';
import wretch from 'wretch';
import superagent from 'superagent';
import pRetry, { AbortError } from 'p-retry';
import retry from 'async-retry';
import { backOff } from 'exponential-backoff';
import { retry as octokitRetry } from '@octokit/plugin-retry';
import { Octokit } from '@octokit/core';
import express from 'express';
import Fastify from 'fastify';
import Koa from 'koa';
import { Hono } from 'hono';
import { NextResponse } from 'next/server';
import { defineEventHandler, setResponseStatus } from 'h3';
import http from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { StatusCodes } from 'http-status-codes';
const app = express();
const router = express.Router();
const fastify = Fastify();
const koa = new Koa();
const hono = new Hono();
const api = ky.create({ prefixUrl: '/api' });
const client = axios.create({ baseURL: '/api' });
const gotApi = got.extend({ prefixUrl: '/api' });
const NO_CONTENT = 204;
const BASE = 'https://example.com';
const METHODS = ['GET', 'DELETE'];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const db = { find: async (id) => ({ id }), remove: async (id) => id };
`;

const TS_HEADER = `interface User { id: string; name?: string }
enum Status { Ok = 200, NoContent = 204, TooMany = 429 }
declare const maybe: Response | undefined;
type Json = Record<string, unknown>;
`;

const JSX_HEADER = `import { useEffect, useState } from 'react';
`;

export class HttpProgramGenerator {
  private counter = 0;
  private readonly ts: boolean;
  private readonly jsx: boolean;

  constructor(
    private readonly random: Random,
    dialect: Dialect,
  ) {
    this.ts = dialect === 'ts' || dialect === 'tsx';
    this.jsx = dialect === 'jsx' || dialect === 'tsx';
  }

  // -- random helpers ------------------------------------------------------------------------

  private int(n: number): number {
    return Math.floor(this.random() * n);
  }

  private chance(p: number): boolean {
    return this.random() < p;
  }

  private pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** Picks one of the thunks (only those that apply) and runs it. */
  private oneOf(...options: Array<(() => string) | false>): string {
    const applicable = options.filter((o): o is () => string => o !== false);
    return this.pick(applicable)();
  }

  private name(base: string): string {
    return `${base}${this.counter++}`;
  }

  private type(annotation: string): string {
    return this.ts && this.chance(0.5) ? `: ${annotation}` : '';
  }

  // -- expressions ---------------------------------------------------------------------------

  private url(): string {
    return this.oneOf(
      () => `'/api/items'`,
      () => '`/api/users/${id}`',
      () => 'url',
      () => `BASE + '/things'`,
      () => `new URL('/x', BASE)`,
      () => `\`\${BASE}/v1/\${encodeURIComponent(id)}\``,
      () => `String.raw\`/raw\``,
      () => `url ?? '/fallback'`,
    );
  }

  private method(): string {
    return this.oneOf(
      () => `'${this.pick(['GET', 'DELETE', 'HEAD', 'POST', 'PUT', 'PATCH', 'OPTIONS'])}'`,
      () => `'${this.pick(['delete', 'get', 'head', 'Delete'])}'`,
      () => 'method',
      () => 'METHODS[1]',
      () => '`DELETE`',
      () => `(id ? 'DELETE' : 'GET')`,
    );
  }

  private statusNumber(): string {
    return this.oneOf(
      () =>
        String(
          this.pick([
            200, 201, 202, 204, 205, 301, 304, 400, 401, 403, 404, 408, 409, 413, 422, 425, 429,
            500, 502, 503, 504,
          ]),
        ),
      () => 'NO_CONTENT',
      () =>
        `StatusCodes.${this.pick(['OK', 'NO_CONTENT', 'NOT_FOUND', 'TOO_MANY_REQUESTS', 'BAD_REQUEST', 'INTERNAL_SERVER_ERROR'])}`,
      () => this.pick(['0x194', '4_04', '2.04e2', '-1', '0', '999', '1e3']),
      () => (this.ts ? `Status.${this.pick(['Ok', 'NoContent', 'TooMany'])}` : '204'),
      () => 'code',
      () => '(err?.status ?? 500)',
      () => `(ok ? 200 : 500)`,
    );
  }

  private statusList(): string {
    const items = Array.from({ length: 1 + this.int(5) }, () => this.statusNumber());
    if (this.chance(0.1)) items.push('...EXTRA');
    if (this.chance(0.05)) items.splice(1, 0, '');
    return `[${items.join(', ')}]`;
  }

  private retryConfig(): string {
    return this.oneOf(
      () => String(this.int(5)),
      () => `{ limit: ${this.int(5)}, statusCodes: ${this.statusList()} }`,
      () =>
        `{ limit: 2, methods: ['get', 'delete'], statusCodes: ${this.statusList()}, afterStatusCodes: ${this.chance(0.5) ? '[]' : this.statusList()} }`,
      () =>
        `{ shouldRetry: ({ error, retryCount }) => error.response?.status !== 404 && retryCount < 3 }`,
      () =>
        `{ limit: 3, calculateDelay: ({ attemptCount }) => attemptCount * 1000, statusCodes: ${this.statusList()} }`,
      () => '{ ...defaults, limit: 1 }',
      () => 'undefined',
    );
  }

  private options(): string {
    const parts: string[] = [];
    if (this.chance(0.7)) parts.push(`method: ${this.method()}`);
    if (this.chance(0.2)) parts.push(`retry: ${this.retryConfig()}`);
    if (this.chance(0.2)) parts.push(`headers: { 'content-type': 'application/json' }`);
    if (this.chance(0.2)) parts.push(`body: JSON.stringify({ id })`);
    if (this.chance(0.1)) parts.push('...init');
    if (this.chance(0.1)) parts.push(`['method']: 'DELETE'`);
    return `{ ${parts.join(', ')} }`;
  }

  /** An expression that sends a request and evaluates to a response (or a promise of one). */
  private request(): string {
    return this.oneOf(
      () => `fetch(${this.url()})`,
      () => `fetch(${this.url()}, ${this.options()})`,
      () => `fetch(new Request(${this.url()}, { method: ${this.method()} }))`,
      () => 'fetch()',
      () => 'fetch(...args)',
      () => `globalThis.fetch(${this.url()}, ${this.options()})`,
      () => `window?.fetch(${this.url()})`,
      () => `nodeFetch(${this.url()}, ${this.options()})`,
      () => `undiciFetch(${this.url()}, ${this.options()})`,
      () => `ky(${this.url()}, ${this.options()})`,
      () =>
        `ky.${this.pick(['get', 'delete', 'head', 'post'])}(${this.url()}${this.chance(0.4) ? `, { retry: ${this.retryConfig()} }` : ''})`,
      () => `api.${this.pick(['get', 'delete', 'head'])}(${this.url()})`,
      () => `ky['delete'](${this.url()})`,
      () => `got(${this.url()}, ${this.options()})`,
      () => `got.delete(${this.url()})`,
      () => `gotApi.head(${this.url()})`,
      () => `$fetch.raw(${this.url()}, ${this.options()})`,
      () => `ofetch.raw(${this.url()})`,
      () => `superagent.${this.pick(['get', 'del', 'head'])}(${this.url()})`,
      () => `wretch(${this.url()}).${this.pick(['get', 'delete', 'head'])}().res()`,
      () => `fetchWithRetry(${this.url()}, { retries: 3, retryOn: ${this.statusList()} })`,
    );
  }

  /** An expression that sends a request and gives its parsed body (no response in between). */
  private requestWithBody(): string {
    return this.oneOf(
      () => `ky.${this.pick(['get', 'delete', 'head'])}(${this.url()}).json()`,
      () =>
        `ky(${this.url()}, ${this.options()}).json${this.ts && this.chance(0.5) ? '<User>' : ''}()`,
      () => `got.delete(${this.url()}).json()`,
      () => `got(${this.url()}, { method: ${this.method()}, responseType: 'json' })`,
      () => `wretch(${this.url()}).${this.pick(['get', 'delete', 'head'])}().json()`,
      () => `$fetch(${this.url()}, ${this.options()})`,
      () => `axios.${this.pick(['get', 'delete', 'head'])}(${this.url()}).then((r) => r.data)`,
      () => `(await request(${this.url()}, { method: ${this.method()} })).body.json()`,
      () => `fetch(${this.url()}, ${this.options()}).then((r) => r.json())`,
    );
  }

  /** A response expression converted to its JSON body, in one of many shapes. */
  private parse(res: string): string {
    return this.oneOf(
      () => `${res}.json()`,
      () => `await ${res}.json()`,
      () => `${res}?.json()`,
      () => `${res}['json']()`,
      () => `${res}.json?.()`,
      () => `(0, ${res}).json()`,
      () => `${res}.clone().json()`,
      () => `JSON.parse(await ${res}.text())`,
      () => `${res}.text()`,
      () => `${res}.body?.json()`,
      () => `${res}.data`,
      () => `${res}.json`,
      this.ts && (() => `${res}!.json()`),
      this.ts && (() => `(${res} as Response).json()`),
      this.ts && (() => `(${res} satisfies Response).json()`),
      this.ts && !this.jsx && (() => `(<Response>${res}).json()`),
    );
  }

  private check(res: string): string {
    return this.oneOf(
      () => `${res}.status === ${this.statusNumber()}`,
      () => `${res}.status !== 204`,
      () => `${res}.ok`,
      () => `!${res}.ok`,
      () => `${res}.status >= 200 && ${res}.status < 300`,
      () => `[204, 205, 304].includes(${res}.status)`,
      () => `${res}.statusCode == 204`,
      () => `${res}?.status === NO_CONTENT`,
      () => `${res}.headers.get('content-length') === '0'`,
      () => `${res}.status > 399 || ${res}.status < 200`,
      () => `Math.floor(${res}.status / 100) !== 2`,
      () => `String(${res}.status).startsWith('2')`,
      () => `\`\${${res}.status}\` === '204'`,
      () => `${res}['status'] === 204`,
      () => `(${res}.status, ${res}.ok)`,
      () => `${res}.status in HANDLERS`,
      this.ts && (() => `${res}.status === Status.NoContent`),
      this.ts && (() => `${res}!.status === 204`),
    );
  }

  private body(): string {
    return this.oneOf(
      () => `{ error: 'Not found' }`,
      () => '{ error: err.message }',
      () => `{ ok: false, message: 'nope' }`,
      () => '{ data }',
      () => '{ errors: [{ code: 1 }] }',
      () => 'err',
      () => '{ success: false }',
      () => `{ status: 'error' }`,
      () => '{ ...rest, error }',
      () => 'null',
      () => `'Not found'`,
      () => '{ id }',
      () => 'user',
    );
  }

  private delay(attempt: string): string {
    return this.oneOf(
      () => 'await sleep(1000)',
      () => `await sleep(2 ** ${attempt} * 100)`,
      () => `await new Promise((r) => setTimeout(r, 1000 * ${attempt}))`,
      () => `await delay(${this.int(5000)})`,
      () => `await sleep(Number(res.headers.get('retry-after')) * 1000 || 1000)`,
      () => `await sleep(Number(res.headers['retry-after'] ?? 1) * 1000)`,
      () => `await sleep(parseRetryAfter(res.headers.get('Retry-After')))`,
    );
  }

  // -- statements ----------------------------------------------------------------------------

  private clientStatements(depth: number): string[] {
    const res = this.name('res');
    const lines: string[] = [];
    lines.push(
      this.oneOf(
        () => `const ${res}${this.type('Response')} = await ${this.request()};`,
        () => `let ${res} = await ${this.request()};`,
        () => `const ${res} = await ${this.request()}.catch(() => undefined);`,
        () =>
          `const { status, data: ${res}Data } = await axios.${this.pick(['delete', 'head', 'get'])}(${this.url()}); const ${res} = { status, json: () => ${res}Data };`,
        () =>
          `const { status, ok, json } = await fetch(${this.url()}, ${this.options()}); const ${res} = { status, ok, json };`,
        () => `const [${res}] = await Promise.all([${this.request()}, ${this.request()}]);`,
        () => `let ${res}; (${res} = await ${this.request()}, ${res}.status);`,
        () => `const ${res} = await (id ? ${this.request()} : ${this.request()});`,
        () =>
          `const ${res} = await client.request({ url: ${this.url()}, method: ${this.method()} });`,
        () => `const ${res} = await axios({ method: ${this.method()}, url: ${this.url()} });`,
        () => `const ${res} = await request(${this.url()}, { method: ${this.method()} });`,
      ),
    );
    const count = 1 + this.int(3);
    for (let i = 0; i < count; i++) lines.push(this.useResponse(res, depth));
    lines.push(
      this.oneOf(
        () => `return ${this.parse(res)};`,
        () => `return ${res};`,
        () => 'return;',
        () => `return ${res}.status === 204 ? null : ${this.parse(res)};`,
      ),
    );
    return lines;
  }

  private useResponse(res: string, depth: number): string {
    return this.oneOf(
      () => `if (${this.check(res)}) return ${this.chance(0.5) ? 'null' : this.parse(res)};`,
      () => `if (${this.check(res)}) { throw new Error(\`HTTP \${${res}.status}\`); }`,
      () =>
        `if (${this.check(res)}) { return undefined; } else { const body = ${this.parse(res)}; console.log(body); }`,
      () => `const parsed${this.counter++} = ${this.check(res)} ? null : await ${this.parse(res)};`,
      () =>
        `switch (${res}.status) { case ${this.statusNumber()}: return null; case 200: return ${this.parse(res)}; case ${this.statusNumber()}: { break; } default: throw new Error('x'); }`,
      () => `${this.check(res)} && console.log(await ${this.parse(res)});`,
      () => `console.log(${this.parse(res)});`,
      () => `void ${this.parse(res)}.then((d) => d, () => null);`,
      () =>
        `try { return ${this.parse(res)}; } catch (err) { if (err?.response?.status === 404) return null; throw err; } finally { done(); }`,
      () =>
        depth > 0
          ? `if (id) { ${this.clientStatements(depth - 1).join(' ')} }`
          : `void ${this.counter++};`,
      () => `const { status: s${this.counter}, headers: h${this.counter++} } = ${res};`,
      () =>
        `label${this.counter++}: { if (!${res}.ok) break label${this.counter - 1}; await ${this.parse(res)}; }`,
      () => `return ${res}.status === 204 ? undefined : ${this.parse(res)};`,
    );
  }

  private thenChain(): string {
    return this.oneOf(
      () => `${this.request()}.then((r) => r.json())`,
      () => `${this.request()}.then((r) => (${this.check('r')} ? null : r.json()))`,
      () =>
        `${this.request()}.then(function (r) { if (r.status === 204) return; return r.json(); })`,
      () => `${this.request()}.then(async ({ status, json }) => (status === 204 ? null : json()))`,
      () =>
        `${this.request()}.then((r) => r.ok ? r.json() : Promise.reject(r)).then((d) => d?.items ?? [])`,
      () =>
        `${this.request()}.then(async (r) => ${this.parse('r')}).catch(() => null).finally(() => {})`,
      () => `${this.request()}.then(null, (e) => e).then((r) => r?.json?.())`,
      () => `${this.requestWithBody()}`,
    );
  }

  private retryLoop(): string {
    const attempt = this.name('attempt');
    const res = 'res';
    const check = this.oneOf(
      () => `${res}.status === 429`,
      () => `${res}.status === 503 || ${res}.status === 429`,
      () => `${res}.status >= 500`,
      () => `!${res}.ok`,
      () => `${res}.status >= 400`,
      () => `${res}.status === 404`,
      () => `[408, 429, 500].includes(${res}.status)`,
      () => `${res}.status !== 200`,
    );
    const body = `const ${res} = await ${this.request()};
    if (${res}.ok) return ${this.parse(res)};
    if (${check}) { ${this.delay(attempt)}; continue; }
    throw new Error('failed ' + ${res}.status);`;
    return this.oneOf(
      () => `for (let ${attempt} = 0; ${attempt} < ${1 + this.int(5)}; ${attempt}++) { ${body} }`,
      () => `let ${attempt} = 0; while (${attempt}++ < 3) { ${body} }`,
      () => `let ${attempt} = 0; do { ${body} } while (++${attempt} < 3);`,
      () => `let ${attempt} = 0; for (;;) { ${attempt}++; ${body} }`,
      () => `for (const ${attempt} of [1, 2, 3]) { ${body} }`,
      () =>
        `let ${attempt} = 0; while (true) { const ${res} = await ${this.request()}; if (${check} && ${attempt}++ < 3) { ${this.delay(attempt)}; } else { return ${res}; } }`,
    );
  }

  private retryLibrary(): string {
    return this.oneOf(
      () =>
        `await pRetry(async () => { const res = await ${this.request()}; if (res.status === ${this.statusNumber()}) throw new AbortError(res.statusText); if (!res.ok) throw new Error(String(res.status)); return res.json(); }, { retries: 3${this.chance(0.5) ? ', shouldRetry: (error) => error.status >= 500' : ''} });`,
      () =>
        `await retry(async (bail, n) => { const res = await ${this.request()}; if (res.status >= 400 && res.status < 500) { bail(new Error('client ' + res.status)); return; } if (!res.ok) throw new Error('retry'); return res.json(); }, { retries: 3 });`,
      () =>
        `await retry(async () => { const res = await ${this.request()}; if (!res.ok) throw new Error(res.status); return res; });`,
      () =>
        `axiosRetry(${this.pick(['axios', 'client'])}, { retries: 3, retryCondition: (error) => ${this.oneOf(
          () => 'isNetworkOrIdempotentRequestError(error)',
          () => `error.response?.status === ${this.statusNumber()}`,
          () => 'error.response?.status >= 400',
          () => '!error.response || error.response.status >= 500',
        )}${this.chance(0.5) ? `, retryDelay: (count${this.chance(0.5) ? ', error' : ''}) => count * 1000` : ''} });`,
      () =>
        `rax.attach(client); client.defaults.raxConfig = { retry: 3, statusCodesToRetry: [[100, 199], [400, 499], [500, 599]] };`,
      () =>
        `await axios.get(${this.url()}, { raxConfig: { statusCodesToRetry: [[${this.statusNumber()}, 499]], checkRetryAfter: false } });`,
      () =>
        `const fetchWithRetry = fetchBuilder(fetch, { retries: 3, retryOn: ${this.chance(0.5) ? this.statusList() : '(attempt, error, response) => attempt < 3 && (error !== null || response.status >= 400)'}, retryDelay: (attempt) => 2 ** attempt * 1000 });`,
      () =>
        `new RetryAgent(new Agent(), { maxRetries: 3, statusCodes: ${this.statusList()}${this.chance(0.5) ? ', retryAfter: false' : ''} });`,
      () =>
        `new (Octokit.plugin(octokitRetry))({ retry: { doNotRetry: ${this.statusList()}, retries: 3 } });`,
      () =>
        `await backOff(() => fetch(${this.url()}), { retry: (e, n) => e.status !== ${this.statusNumber()} && n < 3 });`,
      () =>
        `await superagent.get(${this.url()}).retry(3, (err, res) => res?.status === ${this.statusNumber()});`,
      () => `ky.create({ retry: ${this.retryConfig()} });`,
      () => `got.extend({ retry: ${this.retryConfig()} });`,
      () =>
        `await $fetch(${this.url()}, { retry: 3, retryStatusCodes: ${this.statusList()}, retryDelay: 500 });`,
      () =>
        `await ofetch.create({ retry: 2, retryStatusCodes: ${this.statusList()} })(${this.url()});`,
    );
  }

  private serverStatement(send: (status: string | undefined, body: string) => string): string {
    return this.oneOf(
      () =>
        `if (!user) return ${send(this.chance(0.5) ? this.statusNumber() : undefined, this.body())};`,
      () =>
        `try { const data = await db.find(id); return ${send(undefined, '{ data }')}; } catch (err) { return ${send(this.chance(0.5) ? this.statusNumber() : undefined, this.body())}; }`,
      () => `if (error) { ${send(this.statusNumber(), this.body())}; return; }`,
      () => `return ${send(this.chance(0.5) ? this.statusNumber() : undefined, this.body())};`,
      () => `const code = ok ? 200 : 404; return ${send('code', this.body())};`,
    );
  }

  private serverHandler(): string {
    const path = `'/r${this.counter++}/:id'`;
    const prelude = `const { id } = req?.params ?? {}; const user = await db.find(id); const ok = Boolean(user); const error = !ok && 'missing';`;
    return this.oneOf(
      () => {
        const send = (s: string | undefined, b: string) =>
          this.oneOf(
            () => (s ? `res.status(${s}).json(${b})` : `res.json(${b})`),
            () => (s ? `res.status(${s}).send(${b})` : `res.send(${b})`),
            () => `res.sendStatus(${s ?? 200})`,
            () => `(res.statusCode = ${s ?? 200}, res.end(JSON.stringify(${b})))`,
            () => `res.set('x', 'y').status(${s ?? 200}).json(${b})`,
            () => `res.type('json').send(${b})`,
          );
        return `${this.pick(['app', 'router'])}.${this.pick(['get', 'post', 'delete', 'use'])}(${path}, async (req${this.type('express.Request')}, res${this.type('express.Response')}, next) => { ${prelude} ${this.serverStatement(send)} ${this.chance(0.3) ? 'next(err);' : ''} });`;
      },
      () => {
        const send = (s: string | undefined, b: string) =>
          this.oneOf(
            () => (s ? `reply.code(${s}).send(${b})` : `reply.send(${b})`),
            () => `reply.status(${s ?? 200}).send(${b})`,
            () => `(${b})`,
          );
        return `fastify.${this.pick(['get', 'post', 'delete'])}(${path}, async (request, reply) => { const req = request; ${prelude} ${this.serverStatement(send)} });`;
      },
      () => {
        const send = (s: string | undefined, b: string) =>
          `(${s ? `ctx.status = ${s}, ` : ''}ctx.body = ${b})`;
        return `koa.use(async (ctx, next) => { const req = ctx.request; ${prelude} ${this.serverStatement(send)} await next(); });`;
      },
      () => {
        const send = (s: string | undefined, b: string) =>
          this.oneOf(
            () => (s ? `c.json(${b}, ${s})` : `c.json(${b})`),
            () => `c.text(String(${b}), ${s ?? 200})`,
            () => `c.body(null, ${s ?? 204})`,
          );
        return `hono.${this.pick(['get', 'post', 'delete'])}(${path}, async (c) => { const req = c.req; ${prelude} ${this.serverStatement(send)} });`;
      },
      () => {
        const send = (s: string | undefined, b: string) =>
          this.oneOf(
            () => `NextResponse.json(${b}${s ? `, { status: ${s} }` : ''})`,
            () => `Response.json(${b}${s ? `, { status: ${s} }` : ''})`,
            () =>
              `new Response(JSON.stringify(${b}), { status: ${s ?? 200}, headers: { 'content-type': 'application/json' } })`,
          );
        return `export async function ${this.pick(['GET', 'POST', 'DELETE'])}${this.counter++}(req${this.type('Request')}) { ${prelude} ${this.serverStatement(send)} }`;
      },
      () => {
        const send = (s: string | undefined, b: string) =>
          `(${s ? `setResponseStatus(event, ${s}), ` : ''}${b})`;
        return `export const h${this.counter++} = defineEventHandler(async (event) => { const req = event; ${prelude} ${this.serverStatement(send)} });`;
      },
      () => {
        const send = (s: string | undefined, b: string) =>
          `(res.writeHead(${s ?? 200}, { 'content-type': 'application/json' }), res.end(JSON.stringify(${b})))`;
        return `http.createServer(async (req, res) => { ${prelude} ${this.serverStatement(send)} });`;
      },
    );
  }

  private component(): string {
    const name = this.name('View');
    return `export function ${name}({ id }${this.ts ? ': { id: string }' : ''}) {
  const [data, setData] = useState(null);
  useEffect(() => { void (async () => ${this.thenChain()})().then(setData); }, [id]);
  return <div onClick={async () => { const r = await ${this.request()}; setData(${this.parse('r')}); }}>{data?.name ?? <span>none</span>}</div>;
}`;
  }

  private clientFunction(): string {
    const name = this.name('load');
    const params = `id${this.type('string')}, url${this.type('string')}, method${this.type('string')}, init${this.type('RequestInit')}, ...args${this.ts ? ': any[]' : ''}`;
    const ret =
      this.ts && this.chance(0.3) ? ': Promise<Json | null | undefined | void | Response>' : '';
    const body = this.oneOf(
      () => this.clientStatements(2).join('\n  '),
      () => `return ${this.thenChain()};`,
      () => `${this.retryLoop()}`,
      () => this.retryLibrary(),
      () => `const data = await ${this.requestWithBody()}; return data;`,
      () => `return (await ${this.request()})${this.chance(0.5) ? '.json()' : '?.status'};`,
    );
    return this.oneOf(
      () => `export async function ${name}(${params})${ret} {\n  ${body}\n}`,
      () => `export const ${name} = async (${params})${ret} => {\n  ${body}\n};`,
      () =>
        `export class ${name} { ${this.ts ? 'private ' : ''}base = BASE; static async get(${params})${ret} {\n  ${body}\n} }`,
      () => `export const ${name} = { async get(${params})${ret} {\n  ${body}\n} };`,
      () =>
        `export const ${name} = async function inner(${params}) { const nested = async () => {\n  ${body}\n}; return nested(); };`,
    );
  }

  /** One program: imports, then a handful of client functions, retry setups and handlers. */
  program(): string {
    const parts = [HEADER];
    if (this.ts) parts.push(TS_HEADER);
    if (this.jsx) parts.push(JSX_HEADER);
    const count = 1 + this.int(5);
    for (let i = 0; i < count; i++) {
      parts.push(
        this.oneOf(
          () => this.clientFunction(),
          () => this.clientFunction(),
          () => this.serverHandler(),
          () => `export async function setup${this.counter++}() { ${this.retryLibrary()} }`,
          this.jsx && (() => this.component()),
        ),
      );
    }
    return parts.join('\n');
  }

  /** A fragment with no imports (free identifiers only), to splice into other programs. */
  fragment(): string {
    return this.oneOf(
      () => this.clientFunction().replace(/^export /, ''),
      () => this.serverHandler().replace(/^export /, ''),
    );
  }
}
