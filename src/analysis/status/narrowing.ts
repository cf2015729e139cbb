import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../core/node-types';

import type { Node } from '../core/ast';
import { skipWrappers } from '../core/ast';
import { exitsAlways } from '../core/exits';
import type { AnalyzedFile } from '../core/file';
import type { PathDomain, PathStep } from '../core/paths';
import { walkLevel } from '../core/paths';
import { resolveNumber } from '../core/static-values';
import type { StatusReader } from './conditions';
import { conditionSets, statusClassOperand } from './conditions';
import { StatusSet } from './status-set';
import { StatusSubject } from './subject';

export type { ConditionSets, StatusReader } from './conditions';
export { conditionSets } from './conditions';

/** A condition on the path that constrained the statuses, and the set it allowed. */
export interface AppliedConstraint {
  readonly node: Node;
  readonly allowed: StatusSet;
}

export interface Narrowing {
  /** The statuses the subject can have at the point. */
  readonly statuses: StatusSet;
  /** The conditions that narrowed it, innermost first. */
  readonly constraints: readonly AppliedConstraint[];
  /** The same conditions as a list shared with the points around it (`constraints` spells it out). */
  readonly path: NarrowingPath;
}

/**
 * The statuses a subject can have at `node`, from the conditions that enclose it (`if`, `else`,
 * ternaries, `&&`, `||`, `switch` cases, loop conditions), and the early exits and assertions
 * before it in each enclosing statement list (`if (cond) return;`, `if (!res.ok) fail(res);`,
 * `assert(res.ok)`): the path engine with the statuses as its facts. `stopAt` bounds the walk
 * (e.g. a loop body).
 */
export function narrowAt(
  file: AnalyzedFile,
  node: Node,
  subject: StatusReader,
  stopAt?: Node,
): Narrowing {
  const suffix = pathSuffix(file, node, statusDomain(file, subject), stopAt);
  let constraints: AppliedConstraint[] | undefined;
  return {
    statuses: suffix.statuses,
    path: suffix,
    get constraints(): readonly AppliedConstraint[] {
      if (!constraints) {
        constraints = [];
        for (let level: Suffix | undefined = suffix; level; level = level.next)
          for (const part of level.parts) {
            if (!('steps' in part)) constraints.push({ node: part.node, allowed: part.fact });
            else
              for (let k = 0; k < part.count; k++) {
                const step = part.steps[k];
                if (step) constraints.push({ node: step.node, allowed: step.fact });
              }
          }
      }
      return constraints;
    },
  };
}

/**
 * The constraints in the order they apply from one level of the path up: a list's early exits
 * as a count of its shared steps, spelled out only when a caller reads `constraints` (most read
 * only `statuses`).
 */
export type NarrowingPath = Suffix;

interface Suffix {
  readonly parts: ReadonlyArray<
    | PathStep<StatusSet>
    | { readonly steps: ReadonlyArray<PathStep<StatusSet> | undefined>; readonly count: number }
  >;
  /** The statuses the levels from here up allow. */
  readonly statuses: StatusSet;
  readonly next: Suffix | undefined;
}

/** A test of one constraint: a pure function of its node and the statuses it allows. */
export type ConstraintTest = (node: Node, allowed: StatusSet) => boolean;

/** Per test, whether it holds for some constraint from each level up, and running per list of exits. */
const someByTest = new WeakMap<
  ConstraintTest,
  { levels: WeakMap<Suffix, boolean>; steps: WeakMap<object, boolean[]> }
>();

/**
 * Whether `holds` holds for some constraint of the narrowing (as `constraints.some`), read once
 * per shared level and list of exits for each test (keep one function per reading): n points
 * after n exits cost n, not n².
 */
export function someConstraint(narrowing: Narrowing, holds: ConstraintTest): boolean {
  let cache = someByTest.get(holds);
  if (!cache) someByTest.set(holds, (cache = { levels: new WeakMap(), steps: new WeakMap() }));
  const unread: Suffix[] = [];
  let found = false;
  for (let level: Suffix | undefined = narrowing.path; level; level = level.next) {
    const known = cache.levels.get(level);
    if (known !== undefined) {
      found = known;
      break;
    }
    unread.push(level);
  }
  for (let k = unread.length - 1; k >= 0; k--) {
    for (const part of unread[k]!.parts) {
      if (found) break;
      if (!('steps' in part)) {
        found = holds(part.node, part.fact);
        continue;
      }
      let running = cache.steps.get(part.steps);
      if (!running) cache.steps.set(part.steps, (running = [false]));
      for (let j = running.length - 1; j < part.count; j++) {
        const step = part.steps[j];
        running.push(running[j]! || (step !== undefined && holds(step.node, step.fact)));
      }
      found = running[part.count]!;
    }
    cache.levels.set(unread[k]!, found);
  }
  return found;
}

const TOP: Suffix = { parts: [], statuses: StatusSet.ALL, next: undefined };

/**
 * Per domain and stopping point, the path from each node walked so far up (keyed by the child
 * of each level): a walk ends where an earlier one passed, so the rungs of an `else if` ladder or
 * the parses of one block cost one level each, not the whole path.
 */
const suffixes = new WeakMap<PathDomain<StatusSet>, Map<Node | undefined, WeakMap<Node, Suffix>>>();

function pathSuffix(
  file: AnalyzedFile,
  node: Node,
  domain: PathDomain<StatusSet>,
  stopAt: Node | undefined,
): Suffix {
  let byStop = suffixes.get(domain);
  if (!byStop) suffixes.set(domain, (byStop = new Map()));
  let byChild = byStop.get(stopAt);
  if (!byChild) byStop.set(stopAt, (byChild = new WeakMap()));
  const levels: Array<{ child: Node; parts: Suffix['parts'][number][]; statuses: StatusSet }> = [];
  let above = TOP;
  let child: Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    const known = byChild.get(child);
    if (known) {
      above = known;
      break;
    }
    const level = { child, parts: [] as Suffix['parts'][number][], statuses: StatusSet.ALL };
    levels.push(level);
    walkLevel(file, parent, child, domain, {
      condition: (step) => {
        level.statuses = level.statuses.intersect(step.fact);
        level.parts.push(step);
      },
      earlierExits: ({ steps, count, combined }) => {
        level.statuses = level.statuses.intersect(combined!);
        level.parts.push({ steps, count });
      },
    });
    if (parent === stopAt) break;
  }
  for (let k = levels.length - 1; k >= 0; k--) {
    const { child: at, parts, statuses } = levels[k]!;
    if (parts.length > 0)
      above = { parts, statuses: statuses.intersect(above.statuses), next: above };
    byChild.set(at, above);
  }
  return above;
}

/** Per file and subject, the statuses as facts of the path engine (the engine caches by domain). */
const domains = new WeakMap<AnalyzedFile, WeakMap<StatusReader, PathDomain<StatusSet>>>();

function statusDomain(file: AnalyzedFile, subject: StatusReader): PathDomain<StatusSet> {
  let bySubject = domains.get(file);
  if (!bySubject) domains.set(file, (bySubject = new WeakMap()));
  let domain = bySubject.get(subject);
  if (!domain) {
    domain = {
      factOf: (condition, outcome) => {
        const sets = conditionSets(file, condition, subject);
        return sets && (outcome ? sets.whenTrue : sets.whenFalse);
      },
      caseFact: (statement, index) => switchCaseSets(file, statement, index, subject),
      loopTests: true,
      combine: { none: StatusSet.ALL, both: (earlier, later) => earlier.intersect(later) },
      // A response's own exits, not every exit of a function with n responses.
      ...(subject instanceof StatusSubject ? { readers: () => subject.readingNodes() } : {}),
    };
    bySubject.set(subject, domain);
  }
  return domain;
}

/** The statuses with which execution enters a `switch` case, with fall-through from earlier cases. */
function switchCaseSets(
  file: AnalyzedFile,
  statement: TSESTree.SwitchStatement,
  index: number,
  subject: StatusReader,
): StatusSet | undefined {
  let bySubject = switchEntries.get(statement);
  if (!bySubject) switchEntries.set(statement, (bySubject = new WeakMap()));
  let entries = bySubject.get(subject);
  if (entries === undefined)
    bySubject.set(subject, (entries = switchEntrySets(file, statement, subject)));
  return entries?.[index];
}

/** Per switch and subject, the entry statuses of every case: computed once, not once per case asked. */
const switchEntries = new WeakMap<
  TSESTree.SwitchStatement,
  WeakMap<StatusReader, readonly StatusSet[] | null>
>();

function switchEntrySets(
  file: AnalyzedFile,
  statement: TSESTree.SwitchStatement,
  subject: StatusReader,
): readonly StatusSet[] | null {
  const caseSets: Array<StatusSet | undefined> = statement.cases.map((switchCase) =>
    switchCase.test
      ? caseTestSet(file, statement.discriminant, switchCase.test, subject)
      : undefined,
  );
  const tested = statement.cases.map((switchCase, i) =>
    switchCase.test ? caseSets[i] : StatusSet.EMPTY,
  );
  if (tested.some((set) => set === undefined)) return null;
  const matchedByTests = (tested as StatusSet[]).reduce(
    (all, set) => all.union(set),
    StatusSet.EMPTY,
  );
  const entry = (i: number): StatusSet => caseSets[i] ?? matchedByTests.complement();
  // A case is entered by its own test, or by falling through from the case before it.
  const entries: StatusSet[] = [];
  statement.cases.forEach((switchCase, i) => {
    const fallsInto =
      i > 0 && !statement.cases[i - 1]!.consequent.some((s) => exitsAlways(file, s));
    entries.push(fallsInto ? entry(i).union(entries[i - 1]!) : entry(i));
  });
  return entries;
}

function caseTestSet(
  file: AnalyzedFile,
  discriminant: Node,
  test: Node,
  subject: StatusReader,
): StatusSet | undefined {
  const inner = skipWrappers(discriminant);
  if (inner.type === AST_NODE_TYPES.Literal && inner.value === true)
    return conditionSets(file, test, subject)?.whenTrue;
  if (subject.isStatus(inner)) {
    const value = resolveNumber(file, test);
    return value === undefined ? undefined : StatusSet.of(value);
  }
  if (statusClassOperand(inner, subject)) {
    const value = resolveNumber(file, test);
    return value === undefined ? undefined : StatusSet.ofClass(value);
  }
  return undefined;
}
