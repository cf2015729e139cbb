/**
 * Where code can stop retrying a status: the statement an early exit goes before, the catch
 * clause that can rethrow, the name of a library's stop error (p-retry `AbortError`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { Node } from '../core/ast';
import { importedName, isFunction, skipWrappers } from '../core/ast';
import { AST_NODE_TYPES, ASTUtils } from '../core/node-types';
import type { HttpModel } from '../model';
import type { RetrySite } from './types';

/**
 * The statement to put an early exit before: the statement (in a block) that holds the
 * outermost condition of the retry path, after the response is known.
 */
export function earlyExitStatement(
  site: RetrySite,
  fallback: Node,
): TSESTree.Statement | undefined {
  const origin = site.response
    ? (site.response.helperCall ?? site.response.request.node)
    : undefined;
  const outermost = site.conditions.at(-1)?.node ?? fallback;
  for (
    let current: Node | undefined = outermost;
    current && current !== site.container;
    current = current.parent
  ) {
    const parent: Node | undefined = current.parent;
    if (
      parent?.type === AST_NODE_TYPES.BlockStatement &&
      (!origin || origin.range[1] <= current.range[0])
    ) {
      return current as TSESTree.Statement;
    }
    if (parent && isFunction(parent)) return undefined;
  }
  return undefined;
}

/** Whether `name` is visible in `fn`. */
export function scopeHas(model: HttpModel, fn: Node, name: string): boolean {
  return ASTUtils.findVariable(model.file.sourceCode.getScope(fn), name) !== null;
}

/**
 * The local name of the error class that stops a library's retries (p-retry `AbortError`), and
 * where an import of it goes when the file does not import it yet.
 */
export function abortErrorName(
  model: HttpModel,
  site: RetrySite,
): { local: string; addImport?: { after: Node; text: string } } | undefined {
  const stop = site.config?.library.stop;
  if (stop?.kind !== 'abort-error') return undefined;
  const exportName = stop.exportName;
  const callSite = site.config?.site;
  if (callSite?.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = skipWrappers(callSite.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = model.file.variableOf(callee);
  const def = variable?.defs[0];
  if (def?.type === 'ImportBinding' && def.parent.type === AST_NODE_TYPES.ImportDeclaration) {
    const declaration = def.parent;
    for (const specifier of declaration.specifiers) {
      if (specifier.type !== AST_NODE_TYPES.ImportSpecifier) continue;
      const imported = importedName(specifier);
      if (imported === exportName) return { local: specifier.local.name };
    }
    if (ASTUtils.findVariable(model.file.sourceCode.getScope(site.node), exportName))
      return undefined;
    const named = declaration.specifiers.filter((s) => s.type === AST_NODE_TYPES.ImportSpecifier);
    const last = named.at(-1);
    if (last) return { local: exportName, addImport: { after: last, text: `, ${exportName}` } };
    const only = declaration.specifiers[0];
    if (
      declaration.specifiers.length === 1 &&
      only?.type === AST_NODE_TYPES.ImportDefaultSpecifier
    ) {
      return { local: exportName, addImport: { after: only, text: `, { ${exportName} }` } };
    }
    return undefined;
  }
  // CommonJS p-retry (v4) carries AbortError on the function.
  if (def?.type === 'Variable') return { local: `${callee.name}.${exportName}` };
  return undefined;
}
