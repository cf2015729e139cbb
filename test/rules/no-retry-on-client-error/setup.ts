import noRetryOnClientError from '../../../src/rules/no-retry-on-client-error';
import { createJavaScriptRuleTester, createRuleTester } from '../../rule-tester';

export const ruleTester = createRuleTester();
export const jsRuleTester = createJavaScriptRuleTester();
// @typescript-eslint/rule-tester brings its own @typescript-eslint/utils; the rule is the same object.
export const rule = noRetryOnClientError as unknown as Parameters<typeof ruleTester.run>[1];

type InvalidCase = Parameters<typeof ruleTester.run>[2]['invalid'][number];
/** Most invalid cases pin `retryable: [429]` so rewritten conditions stay short; the default (408, 425, 429) has cases of its own. */
export const pinned = (cases: InvalidCase[]): InvalidCase[] =>
  cases.map((c) => (c.options ? c : { ...c, options: [{ retryable: [429] }] as never }));

export const SLEEP = `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));\n`;
