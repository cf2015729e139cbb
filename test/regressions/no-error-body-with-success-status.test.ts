/**
 * False reports of no-error-body-with-success-status found by the bench's review of real code
 * (issues 17 and 23). Each case is the smallest code that shows the report.
 */
import ruleModule from '../../src/rules/no-error-body-with-success-status';
import { createJavaScriptRuleTester, createRuleTester } from '../rule-tester';

const rule = ruleModule as never;

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
/** Every status suggestion, `first` first, each writing the code with that status. */
function suggestions(first: number[], apply: (status: number) => string) {
  return [...first, ...ALL.filter((status) => !first.includes(status))].map((status) => ({
    messageId: 'sendStatus' as const,
    data: { status: NAMES[status] },
    output: apply(status),
  }));
}
const express = `import express from 'express';\nconst app = express();\n`;
const ts = createRuleTester();
const js = createJavaScriptRuleTester();

const valid = [
  {
    // @medusajs/medusa/dist/api/store/carts/[id]/complete/route.js:39: completing a cart whose
    // payment needs action answers 200 with the cart it reloaded and the error, for the
    // storefront to act on; other errors are thrown (4xx). A partial result, not an error body.
    name: 'the resource the handler loaded, sent beside the error',
    code: `import express from 'express';
const app = express();
app.post('/orders/:id/complete', async (req, res) => {
  const outcome = await completeOrder(req.params.id);
  if (outcome.failure) {
    const order = await reloadOrder(req.params.id);
    res.status(200).json({ kind: 'order', order, error: { message: outcome.failure.message } });
    return;
  }
  res.json({ kind: 'receipt', receipt: outcome.receipt });
});`,
  },
  {
    // fastify/test/types/reply.tst.ts:170, type-provider.tst.ts:481: a type test (tstyche) checks
    // the payload types a route accepts; it is compiled, never run, and serves nothing.
    name: 'a handler in a type test',
    code: `import { expect } from 'tstyche';
import Fastify from 'fastify';
const server = Fastify();
server.get('/union', async function handler(request, reply) {
  reply.send({ error: 'error' });
});
expect(server).type.not.toBeUndefined();`,
  },
  {
    // botbuilder/lib/channelServiceRoutes.js:66: `.then((resourceResponse) => { if
    // (resourceResponse) res.send(resourceResponse) })` sends the fulfilled value; the first
    // parameter of a `then` (or array) callback is a value, not an error-first callback's error.
    name: "a value tested in a promise's then callback",
    code: `import express from 'express';
const app = express();
app.post('/conversations/:id/activities', (req, res, next) => {
  store.save(req.params.id, req.body).then((saved) => {
    res.status(200);
    if (saved) res.send(saved);
    res.end();
  });
  store.list().then((items) => items.forEach((item) => item && res.write(item)));
});`,
  },
];

const tsValid = [
  `import { expectType } from 'tsd';
import Fastify from 'fastify';
interface Union { Reply: { ok: boolean } | { error: string } }
const server = Fastify();
server.get<Union>('/union', async (request, reply) => {
  return { error: 'error' };
});
expectType<unknown>(server);`,
  `import type { Request, Response } from 'express';
export async function complete(req: Request, res: Response): Promise<void> {
  const result = await run(req.params.id);
  if (result.paymentError) {
    const cart: Cart = await loadCart(req.params.id);
    res.status(200).json({ type: 'cart', cart, error: { message: result.paymentError } });
    return;
  }
  res.json({ type: 'order', order: result.order });
}`,
];

const loginCode = (status: number) => `${express}app.post('/login', async (req, res) => {
  const attempt = req.body.user;
  res.status(${status}).json({ attempt, error: 'Unauthorized' });
});`;
const catchCode = (status?: number) => `${express}app.post('/login', async (req, res) => {
  const user = await findUser(req.body.name);
  try { await check(user); } catch (err) { res${status ? `.status(${status})` : ''}.json({ user, error: err.message }); }
});`;
const typeNameCode = (status?: number) => `import Fastify from 'fastify';
const server = Fastify();
const tool = 'tstyche';
server.get('/a', async (request, reply) => { reply${status ? `.code(${status})` : ''}.send({ error: 'Not found', tool }); });`;

const invalid = [
  {
    // still an error body: what is sent beside the error is not data the handler loaded
    code: loginCode(200),
    errors: [
      {
        messageId: 'errorBodyWithSuccess' as const,
        data: { status: 'status 200' },
        suggestions: suggestions([401], loginCode),
      },
    ],
  },
  {
    // still an error body: in a catch, whatever is sent beside the error
    code: catchCode(),
    errors: [
      {
        messageId: 'errorBodyWithSuccess' as const,
        data: { status: '200, the default' },
        suggestions: suggestions([500], catchCode),
      },
    ],
  },
  {
    // a file that only names a type-test library in a string is not a type test
    code: typeNameCode(),
    errors: [
      {
        messageId: 'errorBodyWithSuccess' as const,
        data: { status: '200, the default' },
        suggestions: suggestions([404], typeNameCode),
      },
    ],
  },
];

ts.run('no-error-body-with-success-status: regressions from real code', rule, {
  valid: [...valid, ...tsValid],
  invalid,
});
js.run('no-error-body-with-success-status: regressions from real code (JavaScript)', rule, {
  valid,
  invalid,
});
