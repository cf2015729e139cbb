import type { TrackedResponse } from '../client/requests';
import type { Node } from '../core/ast';
import { contains, itemsWithin } from '../core/ast';
import { factsToEnd } from '../core/path-to-end';
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
  // `continue` statements after the request.
  for (const statement of ctx.file.nodesOfTypeIn(AST_NODE_TYPES.ContinueStatement, loop.body)) {
    if (
      statement.range[0] < origin.range[1] ||
      !contains(loop.body, statement) ||
      continueTarget(statement) !== loop
    )
      continue;
    if (insideCatchOf(statement, origin)) continue;
    const { statuses, conditions } = narrow(ctx, statement, subject, loop);
    if (poll && pollsOn(statuses)) continue;
    addPathSite(
      ctx,
      'loop',
      requests,
      statement,
      loop,
      subject,
      statuses,
      conditions,
      origin,
      response,
    );
  }
  // Falling to the end of the body, then the loop condition.
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
  return itemsWithin(
    ctx.model.bodyParses,
    (p) => p.node,
    loop.body.range[0],
    loop.body.range[1],
  ).some((parse) => {
    if (
      !requests.has(parse.request) ||
      enclosingLoop(parse.node) !== loop ||
      exitsAround(parse.node, loop)
    )
      return false;
    return (
      toLoopEnd(ctx, parse.node, loop, parse.response?.subject ?? responses[0]!.subject) !==
      undefined
    );
  });
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
