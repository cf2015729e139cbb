import type { FixedCase } from '../fix-outputs';
import { describeFixOutputs } from '../fix-outputs';
import { jsRuleTester, pinned, rule, ruleTester } from './setup';

// Functions the code names as retry predicates (`shouldRetry`, `isRetryable`).
const invalid = pinned([
  // ---- predicates the code names as such
  {
    code: `function shouldRetry(error) {
  return error.response?.status >= 500 || error.response?.status === 404;
}`,
    output: `function shouldRetry(error) {
  return error.response?.status >= 500;
}`,
    errors: [
      { messageId: 'retriesClientError', data: { statuses: '404', retryable: '429 and 5xx' } },
    ],
  },
  {
    code: `const isRetryable = (status) => status >= 400;`,
    output: `const isRetryable = (status) => status === 429 || status >= 500;`,
    errors: [{ messageId: 'retriesClientError' }],
  },
  {
    code: `const RETRYABLE = [408, 429, 500, 502, 503];
export function isRetryableStatus(status) {
  return RETRYABLE.includes(status);
}`,
    output: `const RETRYABLE = [408, 429, 500, 502, 503];
export function isRetryableStatus(status) {
  return status === 429 || status === 500 || status === 502 || status === 503;
}`,
    errors: [
      { messageId: 'retriesClientError', data: { statuses: '408', retryable: '429 and 5xx' } },
    ],
  },
  {
    code: `const policy = {
  shouldRetry(response) {
    if (response.status >= 400) return true;
    return false;
  },
};`,
    output: `const policy = {
  shouldRetry(response) {
    if (response.status === 429 || response.status >= 500) return true;
    return false;
  },
};`,
    errors: [{ messageId: 'retriesClientError' }],
  },
]);

const cases: Parameters<typeof ruleTester.run>[2] = {
  valid: [
    // ---- predicates that exclude 4xx
    `function shouldRetry(error) { return !error.response || error.response.status >= 500 || error.response.status === 429; }`,
    `const isRetryable = (status) => status === 429 || status >= 500;`,
    `const RETRYABLE = new Set([429, 502, 503]); function isRetryableStatus(status) { return RETRYABLE.has(status); }`,
    `function shouldRefetch(res) { return res.status >= 400; }`,
  ],
  invalid,
};
ruleTester.run('no-retry-on-client-error: predicates (TypeScript parser)', rule, cases);
jsRuleTester.run('no-retry-on-client-error: predicates (JavaScript)', rule, cases);

describeFixOutputs('no-retry-on-client-error', invalid as FixedCase[]);
