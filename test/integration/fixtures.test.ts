// The fixture table itself: every rule the plugin exports has a fixture folder under
// fixtures/rules/<rule>/ (code.js, expected.json, fixed.js when something is fixable), and what a
// fixture expects is consistent with the rule's metadata. The other integration tests read it.
import { existsSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import {
  activeFixtures,
  allFixtures,
  builtPlugin,
  fixtureFolders,
  fixturesDir,
  namespace,
} from './harness';

const plugin = builtPlugin();
const fixtures = allFixtures();

describe('integration fixtures', () => {
  it('exist, with their expectations, for every rule the plugin exports', () => {
    const missing = Object.keys(plugin.rules).filter(
      (rule) => !fixtures.some((fixture) => fixture.rule === rule),
    );
    expect(
      missing,
      'write test/integration/fixtures/rules/<rule>/code.js, then `node scripts/integration-fixtures.mjs <rule>` ' +
        `writes expected.json and fixed.js; missing for: ${missing.join(', ')}`,
    ).toEqual([]);
  });

  it('have a code.js in every folder', () => {
    for (const folder of fixtureFolders()) {
      expect(existsSync(path.join(fixturesDir, 'rules', folder, 'code.js')), folder).toBe(true);
    }
  });

  it('include a file of correct code', () => {
    expect(existsSync(path.join(fixturesDir, 'clean.js'))).toBe(true);
  });

  for (const fixture of activeFixtures()) {
    it(`${fixture.rule}: expectations agree with the rule's metadata`, () => {
      const own = `${namespace}/${fixture.rule}`;
      expect(
        fixture.findings.some((finding) => finding.ruleId === own),
        'the fixture shows its own rule',
      ).toBe(true);
      for (const finding of fixture.findings) {
        const rule = plugin.rules[finding.ruleId.slice(namespace.length + 1)];
        expect(rule, `${finding.ruleId} is a rule of the plugin`).toBeDefined();
        if (finding.fix) expect(rule!.meta.fixable, `${finding.ruleId} is fixable`).toBeDefined();
        if (finding.suggestions.length > 0)
          expect(rule!.meta.hasSuggestions, `${finding.ruleId} has suggestions`).toBe(true);
      }
      const positions = fixture.findings.map((finding) => [finding.line, finding.column] as const);
      const sorted = [...positions].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      expect(positions, 'findings are in source order, as ESLint reports them').toEqual(sorted);
      const fixable = fixture.findings.some((finding) => finding.fix);
      expect(
        existsSync(path.join(path.dirname(fixture.codeFile), 'fixed.js')),
        'fixed.js exists exactly when something is fixable',
      ).toBe(fixable);
      if (fixable) expect(fixture.fixed).not.toBe(fixture.code);
    });
  }
});
