/**
 * A labelled corpus of client code around response bodies, written after the shapes public code
 * shows: SWR and React Query fetchers (`fetch(url).then((r) => r.json())` from SWR's README),
 * `useEffect` loaders, Next.js route handlers that call an upstream API, API clients with a
 * `request` helper, undici scripts (`const { statusCode, body } = await request(url)`), ky and
 * axios with throwing turned off, API tests, service workers and proxies. The threads behind the
 * rule (GitMetricsLab/github_tracker#641, archesproject/arches-for-science#1214) are the bug
 * cases; the look-alikes are the leave-alone list of issue #22. Each case says how many reads a
 * reviewer would flag. The test measures the rule's precision and recall over the corpus.
 */
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { describeScore, itReportsAsExpected, scoreCorpus } from './corpus-score';

import plugin from '../../src';

interface Case {
  readonly name: string;
  readonly code: string;
  /** Body reads a reviewer flags: the data of a response whose status nobody looks at. */
  readonly expected: number;
  readonly ts?: boolean;
  readonly jsx?: boolean;
  /** Why the rule misses or over-reports it, if it knowingly does. */
  readonly known?: string;
}

const corpus: Case[] = [
  {
    name: "SWR's fetcher from its README",
    code: `
import useSWR from 'swr';
const fetcher = (...args) => fetch(...args).then((res) => res.json());
export function Profile() {
  const { data, error } = useSWR('/api/user', fetcher);
  if (error) return <div>failed to load</div>;
  return <div>hello {data.name}!</div>;
}`,
    jsx: true,
    expected: 1,
  },
  {
    name: 'SWR fetcher that throws on a bad status (SWR docs, error handling)',
    code: `
export const fetcher = async (url) => {
  const res = await fetch(url);
  if (!res.ok) {
    const error = new Error('An error occurred while fetching the data.');
    error.info = await res.json();
    error.status = res.status;
    throw error;
  }
  return res.json();
};`,
    expected: 0,
  },
  {
    name: 'a GitHub tracker loading a user and its repositories (github_tracker#641)',
    code: `
export async function loadProfile(username) {
  const userRes = await fetch(\`https://api.github.com/users/\${username}\`);
  const user = await userRes.json();
  const reposRes = await fetch(user.repos_url);
  const repos = await reposRes.json();
  return { user, repos: repos.map((r) => r.name) };
}`,
    expected: 2,
  },
  {
    name: 'useEffect loader with async IIFE and a loading state',
    jsx: true,
    code: `
import { useEffect, useState } from 'react';
export function Orders() {
  const [orders, setOrders] = useState([]);
  useEffect(() => {
    (async () => {
      const response = await fetch('/api/orders');
      const json = await response.json();
      setOrders(json.orders);
    })();
  }, []);
  return <ul>{orders.map((o) => <li key={o.id}>{o.total}</li>)}</ul>;
}`,
    expected: 1,
  },
  {
    name: 'useEffect loader that checks ok and sets an error',
    jsx: true,
    code: `
import { useEffect, useState } from 'react';
export function Orders() {
  const [state, setState] = useState({ loading: true });
  useEffect(() => {
    fetch('/api/orders')
      .then((r) => {
        if (!r.ok) throw new Error(\`HTTP \${r.status}\`);
        return r.json();
      })
      .then((orders) => setState({ orders }))
      .catch((error) => setState({ error }));
  }, []);
  return state.loading ? <p>…</p> : <p>{state.orders?.length}</p>;
}`,
    expected: 0,
  },
  {
    name: 'Next.js route handler proxying an upstream API without a check',
    ts: true,
    code: `
import { NextResponse } from 'next/server';
export async function GET(request: Request) {
  const { searchParams } = new URL(request.url);
  const upstream = await fetch(\`\${process.env.API_URL}/search?q=\${searchParams.get('q')}\`, {
    headers: { authorization: \`Bearer \${process.env.API_TOKEN}\` },
    next: { revalidate: 60 },
  });
  const results = await upstream.json();
  return NextResponse.json(results);
}`,
    expected: 1,
  },
  {
    name: 'a proxy that forwards the upstream status with the body',
    code: `
import express from 'express';
const app = express();
app.get('/proxy/:id', async (req, res) => {
  const upstream = await fetch(process.env.UPSTREAM + '/items/' + req.params.id);
  res.status(upstream.status).send(await upstream.text());
});`,
    expected: 0,
  },
  {
    name: 'an API client whose request helper checks ok',
    ts: true,
    code: `
const BASE = 'https://api.example.com';
async function request<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(BASE + path, init);
  if (!res.ok) throw new ApiError(res.status, await res.text());
  return (await res.json()) as T;
}
export const getUser = (id: string) => request<User>(\`/users/\${id}\`);
export const listUsers = () => request<User[]>('/users');`,
    expected: 0,
  },
  {
    name: 'an API client whose helper returns the raw response, read by each caller',
    ts: true,
    code: `
function api(path: string, init?: RequestInit) {
  return fetch('/api' + path, { credentials: 'include', ...init });
}
export async function getCart() {
  const res = await api('/cart');
  return (await res.json()) as Cart;
}
export async function addToCart(item: Item) {
  const res = await api('/cart', { method: 'POST', body: JSON.stringify(item) });
  if (res.status === 409) throw new Error('out of stock');
  return res.json();
}`,
    expected: 1,
  },
  {
    name: 'a helper that checks and returns the response; callers read it',
    code: `
async function checked(url, init) {
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(res.status + ' ' + res.statusText);
  return res;
}
export async function getSettings() {
  const res = await checked('/api/settings');
  return res.json();
}`,
    expected: 0,
  },
  {
    name: 'checkStatus in a then chain (the classic fetch README helper)',
    code: `
function checkStatus(response) {
  if (response.status >= 200 && response.status < 300) return response;
  const error = new Error(response.statusText);
  error.response = response;
  throw error;
}
export function getUsers() {
  return fetch('/users').then(checkStatus).then((response) => response.json());
}`,
    expected: 0,
  },
  {
    name: 'a status that is only logged before the parse',
    code: `
export async function syncInventory(sku) {
  const res = await fetch(\`https://erp.internal/inventory/\${sku}\`);
  console.info(\`inventory \${sku}: HTTP \${res.status}\`);
  const { quantity } = await res.json();
  return quantity;
}`,
    expected: 1,
  },
  {
    name: 'a logger call with the status and a check after it',
    code: `
export async function syncInventory(sku, logger) {
  const res = await fetch(\`https://erp.internal/inventory/\${sku}\`);
  logger.debug({ status: res.status }, 'inventory fetched');
  if (res.status === 404) return 0;
  const { quantity } = await res.json();
  return quantity;
}`,
    expected: 0,
  },
  {
    name: 'a parse before the check, the error message read from the body',
    code: `
export async function createSession(credentials) {
  const res = await fetch('/api/session', { method: 'POST', body: JSON.stringify(credentials) });
  const data = await res.json();
  if (!res.ok) throw new Error(data.message || 'Login failed');
  return data.token;
}`,
    expected: 0,
  },
  {
    name: 'a ternary on ok',
    code: `
export const loadOptional = async (id) => {
  const res = await fetch('/api/drafts/' + id);
  return res.ok ? res.json() : null;
};`,
    expected: 0,
  },
  {
    name: 'an undici script reading the body without statusCode',
    code: `
import { request } from 'undici';
export async function fetchManifest(url) {
  const { statusCode, headers, body } = await request(url);
  const manifest = await body.json();
  return { manifest, etag: headers.etag };
}`,
    expected: 1,
  },
  {
    name: 'an undici request that checks statusCode and drains the body',
    code: `
import { request } from 'undici';
export async function fetchManifest(url) {
  const { statusCode, body } = await request(url);
  if (statusCode !== 200) {
    await body.dump();
    throw new Error('manifest: HTTP ' + statusCode);
  }
  return body.json();
}`,
    expected: 0,
  },
  {
    name: 'node-fetch in a CLI that prints the JSON',
    code: `
const fetch = require('node-fetch');
async function main() {
  const res = await fetch('https://registry.npmjs.org/' + process.argv[2]);
  const pkg = await res.json();
  console.log(pkg['dist-tags'].latest);
}
main();`,
    expected: 1,
  },
  {
    name: 'ky with its defaults (throws HTTPError)',
    code: `
import ky from 'ky';
const api = ky.create({ prefixUrl: '/api', timeout: 10000 });
export const getTodos = () => api.get('todos').json();
export async function getTodo(id) {
  const res = await api.get('todos/' + id);
  return res.json();
}`,
    expected: 0,
  },
  {
    name: 'ky with throwHttpErrors turned off, the body used as data',
    code: `
import ky from 'ky';
const api = ky.create({ prefixUrl: '/api', throwHttpErrors: false });
export const getTodos = () => api.get('todos').json();`,
    expected: 1,
  },
  {
    name: 'ky with throwHttpErrors turned off and a status check',
    code: `
import ky from 'ky';
export async function lookup(name) {
  const res = await ky.get('/api/users/' + name, { throwHttpErrors: false });
  if (res.status === 404) return null;
  return res.json();
}`,
    expected: 0,
  },
  {
    name: 'axios accepting every status, data used',
    code: `
import axios from 'axios';
const client = axios.create({ baseURL: '/api', validateStatus: () => true });
export async function getProfile() {
  const { data } = await client.get('/profile');
  return data;
}`,
    expected: 1,
  },
  {
    name: 'axios accepting every status, switch on the status',
    code: `
import axios from 'axios';
export async function getProfile() {
  const res = await axios.get('/api/profile', { validateStatus: () => true });
  switch (res.status) {
    case 200: return res.data;
    case 404: return null;
    default: throw new Error('profile: ' + res.status);
  }
}`,
    expected: 0,
  },
  {
    name: 'axios with its defaults',
    code: `
import axios from 'axios';
export const getProfile = async () => (await axios.get('/api/profile')).data;`,
    expected: 0,
  },
  {
    name: 'got with throwHttpErrors off, body parsed',
    code: `
import got from 'got';
export async function weather(city) {
  const response = await got('https://wttr.in/' + city + '?format=j1', { throwHttpErrors: false });
  return JSON.parse(response.body).current_condition;
}`,
    expected: 1,
  },
  {
    name: 'API tests asserting the status (Jest, node:test)',
    code: `
import assert from 'node:assert';
it('creates a user', async () => {
  const res = await fetch(base + '/users', { method: 'POST', body: JSON.stringify({ name: 'a' }) });
  expect(res.status).toBe(201);
  const user = await res.json();
  expect(user.name).toBe('a');
});
test('lists users', async () => {
  const res = await fetch(base + '/users');
  assert.strictEqual(res.status, 200);
  assert.ok(Array.isArray(await res.json()));
});`,
    expected: 0,
  },
  {
    name: 'a service worker caching responses',
    code: `
self.addEventListener('fetch', (event) => {
  event.respondWith(
    caches.match(event.request).then((cached) => cached || fetch(event.request).then((response) => {
      const copy = response.clone();
      caches.open('v1').then((cache) => cache.put(event.request, copy));
      return response;
    })),
  );
});`,
    expected: 0,
  },
  {
    name: 'a response handed to a shared handler',
    code: `
import { handleResponse } from './http';
export async function getInvoices() {
  const res = await fetch('/api/invoices');
  await handleResponse(res);
  return res.json();
}`,
    expected: 0,
  },
  {
    name: 'Promise.all of two endpoints, neither checked',
    code: `
export async function loadDashboard() {
  const [statsRes, alertsRes] = await Promise.all([fetch('/api/stats'), fetch('/api/alerts')]);
  const stats = await statsRes.json();
  const alerts = await alertsRes.json();
  return { stats, alerts };
}`,
    expected: 2,
  },
  {
    name: 'a body-shape check on an error field (the status is still never looked at)',
    code: `
export async function subscribe(email) {
  const res = await fetch('/api/subscribe', { method: 'POST', body: JSON.stringify({ email }) });
  const result = await res.json();
  if (result.error) throw new Error(result.error);
  return result;
}`,
    expected: 1,
  },
  {
    name: 'a fire-and-forget ping that drains the body',
    code: `
export async function ping() {
  const res = await fetch('/api/ping', { method: 'POST' });
  await res.text();
}`,
    expected: 0,
  },
  {
    name: 'a response cached in a module map',
    code: `
const cache = new Map();
export async function getCached(url) {
  let res = cache.get(url);
  if (!res) {
    res = await fetch(url);
    cache.set(url, res.clone());
  }
  return res.json();
}`,
    expected: 0,
  },
  {
    name: 'a check after the data was already rendered',
    code: `
export async function refresh(render) {
  const res = await fetch('/api/feed');
  const feed = await res.json();
  render(feed);
  if (!res.ok) console.warn('feed failed', res.status);
}`,
    expected: 1,
    known: 'a condition on ok anywhere counts as a check, even one after the data is used',
  },
  {
    name: 'a fetch wrapper from another module that throws',
    code: `
import { fetchJson } from './fetch-json';
export const loadPosts = () => fetchJson('/api/posts');
import { apiFetch } from './api';
export async function loadTags() {
  const res = await apiFetch('/api/tags');
  return res.json();
}`,
    expected: 0,
  },
];

const RULE = 'http-status/require-status-check';

function lint(item: Case): number {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    item.code,
    {
      files: ['**/*.ts', '**/*.js', '**/*.jsx'],
      plugins: { 'http-status': plugin as never },
      rules: { [RULE]: 'error' },
      languageOptions: {
        ecmaVersion: 'latest',
        sourceType: 'module',
        parserOptions: { ecmaFeatures: { jsx: item.jsx === true } },
        ...(item.ts ? { parser: tsParser as Linter.Parser } : {}),
      },
    },
    item.ts ? 'file.ts' : item.jsx ? 'file.jsx' : 'file.js',
  );
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`${item.name}: ${fatal.message}`);
  return messages.filter((message) => message.ruleId === RULE).length;
}

describe('require-status-check on a realistic corpus', () => {
  const results = corpus.map((item) => ({ item, reported: lint(item) }));

  itReportsAsExpected(results);

  it('is precise (>= 95% of reports right) and catches >= 85% of the flagged reads', () => {
    const score = scoreCorpus(results);
    const { precision, recall } = score;
    console.log(describeScore(corpus.length, 'reads', score));
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.85);
  });
});
