import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../core/node-types';

import type { FunctionNode, Node } from '../core/ast';
import { enclosingFunction, memberName, skipWrappers, skipWrappersUp } from '../core/ast';
import type { AnalyzedFile } from '../core/file';
import type { ServerFramework } from '../libraries/frameworks';
import { FRAMEWORK_HEADERS } from '../libraries/headers';
import { HeaderForms } from './header-forms';
import type { HttpModel } from '../model';
import { getServerAnalysis } from '.';
import type { ServerSend } from './types';

/**
 * Responses sent with a known status, and the headers set on each before it is sent: what
 * `require-status-headers` checks. A `ServerSend` with a constant status, or a send without a
 * body (`res.sendStatus(405)`, `res.status(405).end()`, `res.writeHead(405)`), which the server
 * analysis does not list as a send.
 */
export interface StatusResponse {
  /** The send: the call, assignment, return, construction or result object. */
  readonly node: Node;
  readonly status: number;
  readonly framework: ServerFramework;
  /** The framework was inferred from how the handler uses its parameters: an edit in its form is a guess. */
  readonly guessed: boolean;
  /** The route handler, when the response is a handler's. */
  readonly handler: FunctionNode | undefined;
  /** The server analysis's send, when it lists one. */
  readonly send: ServerSend | undefined;
  /** The response or context variable the send goes through (`res` of `res.json(b)`). */
  readonly receiver: TSESTree.Identifier | undefined;
}

/** The headers set on a response before its send; `unknown` when others may be (a spread, a helper given the response). */
export interface HeadersSet {
  /** Lower-case header names. */
  readonly names: ReadonlySet<string>;
  readonly unknown: boolean;
}

const KEY = {};

/** Every response of the file sent with a constant status, in source order. */
export function getStatusResponses(model: HttpModel): readonly StatusResponse[] {
  return model.extension(KEY, () => collect(model));
}

function collect(model: HttpModel): StatusResponse[] {
  const analysis = getServerAnalysis(model);
  const responses: StatusResponse[] = [];
  const statusNodes = new Set<Node>();
  const guessedHandlers = new Set<FunctionNode>();
  for (const send of analysis.sends) {
    if (send.frameworkGuessed && send.handler) guessedHandlers.add(send.handler);
    if (send.status.kind !== 'constant') continue;
    statusNodes.add(send.status.node);
    responses.push({
      node: send.node,
      status: send.status.value,
      framework: send.framework,
      guessed: send.frameworkGuessed === true,
      handler: send.handler,
      send,
      receiver: receiverOf(send),
    });
  }
  const known = model.file.knownModuleSources();
  for (const argument of analysis.statusArguments) {
    const node = skipWrappers(argument.node);
    if (statusNodes.has(node) || statusNodes.has(argument.node)) continue;
    const bodiless = bodilessSend(argument.node, argument.framework);
    if (!bodiless) continue;
    const status = model.resolveStatus(argument.node);
    if (status === undefined) continue;
    const handler = enclosingFunction(bodiless.send);
    responses.push({
      node: bodiless.send,
      status,
      framework: argument.framework,
      guessed:
        (handler !== undefined && guessedHandlers.has(handler)) ||
        !argument.framework.sources.some((source) => known.has(source)),
      handler,
      send: undefined,
      receiver: bodiless.receiver,
    });
  }
  return responses.sort((a, b) => a.node.range[0] - b.node.range[0]);
}

/** `res.sendStatus(405)`, `res.status(405).end()`, `reply.code(405).send()`, `res.writeHead(405)`: a status sent without a body. */
function bodilessSend(
  statusNode: Node,
  framework: ServerFramework,
): { send: TSESTree.CallExpression; receiver: TSESTree.Identifier } | undefined {
  if (framework.style !== 'response') return undefined;
  const call = skipWrappersUp(statusNode).parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== statusNode)
    return undefined;
  const callee = skipWrappers(call.callee);
  const name = memberName(callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || name === undefined) return undefined;
  const receiver = chainRoot(callee.object);
  if (!receiver) return undefined;
  if (framework.statusSends?.includes(name) || name === 'writeHead')
    return { send: call, receiver };
  if (!framework.statusMethods?.includes(name)) return undefined;
  // `res.status(405).set(…).end()`: the first call of the chain's end with no argument.
  let current: TSESTree.CallExpression = call;
  for (let step = 0; step < 6; step++) {
    const member = skipWrappersUp(current).parent;
    if (
      member?.type !== AST_NODE_TYPES.MemberExpression ||
      member.object !== skipWrappersUp(current)
    )
      return undefined;
    const next = skipWrappersUp(member).parent;
    const nextName = memberName(member);
    if (next?.type !== AST_NODE_TYPES.CallExpression || nextName === undefined) return undefined;
    if (framework.sendMethods?.includes(nextName) || nextName === 'send')
      return next.arguments.length === 0 ? { send: next, receiver } : undefined;
    current = next;
  }
  return undefined;
}

/** The identifier a call chain starts at: `res` of `res.status(1).json(b)`. */
function chainRoot(node: Node): TSESTree.Identifier | undefined {
  let root = skipWrappers(node);
  while (
    root.type === AST_NODE_TYPES.MemberExpression ||
    root.type === AST_NODE_TYPES.CallExpression
  )
    root = skipWrappers(root.type === AST_NODE_TYPES.MemberExpression ? root.object : root.callee);
  return root.type === AST_NODE_TYPES.Identifier ? root : undefined;
}

function receiverOf(send: ServerSend): TSESTree.Identifier | undefined {
  const node = send.node;
  if (node.type === AST_NODE_TYPES.CallExpression) return chainRoot(node.callee);
  if (node.type === AST_NODE_TYPES.AssignmentExpression) return chainRoot(node.left);
  // A returned body (Fastify, h3): the handler's context or reply parameter.
  const index = send.framework.responseParameter;
  const param = index === undefined ? undefined : send.handler?.params[index];
  return param?.type === AST_NODE_TYPES.Identifier ? param : undefined;
}

/** The headers set on the response before it is sent, in every form its framework offers. */
export function headersSet(file: AnalyzedFile, response: StatusResponse): HeadersSet {
  const found = new HeaderForms(file, FRAMEWORK_HEADERS[response.framework.id] ?? {});
  const { node, send } = response;
  // Headers given with the send: a response init, a result object, `c.json(b, 405, headers)`.
  if (send?.factory)
    found.init(
      node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression
        ? node.arguments[1]
        : undefined,
      send.factory.init === 'init-or-status',
    );
  else if (node.type === AST_NODE_TYPES.ObjectExpression) found.initObject(node);
  else if (node.type === AST_NODE_TYPES.CallExpression) found.sendArguments(node);
  if (node.type === AST_NODE_TYPES.CallExpression) {
    // `res.writeHead(405, headers)` is the send and its headers.
    found.headerCall(node);
    found.chain(node);
  }
  found.receiverUses(response);
  found.contextFunctions(response);
  return { names: found.names, unknown: found.unknown };
}
