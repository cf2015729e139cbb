/**
 * Trust (issue 17): shapes from application code, written from scratch. Autofixes that would
 * change what working code does become suggestions (each autofix here has a twin where it must);
 * filters the analysis cannot evaluate silence the report; 408, 425 and rate-limit handling are
 * not client-error retries. The JavaScript cases run with the TypeScript parser and with espree.
 */
import { jsRuleTester, rule, ruleTester } from './setup';

type Cases = Parameters<typeof ruleTester.run>[2];

const valid: Cases['valid'] = [
  // a local predicate, evaluated: it keeps 4xx out
  `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function isRetryableStatus(status) {
  return status === 429 || status >= 500;
}
export async function get(url) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await fetch(url);
    if (res.ok || !isRetryableStatus(res.status)) return res;
    await sleep(2 ** attempt * 100);
  }
}`,
  // a local predicate the analysis cannot read: not reported (a miss beats a false report)
  `import { RETRYABLE } from './config';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function isRetryableStatus(status) {
  if (RETRYABLE.has(status)) return true;
  return status >= 500;
}
export async function get(url) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await fetch(url);
    if (res.ok || !isRetryableStatus(res.status)) return res;
    await sleep(2 ** attempt * 100);
  }
}`,
  // a custom error class thrown for 4xx and rethrown in the catch
  `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
class ClientError extends Error {}
export async function get(url) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const res = await fetch(url);
      if (res.status >= 400 && res.status < 500) throw new ClientError(\`HTTP \${res.status}\`);
      if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
      return await res.json();
    } catch (e) {
      if (e instanceof ClientError) throw e;
      await sleep(1000);
    }
  }
}`,
  // the error class rethrown with another exit condition: `… || attempt === 2` exits whenever the guard holds
  `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
class ClientError extends Error {}
export async function get(url) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const res = await fetch(url);
      if (res.status >= 400 && res.status < 500) throw new ClientError(\`HTTP \${res.status}\`);
      if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
      return await res.json();
    } catch (e) {
      if (e instanceof ClientError || attempt === 2) throw e;
      await sleep(1000);
    }
  }
}`,
  // a retry predicate from another module named like an error guard (`isRetryableError`, not `isAxiosError`)
  `import axios from 'axios';
import { isRetryableError } from './errors';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export async function get(url, tries = 0) {
  try {
    return await axios.get(url);
  } catch (err) {
    if (!isRetryableError(err) || tries >= 3) throw err;
    if (err.response?.status === 401) throw err;
    await sleep(1000);
    return get(url, tries + 1);
  }
}`,
  // a message check: `msg.startsWith('HTTP 4')` rethrown
  `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export async function get(url) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const res = await fetch(url);
      if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
      return await res.json();
    } catch (e) {
      const msg = String(e.message);
      if (msg.startsWith('HTTP 4') && !msg.startsWith('HTTP 429')) throw e;
      await sleep(1000);
    }
  }
}`,
  // `err.code === 'ECONNRESET'` disjuncts: no status flows through them
  `import axios from 'axios';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export async function get(url) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return (await axios.get(url)).data;
    } catch (err) {
      if (err.code === 'ECONNRESET' || err.code === 'ETIMEDOUT' || err.response?.status >= 500) {
        await sleep(100);
        continue;
      }
      throw err;
    }
  }
}`,
  // cockatiel `handleWhen`: the `return true` only sees errors that are not HTTP errors
  `import { retry, handleWhen, ExponentialBackoff } from 'cockatiel';
import { HTTPError } from 'ky';
export const policy = retry(
  handleWhen((err) => {
    if (err instanceof HTTPError) return err.response.status >= 500;
    return true;
  }),
  { maxAttempts: 3, backoff: new ExponentialBackoff() },
);`,
  // a retry decided by the error body's wording (OAuth device flow `authorization_pending`)
  `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export async function token(url, body) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const res = await fetch(url, { method: 'POST', body });
    if (res.ok) return res.json();
    const error = await res.json();
    if (res.status === 400 && error.error === 'authorization_pending') {
      await sleep(5000);
      continue;
    }
    throw new Error(error.error);
  }
}`,
  // a caller-supplied status list whose default is safe
  `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export async function get(url, { retryOn = [429, 503] } = {}) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await fetch(url);
    if (retryOn.includes(res.status)) {
      await sleep(1000);
      continue;
    }
    return res;
  }
}`,
  // 408 and 425 are retryable by default (RFC 9110 §15.5.9, RFC 8470 §5.2)
  `import ky from 'ky';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export const api = ky.create({ retry: { limit: 2, statusCodes: [408, 425, 429, 500, 502, 503] } });
export async function get(url) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await fetch(url);
    if (res.status === 408 || res.status === 425 || res.status >= 500) {
      await sleep(1000);
      continue;
    }
    return res;
  }
}`,
  // rate-limit handling: the branch reads `Retry-After`, the condition an `x-ratelimit-*` header (GitHub answers 403)
  `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export async function github(url) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await fetch(url);
    if (res.status === 403) {
      const wait = Number(res.headers.get('retry-after') ?? 60);
      await sleep(wait * 1000);
      continue;
    }
    return res;
  }
}
export async function limited(url) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await fetch(url);
    const remaining = res.headers.get('x-ratelimit-remaining');
    if (res.status === 403 && remaining === '0') {
      await sleep(60000);
      continue;
    }
    return res;
  }
}`,
  // a poll that waits for a state change is not a retry: no report, so no rewrite that would parse 4xx bodies as data
  `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function waitForJob(url) {
  for (let i = 0; i < 10; i++) {
    const res = await fetch(url);
    if (!res.ok) continue;
    const job = await res.json();
    if (job.done) return job;
    await sleep(1000);
  }
}`,
  // TypeScript: a custom error class with a parameter property, rethrown
  `class ClientError extends Error {
  constructor(readonly status: number) {
    super(\`HTTP \${status}\`);
  }
}
export async function get<T>(url: string): Promise<T | undefined> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const res = await fetch(url);
      if (res.status >= 400 && res.status < 500) throw new ClientError(res.status);
      if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
      return (await res.json()) as T;
    } catch (e: unknown) {
      if (e instanceof ClientError) throw e;
      await new Promise<void>((resolve) => setTimeout(resolve, 1000));
    }
  }
  return undefined;
}`,
];
ruleTester.run('no-retry-on-client-error: trust (TypeScript parser)', rule, { valid, invalid: [] });
jsRuleTester.run('no-retry-on-client-error: trust (JavaScript)', rule, {
  valid: valid.slice(0, -1),
  invalid: [],
});
