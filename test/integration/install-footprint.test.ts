// A JavaScript-only project (ESLint and the packed plugin, nothing else) gets no TypeScript: the
// plugin's run-time dependencies have no `typescript` peer. Its published types need nothing but
// `eslint`: a TypeScript config that imports the plugin type-checks without typescript-eslint.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, inject, it } from 'vitest';

import { type LintResult, eslint, fixturesDir, repoRoot, run } from './harness';

const { projects } = inject('integration');
const project = projects['js-only'];

/** What `npm ls <name> --all --json` finds in the project: the path to every copy of the package. */
async function installedCopies(name: string): Promise<string[]> {
  const npmCli =
    process.env.npm_execpath && /npm-cli\.js$/.test(process.env.npm_execpath)
      ? process.env.npm_execpath
      : undefined;
  const args = ['ls', name, '--all', '--json'];
  const result = npmCli
    ? await run(process.execPath, [npmCli, ...args], { cwd: project.dir })
    : await run('npm', args, { cwd: project.dir });
  const tree = JSON.parse(result.stdout) as { dependencies?: Record<string, unknown> };
  const copies: string[] = [];
  const visit = (dependencies: Record<string, unknown> | undefined, trail: string[]): void => {
    for (const [dependency, node] of Object.entries(dependencies ?? {})) {
      if (dependency === name) copies.push([...trail, dependency].join(' > '));
      visit((node as { dependencies?: Record<string, unknown> }).dependencies, [
        ...trail,
        dependency,
      ]);
    }
  };
  visit(tree.dependencies, []);
  return copies;
}

describe('a JavaScript-only project', () => {
  it('installs no typescript and no @typescript-eslint/utils', async () => {
    expect(
      existsSync(path.join(project.dir, 'node_modules/eslint-plugin-http-status/package.json')),
    ).toBe(true);
    expect(await installedCopies('typescript')).toEqual([]);
    expect(await installedCopies('@typescript-eslint/utils')).toEqual([]);
    expect(existsSync(path.join(project.dir, 'node_modules/typescript'))).toBe(false);
    expect(existsSync(path.join(project.dir, 'node_modules/@typescript-eslint/utils'))).toBe(false);
  });

  it('lints with the plugin', async () => {
    const dir = path.join(project.dir, 'footprint');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    const fixture = path.join(fixturesDir, 'rules/no-json-on-no-content');
    writeFileSync(path.join(dir, 'code.js'), readFileSync(path.join(fixture, 'code.js')));
    const result = await eslint(project, ['--format', 'json', 'footprint/code.js']);
    expect(result.stderr).toBe('');
    const [file] = JSON.parse(result.stdout) as LintResult[];
    const { findings } = JSON.parse(readFileSync(path.join(fixture, 'expected.json'), 'utf8')) as {
      findings: Array<{ ruleId: string; line: number }>;
    };
    expect(file!.messages.map(({ ruleId, line }) => ({ ruleId, line }))).toEqual(
      findings.map(({ ruleId, line }) => ({ ruleId, line })),
    );
    expect(result.code).toBe(1);
  });

  it('type-checks a TypeScript config that imports the plugin, with only eslint beside it', async () => {
    // This repository's TypeScript, on a file of the project: what it resolves is the project's.
    const dir = path.join(project.dir, 'types');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    writeFileSync(
      path.join(dir, 'eslint.config.ts'),
      [
        "import type { ESLint, Linter } from 'eslint';",
        "import { defineConfig } from 'eslint/config';",
        "import httpStatus from 'eslint-plugin-http-status';",
        '',
        'const plugin: ESLint.Plugin = httpStatus;',
        'const recommended: Linter.Config = httpStatus.configs.recommended;',
        'const description: string | undefined = httpStatus.rules["no-json-on-no-content"]?.meta.docs?.description;',
        '',
        'export default defineConfig(recommended, httpStatus.configs.all, {',
        "  plugins: { 'http-status': plugin },",
        "  rules: { 'http-status/no-json-on-no-content': ['error', { methods: ['DELETE'] }] },",
        '  settings: { description },',
        '});',
        '',
      ].join('\n'),
    );
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
          // The libraries' .d.ts are checked too: an import the plugin's types cannot resolve is an error.
          skipLibCheck: false,
          types: [],
        },
        files: ['eslint.config.ts'],
      }),
    );
    const result = await run(
      process.execPath,
      [
        path.join(repoRoot, 'node_modules/typescript/bin/tsc'),
        '-p',
        'tsconfig.json',
        '--listFiles',
      ],
      { cwd: dir },
    );
    expect(result.stdout.split('\n').filter((line) => line.includes('error TS'))).toEqual([]);
    expect(result.code).toBe(0);
    // The plugin's types were read from the project's install.
    expect(result.stdout).toContain(
      path.join(project.dir, 'node_modules/eslint-plugin-http-status/dist/index.d.ts'),
    );
  });
});
