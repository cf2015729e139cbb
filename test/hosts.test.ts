/**
 * The rules in component files, parsed by the parsers their users install: svelte-eslint-parser
 * (Svelte 5) and vue-eslint-parser (`<script>`, `<script setup lang="ts">`). Each integration
 * fixture (test/integration/fixtures/rules/) is put in a component's script: the findings and the
 * `--fix` output must be the plain JavaScript ones, shifted by the lines before the script.
 * (The packed plugin is checked the same way in test/integration/hosts.test.ts.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import * as vueParser from 'vue-eslint-parser';
import { beforeAll, describe, expect, it } from 'vitest';

import plugin from '../src';

const fixturesDir = path.join(__dirname, 'integration/fixtures/rules');
const rules: Linter.RulesRecord = Object.fromEntries(
  Object.keys(plugin.rules).map((name) => [`http-status/${name}`, 'error']),
);
const base = {
  plugins: { 'http-status': plugin as never },
  rules,
  linterOptions: { reportUnusedDisableDirectives: 'off' as const },
};

interface Host {
  name: string;
  filename: string;
  /** The component around the script's code, and the lines before the code. */
  wrap: (code: string) => string;
  linesBefore: number;
  config: Linter.Config;
}

// svelte-eslint-parser is an ES module only: loaded before the tests, into the configs that name it.
const svelte: { parser?: Linter.Parser } = {};
beforeAll(async () => {
  svelte.parser = (await import('svelte-eslint-parser')) as Linter.Parser;
});
const hosts: Host[] = [
  {
    name: 'Svelte 5 <script>',
    filename: 'Component.svelte',
    wrap: (code) => `<script>\n${code}</script>\n\n<p>hello</p>\n`,
    linesBefore: 1,
    config: { files: ['**/*.svelte'] },
  },
  {
    name: 'Svelte 5 <script module> and <script lang="ts">',
    filename: 'Component.svelte',
    wrap: (code) =>
      `<script module>\n  export const prerender = false;\n</script>\n<script lang="ts">\n${code}</script>\n\n<button onclick={() => {}}>go</button>\n`,
    linesBefore: 4,
    config: { files: ['**/*.svelte'], languageOptions: { parserOptions: { parser: tsParser } } },
  },
  {
    name: 'Vue <script>',
    filename: 'Component.vue',
    wrap: (code) => `<script>\n${code}</script>\n\n<template><p>{{ status }}</p></template>\n`,
    linesBefore: 1,
    config: {
      files: ['**/*.vue'],
      languageOptions: { parser: vueParser as Linter.Parser, sourceType: 'module' },
    },
  },
  {
    name: 'Vue <script setup lang="ts">',
    filename: 'Component.vue',
    wrap: (code) =>
      `<template><p>{{ status }}</p></template>\n\n<script setup lang="ts">\n${code}</script>\n`,
    linesBefore: 3,
    config: {
      files: ['**/*.vue'],
      languageOptions: {
        parser: vueParser as Linter.Parser,
        parserOptions: { parser: tsParser },
        sourceType: 'module',
      },
    },
  },
];

const linter = new Linter({ configType: 'flat' });
const jsConfig: Linter.Config = { ...base, files: ['**/*.js'] };
const summary = (messages: Linter.LintMessage[], linesBefore: number) =>
  messages.map((message) => ({
    ruleId: message.ruleId,
    message: message.fatal ? message.message : message.messageId,
    line: message.line - linesBefore,
    column: message.column,
    fix: message.fix !== undefined,
    suggestions: message.suggestions?.length ?? 0,
  }));

describe.each(hosts)('$name', (host) => {
  const config = (): Linter.Config[] => [
    {
      ...base,
      ...host.config,
      languageOptions: {
        ...host.config.languageOptions,
        ...(host.filename.endsWith('.svelte') ? svelte : {}),
      },
    },
  ];
  for (const rule of readdirSync(fixturesDir).sort()) {
    const code = readFileSync(path.join(fixturesDir, rule, 'code.js'), 'utf8');
    it(`${rule}: the findings and the fixed code of plain JavaScript`, () => {
      const expected = summary(linter.verify(code, jsConfig, 'code.js'), 0);
      expect(expected.length).toBeGreaterThan(0);
      expect(
        summary(linter.verify(host.wrap(code), config(), host.filename), host.linesBefore),
      ).toEqual(expected);
      const fixedJs = linter.verifyAndFix(code, jsConfig, 'code.js').output;
      expect(linter.verifyAndFix(host.wrap(code), config(), host.filename).output).toBe(
        host.wrap(fixedJs),
      );
    });
  }
});
