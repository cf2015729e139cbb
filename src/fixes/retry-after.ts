/**
 * Text builders for fixes that make a retry wait what the server asked for, with the old delay
 * as the fallback. The autofix reads the seconds form of `Retry-After`
 * (`Number(h) * 1000 || D`: a missing header, an HTTP-date or garbage give `NaN`/`0`, so `D`);
 * the full form (`fullWaitText`) also parses an HTTP-date.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '../analysis/core/node-types';

import type { Node } from '../analysis/core/ast';
import { contains, isFunction, skipWrappers } from '../analysis/core/ast';
import type { DelayCallbackShape, HeaderStyle } from '../analysis/libraries/retry';

type SourceCode = Readonly<TSESLint.SourceCode>;

export type { DelayCallbackShape, HeaderStyle } from '../analysis/libraries/retry';

/** Where the headers are, from what the code holds at the delay. */
export interface HeaderSource {
  /** Source text of the expression holding the response or the error: `res`, `error`. */
  readonly holder: string;
  readonly style: HeaderStyle;
  /** The holder is an error whose `response` carries the headers (axios, got): `error.response?.headers[…]`. */
  readonly viaErrorResponse?: boolean;
  /** The holder may be null (fetch-retry's `response` after a network error): `response?.headers`. */
  readonly optional?: boolean;
}

/** `'` or `"`, as the file writes strings (single quotes when it has none). */
export function quoteOf(sourceCode: SourceCode): string {
  for (const token of sourceCode.ast.tokens) {
    if (token.type === 'String') {
      const first = token.value[0];
      if (first === '"' || first === "'") return first;
    }
  }
  return "'";
}

/** `res.headers.get('retry-after')`, `error.response?.headers['retry-after']`. */
export function headerReadText(
  source: HeaderSource,
  quote: string,
  header = 'retry-after',
): string {
  const name = `${quote}${header}${quote}`;
  let headers: string;
  if (source.viaErrorResponse)
    headers = `${source.holder}${source.optional ? '?.' : '.'}response?.headers`;
  else headers = `${source.holder}${source.optional ? '?.' : '.'}headers`;
  return source.style === 'get' ? `${headers}.get(${name})` : `${headers}[${name}]`;
}

/** `Number(<read>) * 1000 || <fallback>`: the seconds form, `fallback` when absent or not a number. */
export function secondsWaitText(read: string, fallback: string): string {
  return `Number(${read}) * 1000 || ${fallback}`;
}

/** Seconds or an HTTP-date, in milliseconds; `fallback` when absent, unparsable or already past. */
export function fullWaitText(read: string, fallback: string): string {
  return (
    '((value) => { const seconds = Number(value); return value && Number.isFinite(seconds) ' +
    `? seconds * 1000 : Math.max(0, Date.parse(String(value)) - Date.now()); })(${read}) || ${fallback}`
  );
}

/** Whether an expression must be wrapped in parentheses to be the right operand of `||`. */
export function needsParensAfterOr(node: Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.ConditionalExpression:
    case AST_NODE_TYPES.AssignmentExpression:
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.YieldExpression:
    case AST_NODE_TYPES.SequenceExpression:
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.FunctionExpression:
    case AST_NODE_TYPES.ClassExpression:
      return true;
    case AST_NODE_TYPES.LogicalExpression:
      return node.operator === '??';
    default:
      return false;
  }
}

/** The text of `node` as the right operand of `||`, wrapped when it must be (its own parentheses kept). */
export function fallbackText(sourceCode: SourceCode, node: Node): string {
  const parens = parenthesesOf(sourceCode, node);
  if (parens) return sourceCode.text.slice(parens[0], parens[1]);
  const text = sourceCode.getText(node);
  return needsParensAfterOr(node) ? `(${text})` : text;
}

/** The range of `node` with the parentheses written around it, when it has some. */
function parenthesesOf(sourceCode: SourceCode, node: Node): [number, number] | undefined {
  if (!ASTUtils.isParenthesized(node, sourceCode)) return undefined;
  const open = sourceCode.getTokenBefore(node);
  const close = sourceCode.getTokenAfter(node);
  return open && close ? [open.range[0], close.range[1]] : undefined;
}

/**
 * Makes the delay expression `node` wait the server's time first: inserts
 * `Number(<read>) * 1000 || ` before it (and parentheses around it when needed), keeping
 * its text and comments.
 */
export function fixDelay(
  fixer: TSESLint.RuleFixer,
  sourceCode: SourceCode,
  node: Node,
  read: string,
): TSESLint.RuleFix[] {
  const prefix = `Number(${read}) * 1000 || `;
  const parens = parenthesesOf(sourceCode, node);
  if (parens) return [fixer.insertTextBeforeRange(parens, prefix)];
  if (!needsParensAfterOr(node)) return [fixer.insertTextBefore(node, prefix)];
  return [fixer.insertTextBefore(node, `${prefix}(`), fixer.insertTextAfter(node, ')')];
}

/** Replaces the delay expression with the full form, keeping the old delay as fallback. */
export function fixDelayFullForm(
  fixer: TSESLint.RuleFixer,
  sourceCode: SourceCode,
  node: Node,
  read: string,
): TSESLint.RuleFix {
  const range = parenthesesOf(sourceCode, node) ?? node.range;
  return fixer.replaceTextRange(range, fullWaitText(read, fallbackText(sourceCode, node)));
}

/** Removes an object property with its comma, as if it had never been written. */
export function removeProperty(
  fixer: TSESLint.RuleFixer,
  sourceCode: SourceCode,
  property: Node,
): TSESLint.RuleFix {
  const after = sourceCode.getTokenAfter(property);
  if (after?.value === ',') {
    const next = sourceCode.getTokenAfter(after, { includeComments: true });
    const end = next && next.loc.start.line === after.loc.end.line ? next.range[0] : after.range[1];
    return fixer.removeRange([property.range[0], end]);
  }
  const before = sourceCode.getTokenBefore(property);
  if (before?.value === ',') return fixer.removeRange([before.range[0], property.range[1]]);
  return fixer.remove(property);
}

/**
 * A delay callback that reads the server's wait and falls back to the old delay `old`
 * (`default`: no delay was given, `defaultDelay` is the library's):
 * a number becomes `(…, response) => Number(…) * 1000 || old`; an arrow with an expression body
 * keeps its parameters and body; any other function is called as the fallback.
 * Undefined when the old value is neither a number-like expression nor a function we can call.
 */
export function delayCallbackText(
  sourceCode: SourceCode,
  old: Node,
  shape: DelayCallbackShape,
  quote: string,
  kind: 'number' | 'function' | 'default',
  defaultDelay = '0',
): string | undefined {
  const used = identifierNames(sourceCode, old);
  const inner = skipWrappers(old);
  if (kind === 'number' || kind === 'default') {
    const names = freshNames(
      shape.parameters,
      kind === 'default' ? new Set() : used,
      shape.parameters.length - 1,
    );
    const holder = names.at(-1)!;
    const read = headerReadText({ ...shape.source, holder }, quote);
    return `(${names.join(', ')}) => ${secondsWaitText(read, kind === 'default' ? defaultDelay : fallbackText(sourceCode, old))}`;
  }
  if (
    inner.type === AST_NODE_TYPES.ArrowFunctionExpression &&
    inner.body.type !== AST_NODE_TYPES.BlockStatement &&
    !inner.async &&
    !inner.returnType &&
    !inner.typeParameters &&
    inner.params.length <= shape.parameters.length &&
    inner.params.every((param) => param.type === AST_NODE_TYPES.Identifier) &&
    commentsOnlyIn(sourceCode, inner, [...inner.params, inner.body])
  ) {
    const params = inner.params.map((param) => sourceCode.getText(param));
    const names = freshNames(shape.parameters, used, shape.parameters.length - 1);
    for (let i = params.length; i < shape.parameters.length; i++) {
      params.push(i < shape.parameters.length - 1 ? `_${names[i]!.replace(/^_/, '')}` : names[i]!);
    }
    const holderParam = inner.params[shape.parameters.length - 1];
    const holder =
      holderParam?.type === AST_NODE_TYPES.Identifier ? holderParam.name : params.at(-1)!;
    const read = headerReadText({ ...shape.source, holder }, quote);
    return `(${params.join(', ')}) => ${secondsWaitText(read, fallbackText(sourceCode, inner.body))}`;
  }
  if (
    !isFunction(inner) &&
    inner.type !== AST_NODE_TYPES.Identifier &&
    inner.type !== AST_NODE_TYPES.MemberExpression
  )
    return undefined;
  const names = freshNames(shape.parameters, used, -1);
  const holder = names.at(-1)!;
  const read = headerReadText({ ...shape.source, holder }, quote);
  const callee = isFunction(inner) ? `(${sourceCode.getText(old)})` : sourceCode.getText(old);
  return `(${names.join(', ')}) => ${secondsWaitText(read, `${callee}(${names.join(', ')})`)}`;
}

/** Parameter names that do not shadow a name the old code uses; unused leading ones get `_`. */
function freshNames(
  defaults: readonly string[],
  used: ReadonlySet<string>,
  firstUsed: number,
): string[] {
  return defaults.map((name, index) => {
    let candidate = index < firstUsed ? `_${name}` : name;
    while (used.has(candidate)) candidate = `${candidate}_`;
    return candidate;
  });
}

function identifierNames(sourceCode: SourceCode, node: Node): Set<string> {
  const names = new Set<string>();
  for (const token of sourceCode.getTokens(node))
    if (token.type === 'Identifier') names.add(token.value);
  return names;
}

function commentsOnlyIn(sourceCode: SourceCode, outer: Node, parts: readonly Node[]): boolean {
  return sourceCode
    .getCommentsInside(outer)
    .every((comment) => parts.some((part) => contains(part, comment as unknown as Node)));
}
