// oxlint: the packed plugin, loaded by oxlint's JS plugin support (`jsPlugins` in .oxlintrc.json)
// from the consumer's node_modules, reports the same findings as ESLint on the same fixtures, and
// its --fix writes the same fixed code. What oxlint's alpha does not carry over (doc links,
// suggestions in its output, SARIF rule metadata) is asserted as such and listed in the README.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { afterAll, describe, expect, inject, it } from 'vitest';

import {
  type Consumer,
  type LintResult,
  activeFixtures,
  allRulesAt,
  builtPlugin,
  consumerFile,
  eslint,
  findingsUnder,
  namespace,
  repoRoot,
  run,
} from './harness';
import { validateSarif } from './sarif-schema';

const { consumers } = inject('integration');
const fixtures = activeFixtures();
const plugin = builtPlugin();
const oxlintBin = path.join(repoRoot, 'node_modules/oxlint/bin/oxlint');

interface OxlintDiagnostic {
  message: string;
  code: string;
  severity: string;
  url?: string;
  help?: string;
  filename: string;
  labels: Array<{ span: { offset: number; length: number; line: number; column: number } }>;
}

/** Line and column (1-based, UTF-16 columns as ESLint counts) of a UTF-8 byte offset. */
function position(text: string, byteOffset: number): { line: number; column: number } {
  const before = Buffer.from(text, 'utf8').subarray(0, byteOffset).toString('utf8');
  const lines = before.split('\n');
  return { line: lines.length, column: lines.at(-1)!.length + 1 };
}

/** oxlint lints files in parallel and prints them in no fixed order: compare rows sorted. */
const sorted = <T extends ReadonlyArray<string | number>>(rows: T[]): T[] =>
  [...rows].sort((a, b) => {
    for (let index = 0; index < Math.min(a.length, b.length); index++) {
      if (a[index] === b[index]) continue;
      return typeof a[index] === 'number'
        ? (a[index] as number) - (b[index] as number)
        : String(a[index]).localeCompare(String(b[index]));
    }
    return a.length - b.length;
  });

/** `http-status(rule)` in oxlint's output is `http-status/rule` in ESLint's. */
const eslintRuleId = (code: string): string => code.replace(/^([^(]+)\((.+)\)$/, '$1/$2');

describe.concurrent.each(consumers.filter((consumer) => consumer.eslintMajor === 10))(
  '$id: oxlint',
  (consumer: Consumer) => {
    const work = mkdtempSync(path.join(consumer.dir, 'oxlint-'));
    afterAll(() => rmSync(work, { recursive: true, force: true }));

    /** An .oxlintrc.json that loads the plugin by its package name, with all its rules at a severity. */
    function config(severity: 'error' | 'warn'): string {
      const file = path.join(work, `.oxlintrc.${severity}.json`);
      writeFileSync(
        file,
        `${JSON.stringify(
          {
            jsPlugins: ['eslint-plugin-http-status'],
            // Only this plugin's rules: oxlint's own default (correctness) rules are turned off.
            categories: { correctness: 'off' },
            rules: Object.fromEntries(
              Object.keys(plugin.rules).map((rule) => [`${namespace}/${rule}`, severity]),
            ),
          },
          null,
          2,
        )}\n`,
      );
      return file;
    }

    const oxlint = (args: string[]) =>
      run(process.execPath, [oxlintBin, ...args], { cwd: consumer.dir });
    const files = fixtures.map((fixture) => consumerFile(consumer, fixture.rule));

    it('reports the same findings as ESLint (rule ids, positions, messages) and exits 1', async () => {
      const result = await oxlint(['-c', config('error'), '-f', 'json', ...files]);
      const { diagnostics } = JSON.parse(result.stdout) as { diagnostics: OxlintDiagnostic[] };
      const total = fixtures.reduce((sum, fixture) => sum + fixture.findings.length, 0);
      expect(result.code, result.stderr).toBe(total > 0 ? 1 : 0);
      for (const fixture of fixtures) {
        const file = consumerFile(consumer, fixture.rule);
        const text = readFileSync(path.join(consumer.dir, file), 'utf8');
        const found = diagnostics
          .filter((diagnostic) => diagnostic.filename === file)
          .map((diagnostic) => {
            const { span } = diagnostic.labels[0]!;
            const end = position(text, span.offset + span.length);
            return {
              ruleId: eslintRuleId(diagnostic.code),
              severity: diagnostic.severity,
              line: span.line,
              column: span.column,
              endLine: end.line,
              endColumn: end.column,
              message: diagnostic.message,
              // oxlint does not pass a JS plugin rule's meta.docs.url on (README: oxlint).
              url: diagnostic.url,
            };
          })
          .sort((a, b) => a.line - b.line || a.column - b.column);
        expect(found, fixture.rule).toEqual(
          fixture.findings.map((finding) => ({
            ruleId: finding.ruleId,
            severity: 'error',
            line: finding.line,
            column: finding.column,
            endLine: finding.endLine,
            endColumn: finding.endColumn,
            message: finding.message,
            url: undefined,
          })),
        );
      }
    });

    it("writes valid SARIF 2.1.0 with the same results, but without the rules' metadata", async () => {
      const result = await oxlint(['-c', config('error'), '-f', 'sarif', ...files]);
      const log = JSON.parse(result.stdout) as {
        version: string;
        runs: Array<{
          tool: { driver: { name: string; rules: Array<{ id: string; helpUri?: string }> } };
          results: Array<{
            ruleId: string;
            message: { text: string };
            locations: Array<{
              physicalLocation: {
                artifactLocation: { uri: string };
                region: { startLine: number; startColumn: number };
              };
            }>;
          }>;
        }>;
      };
      expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
      expect(log.version).toBe('2.1.0');
      const [sarifRun] = log.runs;
      expect(sarifRun!.tool.driver.name).toBe('oxlint');
      // Gap (README: oxlint): a JS plugin rule gets no reportingDescriptor, so no helpUri.
      expect(sarifRun!.tool.driver.rules.filter((rule) => rule.id.startsWith(namespace))).toEqual(
        [],
      );
      expect(
        sorted(
          sarifRun!.results.map((entry) => {
            const { artifactLocation, region } = entry.locations[0]!.physicalLocation;
            return [
              artifactLocation.uri,
              region.startLine,
              region.startColumn,
              eslintRuleId(entry.ruleId),
              entry.message.text,
            ];
          }),
        ),
      ).toEqual(
        sorted(
          fixtures.flatMap((fixture) =>
            fixture.findings.map((finding) => [
              consumerFile(consumer, fixture.rule),
              finding.line,
              finding.column,
              finding.ruleId,
              finding.message,
            ]),
          ),
        ),
      );
    });

    it('takes configs.recommended from the plugin in a JavaScript oxlint config', async () => {
      const file = path.join(work, 'oxlint.config.mjs');
      writeFileSync(
        file,
        [
          "import httpStatus from 'eslint-plugin-http-status';",
          '',
          'export default {',
          "  jsPlugins: ['eslint-plugin-http-status'],",
          "  categories: { correctness: 'off' },",
          '  rules: httpStatus.configs.recommended.rules,',
          '};',
          '',
        ].join('\n'),
      );
      const result = await oxlint(['-c', file, '-f', 'json', ...files]);
      const { diagnostics } = JSON.parse(result.stdout) as { diagnostics: OxlintDiagnostic[] };
      const expected = fixtures.flatMap((fixture) =>
        findingsUnder(fixture, 'recommended').map((finding) => [
          consumerFile(consumer, fixture.rule),
          finding.line,
          finding.column,
          finding.ruleId,
          finding.message,
        ]),
      );
      expect(
        sorted(
          diagnostics.map((diagnostic) => [
            diagnostic.filename,
            diagnostic.labels[0]!.span.line,
            diagnostic.labels[0]!.span.column,
            eslintRuleId(diagnostic.code),
            diagnostic.message,
          ]),
        ),
      ).toEqual(sorted(expected));
      expect(result.code).toBe(expected.length > 0 ? 1 : 0);
    });

    it('exits 0 on correct code', async () => {
      const result = await oxlint([
        '-c',
        config('error'),
        '-f',
        'json',
        consumerFile(consumer, 'clean'),
      ]);
      expect(JSON.parse(result.stdout)).toMatchObject({ diagnostics: [] });
      expect(result.code).toBe(0);
    });

    it('exits 0 on warnings, and 1 with --max-warnings 0', async () => {
      const total = fixtures.reduce((sum, fixture) => sum + fixture.findings.length, 0);
      const [lenient, strict] = await Promise.all([
        oxlint(['-c', config('warn'), '-f', 'json', ...files]),
        oxlint(['-c', config('warn'), '--max-warnings', '0', ...files]),
      ]);
      const { diagnostics } = JSON.parse(lenient.stdout) as { diagnostics: OxlintDiagnostic[] };
      expect(diagnostics.filter((diagnostic) => diagnostic.severity === 'warning')).toHaveLength(
        total,
      );
      expect(lenient.code).toBe(0);
      expect(strict.code).toBe(total > 0 ? 1 : 0);
    });

    it('--fix writes the same fixed code as ESLint', async () => {
      const copy = path.join(work, 'fix');
      cpSync(path.join(consumer.dir, 'src'), copy, { recursive: true });
      const relative = path.relative(consumer.dir, copy);
      const result = await oxlint([
        '-c',
        config('error'),
        '--fix',
        '-f',
        'json',
        ...fixtures.map((fixture) => path.join(relative, `${fixture.rule}${consumer.ext}`)),
      ]);
      for (const fixture of fixtures) {
        expect(
          readFileSync(path.join(copy, `${fixture.rule}${consumer.ext}`), 'utf8'),
          fixture.rule,
        ).toBe(fixture.fixed);
      }
      const { diagnostics } = JSON.parse(result.stdout) as { diagnostics: OxlintDiagnostic[] };
      const unfixable = fixtures.flatMap((fixture) =>
        fixture.findings
          .filter((finding) => !finding.fix)
          .map((finding) => [
            path.join(relative, `${fixture.rule}${consumer.ext}`),
            finding.ruleId,
            finding.message,
          ]),
      );
      expect(
        sorted(
          diagnostics.map((diagnostic) => [
            diagnostic.filename,
            eslintRuleId(diagnostic.code),
            diagnostic.message,
          ]),
        ),
      ).toEqual(sorted(unfixable));
    });

    it('--fix needs one run: a second run changes nothing (touching fixes would need two)', async () => {
      // oxlint applies one of two fixes whose ranges touch per run, ESLint merges them; the
      // no-retry-on-client-error fixture lists two neighbouring 4xx statuses to catch that.
      const copy = path.join(work, 'fix-once');
      cpSync(path.join(consumer.dir, 'src'), copy, { recursive: true });
      const relative = path.relative(consumer.dir, copy);
      const targets = fixtures.map((fixture) =>
        path.join(relative, `${fixture.rule}${consumer.ext}`),
      );
      await oxlint(['-c', config('error'), '--fix', '-f', 'json', ...targets]);
      const once = targets.map((file) => readFileSync(path.join(consumer.dir, file), 'utf8'));
      expect(once, 'one run writes what ESLint writes').toEqual(
        fixtures.map((fixture) => fixture.fixed),
      );
      await oxlint(['-c', config('error'), '--fix', '-f', 'json', ...targets]);
      expect(targets.map((file) => readFileSync(path.join(consumer.dir, file), 'utf8'))).toEqual(
        once,
      );
    });

    it("--fix-suggestions applies, unasked, each finding's fix or else its first suggestion", async () => {
      // What ESLint offers for the same files: the fix, and the suggestions in order.
      const offered = JSON.parse(
        (await eslint(consumer, ['--format', 'json', '--rule', allRulesAt('error'), ...files]))
          .stdout,
      ) as LintResult[];
      const copy = path.join(work, 'suggest');
      cpSync(path.join(consumer.dir, 'src'), copy, { recursive: true });
      const relative = path.relative(consumer.dir, copy);
      await oxlint([
        '-c',
        config('error'),
        '--fix-suggestions',
        '-f',
        'json',
        ...fixtures.map((fixture) => path.join(relative, `${fixture.rule}${consumer.ext}`)),
      ]);
      for (const fixture of fixtures) {
        const messages = offered.find(
          (entry) =>
            entry.filePath === path.join(consumer.dir, consumerFile(consumer, fixture.rule)),
        )!.messages;
        const edits = messages
          .map((message) => message.fix ?? message.suggestions?.[0]?.fix)
          .filter((edit) => edit !== undefined)
          .sort((a, b) => b.range[0] - a.range[0]);
        const expected = edits.reduce(
          (text, edit) => text.slice(0, edit.range[0]) + edit.text + text.slice(edit.range[1]),
          fixture.code,
        );
        expect(
          readFileSync(path.join(copy, `${fixture.rule}${consumer.ext}`), 'utf8'),
          fixture.rule,
        ).toBe(expected);
      }
    });
  },
);
