import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../core/node-types';

import type { FunctionNode, Node } from '../core/ast';
import {
  constInitializer,
  functionVariables,
  memberName,
  propertyKeyName,
  skipWrappers,
  skipWrappersUp,
} from '../core/ast';
import type { AnalyzedFile } from '../core/file';
import type { HttpModel } from '../model';

/** How many classes up `super.name()` is looked for (`C extends B extends A`). */
const MAX_SUPER_DEPTH = 3;

/** Whether a call calls the given function through the variable it is declared in, or as `super.name()`. */
export function callsFunction(
  model: HttpModel,
  call: TSESTree.CallExpression,
  fn: FunctionNode,
): boolean {
  const callee = skipWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier) return superMethodOf(model.file, call) === fn;
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

// ---- super calls ------------------------------------------------------------------------

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/**
 * The `super.name(…)` calls in the file that call `fn`, a method of a class in the file (in a
 * subclass, or one further down that does not define `name` itself).
 */
export function superCallsOf(file: AnalyzedFile, fn: FunctionNode): TSESTree.CallExpression[] {
  const member = skipWrappersUp(fn).parent;
  if (
    member?.type !== AST_NODE_TYPES.MethodDefinition ||
    member.value !== fn ||
    member.kind !== 'method' ||
    !file.textIncludes('super')
  )
    return [];
  const calls: TSESTree.CallExpression[] = [];
  for (const node of file.nodesOfType(AST_NODE_TYPES.Super)) {
    const callee = skipWrappersUp(node).parent;
    if (callee?.type !== AST_NODE_TYPES.MemberExpression || callee.object !== node) continue;
    const call = skipWrappersUp(callee).parent;
    if (
      call?.type === AST_NODE_TYPES.CallExpression &&
      skipWrappers(call.callee) === callee &&
      superMethodOf(file, call) === fn
    )
      calls.push(call);
  }
  return calls;
}

/**
 * The method `super.name(…)` calls, when the class's base is a class in the file that (or whose
 * own base) defines it as a method; undefined for a base the code does not show.
 */
export function superMethodOf(
  file: AnalyzedFile,
  call: TSESTree.CallExpression,
): FunctionNode | undefined {
  const callee = skipWrappers(call.callee);
  if (
    callee.type !== AST_NODE_TYPES.MemberExpression ||
    callee.object.type !== AST_NODE_TYPES.Super
  )
    return undefined;
  const name = memberName(callee);
  const home = name === undefined ? undefined : homeOf(callee);
  if (!home) return undefined;
  let current: ClassNode | undefined = home.owner;
  for (let depth = 0; depth < MAX_SUPER_DEPTH && current; depth++) {
    const base: ClassNode | undefined = current.superClass
      ? classOf(file, current.superClass)
      : undefined;
    if (!base) return undefined;
    const named = base.body.body.filter(
      (element) =>
        (element.type === AST_NODE_TYPES.MethodDefinition ||
          element.type === AST_NODE_TYPES.TSAbstractMethodDefinition ||
          // An instance field is not on the prototype `super` reads; a static one is.
          (element.type === AST_NODE_TYPES.PropertyDefinition && element.static) ||
          element.type === AST_NODE_TYPES.TSAbstractPropertyDefinition) &&
        element.static === home.isStatic &&
        element.key.type !== AST_NODE_TYPES.PrivateIdentifier &&
        propertyKeyName(element as TSESTree.MethodDefinition) === name,
    );
    if (named.length > 0) {
      const method = named.find(
        (element): element is TSESTree.MethodDefinition =>
          element.type === AST_NODE_TYPES.MethodDefinition &&
          element.kind === 'method' &&
          element.value.type === AST_NODE_TYPES.FunctionExpression,
      );
      return method?.value as FunctionNode | undefined;
    }
    current = base;
  }
  return undefined;
}

/** The class whose methods `super` in a member expression belongs to, and whether it is in a static member. */
function homeOf(
  member: TSESTree.MemberExpression,
): { readonly owner: ClassNode; readonly isStatic: boolean } | undefined {
  for (let node: Node | undefined = member.parent; node; node = node.parent) {
    switch (node.type) {
      case AST_NODE_TYPES.ArrowFunctionExpression:
        continue;
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.FunctionDeclaration: {
        // Only a class method's own function: an object literal method has another home.
        const method = node.parent;
        return method?.type === AST_NODE_TYPES.MethodDefinition && method.value === node
          ? { owner: method.parent.parent as ClassNode, isStatic: method.static }
          : undefined;
      }
      case AST_NODE_TYPES.PropertyDefinition:
        return { owner: node.parent.parent as ClassNode, isStatic: node.static };
      case AST_NODE_TYPES.StaticBlock:
        return { owner: node.parent.parent as ClassNode, isStatic: true };
      case AST_NODE_TYPES.ClassBody:
      case AST_NODE_TYPES.Program:
        return undefined;
      default:
        continue;
    }
  }
  return undefined;
}

/** The class an `extends` clause names: a class declared in the file, or a `const` bound to one. */
function classOf(file: AnalyzedFile, node: Node): ClassNode | undefined {
  const inner = skipWrappers(node);
  if (inner.type === AST_NODE_TYPES.ClassExpression) return inner;
  if (inner.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = file.variableOf(inner);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type === 'ClassName' && def.node.type === AST_NODE_TYPES.ClassDeclaration)
    return def.node;
  const init = variable ? constInitializer(variable) : undefined;
  const value = init && skipWrappers(init);
  return value?.type === AST_NODE_TYPES.ClassExpression ? value : undefined;
}
