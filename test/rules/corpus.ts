/**
 * The corpus format every rule shares: `test/fixtures/corpus/<rule>/` holds realistic files, each
 * linted as is with the rule on (see that folder's README.md). A line ending in
 *
 * - `// ❌` must be reported (`// ❌ ×2`: twice);
 * - `// ❌ known miss: why` should be reported but knowingly is not (counted as a miss);
 * - `// known false report: why` is reported though it should not be (counted as a false report);
 *
 * and any other report is a false report. `describeCorpus` gives each file a test (its reports
 * are exactly its marks, and a known miss or false report still happens, so fixing one shows),
 * checks that `--fix` output parses and is stable, and holds the rule to its precision and recall.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../../src';

export const corpusRoot = path.join(__dirname, '..', 'fixtures', 'corpus');

export interface CorpusBar {
  /** Lowest share of reports that are on marked lines; 1 allows no false report. */
  readonly precision: number;
  /** Lowest share of marked places reported. */
  readonly recall: number;
  /** What the summary line calls a marked place: "sends", "places". */
  readonly places?: string;
  /** How a `.js` file is parsed: always as a module, or as CommonJS when it uses `require`/`module.exports`. */
  readonly sourceType?: 'module' | 'detect';
}

/** What one file expects, and what the rule did there. */
export interface FileOutcome {
  readonly file: string;
  /** Reports per line. */
  readonly reported: ReadonlyMap<number, number>;
  /** Reports expected per line. */
  readonly expected: ReadonlyMap<number, number>;
  readonly knownMisses: ReadonlyMap<number, string>;
  readonly knownFalseReports: ReadonlyMap<number, string>;
}

/** The corpus files of a rule, sorted. */
export function corpusFiles(rule: string): string[] {
  return fs
    .readdirSync(path.join(corpusRoot, rule))
    .filter((name) => /\.(?:js|jsx|ts|tsx)$/.test(name))
    .sort();
}

/** The marks of a file's lines (1-based). */
export function marksOf(code: string): Omit<FileOutcome, 'file' | 'reported'> {
  const expected = new Map<number, number>();
  const knownMisses = new Map<number, string>();
  const knownFalseReports = new Map<number, string>();
  code.split('\n').forEach((text, index) => {
    const line = index + 1;
    const miss = /\/\/ ❌ known miss: (.*)$/.exec(text);
    const falseReport = /\/\/ known false report: (.*)$/.exec(text);
    const mark = /\/\/ ❌(?: ×(\d+))?\s*$/.exec(text);
    if (miss) knownMisses.set(line, miss[1]!);
    else if (falseReport) knownFalseReports.set(line, falseReport[1]!);
    else if (mark) expected.set(line, Number(mark[1] ?? 1));
  });
  return { expected, knownMisses, knownFalseReports };
}

/** Linted as its project would; with `detect`, CommonJS files (`require`, `module.exports`) as CommonJS. */
function configFor(rule: string, filename: string, code: string, bar: CorpusBar): Linter.Config {
  const typescript = /\.tsx?$/.test(filename);
  const commonjs =
    bar.sourceType === 'detect' && !typescript && /\brequire\(|\bmodule\.exports\b/.test(code);
  return {
    files: [`**/*${path.extname(filename)}`],
    plugins: { 'http-status': plugin as never },
    rules: { [`http-status/${rule}`]: 'error' },
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: commonjs ? 'commonjs' : 'module',
      ...(typescript ? { parser: tsParser as Linter.Parser } : {}),
      parserOptions: { ecmaFeatures: { jsx: /x$/.test(filename) } },
    },
  };
}

/** Lints one corpus file and reads its marks. */
export function measureFile(rule: string, file: string, bar: CorpusBar): FileOutcome {
  const code = fs.readFileSync(path.join(corpusRoot, rule, file), 'utf8');
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(code, configFor(rule, file, code, bar), file);
  const unlinted = messages.filter((message) => message.ruleId !== `http-status/${rule}`);
  if (unlinted.length > 0) throw new Error(`${file}: ${unlinted.map((m) => m.message).join('; ')}`);
  const marks = marksOf(code);
  // A mark inside a string or template literal would change the code it marks.
  const commented = new Set(
    linter
      .getSourceCode()
      .getAllComments()
      .map((c) => c.loc!.start.line),
  );
  const marked = [marks.expected, marks.knownMisses, marks.knownFalseReports].flatMap((m) => [
    ...m.keys(),
  ]);
  const notComments = marked.filter((line) => !commented.has(line));
  if (notComments.length > 0)
    throw new Error(`${file}: the marks on lines ${notComments.join(', ')} are not comments`);
  const reported = new Map<number, number>();
  for (const { line } of messages) reported.set(line, (reported.get(line) ?? 0) + 1);
  return { file, reported, ...marks };
}

/** Caught, false and missed places over a corpus. */
export function scoreOutcomes(outcomes: readonly FileOutcome[]) {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  for (const outcome of outcomes) {
    const lines = new Set([...outcome.reported.keys(), ...outcome.expected.keys()]);
    for (const line of outcome.knownMisses.keys()) lines.add(line);
    for (const line of lines) {
      const reported = outcome.reported.get(line) ?? 0;
      const expected = outcome.expected.get(line) ?? (outcome.knownMisses.has(line) ? 1 : 0);
      truePositives += Math.min(reported, expected);
      falsePositives += Math.max(0, reported - expected);
      falseNegatives += Math.max(0, expected - reported);
    }
  }
  const reports = truePositives + falsePositives;
  const places = truePositives + falseNegatives;
  return {
    truePositives,
    falsePositives,
    falseNegatives,
    precision: reports === 0 ? 1 : truePositives / reports,
    recall: places === 0 ? 1 : truePositives / places,
  };
}

/** What a file's reports differ in from its marks: `line: reported/expected`, known cases aside. */
function differences(outcome: FileOutcome): string[] {
  const lines = new Set([...outcome.reported.keys(), ...outcome.expected.keys()]);
  for (const line of outcome.knownMisses.keys()) lines.add(line);
  for (const line of outcome.knownFalseReports.keys()) lines.add(line);
  const found: string[] = [];
  for (const line of [...lines].sort((a, b) => a - b)) {
    const reported = outcome.reported.get(line) ?? 0;
    if (outcome.knownMisses.has(line)) {
      if (reported > 0) found.push(`line ${line}: the known miss is caught now, mark it ❌`);
    } else if (outcome.knownFalseReports.has(line)) {
      if (reported === 0) found.push(`line ${line}: the known false report is gone, unmark it`);
    } else if (reported !== (outcome.expected.get(line) ?? 0)) {
      found.push(`line ${line}: ${reported} report(s), ${outcome.expected.get(line) ?? 0} marked`);
    }
  }
  return found;
}

/** The rule's corpus tests: one per file, `--fix` stability per file, and the bar. */
export function describeCorpus(rule: string, bar: CorpusBar): void {
  const files = corpusFiles(rule);
  describe(`${rule} on its corpus (test/fixtures/corpus/${rule})`, () => {
    const outcomes = files.map((file) => measureFile(rule, file, bar));

    it.each(outcomes.map((outcome) => [outcome.file, outcome] as const))(
      '%s: reports exactly the marked lines',
      (_file, outcome) => {
        expect(differences(outcome)).toEqual([]);
      },
    );

    it(`meets the bar: >= ${bar.precision * 100}% of reports right, >= ${bar.recall * 100}% of marked places caught`, () => {
      const score = scoreOutcomes(outcomes);
      console.log(
        `${rule} corpus: ${files.length} files, ${score.truePositives + score.falseNegatives} marked ${bar.places ?? 'places'}; ` +
          `${score.truePositives} caught, ${score.falsePositives} false reports, ${score.falseNegatives} missed; ` +
          `precision ${(score.precision * 100).toFixed(1)}%, recall ${(score.recall * 100).toFixed(1)}%`,
      );
      expect(score.precision).toBeGreaterThanOrEqual(bar.precision);
      expect(score.recall).toBeGreaterThanOrEqual(bar.recall);
    });

    it.each(files)('%s: every fix parses and a second pass changes nothing', (file) => {
      const code = fs.readFileSync(path.join(corpusRoot, rule, file), 'utf8');
      const config = configFor(rule, file, code, bar);
      const linter = new Linter({ configType: 'flat' });
      const first = linter.verifyAndFix(code, config, file);
      expect(first.messages.filter((message) => message.fatal)).toEqual([]);
      const second = linter.verifyAndFix(first.output, config, file);
      expect(second.fixed).toBe(false);
      expect(second.output).toBe(first.output);
    });
  });
}
