import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../core/node-types';

import type { FunctionNode, Node } from '../core/ast';
import {
  functionVariables,
  memberName,
  propertyKeyName,
  skipWrappers,
  skipWrappersUp,
} from '../core/ast';
import type { HttpModel } from '../model';

/** Whether a call calls the given function through the variable it is declared in. */
export function callsFunction(
  model: HttpModel,
  call: TSESTree.CallExpression,
  fn: FunctionNode,
): boolean {
  const callee = skipWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = model.file.variableOf(callee);
  return variable != null && functionVariables(model.file.scopeManager, fn).includes(variable);
}

/**
 * Every call of a local function, when it is only ever called directly; undefined when it escapes.
 * With `inSight`, the direct calls in the file even when it escapes (exported, passed around).
 */
export function localCalls(
  model: HttpModel,
  fn: FunctionNode,
  inSight = false,
): TSESTree.CallExpression[] | undefined {
  const variables = functionVariables(model.file.scopeManager, fn);
  if (variables.length === 0) return privateMethodCalls(model, fn, inSight);
  if (isExported(fn) && !inSight) return undefined;
  const calls: TSESTree.CallExpression[] = [];
  for (const variable of variables) {
    for (const reference of variable.references) {
      if (reference.init || (reference.isWrite() && !reference.isRead())) continue;
      const top = skipWrappersUp(reference.identifier);
      const call = top.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== top) {
        if (inSight) continue;
        return undefined;
      }
      calls.push(call);
    }
  }
  return calls.length > 0 ? calls : undefined;
}

/**
 * Every call of a private method (`#send`, TypeScript `private send`, also as an arrow property)
 * within its class, when each use of it there is a direct call; undefined when it escapes
 * (`this.#send.bind(this)`, `this[name]`) or is not private.
 */
function privateMethodCalls(
  model: HttpModel,
  fn: FunctionNode,
  inSight = false,
): TSESTree.CallExpression[] | undefined {
  const member = skipWrappersUp(fn).parent;
  if (
    (member?.type !== AST_NODE_TYPES.MethodDefinition &&
      member?.type !== AST_NODE_TYPES.PropertyDefinition) ||
    member.value !== skipWrappersUp(fn)
  )
    return undefined;
  if (member.computed || member.parent.type !== AST_NODE_TYPES.ClassBody) return undefined;
  const isHashPrivate = member.key.type === AST_NODE_TYPES.PrivateIdentifier;
  if (!isHashPrivate && member.accessibility !== 'private' && !inSight) return undefined;
  const name = isHashPrivate
    ? (member.key as TSESTree.PrivateIdentifier).name
    : propertyKeyName(member);
  if (name === undefined) return undefined;
  const calls: TSESTree.CallExpression[] = [];
  for (const access of model.file.nodesOfTypeIn(AST_NODE_TYPES.MemberExpression, member.parent)) {
    // A TypeScript `private` member may also be read as `this[key]`.
    if (
      !inSight &&
      !isHashPrivate &&
      access.computed &&
      memberName(access) === undefined &&
      skipWrappers(access.object).type === AST_NODE_TYPES.ThisExpression
    )
      return undefined;
    const matches = isHashPrivate
      ? access.property.type === AST_NODE_TYPES.PrivateIdentifier && access.property.name === name
      : access.property.type !== AST_NODE_TYPES.PrivateIdentifier &&
        memberName(access) === name &&
        skipWrappers(access.object).type === AST_NODE_TYPES.ThisExpression;
    if (!matches) continue;
    const top = skipWrappersUp(access);
    const call = top.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== top) {
      if (inSight) continue;
      return undefined;
    }
    calls.push(call);
  }
  return calls.length > 0 ? calls : undefined;
}

function isExported(fn: FunctionNode): boolean {
  let node: Node | undefined = skipWrappersUp(fn).parent;
  if (node?.type === AST_NODE_TYPES.VariableDeclarator) node = node.parent?.parent;
  return (
    node?.type === AST_NODE_TYPES.ExportNamedDeclaration ||
    node?.type === AST_NODE_TYPES.ExportDefaultDeclaration
  );
}
