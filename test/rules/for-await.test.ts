// Responses that reach code as the values of a `for await` loop: over a local generator that
// yields responses, or over an array of requests built in the file (`[fetch(a)]`, `ids.map(…)`).
import noJsonOnNoContent from '../../src/rules/no-json-on-no-content';
import requireStatusCheck from '../../src/rules/require-status-check';
import { createJavaScriptRuleTester, createRuleTester } from '../rule-tester';

const ts = createRuleTester();
const js = createJavaScriptRuleTester();
// @typescript-eslint/rule-tester brings its own @typescript-eslint/utils; the rules are the same objects.
const noJson = noJsonOnNoContent as unknown as Parameters<typeof ts.run>[1];
const statusCheck = requireStatusCheck as unknown as Parameters<typeof ts.run>[1];

const CHECK = 'if (!res.ok) throw new Error(`Request failed: ${res.status} ${res.statusText}`);';

const REMOVALS = `async function* removals(ids) {
  for (const id of ids) yield await fetch(\`/api/items/\${id}\`, { method: 'DELETE' });
}`;
const PAGES = `async function* pages(url) {
  while (url) {
    const res = await fetch(url);
    yield res;
    url = res.headers.get('x-next');
  }
}`;

// ---- no-json-on-no-content ------------------------------------------------------------------

const noJsonValid = [
  // 204 handled in the loop
  `${REMOVALS}
async function main(ids) {
  for await (const res of removals(ids)) {
    if (res.status === 204) continue;
    use(await res.json());
  }
}`,
  // The generator may also yield something that is no response: its values are not followed.
  `async function* removals(ids) {
  for (const id of ids) yield await fetch(\`/api/items/\${id}\`, { method: 'DELETE' });
  yield cached;
}
async function main(ids) { for await (const res of removals(ids)) use(await res.json()); }`,
  // An array that other code can add to, or a plain loop over promises.
  `async function main(ids, more) {
  const requests = ids.map((id) => fetch(\`/api/items/\${id}\`, { method: 'DELETE' }));
  requests.push(...more);
  for await (const res of requests) use(await res.json());
}`,
  `async function main() { for (const res of [fetch('/x', { method: 'DELETE' })]) use(await res.json()); }`,
];

const noJsonInvalid = [
  {
    code: `${REMOVALS}
async function main(ids) {
  for await (const res of removals(ids)) {
    const data = await res.json();
    use(data);
  }
}`,
    output: `${REMOVALS}
async function main(ids) {
  for await (const res of removals(ids)) {
    const data = res.status === 204 ? null : await res.json();
    use(data);
  }
}`,
    errors: [{ messageId: 'method', line: 6 }],
  },
  {
    code: `async function main(ids) {
  const requests = ids.map((id) => fetch(\`/api/items/\${id}\`, { method: 'DELETE' }));
  for await (const res of requests) results.push(await res.json());
}`,
    output: `async function main(ids) {
  const requests = ids.map((id) => fetch(\`/api/items/\${id}\`, { method: 'DELETE' }));
  for await (const res of requests) results.push(res.status === 204 ? null : await res.json());
}`,
    errors: [{ messageId: 'method', line: 3 }],
  },
  {
    code: `async function main() {
  for await (const res of [fetch('/a'), fetch('/b', { method: 'DELETE' })]) results.push(await res.json());
}`,
    output: `async function main() {
  for await (const res of [fetch('/a'), fetch('/b', { method: 'DELETE' })]) results.push(res.status === 204 ? null : await res.json());
}`,
    errors: [{ messageId: 'method', line: 2 }],
  },
];

ts.run('no-json-on-no-content: for await', noJson, {
  valid: [
    ...noJsonValid,
    `async function* removals(ids: string[]): AsyncGenerator<Response> {
  for (const id of ids) yield await fetch(\`/api/items/\${id}\`, { method: 'DELETE' });
}
async function main(ids: string[]) {
  for await (const res of removals(ids)) {
    if (res.status === 204) continue;
    use((await res.json()) as Item);
  }
}`,
  ],
  invalid: [
    ...noJsonInvalid,
    {
      // The inferred type of `item` would gain `null`: a suggestion.
      code: `async function* removals(ids: string[]): AsyncGenerator<Response> {
  for (const id of ids) yield await fetch(\`/api/items/\${id}\`, { method: 'DELETE' });
}
async function main(ids: string[]) {
  for await (const res of removals(ids)) {
    const item = (await res.json()) as Item;
    use(item);
  }
}`,
      output: null,
      errors: [
        {
          messageId: 'method',
          line: 6,
          suggestions: [
            {
              messageId: 'suggestGuard',
              output: `async function* removals(ids: string[]): AsyncGenerator<Response> {
  for (const id of ids) yield await fetch(\`/api/items/\${id}\`, { method: 'DELETE' });
}
async function main(ids: string[]) {
  for await (const res of removals(ids)) {
    const item = res.status === 204 ? null : (await res.json()) as Item;
    use(item);
  }
}`,
            },
          ],
        },
      ],
    },
  ],
});

js.run('no-json-on-no-content: for await (JavaScript)', noJson, {
  valid: noJsonValid,
  invalid: noJsonInvalid,
});

// ---- require-status-check --------------------------------------------------------------------

const statusValid = [
  // The generator checks each response before it yields it.
  `async function* pages(url) {
  while (url) {
    const res = await fetch(url);
    if (!res.ok) throw new Error(String(res.status));
    yield res;
    url = res.headers.get('x-next');
  }
}
async function main() { for await (const page of pages('/a')) use(await page.json()); }`,
  // The loop checks it.
  `async function main(urls) {
  for await (const res of urls.map((u) => fetch(u))) {
    if (!res.ok) continue;
    use(await res.json());
  }
}`,
  // The loop variable is also written a value the analysis does not know.
  `async function main(urls) {
  let res;
  for await (res of [fetch('/a')]) use(await res.json());
  res = cached;
}`,
];

const statusInvalid = [
  {
    code: `${PAGES}
async function main() {
  for await (const page of pages('/a')) use(await page.json());
}`,
    // The check would go where the loop has no block: no suggestion.
    errors: [{ messageId: 'unchecked', line: 9, suggestions: [] }],
  },
  {
    code: `async function main(urls) {
  for await (const res of urls.map((u) => fetch(u))) {
    results.push(await res.json());
  }
}`,
    errors: [
      {
        messageId: 'unchecked',
        line: 3,
        suggestions: [
          {
            messageId: 'suggestCheck',
            output: `async function main(urls) {
  for await (const res of urls.map((u) => fetch(u))) {
    ${CHECK}
    results.push(await res.json());
  }
}`,
          },
        ],
      },
    ],
  },
];

ts.run('require-status-check: for await', statusCheck, {
  valid: statusValid,
  invalid: statusInvalid,
});

js.run('require-status-check: for await (JavaScript)', statusCheck, {
  valid: statusValid,
  invalid: statusInvalid,
});
