/** Edits of array literals: status lists in retry options. */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Node } from '../analysis/core/ast';
import type { StatusListEntry } from '../analysis/retry';
import { StatusSet } from '../analysis/status/status-set';

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

/**
 * Inserts statuses at the end of an array literal, keeping a trailing comma after them; into
 * the brackets of an empty one.
 */
export function insertStatuses(
  fixer: TSESLint.RuleFixer,
  sourceCode: SourceCode,
  array: TSESTree.ArrayExpression,
  statuses: StatusSet,
): TSESLint.RuleFix {
  const added = [...statuses].join(', ');
  const closing = sourceCode.getLastToken(array)!;
  // The token before `]` ends the last element, parentheses included, or is a trailing comma.
  const before = sourceCode.getTokenBefore(closing)!;
  if (array.elements.length === 0) return fixer.insertTextBefore(closing, added);
  return before.value === ','
    ? fixer.insertTextAfter(before, ` ${added},`)
    : fixer.insertTextAfter(before, `, ${added}`);
}

/** Removes an element, with its comma (and its line when it stands alone on it); null over a comment. */
export function removeElement(
  fixer: TSESLint.RuleFixer,
  sourceCode: SourceCode,
  array: TSESTree.ArrayExpression,
  element: Node,
): TSESLint.RuleFix | null {
  const elements = array.elements;
  const index = elements.indexOf(element as TSESTree.Expression);
  if (index < 0) return null;
  // The element with its parentheses: `(ok ? 200 : 500)`.
  let first = sourceCode.getFirstToken(element)!;
  let last = sourceCode.getLastToken(element)!;
  for (;;) {
    const before = sourceCode.getTokenBefore(first);
    const after = sourceCode.getTokenAfter(last);
    if (before?.value !== '(' || after?.value !== ')') break;
    first = before;
    last = after;
  }
  const previous = sourceCode.getTokenBefore(first)!;
  const next = sourceCode.getTokenAfter(last)!;
  const text = sourceCode.text;
  let range: [number, number];
  const lineStart = text.lastIndexOf('\n', first.range[0] - 1) + 1;
  const end = next.value === ',' ? next.range[1] : last.range[1];
  const lineEnd = text.indexOf('\n', end);
  if (
    lineEnd >= 0 &&
    elements.length > 1 &&
    text.slice(lineStart, first.range[0]).trim() === '' &&
    text.slice(end, lineEnd).trim() === ''
  ) {
    // Alone on its line (with its comma): remove the line.
    range = [lineStart, lineEnd + 1];
  } else if (next.value === ',' && index < elements.length - 1) {
    range = [first.range[0], sourceCode.getTokenAfter(next, { includeComments: true })!.range[0]];
  } else if (previous.value === ',') {
    range = [previous.range[0], last.range[1]];
  } else {
    range = [first.range[0], next.value === ',' ? next.range[1] : last.range[1]];
  }
  if (sourceCode.getAllComments().some((c) => c.range[0] < range[1] && c.range[1] > range[0]))
    return null;
  return fixer.removeRange(range);
}

/**
 * One fix for several elements of one array: each offending element is removed (a range
 * entry keeps the statuses that are not `bad`), as the element-by-element fixes would leave
 * it, written as one edit so that no host has to merge touching fixes.
 */
export function removeStatusEntries(
  fixer: TSESLint.RuleFixer,
  sourceCode: SourceCode,
  array: TSESTree.ArrayExpression,
  offenders: readonly StatusListEntry[],
  bad: StatusSet,
): TSESLint.RuleFix | null {
  const elements = array.elements as readonly Node[];
  const text = sourceCode.text;
  const edits: Array<{ range: [number, number]; text: string }> = [];
  const removed = new Set<number>();
  for (const entry of offenders) {
    const kept = entry.range ? entry.statuses.minus(bad) : StatusSet.EMPTY;
    if (kept.isEmpty) removed.add(elements.indexOf(entry.node));
    else {
      if (sourceCode.getCommentsInside(entry.node).length > 0) return null;
      edits.push({
        range: [entry.node.range[0], entry.node.range[1]],
        text: kept
          .ranges()
          .map(([low, high]) => `[${low}, ${high}]`)
          .join(', '),
      });
    }
  }
  // An element with its parentheses: `(ok ? 200 : 500)`.
  const bounds = (element: Node): [TSESLint.AST.Token, TSESLint.AST.Token] => {
    let first = sourceCode.getFirstToken(element)!;
    let last = sourceCode.getLastToken(element)!;
    for (;;) {
      const before = sourceCode.getTokenBefore(first);
      const after = sourceCode.getTokenAfter(last);
      if (before?.value !== '(' || after?.value !== ')') break;
      first = before;
      last = after;
    }
    return [first, last];
  };
  const aloneOnLine = (index: number): [number, number] | undefined => {
    const [first, last] = bounds(elements[index]!);
    const next = sourceCode.getTokenAfter(last)!;
    const lineStart = text.lastIndexOf('\n', first.range[0] - 1) + 1;
    const end = next.value === ',' ? next.range[1] : last.range[1];
    const lineEnd = text.indexOf('\n', end);
    return lineEnd >= 0 &&
      text.slice(lineStart, first.range[0]).trim() === '' &&
      text.slice(end, lineEnd).trim() === ''
      ? [lineStart, lineEnd + 1]
      : undefined;
  };
  const indices = [...removed].sort((a, b) => a - b);
  const lines = removed.size < elements.length ? indices.map(aloneOnLine) : [];
  if (lines.length > 0 && lines.every((range) => range !== undefined)) {
    // Each alone on its line (with its comma): remove the lines.
    for (const range of lines) edits.push({ range: range!, text: '' });
  } else {
    let lastKept = -1;
    for (let index = elements.length - 1; index >= 0; index--) {
      if (!removed.has(index)) {
        lastKept = index;
        break;
      }
    }
    for (const index of indices) {
      if (index > lastKept) break;
      // Up to the next element: the element, its comma and the space after it.
      const [first, last] = bounds(elements[index]!);
      const comma = sourceCode.getTokenAfter(last)!;
      edits.push({
        range: [
          first.range[0],
          sourceCode.getTokenAfter(comma, { includeComments: true })!.range[0],
        ],
        text: '',
      });
    }
    if (indices.at(-1)! > lastKept) {
      // The elements after the last one kept, with the comma before them (or every element).
      const [, last] = bounds(elements.at(-1)!);
      if (lastKept >= 0) {
        const comma = sourceCode.getTokenAfter(bounds(elements[lastKept]!)[1])!;
        edits.push({ range: [comma.range[0], last.range[1]], text: '' });
      } else {
        const after = sourceCode.getTokenAfter(last)!;
        edits.push({
          range: [
            bounds(elements[0]!)[0].range[0],
            after.value === ',' ? after.range[1] : last.range[1],
          ],
          text: '',
        });
      }
    }
  }
  edits.sort((a, b) => a.range[0] - b.range[0]);
  const start = edits[0]!.range[0];
  const end = edits.at(-1)!.range[1];
  if (
    sourceCode
      .getAllComments()
      .some(
        (c) =>
          c.range[0] < end &&
          c.range[1] > start &&
          edits.some((e) => e.text === '' && c.range[0] < e.range[1] && c.range[1] > e.range[0]),
      )
  )
    return null;
  let replacement = '';
  let at = start;
  for (const edit of edits) {
    replacement += text.slice(at, edit.range[0]) + edit.text;
    at = edit.range[1];
  }
  return fixer.replaceTextRange([start, end], replacement);
}

/** Replaces a `[low, high]` range element by the ranges of `kept` (removes it when none is kept). */
export function splitRange(
  fixer: TSESLint.RuleFixer,
  sourceCode: SourceCode,
  array: TSESTree.ArrayExpression,
  element: Node,
  kept: StatusSet,
): TSESLint.RuleFix | null {
  if (kept.isEmpty) return removeElement(fixer, sourceCode, array, element);
  if (sourceCode.getCommentsInside(element).length > 0) return null;
  return fixer.replaceText(
    element,
    kept
      .ranges()
      .map(([low, high]) => `[${low}, ${high}]`)
      .join(', '),
  );
}
