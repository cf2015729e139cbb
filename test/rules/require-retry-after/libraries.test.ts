import type { MessageIds, Options } from '../../../src/rules/require-retry-after';
import { jsRuleTester, rule, ruleTester } from './setup';

// ---------------------------------------------------------------------------------------------
// Retry libraries
// ---------------------------------------------------------------------------------------------

const cases: Parameters<typeof ruleTester.run<MessageIds, Options>>[2] = {
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
};
ruleTester.run('require-retry-after: libraries (TypeScript parser)', rule, cases);
jsRuleTester.run('require-retry-after: libraries (JavaScript)', rule, cases);
