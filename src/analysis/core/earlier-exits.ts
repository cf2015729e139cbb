import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';

import type { Node } from './ast';
import { assertionOf, exitsAlways } from './exits';
import type { AnalyzedFile } from './file';
import type { EarlierExits, PathDomain, PathStep } from './paths';
import { firstIndexFrom } from './sorted';

/*
 * The early exits and assertions of a statement list (`if (!res.ok) return;`, `assert(res.ok)`),
 * for the path engine (`paths.ts`): found once per list, read once per list and domain.
 */

/** The statements of a block, the program, a static block or a `case`; undefined for other nodes. */
export function statementListOf(node: Node): readonly TSESTree.Statement[] | undefined {
  switch (node.type) {
    case AST_NODE_TYPES.BlockStatement:
    case AST_NODE_TYPES.Program:
    case AST_NODE_TYPES.StaticBlock:
      return node.body as readonly TSESTree.Statement[];
    case AST_NODE_TYPES.SwitchCase:
      return node.consequent;
    default:
      return undefined;
  }
}

// ---- early exits of a statement list ------------------------------------------------------------

/** A statement that lets only some values past it: what follows runs where `test` is `outcome`. */
interface ExitCandidate {
  readonly statement: Node;
  /** The condition read; for an assertion, what it asserts. */
  readonly test: Node;
  /** The node a step stands for: the `if` test, or the assertion. */
  readonly node: Node;
  readonly outcome: boolean;
}

/** Per statement list, the statements that narrow what follows them: found once, for every domain. */
const candidatesByList = new WeakMap<readonly Node[], readonly ExitCandidate[]>();

function exitCandidates(file: AnalyzedFile, statements: readonly Node[]): readonly ExitCandidate[] {
  let candidates = candidatesByList.get(statements);
  if (candidates) return candidates;
  const found: ExitCandidate[] = [];
  for (const statement of statements) {
    if (statement.type === AST_NODE_TYPES.ExpressionStatement) {
      const assertion = assertionOf(statement.expression);
      if (assertion) found.push({ statement, ...assertion, outcome: true });
    } else if (statement.type === AST_NODE_TYPES.IfStatement) {
      const thenExits = exitsAlways(file, statement.consequent);
      const elseExits = statement.alternate != null && exitsAlways(file, statement.alternate);
      if (thenExits !== elseExits)
        found.push({ statement, test: statement.test, node: statement.test, outcome: elseExits });
    }
  }
  candidatesByList.set(statements, (candidates = found));
  return candidates;
}

interface ListSteps<Fact> {
  readonly steps: Array<PathStep<Fact> | undefined>;
  /** `combined[k]`: the first k steps combined (with `domain.combine`). */
  readonly combined: Fact[];
}

/** Per statement list and domain, the steps read so far: each statement is read once per domain. */
const stepsByList = new WeakMap<
  readonly Node[],
  WeakMap<PathDomain<unknown>, ListSteps<unknown>>
>();

export function earlierExits<Fact>(
  file: AnalyzedFile,
  statements: readonly Node[],
  current: Node,
  domain: PathDomain<Fact>,
): EarlierExits<Fact> | undefined {
  const all = exitCandidates(file, statements);
  // A list with no exit needs no readers: many domains meet such lists, and reading a domain's
  // readers costs as much as it has (n responses of one `pending.then(…)` share n readers).
  if (all.length === 0) return undefined;
  // Only the candidates that can give the domain a fact, where it says which those are.
  const candidates = domain.readers ? (readCandidates(file, domain).get(statements) ?? []) : all;
  // The candidates before `current` (they are in source order).
  const count = firstIndexFrom(
    candidates.length,
    (k) => candidates[k]!.statement.range[0],
    current.range[0],
  );
  if (count === 0) return undefined;
  let byDomain = stepsByList.get(statements);
  if (!byDomain) stepsByList.set(statements, (byDomain = new WeakMap()));
  let list = byDomain.get(domain as PathDomain<unknown>) as ListSteps<Fact> | undefined;
  if (!list) {
    list = { steps: [], combined: domain.combine ? [domain.combine.none] : [] };
    byDomain.set(domain as PathDomain<unknown>, list as ListSteps<unknown>);
  }
  for (let k = list.steps.length; k < count; k++) {
    const candidate = candidates[k]!;
    const fact = domain.factOf(candidate.test, candidate.outcome);
    const step = fact === undefined ? undefined : { node: candidate.node, fact };
    list.steps.push(step);
    if (domain.combine)
      list.combined.push(
        step ? domain.combine.both(list.combined[k]!, step.fact) : list.combined[k]!,
      );
  }
  return { count, steps: list.steps, combined: domain.combine ? list.combined[count] : undefined };
}

/** How many initialisers deep a condition may be followed to what it reads (domains follow 3 or 4, some twice over). */
const MAX_READ_DEPTH = 12;

/** Per domain with `readers`, the exit candidates of each statement list that contain a reader. */
const readCandidatesByDomain = new WeakMap<
  PathDomain<unknown>,
  Map<readonly Node[], ExitCandidate[]>
>();

function readCandidates<Fact>(
  file: AnalyzedFile,
  domain: PathDomain<Fact>,
): Map<readonly Node[], ExitCandidate[]> {
  const key = domain as PathDomain<unknown>;
  let byList = readCandidatesByDomain.get(key);
  if (byList) return byList;
  const found = new Map<readonly Node[], Set<ExitCandidate>>();
  const mark = (statement: Node): void => {
    const list = statement.parent && statementListOf(statement.parent);
    if (!list) return;
    const candidates = exitCandidates(file, list);
    const low = firstIndexFrom(
      candidates.length,
      (k) => candidates[k]!.statement.range[0],
      statement.range[0],
    );
    if (candidates[low]?.statement !== statement) return;
    let set = found.get(list);
    if (!set) found.set(list, (set = new Set()));
    set.add(candidates[low]!);
  };
  const seen = new Set<Node>();
  const visit = (reader: Node, depth: number): void => {
    if (seen.has(reader)) return;
    seen.add(reader);
    let child = reader;
    for (let parent = reader.parent; parent; child = parent, parent = parent.parent) {
      switch (parent.type) {
        case AST_NODE_TYPES.IfStatement:
          if (child === parent.test) mark(parent);
          return;
        case AST_NODE_TYPES.ExpressionStatement:
          mark(parent);
          return;
        case AST_NODE_TYPES.VariableDeclarator:
          // `const failed = !res.ok; if (failed) return;`: the exits that read `failed`.
          if (child === parent.init && depth < MAX_READ_DEPTH)
            for (const variable of file.scopeManager.getDeclaredVariables(parent))
              for (const reference of variable.references)
                if (reference.isRead()) visit(reference.identifier, depth + 1);
          return;
        default:
          if (isStatementLike(parent)) return;
      }
    }
  };
  for (const reader of domain.readers!()) visit(reader, 0);
  byList = new Map();
  for (const [list, set] of found)
    byList.set(
      list,
      [...set].sort((a, b) => a.statement.range[0] - b.statement.range[0]),
    );
  readCandidatesByDomain.set(key, byList);
  return byList;
}

/** A node where a reader's condition ends: a statement, a declaration, a `case`, the program. */
function isStatementLike(node: Node): boolean {
  return (
    node.type.endsWith('Statement') ||
    node.type.endsWith('Declaration') ||
    node.type === AST_NODE_TYPES.SwitchCase ||
    node.type === AST_NODE_TYPES.Program ||
    node.type === AST_NODE_TYPES.StaticBlock
  );
}
