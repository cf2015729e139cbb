#!/usr/bin/env node
// Worst-case shapes: files where one name, one function or one loop carries many requests,
// responses, waits or sends (issue 24). Each shape is generated at n, 2n and 4n repetitions and
// linted with the plugin's `all` config; a shape passes when every rule stays roughly linear (at
// most ×2.3 per doubling of the repetitions from n to 4n, once its time is above 5 ms; best of
// five runs, the sizes taken in turn) and the plugin's time stays below the file's parse time.
//
// npm run build && node scripts/bench-shapes.mjs [--n=250] [--shape=name,…] [--ts] [--rule=name] [--json=out.json]
// (`--rule` lints with that rule alone: it then pays for every analysis it reads, and its growth is
// not mixed with the share of the analyses that the rules before it happened to build.)
// `scripts/bench.mjs` calls `timeShapes` with the generated files (its scaling step).

import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(ROOT, 'package.json'));

/** Runs per size; each time taken is the best of them. */
const REPEATS = 5;
/** Batches of REPEATS more runs for a shape that fails, before it is reported failing. */
const CONFIRMATIONS = 2;
/** At most this factor for twice the repetitions. */
export const MAX_DOUBLING = 2.3;
/** Below this many ms (at the larger size), timer noise and JIT warm-up dominate: counted as linear. */
const NOISE_MS = 5;
const round = (n, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

const HEADER = [
  "import ky from 'ky';",
  "import axios from 'axios';",
  "import express from 'express';",
  'const app = express();',
  'const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));',
  'const expect = (value) => ({ toBe: (other) => value === other });',
  '',
].join('\n');

/** Each shape: `body(n, ts)` is the code after the header, with n repetitions of its unit. */
export const SHAPES = {
  // An API test that reuses one variable: every parse is a parse of one of n responses.
  'reassigned-response': (n, ts) => {
    const lines = [
      `export async function apiTest(base${ts ? ': string' : ''}) {`,
      '  let res;',
      '  let body;',
    ];
    for (let i = 0; i < n; i++) {
      const method = ['DELETE', 'GET', 'POST', 'PUT'][i % 4];
      lines.push(
        `  res = await fetch(base + '/items/${i}', { method: '${method}' });`,
        // A DELETE whose status the test does not assert: its parse is a finding.
        i % 4 === 0 ? '  console.log(res.headers);' : '  expect(res.status).toBe(200);',
        '  body = await res.json();',
        `  expect(body.id).toBe(${i});`,
      );
    }
    lines.push('  return body;', '}');
    return lines.join('\n');
  },
  // A retry loop with many status branches that each wait and retry.
  'retry-ladder': (n, ts) => {
    const lines = [
      `export async function fetchWithRetry(url${ts ? ': string' : ''}) {`,
      '  for (let attempt = 0; attempt < 5; attempt++) {',
      '    const res = await fetch(url);',
      '    if (res.ok) return res.json();',
    ];
    for (let i = 0; i < n; i++) {
      lines.push(
        `    if (res.status === ${400 + (i % 200)}) {`,
        `      await sleep(${100 + i} * attempt);`,
        '      continue;',
        '    }',
      );
    }
    lines.push("    throw new Error('failed ' + res.status);", '  }', '}');
    return lines.join('\n');
  },
  // One long `else if` ladder on one status (nested n deep in the AST).
  'else-if-ladder': (n, ts) => {
    const lines = [
      `export async function describe(url${ts ? ': string' : ''}) {`,
      "  const res = await fetch(url, { method: 'DELETE' });",
    ];
    for (let i = 0; i < n; i++) {
      lines.push(
        `  ${i === 0 ? '' : '} else '}if (res.status === ${100 + (i % 500)}) {`,
        `    return res.json();`,
      );
    }
    lines.push('  }', '  return res.json();', '}');
    return lines.join('\n');
  },
  // Early exits on one status, one after the other.
  'early-exit-ladder': (n, ts) => {
    const lines = [
      `export async function read(url${ts ? ': string' : ''}) {`,
      "  const res = await fetch(url, { method: 'DELETE' });",
    ];
    for (let i = 0; i < n; i++)
      lines.push(
        `  if (res.status === ${100 + (i % 500)}) return { code: ${i}, body: await res.json() };`,
      );
    lines.push('  return res.json();', '}');
    return lines.join('\n');
  },
  // A switch on one status with many cases.
  'status-switch': (n, ts) => {
    const lines = [
      `export async function handle(url${ts ? ': string' : ''}) {`,
      "  const res = await fetch(url, { method: 'DELETE' });",
      '  switch (res.status) {',
    ];
    for (let i = 0; i < n; i++) {
      lines.push(
        `    case ${100 + (i % 500)}:`,
        i % 3 === 0 ? '      return res.json();' : `      console.log(${i});`,
      );
    }
    lines.push('    default:', '      return res.json();', '  }', '}');
    return lines.join('\n');
  },
  // A thousand routes on one app.
  'many-routes': (n, ts) => {
    const lines = [];
    for (let i = 0; i < n; i++) {
      lines.push(
        `app.get('/r/${i}', async (req${ts ? ': any' : ''}, res${ts ? ': any' : ''}) => {`,
        `  const item = await load(${i});`,
        `  if (!item) return res.status(${i % 2 ? 200 : 404}).json({ error: 'not found' });`,
        '  res.json(item);',
        '});',
      );
    }
    lines.push('async function load(id) { return { id }; }');
    return lines.join('\n');
  },
  // Many sends in one handler.
  'many-sends-one-handler': (n, ts) => {
    const lines = [`app.post('/big', (req${ts ? ': any' : ''}, res${ts ? ': any' : ''}) => {`];
    for (let i = 0; i < n; i++) {
      lines.push(
        `  if (req.body.k === ${i}) return res.status(${i % 2 ? 200 : 400}).json({ error: 'bad ${i}' });`,
      );
    }
    lines.push('  res.status(201).json({ ok: true });', '});');
    return lines.join('\n');
  },
  // Many `.then` chains on one response promise.
  'then-chains': (n, ts) => {
    const lines = [
      `export function chains(url${ts ? ': string' : ''}) {`,
      "  const pending = fetch(url, { method: 'DELETE' });",
      '  const out = [];',
    ];
    for (let i = 0; i < n; i++) {
      lines.push(
        `  out.push(pending.then((r) => (r.status === ${200 + (i % 5)} ? r.json() : null)));`,
      );
    }
    lines.push('  return out;', '}');
    return lines.join('\n');
  },
  // Many requests in one function, each with its own variable.
  'many-requests-one-function': (n, ts) => {
    const lines = [`export async function all(base${ts ? ': string' : ''}) {`, '  const out = [];'];
    for (let i = 0; i < n; i++) {
      lines.push(
        `  const r${i} = await fetch(base + '/${i}', { method: '${i % 2 ? 'DELETE' : 'GET'}' });`,
        `  if (!r${i}.ok) throw new Error(String(r${i}.status));`,
        `  out.push(await r${i}.json());`,
      );
    }
    lines.push('  return out;', '}');
    return lines.join('\n');
  },
  // A retry loop whose body sends many requests and waits between them.
  'retry-loop-many-waits': (n, ts) => {
    const lines = [
      `export async function poll(url${ts ? ': string' : ''}) {`,
      '  let res;',
      '  while (true) {',
    ];
    for (let i = 0; i < n; i++) {
      lines.push(
        `    res = await fetch(url + '/${i}');`,
        `    if (res.status === ${i % 2 ? 503 : 429}) { await sleep(${i}); continue; }`,
      );
    }
    lines.push('    return res;', '  }', '}');
    return lines.join('\n');
  },
  // One retry library config with a long status list, and many clients created from it.
  'retry-configs': (n) => {
    const lines = [];
    for (let i = 0; i < n; i++) {
      lines.push(
        `export const api${i} = ky.create({ prefixUrl: '/${i}', retry: { limit: 2, statusCodes: [400, 404, ${500 + (i % 5)}] } });`,
      );
    }
    return lines.join('\n');
  },
  // Many responses destructured from one `Promise.all`, each checked and parsed.
  'promise-all-responses': (n, ts) => {
    const names = Array.from({ length: n }, (_, i) => `r${i}`);
    const lines = [
      `export async function load(base${ts ? ': string' : ''}) {`,
      `  const [${names.join(', ')}] = await Promise.all([`,
      ...names.map(
        (_, i) => `    fetch(base + '/${i}', { method: '${i % 2 ? 'DELETE' : 'GET'}' }),`,
      ),
      '  ]);',
      '  const out = [];',
    ];
    for (const [i, name] of names.entries()) {
      if (i % 3 === 0) lines.push(`  if (!${name}.ok) throw new Error(String(${name}.status));`);
      lines.push(`  out.push(await ${name}.json());`);
    }
    lines.push('  return out;', '}');
    return lines.join('\n');
  },
  // A long `switch` on an upstream status in a handler, a send per case.
  'status-switch-sends': (n, ts) => {
    const lines = [
      `app.get('/proxy', async (req${ts ? ': any' : ''}, res${ts ? ': any' : ''}) => {`,
      "  const upstream = await fetch('https://api.example.com/items');",
      '  switch (upstream.status) {',
    ];
    for (let i = 0; i < n; i++)
      lines.push(
        `    case ${100 + (i % 500)}:`,
        `      return res.status(${[200, 204, 404, 503][i % 4]}).json({ error: 'case ${i}' });`,
      );
    lines.push('    default:', '      return res.status(502).end();', '  }', '});');
    return lines.join('\n');
  },
  // One `.then` chain with many steps after the response.
  'then-chain-steps': (n, ts) => {
    const lines = [
      `export function chain(url${ts ? ': string' : ''}) {`,
      "  return fetch(url, { method: 'DELETE' })",
      '    .then((r) => (r.status === 204 ? null : r.json()))',
    ];
    for (let i = 0; i < n; i++) lines.push(`    .then((v) => (v ? { ...v, step${i}: ${i} } : v))`);
    lines.push('    .catch(() => null);', '}');
    return lines.join('\n');
  },
  // Many retry configurations in one object.
  'retry-configs-one-object': (n) => {
    const lines = ['export const clients = {'];
    for (let i = 0; i < n; i++)
      lines.push(
        `  c${i}: ky.create({ prefixUrl: '/${i}', retry: { limit: 2, statusCodes: [${400 + (i % 3)}, 429, ${500 + (i % 5)}] } }),`,
      );
    lines.push('};');
    return lines.join('\n');
  },
  // Deeply nested `if`s on one response, a parse at every level.
  'nested-ifs': (n, ts) => {
    const lines = [
      `export async function deep(url${ts ? ': string' : ''}, flags${ts ? ': number[]' : ''}) {`,
      "  const res = await fetch(url, { method: 'DELETE' });",
      '  const out = [];',
    ];
    for (let i = 0; i < n; i++)
      lines.push(
        `  if (flags[${i}] && res.status !== ${200 + (i % 100)}) {`,
        i % 2 ? '    out.push(await res.json());' : `    out.push(${i});`,
      );
    for (let i = 0; i < n; i++) lines.push('  }');
    lines.push('  return out;', '}');
    return lines.join('\n');
  },
  // A retry loop that sends many requests through one `let`, each checked, waited on and parsed.
  'retry-loop-parses': (n, ts) => {
    const lines = [
      `export async function sync(url${ts ? ': string' : ''}) {`,
      '  let res;',
      '  const out = [];',
      '  for (let attempt = 0; attempt < 3; attempt++) {',
    ];
    for (let i = 0; i < n; i++) {
      lines.push(
        `    res = await fetch(url + '/${i}', { method: '${i % 2 ? 'DELETE' : 'GET'}' });`,
        `    if (res.status === ${i % 2 ? 503 : 429}) { await sleep(${i}); continue; }`,
        '    if (!res.ok) throw new Error(String(res.status));',
        '    out.push(await res.json());',
      );
    }
    lines.push('    return out;', '  }', '}');
    return lines.join('\n');
  },
  // A retry loop whose status branches each read the server's `Retry-After` and wait for it.
  'retry-after-ladder': (n, ts) => {
    const lines = [
      `export async function fetchPolitely(url${ts ? ': string' : ''}) {`,
      '  for (let attempt = 0; attempt < 5; attempt++) {',
      '    const res = await fetch(url);',
      '    if (res.ok) return res.json();',
    ];
    for (let i = 0; i < n; i++) {
      lines.push(
        `    if (res.status === ${[429, 503, 408, 502][i % 4]} && attempt < ${i + 1}) {`,
        `      const wait${i} = Number(res.headers.get('Retry-After') ?? ${i});`,
        `      await sleep(wait${i} * 1000);`,
        '      continue;',
        '    }',
      );
    }
    lines.push("    throw new Error('failed ' + res.status);", '  }', '}');
    return lines.join('\n');
  },
  // Many retry configurations sharing one status list.
  'retry-configs-shared-list': (n) => {
    const lines = ['const RETRY_STATUSES = [404, 408, 429, 500, 502, 503];'];
    for (let i = 0; i < n; i++)
      lines.push(
        `export const api${i} = ky.create({ prefixUrl: '/${i}', retry: { limit: ${1 + (i % 3)}, statusCodes: RETRY_STATUSES } });`,
      );
    return lines.join('\n');
  },
  // Many status reads of one response feeding logs, then one parse.
  'status-logs': (n, ts) => {
    const lines = [
      'const logger = console;',
      `export async function logged(url${ts ? ': string' : ''}) {`,
      '  const res = await fetch(url);',
    ];
    for (let i = 0; i < n; i++)
      lines.push(
        i % 2
          ? `  console.log('step ${i}', res.status, res.statusText);`
          : `  logger.info(\`step ${i} \${res.status}\`);`,
      );
    lines.push('  return res.json();', '}');
    return lines.join('\n');
  },
};

export function generateShape(name, n, ts = false) {
  return `${HEADER}${SHAPES[name](n, ts)}\n`;
}

/** ESLint with the built plugin's `all` config and stats, for the generated files. */
export function shapesEslint(cwd, rule) {
  const { ESLint } = require('eslint');
  const tsParser = require('@typescript-eslint/parser');
  const plugin = require(path.join(ROOT, 'dist', 'index.js'));
  return new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.js'], languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
      { files: ['**/*.ts'], languageOptions: { parser: tsParser, sourceType: 'module' } },
      // One rule alone pays for every analysis it reads, none shared with another rule.
      rule
        ? { plugins: { 'http-status': plugin }, rules: { [`http-status/${rule}`]: 'error' } }
        : plugin.configs.all,
    ],
    allowInlineConfig: false,
    stats: true,
  });
}

/** One lint of `code`: parse and per-rule times, reports per rule. */
async function timeOnce(eslint, code, filePath) {
  globalThis.gc?.();
  const [result] = await eslint.lintText(code, { filePath });
  const fatal = result.messages.find((m) => m.fatal);
  if (fatal) throw new Error(`${filePath} does not parse: ${fatal.message} at ${fatal.line}`);
  const times = { parse: 0, rules: {} };
  for (const pass of result.stats?.times?.passes ?? []) {
    times.parse += pass.parse?.total ?? 0;
    for (const [id, { total }] of Object.entries(pass.rules ?? {}))
      times.rules[id] = (times.rules[id] ?? 0) + total;
  }
  const reports = {};
  for (const m of result.messages) reports[m.ruleId] = (reports[m.ruleId] ?? 0) + 1;
  return { ...times, reports };
}

/**
 * Whether every rule of the shape stays roughly linear and the plugin below the parse time, from
 * the best times of each size so far.
 */
function judge(sizes) {
  for (const size of sizes) size.plugin = pluginTime(size);
  const ruleIds = Object.keys(sizes[0].rules).filter((id) => id.startsWith('http-status/'));
  const ratios = {};
  let linear = sizes.length === 3;
  const last = sizes.at(-1);
  for (const id of ruleIds) {
    ratios[id] = sizes.slice(1).map((s, k) => s.rules[id] / Math.max(sizes[k].rules[id], 1e-3));
    // Growth per doubling over the whole range (n to 4n): one step of a few ms swings by ×3
    // and back (GC, JIT), while a quadratic part still shows (×4 per doubling).
    const growth = Math.sqrt(last.rules[id] / Math.max(sizes[0].rules[id], 1e-3));
    if (growth > MAX_DOUBLING && last.rules[id] >= NOISE_MS) linear = false;
  }
  const belowParse = sizes.every((s) => s.plugin < s.parse || s.plugin < NOISE_MS);
  return { ratios, linear, belowParse, pass: linear && belowParse };
}

/** Keeps the best (smallest) of each time in `best`. */
function keepBest(best, times) {
  best.parse = Math.min(best.parse, times.parse);
  for (const [id, ms] of Object.entries(times.rules))
    best.rules[id] = Math.min(best.rules[id] ?? Infinity, ms);
}

function pluginTime(times) {
  return Object.entries(times.rules)
    .filter(([id]) => id.startsWith('http-status/'))
    .reduce((sum, [, ms]) => sum + ms, 0);
}

/**
 * Times every shape at n, 2n and 4n repetitions. A size is skipped once the previous one took
 * over `budgetMs` (a superlinear shape would take minutes). Returns one row per shape.
 */
export async function timeShapes({
  n = 250,
  names = Object.keys(SHAPES),
  ts = false,
  cwd = ROOT,
  budgetMs = 20_000,
  log = console.log,
  rule,
} = {}) {
  const eslint = shapesEslint(cwd, rule);
  const ext = ts ? 'ts' : 'js';
  // Warm-up: the first lint compiles the rules.
  await eslint.lintText(generateShape('reassigned-response', 20, ts), {
    filePath: path.join(cwd, `warm.${ext}`),
  });
  const rows = [];
  for (const name of names) {
    const sizes = [];
    const filePath = path.join(cwd, `shape-${name}.${ext}`);
    for (const factor of [1, 2, 4]) {
      const count = n * factor;
      if (sizes.at(-1)?.plugin > budgetMs) break;
      const code = generateShape(name, count, ts);
      const timed = await timeOnce(eslint, code, filePath);
      sizes.push({ n: count, lines: code.split('\n').length - 1, code, ...timed });
      sizes.at(-1).plugin = pluginTime(timed);
    }
    // Best of REPEATS, the sizes taken in turn: other processes on the machine make single runs
    // vary by ×2 and more, and a load that comes and goes then weighs on every size alike. A
    // shape that fails is timed again, up to CONFIRMATIONS more times REPEATS runs: on a shared VM
    // a rule of 5 to 30 ms reads ×3 at one size in one batch and ×2 in the next, while a
    // quadratic part fails every batch.
    let runs = 1;
    let verdict = judge(sizes);
    for (let batch = 0; batch <= CONFIRMATIONS && (batch === 0 || !verdict.pass); batch++) {
      // The first batch's first run is the one above.
      for (let round = batch === 0 ? 1 : 0; round < REPEATS; round++, runs++)
        for (const size of sizes) keepBest(size, await timeOnce(eslint, size.code, filePath));
      verdict = judge(sizes);
    }
    for (const size of sizes) delete size.code;
    const { ratios, linear, belowParse, pass } = verdict;
    rows.push({ shape: name, sizes, ratios, linear, belowParse, pass, runs });
    log(`${pass ? 'PASS' : 'FAIL'} ${name}${ts ? ' (ts)' : ''} (best of ${runs} runs per size)`);
    for (const s of sizes) {
      const reports =
        Object.entries(s.reports)
          .map(([id, k]) => `${id.replace('http-status/', '')} ${k}`)
          .join(', ') || 'none';
      log(
        `  n=${String(s.n).padStart(5)} ${String(s.lines).padStart(6)} lines: parse ${round(s.parse, 1)} ms, plugin ${round(s.plugin, 1)} ms (reports: ${reports})`,
      );
    }
    for (const id of Object.keys(ratios)) {
      const at = sizes.map((s) => round(s.rules[id], 1)).join(' / ');
      log(
        `    ${id.replace('http-status/', '').padEnd(34)} ${at} ms  ×${ratios[id].map((r) => round(r, 2)).join(' ×')}`,
      );
    }
  }
  return rows;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const option = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const rows = await timeShapes({
    n: Number(option('n') ?? 250),
    names: option('shape')?.split(',') ?? Object.keys(SHAPES),
    ts: process.argv.includes('--ts'),
    rule: option('rule'),
  });
  const out = option('json');
  if (out) (await import('node:fs')).writeFileSync(out, JSON.stringify(rows, null, 1) + '\n');
  const failed = rows.filter((r) => !r.pass).map((r) => r.shape);
  console.log(
    failed.length ? `shapes: FAIL ${failed.join(', ')}` : `shapes: all ${rows.length} PASS`,
  );
  if (failed.length) process.exitCode = 1;
}
