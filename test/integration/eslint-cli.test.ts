// The real `eslint` CLI of each consumer project (ESLint 10 and 9; eslint.config.js and
// eslint.config.ts), on the fixtures: findings, messages, --fix, exit codes, --max-warnings 0.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

import { afterAll, describe, expect, inject, it } from 'vitest';

import {
  type Consumer,
  type ExpectedFinding,
  type LintResult,
  type RunResult,
  activeFixtures,
  allRulesAt,
  builtPlugin,
  consumerFile,
  eslint,
  findingsUnder,
  run,
} from './harness';

const { consumers } = inject('integration');
const fixtures = activeFixtures();
const plugin = builtPlugin();

/** What a finding looks like in `--format json`, reduced to what the fixture table states. */
function asExpected(message: LintResult['messages'][number]): ExpectedFinding {
  return {
    ruleId: message.ruleId ?? '(none)',
    line: message.line,
    column: message.column,
    endLine: message.endLine ?? message.line,
    endColumn: message.endColumn ?? message.column,
    message: message.message,
    fix: message.fix !== undefined,
    suggestions: (message.suggestions ?? []).map((suggestion) => suggestion.desc),
  };
}

function parseJson(result: RunResult): LintResult[] {
  try {
    return JSON.parse(result.stdout) as LintResult[];
  } catch {
    throw new Error(
      `eslint printed no JSON (exit ${result.code}):\n${result.stderr}\n${result.stdout}`,
    );
  }
}

function byFile(results: LintResult[], consumer: Consumer, rule: string): LintResult {
  const file = path.join(consumer.dir, consumerFile(consumer, rule));
  const result = results.find((entry) => entry.filePath === file);
  if (!result)
    throw new Error(`no result for ${file}: ${results.map((entry) => entry.filePath).join(', ')}`);
  return result;
}

/** Runs once, on first use, and shares the result between the tests that read it. */
function once<T>(compute: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => (promise ??= compute());
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const fixtureFiles = (consumer: Consumer): string[] =>
  fixtures.map((fixture) => consumerFile(consumer, fixture.rule));

describe.concurrent.each(consumers)(
  '$id (ESLint $eslintVersion, eslint.config.$configKind, configs.$configName)',
  (consumer) => {
    const lintAllRules = once(async () =>
      eslint(consumer, [
        '--format',
        'json',
        '--rule',
        allRulesAt('error'),
        ...fixtureFiles(consumer),
      ]),
    );
    // A consumer whose config is `all` already has every rule on: the same run serves both.
    const lintWithConfig =
      consumer.configName === 'all'
        ? lintAllRules
        : once(async () => eslint(consumer, ['--format', 'json', ...fixtureFiles(consumer)]));

    it('runs the ESLint version it installed, and loads the packed plugin from node_modules', async () => {
      const version = await eslint(consumer, ['--version']);
      expect(version.stdout.trim()).toBe(`v${consumer.eslintVersion}`);
      expect(version.code).toBe(0);
      const loaded = await run(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          [
            "import plugin from 'eslint-plugin-http-status';",
            "import { createRequire } from 'node:module';",
            "const where = createRequire(import.meta.url + '/').resolve('eslint-plugin-http-status');",
            'console.log(JSON.stringify({ where, meta: plugin.meta, rules: Object.keys(plugin.rules),',
            '  configs: Object.fromEntries(Object.entries(plugin.configs).map(([k, v]) => [k, Object.keys(v.rules)])) }));',
          ].join('\n'),
        ],
        { cwd: consumer.dir },
      );
      expect(loaded.stderr).toBe('');
      const info = JSON.parse(loaded.stdout) as {
        where: string;
        meta: unknown;
        rules: string[];
        configs: Record<string, string[]>;
      };
      expect(info.where).toBe(
        path.join(consumer.dir, 'node_modules/eslint-plugin-http-status/dist/index.js'),
      );
      expect(info.meta).toEqual(plugin.meta);
      expect(info.rules).toEqual(Object.keys(plugin.rules));
      expect(info.configs).toEqual(
        Object.fromEntries(
          Object.entries(plugin.configs).map(([name, config]) => [
            name,
            Object.keys(config.rules ?? {}),
          ]),
        ),
      );
    });

    // The plugin's types are the same for ESLint 9 and 10: one consumer checks them.
    if (consumer.configKind === 'ts' && consumer.eslintMajor === 10) {
      it('type-checks its eslint.config.ts against the plugin and typescript-eslint types', async () => {
        const tsc = await run(
          process.execPath,
          [path.join(consumer.dir, 'node_modules/typescript/bin/tsc'), '-p', '.'],
          {
            cwd: consumer.dir,
          },
        );
        expect(tsc.stdout + tsc.stderr).toBe('');
        expect(tsc.code).toBe(0);
      });
    }

    it('exits 0 and prints nothing on correct code', async () => {
      const result = await eslint(consumer, [consumerFile(consumer, 'clean')]);
      expect(result.stderr).toBe('');
      expect(result.stdout).toBe('');
      expect(result.code).toBe(0);
    });

    for (const fixture of fixtures) {
      describe(fixture.rule, () => {
        it(`reports what configs.${consumer.configName} enables, with --format json`, async () => {
          const result = await lintWithConfig();
          const expected = findingsUnder(fixture, consumer.configName);
          expect(
            byFile(parseJson(result), consumer, fixture.rule).messages.map(asExpected),
          ).toEqual(expected);
          expect(result.stderr).toBe('');
        });

        it('reports every finding of the fixture with all rules on', async () => {
          const result = await lintAllRules();
          const file = byFile(parseJson(result), consumer, fixture.rule);
          expect(file.messages.map(asExpected)).toEqual(fixture.findings);
          expect(file.errorCount).toBe(fixture.findings.length);
          expect(file.fixableErrorCount).toBe(
            fixture.findings.filter((finding) => finding.fix).length,
          );
          expect(result.code).toBe(fixture.findings.length > 0 ? 1 : 0);
        });
      });
    }

    it('prints every finding in the default (stylish) format', async () => {
      const result = await eslint(consumer, [
        '--rule',
        allRulesAt('error'),
        ...fixtureFiles(consumer),
      ]);
      for (const fixture of fixtures) {
        for (const finding of fixture.findings) {
          // stylish drops a message's final period.
          const message = finding.message.replace(/([^ ])\.$/u, '$1');
          const parts = [`${finding.line}:${finding.column}`, 'error', message, finding.ruleId];
          expect(result.stdout).toMatch(
            new RegExp(`^ +${parts.map(escapeRegExp).join(' +')}$`, 'm'),
          );
        }
      }
      const total = fixtures.reduce((sum, fixture) => sum + fixture.findings.length, 0);
      if (total > 0) expect(result.stdout).toContain(`✖ ${total} problem`);
      expect(result.code).toBe(total > 0 ? 1 : 0);
    });

    it('counts every finding of every fixture in one run, and exits 1 on errors', async () => {
      const result = await lintAllRules();
      const total = fixtures.reduce((sum, fixture) => sum + fixture.findings.length, 0);
      expect(parseJson(result).reduce((sum, file) => sum + file.errorCount, 0)).toBe(total);
      expect(result.code).toBe(total > 0 ? 1 : 0);
    });

    it('exits 0 on warnings, and 1 with --max-warnings 0', async () => {
      const total = fixtures.reduce((sum, fixture) => sum + fixture.findings.length, 0);
      const [lenient, strict] = await Promise.all([
        eslint(consumer, [
          '--format',
          'json',
          '--rule',
          allRulesAt('warn'),
          ...fixtureFiles(consumer),
        ]),
        eslint(consumer, [
          '--max-warnings',
          '0',
          '--rule',
          allRulesAt('warn'),
          ...fixtureFiles(consumer),
        ]),
      ]);
      expect(parseJson(lenient).reduce((sum, file) => sum + file.warningCount, 0)).toBe(total);
      expect(lenient.code).toBe(0);
      if (total > 0) {
        expect(strict.stdout + strict.stderr).toContain(
          'ESLint found too many warnings (maximum: 0)',
        );
        expect(strict.code).toBe(1);
      } else {
        expect(strict.code).toBe(0);
      }
    });

    describe('--fix', () => {
      let work: string | undefined;
      afterAll(() => {
        if (work) rmSync(work, { recursive: true, force: true });
      });

      it('rewrites each fixture to its fixed.js, and exits by what is left', async () => {
        // A copy inside the consumer, so that its eslint.config is the one that applies.
        work = mkdtempSync(path.join(consumer.dir, 'fix-'));
        const relative = path.relative(consumer.dir, work);
        cpSync(path.join(consumer.dir, 'src'), work, { recursive: true });
        const files = fixtures.map((fixture) =>
          path.join(relative, `${fixture.rule}${consumer.ext}`),
        );
        const result = await eslint(consumer, [
          '--fix',
          '--format',
          'json',
          '--rule',
          allRulesAt('error'),
          ...files,
        ]);
        const left = parseJson(result).flatMap((file) => file.messages);
        for (const fixture of fixtures) {
          expect(
            readFileSync(path.join(work, `${fixture.rule}${consumer.ext}`), 'utf8'),
            fixture.rule,
          ).toBe(fixture.fixed);
        }
        const unfixable = fixtures.flatMap((fixture) =>
          fixture.findings.filter((finding) => !finding.fix),
        );
        expect(left.map((message) => [message.ruleId, message.message])).toEqual(
          unfixable.map((finding) => [finding.ruleId, finding.message]),
        );
        expect(result.code).toBe(unfixable.length > 0 ? 1 : 0);
      });
    });
  },
);
