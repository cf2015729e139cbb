import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../core/node-types';

import type { Node } from '../core/ast';
import {
  constInitializer,
  isFunction,
  memberName,
  propertyBinding,
  propertyKeyName,
  skipWrappers,
  skipWrappersUp,
} from '../core/ast';
import type { AnalyzedFile } from '../core/file';
import { isStatusMember } from '../status/subject';
import { boundCalls } from './body-parses';
import { superMethodOf } from './local-calls';
import type { LogJudge } from './log-reads';
import { isLogCall, onlyFeedsLog } from './log-reads';
import type { TrackedResponse } from './requests';

/*
 * What a use of a response says about its status: a read of the status or `ok` (outside a log)
 * examines it; a response passed to a call, returned, stored, destructured with a rest element
 * or overwritten by a value the analysis does not follow escapes, and may be checked out of sight.
 */

/** Response members that neither read the body nor hand the response to other code. */
const NEUTRAL_MEMBERS = new Set([
  'headers',
  'statusText',
  'statusMessage',
  'url',
  'redirected',
  'type',
  'bodyUsed',
  'body',
  'trailers',
  'config',
]);

/** Whether one use of the response may look at its status, or hands the response on. */
export function holderMayCheck(
  judge: LogJudge,
  holder: Node,
  returnsAreExpected: boolean,
): boolean {
  const top = skipWrappersUp(holder);
  const parent = top.parent;
  if (!parent) return true;
  switch (parent.type) {
    case AST_NODE_TYPES.MemberExpression: {
      if (parent.object !== top) return true;
      const name = memberName(parent);
      if (name === 'ok') return !onlyFeedsLog(judge, parent, 0);
      if (name === undefined) return true;
      // status reads are judged by statusReads(); body reads and plain members say nothing.
      return !(isStatusMember(name) || NEUTRAL_MEMBERS.has(name) || isBodyMember(name));
    }
    case AST_NODE_TYPES.CallExpression:
      return parent.callee === top || !(isLogCall(judge, parent) || isOwnBoundRead(judge, parent));
    case AST_NODE_TYPES.ReturnStatement:
      return !returnsAreExpected;
    case AST_NODE_TYPES.YieldExpression:
      return parent.delegate || !returnsAreExpected;
    case AST_NODE_TYPES.ArrowFunctionExpression:
      return parent.body !== top || !returnsAreExpected;
    case AST_NODE_TYPES.VariableDeclarator:
      if (parent.init !== top) return true;
      return parent.id.type === AST_NODE_TYPES.Identifier
        ? false
        : patternMayCheck(judge, parent.id);
    case AST_NODE_TYPES.AssignmentExpression:
      return !(
        parent.right === top &&
        parent.operator === '=' &&
        parent.left.type === AST_NODE_TYPES.Identifier
      );
    case AST_NODE_TYPES.UnaryExpression:
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.ExpressionStatement:
      return false;
    case AST_NODE_TYPES.TemplateLiteral:
      return false;
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
      return parent.test !== top;
    case AST_NODE_TYPES.ConditionalExpression:
      return parent.test !== top;
    case AST_NODE_TYPES.LogicalExpression: {
      // `res && res.json()`, `if (res && …)`: a test of the response, not a use of it.
      if (parent.left !== top) return true;
      const outer = skipWrappersUp(parent).parent;
      return !(
        outer?.type === AST_NODE_TYPES.IfStatement ||
        outer?.type === AST_NODE_TYPES.ExpressionStatement ||
        outer?.type === AST_NODE_TYPES.UnaryExpression ||
        (outer?.type === AST_NODE_TYPES.ConditionalExpression &&
          outer.test === skipWrappersUp(parent)) ||
        (outer?.type === AST_NODE_TYPES.LogicalExpression && outer.left === skipWrappersUp(parent))
      );
    }
    case AST_NODE_TYPES.SequenceExpression:
      return parent.expressions.at(-1) === top;
    default:
      return true;
  }
}

/** `res.json.bind(res)` kept in a `const` that is only called: the response stays in sight. */
function isOwnBoundRead(judge: LogJudge, call: TSESTree.CallExpression): boolean {
  const bind = skipWrappers(call.callee);
  const read =
    bind.type === AST_NODE_TYPES.MemberExpression ? skipWrappers(bind.object) : undefined;
  const name = read && memberName(read);
  return (
    read?.type === AST_NODE_TYPES.MemberExpression &&
    name !== undefined &&
    isBodyMember(name) &&
    (boundCalls(judge.file, read)?.length ?? 0) > 0
  );
}

let bodyMembers: ReadonlySet<string> | undefined;
function isBodyMember(name: string): boolean {
  return (bodyMembers ??= new Set([
    'json',
    'text',
    'blob',
    'arrayBuffer',
    'formData',
    'bytes',
    'data',
    'buffer',
  ])).has(name);
}

/** A destructuring of the response: a rest element or a read of `ok` or the status may check it. */
export function patternMayCheck(judge: LogJudge, pattern: Node): boolean {
  const { file } = judge;
  if (pattern.type !== AST_NODE_TYPES.ObjectPattern) return true;
  for (const property of pattern.properties) {
    if (property.type === AST_NODE_TYPES.RestElement) return true;
    const key = propertyKeyName(property);
    if (key === undefined) return true;
    if (!isStatusMember(key) && key !== 'response') continue;
    const leaf = propertyBinding(property);
    if (leaf.type !== AST_NODE_TYPES.Identifier) return true;
    const variable = file.variableOf(leaf);
    if (!variable) return true;
    if (
      variable.references.some(
        (reference) => reference.isRead() && !onlyFeedsLog(judge, reference.identifier, 0),
      )
    )
      return true;
  }
  return false;
}

/** A write of the response variable that is not a tracked response (`res = cached`): its value is unknown. */
export function hasForeignWrite(
  variable: TSESLint.Scope.Variable,
  origins: ReadonlySet<Node>,
  subject: TrackedResponse['subject'],
): boolean {
  return variable.references.some((reference) => {
    if (!reference.isWrite() || !reference.writeExpr) return false;
    const written = reference.writeExpr as Node;
    if (origins.has(written) || origins.has(skipWrappersUp(written)) || subject.isHolder(written))
      return false;
    const inner = skipWrappers(written);
    if (
      (inner.type === AST_NODE_TYPES.Literal && inner.value === null) ||
      (inner.type === AST_NODE_TYPES.Identifier && inner.name === 'undefined')
    )
      return false;
    // `const [a, b] = await Promise.all([fetch(x), fetch(y)])`: the elements are the responses.
    return !(
      reference.identifier.parent?.type === AST_NODE_TYPES.ArrayPattern &&
      inner.type === AST_NODE_TYPES.AwaitExpression
    );
  });
}

/** The local function a call calls: a declaration or a `const` bound to a function. */
export function calledFunction(
  file: AnalyzedFile,
  call: TSESTree.CallExpression,
): Node | undefined {
  const callee = skipWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier) return superMethodOf(file, call);
  const variable = file.variableOf(callee);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type === 'FunctionName') return def.node;
  const init = variable ? constInitializer(variable) : undefined;
  const fn = init && skipWrappers(init);
  return fn && isFunction(fn) ? fn : undefined;
}
