import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { fullWaitText } from '../../src/fixes/retry-after';
import type { MessageIds, Options } from '../../src/rules/valid-retry-after';
import ruleModule from '../../src/rules/valid-retry-after';
import { createJavaScriptRuleTester, createRuleTester } from '../rule-tester';
import { describeFixOutputs } from './fix-outputs';
import plugin from '../../src';
import * as tsParser from '@typescript-eslint/parser';

// The rule tester bundles its own @typescript-eslint/utils types; the rule is the same object.
const rule = ruleModule as never;
const ts = createRuleTester();
const js = createJavaScriptRuleTester();

type Invalid = InvalidTestCase<MessageIds, Options>;
type Valid = ValidTestCase<Options> | string;

/** A retry loop around one fetch: `body` runs when the response is a 429. */
const loop = (body: string) => `async function get(url) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await fetch(url);
    if (res.status === 429) {
      ${body}
      continue;
    }
    return res;
  }
}`;
const sleepHelper = 'const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));\n';
const express = (body: string) => `import express from 'express';
const app = express();
app.get('/items', (req, res) => {
  ${body}
  res.status(429).send('Too Many Requests');
});`;
const full = (read: string, fallback: string) => fullWaitText(read, fallback);

const valid: Valid[] = [
  // A helper that parses both forms is trusted.
  loop(`await sleep(parseRetryAfter(res.headers.get('retry-after')));`),
  // NaN kept out: `||` after the parse, a check, a comparison, a date branch.
  sleepHelper + loop(`await sleep(Number(res.headers.get('retry-after')) * 1000 || 1000);`),
  sleepHelper +
    loop(`const seconds = parseInt(res.headers.get('retry-after') ?? '', 10);
      await sleep(Number.isNaN(seconds) ? 1000 : seconds * 1000);`),
  sleepHelper +
    loop(`const seconds = Number(res.headers.get('retry-after'));
      await sleep(seconds > 0 ? seconds * 1000 : 1000);`),
  sleepHelper +
    loop(`const header = res.headers.get('retry-after');
      const seconds = Number(header);
      const wait = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
      await sleep(wait);`),
  // A date parse with a seconds branch.
  sleepHelper +
    loop(`const header = res.headers.get('retry-after');
      if (/^\\d+$/.test(header)) await sleep(Number(header) * 1000);
      else await sleep(Date.parse(header) - Date.now());`),
  // Another header, in milliseconds by name.
  loop(`await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after-ms'))));`),
  // The value goes nowhere the analysis knows as a wait.
  loop(`console.log('retry in', Number(res.headers.get('retry-after')), 's');`),
  // An imported sleep's unit is unknown: only NaN is judged there, and `||` keeps it out.
  `import { sleep } from './utils';\n` +
    loop(`await sleep(Number(res.headers.get('retry-after')) || 1);`),
  // A local sleep that takes seconds is not a millisecond wait.
  `const sleepSeconds = (s) => new Promise((resolve) => setTimeout(resolve, s * 1000));\n` +
    loop(`await sleepSeconds(Number(res.headers.get('retry-after')) || 1);`),
  // axios headers are a plain object: read by index on purpose.
  `import axios from 'axios';
async function get(url) {
  try { return await axios.get(url); } catch (error) {
    const seconds = Number(error.response?.headers['retry-after']);
    if (Number.isFinite(seconds)) await new Promise((r) => setTimeout(r, seconds * 1000));
  }
}`,
  // Seconds added to now make a deadline, not a wait.
  loop(
    `const until = Date.now() + Number(res.headers.get('retry-after')) * 1000; queue.at(until);`,
  ),
  // dateForm: false — a server documented to send seconds.
  {
    code: sleepHelper + loop(`await sleep(Number(res.headers.get('retry-after')) * 1000);`),
    options: [{ dateForm: false }],
  },
  // Servers: whole seconds, IMF-fixdate, literals, values not followed.
  express(`res.set('Retry-After', String(Math.ceil(msBeforeNext / 1000)));`),
  express(`res.set('Retry-After', new Date(Date.now() + 60_000).toUTCString());`),
  express(`res.set('Retry-After', '120');`),
  express(`res.setHeader('Retry-After', 120);`),
  express(`res.set('Retry-After', String(60000 / 1000));`),
  express(`res.set('Retry-After', seconds.toString());`),
  express(`res.set('Retry-After', String((reset - Date.now()) / 1000 | 0));`),
  express(`res.set('Retry-After', retryAfter);`),
  express(`res.set('Retry-After-Ms', String(msBeforeNext));`),
  // A read of the header, not a write.
  express(`const value = res.get('Retry-After');`),
];

const invalid: Invalid[] = [
  // The guides' own example: a date gives NaN, and `|| 60` only covers a missing header.
  {
    code:
      sleepHelper +
      loop(`const retryAfter = res.headers.get('Retry-After') || 60;
      await sleep(retryAfter * 1000);`),
    errors: [
      {
        messageId: 'nanWait',
        line: 7,
        suggestions: [
          {
            messageId: 'useFullForm',
            output:
              sleepHelper +
              loop(`const retryAfter = res.headers.get('Retry-After') || 60;
      await sleep(${full('retryAfter', 'retryAfter * 1000')});`),
          },
        ],
      },
    ],
  },
  // Seconds straight into setTimeout.
  {
    code: `async function get(url, retry) {
  const res = await fetch(url);
  const retryAfter = res.headers.get('retry-after');
  if (res.status === 429) setTimeout(retry, retryAfter);
}`,
    errors: [
      {
        messageId: 'secondsAsMilliseconds',
        suggestions: [
          {
            messageId: 'useFullForm',
            output: `async function get(url, retry) {
  const res = await fetch(url);
  const retryAfter = res.headers.get('retry-after');
  if (res.status === 429) setTimeout(retry, ${full('retryAfter', '0')});
}`,
          },
        ],
      },
    ],
  },
  // After a numeric parse, flowing straight into the wait: `* 1000` is an autofix.
  {
    code: loop(
      `await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after')) || 1000));`,
    ),
    output: loop(
      `await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after')) * 1000 || 1000));`,
    ),
    errors: [{ messageId: 'secondsAsMilliseconds' }],
  },
  {
    code:
      sleepHelper +
      loop(
        `const seconds = +res.headers.get('retry-after'); await sleep(Math.min(seconds, 30_000) || 1000);`,
      ),
    output:
      sleepHelper +
      loop(
        `const seconds = +res.headers.get('retry-after'); await sleep(Math.min(seconds * 1000, 30_000) || 1000);`,
      ),
    errors: [{ messageId: 'secondsAsMilliseconds' }],
  },
  // The same edit where milliseconds are added after the seconds: a suggestion.
  {
    code: loop(
      `await new Promise((r) => setTimeout(r, parseInt(res.headers.get('retry-after'), 10) + 500));`,
    ),
    output: null,
    errors: [
      {
        messageId: 'secondsAsMilliseconds',
        suggestions: [
          {
            messageId: 'multiplyBy1000',
            output: loop(
              `await new Promise((r) => setTimeout(r, parseInt(res.headers.get('retry-after'), 10) * 1000 + 500));`,
            ),
          },
        ],
      },
    ],
  },
  // autofix: false offers every edit as a suggestion.
  {
    code: loop(
      `await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after')) || 1000));`,
    ),
    options: [{ autofix: false }],
    output: null,
    errors: [
      {
        messageId: 'secondsAsMilliseconds',
        suggestions: [
          {
            messageId: 'multiplyBy1000',
            output: loop(
              `await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after')) * 1000 || 1000));`,
            ),
          },
        ],
      },
    ],
  },
  // A retry library's retryDelay returns milliseconds.
  {
    code: `import axios from 'axios';
import axiosRetry from 'axios-retry';
axiosRetry(axios, { retryDelay: (count, error) => Number(error.response?.headers['retry-after']) || 1000 });`,
    output: `import axios from 'axios';
import axiosRetry from 'axios-retry';
axiosRetry(axios, { retryDelay: (count, error) => Number(error.response?.headers['retry-after']) * 1000 || 1000 });`,
    errors: [{ messageId: 'secondsAsMilliseconds' }],
  },
  // `??` does not keep NaN out: NaN is not nullish.
  {
    code: loop(`const seconds = parseInt(res.headers.get('retry-after') ?? '60', 10);
      await new Promise((r) => setTimeout(r, seconds * 1000));`),
    errors: [
      {
        messageId: 'nanWait',
        suggestions: [
          {
            messageId: 'useFullForm',
            output: loop(`const seconds = parseInt(res.headers.get('retry-after') ?? '60', 10);
      await new Promise((r) => setTimeout(r, ${full("res.headers.get('retry-after')", 'seconds * 1000')}));`),
          },
        ],
      },
    ],
  },
  // A raw truthiness test only covers a missing header (vercel/fetch-retry#31's shape).
  {
    code: `import fetchBuilder from 'fetch-retry';
const fetchWithRetry = fetchBuilder(fetch, {
  retryOn: [429, 503],
  retryDelay: (attempt, error, response) => {
    const retryAfter = response?.headers.get('retry-after');
    return retryAfter ? parseInt(retryAfter, 10) * 1000 : 1000;
  },
});`,
    errors: [
      {
        messageId: 'nanWait',
        suggestions: [
          {
            messageId: 'useFullForm',
            output: `import fetchBuilder from 'fetch-retry';
const fetchWithRetry = fetchBuilder(fetch, {
  retryOn: [429, 503],
  retryDelay: (attempt, error, response) => {
    const retryAfter = response?.headers.get('retry-after');
    return ${full('retryAfter', '(retryAfter ? parseInt(retryAfter, 10) * 1000 : 1000)')};
  },
});`,
          },
        ],
      },
    ],
  },
  // A date-only parse reads `120` as the year 120.
  {
    code:
      sleepHelper + loop(`await sleep(Date.parse(res.headers.get('retry-after')) - Date.now());`),
    errors: [
      {
        messageId: 'dateOnlyWait',
        suggestions: [
          {
            messageId: 'useFullForm',
            output:
              sleepHelper +
              loop(
                `await sleep(${full("res.headers.get('retry-after')", "Date.parse(res.headers.get('retry-after')) - Date.now()")});`,
              ),
          },
        ],
      },
    ],
  },
  {
    code: loop(`const until = new Date(res.headers.get('retry-after'));
      await new Promise((r) => setTimeout(r, until.getTime() - Date.now()));`),
    errors: [
      {
        messageId: 'dateOnlyWait',
        suggestions: [
          {
            messageId: 'useFullForm',
            output: loop(`const until = new Date(res.headers.get('retry-after'));
      await new Promise((r) => setTimeout(r, ${full("res.headers.get('retry-after')", 'until.getTime() - Date.now()')}));`),
          },
        ],
      },
    ],
  },
  // A fetch `Headers` read by index is always undefined: `.get()`.
  {
    code: loop(`const seconds = res.headers['retry-after'] ?? '5';
      log(seconds);`),
    output: loop(`const seconds = res.headers.get('retry-after') ?? '5';
      log(seconds);`),
    errors: [{ messageId: 'headersByIndex', data: { key: "'retry-after'" } }],
  },
  {
    code: loop(`log(res?.headers?.['Retry-After'] || 'none');`),
    output: loop(`log(res?.headers?.get('Retry-After') || 'none');`),
    errors: [{ messageId: 'headersByIndex', data: { key: "'Retry-After'" } }],
  },
  // …a suggestion where the code tells `undefined` apart (`.get()` gives `null`)…
  {
    code: loop(`const header = res.headers['retry-after'];
      if (header === undefined) break;`),
    output: null,
    errors: [
      {
        messageId: 'headersByIndex',
        suggestions: [
          {
            messageId: 'useGet',
            data: { key: "'retry-after'" },
            output: loop(`const header = res.headers.get('retry-after');
      if (header === undefined) break;`),
          },
        ],
      },
    ],
  },
  // …and where the value then reaches a wait this rule reports.
  {
    code: loop(
      `await new Promise((r) => setTimeout(r, Number(res.headers['retry-after']) * 1000));`,
    ),
    output: null,
    errors: [
      { messageId: 'nanWait', suggestions: [] },
      {
        messageId: 'headersByIndex',
        suggestions: [
          {
            messageId: 'useGet',
            data: { key: "'retry-after'" },
            output: loop(
              `await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after')) * 1000));`,
            ),
          },
        ],
      },
    ],
  },
  // Servers: a date in another form.
  {
    code: express(`const resetAt = new Date(Date.now() + 60_000);
  res.set('Retry-After', resetAt.toISOString());`),
    output: express(`const resetAt = new Date(Date.now() + 60_000);
  res.set('Retry-After', resetAt.toUTCString());`),
    errors: [{ messageId: 'writtenDateForm', data: { form: 'toISOString()' } }],
  },
  {
    code: express(`res.header('Retry-After', String(new Date(Date.now() + 60_000)));`),
    output: express(`res.header('Retry-After', new Date(Date.now() + 60_000).toUTCString());`),
    errors: [{ messageId: 'writtenDateForm', data: { form: 'String(date)' } }],
  },
  {
    code: express(`const until = new Date(Date.now() + 60_000);
  res.set({ 'Retry-After': until, 'Cache-Control': 'no-store' });`),
    output: express(`const until = new Date(Date.now() + 60_000);
  res.set({ 'Retry-After': until.toUTCString(), 'Cache-Control': 'no-store' });`),
    errors: [{ messageId: 'writtenDateForm', data: { form: 'a `Date`' } }],
  },
  {
    code: express(`res.setHeader('Retry-After', new Date(Date.now() + 60_000).toString());`),
    output: express(`res.setHeader('Retry-After', new Date(Date.now() + 60_000).toUTCString());`),
    errors: [{ messageId: 'writtenDateForm', data: { form: 'toString()' } }],
  },
  // A date library's toISOString: the receiver may have no toUTCString, so a suggestion.
  {
    code: express(`res.set('Retry-After', moment().add(1, 'minute').toISOString());`),
    output: null,
    errors: [
      {
        messageId: 'writtenDateForm',
        suggestions: [
          {
            messageId: 'useUTCString',
            output: express(`res.set('Retry-After', moment().add(1, 'minute').toUTCString());`),
          },
        ],
      },
    ],
  },
  // A fraction of a second.
  {
    code: express(`res.setHeader('Retry-After', (resetAt.getTime() - Date.now()) / 1000);`),
    output: express(
      `res.setHeader('Retry-After', Math.ceil((resetAt.getTime() - Date.now()) / 1000));`,
    ),
    errors: [{ messageId: 'writtenFraction' }],
  },
  {
    code: `import { Hono } from 'hono';
const app = new Hono();
app.get('/', (c) => { c.header('Retry-After', \`\${rateLimit.msBeforeNext / 1000}\`); return c.text('slow down', 429); });`,
    output: `import { Hono } from 'hono';
const app = new Hono();
app.get('/', (c) => { c.header('Retry-After', \`\${Math.ceil(rateLimit.msBeforeNext / 1000)}\`); return c.text('slow down', 429); });`,
    errors: [{ messageId: 'writtenFraction' }],
  },
  // The division in a `const` used elsewhere too: a suggestion.
  {
    code: express(`const seconds = msBeforeNext / 1000;
  res.set('Retry-After', String(seconds));
  res.json({ retryIn: seconds });`),
    output: null,
    errors: [
      {
        messageId: 'writtenFraction',
        line: 4,
        suggestions: [
          {
            messageId: 'roundUp',
            output: express(`const seconds = Math.ceil(msBeforeNext / 1000);
  res.set('Retry-After', String(seconds));
  res.json({ retryIn: seconds });`),
          },
        ],
      },
    ],
  },
  // Milliseconds (fastify/fastify-rate-limit#301): a suggestion.
  {
    code: express(`res.set('Retry-After', String(rejection.msBeforeNext));`),
    output: null,
    errors: [
      {
        messageId: 'writtenMilliseconds',
        suggestions: [
          {
            messageId: 'toSeconds',
            output: express(
              `res.set('Retry-After', String(Math.ceil(rejection.msBeforeNext / 1000)));`,
            ),
          },
        ],
      },
    ],
  },
  {
    code: `export function GET() {
  return new Response(null, { status: 429, headers: { 'Retry-After': String(Math.round(resetAt - Date.now())) } });
}`,
    output: null,
    errors: [
      {
        messageId: 'writtenMilliseconds',
        suggestions: [
          {
            messageId: 'toSeconds',
            output: `export function GET() {
  return new Response(null, { status: 429, headers: { 'Retry-After': String(Math.round((resetAt - Date.now()) / 1000)) } });
}`,
          },
        ],
      },
    ],
  },
  {
    code: express(`res.set('Retry-After', new Date(Date.now() + 60_000));`),
    options: [{ autofix: false }],
    output: null,
    errors: [
      {
        messageId: 'writtenDateForm',
        suggestions: [
          {
            messageId: 'useUTCString',
            output: express(`res.set('Retry-After', new Date(Date.now() + 60_000).toUTCString());`),
          },
        ],
      },
    ],
  },
];

const typescriptOnly: { valid: Valid[]; invalid: Invalid[] } = {
  valid: [
    `async function get(url: string): Promise<Response> {
  const res = await fetch(url);
  if (res.status === 429) {
    const seconds = Number(res.headers.get('retry-after') satisfies string | null);
    if (!Number.isFinite(seconds)) throw new Error('rate limited');
    await new Promise<void>((r) => setTimeout(r, seconds * 1000));
  }
  return res;
}`,
  ],
  invalid: [
    // Non-null assertions and `satisfies` keep the value.
    {
      code: `const HEADER = 'Retry-After';
async function get(url: string): Promise<void> {
  const res = await fetch(url);
  const seconds = Number(res.headers.get(HEADER)!) satisfies number;
  await new Promise<void>((r) => setTimeout(r, seconds || 1000));
}`,
      output: `const HEADER = 'Retry-After';
async function get(url: string): Promise<void> {
  const res = await fetch(url);
  const seconds = Number(res.headers.get(HEADER)!) satisfies number;
  await new Promise<void>((r) => setTimeout(r, seconds * 1000 || 1000));
}`,
      errors: [{ messageId: 'secondsAsMilliseconds' }],
    },
    // In TypeScript `.get()`'s `string | null` must fit: an autofix where it is given a fallback…
    {
      code: `async function get(url: string) {
  const res = await fetch(url);
  return (res.headers as any)['retry-after'] ?? '0';
}`,
      output: null,
      errors: [
        {
          messageId: 'headersByIndex',
          suggestions: [
            {
              messageId: 'useGet',
              data: { key: "'retry-after'" },
              output: `async function get(url: string) {
  const res = await fetch(url);
  return (res.headers as any).get('retry-after') ?? '0';
}`,
            },
          ],
        },
      ],
    },
    // …a suggestion where it goes to a declared type.
    {
      code: `async function get(url: string) {
  const res = await fetch(url);
  const header: string | undefined = res.headers['retry-after'];
  return header;
}`,
      output: null,
      errors: [
        {
          messageId: 'headersByIndex',
          suggestions: [
            {
              messageId: 'useGet',
              data: { key: "'retry-after'" },
              output: `async function get(url: string) {
  const res = await fetch(url);
  const header: string | undefined = res.headers.get('retry-after');
  return header;
}`,
            },
          ],
        },
      ],
    },
    {
      code: `async function get(url: string) {
  const res = await fetch(url);
  return Number(res.headers['retry-after']);
}`,
      output: `async function get(url: string) {
  const res = await fetch(url);
  return Number(res.headers.get('retry-after'));
}`,
      errors: [{ messageId: 'headersByIndex' }],
    },
  ],
};

describe('valid-retry-after', () => {
  ts.run('valid-retry-after (TypeScript parser)', rule, {
    valid: [...valid, ...typescriptOnly.valid],
    invalid: [...invalid, ...typescriptOnly.invalid].map((test) => ({
      ...test,
      filename: 'file.ts',
    })),
  });
  js.run('valid-retry-after (JavaScript)', rule, { valid, invalid });
});

describe('options', () => {
  const lint = (options: unknown) => {
    const linter = new Linter({ configType: 'flat' });
    return linter.verify('fetch(u)', {
      plugins: { 'http-status': { rules: { 'valid-retry-after': rule } } as never },
      rules: { 'http-status/valid-retry-after': ['error', options] as never },
    });
  };

  it('accepts its options', () => {
    expect(lint({ dateForm: false, autofix: false })).toEqual([]);
  });

  it.each([[{ autofix: 'yes' }], [{ dateForms: false }], [{ dateForm: 1 }]])(
    'rejects %j',
    (options) => {
      expect(() => lint(options)).toThrow(/valid-retry-after/);
    },
  );
});

const allInvalid = [...invalid, ...typescriptOnly.invalid];
describeFixOutputs('valid-retry-after', allInvalid);

// Each suggestion's output parses, writes no constant condition, and no rule of the plugin reports
// more on it (a `* 1000` suggestion may leave the NaN report it does not fix).
describe('valid-retry-after: every suggestion output, linted again with every rule', () => {
  const linter = new Linter({ configType: 'flat' });
  const lintAll = (code: string, options: readonly unknown[] | undefined) =>
    linter.verify(
      code,
      {
        files: ['**/*.ts'],
        plugins: { 'http-status': plugin as never },
        languageOptions: { parser: tsParser as Linter.Parser },
        rules: {
          ...Object.fromEntries(
            Object.keys(plugin.rules).map((name) => [`http-status/${name}`, 'error']),
          ),
          'http-status/valid-retry-after': ['error', ...(options ?? [])] as Linter.RuleEntry,
          'no-constant-condition': 'error',
          'no-constant-binary-expression': 'error',
        },
      },
      'file.ts',
    );
  const cases = allInvalid.flatMap((test) =>
    test.errors.flatMap((error) =>
      (error.suggestions ?? []).map(
        (suggestion) => [suggestion.messageId, test, suggestion.output] as const,
      ),
    ),
  );
  it.each(cases)('%s', (_messageId, test, output) => {
    const before = lintAll(test.code, test.options);
    const after = lintAll(output, test.options);
    expect(after.filter((m) => m.fatal || m.ruleId?.startsWith('no-constant'))).toEqual([]);
    for (const id of Object.keys(plugin.rules).map((name) => `http-status/${name}`)) {
      const count = (messages: Linter.LintMessage[]) =>
        messages.filter((m) => m.ruleId === id).length;
      expect([id, count(after)]).toEqual([id, Math.min(count(after), count(before))]);
    }
  });
});
