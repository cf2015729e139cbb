import { describe, expect, it } from 'vitest';

import type { RetrySite } from '../../../src/analysis/retry';
import { getRetries } from '../../../src/analysis/retry';
import { analyze } from '../helpers';

interface Summary {
  kind: RetrySite['kind'];
  node: string;
  statuses: string;
  conditions: string[];
  delays: string[];
}

/** Every retry site of `code`, summarised: kind, retry statement, statuses, conditions (with branch), delays. */
function sites(code: string, typescript = false): Summary[] {
  let result: Summary[] = [];
  analyze(
    code,
    ({ model, text }) => {
      result = getRetries(model).sites.map((site) => ({
        kind: site.kind,
        node: text(site.node).split('\n')[0]!,
        statuses: site.statuses.toString(),
        conditions: site.conditions.map((c) => `${text(c.node)} [${c.branch}]`),
        delays: site.delays.map((d) => `${d.kind}(${d.duration ? text(d.duration) : ''})`),
      }));
    },
    { typescript },
  );
  return result;
}

const SLEEP = 'const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));\n';

/** Each loop site of `code` as "its retry statement <- the URLs of its requests". */
function loopPairs(code: string): string[] {
  let result: string[] = [];
  analyze(code, ({ model, text }) => {
    result = getRetries(model)
      .sites.filter((site) => site.kind === 'loop')
      .map(
        (site) =>
          `${text(site.node).split('\n')[0]!} <- ${site.requests.map((r) => text(r.node.arguments[0]!)).join(', ')}`,
      );
  });
  return result;
}

describe('loops: which responses a continue retries', () => {
  it('pairs a continue with the response its variable holds there, not one written over before it', () => {
    expect(
      loopPairs(`${SLEEP}async function poll(url) {
        let res;
        while (true) {
          res = await fetch(url + '/a');
          if (res.status === 429) { await sleep(1); continue; }
          res = await fetch(url + '/b');
          if (res.status === 503) { await sleep(2); continue; }
          return res;
        }
      }`),
    ).toEqual(["continue; <- url + '/a'", "continue; <- url + '/b'"]);
  });

  it('keeps both responses where the later write is in a branch that may not run', () => {
    expect(
      loopPairs(`${SLEEP}async function poll(url, other) {
        let res;
        while (true) {
          res = await fetch(url);
          if (other) {
            res = await fetch(other);
          }
          if (res.status === 503) { await sleep(2); continue; }
          return res;
        }
      }`),
    ).toEqual(['continue; <- url', 'continue; <- other']);
  });
});

describe('loops', () => {
  it('falls to the end of the body after an early return on ok', () => {
    expect(
      sites(`${SLEEP}async function get(url) {
        for (let i = 0; i < 3; i++) {
          const res = await fetch(url);
          if (res.ok) return res.json();
          await sleep(1000 * 2 ** i);
        }
      }`),
    ).toEqual([
      {
        kind: 'loop',
        node: 'for (let i = 0; i < 3; i++) {',
        statuses: '100–199, 300–599',
        conditions: ['res.ok [false]'],
        delays: ['sleep(1000 * 2 ** i)'],
      },
    ]);
  });

  it('continues on a status condition', () => {
    expect(
      sites(`async function get(url) {
        while (true) {
          const res = await fetch(url);
          if (res.status >= 400) { await new Promise((r) => setTimeout(r, 500)); continue; }
          return res.json();
        }
      }`),
    ).toEqual([
      {
        kind: 'loop',
        node: 'continue;',
        statuses: '400–599',
        conditions: ['res.status >= 400 [true]'],
        delays: ['promise-timer(500)'],
      },
    ]);
  });

  it('goes round on a do…while condition', () => {
    const [site] = sites(`async function get(url) {
      let res; let tries = 0;
      do { res = await fetch(url); } while (!res.ok && tries++ < 5);
      return res;
    }`);
    expect(site).toMatchObject({
      kind: 'loop',
      statuses: '100–199, 300–599',
      conditions: ['!res.ok && tries++ < 5 [true]'],
    });
  });

  it('polling on 202 carries only 202', () => {
    expect(
      sites(`${SLEEP}async function poll(url) {
        while (true) {
          const res = await fetch(url);
          if (res.status === 202) { await sleep(1000); continue; }
          return res;
        }
      }`),
    ).toMatchObject([{ kind: 'loop', node: 'continue;', statuses: '202' }]);
  });

  it('is no retry when the loop goes over different requests', () => {
    expect(
      sites(
        `async function all(urls) { for (const url of urls) { const res = await fetch(url); if (!res.ok) continue; } }`,
      ),
    ).toEqual([]);
    expect(
      sites(`async function pages(start) {
        let next = start;
        while (next) { const res = await fetch(next); if (!res.ok) continue; next = (await res.json()).next; }
      }`),
    ).toEqual([]);
    expect(
      sites(`async function pages() {
        for (let page = 1; ; page++) { const res = await fetch('/items?page=' + page); if (!res.ok) continue; }
      }`),
    ).toEqual([]);
  });

  it('is no retry when a token is refreshed before the retry', () => {
    expect(
      sites(`async function get(url) {
        let token = await login();
        for (let n = 0; n < 2; n++) {
          const res = await fetch(url, { headers: { Authorization: token } });
          if (res.status === 401) { token = await login(); continue; }
          return res;
        }
      }`),
    ).toEqual([]);
    expect(
      sites(`async function get(url, options) {
        for (let n = 0; n < 2; n++) {
          const res = await fetch(url, options);
          if (res.status === 401) { options.headers.Authorization = await login(); continue; }
          return res;
        }
      }`),
    ).toEqual([]);
  });

  it('is no retry when no status condition narrows the path (polling)', () => {
    expect(
      sites(
        `${SLEEP}async function watch(url) { while (true) { const res = await fetch(url); show(res); await sleep(5000); } }`,
      ),
    ).toEqual([]);
  });

  it('ignores throwing clients outside a catch', () => {
    expect(
      sites(`import axios from 'axios';
      async function get(url) { for (;;) { const res = await axios.get(url); if (res.status !== 200) continue; return res.data; } }`),
    ).toEqual([]);
  });
  it('reads the value of the option that turns throwing off', () => {
    const loop = (options: string): string => `import ky from 'ky';
      async function get(url) { for (;;) { const res = await ky.get(url, { ${options} }); if (res.status === 503) continue; return res; } }`;
    // throwHttpErrors: true keeps the rejection: a 503 never reaches the loop's condition.
    expect(sites(loop('throwHttpErrors: true'))).toEqual([]);
    expect(sites(loop('throwHttpErrors: false'))).toMatchObject([
      { kind: 'loop', statuses: '503' },
    ]);
    // Not a literal: the rejection may be off.
    expect(sites(loop('throwHttpErrors: strict'))).toMatchObject([
      { kind: 'loop', statuses: '503' },
    ]);
  });
});

describe('recursion and timers', () => {
  it('recursion with the same arguments', () => {
    expect(
      sites(`async function get(url, n = 3) {
        const res = await fetch(url);
        if (!res.ok && n > 0) return get(url, n - 1);
        return res;
      }`),
    ).toMatchObject([{ kind: 'recursion', node: 'get(url, n - 1)', statuses: '100–199, 300–599' }]);
  });

  it('recursion through .then and setTimeout', () => {
    expect(
      sites(`function get(url, n) {
        return fetch(url).then((res) => {
          if (res.status >= 500) return new Promise((r) => setTimeout(r, 100)).then(() => get(url, n - 1));
          if (!res.ok) setTimeout(() => get(url, n), 1000);
          return res;
        });
      }`),
    ).toMatchObject([
      {
        kind: 'recursion',
        node: 'get(url, n - 1)',
        statuses: '500–599',
        delays: ['promise-timer(100)'],
      },
      { kind: 'timer', node: 'setTimeout(() => get(url, n), 1000)', statuses: '100–199, 300–499' },
    ]);
  });

  it('a method calling itself with a different URL is no retry', () => {
    expect(
      sites(`class Client {
        async get(url, attempt = 0) {
          const res = await fetch(this.base + url);
          if (res.status >= 500 && attempt < 3) return this.get(url, attempt + 1);
          if (res.status === 403) return this.get(url + '?x', attempt + 1);
          return res;
        }
      }`),
    ).toMatchObject([
      { kind: 'recursion', node: 'this.get(url, attempt + 1)', statuses: '500–599' },
    ]);
  });
});

describe('catch', () => {
  it('a catch that reads the error status', () => {
    expect(
      sites(`import axios from 'axios';
      ${SLEEP}async function get(url) {
        for (let i = 0; i < 3; i++) {
          try { const { data } = await axios.get(url); return data; }
          catch (err) { if (err.response?.status === 404) throw err; await sleep(100); }
        }
      }`),
    ).toMatchObject([
      {
        kind: 'catch',
        statuses: '100–403, 405–599',
        conditions: ['err.response?.status === 404 [false]'],
        delays: ['sleep(100)'],
      },
    ]);
  });

  it('a generic catch around a try that throws on !res.ok', () => {
    const result = sites(`${SLEEP}async function get(url) {
      for (let i = 0; i < 3; i++) {
        try {
          const res = await fetch(url);
          if (!res.ok) throw new Error('HTTP ' + res.status);
          return await res.json();
        } catch (err) { await sleep(100); }
      }
    }`);
    expect(result).toMatchObject([
      { kind: 'catch', statuses: '100–199, 300–599', conditions: ['!res.ok [true]'] },
    ]);
  });

  it('a generic catch that never looks at statuses is no retry of statuses', () => {
    expect(
      sites(`import axios from 'axios';
      async function get(url) { for (let i = 0; i < 3; i++) { try { return (await axios.get(url)).data; } catch {} } }`),
    ).toEqual([]);
  });

  it('.catch callback that recurses', () => {
    expect(
      sites(`import axios from 'axios';
      function get(url, n) { return axios.get(url).catch((error) => { if (error.response?.status >= 500 && n > 0) return get(url, n - 1); throw error; }); }`),
    ).toMatchObject([{ kind: 'catch', node: 'get(url, n - 1)', statuses: '500–599' }]);
  });
});

describe('catch around a request the file does not show', () => {
  /** The calls a site retries, as text. */
  function calls(code: string): string[][] {
    let result: string[][] = [];
    analyze(code, ({ model, text }) => {
      result = getRetries(model).sites.map((site) => (site.calls ?? []).map((c) => text(c)));
    });
    return result;
  }

  it('work passed in, retried by recursion, when the catch reads the error status', () => {
    const code = `${SLEEP}async function withRetry(fn, n = 3) {
      try { return await fn(); }
      catch (err) { if (err.status === 404 || n <= 0) throw err; await sleep(100); return withRetry(fn, n - 1); }
    }`;
    expect(sites(code)).toMatchObject([
      {
        kind: 'catch',
        node: 'withRetry(fn, n - 1)',
        statuses: '100–403, 405–599',
        delays: ['sleep(100)'],
      },
    ]);
    expect(calls(code)).toEqual([['fn()']]);
  });

  it('a request method of an imported client, in a loop', () => {
    const code = `import { api } from './api';
    ${SLEEP}async function save(body) {
      for (let i = 0; i < 3; i++) {
        try { return await api.post('/items', body); }
        catch (e) { if (e.response?.status === 429) { await sleep(100); continue; } throw e; }
      }
    }`;
    expect(sites(code)).toMatchObject([{ kind: 'catch', node: 'continue;', statuses: '429' }]);
    expect(calls(code)).toEqual([["api.post('/items', body)"]]);
  });

  it('is no retry without a status read, nor around a call the file creates or does not await', () => {
    expect(
      sites(`${SLEEP}async function a(fn, n) { try { return await fn(); } catch (err) { await sleep(100); return a(fn, n - 1); } }
      async function b(fn, n) { try { return fn(); } catch (err) { if (err.status === 503) return b(fn, n - 1); throw err; } }
      async function c(id) {
        const api = make();
        for (;;) { try { return await api.get(id); } catch (e) { if (e.status === 503) continue; throw e; } }
      }`),
    ).toEqual([]);
  });
});

describe('libraries', () => {
  it('status lists, ranges and exclusions', () => {
    expect(
      sites(`import ky from 'ky';
      import got from 'got';
      import { ofetch } from 'ofetch';
      import axios from 'axios';
      import * as rax from 'retry-axios';
      import fetchBuilder from 'fetch-retry';
      import { RetryAgent, Agent, interceptors } from 'undici';
      import { Octokit } from 'octokit';
      await ky.get(u, { retry: { limit: 3, statusCodes: [400, 429, 500] } });
      await got(u, { retry: { statusCodes: [404, 503] } });
      await ofetch(u, { retry: 3, retryStatusCodes: [409, 500] });
      await ofetch(u, { headers: {} });
      axios.create({ raxConfig: { statusCodesToRetry: [[100, 199], [400, 599]] } });
      const f = fetchBuilder(fetch, { retryOn: [403, 503] });
      new RetryAgent(new Agent(), { statusCodes: [400, 502] });
      interceptors.retry({ statusCodes: [418] });
      new Octokit({ retry: { doNotRetry: [400, 401] } });`),
    ).toMatchObject([
      { kind: 'library-config', node: '[400, 429, 500]', statuses: '400, 429, 500' },
      { kind: 'library-config', node: '[404, 503]', statuses: '404, 503' },
      { kind: 'library-config', node: '[409, 500]', statuses: '409, 500' },
      { kind: 'library-config', node: '[[100, 199], [400, 599]]', statuses: '100–199, 400–599' },
      { kind: 'library-config', node: '[403, 503]', statuses: '403, 503' },
      { kind: 'library-config', node: '[400, 502]', statuses: '400, 502' },
      { kind: 'library-config', node: '[418]', statuses: '418' },
      { kind: 'library-config', node: '[400, 401]', statuses: '403–404, 410, 422, 451, 500–599' },
    ]);
  });

  it('a ky beforeRetry hook that changes the request makes no retry of the same request', () => {
    expect(
      sites(`import ky from 'ky';
      const api = ky.create({ retry: { statusCodes: [401] }, hooks: { beforeRetry: [async ({ request }) => { request.headers.set('Authorization', await token()); }] } });`),
    ).toEqual([]);
  });

  it('library predicates', () => {
    expect(
      sites(`import axios from 'axios';
      import axiosRetry from 'axios-retry';
      import superagent from 'superagent';
      import { retry } from 'wretch/middlewares';
      axiosRetry(axios, { retries: 3, retryCondition: (error) => error.response?.status >= 400 });
      superagent.get(u).retry(2, (err, res) => res && res.status >= 400);
      retry({ until: (response) => response && response.ok });`),
    ).toMatchObject([
      { kind: 'predicate', node: 'error.response?.status >= 400', statuses: '400–599' },
      { kind: 'predicate', node: 'res && res.status >= 400', statuses: '400–599' },
      {
        kind: 'predicate',
        node: 'response && response.ok',
        statuses: '100–199, 300–599',
        conditions: ['response && response.ok [false]'],
      },
    ]);
  });

  it('callbacks of p-retry, async-retry, exponential-backoff and cockatiel', () => {
    expect(
      sites(`import pRetry, { AbortError } from 'p-retry';
      import retry from 'async-retry';
      import { backOff } from 'exponential-backoff';
      import { retry as policyOf, handleAll } from 'cockatiel';
      await pRetry(async () => {
        const res = await fetch(u);
        if (res.status === 404) throw new AbortError('gone');
        if (!res.ok) throw new Error(res.statusText);
        return res.json();
      }, { retries: 3 });
      await retry(async (bail) => { const res = await fetch(u); if (res.status >= 400) throw new Error('x'); }, {});
      await backOff(() => fetch(u).then((r) => { if (!r.ok) throw new Error(); return r; }));
      await policyOf(handleAll, { maxAttempts: 3 }).execute(async () => { const res = await fetch(u); if (res.status >= 500) throw new Error(); return res; });
      const policy = policyOf(handleAll, { maxAttempts: 3 });
      await policy.execute(async () => { const res = await fetch(u); if (res.status !== 200) throw new Error(); return res; });`),
    ).toMatchObject([
      {
        kind: 'library-callback',
        node: 'throw new Error(res.statusText);',
        statuses: '100–199, 300–403, 405–599',
      },
      { kind: 'library-callback', node: "throw new Error('x');", statuses: '400–599' },
      { kind: 'library-callback', node: 'throw new Error();', statuses: '100–199, 300–599' },
      { kind: 'library-callback', node: 'throw new Error();', statuses: '100–199, 201–599' },
    ]);
  });

  it('exposes parsed configs', () => {
    analyze(
      `import ky from 'ky';
      await ky(u, { retry: { limit: 2, statusCodes: [429, 503], afterStatusCodes: [429], delay: (n) => n * 1000 }, hooks: { beforeRetry: [() => log()] } });
      await ky(u, { retry: 2 });`,
      ({ model, text }) => {
        const [first, second] = getRetries(model).configs;
        expect(first!.library.id).toBe('ky');
        expect(first!.statusCodes!.entries.map((e) => text(e.node))).toEqual(['429', '503']);
        expect(first!.afterStatusCodes!.listed.toString()).toBe('429');
        expect(first!.delays.map((d) => text(d.node))).toEqual(['delay: (n) => n * 1000']);
        expect(first!.beforeRetry).toHaveLength(1);
        expect(first!.changesRequest).toBe(false);
        expect(text(second!.value!)).toBe('2');
        expect(second!.options).toBeUndefined();
      },
    );
  });
});

describe('named predicates', () => {
  it('functions the code names as retry predicates', () => {
    expect(
      sites(`function shouldRetry(error) { return error.response?.status >= 500 || error.response?.status === 404; }
      const isRetryable = (status) => status === 429 || status >= 500;
      function shouldRefetch(res) { return res.status >= 400; }`),
    ).toMatchObject([
      { kind: 'predicate', statuses: '404, 500–599' },
      { kind: 'predicate', node: 'status === 429 || status >= 500', statuses: '429, 500–599' },
    ]);
  });

  it('unknown operands of || and && are neutral', () => {
    expect(
      sites(`const shouldRetry = (e, n) => isNetworkError(e) || (n < 3 && e.status >= 400);`),
    ).toMatchObject([{ statuses: '400–599' }]);
  });
});

describe('TypeScript syntax', () => {
  it('reads through as, satisfies and !', () => {
    expect(
      sites(
        `async function get(url: string): Promise<Response> {
          for (let i = 0; i < 3; i++) {
            const res = (await fetch(url)) as Response;
            if (res!.status >= 400 satisfies boolean) continue;
            return res;
          }
          throw new Error('x');
        }`,
        true,
      ),
    ).toMatchObject([{ kind: 'loop', node: 'continue;', statuses: '400–599' }]);
  });
});

describe('robustness', () => {
  it('does not crash on odd code', () => {
    expect(() =>
      sites(`label: for (;;) { for (;;) { const r = await fetch(u); if (!r.ok) continue label; break label; } }
      while (x) { try {} catch {} }
      function f() { return f(); }
      const g = () => g?.();
      retry(); shouldRetry();
      const shouldRetry2 = 3;
      const o = { shouldRetry() { return true; }, ['isRetryable']: () => false };`),
    ).not.toThrow();
  });
});

describe('cockatiel policies', () => {
  it('handleWhen filters are predicates, and mark the callback as filtered', () => {
    analyze(
      `import { retry, handleWhen } from 'cockatiel';
      const policy = retry(handleWhen((err) => err.status >= 400), { maxAttempts: 3 });
      await policy.execute(async () => { const res = await fetch(u); if (!res.ok) throw Object.assign(new Error(), { status: res.status }); return res; });`,
      ({ model, text }) => {
        const { sites, configs } = getRetries(model);
        expect(configs[0]!.filtered).toBe(true);
        expect(
          sites.map((s) => [s.kind, text(s.node).slice(0, 20), s.statuses.toString()]),
        ).toEqual([
          ['predicate', 'err.status >= 400', '400–599'],
          ['library-callback', 'throw Object.assign(', '100–199, 300–599'],
        ]);
        expect(sites[1]!.config?.filtered).toBe(true);
      },
    );
  });
});

describe('CommonJS and emptied exclusion lists', () => {
  it('traces require() without Node globals', () => {
    expect(
      sites(
        `const fetchRetry = require('fetch-retry')(fetch); fetchRetry(url, { retryOn: [503, 400] });`,
      ),
    ).toMatchObject([{ kind: 'library-config', node: '[503, 400]', statuses: '400, 503' }]);
  });

  it('an empty doNotRetry retries what octokit would not', () => {
    expect(
      sites(`import { Octokit } from 'octokit'; new Octokit({ retry: { doNotRetry: [] } });`),
    ).toMatchObject([
      { kind: 'library-config', node: '[]', statuses: '400–401, 403–404, 410, 422, 451, 500–599' },
    ]);
  });
});

describe('refreshes', () => {
  it('a predicate that invalidates a token before answering 401 is no retry of the same request', () => {
    expect(
      sites(`class Client {
        shouldRetry(response) {
          if (response.status === 401 && this.cache) { this.cache.invalidate(); return true; }
          if (response.status === 409) return true;
          return response.status >= 500;
        }
      }`),
    ).toMatchObject([
      { kind: 'predicate', statuses: '409' },
      { kind: 'predicate', statuses: '500–599' },
    ]);
  });
});

describe('guards in path conditions', () => {
  it('an HTTP-error guard is neutral, another operand is not', () => {
    expect(
      sites(`import axios from 'axios';
      async function get(url) {
        for (let i = 0; i < 3; i++) {
          try { return (await axios.get(url)).data; }
          catch (err) { if (axios.isAxiosError(err) && err.response?.status === 404) return null; await sleep(100); }
        }
      }`),
    ).toMatchObject([{ kind: 'catch', statuses: '100–403, 405–599' }]);
    expect(
      sites(`function shouldRetry(response, refreshed) {
        if (response.status === 401 && !refreshed) { return true; }
        if (response.headers.get('x-should-retry') === 'true') return true;
        return response.status >= 500;
      }`),
    ).toMatchObject([
      { kind: 'predicate', statuses: '401' },
      { kind: 'predicate', statuses: '500–599' },
    ]);
  });
});
