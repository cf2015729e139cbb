import { delayCase, FULL, rule, ruleTester, SLEEP } from './setup';

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
