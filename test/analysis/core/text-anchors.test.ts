import { describe, expect, it } from 'vitest';

import {
  firstHttpAnchor,
  hasHttpAnchor,
  hasServerAnchor,
  KNOWN_MODULES,
  mentionsRetryAfter,
  retryPredicateNameOffsets,
  shortestNeedles,
} from '../../../src/analysis/core/text-anchors';
import { RETRY_PREDICATE_NAME } from '../../../src/analysis/libraries/retry';

/** The one-scan check that lets a file without HTTP code skip every analysis. */
describe('hasHttpAnchor', () => {
  it.each([
    // known modules, in every kind of string
    `import ky from 'ky';`,
    `const axios = require("axios");`,
    `export * from "express";`,
    `import { json } from 'next/server';`,
    // traced globals used as values
    `await fetch(url);`,
    `const user = await $fetch<User>('/api/user');`,
    `globalThis.fetch(url);`,
    `self?.fetch(url);`,
    `window['fetch'](url);`,
    `const send = fetch;`,
    `const send = globalThis.fetch;`,
    `(fetch as typeof fetch)(url);`,
    `fetch!(url);`,
    `fetch?.(url);`,
    `return new Response(body, { status: 500 });`,
    `return Response.json({ error });`,
    `export default defineEventHandler((event) => ({}));`,
    `export default eventHandler(async (event) => ({}));`,
    // handlers no import announces
    `function handler(req, res) { res.status(500).send(e); }`,
    `reply['code'](404);`,
    `res.json<Body>({ error: 'x' });`,
    `res.statusCode = 500;`,
    `res.statusCode ||= 500;`,
    `router.get('/users', (req, res) => list(req, res));`,
    `app.use("*", function notFound(req, res) { res.end(); });`,
    `app['get']('/users', auth, (req, res) => list(req, res));`,
    `router?.post( ( '/users' ), async (request, reply) => create(request));`,
    // serverless results
    `return { statusCode: 500, body: JSON.stringify({ error }) };`,
    `return { status: 500, jsonBody: { error } };`,
    `return { statusCode, body: JSON.stringify(b) };`,
    // retry predicates by name
    `function shouldRetry(error) { return true; }`,
    `const isRetryable = (e) => e.status >= 500;`,
    `const isRetriable = (e) => e.status >= 500; const maxRetries = 3; retrieve(id);`,
    `const { shouldRetry } = options;`,
    `class K { retryCondition(e) { return true; } }`,
    // a caught error's status read: a retry around a request the file does not show
    `try { return await fn(); } catch (err) { if (err.response?.status === 429) return again(); }`,
    `try { await api.post(u); } catch (e: any) { if (e.statusCode >= 500) continue; }`,
    `try { x(); } catch (error) { const s = (error as AxiosError).response?.status; }`,
  ])('finds an anchor in %s', (code) => {
    expect(hasHttpAnchor(code)).toBe(true);
  });

  it.each([
    `const response: Response = await get(); type Fetch = typeof fetch;`,
    `class APIResponse {} export interface ClientOptions { fetch?: Fetch }`,
    `class Client { fetch!: Fetch; }`,
    `// Retries failed requests up to maxRetries times`,
    `const maxRetries = 3; const retryCount = 0; retrieve(id);`,
    `const handler = createEventHandler(); class StatusCodeError {} const { statusCode } = res; json.Body = 1;`,
    `const body = await res.json(); if (res.status === 204) return;`,
    `import { request } from '../http'; const code = error.code;`,
    `Object.defineProperty(exports, "__esModule", { value: true });`,
    `//# sourceMappingURL=AdminAnalyticsGetFileResponse.js.map`,
    `url.replace('/', ':'); if (!base.endsWith('/')) base += '/';`,
    `logger.debug(\`result: \${JSON.stringify(result)}\`);`,
    `/** The fetch function used for HTTP requests */`,
    '/** Options passed to `fetch`, and the raw `Response`; see `next` */',
    `return this._client.post('/v1/agents', { body, ...options });`,
    `router.get('/users', listUsers);`,
    `class Resource { fetch(options) { return this.client.fetch(options); } }`,
    `exports.client = { statusCode: res.statusCode, body: res.body };`,
    `if (res.statusCode >= 400 || res['statusCode'] <= 199) throw new Error(res.statusMessage);`,
    `try { return await fn(); } catch (err) { console.warn(err.message); return again(); }`,
    `promise.catch((err) => err.status); try { x(); } catch (e) { state.status = 'failed'; }`,
    `task.catch(err) { err.status; }`,
  ])('finds no anchor in %s', (code) => {
    expect(hasHttpAnchor(code)).toBe(false);
  });

  /** The ranges of the `/* … *\/` and `// …` comments of simple code (no comment-like strings). */
  const commentsOf = (code: string): Array<{ range: [number, number] }> =>
    [...code.matchAll(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g)].map((m) => ({
      range: [m.index, m.index + m[0].length] as [number, number],
    }));

  it('skips a caught status read in a comment', () => {
    const code = `/** try { await fn(); } catch (err) { err.status } */\nexport const add = (a, b) => a + b;\n`;
    expect(hasHttpAnchor(code)).toBe(true);
    expect(hasHttpAnchor(code, commentsOf(code))).toBe(false);
  });

  it('skips comments: an example in a doc comment is no anchor', () => {
    const code = `/**\n * @example\n * const res = await fetch(url); res.status(500); import ky from 'ky';\n */\nexport const add = (a, b) => a + b; // shouldRetry\n`;
    expect(hasHttpAnchor(code)).toBe(true);
    expect(hasHttpAnchor(code, commentsOf(code))).toBe(false);
  });

  it.each([
    `app.get(\n  '/users',\n  // list the users\n  async (req, res) => list(req, res),\n);`,
    `router.post('/users', /* auth */ function create(req, res) {});`,
    `res.status(/* teapot */ 418);`,
    `/* header */ import axios from 'axios'; // client`,
    `const send = fetch; /* the global */`,
  ])('finds an anchor next to comments in %s', (code) => {
    expect(hasHttpAnchor(code, commentsOf(code))).toBe(true);
  });

  it('knows every module of the tables, and only modules', () => {
    for (const module of [
      'axios',
      'ky',
      'got',
      'undici',
      'express',
      'fastify',
      'hono',
      'node:http',
      'p-retry',
      'axios-retry',
    ]) {
      expect(KNOWN_MODULES.has(module), module).toBe(true);
    }
    expect(KNOWN_MODULES.has('./local')).toBe(false);
  });
});

/** The second gate, before the server analysis is built for a file that has an anchor. */
describe('hasServerAnchor', () => {
  it.each([
    `import express from 'express';`,
    `const http = require("node:http");`,
    `import { json } from '@sveltejs/kit';`,
    `return new Response(body, { status: 500 });`,
    `export default defineEventHandler((event) => ({}));`,
    `function handler(req, res) { res.status(500).send(e); }`,
    `res.statusCode = 500;`,
    `router.get('/users', (req, res) => list(req, res));`,
    `return { statusCode: 500, body: JSON.stringify({ error }) };`,
    `return { status: 500, jsonBody: { error } };`,
  ])('finds a server anchor in %s', (code) => {
    expect(hasServerAnchor(code)).toBe(true);
    expect(firstHttpAnchor(code)).toBe('server');
  });

  it.each([
    `import ky from 'ky';`,
    `const axios = require("axios");`,
    `import pRetry from 'p-retry';`,
    `await fetch(url);`,
    `const user = await $fetch<User>('/api/user');`,
    `function shouldRetry(error) { return true; }`,
    `const res = await fetch(url); const body = await res.json(); if (res.status === 204) return;`,
  ])('finds an anchor, but none of the server analysis, in %s', (code) => {
    expect(hasHttpAnchor(code)).toBe(true);
    expect(firstHttpAnchor(code)).toBe('other');
    expect(hasServerAnchor(code)).toBe(false);
  });

  it('finds a server anchor after a client anchor, and none in comments', () => {
    const code = `const res = await fetch(url);\n// res.status(500)\nexport const f = (req, res) => res.json(await res2.json());`;
    expect(firstHttpAnchor(code)).toBe('other');
    expect(hasServerAnchor(code)).toBe(true);
    const comment = `/* res.status(500) */ await fetch(url);`;
    expect(hasServerAnchor(comment, [{ range: [0, 21] }])).toBe(false);
  });

  it("checks a serverless result's other needles with the text search it is given", () => {
    const code = `return { statusCode: 500, body: JSON.stringify({ error }) };`;
    const asked: string[] = [];
    const includes = (needle: string): boolean => {
      asked.push(needle);
      return code.includes(needle);
    };
    expect(firstHttpAnchor(code, [], includes)).toBe('server');
    expect(asked).toEqual(expect.arrayContaining(['stringify', 'statusCode', 'body']));
    expect(
      hasServerAnchor(code, [], (needle) => needle !== 'statusCode' && code.includes(needle)),
    ).toBe(false);
  });

  it("searches for a serverless result's other needles only when the text has no other anchor", () => {
    const code = `const r = { statusCode: 0, body }; log(JSON.stringify(r)); await fetch(url);`;
    const asked: string[] = [];
    const includes = (needle: string): boolean => {
      asked.push(needle);
      return code.includes(needle);
    };
    expect(firstHttpAnchor(code, [], includes)).toBe('other');
    expect(asked).toEqual([]);
    // The server anchor is the result candidate, found by its own scan.
    expect(hasServerAnchor(code, [], includes)).toBe(true);
    expect(asked).toEqual(expect.arrayContaining(['statusCode', 'body']));
  });
});

describe('mentionsRetryAfter', () => {
  it.each([
    [`res.headers.get('retry-after')`, true],
    [`headers['Retry-After']`, true],
    [`const H = "RETRY-AFTER";`, true],
    [`const h = 'rEtRy-AfTeR';`, true],
    [`retry-after`, true],
    [`x-retry-afterwards`, true],
    [`retry_after retryAfter retry- after retry -after`, false],
    [`-after retry-`, false],
    [``, false],
  ])('%s: %s, as /retry-after/i', (text, expected) => {
    expect(mentionsRetryAfter(text)).toBe(expected);
    expect(/retry-after/i.test(text)).toBe(expected);
  });
});

describe('shortestNeedles', () => {
  it('drops the names that contain another: a text without the rest has none of them', () => {
    expect(
      shortestNeedles(['fetch', '$fetch', 'Response', 'defineEventHandler', 'eventHandler']),
    ).toEqual(['fetch', 'Response', 'defineEventHandler', 'eventHandler']);
    expect(shortestNeedles(['ab', 'abc', 'b'])).toEqual(['b']);
  });
});

describe('retryPredicateNameOffsets', () => {
  it('finds where each accepted name starts, in code, strings and comments alike', () => {
    const code = `function shouldRetry(e) {}\nconst o = { 'isRetriable': f, retryOn: g };\n// canRetry\nconst maxRetries = 1; retrieve();`;
    const found = [...retryPredicateNameOffsets(code)].sort((a, b) => a - b);
    expect(
      found.map((offset) =>
        code.slice(offset, code.indexOf(/[^\w$]/.exec(code.slice(offset))![0], offset)),
      ),
    ).toEqual(['shouldRetry', 'isRetriable', 'retryOn', 'canRetry']);
  });

  it('finds the name after a `return` (whose `retr` is skipped) and in other letter cases', () => {
    const code = `return retryable(); returnRetry; return IsRETRIABLE; return isRetrYable;`;
    const found = [...retryPredicateNameOffsets(code)].sort((a, b) => a - b);
    expect(found).toEqual([code.indexOf('retryable'), code.indexOf('isRetrYable')]);
    expect(
      found.map((offset) => RETRY_PREDICATE_NAME.test(code.slice(offset).split(/\W/)[0]!)),
    ).toEqual([true, true]);
  });
});

describe('firstHttpAnchor: a caught error whose status is read', () => {
  it.each([
    [`try { await run(); } catch (err) { if (err.status === 429) retry(); }`, 'other'],
    [`try { await run(); } catch (err) { log(err); }\nconst status = 1;`, undefined],
    [
      `try {} catch (a) {}\ntry {} catch (b) {}\ntry { x() } catch (e) { e.response?.status }`,
      'other',
    ],
    [`try {} catch (a) { a.message }\n${' '.repeat(2000)}a.status`, undefined],
    [`try {} catch (e) {}`, undefined],
  ])('%s: %s', (code, expected) => {
    expect(firstHttpAnchor(code)).toBe(expected);
  });
});
