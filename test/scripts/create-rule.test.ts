import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// @ts-expect-error: a plain ES module script without types
import { defaultDescription, registered } from '../../scripts/create-rule.mjs';

const repo = path.join(__dirname, '..', '..');
const script = path.join(repo, 'scripts', 'create-rule.mjs');
const NAME = 'no-made-up-thing';

/** Runs the script into `root`; its exit code and output. */
function newRule(root: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [script, '--root', root, ...args], {
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run new-rule', () => {
  let root: string;
  beforeAll(() => {
    // A copy of what the scaffold reads and what the new files import; node_modules is shared.
    root = mkdtempSync(path.join(tmpdir(), 'new-rule-'));
    for (const entry of ['src', 'tsconfig.json', 'test/rule-tester.ts', 'test/rules/corpus.ts'])
      cpSync(path.join(repo, entry), path.join(root, entry), { recursive: true });
    mkdirSync(path.join(root, 'docs', 'rules'), { recursive: true });
    symlinkSync(path.join(repo, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('creates the rule, its tests, corpus, doc and integration fixture, and registers it', () => {
    const { code, stdout } = newRule(root, NAME);
    expect(code).toBe(0);
    const files = [
      `src/rules/${NAME}.ts`,
      `test/rules/${NAME}.test.ts`,
      `test/rules/${NAME}.corpus.test.ts`,
      `test/fixtures/corpus/${NAME}/README.md`,
      `test/fixtures/corpus/${NAME}/n01-checked-json.js`,
      `docs/rules/${NAME}.md`,
      `test/integration/fixtures/rules/${NAME}/code.js`,
    ];
    for (const file of files) {
      expect(existsSync(path.join(root, file)), file).toBe(true);
      expect(stdout).toContain(`wrote ${file}`);
    }
    const rule = readFileSync(path.join(root, `src/rules/${NAME}.ts`), 'utf8');
    expect(rule).toContain(`name: '${NAME}'`);
    expect(rule).toContain(`description: 'Disallow made up thing'`);
    expect(rule).toContain('check(context, model, options)');
    const index = readFileSync(path.join(root, 'src/rules/index.ts'), 'utf8');
    const imports = index.match(/^import \w+ from '\.\/[\w-]+';$/gm)!;
    const entries = index.match(/^ {2}'[\w-]+': \w+,$/gm)!;
    expect(imports).toContain(`import noMadeUpThing from './${NAME}';`);
    expect(entries).toContain(`  '${NAME}': noMadeUpThing,`);
    expect(imports).toEqual([...imports].sort());
    expect(entries).toEqual([...entries].sort());
    const doc = readFileSync(path.join(root, `docs/rules/${NAME}.md`), 'utf8');
    for (const heading of ['## Rule details', '### ❌ Incorrect', '### ✅ Correct', '## Options'])
      expect(doc).toContain(heading);
  });

  it('writes a rule and tests TypeScript accepts', () => {
    const config = ts.getParsedCommandLineOfConfigFile(
      path.join(root, 'tsconfig.json'),
      {},
      { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
    )!;
    const written = [
      `src/rules/${NAME}.ts`,
      'src/rules/index.ts',
      `test/rules/${NAME}.test.ts`,
      `test/rules/${NAME}.corpus.test.ts`,
    ].map((file) => path.join(root, file));
    const program = ts.createProgram(written, { ...config.options, noEmit: true });
    // Only the written files are checked: the rest of src is the repository's, checked by typecheck.
    const diagnostics = written.flatMap((file) => [
      ...program.getSyntacticDiagnostics(program.getSourceFile(file)),
      ...program.getSemanticDiagnostics(program.getSourceFile(file)),
    ]);
    expect(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual(
      [],
    );
  });

  it('refuses a rule that exists, with what exists', () => {
    const { code, stderr } = newRule(root, NAME);
    expect(code).toBe(1);
    expect(stderr).toContain(`rule "${NAME}" exists already: src/rules/${NAME}.ts`);
    const { code: existing, stderr: why } = newRule(root, 'no-json-on-no-content');
    expect(existing).toBe(1);
    expect(why).toContain('exists already');
  });

  it.each(['NoThing', 'no_thing', 'no--thing', '-no-thing', 'no thing', '1-thing'])(
    'refuses %j: not kebab-case',
    (name) => {
      const before = readFileSync(path.join(root, 'src/rules/index.ts'), 'utf8');
      const { code, stderr } = newRule(root, name);
      expect(code).toBe(1);
      expect(stderr).toMatch(/is not kebab-case|one rule name/);
      expect(readFileSync(path.join(root, 'src/rules/index.ts'), 'utf8')).toBe(before);
    },
  );

  it('asks for a name', () => {
    const { code, stderr } = newRule(root);
    expect(code).toBe(1);
    expect(stderr).toContain('give the rule a name');
  });

  it('takes a description', () => {
    const { code } = newRule(root, 'require-thing', '--description', 'Require a thing');
    expect(code).toBe(0);
    expect(readFileSync(path.join(root, 'src/rules/require-thing.ts'), 'utf8')).toContain(
      `description: 'Require a thing'`,
    );
  });
});

describe('create-rule helpers', () => {
  it('describes a rule by its name', () => {
    expect(defaultDescription('no-json-on-no-content')).toBe('Disallow json on no content');
    expect(defaultDescription('require-retry-after')).toBe('Require retry after');
    expect(defaultDescription('valid-status-code')).toBe('Enforce valid status code');
  });

  it('registers a rule first and last in sorted order', () => {
    const index = [
      "import b from './b-rule';",
      '',
      'export const rules = {',
      "  'b-rule': bRule,",
      '};',
    ].join('\n');
    expect(registered(registered(index, 'a-rule'), 'c-rule')).toBe(
      [
        "import aRule from './a-rule';",
        "import b from './b-rule';",
        "import cRule from './c-rule';",
        '',
        'export const rules = {',
        "  'a-rule': aRule,",
        "  'b-rule': bRule,",
        "  'c-rule': cRule,",
        '};',
      ].join('\n'),
    );
  });
});
