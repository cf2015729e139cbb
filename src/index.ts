import type { TSESLint } from '@typescript-eslint/utils';

import { rules } from './rules';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- package.json sits outside rootDir; read at run time.
const { name, version } = require('../package.json') as { name: string; version: string };

const namespace = 'http-status';

type RuleEntries = Record<string, TSESLint.SharedConfig.RuleEntry>;

function ruleEntries(include: (docs: { recommended?: string } | undefined) => boolean): RuleEntries {
  const entries: RuleEntries = {};
  for (const [ruleName, rule] of Object.entries(rules)) {
    if (include(rule.meta.docs as { recommended?: string } | undefined)) entries[`${namespace}/${ruleName}`] = 'error';
  }
  return entries;
}

const plugin = {
  meta: { name, version, namespace },
  rules,
  configs: {} as Record<'recommended' | 'strict' | 'all', TSESLint.FlatConfig.Config>,
};

function flatConfig(configName: string, entries: RuleEntries): TSESLint.FlatConfig.Config {
  return {
    name: `${namespace}/${configName}`,
    plugins: { [namespace]: plugin as unknown as TSESLint.FlatConfig.Plugin },
    rules: entries,
  };
}

plugin.configs.recommended = flatConfig(
  'recommended',
  ruleEntries((docs) => docs?.recommended === 'recommended'),
);
plugin.configs.strict = flatConfig(
  'strict',
  ruleEntries((docs) => docs?.recommended === 'recommended' || docs?.recommended === 'strict'),
);
plugin.configs.all = flatConfig('all', ruleEntries(() => true));

export = plugin;
