#!/usr/bin/env node
// A dump of every report, fix and suggestion the plugin's rules produce on a fixed set of inputs,
// so a refactor of src/analysis can show that behaviour stayed identical (issue 16).
//
// npm run build && node scripts/dump-findings.mjs            writes test/fixtures/findings-dump.jsonl
// npm run build && node scripts/dump-findings.mjs --check    compares with it; exit 1 on a difference
// node scripts/dump-findings.mjs --bench [--check]           the bench corpora (cache of scripts/bench.mjs),
//                                                            written to <cache>/findings-dump-bench.jsonl
//
// Inputs (in-repo): test/fixtures/corpus/**, examples/**, the fenced code blocks of docs/rules/*.md,
// the `code` strings of test/rules/*.corpus.test.ts, generated programs of test/fuzz/http-programs.ts
// (fixed seeds, four dialects) and the shapes of scripts/bench-shapes.mjs at a small size.
// Each input is linted twice with every rule on: default options, and OPTION_PASS options.
// One JSON line per finding (or per input that does not parse), sorted; no paths outside the repo.

import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(ROOT, 'package.json'));

export const DUMP_FILE = path.join(ROOT, 'test', 'fixtures', 'findings-dump.jsonl');
const CACHE =
  process.env.HTTP_STATUS_BENCH_CACHE ??
  path.join(os.homedir(), '.cache', 'eslint-plugin-http-status-bench');
const BENCH_DUMP_FILE = path.join(CACHE, 'findings-dump-bench.jsonl');

/** Generated programs per dialect, and the repetitions of each bench shape. */
const PROGRAMS_PER_DIALECT = 250;
const FUZZ_SEED = 1600;
const SHAPE_SIZE = 12;
/** Differing lines printed by --check. */
const DIFF_LIMIT = 20;

/** Non-default options that reach the rules' other branches (see each rule's schema). */
export const OPTION_PASS = {
  'no-body-with-null-body-status': [{ statuses: [204, 205, 304, 200] }],
  'no-error-body-with-success-status': [{ autofix: false }],
  'no-json-on-no-content': [
    {
      methods: ['DELETE', 'PUT', 'PATCH', 'POST', 'HEAD'],
      checkDynamicMethods: false,
    },
  ],
  'no-retry-on-client-error': [{ retryable: [409, 429] }],
  'require-retry-after': [{ statuses: [429, 500, 502, 503], headers: ['X-RateLimit-Reset'] }],
  'require-status-check': [{ loggers: ['track', 'telemetry'] }],
  'require-status-headers': [
    { headers: { 201: ['Location'], 401: ['WWW-Authenticate'], 503: ['Retry-After'] } },
  ],
  'valid-retry-after': [{ dateForm: false, autofix: false }],
  'valid-status-code': [{ autofix: false }],
};

const SOURCE_EXTENSIONS = /\.(?:[cm]?js|jsx|[cm]?ts|tsx)$/;
const toPosix = (p) => p.split(path.sep).join('/');

function* walk(dir) {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') yield* walk(full);
    } else yield full;
  }
}

// ---------------------------------------------------------------------------------------------
// Inputs: { id, filename (relative, decides the parser), code }

function repoFiles(folder) {
  const inputs = [];
  for (const file of walk(path.join(ROOT, folder))) {
    if (!SOURCE_EXTENSIONS.test(file) || /\.d\.[cm]?ts$/.test(file)) continue;
    const rel = toPosix(path.relative(ROOT, file));
    inputs.push({
      id: rel,
      filename: rel,
      code: fs.readFileSync(file, 'utf8'),
    });
  }
  return inputs;
}

const FENCE_LANGUAGES = {
  js: 'js',
  javascript: 'js',
  jsx: 'jsx',
  ts: 'ts',
  typescript: 'ts',
  tsx: 'tsx',
  mjs: 'mjs',
  cjs: 'cjs',
};

function docBlocks() {
  const inputs = [];
  const dir = path.join(ROOT, 'docs', 'rules');
  for (const name of fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.md'))
    .sort()) {
    const text = fs.readFileSync(path.join(dir, name), 'utf8');
    const fence = /^(\s*)(```+|~~~+)[ \t]*([\w-]*)[^\n]*\n([\s\S]*?)^\1\2[ \t]*$/gm;
    let index = 0;
    for (const match of text.matchAll(fence)) {
      const ext = FENCE_LANGUAGES[match[3].toLowerCase()];
      index++;
      if (!ext) continue;
      inputs.push({
        id: `docs/rules/${name}#block${index}`,
        filename: `docs/rules/${name}.block${index}.${ext}`,
        code: match[4],
      });
    }
  }
  return inputs;
}

/**
 * The `code` strings of the corpus tests, read from their syntax tree (no test code runs): every
 * object literal with a `code` that is a plain string or a template without substitutions. A file
 * that parses with typescript-eslint only for `item.ts` cases keeps that choice; the others are TS.
 */
function corpusTestCases() {
  const ts = require('typescript');
  const inputs = [];
  const dir = path.join(ROOT, 'test', 'rules');
  for (const name of fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.corpus.test.ts'))
    .sort()) {
    const text = fs.readFileSync(path.join(dir, name), 'utf8');
    const perCase = /item\.ts\s*\?/.test(text);
    const source = ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true);
    let index = 0;
    const visit = (node) => {
      if (ts.isObjectLiteralExpression(node)) {
        const property = (key) =>
          node.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText(source) === key)
            ?.initializer;
        const code = property('code');
        if (code && (ts.isStringLiteral(code) || ts.isNoSubstitutionTemplateLiteral(code))) {
          const tsFlag = property('ts');
          const typescript = !perCase || tsFlag?.kind === ts.SyntaxKind.TrueKeyword;
          inputs.push({
            id: `test/rules/${name}#case${index}`,
            filename: `test/rules/${name}.case${index++}.${typescript ? 'ts' : 'js'}`,
            code: code.text,
          });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return inputs;
}

async function generatedPrograms() {
  const { createJiti } = require('jiti');
  const jiti = createJiti(import.meta.url);
  const { HttpProgramGenerator, seededRandom } = await jiti.import(
    path.join(ROOT, 'test', 'fuzz', 'http-programs.ts'),
  );
  const inputs = [];
  for (const dialect of ['js', 'jsx', 'ts', 'tsx']) {
    for (let i = 0; i < PROGRAMS_PER_DIALECT; i++) {
      const seed = FUZZ_SEED + i;
      const code = new HttpProgramGenerator(seededRandom(seed), dialect).program();
      inputs.push({
        id: `fuzz/${dialect}/seed-${seed}`,
        filename: `fuzz/${dialect}/seed-${seed}.${dialect}`,
        code,
      });
    }
  }
  return inputs;
}

async function shapes() {
  const { SHAPES, generateShape } = await import(
    pathToFileURL(path.join(ROOT, 'scripts', 'bench-shapes.mjs')).href
  );
  const inputs = [];
  for (const name of Object.keys(SHAPES).sort()) {
    for (const ts of [false, true]) {
      const ext = ts ? 'ts' : 'js';
      inputs.push({
        id: `shapes/${name}.${ext}`,
        filename: `shapes/${name}.${ext}`,
        code: generateShape(name, SHAPE_SIZE, ts),
      });
    }
  }
  return inputs;
}

export async function repoInputs() {
  return [
    ...repoFiles('test/fixtures/corpus'),
    ...repoFiles('examples'),
    ...docBlocks(),
    ...corpusTestCases(),
    ...(await generatedPrograms()),
    ...(await shapes()),
  ];
}

/** The bench corpora as scripts/bench.mjs built them: `<group>/<path>`, the group decides the parser. */
function benchInputs() {
  const inputs = [];
  for (const [corpus, folder] of [
    ['libraries', 'corpus'],
    ['apps', 'corpus-apps'],
  ]) {
    const dir = path.join(CACHE, folder);
    const manifestFile = path.join(dir, 'manifest.json');
    if (!fs.existsSync(manifestFile))
      throw new Error(`No bench corpus at ${dir}: run \`npm run bench\` once first.`);
    const { files } = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
    for (const file of [...files].sort((a, b) =>
      a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
    )) {
      const code = fs.readFileSync(path.join(dir, file.path), 'utf8');
      const sourceType = file.group === 'js-commonjs' ? 'commonjs' : 'module';
      inputs.push({
        id: `${corpus}/${file.path}`,
        filename: `${corpus}/${file.path}`,
        code,
        sourceType,
      });
    }
  }
  return inputs;
}

// ---------------------------------------------------------------------------------------------
// Linting

function loadPlugin() {
  const file = path.join(ROOT, 'dist', 'index.js');
  if (!fs.existsSync(file)) throw new Error('dist/ is missing: run `npm run build` first.');
  return require(file);
}

function makeLinter() {
  const { Linter } = require('eslint');
  const tsParser = require('@typescript-eslint/parser');
  const plugin = loadPlugin();
  const namespace = plugin.meta.namespace;
  const ruleNames = Object.keys(plugin.rules).sort();
  const missing = ruleNames.filter((name) => !(name in OPTION_PASS));
  if (missing.length > 0) throw new Error(`OPTION_PASS has no options for ${missing.join(', ')}.`);
  const passes = {
    default: Object.fromEntries(ruleNames.map((name) => [`${namespace}/${name}`, 'error'])),
    options: Object.fromEntries(
      ruleNames.map((name) => [`${namespace}/${name}`, ['error', ...OPTION_PASS[name]]]),
    ),
  };
  const linter = new Linter({ configType: 'flat' });
  const configs = new Map();
  const configFor = (input, pass) => {
    const ext = path.extname(input.filename).slice(1);
    const typescript = /^[cm]?tsx?$/.test(ext);
    const sourceType = input.sourceType ?? (ext === 'cjs' ? 'commonjs' : 'module');
    const jsx = ext === 'jsx' || ext === 'tsx';
    const key = `${pass}:${typescript}:${sourceType}:${jsx}`;
    if (!configs.has(key)) {
      configs.set(key, [
        {
          files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'],
          plugins: { [namespace]: plugin },
          linterOptions: {
            noInlineConfig: true,
            reportUnusedDisableDirectives: 'off',
          },
          languageOptions: {
            ecmaVersion: 'latest',
            sourceType,
            ...(typescript ? { parser: tsParser } : {}),
            parserOptions: { ecmaFeatures: { jsx } },
          },
          rules: passes[pass],
        },
      ]);
    }
    return configs.get(key);
  };
  return {
    ruleNames,
    passes: Object.keys(passes),
    lint: (input, pass) => linter.verify(input.code, configFor(input, pass), input.filename),
  };
}

const compare = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/** One record per finding, keys in a fixed order. */
function records(input, pass, messages) {
  const out = [];
  for (const m of messages) {
    if (m.fatal) {
      out.push({
        input: input.id,
        pass,
        parseError: m.message,
        line: m.line,
        column: m.column,
      });
      continue;
    }
    // Other messages without a rule are ESLint's notes on the corpus' own disable comments (noInlineConfig).
    if (!m.ruleId) continue;
    const record = {
      input: input.id,
      pass,
      rule: m.ruleId,
      line: m.line,
      column: m.column,
      endLine: m.endLine,
      endColumn: m.endColumn,
      messageId: m.messageId,
      message: m.message,
    };
    if (m.fix) record.fix = { range: m.fix.range, text: m.fix.text };
    if (m.suggestions?.length) {
      record.suggestions = m.suggestions.map((s) => ({
        messageId: s.messageId,
        desc: s.desc,
        range: s.fix.range,
        text: s.fix.text,
      }));
    }
    out.push(record);
  }
  return out;
}

export async function buildDump({ bench = false, log = () => {} } = {}) {
  const started = performance.now();
  const inputs = bench ? benchInputs() : await repoInputs();
  const { passes, lint } = makeLinter();
  const lines = [];
  const counts = {};
  for (const input of inputs) {
    for (const pass of passes) {
      const found = records(input, pass, lint(input, pass));
      for (const record of found) {
        const key = record.rule ?? 'parse-error';
        counts[pass] ??= {};
        counts[pass][key] = (counts[pass][key] ?? 0) + 1;
        lines.push({
          sort: [
            record.input,
            pass,
            record.line,
            record.column,
            record.endLine ?? 0,
            record.endColumn ?? 0,
            key,
            record.message,
          ],
          json: JSON.stringify(record),
        });
      }
      // A file that does not parse is reported once, on the default pass.
      if (found.some((r) => r.parseError)) break;
    }
  }
  lines.sort((a, b) => {
    for (let i = 0; i < a.sort.length; i++) {
      const order =
        typeof a.sort[i] === 'number' ? a.sort[i] - b.sort[i] : compare(a.sort[i], b.sort[i]);
      if (order !== 0) return order;
    }
    return compare(a.json, b.json);
  });
  const text = lines.map((l) => `${l.json}\n`).join('');
  log(
    `${inputs.length} inputs, ${lines.length} lines in ${Math.round(performance.now() - started)} ms`,
  );
  return { text, counts, inputs: inputs.length };
}

/**
 * Compares two dumps line by line as multisets, in dump order: the lines only in `expected`
 * (removed, `-`) and only in `actual` (added, `+`), the first `limit` of each printed.
 */
export function compareDumps(expected, actual, limit = DIFF_LIMIT) {
  const split = (text) => text.split('\n').filter((line) => line !== '');
  const minus = (from, other) => {
    const left = new Map();
    for (const line of other) left.set(line, (left.get(line) ?? 0) + 1);
    return from.filter((line) => {
      const n = left.get(line) ?? 0;
      if (n === 0) return true;
      left.set(line, n - 1);
      return false;
    });
  };
  const before = split(expected);
  const after = split(actual);
  const removed = minus(before, after);
  const added = minus(after, before);
  const report = [];
  if (removed.length + added.length > 0) {
    report.push(
      `findings dump differs: ${removed.length} line(s) only in the committed dump, ${added.length} only in the new one`,
    );
    for (const line of removed.slice(0, limit)) report.push(`- ${line}`);
    if (removed.length > limit) report.push(`- … ${removed.length - limit} more`);
    for (const line of added.slice(0, limit)) report.push(`+ ${line}`);
    if (added.length > limit) report.push(`+ … ${added.length - limit} more`);
  }
  return {
    same: report.length === 0,
    removed,
    added,
    report: report.join('\n'),
  };
}

async function main() {
  const args = process.argv.slice(2);
  const bench = args.includes('--bench');
  const check = args.includes('--check');
  const file = bench ? BENCH_DUMP_FILE : DUMP_FILE;
  const shown = bench ? file : toPosix(path.relative(ROOT, file));
  const log = (line) => console.error(`dump-findings: ${line}`);
  const { text, counts } = await buildDump({ bench, log });
  for (const [pass, byRule] of Object.entries(counts).sort(([a], [b]) => compare(a, b))) {
    log(
      `${pass}: ${Object.entries(byRule)
        .sort(([a], [b]) => compare(a, b))
        .map(([rule, n]) => `${rule} ${n}`)
        .join(', ')}`,
    );
  }
  if (!check) {
    fs.writeFileSync(file, text);
    log(`wrote ${shown}`);
    return;
  }
  if (!fs.existsSync(file)) {
    log(`${shown} does not exist: run without --check first.`);
    process.exitCode = 1;
    return;
  }
  const result = compareDumps(fs.readFileSync(file, 'utf8'), text);
  if (result.same) {
    log(`identical to ${shown}`);
    return;
  }
  console.error(result.report);
  log(
    `behaviour changed: if the change is intended, run \`npm run dump\` and commit ${shown} with it, naming the change.`,
  );
  process.exitCode = 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  await main();
