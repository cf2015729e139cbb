import { describeFixedCode } from './fixed-code';
import type { Case } from './setup';
import { FULL, jsRuleTester, noRetryRule, rule, ruleTester, SLEEP } from './setup';

/**
 * Shapes from application code (issue 17): a fix that reads the response where it is not there
 * yet, timers that are not the retry's wait, recursion through another private method, polls.
 * Every case runs as TypeScript and as plain JavaScript (espree).
 */

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

/** The status tested for presence first (`status && status < 500`): 5xx still goes round. */
const PRESENT_STATUS_RETHROWN = `
import axios from 'axios';
${SLEEP}
async function get(url) {
  for (let i = 0; i < 3; i++) {
    try {
      return (await axios.get(url)).data;
    } catch (error) {
      if (error.response?.status && error.response.status < 500) throw error;
      await sleep(1000);
    }
  }
}`;

/** The same presence test on the retrying branch: every 4xx and 5xx goes round. */
const PRESENT_STATUS_RETRIED = `
${SLEEP}
async function get(url) {
  for (let i = 0; i < 3; i++) {
    const res = await fetch(url);
    if (res.status && res.status >= 400) {
      await sleep(1000);
      continue;
    }
    return res.json();
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
    .replace('const sleep = (ms)', 'const sleep = (ms: number)')
    .replace('catch (error)', 'catch (error: any)');

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
    {
      code: code(PRESENT_STATUS_RETHROWN),
      output: code(PRESENT_STATUS_RETHROWN).replace(
        'sleep(1000)',
        "sleep(Number(error.response?.headers['retry-after']) * 1000 || 1000)",
      ),
      errors: [
        {
          messageId: 'ignoresWait',
          data: { statuses: '503' },
          line: 10,
          suggestions: [
            {
              messageId: 'useFullForm',
              output: code(PRESENT_STATUS_RETHROWN).replace(
                'sleep(1000)',
                `sleep(${FULL("error.response?.headers['retry-after']", '1000')})`,
              ),
            },
          ],
        },
      ],
    },
    {
      code: code(PRESENT_STATUS_RETRIED),
      output: code(PRESENT_STATUS_RETRIED).replace(
        'sleep(1000)',
        "sleep(Number(res.headers.get('retry-after')) * 1000 || 1000)",
      ),
      errors: [
        {
          messageId: 'ignoresWait',
          line: 7,
          suggestions: [
            {
              messageId: 'useFullForm',
              output: code(PRESENT_STATUS_RETRIED).replace(
                'sleep(1000)',
                `sleep(${FULL("res.headers.get('retry-after')", '1000')})`,
              ),
            },
          ],
        },
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

// The same throw retries every 4xx.
const throwsEveryFailure = (ts: boolean) => ({
  code: ts ? MISSES_TS(THROW_ON_FAILURE_OR_ERROR) : THROW_ON_FAILURE_OR_ERROR,
  output: null,
  errors: [{ messageId: 'retriesClientError', line: 8 }],
});
// A presence test (`res.status && …`) reads as "an HTTP status": the 4xx it retries are reported,
// and the 4xx it rethrows first are not.
const retriesPresentStatus = (ts: boolean) => {
  const code = ts ? MISSES_TS(PRESENT_STATUS_RETRIED) : PRESENT_STATUS_RETRIED;
  return {
    code,
    output: null,
    errors: [
      {
        messageId: 'retriesClientError',
        line: 6,
        suggestions: [
          {
            messageId: 'suggestRetryOnly',
            // The presence test stays: it guards the reads after it.
            output: code.replace(
              'res.status && res.status >= 400',
              'res.status && (res.status === 408 || res.status === 425 || res.status === 429 || res.status >= 500)',
            ),
          },
          {
            messageId: 'suggestEarlyExit',
            output: code.replace(
              '    if (res.status && res.status >= 400) {',
              '    if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 425 && res.status !== 429) throw new Error(`Request failed with status ${res.status}`);\n    if (res.status && res.status >= 400) {',
            ),
          },
        ],
      },
    ],
  };
};
/** axios' error typed: `status` is `number | undefined`, so only the guarded read may be compared. */
const PRESENT_STATUS_TYPED = `
import axios, { AxiosError } from 'axios';
${SLEEP.replace('(ms)', '(ms: number)')}
export async function get(url: string) {
  for (let i = 0; i < 3; i++) {
    try {
      return (await axios.get(url)).data;
    } catch (caught) {
      const error = caught as AxiosError;
      if (error.response?.status && error.response.status >= 400) {
        await sleep(1000);
        continue;
      }
      throw error;
    }
  }
}`;
const retriesPresentStatusTyped = {
  code: PRESENT_STATUS_TYPED,
  output: PRESENT_STATUS_TYPED.replace(
    'error.response?.status && error.response.status >= 400',
    'error.response?.status && (error.response.status === 408 || error.response.status === 425 || error.response.status === 429 || error.response.status >= 500)',
  ),
  errors: [{ messageId: 'retriesClientError', line: 10 }],
};
ruleTester.run(
  'no-retry-on-client-error: a presence test kept by the rewrite (TypeScript)',
  noRetryRule,
  { valid: [], invalid: [retriesPresentStatusTyped] },
);

ruleTester.run(
  'no-retry-on-client-error: a throw on failure or a body error (TypeScript)',
  noRetryRule,
  {
    valid: [MISSES_TS(PRESENT_STATUS_RETHROWN)],
    invalid: [throwsEveryFailure(true), retriesPresentStatus(true)],
  },
);
jsRuleTester.run(
  'no-retry-on-client-error: a throw on failure or a body error (JavaScript)',
  noRetryRule,
  {
    valid: [PRESENT_STATUS_RETHROWN],
    invalid: [throwsEveryFailure(false), retriesPresentStatus(false)],
  },
);

describeFixedCode(missesInvalid(true));
