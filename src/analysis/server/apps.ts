import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ReferenceTracker } from '@eslint-community/eslint-utils';
import { AST_NODE_TYPES } from '../core/node-types';

import type { Node } from '../core/ast';
import {
  findProperty,
  isFunction,
  literalString,
  memberName,
  skipWrappers,
  skipWrappersUp,
} from '../core/ast';
import type { ResponseFactory, ServerFramework, StatusCall } from '../libraries/frameworks';
import { PLUGIN_METHODS, SERVER_FRAMEWORKS, SUB_APP_METHODS } from '../libraries/frameworks';
import { shortestNeedles } from '../core/text';
import type { TraceMaps } from '../core/trace-maps';
import {
  addGlobalTrace,
  addModuleTrace,
  CALL,
  CONSTRUCT,
  emptyTraceMaps,
} from '../core/trace-maps';
import type { ServerContext } from './context';
import { acceptedBy } from './context';
import { addFactorySend } from './factories';
import { noteFactoryStatus, noteStatus, noteStatusCall } from './status-arguments';

// ---- tracing framework imports ---------------------------------------------------------------

export type TraceInfo =
  | { readonly kind: 'app'; readonly framework: ServerFramework }
  | { readonly kind: 'handler-factory'; readonly framework: ServerFramework }
  | {
      readonly kind: 'response-factory';
      readonly framework: ServerFramework;
      readonly factory: ResponseFactory;
    }
  | { readonly kind: 'status-function'; readonly framework: ServerFramework }
  | {
      readonly kind: 'status-call';
      readonly framework: ServerFramework;
      readonly call: StatusCall;
    };

/** The trace maps of every framework's exports, built once (ReferenceTracker does not change them). */
let cachedTraceMaps: (TraceMaps & { readonly globalNames: readonly string[] }) | undefined;
export function traceMaps(): TraceMaps & { readonly globalNames: readonly string[] } {
  if (cachedTraceMaps) return cachedTraceMaps;
  const maps = emptyTraceMaps();
  const add = (
    framework: ServerFramework,
    path: readonly string[],
    kind: typeof CALL | typeof CONSTRUCT,
    info: TraceInfo,
  ): void => {
    for (const source of framework.sources) {
      // The module itself is the default export (`import express from`, `require('express')`).
      addModuleTrace(maps, source, 'default', path, kind, info);
      if (path.length > 0) addModuleTrace(maps, source, path[0]!, path.slice(1), kind, info);
    }
    if (framework.global) addGlobalTrace(maps, framework.global, path, kind, info);
  };
  for (const framework of SERVER_FRAMEWORKS) {
    for (const path of framework.apps ?? []) {
      add(framework, path, CALL, { kind: 'app', framework });
      add(framework, path, CONSTRUCT, { kind: 'app', framework });
    }
    for (const path of framework.handlerFactories ?? [])
      add(framework, path, CALL, { kind: 'handler-factory', framework });
    for (const name of framework.statusFunctions ?? [])
      add(framework, [name], CALL, { kind: 'status-function', framework });
    for (const call of framework.statusCalls ?? [])
      add(framework, call.path, CALL, { kind: 'status-call', framework, call });
    for (const factory of framework.responseFactories ?? []) {
      add(framework, factory.path, factory.construct ? CONSTRUCT : CALL, {
        kind: 'response-factory',
        framework,
        factory,
      });
    }
  }
  return (cachedTraceMaps = { ...maps, globalNames: Object.keys(maps.globals) });
}

/** Auto-imported handler factories (Nuxt, Nitro) by name, with the frameworks they belong to. */
export const GLOBAL_HANDLER_FACTORIES = new Map<string, ServerFramework[]>();
for (const framework of SERVER_FRAMEWORKS) {
  for (const name of framework.globalHandlerFactories ?? [])
    GLOBAL_HANDLER_FACTORIES.set(name, [...(GLOBAL_HANDLER_FACTORIES.get(name) ?? []), framework]);
}

/** The names of every global the trace follows: a file without them has no such use. */
export const GLOBAL_NEEDLES: readonly string[] = shortestNeedles([
  ...Object.keys(traceMaps().globals),
  ...GLOBAL_HANDLER_FACTORIES.keys(),
]);

export const NO_MODULES: ReadonlySet<string> = new Set();

export const MAX_FOLLOW = 4;

export function trace(ctx: ServerContext): void {
  const { esm, cjs, globals, globalNames } = traceMaps();
  const globalScope = ctx.file.scopeManager.globalScope!;
  let trackerOfFile: ReferenceTracker | undefined;
  const tracker = (): ReferenceTracker =>
    (trackerOfFile ??= new ReferenceTracker(ctx.file.trackerScope() as never));
  const importsFramework = ctx.importedFrameworks.length > 0 || ctx.file.mayImport(NO_MODULES);
  const found: Array<{ node: unknown; info: unknown }> = [];
  if (importsFramework)
    found.push(
      ...tracker().iterateEsmReferences(esm as never),
      ...tracker().iterateCjsReferences(cjs as never),
    );
  // Every use of a global (`Response`, Nuxt's `defineEventHandler`) names it. The text is searched
  // only where the scopes show such a use: the scope manager answers without a scan of the text.
  let namesGlobal: boolean | undefined;
  const textNamesGlobal = (): boolean => (namesGlobal ??= ctx.file.textIncludes(...GLOBAL_NEEDLES));
  if (ctx.file.mayUseDeclaredGlobal(globalNames) && textNamesGlobal())
    found.push(...tracker().iterateGlobalReferences(globals as never));
  const readsThrough =
    importsFramework ||
    (globalScope.through.some(({ identifier: { name } }) => isTracedGlobalName(globals, name)) &&
      textNamesGlobal());
  const handlerFactoryCalls: Array<[TSESTree.CallExpression, readonly ServerFramework[]]> = [];
  for (const reference of readsThrough ? globalScope.through : []) {
    const { identifier } = reference;
    const name = identifier.name;
    // Globals the config does not declare (`Response` without `globals.browser`) stay unresolved.
    if (Object.hasOwn(globals, name)) {
      // A type (`: Response`) is no use of the global.
      if (!globalScope.set.has(name) && !isTypeOnly(reference))
        found.push(
          ...tracker().iteratePropertyReferences(identifier as never, globals[name] as never),
        );
      continue;
    }
    const call = identifier.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== identifier) continue;
    // `require` without Node globals declared stays unresolved: trace its calls too.
    if (name === 'require' && importsFramework && !globalScope.set.has('require')) {
      const source = call.arguments[0] && literalString(call.arguments[0]);
      if (source !== undefined && Object.hasOwn(cjs, source))
        found.push(...tracker().iteratePropertyReferences(call as never, cjs[source] as never));
      continue;
    }
    // Nuxt and Nitro auto-import h3's handler factories and status setters.
    const frameworks = GLOBAL_HANDLER_FACTORIES.get(name);
    if (frameworks) handlerFactoryCalls.push([call, frameworks]);
  }
  for (const { node, info } of found) onTraced(ctx, node as unknown as Node, info as TraceInfo);
  for (const [call, frameworks] of handlerFactoryCalls) {
    for (const framework of frameworks) {
      onTraced(ctx, call, { kind: 'handler-factory', framework });
      for (const statusFunction of framework.statusFunctions ?? [])
        ctx.globalStatusFunctions.set(statusFunction, framework);
      for (const call of framework.statusCalls ?? [])
        if (call.path.length === 1) ctx.globalStatusCalls.set(call.path[0]!, { framework, call });
    }
  }
  if (ctx.globalStatusFunctions.size > 0 || ctx.globalStatusCalls.size > 0) {
    for (const reference of globalScope.through) {
      const call = reference.identifier.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== reference.identifier)
        continue;
      const name = reference.identifier.name;
      const framework = ctx.globalStatusFunctions.get(name);
      if (framework) onTraced(ctx, call, { kind: 'status-function', framework });
      const statusCall = ctx.globalStatusCalls.get(name);
      if (statusCall) onTraced(ctx, call, { kind: 'status-call', ...statusCall });
    }
  }
}

/** A global the loop over unresolved references follows: traced (`Response`) or a handler factory. */
function isTracedGlobalName(globals: object, name: string): boolean {
  return Object.hasOwn(globals, name) || GLOBAL_HANDLER_FACTORIES.has(name);
}

export function onTraced(ctx: ServerContext, node: Node, info: TraceInfo): void {
  switch (info.kind) {
    case 'app':
      followApp(ctx, node, info.framework, 0);
      return;
    case 'handler-factory':
      if (node.type === AST_NODE_TYPES.CallExpression) {
        for (const argument of node.arguments) addHandlerValue(ctx, argument, info.framework, 0);
      }
      return;
    case 'status-function':
      ctx.statusFunctionCalls.add(node);
      // `setResponseStatus(event, status)`
      if (node.type === AST_NODE_TYPES.CallExpression)
        noteStatus(ctx, node.arguments[1], info.framework, acceptedBy(info.framework));
      return;
    case 'status-call':
      if (node.type === AST_NODE_TYPES.CallExpression)
        noteStatusCall(ctx, node, info.framework, info.call);
      return;
    case 'response-factory':
      if (
        node.type === AST_NODE_TYPES.CallExpression ||
        node.type === AST_NODE_TYPES.NewExpression
      ) {
        noteFactoryStatus(ctx, node, info.framework, info.factory);
        addFactorySend(ctx, node, info.framework, info.factory);
      }
      return;
  }
}

/** Follows an app or router value to the calls that register handlers on it. */
export function followApp(
  ctx: ServerContext,
  value: Node,
  framework: ServerFramework,
  depth: number,
): void {
  if (depth > MAX_FOLLOW) return;
  const top = skipWrappersUp(value);
  const parent = top.parent;
  if (!parent) return;
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === top) {
    const name = memberName(parent);
    const call = skipWrappersUp(parent).parent;
    if (
      name === undefined ||
      call?.type !== AST_NODE_TYPES.CallExpression ||
      skipWrappers(call.callee) !== parent
    )
      return;
    if (framework.routeMethods?.includes(name)) {
      addRegistration(ctx, call, framework, depth);
      // Registrations chain: `app.get(…).post(…)`.
      followApp(ctx, call, framework, depth + 1);
    } else if (SUB_APP_METHODS.has(name)) {
      followApp(ctx, call, framework, depth + 1);
    } else if (PLUGIN_METHODS.has(name)) {
      // Fastify plugins: `app.register(async (instance) => { instance.get(…) })`.
      for (const argument of call.arguments) {
        const fn = skipWrappers(argument);
        if (isFunction(fn) && fn.params[0]?.type === AST_NODE_TYPES.Identifier)
          followVariableOf(ctx, fn.params[0], framework, depth + 1);
      }
    }
    return;
  }
  if (
    parent.type === AST_NODE_TYPES.VariableDeclarator &&
    parent.init === top &&
    parent.id.type === AST_NODE_TYPES.Identifier
  ) {
    followVariableOf(ctx, parent.id, framework, depth + 1);
  } else if (
    parent.type === AST_NODE_TYPES.AssignmentExpression &&
    parent.right === top &&
    parent.left.type === AST_NODE_TYPES.Identifier
  ) {
    followVariableOf(ctx, parent.left, framework, depth + 1);
  }
}

export function followVariableOf(
  ctx: ServerContext,
  identifier: TSESTree.Identifier,
  framework: ServerFramework,
  depth: number,
): void {
  const variable = ctx.file.variableOf(identifier);
  if (!variable) return;
  for (const reference of variable.references) {
    if (reference.identifier === identifier || reference.isWrite()) continue;
    followApp(ctx, reference.identifier, framework, depth);
  }
}

/** `app.get(path, …handlers)`, `fastify.route({ handler })`: every function argument is a handler. */
export function addRegistration(
  ctx: ServerContext,
  call: TSESTree.CallExpression,
  framework: ServerFramework,
  depth: number,
): void {
  for (const argument of call.arguments) {
    const inner = skipWrappers(argument);
    if (inner.type === AST_NODE_TYPES.ObjectExpression) {
      const handler = findProperty(inner, 'handler');
      if (handler) addHandlerValue(ctx, handler.value, framework, depth);
      continue;
    }
    addHandlerValue(ctx, argument, framework, depth);
  }
}

/** A function, or a local variable bound to one, used as a handler. */
export function addHandlerValue(
  ctx: ServerContext,
  value: Node,
  framework: ServerFramework,
  depth: number,
): void {
  const inner = skipWrappers(value);
  if (isFunction(inner)) {
    if (!ctx.handlers.has(inner)) ctx.handlers.set(inner, { fn: inner, framework });
    return;
  }
  if (inner.type === AST_NODE_TYPES.ObjectExpression && framework.handlerFactories) {
    // h3 `defineEventHandler({ handler })`
    const handler = findProperty(inner, 'handler');
    if (handler) addHandlerValue(ctx, handler.value, framework, depth);
    return;
  }
  if (inner.type !== AST_NODE_TYPES.Identifier || depth > MAX_FOLLOW) return;
  const variable = ctx.file.variableOf(inner);
  const def = variable?.defs[0];
  if (variable?.defs.length !== 1 || !def) return;
  if (def.type === 'FunctionName' && isFunction(def.node))
    addHandlerValue(ctx, def.node, framework, depth + 1);
  else if (def.type === 'Variable' && def.node.init && def.parent?.kind === 'const')
    addHandlerValue(ctx, def.node.init, framework, depth + 1);
}

/** A reference typescript-eslint marks as a type's only (`: Response`, `typeof fetch` is a value). */
export function isTypeOnly(reference: TSESLint.Scope.Reference): boolean {
  const flags = reference as { isTypeReference?: boolean; isValueReference?: boolean };
  return flags.isTypeReference === true && flags.isValueReference === false;
}
