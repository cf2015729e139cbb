import type { TSESLint } from '@typescript-eslint/utils';

import type { HttpStatusRuleDocs } from '../util/create-rule';
import noRetryOnClientError from './no-retry-on-client-error';

// Keep sorted: one line a rule.
export const rules: Record<string, TSESLint.RuleModule<string, readonly unknown[], HttpStatusRuleDocs>> = {
  'no-retry-on-client-error': noRetryOnClientError,
};
