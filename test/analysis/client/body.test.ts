import { describe, expect, it } from 'vitest';

import { isBodyPresenceChecked } from '../../../src/analysis/client/body-presence';
import { isParseFailureHandled } from '../../../src/analysis/client/parse-handling';
import { readsAttributedResponse } from '../../../src/analysis/client/reassigned-response';
import { methodAtParse } from '../../../src/analysis/client/call-site-method';
import { admitsNoContent } from '../../../src/analysis/client/no-content';
import type { BodyParse } from '../../../src/analysis';
import { analyze, type Analyzed } from '../helpers';

const DELETE = `const res = await fetch('/x', { method: 'DELETE' });`;

/** Runs `check` on the single body parse of `code`. */
function onParse<T>(
  code: string,
  wrap: boolean,
  check: Parameters<typeof analyze>[1] extends (a: infer A) => void
    ? (
        analyzed: A,
        parse: A extends { model: { bodyParses: readonly (infer P)[] } } ? P : never,
      ) => T
    : never,
): T {
  let result: T | undefined;
  // Every case is the body of an async function (top-level `return` does not parse).
  analyze(wrap ? `async function f() { ${code} }` : code, (analyzed) => {
    const parses = analyzed.model.bodyParses;
    expect(parses).toHaveLength(1);
    result = check(analyzed, parses[0]!);
  });
  return result as T;
}

function onParseTs<T>(code: string, check: (analyzed: Analyzed, parse: BodyParse) => T): T {
  let result: T | undefined;
  analyze(
    code,
    (analyzed) => {
      expect(analyzed.model.bodyParses).toHaveLength(1);
      result = check(analyzed, analyzed.model.bodyParses[0]!);
    },
    { typescript: true },
  );
  return result as T;
}

const presence = (code: string): boolean =>
  onParse(code, true, ({ model }, parse) => isBodyPresenceChecked(model.file, parse));
const handled = (code: string): boolean =>
  onParse(code, true, (_, parse) => isParseFailureHandled(parse));
const admits = (code: string): boolean =>
  onParse(code, true, ({ model }, parse) =>
    admitsNoContent(model, parse.node, parse.response!.subject),
  );
const method = (code: string): string[] | 'forwarded' | undefined =>
  onParse(code, false, ({ model }, parse) => {
    const { method: m } = methodAtParse(model, parse);
    return m.methods ? [...m.methods].sort() : m.forwarded ? 'forwarded' : undefined;
  });

describe('isBodyPresenceChecked', () => {
  it.each([
    `${DELETE} if (res.headers.get('content-length') === '0') return null; return res.json();`,
    `${DELETE} if (res.headers.get('content-length') !== '0') return res.json();`,
    `${DELETE} if (res.headers.get('content-length')) return res.json();`,
    `${DELETE} if (Number(res.headers.get('content-length')) > 0) return res.json();`,
    `${DELETE} if (parseInt(res.headers.get('content-length'), 10) === 0) { return null; } return res.json();`,
    `${DELETE} const ct = res.headers.get('content-type'); return ct && ct.includes('json') ? res.json() : null;`,
    `${DELETE} if (res.headers.get('Content-Type')?.toLowerCase().startsWith('application/json')) return res.json();`,
    `${DELETE} return /json/i.test(res.headers.get('content-type') ?? '') ? res.json() : null;`,
    `${DELETE} if (res.body != null) return res.json();`,
    `${DELETE} if (!res.body) return; return res.json();`,
    `${DELETE} const { headers } = res; if (headers.get('content-length') === '0') return; return res.json();`,
    `${DELETE} const text = await res.text(); return text.trim() !== '' ? JSON.parse(text) : undefined;`,
    `${DELETE} const text = await res.text(); return text && JSON.parse(text);`,
    `${DELETE} const text = await res.text(); if (!text.length) return null; return JSON.parse(text);`,
    `${DELETE} if (res.headers.get('content-type').indexOf('json') === -1) return null; return res.json();`,
    `${DELETE} return res.headers.get('content-type').indexOf('application/json') > -1 ? res.json() : null;`,
    `${DELETE} if (hasJsonBody(res)) return res.json();`,
    `${DELETE} if (!isJson(res.headers)) return null; return res.json();`,
  ])('sees a presence check: %s', (code) => {
    expect(presence(code)).toBe(true);
  });

  it.each([
    `${DELETE} return res.json();`,
    `${DELETE} if (res.headers.get('content-length') === '0') console.log('empty'); return res.json();`,
    `${DELETE} if (res.headers.get('content-type')) return res.json();`,
    `${DELETE} if (res.headers.get('x-json') === 'yes') return res.json();`,
    `${DELETE} const other = await fetch('/y'); if (other.headers.get('content-length') !== '0') return res.json();`,
    `${DELETE} if (res.headers.get('content-length') === '0') { return res.json(); }`,
    `${DELETE} const text = await res.text(); const other = 'x'; return other ? JSON.parse(text) : null;`,
    `${DELETE} if (res.headers.get('content-type').indexOf('json') === -1) return res.json();`,
    `${DELETE} if (isEnabled(flags)) return res.json();`,
    `${DELETE} if (res.clone()) return res.json();`,
  ])('sees no presence check: %s', (code) => {
    expect(presence(code)).toBe(false);
  });

  it('reads the exits of the path engine: an assertion before the parse', () => {
    expect(
      presence(
        `${DELETE} assert(res.headers.get('content-type')?.includes('json')); return res.json();`,
      ),
    ).toBe(true);
    expect(presence(`${DELETE} assert(res.headers.get('x-json')); return res.json();`)).toBe(false);
  });
});

describe('isParseFailureHandled', () => {
  it.each([
    `${DELETE} return res.json().catch(() => null);`,
    `${DELETE} return res.json().then((x) => x).catch(console.error);`,
    `${DELETE} return res.json().then(undefined, () => ({}));`,
    `try { ${DELETE} return await res.json(); } catch { return null; }`,
    `try { ${DELETE} return await res.json(); } catch (e) { console.warn(e); }`,
    `try { ${DELETE} return await res.json(); } catch (e) { if (e instanceof SyntaxError) return null; throw e; }`,
    `fetch('/x', { method: 'DELETE' }).then((r) => r.json()).catch(() => null);`,
    `fetch('/x', { method: 'DELETE' }).then(async (r) => { const d = await r.json(); use(d); }).then(done, (e) => log(e));`,
    `try { await fetch('/x', { method: 'DELETE' }).then((r) => r.json()); } catch (e) { report(e); }`,
  ])('sees a handled failure: %s', (code) => {
    expect(handled(code)).toBe(true);
  });

  it.each([
    `${DELETE} return res.json();`,
    `try { ${DELETE} return await res.json(); } catch (e) { throw new Error('failed', { cause: e }); }`,
    `try { ${DELETE} return await res.json(); } finally { done(); }`,
    `${DELETE} return res.json().catch((e) => { log(e); throw e; });`,
    `${DELETE} return res.json().catch((e) => Promise.reject(e));`,
    `try { ${DELETE} setTimeout(() => res.json(), 0); } catch { }`,
    `try { fetch('/x', { method: 'DELETE' }).then((r) => r.json()); } catch { }`,
    `${DELETE} try { other(); } catch {} return res.json();`,
  ])('sees no handling: %s', (code) => {
    expect(handled(code)).toBe(false);
  });
});

describe('admitsNoContent', () => {
  it.each([
    `const res = await fetch('/x'); if (res.status === 200 || res.status === 204) return res.json();`,
    `const res = await fetch('/x'); switch (res.status) { case 204: case 200: return res.json(); }`,
    `const res = await fetch('/x'); if (res.status === 204) { log('none'); } return res.json();`,
    `const res = await fetch('/x'); if ([200, 204].includes(res.status)) return res.json();`,
    `const NO_CONTENT = 204; const res = await fetch('/x'); if (res.status <= NO_CONTENT) return res.json();`,
  ])('admits 204: %s', (code) => {
    expect(admits(code)).toBe(true);
  });

  it.each([
    `const res = await fetch('/x'); return res.json();`,
    `const res = await fetch('/x'); if (res.ok) return res.json();`,
    `const res = await fetch('/x'); if (res.status === 204) return null; return res.json();`,
    `const res = await fetch('/x'); if (res.status !== 204) return res.json();`,
    `const res = await fetch('/x'); switch (res.status) { case 204: return null; case 200: return res.json(); }`,
    `const res = await fetch('/x'); if (res.status >= 200 && res.status < 300) return res.json();`,
    // A hoisted declaration runs when called, not after the statements before it (path engine).
    `const res = await fetch('/x'); if (res.status === 204) { log('none'); } function read() { return res.json(); } return read();`,
    // A call that never returns exits like \`return\` (path engine).
    `const res = await fetch('/x'); if (res.status === 204) { fail(res); } return res.json(); function fail(r) { throw new Error(String(r.status)); }`,
  ])('does not admit 204: %s', (code) => {
    expect(admits(code)).toBe(false);
  });
});

describe('methodAtParse', () => {
  it('keeps a known method', () => {
    expect(method(`async function f() { ${DELETE} return res.json(); }`)).toEqual(['DELETE']);
  });

  it('keeps a forwarded method when the helper is exported or escapes', () => {
    expect(
      method(
        `export async function api(u, init) { const r = await fetch(u, init); return r.json(); }`,
      ),
    ).toBe('forwarded');
    expect(
      method(
        `async function api(u, init) { const r = await fetch(u, init); return r.json(); } module.exports = api;`,
      ),
    ).toBe('forwarded');
    expect(
      method(
        `async function api(u, init) { const r = await fetch(u, init); return r.json(); } register(api);`,
      ),
    ).toBe('forwarded');
    expect(
      method(
        `const o = { async api(u, init) { const r = await fetch(u, init); return r.json(); } };`,
      ),
    ).toBe('forwarded');
  });

  it('resolves the method at every local call', () => {
    expect(
      method(
        `async function api(u, init) { const r = await fetch(u, init); return r.json(); } api('/a'); api('/b', { method: 'PUT' });`,
      ),
    ).toEqual(['GET', 'PUT']);
    expect(
      method(
        `const send = async (m, u) => { const r = await fetch(u, { method: m.toUpperCase() }); return r.json(); }; send('delete', '/a');`,
      ),
    ).toEqual(['DELETE']);
    expect(
      method(
        `async function api(u, opts = { method: 'POST' }) { const r = await fetch(u, opts); return r.json(); } api('/a');`,
      ),
    ).toEqual(['POST']);
    expect(
      method(
        `async function api(u, { method, ...rest } = {}) { const r = await fetch(u, { method, ...rest }); return r.json(); } api('/a', { method: 'PATCH' });`,
      ),
    ).toEqual(['PATCH']);
    expect(
      method(
        `async function api(u, o) { const r = await fetch(u, { method: o.method }); return r.json(); } api('/a', { method: 'DELETE' });`,
      ),
    ).toEqual(['DELETE']);
  });

  it('stays forwarded when a call forwards in turn', () => {
    expect(
      method(
        `async function api(u, init) { const r = await fetch(u, init); return r.json(); } export function del(u, o) { return api(u, o); }`,
      ),
    ).toBe('forwarded');
    expect(
      method(
        `async function api(u, init) { const r = await fetch(u, init); return r.json(); } api(...args);`,
      ),
    ).toBe('forwarded');
  });

  it('bounds a forwarded method by its TypeScript type when callers are out of sight', () => {
    const typed = (code: string) =>
      onParseTs(code, ({ model }, parse) => {
        const { method: m } = methodAtParse(model, parse);
        return m.methods ? [...m.methods].sort() : m.forwarded ? 'forwarded' : undefined;
      });
    expect(
      typed(
        `export async function send(method: 'get' | 'POST', url: string) { const r = await fetch(url, { method }); return r.json(); }`,
      ),
    ).toEqual(['GET', 'POST']);
    expect(
      typed(
        `type M = 'GET' | 'DELETE'; export async function send(method: M, url: string) { const r = await fetch(url, { method }); return r.json(); }`,
      ),
    ).toEqual(['DELETE', 'GET']);
    expect(
      typed(
        `export async function get(url: string, init?: Omit<RequestInit, 'method'>) { const r = await fetch(url, init); return r.json(); }`,
      ),
    ).toEqual(['GET']);
    expect(
      typed(
        `export async function send(method: string, url: string) { const r = await fetch(url, { method }); return r.json(); }`,
      ),
    ).toBe('forwarded');
    expect(
      typed(
        `export async function api(url: string, init?: RequestInit) { const r = await fetch(url, init); return r.json(); }`,
      ),
    ).toBe('forwarded');
    // call sites in sight win over the type
    expect(
      typed(
        `async function send(method: 'GET' | 'DELETE', url: string) { const r = await fetch(url, { method }); return r.json(); } send('GET', '/a');`,
      ),
    ).toEqual(['GET']);
  });

  it('resolves at the call of a helper that returns the response', () => {
    expect(
      method(
        `function api(p, init) { return fetch(p, init); } async function g() { const r = await api('/x', { method: 'DELETE' }); return r.json(); }`,
      ),
    ).toEqual(['DELETE']);
    expect(
      method(
        `function api(p, init) { return fetch(p, init); } async function g() { const r = await api('/x'); return r.json(); }`,
      ),
    ).toEqual(['GET']);
  });
});

describe('readsAttributedResponse', () => {
  const reads = (code: string): boolean[] => {
    let result: boolean[] = [];
    analyze(`async function f() { ${code} }`, ({ model }) => {
      result = model.bodyParses.map((parse) => readsAttributedResponse(model.file, parse));
    });
    return result;
  };

  it('attributes a parse to the response assigned last before it', () => {
    expect(
      reads(
        `let res = await fetch('/a', { method: 'DELETE' }); res = await fetch('/b'); return res.json();`,
      ),
    ).toEqual([false, true]);
    expect(
      reads(
        `let res = await fetch('/a', { method: 'DELETE' }); const a = await res.json(); res = await fetch('/b'); return [a, await res.json()];`,
      ),
    ).toEqual([true, false, false, true]);
  });

  it('keeps single assignments and non-identifier receivers', () => {
    expect(reads(`const res = await fetch('/a'); return res.json();`)).toEqual([true]);
    expect(reads(`return (await fetch('/a')).json();`)).toEqual([true]);
  });

  it('drops a parse after the variable is assigned something else', () => {
    expect(reads(`let res = await fetch('/a'); res = other; return res.json();`)).toEqual([false]);
  });
});
