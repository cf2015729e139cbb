import { describe, expect, it } from 'vitest';
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';

import plugin from '../../src';
import type { MessageIds, Options } from '../../src/rules/require-status-check';
import ruleModule from '../../src/rules/require-status-check';
import { createJavaScriptRuleTester, createRuleTester } from '../rule-tester';

// The rule tester bundles its own @typescript-eslint/utils types; the rule is the same object.
const rule = ruleModule as never;
const ts = createRuleTester();
const js = createJavaScriptRuleTester();

const CHECK = 'if (!res.ok) throw new Error(`Request failed: ${res.status} ${res.statusText}`);';
const checkOf = (name: string) =>
  `if (!${name}.ok) throw new Error(\`Request failed: \${${name}.status} \${${name}.statusText}\`);`;

/** A report with the suggestion that inserts the check, and the code it gives. */
const unchecked = (output: string, read = '.json()') => ({
  messageId: 'unchecked' as const,
  data: { read, option: '' },
  suggestions: [{ messageId: 'suggestCheck' as const, output }],
});
/** A report without a suggestion (no name for the response where the check would go). */
const uncheckedOnly = (read = '.json()') => ({
  messageId: 'unchecked' as const,
  data: { read, option: '' },
  suggestions: [],
});
const option = (optionText: string, read: string, output?: string) => ({
  messageId: 'uncheckedOption' as const,
  data: { read, option: optionText },
  suggestions: output ? [{ messageId: 'suggestCheck' as const, output }] : [],
});

// ---- the leave-alone list of issue #22 --------------------------------------------------------

const leaveAlone = [
  // `if (!res.ok) throw …` and the narrowing forms the analysis knows
  `async function f(u) { const res = await fetch(u); if (!res.ok) throw new Error('failed'); return res.json(); }`,
  `async function f(u) { const res = await fetch(u); if (res.status !== 200) return null; return res.json(); }`,
  `async function f(u) { const res = await fetch(u); if (res.status >= 400) { throw new Error(String(res.status)); } return res.json(); }`,
  `async function f(u) { const res = await fetch(u); switch (res.status) { case 200: return res.json(); default: return null; } }`,
  `async function f(u) { const res = await fetch(u); if (!res.ok) { return { error: await res.text() }; } return { data: await res.json() }; }`,
  `async function f(u) { const { ok, status } = await fetch(u); if (!ok) throw new Error(String(status)); }`,
  `async function f(u) { const res = await fetch(u); const { ok } = res; if (!ok) throw new Error('x'); return res.json(); }`,
  `async function f(u) { const res = await fetch(u); const code = res.status; if (code === 404) return null; return res.json(); }`,
  `async function f(u) { const res = await fetch(u); const failed = !res.ok; if (failed) throw new Error('x'); return res.json(); }`,
  // `res.ok ? await res.json() : null`
  `async function f(u) { const res = await fetch(u); return res.ok ? await res.json() : null; }`,
  `async function f(u) { const res = await fetch(u); return res.ok && (await res.json()); }`,
  // checked after the read, before the data is used
  `async function f(u) { const res = await fetch(u); const data = await res.json(); if (!res.ok) throw new Error(data.message); return data; }`,
  // `.then(checkStatus).then((r) => r.json())`
  `const get = (u) => fetch(u).then(checkStatus).then((r) => r.json());`,
  `const get = (u) => fetch(u).then((r) => { if (!r.ok) throw new Error(r.statusText); return r.json(); });`,
  `const get = (u) => fetch(u).then((r) => (r.ok ? r.json() : Promise.reject(r)));`,
  // `await assertOk(res)`: the response goes to code that may check it
  `async function f(u) { const res = await fetch(u); await assertOk(res); return res.json(); }`,
  `async function f(u) { const res = await fetch(u); handleErrors(res); return res.json(); }`,
  // test assertions
  `it('gets', async () => { const res = await fetch(u); expect(res.status).toBe(200); expect(await res.json()).toEqual({}); });`,
  `it('gets', async () => { const res = await fetch(u); assert.equal(res.status, 200); const body = await res.json(); assert.deepEqual(body, {}); });`,
  `it('gets', async () => { const res = await fetch(u); expect(res.ok).toBe(true); const body = await res.json(); expect(body).toEqual({}); });`,
  // clients that throw on 4xx/5xx with their defaults
  `import ky from 'ky'; async function f(u) { const data = await ky(u).json(); return data; }`,
  `import ky from 'ky'; async function f(u) { const res = await ky.get(u); return res.json(); }`,
  `import got from 'got'; async function f(u) { return got(u).json(); }`,
  `import axios from 'axios'; async function f(u) { const { data } = await axios.get(u); return data; }`,
  `import axios from 'axios'; async function f(u) { const res = await axios.get(u, { validateStatus: (s) => s < 500 }); return res.data; }`,
  `import { ofetch } from 'ofetch'; async function f(u) { return ofetch(u, { ignoreResponseError: true }); }`,
  `import wretch from 'wretch'; async function f(u) { return wretch(u).get().json(); }`,
  // throwing turned off, but hooks may throw on a status
  `import ky from 'ky'; const api = ky.create({ throwHttpErrors: false, hooks: { afterResponse: [check] } }); async function f(u) { return api.get(u).json(); }`,
  `import axios from 'axios'; axios.interceptors.response.use(onOk, onError); async function f(u) { const res = await axios.get(u, { validateStatus: () => true }); return res.data; }`,
  // options the code does not show: a spread may set them
  `import ky from 'ky'; async function f(u, o) { return ky(u, { ...o, throwHttpErrors: false }).json(); }`,
];

// ---- not reported: no read used as data, or the response goes out of sight -------------------

const valid = [
  ...leaveAlone,
  // the response is returned, passed on, stored or thrown
  `async function f(u) { const res = await fetch(u); return res; }`,
  `async function f(u) { const res = await fetch(u); const data = await res.json(); return { res, data }; }`,
  `async function f(u) { const res = await fetch(u); this.last = res; return res.json(); }`,
  `async function f(u) { const res = await fetch(u); const data = await res.json(); cache.set(u, res); return data; }`,
  `async function f(u) { const res = await fetch(u); if (res.headers.get('x-error')) throw res; return res.json(); }`,
  `const get = (u) => fetch(u).then((r) => r);`,
  `async function f(u) { const res = await fetch(u); const copy = res.clone(); return res.json(); }`,
  // the body drained or only logged, not used
  `async function f(u) { const res = await fetch(u); await res.text(); }`,
  `async function f(u) { const res = await fetch(u); console.log(await res.text()); }`,
  `async function f(u) { const res = await fetch(u); const text = await res.text(); logger.debug(text); }`,
  `async function f(u) { const res = await fetch(u, { method: 'POST' }); }`,
  // the status reaches the caller
  `async function f(u) { const res = await fetch(u); return { status: res.status, data: await res.json() }; }`,
  `async function f(u) { const res = await fetch(u); const data = await res.json(); return [res.status, data]; }`,
  // a helper that checks before it returns the response
  `async function get(u) { const r = await fetch(u); if (!r.ok) throw new Error(r.statusText); return r; }
async function load(u) { const res = await get(u); return res.json(); }`,
  `const get = async (u) => { const r = await fetch(u); await ensureOk(r); return r; };
async function load(u) { const res = await get(u); return res.json(); }`,
  // a value the analysis cannot attribute: a cached response, one of several values
  `async function f(u) { let res = cache.get(u); if (!res) res = await fetch(u); return res.json(); }`,
  `async function f(u) { const res = cached ?? (await fetch(u)); return res.json(); }`,
  // other variables named like the response do not count, but are not reports of it either
  `async function f(u) { const res = await fetch(u); if (!res.ok) return; const other = await fetch(v); if (other.status !== 200) return; return [await res.json(), await other.json()]; }`,
  // not a request the analysis knows
  `async function f(u) { const res = await myFetch(u); return res.json(); }`,
  `import fetch from './fetch'; async function f(u) { const res = await fetch(u); return res.json(); }`,
  // undici: a status check on the destructured statusCode
  `import { request } from 'undici'; async function f(u) { const { statusCode, body } = await request(u); if (statusCode !== 200) throw new Error('x'); return body.json(); }`,
  `import { request } from 'undici'; async function f(u) { const { statusCode, body } = await request(u, { throwOnError: true }); return body.json(); }`,
  `import { request } from 'undici'; async function f(u) { const res = await request(u); if (res.statusCode >= 400) throw new Error('x'); return res.body.json(); }`,
];

ts.run<MessageIds, Options>('require-status-check', rule, {
  valid: [
    ...valid,
    // TypeScript syntax around the check
    `async function f(u: string) { const res = (await fetch(u)) as Response; if (!res!.ok) throw new Error('x'); return (await res.json()) as { id: number }; }`,
    `async function f(u: string): Promise<unknown> { const res = await fetch(u) satisfies Response; return res?.ok ? res.json() : null; }`,
  ],
  invalid: [
    // await, then a read
    {
      code: `async function f(u) { const res = await fetch(u); const data = await res.json(); return data; }`,
      errors: [
        unchecked(
          `async function f(u) { const res = await fetch(u); ${CHECK} const data = await res.json(); return data; }`,
        ),
      ],
    },
    {
      code: `async function f(u) {
  const res = await fetch(u);
  const text = await res.text();
  return text.split('\\n');
}`,
      errors: [
        unchecked(
          `async function f(u) {
  const res = await fetch(u);
  ${CHECK}
  const text = await res.text();
  return text.split('\\n');
}`,
          '.text()',
        ),
      ],
    },
    // each body read
    ...['blob', 'arrayBuffer', 'formData', 'bytes'].map((method) => ({
      code: `async function f(u) { const res = await fetch(u); return res.${method}(); }`,
      errors: [
        unchecked(
          `async function f(u) { const res = await fetch(u); ${CHECK} return res.${method}(); }`,
          `.${method}()`,
        ),
      ],
    })),
    // JSON.parse(await res.text())
    {
      code: `async function f(u) { const res = await fetch(u); return JSON.parse(await res.text()); }`,
      errors: [
        unchecked(
          `async function f(u) { const res = await fetch(u); ${CHECK} return JSON.parse(await res.text()); }`,
          '.text()',
        ),
      ],
    },
    // `.then((r) => r.json())`: the arrow gets a block body
    {
      code: `const get = (u) => fetch(u).then((r) => r.json());`,
      errors: [
        unchecked(`const get = (u) => fetch(u).then((r) => { ${checkOf('r')} return r.json(); });`),
      ],
    },
    {
      code: `fetch('/api/me').then((response) => response.json()).then((me) => render(me));`,
      errors: [
        unchecked(
          `fetch('/api/me').then((response) => { ${checkOf('response')} return response.json(); }).then((me) => render(me));`,
        ),
      ],
    },
    {
      code: `fetch(u).then(function (r) { return r.json(); }).then(show);`,
      errors: [
        unchecked(`fetch(u).then(function (r) { ${checkOf('r')} return r.json(); }).then(show);`),
      ],
    },
    // an awaited expression: no name for the response, no suggestion
    {
      code: `async function f(u) { return (await fetch(u)).json(); }`,
      errors: [uncheckedOnly()],
    },
    // an alias
    {
      code: `async function f(u) { const response = await fetch(u); const r = response; return r.json(); }`,
      errors: [
        unchecked(
          `async function f(u) { const response = await fetch(u); const r = response; ${checkOf('r')} return r.json(); }`,
        ),
      ],
    },
    // assigned, not declared
    {
      code: `async function f(u) { let res; res = await fetch(u); return res.json(); }`,
      errors: [
        unchecked(
          `async function f(u) { let res; res = await fetch(u); ${CHECK} return res.json(); }`,
        ),
      ],
    },
    // a local helper that returns the response unchecked
    {
      code: `function get(path) { return fetch('/api' + path); }
async function load() { const res = await get('/me'); return res.json(); }`,
      errors: [
        unchecked(`function get(path) { return fetch('/api' + path); }
async function load() { const res = await get('/me'); ${CHECK} return res.json(); }`),
      ],
    },
    // Promise.all into an array pattern: one report per response
    {
      code: `async function f() { const [a, b] = await Promise.all([fetch(x), fetch(y)]); const one = await a.json(); const two = await b.json(); return [one, two]; }`,
      errors: [
        unchecked(
          `async function f() { const [a, b] = await Promise.all([fetch(x), fetch(y)]); ${checkOf('a')} const one = await a.json(); const two = await b.json(); return [one, two]; }`,
        ),
        unchecked(
          `async function f() { const [a, b] = await Promise.all([fetch(x), fetch(y)]); const one = await a.json(); ${checkOf('b')} const two = await b.json(); return [one, two]; }`,
        ),
      ],
    },
    // a status read that only feeds a log is no check
    {
      code: `async function f(u) { const res = await fetch(u); console.log('status', res.status); return res.json(); }`,
      errors: [
        unchecked(
          `async function f(u) { const res = await fetch(u); console.log('status', res.status); ${CHECK} return res.json(); }`,
        ),
      ],
    },
    {
      code: `async function f(u) { const res = await fetch(u); const status = res.status; logger.info(\`got \${status} for \${u}\`); return res.json(); }`,
      errors: [
        unchecked(
          `async function f(u) { const res = await fetch(u); const status = res.status; logger.info(\`got \${status} for \${u}\`); ${CHECK} return res.json(); }`,
        ),
      ],
    },
    {
      code: `async function f(u) { const res = await fetch(u); this.log.warn({ ok: res.ok, status: res.status }); return res.json(); }`,
      errors: [
        unchecked(
          `async function f(u) { const res = await fetch(u); this.log.warn({ ok: res.ok, status: res.status }); ${CHECK} return res.json(); }`,
        ),
      ],
    },
    // a status check of another response does not count (a name-based check is silenced here)
    {
      code: `async function f(u) { const res = await fetch(u); const other = await fetch(v); if (!other.ok) return; return res.json(); }`,
      errors: [
        unchecked(
          `async function f(u) { const res = await fetch(u); const other = await fetch(v); if (!other.ok) return; ${CHECK} return res.json(); }`,
        ),
      ],
    },
    // the fetch implementations
    {
      code: `import fetch from 'node-fetch'; async function f(u) { const res = await fetch(u); return res.json(); }`,
      errors: [
        unchecked(
          `import fetch from 'node-fetch'; async function f(u) { const res = await fetch(u); ${CHECK} return res.json(); }`,
        ),
      ],
    },
    {
      code: `const fetch = require('cross-fetch'); async function f(u) { const res = await fetch(u); return res.json(); }`,
      errors: [
        unchecked(
          `const fetch = require('cross-fetch'); async function f(u) { const res = await fetch(u); ${CHECK} return res.json(); }`,
        ),
      ],
    },
    {
      code: `import { fetch } from 'undici'; async function f(u) { const res = await fetch(u); return res.json(); }`,
      errors: [
        unchecked(
          `import { fetch } from 'undici'; async function f(u) { const res = await fetch(u); ${CHECK} return res.json(); }`,
        ),
      ],
    },
    // undici request: statusCode, destructured or not
    {
      code: `import { request } from 'undici';
async function f(u) {
  const { statusCode, body } = await request(u);
  return body.json();
}`,
      errors: [
        unchecked(
          `import { request } from 'undici';
async function f(u) {
  const { statusCode, body } = await request(u);
  if (statusCode < 200 || statusCode > 299) throw new Error(\`Request failed: \${statusCode}\`);
  return body.json();
}`,
          'body.json()',
        ),
      ],
    },
    {
      code: `import { request } from 'undici'; async function f(u) { const { body } = await request(u); return body.text(); }`,
      errors: [uncheckedOnly('body.text()')],
    },
    {
      code: `import { request } from 'undici'; async function f(u) { const res = await request(u); return res.body.json(); }`,
      errors: [
        unchecked(
          `import { request } from 'undici'; async function f(u) { const res = await request(u); if (res.statusCode < 200 || res.statusCode > 299) throw new Error(\`Request failed: \${res.statusCode}\`); return res.body.json(); }`,
          'body.json()',
        ),
      ],
    },
    // clients whose throwing is turned off
    {
      code: `import ky from 'ky'; async function f(u) { return ky(u, { throwHttpErrors: false }).json(); }`,
      errors: [option('throwHttpErrors: false', '.json()')],
    },
    {
      code: `import ky from 'ky'; async function f(u) { const res = await ky.get(u, { throwHttpErrors: false }); return res.json(); }`,
      errors: [
        option(
          'throwHttpErrors: false',
          '.json()',
          `import ky from 'ky'; async function f(u) { const res = await ky.get(u, { throwHttpErrors: false }); ${CHECK} return res.json(); }`,
        ),
      ],
    },
    {
      code: `import ky from 'ky'; const api = ky.create({ prefixUrl: '/api', throwHttpErrors: false }); async function f(u) { return api.get(u).json(); }`,
      errors: [option('throwHttpErrors: false', '.json()')],
    },
    {
      code: `import got from 'got'; async function f(u) { const res = await got(u, { throwHttpErrors: false }); return JSON.parse(res.body); }`,
      errors: [
        option(
          'throwHttpErrors: false',
          'body',
          `import got from 'got'; async function f(u) { const res = await got(u, { throwHttpErrors: false }); if (!res.ok) throw new Error(\`Request failed: \${res.statusCode} \${res.statusMessage}\`); return JSON.parse(res.body); }`,
        ),
      ],
    },
    {
      code: `import axios from 'axios'; async function f(u) { const res = await axios.get(u, { validateStatus: () => true }); return res.data; }`,
      errors: [
        option(
          'validateStatus: () => true',
          'data',
          `import axios from 'axios'; async function f(u) { const res = await axios.get(u, { validateStatus: () => true }); if (res.status < 200 || res.status > 299) throw new Error(\`Request failed: \${res.status} \${res.statusText}\`); return res.data; }`,
        ),
      ],
    },
    {
      code: `import axios from 'axios'; const client = axios.create({ validateStatus: null }); async function f(u) { const { data } = await client.get(u); return data; }`,
      errors: [option('validateStatus: () => true', 'data')],
    },
    // TypeScript syntax
    {
      code: `async function f(u: string): Promise<User> { const res = (await fetch(u))!; const user = (await res.json()) as User; return user; }`,
      errors: [
        unchecked(
          `async function f(u: string): Promise<User> { const res = (await fetch(u))!; ${CHECK} const user = (await res.json()) as User; return user; }`,
        ),
      ],
    },
    {
      code: `export const load = async (id: number) => { const res = await fetch(\`/api/\${id}\`); return (await res.json()) satisfies Item; };`,
      errors: [
        unchecked(
          `export const load = async (id: number) => { const res = await fetch(\`/api/\${id}\`); ${CHECK} return (await res.json()) satisfies Item; };`,
        ),
      ],
    },
    // a read in an `if` without braces: no place for the check, no suggestion
    {
      code: `async function f(u) { const res = await fetch(u); let data; if (cond) data = await res.json(); return data; }`,
      errors: [uncheckedOnly()],
    },
    // a file without semicolons
    {
      code: `async function f(u) {
  const res = await fetch(u)
  const data = await res.json()
  return data
}`,
      errors: [
        unchecked(`async function f(u) {
  const res = await fetch(u)
  if (!res.ok) throw new Error(\`Request failed: \${res.status} \${res.statusText}\`)
  const data = await res.json()
  return data
}`),
      ],
    },
  ],
});

// ---- options ------------------------------------------------------------------------------------

ts.run<MessageIds, Options>('require-status-check: loggers', rule, {
  valid: [
    // without the option, `track` may check the status
    `async function f(u) { const res = await fetch(u); track('load', res.status); return res.json(); }`,
    {
      code: `async function f(u) { const res = await fetch(u); audit.record(res.status); return res.json(); }`,
      options: [{ loggers: ['track'] }],
    },
  ],
  invalid: [
    {
      code: `async function f(u) { const res = await fetch(u); track('load', { status: res.status }); return res.json(); }`,
      options: [{ loggers: ['track'] }],
      errors: [
        unchecked(
          `async function f(u) { const res = await fetch(u); track('load', { status: res.status }); ${CHECK} return res.json(); }`,
        ),
      ],
    },
    {
      code: `async function f(u) { const res = await fetch(u); telemetry.event(\`status \${res.status}\`); return res.json(); }`,
      options: [{ loggers: ['telemetry'] }],
      errors: [
        unchecked(
          `async function f(u) { const res = await fetch(u); telemetry.event(\`status \${res.status}\`); ${CHECK} return res.json(); }`,
        ),
      ],
    },
  ],
});

describe('require-status-check: options schema', () => {
  const lint = (options: unknown) =>
    new Linter({ configType: 'flat' }).verify('fetch(u);', {
      plugins: { 'http-status': plugin as never },
      rules: { 'http-status/require-status-check': ['error', options] as never },
    });
  it('rejects unknown keys and names that are not identifiers', () => {
    expect(() => lint({ logger: ['x'] })).toThrow(/additional properties/);
    expect(() => lint({ loggers: ['a.b'] })).toThrow(/pattern/);
    expect(() => lint({ loggers: 'track' })).toThrow(/array/);
  });
});

// ---- TSX ---------------------------------------------------------------------------------------

ts.run<MessageIds, Options>('require-status-check: TSX', rule, {
  valid: [
    {
      code: `export function Profile() { const [me, setMe] = useState<User>(); useEffect(() => { fetch('/api/me').then((r) => { if (!r.ok) throw new Error(); return r.json(); }).then(setMe); }, []); return <p>{me?.name}</p>; }`,
      filename: 'react.tsx',
      languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
    },
  ],
  invalid: [
    {
      code: `export function Profile() { const [me, setMe] = useState<User>(); useEffect(() => { fetch('/api/me').then((r) => r.json()).then(setMe); }, []); return <p>{me?.name}</p>; }`,
      filename: 'react.tsx',
      languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
      errors: [
        unchecked(
          `export function Profile() { const [me, setMe] = useState<User>(); useEffect(() => { fetch('/api/me').then((r) => { ${checkOf('r')} return r.json(); }).then(setMe); }, []); return <p>{me?.name}</p>; }`,
        ),
      ],
    },
  ],
});

// ---- plain JavaScript and JSX (espree) --------------------------------------------------------

js.run<MessageIds, Options>('require-status-check: JavaScript and JSX', rule, {
  valid: [
    ...valid,
    `function List() { useEffect(() => { (async () => { const res = await fetch('/api/items'); if (!res.ok) return; setItems(await res.json()); })(); }, []); return <ul />; }`,
  ],
  invalid: [
    {
      code: `function List() { useEffect(() => { (async () => { const res = await fetch('/api/items'); setItems(await res.json()); })(); }, []); return <ul>{items.map((i) => <li key={i.id} />)}</ul>; }`,
      errors: [
        unchecked(
          `function List() { useEffect(() => { (async () => { const res = await fetch('/api/items'); ${CHECK} setItems(await res.json()); })(); }, []); return <ul>{items.map((i) => <li key={i.id} />)}</ul>; }`,
        ),
      ],
    },
    {
      code: `const got = require('got');
async function f(u) { const { body } = await got(u, { throwHttpErrors: false }); return JSON.parse(body); }`,
      errors: [option('throwHttpErrors: false', 'body')],
    },
  ],
});

// ---- odd syntax never crashes --------------------------------------------------------------------

describe('require-status-check: odd syntax', () => {
  it('lints optional chaining, computed members, sequences, private members and classes', () => {
    const code = `
class Api {
  #base = '/api';
  res = fetch('/x');
  async get(u) {
    const res = await fetch(this.#base + u);
    const key = 'json';
    const a = await res?.[key]?.();
    const b = (0, await fetch(u)).status;
    const { ...rest } = await fetch(u);
    return [a, b, rest, res?.ok];
  }
}`;
    const messages = new Linter({ configType: 'flat' }).verify(code, {
      plugins: { 'http-status': plugin as never },
      rules: { 'http-status/require-status-check': 'error' },
      languageOptions: { parser: tsParser as never, ecmaVersion: 'latest', sourceType: 'module' },
    });
    expect(messages.filter((m) => m.fatal)).toEqual([]);
  });
});

// ---- a body asserted on is examined (bench review: fastify/test/https/https.test.js) -------------

const assertedBodies = [
  // node:test and node:assert
  `test('proto', async (t) => { const res = await fetch(u, { headers: { 'x-forwarded-proto': 'lorem' } }); t.assert.deepStrictEqual(await res.json(), { proto: 'https' }); });`,
  `import assert from 'node:assert'; it('gets', async () => { const res = await fetch(u); assert.deepStrictEqual(await res.json(), { ok: 1 }); });`,
  `it('gets', async () => { const res = await fetch(u); assert(await res.json()); });`,
  // through JSON.parse of the text, and a variable only asserted on (or logged)
  `test('text', async (t) => { const res = await fetch(u); const body = await res.text(); t.assert.deepStrictEqual(JSON.parse(body), { a: 1 }); });`,
  `test('var', async (t) => { const res = await fetch(u); const body = await res.json(); console.log(body); assert.equal(body.name, 'a'); assert.deepEqual(body.tags, []); });`,
  // tap, AVA
  `t.test('tap', async (t) => { const res = await fetch(u); t.same(await res.json(), { hello: 'world' }); });`,
  `test('ava', async (t) => { const res = await fetch(u); const data = await res.json(); t.deepEqual(data, [1]); t.is(data.length, 1); });`,
  // Jest, Vitest, chai
  `it('gets', async () => { const res = await fetch(u); expect(await res.json()).toEqual({ ok: true }); });`,
  `it('gets', async () => { const res = await fetch(u); expect((await res.json()).items).not.toHaveLength(0); });`,
  `it('gets', async () => { const res = await fetch(u); expect(await res.json()).to.deep.equal({ ok: true }); });`,
  // undici
  `import { request } from 'undici'; test('u', async (t) => { const { body } = await request(u); t.same(await body.json(), { a: 1 }); });`,
];

/** Reads that a test passes on, or examines with something that is no assertion: still reported. */
const notAsserted = {
  // the data is used beyond the assertion
  usedBeyond: `it('gets', async () => { const res = await fetch(u); const body = await res.json(); expect(body.id).toBe(1); render(body); });`,
  // \`expect(x)\` alone asserts nothing
  bareExpect: `it('gets', async () => { const res = await fetch(u); const body = await res.json(); expect(body); return body; });`,
  // a method named like an assertion on an object that is no test context
  notATestContext: `async function f(u) { const res = await fetch(u); return cache.same(await res.json(), prev); }`,
};

for (const [tester, label] of [
  [ts, 'TypeScript'],
  [js, 'JavaScript'],
] as const) {
  tester.run<MessageIds, Options>(`require-status-check: asserted bodies (${label})`, rule, {
    valid: [
      ...assertedBodies,
      ...(tester === ts
        ? [
            `test('typed', async (t) => { const res = await fetch(u); const body = (await res.json()) as { proto: string }; t.assert.deepStrictEqual(body!, { proto: 'https' } satisfies object); });`,
          ]
        : []),
    ],
    invalid: [
      {
        code: notAsserted.usedBeyond,
        errors: [
          unchecked(
            `it('gets', async () => { const res = await fetch(u); ${CHECK} const body = await res.json(); expect(body.id).toBe(1); render(body); });`,
          ),
        ],
      },
      {
        code: notAsserted.bareExpect,
        errors: [
          unchecked(
            `it('gets', async () => { const res = await fetch(u); ${CHECK} const body = await res.json(); expect(body); return body; });`,
          ),
        ],
      },
      {
        code: notAsserted.notATestContext,
        errors: [
          unchecked(
            `async function f(u) { const res = await fetch(u); ${CHECK} return cache.same(await res.json(), prev); }`,
          ),
        ],
      },
    ],
  });
}

// ---- responses that may be no value: `.catch(() => null)`, a race against a timeout -------------

const CATCH_NULL_READ = `async function f(u) { const res = await fetch(u).catch(() => null); if (!res) return null; return res.json(); }`;
const RACE_READ = `async function f(u) { const res = await Promise.race([fetch(u), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 5000))]); return res.json(); }`;

for (const [tester, label] of [
  [ts, 'TypeScript'],
  [js, 'JavaScript'],
] as const) {
  tester.run<MessageIds, Options>(`require-status-check: no-value responses (${label})`, rule, {
    valid: [
      `async function f(u) { const res = await fetch(u).catch(() => null); if (!res || !res.ok) return null; return res.json(); }`,
      // a fallback that is another value: not this request's response
      `async function f(u) { const res = await fetch(u).catch(() => cached); return res.json(); }`,
    ],
    invalid: [
      {
        code: CATCH_NULL_READ,
        errors: [
          unchecked(CATCH_NULL_READ.replace('return res.json();', `${CHECK} return res.json();`)),
        ],
      },
      {
        code: RACE_READ,
        errors: [unchecked(RACE_READ.replace('return res.json();', `${CHECK} return res.json();`))],
      },
    ],
  });
}
