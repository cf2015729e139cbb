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
    // hono/dist/utils/jwt/jwt.js:97 (and dist/cjs/…:98): a JWKS document fetched with the caller's
    // RequestInit. The function picks the URL (a property of its own options); the init passed
    // through with it carries headers or a signal, and is no evidence of a DELETE.
    name: 'a document at a URL the function picks, fetched with an init passed through from the caller',
    code: `export async function loadKeySet(settings, requestInit) {
  const res = await fetch(settings.keySetUrl, requestInit);
  if (!res.ok) throw new Error('cannot load the key set');
  const body = await res.json();
  return body.keys;
}`,
  },
  {
    name: 'the same with a constant endpoint and a spread of the forwarded init',
    code: `const KEYS_URL = 'https://id.example.com/.well-known/jwks.json';
export const keys = async (init) => {
  const res = await fetch(KEYS_URL, { ...init, headers: { accept: 'application/json' } });
  return (await res.json()).keys;
};`,
  },
  {
    // @backstage/backend-defaults/dist/entrypoints/urlReader/lib/AzureUrlReader.cjs.js:110: a GET
    // whose init spreads \`signal && { signal }\`; the caller's signal is no method.
    name: "an init that spreads the caller's abort signal only when there is one",
    code: `export class Reader {
  async readCommits(url, options) {
    const { signal } = options ?? {};
    const res = await fetch(commitsUrl(url), { headers: { accept: 'application/json' }, ...(signal && { signal }) });
    if (!res.ok) throw new Error('cannot read ' + url);
    return (await res.json()).value[0].commitId;
  }
}`,
  },
];

/** TypeScript only: a typed init, and a class that fetches its own configured endpoint. */
const tsCases = [
  `export async function fetchKeySet(config: { jwksUri: string }, init?: RequestInit): Promise<unknown[]> {
  const response = await fetch(config.jwksUri, init);
  if (!response.ok) throw new Error(\`JWKS: \${response.status}\`);
  const data = (await response.json()) as { keys: unknown[] };
  return data.keys;
}`,
  `export async function latest(url: string, options?: { signal?: AbortSignal }): Promise<string> {
  const res = await fetch(\`\${url}/commits\`, { ...(options?.signal && { signal: options.signal }) });
  const body = (await res.json()) as { value: Array<{ commitId: string }> };
  return body.value[0]!.commitId;
}`,
  `export class Discovery {
  constructor(private readonly issuer: string) {}
  async document(init?: RequestInit): Promise<unknown> {
    const res = await fetch(\`\${this.issuer}/.well-known/openid-configuration\`, init);
    return res.json();
  }
}`,
];

/** Still reported: a call in the file sends DELETE through the helper, whoever else calls it. */
const stillReported = [
  {
    code: `export async function loadKeySet(settings, requestInit) {
  const res = await fetch(settings.keySetUrl, requestInit);
  return res.json();
}
export const revoke = (settings) => loadKeySet(settings, { method: 'DELETE' });`,
    output: `export async function loadKeySet(settings, requestInit) {
  const res = await fetch(settings.keySetUrl, requestInit);
  return res.status === 204 ? null : res.json();
}
export const revoke = (settings) => loadKeySet(settings, { method: 'DELETE' });`,
    errors: [
      {
        messageId: 'methodFromCaller' as const,
        data: { method: 'DELETE', line: '5', parse: '.json()' },
      },
    ],
  },
  {
    // the helper takes the whole request (URL and init) from callers out of sight
    code: `export async function call(path, init) {
  const res = await fetch('/api' + path, init);
  return res.json();
}`,
    output: `export async function call(path, init) {
  const res = await fetch('/api' + path, init);
  return res.status === 204 ? null : res.json();
}`,
    errors: [{ messageId: 'dynamic' as const }],
  },
  {
    // a spread that may carry the caller's method
    code: `export async function call(path, options) {
  const res = await fetch(path, { ...(options && options.init) });
  return res.json();
}`,
    output: `export async function call(path, options) {
  const res = await fetch(path, { ...(options && options.init) });
  return res.status === 204 ? null : res.json();
}`,
    errors: [{ messageId: 'dynamic' as const }],
  },
];

ruleTester.run('no-json-on-no-content: regressions from the real-world corpus', rule, {
  valid: [...cases, ...tsCases],
  invalid: stillReported,
});
jsRuleTester.run(
  'no-json-on-no-content: regressions from the real-world corpus (JavaScript)',
  rule,
  { valid: cases, invalid: stillReported },
);
