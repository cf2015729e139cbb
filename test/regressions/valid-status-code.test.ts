/**
 * False reports of valid-status-code found by the bench's review of real code (issue 23).
 */
import ruleModule from '../../src/rules/valid-status-code';
import { createJavaScriptRuleTester, createRuleTester } from '../rule-tester';

const rule = ruleModule as never;
const ts = createRuleTester();
const js = createJavaScriptRuleTester();

// fastify/test/reply-code.test.js:21: the app comes from a local require, so the framework is only
// inferred from (request, reply). Express 5 throws on 404.5 and '404'; Fastify and Node convert
// them. A guessed framework is judged by what HTTP allows, not by Express's stricter checks.
const guessed = (status: string) => `const Fastify = require('..');
const fastify = Fastify();
fastify.get('/x', function (request, reply) {
  reply.status(${status}).send();
});`;

const valid = [guessed('404.5'), guessed("'404'")];

const invalid = [
  {
    // out of every framework's range: still reported when the framework is a guess
    code: guessed('4040'),
    errors: [
      {
        messageId: 'statusNotAccepted' as const,
        data: { api: 'HTTP', accepted: 'an integer in 100–599', value: '4040' },
        suggestions: [
          { messageId: 'useStatus' as const, data: { status: '404' }, output: guessed('404') },
          { messageId: 'useStatus' as const, data: { status: '400' }, output: guessed('400') },
        ],
      },
    ],
  },
];

ts.run('valid-status-code: regressions from real code', rule, { valid, invalid });
js.run('valid-status-code: regressions from real code (JavaScript)', rule, { valid, invalid });
