/**
 * Reports of require-status-check that the bench's review of real code found false (issue 23):
 * the body's own content decides, so an error body fails that decision and nothing takes it as
 * data. Each shape stays reported once the body is also used as data.
 */
import ruleModule from '../../src/rules/require-status-check';
import { createJavaScriptRuleTester, createRuleTester } from '../rule-tester';

const rule = ruleModule as never;
const ts = createRuleTester();
const js = createJavaScriptRuleTester();

const check = (response: string) =>
  `if (!${response}.ok) throw new Error(\`Request failed: \${${response}.status} \${${response}.statusText}\`);`;

// @actual-app/sync-server/build/src/scripts/health-check.js:6: the parsed body must say
// `status: 'UP'`, so an error body fails the health check.
const healthCheck = (read: string, after = '') => `fetch(healthUrl)
  .then((res) => ${read})
  .then((health) => {
    if (health.status !== 'UP') throw new Error('health check failed: ' + health.status);${after}
  })
  .catch(() => process.exit(1));`;

// apostrophe/test/rich-text-widget.js:278 and :292: a test asserts the page's markup, which an
// error page would fail.
const testOfPage = (guard: string, after = '') => `it('renders the alt text', async () => {
  const response = await fetch(pageUrl);
${guard}  const html = await response.text();
  assert(html.includes('alt="Logo"'));
  assert(!html.includes('alt="Old"'));${after}
});`;

const warnOnly = (guard: string) => `async function ready() {
  const res = await fetch(statusUrl);
${guard}  const state = await res.json();
  if (state.phase !== 'ready') console.warn(state.phase);
}`;

const valid = [
  healthCheck('res.json()'),
  // optional chaining and a function expression as the next callback
  `fetch(healthUrl)
  .then((res) => res.json())
  .then(function (health) {
    if (health?.status !== 'UP') {
      throw new Error(\`health check failed: \${health?.status}\`);
    }
  });`,
  testOfPage(''),
  `async function ready() {
  const res = await fetch(statusUrl);
  const state = await res.json();
  if (state.phase !== 'ready') {
    throw new Error(\`not ready: \${state.phase}\`);
  }
}`,
  `test('lists items', async () => {
  const res = await fetch(listUrl);
  const body = await res.json();
  assert(body.items.length === 2);
});`,
];

const invalid = [
  {
    // the body is also handed on as data: an error body would reach `render`
    code: healthCheck('res.json()', '\n    render(health);'),
    errors: [
      {
        messageId: 'unchecked' as const,
        suggestions: [
          {
            messageId: 'suggestCheck' as const,
            output: healthCheck(`{ ${check('res')} return res.json(); }`, '\n    render(health);'),
          },
        ],
      },
    ],
  },
  {
    code: testOfPage('', '\n  pages.push(html);'),
    errors: [
      {
        messageId: 'unchecked' as const,
        suggestions: [
          {
            messageId: 'suggestCheck' as const,
            output: testOfPage(`  ${check('response')}\n`, '\n  pages.push(html);'),
          },
        ],
      },
    ],
  },
  {
    // the branch logs instead of failing: the body's test decides nothing
    code: warnOnly(''),
    errors: [
      {
        messageId: 'unchecked' as const,
        suggestions: [
          { messageId: 'suggestCheck' as const, output: warnOnly(`  ${check('res')}\n`) },
        ],
      },
    ],
  },
];

ts.run('require-status-check: bodies decided by their content', rule, {
  valid: [
    ...valid,
    // TypeScript: the parsed body cast, then only tested
    `async function ready(): Promise<void> {
  const res = await fetch(statusUrl);
  const state = (await res.json()) as { phase: string };
  if (state.phase !== 'ready') throw new Error(state.phase);
}`,
  ],
  invalid,
});
js.run('require-status-check: bodies decided by their content (JavaScript)', rule, {
  valid,
  invalid,
});
