import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../core/node-types';

import type { Node } from '../core/ast';
import { findProperty, skipWrappers } from '../core/ast';
import type {
  AcceptedStatuses,
  ResponseFactory,
  ServerFramework,
  StatusCall,
} from '../libraries/frameworks';
import type { ServerContext } from './context';
import { resolveNumber } from '../core/static-values';
import { spreadAfter } from './send-status';
import type { StatusArgument } from './types';

export function noteStatus(
  ctx: ServerContext,
  node: Node | undefined,
  framework: ServerFramework,
  accepts: AcceptedStatuses,
  place: StatusArgument['place'] = 'status',
): void {
  if (!node || node.type === AST_NODE_TYPES.SpreadElement || ctx.notedStatuses.has(node)) return;
  ctx.notedStatuses.add(node);
  ctx.statusArguments.push({ node, framework, accepts, place });
}

/** `{ status: 404 }`, unless a later spread may override it. */
export function noteInitStatus(
  ctx: ServerContext,
  init: TSESTree.ObjectExpression,
  framework: ServerFramework,
  accepts: AcceptedStatuses,
  keys: readonly string[] = ['status'],
): void {
  if (accepts.uncheckedWith?.some((key) => findProperty(init, key))) return;
  for (const key of keys) {
    const property = findProperty(init, key);
    if (property && !spreadAfter(init, property))
      noteStatus(ctx, property.value, framework, accepts);
  }
}

/** The init of `new Response(b, init)`, `Response.json(b, init)`: `{ status }`, or a status where the factory takes one. */
export function noteFactoryStatus(
  ctx: ServerContext,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  framework: ServerFramework,
  factory: ResponseFactory,
): void {
  const init = call.arguments[1];
  if (!init || init.type === AST_NODE_TYPES.SpreadElement) return;
  const inner = skipWrappers(init);
  if (inner.type === AST_NODE_TYPES.ObjectExpression)
    noteInitStatus(ctx, inner, framework, factory.statuses);
  else if (factory.init === 'init-or-status') noteStatus(ctx, init, framework, factory.statuses);
  else if (resolveNumber(ctx.file, inner) !== undefined)
    noteStatus(ctx, init, framework, factory.statuses, 'init');
}

/** `Response.redirect(url, 301)`, SvelteKit `error(404, body)`, h3 `createError({ statusCode })`. */
export function noteStatusCall(
  ctx: ServerContext,
  call: TSESTree.CallExpression,
  framework: ServerFramework,
  statusCall: StatusCall,
): void {
  const argument = call.arguments[statusCall.argument];
  if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return;
  const inner = skipWrappers(argument);
  if (inner.type === AST_NODE_TYPES.ObjectExpression) {
    if (statusCall.form !== 'value')
      noteInitStatus(ctx, inner, framework, statusCall.statuses, statusCall.properties);
  } else if (statusCall.form !== 'options') {
    noteStatus(ctx, argument, framework, statusCall.statuses);
  }
}
