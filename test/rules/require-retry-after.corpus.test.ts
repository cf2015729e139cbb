import * as fs from 'node:fs';
import * as path from 'node:path';

import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../../src';

/**
 * Precision and recall of `require-retry-after` on a corpus of realistic client code
 * (test/fixtures/corpus/require-retry-after, see its README): `// ❌` marks a line that must be
 * reported, `// ❌ known miss: …` a line the rule knowingly misses; any other report is wrong.
 */
const corpusDir = path.join(__dirname, '..', 'fixtures', 'corpus', 'require-retry-after');
const files = fs
  .readdirSync(corpusDir)
  .filter((name) => /\.(?:js|jsx|ts|tsx)$/.test(name))
  .sort();

/** Linted as its project would: CommonJS files (`require`, `module.exports`) as CommonJS. */
function config(filename: string, code: string): Linter.Config {
  const typescript = /\.tsx?$/.test(filename);
  const commonjs = !typescript && /\brequire\(|\bmodule\.exports\b/.test(code);
  return {
    files: [`**/*${path.extname(filename)}`],
    plugins: { 'http-status': plugin as never },
    rules: { 'http-status/require-retry-after': 'error' },
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: commonjs ? 'commonjs' : 'module',
      ...(typescript ? { parser: tsParser as Linter.Parser } : {}),
      parserOptions: { ecmaFeatures: { jsx: /x$/.test(filename) } },
    },
  };
}

interface Outcome {
  readonly file: string;
  readonly truePositives: number[];
  readonly falsePositives: number[];
  readonly misses: number[];
  readonly knownMisses: number[];
}

function measure(file: string): Outcome {
  const code = fs.readFileSync(path.join(corpusDir, file), 'utf8');
  const lines = code.split('\n');
  const expected = new Set<number>();
  const known = new Set<number>();
  lines.forEach((line, index) => {
    if (/\/\/ ❌ known miss/.test(line)) known.add(index + 1);
    else if (/\/\/ ❌/.test(line)) expected.add(index + 1);
  });
  const messages = new Linter({ configType: 'flat' }).verify(code, config(file, code), file);
  const unlinted = messages.filter(
    (message) => message.ruleId !== 'http-status/require-retry-after',
  );
  if (unlinted.length > 0) throw new Error(`${file}: ${unlinted.map((m) => m.message).join('; ')}`);
  const reported = new Set(messages.map((message) => message.line));
  return {
    file,
    truePositives: [...reported].filter((line) => expected.has(line) || known.has(line)),
    falsePositives: [...reported].filter((line) => !expected.has(line) && !known.has(line)),
    misses: [...expected].filter((line) => !reported.has(line)),
    knownMisses: [...known].filter((line) => !reported.has(line)),
  };
}

describe('require-retry-after on the corpus', () => {
  const outcomes = files.map(measure);
  const count = (pick: (outcome: Outcome) => readonly number[]) =>
    outcomes.reduce((sum, outcome) => sum + pick(outcome).length, 0);
  const truePositives = count((o) => o.truePositives);
  const falsePositives = count((o) => o.falsePositives);
  const misses = count((o) => o.misses) + count((o) => o.knownMisses);

  it('has cases of both kinds', () => {
    expect(files.filter((file) => file.startsWith('p')).length).toBeGreaterThanOrEqual(15);
    expect(files.filter((file) => file.startsWith('n')).length).toBeGreaterThanOrEqual(15);
  });

  it('reports no line that is not marked', () => {
    expect(
      outcomes
        .filter((o) => o.falsePositives.length > 0)
        .map((o) => `${o.file}: ${o.falsePositives.join(', ')}`),
    ).toEqual([]);
  });

  it('catches every marked line except the known misses', () => {
    expect(
      outcomes.filter((o) => o.misses.length > 0).map((o) => `${o.file}: ${o.misses.join(', ')}`),
    ).toEqual([]);
  });

  it('meets the issue bar: >= 95% of reports right, >= 90% of cases caught', () => {
    const precision = truePositives / (truePositives + falsePositives);
    const recall = truePositives / (truePositives + misses);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });

  it.each(files)('%s: every fix parses and a second pass changes nothing', (file) => {
    const code = fs.readFileSync(path.join(corpusDir, file), 'utf8');
    const linter = new Linter({ configType: 'flat' });
    const first = linter.verifyAndFix(code, config(file, code), file);
    expect(first.messages.filter((message) => message.fatal)).toEqual([]);
    const second = linter.verifyAndFix(first.output, config(file, code), file);
    expect(second.fixed).toBe(false);
    expect(second.output).toBe(first.output);
  });
});
