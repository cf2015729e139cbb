/** @type {import('eslint-doc-generator').GenerateOptions} */
module.exports = {
  configEmoji: [
    ['recommended', '✅'],
    ['strict', '🔒'],
    ['all', '🌐'],
  ],
  ignoreConfig: ['all'],
  ruleDocSectionInclude: ['Rule details', 'Options', 'When not to use it'],
  ruleDocSectionOptions: true,
  ruleListColumns: ['name', 'description', 'configsError', 'fixable', 'hasSuggestions', 'type'],
  urlRuleDoc:
    'https://github.com/eslint-plugin-http-status/eslint-plugin-http-status/blob/main/docs/rules/{name}.md',
};
