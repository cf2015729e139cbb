import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '../core/node-types';

import type { HttpModel } from '../model';

import type { ForwardedParameter } from './call-site-method';

const MAX_DEPTH = 4;

/**
 * The methods a parameter's TypeScript type allows: a union of string literals (directly or
 * through a local type alias) for a method, `Omit<…, 'method'>` for an options object (GET).
 */
export function typedMethods(
  model: HttpModel,
  parameter: ForwardedParameter,
): Set<string> | undefined {
  const param = parameter.fn.params[parameter.index];
  const pattern = param?.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  if (!pattern || !('typeAnnotation' in pattern)) return undefined;
  const annotation = pattern.typeAnnotation?.typeAnnotation;
  if (!annotation) return undefined;
  if (parameter.role === 'value' && pattern.type === AST_NODE_TYPES.Identifier) {
    const literals = stringLiterals(model, annotation, 0);
    return literals && new Set(literals.map((m) => m.toUpperCase()));
  }
  if (
    parameter.role === 'options' &&
    pattern.type === AST_NODE_TYPES.Identifier &&
    annotation.type === AST_NODE_TYPES.TSTypeReference
  ) {
    const name =
      annotation.typeName.type === AST_NODE_TYPES.Identifier ? annotation.typeName.name : undefined;
    const omitted = annotation.typeArguments?.params[1];
    if (name === 'Omit' && omitted && stringLiterals(model, omitted, 0)?.includes('method'))
      return new Set(['GET']);
  }
  return undefined;
}

function stringLiterals(
  model: HttpModel,
  type: TSESTree.TypeNode,
  depth: number,
): string[] | undefined {
  if (depth > MAX_DEPTH) return undefined;
  switch (type.type) {
    case AST_NODE_TYPES.TSLiteralType:
      return type.literal.type === AST_NODE_TYPES.Literal && typeof type.literal.value === 'string'
        ? [type.literal.value]
        : undefined;
    case AST_NODE_TYPES.TSUnionType: {
      const all: string[] = [];
      for (const member of type.types) {
        const values = stringLiterals(model, member, depth + 1);
        if (!values) return undefined;
        all.push(...values);
      }
      return all;
    }
    case AST_NODE_TYPES.TSTypeReference: {
      // `type Method = 'GET' | 'POST'`
      if (type.typeName.type !== AST_NODE_TYPES.Identifier || type.typeArguments) return undefined;
      const variable = ASTUtils.findVariable(model.file.scopeOf(type), type.typeName.name);
      const def = variable?.defs.find((d) => d.node.type === AST_NODE_TYPES.TSTypeAliasDeclaration);
      return def?.node.type === AST_NODE_TYPES.TSTypeAliasDeclaration
        ? stringLiterals(model, def.node.typeAnnotation, depth + 1)
        : undefined;
    }
    default:
      return undefined;
  }
}
