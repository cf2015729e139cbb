/** Edits of array literals: status lists in retry options. */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { StatusSet } from '../analysis/status/status-set';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** Every status of a set, in order. */
export function statusNumbers(statuses: StatusSet): number[] {
  return statuses
    .ranges()
    .flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => from + i));
}

/** Appends the statuses to an array literal, after its last element (or its trailing comma). */
export function appendStatuses(
  fixer: TSESLint.RuleFixer,
  sourceCode: SourceCode,
  array: TSESTree.ArrayExpression,
  statuses: StatusSet,
): TSESLint.RuleFix {
  const list = statusNumbers(statuses).join(', ');
  const last = array.elements.at(-1);
  if (!last) return fixer.replaceText(array, `[${list}]`);
  const closing = sourceCode.getLastToken(array)!;
  const beforeClosing = sourceCode.getTokenBefore(closing)!;
  if (beforeClosing.value === ',') return fixer.insertTextAfter(beforeClosing, ` ${list}`);
  return fixer.insertTextAfter(last, `, ${list}`);
}
