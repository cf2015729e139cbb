import type { TSESLint } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '../core/node-types';
import type { FunctionNode, Node } from '../core/ast';
import { calledMemberName, contains, isFunction, skipWrappers, skipWrappersUp } from '../core/ast';
import type { ClientId } from '../libraries/clients';
import type { HttpModel } from '../model';
import type { HeaderSource } from '../../fixes/retry-after';
/** Clients whose request rejects on an error status with an error that carries `response`. */
const ERROR_CARRIES_RESPONSE = new Set<ClientId>([
  'axios',
  'got',
  'ky',
  'ofetch',
  'wretch',
  'superagent',
]);

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
    !requests.every((request) => ERROR_CARRIES_RESPONSE.has(request.client.id))
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
