import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../../../src';
import noRetryOnClientError from '../../../src/rules/no-retry-on-client-error';
import type { MessageIds, Options } from '../../../src/rules/require-retry-after';
import requireRetryAfter from '../../../src/rules/require-retry-after';
import { createJavaScriptRuleTester, createRuleTester } from '../../rule-tester';

/**
 * Shapes from application code (issue 17): a fix that reads the response where it is not there
 * yet, timers that are not the retry's wait, recursion through another private method, polls.
 * Every case runs as TypeScript and as plain JavaScript (espree).
 */
const ruleTester = createRuleTester();
const jsRuleTester = createJavaScriptRuleTester();
const rule = requireRetryAfter as unknown as Parameters<
  typeof ruleTester.run<MessageIds, Options>
>[1];
const noRetryRule = noRetryOnClientError as unknown as Parameters<typeof ruleTester.run>[1];

const SLEEP = 'const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));';
const FULL = (read: string, fallback: string) =>
  `((value) => { const seconds = Number(value); return value && Number.isFinite(seconds) ? seconds * 1000 : Math.max(0, Date.parse(String(value)) - Date.now()); })(${read}) || ${fallback}`;
const ADDED_WAIT = (read: string) =>
  `await new Promise((resolve) => setTimeout(resolve, Number(${read}) * 1000 || 0));`;

// ---------------------------------------------------------------------------------------------
// A fix never reads a response that is not there on every path to the wait
// ---------------------------------------------------------------------------------------------

/** An abort timer before the request: not the retry's wait (it was rewritten to read `response` in its TDZ). */
const ABORT_TIMER = `
async function getJson(url, timeout = 5000) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const controller = new AbortController();
    const t = setTimeout(() => controller.abort(), timeout);
    const response = await fetch(url, { signal: controller.signal });
    clearTimeout(t);
    if (response.status === 429) continue;
    return response.json();
  }
}`;

/** The wait at the top of the `try`, before the request: `response` is in its TDZ there. */
const WAIT_BEFORE_REQUEST = `
${SLEEP}
async function getJson(url) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      await sleep(attempt * 1000);
      const response = await fetch(url);
      if (response.status === 429) continue;
      return response.json();
    } catch (e) {
      console.error(e);
    }
  }
}`;

/** The `catch` sets `response = null` before the wait: reading it is a TypeError on every retry. */
const NULLED_BEFORE_WAIT = `
${SLEEP}
async function getJson(url) {
  let response = null;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      response = await fetch(url);
      if (response.status === 429) throw new Error('rate limited');
      return response.json();
    } catch (e) {
      response = null;
      await sleep(1000);
    }
  }
}`;

/** Assigned in the `try`, read in the `catch`: null when the request itself failed. A suggestion, with `?.`. */
const ASSIGNED_IN_TRY = `
${SLEEP}
async function getJson(url) {
  let res = null;
  for (let i = 0; i < 5; i++) {
    try {
      res = await fetch(url);
      if (res.status === 429) throw new Error('rate limited');
      return await res.json();
    } catch (err) {
      await sleep(1000 * i);
    }
  }
}`;

/** The same wait after a `const` response in the same block: there on every path, an autofix. */
const DECLARED_BEFORE_WAIT = `
${SLEEP}
async function getJson(url) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const response = await fetch(url);
    if (response.status === 429) {
      await sleep(1000);
      continue;
    }
    return response.json();
  }
}`;

/** `let res` assigned at the top of every iteration: the nearest assignment on the way, an autofix. */
const ASSIGNED_EACH_ITERATION = `
${SLEEP}
async function getJson(url) {
  let res;
  for (let attempt = 0; attempt < 5; attempt++) {
    res = await fetch(url);
    if (res.status === 503) {
      await sleep(2000);
      continue;
    }
    break;
  }
  return res;
}`;

/** A UI timer on the retry path is not a wait: the retry does not wait at all. */
const NOTICE_TIMER = `
async function load(url, setNotice) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await fetch(url);
    if (res.status === 429) {
      setNotice('Slow down');
      setTimeout(() => setNotice(''), 3000);
      continue;
    }
    return res.json();
  }
}`;

/** A timer whose callback makes the retry is its wait. */
const RETRY_TIMER = `
function load(url, done) {
  fetch(url).then((res) => {
    if (res.status === 503) {
      setTimeout(() => load(url, done), 5000);
      return;
    }
    done(res);
  });
}`;

const TS = (code: string): string =>
  code
    .replace(
      'async function getJson(url, timeout = 5000)',
      'async function getJson(url: string, timeout = 5000)',
    )
    .replace('async function getJson(url)', 'async function getJson(url: string): Promise<unknown>')
    .replace('let response = null;', 'let response: Response | null = null;')
    .replace('let res = null;', 'let res: Response | null = null;')
    .replace('let res;', 'let res: Response | undefined;')
    .replace(
      'async function load(url, setNotice)',
      'async function load(url: string, setNotice: (text: string) => void)',
    )
    .replace(
      'function load(url, done)',
      'function load(url: string, done: (res: Response) => void)',
    )
    .replace('const sleep = (ms)', 'const sleep = (ms: number)');

type Case = Parameters<typeof ruleTester.run<MessageIds, Options>>[2]['invalid'][number];

const fixSafetyInvalid = (ts: boolean): Case[] => {
  const code = (text: string): string => (ts ? TS(text) : text);
  return [
    {
      code: code(ABORT_TIMER),
      output: null,
      errors: [
        {
          messageId: 'noWait',
          line: 8,
          suggestions: [
            {
              messageId: 'addWait',
              output: code(ABORT_TIMER).replace(
                '    if (response.status === 429) continue;',
                `    if (response.status === 429) { ${ADDED_WAIT("response.headers.get('retry-after')")} continue; }`,
              ),
            },
          ],
        },
      ],
    },
    {
      code: code(WAIT_BEFORE_REQUEST),
      output: null,
      errors: [
        {
          messageId: 'ignoresWait',
          line: 6,
          suggestions: [
            {
              messageId: 'addWait',
              output: code(WAIT_BEFORE_REQUEST).replace(
                '      if (response.status === 429) continue;',
                `      if (response.status === 429) { ${ADDED_WAIT("response.headers.get('retry-after')")} continue; }`,
              ),
            },
          ],
        },
      ],
    },
    {
      code: code(NULLED_BEFORE_WAIT),
      output: null,
      errors: [{ messageId: 'ignoresWait', line: 12, suggestions: [] }],
    },
    {
      code: code(ASSIGNED_IN_TRY),
      output: null,
      errors: [
        {
          messageId: 'ignoresWait',
          line: 11,
          suggestions: [
            {
              messageId: 'useSecondsForm',
              output: code(ASSIGNED_IN_TRY).replace(
                'sleep(1000 * i)',
                "sleep(Number(res?.headers.get('retry-after')) * 1000 || 1000 * i)",
              ),
            },
            {
              messageId: 'useFullForm',
              output: code(ASSIGNED_IN_TRY).replace(
                'sleep(1000 * i)',
                `sleep(${FULL("res?.headers.get('retry-after')", '1000 * i')})`,
              ),
            },
          ],
        },
      ],
    },
    {
      code: code(DECLARED_BEFORE_WAIT),
      output: code(DECLARED_BEFORE_WAIT).replace(
        'sleep(1000)',
        "sleep(Number(response.headers.get('retry-after')) * 1000 || 1000)",
      ),
      errors: [
        {
          messageId: 'ignoresWait',
          line: 7,
          suggestions: [
            {
              messageId: 'useFullForm',
              output: code(DECLARED_BEFORE_WAIT).replace(
                'sleep(1000)',
                `sleep(${FULL("response.headers.get('retry-after')", '1000')})`,
              ),
            },
          ],
        },
      ],
    },
    {
      code: code(ASSIGNED_EACH_ITERATION),
      output: code(ASSIGNED_EACH_ITERATION).replace(
        'sleep(2000)',
        "sleep(Number(res.headers.get('retry-after')) * 1000 || 2000)",
      ),
      errors: [
        {
          messageId: 'ignoresWait',
          line: 8,
          suggestions: [
            {
              messageId: 'useFullForm',
              output: code(ASSIGNED_EACH_ITERATION).replace(
                'sleep(2000)',
                `sleep(${FULL("res.headers.get('retry-after')", '2000')})`,
              ),
            },
          ],
        },
      ],
    },
    {
      code: code(NOTICE_TIMER),
      output: null,
      errors: [
        {
          messageId: 'noWait',
          line: 8,
          suggestions: [
            {
              messageId: 'addWait',
              output: code(NOTICE_TIMER).replace(
                '      continue;',
                `      ${ADDED_WAIT("res.headers.get('retry-after')")}\n      continue;`,
              ),
            },
          ],
        },
      ],
    },
    {
      code: code(RETRY_TIMER),
      output: code(RETRY_TIMER).replace(
        'done), 5000)',
        "done), Number(res.headers.get('retry-after')) * 1000 || 5000)",
      ),
      errors: [
        {
          messageId: 'ignoresWait',
          line: 5,
          suggestions: [
            {
              messageId: 'useFullForm',
              output: code(RETRY_TIMER).replace(
                'done), 5000)',
                `done), ${FULL("res.headers.get('retry-after')", '5000')})`,
              ),
            },
          ],
        },
      ],
    },
  ];
};

ruleTester.run('require-retry-after: fix safety (TypeScript)', rule, {
  valid: [],
  invalid: fixSafetyInvalid(true),
});
jsRuleTester.run('require-retry-after: fix safety (JavaScript)', rule, {
  valid: [],
  invalid: fixSafetyInvalid(false),
});

// ---------------------------------------------------------------------------------------------
// Not retries: another private method, polls for a state change
// ---------------------------------------------------------------------------------------------

/** `this.#fallback()` inside `#load()` is another method: no recursion, no retry. */
const OTHER_PRIVATE_METHOD = `
class Store {
  #data = null;
  async #load(url) {
    const res = await fetch(url);
    if (res.status === 429) return this.#fallback(url);
    this.#data = await res.json();
  }
  async #fallback(url) {
    return url;
  }
}`;

/** `this.#load()` inside `#load()` is recursion. */
const SAME_PRIVATE_METHOD = `
class Store {
  async #load(url, attempt = 0) {
    const res = await fetch(url);
    if (res.status === 429 && attempt < 3) return this.#load(url, attempt);
    return res.json();
  }
}`;

/** A just-started local server polled until its health check answers. */
const READINESS_POLL = `
${SLEEP}
export async function waitForServer(port, timeoutMs = 10000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(\`http://localhost:\${port}/health\`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error('server did not start');
}`;

/** The same loop against an API: a retry. */
const API_POLL = READINESS_POLL.replace(
  '`http://localhost:${port}/health`',
  '`https://api.example.com/v1/items/${port}`',
);

const READYZ_POLL = `
${SLEEP}
export async function waitReady(base) {
  for (let i = 0; i < 60; i++) {
    const res = await fetch(\`\${base}/readyz\`);
    if (res.ok) return;
    await sleep(500);
  }
}`;

/** Polled until the body says so: going round after a failure is part of the poll. */
const BODY_POLL = `
${SLEEP}
export async function waitForUpgrade(userId) {
  let j;
  do {
    await sleep(2000);
    const res = await fetch(\`/api/users/\${userId}\`);
    if (!res.ok) continue;
    j = await res.json();
  } while (j?.tier !== 'premium');
  return j;
}`;

/** A poll with a branch for 429 of its own: that branch is a retry. */
const BODY_POLL_WITH_429 = `
${SLEEP}
export async function waitForUpgrade(userId) {
  for (;;) {
    const res = await fetch(\`/api/users/\${userId}\`);
    if (res.status === 429) {
      await sleep(5000);
      continue;
    }
    const j = await res.json();
    if (j.tier === 'premium') return j;
    await sleep(2000);
  }
}`;

const POLL_TS = (code: string): string =>
  code
    .replace('#data = null;', '#data: unknown = null;')
    .replace('async #load(url)', 'async #load(url: string)')
    .replace('async #fallback(url)', 'async #fallback(url: string)')
    .replace(
      'async #load(url, attempt = 0)',
      'async #load(url: string, attempt = 0): Promise<unknown>',
    )
    .replace(
      'waitForServer(port, timeoutMs = 10000)',
      'waitForServer(port: number, timeoutMs = 10000)',
    )
    .replace('waitReady(base)', 'waitReady(base: string)')
    .replace('waitForUpgrade(userId)', 'waitForUpgrade(userId: string)')
    .replace('let j;', 'let j: { tier?: string } | undefined;')
    .replace('const sleep = (ms)', 'const sleep = (ms: number)');

const notRetriesValid = (ts: boolean): string[] =>
  [OTHER_PRIVATE_METHOD, READINESS_POLL, READYZ_POLL, BODY_POLL].map((code) =>
    ts ? POLL_TS(code) : code,
  );

const notRetriesInvalid = (ts: boolean): Case[] => {
  const code = (text: string): string => (ts ? POLL_TS(text) : text);
  return [
    {
      code: code(SAME_PRIVATE_METHOD),
      output: null,
      errors: [
        {
          messageId: 'noWait',
          line: 5,
          suggestions: [
            {
              messageId: 'addWait',
              output: code(SAME_PRIVATE_METHOD).replace(
                'if (res.status === 429 && attempt < 3) return this.#load(url, attempt);',
                `if (res.status === 429 && attempt < 3) { ${ADDED_WAIT("res.headers.get('retry-after')")} return this.#load(url, attempt); }`,
              ),
            },
          ],
        },
      ],
    },
    // `res` is not in scope at the wait: reported, with no fix.
    {
      code: code(API_POLL),
      output: null,
      errors: [{ messageId: 'ignoresWait', line: 12, suggestions: [] }],
    },
    {
      code: code(BODY_POLL_WITH_429),
      output: code(BODY_POLL_WITH_429).replace(
        'sleep(5000)',
        "sleep(Number(res.headers.get('retry-after')) * 1000 || 5000)",
      ),
      errors: [
        {
          messageId: 'ignoresWait',
          line: 7,
          suggestions: [
            {
              messageId: 'useFullForm',
              output: code(BODY_POLL_WITH_429).replace(
                'sleep(5000)',
                `sleep(${FULL("res.headers.get('retry-after')", '5000')})`,
              ),
            },
          ],
        },
      ],
    },
  ];
};

// ---------------------------------------------------------------------------------------------
// Retries that were missed
// ---------------------------------------------------------------------------------------------

/** Recursion through a `useCallback`-wrapped `const`. */
const USE_CALLBACK = `
import { useCallback } from 'react';
${SLEEP}
export function useLoader(url) {
  const load = useCallback(async (attempt = 0) => {
    const res = await fetch(url);
    if (res.status === 429 && attempt < 3) {
      await sleep(1000);
      return load(attempt);
    }
    return res.json();
  }, [url]);
  return load;
}`;

/** `!res ||` says nothing of the status; the fix reads `res` with `?.` since the code tests it for null. */
const NOT_RES_OR_429 = `
${SLEEP}
async function get(url) {
  for (let i = 0; i < 3; i++) {
    const res = await fetch(url);
    if (!res || res.status === 429) {
      await sleep(1000);
      continue;
    }
    return res.json();
  }
}`;

/** Options rebuilt in each attempt from the same values: the same request. */
const OPTIONS_REBUILT = `
${SLEEP}
async function get(url, token) {
  for (let i = 0; i < 3; i++) {
    let opts = { headers: { Authorization: \`Bearer \${token}\` } };
    opts.headers = { ...opts.headers, Accept: 'application/json' };
    const res = await fetch(url, opts);
    if (res.status === 429) {
      await sleep(1000);
      continue;
    }
    return res.json();
  }
}`;

/** Rebuilt from a token the loop refreshes: another request each time, not a retry. */
const OPTIONS_FROM_REFRESHED_TOKEN = `
${SLEEP}
async function get(url, refresh) {
  let token = await refresh();
  for (let i = 0; i < 3; i++) {
    let opts = { headers: { Authorization: \`Bearer \${token}\` } };
    const res = await fetch(url, opts);
    if (res.status === 503) {
      token = await refresh();
      await sleep(1000);
      continue;
    }
    return res.json();
  }
}`;

/** The request in a `try` nested in the retrying one, whose `catch` rethrows. */
const NESTED_TRY = `
${SLEEP}
async function get(url) {
  for (let i = 0; i < 3; i++) {
    try {
      let data;
      try {
        const res = await fetch(url);
        if (res.status === 429) throw new Error('rate limited');
        data = await res.json();
      } catch (inner) {
        console.warn(inner);
        throw inner;
      }
      return data;
    } catch (e) {
      await sleep(1000);
    }
  }
}`;

/** A throw on `!response.ok || data.error` sends every failure to the retrying `catch`. */
const THROW_ON_FAILURE_OR_ERROR = `
${SLEEP}
async function get(url) {
  for (let i = 0; i < 3; i++) {
    try {
      const response = await fetch(url);
      const data = await response.json();
      if (!response.ok || data.error) throw new Error(data.error ?? 'failed');
      return data;
    } catch (e) {
      await sleep(1000 * 2 ** i);
    }
  }
}`;

const MISSES_TS = (code: string): string =>
  code
    .replace('async function get(url, token)', 'async function get(url: string, token: string)')
    .replace('let opts = {', 'let opts: { headers: Record<string, string> } = {')
    .replace(
      'async function get(url, refresh)',
      'async function get(url: string, refresh: () => Promise<string>)',
    )
    .replace('let data;', 'let data: unknown;')
    .replace('useLoader(url)', 'useLoader(url: string)')
    .replace('async (attempt = 0) =>', 'async (attempt = 0): Promise<unknown> =>')
    .replace('async function get(url)', 'async function get(url: string)')
    .replace('const sleep = (ms)', 'const sleep = (ms: number)');

const missesInvalid = (ts: boolean): Case[] => {
  const code = (text: string): string => (ts ? MISSES_TS(text) : text);
  return [
    {
      code: code(USE_CALLBACK),
      output: code(USE_CALLBACK).replace(
        'sleep(1000)',
        "sleep(Number(res.headers.get('retry-after')) * 1000 || 1000)",
      ),
      errors: [
        {
          messageId: 'ignoresWait',
          line: 8,
          suggestions: [
            {
              messageId: 'useFullForm',
              output: code(USE_CALLBACK).replace(
                'sleep(1000)',
                `sleep(${FULL("res.headers.get('retry-after')", '1000')})`,
              ),
            },
          ],
        },
      ],
    },
    {
      code: code(NOT_RES_OR_429),
      output: code(NOT_RES_OR_429).replace(
        'sleep(1000)',
        "sleep(Number(res?.headers.get('retry-after')) * 1000 || 1000)",
      ),
      errors: [
        {
          messageId: 'ignoresWait',
          line: 7,
          suggestions: [
            {
              messageId: 'useFullForm',
              output: code(NOT_RES_OR_429).replace(
                'sleep(1000)',
                `sleep(${FULL("res?.headers.get('retry-after')", '1000')})`,
              ),
            },
          ],
        },
      ],
    },
    {
      code: code(OPTIONS_REBUILT),
      output: code(OPTIONS_REBUILT).replace(
        'sleep(1000)',
        "sleep(Number(res.headers.get('retry-after')) * 1000 || 1000)",
      ),
      errors: [
        {
          messageId: 'ignoresWait',
          line: 9,
          suggestions: [
            {
              messageId: 'useFullForm',
              output: code(OPTIONS_REBUILT).replace(
                'sleep(1000)',
                `sleep(${FULL("res.headers.get('retry-after')", '1000')})`,
              ),
            },
          ],
        },
      ],
    },
    // `res` is not in scope in the outer `catch`: reported, no fix.
    {
      code: code(NESTED_TRY),
      output: null,
      errors: [{ messageId: 'ignoresWait', line: 17, suggestions: [] }],
    },
    {
      code: code(THROW_ON_FAILURE_OR_ERROR),
      output: null,
      errors: [
        { messageId: 'ignoresWait', data: { statuses: '429 or 503' }, line: 11, suggestions: [] },
      ],
    },
  ];
};

ruleTester.run('require-retry-after: missed retries (TypeScript)', rule, {
  valid: [MISSES_TS(OPTIONS_FROM_REFRESHED_TOKEN)],
  invalid: missesInvalid(true),
});
jsRuleTester.run('require-retry-after: missed retries (JavaScript)', rule, {
  valid: [OPTIONS_FROM_REFRESHED_TOKEN],
  invalid: missesInvalid(false),
});

ruleTester.run('require-retry-after: not retries (TypeScript)', rule, {
  valid: notRetriesValid(true),
  invalid: notRetriesInvalid(true),
});
jsRuleTester.run('require-retry-after: not retries (JavaScript)', rule, {
  valid: notRetriesValid(false),
  invalid: notRetriesInvalid(false),
});
ruleTester.run('no-retry-on-client-error: polls are not retries (TypeScript)', noRetryRule, {
  valid: notRetriesValid(true),
  invalid: [],
});
jsRuleTester.run('no-retry-on-client-error: polls are not retries (JavaScript)', noRetryRule, {
  valid: notRetriesValid(false),
  invalid: [],
});

// The same throw retries every 4xx.
const throwsEveryFailure = (ts: boolean) => ({
  code: ts ? MISSES_TS(THROW_ON_FAILURE_OR_ERROR) : THROW_ON_FAILURE_OR_ERROR,
  output: null,
  errors: [{ messageId: 'retriesClientError', line: 8 }],
});
ruleTester.run(
  'no-retry-on-client-error: a throw on failure or a body error (TypeScript)',
  noRetryRule,
  { valid: [], invalid: [throwsEveryFailure(true)] },
);
jsRuleTester.run(
  'no-retry-on-client-error: a throw on failure or a body error (JavaScript)',
  noRetryRule,
  { valid: [], invalid: [throwsEveryFailure(false)] },
);

// ---------------------------------------------------------------------------------------------
// A fix's output is not reported again by any rule of the plugin
// ---------------------------------------------------------------------------------------------

describe('require-retry-after: fixed code', () => {
  const rules = Object.fromEntries(
    Object.keys(plugin.rules).map((name) => [`http-status/${name}`, 'error' as const]),
  );
  const fixable = [
    ...fixSafetyInvalid(true),
    ...notRetriesInvalid(true),
    ...missesInvalid(true),
  ].filter((c) => typeof c.output === 'string');
  it.each(
    fixable.map(
      (c) => [c.code.split('\n').find((line) => line.includes('function')) ?? '', c.code] as const,
    ),
  )('%s', (_name, code) => {
    const linter = new Linter({ configType: 'flat' });
    const config: Linter.Config[] = [
      { files: ['**/*.ts'], languageOptions: { parser: tsParser as Linter.Parser } },
      { plugins: { 'http-status': plugin as never }, rules },
    ];
    const fixed = linter.verifyAndFix(code, config, { filename: 'file.ts' });
    expect(fixed.fixed).toBe(true);
    expect(fixed.messages.filter((message) => message.ruleId?.startsWith('http-status/'))).toEqual(
      [],
    );
  });
});
