import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../core/node-types';

import type { FunctionNode, Node } from '../core/ast';
import {
  constInitializer as constInitializerOf,
  memberName,
  propertyBinding,
  skipWrappers,
  skipWrappersUp,
} from '../core/ast';
import type { AccessPath, ServerFramework } from '../libraries/frameworks';
import { statusText } from '../../fixes/status-text';
import { insertStatement } from '../../fixes/set-status';
import type { ServerContext } from './context';
import { acceptedIn, responseIndex, variableOfParameter } from './context';
import { bodylessMethodSend, chainFix } from './edits';
import { collectReturns } from './handler-returns';
import { constantOrUnknown, initStatus, isStatusNumber, statusFromSetters } from './send-status';
import { noteInitStatus, noteStatus } from './status-arguments';
import type { Handler, PendingSend, ResponseRoot, SendStatus, Setter, StatusFixer } from './types';

export const MAX_ROOTS = 8;

export function collectHandlerSends(ctx: ServerContext, handler: Handler): void {
  const { fn, framework } = handler;
  const index = responseIndex(fn, framework);
  const param = fn.params[index];
  const roots: ResponseRoot[] = [];
  const bare = param?.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  if (bare?.type === AST_NODE_TYPES.Identifier) {
    const variable = variableOfParameter(ctx, bare);
    if (variable) roots.push({ variable, prefix: [] });
  } else if (bare?.type === AST_NODE_TYPES.ObjectPattern) {
    // Elysia `({ body, set }) => …`
    for (const property of bare.properties) {
      if (
        property.type !== AST_NODE_TYPES.Property ||
        property.computed ||
        property.key.type !== AST_NODE_TYPES.Identifier
      )
        continue;
      const value = propertyBinding(property);
      if (value.type !== AST_NODE_TYPES.Identifier) continue;
      const variable = ctx.file.scopeManager
        .getDeclaredVariables(fn)
        .find((v) => v.defs.some((def) => def.name === value));
      if (variable) roots.push({ variable, prefix: [property.key.name] });
    }
  }

  const setters: Setter[] = [];
  const pending: PendingSend[] = [];

  for (const { variable, prefix } of roots) {
    for (const reference of variable.references) {
      if (reference.isWrite()) continue;
      const { path, top } = accessPath(reference.identifier as TSESTree.Identifier, prefix);
      const parent = top.parent;
      if (!parent) continue;
      // `const r = res`: the alias is the response too.
      if (
        top === skipWrappersUp(reference.identifier) &&
        parent.type === AST_NODE_TYPES.VariableDeclarator &&
        parent.init === top &&
        parent.id.type === AST_NODE_TYPES.Identifier &&
        roots.length < MAX_ROOTS
      ) {
        const alias = ctx.file.variableOf(parent.id);
        if (
          alias &&
          !roots.some((root) => root.variable === alias) &&
          constInitializerOf(alias) === parent.init
        )
          roots.push({ variable: alias, prefix });
        continue;
      }
      // Assignments: `res.statusCode = n`, `ctx.status = n`, `ctx.body = b`, `set.status = n`.
      if (
        parent.type === AST_NODE_TYPES.AssignmentExpression &&
        parent.left === top &&
        parent.operator === '='
      ) {
        if (matchesPath(framework.statusPaths, path)) {
          setters.push({ node: parent, value: parent.right });
          noteStatus(ctx, parent.right, framework, acceptedIn(ctx, framework, fn));
        } else if (
          matchesPath(framework.bodyPaths, path) &&
          top.type === AST_NODE_TYPES.MemberExpression
        ) {
          const receiver = top.object;
          pending.push({
            node: parent,
            framework,
            body: parent.right,
            handler: fn,
            fixerFor: (status) =>
              status.kind === 'default'
                ? insertStatement(
                    ctx.file.sourceCode,
                    parent,
                    `${ctx.file.sourceCode.getText(receiver)}.status = ${'%s'};`,
                  )
                : undefined,
          });
        }
        continue;
      }
      // Elysia `status(404, b)` from the context, destructured (`({ status }) => …`) or not (`ctx.status(…)`).
      const called =
        top.type === AST_NODE_TYPES.MemberExpression ? skipWrappersUp(top).parent : parent;
      if (
        called?.type === AST_NODE_TYPES.CallExpression &&
        skipWrappers(called.callee) === top &&
        matchesPath(framework.statusBodyFunctions, path)
      ) {
        addStatusBodyCall(ctx, called, framework, fn, pending);
        if (path.length === 1 && framework.contextStatusCalls?.includes(path[0]!))
          noteStatus(ctx, called.arguments[0], framework, acceptedIn(ctx, framework, fn));
        continue;
      }
      // Elysia `status(404, body)`, `ctx.status(404)`: a context function that takes the status first.
      if (path.length === 1 && framework.contextStatusCalls?.includes(path[0]!)) {
        const call = skipWrappersUp(top).parent;
        if (
          call?.type === AST_NODE_TYPES.CallExpression &&
          skipWrappers(call.callee) === skipWrappers(top)
        )
          noteStatus(ctx, call.arguments[0], framework, acceptedIn(ctx, framework, fn));
        continue;
      }
      // Calls: `res.status(n).json(b)`, `c.json(b, n)`, `setResponseStatus(event, n)`.
      if (
        path.length === prefix.length &&
        parent.type === AST_NODE_TYPES.CallExpression &&
        parent.arguments.includes(top as TSESTree.Expression)
      ) {
        if (ctx.statusFunctionCalls.has(parent) && parent.arguments[0] === top)
          setters.push({ node: parent, value: parent.arguments[1] });
        else if (framework.opaqueWhenPassed) setters.push({ node: parent, value: undefined });
        continue;
      }
      if (path.length !== prefix.length + 1 || top.type !== AST_NODE_TYPES.MemberExpression)
        continue;
      const call = skipWrappersUp(top).parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || skipWrappers(call.callee) !== top)
        continue;
      followChain(ctx, call, path[path.length - 1]!, top.object, framework, fn, setters, pending);
    }
  }

  if (framework.returnSends) collectReturns(ctx, handler, roots, pending);

  for (const send of pending) {
    const status = send.argumentStatus ?? send.chainStatus;
    let resolved: SendStatus;
    if (status) resolved = constantOrUnknown(ctx, status);
    else if (send.statusInInit) resolved = send.statusInInit;
    else resolved = statusFromSetters(ctx, send.node, fn, setters, framework);
    const setter =
      resolved.kind === 'constant'
        ? (fixer: TSESLint.RuleFixer, code: number) => [
            fixer.replaceText(resolved.node, statusText(ctx.file.sourceCode, resolved.node, code)),
          ]
        : undefined;
    const made = send.fixerFor(resolved);
    const setStatus: StatusFixer | undefined =
      resolved.kind === 'unknown'
        ? undefined
        : (setter ?? (made ? (fixer, code) => made(fixer, code) : undefined));
    ctx.sends.push({
      node: send.node,
      framework,
      body: send.body,
      encoding: send.encoding ?? 'raw',
      handler: fn,
      status: resolved,
      setStatus,
      bodyOnNullStatus: framework.bodyOnNullStatus,
      removeBody: send.removeBody,
      frameworkGuessed: ctx.guessedHandlers.has(fn),
    });
  }
}

/** Follows `res.a(…).b(…)` from its first call to the send at its end. */
export function followChain(
  ctx: ServerContext,
  first: TSESTree.CallExpression,
  firstName: string,
  receiver: Node,
  framework: ServerFramework,
  fn: FunctionNode,
  setters: Setter[],
  pending: PendingSend[],
): void {
  let call = first;
  let name = firstName;
  let chainStatus: Node | undefined;
  for (let step = 0; step < 8; step++) {
    if (framework.statusMethods?.includes(name)) {
      chainStatus = call.arguments[0];
      noteStatus(ctx, chainStatus, framework, acceptedIn(ctx, framework, fn));
    } else if (framework.statusSends?.includes(name)) {
      noteStatus(ctx, call.arguments[0], framework, acceptedIn(ctx, framework, fn));
    } else if (framework.sendMethods?.includes(name)) {
      addMethodSend(ctx, call, name, receiver, framework, fn, chainStatus, pending);
      return;
    }
    const top = skipWrappersUp(call);
    const member = top.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== top) break;
    const next = skipWrappersUp(member).parent;
    const nextName = memberName(member);
    if (
      next?.type !== AST_NODE_TYPES.CallExpression ||
      skipWrappers(next.callee) !== member ||
      nextName === undefined
    )
      break;
    call = next;
    name = nextName;
  }
  // A chain that sets a status without sending: a setter.
  if (chainStatus) setters.push({ node: first, value: chainStatus });
}

export function addMethodSend(
  ctx: ServerContext,
  call: TSESTree.CallExpression,
  name: string,
  receiver: Node,
  framework: ServerFramework,
  fn: FunctionNode,
  chainStatus: Node | undefined,
  pending: PendingSend[],
): void {
  const args = call.arguments;
  const first = args[0];
  if (!first || first.type === AST_NODE_TYPES.SpreadElement) return;
  const encoding = framework.jsonSendMethods?.includes(name) ? 'json' : 'raw';
  const removeBody = bodylessMethodSend(ctx, call, framework);
  if (framework.style === 'context-json') {
    // Hono `c.json(body, status?, headers?)`, `c.json(body, { status, headers })`
    const init = args[1];
    const base = {
      node: call,
      framework,
      body: first,
      handler: fn,
      encoding,
      removeBody,
    } as const;
    if (!init) {
      pending.push({
        ...base,
        fixerFor: () => (fixer, code) => [fixer.insertTextAfter(first, `, ${code}`)],
      });
      return;
    }
    const initNode = skipWrappers(init);
    if (initNode.type === AST_NODE_TYPES.ObjectExpression) {
      const fromInit = initStatus(ctx, initNode);
      noteInitStatus(ctx, initNode, framework, acceptedIn(ctx, framework, fn));
      pending.push({ ...base, statusInInit: fromInit.status, fixerFor: fromInit.fixerFor });
      return;
    }
    noteStatus(ctx, init, framework, acceptedIn(ctx, framework, fn));
    pending.push({ ...base, argumentStatus: init, fixerFor: () => undefined });
    return;
  }
  if (args.length >= 2 && framework.legacyStatusSendMethods?.includes(name)) {
    // Express 4: `res.json(status, body)`, `res.json(body, status)`, `res.send(status, body)`
    const second = args[1]!;
    const [argumentStatus, body] = isStatusNumber(ctx, first) ? [first, second] : [second, first];
    pending.push({
      node: call,
      framework,
      body,
      handler: fn,
      argumentStatus,
      fixerFor: () => undefined,
      encoding,
    });
    return;
  }
  pending.push({
    node: call,
    framework,
    body: first,
    handler: fn,
    chainStatus,
    fixerFor: chainFix(ctx, receiver, framework),
    encoding,
    removeBody,
  });
}

/** Elysia `status(404, body)`: the status and the body in one call. */
export function addStatusBodyCall(
  ctx: ServerContext,
  call: TSESTree.CallExpression,
  framework: ServerFramework,
  fn: FunctionNode,
  pending: PendingSend[],
): void {
  const [status, body] = call.arguments;
  if (
    !status ||
    !body ||
    status.type === AST_NODE_TYPES.SpreadElement ||
    body.type === AST_NODE_TYPES.SpreadElement
  )
    return;
  // `status(204, body)` → `status(204)`
  const removeBody =
    call.arguments.length === 2
      ? {
          replacements: [{ range: [status.range[1], body.range[1]] as const, text: '' }],
          changesType: false,
        }
      : undefined;
  pending.push({
    node: call,
    framework,
    body,
    handler: fn,
    argumentStatus: status,
    fixerFor: () => undefined,
    encoding: 'raw',
    removeBody,
  });
}

export function matchesPath(
  paths: readonly AccessPath[] | undefined,
  path: readonly string[],
): boolean {
  return (
    paths?.some((p) => p.length === path.length && p.every((key, i) => key === path[i])) ?? false
  );
}

/** The member path read from an identifier (`ctx.response.body` → `['response', 'body']`), after a destructuring prefix. */
export function accessPath(
  identifier: TSESTree.Identifier,
  prefix: AccessPath,
): { path: string[]; top: Node } {
  const path = [...prefix];
  let top: Node = skipWrappersUp(identifier);
  for (;;) {
    const parent = top.parent;
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== top) break;
    const name = memberName(parent);
    if (name === undefined) break;
    path.push(name);
    top = skipWrappersUp(parent);
    // Stop at a member that is called: `res.status(…)` is a method, not a path.
    const above = top.parent;
    if (above?.type === AST_NODE_TYPES.CallExpression && skipWrappers(above.callee) === parent) {
      top = parent;
      break;
    }
  }
  return { path, top };
}
