import { ESLint } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';

import {
  added,
  checkEditMeaning,
  fingerprintAll,
  fixDiff,
  makeScopeChecker,
  makeTypeChecker,
  precisionTable,
  // @ts-expect-error: a plain ES module script without types
} from '../../scripts/bench-review.mjs';

const languageConfigs = [
  { files: ['**/*.js'], languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
  { files: ['**/*.ts'], languageOptions: { parser: tsParser, sourceType: 'module' } },
];

/** A message as ESLint gives it, pointing at the first `needle` of `source`. */
function messageAt(source: string, needle: string, extra: object = {}) {
  const start = source.indexOf(needle);
  const before = source.slice(0, start).split('\n');
  const end = source.slice(0, start + needle.length).split('\n');
  return {
    ruleId: 'http-status/no-json-on-no-content',
    message: 'm',
    file: 'js-module/pkg/a.js',
    line: before.length,
    column: before.at(-1)!.length + 1,
    endLine: end.length,
    endColumn: end.at(-1)!.length + 1,
    ...extra,
  };
}

describe('bench reviews: fingerprints', () => {
  it('survive lines added above the report, and leave out the parser group', () => {
    const code = 'const r = await fetch(u);\nconst data = await r.json();\n';
    const moved = `// a comment\n\n${code}`;
    const [a] = fingerprintAll('apps', [
      { message: messageAt(code, 'r.json()'), source: code },
    ]).reports;
    const [b] = fingerprintAll('apps', [
      { message: { ...messageAt(moved, 'r.json()'), file: 'js-commonjs/pkg/a.js' }, source: moved },
    ]).reports;
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(a.file).toBe('pkg/a.js');
    expect(a.line).not.toBe(b.line);
  });

  it('tell apart equal texts in one file, and a fix from its report', () => {
    const code = 'a(r.json());\nb(r.json());\n';
    const fix = { range: [2, 10], text: 'x' };
    const found = fingerprintAll('apps', [
      { message: messageAt(code, 'r.json()', { fix }), source: code },
      { message: { ...messageAt(code, 'r.json()'), line: 2, endLine: 2 }, source: code },
    ]);
    expect(new Set(found.reports.map((r: { fingerprint: string }) => r.fingerprint)).size).toBe(2);
    expect(found.fixes).toHaveLength(1);
    expect(found.fixes[0].diff).toBe('@@ line 1 @@\n-a(r.json());\n+a(x);');
  });

  it('fixDiff shows every line a fix spans', () => {
    expect(fixDiff('one\ntwo\nthree\n', { range: [2, 6], text: 'E\nT' })).toBe(
      '@@ line 1 @@\n-one\n-two\n+onE\n+To',
    );
  });
});

describe('bench reviews: precision per rule', () => {
  it('counts a wrong autofix as a false report and fails on unreviewed or < 0.95', () => {
    const rule = 'http-status/x';
    const reports = [
      ...Array.from({ length: 19 }, () => ({ rule, verdict: true })),
      { rule, verdict: false },
    ];
    const [row] = precisionTable([rule], { reports, fixes: [] });
    expect(row).toMatchObject({
      reports: 20,
      reviewedTrue: 19,
      reviewedFalse: 1,
      precision: 0.95,
      pass: true,
    });
    const [withWrongFix] = precisionTable([rule], { reports, fixes: [{ rule, verdict: false }] });
    expect(withWrongFix.precision).toBeCloseTo(19 / 21);
    expect(withWrongFix.pass).toBe(false);
    const [unreviewed] = precisionTable([rule], { reports: [{ rule, verdict: null }], fixes: [] });
    expect(unreviewed).toMatchObject({ unreviewed: 1, precision: null, pass: false });
  });

  it('added() counts repeated keys', () => {
    expect(added(['a', 'a', 'b'], ['a', 'b', 'b', 'c'])).toEqual(['b', 'c']);
  });
});

describe('bench fix checks that see meaning', () => {
  const scope = makeScopeChecker(ESLint, process.cwd(), languageConfigs);

  it('catches a fix that reads a binding in its temporal dead zone or out of scope', async () => {
    const original =
      'function f(r) {\n  const data = r.json();\n  return data;\n}\nconst status = 1;\n';
    const text = 'status === 204 ? null : r.json()';
    const at = original.indexOf('r.json()');
    const edit = { range: [at, at + 'r.json()'.length], text };
    const fixed = original.slice(0, at) + text + original.slice(at + 8);
    const outOfScope = original.replace('return data;', 'return data + res;');
    const problems = await checkEditMeaning({
      original,
      fixed,
      edit,
      filePath: `${process.cwd()}/a.js`,
      scope,
      cache: {},
    });
    expect(problems).toEqual([
      "adds no-use-before-define: 'status' was used before it was defined.",
    ]);
    const undefinedName = await checkEditMeaning({
      original,
      fixed: outOfScope,
      edit: { range: [0, 0], text: '' },
      filePath: `${process.cwd()}/a.js`,
      scope,
      cache: {},
    });
    expect(undefinedName).toEqual(["adds no-undef: 'res' is not defined."]);
  });

  it('passes a fix that only reads what is in scope', async () => {
    const original = 'async function f(r) {\n  return await r.json();\n}\n';
    const text = 'r.status === 204 ? undefined : await r.json()';
    const from = original.indexOf('await r.json()');
    const edit = { range: [from, from + 'await r.json()'.length], text };
    const fixed = original.slice(0, from) + text + original.slice(edit.range[1]);
    expect(
      await checkEditMeaning({
        original,
        fixed,
        edit,
        filePath: `${process.cwd()}/a.js`,
        scope,
        cache: {},
      }),
    ).toEqual([]);
  });

  it('catches a new TypeScript diagnostic at the lines a fix wrote, not elsewhere', async () => {
    const types = makeTypeChecker();
    const original =
      "import x from 'nowhere';\nconst n: number = 1;\nexport const s: string = String(n);\n";
    const text = 'n';
    const from = original.indexOf('String(n)');
    const edit = { range: [from, from + 'String(n)'.length], text };
    const fixed = original.slice(0, from) + text + original.slice(edit.range[1]);
    const problems = await checkEditMeaning({
      original,
      fixed,
      edit,
      filePath: `${process.cwd()}/a.ts`,
      scope,
      types,
      cache: {},
    });
    expect(problems).toEqual([
      "adds TS2322: Type 'number' is not assignable to type 'string'. (line 3)",
    ]);
  }, 60_000);
});
