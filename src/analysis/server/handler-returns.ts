import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../core/node-types';

import type { Node } from '../core/ast';
import { returnStatementsOf, skipWrappers } from '../core/ast';
import type { ServerContext } from './context';
import { returnFix } from './edits';
import type { Handler, PendingSend, ResponseRoot } from './types';

/** Returns of a handler whose return value is the body (Fastify, Elysia, h3). */
export function collectReturns(
  ctx: ServerContext,
  handler: Handler,
  roots: readonly ResponseRoot[],
  pending: PendingSend[],
): void {
  const { fn, framework } = handler;
  const values: Array<{ value: Node; statement: TSESTree.ReturnStatement | undefined }> = [];
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement)
    values.push({ value: fn.body, statement: undefined });
  else {
    for (const statement of returnStatementsOf(fn)) {
      if (statement.argument) values.push({ value: statement.argument, statement });
    }
  }
  const rootVariables = new Set(roots.map((root) => root.variable));
  for (const { value, statement } of values) {
    const inner = skipWrappers(value);
    if (inner.type === AST_NODE_TYPES.AwaitExpression) continue;
    // `return reply.send(b)`, `return reply`: the reply is the send.
    let root: Node = inner;
    while (
      root.type === AST_NODE_TYPES.MemberExpression ||
      root.type === AST_NODE_TYPES.CallExpression
    ) {
      root = skipWrappers(
        root.type === AST_NODE_TYPES.MemberExpression ? root.object : root.callee,
      );
    }
    if (root.type === AST_NODE_TYPES.Identifier) {
      const variable = ctx.file.variableOf(root);
      if (variable && rootVariables.has(variable)) continue;
    }
    pending.push({
      node: statement ?? value,
      framework,
      body: value,
      handler: fn,
      fixerFor: (status) =>
        status.kind === 'default' && statement
          ? returnFix(ctx, handler, roots, statement)
          : undefined,
    });
  }
}
