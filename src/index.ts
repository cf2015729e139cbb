import type { ESLint, Linter, Rule } from 'eslint';

import { rules } from './rules';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- package.json sits outside rootDir; read at run time.
const { name, version } = require('../package.json') as { name: string; version: string };

const namespace = 'http-status';

type ConfigName = 'recommended' | 'strict' | 'all';
type Level = 'recommended' | 'strict';
/** Every rule of the plugin has `meta`. */
type PluginRule = Rule.RuleModule & { meta: Rule.RuleMetaData };

function ruleEntries(levels: readonly Level[] | 'all', strict = false): Linter.RulesRecord {
  const entries: Linter.RulesRecord = {};
  for (const [ruleName, rule] of Object.entries(rules)) {
    const level = rule.meta.docs?.recommended;
    if (levels === 'all' || (level !== undefined && levels.includes(level))) {
      // `strict` sets a rule's stricter options where it declares some (`docs.strictOptions`).
      const options = strict ? rule.meta.docs?.strictOptions : undefined;
      entries[`${namespace}/${ruleName}`] = options ? ['error', ...options] : 'error';
    }
  }
  return entries;
}

// Typed with ESLint's own types only, so the published `index.d.ts` needs nothing but `eslint`:
// a JavaScript project has no `@typescript-eslint/utils` (the rules' own types).
const plugin: {
  meta: { name: string; version: string; namespace: string };
  rules: Record<string, PluginRule>;
  configs: Record<ConfigName, Linter.Config>;
} = {
  meta: { name, version, namespace },
  rules: rules as unknown as Record<string, PluginRule>,
  configs: {} as Record<ConfigName, Linter.Config>,
};

// Typed as ESLint's own plugin and config types, so `defineConfig` and typescript-eslint accept them.
const eslintPlugin = plugin as unknown as ESLint.Plugin;

function flatConfig(configName: ConfigName, entries: Linter.RulesRecord): Linter.Config {
  return {
    name: `${namespace}/${configName}`,
    plugins: { [namespace]: eslintPlugin },
    rules: entries,
  };
}

plugin.configs.recommended = flatConfig('recommended', ruleEntries(['recommended']));
plugin.configs.strict = flatConfig('strict', ruleEntries(['recommended', 'strict'], true));
plugin.configs.all = flatConfig('all', ruleEntries('all'));

export = plugin;
