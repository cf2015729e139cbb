/**
 * Edits that set a header on a server response in the form its send uses: a chained call
 * (`res.set('Allow', 'GET').status(405).end()`), a statement before an assignment send
 * (`ctx.set('Allow', 'GET');`), an entry of the response init or result object
 * (`{ status: 405, headers: { Allow: 'GET' } }`), Hono's headers argument, or the headers of
 * Node's `writeHead`.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../analysis/core/node-types';

import type { Node } from '../analysis/core/ast';
import {
  findProperty,
  literalString,
  memberName,
  skipWrappers,
  skipWrappersUp,
} from '../analysis/core/ast';
import type { AnalyzedFile } from '../analysis/core/file';
import { FRAMEWORK_HEADERS } from '../analysis/libraries/headers';
import type { StatusResponse } from '../analysis/server/headers';
import { quoteOf } from './retry-after';

type Fix = TSESLint.RuleFix;
type Fixer = TSESLint.RuleFixer;

/** A header to add: its name and the JavaScript expression of its value. */
export interface HeaderEntry {
  readonly name: string;
  readonly value: string;
}

/** A string literal in the file's quote style. */
export function stringCode(file: AnalyzedFile, value: string): string {
  const quote = quoteOf(file.sourceCode);
  return quote === '"'
    ? JSON.stringify(value)
    : `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** The edit that sets the header on the response before it is sent; undefined where the send has no such form. */
export function addHeaderEdit(
  file: AnalyzedFile,
  response: StatusResponse,
  header: HeaderEntry,
): ((fixer: Fixer) => Fix[]) | undefined {
  const forms = FRAMEWORK_HEADERS[response.framework.id] ?? {};
  const { node, send } = response;
  const key = /^[A-Za-z_$][\w$]*$/.test(header.name) ? header.name : stringCode(file, header.name);
  const entry = `${key}: ${header.value}`;
  const quoted = stringCode(file, header.name);
  // Node: once `writeHead` ran, the headers are sent; they go in its own argument.
  const statusCall = writeHeadOf(response);
  if (statusCall) return headersArgument(file, statusCall, 1, entry);
  if (send?.factory || node.type === AST_NODE_TYPES.ObjectExpression) {
    const init =
      node.type === AST_NODE_TYPES.ObjectExpression
        ? node
        : node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression
          ? node.arguments[1] && skipWrappers(node.arguments[1])
          : undefined;
    const key = forms.initKeys?.[0] ?? 'headers';
    // Remix `json(b, 405)`, React Router `data(b, 405)`: the status becomes an init.
    if (
      init &&
      send?.factory?.init === 'init-or-status' &&
      response.send?.status.kind === 'constant' &&
      response.send.status.node === init
    ) {
      const status = file.sourceCode.getText(init);
      return (fixer) => [fixer.replaceText(init, `{ status: ${status}, ${key}: { ${entry} } }`)];
    }
    if (init?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    return initEntry(file, init, key, entry);
  }
  if (node.type === AST_NODE_TYPES.CallExpression && forms.sendHeadersArgument !== undefined) {
    const init = node.arguments[1] && skipWrappers(node.arguments[1]);
    if (init?.type === AST_NODE_TYPES.ObjectExpression)
      return initEntry(file, init, forms.initKeys?.[0] ?? 'headers', entry);
    return headersArgument(file, node, forms.sendHeadersArgument, entry);
  }
  if (node.type === AST_NODE_TYPES.CallExpression && forms.chainMethod) {
    const callee = skipWrappers(node.callee);
    if (
      callee.type !== AST_NODE_TYPES.MemberExpression ||
      callee.computed ||
      callee.optional ||
      node.optional
    )
      return undefined;
    const dot = file.sourceCode.getTokenBefore(callee.property)!;
    const text = `.${forms.chainMethod}(${quoted}, ${header.value})`;
    return (fixer) => [fixer.insertTextBefore(dot, text)];
  }
  if (
    node.type === AST_NODE_TYPES.AssignmentExpression &&
    forms.statementMethod &&
    response.receiver
  ) {
    const statement = skipWrappersUp(node).parent;
    const list = statement?.parent;
    if (
      statement?.type !== AST_NODE_TYPES.ExpressionStatement ||
      (list?.type !== AST_NODE_TYPES.BlockStatement && list?.type !== AST_NODE_TYPES.SwitchCase)
    )
      return undefined;
    const text = `${response.receiver.name}.${forms.statementMethod}(${quoted}, ${header.value});`;
    return (fixer) => [
      fixer.insertTextBefore(statement, `${text}${separatorBefore(file, statement)}`),
    ];
  }
  return undefined;
}

/** `res.writeHead(405)` that set the status of this send (or is the send). */
function writeHeadOf(response: StatusResponse): TSESTree.CallExpression | undefined {
  const statusNode =
    response.send?.status.kind === 'constant' ? response.send.status.node : undefined;
  const candidates: Node[] = [response.node];
  if (statusNode) candidates.push(skipWrappersUp(statusNode).parent!);
  for (const candidate of candidates) {
    if (
      candidate?.type === AST_NODE_TYPES.CallExpression &&
      memberName(skipWrappers(candidate.callee)) === 'writeHead'
    )
      return candidate;
  }
  return undefined;
}

/** Adds the entry to the call's headers argument, or adds that argument after the ones before it. */
function headersArgument(
  file: AnalyzedFile,
  call: TSESTree.CallExpression,
  index: number,
  entry: string,
): ((fixer: Fixer) => Fix[]) | undefined {
  let at = index;
  // `writeHead(405, 'Method Not Allowed', headers)`
  if (
    memberName(skipWrappers(call.callee)) === 'writeHead' &&
    call.arguments[1] &&
    literalString(call.arguments[1]) !== undefined
  )
    at = 2;
  const existing = call.arguments[at];
  if (existing) {
    const inner = skipWrappers(existing);
    return inner.type === AST_NODE_TYPES.ObjectExpression
      ? objectEntry(file, inner, entry)
      : undefined;
  }
  const last = call.arguments[at - 1];
  if (!last || call.arguments.length !== at) return undefined;
  return (fixer) => [fixer.insertTextAfter(last, `, { ${entry} }`)];
}

/** `{ status: 405 }` → `{ status: 405, headers: { Allow: … } }`; into `headers: {…}` or `new Headers({…})` when there. */
function initEntry(
  file: AnalyzedFile,
  init: TSESTree.ObjectExpression,
  key: string,
  entry: string,
): ((fixer: Fixer) => Fix[]) | undefined {
  const property = findProperty(init, key);
  if (!property) {
    if (init.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement)) return undefined;
    return objectEntry(file, init, `${key}: { ${entry} }`);
  }
  let value = skipWrappers(property.value);
  if (
    value.type === AST_NODE_TYPES.NewExpression &&
    value.arguments.length === 1 &&
    skipWrappers(value.arguments[0]!).type === AST_NODE_TYPES.ObjectExpression
  )
    value = skipWrappers(value.arguments[0]!);
  return value.type === AST_NODE_TYPES.ObjectExpression
    ? objectEntry(file, value, entry)
    : undefined;
}

/** Adds `entry` as the object's last property, on its own line when the object is written that way. */
function objectEntry(
  file: AnalyzedFile,
  object: TSESTree.ObjectExpression,
  entry: string,
): (fixer: Fixer) => Fix[] {
  const source = file.sourceCode;
  const last = object.properties[object.properties.length - 1];
  if (!last) return (fixer) => [fixer.replaceText(object, `{ ${entry} }`)];
  const after = source.getTokenAfter(last)!;
  const comma = after.value === ',';
  const anchor = comma ? after : last;
  const lineStart = source.text.lastIndexOf('\n', last.range[0] - 1) + 1;
  const indent = source.text.slice(lineStart, last.range[0]);
  const separator =
    /^\s*$/.test(indent) && source.text.slice(object.range[0], last.range[0]).includes('\n')
      ? `\n${indent}`
      : ' ';
  const text = comma ? `${separator}${entry},` : `,${separator}${entry}`;
  return (fixer) => [fixer.insertTextAfter(anchor, text)];
}

/** What goes between an inserted statement and the one it precedes: a new line at its indent. */
function separatorBefore(file: AnalyzedFile, statement: Node): string {
  const text = file.sourceCode.text;
  const lineStart = text.lastIndexOf('\n', statement.range[0] - 1) + 1;
  const before = text.slice(lineStart, statement.range[0]);
  return /^\s*$/.test(before) ? `\n${before}` : ' ';
}

/**
 * A module-level constant the value can name (`RETRY_AFTER_SECONDS`): the edit that declares it
 * after the imports and directives, or none when the module declares it already. Undefined when
 * the name is taken by another binding where the send is.
 */
export function moduleConstant(
  file: AnalyzedFile,
  at: Node,
  name: string,
  declaration: string,
): { declare: ((fixer: Fixer) => Fix[]) | undefined } | undefined {
  for (let scope: TSESLint.Scope.Scope | null = file.scopeOf(at); scope; scope = scope.upper) {
    if (scope.set.has(name))
      return scope.type === 'module' || scope.type === 'global'
        ? { declare: undefined }
        : undefined;
  }
  if (
    file.scopeManager.globalScope?.through.some((reference) => reference.identifier.name === name)
  )
    return undefined;
  const statements = file.sourceCode.ast.body;
  const first = statements.find(
    (statement) =>
      statement.type !== AST_NODE_TYPES.ImportDeclaration &&
      !(statement.type === AST_NODE_TYPES.ExpressionStatement && statement.directive),
  );
  if (!first) return undefined;
  return {
    declare: (fixer) => [
      fixer.insertTextBefore(
        first,
        `${declaration}\n${separatorBefore(file, first).replace(/^\n/, '')}`,
      ),
    ],
  };
}
