/**
 * Retries of a request the file does not show (issue 17): a wrapper around work passed in
 * (`withRetry(fn)`, recursive or in a loop) and a loop over a client imported or passed in
 * (`api.post(…)`). The `catch`'s read of the error's status is the evidence that the work is an
 * HTTP request; without one, or behind a filter the analysis cannot evaluate, nothing is reported.
 * Every case runs as TypeScript and as plain JavaScript (espree).
 */
import type { FixedCase } from '../fix-outputs';
import { describeFixOutputs } from '../fix-outputs';
import { jsRuleTester, rule, ruleTester, SLEEP } from './setup';

type Cases = Parameters<typeof ruleTester.run>[2];

const RETRYABLE = '408, 425, 429 and 5xx';

/** Recursion: 404 is retried with 5xx; the branch only waits and retries, then `throw err`. */
const RECURSIVE_WRAPPER = `${SLEEP}export async function withRetry(fn, retries = 3) {
  try {
    return await fn();
  } catch (err) {
    if (retries > 0 && (err.response?.status === 404 || err.response?.status >= 500)) {
      await sleep(1000);
      return withRetry(fn, retries - 1);
    }
    throw err;
  }
}`;

/** The same, but the branch also logs: the rewrite changes more than the statuses it retries. */
const RECURSIVE_WRAPPER_LOGGING = `${SLEEP}export async function withRetry(fn, retries = 3) {
  try {
    return await fn();
  } catch (err) {
    if (retries > 0 && (err.response?.status === 404 || err.response?.status >= 500)) {
      console.warn('retrying after', err.response?.status);
      await sleep(1000);
      return withRetry(fn, retries - 1);
    }
    throw err;
  }
}`;

/** The loop form: only 401 is rethrown, every other error is retried. */
const LOOP_WRAPPER = `${SLEEP}export async function retry(fn, attempts = 3) {
  let lastError;
  for (let i = 0; i < attempts; i++) {
    try {
      return await fn();
    } catch (err) {
      if (err.status === 401) throw err;
      lastError = err;
      await sleep(250 * 2 ** i);
    }
  }
  throw lastError;
}`;

/** A loop over a client imported from another module: 409 goes round with 429. */
const IMPORTED_CLIENT_LOOP = `import { api } from './api';
${SLEEP}export async function createOrder(body) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const { data } = await api.post('/orders', body);
      return data;
    } catch (error) {
      if (error.response?.status === 429 || error.response?.status === 409) {
        await sleep(2000);
        continue;
      }
      throw error;
    }
  }
}`;

/** Recursion over a client passed in, status copied out of the error. */
const CLIENT_PARAMETER_RECURSION = `${SLEEP}export async function loadProfile(client, id, tries = 0) {
  try {
    return await client.get(\`/profiles/\${id}\`);
  } catch (e) {
    const status = e.statusCode;
    if (status !== 400 && tries < 3) {
      await sleep(500);
      return loadProfile(client, id, tries + 1);
    }
    throw e;
  }
}`;

/** A client the instance holds: a loop, and a recursion through the method, retry 404 with 5xx. */
const INSTANCE_CLIENT_LOOP = `${SLEEP}export class Orders {
  constructor(client) {
    this.client = client;
  }
  async create(body) {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        return await this.client.post('/orders', body);
      } catch (error) {
        if (error.response?.status === 404 || error.response?.status >= 500) {
          await sleep(1000);
          continue;
        }
        throw error;
      }
    }
  }
}`;
const INSTANCE_CLIENT_RECURSION = `${SLEEP}export class Profiles {
  #http;
  constructor(http) {
    this.#http = http;
  }
  async load(id, tries = 0) {
    try {
      return await this.#http.get(\`/profiles/\${id}\`);
    } catch (e) {
      if (tries < 3 && (e.status === 403 || e.status === 503)) {
        await sleep(500);
        return this.load(id, tries + 1);
      }
      throw e;
    }
  }
}`;

const TS = (code: string): string =>
  code
    .replace('const sleep = (ms)', 'const sleep = (ms: number)')
    .replace(
      'withRetry(fn, retries = 3)',
      'withRetry<T>(fn: () => Promise<T>, retries = 3): Promise<T>',
    )
    .replace('retry(fn, attempts = 3)', 'retry<T>(fn: () => Promise<T>, attempts = 3)')
    .replace('let lastError;', 'let lastError: unknown;')
    .replace('createOrder(body)', 'createOrder(body: unknown)')
    .replace(/function (waitForExport|pollJob)\(id\)/g, 'function $1(id: string)')
    .replace(
      'loadProfile(client, id, tries = 0)',
      'loadProfile(client: { get(url: string): Promise<unknown> }, id: string, tries = 0): Promise<unknown>',
    )
    .replace(/catch \((err|error|e)\)/g, 'catch ($1: any)')
    .replace('export class Orders {\n', 'export class Orders {\n  client: any;\n')
    .replace('constructor(client)', 'constructor(client: any)')
    .replace('create(body)', 'create(body: unknown)')
    .replace('  #http;', '  #http: any;')
    .replace('constructor(http)', 'constructor(http: any)')
    .replace('load(id, tries = 0)', 'load(id: string, tries = 0): Promise<unknown>');

const invalidCases = (ts: boolean): Cases['invalid'] => {
  const code = (text: string): string => (ts ? TS(text) : text);
  return [
    // autofix: the branch only retries, and 404 then takes the `throw err` after it
    {
      code: code(RECURSIVE_WRAPPER),
      output: code(RECURSIVE_WRAPPER).replace(
        'err.response?.status === 404 || err.response?.status >= 500',
        'err.response?.status >= 500',
      ),
      errors: [
        {
          messageId: 'retriesClientError',
          data: { statuses: '404', retryable: RETRYABLE },
          line: 6,
        },
      ],
    },
    {
      code: code(RECURSIVE_WRAPPER_LOGGING),
      output: null,
      errors: [
        {
          messageId: 'retriesClientError',
          line: 6,
          suggestions: [
            {
              messageId: 'suggestRetryOnly',
              output: code(RECURSIVE_WRAPPER_LOGGING).replace(
                'err.response?.status === 404 || err.response?.status >= 500',
                'err.response?.status >= 500',
              ),
            },
            {
              messageId: 'suggestRethrow',
              output: code(RECURSIVE_WRAPPER_LOGGING).replace(
                '    if (retries > 0',
                '    if (err.response?.status >= 400 && err.response?.status < 500 && err.response?.status !== 408 && err.response?.status !== 425 && err.response?.status !== 429) throw err;\n    if (retries > 0',
              ),
            },
          ],
        },
      ],
    },
    {
      code: code(LOOP_WRAPPER),
      output: null,
      errors: [
        {
          messageId: 'retriesClientError',
          line: 8,
          suggestions: [
            {
              messageId: 'suggestRethrow',
              output: code(LOOP_WRAPPER).replace(
                '      if (err.status === 401) throw err;',
                '      if (err.status >= 400 && err.status < 500 && err.status !== 408 && err.status !== 425 && err.status !== 429) throw err;\n      if (err.status === 401) throw err;',
              ),
            },
          ],
        },
      ],
    },
    {
      code: code(IMPORTED_CLIENT_LOOP),
      output: code(IMPORTED_CLIENT_LOOP).replace(
        'error.response?.status === 429 || error.response?.status === 409',
        'error.response?.status === 429',
      ),
      errors: [
        {
          messageId: 'retriesClientError',
          data: { statuses: '409', retryable: RETRYABLE },
          line: 9,
        },
      ],
    },
    {
      code: code(INSTANCE_CLIENT_LOOP),
      output: code(INSTANCE_CLIENT_LOOP).replace(
        'error.response?.status === 404 || error.response?.status >= 500',
        'error.response?.status >= 500',
      ),
      errors: [
        {
          messageId: 'retriesClientError',
          data: { statuses: '404', retryable: RETRYABLE },
          line: ts ? 12 : 11, // TypeScript declares the field
        },
      ],
    },
    {
      code: code(INSTANCE_CLIENT_RECURSION),
      output: code(INSTANCE_CLIENT_RECURSION).replace(
        'e.status === 403 || e.status === 503',
        'e.status === 503',
      ),
      errors: [
        {
          messageId: 'retriesClientError',
          data: { statuses: '403', retryable: RETRYABLE },
          line: 11,
        },
      ],
    },
    {
      code: code(CLIENT_PARAMETER_RECURSION),
      output: null,
      errors: [
        {
          messageId: 'retriesClientError',
          line: 7,
          suggestions: [
            {
              messageId: 'suggestRethrow',
              output: code(CLIENT_PARAMETER_RECURSION).replace(
                '    const status = e.statusCode;',
                '    const status = e.statusCode;\n    if (status >= 400 && status < 500 && status !== 408 && status !== 425 && status !== 429) throw e;',
              ),
            },
          ],
        },
      ],
    },
  ];
};

const VALID = [
  // no status read in the catch: nothing shows the work is an HTTP request
  `${SLEEP}export async function withRetry(fn, retries = 3) {
  try {
    return await fn();
  } catch (err) {
    if (retries <= 0) throw err;
    console.warn(err.message);
    await sleep(1000);
    return withRetry(fn, retries - 1);
  }
}`,
  // the catch only retries 5xx
  `${SLEEP}export async function withRetry(fn, retries = 3) {
  try {
    return await fn();
  } catch (err) {
    if (retries > 0 && err.status >= 500) {
      await sleep(1000);
      return withRetry(fn, retries - 1);
    }
    throw err;
  }
}`,
  // the wrapper rethrows the 4xx it must not retry
  `${SLEEP}export async function retry(fn, attempts = 3) {
  for (let i = 0; i < attempts; i++) {
    try {
      return await fn();
    } catch (err) {
      const status = err.response?.status;
      if (status >= 400 && status < 500 && status !== 429) throw err;
      if (i === attempts - 1) throw err;
      await sleep(250 * 2 ** i);
    }
  }
}`,
  // a custom error class rethrown: the analysis does not know which statuses it carries
  `import { ClientError } from './errors';
${SLEEP}export async function withRetry(fn, retries = 3) {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof ClientError || retries <= 0) throw err;
    if (err.status === 401) throw err;
    await sleep(1000);
    return withRetry(fn, retries - 1);
  }
}`,
  // a predicate from another module decides
  `import { isRetryableError } from './errors';
${SLEEP}export async function withRetry(fn, retries = 3) {
  try {
    return await fn();
  } catch (err) {
    if (!isRetryableError(err) || retries <= 0) throw err;
    if (err.status === 401) throw err;
    await sleep(1000);
    return withRetry(fn, retries - 1);
  }
}`,
  // a message check
  `${SLEEP}export async function withRetry(fn, retries = 3) {
  try {
    return await fn();
  } catch (err) {
    if (String(err.message).startsWith('HTTP 4') || err.status === 401) throw err;
    await sleep(1000);
    return withRetry(fn, retries - 1);
  }
}`,
  // the work is not awaited in the try: its rejection never reaches the catch
  `${SLEEP}export async function withRetry(fn, retries = 3) {
  try {
    return fn();
  } catch (err) {
    if (err.status === 401) throw err;
    await sleep(1000);
    return withRetry(fn, retries - 1);
  }
}`,
  // another function each time: not the same work
  `${SLEEP}export async function tryAll(fns, i = 0) {
  try {
    return await fns[i]();
  } catch (err) {
    if (err.status === 401) throw err;
    return tryAll(fns, i + 1);
  }
}`,
  // polls: the loop (or the function) goes round after the work succeeds, so going round after an error is part of the poll
  `import { api } from './api';
${SLEEP}export async function waitForExport(id) {
  for (let i = 0; i < 60; i++) {
    try {
      const { data } = await api.get(\`/exports/\${id}\`);
      if (data.status === 'done') return data.url;
    } catch (e) {
      if (e.response?.status === 404) return null;
    }
    await sleep(2000);
  }
}
export async function pollJob(id) {
  try {
    const { data } = await api.get(\`/jobs/\${id}\`);
    if (data.state !== 'finished') {
      await sleep(1000);
      return pollJob(id);
    }
    return data;
  } catch (e) {
    if (e.response?.status === 404) throw e;
    await sleep(1000);
    return pollJob(id);
  }
}`,
  // a client the file creates from something it does not know, and a call that is no request method
  `import { makeClient } from './client';
import { cache } from './cache';
${SLEEP}export async function load(id) {
  const client = makeClient();
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await cache.warm(id);
      return await client.get(\`/items/\${id}\`);
    } catch (error) {
      if (error.response?.status === 404) {
        await sleep(1000);
        continue;
      }
      throw error;
    }
  }
}`,
  // a member of the instance that is no client: its rejection carries no status read
  `${SLEEP}export class Store {
  async warm(id) {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        return await this.cache.get(id);
      } catch (error) {
        if (attempt === 2) throw error;
        await sleep(100);
      }
    }
  }
}`,
  // the instance's client, but the catch rethrows every 4xx but 429
  `${SLEEP}export class Orders {
  async create(body) {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        return await this.client.post('/orders', body);
      } catch (error) {
        const status = error.response?.status;
        if (status >= 400 && status < 500 && status !== 429) throw error;
        await sleep(1000);
      }
    }
  }
}`,
];

ruleTester.run('no-retry-on-client-error: wrapped requests (TypeScript)', rule, {
  valid: VALID.map(TS),
  invalid: invalidCases(true),
});
jsRuleTester.run('no-retry-on-client-error: wrapped requests (JavaScript)', rule, {
  valid: VALID,
  invalid: invalidCases(false),
});

describeFixOutputs('no-retry-on-client-error', invalidCases(true) as readonly FixedCase[]);
