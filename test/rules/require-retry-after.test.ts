import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import type { MessageIds, Options } from '../../src/rules/require-retry-after';
import requireRetryAfter from '../../src/rules/require-retry-after';
import { createJavaScriptRuleTester, createRuleTester } from '../rule-tester';

const ruleTester = createRuleTester();
// The rule tester may carry its own copy of @typescript-eslint/utils: the same rule, another type.
const rule = requireRetryAfter as unknown as Parameters<
  typeof ruleTester.run<MessageIds, Options>
>[1];
const jsRuleTester = createJavaScriptRuleTester();

const SLEEP = 'const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));';
const FULL = (read: string, fallback: string) =>
  `((value) => { const seconds = Number(value); return value && Number.isFinite(seconds) ? seconds * 1000 : Math.max(0, Date.parse(String(value)) - Date.now()); })(${read}) || ${fallback}`;

interface DelayCaseOptions {
  readonly statuses?: string;
  readonly fallback?: string;
  readonly options?: [{ statuses?: number[]; headers?: string[] }];
  readonly line?: number;
}

/**
 * An invalid case whose delay is marked `⟦…⟧` in `code`: the fix puts the seconds form of the
 * header (`read`) before it, the suggestion the full form.
 */
function delayCase(code: string, read: string, extra: DelayCaseOptions = {}) {
  const match = /⟦([^⟧]*)⟧/.exec(code);
  if (!match) throw new Error('no ⟦delay⟧ in the case');
  const delay = match[1]!;
  const fallback = extra.fallback ?? delay;
  const source = code.replace(/⟦|⟧/g, '');
  return {
    code: source,
    ...(extra.options ? { options: extra.options } : {}),
    output: code.replace(match[0], `Number(${read}) * 1000 || ${fallback}`),
    errors: [
      {
        messageId: 'ignoresWait' as const,
        ...(extra.statuses ? { data: { statuses: extra.statuses } } : {}),
        ...(extra.line ? { line: extra.line } : {}),
        suggestions: [
          {
            messageId: 'useFullForm' as const,
            output: code.replace(match[0], FULL(read, fallback)),
          },
        ],
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Retries the code writes: loops, recursion, timers, catch
// ---------------------------------------------------------------------------------------------

ruleTester.run('require-retry-after: retry paths', rule, {
  valid: [
    // Reads Retry-After on the path.
    `
${SLEEP}
async function getJson(url: string) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const res = await fetch(url);
    if (res.status === 429) {
      const retryAfter = res.headers.get('Retry-After');
      await sleep(retryAfter ? Number(retryAfter) * 1000 : 1000);
      continue;
    }
    return res.json();
  }
}`,
    // The fixed form.
    `
${SLEEP}
async function getJson(url: string) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const res = await fetch(url);
    if (res.status === 429) {
      await sleep(Number(res.headers.get('retry-after')) * 1000 || 1000);
      continue;
    }
    return res.json();
  }
}`,
    // Header name in any case, computed member, optional chaining, `as`, `!`.
    `
async function load(url: string) {
  while (true) {
    const res = await fetch(url);
    if (res.status === 503) {
      await new Promise((r) => setTimeout(r, Number(res.headers?.get('RETRY-AFTER' as string)!) * 1000));
      continue;
    }
    return res;
  }
}`,
    // Read before the status check, used in the branch.
    `
async function load(url) {
  for (;;) {
    const res = await fetch(url);
    const wait = Number(res.headers.get('retry-after')) * 1000;
    if (!res.ok) {
      await new Promise((r) => setTimeout(r, wait || 1000));
      continue;
    }
    return res;
  }
}`,
    // A local helper that reads the header.
    `
function retryDelay(res, fallback) {
  const seconds = Number(res.headers.get('retry-after'));
  return seconds ? seconds * 1000 : fallback;
}
async function load(url) {
  for (let i = 0; i < 3; i++) {
    const res = await fetch(url);
    if (res.status === 429) {
      await new Promise((r) => setTimeout(r, retryDelay(res, 1000)));
      continue;
    }
    return res;
  }
}`,
    // A helper named for it, imported.
    `
import { parseRetryAfter } from './http';
${SLEEP}
async function load(url) {
  for (let i = 0; i < 3; i++) {
    const res = await fetch(url);
    if (res.status === 429) {
      await sleep(parseRetryAfter(res) ?? 1000);
      continue;
    }
    return res;
  }
}`,
    // A const holding the header name.
    `
const RETRY_AFTER = 'Retry-After';
${SLEEP}
async function load(url) {
  for (let i = 0; i < 3; i++) {
    const res = await fetch(url);
    if (res.status === 429) {
      await sleep(Number(res.headers.get(RETRY_AFTER)) * 1000);
      continue;
    }
    return res;
  }
}`,
    // Rate-limit reset header (default option `headers`).
    `
async function gh(url) {
  for (;;) {
    const res = await fetch(url);
    if (res.status === 429 || res.status === 403) {
      const reset = Number(res.headers.get('x-ratelimit-reset')) * 1000;
      await new Promise((r) => setTimeout(r, Math.max(reset - Date.now(), 0)));
      continue;
    }
    return res;
  }
}`,
    // axios: the error's response headers, in a catch-based retry.
    `
import axios from 'axios';
async function get(url, n = 3) {
  try {
    return await axios.get(url);
  } catch (error) {
    if (error.response?.status === 429 && n > 0) {
      const wait = Number(error.response.headers['retry-after'] ?? 1) * 1000;
      await new Promise((r) => setTimeout(r, wait));
      return get(url, n - 1);
    }
    throw error;
  }
}`,
    // A custom error that carries the wait.
    `
class RateLimitError extends Error {
  retryAfter: number;
  constructor(seconds: number) { super('rate limited'); this.retryAfter = seconds; }
}
async function call(url: string) {
  for (let i = 0; i < 5; i++) {
    try {
      const res = await fetch(url);
      if (res.status === 429) throw new RateLimitError(Number(res.headers.get('retry-after')));
      return await res.json();
    } catch (err) {
      if (err instanceof RateLimitError) {
        await new Promise((r) => setTimeout(r, err.retryAfter * 1000));
        continue;
      }
      throw err;
    }
  }
}`,
    // Timer re-invocation that reads the header.
    `
function poll(url) {
  fetch(url).then((res) => {
    if (res.status === 429) {
      setTimeout(() => poll(url), Number(res.headers.get('retry-after')) * 1000 || 10000);
      return;
    }
    render(res);
  });
}`,
    // Leave alone: a 429 branch that does not retry.
    `
async function load(url) {
  const res = await fetch(url);
  if (res.status === 429) {
    showToast('Too many requests, try again later');
    return null;
  }
  return res.json();
}`,
    `
async function load(url) {
  const res = await fetch(url);
  if (res.status === 429) throw new Error('rate limited');
  return res.json();
}`,
    // Leave alone: retries whose statuses exclude 429 and 503.
    `
async function load(url) {
  for (let i = 0; i < 3; i++) {
    const res = await fetch(url);
    if (res.status === 500 || res.status === 502) {
      await new Promise((r) => setTimeout(r, 1000));
      continue;
    }
    return res;
  }
}`,
    `
async function load(url) {
  for (let i = 0; i < 3; i++) {
    const res = await fetch(url);
    if (res.status >= 500 && res.status !== 503) {
      await new Promise((r) => setTimeout(r, 1000));
      continue;
    }
    return res;
  }
}`,
    // Leave alone: a 429 that stops the retry, a 5xx that retries.
    `
async function load(url) {
  for (let i = 0; i < 3; i++) {
    const res = await fetch(url);
    if (res.status === 429) return null;
    if (res.status === 500) {
      await new Promise((r) => setTimeout(r, 1000));
      continue;
    }
    return res;
  }
}`,
    // Leave alone: servers that send 429/503.
    `
import express from 'express';
const app = express();
app.get('/', (req, res) => {
  res.set('Retry-After', '120');
  res.status(429).send('slow down');
});`,
    // Leave alone: polling not decided by a status.
    `
async function pollJob(id) {
  while (true) {
    const res = await fetch('/jobs/' + id);
    const job = await res.json();
    if (job.done) return job;
    await new Promise((r) => setTimeout(r, 5000));
  }
}`,
    // Leave alone: a loop over different URLs.
    `
async function all(urls) {
  for (const url of urls) {
    const res = await fetch(url);
    if (res.status === 429) {
      await new Promise((r) => setTimeout(r, 1000));
      continue;
    }
    console.log(await res.json());
  }
}`,
    // Options: only 503 watched.
    {
      code: `
async function load(url) {
  for (let i = 0; i < 3; i++) {
    const res = await fetch(url);
    if (res.status === 429) {
      await new Promise((r) => setTimeout(r, 1000));
      continue;
    }
    return res;
  }
}`,
      options: [{ statuses: [503] }],
    },
    // Options: a custom header counts.
    {
      code: `
async function load(url) {
  for (let i = 0; i < 3; i++) {
    const res = await fetch(url);
    if (res.status === 429) {
      await new Promise((r) => setTimeout(r, Number(res.headers.get('X-Backoff')) * 1000));
      continue;
    }
    return res;
  }
}`,
      options: [{ headers: ['x-backoff'] }],
    },
  ],
  invalid: [
    // for loop, `sleep` helper, fetch: exact location too.
    {
      ...delayCase(
        `
${SLEEP}
async function getJson(url: string) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const res = await fetch(url);
    if (res.status === 429) {
      await sleep(⟦1000⟧);
      continue;
    }
    return res.json();
  }
}`,
        "res.headers.get('retry-after')",
      ),
      errors: [
        {
          messageId: 'ignoresWait',
          data: { statuses: '429' },
          line: 7,
          column: 19,
          endLine: 7,
          endColumn: 23,
          suggestions: [
            {
              messageId: 'useFullForm',
              output: `
${SLEEP}
async function getJson(url: string) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const res = await fetch(url);
    if (res.status === 429) {
      await sleep(${FULL("res.headers.get('retry-after')", '1000')});
      continue;
    }
    return res.json();
  }
}`,
            },
          ],
        },
      ],
    },
    // while loop, `!res.ok` includes both, exponential backoff in a promise timer.
    delayCase(
      `
async function load(url) {
  let attempt = 0;
  while (true) {
    const res = await fetch(url);
    if (!res.ok && attempt < 3) {
      attempt++;
      await new Promise((resolve) => setTimeout(resolve, ⟦2 ** attempt * 100⟧));
      continue;
    }
    return res;
  }
}`,
      "res.headers.get('retry-after')",
      { statuses: '429 or 503' },
    ),
    // Recursion on 503; a conditional delay gets parentheses.
    delayCase(
      `
async function fetchData(url: string, retries = 3): Promise<unknown> {
  const res = await fetch(url);
  if (res.status === 503 && retries > 0) {
    await new Promise((resolve) => setTimeout(resolve, ⟦retries > 1 ? 2000 : 5000⟧));
    return fetchData(url, retries - 1);
  }
  return res.json();
}`,
      "res.headers.get('retry-after')",
      { statuses: '503', fallback: '(retries > 1 ? 2000 : 5000)' },
    ),
    // Timer re-invocation in a `.then` callback; the comment stays.
    delayCase(
      `
function poll(url) {
  fetch(url).then((res) => {
    if (res.status === 429) {
      setTimeout(() => poll(url), ⟦10000⟧ /* ten seconds */);
      return;
    }
    render(res);
  });
}`,
      "res.headers.get('retry-after')",
    ),
    // `status >= 500` includes 503; a delay helper declared as a function.
    delayCase(
      `
function delay(ms: number) { return new Promise((resolve) => setTimeout(resolve, ms)); }
async function send(url: string) {
  for (let i = 0; i < 3; i++) {
    const response = await fetch(url);
    if (response.status >= 500) {
      await delay(⟦500 * i⟧);
      continue;
    }
    return response;
  }
}`,
      "response.headers.get('retry-after')",
      { statuses: '503' },
    ),
    // axios, catch-based recursion: \`error.response?.headers[…]\`.
    delayCase(
      `
import axios from 'axios';
${SLEEP}
async function get(url, retries = 3) {
  try {
    return await axios.get(url);
  } catch (error) {
    if (error.response?.status === 429 && retries > 0) {
      await sleep(⟦1000⟧);
      return get(url, retries);
    }
    throw error;
  }
}`,
      "error.response?.headers['retry-after']",
    ),
    // got with node-style headers.
    delayCase(
      `
import got from 'got';
${SLEEP}
async function g(url) {
  for (;;) {
    const res = await got(url, { throwHttpErrors: false });
    if (res.statusCode === 429) {
      await sleep(⟦1000⟧);
      continue;
    }
    return res.body;
  }
}`,
      "res.headers['retry-after']",
    ),
    // The header is read in another branch only: this path still ignores it.
    delayCase(
      `
${SLEEP}
async function load(url) {
  for (let i = 0; i < 5; i++) {
    const res = await fetch(url);
    if (res.status === 503) {
      await sleep(Number(res.headers.get('retry-after')) * 1000);
      continue;
    }
    if (res.status === 429) {
      await sleep(⟦1000⟧);
      continue;
    }
    return res;
  }
}`,
      "res.headers.get('retry-after')",
      { line: 11, statuses: '429' },
    ),
    // Options: statuses.
    delayCase(
      `
async function load(url) {
  for (let i = 0; i < 3; i++) {
    const res = await fetch(url);
    if (res.status === 502) {
      await new Promise((r) => setTimeout(r, ⟦1000⟧));
      continue;
    }
    return res;
  }
}`,
      "res.headers.get('retry-after')",
      { statuses: '502', options: [{ statuses: [502] }] },
    ),
    // Options: \`headers: []\` — only Retry-After counts.
    delayCase(
      `
async function gh(url) {
  for (;;) {
    const res = await fetch(url);
    if (res.status === 429) {
      await new Promise((r) => setTimeout(r, ⟦Number(res.headers.get('x-ratelimit-reset')) * 1000 - Date.now()⟧));
      continue;
    }
    return res;
  }
}`,
      "res.headers.get('retry-after')",
      { options: [{ headers: [] }] },
    ),
    // Double quotes, as the file writes them.
    delayCase(
      `
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function load(url) {
  for (let i = 0; i < 3; i++) {
    const res = await fetch(url, { method: "GET" });
    if (res.status === 503) {
      await sleep(⟦1000⟧);
      continue;
    }
    return res;
  }
}`,
      'res.headers.get("retry-after")',
    ),
    // An imported wait: its name and argument say what it is.
    delayCase(
      `
import { sleep } from './utils';
import axios from 'axios';
async function get(url, retries = 3) {
  try {
    return await axios.get(url);
  } catch (error) {
    if (error.response?.status === 429 && retries > 0) {
      await sleep(⟦1000⟧);
      return get(url, retries - 1);
    }
    throw error;
  }
}`,
      "error.response?.headers['retry-after']",
    ),
    delayCase(
      `
const utils = require('./utils');
async function load(url) {
  for (let i = 0; i < 4; i++) {
    const res = await fetch(url);
    if (res.status === 503) {
      await utils.delay(⟦i * 250⟧);
      continue;
    }
    return res;
  }
}`,
      "res.headers.get('retry-after')",
    ),
    // TypeScript: the code reads the status through an assertion; `error.response` would not type-check.
    {
      code: `
import axios, { AxiosError } from 'axios';
${SLEEP}
async function get(url: string, retries = 3): Promise<unknown> {
  try {
    return await axios.get(url);
  } catch (error) {
    if ((error as AxiosError).response?.status === 429 && retries > 0) {
      await sleep(1000);
      return get(url, retries - 1);
    }
    throw error;
  }
}`,
      output: null,
      errors: [{ messageId: 'ignoresWait', line: 9 }],
    },
    // A retry with no wait at all: reported, nothing to fix.
    {
      code: `
async function x(url) {
  while (true) {
    const res = await fetch(url);
    if (res.status === 429) continue;
    return res;
  }
}`,
      output: null,
      errors: [
        {
          messageId: 'noWait',
          data: { statuses: '429' },
          line: 5,
          column: 29,
          suggestions: [
            {
              messageId: 'addWait',
              output: `
async function x(url) {
  while (true) {
    const res = await fetch(url);
    if (res.status === 429) { await new Promise((resolve) => setTimeout(resolve, Number(res.headers.get('retry-after')) * 1000 || 0)); continue; }
    return res;
  }
}`,
            },
          ],
        },
      ],
    },
    // Recursion without a wait, in a block: the wait goes before the call's statement.
    {
      code: `
import axios from 'axios';
async function get(url, retries = 3) {
  try {
    return await axios.get(url);
  } catch (error) {
    if (error.response?.status === 503 && retries > 0) {
      return get(url, retries - 1);
    }
    throw error;
  }
}`,
      output: null,
      errors: [
        {
          messageId: 'noWait',
          suggestions: [
            {
              messageId: 'addWait',
              output: `
import axios from 'axios';
async function get(url, retries = 3) {
  try {
    return await axios.get(url);
  } catch (error) {
    if (error.response?.status === 503 && retries > 0) {
      await new Promise((resolve) => setTimeout(resolve, Number(error.response?.headers['retry-after']) * 1000 || 0));
      return get(url, retries - 1);
    }
    throw error;
  }
}`,
            },
          ],
        },
      ],
    },
    // Not in an async function: no place for an \`await\`, nothing suggested.
    {
      code: `
function poll(url) {
  return fetch(url).then((res) => (res.status === 503 ? poll(url) : res));
}`,
      output: null,
      errors: [{ messageId: 'noWait' }],
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// Retry libraries
// ---------------------------------------------------------------------------------------------

ruleTester.run('require-retry-after: libraries', rule, {
  valid: [
    // ky, got, retry-axios, undici, axios-retry with its default delays honour Retry-After.
    `import ky from 'ky';
await ky.get(url, { retry: { limit: 5, statusCodes: [429, 503] } });
await ky(url, { retry: { afterStatusCodes: [429, 503] } });
await ky(url, { retry: { statusCodes: [500, 502], afterStatusCodes: [] } });
await ky(url, { retry: { limit: 0, afterStatusCodes: [] } });
const api = ky.create({ retry: 3 });`,
    `import got from 'got';
await got(url, { retry: { limit: 3, statusCodes: [429, 503] } });`,
    `import { RetryAgent, Agent } from 'undici';
const agent = new RetryAgent(new Agent(), { statusCodes: [429, 503], minTimeout: 500 });`,
    `import axios from 'axios';
import * as rax from 'retry-axios';
rax.attach();
await axios.get(url, { raxConfig: { retry: 3, statusCodesToRetry: [[429, 429], [500, 599]] } });`,
    `import axios from 'axios';
import axiosRetry, { exponentialDelay, isNetworkError } from 'axios-retry';
axiosRetry(axios, { retries: 3 });
axiosRetry(axios, { retries: 3, retryDelay: exponentialDelay });
axiosRetry(axios, { retries: 3, retryDelay: axiosRetry.linearDelay() });
axiosRetry(axios, { retries: 3, retryDelay: (count, error) => axiosRetry.exponentialDelay(count, error, 500) });
axiosRetry(axios, { retries: 3, retryCondition: isNetworkError, retryDelay: () => 1000 });
axiosRetry(axios, { retries: 3, retryCondition: (e) => e.response?.status === 500, retryDelay: () => 1000 });
axiosRetry(axios, { retries: 0, retryDelay: () => 1000 });
axiosRetry(axios, { retries: 3, retryDelay: (count, error) => Number(error.response?.headers['retry-after']) * 1000 || count * 1000 });`,
    // fetch-retry: a delay function that reads the header; statuses without 429/503.
    `import fetchBuilder from 'fetch-retry';
const f = fetchBuilder(fetch, {
  retryOn: [429, 503],
  retryDelay: (attempt, error, response) => {
    const retryAfter = response?.headers.get('retry-after');
    return retryAfter ? Number(retryAfter) * 1000 : 2 ** attempt * 1000;
  },
});`,
    `import fetchBuilder from 'fetch-retry';
const f = fetchBuilder(fetch, { retryOn: [500, 502], retryDelay: 1000 });
const g = fetchBuilder(fetch);
await g(url, { retries: 0, retryOn: [429], retryDelay: 1000 });
await g(url, { retryOn: (attempt, error) => error !== null && attempt < 3 });`,
    // fetch-retry: a delay imported or passed the response (may read it).
    `import fetchBuilder from 'fetch-retry';
import { backoff } from './backoff';
const f = fetchBuilder(fetch, { retryOn: [429], retryDelay: backoff });
const g = fetchBuilder(fetch, { retryOn: [429], retryDelay: (n, e, response) => delayFor(n, response) });`,
    // fetch-retry: per-call options; the builder gives the delay.
    `import fetchBuilder from 'fetch-retry';
const f = fetchBuilder(fetch, { retryDelay: (n, e, r) => Number(r?.headers.get('retry-after')) * 1000 || 1000 });
await f(url, { retryOn: [429, 503] });`,
    // ofetch: default statuses are not chosen by the code; no retry for POST or `retry: 0`.
    `import { ofetch } from 'ofetch';
await ofetch('/api', { retry: 3, retryDelay: 500 });
await ofetch('/api', { method: 'POST', retryStatusCodes: [429], retryDelay: 500 });
await ofetch('/api', { retry: 0, retryStatusCodes: [429], retryDelay: 500 });
await ofetch('/api', { retry: false, retryStatusCodes: [429], retryDelay: 500 });
await ofetch('/api', { retry: 2, retryStatusCodes: [500, 502], retryDelay: 500 });
await ofetch('/api', { retry: 2, retryStatusCodes: [429], retryDelay: ({ response }) => Number(response?.headers.get('retry-after')) * 1000 });`,
    // p-retry / async-retry: 429 aborts, or the callback waits for the header itself.
    `import pRetry, { AbortError } from 'p-retry';
await pRetry(async () => {
  const res = await fetch(url);
  if (res.status === 429) throw new AbortError('rate limited');
  if (res.status >= 500 && res.status !== 503) throw new Error('server error');
  return res.json();
});`,
    `import retry from 'async-retry';
await retry(async (bail) => {
  const res = await fetch(url);
  if (res.status === 429) {
    await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after')) * 1000));
    throw new Error('rate limited');
  }
  return res.json();
});`,
    `import pRetry from 'p-retry';
await pRetry(async () => {
  const res = await fetch(url);
  if (res.status === 429) throw Object.assign(new Error('rate limited'), { retryAfter: res.headers.get('retry-after') });
  return res.json();
}, { onFailedAttempt: async (error) => { if (error.retryAfter) await new Promise((r) => setTimeout(r, error.retryAfter * 1000)); } });`,
  ],
  invalid: [
    // ky: `afterStatusCodes: []` drops both; removing it restores ky's default.
    {
      code: `import ky from 'ky';
const api = ky.create({ retry: { limit: 5, afterStatusCodes: [] } });`,
      output: `import ky from 'ky';
const api = ky.create({ retry: { limit: 5 } });`,
      errors: [
        { messageId: 'kyAfterStatusCodes', data: { statuses: '429 and 503' }, line: 2, column: 44 },
      ],
    },
    {
      code: `import ky from 'ky';
await ky.get(url, { retry: { afterStatusCodes: [413], limit: 2 } });`,
      output: `import ky from 'ky';
await ky.get(url, { retry: { limit: 2 } });`,
      errors: [{ messageId: 'kyAfterStatusCodes', data: { statuses: '429 and 503' } }],
    },
    // Only the retried ones count: `statusCodes: [429, 500]` drops 429.
    {
      code: `import ky from 'ky';
await ky(url, { retry: { statusCodes: [429, 500], afterStatusCodes: [] } });`,
      output: `import ky from 'ky';
await ky(url, { retry: { statusCodes: [429, 500] } });`,
      errors: [{ messageId: 'kyAfterStatusCodes', data: { statuses: '429' } }],
    },
    // Removing would drop 500: the statuses are added instead.
    {
      code: `import ky from 'ky';
await ky(url, { retry: { afterStatusCodes: [413, 500], limit: 2 } });`,
      output: `import ky from 'ky';
await ky(url, { retry: { afterStatusCodes: [413, 500, 429, 503], limit: 2 } });`,
      errors: [{ messageId: 'kyAfterStatusCodes' }],
    },
    // A comment after the entry stays.
    {
      code: `import ky from 'ky';
const api = ky.extend({
  retry: {
    limit: 3,
    afterStatusCodes: [], // never wait
    backoffLimit: 3000,
  },
});`,
      output: `import ky from 'ky';
const api = ky.extend({
  retry: {
    limit: 3,
    // never wait
    backoffLimit: 3000,
  },
});`,
      errors: [{ messageId: 'kyAfterStatusCodes' }],
    },
    // fetch-retry: a numeric delay becomes a function that reads the header.
    {
      code: `import fetchBuilder from 'fetch-retry';
const fetchWithRetry = fetchBuilder(fetch, { retries: 3, retryOn: [429, 503], retryDelay: 1000 });`,
      output: `import fetchBuilder from 'fetch-retry';
const fetchWithRetry = fetchBuilder(fetch, { retries: 3, retryOn: [429, 503], retryDelay: (_attempt, _error, response) => Number(response?.headers.get('retry-after')) * 1000 || 1000 });`,
      errors: [
        { messageId: 'libraryDelay', data: { library: 'fetch-retry', statuses: '429 or 503' } },
      ],
    },
    // fetch-retry: an arrow that ignores the response keeps its body as the fallback.
    {
      code: `import fetchRetry from 'fetch-retry';
const f = fetchRetry(fetch, { retryOn: [503], retryDelay: (attempt) => 2 ** attempt * 1000 });`,
      output: `import fetchRetry from 'fetch-retry';
const f = fetchRetry(fetch, { retryOn: [503], retryDelay: (attempt, _error, response) => Number(response?.headers.get('retry-after')) * 1000 || 2 ** attempt * 1000 });`,
      errors: [{ messageId: 'libraryDelay' }],
    },
    // fetch-retry: a function `retryOn` that lets 503 through, no delay given (1000 ms).
    {
      code: `import fetchRetry from 'fetch-retry';
const f = fetchRetry(fetch);
await f(url, { retryOn: (attempt, error, response) => attempt < 3 && (error !== null || response.status >= 500) });`,
      output: `import fetchRetry from 'fetch-retry';
const f = fetchRetry(fetch);
await f(url, { retryOn: (attempt, error, response) => attempt < 3 && (error !== null || response.status >= 500), retryDelay: (_attempt, _error, response) => Number(response?.headers.get('retry-after')) * 1000 || 1000 });`,
      errors: [
        { messageId: 'libraryDefaultDelay', data: { library: 'fetch-retry', statuses: '503' } },
      ],
    },
    // fetch-retry: a local delay function that only reads the status.
    {
      code: `import fetchRetry from 'fetch-retry';
function backoff(attempt: number, error: Error | null, response: Response | null) {
  return response?.status === 429 ? 10000 : 1000 * attempt;
}
const f = fetchRetry(fetch, { retryOn: [429], retryDelay: backoff });`,
      output: `import fetchRetry from 'fetch-retry';
function backoff(attempt: number, error: Error | null, response: Response | null) {
  return response?.status === 429 ? 10000 : 1000 * attempt;
}
const f = fetchRetry(fetch, { retryOn: [429], retryDelay: (attempt, error, response) => Number(response?.headers.get('retry-after')) * 1000 || backoff(attempt, error, response) });`,
      errors: [{ messageId: 'libraryDelay' }],
    },
    // ofetch: explicit statuses with 429, a number delay.
    {
      code: `import { ofetch } from 'ofetch';
const data = await ofetch('/api', { retry: 3, retryStatusCodes: [429, 500], retryDelay: 500 });`,
      output: `import { ofetch } from 'ofetch';
const data = await ofetch('/api', { retry: 3, retryStatusCodes: [429, 500], retryDelay: (context) => Number(context.response?.headers.get('retry-after')) * 1000 || 500 });`,
      errors: [{ messageId: 'libraryDelay', data: { library: 'ofetch', statuses: '429' } }],
    },
    // ofetch: a function delay that ignores the context.
    {
      code: `import { ofetch } from 'ofetch';
await ofetch('/api', { retry: 3, retryStatusCodes: [503], retryDelay: (ctx) => 1000 });`,
      output: `import { ofetch } from 'ofetch';
await ofetch('/api', { retry: 3, retryStatusCodes: [503], retryDelay: (ctx) => Number(ctx.response?.headers.get('retry-after')) * 1000 || 1000 });`,
      errors: [{ messageId: 'libraryDelay' }],
    },
    // ofetch.create: no delay given (0 ms).
    {
      code: `import { ofetch } from 'ofetch';
const api = ofetch.create({ baseURL: '/api', retry: 2, retryStatusCodes: [429, 503] });`,
      output: `import { ofetch } from 'ofetch';
const api = ofetch.create({ baseURL: '/api', retry: 2, retryStatusCodes: [429, 503], retryDelay: (context) => Number(context.response?.headers.get('retry-after')) * 1000 || 0 });`,
      errors: [{ messageId: 'libraryDefaultDelay' }],
    },
    // axios-retry: a custom delay that ignores its error.
    {
      code: `import axios from 'axios';
import axiosRetry from 'axios-retry';
axiosRetry(axios, { retries: 3, retryDelay: (retryCount) => retryCount * 1000 });`,
      output: `import axios from 'axios';
import axiosRetry from 'axios-retry';
axiosRetry(axios, { retries: 3, retryDelay: (retryCount, error) => Number(error.response?.headers['retry-after']) * 1000 || retryCount * 1000 });`,
      errors: [
        { messageId: 'libraryDelay', data: { library: 'axios-retry', statuses: '429 or 503' } },
      ],
    },
    {
      code: `import axios from 'axios';
import axiosRetry from 'axios-retry';
const client = axios.create();
axiosRetry(client, {
  retries: 5,
  retryCondition: (error) => error.response?.status === 429,
  retryDelay: function (count) {
    return count * 2000;
  },
});`,
      output: `import axios from 'axios';
import axiosRetry from 'axios-retry';
const client = axios.create();
axiosRetry(client, {
  retries: 5,
  retryCondition: (error) => error.response?.status === 429,
  retryDelay: (retryCount, error) => Number(error.response?.headers['retry-after']) * 1000 || (function (count) {
    return count * 2000;
  })(retryCount, error),
});`,
      errors: [{ messageId: 'libraryDelay', data: { library: 'axios-retry', statuses: '429' } }],
    },
    // p-retry and async-retry: a throw on 429/503 is retried on the library's schedule.
    {
      code: `import pRetry from 'p-retry';
await pRetry(async () => {
  const res = await fetch(url);
  if (res.status === 429) throw new Error('rate limited');
  return res.json();
}, { retries: 5 });`,
      output: null,
      errors: [
        { messageId: 'libraryCallback', data: { library: 'p-retry', statuses: '429' }, line: 4 },
      ],
    },
    {
      code: `import retry from 'async-retry';
await retry(async (bail) => {
  const res = await fetch(url);
  if (res.status === 403) {
    bail(new Error('forbidden'));
    return;
  }
  if (!res.ok) throw new Error(String(res.status));
  return res.json();
});`,
      output: null,
      errors: [
        {
          messageId: 'libraryCallback',
          data: { library: 'async-retry', statuses: '429 or 503' },
          line: 8,
        },
      ],
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// Plain JavaScript (espree), JSX, odd syntax
// ---------------------------------------------------------------------------------------------

jsRuleTester.run('require-retry-after: JavaScript', rule, {
  valid: [
    // JSX component that shows the 429 instead of retrying.
    `
export function Quota({ url }) {
  const [state, setState] = useState(null);
  useEffect(() => {
    fetch(url).then((res) => {
      if (res.status === 429) setState('busy');
      else setState('ok');
    });
  }, [url]);
  return <p>{state}</p>;
}`,
    // CommonJS, reads the header through a destructured helper.
    `
const { getRetryAfterMs } = require('./retry');
async function load(url) {
  for (let i = 0; i < 3; i++) {
    const res = await fetch(url);
    if (res.status === 503) {
      await new Promise((r) => setTimeout(r, getRetryAfterMs(res) ?? 1000));
      continue;
    }
    return res;
  }
}`,
    // Code that does not parse into anything we know: no crash.
    `for (;;) { continue; }`,
    `async function* gen(u) { while (true) { const r = yield fetch(u); if (r) continue; } }`,
  ],
  invalid: [
    // `.then` chain with a timer and a sequence expression as the delay.
    delayCase(
      `
function poll(url, n) {
  return fetch(url).then((res) => {
    if (res.status === 503) {
      setTimeout(() => poll(url, n), ⟦(n++, 5000)⟧);
      return undefined;
    }
    return res.json();
  });
}`,
      "res.headers.get('retry-after')",
      { fallback: '(n++, 5000)' },
    ),
    // Destructured status, `switch`, a loop with `do…while`.
    delayCase(
      `
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function load(url) {
  let res;
  let tries = 0;
  do {
    res = await fetch(url);
    const { status } = res;
    switch (status) {
      case 429:
      case 503:
        await wait(⟦1000 * ++tries⟧);
        continue;
      default:
        return res;
    }
  } while (tries < 5);
}`,
      "res.headers.get('retry-after')",
    ),
    // Aliased response and optional chaining on the status.
    delayCase(
      `
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function load(url) {
  for (let i = 0; i < 3; i++) {
    const response = await fetch(url);
    const r = response;
    if (r?.status === 429) {
      await sleep(⟦250⟧);
      continue;
    }
    return r;
  }
}`,
      "response.headers.get('retry-after')",
    ),
  ],
});

ruleTester.run('require-retry-after: TypeScript syntax', rule, {
  valid: [
    `
declare function sleep(ms: number): Promise<void>;
type Res = Awaited<ReturnType<typeof fetch>>;
async function load(url: string): Promise<Res> {
  for (let i = 0; i < 3; i++) {
    const res = (await fetch(url)) satisfies Res;
    if (res.status === 429) {
      await sleep((Number(res.headers.get('retry-after')!) as number) * 1000);
      continue;
    }
    return res;
  }
  throw new Error('gave up');
}`,
  ],
  invalid: [
    delayCase(
      `
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
async function load(url: string) {
  for (let i = 0; i < 3; i++) {
    const res = (await fetch(url))!;
    if ((res.status as number) === 429) {
      await sleep(⟦1000 as number⟧);
      continue;
    }
    return res;
  }
}`,
      "res.headers.get('retry-after')",
      { fallback: '(1000 as number)' },
    ),
  ],
});

describe('require-retry-after options', () => {
  const lint = (options: unknown) => {
    const linter = new Linter({ configType: 'flat' });
    return linter.verify('fetch(u)', {
      plugins: { 'http-status': { rules: { 'require-retry-after': rule } } as never },
      rules: { 'http-status/require-retry-after': ['error', options] as never },
    });
  };

  it('accepts its options', () => {
    expect(lint({ statuses: [429, 503, 502], headers: ['x-backoff'] })).toEqual([]);
  });

  it.each([
    [{ status: [429] }],
    [{ statuses: ['429'] }],
    [{ statuses: [42] }],
    [{ headers: [''] }],
    [{ headers: 'retry-after' }],
  ])('rejects %j', (options) => {
    expect(() => lint(options)).toThrow(/require-retry-after/);
  });

  it('rejects an empty statuses list, which would turn the rule off', () => {
    expect(() => lint({ statuses: [] })).toThrow(
      'Key "rules": Key "http-status/require-retry-after":\n\tValue [] should NOT have fewer than 1 items.',
    );
  });

  it('says that a headers list replaces the defaults', () => {
    const headers = (
      rule.meta.schema as unknown as Array<{ properties: { headers: { description: string } } }>
    )[0]!.properties.headers;
    expect(headers.description).toContain('Replaces the default list');
  });
});
