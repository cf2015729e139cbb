import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ReferenceTracker } from '@eslint-community/eslint-utils';
import { AST_NODE_TYPES } from '../core/node-types';

import type { FunctionNode, Node } from '../core/ast';
import {
  GLOBAL_OBJECT_NAMES,
  literalString,
  memberName,
  skipWrappers,
  skipWrappersUp,
} from '../core/ast';
import type { AnalyzedFile } from '../core/file';
import type { HttpClient } from '../libraries/clients';
import type { StatusSubject } from '../status/subject';
import { collectBodyParses } from './body-parses';
import { clientTraceMaps } from './client-traces';
import { methodOf } from './request-method';
import { followRequest } from './responses';
import type {
  BodyParse,
  ClientContext,
  HttpRequest,
  RequestMethod,
  TraceInfo,
  TrackedResponse,
} from './types';
import { MAX_ORIGIN_DEPTH } from './types';

export type { BodyParse, HttpRequest, RequestMethod, TrackedResponse } from './types';

/** Finds every request, the responses that flow from it, and their body parses. */
export class RequestAnalysis implements ClientContext {
  readonly requests: HttpRequest[] = [];
  readonly responses: TrackedResponse[] = [];
  readonly bodyParses: BodyParse[] = [];
  readonly requestByNode = new Map<Node, HttpRequest>();
  readonly helpersSeen = new Set<FunctionNode>();
  readonly assignedSubjects = new Map<TSESLint.Scope.Variable, StatusSubject>();
  readonly generatorsFollowed = new Map<FunctionNode, Set<HttpRequest>>();

  constructor(readonly file: AnalyzedFile) {
    this.findRequests();
    for (const request of [...this.requests]) followRequest(this, request);
  }

  collectBodyParses(): void {
    collectBodyParses(this);
  }

  // ---- finding requests -------------------------------------------------------------------

  private findRequests(): void {
    const { globalMap, esmMap, cjsMap, clientModules, globalNames, globalNeedles } =
      clientTraceMaps();
    const globalScope = this.file.scopeManager.globalScope!;
    let trackerOfFile: ReferenceTracker | undefined;
    const tracker = (): ReferenceTracker =>
      (trackerOfFile ??= new ReferenceTracker(this.file.trackerScope() as never));
    const importsClient = this.file.mayImport(clientModules);
    // Every use of a global client names it (`fetch`, `globalThis.fetch`, `{ fetch } = window`).
    const namesGlobal = this.file.textIncludes(...globalNeedles);
    const found: Array<{ node: unknown; info: unknown }> =
      namesGlobal && this.file.mayUseDeclaredGlobal(globalNames)
        ? [...tracker().iterateGlobalReferences(globalMap as never)]
        : [];
    // Globals the config does not declare (no `globals.browser`) stay unresolved: trace them too.
    if (namesGlobal || importsClient) {
      for (const { identifier } of globalScope.through) {
        const name = identifier.name;
        if (name === 'require') {
          if (importsClient) found.push(...this.undeclaredRequire(tracker(), identifier, cjsMap));
        } else if (!namesGlobal) continue;
        else if (Object.hasOwn(globalMap, name))
          found.push(
            ...tracker().iteratePropertyReferences(identifier as never, globalMap[name] as never),
          );
        else if (GLOBAL_OBJECT_NAMES.has(name))
          found.push(
            ...tracker().iteratePropertyReferences(identifier as never, globalMap as never),
          );
      }
    }
    if (importsClient)
      found.push(
        ...tracker().iterateEsmReferences(esmMap as never),
        ...tracker().iterateCjsReferences(cjsMap as never),
      );
    // `const { default: ky } = await import('ky')`, `(await import('ky')).default`
    for (const expression of importsClient ? this.file.dynamicImports() : []) {
      const map = esmMap[literalString(expression.source)!];
      const awaited = skipWrappersUp(expression).parent;
      if (map && awaited?.type === AST_NODE_TYPES.AwaitExpression)
        found.push(...tracker().iteratePropertyReferences(awaited as never, map as never));
    }
    for (const { node, info } of found) {
      const call = node as unknown as Node;
      if (call.type !== AST_NODE_TYPES.CallExpression) continue;
      this.onClientCall(call, info as TraceInfo, 0);
    }
    this.requests.sort((a, b) => a.node.range[0] - b.node.range[0]);
  }

  /** `require('x')` in a file whose config does not declare `require` (ES module settings). */
  private undeclaredRequire(
    tracker: ReferenceTracker,
    identifier: Node,
    cjsMap: Record<string, Record<string | symbol, unknown>>,
  ): Array<{ node: unknown; info: unknown }> {
    const call = identifier.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== identifier) return [];
    const source = call.arguments[0] && literalString(call.arguments[0]);
    const trace = source === undefined ? undefined : cjsMap[source];
    return trace ? [...tracker.iteratePropertyReferences(call as never, trace as never)] : [];
  }

  private onClientCall(call: TSESTree.CallExpression, info: TraceInfo, depth: number): void {
    switch (info.shape) {
      case 'factory':
        if (depth < MAX_ORIGIN_DEPTH) this.followInstance(call, info.client, depth + 1);
        return;
      case 'chain':
        this.followChain(call, info.client);
        return;
      default:
        this.addRequest(call, info.client, methodOf(this.file, call, info));
    }
  }

  private addRequest(
    call: TSESTree.CallExpression,
    client: HttpClient,
    method: RequestMethod,
  ): void {
    if (this.requestByNode.has(call)) return;
    const request: HttpRequest = { node: call, client, method };
    this.requestByNode.set(call, request);
    this.requests.push(request);
  }

  /** `const api = ky.create(…)`: every call of `api` or its verbs is a request too. */
  private followInstance(
    factoryCall: TSESTree.CallExpression,
    client: HttpClient,
    depth: number,
  ): void {
    // The instance itself may be used at once: `ky.create(o).extend(p)`, `axios.create().get(u)`.
    for (const reference of [factoryCall, ...this.referencesOfValue(factoryCall)]) {
      const use = skipWrappersUp(reference);
      const parent = use.parent;
      if (
        parent?.type === AST_NODE_TYPES.CallExpression &&
        parent.callee === use &&
        client.callShape
      ) {
        this.onClientCall(parent, { client, shape: client.callShape }, depth);
      } else if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === use) {
        const name = memberName(parent);
        const call = skipWrappersUp(parent).parent;
        const shape = name === undefined ? undefined : client.members[name];
        if (
          shape &&
          call?.type === AST_NODE_TYPES.CallExpression &&
          skipWrappers(call.callee) === parent
        ) {
          this.onClientCall(call, { client, shape, member: name }, depth);
        }
      }
    }
  }

  /** Identifier references of the variable (or `this.x` member) a value is stored in. */
  private referencesOfValue(value: Node): Node[] {
    const top = skipWrappersUp(value);
    const parent = top.parent;
    if (
      parent?.type === AST_NODE_TYPES.VariableDeclarator &&
      parent.init === top &&
      parent.id.type === AST_NODE_TYPES.Identifier
    ) {
      // The declarator's own variable: a lookup by name would climb from the name to its scope
      // for each of n instances at module level.
      const [variable] = this.file.scopeManager.getDeclaredVariables(parent);
      return variable ? variable.references.filter((r) => r.isRead()).map((r) => r.identifier) : [];
    }
    // `this.http = axios.create()` or a class field `http = axios.create()`: uses are `this.http`.
    let fieldName: string | undefined;
    if (
      parent?.type === AST_NODE_TYPES.AssignmentExpression &&
      parent.right === top &&
      parent.left.type === AST_NODE_TYPES.MemberExpression
    ) {
      if (parent.left.object.type === AST_NODE_TYPES.ThisExpression)
        fieldName = memberName(parent.left);
    } else if (
      parent?.type === AST_NODE_TYPES.PropertyDefinition &&
      parent.value === top &&
      !parent.computed
    ) {
      fieldName = parent.key.type === AST_NODE_TYPES.Identifier ? parent.key.name : undefined;
    }
    if (fieldName === undefined) return [];
    const classBody = findAncestor(top, AST_NODE_TYPES.ClassBody);
    if (!classBody) return [];
    return this.file
      .nodesOfTypeIn(AST_NODE_TYPES.MemberExpression, classBody)
      .filter(
        (member) =>
          member.object.type === AST_NODE_TYPES.ThisExpression &&
          memberName(member) === fieldName &&
          member.range[0] >= classBody.range[0] &&
          member.range[1] <= classBody.range[1] &&
          !(
            member.parent.type === AST_NODE_TYPES.AssignmentExpression &&
            member.parent.left === member
          ),
      );
  }

  /** A builder (`wretch(url).headers(…).delete()`): the call of one of its `chainVerbs` sends the request. */
  private followChain(start: TSESTree.CallExpression, client: HttpClient): void {
    const visit = (builder: Node, depth: number): void => {
      let current: Node = skipWrappersUp(builder);
      for (;;) {
        const member = current.parent;
        if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== current) break;
        const call = skipWrappersUp(member).parent;
        if (call?.type !== AST_NODE_TYPES.CallExpression || skipWrappers(call.callee) !== member)
          break;
        const name = memberName(member);
        const verb = name === undefined ? undefined : client.chainVerbs?.[name];
        if (verb) {
          this.addRequest(call, client, { methods: new Set([verb]), forwarded: false });
          return;
        }
        current = skipWrappersUp(call);
      }
      if (depth < MAX_ORIGIN_DEPTH)
        for (const reference of this.referencesOfValue(current)) visit(reference, depth + 1);
    };
    visit(start, 0);
  }
}

function findAncestor<T extends Node['type']>(
  node: Node,
  type: T,
): Extract<Node, { type: T }> | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === type) return current as Extract<Node, { type: T }>;
  }
  return undefined;
}
