// Writes the README's `.oxlintrc.json` example (between the `oxlint rules` markers) from the
// plugin's `recommended` config, so the list cannot drift from the rules. `npm run docs` runs it;
// test/scripts/readme-oxlint.test.ts fails when the README is out of date.
//
//   npm run build && node scripts/readme-oxlint.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BEGIN = '<!-- begin auto-generated oxlint rules (npm run docs) -->';
export const END = '<!-- end auto-generated oxlint rules -->';

/** The `.oxlintrc.json` code block for a config's rules. */
export function oxlintBlock(config) {
  const rules = Object.entries(config.rules ?? {}).map(
    ([id, entry]) => `    ${JSON.stringify(id)}: ${JSON.stringify(entry)}`,
  );
  return [
    '```jsonc',
    '// .oxlintrc.json',
    '{',
    '  "jsPlugins": ["eslint-plugin-http-status"],',
    '  "rules": {',
    rules.join(',\n'),
    '  }',
    '}',
    '```',
  ].join('\n');
}

/** The README with the block between the markers replaced; throws when a marker is missing. */
export function withOxlintBlock(readme, config) {
  const begin = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (begin === -1 || end < begin) throw new Error(`README.md needs the markers ${BEGIN} … ${END}`);
  return `${readme.slice(0, begin + BEGIN.length)}\n\n${oxlintBlock(config)}\n\n${readme.slice(end)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const { default: plugin } = await import('../dist/index.js');
  const file = path.join(root, 'README.md');
  const readme = readFileSync(file, 'utf8');
  const updated = withOxlintBlock(readme, plugin.configs.recommended);
  if (updated !== readme) writeFileSync(file, updated);
  console.log(
    updated === readme ? 'README.md: oxlint rules up to date' : 'README.md: oxlint rules rewritten',
  );
}
