import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';

import type { FunctionNode, Node } from './ast';
import {
  constInitializer,
  enumMemberInitializer,
  findProperty,
  importedName,
  isFunction,
  isParameter,
  memberName,
  skipWrappers,
} from './ast';
import type { AnalyzedFile } from './file';
import { STATUS_CONSTANT_MODULES } from '../libraries/clients';
import { STATUS_BY_NAME } from '../status/status-names';

const MAX_DEPTH = 4;

/** Where a value comes from when it is (a property of) an import: `{ source: 'node:http2', path: ['constants'] }`. */
export interface ImportPath {
  readonly source: string;
  readonly path: readonly string[];
}

/**
 * The module and property path a node reads: `StatusCodes` imported from 'http-status-codes'
 * is `['StatusCodes']`, `http2.constants` is `['constants']`. Works for `import`, `require`
 * and destructuring of either.
 */
export function importPathOf(file: AnalyzedFile, node: Node, depth = 0): ImportPath | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const inner = skipWrappers(node);
  if (inner.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(inner);
    const base = name === undefined ? undefined : importPathOf(file, inner.object, depth + 1);
    return base && name !== undefined
      ? { source: base.source, path: [...base.path, name] }
      : undefined;
  }
  if (inner.type === AST_NODE_TYPES.CallExpression) return requireSource(inner);
  if (inner.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = file.variableOf(inner);
  const def = variable?.defs[0];
  if (!def) return undefined;
  if (def.type === 'ImportBinding') {
    const declaration = def.parent;
    if (declaration.type !== AST_NODE_TYPES.ImportDeclaration) return undefined;
    const source = declaration.source.value;
    const specifier = def.node;
    if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
      return { source, path: [importedName(specifier)] };
    }
    // Default and namespace imports stand for the module object (CommonJS interop).
    return { source, path: [] };
  }
  if (def.type === 'Variable' && def.node.init) {
    const base = importPathOf(file, def.node.init, depth + 1);
    if (!base) return undefined;
    const keys = patternPathTo(def.node.id, def.name);
    return keys ? { source: base.source, path: [...base.path, ...keys] } : undefined;
  }
  return undefined;
}

function requireSource(call: TSESTree.CallExpression): ImportPath | undefined {
  const callee = skipWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== 'require') return undefined;
  const argument = call.arguments[0];
  if (argument?.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string')
    return { source: argument.value, path: [] };
  return undefined;
}

/** The property keys leading from a destructuring pattern to one of its identifiers. */
function patternPathTo(pattern: Node, target: Node): string[] | undefined {
  if (pattern === target) return [];
  if (pattern.type === AST_NODE_TYPES.ObjectPattern) {
    for (const property of pattern.properties) {
      if (property.type !== AST_NODE_TYPES.Property) continue;
      const key =
        !property.computed && property.key.type === AST_NODE_TYPES.Identifier
          ? property.key.name
          : undefined;
      if (key === undefined) continue;
      const rest = patternPathTo(property.value, target);
      if (rest) return [key, ...rest];
    }
  }
  if (pattern.type === AST_NODE_TYPES.AssignmentPattern) return patternPathTo(pattern.left, target);
  return undefined;
}

/**
 * The number a status constant stands for: a literal, a `const`, a property of a local constant
 * object, `StatusCodes.X` (http-status-codes), `HttpStatus.X` (@nestjs/common),
 * `constants.HTTP_STATUS_X` (node:http2). Undefined when not known statically.
 */
export function resolveNumber(file: AnalyzedFile, node: Node, depth = 0): number | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const inner = skipWrappers(node);
  switch (inner.type) {
    case AST_NODE_TYPES.Literal:
      return typeof inner.value === 'number' ? inner.value : undefined;
    case AST_NODE_TYPES.UnaryExpression:
      if (inner.operator === '+') return resolveNumber(file, inner.argument, depth + 1);
      return undefined;
    case AST_NODE_TYPES.Identifier: {
      const variable = file.variableOf(inner);
      const init = variable ? constInitializer(variable) : undefined;
      return init ? resolveNumber(file, init, depth + 1) : undefined;
    }
    case AST_NODE_TYPES.MemberExpression: {
      const name = memberName(inner);
      if (name === undefined) return undefined;
      const fromLibrary = libraryStatus(file, inner.object, name, depth);
      if (fromLibrary !== undefined) return fromLibrary;
      const enumObject = skipWrappers(inner.object);
      const enumVariable =
        enumObject.type === AST_NODE_TYPES.Identifier ? file.variableOf(enumObject) : null;
      const member = enumVariable ? enumMemberInitializer(enumVariable, name) : undefined;
      if (member) return resolveNumber(file, member, depth + 1);
      const object = constObject(file, inner.object, depth);
      const property = object ? findProperty(object, name) : undefined;
      return property ? resolveNumber(file, property.value, depth + 1) : undefined;
    }
    default:
      return undefined;
  }
}

function libraryStatus(
  file: AnalyzedFile,
  object: Node,
  name: string,
  depth: number,
): number | undefined {
  const objectPath = importPathOf(file, object, depth + 1);
  if (!objectPath) return undefined;
  for (const row of STATUS_CONSTANT_MODULES) {
    if (row.source !== objectPath.source || row.path.join('.') !== objectPath.path.join('.'))
      continue;
    if (!name.startsWith(row.prefix)) continue;
    return STATUS_BY_NAME[name.slice(row.prefix.length)];
  }
  return undefined;
}

function constObject(
  file: AnalyzedFile,
  node: Node,
  depth: number,
): TSESTree.ObjectExpression | undefined {
  const inner = skipWrappers(node);
  if (inner.type === AST_NODE_TYPES.ObjectExpression) return inner;
  if (inner.type !== AST_NODE_TYPES.Identifier || depth > MAX_DEPTH) return undefined;
  const variable = file.variableOf(inner);
  const init = variable ? constInitializer(variable) : undefined;
  return init ? constObject(file, init, depth + 1) : undefined;
}

/** The numbers of an array literal (or a `const` bound to one, or `new Set([...])`), if all are known. */
export function resolveNumberList(file: AnalyzedFile, node: Node, depth = 0): number[] | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const inner = skipWrappers(node);
  if (inner.type === AST_NODE_TYPES.ArrayExpression) {
    const values: number[] = [];
    for (const element of inner.elements) {
      if (!element || element.type === AST_NODE_TYPES.SpreadElement) {
        const spread = element ? resolveNumberList(file, element.argument, depth + 1) : undefined;
        if (!spread) return undefined;
        values.push(...spread);
        continue;
      }
      const value = resolveNumber(file, element, depth + 1);
      if (value === undefined) return undefined;
      values.push(value);
    }
    return values;
  }
  if (inner.type === AST_NODE_TYPES.NewExpression) {
    const callee = skipWrappers(inner.callee);
    if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'Set' && inner.arguments[0]) {
      return resolveNumberList(file, inner.arguments[0], depth + 1);
    }
    return undefined;
  }
  if (inner.type === AST_NODE_TYPES.Identifier) {
    const variable = file.variableOf(inner);
    const init = variable ? constInitializer(variable) : undefined;
    return init ? resolveNumberList(file, init, depth + 1) : undefined;
  }
  return undefined;
}

// ---- values a `const` chain holds -------------------------------------------------------------

/** How many `const` hops `objectOf`, `arrayOf` and `functionOf` follow (`const a = b; const b = {…}`). */
const CONST_HOPS = 3;

/** The object literal a node is, or a `const` chain leads to. */
export function objectOf(file: AnalyzedFile, node: Node): TSESTree.ObjectExpression | undefined {
  const inner = resolveConst(file, node);
  return inner?.type === AST_NODE_TYPES.ObjectExpression ? inner : undefined;
}

/** The array literal a node is, or a `const` chain leads to; also the array of `new Set([…])`. */
export function arrayOf(file: AnalyzedFile, node: Node): TSESTree.ArrayExpression | undefined {
  let inner = resolveConst(file, node);
  // `new Set([...])`
  if (inner?.type === AST_NODE_TYPES.NewExpression && inner.arguments[0])
    inner = resolveConst(file, inner.arguments[0]);
  return inner?.type === AST_NODE_TYPES.ArrayExpression ? inner : undefined;
}

/** The function a node is, or a name is bound to (a declaration or a `const`). */
export function functionOf(file: AnalyzedFile, node: Node): FunctionNode | undefined {
  const inner = skipWrappers(node);
  if (isFunction(inner)) return inner;
  if (inner.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = file.variableOf(inner);
  const def = variable?.defs[0];
  if (def?.type === 'FunctionName' && def.node.type === AST_NODE_TYPES.FunctionDeclaration)
    return def.node;
  const init = variable ? constInitializer(variable) : undefined;
  const fn = init && skipWrappers(init);
  return fn && isFunction(fn) ? fn : undefined;
}

function resolveConst(file: AnalyzedFile, node: Node, depth = 0): Node | undefined {
  const inner = skipWrappers(node);
  if (inner.type !== AST_NODE_TYPES.Identifier || depth > CONST_HOPS) return inner;
  const variable = file.variableOf(inner);
  if (!variable || isParameter(variable)) return undefined;
  const init = constInitializer(variable);
  return init ? resolveConst(file, init, depth + 1) : undefined;
}
