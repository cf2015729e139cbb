/**
 * Bounded fuzz test: every rule of the plugin (all of plugin.rules, so new rules join by
 * themselves) over generated programs, as JavaScript (espree) and as TypeScript / TSX
 * (typescript-eslint). Asserts that no rule throws, that `--fix` output parses and is stable,
 * and that every suggestion, applied alone, gives code that parses.
 *
 * Deterministic: program i of a block is built from seed FUZZ_SEED + i. A failure prints the seed,
 * the dialect and the program. FUZZ_SEED=… and FUZZ_SCALE=10 (ten times more programs, the time
 * budget scaled too) explore further: `FUZZ_SEED=7 FUZZ_SCALE=10 npx vitest run test/fuzz.test.ts`.
 */
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { generateRandomJS } from 'eslump';
import { describe, expect, it } from 'vitest';

import plugin from '../src';
import {
  type Dialect,
  HttpProgramGenerator,
  seededRandom,
  type Random,
} from './fuzz/http-programs';

const SEED = Number(process.env.FUZZ_SEED ?? 20261122);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
/**
 * Each block also stops when its time is up (eslump 8 s, each HTTP dialect 6 s), so `npm test`
 * stays under a minute on slow machines; on fast ones the counts bound it.
 */
const ESLUMP_BUDGET_MS = 8_000 * SCALE;
const HTTP_BUDGET_MS = 6_000 * SCALE;

const ruleIds = Object.keys(plugin.rules).map((name) => `http-status/${name}`);
const allRules: Linter.RulesRecord = Object.fromEntries(ruleIds.map((id) => [id, 'error']));
const linter = new Linter({ configType: 'flat' });

function config(dialect: Dialect, rules: Linter.RulesRecord): Linter.Config {
  const typescript = dialect === 'ts' || dialect === 'tsx';
  return {
    // An explicit pattern per extension: `**/*` alone does not make a .ts/.tsx/.jsx file lintable.
    files: ['**/*.js', '**/*.jsx', '**/*.ts', '**/*.tsx'],
    plugins: { 'http-status': plugin as never },
    rules,
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: 'module',
      ...(typescript ? { parser: tsParser as Linter.Parser } : {}),
      parserOptions: { ecmaFeatures: { jsx: dialect === 'jsx' || dialect === 'tsx' } },
    },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
  };
}

const filename = (dialect: Dialect) => `fuzz.${dialect}`;

function parseError(code: string, dialect: Dialect): string | undefined {
  const fatal = linter.verify(code, config(dialect, {}), filename(dialect)).find((m) => m.fatal);
  return fatal ? `${fatal.message} (${fatal.line}:${fatal.column})` : undefined;
}

interface Outcome {
  readonly parsed: boolean;
  readonly failure?: string;
  readonly reports: number;
  readonly fixes: number;
  readonly suggestions: number;
}

function stack(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/**
 * Lints `code` with every rule and checks fixes and suggestions. One `verifyAndFix` does most of
 * the work: its last pass lints the fixed code, so a fatal message there means the fix output
 * does not parse, and a fixable message left there means a second `--fix` would change it again.
 */
function fuzzOne(code: string, dialect: Dialect): Outcome {
  const rules = config(dialect, allRules);
  const options = { filename: filename(dialect) };
  let fixed: Linter.FixReport;
  let messages: Linter.LintMessage[];
  try {
    fixed = linter.verifyAndFix(code, rules, options);
    messages = fixed.fixed ? linter.verify(code, rules, options) : fixed.messages;
  } catch (error) {
    return {
      parsed: true,
      failure: `a rule crashed:\n${stack(error)}`,
      reports: 0,
      fixes: 0,
      suggestions: 0,
    };
  }
  if (messages.some((m) => m.fatal)) return { parsed: false, reports: 0, fixes: 0, suggestions: 0 };
  const foreign = messages.find((m) => !m.ruleId?.startsWith('http-status/'));
  if (foreign)
    return {
      parsed: true,
      failure: `unexpected message: ${JSON.stringify(foreign)}`,
      reports: 0,
      fixes: 0,
      suggestions: 0,
    };
  const fixes = messages.filter((m) => m.fix).length;
  const fail = (failure: string, suggestions = 0): Outcome => ({
    parsed: true,
    failure,
    reports: messages.length,
    fixes,
    suggestions,
  });
  if (fixed.fixed) {
    const fatal = fixed.messages.find((m) => m.fatal);
    if (fatal)
      return fail(
        `--fix gives code that does not parse: ${fatal.message} (${fatal.line}:${fatal.column})\n--- fixed:\n${fixed.output}`,
      );
    const again = fixed.messages.find((m) => m.fix);
    if (again) {
      return fail(
        `a second --fix pass would change the code again (${again.ruleId} at ${again.line}:${again.column}: ${again.message})\n--- after --fix:\n${fixed.output}`,
      );
    }
  }
  let suggestions = 0;
  for (const message of messages) {
    for (const suggestion of message.suggestions ?? []) {
      suggestions++;
      const { range, text } = suggestion.fix;
      const output = code.slice(0, range[0]) + text + code.slice(range[1]);
      const error = parseError(output, dialect);
      if (error) {
        return fail(
          `suggestion "${suggestion.desc}" of ${message.ruleId} at ${message.line}:${message.column} gives code that does not parse: ${error}\n--- after the suggestion:\n${output}`,
          suggestions,
        );
      }
    }
  }
  return { parsed: true, reports: messages.length, fixes, suggestions };
}

/** Runs `fn` with Math.random replaced by a seeded generator (eslump draws from Math.random). */
function withMathRandom<T>(random: Random, fn: () => T): T {
  const original = Math.random;
  Math.random = random;
  try {
    return fn();
  } finally {
    Math.random = original;
  }
}

interface Tally {
  programs: number;
  parsed: number;
  reports: number;
  fixes: number;
  suggestions: number;
}

function tallyOf(): Tally {
  return { programs: 0, parsed: 0, reports: 0, fixes: 0, suggestions: 0 };
}

function record(tally: Tally, outcome: Outcome, context: () => string): void {
  tally.programs++;
  if (outcome.parsed) tally.parsed++;
  tally.reports += outcome.reports;
  tally.fixes += outcome.fixes;
  tally.suggestions += outcome.suggestions;
  if (outcome.failure) throw new Error(`${context()}\n${outcome.failure}`);
}

describe(`fuzz: every rule (${ruleIds.length}) over generated programs, seed ${SEED}`, () => {
  it(
    'random programs from eslump, alone and with HTTP code appended, as JS and as TS',
    { timeout: 60_000 },
    () => {
      const tally = tallyOf();
      const start = performance.now();
      const count = 400 * SCALE;
      let i = 0;
      for (; i < count && performance.now() - start < ESLUMP_BUDGET_MS; i++) {
        const seed = SEED + i;
        const random = seededRandom(seed);
        const randomProgram = withMathRandom(random, () =>
          generateRandomJS({
            sourceType: 'module',
            maxDepth: 5,
            comments: i % 3 === 0,
            whitespace: i % 5 === 0,
          }),
        );
        const code =
          i % 2 === 1
            ? `${randomProgram}\n;${new HttpProgramGenerator(random, 'js').fragment()}\n`
            : randomProgram;
        for (const dialect of ['js', 'ts'] as const) {
          record(
            tally,
            fuzzOne(code, dialect),
            () =>
              `eslump program, FUZZ_SEED=${SEED} index ${i} (seed ${seed}), as ${dialect}:\n${code}`,
          );
        }
      }
      console.log(`eslump: ${i} programs in ${Math.round(performance.now() - start)} ms`, tally);
      // Not vacuous: a fair share of the random programs parse, so the rules ran on them.
      expect(tally.parsed).toBeGreaterThan(tally.programs / 10);
    },
  );

  for (const dialect of ['js', 'jsx', 'ts', 'tsx'] as const) {
    it(`HTTP-shaped programs as ${dialect}`, { timeout: 60_000 }, () => {
      const tally = tallyOf();
      const start = performance.now();
      const count = 250 * SCALE;
      let i = 0;
      for (; i < count && performance.now() - start < HTTP_BUDGET_MS; i++) {
        const seed = SEED + i;
        const code = new HttpProgramGenerator(seededRandom(seed), dialect).program();
        const context = () =>
          `HTTP program, FUZZ_SEED=${SEED} index ${i} (seed ${seed}), ${dialect}:\n${code}`;
        const outcome = fuzzOne(code, dialect);
        if (!outcome.parsed)
          throw new Error(
            `${context()}\nthe generator wrote code that does not parse: ${parseError(code, dialect)}`,
          );
        record(tally, outcome, context);
      }
      console.log(
        `HTTP ${dialect}: ${i} programs in ${Math.round(performance.now() - start)} ms`,
        tally,
      );
      expect(tally.parsed).toBe(tally.programs);
      // The programs are made of what the rules look for: with rules, some must report.
      if (ruleIds.length > 0) expect(tally.reports).toBeGreaterThan(0);
    });
  }
});
