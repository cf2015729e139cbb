import { describe, expect, it } from 'vitest';

import { HTTP_STATUSES } from '../../../src/analysis/libraries/clients';
import {
  acceptsStatus,
  describeAccepted,
  getStatusComparisons,
  integerOfString,
  isNeverAStatus,
  likelyMeantStatuses,
} from '../../../src/analysis/status/status-values';
import { analyze } from '../helpers';

describe('status values', () => {
  it('checks a status against a range or a list', () => {
    expect(acceptsStatus(HTTP_STATUSES, 404)).toBe(true);
    expect(acceptsStatus(HTTP_STATUSES, 600)).toBe(false);
    // converted as WebIDL and Node do: truncated
    expect(acceptsStatus(HTTP_STATUSES, 404.5)).toBe(true);
    expect(acceptsStatus({ ...HTTP_STATUSES, strings: 'throw' }, 404.5)).toBe(false);
    expect(acceptsStatus(HTTP_STATUSES, 99.5)).toBe(false);
    const redirects = { api: 'x', values: [301, 302], strings: 'convert' as const };
    expect(acceptsStatus(redirects, 302)).toBe(true);
    expect(acceptsStatus(redirects, 304)).toBe(false);
    expect(describeAccepted(redirects)).toBe('301 or 302');
    expect(describeAccepted(HTTP_STATUSES)).toBe('100–599');
  });

  it('guesses the named statuses one digit away, and none when there are too many', () => {
    expect(likelyMeantStatuses(4040)).toEqual([404, 400]);
    expect(likelyMeantStatuses(2000)).toEqual([200]);
    expect(likelyMeantStatuses(5003)).toEqual([500, 503]);
    expect(
      likelyMeantStatuses(3010, {
        api: 'x',
        values: [301, 302, 303, 307, 308],
        strings: 'convert',
      }),
    ).toEqual([301]);
    expect(likelyMeantStatuses(40)).toEqual([]);
    expect(likelyMeantStatuses(99999)).toEqual([]);
    expect(likelyMeantStatuses(40.4)).toEqual([]);
  });

  it('reads integers from strings and knows numbers that are never a status', () => {
    expect(integerOfString('404')).toBe(404);
    expect(integerOfString('0404')).toBeUndefined();
    expect(integerOfString(' 404')).toBeUndefined();
    expect(integerOfString('4e2')).toBeUndefined();
    expect([4040, 20, 20.5, 1000].every(isNeverAStatus)).toBe(true);
    expect([0, -1, 100, 599, 999].some(isNeverAStatus)).toBe(false);
  });

  it('finds comparisons of known statuses with constants', () => {
    let found: string[] = [];
    analyze(
      `
      import axios from 'axios';
      async function f(u) {
        const res = await fetch(u);
        const { status } = res;
        if (res.status === '404' || status !== 4040 || res.ok === 'x') {}
        switch (res.statusCode) { case 200: case '201': default: }
        other.status === '404';
        try { await axios.get(u); } catch (error) { if (error.response?.status == 500) {} }
      }
      `,
      ({ model, text }) => {
        found = getStatusComparisons(model).map(
          (c) => `${text(c.status)} ${c.operator} ${text(c.value)} ${c.constant.kind} ${c.numeric}`,
        );
      },
    );
    expect(found).toEqual([
      "res.status === '404' string true",
      'status !== 4040 number true',
      'res.statusCode case 200 number true',
      "res.statusCode case '201' string true",
      'error.response?.status == 500 number false',
    ]);
  });
});
