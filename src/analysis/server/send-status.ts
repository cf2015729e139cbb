import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../core/node-types';

import type { FunctionNode, Node } from '../core/ast';
import { findProperty, isFunction, skipWrappers } from '../core/ast';
import { exitsAlways } from '../core/exits';
import type { AnalyzedFile } from '../core/file';
import { statementListOf } from '../core/paths';
import { resolveNumber } from '../core/static-values';
import type { ServerFramework } from '../libraries/frameworks';
import { insertStatusProperty } from '../../fixes/objects';
import type { ServerContext } from './context';
import type { SendStatus, Setter, StatusFixerFactory } from './types';

export const HTTP_STATUS_LIKE = (value: number | undefined): value is number =>
  value !== undefined && Number.isInteger(value) && value >= 100 && value <= 599;

export function constantOrUnknown(ctx: ServerContext, node: Node): SendStatus {
  const value = resolveNumber(ctx.file, node);
  return HTTP_STATUS_LIKE(value)
    ? { kind: 'constant', value, node: skipWrappers(node) }
    : { kind: 'unknown' };
}

/** A number literal, or a value that resolves to an HTTP status (100–599). */
export function isStatusNumber(ctx: ServerContext, node: Node): boolean {
  const inner = skipWrappers(node);
  if (inner.type === AST_NODE_TYPES.Literal) return typeof inner.value === 'number';
  return HTTP_STATUS_LIKE(resolveNumber(ctx.file, inner));
}

/** The status set on the response before the send (or after it, for Koa) on every path. */
export function statusFromSetters(
  ctx: ServerContext,
  send: Node,
  fn: FunctionNode,
  setters: readonly Setter[],
  framework: ServerFramework,
): SendStatus {
  let dominating: Setter | undefined;
  let after: Setter | undefined;
  const maybe: Setter[] = [];
  for (const setter of setters) {
    const relation = relationOf(ctx.file, setter.node, send, fn);
    if (relation === 'before') {
      if (!dominating || setter.node.range[0] > dominating.node.range[0]) dominating = setter;
    } else if (relation === 'maybe') {
      maybe.push(setter);
    } else if (framework.style === 'context-body' && relation === 'after') {
      if (!after || setter.node.range[0] > after.node.range[0]) after = setter;
    } else if (framework.style === 'context-body' && relation === 'after-maybe') {
      return { kind: 'unknown' };
    }
  }
  if (after) return after.value ? constantOrUnknown(ctx, after.value) : { kind: 'unknown' };
  if (maybe.some((setter) => !dominating || setter.node.range[0] > dominating.node.range[0]))
    return { kind: 'unknown' };
  if (dominating)
    return dominating.value ? constantOrUnknown(ctx, dominating.value) : { kind: 'unknown' };
  return { kind: 'default', value: framework.defaultStatus ?? 200 };
}

/** `{ status: 200, headers }` → the status and how to change it. */
export function initStatus(
  ctx: ServerContext,
  init: TSESTree.ObjectExpression,
): {
  status: SendStatus;
  fixerFor: StatusFixerFactory;
} {
  const property = findProperty(init, 'status');
  if (property) {
    // `{ status: 200, ...init }`: a later spread may override it.
    if (spreadAfter(init, property))
      return { status: { kind: 'unknown' }, fixerFor: () => undefined };
    const status = constantOrUnknown(ctx, property.value);
    return { status, fixerFor: () => undefined };
  }
  if (init.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement))
    return { status: { kind: 'unknown' }, fixerFor: () => undefined };
  return {
    status: { kind: 'default', value: 200 },
    fixerFor: () => (fixer, code) => [
      insertStatusProperty(ctx.file.sourceCode, fixer, init, 'status', code),
    ],
  };
}

/** Whether a spread follows a property in its object literal (and may override it). */
export function spreadAfter(
  object: TSESTree.ObjectExpression,
  property: TSESTree.Property,
): boolean {
  return object.properties.some(
    (p) => p.type === AST_NODE_TYPES.SpreadElement && p.range[0] > property.range[0],
  );
}

export type Relation = 'before' | 'after' | 'after-maybe' | 'exclusive' | 'maybe';

/**
 * How a status setter relates to a send in the same handler: it runs before it on every path
 * (`before`), never on the way to it (`exclusive`), after it on every path (`after`), or
 * perhaps (`maybe`, `after-maybe`). Exits are the path engine's (`core/exits.ts`): a call that
 * never returns (`fail(res)`) ends a statement list like `return`.
 */
export function relationOf(
  file: AnalyzedFile,
  setter: Node,
  send: Node,
  boundary: FunctionNode,
): Relation {
  const exitsIn = (statement: TSESTree.Statement): boolean => exitsAlways(file, statement);
  const sendAncestors = new Set<Node>();
  for (let node: Node | undefined = send; node; node = node.parent) {
    sendAncestors.add(node);
    if (node === boundary) break;
  }
  const isBefore = setter.range[0] < send.range[0];
  let exits = false;
  let crossesFunction = false;
  let direct = true;
  let child: Node = setter;
  let parent = setter.parent;
  for (; parent && !sendAncestors.has(parent); child = parent, parent = parent.parent) {
    if (isFunction(parent)) crossesFunction = true;
    const list = statementListOf(parent);
    if (list && list.slice(list.indexOf(child as TSESTree.Statement)).some(exitsIn)) exits = true;
    if (
      parent.type !== AST_NODE_TYPES.ExpressionStatement &&
      parent.type !== AST_NODE_TYPES.AwaitExpression &&
      parent.type !== AST_NODE_TYPES.ChainExpression &&
      !(parent.type === AST_NODE_TYPES.MemberExpression && parent.object === child) &&
      !(parent.type === AST_NODE_TYPES.CallExpression && parent.callee === child) &&
      !(parent.type === AST_NODE_TYPES.SequenceExpression)
    ) {
      direct = false;
    }
  }
  if (!parent) return 'maybe';
  if (crossesFunction) return isBefore ? 'maybe' : 'after-maybe';
  const sendSide = [...sendAncestors].find((node) => node.parent === parent);
  const list = statementListOf(parent);
  if (list && sendSide) {
    const setterIndex = list.indexOf(child as TSESTree.Statement);
    const sendIndex = list.indexOf(sendSide as TSESTree.Statement);
    if (setterIndex < 0 || sendIndex < 0) return isBefore ? 'maybe' : 'after-maybe';
    if (setterIndex < sendIndex) {
      if (direct) return 'before';
      return exits ? 'exclusive' : 'maybe';
    }
    if (list.slice(sendIndex, setterIndex).some(exitsIn)) return 'exclusive';
    return direct ? 'after' : exits ? 'exclusive' : 'after-maybe';
  }
  if (
    (parent.type === AST_NODE_TYPES.IfStatement ||
      parent.type === AST_NODE_TYPES.ConditionalExpression) &&
    child !== parent.test &&
    sendSide !== parent.test
  ) {
    return 'exclusive';
  }
  if (parent.type === AST_NODE_TYPES.SwitchStatement && isBefore && exits) return 'exclusive';
  return isBefore ? 'maybe' : 'after-maybe';
}
