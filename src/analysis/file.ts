import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type SourceCode = TSESLint.SourceCode;

import type { Node } from './ast';

/**
 * One linted file, as the analysis sees it: the source code, scopes, and an index of its nodes
 * by type built in one walk, so no part of the analysis (and no rule) walks the AST again.
 */
export class AnalyzedFile {
  private nodeIndex: Map<string, Node[]> | undefined;

  constructor(readonly sourceCode: Readonly<SourceCode>) {}

  get ast(): TSESTree.Program {
    return this.sourceCode.ast;
  }

  get scopeManager(): TSESLint.Scope.ScopeManager {
    // ESLint 9+ always provides one; oxlint's JS plugins too.
    return this.sourceCode.scopeManager as TSESLint.Scope.ScopeManager;
  }

  scopeOf(node: Node): TSESLint.Scope.Scope {
    return this.sourceCode.getScope(node);
  }

  /** Every node of the given types, in source order. */
  nodesOfType<T extends Node['type']>(type: T): Array<Extract<Node, { type: T }>> {
    return (this.index().get(type) ?? []) as Array<Extract<Node, { type: T }>>;
  }

  /**
   * The nodes of a type inside `container` (or inside `[start, end)`), found by binary search:
   * each type's list is in source order, so scoped scans cost their result, not the file.
   */
  nodesOfTypeIn<T extends Node['type']>(type: T, container: Node): Array<Extract<Node, { type: T }>>;
  nodesOfTypeIn<T extends Node['type']>(type: T, start: number, end: number): Array<Extract<Node, { type: T }>>;
  nodesOfTypeIn<T extends Node['type']>(type: T, containerOrStart: Node | number, maybeEnd?: number): Array<Extract<Node, { type: T }>> {
    const [start, end] = typeof containerOrStart === 'number' ? [containerOrStart, maybeEnd ?? containerOrStart] : containerOrStart.range;
    const list = this.nodesOfType(type);
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (list[middle]!.range[0] < start) low = middle + 1;
      else high = middle;
    }
    const result: Array<Extract<Node, { type: T }>> = [];
    for (let i = low; i < list.length && list[i]!.range[0] < end; i++) if (list[i]!.range[1] <= end) result.push(list[i]!);
    return result;
  }

  private index(): Map<string, Node[]> {
    if (this.nodeIndex) return this.nodeIndex;
    const index = new Map<string, Node[]>();
    const visitorKeys = this.sourceCode.visitorKeys as Record<string, readonly string[] | undefined>;
    const stack: Node[] = [this.ast];
    while (stack.length > 0) {
      const node = stack.pop()!;
      let list = index.get(node.type);
      if (!list) index.set(node.type, (list = []));
      list.push(node);
      const keys = visitorKeys[node.type] ?? [];
      // Push children in reverse so they pop in source order.
      for (let k = keys.length - 1; k >= 0; k--) {
        const child = (node as unknown as Record<string, unknown>)[keys[k]!];
        if (Array.isArray(child)) {
          for (let i = child.length - 1; i >= 0; i--) {
            const item = child[i] as Node | null;
            if (item && typeof item.type === 'string') stack.push(item);
          }
        } else if (child && typeof (child as Node).type === 'string') {
          stack.push(child as Node);
        }
      }
    }
    this.nodeIndex = index;
    return index;
  }
}
