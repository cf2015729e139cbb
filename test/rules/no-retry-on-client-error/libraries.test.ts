import type { FixedCase } from '../fix-outputs';
import { describeFixOutputs } from '../fix-outputs';
import { jsRuleTester, pinned, rule, ruleTester } from './setup';

// Retry libraries: status lists, predicates and callbacks in their options.
const invalid = pinned([
  // ---- library configuration: statuses are removed from lists
  {
    code: `import ky from 'ky';
await ky.get(url, { retry: { limit: 3, statusCodes: [400, 429, 500] } });`,
    output: `import ky from 'ky';
await ky.get(url, { retry: { limit: 3, statusCodes: [429, 500] } });`,
    errors: [{ messageId: 'listsClientError', data: { status: '400', retryable: '429 and 5xx' } }],
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
]);

const cases: Parameters<typeof ruleTester.run>[2] = {
  valid: [
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
  ],
  invalid,
};
ruleTester.run('no-retry-on-client-error: retry libraries (TypeScript parser)', rule, cases);
jsRuleTester.run('no-retry-on-client-error: retry libraries (JavaScript)', rule, cases);

describeFixOutputs('no-retry-on-client-error', invalid as FixedCase[]);
