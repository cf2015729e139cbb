import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../core/node-types';

import type { Node } from '../core/ast';
import { skipWrappers } from '../core/ast';
import type { ResponseFactory, ServerFramework } from '../libraries/frameworks';
import { insertStatement } from '../../fixes/set-status';
import type { ServerContext } from './context';
import { isStatusNumber } from './send-status';
import type { BodyRemoval, Handler, ResponseRoot, StatusFixer, StatusFixerFactory } from './types';

/** The default-status fix of a method send: `res.json(b)` → `res.status(500).json(b)`. */
export function chainFix(
  ctx: ServerContext,
  receiver: Node,
  framework: ServerFramework,
): StatusFixerFactory {
  const method = framework.statusMethods?.[0];
  // Before the `.`, `?.` or `[` that follows the receiver (and its closing parentheses): a member
  // access always has one. Looked up when the fix is made: a token lookup per send cost more
  // than the rest of the send's analysis.
  const access = (): TSESTree.Token =>
    ctx.file.sourceCode.getTokenAfter(receiver, { filter: (token) => token.value !== ')' })!;
  return (status) =>
    status.kind === 'default' && method
      ? (fixer, code) => [fixer.insertTextBefore(access(), `.${method}(${code})`)]
      : undefined;
}

/** How to set a status before `return body`: `reply.code(500);`, `set.status = 500;`, `setResponseStatus(event, 500);`. */
export function returnFix(
  ctx: ServerContext,
  handler: Handler,
  roots: readonly ResponseRoot[],
  statement: TSESTree.ReturnStatement,
): StatusFixer | undefined {
  const { framework } = handler;
  const whole = roots.find((root) => root.prefix.length === 0);
  if (framework.style === 'response' && whole && framework.statusMethods?.[0]) {
    return insertStatement(
      ctx.file.sourceCode,
      statement,
      `${whole.variable.name}.${framework.statusMethods[0]}(%s);`,
    );
  }
  const statusPath = framework.statusPaths?.[0];
  if (framework.returnStatusByPath && statusPath) {
    const viaPrefix = roots.find(
      (root) => root.prefix.length === 1 && root.prefix[0] === statusPath[0],
    );
    if (viaPrefix)
      return insertStatement(
        ctx.file.sourceCode,
        statement,
        `${viaPrefix.variable.name}.${statusPath.slice(1).join('.')} = %s;`,
      );
    if (whole)
      return insertStatement(
        ctx.file.sourceCode,
        statement,
        `${whole.variable.name}.${statusPath.join('.')} = %s;`,
      );
    return undefined;
  }
  const statusFunction = framework.statusFunctions?.[0];
  if (statusFunction && whole && canCall(ctx, statusFunction, framework, statement)) {
    return insertStatement(
      ctx.file.sourceCode,
      statement,
      `${statusFunction}(${whole.variable.name}, %s);`,
    );
  }
  return undefined;
}

/** Whether `name` at `at` is the framework's export (imported, or a Nuxt auto-import). */
export function canCall(
  ctx: ServerContext,
  name: string,
  framework: ServerFramework,
  at: Node,
): boolean {
  let scope: TSESLint.Scope.Scope | null = ctx.file.scopeOf(at);
  for (; scope; scope = scope.upper) {
    const variable = scope.set.get(name);
    if (variable) {
      const def = variable.defs[0];
      return (
        def?.type === 'ImportBinding' &&
        def.parent.type === AST_NODE_TYPES.ImportDeclaration &&
        framework.sources.includes(def.parent.source.value)
      );
    }
  }
  return ctx.globalStatusFunctions.has(name);
}

/**
 * The same send without its body, in the framework's form (`bodylessSend`): `res.status(204).json(b)` →
 * `res.status(204).end()`, `c.json(b, 204)` → `c.body(null, 204)`. None when other arguments would go too.
 */
export function bodylessMethodSend(
  ctx: ServerContext,
  call: TSESTree.CallExpression,
  framework: ServerFramework,
): BodyRemoval | undefined {
  const bodyless = framework.bodylessSend;
  const callee = skipWrappers(call.callee);
  const first = call.arguments[0];
  if (
    !bodyless ||
    !first ||
    call.optional ||
    callee.type !== AST_NODE_TYPES.MemberExpression ||
    callee.computed ||
    callee.optional
  )
    return undefined;
  const start = callee.property.range[0];
  if (bodyless.body === 'omit') {
    // `res.end(data, callback)`: the callback would go too.
    if (call.arguments.length !== 1) return undefined;
    return {
      replacements: [{ range: [start, call.range[1]], text: `${bodyless.method}()` }],
      changesType: false,
    };
  }
  return {
    replacements: [{ range: [start, first.range[1]], text: `${bodyless.method}(null` }],
    changesType: false,
  };
}

/**
 * The same response without a body: `new Response(b, init)` → `new Response(null, init)`,
 * `Response.json(b, init)` → `new Response(null, init)`, SvelteKit `json(b, init)` or Remix
 * `json(b, 204)` → `new Response(null, { status: 204 })` where the global `Response` is declared.
 */
export function bodylessFactorySend(
  ctx: ServerContext,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  factory: ResponseFactory,
  body: Node,
  init: Node | undefined,
): BodyRemoval | undefined {
  if (factory.construct)
    return { replacements: [{ range: body.range, text: 'null' }], changesType: false };
  if (init?.type === AST_NODE_TYPES.SpreadElement || call.arguments.length > 2) return undefined;
  const initText = !init
    ? ''
    : skipWrappers(init).type === AST_NODE_TYPES.ObjectExpression || !isStatusNumber(ctx, init)
      ? `, ${ctx.file.sourceCode.getText(init)}`
      : `, { status: ${ctx.file.sourceCode.getText(init)} }`;
  const callee = skipWrappers(call.callee);
  if (factory.classMethod) {
    if (
      callee.type !== AST_NODE_TYPES.MemberExpression ||
      callee.computed ||
      callee.optional ||
      (call.type === AST_NODE_TYPES.CallExpression && call.optional)
    )
      return undefined;
    const owner = callee.object;
    if (owner.type !== AST_NODE_TYPES.Identifier && owner.type !== AST_NODE_TYPES.MemberExpression)
      return undefined;
    const typeArguments = call.typeArguments ? ctx.file.sourceCode.getText(call.typeArguments) : '';
    return {
      replacements: [
        {
          range: call.range,
          text: `new ${ctx.file.sourceCode.getText(owner)}${typeArguments}(null${initText})`,
        },
      ],
      changesType: false,
    };
  }
  if (!isDeclaredGlobal(ctx, 'Response', call)) return undefined;
  return {
    replacements: [{ range: call.range, text: `new Response(null${initText})` }],
    changesType: true,
  };
}

/** Whether `name` at `at` is a global the configuration declares (so writing it adds no `no-undef`). */
export function isDeclaredGlobal(ctx: ServerContext, name: string, at: Node): boolean {
  for (let scope: TSESLint.Scope.Scope | null = ctx.file.scopeOf(at); scope; scope = scope.upper) {
    if (scope.set.has(name)) return scope.type === 'global';
  }
  return false;
}
