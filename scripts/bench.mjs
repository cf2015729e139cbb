#!/usr/bin/env node
// npm run bench: speed and robustness of the plugin on real-world code.
//
// 1. Installs the pinned packages of bench/packages (package.json + package-lock.json) into a
//    cache folder outside the repo (reused when the lock file is unchanged) and copies their
//    JS/TS sources into a corpus folder next to it.
// 2. Lints the corpus three ways in this one process with the ESLint Node API and `stats: true`:
//    parse only (no rules), core `no-unused-vars` alone, and the plugin's `all` config (dist/).
// 3. Times the plugin's rules on generated files of growing size (1k to 100k lines), and on the
//    worst-case shapes of scripts/bench-shapes.mjs at n, 2n and 4n repetitions.
// 4. Robustness: rule crashes, `--fix` over a copy of the corpus (fixed files parse, a second
//    pass changes nothing), every suggestion applied and parsed, every report listed.
// Writes bench/REPORT.md and bench/report.json and the README's "Performance" figures.
//
// Options: --limit=N (lint only the first N corpus files, for trying the script out),
// --passes=plugin (only some of parse,no-unused-vars,plugin; order kept), --no-scaling (the
// generated files are linted in a child process, --scaling-child, so the corpus passes' heap is not theirs),
// --no-write (print only), --no-readme (do not touch README.md), --readme-only (copy the
// figures of bench/report.json into README.md, nothing else); partial runs write
// bench/REPORT.limited.md instead of the report; --profile (only the plugin
// pass and a generated file of --profile-lines=N lines (10000), under the V8 profiler: prints
// the hot spots in dist/ and writes a .cpuprofile).
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
const PARTIAL = LIMIT !== Infinity || option('passes') !== undefined || flag('no-scaling');
const WRITE_README = WRITE && !flag('no-readme') && !PARTIAL;

const CACHE = path.resolve(
  process.env.HTTP_STATUS_BENCH_CACHE ?? path.join(os.homedir(), '.cache', 'eslint-plugin-http-status-bench'),
);
const INSTALL_DIR = path.join(CACHE, 'install');
const CORPUS_DIR = path.join(CACHE, 'corpus');
const FIX_DIR = path.join(CACHE, 'fix-copy');
const SCALING_DIR = path.join(CACHE, 'scaling');
const PACKAGES_DIR = path.join(ROOT, 'bench', 'packages');

/** Bump when the selection of corpus files changes, so cached corpora are rebuilt. */
const CORPUS_FORMAT = 3;
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
const LOAD_START = os.loadavg().map((l) => Math.round(l * 10) / 10).join(' ');
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

function ensureInstall() {
  const lock = fs.readFileSync(path.join(PACKAGES_DIR, 'package-lock.json'), 'utf8');
  const manifest = fs.readFileSync(path.join(PACKAGES_DIR, 'package.json'), 'utf8');
  const stamp = sha1(manifest + lock);
  const stampFile = path.join(INSTALL_DIR, '.bench-stamp');
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp) {
    log(`packages: reusing ${INSTALL_DIR}`);
    return stamp;
  }
  log(`packages: installing bench/packages into ${INSTALL_DIR} (npm ci, about a minute)`);
  fs.rmSync(INSTALL_DIR, { recursive: true, force: true });
  fs.mkdirSync(INSTALL_DIR, { recursive: true });
  fs.writeFileSync(path.join(INSTALL_DIR, 'package.json'), manifest);
  fs.writeFileSync(path.join(INSTALL_DIR, 'package-lock.json'), lock);
  execFileSync(
    'npm',
    ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', '--engine-strict=false'],
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

function packageType(file, cache) {
  let dir = path.dirname(file);
  while (dir.startsWith(INSTALL_DIR)) {
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
const PINNED = new Set(Object.keys(JSON.parse(fs.readFileSync(path.join(PACKAGES_DIR, 'package.json'), 'utf8')).dependencies));
function isPinnedPath(rel) {
  const parts = rel.split('/');
  const pkg = rel.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return PINNED.has(pkg) && !rel.includes('/node_modules/');
}
const isPinnedFile = (file) => PINNED.has(file.pkg) && !file.path.includes('/_nm_/');

function ensureCorpus(installStamp) {
  const stamp = `${installStamp}:${CORPUS_FORMAT}`;
  const manifestFile = path.join(CORPUS_DIR, 'manifest.json');
  if (fs.existsSync(manifestFile)) {
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
    if (manifest.stamp === stamp) {
      manifest.files = manifest.files.filter(isPinnedFile);
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
    if (!isPinnedPath(path.relative(nodeModules, source).split(path.sep).join('/'))) continue;
    if (isDeclaration(source)) {
      skipped.declaration++;
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
    const rel = path.relative(nodeModules, source).split(path.sep).join('/').replaceAll('/node_modules/', '/_nm_/');
    let group;
    if (ext === '.ts' || ext === '.mts' || ext === '.cts') {
      group = tsParses(text, source) ? GROUPS.ts : null;
    } else {
      const first = ext === '.mjs' ? 'module' : ext === '.cjs' ? 'commonjs' : packageType(source, typeCache);
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
    files.push({ path: `${group}/${rel}`, group, pkg, bytes: Buffer.byteLength(text), lines: text.split('\n').length });
  }
  const installed = JSON.parse(fs.readFileSync(path.join(INSTALL_DIR, 'package-lock.json'), 'utf8'));
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
    { files: ['**/*.js', '**/*.mjs', '**/*.cjs'], languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
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
  'no-unused-vars': { label: 'core no-unused-vars', rules: [{ rules: { 'no-unused-vars': 'error' } }] },
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
async function lintCorpus(manifest, passes) {
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
  startPhase('corpus');
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
    if (count % 500 === 0) process.stdout.write(`  corpus: ${count}/${files.length}\r`);
  }
  sampleMemory();
  for (const run of runs) {
    delete run.eslint;
    run.ruleTotal = Object.values(run.times.rules).reduce((a, b) => a + b, 0);
    log(
      `${run.label.padEnd(24)} ${files.length} files in ${round(run.wallMs / 1000, 2)} s wall, ${round(run.cpuMs / 1000, 2)} s CPU` +
        ` (${round(files.length / (run.wallMs / 1000), 0)} files/s), parse ${round(run.times.parse, 0)} ms,` +
        ` rules ${round(run.ruleTotal, 0)} ms, crashes ${run.crashes.length}, fatal ${run.fatal.length}`,
    );
  }
  return runs;
}

/** Placeholder for a pass left out with --passes (trying things out, never in the report). */
function emptyRun(pass) {
  return { pass, label: PASSES[pass].label, files: 0, wallMs: NaN, cpuMs: NaN, times: { parse: 0, total: 0, rules: {} }, ruleTotal: 0, crashes: [], fatal: [], messages: [] };
}

// ---------------------------------------------------------------------------------------------
// 3. Robustness of fixes and suggestions.

function applyFix(text, fix) {
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}

async function checkFixes(manifest, pluginRun) {
  startPhase('fix');
  const parseOnly = { [CORPUS_DIR]: makeEslint(CORPUS_DIR, 'parse'), [FIX_DIR]: makeEslint(FIX_DIR, 'parse') };
  const fixer = makeEslint(FIX_DIR, 'plugin', { fix: true });
  const byFile = new Map();
  for (const m of pluginRun.messages) {
    if (!byFile.has(m.file)) byFile.set(m.file, []);
    byFile.get(m.file).push(m);
  }
  const problems = [];
  const stats = { filesWithFixes: 0, filesChanged: 0, suggestions: 0, unstable: 0, unparsable: 0 };

  async function parses(code, filePath) {
    const eslint = filePath.startsWith(FIX_DIR + path.sep) ? parseOnly[FIX_DIR] : parseOnly[CORPUS_DIR];
    const [result] = await eslint.lintText(code, { filePath });
    if (!result) throw new Error(`${filePath} was not linted`);
    return result.messages.find((m) => m.fatal)?.message ?? null;
  }

  // Suggestions: each applied alone to the original file must give code that parses.
  for (const [file, messages] of byFile) {
    const filePath = path.join(CORPUS_DIR, file);
    const original = fs.readFileSync(filePath, 'utf8');
    for (const m of messages) {
      for (const suggestion of m.suggestions ?? []) {
        stats.suggestions++;
        const error = await parses(applyFix(original, suggestion.fix), filePath);
        if (error) problems.push({ kind: 'suggestion does not parse', file, line: m.line, ruleId: m.ruleId, detail: error });
      }
    }
  }

  // --fix over a copy of the corpus. A file without a fixable report is left unchanged by
  // --fix, so the copy holds the files with at least one fix.
  fs.rmSync(FIX_DIR, { recursive: true, force: true });
  const fixable = [...byFile].filter(([, messages]) => messages.some((m) => m.fix)).map(([file]) => file);
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
      // Second pass over the fixed file: must change nothing.
      try {
        const [again] = await fixer.lintText(result.output, { filePath: result.filePath });
        if (again.output !== undefined && again.output !== result.output) {
          stats.unstable++;
          problems.push({ kind: 'second --fix pass changed the file', file, detail: firstDifference(result.output, again.output) });
        }
      } catch (error) {
        pluginRun.crashes.push({ file, pass: 'fix (second pass)', ...describeError(error) });
      }
    }
  } finally {
    sampleMemory();
  }
  log(
    `fix: ${stats.filesWithFixes} files with fixes, ${stats.filesChanged} changed, ${stats.unparsable} unparsable,` +
      ` ${stats.unstable} unstable; ${stats.suggestions} suggestions checked; ${problems.length} problems`,
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
  const rows = [];
  // One lint per repeat runs the plugin's rules and no-unused-vars together; stats time each rule.
  const eslint = new ESLint({
    cwd: SCALING_DIR,
    overrideConfigFile: true,
    overrideConfig: [...languageConfigs(), plugin.configs.all, { rules: { 'no-unused-vars': 'error' } }],
    stats: true,
  });
  const crashes = [];
  let tooSlow;
  for (const lang of SCALING_LANGS) {
    tooSlow = undefined;
    for (const size of SCALING_SIZES) {
      if (tooSlow) {
        log(`scaling ${lang} ${size} lines: not run, ${tooSlow}`);
        rows.push({ lang, lines: size, bytes: 0, parseMs: NaN, pluginMs: NaN, noUnusedVarsMs: NaN, reports: 0, skipped: tooSlow });
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
          if (fatal) throw new Error(`generated file does not parse: ${fatal.message} at ${fatal.line}`);
          reports = result.messages.filter((m) => m.ruleId !== 'no-unused-vars').length;
          best = Math.min(best, pluginRuleIds.reduce((sum, id) => sum + (times.rules[id] ?? 0), 0));
          parse = Math.min(parse, times.parse);
          bestCore = Math.min(bestCore, times.rules['no-unused-vars'] ?? 0);
        } catch (error) {
          crashes.push({ file: `generated-${size}.${lang}`, pass: 'scaling', ...describeError(error) });
          break;
        }
        sampleMemory();
      }
      rows.push({ lang, lines, bytes: Buffer.byteLength(code), parseMs: parse, pluginMs: best, noUnusedVarsMs: bestCore, reports });
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
    const pass = Number.isFinite(ratio) && (ratio <= 2 || large.pluginMs < 5 * SCALING_SIZES.length);
    return { lang, perK10k: small ? perK(small) : NaN, perK100k: large ? perK(large) : NaN, ratio, pass };
  });
  for (const c of checks) {
    log(
      `${c.pass ? 'PASS' : 'FAIL'} scaling ${c.lang}: ${round(c.perK100k, 3)} ms/kline at 100k vs ${round(c.perK10k, 3)} at 10k (x${round(c.ratio, 2)}, limit x2)`,
    );
  }
  // Worst-case shapes (one variable, loop or handler carrying many requests): linear, below parse time.
  const shapes = await timeShapes({ cwd: SCALING_DIR, log });
  return { rows, checks, crashes, shapes };
}

/**
 * The scaling files in a fresh process: in this one, the heap the corpus passes grew (and the
 * 50k-line file's garbage) would be paid by the 100k-line file and read as a cost of its size.
 */
function scalingInChildProcess() {
  const out = path.join(os.tmpdir(), `http-status-bench-scaling-${process.pid}.json`);
  const args = ['--expose-gc', fileURLToPath(import.meta.url), '--scaling-child', `--scaling-out=${out}`];
  if (process.argv.includes('--scaling-ts')) args.push('--scaling-ts');
  const child = spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, HTTP_STATUS_BENCH_CACHE: CACHE } });
  if (child.status !== 0 || !fs.existsSync(out)) {
    const crash = { file: 'generated files', pass: 'scaling', message: `scaling process exited with ${child.status ?? child.signal}`, stack: '' };
    return { rows: [], checks: SCALING_LANGS.map((lang) => ({ lang, perK10k: NaN, perK100k: NaN, ratio: NaN, pass: false })), crashes: [crash], maxRss: 0 };
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
    loadEnd: os.loadavg().map((l) => round(l, 1)).join(' '),
    eslint: require('eslint/package.json').version,
    typescriptEslint: require('@typescript-eslint/parser/package.json').version,
    espree: require('espree/package.json').version,
    plugin: `${plugin.meta.name}@${plugin.meta.version} (${gitDescribe()})`,
  };
}

function gitDescribe() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'no git';
  }
}

function summarize(manifest, runs, fix, scale) {
  const [parseRun, coreRun, pluginRun] = runs;
  const pluginRules = Object.fromEntries(pluginRuleIds.map((id) => [id, pluginRun.times.rules[id] ?? 0]));
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
  const crashes = [...parseRun.crashes, ...coreRun.crashes, ...pluginRun.crashes, ...scale.crashes];
  const pinned = JSON.parse(fs.readFileSync(path.join(PACKAGES_DIR, 'package.json'), 'utf8')).dependencies;
  const reports = pluginRun.messages
    .map((m) => ({
      ruleId: m.ruleId,
      file: m.file,
      line: m.line,
      column: m.column,
      message: m.message,
      fix: Boolean(m.fix),
      suggestions: m.suggestions?.length ?? 0,
    }))
    .sort((a, b) => (a.ruleId ?? '').localeCompare(b.ruleId ?? '') || a.file.localeCompare(b.file) || a.line - b.line);
  const reportsByRule = {};
  for (const r of reports) reportsByRule[r.ruleId] = (reportsByRule[r.ruleId] ?? 0) + 1;
  const targets = {
    halfOfNoUnusedVars: { limit: 0.5, ratio, pass: Number.isFinite(ratio) && ratio <= 0.5 },
    scaling: scale.checks,
    noCrashes: crashes.length === 0,
    fixes: fix.problems.length === 0,
  };
  return {
    machine: machine(),
    corpus: {
      cache: CACHE,
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
    memory: { maxRss: process.resourceUsage().maxRSS * 1024, scalingMaxRss: scale.maxRss, phases: memory.phases },
    scaling: scale.rows,
    targets,
    crashes,
    fix,
    reportsByRule,
    reports,
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
  L.push(
    `| plugin rules <= 0.5 x core \`no-unused-vars\` | ${round(t.halfOfNoUnusedVars.ratio, 3)} x (${fmtMs(s.pluginTotal)} ms vs ${fmtMs(s.noUnusedVars)} ms) | ${t.halfOfNoUnusedVars.pass ? 'PASS' : 'FAIL'} |`,
  );
  for (const c of t.scaling) {
    L.push(
      `| linear in file size (${c.lang}): ms/kline at 100k <= 2 x at 10k | ${round(c.perK100k, 3)} vs ${round(c.perK10k, 3)} ms/kline (x${round(c.ratio, 2)}) | ${c.pass ? 'PASS' : 'FAIL'} |`,
    );
  }
  L.push(`| no rule crashes | ${s.crashes.length} | ${t.noCrashes ? 'PASS' : 'FAIL'} |`);
  L.push(
    `| \`--fix\` output parses, second pass stable, suggestions parse | ${s.fix.problems.length} problems | ${t.fixes ? 'PASS' : 'FAIL'} |`,
  );
  L.push('');
  L.push('## Corpus');
  L.push('');
  const c = s.corpus;
  L.push(
    `${c.files.toLocaleString('en-US')} files, ${c.lines.toLocaleString('en-US')} lines, ${mb(c.bytes)} MB, of the ${Object.keys(c.pinnedPackages).length} pinned packages below` +
      ` (their own files; their ${c.installedPackages - Object.keys(c.pinnedPackages).length} dependencies are installed but not linted)${c.limited ? ' — LIMITED RUN (--limit)' : ''}.` +
      ` Skipped: ${c.skipped.declaration} declaration files, ${c.skipped.minified} minified, ${c.skipped.tooLarge} over 1 MB,` +
      ` ${c.skipped.duplicate} byte-identical duplicates, ${c.skipped.unparsable} that neither espree nor typescript-eslint parse.`,
  );
  L.push('');
  L.push('| parser | files | lines | MB |');
  L.push('| :--- | ---: | ---: | ---: |');
  const groupLabel = { 'js-module': 'espree, sourceType module', 'js-commonjs': 'espree, sourceType commonjs', ts: 'typescript-eslint' };
  for (const [g, v] of Object.entries(c.byGroup)) {
    L.push(`| ${groupLabel[g] ?? g} | ${v.files} | ${v.lines.toLocaleString('en-US')} | ${mb(v.bytes)} |`);
  }
  L.push('');
  L.push(
    'Pinned: ' +
      Object.entries(c.pinnedPackages)
        .map(([n, v]) => `${n}@${v}`)
        .join(', ') +
      ' (full tree in bench/packages/package-lock.json).',
  );
  L.push('');
  L.push('## Three passes over the corpus');
  L.push('');
  L.push('Times are sums over files of ESLint `stats` (rule time includes `create()` and every listener). Each pass first lints 150 of the files unmeasured, so none is timed while its code is still being compiled.');
  L.push('');
  L.push('| pass | wall s | CPU s | files/s (wall) | files/s (CPU) | parse ms | rules ms |');
  L.push('| :--- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const p of s.passes) {
    L.push(
      `| ${p.label} | ${round(p.wallMs / 1000, 1)} | ${round(p.cpuMs / 1000, 1)} | ${Math.round(p.filesPerSecond)} | ${Math.round(p.filesPerCpuSecond)} | ${fmtMs(p.parseMs)} | ${fmtMs(p.rulesMs)} |`,
    );
  }
  L.push('');
  L.push(
    `Memory: peak RSS ${mb(s.memory.phases.corpus?.rssPeak ?? 0)} MB and peak heap ${mb(s.memory.phases.corpus?.heapPeak ?? 0)} MB while linting the corpus;` +
      ` ${mb(s.memory.maxRss)} MB maxRSS for the corpus passes and ${mb(s.memory.scalingMaxRss ?? 0)} MB for the generated files (linted in a process of their own).` +
      ` Load average when the run started / ended: ${s.machine.loadStart} / ${s.machine.loadEnd} on ${s.machine.cores} cores` +
      ' (the machine is shared: wall times include waiting for the CPU, CPU times do not; the passes are interleaved file by file so that all three wait alike).',
  );
  L.push('');
  L.push('| rule | ms | vs no-unused-vars | reports |');
  L.push('| :--- | ---: | ---: | ---: |');
  L.push(`| core \`no-unused-vars\` | ${fmtMs(s.noUnusedVars)} | 1 | |`);
  for (const [id, ms] of Object.entries(s.pluginRules).sort((a, b) => b[1] - a[1])) {
    L.push(`| \`${id}\` | ${fmtMs(ms)} | ${round(ms / s.noUnusedVars, 3)} | ${s.reportsByRule[id] ?? 0} |`);
  }
  L.push(`| **plugin total** | **${fmtMs(s.pluginTotal)}** | **${round(s.ratio, 3)}** | **${s.reports.length}** |`);
  if (Object.keys(s.pluginRules).length === 0) L.push('\nThe plugin has no rules yet.');
  L.push('');
  L.push('## Scaling with file size');
  L.push('');
  L.push(
    `Generated HTTP-shaped code (fetch/axios/ky/got requests, DELETE and HEAD calls, retry loops, p-retry, async-retry, axios-retry, ky and got retry config, Express/Fastify/Hono handlers); best of ${SCALING_REPEATS} runs up to 10k lines, of 2 above (1 when a size takes over 30 s); plugin rules and \`no-unused-vars\` timed in the same lint.`,
  );
  L.push('');
  L.push('| file | lines | parse ms | plugin ms | plugin ms / 1k lines | no-unused-vars ms | reports |');
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
  const f = s.fix.stats;
  L.push(
    `\`--fix\` over a copy of the corpus: ${f.filesWithFixes} files had a fix, ${f.filesChanged} changed, ${f.unparsable} do not parse after fixing, ${f.unstable} changed again on a second pass. ` +
      `${f.suggestions} suggestions applied one at a time; those that do not parse are listed below.`,
  );
  for (const p of s.fix.problems) L.push(`- ${p.kind}: \`${p.file}\`${p.line ? `:${p.line}` : ''} ${p.ruleId ?? ''} ${esc(p.detail)}`);
  L.push('');
  L.push('Parse errors in the passes (the corpus only holds files that parse): ' + s.passes.map((p) => `${p.pass} ${p.fatal}`).join(', ') + '.');
  L.push('');
  L.push('## Every report');
  L.push('');
  L.push(`${s.reports.length} reports. Reviewed by hand for false positives; see the regression tests in test/regressions/.`);
  L.push('');
  if (s.reports.length > 0) {
    L.push('| rule | file | line | message |');
    L.push('| :--- | :--- | ---: | :--- |');
    for (const r of s.reports) L.push(`| ${r.ruleId} | \`${r.file}\` | ${r.line} | ${esc(r.message)} |`);
  }
  L.push('');
  return L.join('\n');
}

function renderReadmeSection(s) {
  const m = s.machine;
  const L = [];
  L.push(
    `Measured by \`npm run bench\` on ${m.date.slice(0, 10)}: Node ${m.node}, ${m.cores} cores (${m.cpu}), ESLint ${m.eslint}.` +
      ` Corpus: ${s.corpus.files.toLocaleString('en-US')} JS/TS files (${s.corpus.lines.toLocaleString('en-US')} lines) of ${Object.keys(s.corpus.pinnedPackages).length} pinned HTTP packages` +
      ` (openai, stripe, ky, got, axios, undici, express, fastify, hono, AWS S3 client, …).`,
  );
  L.push('');
  L.push('| pass | files/s (wall) | files/s (CPU) | rules ms |');
  L.push('| :--- | ---: | ---: | ---: |');
  for (const p of s.passes) L.push(`| ${p.label} | ${Math.round(p.filesPerSecond)} | ${Math.round(p.filesPerCpuSecond)} | ${fmtMs(p.rulesMs)} |`);
  L.push('');
  L.push(
    `All the plugin's rules together: ${fmtMs(s.pluginTotal)} ms, ${round(s.ratio, 3)} x core \`no-unused-vars\` (target: at most 0.5).` +
      ` Peak memory while linting the corpus ${mb(s.memory.phases.corpus?.rssPeak ?? 0)} MB RSS (${mb(s.memory.scalingMaxRss ?? 0)} MB maxRSS for the 100k-line files, linted in a process of their own). Rule crashes: ${s.crashes.length}; \`--fix\` problems: ${s.fix.problems.length}.` +
      ` Cost per 1k lines of generated code at 10k / 100k lines: ` +
      s.targets.scaling.map((c) => `${c.lang} ${round(c.perK10k, 3)} / ${round(c.perK100k, 3)} ms`).join(', ') +
      '. Full figures and every report: [bench/REPORT.md](bench/REPORT.md).',
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
  fs.writeFileSync(file, `${text.slice(0, a + begin.length)}\n${renderReadmeSection(s)}\n${text.slice(b)}`);
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
    [...map].filter(([k]) => filter(k)).sort((a, b) => b[1] - a[1]).slice(0, n);
  const inDist = (k) => k.includes(' dist/');
  log(`\nprofile: ${round(total, 0)} ms sampled`);
  log('\ntop self time, plugin code (dist/):');
  for (const [k, ms] of top(self, inDist, 25)) log(`  ${String(round(ms, 0)).padStart(7)} ms  ${k}`);
  log('\ntop inclusive time, plugin code (dist/):');
  for (const [k, ms] of top(inclusive, inDist, 25)) log(`  ${String(round(ms, 0)).padStart(7)} ms  ${k}`);
  log('\ntop self time, everything:');
  for (const [k, ms] of top(self, () => true, 15)) log(`  ${String(round(ms, 0)).padStart(7)} ms  ${k}`);
}

async function profileMode(manifest) {
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 250 });
  await session.post('Profiler.start');
  const [run] = await lintCorpus(manifest, ['plugin']);
  const lines = Number(option('profile-lines') ?? 10_000);
  const big = path.join(SCALING_DIR, `generated-${lines}.ts`);
  fs.mkdirSync(SCALING_DIR, { recursive: true });
  fs.writeFileSync(big, generateFile(lines, true));
  const [result] = await makeEslint(SCALING_DIR, 'plugin').lintText(fs.readFileSync(big, 'utf8'), { filePath: big });
  const times = { parse: 0, total: 0, rules: {} };
  addTimes(times, result);
  const { profile } = await session.post('Profiler.stop');
  const out = path.join(CACHE, 'plugin.cpuprofile');
  fs.writeFileSync(out, JSON.stringify(profile));
  log(`wrote ${out} (open in Chrome DevTools > Performance, or speedscope)`);
  for (const [id, ms] of Object.entries(run.times.rules)) log(`  corpus ${id}: ${fmtMs(ms)} ms`);
  for (const [id, ms] of Object.entries(times.rules)) log(`  generated ${lines}-line .ts ${id}: ${fmtMs(ms)} ms`);
  hotSpots(profile);
}

async function main() {
  if (flag('readme-only')) {
    updateReadme(JSON.parse(fs.readFileSync(path.join(ROOT, 'bench', 'report.json'), 'utf8')));
    return;
  }
  if (flag('scaling-child')) {
    const result = await scaling();
    fs.writeFileSync(option('scaling-out'), JSON.stringify({ ...result, maxRss: process.resourceUsage().maxRSS * 1024 }));
    return;
  }
  log(`bench: plugin rules ${pluginRuleIds.length ? pluginRuleIds.join(', ') : '(none yet)'}; cache ${CACHE}`);
  const installStamp = ensureInstall();
  const manifest = ensureCorpus(installStamp);
  if (flag('profile')) {
    await profileMode(manifest);
    return;
  }
  // Warm up the parsers, ESLint's config loading and every pass's rules on a few files, outside
  // the measurements: each pass starts with its code compiled, none pays for the others' warm-up.
  const passes = option('passes')?.split(',') ?? ['parse', 'no-unused-vars', 'plugin'];
  {
    const warm = { ...manifest, files: manifest.files.filter((_, i) => i % 40 === 0).slice(0, 150) };
    const saved = memory.phases;
    for (const pass of passes) {
      const eslint = makeEslint(CORPUS_DIR, pass);
      for (const file of warm.files) {
        const filePath = path.join(CORPUS_DIR, file.path);
        try {
          await eslint.lintText(fs.readFileSync(filePath, 'utf8'), { filePath });
        } catch {
          // crashes are recorded by the measured passes
        }
      }
    }
    memory.phases = saved;
  }
  const runs = await lintCorpus(manifest, passes);
  while (runs.length < 3) runs.unshift(emptyRun(runs.length === 2 ? 'parse' : 'no-unused-vars'));
  const fix = await checkFixes(manifest, runs[2]);
  const scale = flag('no-scaling') ? { rows: [], checks: [], crashes: [], maxRss: 0 } : scalingInChildProcess();
  const summary = summarize(manifest, runs, fix, scale);
  summary.shapes = scale.shapes ?? [];
  log('');
  log(
    `plugin rules ${fmtMs(summary.pluginTotal)} ms vs no-unused-vars ${fmtMs(summary.noUnusedVars)} ms: ratio ${round(summary.ratio, 3)}` +
      ` -> ${summary.targets.halfOfNoUnusedVars.pass ? 'PASS' : 'FAIL'} (limit 0.5)`,
  );
  for (const [id, ms] of Object.entries(summary.pluginRules)) log(`  ${id}: ${fmtMs(ms)} ms, ${summary.reportsByRule[id] ?? 0} reports`);
  log(`${summary.crashes.length === 0 ? 'PASS' : 'FAIL'} crashes: ${summary.crashes.length}`);
  for (const cr of summary.crashes) log(`  ${cr.pass} ${cr.file}\n${cr.stack}`);
  log(`${fix.problems.length === 0 ? 'PASS' : 'FAIL'} fix problems: ${fix.problems.length}`);
  log(`peak memory (maxRSS): ${mb(summary.memory.maxRss)} MB (generated files: ${mb(summary.memory.scalingMaxRss)} MB)`);
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
  if (WRITE_README) updateReadme(summary);
  const ok =
    summary.targets.halfOfNoUnusedVars.pass &&
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
