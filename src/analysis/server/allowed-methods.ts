import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../core/node-types';

import type { FunctionNode, Node } from '../core/ast';
import {
  alwaysExits,
  isFunction,
  literalString,
  memberName,
  skipWrappers,
  skipWrappersUp,
} from '../core/ast';
import type { AnalyzedFile } from '../core/file';
import {
  APP_ROUTER_METHOD_EXPORTS,
  HTTP_METHODS,
  REQUEST_METHOD_MEMBERS,
  ROUTE_FALLBACK_METHODS,
  ROUTE_METHOD_REQUESTS,
} from '../libraries/headers';
import type { StatusResponse } from './headers';

/**
 * The methods a resource allows, as the code that sends its 405 shows them: the guard that leads
 * there (`if (req.method !== 'POST')`, `!['GET', 'POST'].includes(req.method)`, an `if`/`else if`
 * chain or a `switch` on the method whose last branch sends it), the routes the file registers
 * for the same path (`app.get('/items', …)` beside `app.all('/items', …)`), or the methods a
 * route file exports (Next.js App Router, SvelteKit). Undefined when the code does not show them.
 */
export function allowedMethods(file: AnalyzedFile, response: StatusResponse): string[] | undefined {
  const boundary = response.handler ?? outermostFunction(response.node);
  const guarded = guardMethods(response.node, boundary);
  if (guarded === 'unknown') return undefined;
  const methods =
    guarded ??
    (response.handler && registeredMethods(file, response.handler)) ??
    (boundary && exportedMethods(file, boundary));
  if (!methods || methods.size === 0) return undefined;
  const order = (method: string) => {
    const index = HTTP_METHODS.indexOf(method);
    return index < 0 ? HTTP_METHODS.length : index;
  };
  return [...methods].sort((a, b) => order(a) - order(b) || a.localeCompare(b));
}

type MethodTest =
  /** True exactly for these methods. */
  | { readonly is: ReadonlySet<string> }
  /** True exactly for every other method. */
  | { readonly not: ReadonlySet<string> }
  /** Reads the method in a way this does not evaluate. */
  | 'unknown'
  /** Does not read the method. */
  | undefined;

/** `req.method`, `c.req.method`, `req.method.toUpperCase()`. */
function isMethodRead(node: Node): boolean {
  let inner = skipWrappers(node);
  if (
    inner.type === AST_NODE_TYPES.CallExpression &&
    memberName(skipWrappers(inner.callee)) === 'toUpperCase'
  )
    inner = skipWrappers((skipWrappers(inner.callee) as TSESTree.MemberExpression).object);
  // `const { method } = req`
  if (inner.type === AST_NODE_TYPES.Identifier) return REQUEST_METHOD_MEMBERS.includes(inner.name);
  return (
    inner.type === AST_NODE_TYPES.MemberExpression &&
    REQUEST_METHOD_MEMBERS.includes(memberName(inner) ?? '')
  );
}

function methodLiteral(node: Node): string | undefined {
  const value = literalString(node);
  return value !== undefined && /^[A-Z]+$/.test(value) ? value : undefined;
}

/** Whether a condition's text reads a `method` at all (cheap test before the walk). */
function readsMethod(node: Node): boolean {
  const stack: unknown[] = [node];
  while (stack.length > 0) {
    const current = stack.pop();
    if (Array.isArray(current)) {
      stack.push(...(current as unknown[]));
      continue;
    }
    if (!current || typeof (current as Node).type !== 'string') continue;
    const inner = current as Node;
    if (
      inner.type === AST_NODE_TYPES.MemberExpression &&
      REQUEST_METHOD_MEMBERS.includes(memberName(inner) ?? '')
    )
      return true;
    for (const [key, value] of Object.entries(inner))
      if (key !== 'parent' && value && typeof value === 'object') stack.push(value);
  }
  return false;
}

function methodTest(test: Node): MethodTest {
  const node = skipWrappers(test);
  if (node.type === AST_NODE_TYPES.BinaryExpression) {
    const equal = node.operator === '===' || node.operator === '==';
    const unequal = node.operator === '!==' || node.operator === '!=';
    if (equal || unequal) {
      const method = isMethodRead(node.left)
        ? methodLiteral(node.right)
        : isMethodRead(node.right)
          ? methodLiteral(node.left)
          : undefined;
      if (method !== undefined)
        return equal ? { is: new Set([method]) } : { not: new Set([method]) };
    }
  }
  if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!') {
    const inner = methodTest(node.argument);
    if (inner === undefined || inner === 'unknown') return inner;
    return 'is' in inner ? { not: inner.is } : { is: inner.not };
  }
  // `['GET', 'POST'].includes(req.method)`
  if (
    node.type === AST_NODE_TYPES.CallExpression &&
    memberName(skipWrappers(node.callee)) === 'includes' &&
    node.arguments.length === 1 &&
    isMethodRead(node.arguments[0]!)
  ) {
    const list = skipWrappers((skipWrappers(node.callee) as TSESTree.MemberExpression).object);
    if (list.type === AST_NODE_TYPES.ArrayExpression) {
      const methods = list.elements.map((element) => element && methodLiteral(element));
      if (methods.every((method): method is string => method !== undefined))
        return { is: new Set(methods) };
    }
    return 'unknown';
  }
  if (node.type === AST_NODE_TYPES.LogicalExpression && node.operator !== '??') {
    const left = methodTest(node.left);
    const right = methodTest(node.right);
    if (left === undefined && right === undefined) return undefined;
    if (left === undefined || right === undefined || left === 'unknown' || right === 'unknown')
      return 'unknown';
    // `m === 'A' || m === 'B'`, `m !== 'A' && m !== 'B'`
    if (node.operator === '||' && 'is' in left && 'is' in right)
      return { is: new Set([...left.is, ...right.is]) };
    if (node.operator === '&&' && 'not' in left && 'not' in right)
      return { not: new Set([...left.not, ...right.not]) };
    return 'unknown';
  }
  return readsMethod(node) ? 'unknown' : undefined;
}

/** The methods a method guard on the way to the send lets through; undefined when none leads there. */
function guardMethods(
  send: Node,
  boundary: FunctionNode | undefined,
): Set<string> | 'unknown' | undefined {
  const allowed = new Set<string>();
  let guarded = false;
  const allow = (methods: ReadonlySet<string>) => {
    guarded = true;
    for (const method of methods) allowed.add(method);
  };
  let child: Node = send;
  for (
    let parent = send.parent;
    parent && child !== boundary;
    child = parent, parent = parent.parent
  ) {
    if (isFunction(parent) && parent !== boundary) return 'unknown';
    if (
      (parent.type === AST_NODE_TYPES.IfStatement ||
        parent.type === AST_NODE_TYPES.ConditionalExpression) &&
      child !== parent.test
    ) {
      const test = methodTest(parent.test);
      if (test === 'unknown') return 'unknown';
      if (test === undefined) continue;
      // The send runs for the methods the test excludes: `if (m !== 'POST') send`, `else send`.
      if (child === parent.consequent && 'not' in test) allow(test.not);
      else if (child === parent.alternate && 'is' in test) allow(test.is);
      else return 'unknown';
      continue;
    }
    if (parent.type === AST_NODE_TYPES.SwitchCase) {
      const result = switchMethods(parent);
      if (result === 'unknown') return 'unknown';
      if (result) allow(result);
    }
    // Earlier exits in the same list: `if (m === 'GET') { …; return }` before the send.
    if (
      parent.type === AST_NODE_TYPES.BlockStatement ||
      parent.type === AST_NODE_TYPES.Program ||
      parent.type === AST_NODE_TYPES.SwitchCase
    ) {
      const list: readonly Node[] =
        parent.type === AST_NODE_TYPES.SwitchCase ? parent.consequent : parent.body;
      for (const statement of list.slice(0, list.indexOf(child))) {
        if (statement.type !== AST_NODE_TYPES.IfStatement) continue;
        const test = methodTest(statement.test);
        if (test === undefined) continue;
        if (
          test === 'unknown' ||
          !('is' in test) ||
          statement.alternate ||
          !alwaysExits(statement.consequent)
        )
          return 'unknown';
        allow(test.is);
      }
    }
  }
  return guarded ? allowed : undefined;
}

/** In `switch (req.method)`, the `default` that sends: the methods of the cases that exit before it. */
function switchMethods(clause: TSESTree.SwitchCase): Set<string> | 'unknown' | undefined {
  const statement = clause.parent;
  if (!isMethodRead(statement.discriminant)) return undefined;
  if (clause.test) return 'unknown';
  const methods = new Set<string>();
  for (const other of statement.cases) {
    if (other === clause) continue;
    const method = other.test && methodLiteral(other.test);
    if (!method) return 'unknown';
    // A case that falls through into the `default` is sent the 405 too.
    let next = statement.cases.indexOf(other);
    while (next < statement.cases.length - 1 && statement.cases[next]!.consequent.length === 0)
      next++;
    const body = statement.cases[next]!;
    if (body === clause) continue;
    const last = body.consequent[body.consequent.length - 1];
    if (!last || !alwaysExits(last)) return 'unknown';
    methods.add(method);
  }
  return methods;
}

/** `app.all('/items', handler)` beside `app.get('/items', …)`, `router.route('/items').get(…).all(handler)`. */
function registeredMethods(file: AnalyzedFile, handler: FunctionNode): Set<string> | undefined {
  const call = skipWrappersUp(handler).parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = skipWrappers(call.callee);
  const name = memberName(callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !name || !ROUTE_FALLBACK_METHODS.has(name))
    return undefined;
  const methods = new Set<string>();
  const add = (method: string | undefined) => {
    for (const request of (method && ROUTE_METHOD_REQUESTS[method]) || []) methods.add(request);
  };
  const path = call.arguments.length > 1 ? literalString(call.arguments[0]!) : undefined;
  if (path !== undefined) {
    // The same router: the same variable, or the same text where it is no variable (`this.app`).
    const ownerOf = (object: Node): unknown => {
      const inner = skipWrappers(object);
      return inner.type === AST_NODE_TYPES.Identifier
        ? file.variableOf(inner)
        : file.sourceCode.getText(inner);
    };
    const owner = ownerOf(callee.object);
    for (const other of file.nodesOfType(AST_NODE_TYPES.CallExpression)) {
      const otherCallee = skipWrappers(other.callee);
      if (
        other !== call &&
        otherCallee.type === AST_NODE_TYPES.MemberExpression &&
        other.arguments[0] &&
        literalString(other.arguments[0]) === path &&
        ownerOf(otherCallee.object) === owner
      )
        add(memberName(otherCallee));
    }
    return methods;
  }
  // The chain of `route(path)`: the calls before and after this one.
  let object = skipWrappers(callee.object);
  while (object.type === AST_NODE_TYPES.CallExpression) {
    const member = skipWrappers(object.callee);
    const method = memberName(member);
    if (method === 'route') break;
    add(method);
    if (member.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    object = skipWrappers(member.object);
  }
  if (object.type !== AST_NODE_TYPES.CallExpression) return undefined;
  for (let top: Node = skipWrappersUp(call); ;) {
    const member = top.parent;
    const next = member && skipWrappersUp(member).parent;
    if (
      member?.type !== AST_NODE_TYPES.MemberExpression ||
      next?.type !== AST_NODE_TYPES.CallExpression
    )
      break;
    add(memberName(member));
    top = skipWrappersUp(next);
  }
  return methods;
}

/** A route file's exported method handlers (`export async function GET`), when the send is in one of them. */
function exportedMethods(file: AnalyzedFile, fn: FunctionNode): Set<string> | undefined {
  const exported = new Map<string, Node>();
  for (const statement of file.moduleStatements()) {
    if (statement.type !== AST_NODE_TYPES.ExportNamedDeclaration) continue;
    const declaration = statement.declaration;
    if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id)
      exported.set(declaration.id.name, declaration);
    else if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of declaration.declarations)
        if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.init)
          exported.set(declarator.id.name, skipWrappers(declarator.init));
    } else if (!statement.source) {
      for (const specifier of statement.specifiers) {
        const name =
          specifier.exported.type === AST_NODE_TYPES.Identifier
            ? specifier.exported.name
            : specifier.exported.value;
        exported.set(name, specifier.local);
      }
    }
  }
  const methods = new Set(APP_ROUTER_METHOD_EXPORTS.filter((method) => exported.has(method)));
  if (methods.size === 0) return undefined;
  const values = [...methods].map((method) => exported.get(method)!);
  const declarator = skipWrappersUp(fn).parent;
  const fnName =
    fn.type === AST_NODE_TYPES.FunctionDeclaration
      ? fn.id?.name
      : declarator?.type === AST_NODE_TYPES.VariableDeclarator &&
          declarator.id.type === AST_NODE_TYPES.Identifier
        ? declarator.id.name
        : undefined;
  const isExported = values.some(
    (value) =>
      value === fn ||
      (value.type === AST_NODE_TYPES.Identifier && fnName !== undefined && value.name === fnName),
  );
  if (!isExported) return undefined;
  if (methods.has('GET')) methods.add('HEAD');
  return methods;
}

function outermostFunction(node: Node): FunctionNode | undefined {
  let found: FunctionNode | undefined;
  for (let current = node.parent; current; current = current.parent)
    if (isFunction(current)) found = current;
  return found;
}
