import * as tsParser from '@typescript-eslint/parser';
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import noJsonOnNoContent from '../../src/rules/no-json-on-no-content';
import { createJavaScriptRuleTester, createRuleTester } from '../rule-tester';

const ruleTester = createRuleTester();
const jsRuleTester = createJavaScriptRuleTester();
// @typescript-eslint/rule-tester 8.72 brings its own @typescript-eslint/utils, whose context type
// differs from the plugin's 8.73 one in `getDeclaredVariables`; the rule is the same object.
const rule = noJsonOnNoContent as unknown as Parameters<typeof ruleTester.run>[1];

/** Invalid TS cases; their fixed outputs are linted again below (a second pass must report nothing). */
const tsInvalid: Array<InvalidTestCase<string, readonly unknown[]>> = [
  // ---- literal DELETE, the basic fix
  {
    code: `async function f() { const res = await fetch('/x', { method: 'DELETE' }); return await res.json(); }`,
    output: `async function f() { const res = await fetch('/x', { method: 'DELETE' }); return res.status === 204 ? null : await res.json(); }`,
    errors: [{ messageId: 'method', data: { method: 'DELETE', parse: '.json()' } }],
  },
  {
    code: `async function remove(id: string) {
  const response = await fetch(\`/api/items/\${id}\`, { method: 'delete' });
  if (!response.ok) throw new Error(\`HTTP \${response.status}\`);
  const data = (await response.json()) as { deleted: boolean };
  return data;
}`,
    // the inferred type of `data` would gain `null`: a suggestion
    output: null,
    errors: [
      {
        messageId: 'method',
        line: 4,
        suggestions: [
          {
            messageId: 'suggestGuard',
            output: `async function remove(id: string) {
  const response = await fetch(\`/api/items/\${id}\`, { method: 'delete' });
  if (!response.ok) throw new Error(\`HTTP \${response.status}\`);
  const data = response.status === 204 ? null : (await response.json()) as { deleted: boolean };
  return data;
}`,
          },
        ],
      },
    ],
  },
  // `.then(r => r.json())`
  {
    code: `fetch('/x', { method: 'DELETE' }).then((r) => r.json()).then(console.log);`,
    output: `fetch('/x', { method: 'DELETE' }).then((r) => (r.status === 204 ? null : r.json())).then(console.log);`,
    errors: [{ messageId: 'method' }],
  },
  {
    code: `fetch('/x', { method: 'DELETE' }).then(function (r) { return r.json(); });`,
    output: `fetch('/x', { method: 'DELETE' }).then(function (r) { return r.status === 204 ? null : r.json(); });`,
    errors: [{ messageId: 'method' }],
  },
  // const method, method object
  {
    code: `const DELETE = 'DELETE'; async function f() { const res = await fetch('/x', { method: DELETE }); return res.json(); }`,
    output: `const DELETE = 'DELETE'; async function f() { const res = await fetch('/x', { method: DELETE }); return res.status === 204 ? null : res.json(); }`,
    errors: [{ messageId: 'method' }],
  },
  {
    code: `const Methods = { Delete: 'DELETE' } as const; async function f() { const res = await fetch('/x', { method: Methods.Delete }); return res.json(); }`,
    output: `const Methods = { Delete: 'DELETE' } as const; async function f() { const res = await fetch('/x', { method: Methods.Delete }); return res.status === 204 ? null : res.json(); }`,
    errors: [{ messageId: 'method' }],
  },
  // `Request` object
  {
    code: `async function f() { const req = new Request('/x', { method: 'DELETE' }); const res = await fetch(req); return res.json(); }`,
    output: `async function f() { const req = new Request('/x', { method: 'DELETE' }); const res = await fetch(req); return res.status === 204 ? null : res.json(); }`,
    errors: [{ messageId: 'method' }],
  },
  // `JSON.parse(await res.text())`
  {
    code: `async function f() { const res = await fetch('/x', { method: 'DELETE' }); return JSON.parse(await res.text()); }`,
    output: `async function f() { const res = await fetch('/x', { method: 'DELETE' }); return JSON.parse((await res.text()) || 'null'); }`,
    errors: [{ messageId: 'method', data: { method: 'DELETE', parse: 'JSON.parse()' } }],
  },
  {
    code: `async function f() { const res = await fetch('/x', { method: 'DELETE' }); const text = await res.text(); return JSON.parse(text); }`,
    output: `async function f() { const res = await fetch('/x', { method: 'DELETE' }); const text = await res.text(); return JSON.parse(text || 'null'); }`,
    errors: [{ messageId: 'method' }],
  },
  // undici `request` with destructured `statusCode`
  {
    code: `import { request } from 'undici';
async function f() { const { statusCode, body } = await request('http://x/items/1', { method: 'DELETE' }); return await body.json(); }`,
    output: `import { request } from 'undici';
async function f() { const { statusCode, body } = await request('http://x/items/1', { method: 'DELETE' }); return statusCode === 204 ? null : await body.json(); }`,
    errors: [{ messageId: 'method' }],
  },
  {
    code: `import { request } from 'undici';
async function f() { const { statusCode: code, body } = await request('http://x', { method: 'DELETE' }); const data = await body.json(); return data; }`,
    output: `import { request } from 'undici';
async function f() { const { statusCode: code, body } = await request('http://x', { method: 'DELETE' }); const data = code === 204 ? null : await body.json(); return data; }`,
    errors: [{ messageId: 'method' }],
  },
  {
    code: `import { request } from 'undici';
async function f() { const res = await request('http://x', { method: 'DELETE' }); return res.body.json(); }`,
    output: `import { request } from 'undici';
async function f() { const res = await request('http://x', { method: 'DELETE' }); return res.statusCode === 204 ? null : res.body.json(); }`,
    errors: [{ messageId: 'method' }],
  },
  // undici without `statusCode`: it is destructured too
  {
    code: `import { request } from 'undici';
async function f() { const { body } = await request('http://x', { method: 'DELETE' }); return body.json(); }`,
    output: `import { request } from 'undici';
async function f() { const { statusCode, body } = await request('http://x', { method: 'DELETE' }); return statusCode === 204 ? null : body.json(); }`,
    errors: [{ messageId: 'method' }],
  },
  {
    code: `import { request } from 'undici';
async function f() { const { headers, body } = await request('http://x', { method: 'DELETE' }); const a = await body.json(); const b = await body.json(); return [headers, a, b]; }`,
    output: [
      `import { request } from 'undici';
async function f() { const { statusCode, headers, body } = await request('http://x', { method: 'DELETE' }); const a = statusCode === 204 ? null : await body.json(); const b = await body.json(); return [headers, a, b]; }`,
      `import { request } from 'undici';
async function f() { const { statusCode, headers, body } = await request('http://x', { method: 'DELETE' }); const a = statusCode === 204 ? null : await body.json(); const b = statusCode === 204 ? null : await body.json(); return [headers, a, b]; }`,
    ],
    errors: [{ messageId: 'method' }, { messageId: 'method' }],
  },
  // … unless that would shadow another `statusCode` or drop it from a rest element
  {
    code: `import { request } from 'undici';
const statusCode = 0;
async function f() { const { body } = await request('http://x', { method: 'DELETE' }); return body.json(); }`,
    output: null,
    errors: [
      {
        messageId: 'method',
        suggestions: [
          {
            messageId: 'suggestParseText',
            output: `import { request } from 'undici';
const statusCode = 0;
async function f() { const { body } = await request('http://x', { method: 'DELETE' }); return body.text().then((text) => (text ? JSON.parse(text) : null)); }`,
          },
        ],
      },
    ],
  },
  {
    code: `import { request } from 'undici';
async function f() { const { body, ...rest } = await request('http://x', { method: 'DELETE' }); log(rest); return body.json(); }`,
    output: null,
    errors: [
      {
        messageId: 'method',
        suggestions: [
          {
            messageId: 'suggestParseText',
            output: `import { request } from 'undici';
async function f() { const { body, ...rest } = await request('http://x', { method: 'DELETE' }); log(rest); return body.text().then((text) => (text ? JSON.parse(text) : null)); }`,
          },
        ],
      },
    ],
  },
  // ky, ky instances, wretch: reported, no fix (the parse is on the request)
  {
    code: `import ky from 'ky'; async function f() { return ky.delete('items/1').json(); }`,
    output: null,
    errors: [
      {
        messageId: 'method',
        suggestions: [
          {
            messageId: 'suggestParseText',
            output: `import ky from 'ky'; async function f() { return ky.delete('items/1').text().then((text) => (text ? JSON.parse(text) : null)); }`,
          },
        ],
      },
    ],
  },
  {
    code: `import ky from 'ky'; const api = ky.create({ prefixUrl: '/api' }); export const remove = (id: string) => api.delete(\`items/\${id}\`).json<{ ok: boolean }>();`,
    output: null,
    errors: [
      {
        messageId: 'method',
        suggestions: [
          {
            messageId: 'suggestParseText',
            output: `import ky from 'ky'; const api = ky.create({ prefixUrl: '/api' }); export const remove = (id: string) => api.delete(\`items/\${id}\`).text().then((text): { ok: boolean } | null => (text ? JSON.parse(text) : null));`,
          },
        ],
      },
    ],
  },
  {
    code: `import ky from 'ky'; async function f() { return ky('items/1', { method: 'delete' }).json(); }`,
    output: null,
    errors: [
      {
        messageId: 'method',
        suggestions: [
          {
            messageId: 'suggestParseText',
            output: `import ky from 'ky'; async function f() { return ky('items/1', { method: 'delete' }).text().then((text) => (text ? JSON.parse(text) : null)); }`,
          },
        ],
      },
    ],
  },
  {
    code: `import wretch from 'wretch'; async function f() { return wretch('/items/1').delete().json(); }`,
    output: null,
    errors: [
      {
        messageId: 'method',
        suggestions: [
          {
            messageId: 'suggestParseText',
            output: `import wretch from 'wretch'; async function f() { return wretch('/items/1').delete().text().then((text) => (text ? JSON.parse(text) : null)); }`,
          },
        ],
      },
    ],
  },
  {
    code: `import wretch from 'wretch'; const api = wretch('/api').auth('Bearer x'); async function f() { return api.url('/items/1').delete().json(); }`,
    output: null,
    errors: [
      {
        messageId: 'method',
        suggestions: [
          {
            messageId: 'suggestParseText',
            output: `import wretch from 'wretch'; const api = wretch('/api').auth('Bearer x'); async function f() { return api.url('/items/1').delete().text().then((text) => (text ? JSON.parse(text) : null)); }`,
          },
        ],
      },
    ],
  },
  // node-fetch, cross-fetch
  {
    code: `import fetch from 'node-fetch'; async function f() { const res = await fetch('http://x', { method: 'DELETE' }); return res.json(); }`,
    output: `import fetch from 'node-fetch'; async function f() { const res = await fetch('http://x', { method: 'DELETE' }); return res.status === 204 ? null : res.json(); }`,
    errors: [{ messageId: 'method' }],
  },
  // the receiver is an expression: reported, not fixed (the fix would send twice)
  {
    code: `async function f() { return (await fetch('/x', { method: 'DELETE' })).json(); }`,
    output: null,
    errors: [
      {
        messageId: 'method',
        suggestions: [
          {
            messageId: 'suggestParseText',
            output: `async function f() { return (await fetch('/x', { method: 'DELETE' })).text().then((text) => (text ? JSON.parse(text) : null)); }`,
          },
        ],
      },
    ],
  },
  // the result is dereferenced: null would throw there, so no fix
  {
    code: `async function f() { const res = await fetch('/x', { method: 'DELETE' }); const { id } = await res.json(); return id; }`,
    output: null,
    errors: [{ messageId: 'method', suggestions: [] }],
  },
  {
    code: `async function f() { const res = await fetch('/x', { method: 'DELETE' }); return (await res.json()).id; }`,
    output: null,
    errors: [{ messageId: 'method', suggestions: [] }],
  },
  // a try whose catch rethrows does not handle it
  {
    code: `async function f() { try { const res = await fetch('/x', { method: 'DELETE' }); return await res.json(); } catch (e) { console.error(e); throw e; } }`,
    output: `async function f() { try { const res = await fetch('/x', { method: 'DELETE' }); return res.status === 204 ? null : await res.json(); } catch (e) { console.error(e); throw e; } }`,
    errors: [{ messageId: 'method' }],
  },
  {
    code: `fetch('/x', { method: 'DELETE' }).then((r) => r.json()).catch((e) => Promise.reject(e));`,
    output: `fetch('/x', { method: 'DELETE' }).then((r) => (r.status === 204 ? null : r.json())).catch((e) => Promise.reject(e));`,
    errors: [{ messageId: 'method' }],
  },
  // A local `fail` that may return is no exit: 204 still reaches the parse.
  {
    code: `function fail(res) { if (res.status === 404) return; throw new Error(res.statusText); } async function f() { const res = await fetch('/x', { method: 'DELETE' }); if (res.status !== 200) fail(res); return res.json(); }`,
    output: `function fail(res) { if (res.status === 404) return; throw new Error(res.statusText); } async function f() { const res = await fetch('/x', { method: 'DELETE' }); if (res.status !== 200) fail(res); return res.status === 204 ? null : res.json(); }`,
    errors: [{ messageId: 'method' }],
  },
  {
    code: `async function failLater(res) { throw new Error(res.statusText); } async function f() { const res = await fetch('/x', { method: 'DELETE' }); if (res.status !== 200) failLater(res); return res.json(); }`,
    output: `async function failLater(res) { throw new Error(res.statusText); } async function f() { const res = await fetch('/x', { method: 'DELETE' }); if (res.status !== 200) failLater(res); return res.status === 204 ? null : res.json(); }`,
    errors: [{ messageId: 'method' }],
  },
  // `ok` does not exclude 204
  {
    code: `async function f() { const res = await fetch('/x', { method: 'DELETE' }); if (res.ok) return res.json(); throw new Error(); }`,
    output: `async function f() { const res = await fetch('/x', { method: 'DELETE' }); if (res.ok) return res.status === 204 ? null : res.json(); throw new Error(); }`,
    errors: [{ messageId: 'method' }],
  },
  // ---- dynamic methods
  {
    code: `export async function api<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(res.statusText);
  return res.json() as Promise<T>;
}`,
    // `null` is no `T` (TS2322 under `strict`): a suggestion
    output: null,
    errors: [
      {
        messageId: 'dynamic',
        data: { method: 'DELETE', parse: '.json()' },
        suggestions: [
          {
            messageId: 'suggestGuard',
            output: `export async function api<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(res.statusText);
  return res.status === 204 ? null : res.json() as Promise<T>;
}`,
          },
        ],
      },
    ],
  },
  {
    code: `export async function request(url, options = {}) { const res = await fetch(url, { ...options, headers: { 'content-type': 'application/json' } }); return res.json(); }`,
    output: `export async function request(url, options = {}) { const res = await fetch(url, { ...options, headers: { 'content-type': 'application/json' } }); return res.status === 204 ? null : res.json(); }`,
    errors: [{ messageId: 'dynamic' }],
  },
  {
    code: `export class Client { async send(method: string, path: string) { const res = await fetch(path, { method }); return res.json(); } }`,
    output: `export class Client { async send(method: string, path: string) { const res = await fetch(path, { method }); return res.status === 204 ? null : res.json(); } }`,
    errors: [{ messageId: 'dynamic' }],
  },
  {
    code: `type Method = 'GET' | 'POST' | 'DELETE';
export async function request<T>(method: Method, path: string): Promise<T> { const res = await fetch(path, { method }); return res.json(); }`,
    output: `type Method = 'GET' | 'POST' | 'DELETE';
export async function request<T>(method: Method, path: string): Promise<T> { const res = await fetch(path, { method }); return res.status === 204 ? null : res.json(); }`,
    errors: [{ messageId: 'method', data: { method: 'DELETE', parse: '.json()' } }],
  },
  // resolved at a local call site
  {
    code: `async function send(method, url) { const res = await fetch(url, { method }); return res.json(); }
send('GET', '/a');
send('DELETE', '/b');`,
    output: `async function send(method, url) { const res = await fetch(url, { method }); return res.status === 204 ? null : res.json(); }
send('GET', '/a');
send('DELETE', '/b');`,
    errors: [
      { messageId: 'methodFromCaller', data: { method: 'DELETE', parse: '.json()', line: '3' } },
    ],
  },
  {
    code: `async function api(url, { method = 'GET', body } = {}) { const res = await fetch(url, { method, body }); return res.json(); }
api('/a', { method: 'DELETE' });`,
    output: `async function api(url, { method = 'GET', body } = {}) { const res = await fetch(url, { method, body }); return res.status === 204 ? null : res.json(); }
api('/a', { method: 'DELETE' });`,
    errors: [{ messageId: 'methodFromCaller' }],
  },
  // a helper that returns the response; the method is resolved at its call
  {
    code: `function api(path, init) { return fetch('/base' + path, init); }
async function remove() { const r = await api('/x', { method: 'DELETE' }); const data = await r.json(); return data; }`,
    output: `function api(path, init) { return fetch('/base' + path, init); }
async function remove() { const r = await api('/x', { method: 'DELETE' }); const data = r.status === 204 ? null : await r.json(); return data; }`,
    errors: [
      { messageId: 'methodFromCaller', data: { method: 'DELETE', parse: '.json()', line: '2' } },
    ],
  },
  {
    code: `function del(url) { return fetch(url, { method: 'DELETE' }); }
async function g() { const r = await del('/x'); return r.json(); }`,
    output: `function del(url) { return fetch(url, { method: 'DELETE' }); }
async function g() { const r = await del('/x'); return r.status === 204 ? null : r.json(); }`,
    errors: [{ messageId: 'method' }],
  },
  // ---- the code admits 204
  {
    code: `async function f() { const res = await fetch('/x'); if (res.status === 200 || res.status === 204) { return res.json(); } }`,
    output: `async function f() { const res = await fetch('/x'); if (res.status === 200 || res.status === 204) { return res.status === 204 ? null : res.json(); } }`,
    errors: [{ messageId: 'admitsNoContent' }],
  },
  {
    code: `async function f() { const res = await fetch('/x', { method: 'POST' }); switch (res.status) { case 201: case 204: return res.json(); default: throw new Error(); } }`,
    output: `async function f() { const res = await fetch('/x', { method: 'POST' }); switch (res.status) { case 201: case 204: return res.status === 204 ? null : res.json(); default: throw new Error(); } }`,
    errors: [{ messageId: 'admitsNoContent' }],
  },
  {
    code: `async function f() { const res = await fetch('/x', { method: 'PUT' }); if (res.status === 204) { console.log('updated'); } return res.json(); }`,
    output: `async function f() { const res = await fetch('/x', { method: 'PUT' }); if (res.status === 204) { console.log('updated'); } return res.status === 204 ? null : res.json(); }`,
    errors: [{ messageId: 'admitsNoContent' }],
  },
  {
    code: `const OK = [200, 204]; async function f() { const res = await fetch('/x'); if (OK.includes(res.status)) return res.json(); }`,
    output: `const OK = [200, 204]; async function f() { const res = await fetch('/x'); if (OK.includes(res.status)) return res.status === 204 ? null : res.json(); }`,
    errors: [{ messageId: 'admitsNoContent' }],
  },
  // ---- HEAD: no fix, suggestions
  {
    code: `async function f() { const res = await fetch('/x', { method: 'HEAD' }); return res.json(); }`,
    output: null,
    errors: [
      {
        messageId: 'head',
        suggestions: [
          {
            messageId: 'suggestHeaders',
            output: `async function f() { const res = await fetch('/x', { method: 'HEAD' }); return Object.fromEntries(res.headers); }`,
          },
          {
            messageId: 'suggestGet',
            output: `async function f() { const res = await fetch('/x', { method: 'GET' }); return res.json(); }`,
          },
        ],
      },
    ],
  },
  {
    code: `async function f() { const res = await fetch('/x', { method: "head" }); if (res.status === 200) return await res.json(); }`,
    output: null,
    errors: [
      {
        messageId: 'head',
        suggestions: [
          {
            messageId: 'suggestHeaders',
            output: `async function f() { const res = await fetch('/x', { method: "head" }); if (res.status === 200) return await Object.fromEntries(res.headers); }`,
          },
          {
            messageId: 'suggestGet',
            output: `async function f() { const res = await fetch('/x', { method: "get" }); if (res.status === 200) return await res.json(); }`,
          },
        ],
      },
    ],
  },
  {
    code: `import ky from 'ky'; async function f() { return ky.head('/x').json(); }`,
    output: null,
    errors: [
      {
        messageId: 'head',
        suggestions: [
          {
            messageId: 'suggestGet',
            output: `import ky from 'ky'; async function f() { return ky.get('/x').json(); }`,
          },
        ],
      },
    ],
  },
  // ---- options
  {
    code: `async function f() { const res = await fetch('/x', { method: 'POST' }); return res.json(); }`,
    output: `async function f() { const res = await fetch('/x', { method: 'POST' }); return res.status === 204 ? null : res.json(); }`,
    options: [{ methods: ['DELETE', 'POST'] }],
    errors: [{ messageId: 'method', data: { method: 'POST', parse: '.json()' } }],
  },
  {
    code: `export async function api(url, init) { const res = await fetch(url, init); return res.json(); }`,
    output: `export async function api(url, init) { const res = await fetch(url, init); return res.status === 204 ? null : res.json(); }`,
    options: [{ methods: ['DELETE', 'PUT'] }],
    errors: [{ messageId: 'dynamic', data: { method: 'DELETE or PUT', parse: '.json()' } }],
  },
  // a parse attributed to two responses is reported once
  {
    code: `async function f(remove) { const res = remove ? await fetch('/x', { method: 'DELETE' }) : await fetch('/x'); return res.json(); }`,
    output: `async function f(remove) { const res = remove ? await fetch('/x', { method: 'DELETE' }) : await fetch('/x'); return res.status === 204 ? null : res.json(); }`,
    errors: [{ messageId: 'method' }],
  },
  // ---- odd syntax
  {
    code: `async function f() { const res = await fetch('/x', { method: 'DELETE' }); return (await res!.json()) satisfies unknown; }`,
    output: `async function f() { const res = await fetch('/x', { method: 'DELETE' }); return res!.status === 204 ? null : (await res!.json()) satisfies unknown; }`,
    errors: [{ messageId: 'method' }],
  },
  {
    code: `async function f() { const res = await fetch('/x', { method: 'DELETE' }); return res?.json(); }`,
    output: `async function f() { const res = await fetch('/x', { method: 'DELETE' }); return res?.status === 204 ? null : res?.json(); }`,
    errors: [{ messageId: 'method' }],
  },
  {
    code: `async function f() { const res = await fetch('/x', { method: 'DELETE' }); return res['json'](); }`,
    output: `async function f() { const res = await fetch('/x', { method: 'DELETE' }); return res.status === 204 ? null : res['json'](); }`,
    errors: [{ messageId: 'method' }],
  },
  {
    code: `async function f() { const res = await fetch('/x', { method: 'DELETE' }); const copy = res; return (log(copy), await copy.json()); }`,
    output: `async function f() { const res = await fetch('/x', { method: 'DELETE' }); const copy = res; return (log(copy), (copy.status === 204 ? null : await copy.json())); }`,
    errors: [{ messageId: 'method' }],
  },
  {
    code: `async function f() { const res = await fetch('/x', { method: 'DELETE' }); return { data: await /* body */ res.json() }; }`,
    output: `async function f() { const res = await fetch('/x', { method: 'DELETE' }); return { data: res.status === 204 ? null : await /* body */ res.json() }; }`,
    errors: [{ messageId: 'method' }],
  },
  {
    code: `async function f() { const res = await fetch('/x', { method: 'DELETE' }); return res.ok && (await res.json()); }`,
    output: `async function f() { const res = await fetch('/x', { method: 'DELETE' }); return res.ok && (res.status === 204 ? null : await res.json()); }`,
    errors: [{ messageId: 'method' }],
  },
  {
    code: `async function f() { const res = await fetch('/x', { method: 'DELETE' }); let data; data = await res.json(); return data; }`,
    output: `async function f() { const res = await fetch('/x', { method: 'DELETE' }); let data; data = res.status === 204 ? null : await res.json(); return data; }`,
    errors: [{ messageId: 'method' }],
  },
];

ruleTester.run('no-json-on-no-content', rule, {
  valid: [
    // ---- methods outside `methods`
    `async function f() { const res = await fetch('/items'); return res.json(); }`,
    `async function f() { const res = await fetch('/items', { method: 'POST', body: '{}' }); return res.json(); }`,
    `async function f() { const res = await fetch('/items/1', { method: 'PUT' }); return await res.json(); }`,
    `async function f() { const res = await fetch('/items/1', { method: 'PATCH' }); return await res.json(); }`,
    `fetch('/items').then((r) => r.json()).then(console.log);`,
    `const METHOD = 'POST'; async function f() { const res = await fetch('/x', { method: METHOD }); return res.json(); }`,

    // ---- 204 excluded by narrowing
    `async function f() { const res = await fetch('/x', { method: 'DELETE' }); if (res.status === 204) return null; return res.json(); }`,
    `async function f() { const res = await fetch('/x', { method: 'DELETE' }); return res.status === 204 ? null : await res.json(); }`,
    `async function f() { const res = await fetch('/x', { method: 'DELETE' }); if (res.status === 200) { return res.json(); } return null; }`,
    `async function f() { const res = await fetch('/x', { method: 'DELETE' }); switch (res.status) { case 200: case 201: return res.json(); default: return null; } }`,
    `async function f() { const res = await fetch('/x', { method: 'DELETE' }); if ([200, 201].includes(res.status)) return res.json(); }`,
    `async function f() { const res = await fetch('/x', { method: 'DELETE' }); if (!res.ok) { const error = await res.json(); throw new Error(error.message); } }`,
    // 204 excluded by an exit through a call that never returns, or an assertion (core/exits.ts)
    `function fail(res) { throw new Error(res.statusText); } async function f() { const res = await fetch('/x', { method: 'DELETE' }); if (res.status !== 200) fail(res); return res.json(); }`,
    `const fail = (res: Response): never => { throw new Error(res.statusText); }; async function f() { const res = await fetch('/x', { method: 'DELETE' }); if (res.status !== 200) fail(res); return res.json(); }`,
    `async function f() { const res = await fetch('/x', { method: 'DELETE' }); if (res.status !== 200) assert.fail('unexpected'); return res.json(); }`,
    `async function f() { const res = await fetch('/x', { method: 'DELETE' }); invariant(res.status === 200, 'unexpected'); return res.json(); }`,
    `async function f() { const res = await fetch('/x', { method: 'DELETE' }); outer: { if (res.status !== 200) break outer; return res.json(); } return null; }`,
    `async function f() { const res = await fetch('/x', { method: 'DELETE' }); const { status } = res; if (status === 204) return; return res.json(); }`,
    `async function f() { const res = await fetch('/x', { method: 'DELETE' }); if (res.status !== 204) { return res.json(); } }`,
    `import { StatusCodes } from 'http-status-codes';
     async function f() { const res = await fetch('/x', { method: 'DELETE' }); if (res.status === StatusCodes.NO_CONTENT) return undefined; return res.json(); }`,
    `fetch('/x', { method: 'DELETE' }).then((r) => (r.status === 204 ? null : r.json()));`,

    // ---- body presence checked
    `async function f() { const res = await fetch('/x', { method: 'DELETE' }); if (res.headers.get('content-length') === '0') return null; return res.json(); }`,
    `async function f() { const res = await fetch('/x', { method: 'DELETE' }); if (res.headers.get('Content-Length') !== '0') { return res.json(); } }`,
    `async function f() { const res = await fetch('/x', { method: 'DELETE' }); const length = Number(res.headers.get('content-length')); return length > 0 ? res.json() : null; }`,
    `async function f() { const res = await fetch('/x', { method: 'DELETE' }); const type = res.headers.get('content-type') ?? ''; return type.includes('application/json') ? res.json() : res.text(); }`,
    `async function f() { const res = await fetch('/x', { method: 'DELETE' }); if (res.headers.get('content-type')?.includes('json')) return res.json(); }`,
    `async function f() { const res = await fetch('/x', { method: 'DELETE' }); if (!/json/.test(res.headers.get('content-type') || '')) return null; return res.json(); }`,
    `async function f() { const res = await fetch('/x', { method: 'DELETE' }); if (res.headers.get('content-type')?.indexOf('json') !== -1) return res.json(); }`,
    `async function f() { const res = await fetch('/x', { method: 'DELETE' }); if (res.body === null) return null; return res.json(); }`,
    `async function f() { const res = await fetch('/x', { method: 'DELETE' }); return res.body ? res.json() : null; }`,
    `async function f() { const res = await fetch('/x', { method: 'DELETE' }); const text = await res.text(); return text ? JSON.parse(text) : null; }`,
    `async function f() { const res = await fetch('/x', { method: 'DELETE' }); const text = await res.text(); if (!text.trim()) return undefined; return JSON.parse(text); }`,
    `async function f() { const res = await fetch('/x', { method: 'DELETE' }); const text = await res.text(); return text.length > 0 ? JSON.parse(text) : null; }`,
    `async function f() { const res = await fetch('/x', { method: 'DELETE' }); const text = await res.text(); if (text === '') return null; return JSON.parse(text); }`,
    `async function f() { const res = await fetch('/x', { method: 'DELETE' }); const hasBody = res.headers.get('content-length') !== '0'; return hasBody ? res.json() : null; }`,
    `async function f() { const res = await fetch('/x', { method: 'DELETE' }); const { headers } = res; if (headers.has('content-length')) return res.json(); }`,

    // ---- parse failure handled
    `async function f() { const res = await fetch('/x', { method: 'DELETE' }); return res.json().catch(() => null); }`,
    `async function f() { const res = await fetch('/x', { method: 'DELETE' }); return await res.json().catch(() => ({})); }`,
    `async function f() { const res = await fetch('/x', { method: 'DELETE' }); return res.json().then((d) => d, () => null); }`,
    `async function f() { try { const res = await fetch('/x', { method: 'DELETE' }); return await res.json(); } catch { return null; } }`,
    `async function f() { try { const res = await fetch('/x', { method: 'DELETE' }); return await res.json(); } catch (error) { if (!(error instanceof SyntaxError)) throw error; return null; } }`,
    `fetch('/x', { method: 'DELETE' }).then((r) => r.json()).catch(() => null);`,
    `fetch('/x', { method: 'DELETE' }).then((r) => r.json()).then(render).catch(handleError);`,
    `async function f() { try { await fetch('/x', { method: 'DELETE' }).then((r) => r.json()); } catch (e) { console.error(e); } }`,

    // ---- clients that do not throw on an empty body
    `import axios from 'axios'; async function f() { const res = await axios.delete('/x'); return res.data; }`,
    `import got from 'got'; async function f() { return got.delete('/x').json(); }`,
    `import { ofetch } from 'ofetch'; async function f() { return ofetch('/x', { method: 'DELETE' }); }`,

    // ---- not a client response
    `import express from 'express'; const app = express(); app.delete('/x', (req, res) => { res.json({ ok: true }); });`,
    `const store = { json() { return {}; } }; store.json();`,
    `async function f(response) { return response.json(); }`,
    `async function f() { const res = await fetch('/x', { method: 'DELETE' }); return JSON.parse((await res.text()) || 'null'); }`,
    `async function f() { const res = await fetch('/x', { method: 'DELETE' }); const text = await res.text(); return JSON.parse(text || 'null'); }`,

    // ---- dynamic methods resolved at local call sites
    `async function api(url, init) { const res = await fetch(url, init); return res.json(); }
     api('/a'); api('/b', { method: 'POST' });`,
    `async function send(method, url) { const res = await fetch(url, { method }); return res.json(); }
     send('GET', '/a'); send('put', '/b');`,
    `function api(path, init) { return fetch('/base' + path, init); }
     async function load() { const r = await api('/x', { method: 'GET' }); return r.json(); }`,

    // ---- the parse reads a later response
    `async function f() { let res = await fetch('/a', { method: 'DELETE' }); if (!res.ok) throw new Error(); res = await fetch('/b'); return res.json(); }`,
    `async function f() { let res = await fetch('/a', { method: 'DELETE' }); res = cache.get('/a'); return res.json(); }`,

    // ---- a method parameter whose type rules out DELETE
    `export async function send(method: 'GET' | 'POST', url: string) { const res = await fetch(url, { method }); return res.json(); }`,
    `type ReadMethod = 'GET' | 'HEAD_NEVER'; export async function read(method: ReadMethod, url: string) { const res = await fetch(url, { method }); return res.json(); }`,
    `export async function getJson<T>(url: string, init?: Omit<RequestInit, 'method'>): Promise<T> { const res = await fetch(url, init); return res.json(); }`,

    // ---- options
    {
      code: `export async function api(url, init) { const res = await fetch(url, init); return res.json(); }`,
      options: [{ checkDynamicMethods: false }],
    },
    {
      code: `async function f() { const res = await fetch('/x', { method: 'DELETE' }); return res.json(); }`,
      options: [{ methods: ['POST'] }],
    },
    {
      code: `export async function api(url, init) { const res = await fetch(url, init); return res.json(); }`,
      options: [{ methods: ['POST'], checkDynamicMethods: false }],
    },
  ],
  invalid: tsInvalid,
});

jsRuleTester.run('no-json-on-no-content (JavaScript, JSX)', rule, {
  valid: [
    `async function f() { const res = await fetch('/x'); return res.json(); }`,
    `function Item({ id }) { return <button onClick={async () => { const res = await fetch('/items/' + id, { method: 'DELETE' }); if (res.status !== 204) await res.json(); }}>x</button>; }`,
    `const axios = require('axios'); async function f() { return (await axios.delete('/x')).data; }`,
    `const die = (message) => { process.exit(1); }; async function f() { const res = await fetch('/x', { method: 'DELETE' }); if (res.status !== 200) die('unexpected'); return res.json(); }`,
  ],
  invalid: [
    {
      code: `function Item({ id }) { return <button onClick={async () => { const res = await fetch('/items/' + id, { method: 'DELETE' }); setItem(await res.json()); }}>x</button>; }`,
      output: `function Item({ id }) { return <button onClick={async () => { const res = await fetch('/items/' + id, { method: 'DELETE' }); setItem(res.status === 204 ? null : await res.json()); }}>x</button>; }`,
      errors: [{ messageId: 'method' }],
    },
    {
      code: `const fetch = require('node-fetch'); module.exports = async function remove(id) { const res = await fetch('http://x/' + id, { method: 'DELETE' }); return res.json(); };`,
      output: `const fetch = require('node-fetch'); module.exports = async function remove(id) { const res = await fetch('http://x/' + id, { method: 'DELETE' }); return res.status === 204 ? null : res.json(); };`,
      errors: [{ messageId: 'method' }],
    },
    {
      // The global aliased through its global object: the only use of `fetch` is a read.
      code: `const send = globalThis.fetch; async function remove(u) { const res = await send(u, { method: 'DELETE' }); return res.json(); }`,
      output: `const send = globalThis.fetch; async function remove(u) { const res = await send(u, { method: 'DELETE' }); return res.status === 204 ? null : res.json(); }`,
      errors: [{ messageId: 'method' }],
    },
    {
      code: `window.fetch('/x', { method: 'DELETE' }).then(res => res.json()).then(data => render(data));`,
      output: `window.fetch('/x', { method: 'DELETE' }).then(res => (res.status === 204 ? null : res.json())).then(data => render(data));`,
      errors: [{ messageId: 'method' }],
    },
  ],
});

describe('no-json-on-no-content options schema', () => {
  const lintWith = (options: unknown) => () =>
    new Linter({ configType: 'flat' }).verify('fetch(u);', {
      plugins: {
        'http-status': { rules: { 'no-json-on-no-content': noJsonOnNoContent as never } },
      },
      rules: { 'http-status/no-json-on-no-content': ['error', options] as Linter.RuleEntry },
    });

  it('accepts valid options', () => {
    expect(lintWith({ methods: ['DELETE', 'PUT'], checkDynamicMethods: false })).not.toThrow();
    expect(lintWith({})).not.toThrow();
  });

  it.each([
    [{ method: ['DELETE'] }],
    [{ methods: 'DELETE' }],
    [{ methods: ['DE LETE'] }],
    [{ methods: ['DELETE', 'DELETE'] }],
    [{ checkDynamicMethods: 'yes' }],
  ])('rejects %j', (options) => {
    expect(lintWith(options)).toThrow(/Key "http-status\/no-json-on-no-content"/);
  });

  // ESLint 9.15+ merges `meta.defaultOptions` before it validates, so the value it quotes for an
  // unknown key has the defaults in it; the line after names the key the user wrote.
  it.each([
    [{ methods: ['delete', 'DELETE'] }, 'Value "delete" should match pattern "^[A-Z]+$".'],
    [{ methods: ['Delete'] }, 'Value "Delete" should match pattern "^[A-Z]+$".'],
    [{ methods: [] }, 'Value [] should NOT have fewer than 1 items.'],
    [
      { methodz: ['GET'] },
      'Value {"methods":["DELETE"],"checkDynamicMethods":true,"methodz":["GET"]} should NOT have additional properties.\n\t\tUnexpected property "methodz". Expected properties: "methods", "checkDynamicMethods".',
    ],
  ])('rejects %j with a message naming it', (options, message) => {
    expect(lintWith(options)).toThrow(
      `Key "rules": Key "http-status/no-json-on-no-content":\n\t${message}`,
    );
  });
});

describe('no-json-on-no-content fixes are stable', () => {
  const outputs = tsInvalid.filter(
    (c): c is typeof c & { output: string } => typeof c.output === 'string',
  );

  it.each(outputs.map((c) => [c.output, c.options ?? []] as const))(
    'a second pass reports nothing: %s',
    (output, options) => {
      const messages = new Linter({ configType: 'flat' }).verify(
        output,
        {
          files: ['**/*.ts'],
          plugins: {
            'http-status': { rules: { 'no-json-on-no-content': noJsonOnNoContent as never } },
          },
          rules: { 'http-status/no-json-on-no-content': ['error', ...options] as Linter.RuleEntry },
          languageOptions: {
            parser: tsParser as Linter.Parser,
            ecmaVersion: 'latest',
            sourceType: 'module',
          },
        },
        'second-pass.ts',
      );
      expect(messages).toEqual([]);
    },
  );
});
