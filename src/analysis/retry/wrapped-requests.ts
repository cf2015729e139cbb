/**
 * Retries of a request the file does not show: work passed in (`withRetry(fn)`: `try { return
 * await fn() } catch (err) { … return withRetry(fn, n - 1) }`, or the same in a loop) and calls
 * on a client the file does not create (`await api.post('/x', body)` with `api` imported or a
 * parameter, `await this.client.get(u)`). Only where the `catch` reads a status from the caught error (`err.status`,
 * `err.statusCode`, `err.response?.status`): that read is the evidence that what failed is an
 * HTTP request. The sites carry the calls (`RetrySite.calls`) and no `HttpRequest`.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { HeaderSource } from '../../fixes/retry-after';
import type { Node } from '../core/ast';
import { contains, enclosingFunction, itemsWithin, memberName, skipWrappersUp } from '../core/ast';
import { AST_NODE_TYPES, ASTUtils } from '../core/node-types';
import type { HttpModel } from '../model';
import { CLIENT_REQUEST_METHODS } from '../libraries/clients';
import type { StatusSubject } from '../status/subject';
import { factsToEnd } from '../core/path-to-end';
import type { PathDomain } from '../core/paths';
import { addCatchSites, responsesWithin } from './catch';
import { enclosingLoop } from './loop-nodes';
import { recursiveCalls } from './recursion';
import type { RetryContext } from './context';
import type { Readability } from './readability';
import { readabilityAt, testedForNull } from './readability';
import { caughtBefore } from './throws';
import type { RetrySite } from './types';

export function findWrappedRetries(ctx: RetryContext): void {
  if (!ctx.file.textIncludes('catch') || !ctx.file.textIncludes('status')) return;
  const text = ctx.file.sourceCode.text;
  for (const handler of ctx.file.catchClauses()) {
    const parameter = handler.param;
    if (parameter?.type !== AST_NODE_TYPES.Identifier) continue;
    // Every status read (`err.status`, `err['statusCode']`, `const { status } = err`) is written
    // in the clause's body: a body without the word has none, and needs no subject built.
    const status = text.indexOf('status', handler.body.range[0]);
    if (status === -1 || status >= handler.body.range[1]) continue;
    const variable = ctx.file.variableOf(parameter);
    if (!variable) continue;
    const subject = ctx.model.subjectOfVariable(variable);
    if (!subject.statusReads().some((read) => contains(handler.body, read))) continue;
    const statement = handler.parent;
    // A request the model knows: the catch retries are found from it (`findCatchRetries`).
    if (holdsKnownRequest(ctx, statement.block)) continue;
    const calls = unknownRequests(ctx, statement);
    if (calls.length > 0)
      addCatchSites(ctx, statement, [], [], calls, {
        calls,
        polls: goesRoundOnSuccess(ctx, statement),
      });
  }
}

const NO_FACTS: PathDomain<never> = { factOf: () => undefined };

/**
 * Whether the loop or function around the `try` goes round after its work succeeds: a poll
 * (`try { const { data } = await api.get(u); if (data.done) return data; } catch …` in a loop,
 * or `return poll()` in the `try`), where going round after an error is part of the poll too.
 */
function goesRoundOnSuccess(ctx: RetryContext, statement: TSESTree.TryStatement): boolean {
  const loop = enclosingLoop(statement);
  if (loop && factsToEnd(ctx.file, statement.block, loop, NO_FACTS) !== undefined) return true;
  const fn = enclosingFunction(statement);
  return (
    fn !== undefined && recursiveCalls(ctx, fn).some((call) => contains(statement.block, call))
  );
}

function holdsKnownRequest(ctx: RetryContext, block: Node): boolean {
  const [start, end] = block.range;
  return (
    itemsWithin(ctx.model.requests, (r) => r.node, start, end).length > 0 ||
    responsesWithin(ctx, block).length > 0
  );
}

/**
 * The awaited calls in the `try` whose rejection its `catch` gets: of a function passed in
 * (`await fn()`), or of a request method on a client imported, passed in or held by the instance
 * (`await api.get(u)`, `await this.client.get(u)`).
 */
function unknownRequests(
  ctx: RetryContext,
  statement: TSESTree.TryStatement,
): TSESTree.CallExpression[] {
  const fn = enclosingFunction(statement);
  return ctx.file
    .nodesOfTypeOutsideFunctions(AST_NODE_TYPES.CallExpression, statement.block)
    .filter(
      (call) =>
        contains(statement.block, call) &&
        enclosingFunction(call) === fn &&
        skipWrappersUp(call).parent?.type === AST_NODE_TYPES.AwaitExpression &&
        !caughtBefore(call, statement) &&
        isUnknownRequest(ctx, call),
    );
}

function isUnknownRequest(ctx: RetryContext, call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const variable = ctx.file.variableOf(callee);
    return variable !== null && isParameterOnly(variable);
  }
  if (
    callee.type !== AST_NODE_TYPES.MemberExpression ||
    !CLIENT_REQUEST_METHODS.has(memberName(callee) ?? '')
  )
    return false;
  // A client the instance holds, set up elsewhere (`this.client.get(u)`, `this.#http.post(u)`).
  if (
    callee.object.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.object.type === AST_NODE_TYPES.ThisExpression
  )
    return true;
  if (callee.object.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ctx.file.variableOf(callee.object);
  return (
    variable !== null &&
    (isParameterOnly(variable) ||
      (variable.defs.length === 1 && variable.defs[0]!.type === 'ImportBinding'))
  );
}

/** A parameter the code never reassigns: each call gets what the caller passed. */
function isParameterOnly(variable: TSESLint.Scope.Variable): boolean {
  return (
    variable.defs.length === 1 &&
    variable.defs[0]!.type === 'Parameter' &&
    !variable.references.some((r) => r.isWrite() && !r.init)
  );
}

/** Where the requests of a retry path are sent: the tracked requests' calls and the calls the file does not show. */
export function retriedOrigins(site: RetrySite): Node[] {
  return [...site.requests.map((request) => request.node), ...(site.calls ?? [])];
}

/**
 * How a fix reads the headers of the error a retry of calls the file does not show caught. Where
 * the code reads the error's headers itself (`err.response.headers.get(…)`, `err.headers[…]`)
 * the shape is stated; where it reads only `err.response?.status`, the headers are guessed as
 * the plain object axios, got and superagent errors carry, and the read is never an autofix
 * (`readability` at best `'unknown'`). An error whose status is its own (`err.status`) has
 * headers nowhere known unless the code reads them. In TypeScript, the fix reads only through
 * members the code itself reads directly on the variable, so it adds no type error.
 */
export function wrappedHeaderSource(
  model: HttpModel,
  site: RetrySite,
  at: Node,
  typescript: boolean,
): { source: HeaderSource; readability: Readability } | undefined {
  const subject = site.subject;
  const variable = subject?.holderVariables[0];
  if (!subject || !variable || site.calls === undefined) return undefined;
  if (ASTUtils.findVariable(model.file.scopeOf(at), variable.name) !== variable) return undefined;
  const viaErrorResponse = readsThroughResponse(subject);
  if (viaErrorResponse === undefined) return undefined;
  const stated = statedHeaderStyle(variable, viaErrorResponse);
  if (!stated && !viaErrorResponse) return undefined;
  if (typescript && !readsDirectly(variable, viaErrorResponse ? 'response' : 'headers'))
    return undefined;
  const readability = readabilityAt(variable, at);
  return {
    source: {
      holder: variable.name,
      style: stated ?? 'index',
      viaErrorResponse,
      optional: readability !== 'safe' || testedForNull(variable),
    },
    // A guessed shape is a suggestion (a read of the wrong shape would wait the fallback).
    readability: !stated && readability === 'safe' ? 'unknown' : readability,
  };
}

/** Whether the code reads the status through `err.response` (true), on the error (false), or both ways (undefined). */
function readsThroughResponse(subject: StatusSubject): boolean | undefined {
  let through = false;
  let direct = false;
  for (const read of subject.statusReads()) {
    if (read.type !== AST_NODE_TYPES.MemberExpression) continue;
    if (memberName(read.object) === 'response') through = true;
    else direct = true;
  }
  return through === direct ? undefined : through;
}

/** How the code reads the error's headers (`….headers.get(…)`: `'get'`; `….headers[…]`: `'index'`), if it does. */
function statedHeaderStyle(
  variable: TSESLint.Scope.Variable,
  viaErrorResponse: boolean,
): 'get' | 'index' | undefined {
  const path = viaErrorResponse ? ['response', 'headers'] : ['headers'];
  for (const reference of variable.references) {
    const headers = memberPath(reference.identifier, path);
    const member = headers?.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== headers) continue;
    if (member.computed) return 'index';
    const top = skipWrappersUp(member);
    if (
      memberName(member) === 'get' &&
      top.parent?.type === AST_NODE_TYPES.CallExpression &&
      top.parent.callee === top
    )
      return 'get';
  }
  return undefined;
}

/** `x.a.b` for `names` `['a', 'b']` from `x`, casts and `?.` looked through; undefined when the code reads otherwise. */
function memberPath(from: Node, names: readonly string[]): Node | undefined {
  let top = skipWrappersUp(from);
  for (const name of names) {
    const member = top.parent;
    if (
      member?.type !== AST_NODE_TYPES.MemberExpression ||
      member.object !== top ||
      memberName(member) !== name
    )
      return undefined;
    top = skipWrappersUp(member);
  }
  return top;
}

/** `err.<name>` written on the variable itself, not through a cast. */
function readsDirectly(variable: TSESLint.Scope.Variable, name: string): boolean {
  return variable.references.some((reference) => {
    const parent = reference.identifier.parent;
    return (
      parent?.type === AST_NODE_TYPES.MemberExpression &&
      parent.object === reference.identifier &&
      memberName(parent) === name
    );
  });
}
