import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';

import type { FunctionNode, Node } from './ast';
import { calledMemberName, isFunction, skipWrappersUp } from './ast';
import type { AnalyzedFile } from './file';

/**
 * Where a value goes and what is done with it there, for fixes that change the value (a parse
 * that yields `null` on 204 instead of throwing): whether `null` fits the type it goes to, and
 * whether the code dereferences it, so the fix would only move the crash.
 */

const PROMISE_CALLBACK_METHODS = new Set(['then', 'catch', 'finally']);

/** Whether TypeScript checks the file: anything but a `.js`, `.jsx`, `.mjs`, `.cjs` file (Vue and Svelte files may be TS). */
export function isTypeScriptFile(filename: string): boolean {
  return !/\.[cm]?jsx?$/i.test(filename);
}

/** Whether a value is used in a way that throws on null: member access, call, destructuring, iteration, spread. */
export function dereferences(parent: Node, value: Node): boolean {
  switch (parent.type) {
    case AST_NODE_TYPES.MemberExpression:
      return parent.object === value && !parent.optional;
    case AST_NODE_TYPES.CallExpression:
      return parent.callee === value && !parent.optional;
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.init === value && parent.id.type !== AST_NODE_TYPES.Identifier;
    case AST_NODE_TYPES.AssignmentExpression:
    case AST_NODE_TYPES.AssignmentPattern:
      return (
        parent.right === value &&
        parent.left.type !== AST_NODE_TYPES.Identifier &&
        parent.left.type !== AST_NODE_TYPES.MemberExpression
      );
    case AST_NODE_TYPES.ForOfStatement:
    case AST_NODE_TYPES.ForInStatement:
      return parent.right === value;
    case AST_NODE_TYPES.SpreadElement:
      return parent.parent.type !== AST_NODE_TYPES.ObjectExpression;
    case AST_NODE_TYPES.TaggedTemplateExpression:
      return parent.tag === value;
    case AST_NODE_TYPES.BinaryExpression:
      return parent.operator === 'in' && parent.right === value;
    default:
      return false;
  }
}

/** The variable a value is stored in: `const x = value`, `x = value`. */
function storedIn(file: AnalyzedFile, value: Node): TSESLint.Scope.Variable | undefined {
  const parent = value.parent;
  if (
    parent?.type === AST_NODE_TYPES.VariableDeclarator &&
    parent.init === value &&
    parent.id.type === AST_NODE_TYPES.Identifier
  ) {
    return file.scopeManager
      .getDeclaredVariables(parent)
      .find((v) => v.name === (parent.id as TSESTree.Identifier).name);
  }
  if (
    parent?.type === AST_NODE_TYPES.AssignmentExpression &&
    parent.operator === '=' &&
    parent.right === value &&
    parent.left.type === AST_NODE_TYPES.Identifier
  ) {
    return file.variableOf(parent.left) ?? undefined;
  }
  return undefined;
}

/** The function whose result the value is: `return value`, an arrow's expression body. */
function returnedFrom(value: Node): FunctionNode | undefined {
  const parent = value.parent;
  if (parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === value)
    return parent;
  if (parent?.type !== AST_NODE_TYPES.ReturnStatement) return undefined;
  for (let current: Node | undefined = parent.parent; current; current = current.parent)
    if (isFunction(current)) return current;
  return undefined;
}

/** `p.then(fn)`, `p.catch(fn)`: the call a callback is passed to, when it is one of a promise's. */
function promiseCallOf(fn: FunctionNode): TSESTree.CallExpression | undefined {
  const top = skipWrappersUp(fn);
  const call = top.parent;
  if (
    call?.type !== AST_NODE_TYPES.CallExpression ||
    !call.arguments.includes(top as TSESTree.CallExpressionArgument)
  )
    return undefined;
  const name = calledMemberName(call);
  return name !== undefined && PROMISE_CALLBACK_METHODS.has(name) ? call : undefined;
}

/**
 * Whether the code dereferences the value after it is stored or handed on: a read of the variable
 * it is stored in (`const data = value; data.items`), or the parameter of the next `.then`
 * callback (`.then((r) => value).then((data) => data.items)`).
 */
export function isDereferencedLater(file: AnalyzedFile, value: Node): boolean {
  const variable = storedIn(file, value);
  if (variable)
    return variable.references.some(
      (reference) => reference.isRead() && readDereferences(reference.identifier),
    );
  const fn = returnedFrom(value);
  const call = fn && promiseCallOf(fn);
  if (!call) return false;
  const next = skipWrappersUp(call).parent;
  const nextCall =
    next?.type === AST_NODE_TYPES.MemberExpression && next.object === skipWrappersUp(call)
      ? skipWrappersUp(next).parent
      : undefined;
  if (nextCall?.type !== AST_NODE_TYPES.CallExpression || calledMemberName(nextCall) !== 'then')
    return false;
  const callback = nextCall.arguments[0];
  if (!callback || !isFunction(callback)) return false;
  const param = callback.params[0];
  if (!param) return false;
  if (param.type !== AST_NODE_TYPES.Identifier)
    return param.type !== AST_NODE_TYPES.AssignmentPattern;
  const parameter = file.scopeManager
    .getDeclaredVariables(callback)
    .find((v) => v.name === param.name);
  return parameter?.references.some((reference) => readDereferences(reference.identifier)) ?? false;
}

function readDereferences(identifier: Node): boolean {
  const top = skipWrappersUp(identifier);
  return top.parent != null && dereferences(top.parent, top);
}

/**
 * Whether `null` fits where the value goes, as far as the code states a type there: the value
 * is stored in a variable or returned from a function annotated with `any`, `unknown`, or a
 * union with `null` (`Promise<… | null>` for an async function). Without an annotation the type
 * is inferred, and a `null` added to it reaches every use.
 */
export function nullFitsDeclaredType(file: AnalyzedFile, value: Node): boolean {
  const variable = storedIn(file, value);
  if (variable) {
    const name = variable.defs[0]?.name;
    const annotation =
      name && 'typeAnnotation' in name ? name.typeAnnotation?.typeAnnotation : undefined;
    return annotation != null && admitsNull(annotation);
  }
  const fn = returnedFrom(value);
  const annotation = fn?.returnType?.typeAnnotation;
  if (!fn || !annotation) return false;
  if (!fn.async) return admitsNull(annotation);
  // `async (): Promise<T | null>`
  if (
    annotation.type !== AST_NODE_TYPES.TSTypeReference ||
    annotation.typeName.type !== AST_NODE_TYPES.Identifier ||
    annotation.typeName.name !== 'Promise'
  ) {
    return false;
  }
  const inner = annotation.typeArguments?.params[0];
  return inner != null && admitsNull(inner);
}

function admitsNull(type: TSESTree.TypeNode): boolean {
  switch (type.type) {
    case AST_NODE_TYPES.TSAnyKeyword:
    case AST_NODE_TYPES.TSUnknownKeyword:
    case AST_NODE_TYPES.TSNullKeyword:
      return true;
    case AST_NODE_TYPES.TSUnionType:
      return type.types.some(admitsNull);
    default:
      return false;
  }
}

/**
 * Whether a parse's value has a type that absorbs `null` (`any` or `unknown`): the clients'
 * `.json()` resolves to one of them (or to a JSON value type that includes `null`) unless a type
 * argument or an assertion names another. The value must be awaited, or returned where a promise
 * is unwrapped (an async function, a promise callback); else it is a `Promise` beside the `null`.
 */
export function parseValueAbsorbsNull(parse: TSESTree.CallExpression, value: Node): boolean {
  if (parse.typeArguments) return false;
  let awaited = false;
  for (let node: Node = parse; node !== value; node = node.parent!) {
    const parent = node.parent!;
    // `satisfies` keeps the type of what it checks.
    if (
      parent.type === AST_NODE_TYPES.TSAsExpression ||
      parent.type === AST_NODE_TYPES.TSTypeAssertion
    ) {
      return false;
    }
    if (parent.type === AST_NODE_TYPES.AwaitExpression) awaited = true;
  }
  if (awaited) return true;
  const fn = returnedFrom(value);
  return fn != null && (fn.async || promiseCallOf(fn) != null);
}
