import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../core/node-types';

import type { Node } from '../core/ast';
import { exitsAlways } from '../core/exits';
import { isHoistedDeclaration, statementListOf } from '../core/paths';
import { resolveNumberList } from '../core/static-values';
import type { HttpModel } from '../model';
import type { ConstraintTest, StatusReader } from '../status/narrowing';
import { someConstraint } from '../status/narrowing';

export const NO_CONTENT = 204;

/**
 * Whether the code itself lets a 204 No Content reach `node`: an enclosing condition that names
 * 204 and lets it in (`status === 200 || status === 204`, `case 204:` falling into the node), or
 * an earlier `if (status === 204) { … }` that does not exit. Undefined-method requests and GETs
 * are reported on this ground alone.
 */
export function admitsNoContent(model: HttpModel, node: Node, subject: StatusReader): boolean {
  const narrowing = model.statusesAt(node, subject);
  if (!narrowing.statuses.has(NO_CONTENT)) return false;
  let admits = admitsTests.get(model);
  if (!admits) {
    admits = (condition, allowed) => {
      if (!allowed.has(NO_CONTENT) || allowed.isAll) return false;
      return condition.type === AST_NODE_TYPES.SwitchCase &&
        condition.parent.type === AST_NODE_TYPES.SwitchStatement
        ? condition.parent.cases.some((c) => c.test != null && namesNoContent(model, c.test))
        : namesNoContent(model, condition);
    };
    admitsTests.set(model, admits);
  }
  // A condition on the way that names 204 and lets it in (read once per shared part of the path).
  if (someConstraint(narrowing, admits)) return true;
  // `if (res.status === 204) { log(…) }` before the node, without an exit.
  let child: Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    const statements = statementListOf(parent);
    if (!statements || isHoistedDeclaration(child)) continue;
    for (const statement of noContentIfs(model, statements)) {
      if (statement.range[0] >= child.range[0]) break;
      const sets = model.conditionSets(statement.test, subject);
      if (sets !== undefined && sets.whenTrue.has(NO_CONTENT) && !sets.whenTrue.isAll) return true;
    }
  }
  return false;
}

/** Per model, the test of a constraint that names 204 and lets it in (one function: its answers are kept). */
const admitsTests = new WeakMap<HttpModel, ConstraintTest>();

/**
 * Per statement list, its `if`s that name 204 and do not always exit, in source order: found
 * once, so n parses after n statements do not each read the n statements.
 */
const noContentIfsByList = new WeakMap<readonly Node[], readonly TSESTree.IfStatement[]>();

function noContentIfs(
  model: HttpModel,
  statements: readonly Node[],
): readonly TSESTree.IfStatement[] {
  let found = noContentIfsByList.get(statements);
  if (!found) {
    found = statements.filter(
      (statement): statement is TSESTree.IfStatement =>
        statement.type === AST_NODE_TYPES.IfStatement &&
        !exitsAlways(model.file, statement.consequent) &&
        namesNoContent(model, statement.test),
    );
    noContentIfsByList.set(statements, found);
  }
  return found;
}

/** Per condition, whether it names 204: the constraints of n parses after n exits on one variable repeat. */
const namingNoContent = new WeakMap<Node, boolean>();

function namesNoContent(model: HttpModel, condition: Node): boolean {
  let names = namingNoContent.get(condition);
  if (names === undefined)
    namingNoContent.set(condition, (names = readNamesNoContent(model, condition)));
  return names;
}

/** Whether an expression names 204 (`204`, `StatusCodes.NO_CONTENT`, a `const`) anywhere in it. */
function readNamesNoContent(model: HttpModel, condition: Node): boolean {
  const visitorKeys = model.file.sourceCode.visitorKeys as Record<
    string,
    readonly string[] | undefined
  >;
  const stack: Node[] = [condition];
  let visited = 0;
  while (stack.length > 0 && visited++ < 200) {
    const node = stack.pop()!;
    if (
      (node.type === AST_NODE_TYPES.Literal ||
        node.type === AST_NODE_TYPES.Identifier ||
        node.type === AST_NODE_TYPES.MemberExpression) &&
      model.resolveStatus(node) === NO_CONTENT
    ) {
      return true;
    }
    // `OK_STATUSES.includes(status)` with `const OK_STATUSES = [200, 204]`
    if (
      node.type === AST_NODE_TYPES.Identifier &&
      resolveNumberList(model.file, node)?.includes(NO_CONTENT)
    )
      return true;
    if (node.type === AST_NODE_TYPES.ArrayExpression) {
      for (const element of node.elements) if (element) stack.push(element);
      continue;
    }
    for (const key of visitorKeys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const item of value)
          if (item && typeof (item as Node).type === 'string') stack.push(item as Node);
      } else if (value && typeof (value as Node).type === 'string') {
        stack.push(value as Node);
      }
    }
  }
  return false;
}
