import { describe, expect, it } from 'vitest';

import { escapeRegExp, shortestNeedles, wordAround } from '../../../src/analysis/core/text';

describe('core text helpers', () => {
  it('escapeRegExp matches the text literally', () => {
    const text = 'a.b*c+(d)?[e]{f}|g^h$i\\j/k';
    expect(new RegExp(`^${escapeRegExp(text)}$`).test(text)).toBe(true);
    expect(new RegExp(escapeRegExp('a.b')).test('axb')).toBe(false);
  });

  it('shortestNeedles keeps the names no other name is part of', () => {
    expect(shortestNeedles(['fetch', '$fetch', 'ofetch', 'ky'])).toEqual(['fetch', 'ky']);
  });

  it('wordAround widens to the identifier around a match', () => {
    const text = 'if (shouldRetry$(x))';
    const at = text.indexOf('Retry');
    const word = wordAround(text, at, 5);
    expect(text.slice(word.start, word.end)).toBe('shouldRetry$');
  });
});
