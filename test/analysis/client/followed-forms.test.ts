// Forms the response analysis follows beyond await, variables and .then callbacks (issue #24):
// `for await` loops over responses, parses passed by reference, `super.request()` in a subclass.
import { describe, expect, it } from 'vitest';

import { analyze } from '../helpers';

interface Followed {
  /** Each tracked response: the request's text and the names bound to it. */
  readonly responses: string[];
  /** Each body parse: its text, the request's text, and `by reference` when reached so. */
  readonly parses: string[];
}

function followed(code: string, typescript = false): Followed {
  let result: Followed = { responses: [], parses: [] };
  analyze(
    code,
    ({ model, text }) => {
      result = {
        responses: model.responses.map(
          (response) =>
            `${text(response.request.node)} -> ${response.subject.holderVariables.map((v) => v.name).join(',')}`,
        ),
        parses: model.bodyParses.map(
          (parse) =>
            `${text(parse.node)} of ${text(parse.request.node)}${parse.byReference ? ' (by reference)' : ''}`,
        ),
      };
    },
    { typescript },
  );
  return result;
}

const parsesOf = (code: string, typescript = false): string[] => followed(code, typescript).parses;

describe('for await loops over responses', () => {
  it('follows the values of a local async generator that yields responses', () => {
    const code = `
      async function* pages(url) {
        while (url) {
          const res = await fetch(url);
          yield res;
          url = res.headers.get('x-next');
        }
      }
      async function* removals(ids) {
        for (const id of ids) yield await fetch('/x/' + id, { method: 'DELETE' });
      }
      async function main() {
        for await (const page of pages('/a')) use(await page.json());
        let gone;
        for await (gone of removals([1])) use(await gone.json());
      }
    `;
    expect(parsesOf(code)).toEqual([
      'page.json() of fetch(url)',
      "gone.json() of fetch('/x/' + id, { method: 'DELETE' })",
    ]);
  });

  it('follows a generator bound to a const, and a yield of the request promise', () => {
    const code = `
      const each = async function* (urls) { for (const u of urls) yield fetch(u); };
      async function main() { for await (const res of each(['/a'])) return res.json(); }
    `;
    expect(parsesOf(code)).toEqual(['res.json() of fetch(u)']);
  });

  it('stays silent where the generator may yield something else, or is not iterated by for await', () => {
    const code = `
      async function* mixed(url) { yield await fetch(url); yield cached; }
      async function* delegating(url) { yield* other(url); yield await fetch(url); }
      async function* fine(url) { yield await fetch(url); }
      async function main() {
        for await (const a of mixed('/a')) use(await a.json());
        for await (const b of delegating('/b')) use(await b.json());
        const iterator = fine('/c');
        for await (const c of iterator) use(await c.json());
        for (const d of fine('/d')) use(await d.json());
      }
    `;
    expect(parsesOf(code)).toEqual([]);
  });

  it('follows an array of requests iterated by for await, directly, through a const or .map', () => {
    const code = `
      async function main(urls) {
        for await (const a of [fetch('/a'), fetch('/b')]) use(await a.json());
        const requests = [fetch('/c')];
        console.log(requests.length);
        for await (const c of requests) use(await c.json());
        for await (const d of urls.map((u) => fetch(u))) use(await d.json());
        const mapped = urls.map(async (u) => { return await fetch(u, { method: 'DELETE' }); });
        for await (const e of mapped) use(await e.json());
        for (const f of [await fetch('/f')]) use(await f.json());
      }
    `;
    expect(parsesOf(code)).toEqual([
      "a.json() of fetch('/a')",
      "a.json() of fetch('/b')",
      "c.json() of fetch('/c')",
      'd.json() of fetch(u)',
      "e.json() of fetch(u, { method: 'DELETE' })",
      "f.json() of fetch('/f')",
    ]);
  });

  it('stays silent where the array may hold other values or is not iterated by for await', () => {
    const code = `
      async function main(urls, more) {
        for await (const a of [fetch('/a'), cached]) use(await a.json());
        for await (const b of [...more, fetch('/b')]) use(await b.json());
        const requests = [fetch('/c')];
        requests.push(other);
        for await (const c of requests) use(await c.json());
        for (const d of [fetch('/d')]) use(await d.json());
        for await (const e of urls.map((u) => (u ? fetch(u) : null))) use(await e.json());
        for await (const f of urls.map((u) => { if (!u) return null; return fetch(u); })) use(await f.json());
        let later = [fetch('/g')];
        later = [];
        for await (const g of later) use(await g.json());
      }
    `;
    expect(parsesOf(code)).toEqual([]);
  });
});

describe('parses passed by reference', () => {
  it('follows .then(fn) with a local function: a const arrow or a declaration', () => {
    const code = `
      const parseJson = (r) => r.json();
      function readBody(response) { return response.json(); }
      fetch('/a').then(parseJson);
      fetch('/b', { method: 'DELETE' }).then(readBody).then(use);
    `;
    expect(followed(code)).toEqual({
      responses: ["fetch('/a') -> r", "fetch('/b', { method: 'DELETE' }) -> response"],
      parses: [
        "r.json() of fetch('/a') (by reference)",
        "response.json() of fetch('/b', { method: 'DELETE' }) (by reference)",
      ],
    });
  });

  it('does not follow a callback it cannot see or whose parameter is a pattern', () => {
    const code = `
      import { parseJson } from './parse';
      const pick = ({ json }) => json();
      fetch('/a').then(parseJson);
      fetch('/b').then(pick);
      fetch('/c').then(this.parse);
    `;
    expect(followed(code)).toEqual({ responses: [], parses: [] });
  });

  it('finds a bound parse called later', () => {
    const code = `
      async function f() {
        const res = await fetch('/x', { method: 'DELETE' });
        const read = res.json.bind(res);
        return read();
      }
    `;
    expect(parsesOf(code)).toEqual(["read() of fetch('/x', { method: 'DELETE' }) (by reference)"]);
  });

  it('finds no parse in a bind to another object, a bind that escapes, or a called-with-arguments bind', () => {
    const code = `
      async function f(other) {
        const res = await fetch('/x');
        const a = res.json.bind(other); await a();
        const b = res.json.bind(res); register(b);
        const c = res.text.bind(res); await c();
        let d = res.json.bind(res); d = noop; await d();
      }
    `;
    expect(parsesOf(code)).toEqual([]);
  });

  it('works on TypeScript syntax', () => {
    const code = `
      const parseJson = (r: Response): Promise<unknown> => r.json();
      function go() { return fetch('/a').then(parseJson); }
      async function h() { const res = await fetch('/b'); const read = res.json.bind(res) as () => Promise<unknown>; return read(); }
    `;
    expect(parsesOf(code, true)).toEqual([
      "r.json() of fetch('/a') (by reference)",
      "read() of fetch('/b') (by reference)",
    ]);
  });
});

describe('super calls in a client subclass', () => {
  it('follows super.request() where the base class in the file returns a response', () => {
    const code = `
      class Base {
        request(path, init) { return fetch(this.root + path, init); }
        async send(path) { const res = await fetch(path); if (!res.ok) throw new Error(); return res; }
      }
      class Api extends Base {
        async remove(id) { const res = await super.request('/x/' + id, { method: 'DELETE' }); return res.json(); }
        load = async () => (await super.send('/y')).json();
      }
      class Deeper extends Api {
        async again() { const res = await super.request('/z'); return res.json(); }
      }
    `;
    expect(parsesOf(code)).toEqual([
      'res.json() of fetch(this.root + path, init)',
      "(await super.send('/y')).json() of fetch(path)",
      'res.json() of fetch(this.root + path, init)',
    ]);
  });

  it('stays silent on bases it does not know, overridden members and other homes', () => {
    const code = `
      import { Client } from './client';
      class Base {
        request(path) { return fetch(path); }
        static request(path) { return path; }
        get fetcher() { return fetch('/g'); }
      }
      class FromImport extends Client { async a() { const res = await super.request('/a'); return res.json(); } }
      class Mixed extends mixin(Base) { async b() { const res = await super.request('/b'); return res.json(); } }
      class Static extends Base { static async c() { const res = await super.request('/c'); return res.json(); } }
      class Middle extends Base { request(path) { return cache.get(path); } }
      class Bottom extends Middle { async d() { const res = await super.request('/d'); return res.json(); } }
      class Obj extends Base { e() { return { async f() { const res = await super.request('/e'); return res.json(); } }; } }
      class Getter extends Base { async g() { const res = await super.fetcher; return res.json(); } }
    `;
    expect(parsesOf(code)).toEqual([]);
  });

  it('follows a base bound to a const class expression, in TypeScript', () => {
    const code = `
      const Base = class {
        protected async request(path: string, init?: RequestInit): Promise<Response> { return fetch(path, init); }
      };
      class Api extends Base {
        override async remove(id: string) { const res = await super.request(\`/x/\${id}\`, { method: 'DELETE' }); return (await res.json()) as unknown; }
      }
    `;
    expect(parsesOf(code, true)).toEqual(['res.json() of fetch(path, init)']);
  });
});

describe('odd syntax around the followed forms', () => {
  it('does not crash, and binds only plain names', () => {
    const code = `
      async function* gen() { yield await fetch('/a'); }
      class Base { request() { return fetch('/b'); } static make() { return fetch('/c'); } }
      class Sub extends Base {
        static { super.make(); }
        static field = super.make();
        field = super.request();
        async m(key) { await super[key](); await super['request'](); const { a } = await super.request(); }
      }
      async function main(o) {
        for await (const [a] of gen()) a.json();
        for await (o.res of gen()) o.res.json();
        for await (const { status } of [fetch('/d')]) use(status);
        for await (const res of gen() as AsyncIterable<Response>) use(await res.json());
        const read = (await fetch('/e')).json.bind(null);
        await read();
      }
      fetch('/f').then(undefined, (e) => e).then(function named(r) { return r; });
    `;
    // Patterns other than a name bind no holder (`[a]`, `o.res`, `{ a }`); `{ status }` binds the status.
    expect(followed(code, true)).toEqual({
      responses: [
        "fetch('/a') -> ",
        "fetch('/a') -> ",
        "fetch('/a') -> res",
        "fetch('/b') -> ",
        "fetch('/d') -> ",
        "fetch('/e') -> ",
      ],
      parses: ["res.json() of fetch('/a')"],
    });
  });
});
