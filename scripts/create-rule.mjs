// Scaffolds a rule: its source (on `createRule`), its rule test, its corpus folder, its doc page
// and its integration fixture, and registers it in src/rules/index.ts. The rule reports nothing
// until its check is written; `npm test` then says what is left (doc examples, the fixture's
// expected.json: `node scripts/integration-fixtures.mjs <name>`, the README's rule list: `npm run docs`).
//
//   npm run new-rule <name> [-- --description "Disallow …"] [--root <dir>]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const KEBAB = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** `no-foo-bar` → `noFooBar`. */
export const camelCase = (name) => name.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());

/** A first description in the form the lint of rules asks for (`Disallow`, `Require`, `Enforce`). */
export function defaultDescription(name) {
  const words = (prefix) => name.slice(prefix.length).replace(/-/g, ' ');
  if (name.startsWith('no-')) return `Disallow ${words('no-')}`;
  if (name.startsWith('require-')) return `Require ${words('require-')}`;
  return `Enforce ${name.replace(/-/g, ' ')}`;
}

/** Why `name` cannot be a new rule under `root`, or undefined. */
export function problemWith(root, name) {
  if (!name) return 'give the rule a name: npm run new-rule <name>';
  if (!KEBAB.test(name))
    return `"${name}" is not kebab-case (lower-case words joined by "-", e.g. no-json-on-no-content)`;
  const taken = [
    `src/rules/${name}.ts`,
    `test/rules/${name}.test.ts`,
    `test/rules/${name}.corpus.test.ts`,
    `test/rules/${name}`,
    `docs/rules/${name}.md`,
    `test/fixtures/corpus/${name}`,
    `test/integration/fixtures/rules/${name}`,
  ].filter((file) => existsSync(path.join(root, file)));
  if (taken.length > 0) return `rule "${name}" exists already: ${taken.join(', ')}`;
  return undefined;
}

function ruleSource(name, description) {
  const messageId = camelCase(name);
  return `import type { TSESTree } from '@typescript-eslint/utils';

import type { HttpModel } from '../analysis';
import { createRule } from '../util/create-rule';

export type Options = [Record<string, never>];
export type MessageIds = '${messageId}';

/** The nodes to report in a file, composed from its HTTP analysis (\`src/analysis\`), never by walking the AST. */
const findings: (model: HttpModel, options: () => Options) => TSESTree.Node[] = () => [];

export default createRule<Options, MessageIds>({
  name: '${name}',
  meta: {
    type: 'problem',
    docs: {
      description: '${description.replace(/'/g, "\\'")}',
    },
    schema: [{ type: 'object', additionalProperties: false, properties: {} }],
    defaultOptions: [{}],
    messages: {
      ${messageId}: 'Say what is wrong here and what to do instead.',
    },
  },
  check(context, model, options) {
    for (const node of findings(model, options)) context.report({ node, messageId: '${messageId}' });
  },
});
`;
}

function testSource(name) {
  return `import rule from '../../src/rules/${name}';
import { createJavaScriptRuleTester, createRuleTester } from '../rule-tester';

const ruleTester = createRuleTester();
const jsRuleTester = createJavaScriptRuleTester();
// The rule tester may carry its own copy of @typescript-eslint/utils: the same rule, another type.
const checked = rule as unknown as Parameters<typeof ruleTester.run>[1];

// Valid and invalid code, exact fix output, each suggestion's output, options; JS and TS.
ruleTester.run('${name}', checked, {
  valid: [
    \`async function load(url: string) {
  const res = await fetch(url);
  return res.ok ? res.text() : undefined;
}\`,
  ],
  invalid: [],
});

jsRuleTester.run('${name} (JavaScript)', checked, {
  valid: [
    \`async function load(url) {
  const res = await fetch(url);
  return res.ok ? res.text() : undefined;
}\`,
  ],
  invalid: [],
});
`;
}

function corpusTestSource(name) {
  return `import { describeCorpus } from './corpus';

// Realistic code for ${name} (test/fixtures/corpus/${name}, see test/rules/corpus.ts for the marks).
describeCorpus('${name}', { precision: 0.95, recall: 0.9 });
`;
}

const corpusReadme = (
  name,
) => `Realistic code for \`${name}\`, one file a case (\`pNN-…\` with a bug, \`nNN-…\` without),
linted as is by \`test/rules/${name}.corpus.test.ts\` (the format: \`test/rules/corpus.ts\`):

- \`// ❌\` at the end of a line: the rule must report on that line (\`// ❌ ×2\`: twice);
- \`// ❌ known miss: …\`: the rule should report there but knowingly does not;
- \`// known false report: …\`: the rule reports there though it should not;
- any other report is a false report.
`;

const corpusCase = `export async function load(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
  return res.json();
}
`;

function docSource(name, description) {
  return `# http-status/${name}

📝 ${description}.

<!-- end auto-generated rule header -->

## Rule details

What goes wrong at run time, and where the standards or the libraries say so.

### ❌ Incorrect

\`\`\`js
// Code the rule reports.
\`\`\`

### ✅ Correct

\`\`\`js
async function load(url) {
  const res = await fetch(url);
  return res.ok ? res.text() : undefined;
}
\`\`\`

## Options

<!-- begin auto-generated rule options list -->



<!-- end auto-generated rule options list -->

## When not to use it

When the code it reports is right in your project.
`;
}

const fixtureSource = (
  name,
) => `// Code that ${name} reports, as a consumer project would write it: the integration tests run
// ESLint 9 and 10, the language server, SARIF and oxlint on it.
export async function load(url) {
  const res = await fetch(url);
  return res.ok ? res.text() : undefined;
}
`;

/** src/rules/index.ts with the rule imported and listed, both in sorted order. */
export function registered(index, name) {
  const lines = index.split('\n');
  const importLine = `import ${camelCase(name)} from './${name}';`;
  const entryLine = `  '${name}': ${camelCase(name)},`;
  const imports = lines.flatMap((line, i) =>
    /^import \w+ from '\.\/[\w-]+';$/.test(line) ? [i] : [],
  );
  const entries = lines.flatMap((line, i) => (/^ {2}'[\w-]+': \w+,$/.test(line) ? [i] : []));
  if (imports.length === 0 || entries.length === 0)
    throw new Error('src/rules/index.ts: no rule imports or entries found to add the rule to');
  const sortedInto = (range, line) => {
    const block = [...range.map((i) => lines[i]), line].sort();
    lines.splice(range[0], range.length, ...block);
  };
  // The entries come after the imports: insert there first so the import lines keep their places.
  sortedInto(entries, entryLine);
  sortedInto(imports, importLine);
  return lines.join('\n');
}

/** Writes the rule's files under `root`; returns their paths, relative to `root`. */
export function createRuleFiles(root, name, description = defaultDescription(name)) {
  const problem = problemWith(root, name);
  if (problem) throw new Error(problem);
  const files = {
    [`src/rules/${name}.ts`]: ruleSource(name, description),
    [`test/rules/${name}.test.ts`]: testSource(name),
    [`test/rules/${name}.corpus.test.ts`]: corpusTestSource(name),
    [`test/fixtures/corpus/${name}/README.md`]: corpusReadme(name),
    [`test/fixtures/corpus/${name}/n01-checked-json.js`]: corpusCase,
    [`docs/rules/${name}.md`]: docSource(name, description),
    [`test/integration/fixtures/rules/${name}/code.js`]: fixtureSource(name),
  };
  const indexFile = path.join(root, 'src/rules/index.ts');
  const index = registered(readFileSync(indexFile, 'utf8'), name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  writeFileSync(indexFile, index);
  return [...Object.keys(files), 'src/rules/index.ts'];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (flag) => {
    const at = args.indexOf(flag);
    if (at === -1) return undefined;
    const [, value] = args.splice(at, 2);
    return value;
  };
  const root = path.resolve(
    option('--root') ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'),
  );
  const description = option('--description');
  const [name, ...rest] = args;
  const problem =
    rest.length > 0
      ? `one rule name, not ${args.length}: ${args.join(' ')}`
      : problemWith(root, name);
  if (problem) {
    console.error(`new-rule: ${problem}`);
    process.exit(1);
  }
  for (const file of createRuleFiles(root, name, description)) console.log(`wrote ${file}`);
  console.log(
    `\nNext: write the rule's check and tests, the doc's ❌ example, then\n` +
      `  npm run build && node scripts/integration-fixtures.mjs ${name}   # the fixture's expected.json\n` +
      `  npm run docs                                                    # README rule list and doc header`,
  );
}
