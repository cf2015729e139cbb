import type { TSESLint } from '@typescript-eslint/utils';

import type { Node } from '../analysis/core/ast';
import { memberName, skipWrappers } from '../analysis/core/ast';
import { AST_NODE_TYPES } from '../analysis/core/node-types';
import { STATUS_BY_NAME } from '../analysis/status/status-names';

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
