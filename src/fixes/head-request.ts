import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import type { Node } from '../analysis/core/ast';
import { literalString, memberName, skipWrappers } from '../analysis/core/ast';
import { AST_NODE_TYPES } from '../analysis/core/node-types';
import type { BodyParse } from '../analysis/client/types';

/** On a HEAD response, `res.json()` → the headers, which is what a HEAD request is for. */
export function headersEdit(parse: BodyParse): TSESLint.ReportFixFunction | undefined {
  const response = parse.response;
  const receiver = skipWrappers(
    parse.kind === 'json' ? parse.receiver : (parse.textCall?.callee as Node),
  );
  const holder =
    parse.kind === 'json'
      ? receiver
      : receiver.type === AST_NODE_TYPES.MemberExpression
        ? skipWrappers(receiver.object)
        : undefined;
  if (!response || holder?.type !== AST_NODE_TYPES.Identifier || !response.subject.isHolder(holder))
    return undefined;
  const headers =
    response.request.client.headerStyle === 'get'
      ? `Object.fromEntries(${holder.name}.headers)`
      : `${holder.name}.headers`;
  return (fixer) => fixer.replaceText(parse.node, headers);
}

/** `method: 'HEAD'` → `method: 'GET'`; `ky.head(u)` → `ky.get(u)`. */
export function headToGetEdit(
  sourceCode: Readonly<TSESLint.SourceCode>,
  parse: BodyParse,
): TSESLint.ReportFixFunction | undefined {
  const methodNode = parse.request.method.node;
  if (methodNode) {
    const value = skipWrappers(methodNode);
    const text = literalString(value);
    if (text?.toUpperCase() !== 'HEAD') return undefined;
    const raw = sourceCode.getText(value);
    return (fixer) =>
      fixer.replaceText(
        value,
        `${raw[0]}${text === text.toLowerCase() ? 'get' : 'GET'}${raw.at(-1)}`,
      );
  }
  const callee = skipWrappers(parse.request.node.callee);
  if (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    !callee.computed &&
    memberName(callee) === 'head'
  ) {
    const property = callee.property as TSESTree.Identifier;
    return (fixer) => fixer.replaceText(property, 'get');
  }
  return undefined;
}
