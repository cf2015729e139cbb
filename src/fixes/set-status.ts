import type { TSESLint } from '@typescript-eslint/utils';

import type { Node } from '../analysis/core/ast';
import { isLoop } from '../analysis/core/ast';
import { AST_NODE_TYPES } from '../analysis/core/node-types';

/** Edits that send `status` instead of what the code sends. */
export type StatusFixer = (fixer: TSESLint.RuleFixer, status: number) => TSESLint.RuleFix[];

const STATEMENT_LISTS = new Set<string>([
  AST_NODE_TYPES.BlockStatement,
  AST_NODE_TYPES.Program,
  AST_NODE_TYPES.StaticBlock,
  AST_NODE_TYPES.SwitchCase,
]);

/**
 * Inserts a statement (`%s` stands for the status) before the statement that holds `node`:
 * on its own line in a block, or with braces around a lone `if` branch.
 */
export function insertStatement(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: Node,
  template: string,
): StatusFixer | undefined {
  let statement: Node = node;
  while (
    statement.parent &&
    statement.type !== AST_NODE_TYPES.ExpressionStatement &&
    statement.type !== AST_NODE_TYPES.ReturnStatement
  ) {
    if (
      statement.parent.type !== AST_NODE_TYPES.ExpressionStatement &&
      statement.parent.type !== AST_NODE_TYPES.AwaitExpression
    )
      return undefined;
    statement = statement.parent;
  }
  const parent = statement.parent;
  if (!parent) return undefined;
  const source = sourceCode;
  if (STATEMENT_LISTS.has(parent.type)) {
    const lineStart = source.text.lastIndexOf('\n', statement.range[0] - 1) + 1;
    const before = source.text.slice(lineStart, statement.range[0]);
    const separator = /^\s*$/.test(before) ? `\n${before}` : ' ';
    return (fixer, code) => [
      fixer.insertTextBefore(statement, `${template.replace('%s', String(code))}${separator}`),
    ];
  }
  if (
    parent.type === AST_NODE_TYPES.IfStatement ||
    parent.type === AST_NODE_TYPES.LabeledStatement ||
    isLoop(parent)
  ) {
    return (fixer, code) => [
      fixer.insertTextBefore(statement, `{ ${template.replace('%s', String(code))} `),
      fixer.insertTextAfter(statement, ' }'),
    ];
  }
  return undefined;
}
