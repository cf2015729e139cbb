import type { TSESLint } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../core/node-types';

import type { Node } from '../core/ast';
import { constInitializer, memberName, skipWrappers } from '../core/ast';
import { stringifiedValue } from './error-body';
import type { AnalyzedFile } from '../core/file';
import type { BodyRemoval, ServerSend } from './types';

/**
 * What a server send puts in the response body: whether there is one at all (`null` sends none
 * through `res.send`, but the text `null` through `res.json`), and the edit that sends the same
 * status without it.
 */

/** `yes`: the send certainly has a body; `no`: certainly none; `unknown`: it depends on run time. */
export type BodyPresence = 'yes' | 'no' | 'unknown';

const MAX_DEPTH = 4;

/**
 * Whether a send has a body. A body serialised as JSON always has one but for `undefined`; a body
 * sent as written has none when `null` or `undefined`, and none when empty unless the framework
 * builds a WHATWG `Response` (`new Response('', { status: 204 })` throws too).
 */
export function bodyPresence(file: AnalyzedFile, send: ServerSend): BodyPresence {
  return presence(file, send.body, send.encoding, send.bodyOnNullStatus === 'throws', 0);
}

function presence(
  file: AnalyzedFile,
  node: Node,
  encoding: ServerSend['encoding'],
  emptyIsBody: boolean,
  depth: number,
): BodyPresence {
  const inner = skipWrappers(node);
  const otherwise: BodyPresence = encoding === 'json' ? 'yes' : 'unknown';
  switch (inner.type) {
    case AST_NODE_TYPES.Literal:
      if (inner.raw === 'null') return encoding === 'json' ? 'yes' : 'no';
      if (inner.value === '') return emptyIsBody || encoding === 'json' ? 'yes' : 'no';
      return 'yes';
    case AST_NODE_TYPES.Identifier: {
      if (inner.name === 'undefined') return 'no';
      const variable = depth < MAX_DEPTH ? file.variableOf(inner) : undefined;
      const init = variable ? constInitializer(variable) : undefined;
      return init ? presence(file, init, encoding, emptyIsBody, depth + 1) : otherwise;
    }
    case AST_NODE_TYPES.UnaryExpression:
      return inner.operator === 'void' ? 'no' : 'yes';
    case AST_NODE_TYPES.TemplateLiteral:
      if (inner.quasis.some((quasi) => quasi.value.cooked !== '')) return 'yes';
      return emptyIsBody || encoding === 'json'
        ? 'yes'
        : inner.expressions.length === 0
          ? 'no'
          : 'unknown';
    case AST_NODE_TYPES.ObjectExpression:
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.NewExpression:
    case AST_NODE_TYPES.ClassExpression:
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionExpression:
    case AST_NODE_TYPES.JSXElement:
    case AST_NODE_TYPES.JSXFragment:
      return 'yes';
    case AST_NODE_TYPES.BinaryExpression:
      // `a + b` may be `''`; comparisons and arithmetic are never null.
      return inner.operator !== '+' || emptyIsBody || encoding === 'json' ? 'yes' : 'unknown';
    case AST_NODE_TYPES.CallExpression: {
      // `JSON.stringify(v)` is a string unless `v` is `undefined`.
      const value = stringifiedValue(inner);
      if (value)
        return presence(file, value, 'json', emptyIsBody, depth + 1) === 'yes' ? 'yes' : 'unknown';
      return otherwise;
    }
    case AST_NODE_TYPES.ConditionalExpression: {
      const whenTrue = presence(file, inner.consequent, encoding, emptyIsBody, depth + 1);
      return whenTrue === presence(file, inner.alternate, encoding, emptyIsBody, depth + 1)
        ? whenTrue
        : 'unknown';
    }
    default:
      return otherwise;
  }
}

/**
 * Whether evaluating `node` does nothing but read: a literal, an identifier, a member read, a
 * template or object or array literal of those, `JSON.stringify` of one. Dropping such a body
 * changes nothing but the response.
 */
export function isReadOnly(node: Node): boolean {
  const inner = skipWrappers(node);
  switch (inner.type) {
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.ThisExpression:
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionExpression:
      return true;
    case AST_NODE_TYPES.TemplateLiteral:
      return inner.expressions.every(isReadOnly);
    case AST_NODE_TYPES.MemberExpression:
      return (!inner.computed || isReadOnly(inner.property)) && isReadOnly(inner.object);
    case AST_NODE_TYPES.UnaryExpression:
      return inner.operator !== 'delete' && isReadOnly(inner.argument);
    case AST_NODE_TYPES.ArrayExpression:
      return inner.elements.every(
        (element) =>
          element === null ||
          (element.type !== AST_NODE_TYPES.SpreadElement && isReadOnly(element)),
      );
    case AST_NODE_TYPES.ObjectExpression:
      return inner.properties.every(
        (property) =>
          property.type === AST_NODE_TYPES.Property &&
          property.kind === 'init' &&
          (!property.computed || isReadOnly(property.key)) &&
          isReadOnly(property.value),
      );
    case AST_NODE_TYPES.CallExpression: {
      const value = stringifiedValue(inner);
      return (
        value !== undefined &&
        inner.arguments.length === 1 &&
        memberName(skipWrappers(inner.callee)) === 'stringify' &&
        isReadOnly(value)
      );
    }
    default:
      return false;
  }
}

/**
 * The send's body removal, when it keeps every comment: `certain` when it changes nothing but
 * the response (the body only reads, the value keeps its type).
 */
export function bodyRemovalOf(
  file: AnalyzedFile,
  send: ServerSend,
):
  | { readonly fix: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[]; readonly certain: boolean }
  | undefined {
  const removal: BodyRemoval | undefined = send.removeBody;
  if (!removal) return undefined;
  const comments = file.sourceCode.getAllComments();
  const dropsComment = removal.replacements.some(({ range }) =>
    comments.some((comment) => comment.range[0] >= range[0] && comment.range[1] <= range[1]),
  );
  if (dropsComment) return undefined;
  return {
    fix: (fixer) =>
      removal.replacements.map(({ range, text }) =>
        fixer.replaceTextRange([range[0], range[1]], text),
      ),
    // A bodiless form of a guessed framework (Express's `res.end()` on a Fastify reply) may not exist.
    certain: !removal.changesType && isReadOnly(send.body) && !send.frameworkGuessed,
  };
}
