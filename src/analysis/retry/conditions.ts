import type { TSESTree } from '@typescript-eslint/utils';
import type { Node } from '../core/ast';
import { memberName, skipWrappers } from '../core/ast';
import { AST_NODE_TYPES } from '../core/node-types';
import type { HttpModel } from '../model';
import type { ConditionSets } from '../status/narrowing';
import { StatusSet } from '../status/status-set';
import { StatusSubject } from '../status/subject';
import type { RetryContext } from './context';
import type { NarrowedPath } from './condition-paths';
import { readPath } from './condition-paths';
import type { RetryCondition } from './types';

/**
 * The conditions of a path. Operands that only ask "is this an HTTP error with a response"
 * (`axios.isAxiosError(e)`, `e instanceof HTTPError`, `e.response`) are neutral:
 * `if (isAxiosError(e) && e.response?.status === 404) return;` lets everything but 404 through.
 * Other operands keep the shared narrowing's reading (`if (refreshed && status === 401) return`
 * says nothing about the statuses that go on).
 */
export function conditionsOf(
  ctx: RetryContext,
  constraints: ReadonlyArray<{ node: Node; allowed: StatusSet }>,
  subject: StatusSubject,
  throwing = false,
): RetryCondition[] {
  const result: RetryCondition[] = [];
  for (const { node, allowed } of constraints) {
    const condition = cachedCondition(ctx, node, allowed, subject, throwing);
    if (condition) result.push(condition);
  }
  return result;
}

/** Per context and subject, each constraint's condition (null: it narrows nothing), by `throwing`. */
const conditionCache = new WeakMap<
  RetryContext,
  Map<StatusSubject, Map<Node, Map<StatusSet, Array<RetryCondition | null>>>>
>();

/** A constraint's condition, read once per subject: an early exit of a ladder is a constraint of every site after it. */
function cachedCondition(
  ctx: RetryContext,
  node: Node,
  given: StatusSet,
  subject: StatusSubject,
  throwing: boolean,
): RetryCondition | null {
  let bySubject = conditionCache.get(ctx);
  if (!bySubject) conditionCache.set(ctx, (bySubject = new Map()));
  let byNode = bySubject.get(subject);
  if (!byNode) bySubject.set(subject, (byNode = new Map()));
  let byGiven = byNode.get(node);
  if (!byGiven) byNode.set(node, (byGiven = new Map()));
  let known = byGiven.get(given);
  if (!known) byGiven.set(given, (known = []));
  let condition = known[Number(throwing)];
  if (condition === undefined)
    known[Number(throwing)] = condition = conditionOf(ctx, node, given, subject, throwing);
  return condition;
}

function conditionOf(
  ctx: RetryContext,
  node: Node,
  given: StatusSet,
  subject: StatusSubject,
  throwing: boolean,
): RetryCondition | null {
  if (node.type === AST_NODE_TYPES.SwitchCase)
    return given.isAll ? null : { node, branch: 'case', allowed: given, sets: undefined };
  const shared = ctx.model.conditionSets(node, subject);
  // A throw on `!res.ok || data.error` goes to the retrying catch on every failure at least:
  // operands that do not read the status only add to it.
  const either =
    throwing &&
    skipWrappers(node).type === AST_NODE_TYPES.LogicalExpression &&
    (skipWrappers(node) as TSESTree.LogicalExpression).operator === '||';
  const sets =
    neutralConditionSets(
      ctx.model,
      node,
      subject,
      either ? undefined : (operand) => isErrorGuard(operand, subject),
    ) ?? shared;
  const branch =
    shared && given.equals(shared.whenFalse) && !given.equals(shared.whenTrue) ? 'false' : 'true';
  const allowed = sets ? (branch === 'true' ? sets.whenTrue : sets.whenFalse) : given;
  return allowed.isAll ? null : { node, branch, allowed, sets };
}

/** Statuses at `point` for `subject`, with the conditions that narrowed them (spelled out when read). */
export function narrow(
  ctx: RetryContext,
  point: Node,
  subject: StatusSubject,
  stopAt: Node,
  throwing = false,
): NarrowedPath {
  // Responses assigned to one variable share a subject: each `continue` is narrowed once for all.
  const cached = ctx.narrowed.get(point)?.get(subject)?.get(stopAt)?.[Number(throwing)];
  if (cached) return cached as NarrowedPath;
  const narrowing = ctx.model.statusesAt(point, subject, stopAt);
  const result = readPath(ctx, narrowing.path, subject, throwing, (node, given) =>
    cachedCondition(ctx, node, given, subject, throwing),
  );
  let bySubject = ctx.narrowed.get(point);
  if (!bySubject) ctx.narrowed.set(point, (bySubject = new Map()));
  let byStop = bySubject.get(subject);
  if (!byStop) bySubject.set(subject, (byStop = new Map()));
  let byThrowing = byStop.get(stopAt);
  if (!byThrowing) byStop.set(stopAt, (byThrowing = []));
  byThrowing[Number(throwing)] = result;
  return result;
}

/**
 * Condition sets where operands that do not test the subject are neutral: `isNetworkError(e) ||
 * e.status >= 500` holds for 5xx (not "for anything"), `tries < 3 && !res.ok` for non-2xx.
 */
export function neutralConditionSets(
  model: HttpModel,
  condition: Node,
  subject: StatusSubject,
  /** Which unknown operands are neutral; all of them when omitted. Others may hold for any status. */
  isNeutral?: (operand: Node) => boolean,
): ConditionSets | undefined {
  const node = skipWrappers(condition);
  if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!') {
    const inner = neutralConditionSets(model, node.argument, subject, isNeutral);
    return inner && { whenTrue: inner.whenFalse, whenFalse: inner.whenTrue };
  }
  if (node.type === AST_NODE_TYPES.LogicalExpression && node.operator !== '??') {
    const unknown = { whenTrue: StatusSet.ALL, whenFalse: StatusSet.ALL };
    let left = neutralConditionSets(model, node.left, subject, isNeutral);
    let right = neutralConditionSets(model, node.right, subject, isNeutral);
    if (!left && !right) return undefined;
    if (isNeutral) {
      left ??= isNeutral(node.left) ? undefined : unknown;
      right ??= isNeutral(node.right) ? undefined : unknown;
    }
    if (!left || !right) return left ?? right;
    if (node.operator === '&&') {
      return {
        whenTrue: left.whenTrue.intersect(right.whenTrue),
        whenFalse: left.whenFalse.union(right.whenFalse),
      };
    }
    return {
      whenTrue: left.whenTrue.union(right.whenTrue),
      whenFalse: left.whenFalse.intersect(right.whenFalse),
    };
  }
  return model.conditionSets(node, subject);
}

/** `axios.isAxiosError(e)`, `isHTTPError(e)`, `e instanceof HTTPError`, `e.response`, `!res`: only asks whether there is an HTTP error or response. */
function isErrorGuard(operand: Node, subject: StatusSubject): boolean {
  let node = skipWrappers(operand);
  while (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!')
    node = skipWrappers(node.argument);
  // `!res || res.status === 429`: whether there is a response at all says nothing of its status.
  if (node.type === AST_NODE_TYPES.Identifier) return subject.isHolder(node);
  if (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === 'instanceof')
    return subject.isHolder(node.left);
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const callee = skipWrappers(node.callee);
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : memberName(callee);
    return (
      name !== undefined &&
      /^is\w*Error$/.test(name) &&
      node.arguments[0] !== undefined &&
      subject.isHolder(node.arguments[0])
    );
  }
  return (
    node.type === AST_NODE_TYPES.MemberExpression &&
    memberName(node) === 'response' &&
    subject.isHolder(node.object)
  );
}
