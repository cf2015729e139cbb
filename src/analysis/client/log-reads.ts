import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../core/node-types';

import type { Node } from '../core/ast';
import { memberName, propertyBinding, skipWrappers, skipWrappersUp } from '../core/ast';
import type { AnalyzedFile } from '../core/file';

/*
 * Reads that only feed a log: a body or status read whose value goes to `console.*` or a logger
 * neither uses the data nor checks the status (require-status-check).
 */

/** What decides whether a value only feeds a log: the file, and log function names beyond the built-in ones. */
export interface LogJudge {
  readonly file: AnalyzedFile;
  readonly loggers: ReadonlySet<string>;
}

const LOG_METHODS = new Set([
  'log',
  'info',
  'warn',
  'warning',
  'error',
  'debug',
  'trace',
  'fatal',
  'verbose',
]);
const LOG_FUNCTIONS = new Set(['log', 'debug']);
const MAX_DEPTH = 4;

/** Whether the value a read gives is used beyond a log: not discarded, not only logged. */
export function isValueUsed(judge: LogJudge, read: Node, depth: number): boolean {
  const { file } = judge;
  if (read.type === AST_NODE_TYPES.Property) {
    const leaf = propertyBinding(read);
    if (leaf.type !== AST_NODE_TYPES.Identifier) return true;
    return (file.variableOf(leaf)?.references ?? []).some(
      (reference) => reference.isRead() && isValueUsed(judge, reference.identifier, depth + 1),
    );
  }
  let top = skipWrappersUp(read);
  if (top.parent?.type === AST_NODE_TYPES.AwaitExpression) top = skipWrappersUp(top.parent);
  const parent = top.parent;
  if (!parent || parent.type === AST_NODE_TYPES.ExpressionStatement) return false;
  if (onlyFeedsLog(judge, top, depth)) return false;
  return true;
}

/**
 * Whether a value only feeds a log: an argument of `console.*` or a logger (`logger.warn`,
 * `this.log.error`, `debug(…)`), alone or in a template, a concatenation, an object or array,
 * or a variable whose reads all do (an unused copy feeds nothing).
 */
export function onlyFeedsLog(judge: LogJudge, value: Node, depth: number): boolean {
  const { file } = judge;
  let current = skipWrappersUp(value);
  for (;;) {
    const parent = current.parent;
    if (!parent) return false;
    switch (parent.type) {
      case AST_NODE_TYPES.TemplateLiteral:
      case AST_NODE_TYPES.ArrayExpression:
        break;
      case AST_NODE_TYPES.BinaryExpression:
        if (parent.operator !== '+') return false;
        break;
      case AST_NODE_TYPES.Property:
        if (parent.value !== current || parent.parent.type !== AST_NODE_TYPES.ObjectExpression)
          return false;
        current = parent;
        continue;
      case AST_NODE_TYPES.ObjectExpression:
        break;
      case AST_NODE_TYPES.ConditionalExpression:
        if (parent.test === current) return false;
        break;
      case AST_NODE_TYPES.CallExpression:
        if (parent.callee === current) return false;
        if (isLogCall(judge, parent)) return true;
        if (!isStringConversion(parent)) return false;
        break;
      case AST_NODE_TYPES.VariableDeclarator: {
        if (parent.init !== current || parent.id.type !== AST_NODE_TYPES.Identifier) return false;
        if (depth >= MAX_DEPTH) return false;
        const variable = file.variableOf(parent.id);
        return (
          variable !== null &&
          variable.references.every(
            (reference) =>
              !reference.isRead() || onlyFeedsLog(judge, reference.identifier, depth + 1),
          )
        );
      }
      default:
        return false;
    }
    current = skipWrappersUp(parent);
  }
}

/** `String(x)`, `JSON.stringify(x)`: a value made into text on its way to a log. */
function isStringConversion(call: TSESTree.CallExpression): boolean {
  const callee = skipWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name === 'String';
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    memberName(callee) === 'stringify' &&
    skipWrappers(callee.object).type === AST_NODE_TYPES.Identifier &&
    (skipWrappers(callee.object) as TSESTree.Identifier).name === 'JSON'
  );
}

export function isLogCall(judge: LogJudge, call: TSESTree.CallExpression): boolean {
  const callee = skipWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier)
    return LOG_FUNCTIONS.has(callee.name) || judge.loggers.has(callee.name);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const object = skipWrappers(callee.object);
  const objectName =
    object.type === AST_NODE_TYPES.Identifier
      ? object.name
      : object.type === AST_NODE_TYPES.MemberExpression
        ? memberName(object)
        : undefined;
  if (objectName === 'console' || (objectName !== undefined && judge.loggers.has(objectName)))
    return true;
  const method = memberName(callee);
  return (
    objectName !== undefined &&
    method !== undefined &&
    LOG_METHODS.has(method) &&
    /^(?:log|logger|_?logger|\w*Logger|\w*Log)$/i.test(objectName)
  );
}
