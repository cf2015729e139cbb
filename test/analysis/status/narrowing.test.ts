import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { analyze } from '../helpers';

/** The statuses of the first tracked response (or of `subject`) at the `probe()` call. */
function statusesAtProbe(
  body: string,
  options: { typescript?: boolean; prelude?: string } = {},
): string {
  let result = '';
  const code = `${options.prelude ?? ''}\nasync function main(url) {\n  const res = await fetch(url);\n${body}\n}`;
  analyze(
    code,
    ({ model }) => {
      const probe = model.file
        .nodesOfType(AST_NODE_TYPES.CallExpression)
        .find(
          (call) => call.callee.type === AST_NODE_TYPES.Identifier && call.callee.name === 'probe',
        );
      if (!probe) throw new Error('no probe() in the code');
      const response = model.responses[0];
      if (!response) throw new Error('no response tracked');
      result = model.statusesAt(probe as TSESTree.Node, response.subject).statuses.toString();
    },
    options,
  );
  return result;
}

describe('status narrowing', () => {
  it('is unconstrained without conditions', () => {
    expect(statusesAtProbe('probe();')).toBe('100–599');
  });

  it('reads if / else with the literal on either side', () => {
    expect(statusesAtProbe('if (res.status === 204) probe();')).toBe('204');
    expect(statusesAtProbe('if (204 === res.status) probe();')).toBe('204');
    expect(statusesAtProbe('if (res.status == 200) {} else { probe(); }')).toBe('100–199, 201–599');
    expect(statusesAtProbe('if (res.status !== 204) { probe(); }')).toBe('100–203, 205–599');
    expect(statusesAtProbe('if (res.status != 204) {} else probe();')).toBe('204');
  });

  it('reads order comparisons and ranges', () => {
    expect(statusesAtProbe('if (res.status < 300) probe();')).toBe('100–299');
    expect(statusesAtProbe('if (res.status <= 299) probe();')).toBe('100–299');
    expect(statusesAtProbe('if (res.status > 499) probe();')).toBe('500–599');
    expect(statusesAtProbe('if (400 <= res.status) probe();')).toBe('400–599');
    expect(statusesAtProbe('if (500 > res.status) probe();')).toBe('100–499');
    expect(statusesAtProbe('if (res.status >= 400 && res.status < 500) probe();')).toBe('400–499');
  });

  it('reads the status itself as a condition: every HTTP status is truthy, a falsy one is none', () => {
    expect(statusesAtProbe('if (res.status && res.status < 500) {} else probe();')).toBe('500–599');
    expect(statusesAtProbe('if (!res.status || res.status >= 400) {} else probe();')).toBe(
      '100–399',
    );
    expect(statusesAtProbe('const { status } = res;\nif (status && status < 300) probe();')).toBe(
      '100–299',
    );
    expect(statusesAtProbe('if (res.status) probe();')).toBe('100–599');
    expect(statusesAtProbe('if (!res.status) probe();')).toBe('none');
    // Not the status: `res.statusText` says nothing.
    expect(statusesAtProbe('if (res.statusText && res.status < 500) {} else probe();')).toBe(
      '100–599',
    );
  });

  it('reads &&, ||, ! and ternaries', () => {
    expect(statusesAtProbe('res.status === 200 && probe();')).toBe('200');
    expect(statusesAtProbe('res.status === 200 || probe();')).toBe('100–199, 201–599');
    expect(statusesAtProbe('if (res.status === 200 || res.status === 204) probe();')).toBe(
      '200, 204',
    );
    expect(statusesAtProbe('if (!(res.status >= 400)) probe();')).toBe('100–399');
    expect(statusesAtProbe('const x = res.status === 204 ? null : probe();')).toBe(
      '100–203, 205–599',
    );
    expect(statusesAtProbe('const x = res.status === 204 ? probe() : null;')).toBe('204');
    expect(statusesAtProbe('const x = res.headers ?? probe();')).toBe('100–599');
  });

  it('reads res.ok and ok compared with booleans', () => {
    expect(statusesAtProbe('if (res.ok) probe();')).toBe('200–299');
    expect(statusesAtProbe('if (!res.ok) probe();')).toBe('100–199, 300–599');
    expect(statusesAtProbe('if (res.ok === false) probe();')).toBe('100–199, 300–599');
    expect(statusesAtProbe('if (res.ok !== true) {} else probe();')).toBe('200–299');
  });

  it('reads early exits in preceding statements', () => {
    expect(statusesAtProbe('if (res.status === 204) return null;\nprobe();')).toBe(
      '100–203, 205–599',
    );
    expect(statusesAtProbe('if (!res.ok) { throw new Error(); }\nprobe();')).toBe('200–299');
    expect(statusesAtProbe('for (;;) { if (res.status >= 500) continue; probe(); }')).toBe(
      '100–499',
    );
    expect(statusesAtProbe('while (true) { if (res.status === 429) break; probe(); }')).toBe(
      '100–428, 430–599',
    );
    expect(statusesAtProbe('if (res.status === 204) { log(); }\nprobe();')).toBe('100–599');
    expect(statusesAtProbe('if (res.ok) { log(); } else { return; }\nprobe();')).toBe('200–299');
    expect(statusesAtProbe('if (res.status === 204) { return; } else { log(); }\nprobe();')).toBe(
      '100–203, 205–599',
    );
  });

  it('reads assertions before the point as early exits', () => {
    expect(statusesAtProbe('assert.strictEqual(res.status, 200);\nprobe();')).toBe('200');
    expect(statusesAtProbe('assert(res.ok);\nprobe();')).toBe('200–299');
    expect(statusesAtProbe('assert.ok(res.status < 300);\nprobe();')).toBe('100–299');
    expect(statusesAtProbe('t.assert.strictEqual(res.status, 400);\nprobe();')).toBe('400');
    expect(statusesAtProbe('t.equal(res.status, 201);\nprobe();')).toBe('201');
    expect(statusesAtProbe('expect(res.status).toBe(204);\nprobe();')).toBe('204');
    // Not assertions: other callees, and calls after the point.
    expect(statusesAtProbe('log.equal(res.status, 200);\nprobe();')).toBe('100–599');
    expect(statusesAtProbe('probe();\nassert.strictEqual(res.status, 200);')).toBe('100–599');
  });

  it('reads the exit forms of the path engine: calls that never return, invariant, toBeTruthy', () => {
    const fail = 'function fail(res) { throw new Error(res.statusText); }';
    expect(statusesAtProbe('if (!res.ok) fail(res);\nprobe();', { prelude: fail })).toBe('200–299');
    expect(statusesAtProbe('if (!res.ok) process.exit(1);\nprobe();')).toBe('200–299');
    expect(statusesAtProbe('if (res.status !== 200) assert.fail("m");\nprobe();')).toBe('200');
    expect(statusesAtProbe('invariant(res.ok, "m");\nprobe();')).toBe('200–299');
    expect(statusesAtProbe('expect(res.ok).toBeTruthy();\nprobe();')).toBe('200–299');
    expect(
      statusesAtProbe('if (!res.ok) fail(res);\nprobe();', {
        prelude: 'const fail = (res: Response): never => { throw new Error(); };',
        typescript: true,
      }),
    ).toBe('200–299');
    // A `fail` that may return, or rejects instead of throwing, does not exit.
    expect(
      statusesAtProbe('if (!res.ok) fail(res);\nprobe();', {
        prelude: 'function fail(res) { if (res.status === 404) return; throw new Error(); }',
      }),
    ).toBe('100–599');
    expect(
      statusesAtProbe('if (!res.ok) fail(res);\nprobe();', {
        prelude: 'async function fail(res) { throw new Error(); }',
      }),
    ).toBe('100–599');
    // The switch's fall-through reads the same exits.
    expect(
      statusesAtProbe('switch (res.status) {\ncase 204: fail(res);\ncase 200: probe();\n}', {
        prelude: fail,
      }),
    ).toBe('200');
  });

  it('reads switch cases with fall-through and default', () => {
    const sw = (cases: string) => statusesAtProbe(`switch (res.status) {\n${cases}\n}`);
    expect(sw('case 200: probe(); break;')).toBe('200');
    expect(sw('case 200: case 204: probe(); break;')).toBe('200, 204');
    expect(sw('case 204: log(); case 200: probe(); break;')).toBe('200, 204');
    expect(sw('case 204: return null; case 200: probe(); break;')).toBe('200');
    expect(sw('case 200: break; case 201: break; default: probe();')).toBe('100–199, 202–599');
    expect(statusesAtProbe('switch (true) { case res.status >= 500: probe(); }')).toBe('500–599');
    expect(statusesAtProbe('switch (Math.floor(res.status / 100)) { case 4: probe(); }')).toBe(
      '400–499',
    );
  });

  it('reads includes, Set.has, status classes and string prefixes', () => {
    expect(statusesAtProbe('if ([200, 201].includes(res.status)) probe();')).toBe('200–201');
    expect(
      statusesAtProbe('if (RETRYABLE.includes(res.status)) probe();', {
        prelude: 'const RETRYABLE = [429, 503];',
      }),
    ).toBe('429, 503');
    expect(
      statusesAtProbe('if (CODES.has(res.status)) probe();', {
        prelude: 'const CODES = new Set([408, 429]);',
      }),
    ).toBe('408, 429');
    expect(statusesAtProbe('if (Math.floor(res.status / 100) === 4) probe();')).toBe('400–499');
    expect(statusesAtProbe('if (Math.trunc(res.status / 100) !== 2) probe();')).toBe(
      '100–199, 300–599',
    );
    expect(statusesAtProbe('if (Math.floor(res.status / 100) >= 5) probe();')).toBe('500–599');
    expect(statusesAtProbe("if (String(res.status).startsWith('4')) probe();")).toBe('400–499');
    expect(statusesAtProbe("if (res.status.toString().startsWith('42')) probe();")).toBe('420–429');
    expect(statusesAtProbe("if (`${res.status}`.startsWith('5')) probe();")).toBe('500–599');
  });

  it('follows copies of the status and of the response', () => {
    expect(statusesAtProbe('const { status } = res;\nif (status === 204) return;\nprobe();')).toBe(
      '100–203, 205–599',
    );
    expect(statusesAtProbe('const code = res.status;\nif (code >= 500) probe();')).toBe('500–599');
    expect(statusesAtProbe('const r = res;\nif (r.status === 404) probe();')).toBe('404');
    expect(statusesAtProbe('const { ok } = res;\nif (!ok) return;\nprobe();')).toBe('200–299');
    expect(statusesAtProbe('let s;\ns = res.status;\nif (s === 201) probe();')).toBe('201');
  });

  it('follows const conditions', () => {
    expect(
      statusesAtProbe(
        'const isClientError = res.status >= 400 && res.status < 500;\nif (isClientError) probe();',
      ),
    ).toBe('400–499');
  });

  it('resolves status constants', () => {
    expect(
      statusesAtProbe('if (res.status === NO_CONTENT) probe();', {
        prelude: 'const NO_CONTENT = 204;',
      }),
    ).toBe('204');
    expect(
      statusesAtProbe('if (res.status === StatusCodes.NO_CONTENT) probe();', {
        prelude: "import { StatusCodes } from 'http-status-codes';",
      }),
    ).toBe('204');
    expect(
      statusesAtProbe('if (res.status === HttpStatus.TOO_MANY_REQUESTS) probe();', {
        prelude: "import { HttpStatus } from '@nestjs/common';",
      }),
    ).toBe('429');
    expect(
      statusesAtProbe('if (res.status === constants.HTTP_STATUS_NOT_FOUND) probe();', {
        prelude: "import { constants } from 'node:http2';",
      }),
    ).toBe('404');
    expect(
      statusesAtProbe('if (res.status === http2.constants.HTTP_STATUS_OK) probe();', {
        prelude: "const http2 = require('http2');",
      }),
    ).toBe('200');
    expect(
      statusesAtProbe('if (res.status === STATUS.CREATED) probe();', {
        prelude: 'const STATUS = { CREATED: 201 };',
      }),
    ).toBe('201');
    // Unknown names and non-constants do not narrow.
    expect(
      statusesAtProbe('if (res.status === StatusCodes.NOPE) probe();', {
        prelude: "import { StatusCodes } from 'http-status-codes';",
      }),
    ).toBe('100–599');
    expect(statusesAtProbe('let n = 204; n = 200;\nif (res.status === n) probe();')).toBe(
      '100–599',
    );
  });

  it('ignores conditions on other values', () => {
    expect(statusesAtProbe('if (other.status === 204) probe();')).toBe('100–599');
    expect(statusesAtProbe('if (res.statusText === "No Content") probe();')).toBe('100–599');
    expect(statusesAtProbe('if (res.status) probe();')).toBe('100–599');
  });

  it('works on TypeScript syntax', () => {
    const ts = { typescript: true };
    expect(statusesAtProbe('if ((res as Response).status === 204) return;\nprobe();', ts)).toBe(
      '100–203, 205–599',
    );
    expect(statusesAtProbe('if (res!.status !== 200) return;\nprobe();', ts)).toBe('200');
    expect(statusesAtProbe('if ((res.status satisfies number) >= 300) return;\nprobe();', ts)).toBe(
      '100–299',
    );
  });
});

describe('status subjects of errors', () => {
  function errorStatusesAtProbe(body: string): string {
    let result = '';
    analyze(
      `async function main() { try { await go(); } catch (error) {\n${body}\n} }`,
      ({ model }) => {
        const probe = model.file
          .nodesOfType(AST_NODE_TYPES.CallExpression)
          .find(
            (call) =>
              call.callee.type === AST_NODE_TYPES.Identifier && call.callee.name === 'probe',
          )!;
        const handler = model.file.nodesOfType(AST_NODE_TYPES.CatchClause)[0]!;
        const variable = model.file.scopeManager.getDeclaredVariables(handler)[0]!;
        result = model.statusesAt(probe, model.subjectOfVariable(variable)).statuses.toString();
      },
    );
    return result;
  }

  it('reads axios-style error.response.status, with optional chaining', () => {
    expect(errorStatusesAtProbe('if (error.response.status === 429) probe();')).toBe('429');
    expect(errorStatusesAtProbe('if (error.response?.status >= 500) probe();')).toBe('500–599');
    expect(
      errorStatusesAtProbe('const { response } = error;\nif (response?.status === 401) probe();'),
    ).toBe('401');
    expect(
      errorStatusesAtProbe(
        'const status = error?.response?.status;\nif (status === 404) return;\nprobe();',
      ),
    ).toBe('100–403, 405–599');
  });

  it('reads err.status and err.statusCode', () => {
    expect(errorStatusesAtProbe('if (error.status === 503) probe();')).toBe('503');
    expect(errorStatusesAtProbe('if (error.statusCode < 500) return;\nprobe();')).toBe('500–599');
  });
});
