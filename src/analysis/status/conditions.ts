import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../core/node-types';

import type { Node } from '../core/ast';
import {
  calledMemberName,
  constInitializer,
  isMethodCall,
  literalString,
  skipWrappers,
} from '../core/ast';
import { resolveNumber, resolveNumberList } from '../core/static-values';
import type { AnalyzedFile } from '../core/file';
import { StatusSet } from './status-set';

/*
 * What a condition says about a status: the statuses for which it is true and those for which it
 * is false (`res.ok`, `status === 404`, `[429, 503].includes(status)`, `isRetryable(status)`, …).
 */

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

const MAX_CONST_DEPTH = 3;
const OK_SET = StatusSet.range(200, 299);
const ROUNDING: ReadonlySet<string> = new Set(['floor', 'trunc']);
/**
 * The status itself as a condition (`err.status && err.status < 500`): every HTTP status is a
 * truthy number; a falsy one (`undefined`, `0`) is no HTTP status at all, a network error.
 */
const STATUS_PRESENT: ConditionSets = { whenTrue: StatusSet.ALL, whenFalse: StatusSet.EMPTY };
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
  // Per subject a map of its conditions, not per condition a weak map of subjects: a file's
  // conditions outnumber its subjects, and each weak map costs the collector more than a map entry.
  let byCondition = conditionSetsCache.get(subject);
  if (!byCondition) conditionSetsCache.set(subject, (byCondition = new Map()));
  let sets = byCondition.get(condition);
  if (sets === undefined)
    byCondition.set(condition, (sets = computeConditionSets(file, condition, subject, 0) ?? null));
  return sets ?? undefined;
}

const conditionSetsCache = new WeakMap<StatusReader, Map<Node, ConditionSets | null>>();

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
      if (subject.isOk(node)) return { whenTrue: OK_SET, whenFalse: OK_SET.complement() };
      return subject.isStatus(node) ? STATUS_PRESENT : undefined;
    case AST_NODE_TYPES.Identifier: {
      if (subject.isOk(node)) return { whenTrue: OK_SET, whenFalse: OK_SET.complement() };
      if (subject.isStatus(node)) return STATUS_PRESENT;
      if (depth >= MAX_CONST_DEPTH) return undefined;
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
export function statusClassOperand(node: Node, subject: StatusReader): boolean {
  const inner = skipWrappers(node);
  if (
    inner.type !== AST_NODE_TYPES.CallExpression ||
    inner.arguments.length !== 1 ||
    !isMethodCall(inner, 'Math', ROUNDING)
  )
    return false;
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
