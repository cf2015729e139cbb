import type { TSESLint } from '@typescript-eslint/utils';

import type { Node } from './ast';
import { isFunction } from './ast';

type SourceCode = TSESLint.SourceCode;

/**
 * The innermost node whose range contains the text offset: a descent from the root through the
 * children that contain it (binary search in lists), not a walk over the file.
 */
export function nodeAtOffset(sourceCode: Readonly<SourceCode>, offset: number): Node | undefined {
  const visitorKeys = sourceCode.visitorKeys as Record<string, readonly string[] | undefined>;
  const contains = (node: Node | null | undefined): node is Node =>
    !!node && typeof node.type === 'string' && node.range[0] <= offset && offset < node.range[1];
  let current: Node = sourceCode.ast;
  if (!contains(current)) return undefined;
  descend: for (;;) {
    for (const key of visitorKeys[current.type] ?? []) {
      const child: unknown = (current as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        let low = 0;
        let high = child.length - 1;
        while (low <= high) {
          const middle = (low + high) >>> 1;
          const item = child[middle] as Node | null;
          // Holes (`[a, , b]`) have no range: fall back to a scan of this list.
          if (!item) {
            const found: Node | undefined = (child as Array<Node | null>).find(contains);
            if (found) {
              current = found;
              continue descend;
            }
            break;
          }
          if (offset < item.range[0]) high = middle - 1;
          else if (offset >= item.range[1]) low = middle + 1;
          else {
            current = item;
            continue descend;
          }
        }
      } else if (contains(child as Node | null)) {
        current = child as Node;
        continue descend;
      }
    }
    return current;
  }
}

/**
 * Every node of the file by type, each list in source order; the types in `skipped` are left
 * out. The identifiers, a third of a file's nodes, are asked for by one rare search only.
 */
export function indexNodesByType(
  sourceCode: Readonly<SourceCode>,
  skipped: ReadonlySet<string> = NO_TYPES,
): Map<string, Node[]> {
  return indexFromTraversalSteps(sourceCode, skipped) ?? indexByWalking(sourceCode, skipped);
}

/** The nodes of one type, in source order: a type `indexNodesByType` was told to skip. */
export function nodesOfOneType(sourceCode: Readonly<SourceCode>, type: string): Node[] {
  const others = (candidate: string): boolean => candidate !== type;
  const skipped = { has: others } as ReadonlySet<string>;
  const index = indexFromTraversalSteps(sourceCode, skipped) ?? indexByWalking(sourceCode, skipped);
  return index.get(type) ?? [];
}

const NO_TYPES: ReadonlySet<string> = new Set();

/**
 * ESLint 9+ computes the file's traversal once (`SourceCode#traverse()`) and caches it for its
 * own listeners: reading those steps is far cheaper than a second walk over the AST.
 */
function indexFromTraversalSteps(
  sourceCode: Readonly<SourceCode>,
  skipped: ReadonlySet<string>,
): Map<string, Node[]> | undefined {
  const traverse = (sourceCode as { traverse?: () => unknown }).traverse;
  if (typeof traverse !== 'function') return undefined;
  const steps = traverse.call(sourceCode) as readonly TraversalStep[];
  if (!Array.isArray(steps) || steps.find((step) => step.kind === 1)?.target !== sourceCode.ast)
    return undefined;
  const index = new Map<string, Node[]>();
  for (const step of steps) {
    // kind 1: a node visit (not a code-path event); phase 1: entering it.
    if (step.kind !== 1 || step.phase !== 1) continue;
    const node = step.target as Node;
    const type = node.type;
    if (skipped.has(type)) continue;
    const list = index.get(type);
    if (list) list.push(node);
    else index.set(type, [node]);
  }
  return index;
}

/** Where the host has no cached traversal (oxlint's JS plugins). */
function indexByWalking(
  sourceCode: Readonly<SourceCode>,
  skipped: ReadonlySet<string>,
): Map<string, Node[]> {
  const index = new Map<string, Node[]>();
  walkInSourceOrder(sourceCode, sourceCode.ast, (node) => {
    if (skipped.has(node.type)) return;
    const list = index.get(node.type);
    if (list) list.push(node);
    else index.set(node.type, [node]);
  });
  return index;
}

/**
 * Visits `root` and the nodes below it, each before its children and the children in source
 * order; a node for which `visit` returns false has its children skipped.
 */
function walkInSourceOrder(
  sourceCode: Readonly<SourceCode>,
  root: Node,
  visit: (node: Node) => boolean | void,
): void {
  const visitorKeys = sourceCode.visitorKeys as Record<string, readonly string[] | undefined>;
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (visit(node) === false) continue;
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
}

/** A step of ESLint's cached traversal (`@eslint/plugin-kit`'s `VisitNodeStep` / `CallMethodStep`). */
interface TraversalStep {
  readonly kind: number;
  readonly phase?: number;
  readonly target: unknown;
}

/** The nodes of a type inside `container`, outside the functions nested in it, in source order: a walk of the container alone. */
export function nodesOutsideFunctions(
  sourceCode: Readonly<SourceCode>,
  type: string,
  container: Node,
): Node[] {
  const found: Node[] = [];
  walkInSourceOrder(sourceCode, container, (node) => {
    if (node !== container && isFunction(node)) return false;
    if (node.type === type) found.push(node);
  });
  return found;
}
