import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../core/node-types';

import type { Node } from '../core/ast';
import {
  constInitializer,
  memberName,
  propertyBinding,
  propertyKeyName,
  skipWrappers,
  skipWrappersUp,
} from '../core/ast';
import type { AnalyzedFile } from '../core/file';
import { HTTP_CLIENTS } from '../libraries/clients';
import type { StatusSubject } from '../status/subject';
import { reachingWrite } from './reassigned-response';
import type { BodyParse, ClientContext, HttpRequest, TrackedResponse } from './types';
import { firstIndexFrom } from '../core/sorted';

// ---- body parses ------------------------------------------------------------------------

/** `ky(u).json()`: parse methods on the request promise itself. */
export function findRequestPromiseParses(
  ctx: ClientContext,
  request: HttpRequest,
  promise: Node,
): void {
  const parses = request.client.bodyParses.onRequest;
  const top = skipWrappersUp(promise);
  const member = top.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== top) return;
  const name = memberName(member);
  const call = skipWrappersUp(member).parent;
  if (
    name === undefined ||
    !(name in parses) ||
    call?.type !== AST_NODE_TYPES.CallExpression ||
    call.arguments.length > 0
  )
    return;
  if (skipWrappers(call.callee) !== member) return;
  ctx.bodyParses.push({
    node: call,
    kind: 'json',
    receiver: top,
    request,
    throwsOnEmpty: parses[name] === 'throws',
  });
}

/**
 * Finds `.json()` and `JSON.parse(await res.text())` on every tracked response. Responses
 * assigned to one variable share its subject: its holders are read once, and a parse on the
 * variable goes to the responses its reaching write holds (`res = await fetch(a); …; res =
 * await fetch(b)`), so an API test that reuses `res` costs linear time, not quadratic.
 */
export function collectBodyParses(ctx: ClientContext): void {
  // Parses on request promises (`ky(u).json()`) were found with their requests: they come first.
  const found = ctx.bodyParses.map((parse, seq) => ({ parse, response: -1, seq }));
  ctx.bodyParses.length = 0;
  let response = 0;
  const push = (parse: BodyParse): void => {
    found.push({ parse, response, seq: found.length });
  };
  const groups = new Map<StatusSubject, number[]>();
  ctx.responses.forEach((tracked, i) => {
    const group = groups.get(tracked.subject);
    if (group) group.push(i);
    else groups.set(tracked.subject, [i]);
  });
  for (const [subject, group] of groups) {
    const byOrigin =
      group.length > 1
        ? [...group].sort(
            (a, b) => ctx.responses[a]!.origin.range[0] - ctx.responses[b]!.origin.range[0],
          )
        : group;
    for (const holder of subject.holderNodes()) {
      const top = skipWrappersUp(holder);
      const member = top.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== top) continue;
      const name = memberName(member);
      if (name === undefined) continue;
      const written = group.length > 1 ? reachingWrite(ctx.file, top) : undefined;
      // `res.body.json()` goes to every response of the variable, as before the index.
      const throughBody = written !== undefined && bodyProperties().has(name);
      const within = written ? responsesWithin(ctx, written, byOrigin) : group;
      const inWrite = throughBody ? new Set(within) : undefined;
      for (response of throughBody ? group : within) {
        const { client } = ctx.responses[response]!.request;
        if (name === client.bodyParses.bodyProperty) {
          findParseOn(ctx, skipWrappersUp(member), ctx.responses[response]!, FETCH_LIKE_BODY, push);
          continue;
        }
        if (inWrite && !inWrite.has(response)) continue;
        findParseCall(
          ctx,
          member,
          name,
          top,
          ctx.responses[response]!,
          client.bodyParses.onResponse,
          push,
        );
      }
    }
  }
  for (response = 0; response < ctx.responses.length; response++) {
    const tracked = ctx.responses[response]!;
    const { bodyProperty } = tracked.request.client.bodyParses;
    if (bodyProperty) findDestructuredBodyParses(ctx, tracked, bodyProperty, push);
  }
  found.sort(
    (a, b) =>
      a.parse.node.range[0] - b.parse.node.range[0] || a.response - b.response || a.seq - b.seq,
  );
  for (const { parse } of found) ctx.bodyParses.push(parse);
}

/**
 * The responses (indices, in order) whose origin is inside the value a variable was written,
 * from `byOrigin` (sorted by where the origin starts). A parse through the body property
 * (`res.body.json()`) is not narrowed this way: the variable's reaching write is not checked there.
 */
function responsesWithin(ctx: ClientContext, written: Node, byOrigin: readonly number[]): number[] {
  const [start, end] = written.range;
  const low = firstIndexFrom(
    byOrigin.length,
    (k) => ctx.responses[byOrigin[k]!]!.origin.range[0],
    start,
  );
  const within: number[] = [];
  for (let k = low; k < byOrigin.length; k++) {
    const origin = ctx.responses[byOrigin[k]!]!.origin;
    if (origin.range[0] > end) break;
    if (origin.range[1] <= end) within.push(byOrigin[k]!);
  }
  return within.sort((a, b) => a - b);
}

function findParseOn(
  ctx: ClientContext,
  receiver: Node,
  response: TrackedResponse,
  parses: Readonly<Record<string, 'throws' | 'safe'>>,
  push: (parse: BodyParse) => void,
): void {
  const member = receiver.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== receiver) return;
  const name = memberName(member);
  if (name !== undefined) findParseCall(ctx, member, name, receiver, response, parses, push);
}

/** undici: `const { statusCode, body } = await request(u); await body.json()`. */
function findDestructuredBodyParses(
  ctx: ClientContext,
  response: TrackedResponse,
  bodyProperty: string,
  push: (parse: BodyParse) => void,
): void {
  const top = skipWrappersUp(response.origin);
  const declarator =
    top.parent?.type === AST_NODE_TYPES.AwaitExpression
      ? skipWrappersUp(top.parent).parent
      : top.parent;
  if (
    declarator?.type !== AST_NODE_TYPES.VariableDeclarator ||
    declarator.id.type !== AST_NODE_TYPES.ObjectPattern
  )
    return;
  for (const property of declarator.id.properties) {
    if (property.type !== AST_NODE_TYPES.Property || propertyKeyName(property) !== bodyProperty)
      continue;
    const target = propertyBinding(property);
    if (target.type !== AST_NODE_TYPES.Identifier) continue;
    const variable = ctx.file.variableOf(target);
    for (const reference of variable?.references ?? []) {
      if (reference.isRead())
        findParseOn(ctx, skipWrappersUp(reference.identifier), response, FETCH_LIKE_BODY, push);
    }
  }
}

function findParseCall(
  ctx: ClientContext,
  member: TSESTree.MemberExpression,
  name: string,
  receiver: Node,
  response: TrackedResponse,
  parses: Readonly<Record<string, 'throws' | 'safe'>>,
  push: (parse: BodyParse) => void,
): void {
  const call = skipWrappersUp(member).parent;
  const base = {
    receiver,
    request: response.request,
    response,
    ...(response.byReference ? { byReference: true } : {}),
  };
  if (
    call?.type !== AST_NODE_TYPES.CallExpression ||
    skipWrappers(call.callee) !== member ||
    call.arguments.length > 0
  ) {
    // `const read = res.json.bind(res); await read()`
    if (name in parses)
      for (const bound of boundCalls(ctx.file, member) ?? [])
        push({
          ...base,
          node: bound,
          kind: 'json',
          throwsOnEmpty: parses[name] === 'throws',
          byReference: true,
        });
    return;
  }
  if (name in parses) {
    push({ ...base, node: call, kind: 'json', throwsOnEmpty: parses[name] === 'throws' });
  } else if (name === 'text') {
    const jsonParse = jsonParseOf(ctx, call);
    if (jsonParse)
      push({
        ...base,
        node: jsonParse,
        kind: 'json-parse-text',
        textCall: call,
        throwsOnEmpty: true,
      });
  }
}

/** `JSON.parse(await res.text())`, or `const text = await res.text(); JSON.parse(text)`. */
function jsonParseOf(
  ctx: ClientContext,
  textCall: TSESTree.CallExpression,
): TSESTree.CallExpression | undefined {
  let value = skipWrappersUp(textCall);
  if (value.parent?.type === AST_NODE_TYPES.AwaitExpression) value = skipWrappersUp(value.parent);
  const parent = value.parent;
  if (
    parent?.type === AST_NODE_TYPES.CallExpression &&
    parent.arguments[0] === value &&
    isJsonParse(parent)
  )
    return parent;
  if (
    parent?.type === AST_NODE_TYPES.VariableDeclarator &&
    parent.init === value &&
    parent.id.type === AST_NODE_TYPES.Identifier
  ) {
    const variable = ctx.file.variableOf(parent.id);
    for (const reference of variable?.references ?? []) {
      const use = skipWrappersUp(reference.identifier);
      const call = use.parent;
      if (
        call?.type === AST_NODE_TYPES.CallExpression &&
        call.arguments[0] === use &&
        isJsonParse(call)
      )
        return call;
    }
  }
  return undefined;
}

const FETCH_LIKE_BODY = { json: 'throws' } as const;

let bodyPropertyNames: ReadonlySet<string> | undefined;
/** Every client's body property (undici's `body`). */
function bodyProperties(): ReadonlySet<string> {
  return (bodyPropertyNames ??= new Set(
    HTTP_CLIENTS.flatMap((client) =>
      client.bodyParses.bodyProperty ? [client.bodyParses.bodyProperty] : [],
    ),
  ));
}

/** `JSON.parse(…)`. */
export function isJsonParse(call: TSESTree.CallExpression): boolean {
  const callee = skipWrappers(call.callee);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    memberName(callee) === 'parse' &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'JSON'
  );
}

/**
 * The calls of a method bound to its own object and kept in a `const`: `read()` after
 * `const read = res.json.bind(res)`, given `res.json`. Empty when `member` is not bound so;
 * undefined when the bound function escapes (used other than by a direct call).
 */
export function boundCalls(
  file: AnalyzedFile,
  member: TSESTree.MemberExpression,
): TSESTree.CallExpression[] | undefined {
  const top = skipWrappersUp(member);
  const bind = top.parent;
  if (bind?.type !== AST_NODE_TYPES.MemberExpression || bind.object !== top) return [];
  const call = skipWrappersUp(bind).parent;
  if (
    memberName(bind) !== 'bind' ||
    call?.type !== AST_NODE_TYPES.CallExpression ||
    skipWrappers(call.callee) !== bind ||
    call.arguments.length !== 1
  )
    return [];
  const object = skipWrappers(member.object);
  const target = skipWrappers(call.arguments[0]!);
  if (
    object.type !== AST_NODE_TYPES.Identifier ||
    target.type !== AST_NODE_TYPES.Identifier ||
    file.variableOf(object) == null ||
    file.variableOf(object) !== file.variableOf(target)
  )
    return [];
  const value = skipWrappersUp(call);
  const declarator = value.parent;
  if (
    declarator?.type !== AST_NODE_TYPES.VariableDeclarator ||
    declarator.init !== value ||
    declarator.id.type !== AST_NODE_TYPES.Identifier
  )
    return undefined;
  const variable = file.variableOf(declarator.id);
  if (!variable || constInitializer(variable) !== declarator.init) return undefined;
  const calls: TSESTree.CallExpression[] = [];
  for (const reference of variable.references) {
    if (reference.init) continue;
    const use = skipWrappersUp(reference.identifier);
    const read = use.parent;
    if (read?.type !== AST_NODE_TYPES.CallExpression || read.callee !== use) return undefined;
    if (read.arguments.length === 0) calls.push(read);
  }
  return calls;
}
