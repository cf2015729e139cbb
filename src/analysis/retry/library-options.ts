import type { TSESTree } from '@typescript-eslint/utils';
import type { Node } from '../core/ast';
import { findProperty, memberName, skipWrappers, skipWrappersUp } from '../core/ast';
import type { AnalyzedFile } from '../core/file';
import { AST_NODE_TYPES } from '../core/node-types';
import { resolveNumber } from '../core/static-values';
import { COCKATIEL_FILTERS } from '../libraries/retry';
import { StatusSet } from '../status/status-set';
import { MUTATORS } from './same-request';
import type { RetryPredicate, StatusList, StatusListEntry } from './types';
import { arrayOf, functionOf, objectOf } from '../core/static-values';

/** cockatiel's policy argument: `handleAll` retries everything, `handleWhen(fn)` what `fn` accepts. */
export function policyFilter(
  file: AnalyzedFile,
  argument: Node | undefined,
): { predicates: RetryPredicate[]; filtered: boolean } | undefined {
  if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const inner = skipWrappers(argument);
  const name = (node: Node): string | undefined => {
    const callee = skipWrappers(node);
    return callee.type === AST_NODE_TYPES.Identifier ? callee.name : memberName(callee);
  };
  if (name(inner) === 'handleAll') return { predicates: [], filtered: false };
  if (inner.type === AST_NODE_TYPES.CallExpression) {
    const filterName = name(inner.callee);
    const role = filterName === undefined ? undefined : COCKATIEL_FILTERS[filterName];
    const fn = role && inner.arguments[0] ? functionOf(file, inner.arguments[0]) : undefined;
    if (role && fn)
      return {
        predicates: [
          {
            function: fn,
            property: undefined,
            option: { name: filterName!, parameters: [role] },
          },
        ],
        filtered: true,
      };
  }
  return { predicates: [], filtered: true };
}

export function valueAt(
  file: AnalyzedFile,
  object: TSESTree.ObjectExpression,
  path: readonly string[],
): Node | undefined {
  let current: Node = object;
  for (const key of path) {
    const o = objectOf(file, current);
    const property = o && findProperty(o, key);
    if (!property) return undefined;
    current = property.value;
  }
  return current;
}

/** A function (or a reference to one) whose body throws. */
export function canThrow(file: AnalyzedFile, hook: Node): boolean {
  const fn = functionOf(file, hook);
  if (!fn)
    return (
      skipWrappers(hook).type !== AST_NODE_TYPES.Identifier ||
      (skipWrappers(hook) as TSESTree.Identifier).name !== 'undefined'
    );
  return file.nodesOfTypeIn(AST_NODE_TYPES.ThrowStatement, fn.body).length > 0;
}

/** A hook that assigns to (or calls `.set` on) something reachable from its parameters. */
export function hookChangesRequest(file: AnalyzedFile, hook: Node): boolean {
  const fn = functionOf(file, hook);
  if (!fn) return false;
  const variables = file.scopeManager
    .getDeclaredVariables(fn)
    .filter((v) => v.defs.some((d) => d.type === 'Parameter'));
  for (const variable of variables) {
    for (const reference of variable.references) {
      let top: Node = skipWrappersUp(reference.identifier);
      let member = false;
      while (top.parent?.type === AST_NODE_TYPES.MemberExpression && top.parent.object === top) {
        top = skipWrappersUp(top.parent);
        member = true;
      }
      const parent = top.parent;
      if (member && parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === top)
        return true;
      if (
        member &&
        parent?.type === AST_NODE_TYPES.CallExpression &&
        parent.callee === top &&
        MUTATORS.has(memberName(top) ?? '')
      )
        return true;
    }
  }
  return false;
}

export function statusList(
  file: AnalyzedFile,
  options: TSESTree.ObjectExpression,
  name: string,
  format: 'list' | 'ranges' | 'exclude',
): StatusList | undefined {
  const property = findProperty(options, name);
  if (!property) return undefined;
  const array = arrayOf(file, property.value);
  if (!array)
    return {
      property,
      array: undefined,
      format,
      entries: [],
      complete: false,
      listed: StatusSet.EMPTY,
    };
  const entries: StatusListEntry[] = [];
  let complete = true;
  for (const element of array.elements) {
    if (!element || element.type === AST_NODE_TYPES.SpreadElement) {
      complete = false;
      continue;
    }
    if (format === 'ranges') {
      const pair = skipWrappers(element);
      const low =
        pair.type === AST_NODE_TYPES.ArrayExpression && pair.elements[0]
          ? resolveNumber(file, pair.elements[0])
          : undefined;
      const high =
        pair.type === AST_NODE_TYPES.ArrayExpression && pair.elements[1]
          ? resolveNumber(file, pair.elements[1])
          : undefined;
      if (low === undefined || high === undefined) {
        complete = false;
        continue;
      }
      entries.push({ node: element, statuses: StatusSet.range(low, high), range: [low, high] });
      continue;
    }
    const status = resolveNumber(file, element);
    if (status === undefined) {
      complete = false;
      continue;
    }
    entries.push({ node: element, statuses: StatusSet.of(status) });
  }
  const listed = entries.reduce((all, e) => all.union(e.statuses), StatusSet.EMPTY);
  return { property, array, format, entries, complete, listed };
}
