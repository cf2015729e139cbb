/**
 * False reports of no-body-with-null-body-status found by the bench's review of real code
 * (issue 23). Each case is the smallest code that shows the report.
 */
import ruleModule from '../../src/rules/no-body-with-null-body-status';
import { createJavaScriptRuleTester, createRuleTester } from '../rule-tester';

const rule = ruleModule as never;
const ts = createRuleTester();
const js = createJavaScriptRuleTester();

const valid = [
  {
    // fastify/test/types/reply.tst.ts:204: a type test (tstyche) checks which payloads a status
    // accepts; it is compiled, never run, so nothing is sent.
    name: 'a 1xx send in a type test',
    code: `import { expect } from 'tstyche';
import Fastify from 'fastify';
const server = Fastify();
server.get('/switching', async (request, reply) => {
  reply.code(101).send(123);
});
expect(server).type.not.toBeUndefined();`,
  },
];

const tsValid = [
  `import { expectType } from 'tsd';
import Fastify, { type FastifyReply } from 'fastify';
const server = Fastify();
server.delete('/items/:id', async (request, reply: FastifyReply) => {
  expectType<FastifyReply>(reply.code(204).send({ deleted: true }));
});`,
];

const code = (send: string) => `import Fastify from 'fastify';
const server = Fastify();
const checker = 'tstyche';
server.delete('/items/:id', async (request, reply) => {
  reply.${send};
});`;

const invalid = [
  {
    // a file that only names a type-test library in a string serves requests as any other
    code: code('code(204).send({ deleted: checker })'),
    output: code('code(204).send()'),
    errors: [
      {
        messageId: 'bodyDropped' as const,
        suggestions: [
          { messageId: 'sendOk' as const, output: code('code(200).send({ deleted: checker })') },
        ],
      },
    ],
  },
  {
    // fastify/test/reply-code.test.js:73: the app comes from a local require, so the framework is
    // inferred from (request, reply); Express's bodiless form (.end()) may not exist on it (a
    // Fastify reply has none): the edit is offered, never applied.
    code: `const Fastify = require('..');
const fastify = Fastify();
fastify.get('/undefined/204', function (request, reply) {
  reply.status(204).send({ message: 'hello' });
});`,
    output: null,
    errors: [
      {
        messageId: 'bodyDropped' as const,
        suggestions: [
          {
            messageId: 'removeBody' as const,
            output: `const Fastify = require('..');
const fastify = Fastify();
fastify.get('/undefined/204', function (request, reply) {
  reply.status(204).end();
});`,
          },
          {
            messageId: 'sendOk' as const,
            output: `const Fastify = require('..');
const fastify = Fastify();
fastify.get('/undefined/204', function (request, reply) {
  reply.status(200).send({ message: 'hello' });
});`,
          },
        ],
      },
    ],
  },
];

ts.run('no-body-with-null-body-status: regressions from real code', rule, {
  valid: [...valid, ...tsValid],
  invalid,
});
js.run('no-body-with-null-body-status: regressions from real code (JavaScript)', rule, {
  valid,
  invalid,
});
