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
      } else if (exitsAlways(file, statement)) {
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
  if (start.type === AST_NODE_TYPES.BlockStatement && !passes(start.body)) return undefined;
  let child: Node = start;
  for (
    let parent = start.parent;
    parent && parent !== container;
    child = parent, parent = parent.parent
  ) {
    if (isFunction(parent) || isLoop(parent) || parent.type === AST_NODE_TYPES.SwitchCase)
      return undefined;
    if (parent.type === AST_NODE_TYPES.BlockStatement) {
      const index = parent.body.indexOf(child as TSESTree.Statement);
      if (!passes(parent.body.slice(index + 1))) return undefined;
    } else if (
      parent.type === AST_NODE_TYPES.TryStatement &&
      parent.finalizer &&
      exitsAlways(file, parent.finalizer)
    ) {
      return undefined;
    }
  }
  return steps;
}
