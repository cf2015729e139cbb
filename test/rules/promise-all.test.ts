// Responses awaited together: `const [a, b] = await Promise.all([fetch(…), fetch(…)])` binds
// response i to element i of the pattern.
import noJsonOnNoContent from '../../src/rules/no-json-on-no-content';
import { createJavaScriptRuleTester, createRuleTester } from '../rule-tester';

const ruleTester = createRuleTester();
const jsRuleTester = createJavaScriptRuleTester();
// @typescript-eslint/rule-tester brings its own @typescript-eslint/utils; the rule is the same object.
const rule = noJsonOnNoContent as unknown as Parameters<typeof ruleTester.run>[1];

const valid = [
  // 204 excluded.
  `async function f() { const [res] = await Promise.all([fetch('/x', { method: 'DELETE' })]); if (res.status === 204) return null; return res.json(); }`,
  // Each element is its own response: the GET is parsed, the DELETE is not.
  `async function f() { const [list, removed] = await Promise.all([fetch('/a'), fetch('/x', { method: 'DELETE' })]); return [await list.json(), removed.ok]; }`,
  // A spread before the request: its index is not known.
  `async function f(more) { const [a, b] = await Promise.all([...more, fetch('/x', { method: 'DELETE' })]); return b.json(); }`,
  // Not Promise.all: allSettled gives { status, value }, a local Promise is not the global.
  `async function f() { const [r] = await Promise.allSettled([fetch('/x', { method: 'DELETE' })]); return r.value; }`,
  `const Promise = { all: async (xs) => xs.map(() => ({ json: () => null })) };
async function f() { const [res] = await Promise.all([fetch('/x', { method: 'DELETE' })]); return res.json(); }`,
];

const invalid = [
  {
    code: `async function f() { const [res] = await Promise.all([fetch('/x', { method: 'DELETE' })]); return res.json(); }`,
    output: `async function f() { const [res] = await Promise.all([fetch('/x', { method: 'DELETE' })]); return res.status === 204 ? null : res.json(); }`,
    errors: [{ messageId: 'method' }],
  },
  {
    code: `async function f() { let list, removed; [list, removed] = await Promise.all([fetch('/a'), fetch('/x', { method: 'DELETE' })]); await list.json(); return removed.json(); }`,
    output: `async function f() { let list, removed; [list, removed] = await Promise.all([fetch('/a'), fetch('/x', { method: 'DELETE' })]); await list.json(); return removed.status === 204 ? null : removed.json(); }`,
    errors: [{ messageId: 'method', column: 154 }],
  },
];

ruleTester.run('no-json-on-no-content: Promise.all', rule, {
  valid: [
    ...valid,
    `async function f() { const [res] = await Promise.all([fetch('/x', { method: 'DELETE' }) as Promise<Response>]); if (res.status === 204) return null; return res.json(); }`,
  ],
  invalid,
});

jsRuleTester.run('no-json-on-no-content: Promise.all (JavaScript)', rule, { valid, invalid });
