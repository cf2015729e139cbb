import type { TSESLint } from '@typescript-eslint/utils';
import type { HttpRequest } from '../client/requests';
import type { FunctionNode, Node } from '../core/ast';
import {
  isFunction,
  memberName,
  propertyKeyName,
  returnStatementsOf,
  skipWrappers,
  skipWrappersUp,
} from '../core/ast';
import type { AnalyzedFile } from '../core/file';
import { AST_NODE_TYPES } from '../core/node-types';
import { resolveNumber } from '../core/static-values';
import { retryPredicateNameOffsets } from '../core/text-anchors';
import type { PredicateParameter, RetryPredicateOption } from '../libraries/retry';
import { RETRY_PREDICATE_NAME } from '../libraries/retry';
import { StatusSet } from '../status/status-set';
import { StatusSubject } from '../status/subject';
import { narrow, neutralConditionSets } from './conditions';
import type { RetryContext } from './context';
import { AUTH_STATUSES } from './path-sites';
import { callsBefore } from './same-request';
import type { RetryCondition, RetryConfig } from './types';

/** What a name declares: `function n() {}`, `const n = v`, `{ n: v }`, `n() {}` in a class, a field `n = v`. */
function declaredValue(named: Node): { name: string | undefined; value: Node } | undefined {
  const parent = named.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.FunctionDeclaration:
      return parent.id === named ? { name: parent.id.name, value: parent } : undefined;
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.id === named && parent.id.type === AST_NODE_TYPES.Identifier && parent.init
        ? { name: parent.id.name, value: parent.init }
        : undefined;
    case AST_NODE_TYPES.Property:
    case AST_NODE_TYPES.MethodDefinition:
    case AST_NODE_TYPES.PropertyDefinition:
      return parent.key === named && parent.value
        ? { name: propertyKeyName(parent), value: parent.value }
        : undefined;
    default:
      return undefined;
  }
}

export function findNamedPredicates(ctx: RetryContext): void {
  // Each occurrence of a name RETRY_PREDICATE_NAME accepts leads to the node there, which
  // declares a predicate when it names a function, a variable, a property, a method or a field.
  // (Comments and uses lead elsewhere.)
  for (const offset of retryPredicateNameOffsets(ctx.file.sourceCode.text)) {
    const named = ctx.file.nodeAt(offset);
    if (
      !named ||
      (named.type !== AST_NODE_TYPES.Identifier && named.type !== AST_NODE_TYPES.Literal)
    )
      continue;
    const value = declaredValue(named);
    if (!value) continue;
    const fn = skipWrappers(value.value);
    if (
      !value.name ||
      !RETRY_PREDICATE_NAME.test(value.name) ||
      !isFunction(fn) ||
      ctx.predicateFunctions.has(fn)
    )
      continue;
    predicateSite(ctx, fn, undefined, undefined, undefined);
  }
}

/** The statuses for which a predicate answers "retry", one site per answering return. */
export function predicateSite(
  ctx: RetryContext,
  fn: FunctionNode,
  option: RetryPredicateOption | undefined,
  config: RetryConfig | undefined,
  request: HttpRequest | undefined,
): void {
  if (ctx.predicateFunctions.has(fn)) return;
  ctx.predicateFunctions.add(fn);
  const subjects = predicateSubjects(ctx, fn, option?.parameters);
  const stopWhenTrue = option?.stopWhenTrue === true;
  const returns: Array<{ node: Node; value: Node }> = [];
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement)
    returns.push({ node: fn.body, value: fn.body });
  else {
    for (const statement of returnStatementsOf(fn)) {
      if (statement.argument) returns.push({ node: statement, value: statement.argument });
    }
  }
  for (const { node, value } of returns) {
    const literal = skipWrappers(value);
    const literalValue =
      literal.type === AST_NODE_TYPES.Literal && typeof literal.value === 'boolean'
        ? literal.value
        : undefined;
    // `return false` (for wretch `until`, `return true`) says "do not retry".
    if (literalValue === stopWhenTrue) continue;
    let found:
      { subject: StatusSubject; statuses: StatusSet; conditions: RetryCondition[] } | undefined;
    for (const subject of subjects) {
      let { statuses, conditions } = narrow(ctx, node, subject, fn);
      if (literalValue === undefined) {
        const sets = neutralConditionSets(ctx.model, value, subject);
        if (!sets) continue;
        const allowed = stopWhenTrue ? sets.whenFalse : sets.whenTrue;
        statuses = statuses.intersect(allowed);
        conditions = [
          { node: value, branch: stopWhenTrue ? 'false' : 'true', allowed, sets },
          ...conditions,
        ];
      }
      if (conditions.length > 0) {
        found = { subject, statuses, conditions };
        break;
      }
    }
    if (found) {
      if (found.statuses.isEmpty) continue;
      // `if (res.status === 401) { cache.invalidate(); return true; }`: a refresh, the retry differs.
      if (found.statuses.isSubsetOf(AUTH_STATUSES) && callsBefore(ctx, node)) continue;
    } else if (literalValue === undefined || !config) {
      // An unconditional `return true` counts only in a library option (the code says "retry everything").
      continue;
    }
    ctx.sites.push({
      kind: 'predicate',
      requests: request ? [request] : [],
      node,
      container: fn,
      subject: found?.subject,
      statuses: found?.statuses ?? StatusSet.ALL,
      conditions: found?.conditions ?? [],
      delays: config?.delays ?? [],
      ...(config ? { config } : {}),
    });
  }
}

/** Status subjects for a predicate's parameters: holders (`err.response.status`) or statuses. */
function predicateSubjects(
  ctx: RetryContext,
  fn: FunctionNode,
  parameters: readonly PredicateParameter[] | undefined,
): StatusSubject[] {
  const subjects: StatusSubject[] = [];
  fn.params.forEach((param, index) => {
    const role = parameters?.[index];
    if (role === 'other') return;
    const target = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    if (target.type === AST_NODE_TYPES.ObjectPattern) {
      // `({ error }) => …`, `({ response }) => …`
      const subject = new StatusSubject(ctx.file);
      for (const property of target.properties) {
        if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
        const key = propertyKeyName(property);
        if (key === 'error' || key === 'response' || key === 'err')
          subject.bindHolderPattern(property.value);
        if (key === 'status' || key === 'statusCode') subject.bindHolderPattern(target);
      }
      subjects.push(subject);
      return;
    }
    if (target.type !== AST_NODE_TYPES.Identifier) return;
    const variable = ctx.file.variableOf(target);
    if (!variable) return;
    if (role === 'context') {
      // `ctx.error.response.status`: `ctx.error` is the holder.
      const subject = new StatusSubject(ctx.file);
      for (const reference of variable.references) {
        const member = skipWrappersUp(reference.identifier).parent;
        if (
          member?.type === AST_NODE_TYPES.MemberExpression &&
          (memberName(member) === 'error' || memberName(member) === 'response')
        )
          subject.addHolderExpression(member);
      }
      subject.addHolderVariable(variable);
      subjects.push(subject);
      return;
    }
    subjects.push(ctx.model.subjectOfVariable(variable));
    if (role === undefined && comparedWithStatus(ctx.file, variable)) {
      // Not `model.subjectOfVariable(variable, 'status')`: that caches one subject per variable.
      const status = new StatusSubject(ctx.file);
      status.addStatusVariable(variable);
      subjects.push(status);
    }
  });
  return subjects;
}

/** A parameter compared with a number in 100–599 or looked up in a list: it is a status. */
function comparedWithStatus(file: AnalyzedFile, variable: TSESLint.Scope.Variable): boolean {
  return variable.references.some((reference) => {
    const top = skipWrappersUp(reference.identifier);
    const parent = top.parent;
    if (parent?.type === AST_NODE_TYPES.BinaryExpression) {
      const other = parent.left === top ? parent.right : parent.left;
      const value = resolveNumber(file, other);
      return value !== undefined && value >= 100 && value <= 599;
    }
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === top) {
      const callee = skipWrappers(parent.callee);
      const name = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
      return name === 'includes' || name === 'has';
    }
    return false;
  });
}
