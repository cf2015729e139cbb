// Writes expected.json and fixed.js of the integration fixtures (test/integration/fixtures/rules/<rule>/)
// from what the built plugin (dist/) reports on each code.js with every rule on. Review the diff:
// these files are the expectations the integration tests hold ESLint 9 and 10, the language
// server, SARIF and oxlint to.
//
//   npm run build && node scripts/integration-fixtures.mjs [rule-name ...]
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';

import plugin from '../dist/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rulesDir = path.join(root, 'test/integration/fixtures/rules');
const wanted = process.argv.slice(2);
const names =
  wanted.length > 0 ? wanted : readdirSync(rulesDir).filter((name) => name in plugin.rules);

const options = { cwd: root, overrideConfigFile: true, overrideConfig: [plugin.configs.all] };
const linter = new ESLint(options);
const fixer = new ESLint({ ...options, fix: true });

for (const name of names) {
  if (!(name in plugin.rules))
    throw new Error(`the built plugin has no rule ${name}: run npm run build`);
  const dir = path.join(rulesDir, name);
  const codeFile = path.join(dir, 'code.js');
  const code = readFileSync(codeFile, 'utf8');
  const [result] = await linter.lintText(code, { filePath: codeFile });
  const fatal = result.messages.filter((message) => !message.ruleId);
  if (fatal.length > 0)
    throw new Error(`${codeFile}: ${fatal.map((message) => message.message).join('; ')}`);
  const findings = result.messages.map((message) => ({
    ruleId: message.ruleId,
    line: message.line,
    column: message.column,
    endLine: message.endLine,
    endColumn: message.endColumn,
    message: message.message,
    fix: message.fix !== undefined,
    suggestions: (message.suggestions ?? []).map((suggestion) => suggestion.desc),
  }));
  writeFileSync(path.join(dir, 'expected.json'), `${JSON.stringify({ findings }, null, 2)}\n`);
  const [fixed] = await fixer.lintText(code, { filePath: codeFile });
  const fixedFile = path.join(dir, 'fixed.js');
  if (fixed.output !== undefined && fixed.output !== code) writeFileSync(fixedFile, fixed.output);
  else if (existsSync(fixedFile)) rmSync(fixedFile);
  console.log(
    `${name}: ${findings.length} finding(s), ${findings.filter((finding) => finding.fix).length} fixable`,
  );
}
