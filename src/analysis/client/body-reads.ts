import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../core/node-types';

import type { Node } from '../core/ast';
import {
  isFunction,
  memberName,
  propertyBinding,
  propertyKeyName,
  skipWrappers,
  skipWrappersUp,
} from '../core/ast';
import type { AnalyzedFile } from '../core/file';
import type { HttpClient } from '../libraries/clients';
import type { StatusSubject } from '../status/subject';
import { boundCalls } from './body-parses';
import type { HttpRequest, TrackedResponse } from './requests';

/*
 * Where a response's body is read for require-status-check: on its holders (`res.json()`,
 * `res.data`, undici's `body.json()`), destructured where it appears (`const { data } = …`), or
 * on the request promise (`ky(u).json()`), with what a status check inserted before it reads.
 */

/** How a status check before a read can be written: on the response, or on a status binding. */
export interface StatusCheckTarget {
  /** The identifier the check reads: the response (`res`) or its status (`statusCode`). */
  readonly name: string;
  readonly kind: 'response' | 'status';
  /** The client's status property (`status`, `statusCode`) and whether it has `ok`. */
  readonly statusProperty: 'status' | 'statusCode';
  readonly hasOk: boolean;
  /** The status message property, when the response has one (`statusText`). */
  readonly statusText?: string;
  /** Where the binding is declared (the end of its name): a check before that cannot read it. */
  readonly declaredAt: number;
}

export interface FoundRead {
  readonly node: Node;
  readonly read: string;
  readonly checkTarget?: StatusCheckTarget;
}

/** The value of the response when it is the call or its awaited value, not a choice between values. */
export function isDirectOrigin(origin: Node): boolean {
  let inner = skipWrappers(origin);
  if (inner.type === AST_NODE_TYPES.AwaitExpression) inner = skipWrappers(inner.argument);
  return inner.type === AST_NODE_TYPES.CallExpression;
}

export function targetOf(
  file: AnalyzedFile,
  client: HttpClient,
  identifier: TSESTree.Identifier,
  kind: 'response' | 'status',
  variable = file.variableOf(identifier),
): StatusCheckTarget | undefined {
  const statusText = client.errorStatus?.statusText;
  if (!variable || variable.defs.length === 0) return undefined;
  return {
    name: identifier.name,
    declaredAt: Math.max(...variable.defs.map((def) => def.name.range[1])),
    kind,
    statusProperty: client.statusProperty,
    hasOk: client.hasOk,
    ...(statusText && kind === 'response' ? { statusText } : {}),
  };
}

/** The body reads of a response destructured where it appears: `const { data } = await f()`. */
export function originReads(file: AnalyzedFile, response: TrackedResponse): FoundRead[] {
  const pattern = originPattern(response.origin);
  return pattern?.type === AST_NODE_TYPES.ObjectPattern
    ? patternReads(file, response.request.client, pattern)
    : [];
}

/** Every body read on a subject's holders: on the holder, its body property, destructured from it. */
export function holderReads(
  file: AnalyzedFile,
  client: HttpClient,
  subject: StatusSubject,
): FoundRead[] {
  const reads = client.bodyReads!;
  const bodyProperty = client.bodyParses.bodyProperty;
  const found: FoundRead[] = [];
  // The variable each holder reference resolves to, from the subject's variables: a lookup by
  // name climbs the scopes, once per reference, quadratic in a long `else if` ladder.
  const variables = new Map<Node, TSESLint.Scope.Variable>();
  for (const variable of subject.holderVariables)
    for (const reference of variable.references) variables.set(reference.identifier, variable);
  for (const holder of subject.holderNodes()) {
    const top = skipWrappersUp(holder);
    const parent = top.parent;
    const named =
      holder.type === AST_NODE_TYPES.Identifier
        ? targetOf(file, client, holder, 'response', variables.get(holder))
        : undefined;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === top) {
      const name = memberName(parent);
      if (name === undefined) continue;
      const call = calledWithoutArguments(parent);
      if (call && reads.onResponse.includes(name))
        found.push({ node: call, read: `.${name}()`, ...(named ? { checkTarget: named } : {}) });
      else if (reads.onResponse.includes(name))
        // `const read = res.json.bind(res); await read()`
        for (const bound of boundCalls(file, parent) ?? [])
          found.push({ node: bound, read: `.${name}()`, ...(named ? { checkTarget: named } : {}) });
      else if (name === reads.property && !isWritten(parent))
        found.push({ node: parent, read: name, ...(named ? { checkTarget: named } : {}) });
      else if (name === bodyProperty && reads.onBodyProperty) {
        const read = bodyPropertyRead(skipWrappersUp(parent), reads.onBodyProperty);
        if (read) found.push({ ...read, ...(named ? { checkTarget: named } : {}) });
      }
    } else if (
      parent?.type === AST_NODE_TYPES.VariableDeclarator &&
      parent.init === top &&
      parent.id.type === AST_NODE_TYPES.ObjectPattern
    ) {
      found.push(...patternReads(file, client, parent.id));
    }
  }
  return found;
}

function calledWithoutArguments(member: Node): TSESTree.CallExpression | undefined {
  const call = skipWrappersUp(member).parent;
  return call?.type === AST_NODE_TYPES.CallExpression &&
    skipWrappers(call.callee) === member &&
    call.arguments.length === 0
    ? call
    : undefined;
}

function isWritten(member: Node): boolean {
  const parent = skipWrappersUp(member).parent;
  return parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === member;
}

/** `body.json()` on a body (undici): the read, if the body is read. */
function bodyPropertyRead(body: Node, methods: readonly string[]): FoundRead | undefined {
  const member = body.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== body) return undefined;
  const name = memberName(member);
  const call = calledWithoutArguments(member);
  return name !== undefined && call && methods.includes(name)
    ? { node: call, read: `body.${name}()` }
    : undefined;
}

/** `const { statusCode, body } = await request(u)`: reads through the destructured body or data. */
function patternReads(
  file: AnalyzedFile,
  client: HttpClient,
  pattern: TSESTree.ObjectPattern,
): FoundRead[] {
  const reads = client.bodyReads!;
  const bodyProperty = client.bodyParses.bodyProperty;
  const found: FoundRead[] = [];
  let statusLeaf: TSESTree.Identifier | undefined;
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const leaf = propertyBinding(property);
    if (
      propertyKeyName(property) === client.statusProperty &&
      leaf.type === AST_NODE_TYPES.Identifier
    )
      statusLeaf = leaf;
  }
  let target: StatusCheckTarget | undefined | null = null;
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const key = propertyKeyName(property);
    const leaf = propertyBinding(property);
    if (leaf.type !== AST_NODE_TYPES.Identifier) continue;
    if (key !== undefined && key === reads.property) {
      found.push({ node: property, read: key });
    } else if (key === bodyProperty && reads.onBodyProperty) {
      for (const reference of file.variableOf(leaf)?.references ?? []) {
        if (!reference.isRead()) continue;
        const read = bodyPropertyRead(skipWrappersUp(reference.identifier), reads.onBodyProperty);
        if (!read) continue;
        // Looked up once per pattern, and only for a read.
        if (target === null) target = statusLeaf && targetOf(file, client, statusLeaf, 'status');
        found.push({ ...read, ...(target ? { checkTarget: target } : {}) });
      }
    }
  }
  return found;
}

/** The pattern the response is bound to where it appears: `const { … } = await f()`, `.then(({ … }) => …)`. */
export function originPattern(origin: Node): Node | undefined {
  const top = skipWrappersUp(origin);
  const parent = top.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === top) return parent.id;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && memberName(parent) === 'then') {
    const call = skipWrappersUp(parent).parent;
    const callback = call?.type === AST_NODE_TYPES.CallExpression ? call.arguments[0] : undefined;
    return callback && isFunction(callback) ? callback.params[0] : undefined;
  }
  return undefined;
}

/** `ky(u, { throwHttpErrors: false }).json()`: a read of the request promise itself. */
export function requestPromiseRead(
  file: AnalyzedFile,
  request: HttpRequest,
): FoundRead | undefined {
  const methods = request.client.bodyReads?.onRequest;
  if (!methods?.length) return undefined;
  const reads: FoundRead[] = [];
  const check = (promise: Node): void => {
    const top = skipWrappersUp(promise);
    const member = top.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== top) return;
    const name = memberName(member);
    const call = calledWithoutArguments(member);
    if (name !== undefined && call && methods.includes(name))
      reads.push({ node: call, read: `.${name}()` });
  };
  check(request.node);
  // `const promise = ky(u, o); const data = await promise.json()`
  const declarator = skipWrappersUp(request.node).parent;
  if (
    declarator?.type === AST_NODE_TYPES.VariableDeclarator &&
    declarator.id.type === AST_NODE_TYPES.Identifier
  ) {
    for (const reference of file.variableOf(declarator.id)?.references ?? [])
      if (reference.isRead()) check(reference.identifier);
  }
  return reads[0];
}
