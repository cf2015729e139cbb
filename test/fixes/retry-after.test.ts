import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import {
  delayCallbackText,
  fallbackText,
  fullWaitText,
  headerReadText,
  needsParensAfterOr,
  quoteOf,
  secondsWaitText,
} from '../../src/fixes/retry-after';
import { RETRY_CONFIG_LIBRARIES } from '../../src/analysis/libraries/retry';
import type { DelayCallbackShape } from '../../src/fixes/retry-after';
import { analyze } from '../analysis/helpers';

/** A library row's delay callback shape. */
function delayShape(id: string): DelayCallbackShape {
  return RETRY_CONFIG_LIBRARIES.find((library) => library.id === id)!.retryDelay!.callback;
}
const FETCH_RETRY_DELAY = delayShape('fetch-retry');
const OFETCH_DELAY = delayShape('ofetch');
const AXIOS_RETRY_DELAY = delayShape('axios-retry');

describe('header reads', () => {
  it('fetch Headers and node/axios objects', () => {
    expect(headerReadText({ holder: 'res', style: 'get' }, "'")).toBe(
      "res.headers.get('retry-after')",
    );
    expect(headerReadText({ holder: 'res', style: 'index' }, '"')).toBe(
      'res.headers["retry-after"]',
    );
    expect(headerReadText({ holder: 'error', style: 'index', viaErrorResponse: true }, "'")).toBe(
      "error.response?.headers['retry-after']",
    );
    expect(headerReadText({ holder: 'response', style: 'get', optional: true }, "'")).toBe(
      "response?.headers.get('retry-after')",
    );
  });
});

describe('wait expressions', () => {
  // Evaluates the built expression against a header value, as the fixed code would.
  const evaluate = (
    text: string,
    header: string | null,
    now = Date.parse('2026-01-01T00:00:00Z'),
  ): number => {
    const read = 'headers.get("retry-after")';
    const fn = new Function('headers', 'Date', `return ${text.replace('READ', read)};`) as (
      h: unknown,
      d: unknown,
    ) => number;
    const FakeDate = { parse: Date.parse, now: () => now };
    return fn({ get: () => header }, FakeDate);
  };

  it('the seconds form falls back on a missing, empty, zero or non-numeric header', () => {
    const text = secondsWaitText('READ', '1000');
    expect(evaluate(text, '120')).toBe(120_000);
    expect(evaluate(text, null)).toBe(1000);
    expect(evaluate(text, '')).toBe(1000);
    expect(evaluate(text, '0')).toBe(1000);
    expect(evaluate(text, 'Wed, 21 Oct 2015 07:28:00 GMT')).toBe(1000);
  });

  it('the full form also reads an HTTP-date', () => {
    const text = fullWaitText('READ', '1000');
    expect(evaluate(text, '120')).toBe(120_000);
    expect(evaluate(text, 'Thu, 01 Jan 2026 00:00:30 GMT')).toBe(30_000);
    expect(evaluate(text, 'Wed, 21 Oct 2015 07:28:00 GMT')).toBe(1000);
    expect(evaluate(text, null)).toBe(1000);
    expect(evaluate(text, '')).toBe(1000);
    expect(evaluate(text, 'soon')).toBe(1000);
  });
});

describe('fallback operands', () => {
  it('wraps only what `||` would otherwise capture or reject', () => {
    analyze(
      `f(a ? b : c); f(a ?? b); f(a * b); f(a || b); f(x = 1); f(() => 1);`,
      ({ model, find }) => {
        expect(needsParensAfterOr(find(AST_NODE_TYPES.ConditionalExpression, 'a ? b : c'))).toBe(
          true,
        );
        expect(needsParensAfterOr(find(AST_NODE_TYPES.LogicalExpression, 'a ?? b'))).toBe(true);
        expect(needsParensAfterOr(find(AST_NODE_TYPES.BinaryExpression, 'a * b'))).toBe(false);
        expect(needsParensAfterOr(find(AST_NODE_TYPES.LogicalExpression, 'a || b'))).toBe(false);
        expect(
          fallbackText(
            model.file.sourceCode,
            find(AST_NODE_TYPES.ConditionalExpression, 'a ? b : c'),
          ),
        ).toBe('(a ? b : c)');
        expect(
          fallbackText(model.file.sourceCode, find(AST_NODE_TYPES.AssignmentExpression, 'x = 1')),
        ).toBe('(x = 1)');
      },
    );
    // Its own parentheses are kept, not doubled.
    analyze(`f((a ? b : c));`, ({ model, find }) => {
      expect(
        fallbackText(
          model.file.sourceCode,
          find(AST_NODE_TYPES.ConditionalExpression, 'a ? b : c'),
        ),
      ).toBe('(a ? b : c)');
    });
  });

  it('quotes as the file does', () => {
    analyze(`const a = "x";`, ({ model }) => expect(quoteOf(model.file.sourceCode)).toBe('"'));
    analyze(`const a = 'x';`, ({ model }) => expect(quoteOf(model.file.sourceCode)).toBe("'"));
    analyze(`const a = 1;`, ({ model }) => expect(quoteOf(model.file.sourceCode)).toBe("'"));
  });
});

describe('delay callbacks', () => {
  const build = (
    code: string,
    type: AST_NODE_TYPES,
    text: string,
    shape = FETCH_RETRY_DELAY,
    kind: 'number' | 'function' = 'function',
  ) => {
    let result: string | undefined;
    analyze(code, ({ model, find }) => {
      result = delayCallbackText(model.file.sourceCode, find(type, text), shape, "'", kind);
    });
    return result;
  };

  it('a number becomes a callback that reads the header', () => {
    expect(
      build('x({ retryDelay: 1000 })', AST_NODE_TYPES.Literal, '1000', FETCH_RETRY_DELAY, 'number'),
    ).toBe(
      "(_attempt, _error, response) => Number(response?.headers.get('retry-after')) * 1000 || 1000",
    );
    expect(
      build('x({ retryDelay: 500 })', AST_NODE_TYPES.Literal, '500', OFETCH_DELAY, 'number'),
    ).toBe("(context) => Number(context.response?.headers.get('retry-after')) * 1000 || 500");
    expect(
      build(
        'x({ retryDelay: response * 2 })',
        AST_NODE_TYPES.BinaryExpression,
        'response * 2',
        FETCH_RETRY_DELAY,
        'number',
      ),
    ).toBe(
      "(_attempt, _error, response_) => Number(response_?.headers.get('retry-after')) * 1000 || response * 2",
    );
  });

  it('an arrow with an expression body keeps its parameters and body', () => {
    expect(
      build(
        'x({ retryDelay: (attempt) => 2 ** attempt * 1000 })',
        AST_NODE_TYPES.ArrowFunctionExpression,
        '(attempt) => 2 ** attempt * 1000',
      ),
    ).toBe(
      "(attempt, _error, response) => Number(response?.headers.get('retry-after')) * 1000 || 2 ** attempt * 1000",
    );
    expect(
      build(
        'x({ retryDelay: (n, e, r) => n > 2 ? 5000 : 1000 })',
        AST_NODE_TYPES.ArrowFunctionExpression,
        '(n, e, r) => n > 2 ? 5000 : 1000',
      ),
    ).toBe("(n, e, r) => Number(r?.headers.get('retry-after')) * 1000 || (n > 2 ? 5000 : 1000)");
    expect(
      build(
        'x({ retryDelay: (count) => count * 1000 })',
        AST_NODE_TYPES.ArrowFunctionExpression,
        '(count) => count * 1000',
        AXIOS_RETRY_DELAY,
      ),
    ).toBe(
      "(count, error) => Number(error.response?.headers['retry-after']) * 1000 || count * 1000",
    );
    expect(
      build(
        'x({ retryDelay: () => 300 })',
        AST_NODE_TYPES.ArrowFunctionExpression,
        '() => 300',
        OFETCH_DELAY,
      ),
    ).toBe("(context) => Number(context.response?.headers.get('retry-after')) * 1000 || 300");
  });

  it('other functions are called as the fallback', () => {
    expect(build('x({ retryDelay: backoff })', AST_NODE_TYPES.Identifier, 'backoff')).toBe(
      "(attempt, error, response) => Number(response?.headers.get('retry-after')) * 1000 || backoff(attempt, error, response)",
    );
    expect(
      build(
        'x({ retryDelay: function (n) { return n * 100 } })',
        AST_NODE_TYPES.FunctionExpression,
        'function (n) { return n * 100 }',
        AXIOS_RETRY_DELAY,
      ),
    ).toBe(
      "(retryCount, error) => Number(error.response?.headers['retry-after']) * 1000 || (function (n) { return n * 100 })(retryCount, error)",
    );
  });
});
