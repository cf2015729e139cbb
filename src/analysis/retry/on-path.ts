/**
 * Where on a retry path something runs: whether a read of the server's wait (or a wait) can run
 * on the way to the retry, and where a wait can be inserted before it.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { Node } from '../core/ast';
import { contains, enclosingFunction, itemsWithin, skipWrappersUp } from '../core/ast';
import { AST_NODE_TYPES } from '../core/node-types';
import type { HttpModel } from '../model';
import { namedDelays } from './named-delays';
import type { ServerWaitReads } from './server-wait';
import type { RetryDelay, RetrySite } from './types';
import { retriedOrigins } from './wrapped-requests';
import { firstIndexFrom } from '../core/sorted';

/**
 * The statement before which a wait can go: the `continue`, or the statement of a recursive call
 * (`return retry(url)`) directly in an `async` function. Undefined for timers and loop ends.
 */
export function waitInsertionPoint(node: Node): TSESTree.Statement | undefined {
  let statement: Node | undefined = node;
  if (node.type !== AST_NODE_TYPES.ContinueStatement) {
    const top = skipWrappersUp(node);
    const parent =
      top.parent?.type === AST_NODE_TYPES.AwaitExpression
        ? skipWrappersUp(top.parent).parent
        : top.parent;
    statement =
      parent?.type === AST_NODE_TYPES.ReturnStatement ||
      parent?.type === AST_NODE_TYPES.ExpressionStatement
        ? parent
        : undefined;
  }
  if (
    !statement ||
    statement.type === AST_NODE_TYPES.ForStatement ||
    statement.type === AST_NODE_TYPES.WhileStatement
  )
    return undefined;
  const fn = enclosingFunction(statement);
  return fn?.async ? (statement as TSESTree.Statement) : undefined;
}

/** Whether something on the path to one of the targets reads the wait. */
export function readsOnPath(
  reads: ServerWaitReads,
  container: Node,
  targets: readonly Node[],
): boolean {
  const end = Math.max(
    ...targets.map((target) => (target === container ? container.range[1] : target.range[1])),
  );
  // The reads inside the container before the end, nearest first: in a ladder of n branches that
  // each read the wait, the branch's own read is found first, not after the n before it.
  const all = reads.reads;
  const low = firstIndexFrom(all.length, (k) => all[k]!.node.range[0], end);
  for (let k = low - 1; k >= 0 && all[k]!.node.range[0] >= container.range[0]; k--) {
    const read = all[k]!;
    if (contains(container, read.node) && onPathTo(read.node, targets, container)) return true;
  }
  return false;
}

/**
 * Whether `node` can run on the way to a target: no branch (`if`/`else`, `?:`, `case`, the right
 * of `&&`/`||`, a `catch`) that holds it leaves every target out.
 */
export function onPathTo(node: Node, targets: readonly Node[], container: Node): boolean {
  let child: Node = node;
  for (
    let parent: Node | undefined = node.parent;
    parent && child !== container;
    child = parent, parent = parent.parent
  ) {
    // The part of the code that runs only when the branch is taken.
    let branch: Node | undefined;
    switch (parent.type) {
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression:
        if (child !== parent.test) branch = child;
        break;
      case AST_NODE_TYPES.LogicalExpression:
        if (child === parent.right) branch = child;
        break;
      case AST_NODE_TYPES.SwitchCase:
        if (child !== parent.test) branch = parent;
        break;
      case AST_NODE_TYPES.CatchClause:
        if (child === parent.body) branch = child;
        break;
      default:
        break;
    }
    if (branch && !targets.some((target) => contains(branch, target) || contains(target, branch)))
      return false;
  }
  return true;
}

/** Where a retry path ends: the retry, and the throw a catch retry starts from. */
export function retryTargets(site: RetrySite): Node[] {
  return [site.node, ...(site.thrownAt ? [site.thrownAt] : [])];
}

/**
 * The wait on the way to a retry the code writes: one of the site's delays on the path, or else
 * a named wait (`await sleep(ms)`) between the request and the retry, on the path.
 */
export function delayOnPath(
  model: HttpModel,
  site: RetrySite,
): Pick<RetryDelay, 'node' | 'duration'> | undefined {
  const targets = retryTargets(site);
  const end = site.node === site.container ? site.container.range[1] : site.node.range[1];
  const start =
    retriedOrigins(site).find((origin) => contains(site.container, origin))?.range[1] ??
    site.container.range[0];
  return (
    site.delays.find((candidate) => onPathTo(candidate.node, targets, site.container)) ??
    itemsWithin(namedDelays(model), (candidate) => candidate.node, start, end).find(
      (candidate) =>
        contains(site.container, candidate.node) &&
        onPathTo(candidate.node, targets, site.container),
    )
  );
}

/**
 * Whether a library's retry of a throw (p-retry, async-retry, …) waits for the server: a read of
 * the wait on the path, a hook that reads it (`onFailedAttempt: (e) => sleep(e.retryAfter)`), or
 * a delay on the path whose duration reads it.
 */
export function libraryRetryReadsWait(site: RetrySite, reads: ServerWaitReads): boolean {
  if (readsOnPath(reads, site.container, [site.node])) return true;
  if (site.config?.options && reads.within(site.config.options)) return true;
  return site.delays.some(
    (delay) =>
      onPathTo(delay.node, [site.node], site.container) &&
      delay.kind !== 'library-option' &&
      delay.duration !== undefined &&
      reads.within(delay.duration),
  );
}
