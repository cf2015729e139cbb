// TypeScript enum members as the method of a request or a status: read as the value they are
// initialised with, as a `const` is; a member without an initializer stays unknown.
import noJsonOnNoContent from '../../src/rules/no-json-on-no-content';
import noRetryOnClientError from '../../src/rules/no-retry-on-client-error';
import { createRuleTester } from '../rule-tester';

const ruleTester = createRuleTester();
// @typescript-eslint/rule-tester brings its own @typescript-eslint/utils; the rules are the same objects.
const noJson = noJsonOnNoContent as unknown as Parameters<typeof ruleTester.run>[1];
const noRetry = noRetryOnClientError as unknown as Parameters<typeof ruleTester.run>[1];

ruleTester.run('no-json-on-no-content: enum members', noJson, {
  valid: [
    // Not a method the rule checks.
    `enum Method { Get = 'GET', Delete = 'DELETE' }
async function f() { const res = await fetch('/x', { method: Method.Get }); return res.json(); }`,
    // 204 excluded through an enum member.
    `enum Status { NoContent = 204 }
async function f() { const res = await fetch('/x', { method: 'DELETE' }); if (res.status === Status.NoContent) return null; return res.json(); }`,
    `const enum Status { Ok = 200 }
async function f() { const res = await fetch('/x', { method: 'DELETE' }); if (res.status !== Status.Ok) return null; return res.json(); }`,
    // Merged declarations.
    `enum Status { Ok = 200 }
enum Status { NoContent = 204 }
async function f() { const res = await fetch('/x', { method: 'DELETE' }); if (res.status === Status.NoContent) return null; return res.json(); }`,
    // A string key.
    `enum Status { 'no-content' = 204 }
async function f() { const res = await fetch('/x', { method: 'DELETE' }); if (res.status === Status['no-content']) return null; return res.json(); }`,
  ],
  invalid: [
    {
      code: `enum Method { Get = 'GET', Delete = 'DELETE' }
async function f() { const res = await fetch('/x', { method: Method.Delete }); return res.json(); }`,
      output: `enum Method { Get = 'GET', Delete = 'DELETE' }
async function f() { const res = await fetch('/x', { method: Method.Delete }); return res.status === 204 ? null : res.json(); }`,
      errors: [{ messageId: 'method' }],
    },
    {
      // A member's own value is what counts: 200 does not exclude 204.
      code: `enum Status { Ok = 200, NoContent = 204 }
async function f() { const res = await fetch('/x', { method: 'DELETE' }); if (res.status === Status.Ok) return null; return res.json(); }`,
      output: `enum Status { Ok = 200, NoContent = 204 }
async function f() { const res = await fetch('/x', { method: 'DELETE' }); if (res.status === Status.Ok) return null; return res.status === 204 ? null : res.json(); }`,
      errors: [{ messageId: 'method' }],
    },
  ],
});

ruleTester.run('no-retry-on-client-error: enum members', noRetry, {
  valid: [
    `import ky from 'ky';
enum Status { TooManyRequests = 429, ServiceUnavailable = 503 }
await ky.get(url, { retry: { statusCodes: [Status.TooManyRequests, Status.ServiceUnavailable] } });`,
    // No initializer: the number is not read (it would be 1 here, not a status).
    `import ky from 'ky';
enum Status { First, Second }
await ky.get(url, { retry: { statusCodes: [Status.Second, 503] } });`,
  ],
  invalid: [
    {
      code: `import ky from 'ky';
enum Status { BadRequest = 400, ServiceUnavailable = 503 }
await ky.get(url, { retry: { statusCodes: [Status.BadRequest, Status.ServiceUnavailable] } });`,
      output: `import ky from 'ky';
enum Status { BadRequest = 400, ServiceUnavailable = 503 }
await ky.get(url, { retry: { statusCodes: [Status.ServiceUnavailable] } });`,
      errors: [
        {
          messageId: 'listsClientError',
          data: { status: '400', retryable: '408, 425, 429 and 5xx' },
        },
      ],
    },
  ],
});
