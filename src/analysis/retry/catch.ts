import type { TSESTree } from '@typescript-eslint/utils';
import type { HttpRequest, TrackedResponse } from '../client/requests';
import type { Node } from '../core/ast';
import { contains, enclosingFunction, itemsWithin } from '../core/ast';
import { AST_NODE_TYPES } from '../core/node-types';
import { StatusSet } from '../status/status-set';
import { StatusSubject } from '../status/subject';
import { narrow } from './conditions';
import type { RetryContext } from './context';
import { continueTarget, enclosingLoop } from './loop-nodes';
import { repeatsAfterBody, toLoopEnd } from './loops';
import { addPathSite } from './path-sites';
import { recursiveCalls, sameArguments, timerCallOf } from './recursion';
import { varies } from './same-request';
import { caughtBefore } from './throws';
import type { RetryCondition } from './types';

/** The `try` statements whose block holds a request or the call that brings a response. */
function tryStatementsAroundRequests(ctx: RetryContext): TSESTree.TryStatement[] {
  const statements = new Set<TSESTree.TryStatement>();
  const origins = [
    ...ctx.model.requests.map((r) => r.node),
    ...ctx.model.responses.map((r) => r.helperCall ?? r.request.node),
  ];
  for (const origin of origins) {
    let child: Node = origin;
    while (child.parent) {
      const parent: Node = child.parent;
      if (parent.type === AST_NODE_TYPES.TryStatement && parent.block === child)
        statements.add(parent);
      child = parent;
    }
  }
  return [...statements].sort((a, b) => a.range[0] - b.range[0]);
}

/** The responses whose request (or helper call) lies in `node`, in the model's order: a binary search, not a scan. */
export function responsesWithin(ctx: RetryContext, node: Node): TrackedResponse[] {
  const { responses } = ctx.model;
  ctx.responsesByPosition ??= responses
    .map((r, index) => ({ node: r.helperCall ?? r.request.node, index }))
    .sort((a, b) => a.node.range[0] - b.node.range[0]);
  return itemsWithin(ctx.responsesByPosition, (entry) => entry.node, node.range[0], node.range[1])
    .sort((a, b) => a.index - b.index)
    .map((entry) => responses[entry.index]!);
}

export function findCatchRetries(ctx: RetryContext): void {
  for (const statement of tryStatementsAroundRequests(ctx)) {
    if (!statement.handler) continue;
    const responses = responsesWithin(ctx, statement.block);
    const requests = [
      ...new Set(
        itemsWithin(
          ctx.model.requests,
          (r) => r.node,
          statement.block.range[0],
          statement.block.range[1],
        )
          .filter((r) => enclosingFunction(r.node) === enclosingFunction(statement))
          .concat(responses.map((r) => r.request)),
      ),
    ];
    if (requests.length === 0) continue;
    const origins = responses
      .map((r) => r.helperCall ?? r.request.node)
      .concat(requests.map((r) => r.node));
    addCatchSites(ctx, statement, requests, responses, origins);
  }
}

/**
 * The retries through the `catch` of `statement`: a `continue` or the end of the loop around it,
 * a recursive call that sends `origins` again; decided by the caught error's status, or else by
 * the throws in the `try` after one of `responses`. `wrapped`: for a request the file does not
 * show (work passed in, a client it does not create), its calls, carried by the sites, and whether
 * the loop or function goes round after it succeeds (a poll: going round after an error is part of it).
 */
export function addCatchSites(
  ctx: RetryContext,
  statement: TSESTree.TryStatement,
  requests: readonly HttpRequest[],
  responses: readonly TrackedResponse[],
  origins: readonly Node[],
  wrapped?: { calls: readonly TSESTree.CallExpression[]; polls: boolean },
): void {
  const handler = statement.handler;
  if (!handler) return;
  const parameter = handler.param;
  const variable =
    parameter?.type === AST_NODE_TYPES.Identifier ? ctx.file.variableOf(parameter) : null;
  // Without a parameter nothing in the catch reads a status.
  const errorSubject = variable
    ? ctx.model.subjectOfVariable(variable)
    : new StatusSubject(ctx.file);
  const points: Array<{
    node: Node;
    container: Node;
    fromCatch: { statuses: StatusSet; conditions: RetryCondition[] };
  }> = [];
  const loop = enclosingLoop(statement);
  // A poll's catch that goes round again after any error is part of the poll.
  if (
    loop &&
    !wrapped?.polls &&
    !origins.some((a) => varies(ctx, a, loop)) &&
    !repeatsAfterBody(ctx, responses, loop)
  ) {
    for (const c of ctx.file.nodesOfTypeIn(AST_NODE_TYPES.ContinueStatement, handler.body)) {
      if (contains(handler.body, c) && continueTarget(c) === loop)
        points.push({
          node: c,
          container: loop,
          fromCatch: narrow(ctx, c, errorSubject, handler),
        });
    }
    const end = toLoopEnd(ctx, handler.body, loop, errorSubject);
    if (end) points.push({ node: loop, container: loop, fromCatch: end });
  }
  const fn = enclosingFunction(statement);
  if (fn && !wrapped?.polls) {
    for (const call of recursiveCalls(ctx, fn)) {
      if (!contains(handler.body, call) || !origins.every((a) => sameArguments(ctx, a, fn, call)))
        continue;
      points.push({
        node: timerCallOf(call, fn) ?? call,
        container: fn,
        fromCatch: narrow(ctx, call, errorSubject, handler),
      });
    }
  }
  for (const point of points) {
    const { fromCatch } = point;
    if (fromCatch.conditions.length > 0) {
      addPathSite(
        ctx,
        'catch',
        requests,
        point.node,
        point.container,
        errorSubject,
        fromCatch.statuses,
        fromCatch.conditions,
        handler,
        undefined,
        wrapped ? { calls: wrapped.calls } : {},
      );
      continue;
    }
    // The catch does not read a status: the throws in the try that do.
    for (const thrown of ctx.file.nodesOfTypeIn(AST_NODE_TYPES.ThrowStatement, statement.block)) {
      if (
        !contains(statement.block, thrown) ||
        enclosingFunction(thrown) !== enclosingFunction(statement) ||
        caughtBefore(thrown, statement)
      )
        continue;
      for (const response of responses) {
        const origin = response.helperCall ?? response.request.node;
        if (origin.range[1] > thrown.range[0]) continue;
        const { statuses, conditions } = narrow(
          ctx,
          thrown,
          response.subject,
          statement.block,
          true,
        );
        addPathSite(
          ctx,
          'catch',
          requests,
          point.node,
          point.container,
          response.subject,
          statuses,
          conditions,
          origin,
          response,
          { thrownAt: thrown },
        );
      }
    }
  }
}
