import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../core/node-types';

import type { FunctionNode, Node } from '../core/ast';
import {
  literalString,
  memberName,
  returnStatementsOf,
  skipWrappers,
  skipWrappersUp,
} from '../core/ast';
import { AnalyzedFile } from '../core/file';
import { importPathOf } from '../core/static-values';
import type { ServerFramework } from '../libraries/frameworks';
import {
  HTTP_RESPONSE_METHODS,
  NEXT_FUNCTION_TYPES,
  REQUEST_MEMBERS,
  SERVER_FRAMEWORKS,
} from '../libraries/frameworks';
import type { ServerContext } from './context';
import { responseIndex, variableOfParameter } from './context';

/**
 * Handlers the imports do not lead to, in one pass over the functions:
 * - `router.get('/users', (req, res) => …)` on a router the file does not create (passed in,
 *   imported from a local module): a path literal and a handler that uses its response;
 * - route handlers defined apart from their registration: exported controllers, Next.js Pages
 *   API routes (`export default function handler(req, res)`), controller class methods, and
 *   functions whose response parameter is typed (`res: Response` from 'express').
 */
export function findInferredHandlers(ctx: ServerContext): void {
  // Without a framework's import, a handler takes a request and a response: typed handlers and
  // one-parameter contexts (Hono, Koa) are recognized by their framework's import.
  const minParams = ctx.importedFrameworks.length > 0 ? 1 : 2;
  for (const scope of ctx.file.functionScopes()) {
    const fn = scope.block;
    if (fn.params.length < minParams || ctx.handlers.has(fn)) continue;
    const framework = registeredFramework(ctx, fn) ?? standaloneFramework(ctx, scope);
    if (framework) ctx.handlers.set(fn, { fn, framework });
  }
}

/** Every framework's route registration methods. */
export const ROUTE_METHOD_NAMES = new Set(
  SERVER_FRAMEWORKS.flatMap((framework) => framework.routeMethods ?? []),
);

/** The framework a `(req, res)` handler is taken for when no hint points elsewhere. */
const FALLBACK_FRAMEWORK = SERVER_FRAMEWORKS.find((framework) => framework.inferredFrom?.fallback);

/** The framework of a handler registered on an untraced router: `router.get('/path', fn)`. */
export function registeredFramework(
  ctx: ServerContext,
  fn: FunctionNode,
): ServerFramework | undefined {
  const call = skipWrappersUp(fn).parent;
  if (
    call?.type !== AST_NODE_TYPES.CallExpression ||
    call.arguments.length < 2 ||
    call.callee.type !== AST_NODE_TYPES.MemberExpression
  )
    return undefined;
  const name = memberName(call.callee);
  if (name === undefined || !ROUTE_METHOD_NAMES.has(name)) return undefined;
  const path = literalString(call.arguments[0]!);
  if (path === undefined || !/^[/*]/.test(path) || skipWrappers(call.arguments[0]!) === fn)
    return undefined;
  return inferFramework(ctx, fn, true);
}

/** The framework of a handler defined on its own: typed, or a module-level `(req, res)` function that sends. */
export function standaloneFramework(
  ctx: ServerContext,
  scope: TSESLint.Scope.Scope & { block: FunctionNode },
): ServerFramework | undefined {
  const fn = scope.block;
  const count = fn.params.length;
  if (count === 0 || count > 4) return undefined;
  const typed = typedFramework(ctx, fn);
  if (typed) return typed;
  if (count < 2) return undefined;
  // Cheapest first: a walk up the scopes turns away callbacks (`.map((x, i) => …)`,
  // `new Promise((resolve, reject) => …)`) before the response parameter's references are read.
  const response = fn.params[count === 4 ? 2 : 1]!;
  if (response.type !== AST_NODE_TYPES.Identifier) return undefined;
  if (!AnalyzedFile.isTopLevelFunction(scope)) return undefined;
  const variable = scope.set.get(response.name);
  if (!variable || !memberUsage(ctx, variable).sends) return undefined;
  const framework = inferFramework(ctx, fn, false);
  return framework?.style === 'response' ? framework : undefined;
}

/** The framework whose response type annotates the function's response parameter. */
export function typedFramework(ctx: ServerContext, fn: FunctionNode): ServerFramework | undefined {
  // A response type must be imported from its framework to type a handler.
  if (!ctx.typedHandlers) return undefined;
  for (const framework of SERVER_FRAMEWORKS) {
    if (framework.responseParameter === undefined || !framework.responseTypes) continue;
    const index = responseIndex(fn, framework);
    const param = fn.params[index];
    if (param?.type !== AST_NODE_TYPES.Identifier || !param.typeAnnotation) continue;
    const type = param.typeAnnotation.typeAnnotation;
    if (type.type !== AST_NODE_TYPES.TSTypeReference) continue;
    const typeName = type.typeName;
    let imported: { source: string; name: string } | undefined;
    if (typeName.type === AST_NODE_TYPES.Identifier) {
      const path = importPathOf(ctx.file, typeName);
      if (path?.path.length === 1) imported = { source: path.source, name: path.path[0]! };
    } else if (
      typeName.type === AST_NODE_TYPES.TSQualifiedName &&
      typeName.left.type === AST_NODE_TYPES.Identifier
    ) {
      const path = importPathOf(ctx.file, typeName.left);
      if (path?.path.length === 0) imported = { source: path.source, name: typeName.right.name };
    }
    if (
      !imported ||
      !framework.sources.includes(imported.source) ||
      !framework.responseTypes.includes(imported.name)
    )
      continue;
    // A context-style helper `(ctx: Context, message)` is not a handler; `(ctx, next)` is.
    if (
      framework.responseParameter === 0 &&
      fn.params.length > 1 &&
      !(fn.params.length === 2 && isNextParameter(ctx, fn.params[1]!))
    )
      continue;
    if (framework.responseParameter === 1 && !isRequestParameter(ctx, fn.params[0])) continue;
    return framework;
  }
  return undefined;
}

/**
 * Whether the first parameter of a `(req, res)` function can be the request: typed `…Request`,
 * unused, or read as one (`req.body`, `req.params`). `handleError(err, res)` is a helper.
 */
export function isRequestParameter(
  ctx: ServerContext,
  param: TSESTree.Parameter | undefined,
): boolean {
  if (!param) return false;
  if (param.type === AST_NODE_TYPES.ObjectPattern) {
    return param.properties.some(
      (p) =>
        p.type === AST_NODE_TYPES.Property &&
        !p.computed &&
        p.key.type === AST_NODE_TYPES.Identifier &&
        REQUEST_MEMBERS.has(p.key.name),
    );
  }
  if (param.type !== AST_NODE_TYPES.Identifier) return false;
  const type = param.typeAnnotation?.typeAnnotation;
  if (type?.type === AST_NODE_TYPES.TSTypeReference) {
    const name =
      type.typeName.type === AST_NODE_TYPES.Identifier
        ? type.typeName.name
        : type.typeName.type === AST_NODE_TYPES.TSQualifiedName
          ? type.typeName.right.name
          : '';
    if (/Request$/.test(name)) return true;
  }
  const variable = variableOfParameter(ctx, param);
  if (!variable) return false;
  const isRead = (reference: TSESLint.Scope.Reference): boolean => reference.identifier !== param;
  if (!variable.references.some(isRead)) return true;
  if (memberUsage(ctx, variable).sends) return false;
  return variable.references.some((reference) => {
    if (!isRead(reference)) return false;
    const member = skipWrappersUp(reference.identifier).parent;
    if (
      member?.type === AST_NODE_TYPES.MemberExpression &&
      member.object === skipWrappersUp(reference.identifier)
    ) {
      const name = memberName(member);
      return name !== undefined && REQUEST_MEMBERS.has(name);
    }
    // Passed on, as in `passport.authenticate(…)(req, res, next)`.
    const parent = skipWrappersUp(reference.identifier).parent;
    return (
      parent?.type === AST_NODE_TYPES.CallExpression &&
      parent.arguments.includes(reference.identifier as TSESTree.Identifier)
    );
  });
}

/** Whether a function returns a value that is not a call on one of its parameters (`return { … }`, `return await load()`). */
export function returnsBody(ctx: ServerContext, fn: FunctionNode): boolean {
  const isBody = (value: Node): boolean => {
    const inner = skipWrappers(value);
    if (
      inner.type === AST_NODE_TYPES.ObjectExpression ||
      inner.type === AST_NODE_TYPES.ArrayExpression
    )
      return true;
    if (inner.type === AST_NODE_TYPES.AwaitExpression)
      return (
        isBody(inner.argument) ||
        (inner.argument.type === AST_NODE_TYPES.CallExpression &&
          !callsParameter(ctx, inner.argument, fn))
      );
    return false;
  };
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return isBody(fn.body);
  return returnStatementsOf(fn).some(
    (statement) => statement.argument != null && isBody(statement.argument),
  );
}

/** `res.json(…)`, `next(err)`: a call rooted at one of the function's parameters. */
export function callsParameter(
  ctx: ServerContext,
  call: TSESTree.CallExpression,
  fn: FunctionNode,
): boolean {
  let root: Node = skipWrappers(call.callee);
  while (
    root.type === AST_NODE_TYPES.MemberExpression ||
    root.type === AST_NODE_TYPES.CallExpression
  ) {
    root = skipWrappers(root.type === AST_NODE_TYPES.MemberExpression ? root.object : root.callee);
  }
  return (
    root.type === AST_NODE_TYPES.Identifier &&
    fn.params.some((param) => param.type === AST_NODE_TYPES.Identifier && param.name === root.name)
  );
}

/** `next` in `(ctx, next)`: a parameter the function calls, or typed `Next`. */
export function isNextParameter(ctx: ServerContext, param: TSESTree.Parameter): boolean {
  if (param.type !== AST_NODE_TYPES.Identifier) return false;
  const type = param.typeAnnotation?.typeAnnotation;
  if (
    type?.type === AST_NODE_TYPES.TSTypeReference &&
    type.typeName.type === AST_NODE_TYPES.Identifier &&
    NEXT_FUNCTION_TYPES.has(type.typeName.name)
  )
    return true;
  const variable = variableOfParameter(ctx, param);
  return (
    variable?.references.some((reference) => {
      const parent = skipWrappersUp(reference.identifier).parent;
      return (
        parent?.type === AST_NODE_TYPES.CallExpression &&
        skipWrappers(parent.callee) === reference.identifier
      );
    }) ?? false
  );
}

/** What a handler registered on an unknown router, or an exported controller, is, from its imports and usage. */
export function inferFramework(
  ctx: ServerContext,
  fn: FunctionNode,
  registered: boolean,
): ServerFramework | undefined {
  const typed = typedFramework(ctx, fn);
  if (typed) return typed;
  const inferred = inferFrameworkFromUsage(ctx, fn, registered);
  if (inferred && !ctx.importedFrameworks.includes(inferred)) ctx.guessedHandlers.add(fn);
  return inferred;
}

export function inferFrameworkFromUsage(
  ctx: ServerContext,
  fn: FunctionNode,
  registered: boolean,
): ServerFramework | undefined {
  const responseLike = ctx.importedFrameworks.filter((f) => f.style === 'response');
  if (fn.params.length >= 2) {
    const index = fn.params.length === 4 ? 2 : 1;
    const response = fn.params[index];
    const request = fn.params[0];
    if (response?.type !== AST_NODE_TYPES.Identifier) return undefined;
    const usage = responseUsage(ctx, response);
    // On a registered route (`router.get('/path', …)`), `res.send(b)` is enough.
    const sends = usage.sends || (registered && usage.methods.has('send'));
    // Fastify sends what an async handler returns; Express ignores it.
    const bodyReturned = registered && index === 1 && returnsBody(ctx, fn);
    if (!sends && !bodyReturned) return undefined;
    if (!isRequestParameter(ctx, request)) return undefined;
    const hinted = SERVER_FRAMEWORKS.find(
      (framework) =>
        framework.inferredFrom?.responseMethods?.some((method) => usage.methods.has(method)) ||
        (bodyReturned && framework.inferredFrom?.returnedBody) ||
        (framework.inferredFrom?.whenImported && responseLike.includes(framework)),
    );
    return hinted ?? responseLike[0] ?? FALLBACK_FRAMEWORK;
  }
  const context = fn.params[0];
  if (context?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const usage = responseUsage(ctx, context);
  return (
    ctx.importedFrameworks.find((framework) =>
      framework.inferredFrom?.contextMethods?.some((method) => usage.methods.has(method)),
    ) ??
    ctx.importedFrameworks.find((framework) =>
      framework.inferredFrom?.contextAssignments?.some((key) => usage.assigned.has(key)),
    )
  );
}

/** How a variable is used: the methods called on it, the properties assigned, and whether it sends (`res.status(…)`, `res.json(…)`, `res.statusCode = …`). */
export interface MemberUsage {
  readonly methods: ReadonlySet<string>;
  readonly assigned: ReadonlySet<string>;
  readonly sends: boolean;
}

const NO_USAGE: MemberUsage = { methods: new Set(), assigned: new Set(), sends: false };

/** How a parameter is used: the methods called on it and the properties assigned. */
export function responseUsage(ctx: ServerContext, param: TSESTree.Identifier): MemberUsage {
  const variable = variableOfParameter(ctx, param);
  return variable ? memberUsage(ctx, variable) : NO_USAGE;
}

/** A variable's member uses, read once per file: a handler's parameters are asked for several times. */
export function memberUsage(ctx: ServerContext, variable: TSESLint.Scope.Variable): MemberUsage {
  let usage = ctx.memberUsages.get(variable);
  if (!usage) {
    const methods = new Set<string>();
    const assigned = new Set<string>();
    someMemberUse(variable, (name, use) => {
      (use === 'call' ? methods : assigned).add(name);
      return false;
    });
    const sends = [...methods].some(sendsWithCall) || assigned.has('statusCode');
    ctx.memberUsages.set(variable, (usage = { methods, assigned, sends }));
  }
  return usage;
}

/** `send` alone is any socket's or process's: only HTTP-specific methods make a response. */
export function sendsWithCall(method: string): boolean {
  return HTTP_RESPONSE_METHODS.has(method);
}

/**
 * Whether `test` holds for one of the variable's member uses: `v.name(arg, …)` (a call with
 * arguments) or `v.name = …` (an assignment). Stops at the first that does.
 */
export function someMemberUse(
  variable: TSESLint.Scope.Variable,
  test: (name: string, use: 'call' | 'assign') => boolean,
): boolean {
  for (const reference of variable.references) {
    const top = skipWrappersUp(reference.identifier);
    const member = top.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== top) continue;
    const name = memberName(member);
    if (name === undefined) continue;
    const parent = skipWrappersUp(member).parent;
    if (
      parent?.type === AST_NODE_TYPES.CallExpression &&
      skipWrappers(parent.callee) === member &&
      parent.arguments.length > 0 &&
      test(name, 'call')
    )
      return true;
    if (
      parent?.type === AST_NODE_TYPES.AssignmentExpression &&
      parent.left === member &&
      test(name, 'assign')
    )
      return true;
  }
  return false;
}
