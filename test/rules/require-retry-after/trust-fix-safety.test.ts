import { describeFixedCode } from './fixed-code';
import type { Case } from './setup';
import { ADDED_WAIT, FULL, jsRuleTester, rule, ruleTester, SLEEP } from './setup';

/**
 * Shapes from application code (issue 17): a fix that reads the response where it is not there
 * yet, timers that are not the retry's wait, recursion through another private method, polls.
 * Every case runs as TypeScript and as plain JavaScript (espree).
 */

// ---------------------------------------------------------------------------------------------
// A fix never reads a response that is not there on every path to the wait
// ---------------------------------------------------------------------------------------------

/** An abort timer before the request: not the retry's wait (it was rewritten to read `response` in its TDZ). */
const ABORT_TIMER = `
async function getJson(url, timeout = 5000) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const controller = new AbortController();
    const t = setTimeout(() => controller.abort(), timeout);
    const response = await fetch(url, { signal: controller.signal });
    clearTimeout(t);
    if (response.status === 429) continue;
    return response.json();
  }
}`;

/** The wait at the top of the `try`, before the request: `response` is in its TDZ there. */
const WAIT_BEFORE_REQUEST = `
${SLEEP}
async function getJson(url) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      await sleep(attempt * 1000);
      const response = await fetch(url);
      if (response.status === 429) continue;
      return response.json();
    } catch (e) {
      console.error(e);
    }
  }
}`;

/** The `catch` sets `response = null` before the wait: reading it is a TypeError on every retry. */
const NULLED_BEFORE_WAIT = `
${SLEEP}
async function getJson(url) {
  let response = null;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      response = await fetch(url);
      if (response.status === 429) throw new Error('rate limited');
      return response.json();
    } catch (e) {
      response = null;
      await sleep(1000);
    }
  }
}`;

/** Assigned in the `try`, read in the `catch`: null when the request itself failed. A suggestion, with `?.`. */
const ASSIGNED_IN_TRY = `
${SLEEP}
async function getJson(url) {
  let res = null;
  for (let i = 0; i < 5; i++) {
    try {
      res = await fetch(url);
      if (res.status === 429) throw new Error('rate limited');
      return await res.json();
    } catch (err) {
      await sleep(1000 * i);
    }
  }
}`;

/** The same wait after a `const` response in the same block: there on every path, an autofix. */
const DECLARED_BEFORE_WAIT = `
${SLEEP}
async function getJson(url) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const response = await fetch(url);
    if (response.status === 429) {
      await sleep(1000);
      continue;
    }
    return response.json();
  }
}`;

/** `let res` assigned at the top of every iteration: the nearest assignment on the way, an autofix. */
const ASSIGNED_EACH_ITERATION = `
${SLEEP}
async function getJson(url) {
  let res;
  for (let attempt = 0; attempt < 5; attempt++) {
    res = await fetch(url);
    if (res.status === 503) {
      await sleep(2000);
      continue;
    }
    break;
  }
  return res;
}`;

/** A UI timer on the retry path is not a wait: the retry does not wait at all. */
const NOTICE_TIMER = `
async function load(url, setNotice) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await fetch(url);
    if (res.status === 429) {
      setNotice('Slow down');
      setTimeout(() => setNotice(''), 3000);
      continue;
    }
    return res.json();
  }
}`;

/** A timer whose callback makes the retry is its wait. */
const RETRY_TIMER = `
function load(url, done) {
  fetch(url).then((res) => {
    if (res.status === 503) {
      setTimeout(() => load(url, done), 5000);
      return;
    }
    done(res);
  });
}`;

const TS = (code: string): string =>
  code
    .replace(
      'async function getJson(url, timeout = 5000)',
      'async function getJson(url: string, timeout = 5000)',
    )
    .replace('async function getJson(url)', 'async function getJson(url: string): Promise<unknown>')
    .replace('let response = null;', 'let response: Response | null = null;')
    .replace('let res = null;', 'let res: Response | null = null;')
    .replace('let res;', 'let res: Response | undefined;')
    .replace(
      'async function load(url, setNotice)',
      'async function load(url: string, setNotice: (text: string) => void)',
    )
    .replace(
      'function load(url, done)',
      'function load(url: string, done: (res: Response) => void)',
    )
    .replace('const sleep = (ms)', 'const sleep = (ms: number)');

const fixSafetyInvalid = (ts: boolean): Case[] => {
  const code = (text: string): string => (ts ? TS(text) : text);
  return [
    {
      code: code(ABORT_TIMER),
      output: null,
      errors: [
        {
          messageId: 'noWait',
          line: 8,
          suggestions: [
            {
              messageId: 'addWait',
              output: code(ABORT_TIMER).replace(
                '    if (response.status === 429) continue;',
                `    if (response.status === 429) { ${ADDED_WAIT("response.headers.get('retry-after')")} continue; }`,
              ),
            },
          ],
        },
      ],
    },
    {
      code: code(WAIT_BEFORE_REQUEST),
      output: null,
      errors: [
        {
          messageId: 'ignoresWait',
          line: 6,
          suggestions: [
            {
              messageId: 'addWait',
              output: code(WAIT_BEFORE_REQUEST).replace(
                '      if (response.status === 429) continue;',
                `      if (response.status === 429) { ${ADDED_WAIT("response.headers.get('retry-after')")} continue; }`,
              ),
            },
          ],
        },
      ],
    },
    {
      code: code(NULLED_BEFORE_WAIT),
      output: null,
      errors: [{ messageId: 'ignoresWait', line: 12, suggestions: [] }],
    },
    {
      code: code(ASSIGNED_IN_TRY),
      output: null,
      errors: [
        {
          messageId: 'ignoresWait',
          line: 11,
          suggestions: [
            {
              messageId: 'useSecondsForm',
              output: code(ASSIGNED_IN_TRY).replace(
                'sleep(1000 * i)',
                "sleep(Number(res?.headers.get('retry-after')) * 1000 || 1000 * i)",
              ),
            },
            {
              messageId: 'useFullForm',
              output: code(ASSIGNED_IN_TRY).replace(
                'sleep(1000 * i)',
                `sleep(${FULL("res?.headers.get('retry-after')", '1000 * i')})`,
              ),
            },
          ],
        },
      ],
    },
    {
      code: code(DECLARED_BEFORE_WAIT),
      output: code(DECLARED_BEFORE_WAIT).replace(
        'sleep(1000)',
        "sleep(Number(response.headers.get('retry-after')) * 1000 || 1000)",
      ),
      errors: [
        {
          messageId: 'ignoresWait',
          line: 7,
          suggestions: [
            {
              messageId: 'useFullForm',
              output: code(DECLARED_BEFORE_WAIT).replace(
                'sleep(1000)',
                `sleep(${FULL("response.headers.get('retry-after')", '1000')})`,
              ),
            },
          ],
        },
      ],
    },
    {
      code: code(ASSIGNED_EACH_ITERATION),
      output: code(ASSIGNED_EACH_ITERATION).replace(
        'sleep(2000)',
        "sleep(Number(res.headers.get('retry-after')) * 1000 || 2000)",
      ),
      errors: [
        {
          messageId: 'ignoresWait',
          line: 8,
          suggestions: [
            {
              messageId: 'useFullForm',
              output: code(ASSIGNED_EACH_ITERATION).replace(
                'sleep(2000)',
                `sleep(${FULL("res.headers.get('retry-after')", '2000')})`,
              ),
            },
          ],
        },
      ],
    },
    {
      code: code(NOTICE_TIMER),
      output: null,
      errors: [
        {
          messageId: 'noWait',
          line: 8,
          suggestions: [
            {
              messageId: 'addWait',
              output: code(NOTICE_TIMER).replace(
                '      continue;',
                `      ${ADDED_WAIT("res.headers.get('retry-after')")}\n      continue;`,
              ),
            },
          ],
        },
      ],
    },
    {
      code: code(RETRY_TIMER),
      output: code(RETRY_TIMER).replace(
        'done), 5000)',
        "done), Number(res.headers.get('retry-after')) * 1000 || 5000)",
      ),
      errors: [
        {
          messageId: 'ignoresWait',
          line: 5,
          suggestions: [
            {
              messageId: 'useFullForm',
              output: code(RETRY_TIMER).replace(
                'done), 5000)',
                `done), ${FULL("res.headers.get('retry-after')", '5000')})`,
              ),
            },
          ],
        },
      ],
    },
  ];
};

ruleTester.run('require-retry-after: fix safety (TypeScript)', rule, {
  valid: [],
  invalid: fixSafetyInvalid(true),
});
jsRuleTester.run('require-retry-after: fix safety (JavaScript)', rule, {
  valid: [],
  invalid: fixSafetyInvalid(false),
});

describeFixedCode(fixSafetyInvalid(true));
