// CI: `eslint -f @microsoft/eslint-formatter-sarif` in each consumer gives a SARIF 2.1.0 log that
// validates against the SARIF 2.1.0 JSON schema, with the plugin's rule ids, their help links
// (meta.docs.url) and the location of each finding; the exit code still fails the build.
import path from 'node:path';

import { describe, expect, inject, it } from 'vitest';

import { validateSarif } from './sarif-schema';
import {
  activeFixtures,
  allRulesAt,
  builtPlugin,
  consumerFile,
  eslint,
  namespace,
} from './harness';

const { consumers } = inject('integration');
const fixtures = activeFixtures();
const plugin = builtPlugin();

interface SarifLog {
  version: string;
  $schema: string;
  runs: Array<{
    tool: {
      driver: {
        name: string;
        rules?: Array<{ id: string; helpUri?: string; shortDescription?: { text: string } }>;
      };
    };
    artifacts?: Array<{ location: { uri: string } }>;
    results: Array<{
      ruleId: string;
      ruleIndex?: number;
      level: string;
      message: { text: string };
      locations: Array<{
        physicalLocation: {
          artifactLocation: { uri: string; index?: number };
          region: { startLine: number; startColumn: number; endLine?: number; endColumn?: number };
        };
      }>;
    }>;
  }>;
}

describe.concurrent.each(consumers)('$id: SARIF', (consumer) => {
  it('is valid SARIF 2.1.0 with rule ids, help links and locations, and the exit code fails the build', async () => {
    const files = [
      ...fixtures.map((fixture) => consumerFile(consumer, fixture.rule)),
      consumerFile(consumer, 'clean'),
    ];
    const result = await eslint(consumer, [
      '-f',
      '@microsoft/eslint-formatter-sarif',
      '--rule',
      allRulesAt('error'),
      ...files,
    ]);
    const total = fixtures.reduce((sum, fixture) => sum + fixture.findings.length, 0);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(total > 0 ? 1 : 0);
    const log = JSON.parse(result.stdout) as SarifLog;

    const valid = validateSarif(log);
    expect(validateSarif.errors ?? [], 'SARIF schema errors').toEqual([]);
    expect(valid).toBe(true);
    // …and the schema does bite: a log without its tool's name is rejected.
    const broken = structuredClone(log) as { runs: Array<{ tool: { driver: { name?: string } } }> };
    delete broken.runs[0]!.tool.driver.name;
    expect(validateSarif(broken)).toBe(false);

    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.runs).toHaveLength(1);
    const [sarifRun] = log.runs;
    expect(sarifRun!.tool.driver.name).toBe('ESLint');
    expect((sarifRun!.tool.driver as { version?: string }).version).toBe(consumer.eslintVersion);

    const usedRules = [
      ...new Set(fixtures.flatMap((fixture) => fixture.findings.map((finding) => finding.ruleId))),
    ].sort();
    const described = sarifRun!.tool.driver.rules ?? [];
    expect(described.map((rule) => rule.id).sort()).toEqual(usedRules);
    for (const rule of described) {
      const meta = plugin.rules[rule.id.slice(namespace.length + 1)]!.meta as {
        docs?: { url?: string; description?: string };
      };
      expect(rule.helpUri).toBe(meta.docs?.url);
      expect(rule.shortDescription?.text).toBe(meta.docs?.description);
    }

    const expected = fixtures.flatMap((fixture) =>
      fixture.findings.map((finding) => ({
        ruleId: finding.ruleId,
        level: 'error',
        text: finding.message,
        uri: consumerFile(consumer, fixture.rule),
        region: {
          startLine: finding.line,
          startColumn: finding.column,
          endLine: finding.endLine,
          endColumn: finding.endColumn,
        },
      })),
    );
    expect(
      sarifRun!.results.map((entry) => {
        const location = entry.locations[0]!.physicalLocation;
        // The formatter writes absolute file:// URIs (or relative ones when it knows the root).
        const uri = location.artifactLocation.uri.startsWith('file://')
          ? path.relative(consumer.dir, new URL(location.artifactLocation.uri).pathname)
          : location.artifactLocation.uri;
        expect(described[entry.ruleIndex!]?.id).toBe(entry.ruleId);
        return {
          ruleId: entry.ruleId,
          level: entry.level,
          text: entry.message.text,
          uri,
          region: location.region,
        };
      }),
    ).toEqual(expected);
  });
});
