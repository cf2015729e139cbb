import type { FixedCase } from '../fix-outputs';
import { describeFixOutputs } from '../fix-outputs';
import { jsRuleTester, pinned, rule, ruleTester, SLEEP } from './setup';

// Loops, recursion, .then, timers and catches that retry.
const invalid = pinned([
  // ---- loops: the condition that lets 4xx through is rewritten (a suggestion where a 4xx would then reach code that never saw one)
  {
    code: `async function get(url) {
  while (true) {
    const res = await fetch(url);
    if (res.status >= 400) { await sleep(500); continue; }
    return res.json();
  }
}`,
    errors: [
      {
        messageId: 'retriesClientError',
        line: 4,
        column: 9,
        data: { statuses: 'any 4xx other than 429', retryable: '429 and 5xx' },
        suggestions: [
          {
            messageId: 'suggestRetryOnly',
            output: `async function get(url) {
  while (true) {
    const res = await fetch(url);
    if (res.status === 429 || res.status >= 500) { await sleep(500); continue; }
    return res.json();
  }
}`,
          },
          {
            messageId: 'suggestEarlyExit',
            output: `async function get(url) {
  while (true) {
    const res = await fetch(url);
    if (res.status >= 400 && res.status < 500 && res.status !== 429) throw new Error(\`Request failed with status \${res.status}\`);
    if (res.status >= 400) { await sleep(500); continue; }
    return res.json();
  }
}`,
          },
        ],
      },
    ],
  },
  {
    code: `async function get(url) {
  let res;
  let tries = 0;
  do { res = await fetch(url); } while (!res.ok && tries++ < 5);
  return res;
}`,
    output: `async function get(url) {
  let res;
  let tries = 0;
  do { res = await fetch(url); } while ((res.status === 429 || res.status >= 500) && tries++ < 5);
  return res;
}`,
    errors: [{ messageId: 'retriesClientError', line: 4, column: 41 }],
  },
  {
    code: `async function get(url) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const response = await fetch(url, { method: 'POST', body: '{}' });
    if (response.status !== 200) continue;
    return response;
  }
}`,
    errors: [
      {
        messageId: 'retriesClientError',
        // No rewrite: `!== 200` also holds for 201, which would then reach `return response`.
        suggestions: [
          {
            messageId: 'suggestEarlyExit',
            output: `async function get(url) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const response = await fetch(url, { method: 'POST', body: '{}' });
    if (response.status >= 400 && response.status < 500 && response.status !== 429) throw new Error(\`Request failed with status \${response.status}\`);
    if (response.status !== 200) continue;
    return response;
  }
}`,
          },
        ],
      },
    ],
  },
  // a copy of the status, destructured
  {
    code: `async function get(url) {
  for (let i = 0; i < 5; i++) {
    const { status } = await fetch(url);
    if (status >= 400 && i < 4) continue;
    return status;
  }
}`,
    output: `async function get(url) {
  for (let i = 0; i < 5; i++) {
    const { status } = await fetch(url);
    if ((status === 429 || status >= 500) && i < 4) continue;
    return status;
  }
}`,
    errors: [{ messageId: 'retriesClientError' }],
  },
  // the retryable option shapes the rewrite
  {
    code: `async function get(url) {
  while (true) {
    const res = await fetch(url);
    if (!res.ok) continue;
    return res;
  }
}`,
    options: [{ retryable: [429, 408] }],
    errors: [
      {
        messageId: 'retriesClientError',
        data: { statuses: 'any 4xx other than 408, 429', retryable: '408, 429 and 5xx' },
        suggestions: [
          {
            messageId: 'suggestRetryOnly',
            output: `async function get(url) {
  while (true) {
    const res = await fetch(url);
    if (res.status === 408 || res.status === 429 || res.status >= 500) continue;
    return res;
  }
}`,
          },
          {
            messageId: 'suggestEarlyExit',
            output: `async function get(url) {
  while (true) {
    const res = await fetch(url);
    if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) throw new Error(\`Request failed with status \${res.status}\`);
    if (!res.ok) continue;
    return res;
  }
}`,
          },
        ],
      },
    ],
  },
  {
    code: `async function get(url) {
  while (true) {
    const res = await fetch(url);
    if (!res.ok) continue;
    return res;
  }
}`,
    options: [{ retryable: [] }],
    errors: [
      {
        messageId: 'retriesClientError',
        data: { statuses: 'any 4xx', retryable: '5xx' },
        suggestions: [
          {
            messageId: 'suggestRetryOnly',
            output: `async function get(url) {
  while (true) {
    const res = await fetch(url);
    if (res.status >= 500) continue;
    return res;
  }
}`,
          },
          {
            messageId: 'suggestEarlyExit',
            output: `async function get(url) {
  while (true) {
    const res = await fetch(url);
    if (res.status >= 400 && res.status < 500) throw new Error(\`Request failed with status \${res.status}\`);
    if (!res.ok) continue;
    return res;
  }
}`,
          },
        ],
      },
    ],
  },
  {
    // retryable without 429: a 429 retry is a finding only because of the option: never \`if (false)\`, no autofix.
    code: `async function get(url) {
  while (true) {
    const res = await fetch(url);
    if (res.status === 429) { await sleep(1000); continue; }
    return res;
  }
}`,
    output: null,
    options: [{ retryable: [408] }],
    errors: [
      {
        messageId: 'retriesClientError',
        data: { statuses: '429', retryable: '408 and 5xx' },
        suggestions: [
          {
            messageId: 'suggestRemoveRetry',
            output: `async function get(url) {
  while (true) {
    const res = await fetch(url);
    return res;
  }
}`,
          },
          {
            messageId: 'suggestEarlyExit',
            output: `async function get(url) {
  while (true) {
    const res = await fetch(url);
    if (res.status >= 400 && res.status < 500 && res.status !== 408) throw new Error(\`Request failed with status \${res.status}\`);
    if (res.status === 429) { await sleep(1000); continue; }
    return res;
  }
}`,
          },
        ],
      },
    ],
  },
  {
    code: `import ky from 'ky';
ky.create({ retry: { statusCodes: [429, 500] } });`,
    output: null,
    options: [{ retryable: [] }],
    errors: [
      {
        messageId: 'listsClientError',
        data: { status: '429', retryable: '5xx' },
        suggestions: [
          {
            messageId: 'suggestStopRetrying',
            data: { statuses: '429' },
            output: `import ky from 'ky';
ky.create({ retry: { statusCodes: [500] } });`,
          },
        ],
      },
    ],
  },
  {
    // With the defaults the same list has nothing to report; 404 alone is still fixed with retryable: [].
    code: `import ky from 'ky';
ky.create({ retry: { statusCodes: [404, 500] } });`,
    output: `import ky from 'ky';
ky.create({ retry: { statusCodes: [500] } });`,
    options: [{ retryable: [] }],
    errors: [{ messageId: 'listsClientError', data: { status: '404', retryable: '5xx' } }],
  },
  // ---- loops with nothing to rewrite: an early exit is suggested
  {
    code: `async function get(url) {
  for (let i = 0; i < 3; i++) {
    const res = await fetch(url);
    if (res.ok) return res.json();
    await sleep(1000 * 2 ** i);
  }
}`,
    errors: [
      {
        messageId: 'retriesClientError',
        line: 4,
        column: 9,
        suggestions: [
          {
            messageId: 'suggestEarlyExit',
            output: `async function get(url) {
  for (let i = 0; i < 3; i++) {
    const res = await fetch(url);
    if (res.status >= 400 && res.status < 500 && res.status !== 429) throw new Error(\`Request failed with status \${res.status}\`);
    if (res.ok) return res.json();
    await sleep(1000 * 2 ** i);
  }
}`,
          },
        ],
      },
    ],
  },
  {
    code: `async function get(url) {
  while (true) {
    const res = await fetch(url);
    switch (res.status) {
      case 200: return res.json();
      case 404: await sleep(100); continue;
      default: throw new Error('x');
    }
  }
}`,
    errors: [
      {
        messageId: 'retriesClientError',
        line: 6,
        column: 12,
        data: { statuses: '404', retryable: '429 and 5xx' },
        suggestions: [
          {
            messageId: 'suggestEarlyExit',
            output: `async function get(url) {
  while (true) {
    const res = await fetch(url);
    if (res.status >= 400 && res.status < 500 && res.status !== 429) throw new Error(\`Request failed with status \${res.status}\`);
    switch (res.status) {
      case 200: return res.json();
      case 404: await sleep(100); continue;
      default: throw new Error('x');
    }
  }
}`,
          },
        ],
      },
    ],
  },
  // ---- recursion, .then, setTimeout
  {
    code: `async function get(url, retries = 3) {
  const res = await fetch(url);
  if (!res.ok && retries > 0) return get(url, retries - 1);
  return res;
}`,
    output: `async function get(url, retries = 3) {
  const res = await fetch(url);
  if ((res.status === 429 || res.status >= 500) && retries > 0) return get(url, retries - 1);
  return res;
}`,
    errors: [{ messageId: 'retriesClientError' }],
  },
  {
    code: `function get(url, n) {
  return fetch(url).then((res) => {
    if (res.status >= 400 && n > 0) return sleep(100).then(() => get(url, n - 1));
    return res.json();
  });
}`,
    output: `function get(url, n) {
  return fetch(url).then((res) => {
    if ((res.status === 429 || res.status >= 500) && n > 0) return sleep(100).then(() => get(url, n - 1));
    return res.json();
  });
}`,
    errors: [{ messageId: 'retriesClientError' }],
  },
  {
    code: `const load = (url) =>
  fetch(url).then((res) => {
    if (res.status >= 400) setTimeout(() => load(url), 1000);
    else render(res);
  });`,
    errors: [
      {
        messageId: 'retriesClientError',
        suggestions: [
          {
            messageId: 'suggestRetryOnly',
            output: `const load = (url) =>
  fetch(url).then((res) => {
    if (res.status === 429 || res.status >= 500) setTimeout(() => load(url), 1000);
    else render(res);
  });`,
          },
          {
            messageId: 'suggestEarlyExit',
            output: `const load = (url) =>
  fetch(url).then((res) => {
    if (res.status >= 400 && res.status < 500 && res.status !== 429) throw new Error(\`Request failed with status \${res.status}\`);
    if (res.status >= 400) setTimeout(() => load(url), 1000);
    else render(res);
  });`,
          },
        ],
      },
    ],
  },
  {
    code: `class Client {
  async get(path, attempt = 0) {
    const res = await fetch(this.base + path);
    if (res.status >= 400 && attempt < 3) return this.get(path, attempt + 1);
    return res;
  }
}`,
    output: `class Client {
  async get(path, attempt = 0) {
    const res = await fetch(this.base + path);
    if ((res.status === 429 || res.status >= 500) && attempt < 3) return this.get(path, attempt + 1);
    return res;
  }
}`,
    errors: [{ messageId: 'retriesClientError' }],
  },
  // ---- catch-based retries
  {
    code: `import axios from 'axios';
async function get(url) {
  for (let i = 0; i < 3; i++) {
    try {
      const { data } = await axios.get(url);
      return data;
    } catch (err) {
      if (err.response?.status === 404) throw err;
      await sleep(100);
    }
  }
}`,
    errors: [
      {
        messageId: 'retriesClientError',
        line: 8,
        column: 11,
        data: { statuses: '400–403, 405–428, 430–499', retryable: '429 and 5xx' },
        suggestions: [
          {
            messageId: 'suggestRethrow',
            output: `import axios from 'axios';
async function get(url) {
  for (let i = 0; i < 3; i++) {
    try {
      const { data } = await axios.get(url);
      return data;
    } catch (err) {
      if (err.response?.status >= 400 && err.response?.status < 500 && err.response?.status !== 429) throw err;
      if (err.response?.status === 404) throw err;
      await sleep(100);
    }
  }
}`,
          },
        ],
      },
    ],
  },
  {
    code: `import axios from 'axios';
async function get(url) {
  for (let i = 0; i < 3; i++) {
    try {
      return (await axios.get(url)).data;
    } catch (error) {
      if (error.response && error.response.status >= 400) continue;
      throw error;
    }
  }
}`,
    output: `import axios from 'axios';
async function get(url) {
  for (let i = 0; i < 3; i++) {
    try {
      return (await axios.get(url)).data;
    } catch (error) {
      if (error.response && (error.response.status === 429 || error.response.status >= 500)) continue;
      throw error;
    }
  }
}`,
    errors: [{ messageId: 'retriesClientError' }],
  },
  {
    code: `async function get(url) {
  for (let i = 0; i < 3; i++) {
    try {
      const res = await fetch(url);
      if (!res.ok) throw new Error('HTTP ' + res.status);
      return await res.json();
    } catch (err) {
      await sleep(100);
    }
  }
}`,
    errors: [{ messageId: 'retriesClientError', line: 5, column: 11, suggestions: [] }],
  },
  {
    code: `import axios from 'axios';
function get(url, n = 3) {
  return axios.get(url).catch((error) => {
    if (error.response?.status >= 400 && n > 0) return get(url, n - 1);
    throw error;
  });
}`,
    output: `import axios from 'axios';
function get(url, n = 3) {
  return axios.get(url).catch((error) => {
    if ((error.response?.status === 429 || error.response?.status >= 500) && n > 0) return get(url, n - 1);
    throw error;
  });
}`,
    errors: [{ messageId: 'retriesClientError' }],
  },
]);

const cases: Parameters<typeof ruleTester.run>[2] = {
  valid: [
    // ---- retries that carry only 5xx, 429 or network errors
    `async function get(url) {
      for (let i = 0; i < 3; i++) {
        const res = await fetch(url);
        if (res.status === 429 || res.status >= 500) { await sleep(1000); continue; }
        return res;
      }
    }`,
    `async function get(url) {
      for (let i = 0; i < 3; i++) {
        const res = await fetch(url);
        if (res.ok || (res.status < 500 && res.status !== 429)) return res;
        await sleep(2 ** i * 100);
      }
    }`,
    `async function get(url, retries = 3) {
      const res = await fetch(url);
      if (res.status >= 500 && retries > 0) return get(url, retries - 1);
      return res;
    }`,
    `async function get(url) {
      let res;
      do { res = await fetch(url); } while (res.status >= 500);
      return res;
    }`,
    `async function get(url) {
      while (true) {
        const res = await fetch(url);
        switch (res.status) {
          case 503: case 502: await sleep(500); continue;
          default: return res;
        }
      }
    }`,
    // ---- polling on 202
    `${SLEEP}async function poll(url) {
      while (true) {
        const res = await fetch(url);
        if (res.status === 202) { await sleep(1000); continue; }
        return res.json();
      }
    }`,
    // ---- loops over different requests
    `async function all(urls) { for (const url of urls) { const res = await fetch(url); if (!res.ok) continue; console.log(await res.json()); } }`,
    `async function pages(start) {
      let next = start;
      while (next) { const res = await fetch(next); if (!res.ok) continue; next = (await res.json()).next; }
    }`,
    `async function pages() { for (let page = 1; page < 10; page++) { const res = await fetch('/items?page=' + page); if (res.status >= 400) continue; } }`,
    `async function get(ids) { for (let i = 0; i < ids.length; i++) { const res = await fetch(\`/items/\${ids[i]}\`); if (!res.ok) continue; } }`,
    // ---- 401 after a refresh that changes the request
    `async function get(url) {
      let token = await login();
      for (let n = 0; n < 2; n++) {
        const res = await fetch(url, { headers: { Authorization: 'Bearer ' + token } });
        if (res.status === 401) { token = await login(); continue; }
        return res;
      }
    }`,
    `async function get(url, init) {
      for (let n = 0; n < 2; n++) {
        const res = await fetch(url, init);
        if (res.status === 401) { init.headers.Authorization = await refresh(); continue; }
        return res;
      }
    }`,
    `let accessToken = '';
    export async function refresh() { accessToken = await login(); }
    async function get(url) {
      for (let n = 0; n < 2; n++) {
        const res = await fetch(url, { headers: { Authorization: accessToken } });
        if (!res.ok) { await refresh(); continue; }
        return res;
      }
    }`,
    `async function get(url) {
      for (let n = 0; n < 2; n++) {
        const res = await fetch(url, { headers: await authHeaders() });
        if (res.status === 401) { await store.refreshToken(); continue; }
        return res;
      }
    }`,
    `class Api {
      async refresh() { this.token = await login(); }
      async get(url) {
        for (let n = 0; n < 2; n++) {
          const res = await fetch(url, { headers: { Authorization: this.token } });
          if (res.status === 401) { await this.refresh(); continue; }
          return res;
        }
      }
    }`,
    `import ky from 'ky';
    const api = ky.create({
      retry: { statusCodes: [401] },
      hooks: { beforeRetry: [async ({ request }) => { request.headers.set('Authorization', 'Bearer ' + (await refresh())); }] },
    });`,
    // ---- no status decides: polling, generic wrappers
    `${SLEEP}async function watch(url) { while (true) { const res = await fetch(url); render(await res.json()); await sleep(5000); } }`,
    `import axios from 'axios';
    async function get(url) { for (let i = 0; i < 3; i++) { try { return (await axios.get(url)).data; } catch (e) { await sleep(100); } } }`,
    `async function withRetry(fn, n = 3) { try { return await fn(); } catch (e) { if (n === 0) throw e; return withRetry(fn, n - 1); } }`,
    // ---- throwing clients: their response is 2xx
    `import axios from 'axios';
    async function get(url) { for (;;) { const res = await axios.get(url); if (res.status !== 200) continue; return res.data; } }`,
    // ---- catches that rethrow client errors
    `import axios from 'axios';
    async function get(url) {
      for (let i = 0; i < 3; i++) {
        try { return (await axios.get(url)).data; }
        catch (err) { if (err.response && err.response.status < 500 && err.response.status !== 429) throw err; await sleep(100); }
      }
    }`,
    `async function get(url, attempt = 0) {
      try {
        const res = await fetch(url);
        if (res.status >= 500) throw new Error('server');
        return res;
      } catch (e) {
        if (attempt < 3) return get(url, attempt + 1);
        throw e;
      }
    }`,
    // ---- rate limits signalled by headers (GitHub answers 403 with x-ratelimit-remaining: 0)
    `async function get(url) {
      for (let i = 0; i < 5; i++) {
        const res = await fetch(url);
        if (res.status === 403 && res.headers.get('x-ratelimit-remaining') === '0') {
          await sleep(Number(res.headers.get('x-ratelimit-reset')) * 1000 - Date.now());
          continue;
        }
        return res;
      }
    }`,
    // ---- odd code
    `async function get(url) { for (;;) { const res = await fetch(url); if ((count++, res.ok)) break; } }`,
    `label: for (;;) { for (;;) { const r = await fetch(u); if (r.status >= 500) continue label; break label; } }`,
    `function f() { return f(); } const g = () => g?.(); retry(); shouldRetry();`,
    `const o = { shouldRetry() { return true; }, ['isRetryable']: () => false };`,
  ],
  invalid,
};
ruleTester.run(
  'no-retry-on-client-error: retries the code writes (TypeScript parser)',
  rule,
  cases,
);
jsRuleTester.run('no-retry-on-client-error: retries the code writes (JavaScript)', rule, cases);

describeFixOutputs('no-retry-on-client-error', invalid as FixedCase[]);
