// npm run demo: lint examples/ with the built plugin, print the findings, and show what --fix would change.
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';

const examples = resolve(fileURLToPath(new URL('../examples/', import.meta.url)));
const options = { cwd: examples, overrideConfigFile: resolve(examples, 'eslint.config.mjs') };

const eslint = new ESLint(options);
const results = await eslint.lintFiles(['.']);
const formatter = await eslint.loadFormatter('stylish');
const problems = results.reduce((sum, r) => sum + r.messages.length, 0);
console.log(
  `\nLinting examples/ with eslint-plugin-http-status (recommended): ${problems} problem(s)`,
);
console.log((await formatter.format(results)) || '\n  No problems found.\n');

const fixer = new ESLint({ ...options, fix: true });
const fixed = await fixer.lintFiles(['.']);
console.log('What `eslint --fix` would change (nothing is written):\n');
let changed = 0;
for (const result of fixed) {
  if (result.output === undefined) continue;
  changed++;
  const before = readFileSync(result.filePath, 'utf8');
  console.log(`--- examples/${relative(examples, result.filePath)}`);
  console.log(`+++ examples/${relative(examples, result.filePath)} (fixed)`);
  console.log(lineDiff(before, result.output));
}
if (changed === 0) console.log('  No automatic fixes.\n');
const suggestions = results.flatMap((r) =>
  r.messages.filter((m) => m.suggestions?.length).map((m) => ({ file: r.filePath, m })),
);
if (suggestions.length > 0) {
  console.log('Editor quick fixes (suggestions) offered where a person must choose:\n');
  for (const { file, m } of suggestions) {
    console.log(`  examples/${relative(examples, file)}:${m.line}:${m.column} ${m.ruleId}`);
    for (const s of m.suggestions) console.log(`    - ${s.desc}`);
  }
  console.log('');
}

/** A small unified diff of two texts (longest common subsequence of lines), one line of context. */
function lineDiff(a, b) {
  const x = a.split('\n');
  const y = b.split('\n');
  const lcs = Array.from({ length: x.length + 1 }, () => new Array(y.length + 1).fill(0));
  for (let i = x.length - 1; i >= 0; i--) {
    for (let j = y.length - 1; j >= 0; j--) {
      lcs[i][j] = x[i] === y[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const ops = [];
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j])
      ops.push({ kind: ' ', text: x[i++], line: j++ + 1 });
    else if (i < x.length && (j === y.length || lcs[i + 1][j] >= lcs[i][j + 1]))
      ops.push({ kind: '-', text: x[i++], line: j + 1 });
    else ops.push({ kind: '+', text: y[j], line: ++j });
  }
  const near = (k) => ops.slice(Math.max(0, k - 1), k + 2).some((op) => op.kind !== ' ');
  const out = [];
  let inHunk = false;
  ops.forEach((op, k) => {
    if (!near(k)) {
      inHunk = false;
      return;
    }
    if (!inHunk) out.push(`@@ line ${op.line} @@`);
    inHunk = true;
    out.push(`${op.kind} ${op.text}`);
  });
  return `${out.join('\n')}\n`;
}
