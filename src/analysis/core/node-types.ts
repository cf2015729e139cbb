import { findVariable, isParenthesized } from '@eslint-community/eslint-utils';
import { AST_NODE_TYPES as NODE_TYPES } from '@typescript-eslint/types';
import type { ASTUtils as AST_UTILS } from '@typescript-eslint/utils';

// `@typescript-eslint/utils` re-exports these through a getter per module level, called on every
// access in CommonJS output; node type checks run on every node the analysis reads, so the getters
// cost more than the checks. Held here, they are plain properties of this module.
// At run time they come from packages without a `typescript` peer (`@typescript-eslint/utils` has one,
// which would install TypeScript into JavaScript-only projects); `ASTUtils`' two functions are
// eslint-utils' own, which typescript-eslint re-exports with its AST types.
export const AST_NODE_TYPES: typeof NODE_TYPES = NODE_TYPES;
export const ASTUtils: Pick<typeof AST_UTILS, 'findVariable' | 'isParenthesized'> = {
  findVariable: findVariable as unknown as typeof AST_UTILS.findVariable,
  isParenthesized: isParenthesized as unknown as typeof AST_UTILS.isParenthesized,
};
