import type { TSESLint } from '@typescript-eslint/utils';

import type { HttpStatusRuleDocs } from '../util/create-rule';
import noBodyWithNullBodyStatus from './no-body-with-null-body-status';
import noErrorBodyWithSuccessStatus from './no-error-body-with-success-status';
import noJsonOnNoContent from './no-json-on-no-content';
import noRetryOnClientError from './no-retry-on-client-error';
import requireRetryAfter from './require-retry-after';
import requireStatusCheck from './require-status-check';
import requireStatusHeaders from './require-status-headers';
import validRetryAfter from './valid-retry-after';
import validStatusCode from './valid-status-code';

// Keep sorted: one line a rule.
export const rules: Record<
  string,
  TSESLint.RuleModule<string, readonly unknown[], HttpStatusRuleDocs>
> = {
  'no-body-with-null-body-status': noBodyWithNullBodyStatus,
  'no-error-body-with-success-status': noErrorBodyWithSuccessStatus,
  'no-json-on-no-content': noJsonOnNoContent,
  'no-retry-on-client-error': noRetryOnClientError,
  'require-retry-after': requireRetryAfter,
  'require-status-check': requireStatusCheck,
  'require-status-headers': requireStatusHeaders,
  'valid-retry-after': validRetryAfter,
  'valid-status-code': validStatusCode,
};
