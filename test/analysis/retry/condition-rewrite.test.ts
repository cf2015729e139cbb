import { describe, expect, it } from 'vitest';

import {
  clientErrorCondition,
  getRetries,
  rewriteTarget,
  statusCondition,
  statusText,
} from '../../../src/analysis/retry';
import { StatusSet } from '../../../src/analysis/status/status-set';
import { analyze } from '../helpers';

describe('status condition text', () => {
  it('ranges to 599 as a lower bound, short runs as equalities', () => {
    expect(statusCondition('s', StatusSet.of(429).union(StatusSet.range(500, 599)))).toBe(
      's === 429 || s >= 500',
    );
    expect(statusCondition('s', StatusSet.of(502, 503))).toBe('s === 502 || s === 503');
    expect(statusCondition('s', StatusSet.range(500, 509))).toBe('s >= 500 && s <= 509');
    expect(statusCondition('s', StatusSet.range(400, 499))).toBe('s >= 400 && s < 500');
    expect(statusCondition('s', StatusSet.EMPTY)).toBe('false');
  });

  it('a non-retryable client error', () => {
    expect(clientErrorCondition('res.status', [408, 429])).toBe(
      'res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429',
    );
  });
});

describe('rewrite target', () => {
  const loop = (condition: string) =>
    `async function f(u) { for (let i = 0; i < 3; i++) { const res = await fetch(u); if (${condition}) continue; return res; } }`;

  it('the status test of a condition, not the operands beside it', () => {
    const found: string[] = [];
    for (const condition of [
      '!res.ok',
      '!res.ok && i < 2',
      'res.status === 404 || res.status >= 500',
    ]) {
      analyze(loop(condition), ({ model, text }) => {
        const site = getRetries(model).sites[0]!;
        const target = rewriteTarget(
          model,
          site.conditions[0]!.node,
          site.subject!,
          StatusSet.of(404),
        );
        found.push(target ? text(target) : 'none');
        expect(statusText(model, site.subject!, [site.conditions[0]!.node], 'status')).toBe(
          'res.status',
        );
      });
    }
    expect(found).toEqual(['!res.ok', '!res.ok', 'res.status === 404 || res.status >= 500']);
  });
});
