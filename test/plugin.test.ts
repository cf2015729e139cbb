import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

import { ESLint as ESLint10 } from 'eslint';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../src';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the npm alias `eslint9` is ESLint 9, CommonJS.
const { ESLint: ESLint9 } = require('eslint9') as { ESLint: typeof ESLint10 };
const root = path.join(__dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};
const ruleNames = Object.keys(plugin.rules);

describe('plugin object', () => {
  it('has meta with name, version and namespace', () => {
    expect(plugin.meta).toEqual({ name: pkg.name, version: pkg.version, namespace: 'http-status' });
  });

  it('has the flat configs recommended, strict and all, each registering the plugin itself', () => {
    expect(Object.keys(plugin.configs).sort()).toEqual(['all', 'recommended', 'strict']);
    for (const [name, config] of Object.entries(plugin.configs)) {
      expect(config.name).toBe(`http-status/${name}`);
      expect(config.plugins?.['http-status']).toBe(plugin);
    }
  });

  it('builds configs from rule metadata', () => {
    const enabled = (config: keyof typeof plugin.configs) =>
      Object.keys(plugin.configs[config].rules ?? {}).sort();
    const withLevel = (levels: string[]) =>
      ruleNames
        .filter((name) =>
          levels.includes(
            String((plugin.rules[name]!.meta.docs as { recommended?: string }).recommended),
          ),
        )
        .map((name) => `http-status/${name}`)
        .sort();
    expect(enabled('all')).toEqual(ruleNames.map((name) => `http-status/${name}`).sort());
    expect(enabled('recommended')).toEqual(withLevel(['recommended']));
    expect(enabled('strict')).toEqual(withLevel(['recommended', 'strict']));
  });

  it('is accepted by defineConfig and by typescript-eslint’s config helper', () => {
    expect(() => defineConfig(plugin.configs.recommended)).not.toThrow();
    expect(() =>
      defineConfig({ extends: [plugin.configs.strict], files: ['**/*.ts'] }),
    ).not.toThrow();
    expect(() => tseslint.config(plugin.configs.all)).not.toThrow();
  });
});

describe('rule metadata', () => {
  it('registers rules in sorted order', () => {
    expect(ruleNames).toEqual([...ruleNames].sort());
  });

  for (const name of ruleNames) {
    const rule = plugin.rules[name]!;
    describe(name, () => {
      it('links to its doc page, which exists', () => {
        expect(rule.meta.docs?.url).toMatch(new RegExp(`/docs/rules/${name}\\.md$`));
        expect(fs.existsSync(path.join(root, 'docs', 'rules', `${name}.md`))).toBe(true);
      });

      it('has a description, a type and messages', () => {
        expect(rule.meta.docs?.description).toMatch(/^(Disallow|Enforce|Require) /);
        expect(['problem', 'suggestion', 'layout']).toContain(rule.meta.type);
        expect(Object.keys(rule.meta.messages ?? {}).length).toBeGreaterThan(0);
      });

      it('describes every option and sets its defaults in meta.defaultOptions', () => {
        const schema = Array.isArray(rule.meta.schema) ? rule.meta.schema : [rule.meta.schema];
        const describeAll = (node: unknown): void => {
          if (!node || typeof node !== 'object') return;
          const properties = (node as { properties?: Record<string, unknown> }).properties;
          for (const [key, value] of Object.entries(properties ?? {})) {
            expect(
              (value as { description?: string }).description,
              `${name} option ${key}`,
            ).toBeTruthy();
            describeAll(value);
          }
        };
        schema.forEach(describeAll);
        if (schema.length > 0) expect(rule.meta.defaultOptions).toBeDefined();
      });

      it('has a test file, or a folder of them split by section', () => {
        const folder = path.join(root, 'test', 'rules', name);
        const split =
          fs.existsSync(folder) && fs.readdirSync(folder).some((file) => file.endsWith('.test.ts'));
        expect(split || fs.existsSync(path.join(root, 'test', 'rules', `${name}.test.ts`))).toBe(
          true,
        );
      });
    });
  }
});

describe.each([
  ['ESLint 10', ESLint10],
  ['ESLint 9', ESLint9],
])('loads in the real %s class', (_label, ESLintClass) => {
  it('runs every config on JS and TS code without errors', async () => {
    for (const config of Object.values(plugin.configs)) {
      const eslint = new ESLintClass({
        cwd: root,
        overrideConfigFile: true,
        overrideConfig: [
          config,
          { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser as never } },
        ],
      });
      const [js] = await eslint.lintText(
        'async function f(u) { const r = await fetch(u); return r.json(); }\n',
        { filePath: 'a.js' },
      );
      const [ts] = await eslint.lintText('const x: number = 1 as number;\nexport { x };\n', {
        filePath: 'b.ts',
      });
      for (const result of [js!, ts!]) {
        expect(result.messages.filter((m) => m.fatal || !m.ruleId)).toEqual([]);
      }
    }
  });

  it('rejects a rule option outside the schema with a clear message', async () => {
    const [first] = ruleNames;
    if (!first) return;
    const eslint = new ESLintClass({
      cwd: root,
      overrideConfigFile: true,
      overrideConfig: [
        {
          plugins: { 'http-status': plugin as never },
          rules: { [`http-status/${first}`]: ['error', { notAnOption: true }] },
        },
      ],
    });
    await expect(eslint.lintText('x;\n', { filePath: 'a.js' })).rejects.toThrow(
      /notAnOption|additional properties/i,
    );
  });
});

describe('the built package', () => {
  it('loads in Node with require and with import from dist/', () => {
    const dist = path.join(root, 'dist', 'index.js');
    const show =
      'p => [p.meta.namespace, Object.keys(p.rules).join(), Object.keys(p.configs).join()].join("|")';
    const required = execFileSync(
      process.execPath,
      ['-e', `console.log((${show})(require(${JSON.stringify(dist)})))`],
      { encoding: 'utf8' },
    );
    const imported = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import p from ${JSON.stringify(pathToFileURL(dist).href)}; console.log((${show})(p))`,
      ],
      { encoding: 'utf8' },
    );
    expect(required.trim()).toBe(`http-status|${ruleNames.join()}|recommended,strict,all`);
    expect(imported).toBe(required);
  });
});
