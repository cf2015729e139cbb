/**
 * Where a file names the `Retry-After` header: every string that is the name (any case), or a path
 * ending in it (`'response.headers.retry-after'`), found from the text (no walk), and every read of
 * a `const` holding the name.
 */
import { AST_NODE_TYPES } from '../core/node-types';

import type { Node } from '../core/ast';
import { constInitializer, literalString, skipWrappers, skipWrappersUp } from '../core/ast';
import type { HttpModel } from '../model';
import { RETRY_AFTER_HEADER } from './server-wait';

const HEADER_TEXT = new RegExp(RETRY_AFTER_HEADER, 'gi');
const KEY = {};

/**
 * Every string naming the header (and every reference of a `const` holding one), in order. Found
 * once per file: the server's writes and the client's value reads both start from them.
 */
export function retryAfterKeys(model: HttpModel): readonly Node[] {
  return model.extension(KEY, findRetryAfterKeys);
}

function findRetryAfterKeys(model: HttpModel): Node[] {
  const { file } = model;
  const keys: Node[] = [];
  // The strings already kept: a ladder of n reads would search the n kept so far for each.
  const strings = new Set<Node>();
  for (const match of file.sourceCode.text.matchAll(HEADER_TEXT)) {
    let node = file.nodeAt(match.index);
    if (node?.type === AST_NODE_TYPES.TemplateElement) node = node.parent;
    if (
      !node ||
      (node.type !== AST_NODE_TYPES.Literal && node.type !== AST_NODE_TYPES.TemplateLiteral)
    )
      continue;
    const text = literalString(node)?.trim().toLowerCase();
    if (text === undefined || strings.has(node)) continue;
    if (text === RETRY_AFTER_HEADER) keys.push(node);
    else if (/(?:^|[.[])retry-after\]?$/.test(text) && /[.[]/.test(text)) keys.push(node);
    else continue;
    strings.add(node);
    // `const HEADER = 'Retry-After'`: its reads name the header too.
    const declarator = skipWrappersUp(node).parent;
    if (
      declarator?.type === AST_NODE_TYPES.VariableDeclarator &&
      declarator.id.type === AST_NODE_TYPES.Identifier &&
      skipWrappers(declarator.init!) === node
    ) {
      const variable = file.variableOf(declarator.id);
      if (variable && constInitializer(variable))
        for (const reference of variable.references)
          if (reference.isRead()) keys.push(reference.identifier);
    }
  }
  return keys;
}
