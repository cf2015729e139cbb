import { AST_NODE_TYPES as NODE_TYPES, ASTUtils as AST_UTILS } from '@typescript-eslint/utils';

// `@typescript-eslint/utils` re-exports these through a getter per module level, called on every
// access in CommonJS output; node type checks run on every node the analysis reads, so the getters
// cost more than the checks. Held here, they are plain properties of this module.
export const AST_NODE_TYPES: typeof NODE_TYPES = NODE_TYPES;
export const ASTUtils: typeof AST_UTILS = AST_UTILS;
