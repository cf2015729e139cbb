/**
 * Waits that take milliseconds, as a value reaches them: the duration of `setTimeout(fn, ms)`
 * (global), of a `timers/promises` or `delay` import, of a local function that only waits
 * (`new Promise((r) => setTimeout(r, ms))`), of an awaited `sleep(ms)` from elsewhere (its unit
 * unknown), and the value a retry library's `retryDelay` returns.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../core/node-types';

import type { FunctionNode, Node } from '../core/ast';
import {
  constInitializer,
  enclosingFunction,
  GLOBAL_OBJECT_NAMES,
  isFunction,
  memberName,
  propertyKeyName,
  skipWrappers,
  skipWrappersUp,
} from '../core/ast';
import { DELAY_MODULES } from '../libraries/retry';
import { WAIT_RETURNING_OPTIONS } from '../libraries/retry-after-values';
import type { HttpModel } from '../model';
import { namedDelays } from './named-delays';

type Variable = TSESLint.Scope.Variable;

export class MillisecondWaits {
  private readonly sleepArguments = new Map<Variable, number>();
  private namedDelayCalls: Set<Node> | undefined;

  constructor(private readonly model: HttpModel) {}

  /** Whether a node is the duration of a wait, and whether the wait is known to take milliseconds. */
  waitOf(node: Node): { unitKnown: boolean } | undefined {
    const parent = node.parent;
    if (!parent) return undefined;
    if (parent.type === AST_NODE_TYPES.CallExpression) {
      const index = parent.arguments.indexOf(node as TSESTree.CallExpressionArgument);
      if (index < 0) return undefined;
      const callee = skipWrappers(parent.callee);
      if (callee.type === AST_NODE_TYPES.Identifier) {
        const variable = this.model.file.variableOf(callee);
        if (!variable || variable.defs.length === 0) {
          if (callee.name === 'setTimeout' && index === 1) return { unitKnown: true };
        } else if (this.sleepArgumentOf(variable) === index) {
          return { unitKnown: true };
        }
      } else if (
        memberName(callee) === 'setTimeout' &&
        callee.type === AST_NODE_TYPES.MemberExpression &&
        skipWrappers(callee.object).type === AST_NODE_TYPES.Identifier &&
        GLOBAL_OBJECT_NAMES.has((skipWrappers(callee.object) as TSESTree.Identifier).name) &&
        index === 1
      ) {
        return { unitKnown: true };
      }
      this.namedDelayCalls ??= new Set(namedDelays(this.model).map((delay) => delay.node));
      return index === 0 && this.namedDelayCalls.has(parent) ? { unitKnown: false } : undefined;
    }
    // The value a retry library's `retryDelay` returns.
    let fn: Node | undefined;
    if (parent.type === AST_NODE_TYPES.ReturnStatement) fn = enclosingFunction(parent);
    else if (parent.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === node)
      fn = parent;
    if (!fn) return undefined;
    const property = skipWrappersUp(fn).parent;
    return property?.type === AST_NODE_TYPES.Property &&
      property.value === skipWrappersUp(fn) &&
      WAIT_RETURNING_OPTIONS.has(propertyKeyName(property) ?? '')
      ? { unitKnown: true }
      : undefined;
  }

  /** The argument a function takes its wait in, when it only waits (strictly: `setTimeout(r, ms)`); -1 otherwise. */
  private sleepArgumentOf(variable: Variable): number {
    let index = this.sleepArguments.get(variable);
    if (index === undefined) this.sleepArguments.set(variable, (index = sleepArgument(variable)));
    return index;
  }
}

/** `Date.parse`, `Number.isNaN`, `parseInt`: the dotted path of a callee made of names. */
export function calleePath(callee: Node): string | undefined {
  const inner = skipWrappers(callee);
  if (inner.type === AST_NODE_TYPES.Identifier) return inner.name;
  if (inner.type !== AST_NODE_TYPES.MemberExpression || inner.computed) return undefined;
  const object = skipWrappers(inner.object);
  const name = memberName(inner);
  return object.type === AST_NODE_TYPES.Identifier && name !== undefined
    ? `${object.name}.${name}`
    : undefined;
}

/** `Date.now()`, `x.getTime()`, `performance.now()`, `new Date()`: a clock, so `+`/`-` make a deadline. */
export function readsClock(node: Node): boolean {
  const inner = skipWrappers(node);
  if (inner.type === AST_NODE_TYPES.NewExpression) return calleePath(inner.callee) === 'Date';
  if (inner.type !== AST_NODE_TYPES.CallExpression) return false;
  const path = calleePath(inner.callee);
  return (
    path === 'Date.now' ||
    path === 'performance.now' ||
    memberName(skipWrappers(inner.callee)) === 'getTime'
  );
}

/**
 * Which argument of a function is its wait in milliseconds: a known module's export
 * (`timers/promises`, `delay`), or a local function whose body is only
 * `new Promise((r) => setTimeout(r, ms))` with `ms` a parameter as it is. -1 otherwise.
 */
function sleepArgument(variable: Variable): number {
  const def = variable.defs[0];
  if (!def) return -1;
  if (def.type === 'ImportBinding') {
    const declaration = def.parent;
    if (declaration?.type !== AST_NODE_TYPES.ImportDeclaration) return -1;
    const specifier = def.node;
    const imported =
      specifier.type === AST_NODE_TYPES.ImportSpecifier
        ? specifier.imported.type === AST_NODE_TYPES.Identifier
          ? specifier.imported.name
          : specifier.imported.value
        : 'default';
    return (
      DELAY_MODULES.find((m) => m.source === declaration.source.value && m.exportName === imported)
        ?.argument ?? -1
    );
  }
  let fn: Node | undefined;
  if (def.type === 'FunctionName') fn = def.node;
  else if (def.type === 'Variable') fn = constInitializer(variable);
  if (!fn || !isFunction(fn)) return -1;
  const timer = onlyPromiseTimer(fn);
  const duration = timer?.arguments[1] && skipWrappers(timer.arguments[1]);
  if (duration?.type !== AST_NODE_TYPES.Identifier) return -1;
  return fn.params.findIndex((param) => {
    const name = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    return name.type === AST_NODE_TYPES.Identifier && name.name === duration.name;
  });
}

/** The `setTimeout(resolve, ms)` of a function whose body is only `return new Promise((r) => setTimeout(r, ms))`. */
function onlyPromiseTimer(fn: FunctionNode): TSESTree.CallExpression | undefined {
  const body = fn.body;
  const expression =
    body.type === AST_NODE_TYPES.BlockStatement
      ? body.body.length === 1 && body.body[0]!.type === AST_NODE_TYPES.ReturnStatement
        ? body.body[0].argument
        : undefined
      : body;
  const promise = expression && skipWrappers(expression);
  if (
    promise?.type !== AST_NODE_TYPES.NewExpression ||
    calleePath(promise.callee) !== 'Promise' ||
    !promise.arguments[0]
  )
    return undefined;
  const executor = skipWrappers(promise.arguments[0]);
  if (!isFunction(executor) || executor.params[0]?.type !== AST_NODE_TYPES.Identifier)
    return undefined;
  const resolve = executor.params[0].name;
  let call: Node | undefined = executor.body;
  if (call.type === AST_NODE_TYPES.BlockStatement) {
    const only = call.body.length === 1 ? call.body[0] : undefined;
    call = only?.type === AST_NODE_TYPES.ExpressionStatement ? only.expression : undefined;
  }
  call = call && skipWrappers(call);
  if (
    call?.type !== AST_NODE_TYPES.CallExpression ||
    calleePath(call.callee) !== 'setTimeout' ||
    skipWrappers(call.arguments[0] ?? call).type !== AST_NODE_TYPES.Identifier ||
    (skipWrappers(call.arguments[0]!) as TSESTree.Identifier).name !== resolve
  )
    return undefined;
  return call;
}
