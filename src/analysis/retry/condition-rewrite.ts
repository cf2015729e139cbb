/**
 * Rewriting the condition that decides a retry so that it no longer holds for some statuses:
 * which part of the condition tests the status, how the code reads the status, the new test's
 * text, and whether the edit leaves working code working (then it is an autofix).
 */
import type { TSESLint } from '@typescript-eslint/utils';
import type { Node } from '../core/ast';
import { contains, isFunction, skipWrappers, skipWrappersUp } from '../core/ast';
import { AST_NODE_TYPES } from '../core/node-types';
import type { HttpModel } from '../model';
import { StatusSet } from '../status/status-set';
import type { StatusSubject } from '../status/subject';
import { neutralConditionSets } from './conditions';
import type { RetryCondition, RetrySite } from './types';

type SourceCode = Readonly<TSESLint.SourceCode>;

const ERRORS = StatusSet.range(400, 599);
const SUCCESSES = StatusSet.ofClass(2);

/** An edit of a retry condition: `node` replaced by `text`, or removed (a statement) when there is no text. */
export interface ConditionEdit {
  readonly node: Node;
  readonly text: string | undefined;
  /** Working code keeps working: the branch only retries and what it drops already took the path after it. */
  readonly safe: boolean;
  /** `retry-only`: the status test rewritten or an operand dropped; `remove-retry`: the retrying `if` goes. */
  readonly kind: 'retry-only' | 'remove-retry';
}

/** `s === 429 || s >= 500`: the statuses of `set` in 400–599 as a condition on `s`. */
export function statusCondition(status: string, set: StatusSet): string {
  const errors = set.intersect(ERRORS);
  const target = errors.isEmpty ? set : errors;
  const terms = target.ranges().flatMap(([low, high]) => {
    if (high === 599 && low < 599) return [`${status} >= ${low}`];
    // Short runs read better as equalities: `s === 502 || s === 503`.
    if (high - low < 3)
      return Array.from({ length: high - low + 1 }, (_, i) => `${status} === ${low + i}`);
    const upper = (high + 1) % 100 === 0 ? `${status} < ${high + 1}` : `${status} <= ${high}`;
    return [`${status} >= ${low} && ${upper}`];
  });
  if (terms.length === 0) return 'false';
  return terms.length === 1
    ? terms[0]!
    : terms.map((t) => (t.includes('&&') ? `(${t})` : t)).join(' || ');
}

/** `s >= 400 && s < 500 && s !== 429`: a non-retryable client error. */
export function clientErrorCondition(status: string, retryable: readonly number[]): string {
  return [
    `${status} >= 400`,
    `${status} < 500`,
    ...retryable.map((r) => `${status} !== ${r}`),
  ].join(' && ');
}

/** The first node in `node` (itself included, depth first) that `visit` accepts. */
function findNode(
  sourceCode: SourceCode,
  node: Node,
  visit: (node: Node) => boolean,
): Node | undefined {
  if (visit(node)) return node;
  const keys =
    (sourceCode.visitorKeys as Record<string, readonly string[] | undefined>)[node.type] ?? [];
  for (const key of keys) {
    const child = (node as unknown as Record<string, unknown>)[key];
    for (const item of Array.isArray(child) ? child : [child]) {
      if (item && typeof (item as Node).type === 'string') {
        const found = findNode(sourceCode, item as Node, visit);
        if (found) return found;
      }
    }
  }
  return undefined;
}

/** How the code reads the subject's status: `res.status`, `error.response?.status`, `status`. */
export function statusText(
  model: HttpModel,
  subject: StatusSubject,
  within: readonly Node[],
  statusProperty: string,
): string | undefined {
  for (const root of within) {
    const read = findNode(
      model.file.sourceCode,
      root,
      (n) => subject.isStatus(n) && !isFunction(n),
    );
    if (read) return model.file.sourceCode.getText(read);
  }
  for (const root of within) {
    const ok = findNode(model.file.sourceCode, root, (n) => subject.isOk(n));
    const inner = ok && skipWrappers(ok);
    if (inner?.type === AST_NODE_TYPES.MemberExpression) {
      return `${model.file.sourceCode.getText(inner.object)}${inner.optional ? '?.' : '.'}${statusProperty}`;
    }
  }
  const holder = subject.holderVariables[0];
  return holder ? `${holder.name}.${statusProperty}` : undefined;
}

/** A condition made only of tests of the subject's status (no other operand). */
function isPureStatusTest(model: HttpModel, node: Node, subject: StatusSubject): boolean {
  const inner = skipWrappers(node);
  if (inner.type === AST_NODE_TYPES.UnaryExpression && inner.operator === '!')
    return isPureStatusTest(model, inner.argument, subject);
  if (inner.type === AST_NODE_TYPES.LogicalExpression) {
    return (
      inner.operator !== '??' &&
      isPureStatusTest(model, inner.left, subject) &&
      isPureStatusTest(model, inner.right, subject)
    );
  }
  if (!model.conditionSets(inner, subject)) return false;
  return (
    findNode(model.file.sourceCode, inner, (n) => subject.isStatus(n) || subject.isOk(n)) !==
    undefined
  );
}

/** The part of a condition to rewrite so that it no longer holds for `bad`. */
export function rewriteTarget(
  model: HttpModel,
  node: Node,
  subject: StatusSubject,
  bad: StatusSet,
): Node | undefined {
  const inner = skipWrappers(node);
  const sets = neutralConditionSets(model, inner, subject);
  if (!sets || !sets.whenTrue.intersects(bad)) return undefined;
  // `err.response?.status && err.response.status >= 400`: the presence test stays, it guards
  // the reads after it (at run time, and for TypeScript, which rejects `undefined >= 400`).
  if (
    inner.type === AST_NODE_TYPES.LogicalExpression &&
    inner.operator !== '??' &&
    isPresenceTest(inner.left, subject)
  )
    return rewriteTarget(model, inner.right, subject, bad);
  if (isPureStatusTest(model, inner, subject)) return node;
  if (inner.type !== AST_NODE_TYPES.LogicalExpression || inner.operator === '??') return undefined;
  const left = neutralConditionSets(model, inner.left, subject);
  const right = neutralConditionSets(model, inner.right, subject);
  if (inner.operator === '||' && left && right) return undefined;
  if (inner.operator === '&&' && left && right)
    return (
      rewriteTarget(model, inner.left, subject, bad) ??
      rewriteTarget(model, inner.right, subject, bad)
    );
  return left
    ? rewriteTarget(model, inner.left, subject, bad)
    : rewriteTarget(model, inner.right, subject, bad);
}

/** The status itself, or its negation, as a condition: `res.status`, `!err.response?.status`. */
function isPresenceTest(node: Node, subject: StatusSubject): boolean {
  const inner = skipWrappers(node);
  if (inner.type === AST_NODE_TYPES.UnaryExpression && inner.operator === '!')
    return isPresenceTest(inner.argument, subject);
  return subject.isStatus(inner);
}

function needsParentheses(node: Node, text: string): boolean {
  if (!text.includes('||')) return false;
  const parent = node.parent;
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.LogicalExpression:
      return parent.operator !== '||';
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
    case AST_NODE_TYPES.ForStatement:
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.VariableDeclarator:
      return false;
    case AST_NODE_TYPES.ConditionalExpression:
      return parent.test !== node;
    case AST_NODE_TYPES.ArrowFunctionExpression:
      return false;
    default:
      return true;
  }
}

/**
 * The edit that stops `condition` from retrying `bad`: the status test rewritten, a `||`
 * operand dropped, or the retrying `if` removed; never a constant condition. `safe` when the
 * branch does nothing but retry (a wait, a counter, the retry) and the statuses it drops
 * already took the path after it (`!res.ok && tries < 3`: on the last try), so working code
 * keeps working; otherwise the same edit is a suggestion.
 */
export function conditionEdit(
  model: HttpModel,
  site: RetrySite,
  condition: RetryCondition,
  target: Node,
  subject: StatusSubject,
  bad: StatusSet,
  statusProperty: string,
): ConditionEdit | undefined {
  const sourceCode = model.file.sourceCode;
  const kept = neutralConditionSets(model, target, subject)!.whenTrue.minus(bad);
  const branch = retryBranch(condition.node, site);
  const onlyRetries =
    branch === 'value' ||
    branch === 'loop' ||
    (branch !== undefined && branchOnlyRetries(branch, site));
  const fallsThrough =
    site.kind === 'predicate' ||
    bad.isSubsetOf(model.conditionSets(condition.node, subject)?.whenFalse ?? StatusSet.EMPTY) ||
    throwsNext(condition.node);
  const safe = onlyRetries && fallsThrough;
  // `status !== 202` holds for 200 too: a rewrite to error statuses would send them elsewhere
  // (a predicate is asked about failed requests only).
  if (site.kind !== 'predicate' && kept.intersects(SUCCESSES)) return undefined;
  if (!kept.intersect(ERRORS).isEmpty) {
    const status = statusText(model, subject, [target], statusProperty);
    if (!status || sourceCode.getCommentsInside(target).length > 0) return undefined;
    let text = statusCondition(status, kept);
    if (needsParentheses(target, text)) text = `(${text})`;
    return { node: target, text, safe, kind: 'retry-only' };
  }
  // No status is left to test: `other || status === 404` keeps `other`.
  const parent = target.parent;
  if (parent?.type === AST_NODE_TYPES.LogicalExpression && parent.operator === '||') {
    if (sourceCode.getCommentsInside(parent).length > 0) return undefined;
    const other = sourceCode.getText(parent.left === target ? parent.right : parent.left);
    return { node: parent, text: other, safe, kind: 'retry-only' };
  }
  // The whole condition is false for every status (`status === 404 && n < 3`): the `if` goes.
  for (let node: Node = target; node !== condition.node; node = node.parent!) {
    const up = node.parent;
    if (!up || (up.type === AST_NODE_TYPES.LogicalExpression && up.operator !== '&&'))
      return undefined;
  }
  const statement = skipWrappersUp(condition.node).parent;
  if (
    statement?.type !== AST_NODE_TYPES.IfStatement ||
    statement.alternate ||
    statement.parent.type !== AST_NODE_TYPES.BlockStatement
  )
    return undefined;
  if (sourceCode.getCommentsInside(statement).length > 0) return undefined;
  const sideEffects = findNode(
    sourceCode,
    statement.test,
    (n) =>
      n.type === AST_NODE_TYPES.UpdateExpression ||
      n.type === AST_NODE_TYPES.AssignmentExpression ||
      n.type === AST_NODE_TYPES.AwaitExpression,
  );
  return { node: statement, text: undefined, safe: safe && !sideEffects, kind: 'remove-retry' };
}

/** `if (…) retry; throw err;`: what the condition no longer lets through fails. */
function throwsNext(condition: Node): boolean {
  const statement = skipWrappersUp(condition).parent;
  if (
    statement?.type !== AST_NODE_TYPES.IfStatement ||
    statement.alternate ||
    statement.parent.type !== AST_NODE_TYPES.BlockStatement
  )
    return false;
  const body = statement.parent.body;
  return body[body.indexOf(statement) + 1]?.type === AST_NODE_TYPES.ThrowStatement;
}

/** What runs when a retry condition holds: a statement, `'loop'` for a loop test, `'value'` for a predicate's answer. */
function retryBranch(condition: Node, site: RetrySite): Node | 'loop' | 'value' | undefined {
  const top = skipWrappersUp(condition);
  const parent = top.parent;
  if (!parent) return undefined;
  if (
    (parent.type === AST_NODE_TYPES.IfStatement ||
      parent.type === AST_NODE_TYPES.ConditionalExpression) &&
    parent.test === top
  )
    return parent.consequent;
  const loopTest =
    parent.type === AST_NODE_TYPES.WhileStatement ||
    parent.type === AST_NODE_TYPES.DoWhileStatement ||
    parent.type === AST_NODE_TYPES.ForStatement
      ? parent.test
      : undefined;
  if (loopTest === top) return 'loop';
  if (
    site.kind === 'predicate' &&
    (parent.type === AST_NODE_TYPES.ReturnStatement || isFunction(parent))
  )
    return 'value';
  return undefined;
}

/** A branch that only retries: the retry itself, waits, counters (`attempt++`), a predicate's `return true`. */
function branchOnlyRetries(node: Node, site: RetrySite): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.BlockStatement:
      return node.body.every((statement) => branchOnlyRetries(statement, site));
    case AST_NODE_TYPES.ContinueStatement:
      return node === site.node;
    case AST_NODE_TYPES.ReturnStatement: {
      const argument = node.argument && skipWrappers(node.argument);
      if (!argument) return false;
      if (site.kind === 'predicate')
        return argument.type === AST_NODE_TYPES.Literal && argument.value === true;
      return contains(argument, site.node);
    }
    case AST_NODE_TYPES.ExpressionStatement:
      return branchOnlyRetries(node.expression, site);
    case AST_NODE_TYPES.AwaitExpression:
      return branchOnlyRetries(skipWrappers(node.argument), site);
    case AST_NODE_TYPES.UpdateExpression:
      return node.argument.type === AST_NODE_TYPES.Identifier;
    case AST_NODE_TYPES.AssignmentExpression:
      return node.operator !== '=' && node.left.type === AST_NODE_TYPES.Identifier;
    default:
      return contains(node, site.node) || site.delays.some((delay) => delay.node === node);
  }
}

/** Where a retry path is reported: its innermost condition (a `case` test), or the retry itself. */
export function reportNode(site: RetrySite): Node {
  const condition: RetryCondition | undefined = site.conditions[0];
  if (!condition) return site.node;
  return condition.node.type === AST_NODE_TYPES.SwitchCase
    ? (condition.node.test ?? site.node)
    : condition.node;
}
