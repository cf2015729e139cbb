// Component files through the parsers their users install (the `components` project: ESLint 10,
// svelte-eslint-parser, vue-eslint-parser, typescript-eslint for `lang="ts"`): each rule's fixture
// as the script of a Svelte 5 component (`<script>`, `<script lang="ts">`) and of a Vue SFC
// (`<script>`, `<script setup lang="ts">`) gives the findings of plain JavaScript, on the lines
// the script moved them to, and `--fix` gives the fixed JavaScript in the same place.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, inject, it } from 'vitest';

import {
  type ExpectedFinding,
  type LintResult,
  activeFixtures,
  eslint,
  findingsUnder,
} from './harness';

const { projects } = inject('integration');
const project = projects.components;
const fixtures = activeFixtures();

interface Component {
  name: string;
  /** File name after the rule's name. */
  suffix: string;
  wrap: (code: string) => string;
  /** Lines of the component before the script's code. */
  linesBefore: number;
}

const components: Component[] = [
  {
    name: 'Svelte 5 <script>',
    suffix: '.svelte',
    wrap: (code) => `<script>\n${code}</script>\n\n<p>hello</p>\n`,
    linesBefore: 1,
  },
  {
    name: 'Svelte 5 <script lang="ts">',
    suffix: '.ts.svelte',
    wrap: (code) =>
      `<script module>\n  export const prerender = false;\n</script>\n\n<script lang="ts">\n${code}</script>\n\n<button onclick={() => {}}>go</button>\n`,
    linesBefore: 5,
  },
  {
    name: 'Vue <script>',
    suffix: '.vue',
    wrap: (code) => `<script>\n${code}</script>\n\n<template><p>hello</p></template>\n`,
    linesBefore: 1,
  },
  {
    name: 'Vue <script setup lang="ts">',
    suffix: '.setup.vue',
    wrap: (code) =>
      `<template><p>hello</p></template>\n\n<script setup lang="ts">\n${code}</script>\n`,
    linesBefore: 3,
  },
];

function asExpected(message: LintResult['messages'][number], linesBefore: number): ExpectedFinding {
  return {
    ruleId: message.ruleId ?? `(none: ${message.message})`,
    line: message.line - linesBefore,
    column: message.column,
    endLine: (message.endLine ?? message.line) - linesBefore,
    endColumn: message.endColumn ?? message.column,
    message: message.message,
    fix: message.fix !== undefined,
    suggestions: (message.suggestions ?? []).map((suggestion) => suggestion.desc),
  };
}

describe.each(components)('$name', (component) => {
  const dir = path.join(project.dir, `components${component.suffix.replace(/\./g, '-')}`);
  const fileOf = (rule: string): string => path.join(dir, `${rule}${component.suffix}`);
  const write = (): void => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    for (const fixture of fixtures)
      writeFileSync(fileOf(fixture.rule), component.wrap(fixture.code));
  };

  it('reports what plain JavaScript reports, where the script puts it', async () => {
    write();
    const result = await eslint(project, [
      '--format',
      'json',
      ...fixtures.map((fixture) => fileOf(fixture.rule)),
    ]);
    expect(result.stderr).toBe('');
    const results = JSON.parse(result.stdout) as LintResult[];
    for (const fixture of fixtures) {
      const file = results.find((entry) => entry.filePath === fileOf(fixture.rule));
      expect(
        file?.messages.map((message) => asExpected(message, component.linesBefore)),
        fixture.rule,
      ).toEqual(findingsUnder(fixture, 'all'));
    }
  });

  it('fixes what plain JavaScript fixes', async () => {
    write();
    const result = await eslint(project, [
      '--fix',
      ...fixtures.map((fixture) => fileOf(fixture.rule)),
    ]);
    expect(result.stderr).toBe('');
    for (const fixture of fixtures)
      expect(readFileSync(fileOf(fixture.rule), 'utf8'), fixture.rule).toBe(
        component.wrap(fixture.fixed),
      );
  });
});
