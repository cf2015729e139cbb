/** Edits that add a statement before another. */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Node } from '../analysis/core/ast';
import { AST_NODE_TYPES } from '../analysis/core/node-types';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** Inserts a statement before another: on its own line, indented alike, when the other starts a line. */
export function insertStatementBefore(
  fixer: TSESLint.RuleFixer,
  sourceCode: SourceCode,
  statement: Node,
  text: string,
): TSESLint.RuleFix {
  const line = sourceCode.lines[statement.loc.start.line - 1] ?? '';
  const startsLine = line.slice(0, statement.loc.start.column).trim() === '';
  return fixer.insertTextBefore(
    statement,
    startsLine ? `${text}\n${indentOf(sourceCode, statement)}` : `${text} `,
  );
}

/** The whitespace that starts the line of `node`. */
export function indentOf(sourceCode: SourceCode, node: Node): string {
  const line = sourceCode.lines[node.loc.start.line - 1] ?? '';
  return /^\s*/.exec(line)![0];
}

/**
 * Inserts `text` before `statement` in its statement list, on a line of its own at the
 * statement's column; wraps both in a new block when the statement is not in a list
 * (`if (x) continue;`).
 */
export function insertStatementInList(
  fixer: TSESLint.RuleFixer,
  sourceCode: SourceCode,
  statement: TSESTree.Statement,
  text: string,
): TSESLint.RuleFix {
  const parent = statement.parent;
  if (
    parent?.type === AST_NODE_TYPES.BlockStatement ||
    parent?.type === AST_NODE_TYPES.SwitchCase
  ) {
    const indent = ' '.repeat(statement.loc.start.column);
    return fixer.insertTextBefore(statement, `${text}\n${indent}`);
  }
  return fixer.replaceText(statement, `{ ${text} ${sourceCode.getText(statement)} }`);
}

/** Removes a statement, with its line when it stands alone on it. */
export function removeStatement(
  fixer: TSESLint.RuleFixer,
  sourceCode: SourceCode,
  statement: Node,
): TSESLint.RuleFix {
  const text = sourceCode.text;
  const lineStart = text.lastIndexOf('\n', statement.range[0] - 1) + 1;
  const lineEnd = text.indexOf('\n', statement.range[1]);
  const end = lineEnd < 0 ? text.length : lineEnd;
  if (
    text.slice(lineStart, statement.range[0]).trim() === '' &&
    text.slice(statement.range[1], end).trim() === ''
  ) {
    return fixer.removeRange([lineStart, lineEnd < 0 ? end : lineEnd + 1]);
  }
  const next = sourceCode.getTokenAfter(statement, { includeComments: true });
  return fixer.removeRange([
    statement.range[0],
    next && next.loc.start.line === statement.loc.end.line ? next.range[0] : statement.range[1],
  ]);
}
