// Clients loaded with a dynamic import (ESM-only clients from CommonJS): `const { default: ky } =
// await import('ky')`, `(await import('node-fetch')).default`.
import noJsonOnNoContent from '../../src/rules/no-json-on-no-content';
import { createJavaScriptRuleTester, createRuleTester } from '../rule-tester';

const ruleTester = createRuleTester();
const jsRuleTester = createJavaScriptRuleTester();
// @typescript-eslint/rule-tester brings its own @typescript-eslint/utils; the rule is the same object.
const rule = noJsonOnNoContent as unknown as Parameters<typeof ruleTester.run>[1];

const valid = [
  `async function f() { const { default: fetch } = await import('node-fetch'); const res = await fetch('http://x', { method: 'DELETE' }); if (res.status === 204) return null; return res.json(); }`,
  // A module the table does not know, and a computed name.
  `async function f() { const { default: fetch } = await import('./my-fetch.js'); const res = await fetch('http://x', { method: 'DELETE' }); return res.json(); }`,
  `async function f(name) { const { default: fetch } = await import(name); const res = await fetch('http://x', { method: 'DELETE' }); return res.json(); }`,
  // Not awaited here: the promise of the module is not followed.
  `async function f() { const loading = import('node-fetch'); const { default: fetch } = await loading; const res = await fetch('http://x', { method: 'DELETE' }); return res.json(); }`,
];

const invalid = [
  {
    code: `async function f() { const { default: fetch } = await import('node-fetch'); const res = await fetch('http://x', { method: 'DELETE' }); return res.json(); }`,
    output: `async function f() { const { default: fetch } = await import('node-fetch'); const res = await fetch('http://x', { method: 'DELETE' }); return res.status === 204 ? null : res.json(); }`,
    errors: [{ messageId: 'method' }],
  },
  {
    code: `async function f() { const fetch = (await import('node-fetch')).default; const res = await fetch('http://x', { method: 'DELETE' }); return res.json(); }`,
    output: `async function f() { const fetch = (await import('node-fetch')).default; const res = await fetch('http://x', { method: 'DELETE' }); return res.status === 204 ? null : res.json(); }`,
    errors: [{ messageId: 'method' }],
  },
  {
    code: `async function f() { const { default: ky } = await import('ky'); return ky('items/1', { method: 'delete' }).json(); }`,
    errors: [
      {
        messageId: 'method',
        suggestions: [
          {
            messageId: 'suggestParseText',
            output: `async function f() { const { default: ky } = await import('ky'); return ky('items/1', { method: 'delete' }).text().then((text) => (text ? JSON.parse(text) : null)); }`,
          },
        ],
      },
    ],
  },
];

ruleTester.run('no-json-on-no-content: dynamic import', rule, { valid, invalid });
jsRuleTester.run('no-json-on-no-content: dynamic import (JavaScript)', rule, { valid, invalid });
