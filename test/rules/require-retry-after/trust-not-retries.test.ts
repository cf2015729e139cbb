import { describeFixedCode } from './fixed-code';
import type { Case } from './setup';
import { ADDED_WAIT, FULL, jsRuleTester, noRetryRule, rule, ruleTester, SLEEP } from './setup';

/**
 * Shapes from application code (issue 17): a fix that reads the response where it is not there
 * yet, timers that are not the retry's wait, recursion through another private method, polls.
 * Every case runs as TypeScript and as plain JavaScript (espree).
 */

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

describeFixedCode(notRetriesInvalid(true));
