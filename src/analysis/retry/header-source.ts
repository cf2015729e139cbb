import type { TSESLint } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '../core/node-types';
import type { FunctionNode, Node } from '../core/ast';
import {
  calledMemberName,
  contains,
  isFunction,
  memberName,
  skipWrappers,
  skipWrappersUp,
} from '../core/ast';
import type { HttpModel } from '../model';
import type { HeaderSource } from '../../fixes/retry-after';
import type { Readability } from './readability';
import { readabilityAt, testedForNull } from './readability';
import type { RetrySite } from './types';
import { wrappedHeaderSource } from './wrapped-requests';

/**
 * How the code can read the headers the server sent, through `variable`, at `at`: a tracked
 * response (`res.headers.get(…)`, `res.headers[…]` by the client's `headerStyle`), or an error
 * caught around requests of clients whose errors carry the response (`error.response?.headers[…]`).
 * Undefined when the variable is not visible at `at` or its headers cannot be known.
 */
export function headerSourceFor(
  model: HttpModel,
  variable: TSESLint.Scope.Variable,
  at: Node,
): HeaderSource | undefined {
  const visible = ASTUtils.findVariable(model.file.scopeOf(at), variable.name);
  if (visible !== variable) return undefined;
  const response = model.responseHeldBy(variable);
  if (response) return { holder: variable.name, style: response.request.client.headerStyle };
  const def = variable.defs[0];
  if (!def) return undefined;
  let region: Node | undefined;
  if (def.type === 'CatchClause') region = def.node.parent.block;
  else if (def.type === 'Parameter' && isFunction(def.node)) region = rejectedPromiseOf(def.node);
  if (!region) return undefined;
  const requests = model.requests.filter((request) => contains(region, request.node));
  if (
    requests.length === 0 ||
    !requests.every((request) => request.client.throwsOnErrorStatus?.errorCarriesResponse)
  )
    return undefined;
  const styles = new Set(requests.map((request) => request.client.headerStyle));
  if (styles.size !== 1) return undefined;
  return { holder: variable.name, style: [...styles][0]!, viaErrorResponse: true };
}

/** `promise.catch((error) => …)`: the promise the callback handles. */
function rejectedPromiseOf(fn: FunctionNode): Node | undefined {
  if (fn.params[0]?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const top = skipWrappersUp(fn);
  const call = top.parent;
  if (
    call?.type !== AST_NODE_TYPES.CallExpression ||
    call.arguments[0] !== top ||
    calledMemberName(call) !== 'catch'
  )
    return undefined;
  const callee = skipWrappers(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression ? callee.object : undefined;
}

/**
 * How a fix reads the headers at `at`: through the response or error that decides the retry,
 * with how safely it can read it there (`readabilityAt`). In TypeScript, a caught error is
 * `unknown` unless the code narrows it: the fix reads `error.response` only where the code
 * itself already does, so it adds no type error.
 */
export function headerSourceAt(
  model: HttpModel,
  site: RetrySite,
  at: Node,
  typescript: boolean,
): { source: HeaderSource; readability: Readability } | undefined {
  const variables = [
    ...(site.response?.subject.holderVariables ?? []),
    ...(site.subject?.holderVariables ?? []),
  ];
  let found: { source: HeaderSource; readability: Readability } | undefined;
  for (const variable of variables) {
    const source = headerSourceFor(model, variable, at);
    if (!source) continue;
    if (source.viaErrorResponse && typescript && !readsResponseDirectly(variable)) continue;
    const readability = readabilityAt(variable, at);
    // Initialised, but null where the code tests it so (`!res || res.status === 429`): read with `?.`.
    if (readability === 'safe')
      return { source: { ...source, optional: testedForNull(variable) }, readability };
    // Not shown to be there: a suggestion reads it with `?.`, so a missing response gives the fallback.
    if (!found || (found.readability === 'unsafe' && readability === 'unknown'))
      found = { source: { ...source, optional: true }, readability };
  }
  return found ?? wrappedHeaderSource(model, site, at, typescript);
}

/** `error.response…` written on the variable itself, not through `(error as AxiosError).response`. */
function readsResponseDirectly(variable: TSESLint.Scope.Variable): boolean {
  return variable.references.some((reference) => {
    const parent = reference.identifier.parent;
    return (
      parent?.type === AST_NODE_TYPES.MemberExpression &&
      parent.object === reference.identifier &&
      memberName(parent) === 'response'
    );
  });
}
