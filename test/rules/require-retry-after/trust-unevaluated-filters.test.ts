import type { Case } from './setup';
import { delayCase, jsRuleTester, rule, ruleTester, SLEEP } from './setup';

/**
 * Filters the analysis does not evaluate (issue 17): a predicate defined elsewhere, a custom error
 * class rethrown, a message check, a caller-supplied list, the body's wording, cockatiel's
 * `handleWhen`. They may keep 429 and 503 away from the wait, so the rule is silent, as
 * `no-retry-on-client-error` is; the same retries without the filter (or with one the analysis
 * evaluates) are still reported. Every case runs as TypeScript and as plain JavaScript (espree).
 */

const loop = (ts: boolean, check: string, before = '', param = '') => `
${SLEEP}
${before}
export async function get(url${ts ? ': string' : ''}${param}) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await fetch(url);
    ${check}
    await sleep(1000);
  }
}`;

const catchLoop = (ts: boolean, thrown: string, filter: string, before = '') => `
${SLEEP}
${before}
export async function get(url${ts ? ': string' : ''}) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const res = await fetch(url);
      ${thrown}
      if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
      return await res.json();
    } catch (e${ts ? ': unknown' : ''}) {
      ${filter}
      await sleep(1000);
    }
  }
}`;

const valid = (ts: boolean): string[] => [
  // a local predicate the analysis cannot read (its list comes from another module)
  loop(
    ts,
    'if (res.ok || !isRetryableStatus(res.status)) return res;',
    `import { RETRYABLE } from './config';
function isRetryableStatus(status${ts ? ': number' : ''})${ts ? ': boolean' : ''} {
  if (RETRYABLE.has(status)) return true;
  return status >= 500;
}`,
  ),
  // a predicate imported from elsewhere
  loop(
    ts,
    'if (res.ok || !isRetryableStatus(res.status)) return res;',
    `import { isRetryableStatus } from './http';`,
  ),
  // a custom error class thrown for 429 and 503 and rethrown in the catch
  catchLoop(
    ts,
    'if (res.status === 429 || res.status === 503) throw new RateLimitError(`HTTP ${res.status}`);',
    'if (e instanceof RateLimitError) throw e;',
    'class RateLimitError extends Error {}',
  ),
  // a check of the error's message
  catchLoop(
    ts,
    '',
    `const msg = String((e as ${ts ? 'Error' : 'any'}).message);
      if (!msg.startsWith('HTTP 5')) throw e;`.replace(ts ? '' : ' as any', ''),
  ),
  // a list the caller gives, whose default leaves out 429 and 503
  loop(
    ts,
    'if (res.ok || !retryOn.includes(res.status)) return res;',
    '',
    `, retryOn${ts ? ': number[]' : ''} = [500, 502, 504]`,
  ),
  // a retry decided by the error body's wording
  loop(
    ts,
    `if (res.ok) return res.json();
    const body = await res.text();
    if (!body.includes('temporarily unavailable')) throw new Error(body);`,
  ),
  // cockatiel: handleWhen sees only errors without a status
  `import { retry, handleWhen, ExponentialBackoff } from 'cockatiel';
const policy = retry(handleWhen((err${ts ? ': any' : ''}) => err.code === 'ECONNRESET'), { maxAttempts: 3, backoff: new ExponentialBackoff() });
export const get = (url${ts ? ': string' : ''}) =>
  policy.execute(async () => {
    const res = await fetch(url);
    if (!res.ok) throw new Error(String(res.status));
    return res.json();
  });`,
  // fetch-retry: a retryOn predicate imported from elsewhere, with a fixed retryDelay
  `import fetchRetry from 'fetch-retry';
import { isRetryable } from './policy';
const fetchWithRetry = fetchRetry(fetch);
export const get = (url${ts ? ': string' : ''}) =>
  fetchWithRetry(url, { retries: 3, retryDelay: 1000, retryOn: (attempt${ts ? ': number' : ''}, error${ts ? ': Error | null' : ''}, response${ts ? ': Response | null' : ''}) => attempt < 3 && isRetryable(response) });`,
];

const invalid = (ts: boolean): Case[] => [
  // the same loop with a local predicate the analysis evaluates: 429 and 503 reach the wait
  delayCase(
    loop(
      ts,
      'if (res.ok || !isRetryableStatus(res.status)) return res;',
      `function isRetryableStatus(status${ts ? ': number' : ''})${ts ? ': boolean' : ''} {
  return status === 429 || status >= 500;
}`,
    ).replace('sleep(1000)', 'sleep(⟦1000⟧)'),
    "res.headers.get('retry-after')",
    { statuses: '429 or 503' },
  ),
  // a caller's list written in the call: nothing left to the caller
  delayCase(
    loop(ts, 'if (res.ok || ![429, 503].includes(res.status)) return res;').replace(
      'sleep(1000)',
      'sleep(⟦1000⟧)',
    ),
    "res.headers.get('retry-after')",
    { statuses: '429 or 503' },
  ),
  // the catch without the rethrow: every error waits its own second (the response is out of
  // scope in the catch, so nothing to read the header from: no fix)
  {
    code: catchLoop(ts, '', ''),
    output: null,
    errors: [{ messageId: 'ignoresWait', data: { statuses: '429 or 503' }, line: 13 }],
  },
  // cockatiel's handleAll retries every error, 429 and 503 included
  {
    code: `import { retry, handleAll, ExponentialBackoff } from 'cockatiel';
const policy = retry(handleAll, { maxAttempts: 3, backoff: new ExponentialBackoff() });
export const get = (url${ts ? ': string' : ''}) =>
  policy.execute(async () => {
    const res = await fetch(url);
    if (!res.ok) throw new Error(String(res.status));
    return res.json();
  });`,
    errors: [
      { messageId: 'libraryCallback', data: { library: 'cockatiel', statuses: '429 or 503' } },
    ],
  },
];

ruleTester.run('require-retry-after: unevaluated filters (TypeScript)', rule, {
  valid: valid(true),
  invalid: invalid(true),
});
jsRuleTester.run('require-retry-after: unevaluated filters (JavaScript)', rule, {
  valid: valid(false),
  invalid: invalid(false),
});
