#!/usr/bin/env node
// npm run bench: speed, robustness and precision of the plugin on real-world code.
//
// 1. Installs the pinned packages of each corpus folder (package.json + package-lock.json):
//    bench/packages (HTTP libraries, SDKs and frameworks) and bench/apps (application code)
//    into a cache folder outside the repo (reused when the lock file is unchanged) and copies
//    the pinned packages' own JS/TS sources (not their dependencies) into a corpus folder.
// 2. Lints each corpus three ways in this one process with the ESLint Node API and
//    `stats: true`: parse only (no rules), core `no-unused-vars` alone, the plugin's `all` config.
// 3. Times the plugin's rules on generated files of growing size (1k to 100k lines), and on the
//    worst-case shapes of scripts/bench-shapes.mjs at n, 2n and 4n repetitions.
// 4. Fixes: every autofix and every suggestion applied alone must parse and add no core
//    `no-undef` / `no-use-before-define` report nor, in TypeScript, a type error at its lines
//    (scripts/bench-review.mjs); `--fix` over a copy of the corpus parses and is stable.
// 5. Reviews: every report and autofix is matched by fingerprint with its verdict in
//    bench/reviews.json; precision per rule and corpus, FAIL lines for unreviewed or < 0.95.
// Writes bench/REPORT.md and bench/report.json and the README's "Performance" figures.
//
// Options: --limit=N (lint only the first N files of each corpus, for trying the script out),
// --corpus=apps (only some of libraries,apps), --passes=plugin (only some of
// parse,no-unused-vars,plugin; order kept), --no-scaling (the generated files are linted in a
// child process, --scaling-child, so the corpus passes' heap is not theirs),
// --update-reviews (write every current report and autofix into bench/reviews.json, keeping
// the verdicts given, new ones with verdict null; a full run also drops the stale ones),
// --no-write (print only), --no-readme (do not touch README.md), --readme-only (copy the
// figures of bench/report.json into README.md, nothing else), --render-only (apply the verdicts
// of bench/reviews.json to bench/report.json and write REPORT.md and the README figures again,
// after reviewing, without linting); partial runs write
// bench/REPORT.limited.md instead of the report; --profile (only the plugin
// pass over the first corpus of --corpus and a generated file of --profile-lines=N lines (10000;
// 0: none), under the V8 profiler: prints the hot spots in dist/ and writes a .cpuprofile).
// Environment: HTTP_STATUS_BENCH_CACHE overrides the cache folder.

import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import {
  added,
  applyReviews,
  checkEditMeaning,
  codeContext,
  fingerprintAll,
  loadReviews,
  makeScopeChecker,
  makeTypeChecker,
  precisionTable,
  updateReviewsFile,
} from './bench-review.mjs';

import { timeShapes } from './bench-shapes.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(ROOT, 'package.json'));
const { ESLint } = require('eslint');
const espree = require('espree');
const tsParser = require('@typescript-eslint/parser');

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const option = (name) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const LIMIT = option('limit') ? Number(option('limit')) : Infinity;
const WRITE = !flag('no-write');
const PARTIAL =
  LIMIT !== Infinity ||
  option('passes') !== undefined ||
  option('corpus') !== undefined ||
  flag('no-scaling');
const WRITE_README = WRITE && !flag('no-readme') && !PARTIAL;

const CACHE = path.resolve(
  process.env.HTTP_STATUS_BENCH_CACHE ??
    path.join(os.homedir(), '.cache', 'eslint-plugin-http-status-bench'),
);
const SCALING_DIR = path.join(CACHE, 'scaling');

/**
 * The corpora: each a pinned folder of the repo (package.json + package-lock.json) installed
 * into the cache; only the pinned packages' own files are linted, never their dependencies.
 */
function corpusOf(id, title, folder, cacheName) {
  const packagesDir = path.join(ROOT, 'bench', folder);
  return {
    id,
    title,
    folder: `bench/${folder}`,
    packagesDir,
    installDir: path.join(CACHE, `install${cacheName}`),
    dir: path.join(CACHE, `corpus${cacheName}`),
    fixDir: path.join(CACHE, `fix-copy${cacheName}`),
    pinned: new Set(
      Object.keys(
        JSON.parse(fs.readFileSync(path.join(packagesDir, 'package.json'), 'utf8')).dependencies,
      ),
    ),
  };
}
const ALL_CORPORA = [
  corpusOf('libraries', 'HTTP libraries, SDKs and frameworks', 'packages', ''),
  corpusOf('apps', 'application code', 'apps', '-apps'),
];
/** --corpus=apps (or libraries) lints one corpus only, for trying things out. */
const CORPORA = ALL_CORPORA.filter(
  (c) => !option('corpus') || option('corpus').split(',').includes(c.id),
);

/** Bump when the selection of corpus files changes, so cached corpora are rebuilt. */
const CORPUS_FORMAT = 4;
const MAX_FILE_BYTES = 1024 * 1024;
const EXTENSIONS = new Set(['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts']);
const SCALING_SIZES = [1_000, 5_000, 10_000, 25_000, 50_000, 100_000];
const SCALING_REPEATS = 3;
/** .js (espree) by default; --scaling-ts adds .ts (typescript-eslint, slower to parse). */
const SCALING_LANGS = process.argv.includes('--scaling-ts') ? ['js', 'ts'] : ['js'];

const cacheFromRoot = path.relative(ROOT, CACHE);
if (!cacheFromRoot.startsWith('..') && !path.isAbsolute(cacheFromRoot)) {
  throw new Error(`The bench cache (${CACHE}) must be outside the repository.`);
}

const log = (...args) => console.log(...args);
const LOAD_START = os
  .loadavg()
  .map((l) => Math.round(l * 10) / 10)
  .join(' ');
const sha1 = (data) => createHash('sha1').update(data).digest('hex');
const round = (n, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const mb = (bytes) => round(bytes / 1024 / 1024, 0);

// ---------------------------------------------------------------------------------------------
// Peak memory: the OS's max resident set size, plus the largest RSS / heap seen in each phase.

const memory = { phases: {} };
let currentPhase = null;
function startPhase(name) {
  globalThis.gc?.();
  currentPhase = name;
  memory.phases[name] = { rssPeak: 0, heapPeak: 0 };
  sampleMemory();
}
function sampleMemory() {
  if (!currentPhase) return;
  const { rss, heapUsed } = process.memoryUsage();
  const phase = memory.phases[currentPhase];
  phase.rssPeak = Math.max(phase.rssPeak, rss);
  phase.heapPeak = Math.max(phase.heapPeak, heapUsed);
}

// ---------------------------------------------------------------------------------------------
// 1. Install the pinned packages and build the corpus.

function ensureInstall(corpus) {
  const INSTALL_DIR = corpus.installDir;
  const lock = fs.readFileSync(path.join(corpus.packagesDir, 'package-lock.json'), 'utf8');
  const manifest = fs.readFileSync(path.join(corpus.packagesDir, 'package.json'), 'utf8');
  const stamp = sha1(manifest + lock);
  const stampFile = path.join(INSTALL_DIR, '.bench-stamp');
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp) {
    log(`packages: reusing ${INSTALL_DIR}`);
    return stamp;
  }
  log(`packages: installing ${corpus.folder} into ${INSTALL_DIR} (npm ci, a minute or more)`);
  fs.rmSync(INSTALL_DIR, { recursive: true, force: true });
  fs.mkdirSync(INSTALL_DIR, { recursive: true });
  fs.writeFileSync(path.join(INSTALL_DIR, 'package.json'), manifest);
  fs.writeFileSync(path.join(INSTALL_DIR, 'package-lock.json'), lock);
  execFileSync(
    'npm',
    [
      'ci',
      '--ignore-scripts',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      '--engine-strict=false',
    ],
    { cwd: INSTALL_DIR, stdio: 'inherit' },
  );
  fs.writeFileSync(stampFile, stamp);
  return stamp;
}

function* walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile()) yield full;
  }
}

const isDeclaration = (file) => /\.d\.[cm]?ts$/.test(file);

/** Minified bundles: `.min.` in the name, or long lines on average (real source averages ~40). */
function isMinified(file, text) {
  if (/[.-]min\.[cm]?js$/.test(file)) return true;
  const lines = text.split('\n').length;
  return text.length > 2_000 && text.length / lines > 250;
}

function packageType(file, cache, installDir) {
  let dir = path.dirname(file);
  while (dir.startsWith(installDir)) {
    if (cache.has(dir)) return cache.get(dir);
    const pj = path.join(dir, 'package.json');
    if (fs.existsSync(pj)) {
      let type = 'commonjs';
      try {
        type = JSON.parse(fs.readFileSync(pj, 'utf8')).type === 'module' ? 'module' : 'commonjs';
      } catch {
        // a package.json that is not JSON (templates): keep commonjs
      }
      cache.set(dir, type);
      return type;
    }
    dir = path.dirname(dir);
  }
  return 'commonjs';
}

function parsesAs(text, sourceType) {
  try {
    espree.parse(text, { ecmaVersion: 'latest', sourceType, range: true, loc: true });
    return true;
  } catch {
    return false;
  }
}

function tsParses(text, filePath) {
  try {
    tsParser.parseForESLint(text, { filePath, sourceType: 'module', range: true, loc: true });
    return true;
  } catch {
    return false;
  }
}

/** Groups decide the parser: espree as ES module, espree as CommonJS, typescript-eslint. */
const GROUPS = { 'js-module': 'js-module', 'js-commonjs': 'js-commonjs', ts: 'ts' };

/**
 * The corpus is the pinned packages' own files: their dependencies (dayjs, ajv, pino, …) and
 * nested node_modules folders are left out.
 */
function isPinnedPath(corpus, rel) {
  const parts = rel.split('/');
  const pkg = rel.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return corpus.pinned.has(pkg) && !rel.includes('/node_modules/');
}
const isPinnedFile = (corpus, file) => corpus.pinned.has(file.pkg) && !file.path.includes('/_nm_/');

function ensureCorpus(corpus, installStamp) {
  const { installDir: INSTALL_DIR, dir: CORPUS_DIR } = corpus;
  const stamp = `${installStamp}:${CORPUS_FORMAT}`;
  const manifestFile = path.join(CORPUS_DIR, 'manifest.json');
  if (fs.existsSync(manifestFile)) {
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
    if (manifest.stamp === stamp) {
      manifest.files = manifest.files.filter((file) => isPinnedFile(corpus, file));
      log(`corpus: reusing ${CORPUS_DIR} (${manifest.files.length} files)`);
      return manifest;
    }
  }
  log(`corpus: copying sources out of node_modules into ${CORPUS_DIR}`);
  fs.rmSync(CORPUS_DIR, { recursive: true, force: true });
  const nodeModules = path.join(INSTALL_DIR, 'node_modules');
  const seen = new Map();
  const typeCache = new Map();
  const skipped = { declaration: 0, tooLarge: 0, minified: 0, duplicate: 0, unparsable: [] };
  const files = [];
  const all = [...walk(nodeModules)].sort();
  for (const source of all) {
    const ext = path.extname(source);
    if (!EXTENSIONS.has(ext)) continue;
    if (!isPinnedPath(corpus, path.relative(nodeModules, source).split(path.sep).join('/')))
      continue;
    if (isDeclaration(source)) {
      skipped.declaration++;
      continue;
    }
    // Enterprise-edition folders (Strapi's ee/) are under a proprietary licence: not quoted here.
    if (/[/\\]ee[/\\]/.test(path.relative(nodeModules, source))) {
      skipped.enterprise = (skipped.enterprise ?? 0) + 1;
      continue;
    }
    const { size } = fs.statSync(source);
    if (size > MAX_FILE_BYTES) {
      skipped.tooLarge++;
      continue;
    }
    const text = fs.readFileSync(source, 'utf8');
    if (isMinified(source, text)) {
      skipped.minified++;
      continue;
    }
    const hash = sha1(text);
    if (seen.has(hash)) {
      skipped.duplicate++;
      continue;
    }
    seen.set(hash, source);
    // Nested node_modules folders would be ignored by ESLint: rename the segment.
    const rel = path
      .relative(nodeModules, source)
      .split(path.sep)
      .join('/')
      .replaceAll('/node_modules/', '/_nm_/');
    let group;
    if (ext === '.ts' || ext === '.mts' || ext === '.cts') {
      group = tsParses(text, source) ? GROUPS.ts : null;
    } else {
      const first =
        ext === '.mjs'
          ? 'module'
          : ext === '.cjs'
            ? 'commonjs'
            : packageType(source, typeCache, INSTALL_DIR);
      const second = first === 'module' ? 'commonjs' : 'module';
      if (parsesAs(text, first)) group = `js-${first}`;
      else if (ext === '.js' && parsesAs(text, second)) group = `js-${second}`;
      else group = null;
    }
    if (!group) {
      skipped.unparsable.push(rel);
      continue;
    }
    const dest = path.join(CORPUS_DIR, group, rel);
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.writeFileSync(dest, text);
    const pkg = rel.startsWith('@') ? rel.split('/').slice(0, 2).join('/') : rel.split('/')[0];
    files.push({
      path: `${group}/${rel}`,
      group,
      pkg,
      bytes: Buffer.byteLength(text),
      lines: text.split('\n').length,
    });
  }
  const installed = JSON.parse(
    fs.readFileSync(path.join(INSTALL_DIR, 'package-lock.json'), 'utf8'),
  );
  const manifest = {
    stamp,
    packages: Object.keys(installed.packages).filter((p) => p.startsWith('node_modules/')).length,
    files,
    skipped,
  };
  fs.writeFileSync(manifestFile, JSON.stringify(manifest));
  log(`corpus: ${files.length} files`);
  return manifest;
}

// ---------------------------------------------------------------------------------------------
// ESLint configurations. Inline `eslint-disable` comments of the corpus are ignored
// (allowInlineConfig: false) so every pass lints the same code and every report is seen.

const plugin = require(path.join(ROOT, 'dist', 'index.js'));
const pluginRuleIds = Object.keys(plugin.rules).map((name) => `${plugin.meta.namespace}/${name}`);

function languageConfigs() {
  return [
    {
      files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
      languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
    },
    { files: ['js-commonjs/**'], languageOptions: { sourceType: 'commonjs' } },
    {
      files: ['**/*.ts', '**/*.mts', '**/*.cts'],
      languageOptions: { parser: tsParser, sourceType: 'module' },
    },
    // The scaling files: .jsx / .tsx not needed; JSX stays off.
    { linterOptions: { reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' } },
  ];
}

const PASSES = {
  parse: { label: 'parse only (no rules)', rules: [] },
  'no-unused-vars': {
    label: 'core no-unused-vars',
    rules: [{ rules: { 'no-unused-vars': 'error' } }],
  },
  plugin: { label: "plugin's `all` config", rules: [plugin.configs.all] },
};

function makeEslint(cwd, pass, extra = {}) {
  return new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [...languageConfigs(), ...PASSES[pass].rules],
    allowInlineConfig: false,
    stats: true,
    warnIgnored: false,
    ...extra,
  });
}

function addTimes(into, result) {
  for (const passTimes of result.stats?.times?.passes ?? []) {
    into.parse += passTimes.parse?.total ?? 0;
    into.total += passTimes.total ?? 0;
    for (const [ruleId, { total }] of Object.entries(passTimes.rules ?? {})) {
      into.rules[ruleId] = (into.rules[ruleId] ?? 0) + total;
    }
  }
}

function describeError(error) {
  return { message: String(error?.message ?? error), stack: String(error?.stack ?? '') };
}

// ---------------------------------------------------------------------------------------------
// 2. The three passes over the corpus.

/**
 * Lints every corpus file with each of `passes` in turn, file by file (the order rotates), so
 * that load from other processes on the machine falls on all passes alike. Times per pass are
 * sums over files: wall time of lintText, CPU time of this process, and ESLint's stats.
 */
async function lintCorpus(corpus, manifest, passes) {
  const CORPUS_DIR = corpus.dir;
  const files = manifest.files.slice(0, LIMIT);
  const runs = passes.map((pass) => ({
    pass,
    label: PASSES[pass].label,
    eslint: makeEslint(CORPUS_DIR, pass),
    files: files.length,
    wallMs: 0,
    cpuMs: 0,
    times: { parse: 0, total: 0, rules: {} },
    ruleTotal: 0,
    crashes: [],
    fatal: [],
    messages: [],
  }));
  startPhase(`corpus-${corpus.id}`);
  let count = 0;
  for (const file of files) {
    const filePath = path.join(CORPUS_DIR, file.path);
    const code = fs.readFileSync(filePath, 'utf8');
    for (let k = 0; k < runs.length; k++) {
      const run = runs[(k + count) % runs.length];
      const cpu = process.cpuUsage();
      const start = performance.now();
      try {
        const [result] = await run.eslint.lintText(code, { filePath });
        run.wallMs += performance.now() - start;
        const used = process.cpuUsage(cpu);
        run.cpuMs += (used.user + used.system) / 1000;
        addTimes(run.times, result);
        for (const m of result.messages) {
          if (m.fatal) run.fatal.push({ file: file.path, line: m.line, message: m.message });
          else if (run.pass === 'plugin') run.messages.push({ file: file.path, ...m });
        }
      } catch (error) {
        run.crashes.push({ file: file.path, pass: run.pass, ...describeError(error) });
      }
    }
    if (++count % 100 === 0) sampleMemory();
    if (count % 500 === 0) process.stdout.write(`  ${corpus.id}: ${count}/${files.length}\r`);
  }
  sampleMemory();
  for (const run of runs) {
    delete run.eslint;
    run.ruleTotal = Object.values(run.times.rules).reduce((a, b) => a + b, 0);
    log(
      `${corpus.id.padEnd(9)} ${run.label.padEnd(24)} ${files.length} files in ${round(run.wallMs / 1000, 2)} s wall, ${round(run.cpuMs / 1000, 2)} s CPU` +
        ` (${round(files.length / (run.wallMs / 1000), 0)} files/s), parse ${round(run.times.parse, 0)} ms,` +
        ` rules ${round(run.ruleTotal, 0)} ms, crashes ${run.crashes.length}, fatal ${run.fatal.length}`,
    );
  }
  return runs;
}

/** Placeholder for a pass left out with --passes (trying things out, never in the report). */
function emptyRun(pass) {
  return {
    pass,
    label: PASSES[pass].label,
    files: 0,
    wallMs: NaN,
    cpuMs: NaN,
    times: { parse: 0, total: 0, rules: {} },
    ruleTotal: 0,
    crashes: [],
    fatal: [],
    messages: [],
  };
}

// ---------------------------------------------------------------------------------------------
// 3. Robustness of fixes and suggestions.

function applyFix(text, fix) {
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}

let typeChecker;

async function checkFixes(corpus, pluginRun) {
  const { dir: CORPUS_DIR, fixDir: FIX_DIR } = corpus;
  startPhase(`fix-${corpus.id}`);
  const parseOnly = {
    [CORPUS_DIR]: makeEslint(CORPUS_DIR, 'parse'),
    [FIX_DIR]: makeEslint(FIX_DIR, 'parse'),
  };
  const fixer = makeEslint(FIX_DIR, 'plugin', { fix: true });
  const scope = {
    [CORPUS_DIR]: makeScopeChecker(ESLint, CORPUS_DIR, languageConfigs()),
    [FIX_DIR]: makeScopeChecker(ESLint, FIX_DIR, languageConfigs()),
  };
  typeChecker ??= makeTypeChecker() ?? null;
  const byFile = new Map();
  for (const m of pluginRun.messages) {
    if (!byFile.has(m.file)) byFile.set(m.file, []);
    byFile.get(m.file).push(m);
  }
  const problems = [];
  const stats = {
    filesWithFixes: 0,
    filesChanged: 0,
    autofixes: 0,
    suggestions: 0,
    unstable: 0,
    unparsable: 0,
    flagged: 0,
  };

  async function parses(code, filePath) {
    const eslint = filePath.startsWith(FIX_DIR + path.sep)
      ? parseOnly[FIX_DIR]
      : parseOnly[CORPUS_DIR];
    const [result] = await eslint.lintText(code, { filePath });
    if (!result) throw new Error(`${filePath} was not linted`);
    return result.messages.find((m) => m.fatal)?.message ?? null;
  }

  // Every autofix and every suggestion, applied alone to the original file: it must parse and
  // add no no-undef / no-use-before-define report, nor a TypeScript diagnostic at its lines.
  for (const [file, messages] of byFile) {
    const filePath = path.join(CORPUS_DIR, file);
    const original = fs.readFileSync(filePath, 'utf8');
    const cache = {};
    for (const m of messages) {
      const edits = [
        ...(m.fix ? [{ kind: 'autofix', fix: m.fix }] : []),
        ...(m.suggestions ?? []).map((suggestion, i) => ({
          kind: `suggestion ${i + 1}`,
          fix: suggestion.fix,
        })),
      ];
      for (const edit of edits) {
        if (edit.kind === 'autofix') stats.autofixes++;
        else stats.suggestions++;
        const fixed = applyFix(original, edit.fix);
        const error = await parses(fixed, filePath);
        const found = error
          ? [`does not parse: ${error}`]
          : await checkEditMeaning({
              original,
              fixed,
              edit: edit.fix,
              filePath,
              scope: scope[CORPUS_DIR],
              types: typeChecker,
              cache,
            });
        if (found.length > 0) {
          stats.flagged++;
          for (const detail of found)
            problems.push({
              kind: `${edit.kind} ${detail.split(':')[0]}`,
              file,
              line: m.line,
              ruleId: m.ruleId,
              detail,
            });
        }
      }
    }
  }

  // --fix over a copy of the corpus. A file without a fixable report is left unchanged by
  // --fix, so the copy holds the files with at least one fix.
  fs.rmSync(FIX_DIR, { recursive: true, force: true });
  const fixable = [...byFile]
    .filter(([, messages]) => messages.some((m) => m.fix))
    .map(([file]) => file);
  stats.filesWithFixes = fixable.length;
  for (const file of fixable) {
    const dest = path.join(FIX_DIR, file);
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.copyFileSync(path.join(CORPUS_DIR, file), dest);
  }
  try {
    const results = [];
    for (const file of fixable) {
      const filePath = path.join(FIX_DIR, file);
      try {
        const [result] = await fixer.lintText(fs.readFileSync(filePath, 'utf8'), { filePath });
        results.push(result);
      } catch (error) {
        pluginRun.crashes.push({ file, pass: 'fix', ...describeError(error) });
      }
    }
    await ESLint.outputFixes(results);
    for (const result of results) {
      const file = path.relative(FIX_DIR, result.filePath).split(path.sep).join('/');
      if (result.output === undefined) continue;
      stats.filesChanged++;
      const error = await parses(result.output, result.filePath);
      if (error) {
        stats.unparsable++;
        problems.push({ kind: 'fixed file does not parse', file, detail: error });
        continue;
      }
      // All the file's fixes together: no new no-undef / no-use-before-define report either.
      const before = await scope[CORPUS_DIR](
        fs.readFileSync(path.join(CORPUS_DIR, file), 'utf8'),
        path.join(CORPUS_DIR, file),
      );
      for (const k of added(before, await scope[FIX_DIR](result.output, result.filePath))) {
        problems.push({ kind: '--fix output adds a scope report', file, detail: k });
      }
      // Second pass over the fixed file: must change nothing.
      try {
        const [again] = await fixer.lintText(result.output, { filePath: result.filePath });
        if (again.output !== undefined && again.output !== result.output) {
          stats.unstable++;
          problems.push({
            kind: 'second --fix pass changed the file',
            file,
            detail: firstDifference(result.output, again.output),
          });
        }
      } catch (error) {
        pluginRun.crashes.push({ file, pass: 'fix (second pass)', ...describeError(error) });
      }
    }
  } finally {
    sampleMemory();
  }
  log(
    `${corpus.id} fix: ${stats.autofixes} autofixes and ${stats.suggestions} suggestions checked alone (${stats.flagged} flagged);` +
      ` --fix: ${stats.filesWithFixes} files with fixes, ${stats.filesChanged} changed, ${stats.unparsable} unparsable,` +
      ` ${stats.unstable} unstable; ${problems.length} problems`,
  );
  return { stats, problems };
}

function firstDifference(a, b) {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const line = a.slice(0, i).split('\n').length;
  return `line ${line}: ${JSON.stringify(a.slice(Math.max(0, i - 40), i + 40))} -> ${JSON.stringify(b.slice(Math.max(0, i - 40), i + 40))}`;
}

// ---------------------------------------------------------------------------------------------
// 4. Scaling: generated HTTP-shaped files of growing size.

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Snippets of what the rules look at. `i` keeps names unique; `ts` adds type syntax. */
const SNIPPETS = [
  (i, ts) => `
export async function getUser${i}(id${ts ? ': string' : ''}) {
  const res = await fetch(\`/api/users/\${id}\`);
  if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
  return res.json();
}`,
  (i) => `
export async function deleteUser${i}(id) {
  const res = await fetch(\`/api/users/\${id}\`, { method: 'DELETE' });
  return await res.json();
}`,
  (i) => `
export async function removeItem${i}(id) {
  const res = await fetch('/api/items/' + id, { method: 'DELETE' });
  if (res.status === 204) return null;
  return res.json();
}`,
  (i) => `
export const listOrders${i} = () => ky.get('orders', { retry: { limit: 3, statusCodes: [408, 429, 500, 502, 503] } }).json();`,
  (i) => `
export const api${i} = ky.create({ prefixUrl: '/api', retry: { limit: 5, statusCodes: [400, 401, 404, 500] } });`,
  (i) => `
export async function postAxios${i}(body) {
  const { data, status } = await axios.post('/api/things', body);
  if (status === 204) return undefined;
  return data;
}`,
  (i) => `
axiosRetry(client${i % 7}, {
  retries: 3,
  retryCondition: (error) => error.response?.status >= 400,
  retryDelay: (count) => count * 1000,
});`,
  (i, ts) => `
export async function withRetry${i}(url${ts ? ': string' : ''}) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const res = await fetch(url);
    if (res.ok) return res.json();
    if (res.status === 429 || res.status >= 500) {
      await new Promise((resolve) => setTimeout(resolve, 2 ** attempt * 100));
      continue;
    }
    throw new Error('failed ' + res.status);
  }
}`,
  (i) => `
export async function retryAll${i}(url) {
  let res;
  for (let attempt = 0; attempt < 3; attempt++) {
    res = await fetch(url);
    if (!res.ok) {
      await sleep(1000 * attempt);
      continue;
    }
    break;
  }
  return res;
}`,
  (i) => `
export const job${i} = () => pRetry(async () => {
  const res = await fetch('/jobs/${i}');
  if (res.status === 404) throw new AbortError(res.statusText);
  if (!res.ok) throw new Error(res.statusText);
  return res.json();
}, { retries: 5 });`,
  (i) => `
export const bailJob${i} = () => retry(async (bail) => {
  const res = await fetch('/jobs/${i}');
  if (res.status >= 400 && res.status < 500) { bail(new Error('client')); return; }
  return res.json();
}, { retries: 3 });`,
  (i, ts) => `
app.get('/users/${i}', async (req${ts ? ': Request' : ''}, res${ts ? ': Response' : ''}) => {
  const user = await db.find(req.params.id);
  if (!user) return res.status(200).json({ error: 'not found' });
  res.json(user);
});`,
  (i) => `
app.post('/orders/${i}', (req, res) => {
  if (!req.body) {
    res.status(400).send({ error: 'missing body' });
    return;
  }
  res.status(201).json({ id: ${i} });
});`,
  (i) => `
fastify.get('/items/${i}', async (request, reply) => {
  const item = await store.get(request.params.id);
  if (!item) return reply.code(200).send({ error: 'Not found' });
  return reply.code(200).send(item);
});`,
  (i) => `
hono.get('/h/${i}', (c) => {
  const ok = check(c.req.query('q'));
  if (!ok) return c.json({ error: 'bad query' }, 200);
  return c.json({ ok: true });
});`,
  (i) => `
export const gotClient${i} = got.extend({ retry: { limit: 2, statusCodes: [404, 500, 502] } });`,
  (i) => `
export async function head${i}(url) {
  const res = await fetch(url, { method: 'HEAD' });
  const body = await res.json();
  return { len: res.headers.get('content-length'), body };
}`,
  (i) => `
export function chain${i}(url) {
  return fetch(url, { method: 'PUT', body: '{}' })
    .then((r) => (r.status === 204 ? null : r.json()))
    .then((data) => data?.items ?? [])
    .catch(() => []);
}`,
  (i, ts) => `
export async function rateLimited${i}(url${ts ? ': string' : ''}) {
  while (true) {
    const res = await fetch(url);
    if (res.status === 429) {
      await sleep(5000);
      continue;
    }
    return res;
  }
}`,
  (i, ts) => `
export class Client${i} {
  ${ts ? 'private ' : ''}base = 'https://example.com';
  async get(path${ts ? ': string' : ''}) {
    const response = await fetch(this.base + path);
    switch (response.status) {
      case 200: return response.json();
      case 204: return null;
      default: throw new Error(String(response.status));
    }
  }
}`,
];

function generateFile(targetLines, ts, seed = 42) {
  const random = mulberry32(seed);
  const header = [
    "import ky from 'ky';",
    "import axios from 'axios';",
    "import axiosRetry from 'axios-retry';",
    "import got from 'got';",
    "import pRetry, { AbortError } from 'p-retry';",
    "import retry from 'async-retry';",
    "import express from 'express';",
    "import Fastify from 'fastify';",
    "import { Hono } from 'hono';",
    'const app = express();',
    'const fastify = Fastify();',
    'const hono = new Hono();',
    'const sleep = (ms) => new Promise((r) => setTimeout(r, ms));',
    ...Array.from({ length: 7 }, (_, k) => `const client${k} = axios.create();`),
    'const db = { find: async (id) => ({ id }) };',
    'const store = { get: async (id) => ({ id }) };',
    'const check = (q) => Boolean(q);',
  ];
  const parts = [header.join('\n')];
  let lines = header.length;
  let i = 0;
  while (lines < targetLines) {
    // Each snippet starts with a newline: joined, it adds its own count of lines.
    const snippet = SNIPPETS[Math.floor(random() * SNIPPETS.length)](i++, ts);
    parts.push(snippet);
    lines += snippet.split('\n').length;
  }
  return parts.join('\n') + '\n';
}

async function scaling() {
  startPhase('scaling');
  fs.mkdirSync(SCALING_DIR, { recursive: true });
  // Worst-case shapes (one variable, loop or handler carrying many requests): linear, below parse
  // time. First, while the heap is small: after the 100k-line file, every lint of a shape took
  // three to five times as long, parse included, and its growth read the collector's.
  const shapes = await timeShapes({ cwd: SCALING_DIR, log });
  const rows = [];
  // One lint per repeat runs the plugin's rules and no-unused-vars together; stats time each rule.
  const eslint = new ESLint({
    cwd: SCALING_DIR,
    overrideConfigFile: true,
    overrideConfig: [
      ...languageConfigs(),
      plugin.configs.all,
      { rules: { 'no-unused-vars': 'error' } },
    ],
    stats: true,
  });
  const crashes = [];
  let tooSlow;
  for (const lang of SCALING_LANGS) {
    tooSlow = undefined;
    for (const size of SCALING_SIZES) {
      if (tooSlow) {
        log(`scaling ${lang} ${size} lines: not run, ${tooSlow}`);
        rows.push({
          lang,
          lines: size,
          bytes: 0,
          parseMs: NaN,
          pluginMs: NaN,
          noUnusedVarsMs: NaN,
          reports: 0,
          skipped: tooSlow,
        });
        continue;
      }
      const code = generateFile(size, lang === 'ts');
      const filePath = path.join(SCALING_DIR, `generated-${size}.${lang}`);
      fs.writeFileSync(filePath, code);
      const lines = code.split('\n').length - 1;
      let best = Infinity;
      let bestCore = Infinity;
      let parse = Infinity;
      let reports = 0;
      // Best of 3 up to 10k lines, of 2 above; no repeat once a size has taken 30 s.
      const repeats = size <= 10_000 ? SCALING_REPEATS : 2;
      const sizeStart = performance.now();
      for (let r = 0; r < repeats && (r === 0 || performance.now() - sizeStart < 30_000); r++) {
        try {
          const times = { parse: 0, total: 0, rules: {} };
          const [result] = await eslint.lintText(code, { filePath });
          addTimes(times, result);
          const fatal = result.messages.find((m) => m.fatal);
          if (fatal)
            throw new Error(`generated file does not parse: ${fatal.message} at ${fatal.line}`);
          reports = result.messages.filter((m) => m.ruleId !== 'no-unused-vars').length;
          best = Math.min(
            best,
            pluginRuleIds.reduce((sum, id) => sum + (times.rules[id] ?? 0), 0),
          );
          parse = Math.min(parse, times.parse);
          bestCore = Math.min(bestCore, times.rules['no-unused-vars'] ?? 0);
        } catch (error) {
          crashes.push({
            file: `generated-${size}.${lang}`,
            pass: 'scaling',
            ...describeError(error),
          });
          break;
        }
        sampleMemory();
      }
      rows.push({
        lang,
        lines,
        bytes: Buffer.byteLength(code),
        parseMs: parse,
        pluginMs: best,
        noUnusedVarsMs: bestCore,
        reports,
      });
      // Stop the curve when the next size would take over 5 minutes, even at quadratic cost.
      const next = SCALING_SIZES[SCALING_SIZES.indexOf(size) + 1];
      if (next && best * (next / size) ** 2 > 300_000) {
        tooSlow = `the plugin took ${round(best / 1000, 0)} s at ${lines.toLocaleString('en-US')} lines (${round(best / (lines / 1000), 0)} ms/kline)`;
      }
      log(
        `scaling ${lang} ${String(lines).padStart(6)} lines: plugin ${round(best, 1)} ms (${round(best / (lines / 1000), 2)} ms/kline),` +
          ` no-unused-vars ${round(bestCore, 1)} ms, parse ${round(parse, 0)} ms, ${reports} reports`,
      );
    }
  }
  const checks = SCALING_LANGS.map((lang) => {
    const at = (n) => rows.find((r) => r.lang === lang && Math.abs(r.lines - n) / n < 0.01);
    const perK = (row) => row.pluginMs / (row.lines / 1000);
    const small = at(10_000);
    const large = at(100_000);
    const ratio = small && large ? perK(large) / Math.max(perK(small), 1e-6) : NaN;
    // Below ~0.5 ms in total the timer noise dominates: count that as linear.
    const pass =
      Number.isFinite(ratio) && (ratio <= 2 || large.pluginMs < 5 * SCALING_SIZES.length);
    return {
      lang,
      perK10k: small ? perK(small) : NaN,
      perK100k: large ? perK(large) : NaN,
      ratio,
      pass,
    };
  });
  for (const c of checks) {
    log(
      `${c.pass ? 'PASS' : 'FAIL'} scaling ${c.lang}: ${round(c.perK100k, 3)} ms/kline at 100k vs ${round(c.perK10k, 3)} at 10k (x${round(c.ratio, 2)}, limit x2)`,
    );
  }
  return { rows, checks, crashes, shapes };
}

/**
 * The scaling files in a fresh process: in this one, the heap the corpus passes grew (and the
 * 50k-line file's garbage) would be paid by the 100k-line file and read as a cost of its size.
 */
function scalingInChildProcess() {
  const out = path.join(os.tmpdir(), `http-status-bench-scaling-${process.pid}.json`);
  const args = [
    '--expose-gc',
    fileURLToPath(import.meta.url),
    '--scaling-child',
    `--scaling-out=${out}`,
  ];
  if (process.argv.includes('--scaling-ts')) args.push('--scaling-ts');
  const child = spawnSync(process.execPath, args, {
    stdio: 'inherit',
    env: { ...process.env, HTTP_STATUS_BENCH_CACHE: CACHE },
  });
  if (child.status !== 0 || !fs.existsSync(out)) {
    const crash = {
      file: 'generated files',
      pass: 'scaling',
      message: `scaling process exited with ${child.status ?? child.signal}`,
      stack: '',
    };
    return {
      rows: [],
      checks: SCALING_LANGS.map((lang) => ({
        lang,
        perK10k: NaN,
        perK100k: NaN,
        ratio: NaN,
        pass: false,
      })),
      crashes: [crash],
      maxRss: 0,
    };
  }
  const result = JSON.parse(fs.readFileSync(out, 'utf8'));
  fs.rmSync(out, { force: true });
  return result;
}

// ---------------------------------------------------------------------------------------------
// Report.

function machine() {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    node: process.version,
    cores: cpus.length,
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    memoryGb: round(os.totalmem() / 1024 ** 3, 0),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    loadStart: LOAD_START,
    loadEnd: os
      .loadavg()
      .map((l) => round(l, 1))
      .join(' '),
    eslint: require('eslint/package.json').version,
    typescriptEslint: require('@typescript-eslint/parser/package.json').version,
    espree: require('espree/package.json').version,
    plugin: `${plugin.meta.name}@${plugin.meta.version} (${gitDescribe()})`,
  };
}

function gitDescribe() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: ROOT,
      encoding: 'utf8',
    }).trim();
  } catch {
    return 'no git';
  }
}

/** One corpus: its files, the three passes, every report and autofix with its review. */
function summarizeCorpus(corpus, manifest, runs, fix, reviews) {
  const [parseRun, coreRun, pluginRun] = runs;
  const pluginRules = Object.fromEntries(
    pluginRuleIds.map((id) => [id, pluginRun.times.rules[id] ?? 0]),
  );
  const pluginTotal = Object.values(pluginRules).reduce((a, b) => a + b, 0);
  const noUnusedVars = coreRun.times.rules['no-unused-vars'] ?? 0;
  const ratio = noUnusedVars > 0 ? pluginTotal / noUnusedVars : NaN;
  const files = manifest.files.slice(0, LIMIT);
  const byGroup = {};
  for (const f of files) {
    byGroup[f.group] ??= { files: 0, bytes: 0, lines: 0 };
    byGroup[f.group].files++;
    byGroup[f.group].bytes += f.bytes;
    byGroup[f.group].lines += f.lines;
  }
  const byPackage = {};
  for (const f of files) byPackage[f.pkg] = (byPackage[f.pkg] ?? 0) + 1;
  const crashes = [...parseRun.crashes, ...coreRun.crashes, ...pluginRun.crashes];
  const pinned = JSON.parse(
    fs.readFileSync(path.join(corpus.packagesDir, 'package.json'), 'utf8'),
  ).dependencies;
  const sources = new Map();
  const sourceOf = (file) => {
    if (!sources.has(file)) sources.set(file, fs.readFileSync(path.join(corpus.dir, file), 'utf8'));
    return sources.get(file);
  };
  const ordered = [...pluginRun.messages].sort(
    (a, b) =>
      (a.ruleId ?? '').localeCompare(b.ruleId ?? '') ||
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.column - b.column,
  );
  const found = fingerprintAll(
    corpus.id,
    ordered.map((m) => ({ message: m, source: sourceOf(m.file) })),
  );
  applyReviews(found, reviews);
  const flaggedAt = (f) =>
    fix.problems
      .filter(
        (p) =>
          p.file === f.corpusFile &&
          p.line === f.m.line &&
          p.ruleId === f.rule &&
          p.kind.startsWith('autofix'),
      )
      .map((p) => p.detail);
  const reports = found.reports.map((r) => ({
    ruleId: r.rule,
    file: r.file,
    line: r.line,
    column: r.m.column,
    message: r.message,
    fingerprint: r.fingerprint,
    fix: Boolean(r.m.fix),
    suggestions: r.m.suggestions?.length ?? 0,
    verdict: r.verdict,
    reason: r.reason,
    context: codeContext(sourceOf(r.corpusFile), r.m),
  }));
  const fixes = found.fixes.map((f) => ({
    ruleId: f.rule,
    file: f.file,
    line: f.line,
    fingerprint: f.fingerprint,
    report: f.report,
    diff: f.diff,
    verdict: f.verdict,
    reason: f.reason,
    flagged: flaggedAt(f),
  }));
  const reportsByRule = {};
  for (const r of reports) reportsByRule[r.ruleId] = (reportsByRule[r.ruleId] ?? 0) + 1;
  return {
    id: corpus.id,
    title: corpus.title,
    folder: corpus.folder,
    corpus: {
      cache: corpus.dir,
      pinnedPackages: pinned,
      installedPackages: manifest.packages,
      files: files.length,
      bytes: files.reduce((a, f) => a + f.bytes, 0),
      lines: files.reduce((a, f) => a + f.lines, 0),
      byGroup,
      byPackage,
      skipped: {
        ...manifest.skipped,
        unparsable: manifest.skipped.unparsable.length,
        unparsableFiles: manifest.skipped.unparsable,
      },
      limited: LIMIT !== Infinity,
    },
    passes: runs.map((r) => ({
      pass: r.pass,
      label: r.label,
      files: r.files,
      wallMs: r.wallMs,
      cpuMs: r.cpuMs,
      filesPerSecond: r.files / (r.wallMs / 1000),
      filesPerCpuSecond: r.files / (r.cpuMs / 1000),
      parseMs: r.times.parse,
      rulesMs: r.ruleTotal,
      rules: r.times.rules,
      fatal: r.fatal.length,
    })),
    pluginRules,
    pluginTotal,
    noUnusedVars,
    ratio,
    crashes,
    fix,
    reportsByRule,
    precision: precisionTable(pluginRuleIds, found),
    reports,
    fixes,
    found,
  };
}

function summarize(corpora, scale) {
  const crashes = [...corpora.flatMap((c) => c.crashes), ...scale.crashes];
  const targets = {
    halfOfNoUnusedVars: corpora.map((c) => ({
      corpus: c.id,
      limit: 0.5,
      ratio: c.ratio,
      pass: Number.isFinite(c.ratio) && c.ratio <= 0.5,
    })),
    scaling: scale.checks,
    noCrashes: crashes.length === 0,
    fixes: corpora.every((c) => c.fix.problems.length === 0),
    // Reported, not a failure of the run: every report and fix reviewed, precision >= 0.95.
    reviews: corpora.every((c) => c.precision.every((row) => row.pass)),
  };
  return {
    machine: machine(),
    corpora,
    memory: {
      maxRss: process.resourceUsage().maxRSS * 1024,
      scalingMaxRss: scale.maxRss,
      phases: memory.phases,
    },
    scaling: scale.rows,
    targets,
    crashes,
  };
}

const fmtMs = (ms) => (ms >= 100 ? `${Math.round(ms).toLocaleString('en-US')}` : `${round(ms, 1)}`);
const esc = (s) => String(s).replaceAll('|', '\\|').replaceAll('\n', ' ');

function renderMarkdown(s) {
  const m = s.machine;
  const L = [];
  L.push('# Benchmark report');
  L.push('');
  L.push('Generated by `npm run bench` (scripts/bench.mjs). Do not edit by hand.');
  L.push('');
  L.push(
    `${m.date.slice(0, 10)} on ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node}, ${m.platform}; ` +
      `ESLint ${m.eslint}, espree ${m.espree}, typescript-eslint ${m.typescriptEslint}; ${m.plugin}.`,
  );
  L.push('');
  L.push('## Targets');
  L.push('');
  const t = s.targets;
  L.push(`| target | result | |`);
  L.push(`| :--- | :--- | :--- |`);
  for (const c of s.corpora) {
    L.push(
      `| plugin rules <= 0.5 x core \`no-unused-vars\`, ${c.title} | ${round(c.ratio, 3)} x (${fmtMs(c.pluginTotal)} ms vs ${fmtMs(c.noUnusedVars)} ms) | ${Number.isFinite(c.ratio) && c.ratio <= 0.5 ? 'PASS' : 'FAIL'} |`,
    );
  }
  for (const c of t.scaling) {
    L.push(
      `| linear in file size (${c.lang}): ms/kline at 100k <= 2 x at 10k | ${round(c.perK100k, 3)} vs ${round(c.perK10k, 3)} ms/kline (x${round(c.ratio, 2)}) | ${c.pass ? 'PASS' : 'FAIL'} |`,
    );
  }
  L.push(`| no rule crashes | ${s.crashes.length} | ${t.noCrashes ? 'PASS' : 'FAIL'} |`);
  L.push(
    `| fixes and suggestions: parse, second \`--fix\` stable, no new \`no-undef\` / \`no-use-before-define\` / TypeScript diagnostic | ${s.corpora.map((c) => `${c.id} ${c.fix.problems.length}`).join(', ')} problems | ${t.fixes ? 'PASS' : 'FAIL'} |`,
  );
  for (const c of s.corpora) {
    const failing = c.precision.filter((row) => !row.pass).map((row) => row.rule.split('/')[1]);
    L.push(
      `| every report and autofix reviewed, precision >= 0.95 per rule, ${c.title} (not a failure of the run) | ${failing.length === 0 ? 'all rules' : `FAIL: ${failing.join(', ')}`} | ${failing.length === 0 ? 'PASS' : 'FAIL'} |`,
    );
  }
  L.push('');
  L.push('## Precision per rule (reviewed reports)');
  L.push('');
  L.push(
    'Every report and every autofix of both corpora is reviewed by hand in bench/reviews.json (verdict and reason per fingerprint: rule, file, reported text). ' +
      'Precision = true reports / (reviewed reports + wrong autofixes): a wrong autofix counts as a false report. An unreviewed report or fix, or a precision under 0.95, is a FAIL line.',
  );
  L.push('');
  L.push(
    '| corpus | rule | reports | true | false | unreviewed | autofixes | right | wrong | unreviewed | precision | |',
  );
  L.push('| :--- | :--- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :--- |');
  for (const c of s.corpora) {
    for (const row of c.precision) {
      L.push(
        `| ${c.id} | \`${row.rule}\` | ${row.reports} | ${row.reviewedTrue} | ${row.reviewedFalse} | ${row.unreviewed} | ${row.fixes} | ${row.fixesRight} | ${row.fixesWrong} | ${row.fixesUnreviewed} | ${row.precision === null ? '–' : round(row.precision, 3)} | ${row.pass ? 'PASS' : 'FAIL'} |`,
      );
    }
  }
  L.push('');
  for (const c of s.corpora) renderCorpus(L, s, c);
  L.push('## Scaling with file size');
  L.push('');
  L.push(
    `Generated HTTP-shaped code (fetch/axios/ky/got requests, DELETE and HEAD calls, retry loops, p-retry, async-retry, axios-retry, ky and got retry config, Express/Fastify/Hono handlers); best of ${SCALING_REPEATS} runs up to 10k lines, of 2 above (1 when a size takes over 30 s); plugin rules and \`no-unused-vars\` timed in the same lint.`,
  );
  L.push('');
  L.push(
    '| file | lines | parse ms | plugin ms | plugin ms / 1k lines | no-unused-vars ms | reports |',
  );
  L.push('| :--- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of s.scaling) {
    if (r.skipped) {
      L.push(`| .${r.lang} | ${r.lines.toLocaleString('en-US')} | not run: ${r.skipped} | | | | |`);
      continue;
    }
    L.push(
      `| .${r.lang} | ${r.lines.toLocaleString('en-US')} | ${fmtMs(r.parseMs)} | ${fmtMs(r.pluginMs)} | ${round(r.pluginMs / (r.lines / 1000), 3)} | ${fmtMs(r.noUnusedVarsMs)} | ${r.reports} |`,
    );
  }
  L.push('');
  L.push('## Robustness');
  L.push('');
  L.push(`Rule crashes: ${s.crashes.length}.`);
  for (const cr of s.crashes) {
    L.push('');
    L.push(`- ${cr.pass}: \`${cr.file}\`: ${esc(cr.message)}`);
    L.push('');
    L.push('  ```');
    for (const line of cr.stack.split('\n').slice(0, 12)) L.push(`  ${line}`);
    L.push('  ```');
  }
  L.push('');
  for (const c of s.corpora) {
    const f = c.fix.stats;
    L.push(
      `${c.title}: ${f.autofixes} autofixes and ${f.suggestions} suggestions applied one at a time to the original file (parse; no new core \`no-undef\` / \`no-use-before-define\` report; in TypeScript files no new TypeScript diagnostic at the lines written): ${f.flagged} flagged. ` +
        `\`--fix\` over a copy of the corpus: ${f.filesWithFixes} files had a fix, ${f.filesChanged} changed, ${f.unparsable} do not parse after fixing, ${f.unstable} changed again on a second pass.`,
    );
    for (const p of c.fix.problems)
      L.push(
        `- ${p.kind}: \`${p.file}\`${p.line ? `:${p.line}` : ''} ${p.ruleId ?? ''} ${esc(p.detail)}`,
      );
    L.push('');
    L.push(
      'Parse errors in the passes (the corpus only holds files that parse): ' +
        c.passes.map((p) => `${p.pass} ${p.fatal}`).join(', ') +
        '.',
    );
    L.push('');
  }
  for (const c of s.corpora) renderReviewed(L, c);
  return L.join('\n');
}

const verdictLabel = (v) => (v === true ? 'true' : v === false ? '**FALSE**' : '**UNREVIEWED**');
const fenced = (text) => text.replaceAll('```', '` ` `');

/** Every report with its code and its review, then every autofix diff with its review. */
function renderReviewed(L, c) {
  L.push(`## Every report: ${c.title}`);
  L.push('');
  L.push(
    `${c.reports.length} reports; verdicts and reasons from bench/reviews.json (fingerprint = rule, file, reported text).`,
  );
  L.push('');
  for (const r of c.reports) {
    L.push(`### ${r.ruleId.split('/')[1]} · \`${r.file}\`:${r.line} · ${verdictLabel(r.verdict)}`);
    L.push('');
    L.push(
      `${esc(r.message)}${r.fix ? ' (autofix)' : ''}${r.suggestions ? ` (${r.suggestions} suggestion${r.suggestions > 1 ? 's' : ''})` : ''}`,
    );
    if (r.reason) L.push(`Review: ${esc(r.reason)}`);
    L.push('');
    L.push('```');
    L.push(fenced(r.context));
    L.push('```');
    L.push('');
  }
  L.push(`## Every autofix: ${c.title}`);
  L.push('');
  L.push(`${c.fixes.length} autofixes, each as its report's fix applied alone.`);
  L.push('');
  for (const f of c.fixes) {
    L.push(`### ${f.ruleId.split('/')[1]} · \`${f.file}\`:${f.line} · ${verdictLabel(f.verdict)}`);
    L.push('');
    if (f.reason) L.push(`Review: ${esc(f.reason)}`);
    for (const flag of f.flagged) L.push(`Flagged by the fix checks: ${esc(flag)}`);
    L.push('');
    L.push('```diff');
    L.push(fenced(f.diff));
    L.push('```');
    L.push('');
  }
}

/** A corpus's files, its three passes and its per-rule times. */
function renderCorpus(L, s, corpus) {
  const c = corpus.corpus;
  L.push(`## Corpus: ${corpus.title}`);
  L.push('');
  L.push(
    `${c.files.toLocaleString('en-US')} files, ${c.lines.toLocaleString('en-US')} lines, ${mb(c.bytes)} MB, of the ${Object.keys(c.pinnedPackages).length} pinned packages below` +
      ` (their own files; their ${c.installedPackages - Object.keys(c.pinnedPackages).length} dependencies are installed but not linted)${c.limited ? ' — LIMITED RUN (--limit)' : ''}.` +
      ` Skipped: ${c.skipped.declaration} declaration files, ${c.skipped.enterprise ?? 0} in enterprise-edition (ee/) folders, ${c.skipped.minified} minified, ${c.skipped.tooLarge} over 1 MB,` +
      ` ${c.skipped.duplicate} byte-identical duplicates, ${c.skipped.unparsable} that neither espree nor typescript-eslint parse.`,
  );
  L.push('');
  L.push('| parser | files | lines | MB |');
  L.push('| :--- | ---: | ---: | ---: |');
  const groupLabel = {
    'js-module': 'espree, sourceType module',
    'js-commonjs': 'espree, sourceType commonjs',
    ts: 'typescript-eslint',
  };
  for (const [g, v] of Object.entries(c.byGroup)) {
    L.push(
      `| ${groupLabel[g] ?? g} | ${v.files} | ${v.lines.toLocaleString('en-US')} | ${mb(v.bytes)} |`,
    );
  }
  L.push('');
  L.push(
    'Pinned: ' +
      Object.entries(c.pinnedPackages)
        .map(([n, v]) => `${n}@${v} (${c.byPackage[n] ?? 0} files)`)
        .join(', ') +
      ` (full tree in ${corpus.folder}/package-lock.json).`,
  );
  L.push('');
  L.push(`### Three passes over the corpus: ${corpus.title}`);
  L.push('');
  L.push(
    'Times are sums over files of ESLint `stats` (rule time includes `create()` and every listener). Each pass first lints 150 of the files unmeasured, so none is timed while its code is still being compiled.',
  );
  L.push('');
  L.push('| pass | wall s | CPU s | files/s (wall) | files/s (CPU) | parse ms | rules ms |');
  L.push('| :--- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const p of corpus.passes) {
    L.push(
      `| ${p.label} | ${round(p.wallMs / 1000, 1)} | ${round(p.cpuMs / 1000, 1)} | ${Math.round(p.filesPerSecond)} | ${Math.round(p.filesPerCpuSecond)} | ${fmtMs(p.parseMs)} | ${fmtMs(p.rulesMs)} |`,
    );
  }
  L.push('');
  const phase = s.memory.phases[`corpus-${corpus.id}`];
  L.push(
    `Memory: peak RSS ${mb(phase?.rssPeak ?? 0)} MB and peak heap ${mb(phase?.heapPeak ?? 0)} MB while linting the corpus;` +
      ` ${mb(s.memory.maxRss)} MB maxRSS for all the corpus passes and ${mb(s.memory.scalingMaxRss ?? 0)} MB for the generated files (linted in a process of their own).` +
      ` Load average when the run started / ended: ${s.machine.loadStart} / ${s.machine.loadEnd} on ${s.machine.cores} cores` +
      ' (the machine is shared: wall times include waiting for the CPU, CPU times do not; the passes are interleaved file by file so that all three wait alike).',
  );
  L.push('');
  L.push('| rule | ms | vs no-unused-vars | reports |');
  L.push('| :--- | ---: | ---: | ---: |');
  L.push(`| core \`no-unused-vars\` | ${fmtMs(corpus.noUnusedVars)} | 1 | |`);
  for (const [id, ms] of Object.entries(corpus.pluginRules).sort((a, b) => b[1] - a[1])) {
    L.push(
      `| \`${id}\` | ${fmtMs(ms)} | ${round(ms / corpus.noUnusedVars, 3)} | ${corpus.reportsByRule[id] ?? 0} |`,
    );
  }
  L.push(
    `| **plugin total** | **${fmtMs(corpus.pluginTotal)}** | **${round(corpus.ratio, 3)}** | **${corpus.reports.length}** |`,
  );
  L.push('');
}

function renderReadmeSection(s) {
  const m = s.machine;
  const L = [];
  const describe = (c) =>
    `${c.title}: ${c.corpus.files.toLocaleString('en-US')} JS/TS files (${c.corpus.lines.toLocaleString('en-US')} lines) of ${Object.keys(c.corpus.pinnedPackages).length} pinned packages` +
    (c.id === 'libraries'
      ? ' (openai, stripe, ky, got, axios, undici, express, fastify, hono, AWS S3 client, …)'
      : ` (${Object.keys(c.corpus.pinnedPackages).join(', ')})`);
  L.push(
    `Measured by \`npm run bench\` on ${m.date.slice(0, 10)}: Node ${m.node}, ${m.cores} cores (${m.cpu}), ESLint ${m.eslint}.` +
      ` Corpora: ${s.corpora.map(describe).join('; ')}.`,
  );
  L.push('');
  L.push('| corpus | pass | files/s (wall) | files/s (CPU) | rules ms |');
  L.push('| :--- | :--- | ---: | ---: | ---: |');
  for (const c of s.corpora) {
    for (const p of c.passes)
      L.push(
        `| ${c.id} | ${p.label} | ${Math.round(p.filesPerSecond)} | ${Math.round(p.filesPerCpuSecond)} | ${fmtMs(p.rulesMs)} |`,
      );
  }
  L.push('');
  const reviewed = (c) =>
    c.precision
      .filter((row) => row.reports > 0)
      .map((row) => `${row.rule.split('/')[1]} ${row.reviewedTrue} of ${row.reports}`)
      .join(', ') || 'no reports';
  L.push(
    "All the plugin's rules together: " +
      s.corpora
        .map(
          (c) =>
            `${c.id} ${fmtMs(c.pluginTotal)} ms, ${round(c.ratio, 3)} x core \`no-unused-vars\``,
        )
        .join('; ') +
      ' (target: at most 0.5).' +
      ` Peak memory while linting the corpora ${mb(s.memory.maxRss)} MB maxRSS (${mb(s.memory.scalingMaxRss ?? 0)} MB for the 100k-line files, linted in a process of their own).` +
      ` Rule crashes: ${s.crashes.length}; fix problems (parse, stability, new \`no-undef\` / \`no-use-before-define\` / TypeScript diagnostics): ${s.corpora.reduce((n, c) => n + c.fix.problems.length, 0)}.` +
      ` Reports reviewed true by hand: ${s.corpora.map((c) => `${c.id}: ${reviewed(c)}`).join('; ')}.` +
      ' Cost per 1k lines of generated code at 10k / 100k lines: ' +
      s.targets.scaling
        .map((c) => `${c.lang} ${round(c.perK10k, 3)} / ${round(c.perK100k, 3)} ms`)
        .join(', ') +
      '. Full figures, every report and every autofix with its review: [bench/REPORT.md](bench/REPORT.md).',
  );
  return L.join('\n');
}

function updateReadme(s) {
  const file = path.join(ROOT, 'README.md');
  const text = fs.readFileSync(file, 'utf8');
  const begin = '<!-- begin bench figures -->';
  const end = '<!-- end bench figures -->';
  const a = text.indexOf(begin);
  const b = text.indexOf(end);
  if (a < 0 || b < a) {
    log('README.md: no bench figure markers, not updated');
    return;
  }
  fs.writeFileSync(
    file,
    `${text.slice(0, a + begin.length)}\n${renderReadmeSection(s)}\n${text.slice(b)}`,
  );
  log('README.md: Performance figures updated');
}

// ---------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------
// --profile: the plugin pass (and the largest generated file) under the V8 sampling profiler;
// prints the hot spots by self and inclusive time and writes the .cpuprofile to the cache.

function hotSpots(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyOf = (n) => {
    const { functionName, url, lineNumber } = n.callFrame;
    const file = url.startsWith('file://') ? path.relative(ROOT, fileURLToPath(url)) : url;
    return `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
  };
  const self = new Map();
  const inclusive = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    total += dt;
    const node = byId.get(id);
    self.set(keyOf(node), (self.get(keyOf(node)) ?? 0) + dt);
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const k = keyOf(byId.get(cur));
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + dt);
    }
  });
  const top = (map, filter, n) =>
    [...map]
      .filter(([k]) => filter(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, n);
  const inDist = (k) => k.includes(' dist/');
  log(`\nprofile: ${round(total, 0)} ms sampled`);
  log('\ntop self time, plugin code (dist/):');
  for (const [k, ms] of top(self, inDist, 25))
    log(`  ${String(round(ms, 0)).padStart(7)} ms  ${k}`);
  log('\ntop inclusive time, plugin code (dist/):');
  for (const [k, ms] of top(inclusive, inDist, 25))
    log(`  ${String(round(ms, 0)).padStart(7)} ms  ${k}`);
  log('\ntop self time, everything:');
  for (const [k, ms] of top(self, () => true, 15))
    log(`  ${String(round(ms, 0)).padStart(7)} ms  ${k}`);
}

async function profileMode(corpus, manifest) {
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 250 });
  await session.post('Profiler.start');
  const [run] = await lintCorpus(corpus, manifest, ['plugin']);
  const lines = Number(option('profile-lines') ?? 10_000);
  const times = { parse: 0, total: 0, rules: {} };
  if (lines > 0) {
    const big = path.join(SCALING_DIR, `generated-${lines}.ts`);
    fs.mkdirSync(SCALING_DIR, { recursive: true });
    fs.writeFileSync(big, generateFile(lines, true));
    const eslint = makeEslint(SCALING_DIR, 'plugin');
    const [result] = await eslint.lintText(fs.readFileSync(big, 'utf8'), { filePath: big });
    addTimes(times, result);
  }
  const { profile } = await session.post('Profiler.stop');
  const out = path.join(CACHE, 'plugin.cpuprofile');
  fs.writeFileSync(out, JSON.stringify(profile));
  log(`wrote ${out} (open in Chrome DevTools > Performance, or speedscope)`);
  for (const [id, ms] of Object.entries(run.times.rules)) log(`  corpus ${id}: ${fmtMs(ms)} ms`);
  for (const [id, ms] of Object.entries(times.rules))
    log(`  generated ${lines}-line .ts ${id}: ${fmtMs(ms)} ms`);
  hotSpots(profile);
}

/**
 * --render-only: the verdicts of bench/reviews.json applied to bench/report.json, and
 * bench/REPORT.md and the README's figures written again, without linting anything.
 */
function rerenderWithReviews() {
  const reportJson = path.join(ROOT, 'bench', 'report.json');
  const summary = JSON.parse(fs.readFileSync(reportJson, 'utf8'));
  const reviews = loadReviews();
  for (const c of summary.corpora) {
    const asFound = {
      reports: c.reports.map((r) => ({
        corpus: c.id,
        fingerprint: r.fingerprint,
        rule: r.ruleId,
        entry: r,
      })),
      fixes: c.fixes.map((f) => ({
        corpus: c.id,
        fingerprint: f.fingerprint,
        rule: f.ruleId,
        entry: f,
      })),
    };
    applyReviews(asFound, reviews);
    for (const e of [...asFound.reports, ...asFound.fixes])
      Object.assign(e.entry, { verdict: e.verdict, reason: e.reason });
    c.precision = precisionTable(pluginRuleIds, asFound);
  }
  summary.targets.reviews = summary.corpora.every((c) => c.precision.every((row) => row.pass));
  fs.writeFileSync(reportJson, JSON.stringify(summary, null, 1) + '\n');
  fs.writeFileSync(path.join(ROOT, 'bench', 'REPORT.md'), renderMarkdown(summary));
  log('wrote bench/REPORT.md with the verdicts of bench/reviews.json');
  if (!flag('no-readme')) updateReadme(summary);
}

async function main() {
  if (flag('readme-only')) {
    updateReadme(JSON.parse(fs.readFileSync(path.join(ROOT, 'bench', 'report.json'), 'utf8')));
    return;
  }
  if (flag('render-only')) {
    rerenderWithReviews();
    return;
  }
  if (flag('scaling-child')) {
    const result = await scaling();
    fs.writeFileSync(
      option('scaling-out'),
      JSON.stringify({ ...result, maxRss: process.resourceUsage().maxRSS * 1024 }),
    );
    return;
  }
  log(
    `bench: plugin rules ${pluginRuleIds.length ? pluginRuleIds.join(', ') : '(none yet)'}; cache ${CACHE}`,
  );
  const manifests = CORPORA.map((corpus) => ensureCorpus(corpus, ensureInstall(corpus)));
  if (flag('profile')) {
    await profileMode(CORPORA[0], manifests[0]);
    return;
  }
  // Warm up the parsers, ESLint's config loading and every pass's rules on a few files, outside
  // the measurements: each pass starts with its code compiled, none pays for the others' warm-up.
  const passes = option('passes')?.split(',') ?? ['parse', 'no-unused-vars', 'plugin'];
  {
    const [corpus] = CORPORA;
    const warm = manifests[0].files.filter((_, i) => i % 40 === 0).slice(0, 150);
    const saved = memory.phases;
    for (const pass of passes) {
      const eslint = makeEslint(corpus.dir, pass);
      for (const file of warm) {
        const filePath = path.join(corpus.dir, file.path);
        try {
          await eslint.lintText(fs.readFileSync(filePath, 'utf8'), { filePath });
        } catch {
          // crashes are recorded by the measured passes
        }
      }
    }
    memory.phases = saved;
  }
  const reviews = loadReviews();
  const corpora = [];
  for (const [i, corpus] of CORPORA.entries()) {
    const runs = await lintCorpus(corpus, manifests[i], passes);
    while (runs.length < 3) runs.unshift(emptyRun(runs.length === 2 ? 'parse' : 'no-unused-vars'));
    const fix = await checkFixes(corpus, runs[2]);
    corpora.push(summarizeCorpus(corpus, manifests[i], runs, fix, reviews));
  }
  if (flag('update-reviews')) {
    updateReviewsFile(
      corpora.map((c) => c.found),
      { dropStale: !PARTIAL },
    );
    log('wrote bench/reviews.json (new reports and fixes with verdict null)');
  }
  for (const c of corpora) delete c.found;
  const scale = flag('no-scaling')
    ? { rows: [], checks: [], crashes: [], maxRss: 0 }
    : scalingInChildProcess();
  const summary = summarize(corpora, scale);
  summary.shapes = scale.shapes ?? [];
  log('');
  for (const c of corpora) {
    log(
      `${c.id}: plugin rules ${fmtMs(c.pluginTotal)} ms vs no-unused-vars ${fmtMs(c.noUnusedVars)} ms: ratio ${round(c.ratio, 3)}` +
        ` -> ${Number.isFinite(c.ratio) && c.ratio <= 0.5 ? 'PASS' : 'FAIL'} (limit 0.5)`,
    );
    for (const row of c.precision) {
      log(
        `  ${row.pass ? 'PASS' : 'FAIL'} ${row.rule}: ${fmtMs(c.pluginRules[row.rule] ?? 0)} ms, ${row.reports} reports (true ${row.reviewedTrue}, false ${row.reviewedFalse}, unreviewed ${row.unreviewed}),` +
          ` ${row.fixes} autofixes (right ${row.fixesRight}, wrong ${row.fixesWrong}, unreviewed ${row.fixesUnreviewed}), precision ${row.precision === null ? '-' : round(row.precision, 3)}`,
      );
    }
    log(
      `${c.fix.problems.length === 0 ? 'PASS' : 'FAIL'} ${c.id} fix problems: ${c.fix.problems.length}`,
    );
    for (const p of c.fix.problems)
      log(`  ${p.kind}: ${p.file}${p.line ? `:${p.line}` : ''} ${p.ruleId ?? ''} ${p.detail}`);
  }
  log(`${summary.crashes.length === 0 ? 'PASS' : 'FAIL'} crashes: ${summary.crashes.length}`);
  for (const cr of summary.crashes) log(`  ${cr.pass} ${cr.file}\n${cr.stack}`);
  log(
    `peak memory (maxRSS): ${mb(summary.memory.maxRss)} MB (generated files: ${mb(summary.memory.scalingMaxRss)} MB)`,
  );
  if (WRITE) {
    fs.mkdirSync(path.join(ROOT, 'bench'), { recursive: true });
    const reportFile = PARTIAL ? 'REPORT.limited.md' : 'REPORT.md';
    fs.writeFileSync(path.join(ROOT, 'bench', reportFile), renderMarkdown(summary));
    fs.writeFileSync(
      path.join(ROOT, 'bench', reportFile.replace('REPORT', 'report').replace('.md', '.json')),
      JSON.stringify(summary, null, 1) + '\n',
    );
    log(`wrote bench/${reportFile}`);
  }
  if (WRITE_README && CORPORA.length === ALL_CORPORA.length) updateReadme(summary);
  // The reviews are reported (FAIL lines), not a failure of the run.
  const ok =
    summary.targets.halfOfNoUnusedVars.every((t) => t.pass) &&
    summary.targets.scaling.every((c) => c.pass) &&
    summary.shapes.every((shape) => shape.pass) &&
    summary.targets.noCrashes &&
    summary.targets.fixes;
  if (!ok) {
    log('bench: some targets FAIL (see above)');
    process.exitCode = 1;
  }
}

await main();
