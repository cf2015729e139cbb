// Compares this build's rule time with another build's, on a bench corpus already installed by
// `npm run bench`: `node scripts/bench-compare.mjs --base=<dir with dist/> [--corpus=libraries]`.
// Both builds run the rules they have in common (plus, reported apart, this build's `all`),
// file by file in shuffled order next to core `no-unused-vars`, so machine load falls on every
// pass alike. Prints each pass's rule time and its ratio to `no-unused-vars`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ESLint } from 'eslint';
import tsParser from '@typescript-eslint/parser';

const require = createRequire(import.meta.url);
const option = (name) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const baseDir = option('base');
if (!baseDir) throw new Error('--base=<checkout with a built dist/> is required');
const corpusId = option('corpus') ?? 'libraries';
const rounds = Number(option('rounds') ?? 1);
const cache =
  process.env.HTTP_STATUS_BENCH_CACHE ??
  path.join(os.homedir(), '.cache', 'eslint-plugin-http-status-bench');
const corpusDir = path.join(cache, corpusId === 'apps' ? 'corpus-apps' : 'corpus');
const manifest = JSON.parse(fs.readFileSync(path.join(corpusDir, 'manifest.json'), 'utf8'));

const load = (dir) => {
  const mod = require(path.resolve(dir, 'dist/index.js'));
  return mod.default ?? mod;
};
const current = load('.');
const base = load(baseDir);
const common = Object.keys(base.rules).filter((name) => name in current.rules);
const rulesOf = (names) =>
  Object.fromEntries(names.map((name) => [`http-status/${name}`, 'error']));

const languageConfigs = [
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
  },
  { files: ['js-commonjs/**'], languageOptions: { sourceType: 'commonjs' } },
  {
    files: ['**/*.ts', '**/*.mts', '**/*.cts'],
    languageOptions: { parser: tsParser, sourceType: 'module' },
  },
  { linterOptions: { reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' } },
];
const passes = [
  { label: 'core no-unused-vars', config: { rules: { 'no-unused-vars': 'error' } } },
  {
    label: `base: ${common.length} common rules`,
    config: { plugins: { 'http-status': base }, rules: rulesOf(common) },
  },
  {
    label: `this build: ${common.length} common rules`,
    config: { plugins: { 'http-status': current }, rules: rulesOf(common) },
  },
  {
    label: `this build: all ${Object.keys(current.rules).length} rules`,
    config: { plugins: { 'http-status': current }, rules: rulesOf(Object.keys(current.rules)) },
  },
].map((pass) => ({
  ...pass,
  ruleMs: 0,
  eslint: new ESLint({
    cwd: corpusDir,
    overrideConfigFile: true,
    overrideConfig: [...languageConfigs, pass.config],
    allowInlineConfig: false,
    stats: true,
    warnIgnored: false,
  }),
}));

// A fixed rotation would always run one pass right after another build's code (colder caches):
// the order is shuffled per file instead, with a seeded generator so runs repeat.
let seed = 20261202;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const shuffled = (items) => {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
};
for (let round = 0; round < rounds; round++) {
  for (const file of manifest.files) {
    const filePath = path.join(corpusDir, file.path);
    const code = fs.readFileSync(filePath, 'utf8');
    for (const pass of shuffled(passes)) {
      const [result] = await pass.eslint.lintText(code, { filePath });
      for (const times of result.stats?.times?.passes ?? []) {
        for (const { total } of Object.values(times.rules ?? {})) pass.ruleMs += total;
      }
    }
  }
}
const reference = passes[0].ruleMs;
console.log(`${corpusId}: ${manifest.files.length} files × ${rounds} round(s), base ${baseDir}`);
for (const pass of passes) {
  console.log(
    `${pass.label.padEnd(32)} ${pass.ruleMs.toFixed(0).padStart(7)} ms  ratio ${(pass.ruleMs / reference).toFixed(3)}`,
  );
}
