import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../core/node-types';

import type { Node } from '../core/ast';
import { memberName, skipWrappers, skipWrappersUp } from '../core/ast';
import type { AnalyzedFile } from '../core/file';

/** The members of a response or an HTTP error that hold its status: `res.status`, `res.statusCode`. */
const STATUS_PROPERTIES: ReadonlySet<string> = new Set(['status', 'statusCode']);

/** Whether a member of a response reads its status or its `ok`. */
export function isStatusMember(name: string): boolean {
  return STATUS_PROPERTIES.has(name) || name === 'ok';
}

/** The status read on a holder (`res.status`, `err.response?.status`), if that is what it is read for. */
function statusReadOn(holder: Node): Node | undefined {
  let top = skipWrappersUp(holder);
  let member = top.parent;
  if (
    member?.type === AST_NODE_TYPES.MemberExpression &&
    member.object === top &&
    memberName(member) === 'response'
  ) {
    top = skipWrappersUp(member);
    member = top.parent;
  }
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== top) return undefined;
  const name = memberName(member);
  return name !== undefined && STATUS_PROPERTIES.has(name) ? member : undefined;
}

/**
 * Something that carries an HTTP status: a response, an HTTP error (`error.response.status`),
 * or a status value itself. Knows which expressions read its status and its `ok`, including
 * copies (`const { status } = res`, `const code = res.status`, `const r = res`).
 */
export class StatusSubject {
  /** Identifier references whose value is the holder (the response or error object). */
  private readonly holderReferences = new Set<Node>();
  /** Expressions that are the holder without a variable: `(await fetch(u))`. */
  private readonly holderExpressions = new Set<Node>();
  private readonly statusReferences = new Set<Node>();
  private readonly okReferences = new Set<Node>();
  private readonly seen = new Set<TSESLint.Scope.Variable>();
  /** Variables bound to the holder itself. */
  readonly holderVariables: TSESLint.Scope.Variable[] = [];
  readonly statusVariables: TSESLint.Scope.Variable[] = [];

  constructor(private readonly file: AnalyzedFile) {}

  /** Whether `node` evaluates to this subject's status. */
  isStatus(node: Node): boolean {
    const inner = skipWrappers(node);
    if (inner.type === AST_NODE_TYPES.Identifier) return this.statusReferences.has(inner);
    if (inner.type !== AST_NODE_TYPES.MemberExpression) return false;
    const name = memberName(inner);
    return (
      name !== undefined && STATUS_PROPERTIES.has(name) && this.isHolderOrItsResponse(inner.object)
    );
  }

  /** Whether `node` evaluates to this subject's `ok` (true for 2xx). */
  isOk(node: Node): boolean {
    const inner = skipWrappers(node);
    if (inner.type === AST_NODE_TYPES.Identifier) return this.okReferences.has(inner);
    return (
      inner.type === AST_NODE_TYPES.MemberExpression &&
      memberName(inner) === 'ok' &&
      this.isHolderOrItsResponse(inner.object)
    );
  }

  /** Whether `node` evaluates to the holder itself (the response or the error). */
  isHolder(node: Node): boolean {
    const inner = skipWrappers(node);
    return this.holderReferences.has(inner) || this.holderExpressions.has(inner);
  }

  /** Every reference to the holder, in no particular order. */
  holderNodes(): Node[] {
    return [...this.holderReferences, ...this.holderExpressions];
  }

  /**
   * Every node a status or `ok` read of this subject contains: the holder's references and
   * expressions, the references of its status and `ok` copies. A condition that contains none
   * of them (nor a variable initialised from one) says nothing of this subject.
   */
  readingNodes(): Node[] {
    return [
      ...this.holderReferences,
      ...this.holderExpressions,
      ...this.statusReferences,
      ...this.okReferences,
    ];
  }

  /**
   * Every expression that reads the status, in no particular order: the references of status
   * copies (`status` of `const { status } = res`) and `res.status`, `res.statusCode`,
   * `error.response?.status` members of the holder.
   */
  statusReads(): Node[] {
    const reads: Node[] = [...this.statusReferences];
    for (const holder of this.holderNodes()) {
      const read = statusReadOn(holder);
      if (read) reads.push(read);
    }
    return reads;
  }

  /**
   * Whether `holds` holds for some status read (as `statusReads().some(holds)`), stopping at the
   * first: a response read in n places and checked at the first need not list the n.
   */
  someStatusRead(holds: (read: Node) => boolean): boolean {
    for (const reference of this.statusReferences) if (holds(reference)) return true;
    for (const holders of [this.holderReferences, this.holderExpressions])
      for (const holder of holders) {
        const read = statusReadOn(holder);
        if (read && holds(read)) return true;
      }
    return false;
  }

  /** Every place the status is read: identifiers of status copies and `x.status` members. */
  mentions(node: Node): boolean {
    return this.isStatus(node) || this.isOk(node);
  }

  private isHolderOrItsResponse(node: Node): boolean {
    const inner = skipWrappers(node);
    if (this.isHolder(inner)) return true;
    // `error.response.status`, `error.response?.status`
    return (
      inner.type === AST_NODE_TYPES.MemberExpression &&
      memberName(inner) === 'response' &&
      this.isHolder(inner.object)
    );
  }

  addHolderExpression(node: Node): void {
    this.holderExpressions.add(skipWrappers(node));
    this.followCopies(skipWrappersUp(node), 'holder');
  }

  addHolderVariable(variable: TSESLint.Scope.Variable): void {
    if (this.seen.has(variable)) return;
    this.seen.add(variable);
    this.holderVariables.push(variable);
    for (const reference of variable.references) {
      if (!reference.isRead()) continue;
      this.holderReferences.add(reference.identifier);
      this.followCopies(skipWrappersUp(reference.identifier), 'holder');
    }
  }

  addStatusVariable(variable: TSESLint.Scope.Variable): void {
    if (this.seen.has(variable)) return;
    this.seen.add(variable);
    this.statusVariables.push(variable);
    for (const reference of variable.references) {
      if (!reference.isRead()) continue;
      this.statusReferences.add(reference.identifier);
      this.followCopies(skipWrappersUp(reference.identifier), 'status');
    }
  }

  addOkVariable(variable: TSESLint.Scope.Variable): void {
    if (this.seen.has(variable)) return;
    this.seen.add(variable);
    for (const reference of variable.references)
      if (reference.isRead()) this.okReferences.add(reference.identifier);
  }

  /** Binds a pattern that receives the holder: `res`, `{ status, ok }`, `{ response: { status } }`. */
  bindHolderPattern(pattern: Node): void {
    switch (pattern.type) {
      case AST_NODE_TYPES.Identifier: {
        const variable = this.declared(pattern);
        if (variable) this.addHolderVariable(variable);
        return;
      }
      case AST_NODE_TYPES.AssignmentPattern:
        this.bindHolderPattern(pattern.left);
        return;
      case AST_NODE_TYPES.ObjectPattern:
        for (const property of pattern.properties) {
          if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
          const key =
            property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : undefined;
          if (key === 'status' || key === 'statusCode') this.bindLeaf(property.value, 'status');
          else if (key === 'ok') this.bindLeaf(property.value, 'ok');
          else if (key === 'response') this.bindHolderPattern(property.value);
        }
        return;
      default:
        return;
    }
  }

  private bindLeaf(pattern: Node, kind: 'status' | 'ok'): void {
    const target = pattern.type === AST_NODE_TYPES.AssignmentPattern ? pattern.left : pattern;
    if (target.type !== AST_NODE_TYPES.Identifier) return;
    const variable = this.declared(target);
    if (!variable) return;
    if (kind === 'status') this.addStatusVariable(variable);
    else this.addOkVariable(variable);
  }

  private declared(identifier: TSESTree.Identifier): TSESLint.Scope.Variable | null {
    return this.file.variableOf(identifier);
  }

  /** `const r = res`, `const { status } = res`, `const code = res.status`, `code = res.status`. */
  private followCopies(value: Node, kind: 'holder' | 'status'): void {
    let current = value;
    let copied: 'holder' | 'status' = kind;
    const parent = current.parent;
    // `res.status` / `err.response.status` copied out
    if (
      kind === 'holder' &&
      parent?.type === AST_NODE_TYPES.MemberExpression &&
      parent.object === current
    ) {
      const name = memberName(parent);
      if (name !== undefined && STATUS_PROPERTIES.has(name)) {
        current = skipWrappersUp(parent);
        copied = 'status';
      } else if (name === 'response') {
        const grand = skipWrappersUp(parent);
        this.followCopies(grand, 'holder');
        return;
      } else {
        return;
      }
    }
    const target = current.parent;
    if (target?.type === AST_NODE_TYPES.VariableDeclarator && target.init === current) {
      if (copied === 'holder') this.bindHolderPattern(target.id);
      else if (target.id.type === AST_NODE_TYPES.Identifier) {
        const variable = this.declared(target.id);
        if (variable) this.addStatusVariable(variable);
      }
    } else if (
      target?.type === AST_NODE_TYPES.AssignmentExpression &&
      target.right === current &&
      target.operator === '=' &&
      target.left.type === AST_NODE_TYPES.Identifier
    ) {
      const variable = this.declared(target.left);
      if (!variable) return;
      if (copied === 'holder') this.addHolderVariable(variable);
      else this.addStatusVariable(variable);
    }
  }
}
