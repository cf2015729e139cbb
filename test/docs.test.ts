import * as fs from 'node:fs';
import * as path from 'node:path';

import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../src';

const docsDir = path.join(__dirname, '..', 'docs', 'rules');

interface DocExample {
  readonly line: number;
  readonly verdict: 'incorrect' | 'correct';
  readonly language: string;
  readonly code: string;
  readonly options: unknown[] | undefined;
}

/**
 * Code blocks under a heading with ❌ must be reported by the rule, those under ✅ must not.
 * `<!-- options: [...] -->` just before a block sets the rule's options for it.
 */
function examplesOf(markdown: string): DocExample[] {
  const examples: DocExample[] = [];
  const lines = markdown.split('\n');
  let verdict: DocExample['verdict'] | undefined;
  let options: unknown[] | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^#{1,6} /.test(line)) {
      verdict = line.includes('❌') ? 'incorrect' : line.includes('✅') ? 'correct' : undefined;
      options = undefined;
      continue;
    }
    const optionsMatch = /^<!-- options: (.*) -->$/.exec(line);
    if (optionsMatch) {
      options = JSON.parse(optionsMatch[1]!) as unknown[];
      continue;
    }
    const fence = /^```(\w+)/.exec(line);
    if (!fence) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !lines[i]!.startsWith('```'); i++) body.push(lines[i]!);
    if (verdict && ['js', 'ts', 'tsx', 'jsx', 'javascript', 'typescript'].includes(fence[1]!)) {
      examples.push({
        line: start + 1,
        verdict,
        language: fence[1]!,
        code: body.join('\n'),
        options,
      });
    }
    options = undefined;
  }
  return examples;
}

function lint(ruleName: string, example: DocExample): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  const typescript = ['ts', 'tsx', 'typescript'].includes(example.language);
  const jsx = example.language === 'tsx' || example.language === 'jsx';
  const filename = `example.${typescript ? (jsx ? 'tsx' : 'ts') : jsx ? 'jsx' : 'js'}`;
  return linter.verify(
    example.code,
    {
      files: ['**/*.js', '**/*.jsx', '**/*.ts', '**/*.tsx'],
      plugins: { 'http-status': plugin as never },
      rules: {
        [`http-status/${ruleName}`]: ['error', ...(example.options ?? [])] as Linter.RuleEntry,
      },
      languageOptions: {
        ecmaVersion: 'latest',
        sourceType: 'module',
        ...(typescript ? { parser: tsParser as Linter.Parser } : {}),
        parserOptions: { ecmaFeatures: { jsx } },
      },
    },
    filename,
  );
}

describe('every ❌/✅ example in docs/rules behaves as the doc says', () => {
  it('every doc in docs/rules belongs to a rule', () => {
    const docs = fs.existsSync(docsDir)
      ? fs.readdirSync(docsDir).filter((f) => f.endsWith('.md'))
      : [];
    expect(
      docs.map((f) => f.replace(/\.md$/, '')).filter((name) => !(name in plugin.rules)),
    ).toEqual([]);
  });

  for (const ruleName of Object.keys(plugin.rules)) {
    const file = path.join(docsDir, `${ruleName}.md`);
    const examples = fs.existsSync(file) ? examplesOf(fs.readFileSync(file, 'utf8')) : [];

    it(`${ruleName}: the doc has both ❌ and ✅ examples`, () => {
      expect(examples.some((e) => e.verdict === 'incorrect')).toBe(true);
      expect(examples.some((e) => e.verdict === 'correct')).toBe(true);
    });

    for (const example of examples) {
      it(`${ruleName}.md line ${example.line}: ${example.verdict}`, () => {
        const messages = lint(ruleName, example);
        const fatal = messages.filter((m) => m.fatal);
        expect(fatal, 'the example parses').toEqual([]);
        expect(
          messages.filter((m) => m.ruleId === null),
          'the example is linted',
        ).toEqual([]);
        const reports = messages.filter((m) => m.ruleId === `http-status/${ruleName}`);
        if (example.verdict === 'incorrect')
          expect(reports.length, example.code).toBeGreaterThan(0);
        else expect(reports, example.code).toEqual([]);
      });
    }
  }
});
