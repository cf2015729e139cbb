import type { Case } from './setup';
import { FULL, jsRuleTester, noRetryRule, rule, ruleTester, SLEEP } from './setup';

/**
 * Responses that may be no value (issue 17, misses): `fetch(u).catch(() => null)` tested with
 * `if (!res || res.status === 429)`, and `Promise.race([fetch(u), timeout(ms)])` with a timeout
 * that rejects or resolves to nothing. The race's timer is a deadline on the attempt, not the
 * retry's wait. A fix reads the header with `?.` where the code tests the response for null.
 * Every case runs as TypeScript and as plain JavaScript (espree).
 */

const t = (ts: boolean, type: string) => (ts ? `: ${type}` : '');

const CATCH_NULL = (ts: boolean, status: number) => `
${SLEEP}
export async function get(url${t(ts, 'string')}) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await fetch(url).catch(() => null);
    if (!res || res.status === ${status}) {
      await sleep(1000);
      continue;
    }
    return res.json();
  }
}`;

const RACE_REJECTS = (ts: boolean) => `
${SLEEP}
export async function get(url${t(ts, 'string')}) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await Promise.race([
      fetch(url),
      new Promise${ts ? '<never>' : ''}((_, reject) => setTimeout(() => reject(new Error('timeout')), 5000)),
    ]);
    if (res.status === 429) {
      await sleep(1000);
      continue;
    }
    return res.json();
  }
}`;

const RACE_HELPER = (ts: boolean) => `
${SLEEP}
const timeout = (ms${t(ts, 'number')}) => new Promise${ts ? '<null>' : ''}((resolve) => setTimeout(() => resolve(null), ms));
export async function get(url${t(ts, 'string')}) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await Promise.race([fetch(url), timeout(5000)]);
    if (!res || res.status === 503) {
      await sleep(1000);
      continue;
    }
    return res.json();
  }
}`;

/** The response assigned in a `try` and read in its `catch`: not shown to be there, a suggestion. */
const CATCH_NULL_IN_TRY = (ts: boolean) => `
${SLEEP}
export async function get(url${t(ts, 'string')}) {
  let res${t(ts, 'Response | null')} = null;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      res = await fetch(url).catch(() => null);
      if (!res || res.status === 429) throw new Error('retry');
      return await res.json();
    } catch {
      await sleep(1000);
    }
  }
}`;

const seconds = (read: string, fallback: string) => `Number(${read}) * 1000 || ${fallback}`;

const valid = (ts: boolean): string[] => [
  // a fallback that is another response: the value is not this request's response
  `
${SLEEP}
export async function get(url${t(ts, 'string')}) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await fetch(url).catch(() => new Response(null, { status: 503 }));
    if (res.status === 503) {
      await sleep(1000);
      continue;
    }
    return res.json();
  }
}`,
  // a race against something that may be another value: not followed
  `
${SLEEP}
export async function get(url${t(ts, 'string')}) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await Promise.race([fetch(url), cachedResponse(url)]);
    if (res.status === 429) {
      await sleep(1000);
      continue;
    }
    return res.json();
  }
}`,
  // the server's wait is read
  CATCH_NULL(ts, 429).replace(
    'sleep(1000)',
    "sleep(Number(res?.headers.get('retry-after')) * 1000)",
  ),
];

const invalid = (ts: boolean): Case[] => [
  {
    code: CATCH_NULL(ts, 429),
    output: CATCH_NULL(ts, 429).replace(
      'sleep(1000)',
      `sleep(${seconds("res?.headers.get('retry-after')", '1000')})`,
    ),
    errors: [
      {
        messageId: 'ignoresWait',
        data: { statuses: '429' },
        line: 7,
        suggestions: [
          {
            messageId: 'useFullForm',
            output: CATCH_NULL(ts, 429).replace(
              'sleep(1000)',
              `sleep(${FULL("res?.headers.get('retry-after')", '1000')})`,
            ),
          },
        ],
      },
    ],
  },
  // the race's rejecting timer is not the wait: the sleep is
  {
    code: RACE_REJECTS(ts),
    output: RACE_REJECTS(ts).replace(
      'sleep(1000)',
      `sleep(${seconds("res.headers.get('retry-after')", '1000')})`,
    ),
    errors: [
      {
        messageId: 'ignoresWait',
        data: { statuses: '429' },
        line: 10,
        suggestions: [
          {
            messageId: 'useFullForm',
            output: RACE_REJECTS(ts).replace(
              'sleep(1000)',
              `sleep(${FULL("res.headers.get('retry-after')", '1000')})`,
            ),
          },
        ],
      },
    ],
  },
  // a local timeout helper that resolves to null, raced: not the wait either
  {
    code: RACE_HELPER(ts),
    output: RACE_HELPER(ts).replace(
      'sleep(1000)',
      `sleep(${seconds("res?.headers.get('retry-after')", '1000')})`,
    ),
    errors: [
      {
        messageId: 'ignoresWait',
        data: { statuses: '503' },
        line: 8,
        suggestions: [
          {
            messageId: 'useFullForm',
            output: RACE_HELPER(ts).replace(
              'sleep(1000)',
              `sleep(${FULL("res?.headers.get('retry-after')", '1000')})`,
            ),
          },
        ],
      },
    ],
  },
  // must be a suggestion: the response is read in the catch, where it may not be there
  {
    code: CATCH_NULL_IN_TRY(ts),
    output: null,
    errors: [
      {
        messageId: 'ignoresWait',
        data: { statuses: '429' },
        line: 11,
        suggestions: [
          {
            messageId: 'useSecondsForm',
            output: CATCH_NULL_IN_TRY(ts).replace(
              'sleep(1000)',
              `sleep(${seconds("res?.headers.get('retry-after')", '1000')})`,
            ),
          },
          {
            messageId: 'useFullForm',
            output: CATCH_NULL_IN_TRY(ts).replace(
              'sleep(1000)',
              `sleep(${FULL("res?.headers.get('retry-after')", '1000')})`,
            ),
          },
        ],
      },
    ],
  },
];

ruleTester.run('require-retry-after: responses that may be no value (TypeScript)', rule, {
  valid: valid(true),
  invalid: invalid(true),
});
jsRuleTester.run('require-retry-after: responses that may be no value (JavaScript)', rule, {
  valid: valid(false),
  invalid: invalid(false),
});

// no-retry-on-client-error: `!res || res.status === 404` retries a 404; the rewrite keeps `!res`,
// and no early exit reads `res.status` before the null test.
const noRetryCases = (ts: boolean) => ({
  valid: [CATCH_NULL(ts, 429), RACE_HELPER(ts)],
  invalid: [
    {
      code: CATCH_NULL(ts, 404),
      output: null,
      errors: [
        {
          messageId: 'retriesClientError',
          line: 6,
          suggestions: [
            {
              messageId: 'suggestRetryOnly',
              output: CATCH_NULL(ts, 404).replace('!res || res.status === 404', '!res'),
            },
          ],
        },
      ],
    },
  ],
});
ruleTester.run(
  'no-retry-on-client-error: responses that may be no value (TypeScript)',
  noRetryRule,
  noRetryCases(true),
);
jsRuleTester.run(
  'no-retry-on-client-error: responses that may be no value (JavaScript)',
  noRetryRule,
  noRetryCases(false),
);
