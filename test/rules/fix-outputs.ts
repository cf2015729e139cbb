/**
 * A fix's output is linted again with every rule of the plugin and ESLint's core
 * `no-constant-condition` / `no-constant-binary-expression`: the fixed report is gone, no rule
 * reports more than it did on the input, and no constant condition was written.
 */
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../../src';

export interface FixedCase {
  readonly code: string;
  readonly output?: string | readonly string[] | null;
  readonly options?: readonly unknown[];
}

const linter = new Linter({ configType: 'flat' });
const PLUGIN_RULES = Object.keys(plugin.rules).map((name) => `http-status/${name}`);

function lintAll(
  code: string,
  ruleName: string,
  options: readonly unknown[] | undefined,
  filename: string,
): Linter.LintMessage[] {
  const rules: Linter.RulesRecord = Object.fromEntries(PLUGIN_RULES.map((id) => [id, 'error']));
  rules[`http-status/${ruleName}`] = ['error', ...(options ?? [])] as Linter.RuleEntry;
  rules['no-constant-condition'] = 'error';
  rules['no-constant-binary-expression'] = 'error';
  return linter.verify(
    code,
    {
      files: ['**/*.ts', '**/*.tsx'],
      plugins: { 'http-status': plugin as never },
      languageOptions: { parser: tsParser as Linter.Parser },
      rules,
    },
    filename,
  );
}

/** One test per case with an autofix: its (final) output, linted with every rule. */
export function describeFixOutputs(ruleName: string, cases: readonly FixedCase[]): void {
  const fixed = cases.filter((c) => c.output !== undefined && c.output !== null);
  describe(`${ruleName}: every fix output, linted again with every rule`, () => {
    it.each(
      fixed.map(
        (c) =>
          [
            c.code
              .split('\n')
              .find((line) => /\b(if|while|return|retry|statusCodes|doNotRetry)\b/.test(line))
              ?.trim() ?? c.code.slice(0, 60),
            c,
          ] as const,
      ),
    )('%s', (_name, c) => {
      const output = typeof c.output === 'string' ? c.output : c.output!.at(-1)!;
      // JSX cases parse as TSX.
      const filename = lintAll(c.code, ruleName, c.options, 'file.ts').some((m) => m.fatal)
        ? 'file.tsx'
        : 'file.ts';
      const before = lintAll(c.code, ruleName, c.options, filename);
      const after = lintAll(output, ruleName, c.options, filename);
      const count = (messages: Linter.LintMessage[], id: string): number =>
        messages.filter((m) => m.ruleId === id).length;
      expect(after.filter((m) => m.fatal || m.ruleId?.startsWith('no-constant'))).toEqual([]);
      expect(count(after, `http-status/${ruleName}`)).toBeLessThan(
        count(before, `http-status/${ruleName}`),
      );
      for (const id of PLUGIN_RULES)
        expect([id, count(after, id)]).toEqual([id, Math.min(count(after, id), count(before, id))]);
    });
  });
}
