import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';

import type { Node } from './ast';
import { isFunction } from './ast';
import { earlierExits, statementListOf } from './earlier-exits';
import type { AnalyzedFile } from './file';

export { statementListOf } from './earlier-exits';

/*
 * The path engine: what the enclosing conditions and the statements before a node imply there.
 * One walk up from the node reads `if`/`else`, `?:`, `&&`/`||`, loop tests, `switch` cases, and in
 * every enclosing statement list the early exits (`if (!res.ok) return;`, `if (!ok) fail(res);`)
 * and assertions (`assert(res.ok)`) before the node. A domain (statuses, body presence, …) says
 * only what a condition means to it (`factOf`); what exits and what asserts is read here, once.
 */

/** What a domain reads from a path. */
export interface PathDomain<Fact> {
  /** What `condition` says where it evaluated to `outcome`; undefined when it says nothing. */
  factOf(condition: Node, outcome: boolean): Fact | undefined;
  /** What entering case `index` of a `switch` says (its test, or falling through into it). */
  caseFact?(statement: TSESTree.SwitchStatement, index: number): Fact | undefined;
  /** Whether the body of `while (test)` and `for (…; test; …)` runs under its test. */
  readonly loopTests?: boolean;
  /**
   * How facts add up (statuses: they intersect). With it, a statement list's early exits are
   * summed once per domain, so a ladder of n exits asked at each rung costs n, not n².
   */
  readonly combine?: { readonly none: Fact; both(earlier: Fact, later: Fact): Fact };
  /**
   * The nodes any fact is read from (a response's references): an early exit whose condition,
   * or a variable it reads through up to `MAX_READ_DEPTH` initialisers (`const`, destructuring),
   * contains none of them gives no fact. With it, a list of n exits on n responses costs each response its own exits.
   */
  readers?(): readonly Node[];
}

/** A condition on the path and what it says: an `if` test, the left of `&&`, an assertion, a `case`. */
export interface PathStep<Fact> {
  readonly node: Node;
  readonly fact: Fact;
}

/** The early exits and assertions before the node in one enclosing statement list. */
export interface EarlierExits<Fact> {
  /** How many of `steps` lie before the node (the array is shared and may go further). */
  readonly count: number;
  /** What each narrowing statement of the list gives, in source order; undefined: nothing. */
  readonly steps: ReadonlyArray<PathStep<Fact> | undefined>;
  /** With `domain.combine`: the first `count` steps combined. */
  readonly combined: Fact | undefined;
}

export interface PathVisitor<Fact> {
  /** An enclosing condition; return true to stop the walk. */
  condition(step: PathStep<Fact>): boolean | void;
  /** The early exits before the node in one statement list (only when there are some). */
  earlierExits(exits: EarlierExits<Fact>): boolean | void;
}

export interface PathOptions {
  /** The last node whose conditions count (a loop, the function a rule looks at). */
  readonly stopAt?: Node;
  /** Stop at the innermost function: a callback's conditions are not its caller's. */
  readonly stopAtFunction?: boolean;
}

/**
 * Walks from `node` up to the program (or `options.stopAt`), innermost first, handing the
 * visitor every condition that holds at `node` and, per enclosing statement list, the early
 * exits and assertions before it (in source order). A hoisted function declaration runs when
 * called, not after the statements before it: their exits do not apply to it.
 */
export function walkPath<Fact>(
  file: AnalyzedFile,
  node: Node,
  domain: PathDomain<Fact>,
  visit: PathVisitor<Fact>,
  options: PathOptions = {},
): void {
  let child: Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (options.stopAtFunction && isFunction(parent)) return;
    if (walkLevel(file, parent, child, domain, visit) || parent === options.stopAt) return;
  }
}

/**
 * One step of `walkPath`: what `parent` says where execution is in `child` (its condition, a
 * `case`, the early exits before `child` in its statement list). Returns true when the visitor
 * stops. What a level gives depends on `parent`, `child` and the domain alone, so a caller may
 * keep it per `child` (a ladder asked at every rung walks each level once).
 */
export function walkLevel<Fact>(
  file: AnalyzedFile,
  parent: Node,
  child: Node,
  domain: PathDomain<Fact>,
  visit: PathVisitor<Fact>,
): boolean {
  const condition = (test: Node, outcome: boolean): boolean => {
    const fact = domain.factOf(test, outcome);
    return fact !== undefined && visit.condition({ node: test, fact }) === true;
  };
  const earlier = (statements: readonly Node[], current: Node): boolean => {
    if (isHoistedDeclaration(current)) return false;
    const exits = earlierExits(file, statements, current, domain);
    return exits !== undefined && visit.earlierExits(exits) === true;
  };
  switch (parent.type) {
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.ConditionalExpression:
      if (child === parent.consequent) return condition(parent.test, true);
      if (child === parent.alternate) return condition(parent.test, false);
      return false;
    case AST_NODE_TYPES.LogicalExpression:
      return (
        child === parent.right &&
        parent.operator !== '??' &&
        condition(parent.left, parent.operator === '&&')
      );
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.ForStatement:
      return (
        domain.loopTests === true &&
        child === parent.body &&
        parent.test != null &&
        condition(parent.test, true)
      );
    case AST_NODE_TYPES.SwitchCase: {
      const statement = parent.parent;
      if (parent.test === child || statement.type !== AST_NODE_TYPES.SwitchStatement) return false;
      const fact = domain.caseFact?.(statement, caseIndex(statement, parent));
      if (fact !== undefined && visit.condition({ node: parent, fact }) === true) return true;
      return earlier(parent.consequent, child);
    }
    case AST_NODE_TYPES.BlockStatement:
    case AST_NODE_TYPES.Program:
    case AST_NODE_TYPES.StaticBlock:
      return earlier(parent.body, child);
    default:
      return false;
  }
}

/** Each case's index in its `switch`, found once per switch (a parse in each of n cases would search n). */
const caseIndexes = new WeakMap<TSESTree.SwitchStatement, Map<Node, number>>();

function caseIndex(statement: TSESTree.SwitchStatement, switchCase: Node): number {
  let indexes = caseIndexes.get(statement);
  if (!indexes)
    caseIndexes.set(statement, (indexes = new Map(statement.cases.map((c, i) => [c, i]))));
  return indexes.get(switchCase) ?? -1;
}

/** Every fact on the path to `node`, in the order `walkPath` meets them. */
export function factsOnPath<Fact>(
  file: AnalyzedFile,
  node: Node,
  domain: PathDomain<Fact>,
  options?: PathOptions,
): Array<PathStep<Fact>> {
  const facts: Array<PathStep<Fact>> = [];
  walkPath(
    file,
    node,
    domain,
    {
      condition: (step) => void facts.push(step),
      earlierExits: ({ count, steps }) => {
        for (let k = 0; k < count; k++) if (steps[k]) facts.push(steps[k]!);
      },
    },
    options,
  );
  return facts;
}

/** Whether some fact on the path to `node` satisfies `holds` (stops at the first). */
export function someFactOnPath<Fact>(
  file: AnalyzedFile,
  node: Node,
  domain: PathDomain<Fact>,
  holds: (fact: Fact) => boolean,
  options?: PathOptions,
): boolean {
  let found = false;
  walkPath(
    file,
    node,
    domain,
    {
      condition: (step) => (found = holds(step.fact)),
      earlierExits: ({ count, steps }) => {
        for (let k = 0; k < count && !found; k++)
          found = steps[k] !== undefined && holds(steps[k]!.fact);
        return found;
      },
    },
    options,
  );
  return found;
}

/**
 * The statements before `node` in each enclosing statement list, the nearest list first and each
 * list's in source order: for facts that need no exit (`if (res.status === 204) log()` names 204
 * before a parse). Skips a list where the node's statement is a hoisted function declaration, as
 * `walkPath` does. `visit` returns true to stop.
 */
export function walkEarlierStatements(
  node: Node,
  visit: (statement: TSESTree.Statement) => boolean | void,
  options: PathOptions = {},
): void {
  let child: Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (options.stopAtFunction && isFunction(parent)) return;
    const statements = statementListOf(parent);
    if (statements && !isHoistedDeclaration(child)) {
      for (const statement of statements) {
        if (statement === child) break;
        if (visit(statement) === true) return;
      }
    }
    if (parent === options.stopAt) return;
  }
}

/** A function declaration (exported or not): it runs when called, not where it stands. */
export function isHoistedDeclaration(statement: Node): boolean {
  const inner =
    (statement.type === AST_NODE_TYPES.ExportNamedDeclaration ||
      statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) &&
    statement.declaration
      ? statement.declaration
      : statement;
  return inner.type === AST_NODE_TYPES.FunctionDeclaration;
}
