import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';

import type { Node } from './ast';
import { isFunction, isLoop } from './ast';
import { assertionOf, exitsAlways } from './exits';
import type { AnalyzedFile } from './file';
import type { PathDomain, PathStep } from './paths';

/*
 * The path engine's forward walk: what runs *after* a point. `walkPath` reads what holds on the
 * way to a node; this reads what must hold for execution to go on from a node to the end of an
 * enclosing statement (a loop body falling to its loop test). The same exits and assertions
 * (`core/exits.ts`), the same "condition → fact" domains.
 */

/**
 * What must hold for execution to fall from `start` to the end of `container`, in source order:
 * in every statement list between them, each later `if` with one exiting branch and each later
 * assertion gives a step. Undefined when it cannot get there: a later statement always exits, a
 * function, loop or `case` stands between them (control goes elsewhere), or a `finally` on the
 * way exits. A `start` that is a block (a `catch` body) runs whole.
 */
export function factsToEnd<Fact>(
  file: AnalyzedFile,
  start: Node,
  container: Node,
  domain: PathDomain<Fact>,
): Array<PathStep<Fact>> | undefined {
  const steps: Array<PathStep<Fact>> = [];
  /** Reads statements that all run; false when one of them always exits. */
  const passes = (statements: readonly TSESTree.Statement[]): boolean => {
    for (const statement of statements) {
      if (statement.type === AST_NODE_TYPES.IfStatement) {
        const thenExits = exitsAlways(file, statement.consequent);
        const elseExits = statement.alternate != null && exitsAlways(file, statement.alternate);
        if (thenExits && elseExits) return false;
        if (thenExits || elseExits) add(statement.test, statement.test, elseExits);
      } else if (stops(file, statement)) {
        return false;
      } else if (statement.type === AST_NODE_TYPES.ExpressionStatement) {
        const assertion = assertionOf(statement.expression);
        if (assertion) add(assertion.test, assertion.node, true);
      }
    }
    return true;
  };
  const add = (test: Node, node: Node, outcome: boolean): void => {
    const fact = domain.factOf(test, outcome);
    if (fact !== undefined) steps.push({ node, fact });
  };
  const reaches = climbsToEnd(file, start, container, (statements, child) => {
    // A child not in the list (a block's own body) reads the whole list.
    const index = child === undefined ? -1 : statements.indexOf(child as TSESTree.Statement);
    return passes(statements.slice(index + 1));
  });
  return reaches ? steps : undefined;
}

/**
 * The climb `factsToEnd` and `fallsToEnd` share: from `start` up to `container`, whether each
 * statement list on the way lets execution pass from after the child (`passesAfter`; a block
 * `start` is read whole) and nothing stands between them (a function, loop or `case` sends
 * control elsewhere; a `finally` that always exits).
 */
function climbsToEnd(
  file: AnalyzedFile,
  start: Node,
  container: Node,
  passesAfter: (statements: readonly TSESTree.Statement[], child: Node | undefined) => boolean,
): boolean {
  if (start.type === AST_NODE_TYPES.BlockStatement && !passesAfter(start.body, undefined))
    return false;
  let child: Node = start;
  for (
    let parent = start.parent;
    parent && parent !== container;
    child = parent, parent = parent.parent
  ) {
    if (isFunction(parent) || isLoop(parent) || parent.type === AST_NODE_TYPES.SwitchCase)
      return false;
    if (parent.type === AST_NODE_TYPES.BlockStatement) {
      if (!passesAfter(parent.body, child)) return false;
    } else if (
      parent.type === AST_NODE_TYPES.TryStatement &&
      parent.finalizer &&
      exitsAlways(file, parent.finalizer)
    ) {
      return false;
    }
  }
  return true;
}

/** A statement after which nothing in its list runs: it always exits (an `if` whose branches both do). */
function stops(file: AnalyzedFile, statement: TSESTree.Statement): boolean {
  if (statement.type !== AST_NODE_TYPES.IfStatement) return exitsAlways(file, statement);
  return (
    exitsAlways(file, statement.consequent) &&
    statement.alternate != null &&
    exitsAlways(file, statement.alternate)
  );
}

/** Per statement list: `stopsFrom[k]`, whether a statement at `k` or later stops; each statement's index. */
const listStops = new WeakMap<
  readonly TSESTree.Statement[],
  { stopsFrom: boolean[]; indexOf: Map<Node, number> }
>();

function stopsOf(
  file: AnalyzedFile,
  statements: readonly TSESTree.Statement[],
): { stopsFrom: boolean[]; indexOf: Map<Node, number> } {
  let found = listStops.get(statements);
  if (!found) {
    const stopsFrom = new Array<boolean>(statements.length + 1).fill(false);
    for (let k = statements.length - 1; k >= 0; k--)
      stopsFrom[k] = stopsFrom[k + 1]! || stops(file, statements[k]!);
    found = { stopsFrom, indexOf: new Map(statements.map((statement, k) => [statement, k])) };
    listStops.set(statements, found);
  }
  return found;
}

/**
 * Whether execution can fall from `start` to the end of `container`: whether `factsToEnd` gives
 * steps at all (whatever they are). Each statement list is read once, so asking it from n points
 * of one list costs n, not n².
 */
export function fallsToEnd(file: AnalyzedFile, start: Node, container: Node): boolean {
  return climbsToEnd(file, start, container, (statements, child) => {
    const { stopsFrom, indexOf } = stopsOf(file, statements);
    return !stopsFrom[(child === undefined ? -1 : (indexOf.get(child) ?? -1)) + 1];
  });
}
