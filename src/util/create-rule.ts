import type { RuleWithMetaAndName } from '@typescript-eslint/utils/eslint-utils';
import { ESLintUtils } from '@typescript-eslint/utils';

export const REPOSITORY_URL = 'https://github.com/eslint-plugin-http-status/eslint-plugin-http-status';

/** Extra `meta.docs` fields every rule of this plugin declares. */
export interface HttpStatusRuleDocs {
  /** The shared config that enables the rule (`all` always does). */
  recommended?: 'recommended' | 'strict';
}

const ruleCreator = ESLintUtils.RuleCreator<HttpStatusRuleDocs>((name) => `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`);

/** Distinct option sets kept per rule; configs have few. */
const MAX_CACHED_OPTIONS = 64;

/**
 * Sets `meta.docs.url` to the rule's documentation page, derived from its name, and merges the
 * user's options into the defaults once per distinct options, not once per file: the merge deep-clones
 * the defaults, which costs more than the rule's own work on most files.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  rule: Readonly<RuleWithMetaAndName<Options, MessageIds, HttpStatusRuleDocs>>,
): ESLintUtils.RuleModule<MessageIds, Options, HttpStatusRuleDocs> & { name: string } {
  const created = ruleCreator(rule);
  // ESLint 9.15+ merges `meta.defaultOptions` itself; other hosts (oxlint) may not, so merge here too.
  const defaults = (rule.meta.defaultOptions ?? rule.defaultOptions ?? []) as Readonly<Options>;
  const merged = new Map<string, Options>();
  return {
    ...created,
    create(context) {
      // ESLint 9.15+ has merged `meta.defaultOptions` already: use its options as they are.
      let options = hasEveryDefault(context.options, defaults) ? (context.options as unknown as Options) : undefined;
      if (!options) {
        const key = JSON.stringify(context.options);
        options = merged.get(key);
        if (!options) {
          options = ESLintUtils.applyDefault<Options, Options>(defaults, context.options as Options);
          if (merged.size >= MAX_CACHED_OPTIONS) merged.clear();
          merged.set(key, options);
        }
      }
      return rule.create(context, options);
    },
  };
}

/** Whether `options` sets every option `defaults` has: the host merged the defaults in. */
function hasEveryDefault(options: readonly unknown[], defaults: readonly unknown[]): boolean {
  return defaults.every((value, index) => {
    const given = options[index];
    if (given === undefined) return false;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return true;
    return typeof given === 'object' && given !== null && Object.keys(value).every((key) => key in given);
  });
}
