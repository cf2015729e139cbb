import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../../src';
import noRetryOnClientError from '../../src/rules/no-retry-on-client-error';
import { createJavaScriptRuleTester, createRuleTester } from '../rule-tester';
import type { FixedCase } from './fix-outputs';
import { describeFixOutputs } from './fix-outputs';

const ruleTester = createRuleTester();
const jsRuleTester = createJavaScriptRuleTester();
// @typescript-eslint/rule-tester brings its own @typescript-eslint/utils; the rule is the same object.
const rule = noRetryOnClientError as unknown as Parameters<typeof ruleTester.run>[1];

type InvalidCase = Parameters<typeof ruleTester.run>[2]['invalid'][number];
/** Most invalid cases pin `retryable: [429]` so rewritten conditions stay short; the default (408, 425, 429) has cases of its own. */
const pinned = (cases: InvalidCase[]): InvalidCase[] => {
  const result = cases.map((c) =>
    c.options ? c : { ...c, options: [{ retryable: [429] }] as never },
  );
  fixedCases.push(...(result as FixedCase[]));
  return result;
};
const fixedCases: FixedCase[] = [];

const SLEEP = `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));\n`;

ruleTester.run('no-retry-on-client-error', rule, {
  valid: [
    // ---- retries that carry only 5xx, 429 or network errors
    `async function get(url) {
      for (let i = 0; i < 3; i++) {
        const res = await fetch(url);
        if (res.status === 429 || res.status >= 500) { await sleep(1000); continue; }
        return res;
      }
    }`,
    `async function get(url) {
      for (let i = 0; i < 3; i++) {
        const res = await fetch(url);
        if (res.ok || (res.status < 500 && res.status !== 429)) return res;
        await sleep(2 ** i * 100);
      }
    }`,
    `async function get(url, retries = 3) {
      const res = await fetch(url);
      if (res.status >= 500 && retries > 0) return get(url, retries - 1);
      return res;
    }`,
    `async function get(url) {
      let res;
      do { res = await fetch(url); } while (res.status >= 500);
      return res;
    }`,
    `async function get(url) {
      while (true) {
        const res = await fetch(url);
        switch (res.status) {
          case 503: case 502: await sleep(500); continue;
          default: return res;
        }
      }
    }`,
    // ---- polling on 202
    `${SLEEP}async function poll(url) {
      while (true) {
        const res = await fetch(url);
        if (res.status === 202) { await sleep(1000); continue; }
        return res.json();
      }
    }`,
    // ---- loops over different requests
    `async function all(urls) { for (const url of urls) { const res = await fetch(url); if (!res.ok) continue; console.log(await res.json()); } }`,
    `async function pages(start) {
      let next = start;
      while (next) { const res = await fetch(next); if (!res.ok) continue; next = (await res.json()).next; }
    }`,
    `async function pages() { for (let page = 1; page < 10; page++) { const res = await fetch('/items?page=' + page); if (res.status >= 400) continue; } }`,
    `async function get(ids) { for (let i = 0; i < ids.length; i++) { const res = await fetch(\`/items/\${ids[i]}\`); if (!res.ok) continue; } }`,
    // ---- 401 after a refresh that changes the request
    `async function get(url) {
      let token = await login();
      for (let n = 0; n < 2; n++) {
        const res = await fetch(url, { headers: { Authorization: 'Bearer ' + token } });
        if (res.status === 401) { token = await login(); continue; }
        return res;
      }
    }`,
    `async function get(url, init) {
      for (let n = 0; n < 2; n++) {
        const res = await fetch(url, init);
        if (res.status === 401) { init.headers.Authorization = await refresh(); continue; }
        return res;
      }
    }`,
    `let accessToken = '';
    export async function refresh() { accessToken = await login(); }
    async function get(url) {
      for (let n = 0; n < 2; n++) {
        const res = await fetch(url, { headers: { Authorization: accessToken } });
        if (!res.ok) { await refresh(); continue; }
        return res;
      }
    }`,
    `async function get(url) {
      for (let n = 0; n < 2; n++) {
        const res = await fetch(url, { headers: await authHeaders() });
        if (res.status === 401) { await store.refreshToken(); continue; }
        return res;
      }
    }`,
    `class Api {
      async refresh() { this.token = await login(); }
      async get(url) {
        for (let n = 0; n < 2; n++) {
          const res = await fetch(url, { headers: { Authorization: this.token } });
          if (res.status === 401) { await this.refresh(); continue; }
          return res;
        }
      }
    }`,
    `import ky from 'ky';
    const api = ky.create({
      retry: { statusCodes: [401] },
      hooks: { beforeRetry: [async ({ request }) => { request.headers.set('Authorization', 'Bearer ' + (await refresh())); }] },
    });`,
    // ---- no status decides: polling, generic wrappers
    `${SLEEP}async function watch(url) { while (true) { const res = await fetch(url); render(await res.json()); await sleep(5000); } }`,
    `import axios from 'axios';
    async function get(url) { for (let i = 0; i < 3; i++) { try { return (await axios.get(url)).data; } catch (e) { await sleep(100); } } }`,
    `async function withRetry(fn, n = 3) { try { return await fn(); } catch (e) { if (n === 0) throw e; return withRetry(fn, n - 1); } }`,
    // ---- throwing clients: their response is 2xx
    `import axios from 'axios';
    async function get(url) { for (;;) { const res = await axios.get(url); if (res.status !== 200) continue; return res.data; } }`,
    // ---- catches that rethrow client errors
    `import axios from 'axios';
    async function get(url) {
      for (let i = 0; i < 3; i++) {
        try { return (await axios.get(url)).data; }
        catch (err) { if (err.response && err.response.status < 500 && err.response.status !== 429) throw err; await sleep(100); }
      }
    }`,
    `async function get(url, attempt = 0) {
      try {
        const res = await fetch(url);
        if (res.status >= 500) throw new Error('server');
        return res;
      } catch (e) {
        if (attempt < 3) return get(url, attempt + 1);
        throw e;
      }
    }`,
    // ---- library settings without 4xx, and library defaults
    `import ky from 'ky'; await ky.get(u, { retry: { limit: 3, statusCodes: [429, 500, 502, 503] } });`,
    `import ky from 'ky'; await ky(u, { retry: 5 });`,
    `import got from 'got'; await got(u, { retry: { limit: 2 } });`,
    `import { ofetch } from 'ofetch'; await ofetch(u, { retry: 3, retryDelay: 500 });`,
    `import { ofetch } from 'ofetch'; await ofetch(u, { retryStatusCodes: [429, 503] });`,
    `import axios from 'axios'; import * as rax from 'retry-axios'; axios.create({ raxConfig: { statusCodesToRetry: [[100, 199], [429, 429], [500, 599]] } });`,
    `import fetchBuilder from 'fetch-retry'; const f = fetchBuilder(fetch, { retryOn: [503] });`,
    `import fetchBuilder from 'fetch-retry'; const f = fetchBuilder(fetch); f(u, { retryOn: (attempt, error, response) => attempt < 3 && (error !== null || response.status >= 500) });`,
    `import { RetryAgent, Agent } from 'undici'; new RetryAgent(new Agent(), { statusCodes: [429, 502, 503] });`,
    `import { Octokit } from 'octokit'; new Octokit({ retry: { doNotRetry: [400, 401, 403, 404, 409, 410, 422, 451] } });`,
    `import axios from 'axios'; import axiosRetry, { isNetworkOrIdempotentRequestError } from 'axios-retry';
    axiosRetry(axios, { retries: 3, retryCondition: (error) => isNetworkOrIdempotentRequestError(error) || error.response?.status === 429 });`,
    `import axiosRetry from 'axios-retry'; axiosRetry(axios, { retryCondition: () => false });`,
    `import superagent from 'superagent'; superagent.get(u).retry(2, (err, res) => !res || res.status >= 500);`,
    `import { retry } from 'wretch/middlewares'; retry({ until: (response) => response && (response.ok || (response.status >= 400 && response.status < 500 && response.status !== 429)) });`,
    // ---- retry libraries that stop on client errors
    `import pRetry, { AbortError } from 'p-retry';
    await pRetry(async () => {
      const res = await fetch(u);
      if (res.status >= 400 && res.status < 500 && res.status !== 429) throw new AbortError(res.statusText);
      if (!res.ok) throw new Error(res.statusText);
      return res.json();
    });`,
    `import retry from 'async-retry';
    await retry(async (bail) => {
      const res = await fetch(u);
      if (res.status < 500 && res.status !== 429 && !res.ok) { bail(new Error('gone')); return; }
      if (!res.ok) throw new Error(res.statusText);
      return res;
    });`,
    `import pRetry from 'p-retry';
    await pRetry(async () => { const res = await fetch(u); if (!res.ok) throw new HttpError(res); return res; }, { shouldRetry: ({ error }) => error.status >= 500 });`,
    `import { backOff } from 'exponential-backoff';
    await backOff(async () => { const res = await fetch(u); if (res.status >= 500) throw new Error('x'); return res; });`,
    // ---- predicates that exclude 4xx
    `function shouldRetry(error) { return !error.response || error.response.status >= 500 || error.response.status === 429; }`,
    `const isRetryable = (status) => status === 429 || status >= 500;`,
    `const RETRYABLE = new Set([429, 502, 503]); function isRetryableStatus(status) { return RETRYABLE.has(status); }`,
    `function shouldRefetch(res) { return res.status >= 400; }`,
    // ---- rate limits signalled by headers (GitHub answers 403 with x-ratelimit-remaining: 0)
    `async function get(url) {
      for (let i = 0; i < 5; i++) {
        const res = await fetch(url);
        if (res.status === 403 && res.headers.get('x-ratelimit-remaining') === '0') {
          await sleep(Number(res.headers.get('x-ratelimit-reset')) * 1000 - Date.now());
          continue;
        }
        return res;
      }
    }`,
    // ---- the retryable option
    {
      code: `import ky from 'ky'; await ky.get(u, { retry: { statusCodes: [408, 429, 500] } });`,
      options: [{ retryable: [408, 429] }],
    },
    {
      code: `function shouldRetry(status) { return status === 425 || status >= 500; }`,
      options: [{ retryable: [425] }],
    },
    // ---- odd code
    `async function get(url) { for (;;) { const res = await fetch(url); if ((count++, res.ok)) break; } }`,
    `label: for (;;) { for (;;) { const r = await fetch(u); if (r.status >= 500) continue label; break label; } }`,
    `function f() { return f(); } const g = () => g?.(); retry(); shouldRetry();`,
    `const o = { shouldRetry() { return true; }, ['isRetryable']: () => false };`,
  ],
  invalid: pinned([
    // ---- loops: the condition that lets 4xx through is rewritten (a suggestion where a 4xx would then reach code that never saw one)
    {
      code: `async function get(url) {
  while (true) {
    const res = await fetch(url);
    if (res.status >= 400) { await sleep(500); continue; }
    return res.json();
  }
}`,
      errors: [
        {
          messageId: 'retriesClientError',
          line: 4,
          column: 9,
          data: { statuses: 'any 4xx other than 429', retryable: '429 and 5xx' },
          suggestions: [
            {
              messageId: 'suggestRetryOnly',
              output: `async function get(url) {
  while (true) {
    const res = await fetch(url);
    if (res.status === 429 || res.status >= 500) { await sleep(500); continue; }
    return res.json();
  }
}`,
            },
            {
              messageId: 'suggestEarlyExit',
              output: `async function get(url) {
  while (true) {
    const res = await fetch(url);
    if (res.status >= 400 && res.status < 500 && res.status !== 429) throw new Error(\`Request failed with status \${res.status}\`);
    if (res.status >= 400) { await sleep(500); continue; }
    return res.json();
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `async function get(url) {
  let res;
  let tries = 0;
  do { res = await fetch(url); } while (!res.ok && tries++ < 5);
  return res;
}`,
      output: `async function get(url) {
  let res;
  let tries = 0;
  do { res = await fetch(url); } while ((res.status === 429 || res.status >= 500) && tries++ < 5);
  return res;
}`,
      errors: [{ messageId: 'retriesClientError', line: 4, column: 41 }],
    },
    {
      code: `async function get(url) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const response = await fetch(url, { method: 'POST', body: '{}' });
    if (response.status !== 200) continue;
    return response;
  }
}`,
      errors: [
        {
          messageId: 'retriesClientError',
          // No rewrite: `!== 200` also holds for 201, which would then reach `return response`.
          suggestions: [
            {
              messageId: 'suggestEarlyExit',
              output: `async function get(url) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const response = await fetch(url, { method: 'POST', body: '{}' });
    if (response.status >= 400 && response.status < 500 && response.status !== 429) throw new Error(\`Request failed with status \${response.status}\`);
    if (response.status !== 200) continue;
    return response;
  }
}`,
            },
          ],
        },
      ],
    },
    // a copy of the status, destructured
    {
      code: `async function get(url) {
  for (let i = 0; i < 5; i++) {
    const { status } = await fetch(url);
    if (status >= 400 && i < 4) continue;
    return status;
  }
}`,
      output: `async function get(url) {
  for (let i = 0; i < 5; i++) {
    const { status } = await fetch(url);
    if ((status === 429 || status >= 500) && i < 4) continue;
    return status;
  }
}`,
      errors: [{ messageId: 'retriesClientError' }],
    },
    // the retryable option shapes the rewrite
    {
      code: `async function get(url) {
  while (true) {
    const res = await fetch(url);
    if (!res.ok) continue;
    return res;
  }
}`,
      options: [{ retryable: [429, 408] }],
      errors: [
        {
          messageId: 'retriesClientError',
          data: { statuses: 'any 4xx other than 408, 429', retryable: '408, 429 and 5xx' },
          suggestions: [
            {
              messageId: 'suggestRetryOnly',
              output: `async function get(url) {
  while (true) {
    const res = await fetch(url);
    if (res.status === 408 || res.status === 429 || res.status >= 500) continue;
    return res;
  }
}`,
            },
            {
              messageId: 'suggestEarlyExit',
              output: `async function get(url) {
  while (true) {
    const res = await fetch(url);
    if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) throw new Error(\`Request failed with status \${res.status}\`);
    if (!res.ok) continue;
    return res;
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `async function get(url) {
  while (true) {
    const res = await fetch(url);
    if (!res.ok) continue;
    return res;
  }
}`,
      options: [{ retryable: [] }],
      errors: [
        {
          messageId: 'retriesClientError',
          data: { statuses: 'any 4xx', retryable: '5xx' },
          suggestions: [
            {
              messageId: 'suggestRetryOnly',
              output: `async function get(url) {
  while (true) {
    const res = await fetch(url);
    if (res.status >= 500) continue;
    return res;
  }
}`,
            },
            {
              messageId: 'suggestEarlyExit',
              output: `async function get(url) {
  while (true) {
    const res = await fetch(url);
    if (res.status >= 400 && res.status < 500) throw new Error(\`Request failed with status \${res.status}\`);
    if (!res.ok) continue;
    return res;
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // retryable without 429: a 429 retry is a finding only because of the option: never \`if (false)\`, no autofix.
      code: `async function get(url) {
  while (true) {
    const res = await fetch(url);
    if (res.status === 429) { await sleep(1000); continue; }
    return res;
  }
}`,
      output: null,
      options: [{ retryable: [408] }],
      errors: [
        {
          messageId: 'retriesClientError',
          data: { statuses: '429', retryable: '408 and 5xx' },
          suggestions: [
            {
              messageId: 'suggestRemoveRetry',
              output: `async function get(url) {
  while (true) {
    const res = await fetch(url);
    return res;
  }
}`,
            },
            {
              messageId: 'suggestEarlyExit',
              output: `async function get(url) {
  while (true) {
    const res = await fetch(url);
    if (res.status >= 400 && res.status < 500 && res.status !== 408) throw new Error(\`Request failed with status \${res.status}\`);
    if (res.status === 429) { await sleep(1000); continue; }
    return res;
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `import ky from 'ky';
ky.create({ retry: { statusCodes: [429, 500] } });`,
      output: null,
      options: [{ retryable: [] }],
      errors: [
        {
          messageId: 'listsClientError',
          data: { status: '429', retryable: '5xx' },
          suggestions: [
            {
              messageId: 'suggestStopRetrying',
              data: { statuses: '429' },
              output: `import ky from 'ky';
ky.create({ retry: { statusCodes: [500] } });`,
            },
          ],
        },
      ],
    },
    {
      // With the defaults the same list has nothing to report; 404 alone is still fixed with retryable: [].
      code: `import ky from 'ky';
ky.create({ retry: { statusCodes: [404, 500] } });`,
      output: `import ky from 'ky';
ky.create({ retry: { statusCodes: [500] } });`,
      options: [{ retryable: [] }],
      errors: [{ messageId: 'listsClientError', data: { status: '404', retryable: '5xx' } }],
    },
    // ---- loops with nothing to rewrite: an early exit is suggested
    {
      code: `async function get(url) {
  for (let i = 0; i < 3; i++) {
    const res = await fetch(url);
    if (res.ok) return res.json();
    await sleep(1000 * 2 ** i);
  }
}`,
      errors: [
        {
          messageId: 'retriesClientError',
          line: 4,
          column: 9,
          suggestions: [
            {
              messageId: 'suggestEarlyExit',
              output: `async function get(url) {
  for (let i = 0; i < 3; i++) {
    const res = await fetch(url);
    if (res.status >= 400 && res.status < 500 && res.status !== 429) throw new Error(\`Request failed with status \${res.status}\`);
    if (res.ok) return res.json();
    await sleep(1000 * 2 ** i);
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `async function get(url) {
  while (true) {
    const res = await fetch(url);
    switch (res.status) {
      case 200: return res.json();
      case 404: await sleep(100); continue;
      default: throw new Error('x');
    }
  }
}`,
      errors: [
        {
          messageId: 'retriesClientError',
          line: 6,
          column: 12,
          data: { statuses: '404', retryable: '429 and 5xx' },
          suggestions: [
            {
              messageId: 'suggestEarlyExit',
              output: `async function get(url) {
  while (true) {
    const res = await fetch(url);
    if (res.status >= 400 && res.status < 500 && res.status !== 429) throw new Error(\`Request failed with status \${res.status}\`);
    switch (res.status) {
      case 200: return res.json();
      case 404: await sleep(100); continue;
      default: throw new Error('x');
    }
  }
}`,
            },
          ],
        },
      ],
    },
    // ---- recursion, .then, setTimeout
    {
      code: `async function get(url, retries = 3) {
  const res = await fetch(url);
  if (!res.ok && retries > 0) return get(url, retries - 1);
  return res;
}`,
      output: `async function get(url, retries = 3) {
  const res = await fetch(url);
  if ((res.status === 429 || res.status >= 500) && retries > 0) return get(url, retries - 1);
  return res;
}`,
      errors: [{ messageId: 'retriesClientError' }],
    },
    {
      code: `function get(url, n) {
  return fetch(url).then((res) => {
    if (res.status >= 400 && n > 0) return sleep(100).then(() => get(url, n - 1));
    return res.json();
  });
}`,
      output: `function get(url, n) {
  return fetch(url).then((res) => {
    if ((res.status === 429 || res.status >= 500) && n > 0) return sleep(100).then(() => get(url, n - 1));
    return res.json();
  });
}`,
      errors: [{ messageId: 'retriesClientError' }],
    },
    {
      code: `const load = (url) =>
  fetch(url).then((res) => {
    if (res.status >= 400) setTimeout(() => load(url), 1000);
    else render(res);
  });`,
      errors: [
        {
          messageId: 'retriesClientError',
          suggestions: [
            {
              messageId: 'suggestRetryOnly',
              output: `const load = (url) =>
  fetch(url).then((res) => {
    if (res.status === 429 || res.status >= 500) setTimeout(() => load(url), 1000);
    else render(res);
  });`,
            },
            {
              messageId: 'suggestEarlyExit',
              output: `const load = (url) =>
  fetch(url).then((res) => {
    if (res.status >= 400 && res.status < 500 && res.status !== 429) throw new Error(\`Request failed with status \${res.status}\`);
    if (res.status >= 400) setTimeout(() => load(url), 1000);
    else render(res);
  });`,
            },
          ],
        },
      ],
    },
    {
      code: `class Client {
  async get(path, attempt = 0) {
    const res = await fetch(this.base + path);
    if (res.status >= 400 && attempt < 3) return this.get(path, attempt + 1);
    return res;
  }
}`,
      output: `class Client {
  async get(path, attempt = 0) {
    const res = await fetch(this.base + path);
    if ((res.status === 429 || res.status >= 500) && attempt < 3) return this.get(path, attempt + 1);
    return res;
  }
}`,
      errors: [{ messageId: 'retriesClientError' }],
    },
    // ---- catch-based retries
    {
      code: `import axios from 'axios';
async function get(url) {
  for (let i = 0; i < 3; i++) {
    try {
      const { data } = await axios.get(url);
      return data;
    } catch (err) {
      if (err.response?.status === 404) throw err;
      await sleep(100);
    }
  }
}`,
      errors: [
        {
          messageId: 'retriesClientError',
          line: 8,
          column: 11,
          data: { statuses: '400–403, 405–428, 430–499', retryable: '429 and 5xx' },
          suggestions: [
            {
              messageId: 'suggestRethrow',
              output: `import axios from 'axios';
async function get(url) {
  for (let i = 0; i < 3; i++) {
    try {
      const { data } = await axios.get(url);
      return data;
    } catch (err) {
      if (err.response?.status >= 400 && err.response?.status < 500 && err.response?.status !== 429) throw err;
      if (err.response?.status === 404) throw err;
      await sleep(100);
    }
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `import axios from 'axios';
async function get(url) {
  for (let i = 0; i < 3; i++) {
    try {
      return (await axios.get(url)).data;
    } catch (error) {
      if (error.response && error.response.status >= 400) continue;
      throw error;
    }
  }
}`,
      output: `import axios from 'axios';
async function get(url) {
  for (let i = 0; i < 3; i++) {
    try {
      return (await axios.get(url)).data;
    } catch (error) {
      if (error.response && (error.response.status === 429 || error.response.status >= 500)) continue;
      throw error;
    }
  }
}`,
      errors: [{ messageId: 'retriesClientError' }],
    },
    {
      code: `async function get(url) {
  for (let i = 0; i < 3; i++) {
    try {
      const res = await fetch(url);
      if (!res.ok) throw new Error('HTTP ' + res.status);
      return await res.json();
    } catch (err) {
      await sleep(100);
    }
  }
}`,
      errors: [{ messageId: 'retriesClientError', line: 5, column: 11, suggestions: [] }],
    },
    {
      code: `import axios from 'axios';
function get(url, n = 3) {
  return axios.get(url).catch((error) => {
    if (error.response?.status >= 400 && n > 0) return get(url, n - 1);
    throw error;
  });
}`,
      output: `import axios from 'axios';
function get(url, n = 3) {
  return axios.get(url).catch((error) => {
    if ((error.response?.status === 429 || error.response?.status >= 500) && n > 0) return get(url, n - 1);
    throw error;
  });
}`,
      errors: [{ messageId: 'retriesClientError' }],
    },
    // ---- library configuration: statuses are removed from lists
    {
      code: `import ky from 'ky';
await ky.get(url, { retry: { limit: 3, statusCodes: [400, 429, 500] } });`,
      output: `import ky from 'ky';
await ky.get(url, { retry: { limit: 3, statusCodes: [429, 500] } });`,
      errors: [
        { messageId: 'listsClientError', data: { status: '400', retryable: '429 and 5xx' } },
      ],
    },
    // Parenthesised elements keep their parentheses balanced (found by the fuzz test).
    {
      code: `import ky from 'ky';
await ky(url, { retry: { statusCodes: [(ok ? 500 : 503), (408)] } });`,
      output: `import ky from 'ky';
await ky(url, { retry: { statusCodes: [(ok ? 500 : 503)] } });`,
      errors: [{ messageId: 'listsClientError' }],
    },
    {
      code: `import ky from 'ky';
await ky(url, { retry: { statusCodes: [((400)), 500] } });`,
      output: `import ky from 'ky';
await ky(url, { retry: { statusCodes: [500] } });`,
      errors: [{ messageId: 'listsClientError' }],
    },
    {
      code: `import ky from 'ky';
const api = ky.create({ prefixUrl: '/api', retry: { statusCodes: [500, 404] } });`,
      output: `import ky from 'ky';
const api = ky.create({ prefixUrl: '/api', retry: { statusCodes: [500] } });`,
      errors: [{ messageId: 'listsClientError' }],
    },
    {
      code: `import got from 'got';
const client = got.extend({ retry: { limit: 2, statusCodes: [403, 404, 503] } });`,
      // Two adjacent elements: one report and one fix for the list (touching fixes take oxlint two runs).
      output: `import got from 'got';
const client = got.extend({ retry: { limit: 2, statusCodes: [503] } });`,
      errors: [
        {
          messageId: 'listsClientError',
          data: { status: '403–404', retryable: '429 and 5xx' },
          line: 2,
          column: 62,
          endLine: 2,
          endColumn: 70,
        },
      ],
    },
    {
      code: `import ky from 'ky';
ky.create({ retry: { statusCodes: [400, 404, 500] } });`,
      output: `import ky from 'ky';
ky.create({ retry: { statusCodes: [500] } });`,
      errors: [
        { messageId: 'listsClientError', data: { status: '400, 404', retryable: '429 and 5xx' } },
      ],
    },
    {
      // Apart, and the last ones: the comma before the trailing run goes with it.
      code: `import ky from 'ky';
ky.create({ retry: { statusCodes: [400, 500, 404, 409] } });`,
      output: `import ky from 'ky';
ky.create({ retry: { statusCodes: [500] } });`,
      errors: [
        {
          messageId: 'listsClientError',
          data: { status: '400, 404, 409', retryable: '429 and 5xx' },
        },
      ],
    },
    {
      code: `import ky from 'ky';
ky.create({ retry: { statusCodes: [500, (400), 503, 404,] } });`,
      output: `import ky from 'ky';
ky.create({ retry: { statusCodes: [500, 503,] } });`,
      errors: [{ messageId: 'listsClientError' }],
    },
    {
      // Every element: an empty list, as the element-by-element fixes left it.
      code: `import ky from 'ky';
ky.create({ retry: { statusCodes: [400, 404] } });`,
      output: `import ky from 'ky';
ky.create({ retry: { statusCodes: [] } });`,
      errors: [
        { messageId: 'listsClientError', data: { status: '400, 404', retryable: '429 and 5xx' } },
      ],
    },
    {
      code: `import ky from 'ky';
ky.create({
  retry: {
    statusCodes: [
      400,
      500,
      404,
      503,
    ],
  },
});`,
      output: `import ky from 'ky';
ky.create({
  retry: {
    statusCodes: [
      500,
      503,
    ],
  },
});`,
      errors: [{ messageId: 'listsClientError', line: 5, endLine: 7 }],
    },
    {
      // A comment between removed elements stays.
      code: `import ky from 'ky';
ky.create({ retry: { statusCodes: [400, /* why */ 404, 500] } });`,
      output: `import ky from 'ky';
ky.create({ retry: { statusCodes: [/* why */ 500] } });`,
      errors: [{ messageId: 'listsClientError' }],
    },
    {
      code: `import axios from 'axios';
import * as rax from 'retry-axios';
const client = axios.create({ raxConfig: { statusCodesToRetry: [[100, 199], [400, 599], [403, 404]] satisfies [number, number][] } });`,
      output: `import axios from 'axios';
import * as rax from 'retry-axios';
const client = axios.create({ raxConfig: { statusCodesToRetry: [[100, 199], [429, 429], [500, 599]] satisfies [number, number][] } });`,
      errors: [{ messageId: 'listsClientError' }],
    },
    {
      code: `import { ofetch } from 'ofetch';
await ofetch('/api', { retry: 3, retryStatusCodes: [409, 425, 429, 500] });`,
      output: `import { ofetch } from 'ofetch';
await ofetch('/api', { retry: 3, retryStatusCodes: [425, 429, 500] });`,
      options: [{ retryable: [425, 429] }],
      errors: [{ messageId: 'listsClientError' }],
    },
    {
      code: `import fetchBuilder from 'fetch-retry';
const fetchWithRetry = fetchBuilder(fetch, { retries: 3, retryOn: [401, 503] });`,
      output: `import fetchBuilder from 'fetch-retry';
const fetchWithRetry = fetchBuilder(fetch, { retries: 3, retryOn: [503] });`,
      errors: [{ messageId: 'listsClientError' }],
    },
    {
      code: `const fetchRetry = require('fetch-retry')(fetch);
fetchRetry(url, { retryOn: [503, 400] });`,
      output: `const fetchRetry = require('fetch-retry')(fetch);
fetchRetry(url, { retryOn: [503] });`,
      errors: [{ messageId: 'listsClientError' }],
    },
    {
      code: `import { RetryAgent, Agent, interceptors } from 'undici';
const agent = new RetryAgent(new Agent(), { statusCodes: [400, 502, 503] });
const dispatcher = new Agent().compose(interceptors.retry({ statusCodes: [422] }));`,
      output: `import { RetryAgent, Agent, interceptors } from 'undici';
const agent = new RetryAgent(new Agent(), { statusCodes: [502, 503] });
const dispatcher = new Agent().compose(interceptors.retry({ statusCodes: [] }));`,
      errors: [{ messageId: 'listsClientError' }, { messageId: 'listsClientError' }],
    },
    {
      code: `import axios from 'axios';
import * as rax from 'retry-axios';
const client = axios.create({ raxConfig: { statusCodesToRetry: [[100, 199], [400, 599]] } });
rax.attach(client);`,
      output: `import axios from 'axios';
import * as rax from 'retry-axios';
const client = axios.create({ raxConfig: { statusCodesToRetry: [[100, 199], [429, 429], [500, 599]] } });
rax.attach(client);`,
      errors: [
        {
          messageId: 'listsClientError',
          data: { status: 'any 4xx other than 429', retryable: '429 and 5xx' },
        },
      ],
    },
    {
      code: `const rax = require('retry-axios');
instance.defaults.raxConfig = { instance, statusCodesToRetry: [[400, 499], [500, 599]] };`,
      output: `const rax = require('retry-axios');
instance.defaults.raxConfig = { instance, statusCodesToRetry: [[429, 429], [500, 599]] };`,
      errors: [{ messageId: 'listsClientError' }],
    },
    {
      code: `import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
const MyOctokit = Octokit.plugin(retry);
const octokit = new MyOctokit({ retry: { doNotRetry: [400, 401] } });`,
      output: `import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
const MyOctokit = Octokit.plugin(retry);
const octokit = new MyOctokit({ retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 451] } });`,
      errors: [{ messageId: 'unlistsClientError', data: { statuses: '403–404, 410, 422, 451' } }],
    },
    // A parenthesised last element or a trailing comma (found by the fuzz test).
    {
      code: `import { Octokit } from 'octokit';
const octokit = new Octokit({ retry: { doNotRetry: [400, 401, 403, (ok ? 404 : 410)] } });`,
      output: `import { Octokit } from 'octokit';
const octokit = new Octokit({ retry: { doNotRetry: [400, 401, 403, (ok ? 404 : 410), 404, 410, 422, 451] } });`,
      errors: [{ messageId: 'unlistsClientError' }],
    },
    {
      code: `import { Octokit } from 'octokit';
const octokit = new Octokit({ retry: { doNotRetry: [400, 401, 403, 404, 410,] } });`,
      output: `import { Octokit } from 'octokit';
const octokit = new Octokit({ retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 451,] } });`,
      errors: [{ messageId: 'unlistsClientError' }],
    },
    {
      code: `import { Octokit } from 'octokit';
const octokit = new Octokit({ retry: { doNotRetry: [] } });`,
      output: `import { Octokit } from 'octokit';
const octokit = new Octokit({ retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 451] } });`,
      errors: [{ messageId: 'unlistsClientError' }],
    },
    // ---- library predicates: the condition is rewritten
    {
      code: `import axios from 'axios';
import axiosRetry from 'axios-retry';
axiosRetry(axios, { retries: 3, retryCondition: (error) => error.response?.status >= 400 });`,
      output: `import axios from 'axios';
import axiosRetry from 'axios-retry';
axiosRetry(axios, { retries: 3, retryCondition: (error) => error.response?.status === 429 || error.response?.status >= 500 });`,
      errors: [{ messageId: 'retriesClientError' }],
    },
    {
      code: `import axiosRetry from 'axios-retry';
axiosRetry(client, { retryCondition: () => true });`,
      errors: [
        {
          messageId: 'retriesClientError',
          data: { statuses: 'any 4xx other than 429', retryable: '429 and 5xx' },
          suggestions: [],
        },
      ],
    },
    {
      code: `import ky from 'ky';
await ky(url, { retry: { limit: 2, shouldRetry: ({ error }) => error.response.status !== 200 } });`,
      output: `import ky from 'ky';
await ky(url, { retry: { limit: 2, shouldRetry: ({ error }) => error.response.status === 429 || error.response.status >= 500 } });`,
      errors: [{ messageId: 'retriesClientError' }],
    },
    {
      code: `import fetchBuilder from 'fetch-retry';
const f = fetchBuilder(fetch);
await f(url, { retryOn: (attempt, error, response) => attempt < 3 && (error !== null || response.status >= 400) });`,
      output: `import fetchBuilder from 'fetch-retry';
const f = fetchBuilder(fetch);
await f(url, { retryOn: (attempt, error, response) => attempt < 3 && (error !== null || response.status === 429 || response.status >= 500) });`,
      errors: [{ messageId: 'retriesClientError' }],
    },
    {
      code: `import superagent from 'superagent';
superagent.get(url).retry(3, (err, res) => res && res.status >= 400);`,
      output: `import superagent from 'superagent';
superagent.get(url).retry(3, (err, res) => res && (res.status === 429 || res.status >= 500));`,
      errors: [{ messageId: 'retriesClientError' }],
    },
    {
      code: `import wretch from 'wretch';
import { retry } from 'wretch/middlewares';
const api = wretch().middlewares([retry({ maxAttempts: 3, until: (response) => response && response.ok })]);`,
      errors: [{ messageId: 'retriesClientError', suggestions: [] }],
    },
    // ---- retry library callbacks: AbortError and bail suggestions
    {
      code: `import pRetry from 'p-retry';
const data = await pRetry(async () => {
  const res = await fetch(url);
  if (!res.ok) throw new Error(res.statusText);
  return res.json();
}, { retries: 3 });`,
      errors: [
        {
          messageId: 'retriesClientError',
          line: 4,
          column: 7,
          suggestions: [
            {
              messageId: 'suggestAbortError',
              output: `import pRetry, { AbortError } from 'p-retry';
const data = await pRetry(async () => {
  const res = await fetch(url);
  if (res.status >= 400 && res.status < 500 && res.status !== 429) throw new AbortError(\`Request failed with status \${res.status}\`);
  if (!res.ok) throw new Error(res.statusText);
  return res.json();
}, { retries: 3 });`,
            },
          ],
        },
      ],
    },
    {
      code: `import pRetry, { AbortError as Stop } from 'p-retry';
await pRetry(async () => {
  const res = await fetch(url);
  if (res.status === 404) throw new Stop('gone');
  if (!res.ok) throw new Error(res.statusText);
  return res;
});`,
      errors: [
        {
          messageId: 'retriesClientError',
          data: { statuses: '400–403, 405–428, 430–499', retryable: '429 and 5xx' },
          suggestions: [
            {
              messageId: 'suggestAbortError',
              output: `import pRetry, { AbortError as Stop } from 'p-retry';
await pRetry(async () => {
  const res = await fetch(url);
  if (res.status >= 400 && res.status < 500 && res.status !== 429) throw new Stop(\`Request failed with status \${res.status}\`);
  if (res.status === 404) throw new Stop('gone');
  if (!res.ok) throw new Error(res.statusText);
  return res;
});`,
            },
          ],
        },
      ],
    },
    {
      code: `import retry from 'async-retry';
await retry(async () => {
  const res = await fetch(url);
  if (res.status >= 400) throw new Error('failed');
  return res;
}, { retries: 5 });`,
      errors: [
        {
          messageId: 'retriesClientError',
          suggestions: [
            {
              messageId: 'suggestBail',
              output: `import retry from 'async-retry';
await retry(async (bail) => {
  const res = await fetch(url);
  if (res.status >= 400 && res.status < 500 && res.status !== 429) { bail(new Error(\`Request failed with status \${res.status}\`)); return; }
  if (res.status >= 400) throw new Error('failed');
  return res;
}, { retries: 5 });`,
            },
          ],
        },
      ],
    },
    {
      code: `import retry from 'async-retry';
await retry(async (stop, attempt) => {
  const res = await fetch(url);
  if (!res.ok) throw new Error('failed ' + attempt);
  return res;
});`,
      errors: [
        {
          messageId: 'retriesClientError',
          suggestions: [
            {
              messageId: 'suggestBail',
              output: `import retry from 'async-retry';
await retry(async (stop, attempt) => {
  const res = await fetch(url);
  if (res.status >= 400 && res.status < 500 && res.status !== 429) { stop(new Error(\`Request failed with status \${res.status}\`)); return; }
  if (!res.ok) throw new Error('failed ' + attempt);
  return res;
});`,
            },
          ],
        },
      ],
    },
    {
      code: `import { backOff } from 'exponential-backoff';
await backOff(() => fetch(url).then((r) => { if (!r.ok) throw new Error(r.statusText); return r; }));`,
      errors: [{ messageId: 'retriesClientError', suggestions: [] }],
    },
    {
      code: `import { retry, handleAll } from 'cockatiel';
const policy = retry(handleAll, { maxAttempts: 3 });
await policy.execute(async () => {
  const res = await fetch(url);
  if (res.status !== 200) throw new Error(String(res.status));
  return res;
});`,
      errors: [{ messageId: 'retriesClientError', suggestions: [] }],
    },
    // ---- predicates the code names as such
    {
      code: `function shouldRetry(error) {
  return error.response?.status >= 500 || error.response?.status === 404;
}`,
      output: `function shouldRetry(error) {
  return error.response?.status >= 500;
}`,
      errors: [
        { messageId: 'retriesClientError', data: { statuses: '404', retryable: '429 and 5xx' } },
      ],
    },
    {
      code: `const isRetryable = (status) => status >= 400;`,
      output: `const isRetryable = (status) => status === 429 || status >= 500;`,
      errors: [{ messageId: 'retriesClientError' }],
    },
    {
      code: `const RETRYABLE = [408, 429, 500, 502, 503];
export function isRetryableStatus(status) {
  return RETRYABLE.includes(status);
}`,
      output: `const RETRYABLE = [408, 429, 500, 502, 503];
export function isRetryableStatus(status) {
  return status === 429 || status === 500 || status === 502 || status === 503;
}`,
      errors: [
        { messageId: 'retriesClientError', data: { statuses: '408', retryable: '429 and 5xx' } },
      ],
    },
    {
      code: `const policy = {
  shouldRetry(response) {
    if (response.status >= 400) return true;
    return false;
  },
};`,
      output: `const policy = {
  shouldRetry(response) {
    if (response.status === 429 || response.status >= 500) return true;
    return false;
  },
};`,
      errors: [{ messageId: 'retriesClientError' }],
    },
  ]),
});

// ---- TypeScript syntax: assertions, non-null, satisfies, optional chaining, computed members
ruleTester.run('no-retry-on-client-error (TypeScript syntax)', rule, {
  valid: [
    `async function get(url: string): Promise<Response> {
      for (let i = 0; i < 3; i++) {
        const res = (await fetch(url)) as Response;
        if (res!.status >= 500) continue;
        return res;
      }
      throw new Error('unreachable');
    }`,
    `import ky from 'ky'; await ky.get(u, { retry: { statusCodes: [429, 503] as const } satisfies object });`,
    // ---- the server's retry directive (\`x-should-retry\`) read on the path: the server decides, whatever the status
    `class Api {
      private async shouldRetry(response: Response): Promise<boolean> {
        const directive = response.headers.get('x-should-retry');
        if (directive === 'true') return true;
        if (directive === 'false') return false;
        if (response.status === 409) return true;
        return response.status >= 500;
      }
      async send(url: string, retriesLeft: number): Promise<Response> {
        const response = await fetch(url);
        if (!response.ok) {
          if (retriesLeft > 0 && (await this.shouldRetry(response))) return this.send(url, retriesLeft - 1);
          throw new Error(String(response.status));
        }
        return response;
      }
    }`,
    `const isRetryable = (r: Response): boolean => r.headers.get('X-Should-Retry') === 'true' || r.status === 409 || r.status >= 500;`,
    `const REPO_API = 'https://api.github.com/repos/acme/app' as const;
    async function repo(retries: number): Promise<Response> {
      const res = await fetch(REPO_API!);
      if (res.status === 403 && retries > 0) return repo(retries - 1);
      return res;
    }`,
    // ---- a test on the way that reads the response and that the analysis cannot evaluate: a miss beats a false report
    `class Poller {
      async load(url: string, left: number): Promise<Response> {
        const res = await fetch(url);
        if (!res.ok) {
          if (left > 0 && this.isTransient(res)) return this.load(url, left - 1);
          throw new Error('failed');
        }
        return res;
      }
      private isTransient(res: Response): boolean { return res.status >= 500 || res.headers.has('x-transient'); }
    }`,
  ],
  invalid: pinned([
    {
      code: `const isRetryable = (r: Response): boolean => r.headers.get('content-type') === 'text/plain' || r.status === 409 || r.status >= 500;`,
      errors: [{ messageId: 'retriesClientError' }],
    },
    {
      code: `async function get(url: string): Promise<Response> {
  for (let i = 0; i < 3; i++) {
    const res = (await fetch(url)) as Response;
    if (res!.status >= 400) continue;
    return res;
  }
  throw new Error('exhausted');
}`,
      errors: [
        {
          messageId: 'retriesClientError',
          suggestions: [
            {
              messageId: 'suggestRetryOnly',
              output: `async function get(url: string): Promise<Response> {
  for (let i = 0; i < 3; i++) {
    const res = (await fetch(url)) as Response;
    if (res!.status === 429 || res!.status >= 500) continue;
    return res;
  }
  throw new Error('exhausted');
}`,
            },
            {
              messageId: 'suggestEarlyExit',
              output: `async function get(url: string): Promise<Response> {
  for (let i = 0; i < 3; i++) {
    const res = (await fetch(url)) as Response;
    if (res!.status >= 400 && res!.status < 500 && res!.status !== 429) throw new Error(\`Request failed with status \${res!.status}\`);
    if (res!.status >= 400) continue;
    return res;
  }
  throw new Error('exhausted');
}`,
            },
          ],
        },
      ],
    },
    {
      code: `async function get(url: string) {
  let res: Response | undefined;
  do {
    res = await fetch(url);
  } while (res?.['status'] >= 400);
  return res;
}`,
      errors: [
        {
          messageId: 'retriesClientError',
          suggestions: [
            {
              messageId: 'suggestRetryOnly',
              output: `async function get(url: string) {
  let res: Response | undefined;
  do {
    res = await fetch(url);
  } while (res?.['status'] === 429 || res?.['status'] >= 500);
  return res;
}`,
            },
          ],
        },
      ],
    },
    {
      code: `import ky from 'ky';
await ky.get(u, { retry: { statusCodes: [404, 429, 503] as const } satisfies object });`,
      output: `import ky from 'ky';
await ky.get(u, { retry: { statusCodes: [429, 503] as const } satisfies object });`,
      errors: [{ messageId: 'listsClientError' }],
    },
    {
      code: `import type { AxiosError } from 'axios';
import axiosRetry from 'axios-retry';
axiosRetry(client, { retryCondition: (error: AxiosError): boolean => error.response?.status! >= 500 || error.response!.status === 408 });`,
      output: `import type { AxiosError } from 'axios';
import axiosRetry from 'axios-retry';
axiosRetry(client, { retryCondition: (error: AxiosError): boolean => error.response?.status! >= 500 });`,
      errors: [
        { messageId: 'retriesClientError', data: { statuses: '408', retryable: '429 and 5xx' } },
      ],
    },
    {
      code: `const RETRY_ON = { statusCodes: [418, 503] } as const;
import got from 'got';
await got(u, { retry: RETRY_ON });`,
      output: `const RETRY_ON = { statusCodes: [503] } as const;
import got from 'got';
await got(u, { retry: RETRY_ON });`,
      errors: [{ messageId: 'listsClientError' }],
    },
  ]),
});

// ---- plain JavaScript with espree, JSX
jsRuleTester.run('no-retry-on-client-error (JavaScript)', rule, {
  valid: [
    `function Status() { useEffect(() => { poll(); }, []); return <div>ok</div>; }
    async function poll() { while (true) { const res = await fetch('/status'); if (res.status === 202) { await sleep(1000); continue; } return res; } }`,
    `const retry = require('async-retry');
    retry(async (bail) => { const res = await fetch(u); if (res.status === 404) { bail(new Error('gone')); return; } if (res.status >= 500) throw new Error('x'); });`,
    // ---- the server's retry directive read before the statuses: the server decides
    `async function send(url) {
      for (let attempt = 0; attempt < 4; attempt++) {
        const res = await fetch(url);
        const directive = res.headers.get('x-should-retry');
        if (directive === 'true' || res.status === 409 || res.status >= 500) { await sleep(250 * 2 ** attempt); continue; }
        return res;
      }
    }`,
    `function shouldRetry(response) {
      if (response.headers.get('x-should-retry') === 'false') return false;
      return response.headers.get('x-should-retry') === 'true' || response.status === 409 || response.status >= 500;
    }`,
    // ---- an API documented to answer rate limits with 403 (GitHub): retrying its 403 is rate-limit handling
    `async function repoExists(owner, repo, retries = 3) {
      const res = await fetch(\`https://api.github.com/repos/\${owner}/\${repo}\`, { method: 'HEAD' });
      if (res.status === 403 && retries > 0) {
        await new Promise((resolve) => setTimeout(resolve, (4 - retries) * 2000));
        return repoExists(owner, repo, retries - 1);
      }
      return res.status === 200;
    }`,
  ],
  invalid: pinned([
    // the same 403 retry against a host with no such documentation
    {
      code: `async function profile(login, retries = 3) {
  const res = await fetch(\`https://gitlab.example.com/api/v4/users/\${login}\`);
  if (res.status === 403 && retries > 0) return profile(login, retries - 1);
  return res;
}`,
      output: `async function profile(login, retries = 3) {
  const res = await fetch(\`https://gitlab.example.com/api/v4/users/\${login}\`);
  return res;
}`,
      errors: [
        { messageId: 'retriesClientError', data: { statuses: '403', retryable: '429 and 5xx' } },
      ],
    },
    // GitHub's 403 stays retried; its 404 does not
    {
      code: `const USER_URL = 'https://api.github.com/user';
async function me(retries = 3) {
  const res = await fetch(USER_URL);
  if ((res.status === 403 || res.status === 404) && retries > 0) return me(retries - 1);
  return res;
}`,
      output: `const USER_URL = 'https://api.github.com/user';
async function me(retries = 3) {
  const res = await fetch(USER_URL);
  if ((res.status === 403) && retries > 0) return me(retries - 1);
  return res;
}`,
      errors: [
        { messageId: 'retriesClientError', data: { statuses: '404', retryable: '429 and 5xx' } },
      ],
    },
    // the same loop without the directive: 409 is retried on the client's word alone
    {
      code: `async function send(url) {
  for (let attempt = 0; attempt < 4; attempt++) {
    const res = await fetch(url);
    if (res.status === 409 || res.status >= 500) { await sleep(250 * 2 ** attempt); continue; }
    return res;
  }
}`,
      errors: [
        {
          messageId: 'retriesClientError',
          suggestions: [
            {
              messageId: 'suggestRetryOnly',
              output: `async function send(url) {
  for (let attempt = 0; attempt < 4; attempt++) {
    const res = await fetch(url);
    if (res.status >= 500) { await sleep(250 * 2 ** attempt); continue; }
    return res;
  }
}`,
            },
            {
              messageId: 'suggestEarlyExit',
              output: `async function send(url) {
  for (let attempt = 0; attempt < 4; attempt++) {
    const res = await fetch(url);
    if (res.status >= 400 && res.status < 500 && res.status !== 429) throw new Error(\`Request failed with status \${res.status}\`);
    if (res.status === 409 || res.status >= 500) { await sleep(250 * 2 ** attempt); continue; }
    return res;
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `function Profile() {
  useEffect(() => {
    async function load(attempt = 0) {
      const res = await fetch('/api/me');
      if (!res.ok && attempt < 3) return load(attempt + 1);
      setUser(await res.json());
    }
    load();
  }, []);
  return <div />;
}`,
      output: `function Profile() {
  useEffect(() => {
    async function load(attempt = 0) {
      const res = await fetch('/api/me');
      if ((res.status === 429 || res.status >= 500) && attempt < 3) return load(attempt + 1);
      setUser(await res.json());
    }
    load();
  }, []);
  return <div />;
}`,
      errors: [{ messageId: 'retriesClientError' }],
    },
    {
      code: `const pRetry = require('p-retry');
pRetry(async () => {
  const res = await fetch(u);
  if (res.status >= 400) throw new Error(res.statusText);
  return res;
});`,
      errors: [
        {
          messageId: 'retriesClientError',
          suggestions: [
            {
              messageId: 'suggestAbortError',
              output: `const pRetry = require('p-retry');
pRetry(async () => {
  const res = await fetch(u);
  if (res.status >= 400 && res.status < 500 && res.status !== 429) throw new pRetry.AbortError(\`Request failed with status \${res.status}\`);
  if (res.status >= 400) throw new Error(res.statusText);
  return res;
});`,
            },
          ],
        },
      ],
    },
    {
      code: `async function get(url) {
  let response;
  for (const attempt of [1, 2, 3]) {
    response = await fetch(url);
    if (response.ok) break;
    const copy = response;
    if (copy.status >= 400) await sleep(attempt * 1000);
  }
  return response;
}`,
      errors: [
        {
          messageId: 'retriesClientError',
          line: 5,
          suggestions: [
            {
              messageId: 'suggestEarlyExit',
              output: `async function get(url) {
  let response;
  for (const attempt of [1, 2, 3]) {
    response = await fetch(url);
    if (response.status >= 400 && response.status < 500 && response.status !== 429) throw new Error(\`Request failed with status \${response.status}\`);
    if (response.ok) break;
    const copy = response;
    if (copy.status >= 400) await sleep(attempt * 1000);
  }
  return response;
}`,
            },
          ],
        },
      ],
    },
    {
      code: `import ky from 'ky';
ky.get(u, {
  retry: {
    statusCodes: [
      429,
      500,
      // a comment stays
      404,
    ],
  },
});`,
      output: `import ky from 'ky';
ky.get(u, {
  retry: {
    statusCodes: [
      429,
      500,
      // a comment stays
    ],
  },
});`,
      errors: [{ messageId: 'listsClientError' }],
    },
    {
      code: `import { RetryAgent, Agent } from 'undici';
new RetryAgent(new Agent(), { statusCodes: [503, (ok ? 500 : 502), (404)] });
new RetryAgent(new Agent(), { statusCodes: [(404), 503,] });`,
      output: `import { RetryAgent, Agent } from 'undici';
new RetryAgent(new Agent(), { statusCodes: [503, (ok ? 500 : 502)] });
new RetryAgent(new Agent(), { statusCodes: [503,] });`,
      errors: [{ messageId: 'listsClientError' }, { messageId: 'listsClientError' }],
    },
    {
      code: `import ky from 'ky';
ky.get(u, { retry: { statusCodes: [400 /* bad */, 503] } });`,
      output: null,
      errors: [{ messageId: 'listsClientError' }],
    },
  ]),
});

describe('options', () => {
  const linter = new Linter({ configType: 'flat' });
  const lint = (options: unknown) =>
    linter.verify(
      'const x = 1;',
      {
        files: ['**/*.ts'],
        plugins: { 'http-status': plugin as never },
        rules: { 'http-status/no-retry-on-client-error': ['error', options] as Linter.RuleEntry },
        languageOptions: { parser: tsParser as Linter.Parser },
      },
      'file.ts',
    );

  it('accepts 4xx statuses in retryable', () => {
    expect(lint({ retryable: [408, 425, 429] })).toEqual([]);
  });

  it.each([
    [{ retryable: ['429'] }],
    [{ retryable: [503] }],
    [{ retryable: [429, 429] }],
    [{ retryable: 429 }],
    [{ other: true }],
  ])('rejects %j', (options) => {
    expect(() => lint(options)).toThrow(/http-status\/no-retry-on-client-error/);
  });
});

describeFixOutputs('no-retry-on-client-error', fixedCases);
