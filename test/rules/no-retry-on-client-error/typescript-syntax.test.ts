import type { FixedCase } from '../fix-outputs';
import { describeFixOutputs } from '../fix-outputs';
import { pinned, rule, ruleTester } from './setup';

const invalid = pinned([
  {
    code: `const isRetryable = (r: Response): boolean => r.headers.get('content-type') === 'text/plain' || r.status === 409 || r.status >= 500;`,
    errors: [{ messageId: 'retriesClientError' }],
  },
  {
    code: `async function get(url: string): Promise<Response> {
  for (let i = 0; i < 3; i++) {
    const res = (await fetch(url)) as Response;
    if (res!.status >= 400) continue;
    return res;
  }
  throw new Error('exhausted');
}`,
    errors: [
      {
        messageId: 'retriesClientError',
        suggestions: [
          {
            messageId: 'suggestRetryOnly',
            output: `async function get(url: string): Promise<Response> {
  for (let i = 0; i < 3; i++) {
    const res = (await fetch(url)) as Response;
    if (res!.status === 429 || res!.status >= 500) continue;
    return res;
  }
  throw new Error('exhausted');
}`,
          },
          {
            messageId: 'suggestEarlyExit',
            output: `async function get(url: string): Promise<Response> {
  for (let i = 0; i < 3; i++) {
    const res = (await fetch(url)) as Response;
    if (res!.status >= 400 && res!.status < 500 && res!.status !== 429) throw new Error(\`Request failed with status \${res!.status}\`);
    if (res!.status >= 400) continue;
    return res;
  }
  throw new Error('exhausted');
}`,
          },
        ],
      },
    ],
  },
  {
    code: `async function get(url: string) {
  let res: Response | undefined;
  do {
    res = await fetch(url);
  } while (res?.['status'] >= 400);
  return res;
}`,
    errors: [
      {
        messageId: 'retriesClientError',
        suggestions: [
          {
            messageId: 'suggestRetryOnly',
            output: `async function get(url: string) {
  let res: Response | undefined;
  do {
    res = await fetch(url);
  } while (res?.['status'] === 429 || res?.['status'] >= 500);
  return res;
}`,
          },
        ],
      },
    ],
  },
  {
    code: `import ky from 'ky';
await ky.get(u, { retry: { statusCodes: [404, 429, 503] as const } satisfies object });`,
    output: `import ky from 'ky';
await ky.get(u, { retry: { statusCodes: [429, 503] as const } satisfies object });`,
    errors: [{ messageId: 'listsClientError' }],
  },
  {
    code: `import type { AxiosError } from 'axios';
import axiosRetry from 'axios-retry';
axiosRetry(client, { retryCondition: (error: AxiosError): boolean => error.response?.status! >= 500 || error.response!.status === 408 });`,
    output: `import type { AxiosError } from 'axios';
import axiosRetry from 'axios-retry';
axiosRetry(client, { retryCondition: (error: AxiosError): boolean => error.response?.status! >= 500 });`,
    errors: [
      { messageId: 'retriesClientError', data: { statuses: '408', retryable: '429 and 5xx' } },
    ],
  },
  {
    code: `const RETRY_ON = { statusCodes: [418, 503] } as const;
import got from 'got';
await got(u, { retry: RETRY_ON });`,
    output: `const RETRY_ON = { statusCodes: [503] } as const;
import got from 'got';
await got(u, { retry: RETRY_ON });`,
    errors: [{ messageId: 'listsClientError' }],
  },
  // retry-axios ranges with `satisfies`
  {
    code: `import axios from 'axios';
import * as rax from 'retry-axios';
const client = axios.create({ raxConfig: { statusCodesToRetry: [[100, 199], [400, 599], [403, 404]] satisfies [number, number][] } });`,
    output: `import axios from 'axios';
import * as rax from 'retry-axios';
const client = axios.create({ raxConfig: { statusCodesToRetry: [[100, 199], [429, 429], [500, 599]] satisfies [number, number][] } });`,
    errors: [{ messageId: 'listsClientError' }],
  },
]);

// ---- TypeScript syntax: assertions, non-null, satisfies, optional chaining, computed members
ruleTester.run('no-retry-on-client-error (TypeScript syntax)', rule, {
  valid: [
    `async function get(url: string): Promise<Response> {
      for (let i = 0; i < 3; i++) {
        const res = (await fetch(url)) as Response;
        if (res!.status >= 500) continue;
        return res;
      }
      throw new Error('unreachable');
    }`,
    `import ky from 'ky'; await ky.get(u, { retry: { statusCodes: [429, 503] as const } satisfies object });`,
    // ---- the server's retry directive (\`x-should-retry\`) read on the path: the server decides, whatever the status
    `class Api {
      private async shouldRetry(response: Response): Promise<boolean> {
        const directive = response.headers.get('x-should-retry');
        if (directive === 'true') return true;
        if (directive === 'false') return false;
        if (response.status === 409) return true;
        return response.status >= 500;
      }
      async send(url: string, retriesLeft: number): Promise<Response> {
        const response = await fetch(url);
        if (!response.ok) {
          if (retriesLeft > 0 && (await this.shouldRetry(response))) return this.send(url, retriesLeft - 1);
          throw new Error(String(response.status));
        }
        return response;
      }
    }`,
    `const isRetryable = (r: Response): boolean => r.headers.get('X-Should-Retry') === 'true' || r.status === 409 || r.status >= 500;`,
    `const REPO_API = 'https://api.github.com/repos/acme/app' as const;
    async function repo(retries: number): Promise<Response> {
      const res = await fetch(REPO_API!);
      if (res.status === 403 && retries > 0) return repo(retries - 1);
      return res;
    }`,
    // ---- a test on the way that reads the response and that the analysis cannot evaluate: a miss beats a false report
    `class Poller {
      async load(url: string, left: number): Promise<Response> {
        const res = await fetch(url);
        if (!res.ok) {
          if (left > 0 && this.isTransient(res)) return this.load(url, left - 1);
          throw new Error('failed');
        }
        return res;
      }
      private isTransient(res: Response): boolean { return res.status >= 500 || res.headers.has('x-transient'); }
    }`,
  ],
  invalid,
});

describeFixOutputs('no-retry-on-client-error', invalid as FixedCase[]);
