/**
 * Whether code reads the wait a server sent with a 429 or 503: the `Retry-After` header (in any
 * case, through `headers.get(…)`, `headers[…]`, `?.`, axios `error.response?.headers[…]`), the
 * other wait headers a rule is told about (`retry-after-ms`, `ratelimit-reset`, …), a helper named
 * for it (`parseRetryAfter(res)`, `err.retryAfter`), and — by data flow — any variable assigned
 * from such a read and any local function whose body makes one (so `await sleep(delayFor(res))`
 * reads the wait when `delayFor` does).
 *
 * Built once per file and header list (`serverWaitReads(model, headers)`); a rule asks
 * `reads.within(region)` for the nodes of a retry path.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '../core/node-types';

import type { FunctionNode, Node } from '../core/ast';
import {
  calledMemberName,
  contains,
  enclosingFunction,
  isFunction,
  memberName,
  skipWrappers,
  skipWrappersUp,
} from '../core/ast';
import type { ClientId } from '../libraries/clients';
import type { HttpModel } from '../model';
import type { HeaderSource } from '../../fixes/retry-after';
import { escapeRegExp } from '../core/text-anchors';
import { isFetchHeadersIndexRead } from './fetch-headers-index';

/** The header every 429/503 may carry; always understood. */
export const RETRY_AFTER_HEADER = 'retry-after';

/** Other headers that carry "when to come back", understood by default. */
export const DEFAULT_WAIT_HEADERS: readonly string[] = [
  'retry-after-ms',
  'ratelimit-reset',
  'x-ratelimit-reset',
  'x-ratelimit-retry-after',
];

/**
 * Names of helpers and properties that stand for the server's wait: `retryAfter`,
 * `getRetryAfterMs`, `parseRetryAfter`, `retry_after`, `rateLimitReset`, `RETRY_AFTER_MS`.
 */
const WAIT_NAME = /retry[-_]?after|rate[-_]?limit[-_]?reset/i;

export type ServerWaitReadKind =
  /** A string naming a wait header: `'Retry-After'`, or a `const` holding one. */
  | 'header'
  /** A helper, property or variable named for the wait: `parseRetryAfter(res)`, `err.retryAfter`, `retry_after`. */
  | 'named'
  /** A variable assigned from a read. */
  | 'variable'
  /** A local function whose body reads the wait, called or passed on. */
  | 'function';

export interface ServerWaitRead {
  readonly node: Node;
  readonly kind: ServerWaitReadKind;
}

const MAX_PROPAGATION = 3;

/** The reads of the server's wait in one file, for one list of extra header names. */
export class ServerWaitReads {
  /** Every read, sorted by position. */
  readonly reads: readonly ServerWaitRead[];
  private readonly readingFunctions = new Set<FunctionNode>();

  constructor(
    private readonly model: HttpModel,
    headers: readonly string[],
  ) {
    const names = new Set([
      RETRY_AFTER_HEADER,
      ...headers.map((header) => header.trim().toLowerCase()).filter((header) => header !== ''),
    ]);
    const reads: ServerWaitRead[] = [];
    const seen = new Set<Node>();
    const add = (node: Node, kind: ServerWaitReadKind): boolean => {
      if (seen.has(node)) return false;
      seen.add(node);
      // `res.headers['retry-after']` on a fetch `Headers` is always undefined: it reads no wait.
      if (kind !== 'function' && isFetchHeadersIndexRead(model, node)) return false;
      reads.push({ node, kind });
      return true;
    };
    const file = model.file;
    const namesHeader = (text: string): boolean => {
      const lower = text.trim().toLowerCase();
      // `'Retry-After'`, or a path to it: `_.get(err, 'response.headers.retry-after')`.
      return (
        names.has(lower) ||
        (/[.[\]'"]/.test(lower) && lower.split(/[.[\]'"]/).some((part) => names.has(part)))
      );
    };
    // A string naming a header, and a name for the wait, are written in the text (an escape such
    // as `'Retry\u002dAfter'` is missed): most files with a retry have neither, and skip the node lists.
    const { text } = file.sourceCode;
    if (new RegExp([...names].map(escapeRegExp).join('|'), 'i').test(text)) {
      for (const literal of file.nodesOfType(AST_NODE_TYPES.Literal)) {
        if (typeof literal.value === 'string' && namesHeader(literal.value)) add(literal, 'header');
      }
      for (const template of file.nodesOfType(AST_NODE_TYPES.TemplateLiteral)) {
        const cooked =
          template.expressions.length === 0 ? template.quasis[0]?.value.cooked : undefined;
        if (cooked != null && namesHeader(cooked)) add(template, 'header');
      }
    }
    if (WAIT_NAME.test(text)) {
      for (const call of file.nodesOfType(AST_NODE_TYPES.CallExpression)) {
        const name = calleeName(call);
        if (name !== undefined && WAIT_NAME.test(name) && !call.arguments.every(isPlainLiteral))
          add(call, 'named');
      }
      for (const member of file.nodesOfType(AST_NODE_TYPES.MemberExpression)) {
        const name = memberName(member);
        const parent = skipWrappersUp(member).parent;
        // `err.retryAfter`, `error.retryAfterMs` — not a call, which is judged above, nor a write.
        if (name === undefined || !WAIT_NAME.test(name)) continue;
        if (
          parent?.type === AST_NODE_TYPES.CallExpression &&
          skipWrappers(parent.callee) === member
        )
          continue;
        if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === member)
          continue;
        add(member, 'named');
      }
      const namedVariables = new Set<TSESLint.Scope.Variable>();
      for (const identifier of file.nodesOfType(AST_NODE_TYPES.Identifier)) {
        // A variable or parameter named for the wait, wherever its value comes from (a body field
        // such as Discord's and Slack's `retry_after`, a parameter): `await sleep(retry_after * 1000)`.
        if (!WAIT_NAME.test(identifier.name)) continue;
        const variable = file.variableOf(identifier);
        if (!variable || namedVariables.has(variable) || variable.defs.length === 0) continue;
        namedVariables.add(variable);
        if (
          variable.defs.some(
            (def) =>
              def.type === 'FunctionName' ||
              def.type === 'ClassName' ||
              def.type === 'ImportBinding',
          )
        )
          continue;
        for (const reference of variable.references)
          if (reference.isRead()) add(reference.identifier, 'named');
      }
    }

    // Data flow: variables assigned from a read, functions that make one, their uses.
    let frontier = [...reads];
    for (let round = 0; round < MAX_PROPAGATION && frontier.length > 0; round++) {
      const next: ServerWaitRead[] = [];
      for (const read of frontier) {
        const variable = this.assignedVariable(read.node);
        if (variable) {
          for (const reference of variable.references) {
            if (reference.isRead() && add(reference.identifier, 'variable'))
              next.push(reads.at(-1)!);
          }
        }
        const fn = enclosingFunction(read.node);
        if (fn && !this.readingFunctions.has(fn)) {
          this.readingFunctions.add(fn);
          for (const reference of functionReferences(model, fn)) {
            if (add(reference, 'function')) next.push(reads.at(-1)!);
          }
        }
      }
      frontier = next;
    }
    reads.sort((a, b) => a.node.range[0] - b.node.range[0]);
    this.reads = reads;
  }

  /** Whether any read lies inside one of the nodes (a retry path's statements, a callback). */
  within(region: Node | readonly Node[]): boolean {
    return this.firstWithin(region) !== undefined;
  }

  /** The first read inside one of the nodes. */
  firstWithin(region: Node | readonly Node[]): ServerWaitRead | undefined {
    const nodes = Array.isArray(region) ? (region as readonly Node[]) : [region as Node];
    for (const node of nodes) {
      for (let index = this.lowerBound(node.range[0]); index < this.reads.length; index++) {
        const read = this.reads[index]!;
        if (read.node.range[0] >= node.range[1]) break;
        if (contains(node, read.node)) return read;
      }
    }
    return undefined;
  }

  /** Whether a function's own body reads the wait (directly or through what it calls). */
  functionReads(fn: FunctionNode): boolean {
    return this.readingFunctions.has(fn) || this.within(fn.body);
  }

  private lowerBound(start: number): number {
    let low = 0;
    let high = this.reads.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.reads[middle]!.node.range[0] < start) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /**
   * The variable a read flows into: `const wait = Number(res.headers.get('retry-after'))`,
   * `wait = …`, `const HEADER = 'Retry-After'`. Climbs through the expression only.
   */
  private assignedVariable(node: Node): TSESLint.Scope.Variable | undefined {
    let child = node;
    for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
      if (parent.type === AST_NODE_TYPES.VariableDeclarator) {
        if (parent.init !== child || parent.id.type !== AST_NODE_TYPES.Identifier) return undefined;
        return this.model.file.variableOf(parent.id) ?? undefined;
      }
      if (parent.type === AST_NODE_TYPES.AssignmentExpression) {
        if (parent.right !== child || parent.left.type !== AST_NODE_TYPES.Identifier)
          return undefined;
        return this.model.file.variableOf(parent.left) ?? undefined;
      }
      if (isFunction(parent) || isStatementLike(parent)) return undefined;
    }
    return undefined;
  }
}

const CACHE_KEY = {};

/** The file's reads of the server's wait, with `headers` understood besides `Retry-After`. */
export function serverWaitReads(
  model: HttpModel,
  headers: readonly string[] = DEFAULT_WAIT_HEADERS,
): ServerWaitReads {
  const byHeaders = model.extension(CACHE_KEY, () => new Map<string, ServerWaitReads>());
  const key = headers.map((header) => header.toLowerCase()).join('\n');
  let reads = byHeaders.get(key);
  if (!reads) byHeaders.set(key, (reads = new ServerWaitReads(model, headers)));
  return reads;
}

function calleeName(call: TSESTree.CallExpression): string | undefined {
  const callee = skipWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  return memberName(callee);
}

function isPlainLiteral(node: TSESTree.CallExpressionArgument): boolean {
  const inner = skipWrappers(node);
  return (
    inner.type === AST_NODE_TYPES.Literal ||
    (inner.type === AST_NODE_TYPES.TemplateLiteral && inner.expressions.length === 0)
  );
}

function isStatementLike(node: Node): boolean {
  return (
    node.type.endsWith('Statement') ||
    node.type.endsWith('Declaration') ||
    node.type === AST_NODE_TYPES.Program
  );
}

/** References through which a function is called or passed on: its name or the `const` holding it. */
function functionReferences(model: HttpModel, fn: FunctionNode): Node[] {
  const { scopeManager } = model.file;
  let variables: TSESLint.Scope.Variable[] = [];
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) {
    variables = scopeManager
      .getDeclaredVariables(fn)
      .filter((variable) => variable.name === fn.id?.name);
  } else {
    const top = skipWrappersUp(fn);
    const parent = top.parent;
    if (
      parent?.type === AST_NODE_TYPES.VariableDeclarator &&
      parent.init === top &&
      parent.id.type === AST_NODE_TYPES.Identifier
    ) {
      variables = scopeManager.getDeclaredVariables(parent);
    } else if (
      parent?.type === AST_NODE_TYPES.MethodDefinition ||
      (parent?.type === AST_NODE_TYPES.Property && parent.value === top)
    ) {
      // `this.delayFor(res)`, `helpers.delayFor(res)`: calls of a method by its name, in the file.
      const name =
        parent.key.type === AST_NODE_TYPES.Identifier && !parent.computed
          ? parent.key.name
          : undefined;
      if (name === undefined) return [];
      return model.file
        .nodesOfType(AST_NODE_TYPES.MemberExpression)
        .filter(
          (member) =>
            memberName(member) === name &&
            !(
              member.parent.type === AST_NODE_TYPES.AssignmentExpression &&
              member.parent.left === member
            ),
        );
    }
  }
  return variables.flatMap((variable) =>
    variable.references
      .filter((reference) => reference.isRead())
      .map((reference) => reference.identifier),
  );
}

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

/** Names of waits whose body the file does not show: `import { sleep } from '../utils'`, `utils.delay(ms)`. */
const DELAY_NAME = /^(?:sleep|delay|wait|pause|timeout|backoff|sleepMs|delayMs|waitMs|waitFor)$/i;

/** A call of a wait the file imports or takes from elsewhere, by its name, with its duration. */
export interface NamedDelay {
  readonly node: TSESTree.CallExpression;
  readonly duration: TSESTree.Expression;
}

const NAMED_DELAYS_KEY = {};

/**
 * Awaited calls of an imported or global wait (`await sleep(1000)` with `sleep` from another
 * module, `await utils.delay(ms)`), whose body the retry analysis cannot read: the name and a
 * first argument are the evidence. Local functions are left to the retry analysis, which reads them.
 */
export function namedDelays(model: HttpModel): readonly NamedDelay[] {
  return model.extension(NAMED_DELAYS_KEY, () => {
    const delays: NamedDelay[] = [];
    for (const call of model.file.nodesOfType(AST_NODE_TYPES.CallExpression)) {
      const first = call.arguments[0];
      if (!first || first.type === AST_NODE_TYPES.SpreadElement || call.arguments.length > 2)
        continue;
      const top = skipWrappersUp(call);
      if (top.parent?.type !== AST_NODE_TYPES.AwaitExpression) continue;
      const callee = skipWrappers(call.callee);
      const name = calleeName(call);
      if (name === undefined || !DELAY_NAME.test(name)) continue;
      if (callee.type === AST_NODE_TYPES.Identifier) {
        const variable = model.file.variableOf(callee);
        const def = variable?.defs[0];
        const elsewhere =
          !def ||
          def.type === 'ImportBinding' ||
          (def.type === 'Variable' && isRequireLike(def.node.init));
        if (!elsewhere) continue;
      } else if (callee.type !== AST_NODE_TYPES.MemberExpression) {
        continue;
      }
      delays.push({ node: call, duration: first });
    }
    return delays;
  });
}

function isRequireLike(init: TSESTree.Expression | null): boolean {
  let node: Node | null = init;
  while (node?.type === AST_NODE_TYPES.MemberExpression) node = node.object;
  return (
    node?.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.Identifier &&
    node.callee.name === 'require'
  );
}

/**
 * Whether code at `at` may read `variable` as a value that is there: `'safe'` when it is
 * initialised and not null or undefined on every path to `at` (a `const` declared before, in a
 * block around `at`; a parameter or caught error never reassigned), `'unsafe'` when it certainly
 * is not (`at` before the declaration: the temporal dead zone; the last assignment on the way is
 * `null`), `'unknown'` otherwise (assigned in a `try` and read in its `catch`, reassigned in a
 * branch or in the loop around `at`). Only `'safe'` allows an autofix to read it.
 */
export type Readability = 'safe' | 'unknown' | 'unsafe';

export function readabilityAt(variable: TSESLint.Scope.Variable, at: Node): Readability {
  const def = variable.defs[0];
  if (!def || variable.defs.length > 1) return 'unknown';
  const writes = variable.references.filter((reference) => reference.isWrite() && !reference.init);
  if (def.type === 'CatchClause' || def.type === 'Parameter')
    return writes.length === 0 ? 'safe' : 'unknown';
  if (def.type !== 'Variable') return 'unknown';
  const home = enclosingFunction(def.node);
  const write = dominatingWrite(variable, at);
  if (!write) {
    // Read before the declaration in its own function: a ReferenceError (`const`, `let`) or `undefined` (`var`).
    return def.name.range[0] > at.range[0] && enclosingFunction(at) === home ? 'unsafe' : 'unknown';
  }
  const others = variable.references.filter(
    (reference) =>
      reference.isWrite() &&
      !contains(write.node, reference.identifier) &&
      reference.identifier !== def.name,
  );
  for (const other of others) {
    // Another assignment may run between: after the dominating one, or in a loop around `at` that does not hold it.
    if (other.identifier.range[0] > write.node.range[1] && other.identifier.range[0] < at.range[0])
      return 'unknown';
    if (enclosingFunction(other.identifier) !== home) return 'unknown';
    for (let loop = at.parent; loop && loop !== home; loop = loop.parent) {
      if (isLoopNode(loop) && contains(loop, other.identifier) && !contains(loop, write.node))
        return 'unknown';
    }
  }
  // `at` in a function created after the assignment: it runs later, when later writes may have happened.
  if (
    enclosingFunction(at) !== home &&
    others.some((other) => other.identifier.range[0] > write.node.range[1])
  )
    return 'unknown';
  return isNullish(write.value) ? 'unsafe' : 'safe';
}

/**
 * The last statement before `at`, in a block around it (in `variable`'s function), that assigns
 * `variable` whatever path leads to `at`: `const res = …`, `let res;` (undefined), `res = …;`.
 */
function dominatingWrite(
  variable: TSESLint.Scope.Variable,
  at: Node,
): { node: Node; value: Node | null } | undefined {
  const def = variable.defs[0]!;
  const home = enclosingFunction(def.node);
  let child: Node = at;
  for (let parent = at.parent; parent; child = parent, parent = parent.parent) {
    const list =
      parent.type === AST_NODE_TYPES.BlockStatement ||
      parent.type === AST_NODE_TYPES.Program ||
      parent.type === AST_NODE_TYPES.StaticBlock
        ? parent.body
        : parent.type === AST_NODE_TYPES.SwitchCase
          ? parent.consequent
          : undefined;
    if (list) {
      for (let index = list.indexOf(child as TSESTree.Statement) - 1; index >= 0; index--) {
        const write = definiteWrite(list[index]!, variable);
        if (write) return write;
      }
    }
    if (parent === home) break;
  }
  return undefined;
}

function definiteWrite(
  statement: TSESTree.Statement,
  variable: TSESLint.Scope.Variable,
): { node: Node; value: Node | null } | undefined {
  if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
    for (const declarator of statement.declarations) {
      if (variable.defs.some((def) => def.node === declarator))
        return { node: declarator, value: declarator.init };
    }
    return undefined;
  }
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return undefined;
  const expression = skipWrappers(statement.expression);
  if (expression.type !== AST_NODE_TYPES.AssignmentExpression || expression.operator !== '=')
    return undefined;
  const left = skipWrappers(expression.left);
  if (
    left.type !== AST_NODE_TYPES.Identifier ||
    !variable.references.some((reference) => reference.identifier === left)
  )
    return undefined;
  return { node: expression, value: expression.right };
}

/** `null`, `undefined`, `void 0`, or no initialiser at all. */
function isNullish(value: Node | null): boolean {
  if (!value) return true;
  const inner = skipWrappers(value);
  if (inner.type === AST_NODE_TYPES.Literal) return inner.value === null;
  if (inner.type === AST_NODE_TYPES.Identifier) return inner.name === 'undefined';
  return inner.type === AST_NODE_TYPES.UnaryExpression && inner.operator === 'void';
}

function isLoopNode(node: Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.ForStatement:
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
      return true;
    default:
      return false;
  }
}

/**
 * Whether the code tests the variable for a value (`!res`, `res &&`, `res ? … : …`,
 * `res == null`, `res?.status`): it may hold null there, so a fix reads it with `?.`.
 */
export function testedForNull(variable: TSESLint.Scope.Variable): boolean {
  return variable.references.some((reference) => {
    if (!reference.isRead()) return false;
    const top = skipWrappersUp(reference.identifier);
    const parent = top.parent;
    switch (parent?.type) {
      case AST_NODE_TYPES.UnaryExpression:
        return parent.operator === '!';
      case AST_NODE_TYPES.LogicalExpression:
        return parent.left === top;
      case AST_NODE_TYPES.ConditionalExpression:
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.WhileStatement:
        return parent.test === top;
      case AST_NODE_TYPES.BinaryExpression: {
        const other = skipWrappers(parent.left === top ? parent.right : parent.left);
        return (
          (other.type === AST_NODE_TYPES.Literal && other.value === null) ||
          (other.type === AST_NODE_TYPES.Identifier && other.name === 'undefined')
        );
      }
      case AST_NODE_TYPES.MemberExpression:
        return parent.object === top && parent.optional;
      default:
        return false;
    }
  });
}
