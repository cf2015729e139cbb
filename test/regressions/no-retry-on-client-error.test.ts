/**
 * False positives of no-retry-on-client-error found by `npm run bench` in well-kept real-world
 * code (bench/REPORT.md, "Every report"). Each case is the smallest code that shows the report.
 */
import noRetryOnClientError from '../../src/rules/no-retry-on-client-error';
import { createJavaScriptRuleTester, createRuleTester } from '../rule-tester';

const ruleTester = createRuleTester();
const jsRuleTester = createJavaScriptRuleTester();
// @typescript-eslint/rule-tester brings its own @typescript-eslint/utils; the rule is the same object.
const rule = noRetryOnClientError as unknown as Parameters<typeof ruleTester.run>[1];

const cases = [
  {
    // openai/src/client.ts:1044 and @anthropic-ai/sdk/src/client.ts:1984 (and their .js/.mjs
    // builds): 408 Request Timeout is retryable (RFC 9110 15.5.9: the client may repeat the
    // request); ky, got, ofetch and the OpenAI SDK retry it by default.
    name: 'a retry predicate that retries 408 Request Timeout',
    code: `class Client {
  async shouldRetry(response) {
    if (response.status === 408) return true;
    if (response.status === 429) return true;
    if (response.status >= 500) return true;
    return false;
  }
}`,
    // 408 is retryable by default (`retryable: [408, 425, 429]`).
  },
  {
    // @anthropic-ai/sdk/src/client.ts:1966: on a 401 the SDK invalidates its cached token and
    // retries once: the retried request carries a new token, a refresh, not a blind retry.
    name: 'a retry of 401 after invalidating the cached token (refresh)',
    code: `class Client {
  async shouldRetry(response, options) {
    const flags = this.authFlags(options);
    if (response.status === 401 && this.tokenCache && !flags.didRefreshFor401) {
      flags.didRefreshFor401 = true;
      this.tokenCache.invalidate();
      return true;
    }
    if (response.status === 429) return true;
    return response.status >= 500;
  }
}`,
    // Not reported on main (since the analysis treats a call before a 401 retry as a refresh): a guard.
  },
];

ruleTester.run('no-retry-on-client-error: regressions from the real-world corpus', rule, {
  valid: cases,
  invalid: [],
});
jsRuleTester.run(
  'no-retry-on-client-error: regressions from the real-world corpus (JavaScript)',
  rule,
  { valid: cases, invalid: [] },
);
