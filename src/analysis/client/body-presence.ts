import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../core/node-types';

import type { Node } from '../core/ast';
import {
  calledMemberName,
  constInitializer,
  literalString,
  skipWrappers,
  skipWrappersUp,
} from '../core/ast';
import { resolveNumber } from '../core/static-values';
import type { AnalyzedFile } from '../core/file';
import type { PathDomain } from '../core/paths';
import { someFactOnPath } from '../core/paths';
import type { StatusSubject } from '../status/subject';
import type { BodyParse } from './types';

import type { PresenceContext } from './body-signals';
import {
  flip,
  indexComparison,
  isHeadersOf,
  isJsonPattern,
  isJsonSearch,
  signalComparison,
  signalOf,
  unaryMinusOne,
} from './body-signals';

/**
 * What the code knows about a response body before it parses it: whether it checked that
 * there is one (`content-length`, `content-type`, `res.body`, the text's emptiness). Facts
 * about code, read from syntax and scopes.
 */

const MAX_DEPTH = 4;

// ---- body presence ------------------------------------------------------------------------

/**
 * Whether the parse runs only when the code has checked that the response has a body:
 * `content-length` not `'0'`, `content-type` includes `json`, `res.body` not null, or (for
 * `JSON.parse(text)`) the text is not empty. Checks are read from enclosing `if`/`else`,
 * ternaries, `&&`/`||` and early exits before the parse.
 */
export function isBodyPresenceChecked(file: AnalyzedFile, parse: BodyParse): boolean {
  const argument = parse.kind === 'json-parse-text' ? parse.node.arguments[0] : undefined;
  const textIdentifier = argument ? skipWrappers(argument) : undefined;
  const textVariable =
    textIdentifier?.type === AST_NODE_TYPES.Identifier
      ? file.variableOf(textIdentifier)
      : undefined;
  if (!parse.response && !textVariable) return false;
  return someFactOnPath(
    file,
    parse.node,
    presenceDomain(file, parse.response, textVariable ?? undefined),
    () => true,
  );
}

/** `const { headers } = await request(u)`: the request read through a destructuring (`isHeadersOf`). */
function isDeclaratorInit(node: Node): boolean {
  let top = skipWrappersUp(node);
  if (top.parent?.type === AST_NODE_TYPES.AwaitExpression) top = skipWrappersUp(top.parent);
  return top.parent?.type === AST_NODE_TYPES.VariableDeclarator && top.parent.init === top;
}

type Variable = NonNullable<ReturnType<AnalyzedFile['variableOf']>>;

/**
 * Per file, response and text variable, one domain: the path engine keeps a list's exits per
 * domain, so the parses of one response read them once.
 */
const presenceDomains = new WeakMap<
  AnalyzedFile,
  Map<BodyParse['response'] | StatusSubject, Map<Variable | undefined, PathDomain<true>>>
>();

function presenceDomain(
  file: AnalyzedFile,
  response: BodyParse['response'],
  textVariable: Variable | undefined,
): PathDomain<true> {
  let byResponse = presenceDomains.get(file);
  if (!byResponse) presenceDomains.set(file, (byResponse = new Map()));
  // Responses assigned to one variable share a subject. Where neither the request nor the
  // response is destructured (`const { headers } = await request(u)`), a condition says the same
  // of all of them: one domain, so the path engine reads their lists' exits once, not once each.
  const key =
    response && !isDeclaratorInit(response.request.node) && !isDeclaratorInit(response.origin)
      ? response.subject
      : response;
  let byText = byResponse.get(key);
  if (!byText) byResponse.set(key, (byText = new Map()));
  let domain = byText.get(textVariable);
  if (!domain) {
    const context: PresenceContext = { file, response, textVariable };
    // One fact: "the body is present here". The walk stops at the first condition or exit that says so.
    domain = {
      factOf: (condition, outcome) => (implies(context, condition, outcome, 0) ? true : undefined),
      // What a presence check reads: the response, its request, the text.
      readers: () => [
        ...(response
          ? [
              ...response.subject.readingNodes(),
              ...[response.request.node, response.origin].filter(isDeclaratorInit),
            ]
          : []),
        ...(textVariable?.references.map((reference) => reference.identifier) ?? []),
      ],
    };
    byText.set(textVariable, domain);
  }
  return domain;
}

/** Whether knowing that `condition` evaluated to `truth` means the body is present. */
function implies(
  context: PresenceContext,
  condition: Node,
  truth: boolean,
  depth: number,
): boolean {
  if (depth > MAX_DEPTH) return false;
  const node = skipWrappers(condition);
  switch (node.type) {
    case AST_NODE_TYPES.UnaryExpression:
      return node.operator === '!' && implies(context, node.argument, !truth, depth + 1);
    case AST_NODE_TYPES.LogicalExpression: {
      if (node.operator === '??') return false;
      const left = (t: boolean): boolean => implies(context, node.left, t, depth + 1);
      const right = (t: boolean): boolean => implies(context, node.right, t, depth + 1);
      if (node.operator === '&&')
        return truth ? left(true) || right(true) : left(false) && right(false);
      return truth ? left(true) && right(true) : left(false) || right(false);
    }
    case AST_NODE_TYPES.BinaryExpression:
      return comparisonImplies(context, node, truth);
    case AST_NODE_TYPES.CallExpression:
      if (callImplies(context, node)) return truth;
      // `if (hasJsonBody(res))`, `if (!isEmpty(res.headers))`: a check of the response the code
      // defines elsewhere. Assumed to be about its body; a parse it lets through is left alone.
      if (truth && passesResponse(context, node)) return true;
      break;
    case AST_NODE_TYPES.Identifier: {
      // `const hasBody = res.headers.get('content-length') !== '0'; if (hasBody) …`
      const signal = signalOf(context, node, 0);
      if (signal) return truth && signal !== 'type';
      const variable = context.file.variableOf(node);
      const init = variable ? constInitializer(variable) : undefined;
      return init ? implies(context, init, truth, depth + 1) : false;
    }
    default:
      break;
  }
  // A truthy length, body or text: a 204 has no `content-length` (RFC 9110 §8.6), a null body, an empty text.
  const signal = signalOf(context, node, 0);
  return truth && signal !== undefined && signal !== 'type';
}

function comparisonImplies(
  context: PresenceContext,
  node: TSESTree.BinaryExpression,
  truth: boolean,
): boolean {
  if (node.left.type === AST_NODE_TYPES.PrivateIdentifier) return false;
  for (const [side, other, flipped] of [
    [node.left, node.right, false],
    [node.right, node.left, true],
  ] as const) {
    const signal = signalOf(context, side, 0);
    if (!signal) {
      // `ct.indexOf('json') !== -1`
      if (isJsonSearch(context, side, 'indexOf')) {
        const foundWhenTrue = indexComparison(
          flipped ? flip(node.operator) : node.operator,
          resolveNumber(context.file, other) ?? unaryMinusOne(other),
        );
        if (foundWhenTrue !== undefined) return foundWhenTrue === truth;
      }
      continue;
    }
    const op = flipped ? flip(node.operator) : node.operator;
    const presentWhenTrue = signalComparison(signal, op, other, context);
    if (presentWhenTrue === undefined) continue;
    return presentWhenTrue === truth;
  }
  return false;
}

/** `ct.includes('json')`, `ct?.startsWith('application/json')`, `/json/.test(ct)`, `ct.match(/json/)`, `headers.has('content-length')`. */
function callImplies(context: PresenceContext, call: TSESTree.CallExpression): boolean {
  const name = calledMemberName(call);
  const callee = skipWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  if (
    name === 'includes' ||
    name === 'startsWith' ||
    name === 'endsWith' ||
    name === 'match' ||
    name === 'search'
  ) {
    return isJsonSearch(context, call, name);
  }
  if (name === 'test' && call.arguments[0]) {
    const regex = skipWrappers(callee.object);
    return isJsonPattern(regex) && signalOf(context, call.arguments[0], 0) === 'type';
  }
  if (name === 'has' && call.arguments[0]) {
    const header = literalString(call.arguments[0])?.toLowerCase();
    return (
      (header === 'content-length' || header === 'content-type') &&
      isHeadersOf(context, callee.object, 0)
    );
  }
  return false;
}

/** Whether a call that is not a known string or header method receives the response or its headers. */
function passesResponse(context: PresenceContext, call: TSESTree.CallExpression): boolean {
  const { response } = context;
  if (!response) return false;
  const callee = skipWrappers(call.callee);
  // Methods of the response itself (`res.clone()`) or of a string are not checks of this kind.
  if (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    (response.subject.isHolder(callee.object) || isHeadersOf(context, callee.object, 0))
  ) {
    return false;
  }
  return call.arguments.some((argument) => {
    const inner = skipWrappers(argument);
    return response.subject.isHolder(inner) || isHeadersOf(context, inner, 0);
  });
}
