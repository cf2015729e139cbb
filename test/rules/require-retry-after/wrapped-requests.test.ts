import { describeFixedCode } from './fixed-code';
import type { Case } from './setup';
import { ADDED_WAIT, FULL, jsRuleTester, rule, ruleTester, SLEEP } from './setup';

/**
 * Retries of a request the file does not show (issue 17): a wrapper around work passed in and a
 * loop over a client imported from another module. The `catch`'s read of the error's status is
 * the evidence of an HTTP error. Where the headers would be read is guessed from that read
 * (`err.response?.status`: axios, got and superagent carry `err.response.headers` as an object),
 * so the edit is a suggestion; where the code reads the error's headers itself, it states their
 * shape and the edit may be an autofix. Every case runs as TypeScript and as plain JavaScript.
 */

/** 429 waited for with a fixed delay; the status read through `err.response`. */
const WRAPPER_FIXED_DELAY = `
${SLEEP}
export async function withRetry(fn, retries = 3) {
  try {
    return await fn();
  } catch (err) {
    if (err.response?.status === 429 && retries > 0) {
      await sleep(1000);
      return withRetry(fn, retries - 1);
    }
    throw err;
  }
}`;

/** The code reads the error's headers itself (`.get(…)`): their shape is stated. */
const WRAPPER_READS_HEADERS = `
${SLEEP}
export async function withRetry(fn, retries = 3) {
  try {
    return await fn();
  } catch (err) {
    console.warn('request id', err.response?.headers.get('x-request-id'));
    if (err.response?.status === 503 && retries > 0) {
      await sleep(2000);
      return withRetry(fn, retries - 1);
    }
    throw err;
  }
}`;

/** The status is the error's own (`err.status`): where its headers are is not known. */
const WRAPPER_OWN_STATUS = `
${SLEEP}
export async function withRetry(fn, retries = 3) {
  for (let attempt = 0; attempt <= retries; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (err.status < 500 || attempt === retries) throw err;
      await sleep(500 * 2 ** attempt);
    }
  }
}`;

/** The status copy tested for presence first (\`status != null\`): the 503 still goes round. */
const WRAPPER_PRESENCE_TEST = `
${SLEEP}
export async function withRetry(fn, retries = 3) {
  try {
    return await fn();
  } catch (err) {
    const status = err.response?.status;
    if (retries > 0 && status != null && status >= 500) {
      await sleep(1000);
      return withRetry(fn, retries - 1);
    }
    throw err;
  }
}`;

/** No wait at all before the retry. */
const WRAPPER_NO_WAIT = `
export async function withRetry(fn, retries = 3) {
  try {
    return await fn();
  } catch (err) {
    if (err.response?.status === 429 && retries > 0) return withRetry(fn, retries - 1);
    throw err;
  }
}`;

/** A loop over a client imported from another module. */
const IMPORTED_CLIENT_LOOP = `
import { api } from './api';
${SLEEP}
export async function sendMessage(body) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await api.post('/messages', body);
    } catch (error) {
      if (error.response?.status === 429) {
        await sleep(2000 * (attempt + 1));
        continue;
      }
      throw error;
    }
  }
}`;

/** A client the instance holds; the status is the error's own, so where its headers are is not known. */
const INSTANCE_CLIENT_LOOP = `
${SLEEP}
export class Reports {
  async fetch(id, attempts = 3) {
    for (let attempt = 0; attempt < attempts; attempt++) {
      try {
        return await this.client.get(\`/reports/\${id}\`);
      } catch (err) {
        if (err.status !== 429 || attempt === attempts - 1) throw err;
        await sleep(1000);
      }
    }
  }
}`;

const TS = (code: string): string =>
  code
    .replace('const sleep = (ms)', 'const sleep = (ms: number)')
    .replace(
      'withRetry(fn, retries = 3)',
      'withRetry<T>(fn: () => Promise<T>, retries = 3): Promise<T | undefined>',
    )
    .replace('sendMessage(body)', 'sendMessage(body: unknown)')
    .replace('waitForReport(id)', 'waitForReport(id: string)')
    .replace(/catch \((err|error|e)\)/g, 'catch ($1: any)')
    .replace('fetch(id, attempts = 3)', 'fetch(id: string, attempts = 3)');

const invalidCases = (ts: boolean): Case[] => {
  const code = (text: string): string => (ts ? TS(text) : text);
  const guessed = "err.response?.headers['retry-after']";
  const guessedForError = "error.response?.headers['retry-after']";
  return [
    // guessed shape: suggestions only
    {
      code: code(WRAPPER_FIXED_DELAY),
      output: null,
      errors: [
        {
          messageId: 'ignoresWait',
          data: { statuses: '429' },
          line: 8,
          suggestions: [
            {
              messageId: 'useSecondsForm',
              output: code(WRAPPER_FIXED_DELAY).replace(
                'sleep(1000)',
                `sleep(Number(${guessed}) * 1000 || 1000)`,
              ),
            },
            {
              messageId: 'useFullForm',
              output: code(WRAPPER_FIXED_DELAY).replace(
                'sleep(1000)',
                `sleep(${FULL(guessed, '1000')})`,
              ),
            },
          ],
        },
      ],
    },
    // stated shape: an autofix
    {
      code: code(WRAPPER_READS_HEADERS),
      output: code(WRAPPER_READS_HEADERS).replace(
        'sleep(2000)',
        "sleep(Number(err.response?.headers.get('retry-after')) * 1000 || 2000)",
      ),
      errors: [
        {
          messageId: 'ignoresWait',
          data: { statuses: '503' },
          line: 9,
          suggestions: [
            {
              messageId: 'useFullForm',
              output: code(WRAPPER_READS_HEADERS).replace(
                'sleep(2000)',
                `sleep(${FULL("err.response?.headers.get('retry-after')", '2000')})`,
              ),
            },
          ],
        },
      ],
    },
    {
      code: code(WRAPPER_PRESENCE_TEST),
      output: null,
      errors: [
        {
          messageId: 'ignoresWait',
          data: { statuses: '503' },
          line: 9,
          suggestions: [
            {
              messageId: 'useSecondsForm',
              output: code(WRAPPER_PRESENCE_TEST).replace(
                'sleep(1000)',
                `sleep(Number(${guessed}) * 1000 || 1000)`,
              ),
            },
            {
              messageId: 'useFullForm',
              output: code(WRAPPER_PRESENCE_TEST).replace(
                'sleep(1000)',
                `sleep(${FULL(guessed, '1000')})`,
              ),
            },
          ],
        },
      ],
    },
    {
      code: code(WRAPPER_OWN_STATUS),
      output: null,
      errors: [{ messageId: 'ignoresWait', data: { statuses: '503' }, line: 9, suggestions: [] }],
    },
    {
      code: code(INSTANCE_CLIENT_LOOP),
      output: null,
      errors: [{ messageId: 'ignoresWait', data: { statuses: '429' }, line: 10, suggestions: [] }],
    },
    {
      code: code(WRAPPER_NO_WAIT),
      output: null,
      errors: [
        {
          messageId: 'noWait',
          line: 6,
          suggestions: [
            {
              messageId: 'addWait',
              output: code(WRAPPER_NO_WAIT).replace(
                'return withRetry(fn, retries - 1);',
                `{ ${ADDED_WAIT(guessed)} return withRetry(fn, retries - 1); }`,
              ),
            },
          ],
        },
      ],
    },
    {
      code: code(IMPORTED_CLIENT_LOOP),
      output: null,
      errors: [
        {
          messageId: 'ignoresWait',
          line: 10,
          suggestions: [
            {
              messageId: 'useSecondsForm',
              output: code(IMPORTED_CLIENT_LOOP).replace(
                'sleep(2000 * (attempt + 1))',
                `sleep(Number(${guessedForError}) * 1000 || 2000 * (attempt + 1))`,
              ),
            },
            {
              messageId: 'useFullForm',
              output: code(IMPORTED_CLIENT_LOOP).replace(
                'sleep(2000 * (attempt + 1))',
                `sleep(${FULL(guessedForError, '2000 * (attempt + 1)')})`,
              ),
            },
          ],
        },
      ],
    },
  ];
};

const VALID = [
  // the wait reads Retry-After
  `
${SLEEP}
export async function withRetry(fn, retries = 3) {
  try {
    return await fn();
  } catch (err) {
    if (err.response?.status === 429 && retries > 0) {
      await sleep(Number(err.response.headers['retry-after']) * 1000 || 1000);
      return withRetry(fn, retries - 1);
    }
    throw err;
  }
}`,
  // no status read in the catch: nothing shows an HTTP error
  `
${SLEEP}
export async function withRetry(fn, retries = 3) {
  try {
    return await fn();
  } catch (err) {
    if (retries <= 0) throw err;
    await sleep(1000);
    return withRetry(fn, retries - 1);
  }
}`,
  // only 500 and 502 are retried
  `
${SLEEP}
export async function withRetry(fn, retries = 3) {
  try {
    return await fn();
  } catch (err) {
    if ((err.status === 500 || err.status === 502) && retries > 0) {
      await sleep(1000);
      return withRetry(fn, retries - 1);
    }
    throw err;
  }
}`,
  // a predicate from another module decides which errors go round
  `
import { isRetryableError } from './errors';
${SLEEP}
export async function withRetry(fn, retries = 3) {
  try {
    return await fn();
  } catch (err) {
    if (!isRetryableError(err) || retries <= 0) throw err;
    if (err.status === 400) throw err;
    await sleep(1000);
    return withRetry(fn, retries - 1);
  }
}`,
  // a poll: the loop goes round after the work succeeds too
  `
import { api } from './api';
${SLEEP}
export async function waitForReport(id) {
  while (true) {
    try {
      const { data } = await api.get(\`/reports/\${id}\`);
      if (data.ready) return data;
    } catch (e) {
      if (e.response?.status !== 503) throw e;
    }
    await sleep(5000);
  }
}`,
  // a rate-limit error class rethrown to the caller, who waits
  `
import { RateLimitError } from './errors';
${SLEEP}
export async function withRetry(fn, retries = 3) {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof RateLimitError || retries <= 0) throw err;
    if (err.status >= 500) {
      await sleep(1000);
      return withRetry(fn, retries - 1);
    }
    throw err;
  }
}`,
];

ruleTester.run('require-retry-after: wrapped requests (TypeScript)', rule, {
  valid: VALID.map(TS),
  invalid: invalidCases(true),
});
jsRuleTester.run('require-retry-after: wrapped requests (JavaScript)', rule, {
  valid: VALID,
  invalid: invalidCases(false),
});

// In TypeScript the fix reads `err.response` only where the code itself does on the variable.
ruleTester.run('require-retry-after: wrapped requests, a cast error (TypeScript)', rule, {
  valid: [],
  invalid: [
    {
      code: `
import type { AxiosError } from 'axios';
${SLEEP.replace('(ms)', '(ms: number)')}
export async function withRetry<T>(fn: () => Promise<T>, retries = 3): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if ((err as AxiosError).response?.status === 429 && retries > 0) {
      await sleep(1000);
      return withRetry(fn, retries - 1);
    }
    throw err;
  }
}`,
      output: null,
      errors: [{ messageId: 'ignoresWait', line: 9, suggestions: [] }],
    },
  ],
});

describeFixedCode(invalidCases(true));
