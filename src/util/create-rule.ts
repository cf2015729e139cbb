import { ESLintUtils } from '@typescript-eslint/utils';

export const REPOSITORY_URL = 'https://github.com/eslint-plugin-http-status/eslint-plugin-http-status';

/** Extra `meta.docs` fields every rule of this plugin declares. */
export interface HttpStatusRuleDocs {
  /** The shared config that enables the rule (`all` always does). */
  recommended?: 'recommended' | 'strict';
}

/** Sets `meta.docs.url` to the rule's documentation page, derived from its name. */
export const createRule = ESLintUtils.RuleCreator<HttpStatusRuleDocs>(
  (name) => `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`,
);
