// Packs the built plugin with `npm pack` and installs the tarball, through npm and the registry,
// into temporary consumer projects: ESLint 10 and ESLint 9, each with a plain `eslint.config.js`
// and with a TypeScript `eslint.config.ts`; and into the projects of single tests (`Project`). Every version a consumer installs is the one this
// repository's lockfile has installed, so `npm ci` has already put it in npm's cache.
//
// A consumer is installed once per run and shared by every integration test. It is kept under
// os.tmpdir() keyed by a hash of the tarball and of its own files, so a later run with the same
// plugin build reuses it; set HTTP_STATUS_INTEGRATION_FRESH=1 to install anew.
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { TestProject } from 'vitest/node' with { 'resolution-mode': 'import' };

import { type Consumer, type Project, type ProjectId, fixturesDir, repoRoot, run } from './harness';

// Generous: four installs run at once, and a busy two-core machine slows npm several times over.
const installTimeoutMs = 420_000;
const cacheRoot = path.join(os.tmpdir(), 'eslint-plugin-http-status-integration');

function installedVersion(name: string): string {
  return (
    JSON.parse(readFileSync(path.join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
}

interface ConsumerSpec extends Omit<Consumer, 'dir' | 'eslintVersion'> {
  files: Record<string, string>;
  devDependencies: Record<string, string>;
}

function specs(tarballName: string): ConsumerSpec[] {
  const eslintVersions = {
    10: installedVersion('eslint'),
    9: installedVersion('eslint9'),
  } as const;
  const shared = {
    'eslint-plugin-http-status': `file:./${tarballName}`,
    '@microsoft/eslint-formatter-sarif': installedVersion('@microsoft/eslint-formatter-sarif'),
  };
  const result: ConsumerSpec[] = [];
  for (const eslintMajor of [10, 9] as const) {
    result.push({
      id: `eslint${eslintMajor}-js`,
      eslintMajor,
      configKind: 'js',
      configName: 'recommended',
      ext: '.js',
      devDependencies: { ...shared, eslint: eslintVersions[eslintMajor] },
      files: {
        'package.json': '',
        'eslint.config.js': [
          "import httpStatus from 'eslint-plugin-http-status';",
          '',
          'export default [httpStatus.configs.recommended];',
          '',
        ].join('\n'),
      },
    });
    result.push({
      id: `eslint${eslintMajor}-ts`,
      eslintMajor,
      configKind: 'ts',
      configName: 'all',
      ext: '.ts',
      devDependencies: {
        ...shared,
        eslint: eslintVersions[eslintMajor],
        jiti: installedVersion('jiti'),
        typescript: installedVersion('typescript'),
        'typescript-eslint': installedVersion('typescript-eslint'),
      },
      files: {
        'package.json': '',
        'eslint.config.ts': [
          "import httpStatus from 'eslint-plugin-http-status';",
          "import tseslint from 'typescript-eslint';",
          '',
          'export default tseslint.config({',
          "  files: ['**/*.ts'],",
          '  extends: [tseslint.configs.base, httpStatus.configs.all],',
          '});',
          '',
        ].join('\n'),
        'tsconfig.json': `${JSON.stringify(
          {
            compilerOptions: {
              target: 'ES2022',
              module: 'nodenext',
              moduleResolution: 'nodenext',
              strict: true,
              noEmit: true,
              // The consumer's use of the plugin's types is checked; the libraries' own .d.ts are not.
              skipLibCheck: true,
              types: [],
            },
            files: ['eslint.config.ts'],
          },
          null,
          2,
        )}\n`,
      },
    });
  }
  return result;
}

/** The projects of single tests (see `Project`), each with what its test needs and no more. */
function projectSpecs(tarballName: string): Array<{
  id: ProjectId;
  devDependencies: Record<string, string>;
  files: Record<string, string>;
}> {
  const plugin = { 'eslint-plugin-http-status': `file:./${tarballName}` };
  const typescript = {
    jiti: installedVersion('jiti'),
    typescript: installedVersion('typescript'),
    'typescript-eslint': installedVersion('typescript-eslint'),
  };
  return [
    {
      id: 'js-only',
      devDependencies: { ...plugin, eslint: installedVersion('eslint') },
      files: {
        'eslint.config.js':
          "import httpStatus from 'eslint-plugin-http-status';\n\nexport default [httpStatus.configs.recommended];\n",
      },
    },
    // The npm alias `eslint915` is ESLint 9.15.0, the lowest version of the plugin's peer range.
    {
      id: 'eslint-lowest',
      devDependencies: { ...plugin, eslint: installedVersion('eslint915'), ...typescript },
      files: {},
    },
    {
      id: 'components',
      devDependencies: {
        ...plugin,
        eslint: installedVersion('eslint'),
        ...typescript,
        svelte: installedVersion('svelte'),
        'svelte-eslint-parser': installedVersion('svelte-eslint-parser'),
        'vue-eslint-parser': installedVersion('vue-eslint-parser'),
      },
      files: {
        // As each parser's docs configure it: TypeScript where a script says `lang="ts"`.
        'eslint.config.js': [
          "import httpStatus from 'eslint-plugin-http-status';",
          "import svelteParser from 'svelte-eslint-parser';",
          "import tseslint from 'typescript-eslint';",
          "import vueParser from 'vue-eslint-parser';",
          '',
          'export default [',
          "  { files: ['**/*.svelte'], languageOptions: { parser: svelteParser, parserOptions: { parser: { ts: tseslint.parser } } } },",
          "  { files: ['**/*.vue'], languageOptions: { parser: vueParser, parserOptions: { parser: { ts: tseslint.parser } } } },",
          '  httpStatus.configs.all,',
          '];',
          '',
        ].join('\n'),
      },
    },
  ];
}

/** Runs `task` over `items`, at most `limit` at once: npm installs on a busy two-core machine. */
async function inBatches<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

async function npm(args: string[], cwd: string): Promise<string> {
  const npmCli =
    process.env.npm_execpath && /npm-cli\.js$/.test(process.env.npm_execpath)
      ? process.env.npm_execpath
      : undefined;
  const result = npmCli
    ? await run(process.execPath, [npmCli, ...args], { cwd, timeoutMs: installTimeoutMs })
    : await run('npm', args, { cwd, timeoutMs: installTimeoutMs });
  if (result.code !== 0)
    throw new Error(
      `npm ${args.join(' ')} failed in ${cwd} (exit ${result.code}):\n${result.stderr}\n${result.stdout}`,
    );
  return result.stdout;
}

/** Installs a project (its package.json from `devDependencies`, and `files`) once per tarball and files; returns its folder. */
async function installProject(
  spec: { id: string; devDependencies: Record<string, string>; files: Record<string, string> },
  tarballPath: string,
  tarballHash: string,
): Promise<string> {
  const tarballName = path.basename(tarballPath);
  const files: Record<string, string> = {
    ...spec.files,
    'package.json': `${JSON.stringify(
      {
        name: `consumer-${spec.id}`,
        private: true,
        type: 'module',
        devDependencies: spec.devDependencies,
      },
      null,
      2,
    )}\n`,
  };
  const key = createHash('sha256')
    .update(tarballHash)
    .update(JSON.stringify(files))
    .digest('hex')
    .slice(0, 16);
  const dir = path.join(cacheRoot, `${spec.id}-${key}`);
  // Two specs with the same files (one consumer serving two suites) share one install.
  let pending = installs.get(dir);
  if (!pending) installs.set(dir, (pending = installInto(dir, files, tarballPath, tarballName)));
  return pending;
}

/** Installs in flight in this process, by folder. */
const installs = new Map<string, Promise<string>>();
let stagingCount = 0;

async function installInto(
  dir: string,
  files: Record<string, string>,
  tarballPath: string,
  tarballName: string,
): Promise<string> {
  const fresh = process.env.HTTP_STATUS_INTEGRATION_FRESH === '1';
  if (fresh) rmSync(dir, { recursive: true, force: true });
  if (!existsSync(path.join(dir, '.installed'))) {
    // Install next to the final place, then rename: a concurrent run never sees half an install.
    const staging = `${dir}.staging-${process.pid}-${stagingCount++}`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    for (const [name, content] of Object.entries(files))
      writeFileSync(path.join(staging, name), content);
    cpSync(tarballPath, path.join(staging, tarballName));
    await npm(
      ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'],
      staging,
    );
    writeFileSync(path.join(staging, '.installed'), `${new Date().toISOString()}\n`);
    try {
      rmSync(dir, { recursive: true, force: true });
      renameSync(staging, dir);
    } catch (error) {
      if (!existsSync(path.join(dir, '.installed'))) throw error;
      rmSync(staging, { recursive: true, force: true });
    }
  }
  return dir;
}

async function installConsumer(
  spec: ConsumerSpec,
  tarballPath: string,
  tarballHash: string,
): Promise<Consumer> {
  const dir = await installProject(spec, tarballPath, tarballHash);
  // The fixtures are copied afresh on every run: src/<rule><ext> and src/clean<ext>.
  const srcDir = path.join(dir, 'src');
  rmSync(srcDir, { recursive: true, force: true });
  mkdirSync(srcDir);
  cpSync(path.join(fixturesDir, 'clean.js'), path.join(srcDir, `clean${spec.ext}`));
  const rulesDir = path.join(fixturesDir, 'rules');
  for (const rule of existsSync(rulesDir) ? readdirSync(rulesDir) : []) {
    cpSync(path.join(rulesDir, rule, 'code.js'), path.join(srcDir, `${rule}${spec.ext}`));
  }
  return {
    id: spec.id,
    eslintMajor: spec.eslintMajor,
    configKind: spec.configKind,
    configName: spec.configName,
    ext: spec.ext,
    dir,
    eslintVersion: spec.devDependencies.eslint!,
  };
}

/** Removes consumers of earlier plugin builds that no run has used for an hour (a run touches its own at setup). */
function pruneCache(keep: Set<string>): void {
  if (!existsSync(cacheRoot)) return;
  const hourAgo = Date.now() - 60 * 60 * 1000;
  for (const name of readdirSync(cacheRoot)) {
    const entry = path.join(cacheRoot, name);
    if (!keep.has(entry) && statSync(entry).mtimeMs < hourAgo)
      rmSync(entry, { recursive: true, force: true });
  }
}

export default async function setup(project: TestProject): Promise<void> {
  if (!existsSync(path.join(repoRoot, 'dist/index.js'))) {
    throw new Error(
      'dist/ is missing: run `npm run build` (npm test does) before the integration tests.',
    );
  }
  mkdirSync(cacheRoot, { recursive: true });
  const packDir = path.join(cacheRoot, `pack-${process.pid}`);
  rmSync(packDir, { recursive: true, force: true });
  mkdirSync(packDir);
  const packed = JSON.parse(
    await npm(
      ['pack', '--json', '--ignore-scripts', '--loglevel=error', '--pack-destination', packDir],
      repoRoot,
    ),
  ) as Array<{ filename: string; integrity: string }>;
  const tarballPath = path.join(packDir, packed[0]!.filename);
  const tarballHash = createHash('sha256').update(readFileSync(tarballPath)).digest('hex');

  const started = Date.now();
  const consumerSpecs = specs(path.basename(tarballPath));
  const singleSpecs = projectSpecs(path.basename(tarballPath));
  const installed = await inBatches<
    ConsumerSpec | (typeof singleSpecs)[number],
    Consumer | Project
  >([...consumerSpecs, ...singleSpecs], 4, async (spec) =>
    'ext' in spec
      ? installConsumer(spec, tarballPath, tarballHash)
      : {
          id: spec.id,
          dir: await installProject(spec, tarballPath, tarballHash),
          eslintVersion: spec.devDependencies.eslint!,
        },
  );
  const consumers = installed.slice(0, consumerSpecs.length) as Consumer[];
  const projects = Object.fromEntries(
    installed.slice(consumerSpecs.length).map((entry) => [entry.id, entry]),
  ) as Record<ProjectId, Project>;
  rmSync(packDir, { recursive: true, force: true });
  pruneCache(new Set(installed.map((entry) => entry.dir)));
  console.log(
    `[integration] ${installed.length} consumer projects ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${installed.map((c) => c.dir).join(', ')}`,
  );
  project.provide('integration', { consumers, projects, tarball: path.basename(tarballPath) });
}
