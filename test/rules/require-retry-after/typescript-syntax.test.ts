import { delayCase, rule, ruleTester } from './setup';

ruleTester.run('require-retry-after: TypeScript syntax', rule, {
  valid: [
    `
declare function sleep(ms: number): Promise<void>;
type Res = Awaited<ReturnType<typeof fetch>>;
async function load(url: string): Promise<Res> {
  for (let i = 0; i < 3; i++) {
    const res = (await fetch(url)) satisfies Res;
    if (res.status === 429) {
      await sleep((Number(res.headers.get('retry-after')!) as number) * 1000);
      continue;
    }
    return res;
  }
  throw new Error('gave up');
}`,
  ],
  invalid: [
    delayCase(
      `
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
async function load(url: string) {
  for (let i = 0; i < 3; i++) {
    const res = (await fetch(url))!;
    if ((res.status as number) === 429) {
      await sleep(⟦1000 as number⟧);
      continue;
    }
    return res;
  }
}`,
      "res.headers.get('retry-after')",
      { fallback: '(1000 as number)' },
    ),
    // fetch-retry: a typed local delay function that only reads the status.
    {
      code: `import fetchRetry from 'fetch-retry';
function backoff(attempt: number, error: Error | null, response: Response | null) {
  return response?.status === 429 ? 10000 : 1000 * attempt;
}
const f = fetchRetry(fetch, { retryOn: [429], retryDelay: backoff });`,
      output: `import fetchRetry from 'fetch-retry';
function backoff(attempt: number, error: Error | null, response: Response | null) {
  return response?.status === 429 ? 10000 : 1000 * attempt;
}
const f = fetchRetry(fetch, { retryOn: [429], retryDelay: (attempt, error, response) => Number(response?.headers.get('retry-after')) * 1000 || backoff(attempt, error, response) });`,
      errors: [{ messageId: 'libraryDelay' }],
    },
  ],
});
