// `super.request(…)` in a client subclass, where the base class is in the file and its method
// returns a response; a base the file does not show stays silent.
import noJsonOnNoContent from '../../src/rules/no-json-on-no-content';
import requireStatusCheck from '../../src/rules/require-status-check';
import { createJavaScriptRuleTester, createRuleTester } from '../rule-tester';

const ts = createRuleTester();
const js = createJavaScriptRuleTester();
// @typescript-eslint/rule-tester brings its own @typescript-eslint/utils; the rules are the same objects.
const noJson = noJsonOnNoContent as unknown as Parameters<typeof ts.run>[1];
const statusCheck = requireStatusCheck as unknown as Parameters<typeof ts.run>[1];

const CHECK = 'if (!res.ok) throw new Error(`Request failed: ${res.status} ${res.statusText}`);';

const BASE = `class Base {
  request(path, init) { return fetch(this.root + path, init); }
}`;
const CHECKED_BASE = `class Base {
  async request(path, init) {
    const res = await fetch(this.root + path, init);
    if (!res.ok) throw new Error(res.statusText);
    return res;
  }
}`;

// ---- no-json-on-no-content ------------------------------------------------------------------

const noJsonValid = [
  // GET through the base: nothing to report.
  `${BASE}
class Api extends Base { async load(id) { const res = await super.request(\`/items/\${id}\`); return res.json(); } }`,
  `${BASE}
class Api extends Base { async remove(id) { const res = await super.request(\`/items/\${id}\`, { method: 'DELETE' }); if (res.status === 204) return null; return res.json(); } }`,
  // A base the file does not show, or a method the subclass between them overrides.
  `import { Client } from './client';
class Api extends Client { async remove(id) { const res = await super.request(\`/items/\${id}\`, { method: 'DELETE' }); return res.json(); } }`,
  `${BASE}
class Middle extends Base { request(path, init) { return cache.get(path); } }
class Api extends Middle { async remove(id) { const res = await super.request(\`/items/\${id}\`, { method: 'DELETE' }); return res.json(); } }`,
  // \`this.request\` may be overridden by a subclass: not followed.
  `${BASE}
class Api extends Base { async remove(id) { const res = await this.request(\`/items/\${id}\`, { method: 'DELETE' }); return res.json(); } }`,
];

const noJsonInvalid = [
  {
    code: `${BASE}
class Api extends Base {
  async remove(id) {
    const res = await super.request(\`/items/\${id}\`, { method: 'DELETE' });
    return res.json();
  }
}`,
    output: `${BASE}
class Api extends Base {
  async remove(id) {
    const res = await super.request(\`/items/\${id}\`, { method: 'DELETE' });
    return res.status === 204 ? null : res.json();
  }
}`,
    errors: [
      {
        messageId: 'methodFromCaller',
        line: 7,
        data: { method: 'DELETE', parse: '.json()', line: '6' },
      },
    ],
  },
  {
    // Through a subclass that does not define the method itself.
    code: `${BASE}
class Middle extends Base {}
class Api extends Middle { async remove(id) { const res = await super.request('/x', { method: 'DELETE' }); return res.json(); } }`,
    output: `${BASE}
class Middle extends Base {}
class Api extends Middle { async remove(id) { const res = await super.request('/x', { method: 'DELETE' }); return res.status === 204 ? null : res.json(); } }`,
    errors: [{ messageId: 'methodFromCaller', line: 5 }],
  },
];

ts.run('no-json-on-no-content: super calls', noJson, {
  valid: noJsonValid,
  invalid: [
    ...noJsonInvalid,
    {
      code: `class Base {
  protected request(path: string, init?: RequestInit): Promise<Response> { return fetch(path, init); }
}
class Api extends Base {
  async remove(id: string): Promise<void> {
    const res = await super.request(\`/items/\${id}\`, { method: 'DELETE' });
    await res.json();
  }
}`,
      output: null,
      errors: [
        {
          messageId: 'methodFromCaller',
          line: 7,
          suggestions: [
            {
              messageId: 'suggestSkipParse',
              output: `class Base {
  protected request(path: string, init?: RequestInit): Promise<Response> { return fetch(path, init); }
}
class Api extends Base {
  async remove(id: string): Promise<void> {
    const res = await super.request(\`/items/\${id}\`, { method: 'DELETE' });
    if (res.status !== 204) await res.json();
  }
}`,
            },
          ],
        },
      ],
    },
  ],
});

js.run('no-json-on-no-content: super calls (JavaScript)', noJson, {
  valid: noJsonValid,
  invalid: noJsonInvalid,
});

// ---- require-status-check --------------------------------------------------------------------

const statusValid = [
  // The base checks the status before it returns the response.
  `${CHECKED_BASE}
class Api extends Base { async load(id) { const res = await super.request(\`/items/\${id}\`); return res.json(); } }`,
  `import { Client } from './client';
class Api extends Client { async load(id) { const res = await super.request(\`/items/\${id}\`); return res.json(); } }`,
  // A static super call reads the base's static side, which has no such method here.
  `${BASE}
class Api extends Base { static async load(id) { const res = await super.request(\`/items/\${id}\`); return res.json(); } }`,
];

const statusInvalid = [
  {
    code: `${BASE}
class Api extends Base {
  async load(id) {
    const res = await super.request(\`/items/\${id}\`);
    return res.json();
  }
}`,
    errors: [
      {
        messageId: 'unchecked',
        line: 7,
        suggestions: [
          {
            messageId: 'suggestCheck',
            output: `${BASE}
class Api extends Base {
  async load(id) {
    const res = await super.request(\`/items/\${id}\`);
    ${CHECK}
    return res.json();
  }
}`,
          },
        ],
      },
    ],
  },
];

ts.run('require-status-check: super calls', statusCheck, {
  valid: statusValid,
  invalid: statusInvalid,
});

js.run('require-status-check: super calls (JavaScript)', statusCheck, {
  valid: statusValid,
  invalid: statusInvalid,
});
