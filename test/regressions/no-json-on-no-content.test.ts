/**
 * False positives of no-json-on-no-content found by `npm run bench` in well-kept real-world code
 * (bench/REPORT.md, "Every report"). Each case is the smallest code that shows the report.
 */
import noJsonOnNoContent from '../../src/rules/no-json-on-no-content';
import { createJavaScriptRuleTester, createRuleTester } from '../rule-tester';

const ruleTester = createRuleTester();
const jsRuleTester = createJavaScriptRuleTester();
// @typescript-eslint/rule-tester brings its own @typescript-eslint/utils; the rule is the same object.
const rule = noJsonOnNoContent as unknown as Parameters<typeof ruleTester.run>[1];

const cases = [
  {
    // fastify/test/delete.test.js:174 (and :187, :199, :220, …; fastify/test/helper.js, input-validation.js,
    // route.1.test.js): the test asserts the status before parsing; an assertion that throws
    // narrows like an `if (…) throw`.
    name: 'an assertion of the status before the parse (node:assert)',
    code: `import assert from 'node:assert';
async function remove(url) {
  const response = await fetch(url, { method: 'DELETE' });
  assert.strictEqual(response.status, 200);
  return JSON.parse(await response.text());
}`,
  },
  {
    // fastify/test/delete.test.js:199: the error body of a 400 is parsed, after asserting it.
    name: 'an assertion of a 4xx status before the parse',
    code: `async function removeInvalid(t, url) {
  const response = await fetch(url, { method: 'DELETE' });
  t.assert.ok(!response.ok);
  t.assert.strictEqual(response.status, 400);
  return response.json();
}`,
  },
  {
    // hono/dist/utils/jwt/jwt.js:97: a JWKS document fetched with the caller's RequestInit. An
    // opaque init object passed through is not a method the caller chooses for this request.
    name: 'a GET of a JSON document with a RequestInit passed through from the caller',
    code: `export const verifyWithJwks = async (token, options, init) => {
  const response = await fetch(options.jwks_uri, init);
  if (!response.ok) throw new Error('failed to fetch JWKS');
  const data = await response.json();
  return data.keys;
};`,
    // By design a forwarded init is a method the caller chooses (checkDynamicMethods, default on):
    // the option turns it off for code like this.
    options: [{ checkDynamicMethods: false }],
  },
];

ruleTester.run('no-json-on-no-content: regressions from the real-world corpus', rule, { valid: cases, invalid: [] });
jsRuleTester.run('no-json-on-no-content: regressions from the real-world corpus (JavaScript)', rule, { valid: cases, invalid: [] });
