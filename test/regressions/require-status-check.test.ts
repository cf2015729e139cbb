/**
 * Reports of require-status-check that the bench's review of real code found false but that are
 * by design (issue 23), documented under "When not to use it": the body's own content decides, so
 * an error body fails that decision. Kept here so a change to them is a decision, not an accident.
 */
import ruleModule from '../../src/rules/require-status-check';
import { createJavaScriptRuleTester, createRuleTester } from '../rule-tester';

const rule = ruleModule as never;
const ts = createRuleTester();
const js = createJavaScriptRuleTester();

const check = (response: string) =>
  `if (!${response}.ok) throw new Error(\`Request failed: \${${response}.status} \${${response}.statusText}\`);`;

const healthCheck = (read: string) => `fetch(healthUrl)
  .then((res) => ${read})
  .then((health) => {
    if (health.status !== 'UP') throw new Error('health check failed: ' + health.status);
  })
  .catch(() => process.exit(1));`;

const testOfPage = (guard: string) => `it('renders the alt text', async () => {
  const response = await fetch(pageUrl);
${guard}  const html = await response.text();
  assert(html.includes('alt="Logo"'));
});`;

const invalid = [
  {
    // @actual-app/sync-server/build/src/scripts/health-check.js:6: the parsed body must say
    // `status: 'UP'`, so an error body fails the health check; the rule does not read that.
    code: healthCheck('res.json()'),
    errors: [
      {
        messageId: 'unchecked' as const,
        suggestions: [
          {
            messageId: 'suggestCheck' as const,
            output: healthCheck(`{ ${check('res')} return res.json(); }`),
          },
        ],
      },
    ],
  },
  {
    // apostrophe/test/rich-text-widget.js:278 (and fastify/test/https/https.test.js:76): a test
    // asserts the body's content, which an error page would fail.
    code: testOfPage(''),
    errors: [
      {
        messageId: 'unchecked' as const,
        suggestions: [
          { messageId: 'suggestCheck' as const, output: testOfPage(`  ${check('response')}\n`) },
        ],
      },
    ],
  },
];

ts.run('require-status-check: by-design reports from real code', rule, { valid: [], invalid });
js.run('require-status-check: by-design reports from real code (JavaScript)', rule, {
  valid: [],
  invalid,
});
