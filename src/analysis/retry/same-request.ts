import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode, Node } from '../core/ast';
import {
  contains,
  enclosingFunction,
  itemsWithin,
  memberName,
  skipWrappers,
  skipWrappersUp,
} from '../core/ast';
import type { AnalyzedFile } from '../core/file';
import { AST_NODE_TYPES } from '../core/node-types';
import type { RetryContext } from './context';
import { MAX_DEPTH } from './context';
import { isDelay, isDelayCall } from './delays';
import type { Loop } from '../core/ast';

export const MUTATORS = new Set(['set', 'append', 'delete', 'push', 'splice', 'unshift']);

/** Variables an expression reads (through scope references, callbacks included). */
export function inputVariables(file: AnalyzedFile, node: Node): TSESLint.Scope.Variable[] {
  const result: TSESLint.Scope.Variable[] = [];
  const visit = (scope: TSESLint.Scope.Scope): void => {
    const { references, childScopes } = scopeIndex(scope);
    for (const reference of itemsWithin(references, referenceNode, node.range[0], node.range[1]))
      if (reference.resolved && reference.isRead()) result.push(reference.resolved);
    for (const child of itemsWithin(childScopes, scopeBlock, node.range[0], node.range[1]))
      visit(child);
  };
  visit(file.scopeOf(node));
  return result;
}

const referenceNode = (reference: TSESLint.Scope.Reference): Node => reference.identifier;
const scopeBlock = (scope: TSESLint.Scope.Scope): Node => scope.block;

/**
 * A scope's references and child scopes in source order, sorted once: a function of n requests
 * has n of each, and each request reads only those within it (`itemsWithin` finds them).
 */
const scopeIndexes = new WeakMap<
  TSESLint.Scope.Scope,
  { references: TSESLint.Scope.Reference[]; childScopes: TSESLint.Scope.Scope[] }
>();

function scopeIndex(scope: TSESLint.Scope.Scope): {
  references: TSESLint.Scope.Reference[];
  childScopes: TSESLint.Scope.Scope[];
} {
  let index = scopeIndexes.get(scope);
  if (!index) {
    index = {
      references: [...scope.references].sort(
        (a, b) => a.identifier.range[0] - b.identifier.range[0],
      ),
      childScopes: [...scope.childScopes].sort((a, b) => a.block.range[0] - b.block.range[0]),
    };
    scopeIndexes.set(scope, index);
  }
  return index;
}

/** Whether something the request is built from changes inside the loop. */
export function varies(ctx: RetryContext, origin: Node, loop: Loop): boolean {
  const seen = new Set<TSESLint.Scope.Variable>();
  const fn = enclosingFunction(loop);
  const check = (node: Node, depth: number): boolean => {
    for (const variable of inputVariables(ctx.file, node)) {
      if (seen.has(variable)) continue;
      seen.add(variable);
      const def = variable.defs[0];
      if (!def) continue;
      // Declared by the loop head (`for (const url of urls)`, `for (let page = 1; …; page++)`).
      const declaredInHead = contains(loop, def.name) && !contains(loop.body, def.name);
      if (
        declaredInHead &&
        (loop.type === AST_NODE_TYPES.ForOfStatement || loop.type === AST_NODE_TYPES.ForInStatement)
      )
        return true;
      // Options built afresh in each attempt (`let opts = {…}; opts.headers = …` before the
      // request): the same request when what they are built from is the same.
      if (def.type === 'Variable' && contains(loop.body, def.node) && depth < MAX_DEPTH) {
        const builtFrom = buildingValues(variable, loop, origin);
        if (!builtFrom) return true;
        if (builtFrom.some((value) => check(value, depth + 1))) return true;
      } else {
        if (writesIn(variable, loop)) return true;
        if (mutatedIn(variable, loop, origin)) return true;
      }
      if (isSharedMutable(variable, fn)) return true;
      if (
        def.type === 'Variable' &&
        contains(loop.body, def.node) &&
        def.node.init &&
        depth < MAX_DEPTH
      ) {
        if (check(def.node.init, depth + 1)) return true;
      }
    }
    return readsReassignedThis(ctx, node);
  };
  return check(origin, 0);
}

/**
 * For a variable declared in the loop body: the values its assignments and mutations before the
 * request put in it (`opts = {…}`, `opts.headers = h`, `headers.set('X', v)`); undefined when
 * one is not understood, or runs after the request or in a nested function.
 */
function buildingValues(
  variable: TSESLint.Scope.Variable,
  loop: Loop,
  origin: Node,
): Node[] | undefined {
  const values: Node[] = [];
  const fn = enclosingFunction(origin);
  for (const reference of variable.references) {
    const identifier = reference.identifier;
    if (!contains(loop, identifier) || contains(origin, identifier) || reference.init) continue;
    const before = identifier.range[1] <= origin.range[0] && enclosingFunction(identifier) === fn;
    if (reference.isWrite()) {
      const assignment = identifier.parent;
      if (
        !before ||
        assignment?.type !== AST_NODE_TYPES.AssignmentExpression ||
        assignment.left !== identifier
      )
        return undefined;
      values.push(assignment.right);
      continue;
    }
    const mutation = mutationOf(identifier);
    if (!mutation) continue;
    if (!before || mutation.kind === 'other') return undefined;
    values.push(...mutation.values);
  }
  return values;
}

/** Per variable and loop, what `writesIn` and `mutationsIn` found (a loop of n requests asks n times). */
const inLoop = new WeakMap<
  TSESLint.Scope.Variable,
  WeakMap<Node, { writes?: boolean; mutations?: readonly Node[] }>
>();

function inLoopOf(
  variable: TSESLint.Scope.Variable,
  loop: Node,
): { writes?: boolean; mutations?: readonly Node[] } {
  let byLoop = inLoop.get(variable);
  if (!byLoop) inLoop.set(variable, (byLoop = new WeakMap()));
  let found = byLoop.get(loop);
  if (!found) byLoop.set(loop, (found = {}));
  return found;
}

/** Whether the loop assigns the variable (its declaration inside the body aside). */
function writesIn(variable: TSESLint.Scope.Variable, loop: Loop): boolean {
  const found = inLoopOf(variable, loop);
  const def = variable.defs[0];
  return (found.writes ??= variable.references.some(
    (r) =>
      r.isWrite() &&
      contains(loop, r.identifier) &&
      !(r.init && contains(loop.body, r.identifier) && r.identifier === def?.name),
  ));
}

/** `options.headers.Authorization = t`, `headers.set(…)`, `Object.assign(options, …)` inside the loop, outside the request. */
function mutatedIn(variable: TSESLint.Scope.Variable, loop: Node, origin: Node): boolean {
  const found = inLoopOf(variable, loop);
  found.mutations ??= mutationsIn(variable, loop);
  return found.mutations.some((identifier) => !contains(origin, identifier));
}

/** The references to the variable inside the loop that mutate what it holds. */
function mutationsIn(variable: TSESLint.Scope.Variable, loop: Node): Node[] {
  const mutations: Node[] = [];
  for (const reference of variable.references) {
    const identifier = reference.identifier;
    if (!contains(loop, identifier)) continue;
    if (mutates(identifier)) mutations.push(identifier);
  }
  return mutations;
}

function mutates(identifier: Node): boolean {
  return mutationOf(identifier) !== undefined;
}

/**
 * How a read of a variable changes what it holds: a member assigned (`opts.headers = h`), a
 * mutating method (`headers.set('X', v)`) or `Object.assign(opts, …)` with the values put in, or
 * another change (`opts.n++`, `delete opts.x`); undefined when it changes nothing.
 */
function mutationOf(
  identifier: Node,
): { kind: 'values'; values: Node[] } | { kind: 'other' } | undefined {
  let top: Node = skipWrappersUp(identifier);
  let member = false;
  while (top.parent?.type === AST_NODE_TYPES.MemberExpression && top.parent.object === top) {
    top = skipWrappersUp(top.parent);
    member = true;
  }
  const parent = top.parent;
  if (!parent) return undefined;
  if (member && parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === top)
    return { kind: 'values', values: [parent.right] };
  if (
    member &&
    (parent.type === AST_NODE_TYPES.UpdateExpression ||
      (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'delete'))
  )
    return { kind: 'other' };
  if (parent.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const mutatingMethod = member && parent.callee === top && MUTATORS.has(memberName(top) ?? '');
  const assignsInto =
    parent.arguments[0] === top && memberName(skipWrappers(parent.callee)) === 'assign';
  if (!mutatingMethod && !assignsInto) return undefined;
  return { kind: 'values', values: parent.arguments.filter((argument) => argument !== top) };
}

/** A `let`/`var` of an outer function or the module that some code reassigns: shared state. */
export function isSharedMutable(
  variable: TSESLint.Scope.Variable,
  fn: FunctionNode | undefined,
): boolean {
  const def = variable.defs[0];
  if (!def || def.type !== 'Variable' || def.parent?.kind === 'const') return false;
  if (fn && contains(fn, def.name)) return false;
  return variable.references.some((r) => r.isWrite() && !r.init);
}

/** The request reads `this.x` and a method other than the constructor assigns `this.x`. */
export function readsReassignedThis(ctx: RetryContext, node: Node): boolean {
  const reassigned = (ctx.reassignedThis ??= findReassignedThis(ctx.file));
  if (reassigned.size === 0) return false;
  return itemsWithin(thisMembers(ctx), (member) => member, node.range[0], node.range[1]).some(
    (member) => reassigned.has(memberName(member) ?? ''),
  );
}

/** Every `this.x` member of the file, found once, in source order (`itemsWithin` searches it). */
export function thisMembers(ctx: RetryContext): TSESTree.MemberExpression[] {
  return (ctx.thisMemberList ??= ctx.file
    .nodesOfType(AST_NODE_TYPES.MemberExpression)
    .filter((m) => m.object.type === AST_NODE_TYPES.ThisExpression));
}

function findReassignedThis(file: AnalyzedFile): Set<string> {
  const names = new Set<string>();
  for (const assignment of file.nodesOfType(AST_NODE_TYPES.AssignmentExpression)) {
    const left = assignment.left;
    if (
      left.type !== AST_NODE_TYPES.MemberExpression ||
      left.object.type !== AST_NODE_TYPES.ThisExpression
    )
      continue;
    const name = memberName(left);
    const method = enclosingFunction(assignment)?.parent;
    if (
      !name ||
      (method?.type === AST_NODE_TYPES.MethodDefinition && method.kind === 'constructor')
    )
      continue;
    names.add(name);
  }
  return names;
}

/** A call statement (not a wait, not `console`) just before `point` in its block: a refresh, an invalidation. */
export function callsBefore(ctx: RetryContext, point: Node): boolean {
  const statement = point.parent?.type === AST_NODE_TYPES.BlockStatement ? point : point.parent;
  const block = statement?.parent;
  if (block?.type !== AST_NODE_TYPES.BlockStatement) return false;
  for (const previous of block.body) {
    if (previous === statement) break;
    if (previous.type !== AST_NODE_TYPES.ExpressionStatement) continue;
    let expression = skipWrappers(previous.expression);
    if (expression.type === AST_NODE_TYPES.AwaitExpression)
      expression = skipWrappers(expression.argument);
    if (expression.type !== AST_NODE_TYPES.CallExpression || isDelayCall(ctx, expression)) continue;
    const callee = skipWrappers(expression.callee);
    const object =
      callee.type === AST_NODE_TYPES.MemberExpression ? skipWrappers(callee.object) : undefined;
    if (object?.type === AST_NODE_TYPES.Identifier && object.name === 'console') continue;
    return true;
  }
  return false;
}

export function awaitsOtherThanDelay(
  ctx: RetryContext,
  container: Node,
  from: Node,
  to: Node,
): boolean {
  const start = from.range[1];
  const end = to === container ? container.range[1] : to.range[0];
  return ctx.file
    .nodesOfTypeIn(AST_NODE_TYPES.AwaitExpression, start, end)
    .some(
      (a) =>
        a.range[0] >= start &&
        a.range[1] <= end &&
        contains(container, a) &&
        !isDelay(ctx, skipWrappers(a.argument)),
    );
}
