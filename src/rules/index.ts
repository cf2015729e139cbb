import type { TSESLint } from '@typescript-eslint/utils';

import type { HttpStatusRuleDocs } from '../util/create-rule';
import noJsonOnNoContent from './no-json-on-no-content';

// Keep sorted: one line a rule.
export const rules: Record<string, TSESLint.RuleModule<string, readonly unknown[], HttpStatusRuleDocs>> = {
  'no-json-on-no-content': noJsonOnNoContent,
};
