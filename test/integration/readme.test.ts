// Every config of the README's "Configure" section (a code block whose first line names its file:
// `// eslint.config.mjs`, with `(ESLint 9.22+)` where it needs a later version than the peer
// range's lowest), on the lowest ESLint of the peer range (9.15) and on ESLint 10: each runs and
// reports the fixture's findings on every version it claims, and fails to load below it; a
// TypeScript config type-checks where it runs.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, inject, it } from 'vitest';

import { type LintResult, type Project, eslint, fixturesDir, repoRoot, run } from './harness';

const { projects } = inject('integration');

interface Snippet {
  file: string;
  code: string;
  /** The lowest ESLint version it claims, `[major, minor]`; none when it runs on every one. */
  since?: [number, number];
}

function configSnippets(): Snippet[] {
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const section = readme.slice(
    readme.indexOf('\n## Configure\n'),
    readme.indexOf('\n## ', readme.indexOf('\n## Configure\n') + 1),
  );
  const snippets: Snippet[] = [];
  for (const [, code] of section.matchAll(/```(?:js|ts)\n([\s\S]*?)```/g)) {
    const header = /^\/\/ (eslint\.config\.[cm]?[jt]s)(?: \(ESLint (\d+)\.(\d+)\+\))?\n/.exec(
      code!,
    );
    if (header)
      snippets.push({
        file: header[1]!,
        code: code!,
        ...(header[2] ? { since: [Number(header[2]), Number(header[3])] } : {}),
      });
  }
  return snippets;
}

const snippets = configSnippets();
const fixture = path.join(fixturesDir, 'rules/no-json-on-no-content');
const expectedLines = (
  JSON.parse(readFileSync(path.join(fixture, 'expected.json'), 'utf8')) as {
    findings: Array<{ line: number }>;
  }
).findings.map((finding) => finding.line);

const atLeast = (version: string, [major, minor]: [number, number]): boolean => {
  const [actualMajor, actualMinor] = version.split('.').map(Number) as [number, number];
  return actualMajor > major || (actualMajor === major && actualMinor >= minor);
};

it('finds the README configs: JavaScript, TypeScript on every version, defineConfig', () => {
  expect(snippets.map((snippet) => snippet.file)).toEqual([
    'eslint.config.js',
    'eslint.config.mjs',
    'eslint.config.ts',
  ]);
});

describe.each([projects['eslint-lowest'], projects.components] as Project[])(
  'ESLint $eslintVersion',
  (project) => {
    describe.each(snippets.map((snippet, index) => ({ ...snippet, index })))(
      'README $file',
      (snippet) => {
        const dir = path.join(project.dir, `readme-${snippet.index}`);
        const supported = !snippet.since || atLeast(project.eslintVersion, snippet.since);

        it(
          supported
            ? 'loads and reports the fixture’s findings'
            : 'fails to load, as the README says',
          async () => {
            rmSync(dir, { recursive: true, force: true });
            mkdirSync(dir);
            writeFileSync(path.join(dir, snippet.file), snippet.code);
            cpSync(path.join(fixture, 'code.js'), path.join(dir, 'code.js'));
            const result = await eslint(
              project,
              ['--config', snippet.file, '--format', 'json', 'code.js'],
              dir,
            );
            if (!supported) {
              expect(result.code).toBe(2);
              return;
            }
            expect(result.stderr).toBe('');
            const [file] = JSON.parse(result.stdout) as LintResult[];
            const ours = file!.messages.filter((message) =>
              message.ruleId?.startsWith('http-status/'),
            );
            expect(ours.map((message) => message.line)).toEqual(expectedLines);
            expect(file!.messages.filter((message) => !message.ruleId)).toEqual([]);
          },
        );

        if (snippet.file.endsWith('.ts') && supported) {
          it('type-checks', async () => {
            writeFileSync(
              path.join(dir, 'tsconfig.json'),
              JSON.stringify({
                compilerOptions: {
                  target: 'ES2022',
                  module: 'nodenext',
                  moduleResolution: 'nodenext',
                  strict: true,
                  exactOptionalPropertyTypes: true,
                  noEmit: true,
                  skipLibCheck: true,
                  types: [],
                },
                files: [snippet.file],
              }),
            );
            const result = await run(
              process.execPath,
              [path.join(project.dir, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'],
              { cwd: dir },
            );
            expect(result.stdout).toBe('');
            expect(result.code).toBe(0);
          });
        }
      },
    );
  },
);
