import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../core/node-types';

import type { Node } from '../core/ast';
import {
  alwaysExits,
  calledMemberName,
  constInitializer,
  literalString,
  memberName,
  skipWrappers,
} from '../core/ast';
import { resolveNumber, resolveNumberList } from '../core/static-values';
import type { AnalyzedFile } from '../core/file';
import { StatusSet } from './status-set';

/** What reads a status: the narrowing is generic over the subject. */
export interface StatusReader {
  isStatus(node: Node): boolean;
  isOk(node: Node): boolean;
}

/** The statuses for which a condition is true, and those for which it is false. */
export interface ConditionSets {
  readonly whenTrue: StatusSet;
  readonly whenFalse: StatusSet;
}

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
}

const MAX_CONST_DEPTH = 3;
const OK_SET = StatusSet.range(200, 299);
const FLIP: Readonly<Record<string, string>> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

/**
 * The statuses a condition lets through, for one subject; undefined when the condition does
 * not speak of the subject's status.
 */
export function conditionSets(
  file: AnalyzedFile,
  condition: Node,
  subject: StatusReader,
  depth = 0,
): ConditionSets | undefined {
  if (depth > 0) return computeConditionSets(file, condition, subject, depth);
  // Asked again for every node a condition narrows (a ladder of early exits): read once per subject.
  let bySubject = conditionSetsCache.get(condition);
  if (!bySubject) conditionSetsCache.set(condition, (bySubject = new WeakMap()));
  let sets = bySubject.get(subject);
  if (sets === undefined)
    bySubject.set(subject, (sets = computeConditionSets(file, condition, subject, 0) ?? null));
  return sets ?? undefined;
}

const conditionSetsCache = new WeakMap<Node, WeakMap<StatusReader, ConditionSets | null>>();

function computeConditionSets(
  file: AnalyzedFile,
  condition: Node,
  subject: StatusReader,
  depth: number,
): ConditionSets | undefined {
  const node = skipWrappers(condition);
  switch (node.type) {
    case AST_NODE_TYPES.UnaryExpression: {
      if (node.operator !== '!') return undefined;
      const inner = conditionSets(file, node.argument, subject, depth);
      return inner && { whenTrue: inner.whenFalse, whenFalse: inner.whenTrue };
    }
    case AST_NODE_TYPES.LogicalExpression: {
      if (node.operator === '??') return undefined;
      const left = conditionSets(file, node.left, subject, depth);
      const right = conditionSets(file, node.right, subject, depth);
      if (!left && !right) return undefined;
      const l = left ?? { whenTrue: StatusSet.ALL, whenFalse: StatusSet.ALL };
      const r = right ?? { whenTrue: StatusSet.ALL, whenFalse: StatusSet.ALL };
      if (node.operator === '&&') {
        return {
          whenTrue: l.whenTrue.intersect(r.whenTrue),
          whenFalse: l.whenFalse.union(l.whenTrue.intersect(r.whenFalse)),
        };
      }
      return {
        whenTrue: l.whenTrue.union(l.whenFalse.intersect(r.whenTrue)),
        whenFalse: l.whenFalse.intersect(r.whenFalse),
      };
    }
    case AST_NODE_TYPES.BinaryExpression:
      return comparisonSets(file, node, subject);
    case AST_NODE_TYPES.CallExpression:
      return callSets(file, node, subject) ?? localPredicateSets(file, node, subject, depth);
    case AST_NODE_TYPES.MemberExpression:
      return subject.isOk(node) ? { whenTrue: OK_SET, whenFalse: OK_SET.complement() } : undefined;
    case AST_NODE_TYPES.Identifier: {
      if (subject.isOk(node)) return { whenTrue: OK_SET, whenFalse: OK_SET.complement() };
      if (subject.isStatus(node) || depth >= MAX_CONST_DEPTH) return undefined;
      // `const isClientError = status >= 400 && status < 500; if (isClientError) …`
      const variable = file.variableOf(node);
      const init = variable ? constInitializer(variable) : undefined;
      return init ? conditionSets(file, init, subject, depth + 1) : undefined;
    }
    default:
      return undefined;
  }
}

function comparisonSets(
  file: AnalyzedFile,
  node: TSESTree.BinaryExpression,
  subject: StatusReader,
): ConditionSets | undefined {
  const { operator } = node;
  if (node.left.type === AST_NODE_TYPES.PrivateIdentifier) return undefined;
  const isEquality =
    operator === '===' || operator === '==' || operator === '!==' || operator === '!=';
  const isOrder = operator === '<' || operator === '<=' || operator === '>' || operator === '>=';
  if (!isEquality && !isOrder) return undefined;
  const negated = operator === '!==' || operator === '!=';

  for (const [side, other, flipped] of [
    [node.left, node.right, false],
    [node.right, node.left, true],
  ] as const) {
    const op = (flipped && isOrder ? FLIP[operator] : operator) as '<' | '<=' | '>' | '>=';
    // `res.ok === false`
    if (isEquality && subject.isOk(side)) {
      const value = skipWrappers(other);
      if (value.type !== AST_NODE_TYPES.Literal || typeof value.value !== 'boolean') continue;
      const okWhenTrue = value.value !== negated;
      return okWhenTrue
        ? { whenTrue: OK_SET, whenFalse: OK_SET.complement() }
        : { whenTrue: OK_SET.complement(), whenFalse: OK_SET };
    }
    const classDigitOf = statusClassOperand(side, subject);
    if (subject.isStatus(side) || classDigitOf) {
      const value = resolveNumber(file, other);
      if (value === undefined) continue;
      let whenTrue: StatusSet;
      if (classDigitOf) {
        // Math.floor(status / 100) compared with a digit
        if (isEquality) whenTrue = StatusSet.ofClass(value);
        else if (op === '<') whenTrue = StatusSet.compare('<', value * 100);
        else if (op === '<=') whenTrue = StatusSet.compare('<', (value + 1) * 100);
        else if (op === '>') whenTrue = StatusSet.compare('>=', (value + 1) * 100);
        else whenTrue = StatusSet.compare('>=', value * 100);
      } else {
        whenTrue = isEquality ? StatusSet.of(value) : StatusSet.compare(op, value);
      }
      if (negated) whenTrue = whenTrue.complement();
      return { whenTrue, whenFalse: whenTrue.complement() };
    }
  }
  return undefined;
}

/** `Math.floor(status / 100)` or `Math.trunc(status / 100)`: compares the status class. */
function statusClassOperand(node: Node, subject: StatusReader): boolean {
  const inner = skipWrappers(node);
  if (inner.type !== AST_NODE_TYPES.CallExpression || inner.arguments.length !== 1) return false;
  const callee = skipWrappers(inner.callee);
  const name = memberName(callee);
  if (
    callee.type !== AST_NODE_TYPES.MemberExpression ||
    (name !== 'floor' && name !== 'trunc') ||
    callee.object.type !== AST_NODE_TYPES.Identifier ||
    callee.object.name !== 'Math'
  ) {
    return false;
  }
  const argument = skipWrappers(inner.arguments[0]!);
  return (
    argument.type === AST_NODE_TYPES.BinaryExpression &&
    argument.operator === '/' &&
    argument.right.type === AST_NODE_TYPES.Literal &&
    argument.right.value === 100 &&
    subject.isStatus(argument.left)
  );
}

function callSets(
  file: AnalyzedFile,
  node: TSESTree.CallExpression,
  subject: StatusReader,
): ConditionSets | undefined {
  const name = calledMemberName(node);
  const callee = skipWrappers(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const argument = node.arguments[0];
  if (!argument) return undefined;
  // `[200, 201].includes(status)`, `RETRYABLE.has(status)`
  if ((name === 'includes' || name === 'has') && subject.isStatus(argument)) {
    const list = resolveNumberList(file, callee.object);
    if (!list) return undefined;
    const whenTrue = StatusSet.of(...list);
    return { whenTrue, whenFalse: whenTrue.complement() };
  }
  // `String(status).startsWith('4')`, `status.toString().startsWith('4')`, `` `${status}`.startsWith('4') ``
  if (name === 'startsWith' && isStatusString(callee.object, subject)) {
    const prefix = literalString(argument);
    if (prefix === undefined || !/^[1-5]\d{0,2}$/.test(prefix)) return undefined;
    const scale = 10 ** (3 - prefix.length);
    const low = Number(prefix) * scale;
    const whenTrue = StatusSet.range(low, low + scale - 1);
    return { whenTrue, whenFalse: whenTrue.complement() };
  }
  return undefined;
}

/**
 * `isRetryableStatus(res.status)` where the file defines `isRetryableStatus` with one returned
 * expression: that expression, read with the parameter as the status.
 */
function localPredicateSets(
  file: AnalyzedFile,
  call: TSESTree.CallExpression,
  subject: StatusReader,
  depth: number,
): ConditionSets | undefined {
  const callee = skipWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier || depth >= MAX_CONST_DEPTH) return undefined;
  const index = call.arguments.findIndex((argument) => subject.isStatus(argument));
  if (index < 0) return undefined;
  const variable = file.variableOf(callee);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  const fn =
    def?.type === 'FunctionName' ? def.node : variable ? constInitializer(variable) : undefined;
  const inner = fn && skipWrappers(fn);
  if (
    !inner ||
    (inner.type !== AST_NODE_TYPES.FunctionDeclaration &&
      inner.type !== AST_NODE_TYPES.FunctionExpression &&
      inner.type !== AST_NODE_TYPES.ArrowFunctionExpression)
  ) {
    return undefined;
  }
  const param = inner.params[index];
  if (param?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const body = inner.body;
  const only =
    body.type === AST_NODE_TYPES.BlockStatement
      ? body.body.length === 1
        ? body.body[0]
        : undefined
      : undefined;
  const returned =
    body.type !== AST_NODE_TYPES.BlockStatement
      ? body
      : only?.type === AST_NODE_TYPES.ReturnStatement
        ? only.argument
        : undefined;
  if (!returned) return undefined;
  const parameter = file.variableOf(param);
  const isParameter = (node: Node): boolean => {
    const n = skipWrappers(node);
    return (
      n.type === AST_NODE_TYPES.Identifier &&
      parameter !== null &&
      file.variableOf(n) === parameter &&
      n !== param
    );
  };
  return conditionSets(file, returned, { isStatus: isParameter, isOk: () => false }, depth + 1);
}

function isStatusString(node: Node, subject: StatusReader): boolean {
  const inner = skipWrappers(node);
  if (inner.type === AST_NODE_TYPES.CallExpression) {
    const callee = skipWrappers(inner.callee);
    if (
      callee.type === AST_NODE_TYPES.Identifier &&
      callee.name === 'String' &&
      inner.arguments[0]
    ) {
      return subject.isStatus(inner.arguments[0]);
    }
    if (calledMemberName(inner) === 'toString' && callee.type === AST_NODE_TYPES.MemberExpression)
      return subject.isStatus(callee.object);
    return false;
  }
  if (inner.type === AST_NODE_TYPES.TemplateLiteral) {
    return (
      inner.expressions.length === 1 &&
      subject.isStatus(inner.expressions[0]!) &&
      inner.quasis.every((q) => q.value.cooked === '')
    );
  }
  return false;
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
    const fallsInto = i > 0 && !statement.cases[i - 1]!.consequent.some((s) => alwaysExits(s));
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

/**
 * The statuses a subject can have at `node`, from the conditions that enclose it (`if`, `else`,
 * ternaries, `&&`, `||`, `switch` cases, loop conditions) and the early exits before it in each
 * enclosing statement list (`if (cond) return;`). `stopAt` bounds the walk (e.g. a loop body).
 */
export function narrowAt(
  file: AnalyzedFile,
  node: Node,
  subject: StatusReader,
  stopAt?: Node,
): Narrowing {
  let statuses = StatusSet.ALL;
  // The constraints in the order they apply; early exits as a count of a list's shared steps,
  // spelled out only when a caller reads `constraints` (most read only `statuses`).
  const parts: Array<
    AppliedConstraint | { readonly steps: EarlyExitSteps; readonly count: number }
  > = [];
  const apply = (condition: Node, sets: ConditionSets | undefined, branch: boolean): void => {
    if (!sets) return;
    const allowed = branch ? sets.whenTrue : sets.whenFalse;
    statuses = statuses.intersect(allowed);
    parts.push({ node: condition, allowed });
  };

  let child: Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    switch (parent.type) {
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression:
        if (child === parent.consequent)
          apply(parent.test, conditionSets(file, parent.test, subject), true);
        else if (child === parent.alternate)
          apply(parent.test, conditionSets(file, parent.test, subject), false);
        break;
      case AST_NODE_TYPES.LogicalExpression:
        if (child === parent.right && parent.operator !== '??') {
          apply(parent.left, conditionSets(file, parent.left, subject), parent.operator === '&&');
        }
        break;
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.ForStatement:
        if (child === parent.body && parent.test)
          apply(parent.test, conditionSets(file, parent.test, subject), true);
        break;
      case AST_NODE_TYPES.SwitchCase: {
        const statement = parent.parent;
        if (parent.test !== child && statement.type === AST_NODE_TYPES.SwitchStatement) {
          const entry = switchCaseSets(file, statement, statement.cases.indexOf(parent), subject);
          if (entry) {
            statuses = statuses.intersect(entry);
            parts.push({ node: parent, allowed: entry });
          }
          applyEarlyExits(parent.consequent, child);
        }
        break;
      }
      case AST_NODE_TYPES.BlockStatement:
      case AST_NODE_TYPES.Program:
      case AST_NODE_TYPES.StaticBlock:
        applyEarlyExits(parent.body, child);
        break;
      default:
        break;
    }
    if (parent === stopAt) break;
  }
  let constraints: AppliedConstraint[] | undefined;
  return {
    statuses,
    get constraints(): readonly AppliedConstraint[] {
      if (!constraints) {
        constraints = [];
        for (const part of parts) {
          if (!('steps' in part)) constraints.push(part);
          else
            for (let k = 0; k < part.count; k++)
              if (part.steps.applied[k]) constraints.push(part.steps.applied[k]!);
        }
      }
      return constraints;
    },
  };

  function applyEarlyExits(statements: readonly Node[], current: Node): void {
    // A hoisted function runs when called, not after the statements before it.
    if (isHoistedDeclaration(current)) return;
    const candidates = earlyExitCandidates(statements);
    // The candidates before `current` (they are in source order).
    let count = 0;
    let high = candidates.length;
    while (count < high) {
      const middle = (count + high) >>> 1;
      if (candidates[middle]!.statement.range[0] < current.range[0]) count = middle + 1;
      else high = middle;
    }
    if (count === 0) return;
    const steps = earlyExitSteps(file, statements, candidates, subject, count);
    statuses = statuses.intersect(steps.before[count]!);
    parts.push({ steps, count });
  }
}

/**
 * For one statement list and subject, what each early exit applies (undefined: it does not
 * test the subject) and the statuses left after the first k of them (`before[k]`): computed
 * once, up to the furthest point asked, so a ladder of n exits costs n, not n² (issue 24).
 */
interface EarlyExitSteps {
  readonly applied: Array<AppliedConstraint | undefined>;
  readonly before: StatusSet[];
}

const stepsByList = new WeakMap<readonly Node[], WeakMap<StatusReader, EarlyExitSteps>>();

function earlyExitSteps(
  file: AnalyzedFile,
  statements: readonly Node[],
  candidates: readonly EarlyExitCandidate[],
  subject: StatusReader,
  count: number,
): EarlyExitSteps {
  let bySubject = stepsByList.get(statements);
  if (!bySubject) stepsByList.set(statements, (bySubject = new WeakMap()));
  let steps = bySubject.get(subject);
  if (!steps) bySubject.set(subject, (steps = { applied: [], before: [StatusSet.ALL] }));
  for (let k = steps.applied.length; k < count; k++) {
    const candidate = candidates[k]!;
    let applied: AppliedConstraint | undefined;
    if (candidate.kind === 'assertion') {
      const assertion = assertedCondition(
        (candidate.statement as TSESTree.ExpressionStatement).expression,
      );
      const sets = assertion?.sets(file, subject);
      if (assertion && sets) applied = { node: assertion.node, allowed: sets.whenTrue };
    } else {
      const statement = candidate.statement as TSESTree.IfStatement;
      const sets = conditionSets(file, statement.test, subject);
      if (sets)
        applied = {
          node: statement.test,
          allowed: candidate.kind === 'else-exits' ? sets.whenTrue : sets.whenFalse,
        };
    }
    steps.applied.push(applied);
    steps.before.push(applied ? steps.before[k]!.intersect(applied.allowed) : steps.before[k]!);
  }
  return steps;
}

interface EarlyExitCandidate {
  readonly statement: Node;
  /** `then-exits`: what follows runs where the test fails; `else-exits`: where it holds. */
  readonly kind: 'then-exits' | 'else-exits' | 'assertion';
}

/** Per statement list, the statements that can narrow what follows them: found once, not per query. */
const candidatesByList = new WeakMap<readonly Node[], readonly EarlyExitCandidate[]>();

function earlyExitCandidates(statements: readonly Node[]): readonly EarlyExitCandidate[] {
  let candidates = candidatesByList.get(statements);
  if (candidates) return candidates;
  const found: EarlyExitCandidate[] = [];
  for (const statement of statements) {
    if (statement.type === AST_NODE_TYPES.ExpressionStatement) {
      if (assertedCondition(statement.expression)) found.push({ statement, kind: 'assertion' });
    } else if (statement.type === AST_NODE_TYPES.IfStatement) {
      const thenExits = alwaysExits(statement.consequent);
      const elseExits = statement.alternate != null && alwaysExits(statement.alternate);
      if (thenExits && !elseExits) found.push({ statement, kind: 'then-exits' });
      else if (elseExits && !thenExits) found.push({ statement, kind: 'else-exits' });
    }
  }
  candidates = found;
  candidatesByList.set(statements, candidates);
  return candidates;
}

function isHoistedDeclaration(statement: Node): boolean {
  const inner =
    (statement.type === AST_NODE_TYPES.ExportNamedDeclaration ||
      statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) &&
    statement.declaration
      ? statement.declaration
      : statement;
  return inner.type === AST_NODE_TYPES.FunctionDeclaration;
}

const EQUALITY_ASSERTIONS = new Set(['strictEqual', 'equal', 'equals', 'is']);
const TRUTHY_ASSERTIONS = new Set(['ok', 'assert', 'true', 'isTrue']);
const EXPECT_EQUALITY = new Set(['toBe', 'toEqual', 'toStrictEqual']);

interface Assertion {
  readonly node: Node;
  readonly sets: (file: AnalyzedFile, subject: StatusReader) => ConditionSets | undefined;
}

/**
 * A statement that throws unless a condition holds, so what follows runs only where it holds:
 * `assert(cond)`, `assert.ok(cond)`, `assert.strictEqual(a, b)`, `t.assert.equal(a, b)` (node:test),
 * `t.equal(a, b)` (tap), `expect(a).toBe(b)` (Jest, Vitest).
 */
function assertedCondition(expression: Node): Assertion | undefined {
  const call = skipWrappers(
    expression.type === AST_NODE_TYPES.AwaitExpression ? expression.argument : expression,
  );
  if (call.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = skipWrappers(call.callee);
  const [first, second] = call.arguments;
  if (!first || first.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : memberName(callee);
  if (name === undefined) return undefined;
  const equality = (left: Node, right: Node): Assertion => ({
    node: call,
    sets: (file, subject) =>
      conditionSets(
        file,
        {
          type: AST_NODE_TYPES.BinaryExpression,
          operator: '===',
          left,
          right,
          parent: call,
        } as unknown as Node,
        subject,
      ),
  });
  // expect(status).toBe(200)
  if (EXPECT_EQUALITY.has(name) && callee.type === AST_NODE_TYPES.MemberExpression) {
    const target = skipWrappers(callee.object);
    const actual = target.type === AST_NODE_TYPES.CallExpression ? target.arguments[0] : undefined;
    if (
      target.type === AST_NODE_TYPES.CallExpression &&
      skipWrappers(target.callee).type === AST_NODE_TYPES.Identifier &&
      (skipWrappers(target.callee) as { name: string }).name === 'expect' &&
      actual &&
      actual.type !== AST_NODE_TYPES.SpreadElement
    ) {
      return equality(actual, first);
    }
    return undefined;
  }
  if (!isAssertionCallee(callee)) return undefined;
  if (TRUTHY_ASSERTIONS.has(name))
    return { node: first, sets: (file, subject) => conditionSets(file, first, subject) };
  if (EQUALITY_ASSERTIONS.has(name) && second && second.type !== AST_NODE_TYPES.SpreadElement)
    return equality(first, second);
  return undefined;
}

/** `assert`, `assert.x`, `t.x`, `t.assert.x`, `strict.x`: an assertion library's function. */
function isAssertionCallee(callee: Node): boolean {
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name === 'assert';
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const object = skipWrappers(callee.object);
  if (object.type === AST_NODE_TYPES.Identifier)
    return object.name === 'assert' || object.name === 't' || object.name === 'strict';
  return object.type === AST_NODE_TYPES.MemberExpression && memberName(object) === 'assert';
}
