// Part of npm run bench (scripts/bench.mjs): the reviewed reports and the fix checks that see
// meaning.
//
// - Every report and every autofix gets a fingerprint that survives unrelated edits: the rule,
//   the file's path inside its corpus (package path, not the parser group), and the reported
//   source text (for a fix: the text it replaces and the text it writes), never line numbers.
//   bench/reviews.json holds a verdict (true / false) and a one-line reason per fingerprint.
// - Every autofix and every suggestion, applied alone to the original file, must add no core
//   `no-undef` / `no-use-before-define` (variables) report and, in a TypeScript file, no
//   TypeScript diagnostic at the lines it wrote (one file at a time, lib types, imports left
//   unresolved).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(ROOT, 'package.json'));
export const REVIEWS_FILE = path.join(ROOT, 'bench', 'reviews.json');

const sha = (text) => createHash('sha1').update(text).digest('hex').slice(0, 16);
const squash = (text) => text.replace(/\s+/g, ' ').trim();
/** The file's path inside its corpus without the parser group (`js-module/`, `ts/`, …). */
export const corpusPath = (file) => file.slice(file.indexOf('/') + 1);

function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}
function offsetOf(starts, line, column) {
  return (starts[line - 1] ?? 0) + (column - 1);
}
function lineOf(starts, offset) {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** The source text a message points at (its whole line when the message has no end). */
export function reportedText(source, m) {
  const starts = lineStarts(source);
  const from = offsetOf(starts, m.line, m.column);
  const to = m.endLine
    ? offsetOf(starts, m.endLine, m.endColumn)
    : (starts[m.line] ?? source.length);
  return source.slice(from, Math.max(from, to));
}

/** A few lines around the report, numbered, the reported lines marked with `>`. */
export function codeContext(source, m, around = 3) {
  const lines = source.split('\n');
  const last = Math.min(m.endLine ?? m.line, m.line + 12);
  const out = [];
  for (let n = Math.max(1, m.line - around); n <= Math.min(lines.length, last + around); n++) {
    const mark = n >= m.line && n <= last ? '>' : ' ';
    out.push(`${mark}${String(n).padStart(5)} | ${lines[n - 1].slice(0, 160)}`);
  }
  return out.join('\n');
}

/** The lines a fix touches, before and after, as a small unified diff. */
export function fixDiff(source, fix) {
  const starts = lineStarts(source);
  const first = lineOf(starts, fix.range[0]);
  const last = lineOf(starts, Math.max(fix.range[0], fix.range[1] - 1));
  const from = starts[first - 1];
  const toEnd = starts[last] ?? source.length;
  const before = source.slice(from, toEnd).replace(/\n$/, '');
  const after = (
    source.slice(from, fix.range[0]) +
    fix.text +
    source.slice(fix.range[1], toEnd)
  ).replace(/\n$/, '');
  const minus = before.split('\n').map((l) => `-${l}`);
  const plus = after.split('\n').map((l) => `+${l}`);
  return `@@ line ${first} @@\n${[...minus, ...plus].join('\n')}`;
}

/** Fingerprints for a corpus's reports and fixes; equal texts in one file are numbered. */
export function fingerprintAll(corpusId, messagesWithSource) {
  const seen = new Map();
  const number = (key) => {
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return n === 0 ? key : `${key}-${n}`;
  };
  const reports = [];
  const fixes = [];
  for (const { message: m, source } of messagesWithSource) {
    const file = corpusPath(m.file);
    const text = reportedText(source, m);
    const fingerprint = number(sha(`${m.ruleId}\n${file}\n${squash(text)}`));
    reports.push({
      corpus: corpusId,
      rule: m.ruleId,
      file,
      line: m.line,
      fingerprint,
      text: squash(text).slice(0, 160),
      message: m.message,
      corpusFile: m.file,
      m,
    });
    if (m.fix) {
      const removed = source.slice(m.fix.range[0], m.fix.range[1]);
      const fixFingerprint = number(
        sha(`${m.ruleId}\n${file}\n${squash(text)}\n${squash(removed)}\n${squash(m.fix.text)}`),
      );
      fixes.push({
        corpus: corpusId,
        rule: m.ruleId,
        file,
        line: m.line,
        fingerprint: fixFingerprint,
        diff: fixDiff(source, m.fix),
        report: fingerprint,
        corpusFile: m.file,
        m,
      });
    }
  }
  return { reports, fixes };
}

export function loadReviews() {
  if (!fs.existsSync(REVIEWS_FILE)) return { reports: [], fixes: [] };
  const data = JSON.parse(fs.readFileSync(REVIEWS_FILE, 'utf8'));
  return { reports: data.reports ?? [], fixes: data.fixes ?? [] };
}

/** Joins reports and fixes with their reviews; `verdict` null or absent is unreviewed. */
export function applyReviews(found, reviews) {
  const key = (e) => `${e.corpus}\n${e.fingerprint}`;
  const reportReviews = new Map(reviews.reports.map((r) => [key(r), r]));
  const fixReviews = new Map(reviews.fixes.map((r) => [key(r), r]));
  for (const r of found.reports) {
    const review = reportReviews.get(key(r));
    r.verdict = typeof review?.verdict === 'boolean' ? review.verdict : null;
    r.reason = review?.reason ?? '';
  }
  for (const f of found.fixes) {
    const review = fixReviews.get(key(f));
    f.verdict = typeof review?.verdict === 'boolean' ? review.verdict : null;
    f.reason = review?.reason ?? '';
  }
}

/**
 * Per rule of one corpus: reports, reviewed true / false, unreviewed, fixes right / wrong /
 * unreviewed, and precision = true reports / (reviewed reports + wrong fixes): a wrong autofix
 * counts as a false report does. FAIL on any unreviewed report or fix, or precision < 0.95.
 */
export function precisionTable(ruleIds, found) {
  return ruleIds.map((rule) => {
    const reports = found.reports.filter((r) => r.rule === rule);
    const fixes = found.fixes.filter((f) => f.rule === rule);
    const row = {
      rule,
      reports: reports.length,
      reviewedTrue: reports.filter((r) => r.verdict === true).length,
      reviewedFalse: reports.filter((r) => r.verdict === false).length,
      unreviewed: reports.filter((r) => r.verdict === null).length,
      fixes: fixes.length,
      fixesRight: fixes.filter((f) => f.verdict === true).length,
      fixesWrong: fixes.filter((f) => f.verdict === false).length,
      fixesUnreviewed: fixes.filter((f) => f.verdict === null).length,
    };
    const judged = row.reviewedTrue + row.reviewedFalse + row.fixesWrong;
    row.precision = judged > 0 ? row.reviewedTrue / judged : null;
    row.pass =
      row.unreviewed === 0 &&
      row.fixesUnreviewed === 0 &&
      (row.precision === null || row.precision >= 0.95);
    return row;
  });
}

/** Writes bench/reviews.json with every current report and fix; kept verdicts, new ones null. */
export function updateReviewsFile(allFound, { dropStale }) {
  const old = loadReviews();
  const key = (e) => `${e.corpus}\n${e.fingerprint}`;
  const seenReports = new Set(allFound.flatMap((f) => f.reports.map(key)));
  const seenFixes = new Set(allFound.flatMap((f) => f.fixes.map(key)));
  const oldReports = new Map(old.reports.map((r) => [key(r), r]));
  const oldFixes = new Map(old.fixes.map((r) => [key(r), r]));
  const reports = allFound.flatMap((f) =>
    f.reports.map((r) => ({
      corpus: r.corpus,
      rule: r.rule,
      file: r.file,
      line: r.line,
      fingerprint: r.fingerprint,
      text: r.text,
      verdict: oldReports.get(key(r))?.verdict ?? null,
      reason: oldReports.get(key(r))?.reason ?? '',
    })),
  );
  const fixes = allFound.flatMap((f) =>
    f.fixes.map((x) => ({
      corpus: x.corpus,
      rule: x.rule,
      file: x.file,
      line: x.line,
      fingerprint: x.fingerprint,
      diff: x.diff,
      verdict: oldFixes.get(key(x))?.verdict ?? null,
      reason: oldFixes.get(key(x))?.reason ?? '',
    })),
  );
  if (!dropStale) {
    reports.push(...old.reports.filter((r) => !seenReports.has(key(r))));
    fixes.push(...old.fixes.filter((r) => !seenFixes.has(key(r))));
  }
  const order = (a, b) =>
    a.corpus.localeCompare(b.corpus) ||
    a.rule.localeCompare(b.rule) ||
    a.file.localeCompare(b.file) ||
    a.line - b.line;
  fs.writeFileSync(
    REVIEWS_FILE,
    JSON.stringify({ reports: reports.sort(order), fixes: fixes.sort(order) }, null, 1) + '\n',
  );
}

// ---------------------------------------------------------------------------------------------
// Fix checks that see meaning.

function scopeGlobals() {
  try {
    const globals = require('globals');
    return { ...globals.es2021, ...globals.node, ...globals.browser, ...globals.worker };
  } catch {
    return {};
  }
}

/** core no-undef and no-use-before-define (variables only) on one text, as countable keys. */
export function makeScopeChecker(ESLint, cwd, languageConfigs) {
  const eslint = new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [
      ...languageConfigs,
      { languageOptions: { globals: scopeGlobals() } },
      {
        rules: {
          'no-undef': 'error',
          'no-use-before-define': [
            'error',
            { functions: false, classes: false, variables: true, allowNamedExports: true },
          ],
        },
      },
    ],
    allowInlineConfig: false,
    warnIgnored: false,
  });
  return async (text, filePath) => {
    const [result] = await eslint.lintText(text, { filePath });
    return (result?.messages ?? []).filter((m) => !m.fatal).map((m) => `${m.ruleId}: ${m.message}`);
  };
}

/** Keys of `after` beyond their count in `before`. */
export function added(before, after) {
  const count = new Map();
  for (const k of before) count.set(k, (count.get(k) ?? 0) + 1);
  const out = [];
  for (const k of after) {
    const n = count.get(k) ?? 0;
    if (n > 0) count.set(k, n - 1);
    else out.push(k);
  }
  return out;
}

/**
 * TypeScript diagnostics of one file alone: lib types (es2022 + dom), strict, imports not
 * resolved (their "cannot find module" errors are there before and after alike). Lib files are
 * parsed once for the whole run.
 */
export function makeTypeChecker() {
  let ts;
  try {
    ts = require('typescript');
  } catch {
    return undefined;
  }
  const options = {
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    strict: true,
    noResolve: true,
    types: [],
    skipLibCheck: true,
    experimentalDecorators: true,
  };
  const libCache = new Map();
  const base = ts.createCompilerHost(options);
  return (text, fileName) => {
    const name = path.resolve('/bench-typecheck', path.basename(fileName));
    const host = {
      ...base,
      fileExists: (f) => f === name || base.fileExists(f),
      readFile: (f) => (f === name ? text : base.readFile(f)),
      getSourceFile(f, languageVersion) {
        if (f === name) return ts.createSourceFile(f, text, languageVersion, true);
        if (!libCache.has(f)) libCache.set(f, base.getSourceFile(f, languageVersion));
        return libCache.get(f);
      },
      writeFile() {},
    };
    const program = ts.createProgram([name], options, host);
    const sf = program.getSourceFile(name);
    const diagnostics = [
      ...program.getSyntacticDiagnostics(sf),
      ...program.getSemanticDiagnostics(sf),
    ];
    return diagnostics.map((d) => ({
      key: `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`,
      line: d.start === undefined ? 0 : sf.getLineAndCharacterOfPosition(d.start).line + 1,
    }));
  };
}

/** Lines (1-based) of `fixed` that an edit at `range` writing `text` produced. */
export function writtenLines(original, edit) {
  const first = original.slice(0, edit.range[0]).split('\n').length;
  const last = first + edit.text.split('\n').length - 1;
  return [first, last];
}

export const isTypeScript = (file) => /\.[cm]?ts$/.test(file);

/**
 * Semantic checks of one edit (an autofix or a suggestion) applied alone: problems found, as
 * strings. `scope(text, filePath)` and `types(text, filePath)` come from the makers above;
 * `cache` memoizes the original file's findings.
 */
export async function checkEditMeaning({ original, fixed, edit, filePath, scope, types, cache }) {
  const problems = [];
  if (!cache.scope) cache.scope = await scope(original, filePath);
  const newScope = added(cache.scope, await scope(fixed, filePath));
  for (const k of newScope) problems.push(`adds ${k}`);
  if (types && isTypeScript(filePath)) {
    if (!cache.types) cache.types = types(original, filePath);
    const after = types(fixed, filePath);
    const [first, last] = writtenLines(original, edit);
    const newKeys = new Set(
      added(
        cache.types.map((d) => d.key),
        after.map((d) => d.key),
      ),
    );
    for (const d of after) {
      if (newKeys.has(d.key) && d.line >= first && d.line <= last)
        problems.push(`adds ${d.key} (line ${d.line})`);
    }
  }
  return problems;
}
