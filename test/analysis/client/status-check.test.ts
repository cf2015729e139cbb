import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { getUncheckedBodyReads } from '../../../src/analysis';
import { holderReads, originPattern } from '../../../src/analysis/client/body-reads';
import { resolvesOnErrorStatus } from '../../../src/analysis/client/error-status-options';
import { isValueUsed, onlyFeedsLog } from '../../../src/analysis/client/log-reads';
import { holderMayCheck } from '../../../src/analysis/client/response-uses';
import { analyze } from '../helpers';

const NO_LOGGERS = new Set<string>();

function resolution(code: string): string | false | undefined {
  let result: string | false | undefined = false;
  analyze(code, ({ model }) => {
    result = resolvesOnErrorStatus(model, model.requests[0]!);
  });
  return result;
}

function uncheckedReads(code: string, loggers: readonly string[] = []): string[] {
  let reads: string[] = [];
  analyze(code, ({ model, text }) => {
    reads = getUncheckedBodyReads(model, loggers).map(
      (read) => `${text(read.node)}${read.option ? ` (${read.option})` : ''}`,
    );
  });
  return reads;
}

describe('status-check: whether a request resolves on 4xx/5xx', () => {
  it('fetch resolves on every status; no option turned throwing off', () => {
    expect(resolution(`await fetch(u);`)).toBeUndefined();
  });

  it('a throwing client resolves only with the option that turns throwing off, named as written', () => {
    expect(resolution(`import ky from 'ky'; await ky(u);`)).toBe(false);
    expect(resolution(`import ky from 'ky'; await ky(u, { throwHttpErrors: false });`)).toBe(
      'throwHttpErrors: false',
    );
    expect(
      resolution(`import axios from 'axios'; await axios.get(u, { validateStatus: () => true });`),
    ).toBe('validateStatus: () => true');
    expect(
      resolution(`import axios from 'axios'; await axios.get(u, { validateStatus: null });`),
    ).toBe('validateStatus: () => true');
  });

  it('options the code does not show, hooks and an instance option count as throwing', () => {
    expect(resolution(`import ky from 'ky'; await ky(u, { ...o, throwHttpErrors: false });`)).toBe(
      false,
    );
    expect(resolution(`import ky from 'ky'; await ky(u, { throwHttpErrors: flag });`)).toBe(false);
    expect(
      resolution(
        `import ky from 'ky'; const api = ky.create({ hooks: {} }); await api(u, { throwHttpErrors: false });`,
      ),
    ).toBe(false);
    expect(
      resolution(
        `import ky from 'ky'; const api = ky.create({ throwHttpErrors: false }); await api.get(u);`,
      ),
    ).toBe('throwHttpErrors: false');
  });

  it('undici request is not judged where an option may turn throwing on', () => {
    expect(resolution(`import { request } from 'undici'; await request(u);`)).toBeUndefined();
    expect(resolution(`import { request } from 'undici'; await request(u, opts);`)).toBe(false);
  });
});

describe('status-check: body reads', () => {
  it('finds reads on the holder, through undici body and in the pattern the response is bound to', () => {
    analyze(
      `import { request } from 'undici'; const { statusCode, body } = await request(u); use(await body.json());`,
      ({ model, text }) => {
        const response = model.responses[0]!;
        expect(text(originPattern(response.origin)!)).toBe('{ statusCode, body }');
      },
    );
    analyze(
      `const res = await fetch(u); use(await res.json()); use(res.headers);`,
      ({ model, text }) => {
        const response = model.responses[0]!;
        const reads = holderReads(model.file, response.request.client, response.subject);
        expect(reads.map((read) => [text(read.node), read.read, read.checkTarget?.name])).toEqual([
          ['res.json()', '.json()', 'res'],
        ]);
      },
    );
  });
});

describe('status-check: reads that only feed a log', () => {
  it('a value only logged (in a template, JSON.stringify, a copy, a named logger) is not used', () => {
    analyze(
      `const res = await fetch(u); const a = await res.json(); console.log(a); const b = await res.text(); log.warn(\`got \${JSON.stringify(b)}\`); const c = await res.blob(); use(c); myLog(await res.bytes());`,
      ({ model, find }) => {
        const judge = { file: model.file, loggers: new Set(['myLog']) };
        expect(isValueUsed(judge, find(AST_NODE_TYPES.CallExpression, 'res.json()'), 0)).toBe(
          false,
        );
        expect(isValueUsed(judge, find(AST_NODE_TYPES.CallExpression, 'res.text()'), 0)).toBe(
          false,
        );
        expect(isValueUsed(judge, find(AST_NODE_TYPES.CallExpression, 'res.blob()'), 0)).toBe(true);
        expect(isValueUsed(judge, find(AST_NODE_TYPES.CallExpression, 'res.bytes()'), 0)).toBe(
          false,
        );
        expect(
          isValueUsed(
            { ...judge, loggers: NO_LOGGERS },
            find(AST_NODE_TYPES.CallExpression, 'res.bytes()'),
            0,
          ),
        ).toBe(true);
      },
    );
  });
});

describe('status-check: a status read that only feeds a log', () => {
  it('in an object, a concatenation or String() handed to a log; not in a test', () => {
    analyze(
      `const res = await fetch(u); console.error({ s: res.status }); this.log.info('got ' + String(res.statusCode)); if (res.ok) {}`,
      ({ model, find }) => {
        const judge = { file: model.file, loggers: NO_LOGGERS };
        expect(onlyFeedsLog(judge, find(AST_NODE_TYPES.MemberExpression, 'res.status'), 0)).toBe(
          true,
        );
        expect(
          onlyFeedsLog(judge, find(AST_NODE_TYPES.MemberExpression, 'res.statusCode'), 0),
        ).toBe(true);
        expect(onlyFeedsLog(judge, find(AST_NODE_TYPES.MemberExpression, 'res.ok'), 0)).toBe(false);
      },
    );
  });
});

describe('status-check: what a use of the response says', () => {
  it('a call argument and a return (unless returns are expected) hand it on; a log, a header read and a test do not', () => {
    analyze(
      `async function f() { const res = await fetch(u); console.log(res); res.headers.get('x'); if (res) {} handle(res); return res; }`,
      ({ model }) => {
        const judge = { file: model.file, loggers: NO_LOGGERS };
        const holders = model.responses[0]!.subject.holderNodes().sort(
          (a, b) => a.range[0] - b.range[0],
        );
        expect(holders.map((holder) => holderMayCheck(judge, holder, false))).toEqual([
          false,
          false,
          false,
          true,
          true,
        ]);
        expect(holderMayCheck(judge, holders[4]!, true)).toBe(false);
      },
    );
  });
});

describe('getUncheckedBodyReads', () => {
  it('reports the first used read of a response whose status nothing examines', () => {
    expect(uncheckedReads(`const res = await fetch(u); use(await res.json());`)).toEqual([
      'res.json()',
    ]);
    expect(
      uncheckedReads(`const res = await fetch(u); if (!res.ok) throw e; use(await res.json());`),
    ).toEqual([]);
    expect(
      uncheckedReads(`const res = await fetch(u); console.log(res.status); use(await res.json());`),
    ).toEqual(['res.json()']);
    expect(
      uncheckedReads(`import ky from 'ky'; use(await ky(u, { throwHttpErrors: false }).json());`),
    ).toEqual(['ky(u, { throwHttpErrors: false }).json() (throwHttpErrors: false)']);
  });
});
