import type { TSESLint } from '@typescript-eslint/utils';

import type { Node } from '../analysis/core/ast';
import { memberName, skipWrappers } from '../analysis/core/ast';
import { AST_NODE_TYPES } from '../analysis/core/node-types';
import type { AcceptedStatuses } from '../analysis/libraries/frameworks';
import { STATUS_BY_NAME } from '../analysis/status/status-names';
import type { StatusComparison } from '../analysis/status/status-values';
import { describeAccepted } from '../analysis/status/status-values';

/**
 * How to write `code` where `replaced` wrote a status: in the same constants style when it
 * used one (`StatusCodes.OK` → `StatusCodes.INTERNAL_SERVER_ERROR`), else as a number.
 */
export function statusText(
  sourceCode: Readonly<TSESLint.SourceCode>,
  replaced: Node,
  code: number,
): string {
  const inner = skipWrappers(replaced);
  const name = memberName(inner);
  if (
    inner.type === AST_NODE_TYPES.MemberExpression &&
    !inner.computed &&
    name !== undefined &&
    STATUS_BY_NAME[name.replace(/^HTTP_STATUS_/, '')] !== undefined
  ) {
    const prefix = name.startsWith('HTTP_STATUS_') ? 'HTTP_STATUS_' : '';
    const newName = Object.keys(STATUS_BY_NAME).find((key) => STATUS_BY_NAME[key] === code);
    if (newName) return `${sourceCode.getText(inner.object)}.${prefix}${newName}`;
  }
  return String(code);
}

/** How a report names the status a body is sent with: `status 200`, or `200, the default`. */
export function describeSentStatus(status: {
  readonly kind: 'constant' | 'default';
  readonly value: number;
}): string {
  return status.kind === 'default' ? `${status.value}, the default` : `status ${status.value}`;
}

/** What an API takes as a status, for a report: `an integer in 100–599`, `301, 302, 303, 307 or 308`. */
export function describeAcceptedStatuses(accepts: AcceptedStatuses): string {
  return accepts.values ? describeAccepted(accepts) : `an integer in ${describeAccepted(accepts)}`;
}

/** What a comparison with a value no status can be always does: `this comparison is always false`. */
export function describeComparisonOutcome(comparison: Pick<StatusComparison, 'operator'>): string {
  if (comparison.operator === 'case') return 'this case never matches';
  return `this comparison is always ${comparison.operator.startsWith('!') ? 'true' : 'false'}`;
}

/** A numeric literal as written, so a suggestion replaces exactly it. */
export function isNumberLiteral(node: Node): boolean {
  const inner = skipWrappers(node);
  return inner.type === AST_NODE_TYPES.Literal && typeof inner.value === 'number';
}
