import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { headerSourceFor, namedDelays, serverWaitReads } from '../../../src/analysis/retry';
import { analyze } from '../helpers';

/** Whether the statement list of the first `while` body (or the function named `target`) reads the wait. */
function readsIn(
  code: string,
  regionText: string,
  headers?: string[],
  typescript = false,
): boolean {
  let result = false;
  analyze(
    code,
    ({ model, find }) => {
      const region = find(AST_NODE_TYPES.BlockStatement, regionText);
      result = serverWaitReads(model, headers).within(region);
    },
    { typescript },
  );
  return result;
}

describe('serverWaitReads', () => {
  const loop = (body: string) => `async function f(u) { while (true) { ${body} } }`;
  const region = (body: string) => `{ ${body} }`;

  it.each([
    [`const res = await fetch(u); await sleep(Number(res.headers.get('Retry-After')) * 1000);`],
    [`const res = await fetch(u); await sleep(Number(res.headers.get("retry-after")) * 1000);`],
    [`const res = await fetch(u); await sleep(Number(res.headers?.get(\`RETRY-AFTER\`)) * 1000);`],
    [`const res = await request(u); await sleep(+res.headers['retry-after'] * 1000);`],
    [
      `try { await axios.get(u) } catch (error) { await sleep(error.response?.headers['retry-after'] * 1000) }`,
    ],
    [
      `const res = await fetch(u); await sleep(Number(res.headers.get('x-ratelimit-reset')) * 1000);`,
    ],
    [`const res = await fetch(u); await sleep(Number(res.headers.get('RateLimit-Reset')) * 1000);`],
    [`const res = await fetch(u); await sleep(Number(res.headers.get('retry-after-ms')));`],
    [`const res = await fetch(u); await sleep(parseRetryAfter(res));`],
    [`const res = await fetch(u); await sleep(getRetryAfterMs(res.headers));`],
    [`const res = await fetch(u); await sleep(utils.retry_after(res) ?? 1000);`],
    [`try { await api() } catch (err) { await sleep(err.retryAfter * 1000) }`],
    [`try { await api() } catch (err) { await sleep(err.retryAfterMs ?? 1000) }`],
  ])('a direct read: %s', (body) => {
    expect(readsIn(loop(body), region(body))).toBe(true);
  });

  it('a read through a `const` header name declared elsewhere', () => {
    const body = `const res = await fetch(u); await sleep(Number(res.headers.get(RETRY_AFTER)) * 1000);`;
    expect(readsIn(`const RETRY_AFTER = 'Retry-After';\n${loop(body)}`, region(body))).toBe(true);
  });

  it('a read through a variable assigned from a read', () => {
    const body = `const res = await fetch(u); await sleep(wait);`;
    const code = `async function f(u) { let wait; const h = (r) => { wait = Number(r.headers.get('retry-after')) * 1000 }; while (true) { ${body} } }`;
    expect(readsIn(code, region(body))).toBe(true);
  });

  it('a read through a local helper function (declaration, arrow, method)', () => {
    const body = `const res = await fetch(u); await sleep(delayFor(res));`;
    expect(
      readsIn(
        `function delayFor(r) { const s = r.headers.get('retry-after'); return s ? +s * 1000 : 1000 }\n${loop(body)}`,
        region(body),
      ),
    ).toBe(true);
    expect(
      readsIn(
        `const delayFor = (r) => Number(r.headers.get('retry-after')) * 1000 || 1000;\n${loop(body)}`,
        region(body),
      ),
    ).toBe(true);
    const method = `const res = await fetch(u); await sleep(this.delayFor(res));`;
    const code = `class C { delayFor(r) { return Number(r.headers.get('retry-after')) * 1000 } async f(u) { while (true) { ${method} } } }`;
    expect(readsIn(code, region(method))).toBe(true);
  });

  it('a read two helpers deep', () => {
    const body = `const res = await fetch(u); await sleep(outer(res));`;
    const code = `function inner(r) { return r.headers.get('retry-after') }\nfunction outer(r) { return Number(inner(r)) * 1000 || 500 }\n${loop(body)}`;
    expect(readsIn(code, region(body))).toBe(true);
  });

  it.each([
    [`const res = await fetch(u); await sleep(1000);`],
    [`const res = await fetch(u); await sleep(2 ** attempt * 1000);`],
    [`const res = await fetch(u); const ct = res.headers.get('content-type'); await sleep(1000);`],
    [`const res = await fetch(u); await sleep(retryAfter(1000));`],
    [`const res = await fetch(u); await sleep(backoff(attempt));`],
    // A fetch `Headers` has no header properties: always undefined (valid-retry-after, #21).
    [`const res = await fetch(u); await sleep(+res.headers['retry-after'] * 1000 || 1000);`],
    [
      `const res = await fetch(u); const wait = res.headers?.['Retry-After'] ?? 5; await sleep(wait);`,
    ],
  ])('no read: %s', (body) => {
    expect(readsIn(loop(body), region(body))).toBe(false);
  });

  it('a read outside the region does not count', () => {
    const body = `const res = await fetch(u); await sleep(1000);`;
    const code = `async function f(u) { const first = await fetch(u); console.log(first.headers.get('retry-after')); while (true) { ${body} } }`;
    expect(readsIn(code, region(body))).toBe(false);
  });

  it('headers beyond the defaults come from the option', () => {
    const body = `const res = await fetch(u); await sleep(Number(res.headers.get('X-Backoff-Seconds')) * 1000);`;
    expect(readsIn(loop(body), region(body))).toBe(false);
    expect(readsIn(loop(body), region(body), ['x-backoff-seconds'])).toBe(true);
  });

  it('a list without the defaults only understands Retry-After', () => {
    const body = `const res = await fetch(u); await sleep(Number(res.headers.get('x-ratelimit-reset')) * 1000);`;
    expect(readsIn(loop(body), region(body), [])).toBe(false);
    const retryAfter = `const res = await fetch(u); await sleep(Number(res.headers.get('retry-after')) * 1000);`;
    expect(readsIn(loop(retryAfter), region(retryAfter), [])).toBe(true);
  });

  it('works on TypeScript with wrappers', () => {
    const body = `const res = await fetch(u); await sleep(Number(res.headers.get('retry-after' as string)!) * 1000);`;
    expect(
      readsIn(
        `async function f(u: string) { while (true) { ${body} } }`,
        region(body),
        undefined,
        true,
      ),
    ).toBe(true);
  });

  /** Each read as `kind text`, in order. */
  const readsListed = (code: string, typescript = false): string[] => {
    let listed: string[] = [];
    analyze(
      code,
      ({ model, text }) => {
        listed = serverWaitReads(model).reads.map((read) => `${read.kind} ${text(read.node)}`);
      },
      { typescript },
    );
    return listed;
  };

  it.each([
    [`const w = Number(r.headers.get('Retry-After')); await sleep(w * 1000);`, false],
    [`const w = err.response.headers['retry-after']; await sleep(w);`, false],
    [`const w = limits['rate-limit-reset'](r); await sleep(w);`, false],
    [`await sleep(a['retry-after'](r)['retry-after'](r) + b?.['retry-after']?.(r));`, false],
    [
      `h['Retry-After'] = 5; await sleep(x['retry-after']!(r) + y['retry-after']<number>(r));`,
      true,
    ],
  ])(
    'finds the same reads when only strings spell the name as from every node: %s',
    (body, typescript) => {
      const code = `async function f(r, err, limits, a, b, h, x, y) { ${body} }`;
      // A comment spelling the name as an identifier would makes the scan read every node.
      const everyNode = `// retryAfter\n${code}`;
      const fromStrings = readsListed(code, typescript);
      expect(
        fromStrings.some((read) => read.startsWith('named') || read.startsWith('variable')),
      ).toBe(true);
      expect(fromStrings).toEqual(readsListed(everyNode, typescript));
    },
  );

  it('reads a member keyed by the header, and a call of one, as named for the wait', () => {
    expect(
      readsListed(
        `async function f(e, o) { await sleep(e['retry-after'] + o['Retry-After'](e)); }`,
      ),
    ).toEqual([
      "named e['retry-after']",
      "header 'retry-after'",
      "named o['Retry-After'](e)",
      "header 'Retry-After'",
    ]);
  });

  it('is cached per header list', () => {
    analyze(`fetch('/').then((r) => r.headers.get('retry-after'))`, ({ model }) => {
      expect(serverWaitReads(model)).toBe(serverWaitReads(model));
      expect(serverWaitReads(model, ['a'])).not.toBe(serverWaitReads(model));
      expect(serverWaitReads(model).reads.map((read) => read.kind)).toEqual(['header']);
    });
  });
});

describe('headerSourceFor', () => {
  const sourceAt = (code: string, name: string, atText: string) => {
    let result: unknown = 'not run';
    analyze(code, ({ model, find }) => {
      const at = find(AST_NODE_TYPES.CallExpression, atText);
      const scope = model.file.scopeOf(at);
      let variable = null;
      for (let s: typeof scope | null = scope; s && !variable; s = s.upper)
        variable = s.set.get(name) ?? null;
      result = variable ? headerSourceFor(model, variable, at) : 'no variable';
    });
    return result;
  };

  it('a fetch response reads with get', () => {
    expect(
      sourceAt(
        `async function f(u) { const res = await fetch(u); await sleep(1000); }`,
        'res',
        'sleep(1000)',
      ),
    ).toEqual({ holder: 'res', style: 'get' });
  });

  it('a got or undici response reads by index', () => {
    expect(
      sourceAt(
        `import got from 'got'; async function f(u) { const r = await got(u); await sleep(1000); }`,
        'r',
        'sleep(1000)',
      ),
    ).toEqual({ holder: 'r', style: 'index' });
  });

  it('a `.then` callback parameter', () => {
    expect(
      sourceAt(
        `fetch(u).then((response) => { setTimeout(go, 1000) })`,
        'response',
        'setTimeout(go, 1000)',
      ),
    ).toEqual({ holder: 'response', style: 'get' });
  });

  it('an axios error caught around the request', () => {
    expect(
      sourceAt(
        `import axios from 'axios'; async function f(u) { try { await axios.get(u) } catch (error) { await sleep(1000) } }`,
        'error',
        'sleep(1000)',
      ),
    ).toEqual({
      holder: 'error',
      style: 'index',
      viaErrorResponse: true,
    });
  });

  it('a ky error in `.catch`', () => {
    expect(
      sourceAt(
        `import ky from 'ky'; ky(u).catch((err) => { setTimeout(go, 1000) })`,
        'err',
        'setTimeout(go, 1000)',
      ),
    ).toEqual({
      holder: 'err',
      style: 'get',
      viaErrorResponse: true,
    });
  });

  it('nothing for a fetch error (fetch does not reject on a status)', () => {
    expect(
      sourceAt(
        `async function f(u) { try { await fetch(u) } catch (error) { await sleep(1000) } }`,
        'error',
        'sleep(1000)',
      ),
    ).toBeUndefined();
  });

  it('nothing when the variable is shadowed or out of scope', () => {
    let result: unknown;
    analyze(
      `async function f(u) { const res = await fetch(u); const g = (res) => sleep(1000); }`,
      ({ model, find }) => {
        const variable = model.responses[0]!.subject.holderVariables[0]!;
        result = headerSourceFor(
          model,
          variable,
          find(AST_NODE_TYPES.CallExpression, 'sleep(1000)'),
        );
      },
    );
    expect(result).toBeUndefined();
    analyze(
      `async function f(u) { const res = await fetch(u); } function g() { sleep(1000) }`,
      ({ model, find }) => {
        const variable = model.responses[0]!.subject.holderVariables[0]!;
        result = headerSourceFor(
          model,
          variable,
          find(AST_NODE_TYPES.CallExpression, 'sleep(1000)'),
        );
      },
    );
    expect(result).toBeUndefined();
  });
});

describe('serverWaitReads: waits that do not come from a header', () => {
  const loop = (body: string) => `async function f(u) { while (true) { ${body} } }`;
  const region = (body: string) => `{ ${body} }`;

  it.each([
    // Discord and Slack send the wait in the body.
    [
      `const res = await fetch(u); const { retry_after } = await res.json(); await sleep(retry_after * 1000);`,
    ],
    [
      `const res = await fetch(u); const body = await res.json(); await sleep(body.retry_after * 1000);`,
    ],
    [
      `try { await api() } catch (e) { await sleep(_.get(e, 'response.headers.retry-after', 1) * 1000) }`,
    ],
    [
      `const res = await fetch(u); await sleep(Number(res.headers.get(HEADERS.RETRY_AFTER)) * 1000);`,
    ],
  ])('%s', (body) => {
    expect(readsIn(loop(body), region(body))).toBe(true);
  });

  it('a function named for it is not itself a read; calling it with the response is', () => {
    const body = `const res = await fetch(u); await sleep(1000);`;
    expect(readsIn(`function retryAfterMs(r) { return 1000 }\n${loop(body)}`, region(body))).toBe(
      false,
    );
  });
});

describe('namedDelays', () => {
  it('finds awaited imported or global waits, not local functions or unawaited calls', () => {
    const code = `
import { sleep } from '../utils';
const { delay } = require('./timing');
function wait(ms) { return new Promise((r) => setTimeout(r, ms)); }
async function f() {
  await sleep(100);
  await delay(200);
  await wait(300);
  await helpers.pause(400);
  sleep(500);
  await fetchThing(600);
  await pause(700);
}`;
    analyze(code, ({ model, text }) => {
      expect(namedDelays(model).map((delay) => text(delay.node))).toEqual([
        'sleep(100)',
        'delay(200)',
        'helpers.pause(400)',
        'pause(700)',
      ]);
    });
  });
});
