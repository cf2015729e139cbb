import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../../src';
import type { MessageIds, Options } from '../../src/rules/no-error-body-with-success-status';
import ruleModule from '../../src/rules/no-error-body-with-success-status';
import { createJavaScriptRuleTester, createRuleTester } from '../rule-tester';

const ALL = [400, 401, 403, 404, 409, 422, 500];
const NAMES: Record<number, string> = {
  400: '400 Bad Request',
  401: '401 Unauthorized',
  403: '403 Forbidden',
  404: '404 Not Found',
  409: '409 Conflict',
  422: '422 Unprocessable Entity',
  500: '500 Internal Server Error',
};

const CONSTANT_NAMES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  422: 'UNPROCESSABLE_ENTITY',
  500: 'INTERNAL_SERVER_ERROR',
};

/** Every suggestion, in order: `first` statuses, then the rest of the choices; `apply` writes the fixed code. */
function suggestions(first: number[], apply: (status: number) => string) {
  const order = [...first, ...ALL.filter((status) => !first.includes(status))];
  return order.map((status) => ({
    messageId: 'sendStatus' as const,
    data: { status: NAMES[status] },
    output: apply(status),
  }));
}

const reported = (data = '200, the default') => ({
  messageId: 'errorBodyWithSuccess' as const,
  data: { status: data },
});

// The rule tester bundles its own @typescript-eslint/utils types; the rule is the same object.
const rule = ruleModule as never;
const ts = createRuleTester();
const js = createJavaScriptRuleTester();

// ---- Express and Next.js Pages --------------------------------------------------------------

const expressApp = `import express from 'express';\nconst app = express();\n`;

ts.run<MessageIds, Options>('no-error-body-with-success-status: Express', rule, {
  valid: [
    // a 4xx/5xx status in the chain, before, or computed at run time
    `${expressApp}app.get('/a', (req, res) => { res.status(404).json({ error: 'Not found' }); });`,
    `${expressApp}app.get('/a', (req, res) => { res.status(400); res.json({ error: 'Bad' }); });`,
    `${expressApp}app.get('/a', (req, res) => { res.statusCode = 500; res.json({ error: 'Boom' }); });`,
    `${expressApp}app.get('/a', (req, res, next) => { res.status(err.status || 500).json({ error: 'x' }); });`,
    `${expressApp}app.get('/a', (req, res) => { const code = compute(); res.status(code).send({ success: false }); });`,
    `${expressApp}app.get('/a', (req, res) => { if (missing) res.status(400); res.json({ error: 'Bad' }); });`,
    `${expressApp}app.get('/a', (req, res) => { setStatus(res); res.json({ error: 'Bad' }); });`,
    `${expressApp}app.get('/a', (req, res) => { res.json(400, { error: 'Bad' }); });`,
    `${expressApp}app.get('/a', (req, res) => { res.status(422).json({ errors: [{ msg: 'x' }] }); });`,
    // a status set in a branch that always returns does not reach the later send… and the later body is no error
    `${expressApp}app.get('/a', (req, res) => { if (!x) { res.status(404); return res.json({ error: 'No' }); } res.json({ ok: true }); });`,
    // not error bodies
    `${expressApp}app.post('/graphql', (req, res) => { res.json({ data: result.data, errors: result.errors }); });`,
    `${expressApp}app.post('/rpc', (req, res) => { res.json({ jsonrpc: '2.0', id: 1, error: { code: -32601, message: 'Method not found' } }); });`,
    `${expressApp}app.post('/batch', (req, res) => { res.json({ results: done, errors: failed }); });`,
    `${expressApp}app.post('/batch', (req, res) => { res.json({ success: succeeded, errors: failed }); });`,
    `${expressApp}app.post('/import', (req, res) => { res.json({ imported: 10, errors: 3 }); });`,
    `${expressApp}app.get('/a', (req, res) => { res.json({ error: false, data }); });`,
    `${expressApp}app.get('/a', (req, res) => { res.json({ error: null, data }); });`,
    `${expressApp}app.get('/a', (req, res) => { res.json({ error: undefined, data }); });`,
    `${expressApp}app.get('/a', (req, res) => { res.json({ success: true, errors: [] }); });`,
    `${expressApp}app.get('/a', (req, res) => { res.json({ ok: true, error: 'ignored' }); });`,
    `${expressApp}app.post('/validate', (req, res) => { res.json({ valid: false, errors: problems }); });`,
    // `error` may be null at run time: a pass-through result
    `${expressApp}app.get('/a', async (req, res) => { const { data, error } = await supabase.from('t').select(); res.json({ data, error }); });`,
    `${expressApp}app.get('/a', (req, res) => { res.json({ message: 'Created' }); });`,
    // helpers whose callers choose the status
    `export function sendError(res, message) { res.json({ error: message }); }`,
    `function fail(res) { return res.json({ success: false }); }`,
    // a response sent after the status is set in every branch
    `${expressApp}app.get('/a', (req, res) => { if (a) { res.status(400); } else { res.status(401); } res.json({ error: 'x' }); });`,
    // client code
    `async function load() { const res = await fetch('/api'); const body = await res.json(); return body.error; }`,
    // a callback-style client response is not a server response
    `request.get('/api/users', (err, res, body) => { if (err) console.log({ error: err }); });`,
  ],
  invalid: [
    {
      code: `${expressApp}app.get('/users/:id', async (req, res) => {\n  const user = await User.findById(req.params.id);\n  if (!user) return res.json({ error: 'User not found' });\n  res.json(user);\n});`,
      errors: [
        {
          ...reported(),
          suggestions: suggestions(
            [404],
            (s) =>
              `${expressApp}app.get('/users/:id', async (req, res) => {\n  const user = await User.findById(req.params.id);\n  if (!user) return res.status(${s}).json({ error: 'User not found' });\n  res.json(user);\n});`,
          ),
        },
      ],
    },
    {
      // inside a catch: 500, replacing the explicit 200
      code: `${expressApp}app.post('/a', async (req, res) => {\n  try {\n    await save(req.body);\n  } catch (e) {\n    res.status(200).send({ message: e.message });\n  }\n});`,
      output: null,
      errors: [
        {
          ...reported('status 200'),
          suggestions: suggestions(
            [500],
            (s) =>
              `${expressApp}app.post('/a', async (req, res) => {\n  try {\n    await save(req.body);\n  } catch (e) {\n    res.status(${s}).send({ message: e.message });\n  }\n});`,
          ),
        },
      ],
    },
    {
      // the caught error itself
      code: `${expressApp}app.get('/a', async (req, res) => { try { await run(); } catch (err) { res.json(err); } });`,
      output: null,
      errors: [
        {
          ...reported(),
          suggestions: suggestions(
            [500],
            (s) =>
              `${expressApp}app.get('/a', async (req, res) => { try { await run(); } catch (err) { res.status(${s}).json(err); } });`,
          ),
        },
      ],
    },
    {
      // a numeric code in the body is the status
      code: `${expressApp}app.get('/a', (req, res) => { res.json({ status: 404, message: 'Not here' }); });`,
      output: `${expressApp}app.get('/a', (req, res) => { res.status(404).json({ status: 404, message: 'Not here' }); });`,
      errors: [reported()],
    },
    {
      // `res.statusCode = 200` set before
      code: `${expressApp}app.get('/a', (req, res) => {\n  res.statusCode = 200;\n  res.end(JSON.stringify({ code: 503, error: 'Down' }));\n});`,
      output: `${expressApp}app.get('/a', (req, res) => {\n  res.statusCode = 503;\n  res.end(JSON.stringify({ code: 503, error: 'Down' }));\n});`,
      errors: [reported('status 200')],
    },
    {
      // error-first callback's error branch: 500
      code: `${expressApp}app.get('/file', (req, res) => {\n  fs.readFile(path, (err, data) => {\n    if (err) return res.send({ error: err });\n    res.send(data);\n  });\n});`,
      output: null,
      errors: [
        {
          ...reported(),
          suggestions: suggestions(
            [500],
            (s) =>
              `${expressApp}app.get('/file', (req, res) => {\n  fs.readFile(path, (err, data) => {\n    if (err) return res.status(${s}).send({ error: err });\n    res.send(data);\n  });\n});`,
          ),
        },
      ],
    },
    {
      // a promise's rejection handler is a catch
      code: `${expressApp}app.get('/a', (req, res) => {\n  load()\n    .then((items) => res.json(items))\n    .catch((err) => res.json({ error: err.message }));\n});`,
      output: null,
      errors: [
        {
          ...reported(),
          suggestions: suggestions(
            [500],
            (s) =>
              `${expressApp}app.get('/a', (req, res) => {\n  load()\n    .then((items) => res.json(items))\n    .catch((err) => res.status(${s}).json({ error: err.message }));\n});`,
          ),
        },
      ],
    },
    {
      code: `${expressApp}app.get('/a', (req, res) => { load().then((items) => res.json(items), (e) => res.send({ ok: false })); });`,
      output: null,
      errors: [
        {
          ...reported(),
          suggestions: suggestions(
            [500],
            (s) =>
              `${expressApp}app.get('/a', (req, res) => { load().then((items) => res.json(items), (e) => res.status(${s}).send({ ok: false })); });`,
          ),
        },
      ],
    },
    {
      // an alias of the response, and a status written with http-status-codes
      code: `import { StatusCodes } from 'http-status-codes';\n${expressApp}app.get('/a', async (req, res) => {\n  const response = res;\n  try { await run(); } catch (e) { response.status(StatusCodes.OK).json({ error: 'Failed' }); }\n});`,
      output: null,
      errors: [
        {
          ...reported('status 200'),
          suggestions: suggestions(
            [500],
            (s) =>
              `import { StatusCodes } from 'http-status-codes';\n${expressApp}app.get('/a', async (req, res) => {\n  const response = res;\n  try { await run(); } catch (e) { response.status(StatusCodes.${CONSTANT_NAMES[s]}).json({ error: 'Failed' }); }\n});`,
          ),
        },
      ],
    },
    {
      // a catch whose message says the client erred: suggestions, not a 500 fix
      code: `${expressApp}app.post('/a', (req, res) => { try { JSON.parse(req.body); } catch { res.json({ error: 'Invalid JSON' }); } });`,
      errors: [
        {
          ...reported(),
          suggestions: suggestions(
            [400, 500],
            (s) =>
              `${expressApp}app.post('/a', (req, res) => { try { JSON.parse(req.body); } catch { res.status(${s}).json({ error: 'Invalid JSON' }); } });`,
          ),
        },
      ],
    },
    {
      // a missing field → 400 first
      code: `${expressApp}app.post('/signup', (req, res) => {\n  const { email, password } = req.body;\n  if (!email || !password) {\n    return res.json({ success: false, msg: 'Please fill all fields' });\n  }\n});`,
      errors: [
        {
          ...reported(),
          suggestions: suggestions(
            [400],
            (s) =>
              `${expressApp}app.post('/signup', (req, res) => {\n  const { email, password } = req.body;\n  if (!email || !password) {\n    return res.status(${s}).json({ success: false, msg: 'Please fill all fields' });\n  }\n});`,
          ),
        },
      ],
    },
    {
      // "already exists" → 409, "invalid password" → 401
      code: `${expressApp}app.post('/r', async (req, res) => {\n  if (await User.exists({ email })) return res.json({ error: 'User already exists' });\n  if (!ok) return res.json({ error: 'Invalid password' });\n});`,
      errors: [
        {
          ...reported(),
          suggestions: suggestions(
            [409],
            (s) =>
              `${expressApp}app.post('/r', async (req, res) => {\n  if (await User.exists({ email })) return res.status(${s}).json({ error: 'User already exists' });\n  if (!ok) return res.json({ error: 'Invalid password' });\n});`,
          ),
        },
        {
          ...reported(),
          suggestions: suggestions(
            [401, 400],
            (s) =>
              `${expressApp}app.post('/r', async (req, res) => {\n  if (await User.exists({ email })) return res.json({ error: 'User already exists' });\n  if (!ok) return res.status(${s}).json({ error: 'Invalid password' });\n});`,
          ),
        },
      ],
    },
    {
      // a router from a local module, typed response, TS wrappers
      code: `import { Router, type Response } from 'express';\nconst router = Router();\nrouter.post('/a', (req, res: Response) => { (res as Response).json({ ok: false } satisfies object); });`,
      errors: [
        {
          ...reported(),
          suggestions: suggestions(
            [],
            (s) =>
              `import { Router, type Response } from 'express';\nconst router = Router();\nrouter.post('/a', (req, res: Response) => { (res as Response).status(${s}).json({ ok: false } satisfies object); });`,
          ),
        },
      ],
    },
    {
      // optional chaining, non-null, computed member, sequence
      code: `${expressApp}app.get('/a', (req, res) => { res!['json']({ status: 'error' }); });\napp.get('/b', (req, res) => (log(), res?.send({ error: 'Oops', status: 502 })));`,
      output: `${expressApp}app.get('/a', (req, res) => { res!['json']({ status: 'error' }); });\napp.get('/b', (req, res) => (log(), res.status(502)?.send({ error: 'Oops', status: 502 })));`,
      errors: [
        {
          ...reported(),
          suggestions: suggestions(
            [],
            (s) =>
              `${expressApp}app.get('/a', (req, res) => { res!.status(${s})['json']({ status: 'error' }); });\napp.get('/b', (req, res) => (log(), res?.send({ error: 'Oops', status: 502 })));`,
          ),
        },
        reported(),
      ],
    },
    {
      // a body held in a const, and `app.route(path).get(…)`
      code: `${expressApp}app.route('/a').get((req, res) => { const body = { error: 'Nope' }; res.json(body); });`,
      errors: [
        {
          ...reported(),
          suggestions: suggestions(
            [],
            (s) =>
              `${expressApp}app.route('/a').get((req, res) => { const body = { error: 'Nope' }; res.status(${s}).json(body); });`,
          ),
        },
      ],
    },
    {
      // Express 4 legacy forms with an explicit 200
      code: `${expressApp}app.get('/a', (req, res) => { res.json(200, { error: 'x', code: 401 }); });`,
      output: `${expressApp}app.get('/a', (req, res) => { res.json(401, { error: 'x', code: 401 }); });`,
      errors: [reported('status 200')],
    },
    {
      // error middleware: suggestions (the error may carry its own status)
      code: `${expressApp}app.use((err, req, res, next) => { res.json({ error: err.message }); });`,
      errors: [
        {
          ...reported(),
          suggestions: suggestions(
            [],
            (s) =>
              `${expressApp}app.use((err, req, res, next) => { res.status(${s}).json({ error: err.message }); });`,
          ),
        },
      ],
    },
    {
      // a status set in a branch that exits does not reach the send
      code: `${expressApp}app.get('/a', (req, res) => {\n  if (!req.user) { res.status(401); return res.json({ error: 'Login required' }); }\n  res.json({ error: 'Not ready' });\n});`,
      errors: [
        {
          ...reported(),
          suggestions: suggestions(
            [],
            (s) =>
              `${expressApp}app.get('/a', (req, res) => {\n  if (!req.user) { res.status(401); return res.json({ error: 'Login required' }); }\n  res.status(${s}).json({ error: 'Not ready' });\n});`,
          ),
        },
      ],
    },
    {
      // Next.js Pages API route
      code: `import type { NextApiRequest, NextApiResponse } from 'next';\nexport default async function handler(req: NextApiRequest, res: NextApiResponse) {\n  try { await run(); } catch (error) { res.status(200).json({ error: 'Failed to run' }); }\n}`,
      output: null,
      errors: [
        {
          ...reported('status 200'),
          suggestions: suggestions(
            [500],
            (s) =>
              `import type { NextApiRequest, NextApiResponse } from 'next';\nexport default async function handler(req: NextApiRequest, res: NextApiResponse) {\n  try { await run(); } catch (error) { res.status(${s}).json({ error: 'Failed to run' }); }\n}`,
          ),
        },
      ],
    },
    {
      // a controller class method typed with Express's Response
      code: `import { Request, Response } from 'express';\nclass UserController {\n  async remove(req: Request, res: Response) {\n    return res.send({ success: false, message: 'You do not have permission' });\n  }\n}`,
      errors: [
        {
          ...reported(),
          suggestions: suggestions(
            [403],
            (s) =>
              `import { Request, Response } from 'express';\nclass UserController {\n  async remove(req: Request, res: Response) {\n    return res.status(${s}).send({ success: false, message: 'You do not have permission' });\n  }\n}`,
          ),
        },
      ],
    },
    {
      // the error property guarded truthy
      code: `${expressApp}app.get('/a', async (req, res) => { const { data, error } = await db.select(); if (error) return res.json({ error }); res.json(data); });`,
      errors: [
        {
          ...reported(),
          suggestions: suggestions(
            [],
            (s) =>
              `${expressApp}app.get('/a', async (req, res) => { const { data, error } = await db.select(); if (error) return res.status(${s}).json({ error }); res.json(data); });`,
          ),
        },
      ],
    },
    {
      // autofix off: the implied status is the first suggestion
      code: `${expressApp}app.get('/a', async (req, res) => { try { await run(); } catch (e) { res.json({ error: e.message }); } });`,
      options: [{ autofix: false }],
      errors: [
        {
          ...reported(),
          suggestions: suggestions(
            [500],
            (s) =>
              `${expressApp}app.get('/a', async (req, res) => { try { await run(); } catch (e) { res.status(${s}).json({ error: e.message }); } });`,
          ),
        },
      ],
    },
  ],
});

js.run<MessageIds, Options>('no-error-body-with-success-status: Express in JavaScript', rule, {
  valid: [
    `exports.list = async (req, res) => { res.json(await Item.find()); };`,
    `module.exports = { show(req, res) { res.status(404).json({ error: 'Missing' }); } };`,
    `const router = require('express').Router();\nrouter.get('/a', (req, res) => { res.status(503).send({ error: 'Down' }); });`,
  ],
  invalid: [
    {
      // an exported controller in a file that imports no framework
      code: `exports.login = async (req, res) => {\n  const user = await User.findOne({ email: req.body.email });\n  if (!user) {\n    return res.json({ success: false, msg: 'Invalid credentials' });\n  }\n};`,
      errors: [
        {
          ...reported(),
          suggestions: suggestions(
            [401, 404],
            (s) =>
              `exports.login = async (req, res) => {\n  const user = await User.findOne({ email: req.body.email });\n  if (!user) {\n    return res.status(${s}).json({ success: false, msg: 'Invalid credentials' });\n  }\n};`,
          ),
        },
      ],
    },
    {
      code: `const express = require('express');\nconst router = express.Router();\nrouter.delete('/:id', function (req, res) {\n  Post.remove(req.params.id, function (err) {\n    if (err) res.json({ error: err.message });\n    else res.json({ ok: true });\n  });\n});`,
      output: null,
      errors: [
        {
          ...reported(),
          suggestions: suggestions(
            [500],
            (s) =>
              `const express = require('express');\nconst router = express.Router();\nrouter.delete('/:id', function (req, res) {\n  Post.remove(req.params.id, function (err) {\n    if (err) res.status(${s}).json({ error: err.message });\n    else res.json({ ok: true });\n  });\n});`,
          ),
        },
      ],
    },
    {
      // a Remix route module with JSX
      code: `import { json } from '@remix-run/node';\nexport const action = async () => json({ error: 'Title is required' });\nexport default function Page() { return <Form method="post"><button>Save</button></Form>; }`,
      errors: [
        {
          ...reported(),
          suggestions: suggestions(
            [400],
            (s) =>
              `import { json } from '@remix-run/node';\nexport const action = async () => json({ error: 'Title is required' }, { status: ${s} });\nexport default function Page() { return <Form method="post"><button>Save</button></Form>; }`,
          ),
        },
      ],
    },
    {
      // CommonJS Koa: the fix is stable on a second pass
      code: `const Koa = require('koa');\nconst app = new Koa();\napp.use(async (ctx) => {\n  try {\n    await run();\n  } catch (err) {\n    ctx.body = { error: err.message, code: 503 };\n  }\n});`,
      output: [
        `const Koa = require('koa');\nconst app = new Koa();\napp.use(async (ctx) => {\n  try {\n    await run();\n  } catch (err) {\n    ctx.status = 503;\n    ctx.body = { error: err.message, code: 503 };\n  }\n});`,
      ],
      errors: [reported()],
    },
    {
      // Node's http server
      code: `const http = require('node:http');\nhttp.createServer((req, res) => {\n  res.end(JSON.stringify({ error: 'Not found', statusCode: 404 }));\n});`,
      output: `const http = require('node:http');\nhttp.createServer((req, res) => {\n  res.writeHead(404).end(JSON.stringify({ error: 'Not found', statusCode: 404 }));\n});`,
      errors: [reported()],
    },
  ],
});

// ---- Fastify --------------------------------------------------------------------------------

const fastifyApp = `import Fastify from 'fastify';\nconst fastify = Fastify();\n`;

ts.run<MessageIds, Options>('no-error-body-with-success-status: Fastify', rule, {
  valid: [
    `${fastifyApp}fastify.get('/a', async (request, reply) => { reply.code(404).send({ error: 'Not found' }); });`,
    `${fastifyApp}fastify.get('/a', async (request, reply) => { reply.code(400); return { error: 'Bad' }; });`,
    // an Error goes to Fastify's error handler: not a 200
    `${fastifyApp}fastify.get('/a', async (request, reply) => { try { await run(); } catch (err) { reply.send(err); } });`,
    `${fastifyApp}fastify.get('/a', async (request, reply) => { return reply.code(500).send({ error: 'x' }); });`,
    `${fastifyApp}fastify.get('/a', async () => ({ items: [] }));`,
  ],
  invalid: [
    {
      code: `${fastifyApp}fastify.get('/a', async (request, reply) => {\n  return { error: 'Item not found' };\n});`,
      errors: [
        {
          ...reported(),
          suggestions: suggestions(
            [404],
            (s) =>
              `${fastifyApp}fastify.get('/a', async (request, reply) => {\n  reply.code(${s});\n  return { error: 'Item not found' };\n});`,
          ),
        },
      ],
    },
    {
      code: `${fastifyApp}fastify.route({ method: 'GET', url: '/a', handler: async (request, reply) => { try { await run(); } catch (e) { reply.send({ error: e.message }); } } });`,
      output: null,
      errors: [
        {
          ...reported(),
          suggestions: suggestions(
            [500],
            (s) =>
              `${fastifyApp}fastify.route({ method: 'GET', url: '/a', handler: async (request, reply) => { try { await run(); } catch (e) { reply.code(${s}).send({ error: e.message }); } } });`,
          ),
        },
      ],
    },
    {
      // an untraced app, a comment between the route's path and its handler: still a handler
      code: `app.get(\n  '/users/:id',\n  // the user, or why not\n  (req, res) => {\n    res.send({ error: 'Not found' });\n  },\n);`,
      errors: [
        {
          ...reported(),
          suggestions: suggestions(
            [404],
            (s) =>
              `app.get(\n  '/users/:id',\n  // the user, or why not\n  (req, res) => {\n    res.status(${s}).send({ error: 'Not found' });\n  },\n);`,
          ),
        },
      ],
    },
    {
      // a plugin's instance, registered on an untraced app
      code: `export default async function routes(app) {\n  app.post('/login', async (request, reply) => {\n    reply.code(200).send({ error: 'Unauthorized' });\n  });\n}`,
      errors: [
        {
          ...reported('status 200'),
          suggestions: suggestions(
            [401],
            (s) =>
              `export default async function routes(app) {\n  app.post('/login', async (request, reply) => {\n    reply.code(${s}).send({ error: 'Unauthorized' });\n  });\n}`,
          ),
        },
      ],
    },
  ],
});

// ---- Koa ------------------------------------------------------------------------------------

const koaApp = `import Koa from 'koa';\nconst app = new Koa();\n`;

ts.run<MessageIds, Options>('no-error-body-with-success-status: Koa', rule, {
  valid: [
    `${koaApp}app.use(async (ctx) => { ctx.status = 404; ctx.body = { error: 'Not found' }; });`,
    // Koa sends the last status set, even after the body
    `${koaApp}app.use(async (ctx) => { ctx.body = { error: 'x' }; ctx.status = 400; });`,
    `${koaApp}app.use(async (ctx) => { ctx.body = { error: 'x' }; if (a) ctx.status = 400; });`,
    `${koaApp}app.use(async (ctx) => { ctx.status = err.status || 500; ctx.body = { error: err.message }; });`,
  ],
  invalid: [
    {
      code: `${koaApp}app.use(async (ctx, next) => {\n  try {\n    await next();\n  } catch (err) {\n    ctx.body = { error: err.message };\n  }\n});`,
      output: null,
      errors: [
        {
          ...reported(),
          suggestions: suggestions(
            [500],
            (s) =>
              `${koaApp}app.use(async (ctx, next) => {\n  try {\n    await next();\n  } catch (err) {\n    ctx.status = ${s};\n    ctx.body = { error: err.message };\n  }\n});`,
          ),
        },
      ],
    },
    {
      code: `import Router from '@koa/router';\nconst router = new Router();\nrouter.get('/a', (ctx) => {\n  ctx.status = 200;\n  ctx.body = { success: false, message: 'Not allowed' };\n});`,
      errors: [
        {
          ...reported('status 200'),
          suggestions: suggestions(
            [403],
            (s) =>
              `import Router from '@koa/router';\nconst router = new Router();\nrouter.get('/a', (ctx) => {\n  ctx.status = ${s};\n  ctx.body = { success: false, message: 'Not allowed' };\n});`,
          ),
        },
      ],
    },
    {
      // an `if` branch without braces gets them
      code: `${koaApp}app.use((ctx) => {\n  if (!ctx.query.id) ctx.body = { error: 'id is required' };\n});`,
      errors: [
        {
          ...reported(),
          suggestions: suggestions(
            [400],
            (s) =>
              `${koaApp}app.use((ctx) => {\n  if (!ctx.query.id) { ctx.status = ${s}; ctx.body = { error: 'id is required' }; }\n});`,
          ),
        },
      ],
    },
  ],
});

// ---- Hono -----------------------------------------------------------------------------------

const honoApp = `import { Hono } from 'hono';\nconst app = new Hono();\n`;

ts.run<MessageIds, Options>('no-error-body-with-success-status: Hono', rule, {
  valid: [
    `${honoApp}app.get('/a', (c) => c.json({ error: 'Not found' }, 404));`,
    `${honoApp}app.get('/a', (c) => c.json({ error: 'Not found' }, { status: 404 }));`,
    `${honoApp}app.get('/a', (c) => { c.status(401); return c.json({ error: 'Unauthorized' }); });`,
    `${honoApp}app.get('/a', (c) => c.json({ error: 'x' }, status));`,
  ],
  invalid: [
    {
      code: `${honoApp}app.get('/a', async (c) => {\n  try { return c.json(await load()); } catch (e) { return c.json({ error: String(e) }); }\n});`,
      output: null,
      errors: [
        {
          ...reported(),
          suggestions: suggestions(
            [500],
            (s) =>
              `${honoApp}app.get('/a', async (c) => {\n  try { return c.json(await load()); } catch (e) { return c.json({ error: String(e) }, ${s}); }\n});`,
          ),
        },
      ],
    },
    {
      code: `${honoApp}app.post('/a', (c) => c.json({ ok: false }, 200));`,
      errors: [
        {
          ...reported('status 200'),
          suggestions: suggestions(
            [],
            (s) => `${honoApp}app.post('/a', (c) => c.json({ ok: false }, ${s}));`,
          ),
        },
      ],
    },
    {
      code: `${honoApp}app.post('/a', (c) => c.json({ error: 'No such user' }, { headers: { 'x-a': 'b' } }));`,
      errors: [
        {
          ...reported(),
          suggestions: suggestions(
            [404],
            (s) =>
              `${honoApp}app.post('/a', (c) => c.json({ error: 'No such user' }, { status: ${s}, headers: { 'x-a': 'b' } }));`,
          ),
        },
      ],
    },
    {
      // `c.text` sends a body too: the caught error's message
      code: `${honoApp}app.get('/a', async (c) => { try { await run(); } catch (err) { return c.text(err.message); } });`,
      // 500 is guessed from the catch: a suggestion, not an autofix
      errors: [
        {
          ...reported(),
          suggestions: suggestions(
            [500],
            (s) =>
              `${honoApp}app.get('/a', async (c) => { try { await run(); } catch (err) { return c.text(err.message, ${s}); } });`,
          ),
        },
      ],
    },
    {
      // chained registrations and a typed context
      code: `import { Hono, type Context } from 'hono';\nnew Hono().get('/a', (c) => c.text('hi')).get('/b', (c: Context) => c.json({ errors: ['Name is required'] }));`,
      errors: [
        {
          ...reported(),
          suggestions: suggestions(
            [400],
            (s) =>
              `import { Hono, type Context } from 'hono';\nnew Hono().get('/a', (c) => c.text('hi')).get('/b', (c: Context) => c.json({ errors: ['Name is required'] }, ${s}));`,
          ),
        },
      ],
    },
  ],
});

// ---- Response, Next.js App Router, SvelteKit, Remix, React Router ---------------------------

ts.run<MessageIds, Options>('no-error-body-with-success-status: Response factories', rule, {
  valid: [
    `export async function GET() { return Response.json({ error: 'Not found' }, { status: 404 }); }`,
    `export async function GET() { return new Response(JSON.stringify({ error: 'x' }), { status: 500 }); }`,
    `export async function GET() { return Response.json({ error: 'x' }, init); }`,
    `import { NextResponse } from 'next/server';\nexport async function POST() { return NextResponse.json({ success: false }, { status: 400 }); }`,
    // a local function named json is not SvelteKit's
    `function json(value) { return value; }\nexport function GET() { return json({ error: 'x' }); }`,
    `import { json } from './utils';\nexport function GET() { return json({ error: 'x' }); }`,
    `import { json } from '@remix-run/node';\nexport const loader = () => json({ error: 'Missing' }, 404);`,
    `export function GET() { return new Response('{"error":"x"}'); }`,
  ],
  invalid: [
    {
      code: `export async function GET() {\n  try {\n    return Response.json(await load());\n  } catch (error) {\n    return Response.json({ error: error.message });\n  }\n}`,
      output: null,
      errors: [
        {
          ...reported(),
          suggestions: suggestions(
            [500],
            (s) =>
              `export async function GET() {\n  try {\n    return Response.json(await load());\n  } catch (error) {\n    return Response.json({ error: error.message }, { status: ${s} });\n  }\n}`,
          ),
        },
      ],
    },
    {
      // merged into an existing init
      code: `export async function GET() {\n  try { return await run(); } catch (e) {\n    return new Response(JSON.stringify({ error: 'Server error' }), {\n      headers: { 'content-type': 'application/json' },\n    });\n  }\n}`,
      output: null,
      errors: [
        {
          ...reported(),
          suggestions: suggestions(
            [500],
            (s) =>
              `export async function GET() {\n  try { return await run(); } catch (e) {\n    return new Response(JSON.stringify({ error: 'Server error' }), {\n      status: ${s},\n      headers: { 'content-type': 'application/json' },\n    });\n  }\n}`,
          ),
        },
      ],
    },
    {
      code: `import { NextResponse } from 'next/server';\nexport async function POST(request: Request) {\n  const body = await request.json();\n  if (!body.email) return NextResponse.json({ error: 'Email is required' }, { status: 200 });\n}`,
      errors: [
        {
          ...reported('status 200'),
          suggestions: suggestions(
            [400],
            (s) =>
              `import { NextResponse } from 'next/server';\nexport async function POST(request: Request) {\n  const body = await request.json();\n  if (!body.email) return NextResponse.json({ error: 'Email is required' }, { status: ${s} });\n}`,
          ),
        },
      ],
    },
    {
      code: `import { json } from '@sveltejs/kit';\nexport async function POST() { return json({ success: false, code: 409 }); }`,
      output: `import { json } from '@sveltejs/kit';\nexport async function POST() { return json({ success: false, code: 409 }, { status: 409 }); }`,
      errors: [reported()],
    },
    {
      code: `import { json } from '@remix-run/node';\nexport const action = async () => json({ errors: { email: 'Email already registered' } }, 200);`,
      errors: [
        {
          ...reported('status 200'),
          suggestions: suggestions(
            [409],
            (s) =>
              `import { json } from '@remix-run/node';\nexport const action = async () => json({ errors: { email: 'Email already registered' } }, ${s});`,
          ),
        },
      ],
    },
    {
      code: `import { data } from 'react-router';\nexport async function action() { return data({ error: 'Invalid token' }, {}); }`,
      errors: [
        {
          ...reported(),
          suggestions: suggestions(
            [401, 400],
            (s) =>
              `import { data } from 'react-router';\nexport async function action() { return data({ error: 'Invalid token' }, { status: ${s} }); }`,
          ),
        },
      ],
    },
  ],
});

// ---- h3 / Nuxt, Elysia, AWS Lambda, Azure Functions ------------------------------------------

ts.run<MessageIds, Options>('no-error-body-with-success-status: h3, Elysia, Lambda, Azure', rule, {
  valid: [
    `import { defineEventHandler, setResponseStatus } from 'h3';\nexport default defineEventHandler((event) => { setResponseStatus(event, 404); return { error: 'Not found' }; });`,
    `export default defineEventHandler(async (event) => { const body = await readBody(event); return { ok: true, body }; });`,
    `import { Elysia } from 'elysia';\nnew Elysia().get('/', ({ set }) => { set.status = 401; return { error: 'Unauthorized' }; });`,
    `import { Elysia } from 'elysia';\nnew Elysia().get('/', ({ status }) => status(404, { error: 'Not found' }));`,
    // `new Response(text)` sends text, not an error object
    `export default { async fetch() { try { return await handle(); } catch (err) { return new Response(err.message); } } };`,
    `export const handler = async () => ({ statusCode: 500, body: JSON.stringify({ error: 'x' }) });`,
    `export const handler = async () => ({ statusCode: code, body: JSON.stringify({ error: 'x' }) });`,
    `export async function run() { return { status: 404, jsonBody: { error: 'Missing' } }; }`,
    // a fixture, not a handler's result
    `const fixture = { statusCode: 200, body: JSON.stringify({ error: 'x' }) };`,
  ],
  invalid: [
    {
      // Nuxt auto-imports
      code: `export default defineEventHandler(async (event) => {\n  const user = await findUser(getRouterParam(event, 'id'));\n  if (!user) {\n    return { error: 'User not found' };\n  }\n  return user;\n});`,
      errors: [
        {
          ...reported(),
          suggestions: suggestions(
            [404],
            (s) =>
              `export default defineEventHandler(async (event) => {\n  const user = await findUser(getRouterParam(event, 'id'));\n  if (!user) {\n    setResponseStatus(event, ${s});\n    return { error: 'User not found' };\n  }\n  return user;\n});`,
          ),
        },
      ],
    },
    {
      // h3 without its status setter imported: reported, nothing to apply
      code: `import { defineEventHandler } from 'h3';\nexport default defineEventHandler(() => ({ success: false }));`,
      errors: [reported()],
    },
    {
      code: `import { Elysia } from 'elysia';\nconst app = new Elysia();\napp.post('/a', ({ body, set }) => {\n  try { return save(body); } catch (e) { return { error: e.message }; }\n});`,
      output: null,
      errors: [
        {
          ...reported(),
          suggestions: suggestions(
            [500],
            (s) =>
              `import { Elysia } from 'elysia';\nconst app = new Elysia();\napp.post('/a', ({ body, set }) => {\n  try { return save(body); } catch (e) { set.status = ${s}; return { error: e.message }; }\n});`,
          ),
        },
      ],
    },
    {
      // Elysia's `status(code, body)`
      code: `import { Elysia } from 'elysia';\nnew Elysia().get('/b', ({ status }) => status(200, { error: 'Not found' }));`,
      errors: [
        {
          ...reported('status 200'),
          suggestions: suggestions(
            [404],
            (s) =>
              `import { Elysia } from 'elysia';\nnew Elysia().get('/b', ({ status }) => status(${s}, { error: 'Not found' }));`,
          ),
        },
      ],
    },
    {
      code: `export const handler = async (event) => {\n  try {\n    return { statusCode: 200, body: JSON.stringify(await run(event)) };\n  } catch (e) {\n    return { statusCode: 200, body: JSON.stringify({ error: e.message }) };\n  }\n};`,
      output: null,
      errors: [
        {
          ...reported('status 200'),
          suggestions: suggestions(
            [500],
            (s) =>
              `export const handler = async (event) => {\n  try {\n    return { statusCode: 200, body: JSON.stringify(await run(event)) };\n  } catch (e) {\n    return { statusCode: ${s}, body: JSON.stringify({ error: e.message }) };\n  }\n};`,
          ),
        },
      ],
    },
    {
      code: `import { app } from '@azure/functions';\napp.http('a', { handler: async () => {\n  return { jsonBody: { status: 'fail', message: 'Validation failed' } };\n} });`,
      errors: [
        {
          ...reported(),
          suggestions: suggestions(
            [422],
            (s) =>
              `import { app } from '@azure/functions';\napp.http('a', { handler: async () => {\n  return { status: ${s}, jsonBody: { status: 'fail', message: 'Validation failed' } };\n} });`,
          ),
        },
      ],
    },
  ],
});

// ---- framework guessed from a handler's parameters ----------------------------------------

// No import, type or traced app says which framework sends: the stated status is only offered.
const guessedCreate = (send: string) =>
  `export function create(req, res) {\n  if (!req.body.name) return ${send};\n  res.json({ ok: true });\n}`;
const guessedRoute = (send: string) =>
  `router.get('/items/:id', async (req, reply) => {\n  if (!req.params.id) return ${send};\n  reply.code(200).send({ ok: true });\n});`;

for (const [name, tester] of [
  ['TS', ts],
  ['JS', js],
] as const) {
  tester.run<MessageIds, Options>(
    `no-error-body-with-success-status: guessed framework (${name})`,
    rule,
    {
      valid: [],
      invalid: [
        {
          code: guessedCreate(`res.json({ error: 'name is required', status: 400 })`),
          output: null,
          errors: [
            {
              ...reported(),
              suggestions: suggestions([400], (s) =>
                guessedCreate(`res.status(${s}).json({ error: 'name is required', status: 400 })`),
              ),
            },
          ],
        },
        {
          code: guessedCreate(`res.status(200).json({ error: 'name is required', status: 400 })`),
          output: null,
          errors: [
            {
              ...reported('status 200'),
              suggestions: suggestions([400], (s) =>
                guessedCreate(`res.status(${s}).json({ error: 'name is required', status: 400 })`),
              ),
            },
          ],
        },
        {
          code: guessedRoute(`reply.send({ error: 'id is required', status: 400 })`),
          output: null,
          errors: [
            {
              ...reported(),
              suggestions: suggestions([400], (s) =>
                guessedRoute(`reply.code(${s}).send({ error: 'id is required', status: 400 })`),
              ),
            },
          ],
        },
        // the same handler in a file that imports Express: the stated status is an autofix
        {
          code: `import express from 'express';\n${guessedCreate(`res.json({ error: 'name is required', status: 400 })`)}`,
          output: `import express from 'express';\n${guessedCreate(`res.status(400).json({ error: 'name is required', status: 400 })`)}`,
          errors: [reported()],
        },
      ],
    },
  );
}

describe('no-error-body-with-success-status options', () => {
  it('rejects an unknown option', () => {
    const linter = new Linter({ configType: 'flat' });
    expect(() =>
      linter.verify('x', {
        plugins: { 'http-status': plugin as never },
        rules: { 'http-status/no-error-body-with-success-status': ['error', { autofix: 'yes' }] },
      }),
    ).toThrow(/should be boolean/);
    expect(() =>
      linter.verify('x', {
        plugins: { 'http-status': plugin as never },
        rules: { 'http-status/no-error-body-with-success-status': ['error', { statuses: [200] }] },
      }),
    ).toThrow(/additional properties/i);
  });
});
