import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../core/node-types';

import type { Node } from '../core/ast';
import {
  enclosingFunction,
  isFunction,
  literalString,
  skipWrappers,
  skipWrappersUp,
} from '../core/ast';
import { resolveNumber } from '../core/static-values';
import type { AcceptedStatuses } from '../libraries/clients';
import type { HttpModel } from '../model';
import { STATUS_BY_NAME } from './status-names';
import type { StatusSubject } from './subject';

/**
 * Status values as written: whether an API accepts one, the statuses a number that is none is
 * likely a typo of, and the places client code compares a status with a value that it can
 * never equal (`res.status === '404'`, `case 4040:`).
 */

/** Every status a constants library names (`404`, not `499`): what a typo is likely to have meant. */
const NAMED_STATUSES: ReadonlySet<number> = new Set(Object.values(STATUS_BY_NAME));

export function acceptsStatus(accepts: AcceptedStatuses, value: number): boolean {
  const status = accepts.strings === 'convert' ? Math.trunc(value) : value;
  if (!Number.isInteger(status)) return false;
  if (accepts.values) return accepts.values.includes(status);
  const [from, to] = accepts.range ?? [100, 599];
  return status >= from && status <= to;
}

/** `100–599`, `301, 302, 303, 307 or 308`. */
export function describeAccepted(accepts: AcceptedStatuses): string {
  if (accepts.values)
    return `${accepts.values.slice(0, -1).join(', ')} or ${accepts.values[accepts.values.length - 1]}`;
  const [from, to] = accepts.range ?? [100, 599];
  return `${from}–${to}`;
}

const MAX_TYPO_CANDIDATES = 4;

/**
 * The named statuses `value` is one digit away from (`4040` → 404, 400; `2000` → 200; `40` →
 * none: too many), that `accepts` allows; none for a number that has the digits of a status.
 */
export function likelyMeantStatuses(value: number, accepts?: AcceptedStatuses): number[] {
  if (!Number.isInteger(value) || value < 0) return [];
  const digits = String(value);
  const found: number[] = [];
  const consider = (text: string): void => {
    if (text.length !== 3 || text.startsWith('0')) return;
    const status = Number(text);
    if (
      NAMED_STATUSES.has(status) &&
      (!accepts || acceptsStatus(accepts, status)) &&
      !found.includes(status)
    )
      found.push(status);
  };
  // A digit too many (repeated or stray), the last position first: `4040` was more often `404`.
  for (let at = digits.length - 1; at >= 0; at--)
    consider(digits.slice(0, at) + digits.slice(at + 1));
  // A digit missing.
  for (let at = digits.length; at >= 0; at--) {
    for (let digit = 0; digit <= 9; digit++)
      consider(digits.slice(0, at) + String(digit) + digits.slice(at));
  }
  return found.length <= MAX_TYPO_CANDIDATES ? found : [];
}

/** The integer a string literal spells (`'404'`), if it spells one and nothing else. */
export function integerOfString(text: string): number | undefined {
  return /^[1-9]\d*$/.test(text) && text.length <= 6 ? Number(text) : undefined;
}

/** Whether a number can never be an HTTP response's status: statuses have three digits (status 0 marks an opaque response). */
export function isNeverAStatus(value: number): boolean {
  return !Number.isInteger(value) ? true : value > 0 && (value < 100 || value > 999);
}

// ---- comparisons in client code ------------------------------------------------------------------

export type ComparisonOperator = '===' | '!==' | '==' | '!=' | 'case';

/** A status compared with a value written in the code. */
export interface StatusComparison {
  /** The expression that reads the status (`res.status`, `status`). */
  readonly status: Node;
  /** The value it is compared with, as written (`'404'`, `4040`, `NOT_FOUND`). */
  readonly value: Node;
  readonly operator: ComparisonOperator;
  /** What the value is: a string, or a number. */
  readonly constant:
    | { readonly kind: 'string'; readonly value: string }
    | { readonly kind: 'number'; readonly value: number };
  /**
   * Whether the status is certainly a number or undefined: a response of a known client, not a
   * caught error (whose `status` may be any error's).
   */
  readonly numeric: boolean;
}

const KEY = {};

/** Every comparison of a known status with a string or number, built once per file. */
export function getStatusComparisons(model: HttpModel): readonly StatusComparison[] {
  return model.hasAnchor ? model.extension(KEY, findComparisons) : [];
}

function findComparisons(model: HttpModel): StatusComparison[] {
  const comparisons: StatusComparison[] = [];
  const seen = new Set<Node>();
  // Responses assigned to one variable share a subject: its reads are collected once.
  const collected = new Set<StatusSubject>();
  const collect = (subject: StatusSubject, numeric: boolean): void => {
    if (collected.has(subject)) return;
    collected.add(subject);
    for (const read of subject.statusReads()) {
      if (seen.has(read) || !isSingleValued(model, read)) continue;
      seen.add(read);
      const comparison = comparisonOf(model, read, numeric);
      if (comparison) comparisons.push(...comparison);
    }
  };
  for (const response of model.responses) collect(response.subject, true);
  for (const variable of caughtErrorsOfRequests(model))
    collect(model.subjectOfVariable(variable), false);
  return comparisons.sort((a, b) => a.value.range[0] - b.value.range[0]);
}

/** A status copy that the code never reassigns (`let code = res.status; code = -1` may hold anything). */
function isSingleValued(model: HttpModel, read: Node): boolean {
  const inner = skipWrappers(read);
  if (inner.type !== AST_NODE_TYPES.Identifier) return true;
  const variable = model.file.variableOf(inner);
  return (
    variable !== null && variable.references.filter((reference) => reference.isWrite()).length <= 1
  );
}

function comparisonOf(
  model: HttpModel,
  read: Node,
  numeric: boolean,
): StatusComparison[] | undefined {
  const top = skipWrappersUp(read);
  const parent = top.parent;
  if (
    parent?.type === AST_NODE_TYPES.BinaryExpression &&
    (parent.left === top || parent.right === top)
  ) {
    const operator = parent.operator;
    if (operator !== '===' && operator !== '!==' && operator !== '==' && operator !== '!=')
      return undefined;
    const other = parent.left === top ? parent.right : parent.left;
    const constant = constantOf(model, other);
    return constant ? [{ status: read, value: other, operator, constant, numeric }] : undefined;
  }
  if (parent?.type === AST_NODE_TYPES.SwitchStatement && parent.discriminant === top) {
    const found: StatusComparison[] = [];
    for (const switchCase of parent.cases) {
      if (!switchCase.test) continue;
      const constant = constantOf(model, switchCase.test);
      if (constant)
        found.push({ status: read, value: switchCase.test, operator: 'case', constant, numeric });
    }
    return found;
  }
  return undefined;
}

function constantOf(model: HttpModel, node: Node): StatusComparison['constant'] | undefined {
  if (node.type === AST_NODE_TYPES.PrivateIdentifier) return undefined;
  const text = literalString(node);
  if (text !== undefined) return { kind: 'string', value: text };
  const value = resolveNumber(model.file, node);
  return value === undefined ? undefined : { kind: 'number', value };
}

/** The parameters of `catch (error)` clauses around a request, in the request's own function. */
function caughtErrorsOfRequests(model: HttpModel): TSESLint.Scope.Variable[] {
  const variables = new Set<TSESLint.Scope.Variable>();
  const handled = new Set<Node>();
  for (const request of model.requests) {
    const fn = enclosingFunction(request.node);
    let child: Node = request.node;
    for (
      let parent: Node | undefined = child.parent;
      parent && parent !== fn && !isFunction(parent);
      child = parent, parent = parent.parent
    ) {
      if (
        parent.type !== AST_NODE_TYPES.TryStatement ||
        parent.block !== child ||
        handled.has(parent)
      )
        continue;
      handled.add(parent);
      const param = (parent as TSESTree.TryStatement).handler?.param;
      const variable =
        param?.type === AST_NODE_TYPES.Identifier ? model.file.variableOf(param) : null;
      if (variable) variables.add(variable);
    }
  }
  return [...variables];
}
