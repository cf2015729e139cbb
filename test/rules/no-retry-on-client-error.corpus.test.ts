/**
 * Precision and recall of no-retry-on-client-error on realistic code: retry helpers written the
 * way projects write them (fetch wrappers, SDK clients, React hooks, CLI tools, library setups).
 * Each case says whether it retries a 4xx other than 429 (`retries4xx`). The test lints them all
 * and checks: >= 95% of reports are right (precision) and >= 90% of the retries of 4xx are caught
 * (recall). Cases the rule knowingly misses are marked `miss` with the reason.
 */
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../../src';

interface Case {
  readonly name: string;
  readonly retries4xx: boolean;
  readonly code: string;
  /** Why the rule knowingly misses it. */
  readonly miss?: string;
}

const CASES: Case[] = [
  // ---------------------------------------------------------------- retries of 4xx
  {
    name: 'fetch wrapper, exponential backoff on any non-ok',
    retries4xx: true,
    code: `export async function fetchWithRetry(url: string, init?: RequestInit, retries = 3, backoff = 300): Promise<Response> {
  const res = await fetch(url, init);
  if (!res.ok && retries > 0) {
    await new Promise((r) => setTimeout(r, backoff));
    return fetchWithRetry(url, init, retries - 1, backoff * 2);
  }
  return res;
}`,
  },
  {
    name: 'for loop with early return on ok',
    retries4xx: true,
    code: `async function getJson(url) {
  let lastError;
  for (let attempt = 1; attempt <= 5; attempt++) {
    const response = await fetch(url);
    if (response.ok) return response.json();
    lastError = new Error(\`HTTP \${response.status}\`);
    await sleep(attempt * 500);
  }
  throw lastError;
}`,
  },
  {
    name: 'while loop, retry count in the condition',
    retries4xx: true,
    code: `async function upload(url, body) {
  let attempts = 0;
  let res = await fetch(url, { method: 'PUT', body });
  while (res.status >= 400 && attempts < 3) {
    attempts++;
    await sleep(1000);
    res = await fetch(url, { method: 'PUT', body });
  }
  return res;
}`,
  },
  {
    name: 'try/catch in a loop, throw on !ok',
    retries4xx: true,
    code: `export async function request(path) {
  for (let i = 0; i < MAX_RETRIES; i++) {
    try {
      const res = await fetch(BASE + path, { headers: HEADERS });
      if (!res.ok) throw new Error(res.statusText);
      return await res.json();
    } catch (error) {
      console.warn('retrying', path, error);
      await delay(2 ** i * 100);
    }
  }
  throw new Error('gave up');
}`,
  },
  {
    name: 'axios in a loop, catch rethrows only 404',
    retries4xx: true,
    code: `import axios from 'axios';
export async function getRepo(owner, repo) {
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      const { data } = await axios.get(\`https://api.github.com/repos/\${owner}/\${repo}\`);
      return data;
    } catch (err) {
      if (axios.isAxiosError(err) && err.response?.status === 404) return null;
      await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** attempt));
    }
  }
}`,
  },
  {
    name: 'axios .catch recursion on any response error',
    retries4xx: true,
    code: `import axios from 'axios';
function get(url, retries = 3) {
  return axios.get(url).catch((error) => {
    if (retries > 0 && error.response && error.response.status >= 400) {
      return get(url, retries - 1);
    }
    throw error;
  });
}`,
  },
  {
    name: 'then-chain recursion',
    retries4xx: true,
    code: `function load(url, tries) {
  return fetch(url).then((res) => {
    if (res.status !== 200 && tries > 0) return wait(1000).then(() => load(url, tries - 1));
    return res.json();
  });
}`,
  },
  {
    name: 'React hook retries on a setTimeout',
    retries4xx: true,
    code: `export function useData(url) {
  const [data, setData] = useState(null);
  useEffect(() => {
    let cancelled = false;
    async function run(attempt = 0) {
      const res = await fetch(url);
      if (!res.ok) {
        if (attempt < 3) setTimeout(() => run(attempt + 1), 2000);
        return;
      }
      if (!cancelled) setData(await res.json());
    }
    run();
    return () => { cancelled = true; };
  }, [url]);
  return data;
}`,
  },
  {
    name: 'p-retry throwing on every non-ok',
    retries4xx: true,
    code: `import pRetry from 'p-retry';
export const fetchUser = (id) => pRetry(async () => {
  const res = await fetch(\`/api/users/\${id}\`);
  if (!res.ok) throw new Error(\`Failed: \${res.status}\`);
  return res.json();
}, { retries: 5, onFailedAttempt: undefined });`,
  },
  {
    name: 'p-retry without options',
    retries4xx: true,
    code: `import pRetry from 'p-retry';
const run = async () => {
  const response = await fetch('https://example.com/unicorn');
  if (response.status >= 400) throw new Error(response.statusText);
  return response.blob();
};
console.log(await pRetry(run, { retries: 5 }));`,
  },
  {
    name: 'async-retry throwing on 4xx',
    retries4xx: true,
    code: `import retry from 'async-retry';
await retry(async () => {
  const res = await fetch('https://google.com');
  if (res.status >= 400) throw new Error('request failed');
  return res.text();
}, { retries: 5 });`,
  },
  {
    name: 'exponential-backoff around fetch',
    retries4xx: true,
    code: `import { backOff } from 'exponential-backoff';
export async function getWeather(city) {
  return backOff(async () => {
    const r = await fetch(\`/weather?q=\${city}\`);
    if (!r.ok) throw new Error(String(r.status));
    return r.json();
  }, { numOfAttempts: 4 });
}`,
  },
  {
    name: 'ky instance retrying 404 and 400',
    retries4xx: true,
    code: `import ky from 'ky';
export const api = ky.create({ prefixUrl: '/api', retry: { limit: 3, methods: ['get'], statusCodes: [400, 404, 500, 502, 503] } });`,
  },
  {
    name: 'got retrying 403',
    retries4xx: true,
    code: `import got from 'got';
const client = got.extend({ retry: { limit: 5, statusCodes: [403, 429, 500, 502, 503, 504] } });`,
  },
  {
    name: 'ofetch retryStatusCodes with 404',
    retries4xx: true,
    code: `import { ofetch } from 'ofetch';
export const apiFetch = ofetch.create({ baseURL: '/api', retry: 2, retryStatusCodes: [404, 500, 503] });`,
  },
  {
    name: 'axios-retry condition >= 400',
    retries4xx: true,
    code: `import axios from 'axios';
import axiosRetry from 'axios-retry';
const client = axios.create({ baseURL: process.env.API_URL });
axiosRetry(client, {
  retries: 3,
  retryDelay: axiosRetry.exponentialDelay,
  retryCondition: (error) => axiosRetry.isNetworkError(error) || (error.response?.status ?? 0) >= 400,
});`,
    miss: '`status ?? 0` is not read as a status test by the shared narrowing',
  },
  {
    name: 'axios-retry condition !== 200',
    retries4xx: true,
    code: `import axios from 'axios';
import axiosRetry from 'axios-retry';
axiosRetry(axios, { retries: 3, retryCondition: (error) => !error.response || error.response.status !== 200 });`,
  },
  {
    name: 'retry-axios 4xx range',
    retries4xx: true,
    code: `const rax = require('retry-axios');
const axios = require('axios');
const instance = axios.create();
instance.defaults.raxConfig = { instance, retry: 3, statusCodesToRetry: [[100, 199], [400, 429], [500, 599]] };
rax.attach(instance);`,
  },
  {
    name: 'fetch-retry retryOn with 4xx',
    retries4xx: true,
    code: `import fetchBuilder from 'fetch-retry';
const fetchRetry = fetchBuilder(global.fetch, { retries: 3, retryDelay: 1000, retryOn: [408, 409, 500, 503] });`,
  },
  {
    name: 'fetch-retry retryOn function on status >= 400',
    retries4xx: true,
    code: `import fetchBuilder from 'fetch-retry';
const f = fetchBuilder(fetch);
export const get = (url) => f(url, {
  retryOn(attempt, error, response) {
    if (attempt > 3) return false;
    if (error !== null || response.status >= 400) return true;
    return false;
  },
});`,
  },
  {
    name: 'undici RetryAgent with 404',
    retries4xx: true,
    code: `import { Agent, RetryAgent, setGlobalDispatcher } from 'undici';
setGlobalDispatcher(new RetryAgent(new Agent(), { maxRetries: 3, statusCodes: [404, 429, 500, 502, 503, 504] }));`,
  },
  {
    name: 'octokit doNotRetry emptied',
    retries4xx: true,
    code: `import { Octokit } from '@octokit/core';
import { retry } from '@octokit/plugin-retry';
const MyOctokit = Octokit.plugin(retry);
export const octokit = new MyOctokit({ auth: process.env.TOKEN, retry: { doNotRetry: ['429'] } });`,
    miss: 'string statuses in doNotRetry are not read as statuses',
  },
  {
    name: 'superagent retry callback',
    retries4xx: true,
    code: `import superagent from 'superagent';
export function get(url) {
  return superagent.get(url).retry(3, (err, res) => {
    if (res && res.status >= 400) return true;
    return undefined;
  });
}`,
  },
  {
    name: 'wretch retry until ok',
    retries4xx: true,
    code: `import wretch from 'wretch';
import { retry } from 'wretch/middlewares';
export const w = wretch('https://api.example.com').middlewares([
  retry({ delayTimer: 500, maxAttempts: 5, until: (response) => response && response.ok, retryOnNetworkError: true }),
]);`,
  },
  {
    name: 'shouldRetry helper that lists 408 and 409',
    retries4xx: true,
    code: `const RETRY_STATUSES = [408, 409, 429, 500, 502, 503, 504];
export function shouldRetry(response: Response): boolean {
  return RETRY_STATUSES.includes(response.status);
}`,
  },
  {
    name: 'isRetryableError on axios error',
    retries4xx: true,
    code: `export function isRetryableError(error) {
  if (!error.response) return true;
  const { status } = error.response;
  return status >= 400;
}`,
  },
  {
    name: 'do…while polling until ok',
    retries4xx: true,
    code: `async function waitUntilReady(url) {
  let res;
  do {
    await sleep(2000);
    res = await fetch(url);
  } while (!res.ok);
  return res.json();
}`,
  },
  {
    name: 'class method retrying itself',
    retries4xx: true,
    code: `export class ApiClient {
  constructor(private readonly baseUrl: string) {}
  async get<T>(path: string, retries = 2): Promise<T> {
    const response = await fetch(\`\${this.baseUrl}\${path}\`);
    if (!response.ok) {
      if (retries > 0) return this.get<T>(path, retries - 1);
      throw new Error(response.statusText);
    }
    return response.json() as Promise<T>;
  }
}`,
  },
  {
    name: 'switch on status with 404 in the retried cases',
    retries4xx: true,
    code: `async function getItem(id) {
  for (let i = 0; i < 3; i++) {
    const res = await fetch('/items/' + id);
    switch (res.status) {
      case 200: return res.json();
      case 404:
      case 503: await sleep(500); continue;
      default: throw new Error(String(res.status));
    }
  }
}`,
  },

  // ---------------------------------------------------------------- no retry of 4xx
  {
    name: 'retries 5xx and 429 only',
    retries4xx: false,
    code: `export async function fetchWithRetry(url, options = {}, retries = 3) {
  const res = await fetch(url, options);
  if ((res.status >= 500 || res.status === 429) && retries > 0) {
    await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after') ?? 1) * 1000));
    return fetchWithRetry(url, options, retries - 1);
  }
  return res;
}`,
  },
  {
    name: 'non-retryable 4xx thrown before the retry',
    retries4xx: false,
    code: `async function get(url) {
  for (let i = 0; i < 3; i++) {
    const res = await fetch(url);
    if (res.status >= 400 && res.status < 500 && res.status !== 429) throw new Error('client error ' + res.status);
    if (res.ok) return res.json();
    await sleep(1000 * 2 ** i);
  }
}`,
  },
  {
    name: 'polling on 202',
    retries4xx: false,
    code: `async function waitForJob(id) {
  while (true) {
    const res = await fetch(\`/jobs/\${id}\`);
    if (res.status === 202) { await sleep(3000); continue; }
    if (!res.ok) throw new Error('job failed');
    return res.json();
  }
}`,
  },
  {
    name: 'pagination',
    retries4xx: false,
    code: `export async function* listAll(url) {
  let next = url;
  while (next) {
    const res = await fetch(next);
    if (!res.ok) throw new Error(String(res.status));
    const page = await res.json();
    yield* page.items;
    next = page.next;
  }
}`,
  },
  {
    name: 'batch over URLs skipping failures',
    retries4xx: false,
    code: `async function checkLinks(urls) {
  const broken = [];
  for (const url of urls) {
    const res = await fetch(url, { method: 'HEAD' });
    if (res.status >= 400) { broken.push(url); continue; }
  }
  return broken;
}`,
  },
  {
    name: '401 after refreshing the token',
    retries4xx: false,
    code: `let token = localStorage.getItem('token');
export async function authFetch(url, init = {}) {
  for (let attempt = 0; attempt < 2; attempt++) {
    const res = await fetch(url, { ...init, headers: { ...init.headers, Authorization: \`Bearer \${token}\` } });
    if (res.status === 401 && attempt === 0) { token = await refreshToken(); continue; }
    return res;
  }
}`,
  },
  {
    name: 'axios interceptor retrying 401 once after refresh',
    retries4xx: false,
    code: `import axios from 'axios';
const api = axios.create();
api.interceptors.response.use(undefined, async (error) => {
  const original = error.config;
  if (error.response?.status === 401 && !original._retry) {
    original._retry = true;
    original.headers.Authorization = 'Bearer ' + (await refresh());
    return api(original);
  }
  return Promise.reject(error);
});`,
  },
  {
    name: 'ky 401 with beforeRetry refresh (ky README)',
    retries4xx: false,
    code: `import ky from 'ky';
const api = ky.extend({
  retry: { limit: 1, statusCodes: [401] },
  hooks: { beforeRetry: [async ({ request }) => { const token = await ky('https://example.com/refresh-token'); request.headers.set('Authorization', \`token \${token}\`); }] },
});`,
  },
  {
    name: 'library defaults',
    retries4xx: false,
    code: `import ky from 'ky';
import got from 'got';
import { ofetch } from 'ofetch';
await ky.get('https://example.com', { retry: 3 });
await got('https://example.com', { retry: { limit: 2 } });
await ofetch('/api', { retry: 3, retryDelay: 500 });`,
  },
  {
    name: 'generic retry wrapper',
    retries4xx: false,
    code: `export async function retry<T>(fn: () => Promise<T>, attempts = 3, delayMs = 200): Promise<T> {
  let lastError: unknown;
  for (let i = 0; i < attempts; i++) {
    try { return await fn(); } catch (e) { lastError = e; await new Promise((r) => setTimeout(r, delayMs * 2 ** i)); }
  }
  throw lastError;
}`,
  },
  {
    name: 'axios loop with a generic catch',
    retries4xx: false,
    code: `import axios from 'axios';
async function ping(url) {
  for (let i = 0; i < 5; i++) {
    try { await axios.get(url, { timeout: 1000 }); return true; } catch { await sleep(500); }
  }
  return false;
}`,
  },
  {
    name: 'p-retry with AbortError on 4xx',
    retries4xx: false,
    code: `import pRetry, { AbortError } from 'p-retry';
await pRetry(async () => {
  const res = await fetch(url);
  if (res.status >= 400 && res.status < 500 && res.status !== 429) throw new AbortError(res.statusText);
  if (!res.ok) throw new Error(res.statusText);
  return res.json();
}, { retries: 3 });`,
  },
  {
    name: 'async-retry with bail on 4xx',
    retries4xx: false,
    code: `import retry from 'async-retry';
await retry(async (bail) => {
  const res = await fetch(url);
  if (403 === res.status) { bail(new Error('Unauthorized')); return; }
  if (res.status >= 500) throw new Error('server error');
  return res.json();
});`,
  },
  {
    name: 'axios-retry with the default condition and 429',
    retries4xx: false,
    code: `import axios from 'axios';
import axiosRetry, { isNetworkOrIdempotentRequestError } from 'axios-retry';
axiosRetry(axios, { retries: 3, retryCondition: (e) => isNetworkOrIdempotentRequestError(e) || e.response?.status === 429 });`,
  },
  {
    name: 'isRetryable with 5xx and 429',
    retries4xx: false,
    code: `export const isRetryableStatus = (status: number) => status === 429 || (status >= 500 && status <= 599);`,
  },
  {
    name: 'health check loop without status decision',
    retries4xx: false,
    code: `async function monitor(url) {
  while (running) {
    const res = await fetch(url);
    metrics.record(res.status);
    await sleep(10000);
  }
}`,
  },
  {
    name: 'recursion over pages',
    retries4xx: false,
    code: `async function fetchAllPages(url, page = 1, acc = []) {
  const res = await fetch(\`\${url}?page=\${page}\`);
  if (!res.ok) return acc;
  const items = await res.json();
  if (items.length === 0) return acc;
  return fetchAllPages(url, page + 1, acc.concat(items));
}`,
  },
  {
    name: 'retry after refreshing through a shared store',
    retries4xx: false,
    code: `class Client {
  async refresh() { this.token = await login(); }
  async request(path, retried = false) {
    const res = await fetch(this.base + path, { headers: { Authorization: this.token } });
    if (res.status === 401 && !retried) { await this.refresh(); return this.request(path, true); }
    return res;
  }
}`,
  },
  {
    name: 'rate limit retry honouring Retry-After',
    retries4xx: false,
    code: `async function call(url) {
  while (true) {
    const res = await fetch(url);
    if (res.status !== 429) return res;
    await sleep(Number(res.headers.get('Retry-After')) * 1000);
  }
}`,
  },
];

function lint(code: string): number {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    {
      files: ['**/*.ts'],
      plugins: { 'http-status': plugin as never },
      rules: { 'http-status/no-retry-on-client-error': 'error' },
      languageOptions: {
        parser: tsParser as Linter.Parser,
        ecmaVersion: 'latest',
        sourceType: 'module',
      },
    },
    'corpus.ts',
  );
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`parse error: ${fatal.message}`);
  return messages.length;
}

describe('no-retry-on-client-error on realistic code', () => {
  const outcomes = CASES.map((c) => ({ ...c, reported: lint(c.code) > 0 }));

  for (const outcome of outcomes) {
    it(`${outcome.retries4xx ? 'reports' : 'leaves'}: ${outcome.name}${outcome.miss ? ' (known miss)' : ''}`, () => {
      expect(outcome.reported).toBe(outcome.miss ? !outcome.retries4xx : outcome.retries4xx);
    });
  }

  it('precision >= 95% and recall >= 90%', () => {
    const truePositives = outcomes.filter((o) => o.reported && o.retries4xx).length;
    const reported = outcomes.filter((o) => o.reported).length;
    const expected = outcomes.filter((o) => o.retries4xx).length;
    expect(truePositives / reported).toBeGreaterThanOrEqual(0.95);
    expect(truePositives / expected).toBeGreaterThanOrEqual(0.9);
  });
});
