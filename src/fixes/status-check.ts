import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import type { Node, StatusCheckTarget } from '../analysis';
import { AST_NODE_TYPES } from '../analysis/core/node-types';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** Statement lists: a statement inserted before one of their items runs just before it. */
const STATEMENT_LISTS = new Set<string>([
  AST_NODE_TYPES.Program,
  AST_NODE_TYPES.BlockStatement,
  AST_NODE_TYPES.StaticBlock,
  AST_NODE_TYPES.SwitchCase,
]);

/** `if (!res.ok) throw new Error(`Request failed: ${res.status} ${res.statusText}`)`, without the `;`. */
export function statusCheckText(target: StatusCheckTarget): string {
  const subject = target.kind === 'response' ? target.name : undefined;
  const status = subject ? `${subject}.${target.statusProperty}` : target.name;
  const failed = subject && target.hasOk ? `!${subject}.ok` : `${status} < 200 || ${status} > 299`;
  const text = subject && target.statusText ? ` \${${subject}.${target.statusText}}` : '';
  return `if (${failed}) throw new Error(\`Request failed: \${${status}}${text}\`)`;
}

/**
 * Inserts the status check before the statement that holds `read` (or turns a concise arrow body
 * that holds it into a block). Undefined where no statement list holds it (a class field, the
 * body of an `if` without braces) or where `declared` (the binding the check reads) is set later.
 */
export function insertStatusCheck(
  sourceCode: SourceCode,
  read: Node,
  target: StatusCheckTarget,
  declaredAt: number,
): TSESLint.ReportFixFunction | undefined {
  const check = statusCheckText(target);
  for (
    let child: Node = read, parent = read.parent;
    parent;
    child = parent, parent = parent.parent
  ) {
    if (parent.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === child) {
      if (child.type === AST_NODE_TYPES.BlockStatement) return undefined;
      if (declaredAt > parent.range[0] && !isParameterOf(parent, declaredAt)) return undefined;
      const [start, end] = parenthesizedRange(sourceCode, child);
      const semi = usesSemicolons(sourceCode, parent) ? ';' : '';
      const body = sourceCode.text.slice(start, end);
      return (fixer) =>
        fixer.replaceTextRange([start, end], `{ ${check}${semi} return ${body}${semi} }`);
    }
    if (STATEMENT_LISTS.has(parent.type) && isStatement(child)) {
      if (declaredAt > child.range[0]) return undefined;
      const semi = usesSemicolons(sourceCode, child) ? ';' : '';
      const line = sourceCode.lines[child.loc.start.line - 1] ?? '';
      const before = line.slice(0, child.loc.start.column);
      const separator = /^\s*$/.test(before) ? `\n${before}` : ' ';
      return (fixer) => fixer.insertTextBefore(child, `${check}${semi}${separator}`);
    }
    // The body of an `if` or a loop without braces: the check would run on other paths too.
    if (isStatement(child)) return undefined;
    if (parent.type === AST_NODE_TYPES.SwitchCase && parent.test === child) return undefined;
    if (isFunctionLike(parent) || parent.type === AST_NODE_TYPES.PropertyDefinition)
      return undefined;
  }
  return undefined;
}

function isParameterOf(fn: TSESTree.ArrowFunctionExpression, position: number): boolean {
  return fn.params.some((param) => param.range[0] <= position && position <= param.range[1]);
}

function isStatement(node: Node): boolean {
  return /(?:Statement|Declaration)$/.test(node.type) && node.type !== 'TSModuleDeclaration';
}

function isFunctionLike(node: Node): boolean {
  return (
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.FunctionExpression
  );
}

/** The node's range with the parentheses around it. */
function parenthesizedRange(sourceCode: SourceCode, node: Node): [number, number] {
  let start = node.range[0];
  let end = node.range[1];
  for (;;) {
    const before = sourceCode.getTokenBefore({ range: [start, end] } as never);
    const after = sourceCode.getTokenAfter({ range: [start, end] } as never);
    if (before?.value !== '(' || after?.value !== ')') return [start, end];
    start = before.range[0];
    end = after.range[1];
  }
}

/** Whether the file ends statements with `;`: the statement, or the one around the arrow, does. */
function usesSemicolons(sourceCode: SourceCode, node: Node): boolean {
  for (let current: Node | undefined = node; current; current = current.parent) {
    if (
      current.type === AST_NODE_TYPES.ExpressionStatement ||
      current.type === AST_NODE_TYPES.VariableDeclaration ||
      current.type === AST_NODE_TYPES.ReturnStatement ||
      current.type === AST_NODE_TYPES.ThrowStatement
    ) {
      return sourceCode.getLastToken(current)?.value === ';';
    }
  }
  return true;
}
