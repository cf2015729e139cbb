import type { TSESLint } from '@typescript-eslint/utils';

/**
 * What an autofix must be able to show from the code (CONTRIBUTING.md, "Autofix or suggestion").
 * A rule lists the ones it could not show for an edit; any one turns the edit into a suggestion.
 */
export type FixCondition =
  /** Every binding the edit reads is initialised and non-null there, on every path. */
  | 'initialised'
  /** The branch does what it did, besides the status it retries or sends. */
  | 'branch-unchanged'
  /** The edit adds no TypeScript error (the new value fits where it goes). */
  | 'type-safe'
  /** The new value is not dereferenced where the old one was: the fix does not just move a crash. */
  | 'value-safe'
  /** The status or wait the edit writes is stated by the code, not guessed from context. */
  | 'stated'
  /** The edit adds nothing a rule every config runs reports (an unused expression, a constant condition). */
  | 'lint-clean'
  /** The framework whose form the edit writes comes from an import, a type or a traced app, not from how a handler uses its parameters. */
  | 'framework-known'
  /** The edit is at the code the report is about, not reached through a reference (a function passed by name, a bound method) other code may call too. */
  | 'unshared';

export interface FixOrSuggestion<MessageIds extends string> {
  readonly fix?: TSESLint.ReportFixFunction;
  readonly suggest: Array<TSESLint.SuggestionReportDescriptor<MessageIds>>;
}

/**
 * The report fields for one edit: an autofix when `unshown` is empty, else the same edit as a
 * suggestion, first of `others` (alternatives worth offering only when the edit is not certain).
 * Spread the result into `context.report`.
 */
export function fixOrSuggest<MessageIds extends string>(
  edit: TSESLint.ReportFixFunction,
  suggestion: { readonly messageId: MessageIds; readonly data?: Record<string, unknown> },
  unshown: ReadonlyArray<FixCondition | false | undefined>,
  others: ReadonlyArray<TSESLint.SuggestionReportDescriptor<MessageIds>> = [],
): FixOrSuggestion<MessageIds> {
  if (!unshown.some(Boolean)) return { fix: edit, suggest: [] };
  return { suggest: [{ ...suggestion, fix: edit }, ...others] };
}
