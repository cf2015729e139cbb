import type { TSESLint } from '@typescript-eslint/utils';

import type { Node } from '../analysis/core/ast';
import { skipWrappers, skipWrappersUp } from '../analysis/core/ast';
import type { AnalyzedFile } from '../analysis/core/file';
import { AST_NODE_TYPES, ASTUtils } from '../analysis/core/node-types';
import {
  dereferences,
  isDereferencedLater,
  nullFitsDeclaredType,
  parseValueAbsorbsNull,
} from '../analysis/core/value-use';
import { NO_CONTENT } from '../analysis/client/no-content';
import {
  STATUS_CODE,
  statusExpression,
  undestructuredStatus,
} from '../analysis/client/status-read';
import type { BodyParse } from '../analysis/client/types';
import type { FixCondition } from '../util/fix-or-suggest';

/** A guard that skips a body parse on a 204, and what the code does not show about it. */
export interface ParseGuard {
  readonly edit: TSESLint.ReportFixFunction;
  /** What the edit cannot show from the code (any one makes it a suggestion). */
  readonly unshown: FixCondition[];
  /** The guard wraps the statement (`if (res.status !== 204) …`), not the value. */
  readonly statement: boolean;
}

/** Parents in which a conditional expression needs no parentheses. */
const LOOSE_CONTEXTS = new Set<string>([
  AST_NODE_TYPES.VariableDeclarator,
  AST_NODE_TYPES.AssignmentExpression,
  AST_NODE_TYPES.AssignmentPattern,
  AST_NODE_TYPES.ReturnStatement,
  AST_NODE_TYPES.ExpressionStatement,
  AST_NODE_TYPES.Property,
  AST_NODE_TYPES.PropertyDefinition,
  AST_NODE_TYPES.ArrayExpression,
  AST_NODE_TYPES.CallExpression,
  AST_NODE_TYPES.NewExpression,
  AST_NODE_TYPES.TemplateLiteral,
  AST_NODE_TYPES.JSXExpressionContainer,
  AST_NODE_TYPES.SpreadElement,
  AST_NODE_TYPES.YieldExpression,
]);

/**
 * The expression a guard wraps: the parse with its `await` and type assertions. Undefined when the
 * value is used in a way that would throw on null instead (`(await res.json()).id`, `const { id } = …`).
 */
export function guardTarget(parse: BodyParse): Node | undefined {
  let target: Node = skipWrappersUp(parse.node);
  if (target.parent?.type === AST_NODE_TYPES.AwaitExpression)
    target = skipWrappersUp(target.parent);
  const parent = target.parent;
  return parent && !dereferences(parent, target) ? target : undefined;
}

/**
 * `await res.json()` → `res.status === 204 ? null : await res.json()`; `JSON.parse(text)` →
 * `JSON.parse(text || 'null')`; the statement `await res.json();`, whose value is unused, →
 * `if (res.status !== 204) await res.json();`. With what the edit cannot show from the code.
 */
export function parseGuard(
  sourceCode: Readonly<TSESLint.SourceCode>,
  file: AnalyzedFile,
  parse: BodyParse,
  isTypeScript: () => boolean,
): ParseGuard | undefined {
  if (parse.kind === 'json-parse-text') {
    const argument = parse.node.arguments[0];
    if (
      !argument ||
      argument.type === AST_NODE_TYPES.SpreadElement ||
      parse.node.arguments.length > 1
    )
      return undefined;
    const inner = skipWrappers(argument);
    const simple =
      ASTUtils.isParenthesized(argument, sourceCode) ||
      inner.type === AST_NODE_TYPES.Identifier ||
      inner.type === AST_NODE_TYPES.MemberExpression ||
      inner.type === AST_NODE_TYPES.CallExpression;
    const text = sourceCode.getText(argument);
    // `JSON.parse` returns `any` either way; only what is done with the null can break.
    const value = skipWrappersUp(parse.node);
    const used =
      value.parent != null &&
      (dereferences(value.parent, value) || isDereferencedLater(file, value));
    return {
      edit: (fixer) => fixer.replaceText(argument, `${simple ? text : `(${text})`} || 'null'`),
      unshown: used ? ['value-safe'] : [],
      statement: false,
    };
  }
  const target = guardTarget(parse);
  const status = target && statusExpression(file, parse);
  const addStatusTo = !status && target ? undestructuredStatus(file, parse) : undefined;
  if (!target || (!status && !addStatusTo)) return undefined;
  const parent = target.parent!;
  const statusText = status ?? STATUS_CODE;
  // undici: `const { body } = …` → `const { statusCode, body } = …`
  const withStatus = (fixer: TSESLint.RuleFixer, edit: TSESLint.RuleFix): TSESLint.RuleFix[] =>
    addStatusTo ? [fixer.insertTextBefore(addStatusTo, `${STATUS_CODE}, `), edit] : [edit];
  if (parent.type === AST_NODE_TYPES.ExpressionStatement) {
    // The value is unused: a ternary would be an unused expression. Its only effect on a 204 is the throw.
    const statementText = sourceCode.getText(parent);
    return {
      edit: (fixer) =>
        withStatus(
          fixer,
          fixer.replaceText(parent, `if (${statusText} !== ${NO_CONTENT}) ${statementText}`),
        ),
      unshown: ['lint-clean', parse.byReference && 'unshared'].filter(
        (c): c is FixCondition => c !== false && c !== undefined,
      ),
      statement: true,
    };
  }
  const guarded = `${statusText} === ${NO_CONTENT} ? null : ${sourceCode.getText(target)}`;
  const loose =
    ASTUtils.isParenthesized(target, sourceCode) ||
    (LOOSE_CONTEXTS.has(parent.type) &&
      !(parent.type === AST_NODE_TYPES.Property && parent.key === target));
  const typeSafe =
    !isTypeScript() ||
    parseValueAbsorbsNull(parse.node, target) ||
    nullFitsDeclaredType(file, target);
  return {
    edit: (fixer) => withStatus(fixer, fixer.replaceText(target, loose ? guarded : `(${guarded})`)),
    unshown: [
      !typeSafe && 'type-safe',
      isDereferencedLater(file, target) && 'value-safe',
      parse.byReference && 'unshared',
    ].filter((c): c is FixCondition => c !== false && c !== undefined),
    statement: false,
  };
}

/**
 * `ky.delete(u).json()` → `ky.delete(u).text().then((text) => (text ? JSON.parse(text) : null))`, where no
 * guard can be written. Only as a suggestion: ky's `.json()` also sets `Accept: application/json`.
 */
export function parseTextEdit(
  sourceCode: Readonly<TSESLint.SourceCode>,
  parse: BodyParse,
): TSESLint.ReportFixFunction | undefined {
  if (parse.kind !== 'json' || !guardTarget(parse)) return undefined;
  const callee = skipWrappers(parse.node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.optional || parse.node.optional)
    return undefined;
  const typeArguments = parse.node.typeArguments;
  const returnType =
    typeArguments?.params.length === 1
      ? `: ${sourceCode.getText(typeArguments.params[0])} | null`
      : '';
  const object = sourceCode.getText(callee.object);
  const objectText = ASTUtils.isParenthesized(callee.object, sourceCode) ? `(${object})` : object;
  const replacement = `${objectText}.text().then((text)${returnType} => (text ? JSON.parse(text) : null))`;
  return (fixer) => fixer.replaceText(parse.node, replacement);
}
