/**
 * Handlers registered inside a test, a suite or a hook are fixtures that play a server for the
 * test, often a wrong one on purpose (Fastify's own tests send a body with 204 to check that it
 * is dropped, and a handler that must never run sends `{ error: 'handler should not be called' }`):
 * the server rules do not report their sends (issue 23). A handler elsewhere in a test file
 * is still checked.
 */
import bodyRule from '../../src/rules/no-body-with-null-body-status';
import errorBodyRule from '../../src/rules/no-error-body-with-success-status';
import headersRule from '../../src/rules/require-status-headers';
import statusCodeRule from '../../src/rules/valid-status-code';
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../../src/index';
import { createJavaScriptRuleTester, createRuleTester } from '../rule-tester';

const ts = createRuleTester();
const js = createJavaScriptRuleTester();

/** One wrong send of each server rule, in a handler of `app` (Express) or `fastify`. */
const expressHandler = `app.get('/items', (req, res) => {
    res.status(204).json({ items: [] });
  });
  app.post('/never', (req, res) => {
    res.send({ error: 'handler should not be called' });
  });
  app.get('/slow', (req, res) => {
    res.status(429).send('slow down');
  });
  app.get('/odd', (req, res) => {
    res.status(1000).end();
  });`;

const fastifyHandler = `fastify.get('/204', (request, reply) => {
      reply.status(204).send({ hello: 'world' });
    });
    fastify.post('/', (request, reply) => {
      reply.send({ error: 'handler should not be called' });
    });
    fastify.get('/limited', (request, reply) => {
      reply.code(429).send();
    });
    fastify.get('/invalid', (request, reply) => {
      reply.code(1000).send();
    });`;

const fixtures = [
  // node:test, the handler in the test's callback
  `const { test } = require('node:test');
const Fastify = require('fastify');
test('a body sent with 204 is dropped', async (t) => {
  const fastify = Fastify();
  ${fastifyHandler}
  await fastify.inject('/204');
});`,
  // tap: nested t.test on the context, and tap.test
  `const tap = require('tap');
const Fastify = require('fastify');
tap.test('reply codes', (t) => {
  t.test('204', async (t) => {
    const fastify = Fastify();
    ${fastifyHandler}
  });
});`,
  // vitest: a handler set up in beforeEach of a describe, and in it.each
  `import { beforeEach, describe, it } from 'vitest';
import express from 'express';
describe('api', () => {
  let app;
  beforeEach(() => {
    app = express();
  ${expressHandler}
  });
  it.each([1, 2])('case %i', () => {
    const app = express();
  ${expressHandler}
  });
});`,
  // jest globals: describe.each(table)(name, fn), test.only, afterAll
  `import express from 'express';
describe.each([['a'], ['b']])('%s', () => {
  test.only('serves', () => {
    const app = express();
  ${expressHandler}
  });
});
afterAll(() => {
  const app = express();
  ${expressHandler}
});`,
  // mocha: before(function () {…}) and context(…)
  `const express = require('express');
context('server', function () {
  before(function () {
    const app = express();
  ${expressHandler}
  });
});`,
];

/** The same file, the handler at module level (a shared app) or under calls that run no test. */
const notFixtures = [
  `import { test } from 'node:test';
import express from 'express';
const app = express();
${expressHandler}
test('uses the app', () => {});`,
  `import express from 'express';
const app = express();
const checks = { test: (name, fn) => fn() };
checks.test('not a runner', () => {
  ${expressHandler}
});`,
];

/** Each rule and the line it reports in the handlers above (first line of `expressHandler` is 1). */
const rules = [
  { name: 'no-body-with-null-body-status', rule: bodyRule, messageId: 'bodyDropped', line: 2 },
  {
    name: 'no-error-body-with-success-status',
    rule: errorBodyRule,
    messageId: 'errorBodyWithSuccess',
    line: 5,
  },
  { name: 'require-status-headers', rule: headersRule, messageId: 'missingHeader', line: 8 },
  { name: 'valid-status-code', rule: statusCodeRule, messageId: 'statusNotAccepted', line: 11 },
] as const;

/** The line of `expressHandler` in each of `notFixtures` minus one. */
const handlerOffsets = [3, 4];

for (const { name, rule } of rules) {
  for (const [label, tester] of [
    ['', ts],
    [' (JavaScript)', js],
  ] as const) {
    tester.run(`${name}: handlers inside test callbacks are fixtures${label}`, rule as never, {
      valid: fixtures,
      invalid: [],
    });
  }
}

// The rules' own tests cover these reports' fixes and suggestions; here only that they stay.
describe('handlers in a test file outside any test callback are still checked', () => {
  const linter = new Linter();
  const config = (parser?: unknown) => [
    {
      plugins: { 'http-status': plugin as never },
      ...(parser ? { languageOptions: { parser: parser as never } } : {}),
      rules: Object.fromEntries(rules.map(({ name }) => [`http-status/${name}`, 'error' as const])),
    },
  ];
  for (const [index, code] of notFixtures.entries()) {
    for (const [label, parser] of [
      ['TypeScript', tsParser],
      ['JavaScript', undefined],
    ] as const) {
      it(`case ${index + 1} (${label})`, () => {
        const reports = linter
          .verify(code, config(parser))
          .map((message) => [message.ruleId, message.messageId, message.line]);
        expect(reports).toEqual(
          rules.map(({ name, messageId, line }) => [
            `http-status/${name}`,
            messageId,
            line + handlerOffsets[index]!,
          ]),
        );
      });
    }
  }
});
