import noRetryOnClientError from '../../../src/rules/no-retry-on-client-error';
import type { MessageIds, Options } from '../../../src/rules/require-retry-after';
import requireRetryAfter from '../../../src/rules/require-retry-after';
import { createJavaScriptRuleTester, createRuleTester } from '../../rule-tester';

export const ruleTester = createRuleTester();
// The rule tester may carry its own copy of @typescript-eslint/utils: the same rule, another type.
export const rule = requireRetryAfter as unknown as Parameters<
  typeof ruleTester.run<MessageIds, Options>
>[1];
export const jsRuleTester = createJavaScriptRuleTester();

export const SLEEP = 'const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));';
export const FULL = (read: string, fallback: string) =>
  `((value) => { const seconds = Number(value); return value && Number.isFinite(seconds) ? seconds * 1000 : Math.max(0, Date.parse(String(value)) - Date.now()); })(${read}) || ${fallback}`;

interface DelayCaseOptions {
  readonly statuses?: string;
  readonly fallback?: string;
  readonly options?: [{ statuses?: number[]; headers?: string[] }];
  readonly line?: number;
}

/**
 * An invalid case whose delay is marked `⟦…⟧` in `code`: the fix puts the seconds form of the
 * header (`read`) before it, the suggestion the full form.
 */
export function delayCase(code: string, read: string, extra: DelayCaseOptions = {}) {
  const match = /⟦([^⟧]*)⟧/.exec(code);
  if (!match) throw new Error('no ⟦delay⟧ in the case');
  const delay = match[1]!;
  const fallback = extra.fallback ?? delay;
  const source = code.replace(/⟦|⟧/g, '');
  return {
    code: source,
    ...(extra.options ? { options: extra.options } : {}),
    output: code.replace(match[0], `Number(${read}) * 1000 || ${fallback}`),
    errors: [
      {
        messageId: 'ignoresWait' as const,
        ...(extra.statuses ? { data: { statuses: extra.statuses } } : {}),
        ...(extra.line ? { line: extra.line } : {}),
        suggestions: [
          {
            messageId: 'useFullForm' as const,
            output: code.replace(match[0], FULL(read, fallback)),
          },
        ],
      },
    ],
  };
}

export const noRetryRule = noRetryOnClientError as unknown as Parameters<typeof ruleTester.run>[1];

export const ADDED_WAIT = (read: string) =>
  `await new Promise((resolve) => setTimeout(resolve, Number(${read}) * 1000 || 0));`;

export type Case = Parameters<typeof ruleTester.run<MessageIds, Options>>[2]['invalid'][number];
