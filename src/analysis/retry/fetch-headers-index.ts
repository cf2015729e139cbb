/**
 * `res.headers['retry-after']` on a fetch `Headers` object: a `Headers` has no such property, so
 * the read is always `undefined` and the code falls back every time. Only responses the analysis
 * knows to come from a fetch-family client (its `headerStyle` is `get`) count: axios, got and
 * node's headers are plain objects, read by index on purpose.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../core/node-types';

import type { Node } from '../core/ast';
import { memberName, skipWrappers, skipWrappersUp } from '../core/ast';
import type { HttpModel } from '../model';

/**
 * The member `X.headers[key]` whose computed key is `key`, when it reads (not writes) the headers
 * of a response the analysis knows to be a fetch `Response`.
 */
export function fetchHeadersIndexRead(
  model: HttpModel,
  key: Node,
): TSESTree.MemberExpression | undefined {
  const member = key.parent;
  if (
    member?.type !== AST_NODE_TYPES.MemberExpression ||
    !member.computed ||
    member.property !== key
  )
    return undefined;
  const headers = skipWrappers(member.object);
  if (memberName(headers) !== 'headers' || headers.type !== AST_NODE_TYPES.MemberExpression)
    return undefined;
  if (isWritten(member)) return undefined;
  const holder = skipWrappers(headers.object);
  const response = model.responses.find((candidate) => candidate.subject.isHolder(holder));
  return response?.request.client.headerStyle === 'get' ? member : undefined;
}

/** Whether a node is such a read, or its key: `res.headers['retry-after']`, `'retry-after'` in it. */
export function isFetchHeadersIndexRead(model: HttpModel, node: Node): boolean {
  if (node.type === AST_NODE_TYPES.MemberExpression)
    return node.computed && fetchHeadersIndexRead(model, node.property) !== undefined;
  return fetchHeadersIndexRead(model, node) !== undefined;
}

/** `x[k] = v`, `x[k]++`, `delete x[k]`, `[x[k]] = …`: not a read of what is there. */
function isWritten(member: TSESTree.MemberExpression): boolean {
  let top: Node = member;
  while (
    top.parent &&
    (top.parent.type === AST_NODE_TYPES.ChainExpression ||
      top.parent.type === AST_NODE_TYPES.TSNonNullExpression)
  )
    top = top.parent;
  const parent = top.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.left === top;
    case AST_NODE_TYPES.UpdateExpression:
      return true;
    case AST_NODE_TYPES.UnaryExpression:
      return parent.operator === 'delete';
    case AST_NODE_TYPES.ArrayPattern:
      return true;
    case AST_NODE_TYPES.AssignmentPattern:
      return (parent.left as Node) === top;
    case AST_NODE_TYPES.Property:
      return (parent.value as Node) === top && parent.parent.type === AST_NODE_TYPES.ObjectPattern;
    default:
      return false;
  }
}

/** `res.headers['retry-after'] === undefined`, `typeof h === 'undefined'` (directly or through a `const`). */
export function comparedWithUndefined(model: HttpModel, member: Node): boolean {
  const top = skipWrappersUp(member);
  if (isUndefinedTest(top)) return true;
  const declarator = top.parent;
  if (
    declarator?.type !== AST_NODE_TYPES.VariableDeclarator ||
    declarator.id.type !== AST_NODE_TYPES.Identifier
  )
    return false;
  const variable = model.file.variableOf(declarator.id);
  return !!variable?.references.some((reference) =>
    isUndefinedTest(skipWrappersUp(reference.identifier)),
  );
}

function isUndefinedTest(node: Node): boolean {
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'typeof') return true;
  if (parent?.type !== AST_NODE_TYPES.BinaryExpression || !['===', '!=='].includes(parent.operator))
    return false;
  const other = skipWrappers(parent.left === node ? parent.right : parent.left);
  return other.type === AST_NODE_TYPES.Identifier && other.name === 'undefined';
}
