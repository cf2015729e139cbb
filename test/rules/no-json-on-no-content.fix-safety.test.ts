/**
 * Issue 17: the shapes where the 204 guard, as an autofix, broke working code (a TypeScript
 * error, a crash moved to the next line, an unused expression) or where the rule misjudged a
 * `catch` or a private helper. Every autofix here has a case where it must be a suggestion.
 */
import * as tsParser from '@typescript-eslint/parser';
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import noJsonOnNoContent from '../../src/rules/no-json-on-no-content';
import { createJavaScriptRuleTester, createRuleTester } from '../rule-tester';

const ts = createRuleTester();
const js = createJavaScriptRuleTester();
const rule = noJsonOnNoContent as unknown as Parameters<typeof ts.run>[1];

const DELETE = `fetch('/items/' + id, { method: 'DELETE' })`;

type Case = InvalidTestCase<string, readonly unknown[]>;

/** A report whose only remedy is the given suggestion (no autofix). */
function suggested(
  code: string,
  messageId: string,
  output: string,
  extra: Record<string, unknown> = {},
): Case {
  return {
    code,
    output: null,
    errors: [{ messageId: 'method', ...extra, suggestions: [{ messageId, output }] }],
  };
}

/** A report fixed by --fix, with no suggestion. */
function fixed(code: string, output: string, messageId = 'method'): Case {
  return { code, output, errors: [{ messageId, suggestions: [] }] };
}

// ---- TypeScript: null must fit where the value goes ------------------------------------------

const tsInvalid: Case[] = [];
const jsInvalid: Case[] = [];

tsInvalid.push(
  // `as Item` in a function typed `Promise<Item>`: `null` is no `Item` (TS2322 under strict).
  suggested(
    `interface Item { id: string }
export async function remove(id: string): Promise<Item> { const res = await ${DELETE}; return (await res.json()) as Item; }`,
    'suggestGuard',
    `interface Item { id: string }
export async function remove(id: string): Promise<Item> { const res = await ${DELETE}; return res.status === 204 ? null : (await res.json()) as Item; }`,
  ),
  // ... unless the declared type admits null.
  fixed(
    `interface Item { id: string }
export async function remove(id: string): Promise<Item | null> { const res = await ${DELETE}; return (await res.json()) as Item; }`,
    `interface Item { id: string }
export async function remove(id: string): Promise<Item | null> { const res = await ${DELETE}; return res.status === 204 ? null : (await res.json()) as Item; }`,
  ),
  fixed(
    `interface Item { id: string }
export async function remove(id: string) { const res = await ${DELETE}; const item: Item | undefined | null = (await res.json()) as Item; return item; }`,
    `interface Item { id: string }
export async function remove(id: string) { const res = await ${DELETE}; const item: Item | undefined | null = res.status === 204 ? null : (await res.json()) as Item; return item; }`,
  ),
  // A type argument names the type too (ky's `json<T>()`).
  suggested(
    `import ky from 'ky';
interface Item { id: string }
export async function remove(id: string): Promise<Item> { const res = await ky.delete('/items/' + id); const item: Item = await res.json<Item>(); return item; }`,
    'suggestGuard',
    `import ky from 'ky';
interface Item { id: string }
export async function remove(id: string): Promise<Item> { const res = await ky.delete('/items/' + id); const item: Item = res.status === 204 ? null : await res.json<Item>(); return item; }`,
  ),
  // An untyped parse is `any`: `null | any` is `any`, nothing else changes type.
  fixed(
    `export async function remove(id: string): Promise<{ ok: boolean }> { const res = await ${DELETE}; return await res.json(); }`,
    `export async function remove(id: string): Promise<{ ok: boolean }> { const res = await ${DELETE}; return res.status === 204 ? null : await res.json(); }`,
  ),
  // ... but a promise that is not awaited is `Promise<any> | null` in the binding's inferred type.
  suggested(
    `export async function remove(id: string) { const res = await ${DELETE}; const pending = res.json(); return pending; }`,
    'suggestGuard',
    `export async function remove(id: string) { const res = await ${DELETE}; const pending = res.status === 204 ? null : res.json(); return pending; }`,
  ),
  // The value is dereferenced on the next line: the fix would only move the crash.
  suggested(
    `export async function remove(id: string) { const res = await ${DELETE}; const data = await res.json(); if (!data.success) throw new Error(data.message); }`,
    'suggestGuard',
    `export async function remove(id: string) { const res = await ${DELETE}; const data = res.status === 204 ? null : await res.json(); if (!data.success) throw new Error(data.message); }`,
  ),
  // A parse whose value is unused: a statement, not an unused ternary.
  suggested(
    `export async function remove(id: string) { const res = await ${DELETE}; await res.json(); }`,
    'suggestSkipParse',
    `export async function remove(id: string) { const res = await ${DELETE}; if (res.status !== 204) await res.json(); }`,
  ),
  // A private helper that one caller in the class sends DELETE through.
  {
    code: `export class Api {
  private async send(method: string, url: string) { const res = await fetch(url, { method }); return res.json(); }
  list() { return this.send('GET', '/items'); }
  remove(id: string) { return this.send('DELETE', '/items/' + id); }
}`,
    output: `export class Api {
  private async send(method: string, url: string) { const res = await fetch(url, { method }); return res.status === 204 ? null : res.json(); }
  list() { return this.send('GET', '/items'); }
  remove(id: string) { return this.send('DELETE', '/items/' + id); }
}`,
    errors: [
      { messageId: 'methodFromCaller', data: { method: 'DELETE', parse: '.json()', line: '4' } },
    ],
  },
);

// ---- JavaScript: no types, but the same crashes and the same catches ----------------------------

jsInvalid.push(
  // A catch that reports the delete as failed is no handled parse: on a 204 the user is told it failed.
  {
    ...suggested(
      `export async function remove(id) { try { const res = await ${DELETE}; await res.json(); toast.success('Deleted'); } catch (e) { toast.error('Could not delete'); } }`,
      'suggestSkipParse',
      `export async function remove(id) { try { const res = await ${DELETE}; if (res.status !== 204) await res.json(); toast.success('Deleted'); } catch (e) { toast.error('Could not delete'); } }`,
    ),
    filename: 'api.js',
  },
  {
    ...suggested(
      `export async function remove(id) { try { const res = await ${DELETE}; const data = await res.json(); setItems(data.items); } catch (e) { setError(e.message); } }`,
      'suggestGuard',
      `export async function remove(id) { try { const res = await ${DELETE}; const data = res.status === 204 ? null : await res.json(); setItems(data.items); } catch (e) { setError(e.message); } }`,
    ),
    filename: 'api.js',
  },
  {
    code: `export async function remove(id) { try { const res = await ${DELETE}; return await res.json(); } catch (e) { return false; } }`,
    output: `export async function remove(id) { try { const res = await ${DELETE}; return res.status === 204 ? null : await res.json(); } catch (e) { return false; } }`,
    filename: 'api.js',
    errors: [{ messageId: 'method' }],
  },
  {
    code: `export function remove(id) { return ${DELETE}.then((r) => r.json()).catch(() => showToast('Delete failed')); }`,
    output: `export function remove(id) { return ${DELETE}.then((r) => (r.status === 204 ? null : r.json())).catch(() => showToast('Delete failed')); }`,
    filename: 'api.js',
    errors: [{ messageId: 'method' }],
  },
  // The next `.then` dereferences the value: a suggestion.
  {
    ...suggested(
      `export function remove(id) { return ${DELETE}.then((r) => r.json()).then((data) => data.items); }`,
      'suggestGuard',
      `export function remove(id) { return ${DELETE}.then((r) => (r.status === 204 ? null : r.json())).then((data) => data.items); }`,
    ),
    filename: 'api.js',
  },
  // ... and where nothing dereferences it, the same guard is an autofix.
  {
    code: `export function remove(id) { return ${DELETE}.then((r) => r.json()).then((data) => render(data)); }`,
    output: `export function remove(id) { return ${DELETE}.then((r) => (r.status === 204 ? null : r.json())).then((data) => render(data)); }`,
    filename: 'api.js',
    errors: [{ messageId: 'method' }],
  },
  // undici: the guard also destructures `statusCode`; the value is dereferenced, so a suggestion.
  {
    ...suggested(
      `import { request } from 'undici';
export async function remove(id) { const { body } = await request('http://api/items/' + id, { method: 'DELETE' }); const data = await body.json(); return data.id; }`,
      'suggestGuard',
      `import { request } from 'undici';
export async function remove(id) { const { statusCode, body } = await request('http://api/items/' + id, { method: 'DELETE' }); const data = statusCode === 204 ? null : await body.json(); return data.id; }`,
    ),
    filename: 'api.js',
  },
  // A chain that goes on with something other than `.then(callback)`.
  {
    code: `export const removing = (id) => ${DELETE}.then((r) => r.json()).finally(done);`,
    output: `export const removing = (id) => ${DELETE}.then((r) => (r.status === 204 ? null : r.json())).finally(done);`,
    filename: 'api.js',
    errors: [{ messageId: 'method' }],
  },
  // An untyped binding read without a dereference: an autofix in JavaScript.
  {
    code: `export async function remove(id) { const res = await ${DELETE}; const data = await res.json(); return data; }`,
    output: `export async function remove(id) { const res = await ${DELETE}; const data = res.status === 204 ? null : await res.json(); return data; }`,
    filename: 'api.js',
    errors: [{ messageId: 'method' }],
  },
  {
    ...suggested(
      `export async function remove(id) { const res = await ${DELETE}; const data = await res.json(); if (!data.success) throw new Error(data.message); }`,
      'suggestGuard',
      `export async function remove(id) { const res = await ${DELETE}; const data = res.status === 204 ? null : await res.json(); if (!data.success) throw new Error(data.message); }`,
    ),
    filename: 'api.js',
  },
  // `JSON.parse(text).id`: `JSON.parse('null').id` throws too.
  {
    ...suggested(
      `export async function remove(id) { const res = await ${DELETE}; return JSON.parse(await res.text()).id; }`,
      'suggestGuard',
      `export async function remove(id) { const res = await ${DELETE}; return JSON.parse((await res.text()) || 'null').id; }`,
    ),
    filename: 'api.js',
  },
  {
    code: `export async function remove(id) { const res = await ${DELETE}; return JSON.parse(await res.text()); }`,
    output: `export async function remove(id) { const res = await ${DELETE}; return JSON.parse((await res.text()) || 'null'); }`,
    filename: 'api.js',
    errors: [{ messageId: 'method' }],
  },
  // The unused parse in JavaScript, and through `.then` with a block body.
  {
    ...suggested(
      `export async function remove(id) { const res = await ${DELETE}; await res.json(); }`,
      'suggestSkipParse',
      `export async function remove(id) { const res = await ${DELETE}; if (res.status !== 204) await res.json(); }`,
    ),
    filename: 'api.js',
  },
  {
    ...suggested(
      `export function remove(id) { return ${DELETE}.then((r) => { r.json(); }); }`,
      'suggestSkipParse',
      `export function remove(id) { return ${DELETE}.then((r) => { if (r.status !== 204) r.json(); }); }`,
    ),
    filename: 'api.js',
  },
  // A private helper whose use escapes the class's calls (`this.#send` handed out): its callers are not all known.
  {
    code: `export class Api {
  #send = async (method, url) => { const res = await fetch(url, { method }); return res.json(); };
  list() { return this.#send('GET', '/items'); }
  get sender() { return this.#send; }
}`,
    output: `export class Api {
  #send = async (method, url) => { const res = await fetch(url, { method }); return res.status === 204 ? null : res.json(); };
  list() { return this.#send('GET', '/items'); }
  get sender() { return this.#send; }
}`,
    filename: 'api.js',
    errors: [{ messageId: 'dynamic' }],
  },
);

ts.run('no-json-on-no-content fix safety (TypeScript)', rule, {
  valid: [
    // A private helper whose callers in the class send GET and POST only.
    `export class Api {
  private async send(method: string, url: string) { const res = await fetch(url, { method }); return res.json(); }
  list() { return this.send('GET', '/items'); }
  create() { return this.send('POST', '/items'); }
}`,
    `export class Api {
  async #send(method: string, url: string) { const res = await fetch(url, { method }); return res.json(); }
  list() { return this.#send('GET', '/items'); }
}`,
  ],
  invalid: tsInvalid,
});

js.run('no-json-on-no-content fix safety (JavaScript)', rule, {
  valid: [
    // A fallback value for the parse itself.
    {
      code: `export async function remove(id) { const res = await ${DELETE}; let data; try { data = await res.json(); } catch { data = null; } return data; }`,
      filename: 'api.js',
    },
    // A catch that gives the whole request a default: on a 204 it returns what the guard would.
    {
      code: `export async function remove(id) { try { const res = await ${DELETE}; return await res.json(); } catch (error) { console.error(error); return null; } }`,
      filename: 'api.js',
    },
    // A private helper whose callers all send GET or POST.
    {
      code: `export class Api {
  #send = async (method, url) => { const res = await fetch(url, { method }); return res.json(); };
  list() { return this.#send('GET', '/items'); }
  create(item) { return this.#send('POST', '/items', item); }
}`,
      filename: 'api.js',
    },
  ],
  invalid: jsInvalid,
});

// ---- every fixed and suggested output: no report again, no unused expression ---------------

describe('no-json-on-no-content fix safety: outputs are clean', () => {
  const outputs = (cases: Case[]): string[] =>
    cases.flatMap((c) => [
      ...(typeof c.output === 'string' ? [c.output] : []),
      ...c.errors.flatMap((e) => (e.suggestions ?? []).map((suggestion) => suggestion.output)),
    ]);
  const lint = (code: string, typescript: boolean) =>
    new Linter({ configType: 'flat' }).verify(
      code,
      [
        {
          files: ['**/*.ts', '**/*.js'],
          ...(typescript ? { languageOptions: { parser: tsParser as never } } : {}),
          plugins: {
            'http-status': { rules: { 'no-json-on-no-content': noJsonOnNoContent as never } },
          },
          rules: { 'http-status/no-json-on-no-content': 'error', 'no-unused-expressions': 'error' },
        },
      ],
      typescript ? 'file.ts' : 'file.js',
    );
  it.each([
    ...outputs(tsInvalid).map((o) => [o, true] as const),
    ...outputs(jsInvalid).map((o) => [o, false] as const),
  ])('%s', (output, typescript) => {
    const messages = lint(output, typescript).filter(
      (m) => m.ruleId !== 'http-status/no-json-on-no-content' || m.messageId !== 'dynamic',
    );
    expect(messages).toEqual([]);
  });
});
