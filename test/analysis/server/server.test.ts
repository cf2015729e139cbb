import { describe, expect, it } from 'vitest';

import type { ServerSend } from '../../../src/analysis/server';
import type { BodyPresence } from '../../../src/analysis/server/sent-body';
import { bodyPresence } from '../../../src/analysis/server/sent-body';
import { getServerAnalysis } from '../../../src/analysis/server';
import { errorBodyOf } from '../../../src/analysis/server/send-errors';
import { analyze } from '../helpers';

interface Seen {
  framework: string;
  body: string;
  status: string;
  fixable: boolean;
}

function sendsOf(code: string, typescript = false): Seen[] {
  let seen: Seen[] = [];
  analyze(
    code,
    ({ model, text }) => {
      const describeStatus = (send: ServerSend): string =>
        send.status.kind === 'unknown'
          ? 'unknown'
          : send.status.kind === 'default'
            ? `default ${send.status.value}`
            : `${send.status.value}`;
      seen = getServerAnalysis(model).sends.map((send) => ({
        framework: send.framework.id,
        body: text(send.body),
        status: describeStatus(send),
        fixable: send.setStatus !== undefined,
      }));
    },
    { typescript },
  );
  return seen;
}

describe('server sends', () => {
  it('finds Express sends through apps, routers, chains and legacy forms', () => {
    const sends = sendsOf(`
      import express from 'express';
      const app = express();
      const router = express.Router();
      app.get('/a', (req, res) => res.json({ a: 1 }));
      router.post('/b', (req, res) => res.status(201).send({ b: 1 }));
      app.route('/c').get((req, res) => { res.statusCode = 202; res.json({ c: 1 }); });
      app.get('/d', (req, res) => res.json(404, { d: 1 }));
      app.get('/e', (req, res) => res.status(code).json({ e: 1 }));
    `);
    expect(sends).toEqual([
      { framework: 'express', body: '{ a: 1 }', status: 'default 200', fixable: true },
      { framework: 'express', body: '{ b: 1 }', status: '201', fixable: true },
      { framework: 'express', body: '{ c: 1 }', status: '202', fixable: true },
      { framework: 'express', body: '{ d: 1 }', status: '404', fixable: true },
      { framework: 'express', body: '{ e: 1 }', status: 'unknown', fixable: false },
    ]);
  });

  it('knows which status setters reach a send', () => {
    const sends = sendsOf(`
      import express from 'express';
      const app = express();
      app.get('/a', (req, res) => {
        if (x) { res.status(401); return res.json({ one: 1 }); }
        if (y) res.status(400);
        res.json({ two: 2 });
      });
      app.get('/b', (req, res) => {
        if (y) res.status(400);
        res.status(409);
        res.json({ three: 3 });
      });
      app.get('/c', (req, res) => {
        res.status(400);
        res.status(200);
        helper(res);
        res.json({ four: 4 });
      });
      app.get('/d', (req, res) => {
        if (x) { res.status(401); fail('denied'); }
        res.json({ five: 5 });
      });
      function fail(message) { throw new Error(message); }
    `);
    expect(sends.map((s) => [s.body, s.status])).toEqual([
      ['{ one: 1 }', '401'],
      ['{ two: 2 }', 'unknown'],
      ['{ three: 3 }', '409'],
      ['{ four: 4 }', 'unknown'],
      // A call that never returns ends the branch like \`return\` (the path engine's exits).
      ['{ five: 5 }', 'default 200'],
    ]);
  });

  it('reads Koa statuses set before or after the body', () => {
    const sends = sendsOf(`
      import Koa from 'koa';
      const app = new Koa();
      app.use(async (ctx) => { ctx.body = { a: 1 }; ctx.status = 201; });
      app.use(async (ctx) => { ctx.status = 202; ctx.response.body = { b: 1 }; });
      app.use(async (ctx) => { ctx.body = { c: 1 }; });
      app.use(async (ctx) => { ctx.body = { d: 1 }; if (x) ctx.status = 400; });
    `);
    expect(sends.map((s) => [s.framework, s.body, s.status])).toEqual([
      ['koa', '{ a: 1 }', '201'],
      ['koa', '{ b: 1 }', '202'],
      ['koa', '{ c: 1 }', 'default 200'],
      ['koa', '{ d: 1 }', 'unknown'],
    ]);
  });

  it('reads Hono, Fastify, Elysia and h3 handlers', () => {
    const sends = sendsOf(`
      import { Hono } from 'hono';
      import Fastify from 'fastify';
      import { Elysia } from 'elysia';
      import { defineEventHandler, setResponseStatus } from 'h3';
      new Hono().get('/a', (c) => c.json({ a: 1 }, { status: 202 })).get('/b', (c) => { c.status(203); return c.json({ b: 1 }); });
      const fastify = Fastify();
      fastify.get('/c', async (request, reply) => { reply.code(204); return { c: 1 }; });
      fastify.register(async (instance) => { instance.get('/d', async () => ({ d: 1 })); });
      new Elysia().get('/e', ({ set }) => { set.status = 205; return { e: 1 }; });
      export default defineEventHandler((event) => { setResponseStatus(event, 206); return { f: 1 }; });
    `);
    expect(sends.map((s) => [s.framework, s.body, s.status])).toEqual([
      ['hono', '{ a: 1 }', '202'],
      ['hono', '{ b: 1 }', '203'],
      ['fastify', '{ c: 1 }', '204'],
      ['fastify', '{ d: 1 }', 'default 200'],
      ['elysia', '{ e: 1 }', '205'],
      ['h3', '{ f: 1 }', '206'],
    ]);
  });

  it('reads response factories by import source, and result objects', () => {
    const sends = sendsOf(`
      import { NextResponse } from 'next/server';
      import { json } from '@sveltejs/kit';
      import { json as remixJson } from '@remix-run/node';
      import { data } from 'react-router';
      export function a() { return NextResponse.json({ a: 1 }, { status: 201 }); }
      export function b() { return json({ b: 1 }); }
      export function c() { return remixJson({ c: 1 }, 404); }
      export function d() { return data({ d: 1 }, { status: 200, ...init }); }
      export function e() { return new Response(JSON.stringify({ e: 1 })); }
      export function f() { return Response.json({ f: 1 }, init); }
      export function g() { return { statusCode: 200, body: JSON.stringify({ g: 1 }) }; }
      export function h() { return { jsonBody: { h: 1 } }; }
    `);
    expect(sends.map((s) => [s.framework, s.body, s.status, s.fixable])).toEqual([
      ['next', '{ a: 1 }', '201', true],
      ['sveltekit', '{ b: 1 }', 'default 200', true],
      ['remix', '{ c: 1 }', '404', true],
      ['react-router', '{ d: 1 }', 'unknown', false],
      ['web', 'JSON.stringify({ e: 1 })', 'default 200', true],
      ['web', '{ f: 1 }', 'unknown', false],
      ['aws-lambda', 'JSON.stringify({ g: 1 })', '200', true],
      ['azure-functions', '{ h: 1 }', 'default 200', true],
    ]);
  });

  it('knows handlers from exports, types and requires, not from names', () => {
    const sends = sendsOf(
      `
      import type { Request, Response } from 'express';
      import type { NextApiResponse } from 'next';
      const http = require('node:http');
      export const list = (req: Request, res: Response) => res.json({ a: 1 });
      export default function handler(req: unknown, res: NextApiResponse) { res.send({ b: 1 }); }
      http.createServer((req, res) => { res.writeHead(201); res.end(JSON.stringify({ c: 1 })); });
      // helpers: the caller sets the status
      export function fail(res: Response, message: string) { res.json({ error: message }); }
      export const handleError = (err: Error, res: Response) => res.json({ error: err.message });
      function json(x: unknown) { return x; }
      export const d = () => json({ d: 1 });
    `,
      true,
    );
    expect(sends.map((s) => [s.framework, s.body, s.status])).toEqual([
      ['express', '{ a: 1 }', 'default 200'],
      ['next', '{ b: 1 }', 'default 200'],
      ['node-http', 'JSON.stringify({ c: 1 })', '201'],
    ]);
  });

  it("knows each send's encoding, what its framework does with a body on 204, and its bodiless form", () => {
    const seen: Array<
      [
        string,
        string,
        string,
        string | undefined,
        string | undefined,
        boolean | undefined,
        BodyPresence,
      ]
    > = [];
    analyze(
      `
      import express from 'express';
      import { Hono } from 'hono';
      import { Elysia } from 'elysia';
      import { json } from '@sveltejs/kit';
      import { NextResponse } from 'next/server';
      const app = express();
      app.get('/a', (req, res) => { res.status(204).json(null); res.status(204).send(null); res.end(body, cb); });
      new Hono().get('/b', (c) => c.text('', 204)).get('/c', (c) => c.json(x, { status: 204 }));
      new Elysia().get('/d', ({ status }) => status(204, 'gone')).get('/e', (ctx) => ctx.status(204, ok));
      export const f = () => new Response(text, { status: 204 });
      export const g = () => json({ g: 1 }, { status: 204 });
      export const h = () => NextResponse.json({ h: 1 }, { status: 204 });
      export const i = () => new Response(err.message);
    `,
      ({ model, text }) => {
        for (const send of getServerAnalysis(model).sends) {
          const removal = send.removeBody?.replacements
            .map((r) => `${model.file.sourceCode.text.slice(r.range[0], r.range[1])} → ${r.text}`)
            .join(', ');
          seen.push([
            send.framework.id,
            text(send.body),
            send.encoding,
            send.bodyOnNullStatus,
            removal,
            send.removeBody?.changesType,
            bodyPresence(model.file, send),
          ]);
        }
        // `new Response(text)` is a send, but no error body
        const last = getServerAnalysis(model).sends.at(-1)!;
        expect(text(last.body)).toBe('err.message');
        expect(errorBodyOf(model.file, last)).toBeUndefined();
      },
    );
    expect(seen).toEqual([
      ['express', 'null', 'json', 'dropped', 'json(null) → end()', false, 'yes'],
      ['express', 'null', 'raw', 'dropped', 'send(null) → end()', false, 'no'],
      ['express', 'body', 'raw', 'dropped', undefined, undefined, 'unknown'],
      ['hono', "''", 'raw', 'throws', "text('' → body(null", false, 'yes'],
      ['hono', 'x', 'json', 'throws', 'json(x → body(null', false, 'yes'],
      ['elysia', "'gone'", 'raw', 'throws', ", 'gone' → ", false, 'yes'],
      ['elysia', 'ok', 'raw', 'throws', ', ok → ', false, 'unknown'],
      ['web', 'text', 'raw', 'throws', 'text → null', false, 'unknown'],
      ['sveltekit', '{ g: 1 }', 'json', 'throws', undefined, undefined, 'yes'],
      [
        'next',
        '{ h: 1 }',
        'json',
        'throws',
        'NextResponse.json({ h: 1 }, { status: 204 }) → new NextResponse(null, { status: 204 })',
        false,
        'yes',
      ],
      ['web', 'err.message', 'raw', 'throws', 'err.message → null', false, 'unknown'],
    ]);
  });

  it('never fails on odd code', () => {
    expect(() =>
      sendsOf(`
        app.get();
        router.get('/x');
        router.get('/x', null, ...handlers);
        export default (req, res) => res;
        module.exports = async function ({ body }, res) { res[status](200).json(); };
        new Response();
        Response.json(...args);
        const o = { statusCode: 200, body: JSON.stringify() };
      `),
    ).not.toThrow();
  });
});

function statusArgumentsOf(code: string): string[] {
  let seen: string[] = [];
  analyze(code, ({ model, text }) => {
    seen = getServerAnalysis(model).statusArguments.map(
      (argument) =>
        `${argument.framework.id} ${text(argument.node)} ${argument.place} ${argument.accepts.api} ${argument.accepts.values?.join('/') ?? argument.accepts.range?.join('-')} ${argument.accepts.strings}`,
    );
  });
  return seen;
}

describe('status arguments', () => {
  it('lists every status handed to a handler response, with what the framework accepts', () => {
    expect(
      statusArgumentsOf(`
        import express from 'express';
        const app = express();
        app.get('/a', (req, res) => {
          res.status(404).json({});
          res.sendStatus(code);
          res.statusCode = '201';
          res.set('x', 'y').status(500).end();
        });
      `),
    ).toEqual([
      'express 404 status Express 100-999 throw',
      'express code status Express 100-999 throw',
      "express '201' status Express 100-999 throw",
      'express 500 status Express 100-999 throw',
    ]);
    expect(
      statusArgumentsOf(`
        import { Hono } from 'hono';
        import { Elysia } from 'elysia';
        const app = new Hono();
        app.get('/', (c) => { c.status(201); return c.json({}, { status: 202 }) || c.json({}, 203); });
        new Elysia().get('/', ({ set, status }) => { set.status = 204; return status(205, 'x'); });
      `),
    ).toEqual([
      'hono 201 status HTTP 100-599 convert',
      'hono 202 status HTTP 100-599 convert',
      'hono 203 status HTTP 100-599 convert',
      'elysia 204 status HTTP 100-599 convert',
      'elysia 205 status HTTP 100-599 convert',
    ]);
  });

  it('lists the statuses of response factories, status calls and result objects, whatever the body', () => {
    expect(
      statusArgumentsOf(`
        import { error, redirect } from '@sveltejs/kit';
        import { NextResponse } from 'next/server';
        import { createError } from 'h3';
        new Response('text body', { status: 201 });
        new Response(null, 404);
        Response.json({}, { ...init, status: 202 });
        Response.json({}, { status: 203, ...init });
        Response.redirect(url, 301);
        NextResponse.redirect(url, { status: 302 });
        error(404, 'x');
        redirect(303, '/');
        createError({ statusCode: 500 });
        createError('message only');
        export const handler = async () => ({ statusCode: 418, body: JSON.stringify({}) });
      `),
    ).toEqual([
      'web 201 status the Response constructor 200-599 convert',
      'web 404 init the Response constructor 200-599 convert',
      'web 202 status Response.json() 200-599 convert',
      'web 301 status Response.redirect() 301/302/303/307/308 convert',
      'next 302 status NextResponse.redirect() 301/302/303/307/308 convert',
      "sveltekit 404 status SvelteKit's error() 400-599 convert",
      "sveltekit 303 status SvelteKit's redirect() 300-308 convert",
      "h3 500 status h3's createError() 100-999 convert",
      'aws-lambda 418 status HTTP 100-599 convert',
    ]);
  });

  it('finds none without an import or handler, and never fails on odd code', () => {
    expect(
      statusArgumentsOf(
        `function error(s) {} error(302); const r = { status: 4040 }; res.status(4040);`,
      ),
    ).toEqual([]);
    expect(() =>
      statusArgumentsOf(
        `Response.redirect(); Response.redirect(...a); new Response(b, ...i); import { error } from '@sveltejs/kit'; error(...a);`,
      ),
    ).not.toThrow();
  });
});
