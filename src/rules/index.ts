import type { TSESLint } from '@typescript-eslint/utils';

import type { HttpStatusRuleDocs } from '../util/create-rule';
import requireRetryAfter from './require-retry-after';

// Keep sorted: one line a rule.
export const rules: Record<string, TSESLint.RuleModule<string, readonly unknown[], HttpStatusRuleDocs>> = {
  'require-retry-after': requireRetryAfter,
};
