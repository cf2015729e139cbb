import { describe, expect, it } from 'vitest';

import { analyze } from '../helpers';

interface RequestSummary {
  call: string;
  client: string;
  methods: string[] | undefined;
  forwarded: boolean;
}

function requestsOf(code: string, typescript = false): RequestSummary[] {
  let result: RequestSummary[] = [];
  analyze(
    code,
    ({ model, text }) => {
      result = model.requests.map((request) => ({
        call: text(request.node),
        client: request.client.id,
        methods: request.method.methods && [...request.method.methods],
        forwarded: request.method.forwarded,
      }));
    },
    { typescript },
  );
  return result;
}

function parsesOf(code: string, typescript = false): string[] {
  let result: string[] = [];
  analyze(
    code,
    ({ model, text }) => {
      result = model.bodyParses.map(
        (parse) => `${text(parse.node)} [${parse.kind}${parse.throwsOnEmpty ? ', throws' : ''}]`,
      );
    },
    { typescript },
  );
  return result;
}

const get = (call: string, client = 'fetch'): RequestSummary => ({
  call,
  client,
  methods: ['GET'],
  forwarded: false,
});

describe('requests', () => {
  it('finds global fetch, also through globalThis, window and self', () => {
    expect(
      requestsOf("fetch('/a'); globalThis.fetch('/b'); window.fetch('/c'); self.fetch('/d');"),
    ).toEqual([
      get("fetch('/a')"),
      get("globalThis.fetch('/b')"),
      get("window.fetch('/c')"),
      get("self.fetch('/d')"),
    ]);
  });

  it('does not take a local function named fetch for the global', () => {
    expect(requestsOf("function fetch(x) { return x; }\nfetch('/a');")).toEqual([]);
    expect(requestsOf("const api = { fetch() {} };\napi.fetch('/a');")).toEqual([]);
  });

  it('finds imported clients: node-fetch, cross-fetch, undici, ky, got, axios, ofetch, superagent', () => {
    const code = `
      import nodeFetch from 'node-fetch';
      import crossFetch from 'cross-fetch';
      import { fetch as undiciFetch, request } from 'undici';
      import ky from 'ky';
      import got from 'got';
      import axios from 'axios';
      import { ofetch } from 'ofetch';
      import superagent from 'superagent';
      nodeFetch('/1'); crossFetch('/2'); undiciFetch('/3'); request('/4'); ky('/5'); got('/6'); axios('/7'); ofetch('/8'); superagent.get('/9');
    `;
    expect(requestsOf(code).map((r) => r.client)).toEqual([
      'node-fetch',
      'cross-fetch',
      'undici-fetch',
      'undici-request',
      'ky',
      'got',
      'axios',
      'ofetch',
      'superagent',
    ]);
  });

  it('finds CommonJS requires', () => {
    const code =
      "const fetch = require('node-fetch');\nconst axios = require('axios');\nconst { request } = require('undici');\nfetch('/a'); axios.delete('/b'); request('/c', { method: 'DELETE' });";
    expect(requestsOf(code)).toEqual([
      get("fetch('/a')", 'node-fetch'),
      { call: "axios.delete('/b')", client: 'axios', methods: ['DELETE'], forwarded: false },
      {
        call: "request('/c', { method: 'DELETE' })",
        client: 'undici-request',
        methods: ['DELETE'],
        forwarded: false,
      },
    ]);
  });

  it('follows instances made by factories: axios.create, ky.create / extend, this.http', () => {
    const code = `
      import axios from 'axios';
      import ky from 'ky';
      const api = axios.create({ baseURL: '/api' });
      const client = ky.create({ prefixUrl: '/api' }).extend({ timeout: 1000 });
      api.delete('/a');
      client.get('b');
      class Service {
        constructor() { this.http = axios.create(); }
        remove(id) { return this.http.delete('/x/' + id); }
      }
    `;
    expect(requestsOf(code).map((r) => `${r.call} ${r.client} ${r.methods?.join()}`)).toEqual([
      "api.delete('/a') axios DELETE",
      "client.get('b') ky GET",
      "this.http.delete('/x/' + id) axios DELETE",
    ]);
  });

  it('finds the verb call of a wretch chain', () => {
    const code =
      "import wretch from 'wretch';\nconst api = wretch('/api');\napi.url('/a').delete().json();\nwretch('/b').get().json();";
    expect(requestsOf(code).map((r) => `${r.call} ${r.methods?.join()}`)).toEqual([
      "api.url('/a').delete() DELETE",
      "wretch('/b').get() GET",
    ]);
  });

  it('reads the method: literal in any case, const, local constant object, ternary', () => {
    const code = `
      const DELETE = 'delete';
      const M = { remove: 'DELETE' };
      fetch('/1', { method: 'Delete' });
      fetch('/2', { method: DELETE });
      fetch('/3', { method: M.remove });
      fetch('/4', { method: flag ? 'PUT' : 'DELETE' });
      fetch('/5', { method: \`HEAD\` });
      const init = { method: 'DELETE' };
      fetch('/6', init);
      fetch('/7', { ...init, headers: {} });
    `;
    expect(requestsOf(code).map((r) => r.methods?.join())).toEqual([
      'DELETE',
      'DELETE',
      'DELETE',
      'PUT,DELETE',
      'HEAD',
      'DELETE',
      'DELETE',
    ]);
  });

  it('marks methods forwarded from parameters: method, init object, spread, ?? default', () => {
    const code = `
      function a(url, method) { return fetch(url, { method }); }
      function b(url, init) { return fetch(url, init); }
      function c(url, options) { return fetch(url, { ...options, headers: {} }); }
      function d(url, opts = {}) { return fetch(url, { method: opts.method ?? 'GET' }); }
      function e({ url, method }) { return fetch(url, { method: method.toUpperCase() }); }
      function f(url) { return fetch(url); }
      function g(config) { return axios(config); }
    `;
    const prelude = "import axios from 'axios';\n";
    expect(requestsOf(prelude + code).map((r) => [r.methods?.join(), r.forwarded])).toEqual([
      [undefined, true],
      [undefined, true],
      [undefined, true],
      [undefined, true],
      [undefined, true],
      ['GET', false],
      [undefined, true],
    ]);
  });

  it('keeps an explicit method after a spread of a parameter only when it comes last', () => {
    const code = `
      function a(url, init) { return fetch(url, { ...init, method: 'GET' }); }
      function b(url, init) { return fetch(url, { method: 'GET', ...init }); }
    `;
    expect(requestsOf(code).map((r) => [r.methods?.join(), r.forwarded])).toEqual([
      ['GET', false],
      [undefined, true],
    ]);
  });

  it('reads methods of superagent and axios verbs', () => {
    const code =
      "import request from 'superagent';\nimport axios from 'axios';\nrequest.del('/a'); request('DELETE', '/b'); axios.head('/c'); axios({ method: 'delete', url: '/d' }); axios.request({ url: '/e' });";
    expect(requestsOf(code).map((r) => r.methods?.join())).toEqual([
      'DELETE',
      'DELETE',
      'HEAD',
      'DELETE',
      'GET',
    ]);
  });
});

describe('responses and body parses', () => {
  it('follows await, variables, .then callbacks and parenthesised awaits', () => {
    const code = `
      async function a() { const res = await fetch('/a'); return res.json(); }
      fetch('/b').then((r) => r.json());
      fetch('/c').then(function (response) { return response.json(); });
      async function d() { return (await fetch('/d')).json(); }
      async function e() { let res; res = await fetch('/e'); return res.json(); }
    `;
    expect(parsesOf(code)).toEqual([
      'res.json() [json, throws]',
      'r.json() [json, throws]',
      'response.json() [json, throws]',
      "(await fetch('/d')).json() [json, throws]",
      'res.json() [json, throws]',
    ]);
  });

  it('follows a promise kept in a variable, and aliases', () => {
    const code = `
      async function a() { const pending = fetch('/a'); const res = await pending; const alias = res; return alias.json(); }
    `;
    expect(parsesOf(code)).toEqual(['alias.json() [json, throws]']);
  });

  it('follows simple local helpers that return a response', () => {
    const code = `
      async function send(url, init) { const res = await fetch(url, init); if (!res.ok) throw new Error(); return res; }
      const get = (url) => fetch(url);
      async function use() {
        const a = await send('/a', { method: 'DELETE' });
        const b = await get('/b');
        return [await a.json(), await b.json()];
      }
    `;
    expect(parsesOf(code)).toEqual(['a.json() [json, throws]', 'b.json() [json, throws]']);
  });

  it('follows helpers through a named function expression and useCallback (core functionVariables)', () => {
    const code = `
      const load = async function loadOnce(url) { return fetch(url); };
      const fetchUser = useCallback(async (id) => fetch('/users/' + id), []);
      async function use() {
        const a = await load('/a');
        const b = await fetchUser(1);
        return [await a.json(), await b.json()];
      }
    `;
    expect(parsesOf(code)).toEqual(['a.json() [json, throws]', 'b.json() [json, throws]']);
  });

  it('finds JSON.parse of the text, inline or through a variable', () => {
    const code = `
      async function a() { const res = await fetch('/a'); return JSON.parse(await res.text()); }
      async function b() { const res = await fetch('/b'); const text = await res.text(); return JSON.parse(text); }
      async function c() { const res = await fetch('/c'); return res.text(); }
    `;
    expect(parsesOf(code)).toEqual([
      'JSON.parse(await res.text()) [json-parse-text, throws]',
      'JSON.parse(text) [json-parse-text, throws]',
    ]);
  });

  it('knows which clients parse safely: got, axios, ofetch do; ky and undici body throw', () => {
    const code = `
      import got from 'got';
      import axios from 'axios';
      import ky from 'ky';
      import { request } from 'undici';
      async function run() {
        await got.delete('/a').json();
        const { data } = await axios.delete('/b');
        await ky.delete('/c').json();
        const { statusCode, body } = await request('/d', { method: 'DELETE' });
        await body.json();
        const res = await request('/e');
        await res.body.json();
      }
    `;
    expect(parsesOf(code)).toEqual([
      "got.delete('/a').json() [json]",
      "ky.delete('/c').json() [json, throws]",
      'body.json() [json, throws]',
      'res.body.json() [json, throws]',
    ]);
  });

  it('ignores .json() on values that are not responses', () => {
    const code = `
      import express from 'express';
      const app = express();
      app.get('/', (req, res) => { res.json({ ok: true }); });
      const thing = { json() { return 1; } };
      thing.json();
      async function a() { const res = await fetch('/a'); return res.json(reviver); }
    `;
    expect(parsesOf(code)).toEqual([]);
  });

  it('works on TypeScript syntax', () => {
    const code = `
      async function a(): Promise<User> { const res = (await fetch('/a'))!; return (await res.json()) as User; }
      async function b() { const res = await fetch('/b') satisfies Response; return res?.json(); }
    `;
    expect(parsesOf(code, true)).toEqual([
      'res.json() [json, throws]',
      'res?.json() [json, throws]',
    ]);
  });

  it('attributes each parse of a reassigned variable to the response written last before it, once', () => {
    const blocks = Array.from(
      { length: 40 },
      (_, i) => `res = await fetch('/${i}'); body = await res.json();`,
    ).join('\n');
    let attributed: string[] = [];
    analyze(`async function t() { let res; let body;\n${blocks}\n}`, ({ model, text }) => {
      attributed = model.bodyParses.map(
        (parse) => `${parse.node.loc.start.line}:${text(parse.request.node)}`,
      );
    });
    // One parse per block, not one per block and response (which made the file cost cubic time).
    expect(attributed).toEqual(Array.from({ length: 40 }, (_, i) => `${i + 2}:fetch('/${i}')`));
  });

  it('keeps a parse of a reassigned variable in a closure attributed to every response', () => {
    const code = `async function t() { let res = await fetch('/a'); res = await fetch('/b'); res = await fetch('/c'); return () => res.json(); }`;
    expect(parsesOf(code)).toEqual([
      'res.json() [json, throws]',
      'res.json() [json, throws]',
      'res.json() [json, throws]',
    ]);
  });
});
