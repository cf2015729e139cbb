import type { TSESTree } from '@typescript-eslint/utils';
import type { Node } from '../core/ast';
import { memberName, skipWrappers } from '../core/ast';
import { AST_NODE_TYPES } from '../core/node-types';
import type { HttpModel } from '../model';
import type { ConditionSets, NarrowingPath } from '../status/narrowing';
import { StatusSet } from '../status/status-set';
import { StatusSubject } from '../status/subject';
import type { RetryContext } from './context';
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

/** A path's retry conditions: their statuses and number at once, the conditions spelled out on first read. */
export interface NarrowedPath {
  readonly statuses: StatusSet;
  /** How many conditions narrow the path. */
  readonly count: number;
  /** A new array on each read. */
  readonly conditions: RetryCondition[];
}

/** Statuses at `point` for `subject`, with the conditions that narrowed them. */
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
  const result = readPath(ctx, narrowing.path, subject, throwing);
  let bySubject = ctx.narrowed.get(point);
  if (!bySubject) ctx.narrowed.set(point, (bySubject = new Map()));
  let byStop = bySubject.get(subject);
  if (!byStop) bySubject.set(subject, (byStop = new Map()));
  let byThrowing = byStop.get(stopAt);
  if (!byThrowing) byStop.set(stopAt, (byThrowing = []));
  byThrowing[Number(throwing)] = result;
  return result;
}

/*
 * The narrowing's path is a list shared by the points around each other (its levels, and in a
 * level each statement list's early exits as a count of shared steps): the n `continue`s of a
 * ladder of n exits share one list of steps. Its conditions, their statuses and their number are
 * read per shared part, once, so each point costs its own levels and the conditions are spelled
 * out only where a rule reads them.
 */

type PathPart = NarrowingPath['parts'][number];

/** What the conditions of a path from one level up give: their statuses, and how many there are. */
interface PathTotal {
  readonly statuses: StatusSet;
  readonly count: number;
}

/** Per shared list of steps, its conditions read so far and their running totals. */
interface StepsReading {
  readonly conditions: Array<RetryCondition | null>;
  /** `totals[k]`: the first k steps. */
  readonly totals: PathTotal[];
}

interface PathReadings {
  readonly levels: WeakMap<NarrowingPath, PathTotal>;
  readonly steps: WeakMap<ReadonlyArray<unknown>, StepsReading>;
}

/** Per context, subject and `throwing`, the totals of each path level and list of steps read. */
const pathReadings = new WeakMap<RetryContext, Map<StatusSubject, PathReadings[]>>();

function readingsOf(ctx: RetryContext, subject: StatusSubject, throwing: boolean): PathReadings {
  let bySubject = pathReadings.get(ctx);
  if (!bySubject) pathReadings.set(ctx, (bySubject = new Map()));
  let byThrowing = bySubject.get(subject);
  if (!byThrowing) bySubject.set(subject, (byThrowing = []));
  return (byThrowing[Number(throwing)] ??= { levels: new WeakMap(), steps: new WeakMap() });
}

const NO_CONDITIONS: PathTotal = { statuses: StatusSet.ALL, count: 0 };

function readPath(
  ctx: RetryContext,
  path: NarrowingPath,
  subject: StatusSubject,
  throwing: boolean,
): NarrowedPath {
  const readings = readingsOf(ctx, subject, throwing);
  const condition = (node: Node, given: StatusSet): RetryCondition | null =>
    cachedCondition(ctx, node, given, subject, throwing);
  // The levels not read yet, innermost first; then their totals from the outermost in.
  const unread: NarrowingPath[] = [];
  let total = NO_CONDITIONS;
  for (let level: NarrowingPath | undefined = path; level; level = level.next) {
    const known = readings.levels.get(level);
    if (known) {
      total = known;
      break;
    }
    unread.push(level);
  }
  for (let k = unread.length - 1; k >= 0; k--) {
    let statuses = total.statuses;
    let count = total.count;
    for (const part of unread[k]!.parts) {
      const own = partTotal(readings, part, condition);
      statuses = statuses.intersect(own.statuses);
      count += own.count;
    }
    total = { statuses, count };
    readings.levels.set(unread[k]!, total);
  }
  const { statuses, count } = total;
  return {
    statuses,
    count,
    get conditions(): RetryCondition[] {
      const result: RetryCondition[] = [];
      for (let level: NarrowingPath | undefined = path; level; level = level.next)
        for (const part of level.parts) {
          if (!('steps' in part)) {
            const found = condition(part.node, part.fact);
            if (found) result.push(found);
            continue;
          }
          const reading = stepsReading(readings, part, condition);
          for (let k = 0; k < part.count; k++) {
            const found = reading.conditions[k];
            if (found) result.push(found);
          }
        }
      return result;
    },
  };
}

function partTotal(
  readings: PathReadings,
  part: PathPart,
  condition: (node: Node, given: StatusSet) => RetryCondition | null,
): PathTotal {
  if (!('steps' in part)) {
    const found = condition(part.node, part.fact);
    return found ? { statuses: found.allowed, count: 1 } : NO_CONDITIONS;
  }
  return stepsReading(readings, part, condition).totals[part.count]!;
}

/** The conditions of a shared list of steps, read up to `part.count`. */
function stepsReading(
  readings: PathReadings,
  part: Extract<PathPart, { steps: unknown }>,
  condition: (node: Node, given: StatusSet) => RetryCondition | null,
): StepsReading {
  let reading = readings.steps.get(part.steps);
  if (!reading) {
    reading = { conditions: [], totals: [NO_CONDITIONS] };
    readings.steps.set(part.steps, reading);
  }
  for (let k = reading.conditions.length; k < part.count; k++) {
    const step = part.steps[k];
    const found = step ? condition(step.node, step.fact) : null;
    reading.conditions.push(found);
    const before = reading.totals[k]!;
    reading.totals.push(
      found
        ? { statuses: before.statuses.intersect(found.allowed), count: before.count + 1 }
        : before,
    );
  }
  return reading;
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
