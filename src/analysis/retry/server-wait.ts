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
import { AST_NODE_TYPES } from '../core/node-types';

import type { FunctionNode, Node } from '../core/ast';
import {
  calleeName,
  contains,
  enclosingFunction,
  isFunction,
  memberName,
  skipWrappers,
  skipWrappersUp,
} from '../core/ast';
import type { AnalyzedFile } from '../core/file';
import type { HttpModel } from '../model';
import { escapeRegExp } from '../core/text';
import { isFetchHeadersIndexRead } from './fetch-headers-index';
import { firstIndexFrom } from '../core/sorted';

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
/** `WAIT_NAME` as an identifier can spell it (no `-`). */
const IDENTIFIER_WAIT_NAME = /retry_?after|rate_?limit_?reset/i;

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
      // A text that spells the name only with a `-` (`'Retry-After'`) names it in strings alone:
      // no identifier then, and the calls and members named for it are keyed by one of the strings
      // (`err['retry-after']`), found from them rather than from every call, member and identifier.
      const namesIdentifiers = IDENTIFIER_WAIT_NAME.test(text) || text.includes('\\u');
      const { calls, members } = namesIdentifiers
        ? {
            calls: file.nodesOfType(AST_NODE_TYPES.CallExpression),
            members: file.nodesOfType(AST_NODE_TYPES.MemberExpression),
          }
        : stringKeyedUses(file);
      for (const call of calls) {
        const name = calleeName(call);
        if (name !== undefined && WAIT_NAME.test(name) && !call.arguments.every(isPlainLiteral))
          add(call, 'named');
      }
      for (const member of members) {
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
      const identifiers = namesIdentifiers ? file.nodesOfType(AST_NODE_TYPES.Identifier) : [];
      for (const identifier of identifiers) {
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
    return firstIndexFrom(this.reads.length, (k) => this.reads[k]!.node.range[0], start);
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
        // The declarator's own variable, without a lookup of its name.
        return this.model.file.scopeManager.getDeclaredVariables(parent)[0];
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

/**
 * The members keyed by a string named for the wait (`err['retry-after']`), and the calls of them,
 * each list in source order: where only strings spell the name, the only calls and members whose
 * name (`calleeName`, `memberName`) can be named for it.
 */
function stringKeyedUses(file: AnalyzedFile): {
  calls: TSESTree.CallExpression[];
  members: TSESTree.MemberExpression[];
} {
  const calls: TSESTree.CallExpression[] = [];
  const members: TSESTree.MemberExpression[] = [];
  for (const literal of file.nodesOfType(AST_NODE_TYPES.Literal)) {
    const member = literal.parent;
    if (
      typeof literal.value !== 'string' ||
      !WAIT_NAME.test(literal.value) ||
      member?.type !== AST_NODE_TYPES.MemberExpression ||
      !member.computed ||
      member.property !== literal
    )
      continue;
    members.push(member);
    // The call whose callee is the member, through the wrappers `calleeName` looks through.
    let top: Node = member;
    while (
      top.parent &&
      top.parent.type !== AST_NODE_TYPES.CallExpression &&
      skipWrappers(top.parent) === member
    )
      top = top.parent;
    const call = top.parent;
    if (call?.type === AST_NODE_TYPES.CallExpression && skipWrappers(call.callee) === member)
      calls.push(call);
  }
  // Source order as the node lists have it: by start, the outer of two nodes that start together first.
  const inOrder = (a: Node, b: Node): number => a.range[0] - b.range[0] || b.range[1] - a.range[1];
  return { calls: calls.sort(inOrder), members: members.sort(inOrder) };
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
