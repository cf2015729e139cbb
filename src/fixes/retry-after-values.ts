/**
 * Edits that make a `Retry-After` value what it is: seconds converted to milliseconds for a wait,
 * a fetch `Headers` read with `.get()`, and a written value made delay-seconds or an IMF-fixdate.
 * Each keeps the code's own text (and parentheses) around what it changes.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '../analysis/core/node-types';

import type { Node } from '../analysis/core/ast';
import type { RetryAfterWriteEdit } from '../analysis/server/retry-after-writes';
import { fullWaitText } from './retry-after';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Fix = TSESLint.RuleFix | TSESLint.RuleFix[];

/** The range of `node` with the parentheses written around it. */
function outerRange(sourceCode: SourceCode, node: Node): [number, number] {
  if (!ASTUtils.isParenthesized(node, sourceCode)) return node.range;
  const open = sourceCode.getTokenBefore(node)!;
  const close = sourceCode.getTokenAfter(node)!;
  return [open.range[0], close.range[1]];
}

/** Whether `node` can be the left operand of `*` or `/`, or the object of a member, as written. */
function bindsTightly(sourceCode: SourceCode, node: Node, asObject: boolean): boolean {
  if (ASTUtils.isParenthesized(node, sourceCode)) return true;
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.MemberExpression:
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.ThisExpression:
      return !(asObject && node.type === AST_NODE_TYPES.Literal && typeof node.value === 'number');
    case AST_NODE_TYPES.NewExpression:
      // `new Date(x).toUTCString()` reads as meant; `new Date.toUTCString()` does not.
      return !asObject || sourceCode.getLastToken(node)?.value === ')';
    case AST_NODE_TYPES.UnaryExpression:
      return !asObject;
    case AST_NODE_TYPES.BinaryExpression:
      return !asObject && ['*', '/', '%', '**'].includes(node.operator);
    default:
      return false;
  }
}

/** `text` of `node` where it must bind tightly: wrapped in parentheses when it would not. */
function tightText(sourceCode: SourceCode, node: Node, asObject: boolean): string {
  const text = sourceCode.text.slice(...outerRange(sourceCode, node));
  return bindsTightly(sourceCode, node, asObject) ? text : `(${text})`;
}

/** `Number(h)` → `Number(h) * 1000`: the seconds made milliseconds where they are. */
export function scaleToMilliseconds(
  fixer: TSESLint.RuleFixer,
  sourceCode: SourceCode,
  seconds: Node,
): Fix {
  const range = outerRange(sourceCode, seconds);
  if (bindsTightly(sourceCode, seconds, false)) return fixer.insertTextAfterRange(range, ' * 1000');
  return [fixer.insertTextBeforeRange(range, '('), fixer.insertTextAfterRange(range, ') * 1000')];
}

/** The wait `node` replaced by one that reads `Retry-After` in either form (`read`), `fallback` without it. */
export function replaceWithFullForm(
  fixer: TSESLint.RuleFixer,
  sourceCode: SourceCode,
  node: Node,
  read: string,
  fallback: string,
): TSESLint.RuleFix {
  return fixer.replaceTextRange(outerRange(sourceCode, node), fullWaitText(read, fallback));
}

/** `res.headers['retry-after']` → `res.headers.get('retry-after')` (`?.[…]` → `?.get(…)`). */
export function readWithGet(
  fixer: TSESLint.RuleFixer,
  sourceCode: SourceCode,
  member: TSESTree.MemberExpression,
): TSESLint.RuleFix {
  const open = sourceCode.getTokenBefore(member.property, (token) => token.value === '[')!;
  const close = sourceCode.getTokenAfter(member.property, (token) => token.value === ']')!;
  const key = sourceCode.text.slice(open.range[1], close.range[0]).trim();
  const dot = member.optional ? '' : '.';
  return fixer.replaceTextRange([open.range[0], close.range[1]], `${dot}get(${key})`);
}

/** A written `Retry-After` value made delay-seconds or an IMF-fixdate. */
export function fixWrittenValue(
  fixer: TSESLint.RuleFixer,
  sourceCode: SourceCode,
  edit: RetryAfterWriteEdit,
): Fix {
  switch (edit.kind) {
    case 'rename-method':
      return fixer.replaceText(edit.method, 'toUTCString');
    case 'string-call':
      return fixer.replaceText(
        edit.call,
        `${tightText(sourceCode, edit.date, true)}.toUTCString()`,
      );
    case 'append-utc': {
      const range = outerRange(sourceCode, edit.date);
      if (bindsTightly(sourceCode, edit.date, true))
        return fixer.insertTextAfterRange(range, '.toUTCString()');
      return [
        fixer.insertTextBeforeRange(range, '('),
        fixer.insertTextAfterRange(range, ').toUTCString()'),
      ];
    }
    case 'ceil': {
      const range = outerRange(sourceCode, edit.division);
      return [
        fixer.insertTextBeforeRange(range, 'Math.ceil('),
        fixer.insertTextAfterRange(range, ')'),
      ];
    }
    case 'to-seconds': {
      const range = outerRange(sourceCode, edit.value);
      const tight = bindsTightly(sourceCode, edit.value, false);
      if (edit.rounded) {
        return tight
          ? fixer.insertTextAfterRange(range, ' / 1000')
          : [
              fixer.insertTextBeforeRange(range, '('),
              fixer.insertTextAfterRange(range, ') / 1000'),
            ];
      }
      return [
        fixer.insertTextBeforeRange(range, tight ? 'Math.ceil(' : 'Math.ceil(('),
        fixer.insertTextAfterRange(range, tight ? ' / 1000)' : ') / 1000)'),
      ];
    }
  }
}
