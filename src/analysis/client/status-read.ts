import type { TSESLint } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '../core/node-types';

import type { Node } from '../core/ast';
import { memberName, propertyKeyName, skipWrappers } from '../core/ast';
import type { AnalyzedFile } from '../core/file';
import type { BodyParse } from './types';

/**
 * How code at a body parse can read the status of the response it parses: an expression that
 * is in scope there (`res.status`, `res?.status`, undici's destructured `statusCode`), or the
 * place where a destructuring pattern can take the status too.
 */

/** The name of undici's status property, as a destructured variable. */
export const STATUS_CODE = 'statusCode';

/** The expression that reads the status at the parse: `res.status`, or undici's destructured `statusCode`. */
export function statusExpression(file: AnalyzedFile, parse: BodyParse): string | undefined {
  const response = parse.response;
  if (!response) return undefined;
  const receiver = skipWrappers(parse.receiver);
  const property = response.request.client.statusProperty;
  if (receiver.type === AST_NODE_TYPES.Identifier && response.subject.isHolder(receiver)) {
    // `res?.json()` → `res?.status`; `res!.json()` → `res!.status`.
    const callee = skipWrappers(parse.node.callee);
    const optional = callee.type === AST_NODE_TYPES.MemberExpression && callee.optional;
    const nonNull =
      parse.receiver.type === AST_NODE_TYPES.TSNonNullExpression &&
      parse.receiver.expression === receiver;
    return `${receiver.name}${nonNull ? '!' : ''}${optional ? '?.' : '.'}${property}`;
  }
  const bodyProperty = response.request.client.bodyParses.bodyProperty;
  if (!bodyProperty) return undefined;
  // undici: `res.body.json()`
  if (receiver.type === AST_NODE_TYPES.MemberExpression && memberName(receiver) === bodyProperty) {
    const holder = skipWrappers(receiver.object);
    return holder.type === AST_NODE_TYPES.Identifier && response.subject.isHolder(holder)
      ? `${holder.name}.${property}`
      : undefined;
  }
  // undici: `const { statusCode, body } = await request(u)` … `body.json()`
  return response.subject.statusVariables
    .map((variable) => variable.name)
    .find((name) => {
      const found = ASTUtils.findVariable(file.scopeOf(parse.node), name);
      return (
        found != null &&
        response.subject.statusVariables.includes(found) &&
        found.defs[0]?.node.type === AST_NODE_TYPES.VariableDeclarator
      );
    });
}

/**
 * For undici's `const { body } = await request(u)` … `body.json()`: the first property of the
 * pattern, before which `statusCode` can be destructured too (no rest element, no `statusCode`
 * in scope that it would shadow).
 */
export function undestructuredStatus(file: AnalyzedFile, parse: BodyParse): Node | undefined {
  const response = parse.response;
  const bodyProperty = response?.request.client.bodyParses.bodyProperty;
  const receiver = skipWrappers(parse.receiver);
  if (!response || !bodyProperty || receiver.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = file.variableOf(receiver);
  const def = variable?.defs[0];
  if (
    def?.type !== 'Variable' ||
    def.node.id.type !== AST_NODE_TYPES.ObjectPattern ||
    !def.node.init
  )
    return undefined;
  let init: Node = skipWrappers(def.node.init);
  if (init.type === AST_NODE_TYPES.AwaitExpression) init = skipWrappers(init.argument);
  if (init !== response.request.node && !response.subject.isHolder(init)) return undefined;
  const pattern = def.node.id;
  if (
    pattern.properties.some(
      (p) => p.type === AST_NODE_TYPES.RestElement || propertyKeyName(p) === STATUS_CODE,
    )
  )
    return undefined;
  // `statusCode` must be free where it is declared and where it is read.
  const clash = (scope: TSESLint.Scope.Scope): boolean =>
    ASTUtils.findVariable(scope, STATUS_CODE) != null ||
    scope.through.some((r) => r.identifier.name === STATUS_CODE);
  if (clash(file.scopeOf(def.node)) || clash(file.scopeOf(parse.node))) return undefined;
  return pattern.properties[0];
}
