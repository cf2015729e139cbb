/**
 * False reports of valid-retry-after found by the bench's review of real code (issue 23).
 */
import ruleModule from '../../src/rules/valid-retry-after';
import { createJavaScriptRuleTester, createRuleTester } from '../rule-tester';

const rule = ruleModule as never;
const ts = createRuleTester();
const js = createJavaScriptRuleTester();

// undici/lib/handler/retry-handler.js:283: one variable holds the raw header, then its number,
// then milliseconds (`* 1e3`, with a date branch). The wait reads the converted value: the
// `* 1000` autofix made it wait a thousand times too long.
const reassigned = `async function retry(url, cb, minTimeout, maxTimeout) {
  const res = await fetch(url);
  let retryAfterHeader = res.headers.get('retry-after');
  if (retryAfterHeader) {
    retryAfterHeader = Number(retryAfterHeader);
    retryAfterHeader = Number.isNaN(retryAfterHeader)
      ? calculateRetryAfterHeader(res.headers.get('retry-after'))
      : retryAfterHeader * 1e3;
  }
  const retryTimeout =
    retryAfterHeader > 0 ? Math.min(retryAfterHeader, maxTimeout) : minTimeout;
  setTimeout(() => cb(null), retryTimeout);
}`;

const valid = [reassigned];

ts.run('valid-retry-after: regressions from real code', rule, { valid, invalid: [] });
js.run('valid-retry-after: regressions from real code (JavaScript)', rule, { valid, invalid: [] });
