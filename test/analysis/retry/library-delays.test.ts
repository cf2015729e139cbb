import { describe, expect, it } from 'vitest';

import { RETRY_CONFIG_LIBRARIES } from '../../../src/analysis/libraries/retry';
import {
  afterStatusCodesGap,
  defaultStatusesOf,
  getRetries,
  retriedStatuses,
  retriedStatusesByConfig,
  statusListDefaults,
} from '../../../src/analysis/retry';
import { StatusSet } from '../../../src/analysis/status/status-set';
import { analyze } from '../helpers';

const row = (id: string) => RETRY_CONFIG_LIBRARIES.find((library) => library.id === id)!;

/** The statuses the file's first retry configuration retries. */
function retried(code: string): string {
  let result = '';
  analyze(code, ({ model }) => {
    const { sites, configs } = getRetries(model);
    const config = configs[0]!;
    const listed = retriedStatusesByConfig(sites).get(config) ?? StatusSet.EMPTY;
    result = retriedStatuses(model, config, listed).toString();
  });
  return result;
}

describe('library rows', () => {
  it('default statuses, ranges included', () => {
    expect(defaultStatusesOf(row('axios-retry'))!.toString()).toBe('429, 500–599');
    expect(defaultStatusesOf(row('retry-axios'))!.toString()).toBe('100–199, 429, 500–599');
    expect(defaultStatusesOf(row('p-retry'))).toBeUndefined();
    expect(statusListDefaults(row('octokit-retry')).toString()).toBe(
      '400–401, 403–404, 410, 422, 451',
    );
    expect(statusListDefaults(row('ky')).isEmpty).toBe(true);
  });
});

describe('retried statuses', () => {
  it('axios-retry: its defaults, a built-in condition, another condition', () => {
    const prefix = `import axiosRetry, { isNetworkOrIdempotentRequestError } from 'axios-retry';\n`;
    expect(retried(`${prefix}axiosRetry(axios, { retries: 3 });`)).toBe('429, 500–599');
    expect(
      retried(
        `${prefix}axiosRetry(axios, { retries: 3, retryCondition: isNetworkOrIdempotentRequestError });`,
      ),
    ).toBe('429, 500–599');
    expect(retried(`${prefix}axiosRetry(axios, { retries: 3, retryCondition: custom });`)).toBe(
      'none',
    );
  });

  it('ofetch: no retry of POST unless `retry` says so', () => {
    const code = (options: string) =>
      `import { ofetch } from 'ofetch';\nawait ofetch('/a', { method: 'POST', ${options}retryStatusCodes: [429] });`;
    expect(retried(code(''))).toBe('none');
    expect(retried(code('retry: 2, '))).toBe('429');
    expect(retried(code('retry: 0, '))).toBe('none');
  });

  it('fetch-retry: what its list says', () => {
    expect(
      retried(
        `import fetchRetry from 'fetch-retry';\nconst f = fetchRetry(fetch, { retries: 3, retryOn: [429, 503] });`,
      ),
    ).toBe('429, 503');
  });
});

describe('ky afterStatusCodes', () => {
  const gap = (code: string) => {
    let result: { dropped: string; defaultHoldsThem: boolean } | undefined;
    analyze(`import ky from 'ky';\n${code}`, ({ model }) => {
      const config = getRetries(model).configs[0]!;
      const found = afterStatusCodesGap(model, config, StatusSet.of(429, 503));
      result = found && {
        dropped: found.dropped.toString(),
        defaultHoldsThem: found.defaultHoldsThem,
      };
    });
    return result;
  };

  it('a left-out status ky retries, and whether its default list holds it', () => {
    expect(gap(`await ky(u, { retry: { limit: 2, afterStatusCodes: [429] } });`)).toEqual({
      dropped: '503',
      defaultHoldsThem: true,
    });
    expect(
      gap(`await ky(u, { retry: { limit: 2, statusCodes: [429], afterStatusCodes: [413] } });`),
    ).toEqual({ dropped: '429', defaultHoldsThem: true });
    expect(gap(`await ky(u, { retry: { limit: 2, afterStatusCodes: [429, 503] } });`)).toBe(
      undefined,
    );
    // `limit: 0` turns retrying off.
    expect(gap(`await ky(u, { retry: { limit: 0, afterStatusCodes: [429] } });`)).toBe(undefined);
  });
});
