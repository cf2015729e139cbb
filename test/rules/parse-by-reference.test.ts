// Body parses reached through a reference: `.then(parseJson)` with a local function, and
// `const read = res.json.bind(res); await read()`. The guards there are suggestions, never
// autofixes: the function may have other callers, and `res` where `read()` is called is not
// shown to be the bound response.
import noJsonOnNoContent from '../../src/rules/no-json-on-no-content';
import requireStatusCheck from '../../src/rules/require-status-check';
import { createJavaScriptRuleTester, createRuleTester } from '../rule-tester';

const ts = createRuleTester();
const js = createJavaScriptRuleTester();
// @typescript-eslint/rule-tester brings its own @typescript-eslint/utils; the rules are the same objects.
const noJson = noJsonOnNoContent as unknown as Parameters<typeof ts.run>[1];
const statusCheck = requireStatusCheck as unknown as Parameters<typeof ts.run>[1];

const checkOf = (name: string) =>
  `if (!${name}.ok) throw new Error(\`Request failed: \${${name}.status} \${${name}.statusText}\`);`;

// ---- no-json-on-no-content ------------------------------------------------------------------

const noJsonValid = [
  // The function handles 204.
  `const parseJson = (r) => (r.status === 204 ? null : r.json());
const remove = (id) => fetch(\`/api/items/\${id}\`, { method: 'DELETE' }).then(parseJson);`,
  `function readBody(response) { if (response.status === 204) return null; return response.json(); }
fetch('/x', { method: 'DELETE' }).then(readBody);`,
  // The suggestions' outputs: a second pass reports nothing.
  `async function remove(id) { const res = await fetch(\`/api/items/\${id}\`, { method: 'DELETE' }); const read = res.json.bind(res); const data = res.status === 204 ? null : await read(); return data; }`,
  `async function remove(id) { const res = await fetch(\`/api/items/\${id}\`, { method: 'DELETE' }); const read = res.json.bind(res); if (res.status !== 204) await read(); }`,
  // A GET: nothing to report.
  `const parseJson = (r) => r.json();
fetch('/x').then(parseJson);`,
  // A function the file does not show.
  `import { parseJson } from './parse';
fetch('/x', { method: 'DELETE' }).then(parseJson);`,
  // Bound to another object, or a bound parse that escapes: not a parse the code shows.
  `async function f(other) { const res = await fetch('/x', { method: 'DELETE' }); const read = res.json.bind(other); return read(); }`,
  `async function f() { const res = await fetch('/x', { method: 'DELETE' }); if (res.status === 204) return null; const read = res.json.bind(res); return read(); }`,
];

const noJsonInvalid = [
  {
    code: `const parseJson = (r) => r.json();
const remove = (id) => fetch(\`/api/items/\${id}\`, { method: 'DELETE' }).then(parseJson);`,
    output: null,
    errors: [
      {
        messageId: 'method',
        line: 1,
        suggestions: [
          {
            messageId: 'suggestGuard',
            output: `const parseJson = (r) => (r.status === 204 ? null : r.json());
const remove = (id) => fetch(\`/api/items/\${id}\`, { method: 'DELETE' }).then(parseJson);`,
          },
        ],
      },
    ],
  },
  {
    code: `function parseJson(r) { return r.json(); }
fetch('/x', { method: 'DELETE' }).then(parseJson).then(render);`,
    output: null,
    errors: [
      {
        messageId: 'method',
        line: 1,
        suggestions: [
          {
            messageId: 'suggestGuard',
            output: `function parseJson(r) { return r.status === 204 ? null : r.json(); }
fetch('/x', { method: 'DELETE' }).then(parseJson).then(render);`,
          },
        ],
      },
    ],
  },
  {
    code: `async function remove(id) {
  const res = await fetch(\`/api/items/\${id}\`, { method: 'DELETE' });
  const read = res.json.bind(res);
  const data = await read();
  return data;
}`,
    output: null,
    errors: [
      {
        messageId: 'method',
        line: 4,
        suggestions: [
          {
            messageId: 'suggestGuard',
            output: `async function remove(id) {
  const res = await fetch(\`/api/items/\${id}\`, { method: 'DELETE' });
  const read = res.json.bind(res);
  const data = res.status === 204 ? null : await read();
  return data;
}`,
          },
        ],
      },
    ],
  },
  {
    code: `async function remove(id) {
  const res = await fetch(\`/api/items/\${id}\`, { method: 'DELETE' });
  const read = res.json.bind(res);
  await read();
}`,
    output: null,
    errors: [
      {
        messageId: 'method',
        line: 4,
        suggestions: [
          {
            messageId: 'suggestSkipParse',
            output: `async function remove(id) {
  const res = await fetch(\`/api/items/\${id}\`, { method: 'DELETE' });
  const read = res.json.bind(res);
  if (res.status !== 204) await read();
}`,
          },
        ],
      },
    ],
  },
];

ts.run('no-json-on-no-content: parses by reference', noJson, {
  valid: [
    ...noJsonValid,
    `const parseJson = (r: Response): Promise<Item | null> => (r.status === 204 ? Promise.resolve(null) : r.json());
fetch('/x', { method: 'DELETE' }).then(parseJson);`,
  ],
  invalid: [
    ...noJsonInvalid,
    {
      // The declared return type has no room for null: still a suggestion.
      code: `const parseJson = (r: Response): Promise<Item> => r.json();
fetch('/x', { method: 'DELETE' }).then(parseJson);`,
      output: null,
      errors: [
        {
          messageId: 'method',
          suggestions: [
            {
              messageId: 'suggestGuard',
              output: `const parseJson = (r: Response): Promise<Item> => (r.status === 204 ? null : r.json());
fetch('/x', { method: 'DELETE' }).then(parseJson);`,
            },
          ],
        },
      ],
    },
  ],
});

js.run('no-json-on-no-content: parses by reference (JavaScript)', noJson, {
  valid: noJsonValid,
  invalid: noJsonInvalid,
});

// ---- require-status-check --------------------------------------------------------------------

const statusValid = [
  `function readBody(response) {
  if (!response.ok) throw new Error(response.statusText);
  return response.json();
}
fetch('/api/me').then(readBody).then(render);`,
  `async function load() { const res = await fetch('/x'); if (!res.ok) return null; const read = res.json.bind(res); return read(); }`,
  // The bound parse is handed to code out of sight, which may check.
  `async function load() { const res = await fetch('/x'); const read = res.json.bind(res); return handle(read); }`,
  `import { readBody } from './read';
fetch('/api/me').then(readBody).then(render);`,
];

const statusInvalid = [
  {
    code: `function readBody(response) {
  return response.json();
}
fetch('/api/me').then(readBody).then(render);`,
    errors: [
      {
        messageId: 'unchecked',
        line: 2,
        suggestions: [
          {
            messageId: 'suggestCheck',
            output: `function readBody(response) {
  ${checkOf('response')}
  return response.json();
}
fetch('/api/me').then(readBody).then(render);`,
          },
        ],
      },
    ],
  },
  {
    code: `async function load() {
  const res = await fetch('/x');
  const read = res.json.bind(res);
  return read();
}`,
    errors: [
      {
        messageId: 'unchecked',
        line: 4,
        suggestions: [
          {
            messageId: 'suggestCheck',
            output: `async function load() {
  const res = await fetch('/x');
  const read = res.json.bind(res);
  ${checkOf('res')}
  return read();
}`,
          },
        ],
      },
    ],
  },
];

ts.run('require-status-check: parses by reference', statusCheck, {
  valid: statusValid,
  invalid: statusInvalid,
});

js.run('require-status-check: parses by reference (JavaScript)', statusCheck, {
  valid: statusValid,
  invalid: statusInvalid,
});
