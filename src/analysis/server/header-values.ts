import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../core/node-types';

import type { Node } from '../core/ast';
import {
  contains,
  enclosingFunction,
  findProperty,
  literalString,
  memberName,
  skipWrappers,
  skipWrappersUp,
} from '../core/ast';
import type { AnalyzedFile } from '../core/file';
import { LIMITER_RESET_MS_MEMBERS } from '../libraries/headers';
import type { StatusResponse } from './headers';

/**
 * Values a required header can take from the code around a send: a rate limiter's reset for
 * `Retry-After`, the created resource's URL for `Location`.
 */

/**
 * `Math.ceil(rejRes.msBeforeNext / 1000)` when the handler reads a limiter's reset in
 * milliseconds from a value in scope at the send (rate-limiter-flexible's `RateLimiterRes`).
 */
export function limiterResetSeconds(
  file: AnalyzedFile,
  response: StatusResponse,
): { readonly seconds: string; readonly holder: string } | undefined {
  const fn = response.handler ?? enclosingFunction(response.node);
  if (!fn || !file.textIncludes(...LIMITER_RESET_MS_MEMBERS)) return undefined;
  for (const member of file.nodesOfTypeIn(AST_NODE_TYPES.MemberExpression, fn)) {
    const name = memberName(member);
    if (name === undefined || !LIMITER_RESET_MS_MEMBERS.includes(name) || member.computed) continue;
    const object = skipWrappers(member.object);
    if (object.type !== AST_NODE_TYPES.Identifier) continue;
    const variable = file.variableOf(object);
    const scope = variable?.scope;
    if (!scope || !contains(scope.block, response.node)) continue;
    // A binding declared after the send is not initialised there.
    if (variable.defs.some((def) => def.name.range[0] > response.node.range[0])) continue;
    return { seconds: `Math.ceil(${object.name}.${name} / 1000)`, holder: object.name };
  }
  return undefined;
}

/**
 * The URL of a resource a 201 created, as `/users/${user.id}`: the path the handler is
 * registered at (`app.post('/users', …)`, a literal with no parameters) and the id of the sent
 * body (`{ id: user.id, … }`, or a body whose `id` the handler reads).
 */
export function createdLocation(
  file: AnalyzedFile,
  response: StatusResponse,
): { readonly path: string; readonly id: string } | undefined {
  const handler = response.handler;
  const body = response.send?.body;
  if (!handler || !body) return undefined;
  const call = skipWrappersUp(handler).parent;
  if (
    call?.type !== AST_NODE_TYPES.CallExpression ||
    call.arguments.length < 2 ||
    memberName(skipWrappers(call.callee)) !== 'post'
  )
    return undefined;
  const path = literalString(call.arguments[0]!);
  if (path === undefined || !/^\/[\w\-/.]*$/.test(path)) return undefined;
  const id = idOf(file, skipWrappers(body), handler);
  return id === undefined ? undefined : { path: path.replace(/\/$/, ''), id };
}

function idOf(file: AnalyzedFile, body: Node, within: Node): string | undefined {
  if (body.type === AST_NODE_TYPES.ObjectExpression) {
    const property = findProperty(body, 'id') ?? findProperty(body, '_id');
    if (property && !property.computed && !hasSpreadAfter(body, property)) {
      const value = skipWrappers(property.value);
      if (isPlainReference(value)) return file.sourceCode.getText(value);
    }
    return undefined;
  }
  if (body.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = file.variableOf(body);
  for (const reference of variable?.references ?? []) {
    const member = skipWrappersUp(reference.identifier).parent;
    const name = member && memberName(member);
    if (
      member?.type === AST_NODE_TYPES.MemberExpression &&
      !member.computed &&
      !member.optional &&
      (name === 'id' || name === '_id') &&
      contains(within, member)
    )
      return `${body.name}.${name}`;
  }
  return undefined;
}

/** `id`, `user.id`, `result.insertedId`: a value with no call in it. */
function isPlainReference(node: Node): boolean {
  if (node.type === AST_NODE_TYPES.Identifier) return true;
  return (
    node.type === AST_NODE_TYPES.MemberExpression &&
    !node.computed &&
    !node.optional &&
    isPlainReference(skipWrappers(node.object))
  );
}

function hasSpreadAfter(object: TSESTree.ObjectExpression, property: TSESTree.Property): boolean {
  return object.properties.some(
    (p) => p.type === AST_NODE_TYPES.SpreadElement && p.range[0] > property.range[0],
  );
}
