import type { TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode, Node } from '../core/ast';
import {
  contains,
  importedName,
  isFunction,
  itemsWithin,
  memberName,
  skipWrappers,
} from '../core/ast';
import type { AnalyzedFile } from '../core/file';
import { AST_NODE_TYPES } from '../core/node-types';
import type { RetryConfigLibrary } from '../libraries/retry';
import { THROWING_CLIENTS } from '../libraries/retry';
import { narrow } from './conditions';
import type { RetryContext } from './context';
import { responsesInOrder } from './delays';
import { addPathSite } from './path-sites';
import { disablesThrowing } from './throwing';
import { caughtBefore, isPromiseCallback } from './throws';
import type { RetryConfig } from './types';

/** Throws in the function a retry library runs: each retries the statuses its condition lets through. */
export function callbackSites(ctx: RetryContext, config: RetryConfig, fn: FunctionNode): void {
  const responses = itemsWithin(
    responsesInOrder(ctx),
    (r) => r.helperCall ?? r.request.node,
    fn.range[0],
    fn.range[1],
  );
  if (responses.length === 0) return;
  const abortNames = abortErrorNames(ctx, config.library);
  for (const thrown of ctx.file.nodesOfTypeIn(AST_NODE_TYPES.ThrowStatement, fn.body)) {
    if (!contains(fn.body, thrown) || !runsIn(thrown, fn) || caughtBefore(thrown, fn)) continue;
    if (isAbortError(thrown, abortNames)) continue;
    for (const response of responses) {
      const origin = response.helperCall ?? response.request.node;
      if (origin.range[1] > thrown.range[0]) continue;
      const client = THROWING_CLIENTS[response.request.client.id];
      if (client && !disablesThrowing(ctx.file, response.request, client.disabledBy)) continue;
      const { statuses, conditions } = narrow(ctx, thrown, response.subject, fn);
      addPathSite(
        ctx,
        'library-callback',
        [response.request],
        thrown,
        fn,
        response.subject,
        statuses,
        conditions,
        origin,
        response,
        { config },
      );
    }
  }
}

/** Whether a node runs as part of `fn` itself (not in a nested function other than `.then` callbacks). */
function runsIn(node: Node, fn: FunctionNode): boolean {
  for (let current = node.parent; current && current !== fn; current = current.parent) {
    if (isFunction(current) && !isPromiseCallback(current)) return false;
  }
  return true;
}

function abortErrorNames(ctx: RetryContext, library: RetryConfigLibrary): Set<string> {
  let names = ctx.abortErrorNamesOf.get(library);
  if (!names) ctx.abortErrorNamesOf.set(library, (names = findAbortErrorNames(ctx.file, library)));
  return names;
}

function findAbortErrorNames(file: AnalyzedFile, library: RetryConfigLibrary): Set<string> {
  const names = new Set<string>();
  if (library.stop?.kind !== 'abort-error') return names;
  const exportName = library.stop.exportName;
  for (const declaration of file.moduleStatements()) {
    if (
      declaration.type !== AST_NODE_TYPES.ImportDeclaration ||
      !library.modules.includes(declaration.source.value)
    )
      continue;
    for (const specifier of declaration.specifiers) {
      if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
        const imported = importedName(specifier);
        if (imported === exportName) names.add(specifier.local.name);
      }
    }
  }
  names.add(exportName);
  return names;
}

function isAbortError(thrown: TSESTree.ThrowStatement, names: ReadonlySet<string>): boolean {
  const argument = skipWrappers(thrown.argument);
  if (argument.type !== AST_NODE_TYPES.NewExpression) return false;
  const callee = skipWrappers(argument.callee);
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : memberName(callee);
  return name !== undefined && names.has(name);
}
