import type { BodyParse, HttpRequest, TrackedResponse } from '../client/requests';
import type { Node } from '../core/ast';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { contains, itemsWithin, skipWrappersUp } from '../core/ast';
import { factsToEnd, fallsToEnd } from '../core/path-to-end';
import type { PathDomain } from '../core/paths';
import { AST_NODE_TYPES } from '../core/node-types';
import { StatusSet } from '../status/status-set';
import { StatusSubject } from '../status/subject';
import { conditionsOf, narrow } from './conditions';
import type { RetryContext } from './context';
import type { Loop } from '../core/ast';
import { continueTarget, enclosingLoop, exitsAround, loopTest } from './loop-nodes';
import { addPathSite } from './path-sites';
import { varies } from './same-request';
import { insideCatchOf } from './throws';
import type { RetryCondition } from './types';
import { firstIndexFrom } from '../core/sorted';

const FAILURES = StatusSet.range(400, 599);

const SUCCESSES = StatusSet.range(200, 299);

/** In a poll, a path taken after a success or after any failure is the poll going round, not a retry. */
function pollsOn(statuses: StatusSet): boolean {
  return FAILURES.isSubsetOf(statuses) || !statuses.intersect(SUCCESSES).isEmpty;
}

export function loopSites(
  ctx: RetryContext,
  response: TrackedResponse,
  origin: Node,
  loop: Loop,
): void {
  if (varies(ctx, origin, loop)) return;
  const subject = response.subject;
  const requests = [response.request];
  const poll = repeatsAfterBody(ctx, [response], loop);
  const overwritten = overwrittenAt(ctx, response, origin, loop);
  // `continue` statements after the request, up to where another response takes its variable.
  for (const statement of ctx.file.nodesOfTypeIn(
    AST_NODE_TYPES.ContinueStatement,
    origin.range[1],
    overwritten ?? loop.body.range[1],
  )) {
    if (!contains(loop.body, statement) || continueTarget(statement) !== loop) continue;
    if (insideCatchOf(statement, origin)) continue;
    const narrowed = narrow(ctx, statement, subject, loop);
    if (poll && pollsOn(narrowed.statuses)) continue;
    addPathSite(
      ctx,
      'loop',
      requests,
      statement,
      loop,
      subject,
      narrowed.statuses,
      narrowed,
      origin,
      response,
    );
  }
  // Falling to the end of the body, then the loop condition.
  if (overwritten !== undefined) return;
  const end = toLoopEnd(ctx, origin, loop, subject);
  if (end && !(poll && pollsOn(end.statuses)))
    addPathSite(
      ctx,
      'loop',
      requests,
      loop,
      loop,
      subject,
      end.statuses,
      end.conditions,
      origin,
      response,
    );
}

/**
 * Where, after `origin`, a statement of the loop body assigns another response to the one
 * variable this response's status is read through (`res = await fetch(next)`): from there to the
 * end of the body the variable holds the other response, so a `continue` there, or the end of the
 * body, retries on that response's status (the other response's own sites). Undefined when the
 * variable is not overwritten so, or the status is also read through copies a write leaves alone.
 */
function overwrittenAt(
  ctx: RetryContext,
  response: TrackedResponse,
  origin: Node,
  loop: Loop,
): number | undefined {
  const subject = response.subject;
  if (
    subject.holderVariables.length !== 1 ||
    subject.statusVariables.length > 0 ||
    loop.body.type !== AST_NODE_TYPES.BlockStatement
  )
    return undefined;
  const writes = holderWrites(ctx, subject);
  const low = firstIndexFrom(writes.length, (k) => writes[k]!.range[0], origin.range[1]);
  for (let k = low; k < writes.length && writes[k]!.range[0] < loop.body.range[1]; k++)
    if (writes[k]!.parent === loop.body) return writes[k]!.range[0];
  return undefined;
}

/** Per subject with one holder variable, the statements `holder = <response>` (of its responses), in source order. */
const holderWritesBySubject = new WeakMap<
  RetryContext,
  Map<StatusSubject, readonly TSESTree.ExpressionStatement[]>
>();

function holderWrites(
  ctx: RetryContext,
  subject: StatusSubject,
): readonly TSESTree.ExpressionStatement[] {
  let bySubject = holderWritesBySubject.get(ctx);
  if (!bySubject) {
    bySubject = new Map();
    holderWritesBySubject.set(ctx, bySubject);
    const found = new Map<StatusSubject, TSESTree.ExpressionStatement[]>();
    for (const other of ctx.model.responses) {
      const holder = other.subject.holderVariables;
      if (holder.length !== 1) continue;
      const statement = holderWriteOf(ctx, other.helperCall ?? other.request.node, holder[0]!);
      if (!statement) continue;
      let list = found.get(other.subject);
      if (!list) found.set(other.subject, (list = []));
      list.push(statement);
    }
    for (const [key, list] of found)
      bySubject.set(
        key,
        list.sort((a, b) => a.range[0] - b.range[0]),
      );
  }
  return bySubject.get(subject) ?? [];
}

/** The statement `variable = await origin;` (or without `await`) that `origin` stands in. */
function holderWriteOf(
  ctx: RetryContext,
  origin: Node,
  variable: TSESLint.Scope.Variable,
): TSESTree.ExpressionStatement | undefined {
  let value: Node = skipWrappersUp(origin);
  if (value.parent?.type === AST_NODE_TYPES.AwaitExpression) value = skipWrappersUp(value.parent);
  const assignment = value.parent;
  if (
    assignment?.type !== AST_NODE_TYPES.AssignmentExpression ||
    assignment.operator !== '=' ||
    assignment.right !== value ||
    assignment.left.type !== AST_NODE_TYPES.Identifier ||
    assignment.parent.type !== AST_NODE_TYPES.ExpressionStatement ||
    ctx.file.variableOf(assignment.left) !== variable
  )
    return undefined;
  return assignment.parent;
}

/**
 * Whether the loop reads a response's body and goes round again: it polls for a state change
 * (`until (j.tier === 'premium')`). Going round after a success or any failure is then part of
 * the poll; only a path for particular failures (`status === 429`) is a retry.
 */
export function repeatsAfterBody(
  ctx: RetryContext,
  responses: readonly TrackedResponse[],
  loop: Loop,
): boolean {
  if (responses.length === 0) return false;
  const requests = new Set(responses.map((r) => r.request));
  const byRequest = parsesByRequest(ctx);
  return [...requests].some((request) =>
    itemsWithin(
      byRequest.get(request) ?? [],
      (p) => p.node,
      loop.body.range[0],
      loop.body.range[1],
    ).some(
      (parse) =>
        enclosingLoop(parse.node) === loop &&
        !exitsAround(parse.node, loop) &&
        // Whether `toLoopEnd` gives anything: its statuses do not matter here.
        fallsToEnd(ctx.file, parse.node, loop),
    ),
  );
}

/** Per context, the body parses of each request in source order (a loop of n requests asks for each). */
const parseIndexes = new WeakMap<RetryContext, Map<HttpRequest, BodyParse[]>>();

function parsesByRequest(ctx: RetryContext): Map<HttpRequest, BodyParse[]> {
  let index = parseIndexes.get(ctx);
  if (!index) {
    index = new Map();
    for (const parse of ctx.model.bodyParses) {
      let list = index.get(parse.request);
      if (!list) index.set(parse.request, (list = []));
      list.push(parse);
    }
    parseIndexes.set(ctx, index);
  }
  return index;
}

/**
 * The statuses with which execution falls from `start` to the end of the loop body and goes
 * round again; undefined when it cannot.
 */
export function toLoopEnd(
  ctx: RetryContext,
  start: Node,
  loop: Loop,
  subject: StatusSubject,
): { statuses: StatusSet; conditions: RetryCondition[] } | undefined {
  const narrowing = ctx.model.statusesAt(start, subject, loop);
  const statuses: PathDomain<StatusSet> = {
    factOf: (condition, outcome) => {
      const sets = ctx.model.conditionSets(condition, subject);
      return sets && (outcome ? sets.whenTrue : sets.whenFalse);
    },
  };
  const later = factsToEnd(ctx.model.file, start, loop, statuses);
  if (!later) return undefined;
  const constraints: Array<{ node: Node; allowed: StatusSet }> = [
    ...narrowing.constraints,
    ...later.map((step) => ({ node: step.node, allowed: step.fact })),
  ];
  const apply = (node: Node, allowed: StatusSet): void => {
    constraints.push({ node, allowed });
  };
  let child: Node = start;
  while (child.parent && child.parent !== loop) child = child.parent;
  if (child !== loop.body && !contains(loop.body, start)) return undefined;
  const test = loopTest(loop);
  if (test) {
    const sets = ctx.model.conditionSets(test, subject);
    if (sets && !constraints.some((c) => c.node === test)) apply(test, sets.whenTrue);
  }
  const conditions = conditionsOf(ctx, constraints, subject);
  return {
    statuses: conditions.reduce((all, c) => all.intersect(c.allowed), StatusSet.ALL),
    conditions,
  };
}
