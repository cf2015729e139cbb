import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../../../src';
import type { Case } from './setup';

/** A fix's output is not reported again by any rule of the plugin. */
export function describeFixedCode(cases: readonly Case[]): void {
  describe('require-retry-after: fixed code', () => {
    const rules = Object.fromEntries(
      Object.keys(plugin.rules).map((name) => [`http-status/${name}`, 'error' as const]),
    );
    const fixable = cases.filter((c) => typeof c.output === 'string');
    it.each(
      fixable.map(
        (c) =>
          [c.code.split('\n').find((line) => line.includes('function')) ?? '', c.code] as const,
      ),
    )('%s', (_name, code) => {
      const linter = new Linter({ configType: 'flat' });
      const config: Linter.Config[] = [
        { files: ['**/*.ts'], languageOptions: { parser: tsParser as Linter.Parser } },
        { plugins: { 'http-status': plugin as never }, rules },
      ];
      const fixed = linter.verifyAndFix(code, config, { filename: 'file.ts' });
      expect(fixed.fixed).toBe(true);
      expect(
        fixed.messages.filter((message) => message.ruleId?.startsWith('http-status/')),
      ).toEqual([]);
    });
  });
}
