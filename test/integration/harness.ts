// Shared by the integration tests: the consumer projects made by global-setup.ts, the fixture
// table (one folder a rule under fixtures/rules/), and a way to run real programs.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '../..');
export const fixturesDir = path.join(__dirname, 'fixtures');

/** A temporary project that installed the packed plugin from its tarball, as a user would. */
export interface Consumer {
  /** e.g. `eslint10-js`. */
  id: string;
  dir: string;
  eslintMajor: 9 | 10;
  eslintVersion: string;
  /** `js`: a plain `eslint.config.js`; `ts`: an `eslint.config.ts` with typescript-eslint. */
  configKind: 'js' | 'ts';
  /** The plugin config the consumer's config file uses. */
  configName: 'recommended' | 'all';
  /** Extension the fixtures are copied with into `<dir>/src/`. */
  ext: '.js' | '.ts';
}

/**
 * A project made for one kind of test, not run by every test as the consumers are: `js-only`
 * (ESLint 10 and the plugin, nothing else: the install footprint), `eslint-lowest` (the lowest
 * ESLint of the peer range, with typescript-eslint and jiti: the README's configs), `components`
 * (ESLint 10 with svelte-eslint-parser, vue-eslint-parser, typescript-eslint and jiti).
 */
export interface Project {
  id: ProjectId;
  dir: string;
  eslintVersion: string;
}

export type ProjectId = 'js-only' | 'eslint-lowest' | 'components';

export interface IntegrationContext {
  consumers: Consumer[];
  projects: Record<ProjectId, Project>;
  tarball: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    integration: IntegrationContext;
  }
}

/** One problem a fixture must produce, in ESLint's terms. */
export interface ExpectedFinding {
  ruleId: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  /** Whether ESLint offers an autofix for it. */
  fix: boolean;
  /** The description of every suggestion, in order. */
  suggestions: string[];
}

export interface RuleFixture {
  /** Rule name without the plugin prefix; also the fixture folder's name. */
  rule: string;
  /** Path of `code.js`. */
  codeFile: string;
  code: string;
  /** Content after `eslint --fix` (`fixed.js`); the code itself when nothing is fixable. */
  fixed: string;
  findings: ExpectedFinding[];
}

export const namespace = 'http-status';

/** The built plugin (dist/), which is what `npm pack` ships. */
export function builtPlugin(): {
  meta: { name: string; version: string; namespace: string };
  rules: Record<
    string,
    { meta: { docs?: { url?: string }; fixable?: string; hasSuggestions?: boolean } }
  >;
  configs: Record<string, { rules?: Record<string, unknown> }>;
} {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the CommonJS build, as users load it.
  return require(path.join(repoRoot, 'dist/index.js'));
}

/** The names of all fixture folders, including drafts (code.js only) for rules still to come. */
export function fixtureFolders(): string[] {
  const rulesDir = path.join(fixturesDir, 'rules');
  return existsSync(rulesDir) ? readdirSync(rulesDir).sort() : [];
}

/** Every fixture with its expectations (expected.json), whether or not its rule exists yet. */
export function allFixtures(): RuleFixture[] {
  const rulesDir = path.join(fixturesDir, 'rules');
  if (!existsSync(rulesDir)) return [];
  return readdirSync(rulesDir, { withFileTypes: true })
    .filter(
      (entry) =>
        entry.isDirectory() && existsSync(path.join(rulesDir, entry.name, 'expected.json')),
    )
    .map((entry) => {
      const dir = path.join(rulesDir, entry.name);
      const codeFile = path.join(dir, 'code.js');
      const code = readFileSync(codeFile, 'utf8');
      const fixedFile = path.join(dir, 'fixed.js');
      const { findings } = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as {
        findings: ExpectedFinding[];
      };
      return {
        rule: entry.name,
        codeFile,
        code,
        fixed: existsSync(fixedFile) ? readFileSync(fixedFile, 'utf8') : code,
        findings,
      };
    })
    .sort((a, b) => a.rule.localeCompare(b.rule));
}

/** The fixtures of the rules the built plugin exports: a rule's fixture is used once the rule exists. */
export function activeFixtures(): RuleFixture[] {
  const exported = new Set(Object.keys(builtPlugin().rules));
  return allFixtures().filter((fixture) => exported.has(fixture.rule));
}

/** The findings a fixture gives under one of the plugin's configs (its expectations are for `all`). */
export function findingsUnder(fixture: RuleFixture, configName: string): ExpectedFinding[] {
  const enabled = builtPlugin().configs[configName]?.rules ?? {};
  return fixture.findings.filter((finding) => finding.ruleId in enabled);
}

/** `--rule` JSON that turns every rule of the plugin on at the given severity. */
export function allRulesAt(severity: 'error' | 'warn'): string {
  return JSON.stringify(
    Object.fromEntries(
      Object.keys(builtPlugin().rules).map((rule) => [`${namespace}/${rule}`, severity]),
    ),
  );
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** An environment for child programs without what `npm test` sets for its own package. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_(package|lifecycle)_/i.test(key) || /^npm_config_(local_prefix|prefix)$/i.test(key))
      continue;
    if (key === 'NODE_OPTIONS' || key.startsWith('VITEST') || key === 'TEST' || key === 'NODE_ENV')
      continue;
    env[key] = value;
  }
  return { ...env, NO_COLOR: '1', FORCE_COLOR: '0', ...extra };
}

/** Runs a program to its end; never rejects on a non-zero exit code (tests assert it). */
export function run(
  command: string,
  args: readonly string[],
  options: { cwd: string; timeoutMs?: number; env?: Record<string, string>; input?: string },
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: childEnv(options.env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `${command} ${args.join(' ')} timed out after ${options.timeoutMs} ms\n${stderr}`,
        ),
      );
    }, options.timeoutMs ?? 120_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** The consumer's own `eslint` CLI, run by Node from its `node_modules`. */
export function eslint(
  consumer: Consumer | Project,
  args: readonly string[],
  cwd = consumer.dir,
): Promise<RunResult> {
  return run(
    process.execPath,
    [path.join(consumer.dir, 'node_modules/eslint/bin/eslint.js'), ...args],
    { cwd },
  );
}

/** Path, relative to a consumer, of a fixture copied into it. */
export function consumerFile(consumer: Consumer, name: string): string {
  return `src/${name}${consumer.ext}`;
}

/** ESLint's `--format json` output. */
export interface LintResult {
  filePath: string;
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  output?: string;
  messages: Array<{
    ruleId: string | null;
    severity: 1 | 2;
    message: string;
    messageId?: string;
    line: number;
    column: number;
    endLine?: number;
    endColumn?: number;
    fix?: { range: [number, number]; text: string };
    suggestions?: Array<{
      desc: string;
      messageId?: string;
      fix: { range: [number, number]; text: string };
    }>;
  }>;
}
