import type { ESLintUtils, TSESLint } from '@typescript-eslint/utils';
import type { RuleWithMetaAndName } from '@typescript-eslint/utils/eslint-utils';

import type { HttpModel } from '../analysis/model';
import { getHttpModel } from '../analysis/model';
import { applyDefault } from './apply-default';

export const REPOSITORY_URL =
  'https://github.com/eslint-plugin-http-status/eslint-plugin-http-status';

/** Extra `meta.docs` fields every rule of this plugin declares. */
export interface HttpStatusRuleDocs {
  /** The shared config that enables the rule (`all` always does). */
  recommended?: 'recommended' | 'strict';
  /** Options the `strict` config sets for the rule (stricter than its defaults). */
  strictOptions?: readonly unknown[];
}

/** The rule's documentation page. */
const docsUrl = (name: string): string => `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`;

/** Distinct option sets kept per rule; configs have few. */
const MAX_CACHED_OPTIONS = 64;

/** A rule of this plugin: as typescript-eslint's `RuleCreator` takes it, but it checks a file's HTTP model instead of creating listeners. */
export interface HttpStatusRule<
  Options extends readonly unknown[],
  MessageIds extends string,
> extends Omit<RuleWithMetaAndName<Options, MessageIds, HttpStatusRuleDocs>, 'create'> {
  /**
   * Checks one file once ESLint has walked it (`Program:exit`), through the file's HTTP model,
   * shared by every rule. It is called only when the file's text has an anchor of the analyses
   * (`model.hasAnchor`): most files have no HTTP code, and for them a rule does nothing else.
   *
   * `options()` returns the options merged into the defaults, the same object for every file of
   * one configuration (see `perOptions`). A rule asks for them once it has something to check:
   * reading ESLint's fresh copy of the options costs more than the rest of most files' work.
   */
  check(
    context: Readonly<TSESLint.RuleContext<MessageIds, Options>>,
    model: HttpModel,
    options: () => Options,
  ): void;
}

/**
 * Sets `meta.docs.url` to the rule's documentation page, derived from its name, runs the rule's
 * `check` on files with an anchor, and hands the rule its options on demand. ESLint passes each file a fresh deep copy of the options; comparing
 * it with the options seen before costs less than merging or serializing it again.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  rule: Readonly<HttpStatusRule<Options, MessageIds>>,
): ESLintUtils.RuleModule<MessageIds, Options, HttpStatusRuleDocs> & { name: string } {
  // What typescript-eslint's `RuleCreator` makes, written here: its package has a `typescript` peer,
  // which would install TypeScript into JavaScript-only projects.
  const { meta, name, defaultOptions } = rule;
  const created = {
    meta: { ...meta, docs: { ...meta.docs, url: docsUrl(name) } },
    name,
    defaultOptions,
  };
  // ESLint 9.15+ merges `meta.defaultOptions` itself; other hosts (oxlint) may not, so merge here too.
  const defaults = (rule.meta.defaultOptions ?? rule.defaultOptions ?? []) as Readonly<Options>;
  /** Options seen so far: what the host passed, and the options the rule gets for it. */
  const seen: Array<{ given: readonly unknown[]; options: Options }> = [];
  const optionsFor = (given: readonly unknown[]): Options => {
    let entry = seen.find(
      (candidate) => candidate.given === given || sameJson(candidate.given, given),
    );
    if (!entry) {
      // ESLint 9.15+ has merged `meta.defaultOptions` already: use its options as they are.
      const options = hasEveryDefault(given, defaults)
        ? (given as unknown as Options)
        : applyDefault(defaults, given);
      if (seen.length >= MAX_CACHED_OPTIONS) seen.length = 0;
      seen.push((entry = { given, options }));
    }
    return entry.options;
  };
  return {
    ...created,
    create(context) {
      // Nothing is allocated for a file until it is checked: a rule's own setup runs only for files with an anchor.
      return {
        'Program:exit'(program) {
          const model = getHttpModel(context, program);
          if (!model.hasAnchor) return;
          let options: Options | undefined;
          rule.check(context, model, () => (options ??= optionsFor(context.options)));
        },
      };
    },
  };
}

/** Deep equality of JSON values (rule options are JSON: the schema validates them). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (
    typeof a !== 'object' ||
    typeof b !== 'object' ||
    a === null ||
    b === null ||
    Array.isArray(a) !== Array.isArray(b)
  )
    return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((value, index) => sameJson(value, other[index]));
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every(
    (key) =>
      Object.hasOwn(b, key) &&
      sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

/** Whether `options` sets every option `defaults` has: the host merged the defaults in. */
function hasEveryDefault(options: readonly unknown[], defaults: readonly unknown[]): boolean {
  return defaults.every((value, index) => {
    const given = options[index];
    if (given === undefined) return false;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return true;
    return (
      typeof given === 'object' && given !== null && Object.keys(value).every((key) => key in given)
    );
  });
}

/**
 * A rule's settings derived from its options, computed once per options object (see
 * `createRule`), not once per file.
 */
export function perOptions<O extends object, R>(derive: (options: O) => R): (options: O) => R {
  const cache = new WeakMap<O, R>();
  return (options) => {
    let result = cache.get(options);
    if (result === undefined && !cache.has(options)) {
      result = derive(options);
      cache.set(options, result);
    }
    return result as R;
  };
}
