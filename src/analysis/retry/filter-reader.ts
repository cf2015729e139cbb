import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../core/node-types';

import type { Node } from '../core/ast';
import { alwaysExits, contains, isFunction, memberName, skipWrappers } from '../core/ast';
import type { HttpModel } from '../model';
import { StatusSet } from '../status/status-set';
import { StatusSubject } from '../status/subject';
import type { ConditionFold } from './condition-paths';
import type { RetrySite } from './types';
import { retriedOrigins } from './wrapped-requests';
import { RETRY_PREDICATE_NAME } from '../libraries/retry';
import { firstIndexFrom } from '../core/sorted';

/*
 * How `unevaluatedFilter` (filters.ts) reads a condition on a retry path: which values it watches
 * (the response, the error, what is read from them), the statuses a condition surely lets through,
 * whether it only asks "is this an HTTP error". The readings of a site that watches no more than
 * its subject are kept per subject: the n sites of a ladder of n exits read each exit once.
 */

const MAX_DERIVED_DEPTH = 2;

export interface FilterReader {
  /**
   * The statuses for which `condition` surely comes out `want`, reading what the narrowing cannot
   * evaluate but reads the response or error as able to go either way (`!response.ok || data.error`
   * surely holds for non-2xx; `status === 400 && body.error === 'slow_down'` for none).
   */
  surely(condition: Node, want: boolean): StatusSet;
  /** `e instanceof HttpError`, `isAxiosError(e)`, `e.response`: only asks whether there is an HTTP error. */
  isGuard(node: Node): boolean;
  /** What a site's conditions surely let through, together. */
  readonly conditionsFold: ConditionFold<StatusSet>;
  /** Per statement list, what its exits surely let past them, running, and whether one is a guard by then. */
  readonly exitRuns: WeakMap<readonly Node[], { passed: StatusSet[]; guarded: boolean[] }>;
}

/** Per model and subject, the reader of the sites that watch only their subject. */
const readers = new WeakMap<HttpModel, Map<StatusSubject, FilterReader>>();

export function filterReaderOf(model: HttpModel, site: RetrySite): FilterReader {
  const file = model.file;
  // A predicate whose answer reads no status still has its parameters: the error it is given.
  const subject = site.subject ?? new StatusSubject(file);
  const parameters: TSESLint.Scope.Variable[] = [];
  if (!site.subject && site.kind === 'predicate' && isFunction(site.container)) {
    const fn = site.container;
    const roles = site.config?.predicates.find((p) => p.function === fn)?.option?.parameters;
    fn.params.forEach((param, index) => {
      // fetch-retry's `attempt`: not the error nor the response.
      if (roles?.[index] === 'other') return;
      for (const variable of file.scopeManager.getDeclaredVariables(fn))
        if (variable.defs.some((d) => contains(param, d.name))) parameters.push(variable);
    });
  }
  const catchParameters = catchParametersOf(model, site);
  const shared = site.subject !== undefined && catchParameters.length + parameters.length === 0;
  let bySubject = readers.get(model);
  if (shared) {
    const known = bySubject?.get(subject);
    if (known) return known;
  }
  const reader = newReader(model, subject, [...catchParameters, ...parameters]);
  if (shared) {
    if (!bySubject) readers.set(model, (bySubject = new Map()));
    bySubject.set(subject, reader);
  }
  return reader;
}

function newReader(
  model: HttpModel,
  subject: StatusSubject,
  alsoWatched: readonly TSESLint.Scope.Variable[],
): FilterReader {
  const file = model.file;
  const watched = new Set<TSESLint.Scope.Variable>([
    ...subject.holderVariables,
    ...subject.statusVariables,
    ...alsoWatched,
  ]);
  const derived = new Map<TSESLint.Scope.Variable, boolean>();

  /** A variable that holds the response, the error, or a value read from them (`const msg = e.message`). */
  const isWatched = (variable: TSESLint.Scope.Variable, depth = 0): boolean => {
    if (watched.has(variable)) return true;
    const known = derived.get(variable);
    if (known !== undefined) return known;
    derived.set(variable, false);
    const def = variable.defs.length === 1 ? variable.defs[0] : undefined;
    const init = def?.type === 'Variable' ? def.node.init : undefined;
    const result =
      init !== null && init !== undefined && depth < MAX_DERIVED_DEPTH && reads(init, depth + 1);
    derived.set(variable, result);
    return result;
  };
  const reads = (node: Node, depth = 0): boolean =>
    some(node, (n) => {
      if (subject.isHolder(n) || subject.isStatus(n) || subject.isOk(n)) return true;
      if (n.type !== AST_NODE_TYPES.Identifier) return false;
      const variable = file.variableOf(n);
      return variable !== null && isWatched(variable, depth);
    });
  const isGuard = (node: Node): boolean => {
    const inner = skipWrappers(node);
    if (inner.type === AST_NODE_TYPES.BinaryExpression && inner.operator === 'instanceof')
      return reads(inner.left);
    if (inner.type === AST_NODE_TYPES.CallExpression) {
      const callee = skipWrappers(inner.callee);
      const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : memberName(callee);
      // `isAxiosError(e)` asks whether it is an HTTP error; `isRetryableError(e)` decides the retry.
      return (
        name !== undefined &&
        /^is\w*Error$/.test(name) &&
        !RETRY_PREDICATE_NAME.test(name) &&
        inner.arguments[0] !== undefined &&
        reads(inner.arguments[0])
      );
    }
    return (
      inner.type === AST_NODE_TYPES.MemberExpression &&
      memberName(inner) === 'response' &&
      reads(inner.object)
    );
  };
  /** `res`, `!res`, `res == null`, `err.response`: whether there is a response at all. */
  const isPresence = (node: Node): boolean => {
    const inner = skipWrappers(node);
    if (subject.isHolder(inner) || isGuard(inner)) return true;
    if (inner.type === AST_NODE_TYPES.Identifier) {
      const variable = file.variableOf(inner);
      return variable !== null && watched.has(variable);
    }
    // `res != null`, `status !== undefined`, `undefined !== status`
    if (inner.type === AST_NODE_TYPES.BinaryExpression && /^[!=]==?$/.test(inner.operator)) {
      const { left, right } = inner;
      if (left.type === AST_NODE_TYPES.PrivateIdentifier) return false;
      if (isNullish(right)) return isPresence(left);
      return isNullish(left) && isPresence(right);
    }
    return false;
  };
  const surelyRead = (condition: Node, want: boolean): StatusSet => {
    const inner = skipWrappers(condition);
    if (inner.type === AST_NODE_TYPES.UnaryExpression && inner.operator === '!')
      return surely(inner.argument, !want);
    if (inner.type === AST_NODE_TYPES.LogicalExpression && inner.operator !== '??') {
      const left = surely(inner.left, want);
      const right = surely(inner.right, want);
      return (inner.operator === '&&') === want ? left.intersect(right) : left.union(right);
    }
    const sets = model.conditionSets(inner, subject);
    if (sets) return want ? sets.whenTrue : sets.whenFalse;
    return isPresence(inner) || !reads(inner) ? StatusSet.ALL : StatusSet.EMPTY;
  };
  const known = [new Map<Node, StatusSet>(), new Map<Node, StatusSet>()];
  const surely = (condition: Node, want: boolean): StatusSet => {
    const byNode = known[Number(want)]!;
    let statuses = byNode.get(condition);
    if (!statuses) byNode.set(condition, (statuses = surelyRead(condition, want)));
    return statuses;
  };
  const guards = new Map<Node, boolean>();
  return {
    surely,
    isGuard: (node) => {
      let guard = guards.get(node);
      if (guard === undefined) guards.set(node, (guard = isGuard(node)));
      return guard;
    },
    conditionsFold: {
      none: StatusSet.ALL,
      value: (condition) =>
        condition.node.type === AST_NODE_TYPES.SwitchCase
          ? StatusSet.ALL
          : surely(condition.node, condition.branch !== 'false'),
      both: (one, other) => one.intersect(other),
    },
    exitRuns: new WeakMap(),
  };
}

/** `if (test) <exit>` without an `else`. */
export function isExit(statement: Node): statement is TSESTree.IfStatement {
  return (
    statement.type === AST_NODE_TYPES.IfStatement &&
    !statement.alternate &&
    alwaysExits(statement.consequent)
  );
}

/** Per statement list, its `if (test) <exit>` statements in source order. */
const exitsByList = new WeakMap<readonly Node[], readonly TSESTree.IfStatement[]>();

/**
 * The first `if (test) <exit>` before `child` in `statements` after which one of `bad` cannot
 * reach the retry, or which is a guard (`if (e instanceof HttpError) return …`: what goes on is
 * not an HTTP error). Read through running totals per list, so each exit is read once per reader.
 */
export function exitKeepingOut(
  reader: FilterReader,
  statements: readonly Node[],
  child: Node,
  bad: StatusSet,
): TSESTree.IfStatement | undefined {
  let exits = exitsByList.get(statements);
  if (!exits) exitsByList.set(statements, (exits = statements.filter(isExit)));
  const list = exits;
  const count = firstIndexFrom(list.length, (k) => list[k]!.range[0], child.range[0]);
  if (count === 0) return undefined;
  let run = reader.exitRuns.get(statements);
  if (!run) reader.exitRuns.set(statements, (run = { passed: [StatusSet.ALL], guarded: [false] }));
  for (let k = run.passed.length - 1; k < count; k++) {
    const test = exits[k]!.test;
    run.passed.push(run.passed[k]!.intersect(reader.surely(test, false)));
    run.guarded.push(run.guarded[k]! || exitsOnGuard(reader, test));
  }
  if (!run.guarded[count] && bad.isSubsetOf(run.passed[count]!)) return undefined;
  return exits
    .slice(0, count)
    .find(
      (exit) => exitsOnGuard(reader, exit.test) || !bad.isSubsetOf(reader.surely(exit.test, false)),
    );
}

/** `e instanceof ClientError`, alone or as an operand of `||` (`… || retries <= 0`): it exits whenever the guard holds. */
export function exitsOnGuard(reader: FilterReader, test: Node): boolean {
  const inner = skipWrappers(test);
  return (
    reader.isGuard(inner) ||
    (inner.type === AST_NODE_TYPES.LogicalExpression &&
      inner.operator === '||' &&
      (exitsOnGuard(reader, inner.left) || exitsOnGuard(reader, inner.right)))
  );
}

/** The parameters of the `catch` clauses the retry goes through. */
function catchParametersOf(model: HttpModel, site: RetrySite): TSESLint.Scope.Variable[] {
  if (site.kind !== 'catch') return [];
  const parameters: TSESLint.Scope.Variable[] = [];
  const add = (handler: TSESTree.CatchClause | null): void => {
    const param = handler?.param;
    const variable =
      param?.type === AST_NODE_TYPES.Identifier ? model.file.variableOf(param) : null;
    if (variable) parameters.push(variable);
  };
  for (
    let current: Node | undefined = site.node.parent;
    current && current !== site.container;
    current = current.parent
  ) {
    if (current.type === AST_NODE_TYPES.CatchClause) add(current);
  }
  for (const origin of retriedOrigins(site)) {
    for (
      let current: Node | undefined = origin.parent;
      current && current !== site.container;
      current = current.parent
    ) {
      if (current.type === AST_NODE_TYPES.TryStatement && contains(current.block, origin))
        add(current.handler);
    }
  }
  return parameters;
}

/** `null` or `undefined`. */
function isNullish(node: Node): boolean {
  const value = skipWrappers(node);
  return (
    (value.type === AST_NODE_TYPES.Literal && value.value === null) ||
    (value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined')
  );
}

/** Whether some node inside `root` (itself included, functions excluded) satisfies `test`. */
export function some(root: Node, test: (node: Node) => boolean): boolean {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (test(node)) return true;
    if (node !== root && isFunction(node)) continue;
    for (const key of Object.keys(node)) {
      if (key === 'parent') continue;
      const value = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(value) ? value : [value]) {
        if (item && typeof item === 'object' && typeof (item as Node).type === 'string')
          stack.push(item as Node);
      }
    }
  }
  return false;
}
