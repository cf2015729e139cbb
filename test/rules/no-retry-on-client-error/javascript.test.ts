import type { FixedCase } from '../fix-outputs';
import { describeFixOutputs } from '../fix-outputs';
import { jsRuleTester, pinned, rule } from './setup';

const invalid = pinned([
  // the same 403 retry against a host with no such documentation
  {
    code: `async function profile(login, retries = 3) {
  const res = await fetch(\`https://gitlab.example.com/api/v4/users/\${login}\`);
  if (res.status === 403 && retries > 0) return profile(login, retries - 1);
  return res;
}`,
    output: `async function profile(login, retries = 3) {
  const res = await fetch(\`https://gitlab.example.com/api/v4/users/\${login}\`);
  return res;
}`,
    errors: [
      { messageId: 'retriesClientError', data: { statuses: '403', retryable: '429 and 5xx' } },
    ],
  },
  // GitHub's 403 stays retried; its 404 does not
  {
    code: `const USER_URL = 'https://api.github.com/user';
async function me(retries = 3) {
  const res = await fetch(USER_URL);
  if ((res.status === 403 || res.status === 404) && retries > 0) return me(retries - 1);
  return res;
}`,
    output: `const USER_URL = 'https://api.github.com/user';
async function me(retries = 3) {
  const res = await fetch(USER_URL);
  if ((res.status === 403) && retries > 0) return me(retries - 1);
  return res;
}`,
    errors: [
      { messageId: 'retriesClientError', data: { statuses: '404', retryable: '429 and 5xx' } },
    ],
  },
  // the same loop without the directive: 409 is retried on the client's word alone
  {
    code: `async function send(url) {
  for (let attempt = 0; attempt < 4; attempt++) {
    const res = await fetch(url);
    if (res.status === 409 || res.status >= 500) { await sleep(250 * 2 ** attempt); continue; }
    return res;
  }
}`,
    errors: [
      {
        messageId: 'retriesClientError',
        suggestions: [
          {
            messageId: 'suggestRetryOnly',
            output: `async function send(url) {
  for (let attempt = 0; attempt < 4; attempt++) {
    const res = await fetch(url);
    if (res.status >= 500) { await sleep(250 * 2 ** attempt); continue; }
    return res;
  }
}`,
          },
          {
            messageId: 'suggestEarlyExit',
            output: `async function send(url) {
  for (let attempt = 0; attempt < 4; attempt++) {
    const res = await fetch(url);
    if (res.status >= 400 && res.status < 500 && res.status !== 429) throw new Error(\`Request failed with status \${res.status}\`);
    if (res.status === 409 || res.status >= 500) { await sleep(250 * 2 ** attempt); continue; }
    return res;
  }
}`,
          },
        ],
      },
    ],
  },
  {
    code: `function Profile() {
  useEffect(() => {
    async function load(attempt = 0) {
      const res = await fetch('/api/me');
      if (!res.ok && attempt < 3) return load(attempt + 1);
      setUser(await res.json());
    }
    load();
  }, []);
  return <div />;
}`,
    output: `function Profile() {
  useEffect(() => {
    async function load(attempt = 0) {
      const res = await fetch('/api/me');
      if ((res.status === 429 || res.status >= 500) && attempt < 3) return load(attempt + 1);
      setUser(await res.json());
    }
    load();
  }, []);
  return <div />;
}`,
    errors: [{ messageId: 'retriesClientError' }],
  },
  {
    code: `const pRetry = require('p-retry');
pRetry(async () => {
  const res = await fetch(u);
  if (res.status >= 400) throw new Error(res.statusText);
  return res;
});`,
    errors: [
      {
        messageId: 'retriesClientError',
        suggestions: [
          {
            messageId: 'suggestAbortError',
            output: `const pRetry = require('p-retry');
pRetry(async () => {
  const res = await fetch(u);
  if (res.status >= 400 && res.status < 500 && res.status !== 429) throw new pRetry.AbortError(\`Request failed with status \${res.status}\`);
  if (res.status >= 400) throw new Error(res.statusText);
  return res;
});`,
          },
        ],
      },
    ],
  },
  {
    code: `async function get(url) {
  let response;
  for (const attempt of [1, 2, 3]) {
    response = await fetch(url);
    if (response.ok) break;
    const copy = response;
    if (copy.status >= 400) await sleep(attempt * 1000);
  }
  return response;
}`,
    errors: [
      {
        messageId: 'retriesClientError',
        line: 5,
        suggestions: [
          {
            messageId: 'suggestEarlyExit',
            output: `async function get(url) {
  let response;
  for (const attempt of [1, 2, 3]) {
    response = await fetch(url);
    if (response.status >= 400 && response.status < 500 && response.status !== 429) throw new Error(\`Request failed with status \${response.status}\`);
    if (response.ok) break;
    const copy = response;
    if (copy.status >= 400) await sleep(attempt * 1000);
  }
  return response;
}`,
          },
        ],
      },
    ],
  },
  {
    code: `import ky from 'ky';
ky.get(u, {
  retry: {
    statusCodes: [
      429,
      500,
      // a comment stays
      404,
    ],
  },
});`,
    output: `import ky from 'ky';
ky.get(u, {
  retry: {
    statusCodes: [
      429,
      500,
      // a comment stays
    ],
  },
});`,
    errors: [{ messageId: 'listsClientError' }],
  },
  {
    code: `import { RetryAgent, Agent } from 'undici';
new RetryAgent(new Agent(), { statusCodes: [503, (ok ? 500 : 502), (404)] });
new RetryAgent(new Agent(), { statusCodes: [(404), 503,] });`,
    output: `import { RetryAgent, Agent } from 'undici';
new RetryAgent(new Agent(), { statusCodes: [503, (ok ? 500 : 502)] });
new RetryAgent(new Agent(), { statusCodes: [503,] });`,
    errors: [{ messageId: 'listsClientError' }, { messageId: 'listsClientError' }],
  },
  {
    code: `import ky from 'ky';
ky.get(u, { retry: { statusCodes: [400 /* bad */, 503] } });`,
    output: null,
    errors: [{ messageId: 'listsClientError' }],
  },
]);

// ---- plain JavaScript with espree, JSX
jsRuleTester.run('no-retry-on-client-error (JavaScript)', rule, {
  valid: [
    `function Status() { useEffect(() => { poll(); }, []); return <div>ok</div>; }
    async function poll() { while (true) { const res = await fetch('/status'); if (res.status === 202) { await sleep(1000); continue; } return res; } }`,
    `const retry = require('async-retry');
    retry(async (bail) => { const res = await fetch(u); if (res.status === 404) { bail(new Error('gone')); return; } if (res.status >= 500) throw new Error('x'); });`,
    // ---- the server's retry directive read before the statuses: the server decides
    `async function send(url) {
      for (let attempt = 0; attempt < 4; attempt++) {
        const res = await fetch(url);
        const directive = res.headers.get('x-should-retry');
        if (directive === 'true' || res.status === 409 || res.status >= 500) { await sleep(250 * 2 ** attempt); continue; }
        return res;
      }
    }`,
    `function shouldRetry(response) {
      if (response.headers.get('x-should-retry') === 'false') return false;
      return response.headers.get('x-should-retry') === 'true' || response.status === 409 || response.status >= 500;
    }`,
    // ---- an API documented to answer rate limits with 403 (GitHub): retrying its 403 is rate-limit handling
    `async function repoExists(owner, repo, retries = 3) {
      const res = await fetch(\`https://api.github.com/repos/\${owner}/\${repo}\`, { method: 'HEAD' });
      if (res.status === 403 && retries > 0) {
        await new Promise((resolve) => setTimeout(resolve, (4 - retries) * 2000));
        return repoExists(owner, repo, retries - 1);
      }
      return res.status === 200;
    }`,
  ],
  invalid,
});

describeFixOutputs('no-retry-on-client-error', invalid as FixedCase[]);
