import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../core/node-types';

import type { Node } from '../core/ast';
import {
  constInitializer,
  contains,
  enclosingFunction,
  findProperty,
  isFunction,
  literalString,
  memberName,
  propertyKeyName,
  skipWrappers,
  skipWrappersUp,
} from '../core/ast';
import type { AnalyzedFile } from '../core/file';
import type { FrameworkHeaders, HeaderCall } from '../libraries/headers';
import { HEADER_LIST_CONSTRUCTORS } from '../libraries/headers';
import type { StatusResponse } from './headers';

/**
 * The header names a response gets before its send, read from each framework's forms (rows of
 * `FRAMEWORK_HEADERS`): calls on the response, the send's own headers argument or init, header
 * lists (`{…}`, `new Headers`, pairs, a `const` of one), context functions. `unknown` when the
 * headers may include others (a spread, a value it cannot read, a helper given the response).
 */
export class HeaderForms {
  readonly names = new Set<string>();
  unknown = false;

  constructor(
    private readonly file: AnalyzedFile,
    private readonly forms: FrameworkHeaders,
  ) {}

  add(name: string): void {
    this.names.add(name.toLowerCase());
  }

  /** A `Response` init: `{ status, headers }`; a bare status where the factory takes one. */
  init(init: Node | undefined, statusAllowed: boolean): void {
    if (!init) return;
    if (init.type === AST_NODE_TYPES.SpreadElement) return void (this.unknown = true);
    const inner = skipWrappers(init);
    if (inner.type === AST_NODE_TYPES.ObjectExpression) this.initObject(inner);
    else if (!(statusAllowed && this.isNumber(inner))) this.unknown = true;
  }

  /** The headers key of an init or result object (`{ statusCode, headers, body }`). */
  initObject(object: TSESTree.ObjectExpression): void {
    let keyed = false;
    for (const key of this.forms.initKeys ?? []) {
      const property = findProperty(object, key);
      if (!property) continue;
      keyed = true;
      this.headerList(property.value, 0);
    }
    // `{ status: 405, ...init }`: the spread may hold headers.
    if (object.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement) && !keyed)
      this.unknown = true;
  }

  /** Hono `c.json(b, 405, headers)`, `c.json(b, { status, headers })`. */
  sendArguments(call: TSESTree.CallExpression): void {
    const index = this.forms.sendHeadersArgument;
    if (index === undefined) return;
    const headers = call.arguments[index];
    if (headers) this.headerList(headers, 0);
    const init = call.arguments[1];
    if (init && skipWrappers(init).type === AST_NODE_TYPES.ObjectExpression)
      this.initObject(skipWrappers(init) as TSESTree.ObjectExpression);
    if (call.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement))
      this.unknown = true;
  }

  /** `res.set('Allow', 'GET').status(405).end()`: header calls in the send's own chain. */
  chain(send: TSESTree.CallExpression): void {
    let current: Node = skipWrappers(send.callee);
    while (current.type === AST_NODE_TYPES.MemberExpression) {
      const object = skipWrappers(current.object);
      if (object.type !== AST_NODE_TYPES.CallExpression) return;
      this.headerCall(object);
      current = skipWrappers(object.callee);
    }
  }

  /** A call on the response: `res.set(…)`, `reply.headers({…})`, `res.writeHead(405, {…})`. */
  headerCall(call: TSESTree.CallExpression): boolean {
    const name = memberName(skipWrappers(call.callee));
    const form = this.forms.methods?.find((method) => method.name === name);
    if (!form) return false;
    this.readCall(call, form);
    return true;
  }

  readCall(call: TSESTree.CallExpression, form: HeaderCall): void {
    const args = call.arguments.slice(form.offset ?? 0);
    if (args.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement))
      return void (this.unknown = true);
    const first = args[0];
    switch (form.args) {
      case 'name':
      case 'name-or-object': {
        if (!first) return;
        const name = literalString(first);
        if (name !== undefined) this.add(name);
        else if (form.args === 'name-or-object') this.headerList(first, 0);
        else this.unknown = true;
        return;
      }
      case 'object':
        if (first) this.headerList(first, 0);
        return;
      case 'status-headers': {
        // `writeHead(status, [statusMessage,] headers)`
        const headers = args[1] && literalString(args[1]) !== undefined ? args[2] : args[1];
        if (headers) this.headerList(headers, 0);
        return;
      }
      default:
        this.add(form.args);
    }
  }

  /** Header names of `{ Allow: v }`, `new Headers({…})`, `[['Allow', v]]`, or a `const` of one. */
  headerList(node: Node, depth: number): void {
    const inner = skipWrappers(node);
    if (inner.type === AST_NODE_TYPES.ObjectExpression) {
      for (const property of inner.properties) {
        const name =
          property.type === AST_NODE_TYPES.Property ? propertyKeyName(property) : undefined;
        if (name === undefined) this.unknown = true;
        else this.add(name);
      }
      return;
    }
    if (inner.type === AST_NODE_TYPES.ArrayExpression) {
      for (const element of inner.elements) {
        const pair = element && skipWrappers(element);
        const name =
          pair?.type === AST_NODE_TYPES.ArrayExpression && pair.elements[0]
            ? literalString(pair.elements[0])
            : undefined;
        if (name === undefined) this.unknown = true;
        else this.add(name);
      }
      return;
    }
    if (
      inner.type === AST_NODE_TYPES.NewExpression &&
      inner.callee.type === AST_NODE_TYPES.Identifier &&
      HEADER_LIST_CONSTRUCTORS.has(inner.callee.name)
    ) {
      const first = inner.arguments[0];
      if (first) this.headerList(first, depth);
      return;
    }
    if (inner.type === AST_NODE_TYPES.Identifier && depth < 3) {
      const variable = this.file.variableOf(inner);
      const init = variable && constInitializer(variable);
      if (!variable || !init) return void (this.unknown = true);
      this.headerList(init, depth + 1);
      // `headers.set('Allow', …)`, `headers.Allow = …` on the list; handed to a function, it may get any.
      for (const reference of variable.references) {
        if (reference.init || reference.identifier === inner) continue;
        const top = skipWrappersUp(reference.identifier);
        const parent = top.parent;
        if (
          parent?.type === AST_NODE_TYPES.CallExpression &&
          parent.arguments.includes(top as never)
        ) {
          this.unknown = true;
          continue;
        }
        if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== top) continue;
        const name = memberName(parent);
        const above = skipWrappersUp(parent).parent;
        if (
          above?.type === AST_NODE_TYPES.CallExpression &&
          (name === 'set' || name === 'append')
        ) {
          const header = above.arguments[0] && literalString(above.arguments[0]);
          if (header !== undefined) this.add(header);
          else this.unknown = true;
        } else if (above?.type === AST_NODE_TYPES.AssignmentExpression && above.left === parent) {
          if (name !== undefined) this.add(name);
          else this.unknown = true;
        }
      }
      return;
    }
    this.unknown = true;
  }

  /** Uses of the response before the send: header calls, a helper it is handed to, Elysia `set.headers`. */
  receiverUses(response: StatusResponse): void {
    const receiver = response.receiver;
    const variable = receiver && this.file.variableOf(receiver);
    if (!variable) {
      this.elysiaHeaders(response);
      return;
    }
    const after = response.framework.style === 'context-body';
    for (const reference of variable.references) {
      const identifier = reference.identifier as TSESTree.Identifier;
      if (reference.init || contains(response.node, identifier)) continue;
      // Koa sends when the middleware returns: a header set after `ctx.body = b` is sent too.
      if (!after && identifier.range[0] > response.node.range[0]) continue;
      const top = skipWrappersUp(identifier);
      const parent = top.parent;
      if (!parent) continue;
      if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === top) {
        this.memberUse(parent);
        continue;
      }
      if (
        parent.type === AST_NODE_TYPES.CallExpression &&
        parent.arguments.includes(top as never)
      ) {
        // h3 `setResponseHeader(event, 'Allow', v)`; any other function may set headers.
        const callee = skipWrappers(parent.callee);
        const form =
          callee.type === AST_NODE_TYPES.Identifier
            ? this.forms.functions?.find((f) => f.name === callee.name && f.offset === 1)
            : undefined;
        if (form && parent.arguments[0] === top) this.readCall(parent, form);
        else if (
          !isSendCall(parent, response) &&
          !(
            callee.type === AST_NODE_TYPES.Identifier &&
            response.framework.statusFunctions?.includes(callee.name)
          )
        )
          this.unknown = true;
        continue;
      }
      // `const r = res`, `{ res }`, `return res` before the send: another name for it.
      if (
        parent.type !== AST_NODE_TYPES.ExpressionStatement &&
        parent.type !== AST_NODE_TYPES.BinaryExpression &&
        parent.type !== AST_NODE_TYPES.IfStatement &&
        parent.type !== AST_NODE_TYPES.ReturnStatement
      )
        this.unknown = true;
    }
  }

  /** `res.set(…)`, `ctx.response.set(…)`, `res.headers[k] = v`, `res.getHeader(…)`. */
  private memberUse(member: TSESTree.MemberExpression): void {
    let target: Node = member;
    const name = memberName(member);
    if (name === 'response' || name === 'res') {
      const inner = skipWrappersUp(member).parent;
      if (
        inner?.type !== AST_NODE_TYPES.MemberExpression ||
        inner.object !== skipWrappersUp(member)
      )
        return;
      target = inner;
    }
    const call = skipWrappersUp(target).parent;
    if (call?.type === AST_NODE_TYPES.CallExpression && skipWrappers(call.callee) === target) {
      // A chain from there: `res.set('A', a).set('B', b)`.
      let current: TSESTree.CallExpression = call;
      for (let step = 0; step < 6 && this.headerCall(current); step++) {
        const next = skipWrappersUp(current).parent;
        const after = next && skipWrappersUp(next).parent;
        if (
          next?.type !== AST_NODE_TYPES.MemberExpression ||
          after?.type !== AST_NODE_TYPES.CallExpression
        )
          break;
        current = after;
      }
      return;
    }
    // `res.headers['allow'] = v`, `c.res.headers.set(…)`: headers written another way.
    if (memberName(target) === 'headers') this.unknown = true;
  }

  /** Elysia `({ set }) => { set.headers['allow'] = v }`, `set.headers = {…}`. */
  private elysiaHeaders(response: StatusResponse): void {
    const path = this.forms.headerObject;
    const param = response.handler?.params[0];
    if (!path || param?.type !== AST_NODE_TYPES.ObjectPattern) return;
    for (const property of param.properties) {
      if (property.type !== AST_NODE_TYPES.Property || propertyKeyName(property) !== path[0])
        continue;
      const value = property.value;
      if (value.type !== AST_NODE_TYPES.Identifier) return void (this.unknown = true);
      const variable = this.file.variableOf(value);
      for (const reference of variable?.references ?? []) {
        const member = skipWrappersUp(reference.identifier).parent;
        if (member?.type !== AST_NODE_TYPES.MemberExpression || memberName(member) !== path[1])
          continue;
        const parent = skipWrappersUp(member).parent;
        if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === member)
          this.headerList(parent.right, 0);
        else if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === member) {
          const header = memberName(parent);
          if (header !== undefined) this.add(header);
          else this.unknown = true;
        } else this.unknown = true;
      }
    }
  }

  /** SvelteKit `setHeaders({…})` (destructured or `event.setHeaders`), h3 functions given the event. */
  contextFunctions(response: StatusResponse): void {
    const names = this.forms.functions?.filter((f) => f.offset === undefined);
    if (!names?.length) return;
    const fn = response.handler ?? enclosingFunction(response.node);
    if (!fn || !this.file.textIncludes(...names.map((f) => f.name))) return;
    for (const call of this.file.nodesOfTypeIn(AST_NODE_TYPES.CallExpression, fn)) {
      if (call.range[0] > response.node.range[0]) break;
      const callee = skipWrappers(call.callee);
      const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : memberName(callee);
      const form = names.find((f) => f.name === name);
      if (form) this.readCall(call, form);
    }
  }

  private isNumber(node: Node): boolean {
    return node.type === AST_NODE_TYPES.Literal
      ? typeof node.value === 'number'
      : node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.MemberExpression;
  }
}

/** The response handed to the send itself (h3 `send(event, b)`, a status function) is no helper. */
function isSendCall(call: TSESTree.CallExpression, response: StatusResponse): boolean {
  return contains(response.node, call) || isFunction(skipWrappers(call.callee));
}
