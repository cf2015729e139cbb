/**
 * Trust (issue 17): shapes from application code, written from scratch. Autofixes that would
 * change what working code does become suggestions (each autofix here has a twin where it must);
 * filters the analysis cannot evaluate silence the report; 408, 425 and rate-limit handling are
 * not client-error retries. The JavaScript cases run with the TypeScript parser and with espree.
 */
import { describeFixOutputs } from '../fix-outputs';
import { jsRuleTester, rule, ruleTester } from './setup';

type Cases = Parameters<typeof ruleTester.run>[2];

const invalid: Cases['invalid'] = [
  // autofix: the dropped 4xx already reached `return res` once retries ran out
  {
    code: `async function load(url, retries = 3) {
  const res = await fetch(url);
  if (res.status >= 400 && retries > 0) return load(url, retries - 1);
  return res;
}`,
    output: `async function load(url, retries = 3) {
  const res = await fetch(url);
  if ((res.status === 408 || res.status === 425 || res.status === 429 || res.status >= 500) && retries > 0) return load(url, retries - 1);
  return res;
}`,
    errors: [
      {
        messageId: 'retriesClientError',
        line: 3,
        column: 7,
        suggestions: [],
      },
    ],
  },
  // suggestion: the branch also logs
  {
    code: `async function load(url, retries = 3) {
  const res = await fetch(url);
  if (res.status >= 400 && retries > 0) {
    console.warn('retrying', url);
    return load(url, retries - 1);
  }
  return res;
}`,
    output: null,
    errors: [
      {
        messageId: 'retriesClientError',
        line: 3,
        column: 7,
        suggestions: [
          {
            messageId: 'suggestRetryOnly',
            output: `async function load(url, retries = 3) {
  const res = await fetch(url);
  if ((res.status === 408 || res.status === 425 || res.status === 429 || res.status >= 500) && retries > 0) {
    console.warn('retrying', url);
    return load(url, retries - 1);
  }
  return res;
}`,
          },
          {
            messageId: 'suggestEarlyExit',
            output: `async function load(url, retries = 3) {
  const res = await fetch(url);
  if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 425 && res.status !== 429) throw new Error(\`Request failed with status \${res.status}\`);
  if (res.status >= 400 && retries > 0) {
    console.warn('retrying', url);
    return load(url, retries - 1);
  }
  return res;
}`,
          },
        ],
      },
    ],
  },
  // suggestion: a pure status test; `return res` never saw a 4xx
  {
    code: `async function load(url) {
  const res = await fetch(url);
  if (res.status >= 400) return load(url);
  return res;
}`,
    output: null,
    errors: [
      {
        messageId: 'retriesClientError',
        line: 3,
        column: 7,
        suggestions: [
          {
            messageId: 'suggestRetryOnly',
            output: `async function load(url) {
  const res = await fetch(url);
  if (res.status === 408 || res.status === 425 || res.status === 429 || res.status >= 500) return load(url);
  return res;
}`,
          },
          {
            messageId: 'suggestEarlyExit',
            output: `async function load(url) {
  const res = await fetch(url);
  if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 425 && res.status !== 429) throw new Error(\`Request failed with status \${res.status}\`);
  if (res.status >= 400) return load(url);
  return res;
}`,
          },
        ],
      },
    ],
  },
  // suggestion: the branch logs and returns false; `status !== 202` also holds for 200, so no rewrite is offered
  {
    code: `async function sync(url) {
  const res = await fetch(url);
  if (res.status !== 202) {
    console.error('sync failed');
    setTimeout(() => sync(url), 5000);
    return false;
  }
  return true;
}`,
    output: null,
    errors: [
      {
        messageId: 'retriesClientError',
        line: 3,
        column: 7,
        suggestions: [
          {
            messageId: 'suggestEarlyExit',
            output: `async function sync(url) {
  const res = await fetch(url);
  if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 425 && res.status !== 429) throw new Error(\`Request failed with status \${res.status}\`);
  if (res.status !== 202) {
    console.error('sync failed');
    setTimeout(() => sync(url), 5000);
    return false;
  }
  return true;
}`,
          },
        ],
      },
    ],
  },
  // autofix: a retry-only branch whose status test would be constant is removed, never `if (false)`
  {
    code: `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function get(url) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await fetch(url);
    if (res.status === 404 && attempt < 2) {
      await sleep(100);
      continue;
    }
    return res;
  }
}`,
    output: `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function get(url) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await fetch(url);
    return res;
  }
}`,
    errors: [
      {
        messageId: 'retriesClientError',
        line: 5,
        column: 9,
        suggestions: [],
      },
    ],
  },
  // suggestion: removing `if (res.status === 404) { continue; }` sends 404 to `return res`
  {
    code: `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function get(url) {
  while (true) {
    const res = await fetch(url);
    if (res.status === 503) { await sleep(1000); continue; }
    if (res.status === 404) { continue; }
    return res;
  }
}`,
    output: null,
    errors: [
      {
        messageId: 'retriesClientError',
        line: 6,
        column: 9,
        suggestions: [
          {
            messageId: 'suggestRemoveRetry',
            output: `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function get(url) {
  while (true) {
    const res = await fetch(url);
    if (res.status === 503) { await sleep(1000); continue; }
    return res;
  }
}`,
          },
          {
            messageId: 'suggestEarlyExit',
            output: `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function get(url) {
  while (true) {
    const res = await fetch(url);
    if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 425 && res.status !== 429) throw new Error(\`Request failed with status \${res.status}\`);
    if (res.status === 503) { await sleep(1000); continue; }
    if (res.status === 404) { continue; }
    return res;
  }
}`,
          },
        ],
      },
    ],
  },
  // suggestion: a reversed comparison, never rewritten to `if (false)`
  {
    code: `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function get(url) {
  while (true) {
    const res = await fetch(url);
    if (401 === res.status) { await sleep(100); continue; }
    return res;
  }
}`,
    output: null,
    errors: [
      {
        messageId: 'retriesClientError',
        line: 5,
        column: 9,
        suggestions: [
          {
            messageId: 'suggestRemoveRetry',
            output: `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function get(url) {
  while (true) {
    const res = await fetch(url);
    return res;
  }
}`,
          },
          {
            messageId: 'suggestEarlyExit',
            output: `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function get(url) {
  while (true) {
    const res = await fetch(url);
    if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 425 && res.status !== 429) throw new Error(\`Request failed with status \${res.status}\`);
    if (401 === res.status) { await sleep(100); continue; }
    return res;
  }
}`,
          },
        ],
      },
    ],
  },
  // suggestion: the test has a side effect (`tries++`)
  {
    code: `async function get(url) {
  let tries = 0;
  while (true) {
    const res = await fetch(url);
    if (res.status === 404 && tries++ < 3) continue;
    return res;
  }
}`,
    output: null,
    errors: [
      {
        messageId: 'retriesClientError',
        line: 5,
        column: 9,
        suggestions: [
          {
            messageId: 'suggestRemoveRetry',
            output: `async function get(url) {
  let tries = 0;
  while (true) {
    const res = await fetch(url);
    return res;
  }
}`,
          },
          {
            messageId: 'suggestEarlyExit',
            output: `async function get(url) {
  let tries = 0;
  while (true) {
    const res = await fetch(url);
    if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 425 && res.status !== 429) throw new Error(\`Request failed with status \${res.status}\`);
    if (res.status === 404 && tries++ < 3) continue;
    return res;
  }
}`,
          },
        ],
      },
    ],
  },
  // autofix: `error.status` (axios, OpenAI, Anthropic, octokit errors) read as the status; what is no longer retried reaches `throw err`
  {
    code: `import axios from 'axios';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function get(url) {
  for (let i = 0; i < 3; i++) {
    try {
      return (await axios.get(url)).data;
    } catch (err) {
      if (err.status >= 400) { await sleep(100); continue; }
      throw err;
    }
  }
}`,
    output: `import axios from 'axios';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function get(url) {
  for (let i = 0; i < 3; i++) {
    try {
      return (await axios.get(url)).data;
    } catch (err) {
      if (err.status === 408 || err.status === 425 || err.status === 429 || err.status >= 500) { await sleep(100); continue; }
      throw err;
    }
  }
}`,
    errors: [
      {
        messageId: 'retriesClientError',
        line: 8,
        column: 11,
        suggestions: [],
      },
    ],
  },
  // suggestion: what is no longer retried would reach `return null`
  {
    code: `import axios from 'axios';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function get(url) {
  for (let i = 0; i < 3; i++) {
    try {
      return (await axios.get(url)).data;
    } catch (err) {
      if (err.status >= 400) { await sleep(100); continue; }
      return null;
    }
  }
}`,
    output: null,
    errors: [
      {
        messageId: 'retriesClientError',
        line: 8,
        column: 11,
        suggestions: [
          {
            messageId: 'suggestRetryOnly',
            output: `import axios from 'axios';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function get(url) {
  for (let i = 0; i < 3; i++) {
    try {
      return (await axios.get(url)).data;
    } catch (err) {
      if (err.status === 408 || err.status === 425 || err.status === 429 || err.status >= 500) { await sleep(100); continue; }
      return null;
    }
  }
}`,
          },
          {
            messageId: 'suggestRethrow',
            output: `import axios from 'axios';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function get(url) {
  for (let i = 0; i < 3; i++) {
    try {
      return (await axios.get(url)).data;
    } catch (err) {
      if (err.status >= 400 && err.status < 500 && err.status !== 408 && err.status !== 425 && err.status !== 429) throw err;
      if (err.status >= 400) { await sleep(100); continue; }
      return null;
    }
  }
}`,
          },
        ],
      },
    ],
  },
  // autofix: a named predicate only answers the retry question
  {
    code: `function shouldRetry(error) {
  return error.response?.status === 404 || error.response?.status >= 500;
}`,
    output: `function shouldRetry(error) {
  return error.response?.status >= 500;
}`,
    errors: [
      {
        messageId: 'retriesClientError',
        line: 2,
        column: 10,
        suggestions: [],
      },
    ],
  },
  // suggestion: the predicate branch also counts a metric
  {
    code: `const policy = {
  shouldRetry(error) {
    if (error.response?.status >= 400) {
      metrics.increment('retry');
      return true;
    }
    return false;
  },
};`,
    output: null,
    errors: [
      {
        messageId: 'retriesClientError',
        line: 3,
        column: 9,
        suggestions: [
          {
            messageId: 'suggestRetryOnly',
            output: `const policy = {
  shouldRetry(error) {
    if (error.response?.status === 408 || error.response?.status === 425 || error.response?.status === 429 || error.response?.status >= 500) {
      metrics.increment('retry');
      return true;
    }
    return false;
  },
};`,
          },
        ],
      },
    ],
  },
  // suggestion: dropping the `|| status === 404` operand sends 404 to `return res`
  {
    code: `async function get(url) {
  for (let i = 0; i < 3; i++) {
    const res = await fetch(url);
    if (res.status >= 500 || res.status === 404) continue;
    return res;
  }
}`,
    output: null,
    errors: [
      {
        messageId: 'retriesClientError',
        line: 4,
        column: 9,
        suggestions: [
          {
            messageId: 'suggestRetryOnly',
            output: `async function get(url) {
  for (let i = 0; i < 3; i++) {
    const res = await fetch(url);
    if (res.status >= 500) continue;
    return res;
  }
}`,
          },
          {
            messageId: 'suggestEarlyExit',
            output: `async function get(url) {
  for (let i = 0; i < 3; i++) {
    const res = await fetch(url);
    if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 425 && res.status !== 429) throw new Error(\`Request failed with status \${res.status}\`);
    if (res.status >= 500 || res.status === 404) continue;
    return res;
  }
}`,
          },
        ],
      },
    ],
  },
  // a local predicate is evaluated: it lets 4xx through
  {
    code: `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const transient = (status) => status >= 400;
export async function get(url) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await fetch(url);
    if (res.ok || !transient(res.status)) return res;
    await sleep(2 ** attempt * 100);
  }
}`,
    output: null,
    errors: [
      {
        messageId: 'retriesClientError',
        line: 6,
        column: 9,
        suggestions: [
          {
            messageId: 'suggestEarlyExit',
            output: `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const transient = (status) => status >= 400;
export async function get(url) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await fetch(url);
    if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 425 && res.status !== 429) throw new Error(\`Request failed with status \${res.status}\`);
    if (res.ok || !transient(res.status)) return res;
    await sleep(2 ** attempt * 100);
  }
}`,
          },
        ],
      },
    ],
  },
  // the rethrow reads a status copied out in the catch: it goes after the copy's declaration
  {
    code: `import axios from 'axios';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export async function get(url, tries = 0) {
  try {
    return await axios.get(url);
  } catch (err) {
    const status = err.response?.status;
    if (status !== 401 && tries < 3) {
      await sleep(1000);
      return get(url, tries + 1);
    }
    throw err;
  }
}`,
    output: null,
    errors: [
      {
        messageId: 'retriesClientError',
        line: 8,
        suggestions: [
          {
            messageId: 'suggestRethrow',
            output: `import axios from 'axios';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export async function get(url, tries = 0) {
  try {
    return await axios.get(url);
  } catch (err) {
    const status = err.response?.status;
    if (status >= 400 && status < 500 && status !== 408 && status !== 425 && status !== 429) throw err;
    if (status !== 401 && tries < 3) {
      await sleep(1000);
      return get(url, tries + 1);
    }
    throw err;
  }
}`,
          },
        ],
      },
    ],
  },
  // a presence test of the status copy (\`status !== undefined\`) narrows nothing and filters nothing: the 404 goes
  {
    code: `import axios from 'axios';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export async function get(url, tries = 0) {
  try {
    return (await axios.get(url)).data;
  } catch (err) {
    const status = err.response?.status;
    if (tries < 3 && status !== undefined && (status === 404 || status >= 500)) {
      await sleep(1000);
      return get(url, tries + 1);
    }
    throw err;
  }
}`,
    output: `import axios from 'axios';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export async function get(url, tries = 0) {
  try {
    return (await axios.get(url)).data;
  } catch (err) {
    const status = err.response?.status;
    if (tries < 3 && status !== undefined && (status >= 500)) {
      await sleep(1000);
      return get(url, tries + 1);
    }
    throw err;
  }
}`,
    errors: [{ messageId: 'retriesClientError', line: 8 }],
  },
];

const typescriptInvalid: Cases['invalid'] = [
  // TypeScript: autofix through `satisfies` and `!`
  {
    code: `export async function load(url: string, retries = 3): Promise<Response> {
  const res = (await fetch(url)) satisfies Response;
  if (res!.status >= 400 && retries > 0) return load(url, retries - 1);
  return res;
}`,
    output: `export async function load(url: string, retries = 3): Promise<Response> {
  const res = (await fetch(url)) satisfies Response;
  if ((res!.status === 408 || res!.status === 425 || res!.status === 429 || res!.status >= 500) && retries > 0) return load(url, retries - 1);
  return res;
}`,
    errors: [
      {
        messageId: 'retriesClientError',
        line: 3,
        column: 7,
        suggestions: [],
      },
    ],
  },
  // TypeScript: a reversed comparison through `as` and `!` is a suggestion
  {
    code: `export async function load(url: string): Promise<Response> {
  const res = (await fetch(url)) as Response;
  if (401 === res!.status) return load(url);
  return res;
}`,
    output: null,
    errors: [
      {
        messageId: 'retriesClientError',
        line: 3,
        column: 7,
        suggestions: [
          {
            messageId: 'suggestRemoveRetry',
            output: `export async function load(url: string): Promise<Response> {
  const res = (await fetch(url)) as Response;
  return res;
}`,
          },
          {
            messageId: 'suggestEarlyExit',
            output: `export async function load(url: string): Promise<Response> {
  const res = (await fetch(url)) as Response;
  if (res!.status >= 400 && res!.status < 500 && res!.status !== 408 && res!.status !== 425 && res!.status !== 429) throw new Error(\`Request failed with status \${res!.status}\`);
  if (401 === res!.status) return load(url);
  return res;
}`,
          },
        ],
      },
    ],
  },
];
ruleTester.run('no-retry-on-client-error: trust (TypeScript parser)', rule, {
  valid: [],
  invalid: [...invalid, ...typescriptInvalid],
});
jsRuleTester.run('no-retry-on-client-error: trust (JavaScript)', rule, { valid: [], invalid });

describeFixOutputs('no-retry-on-client-error', [...invalid, ...typescriptInvalid]);
