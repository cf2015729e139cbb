import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../core/node-types';

import type { Node } from '../core/ast';
import { constInitializer, findProperty, memberName, skipWrappers } from '../core/ast';
import type { AnalyzedFile } from '../core/file';
import type { ErrorStatusOption, HttpClient } from '../libraries/clients';
import type { HttpModel } from '../model';
import type { HttpRequest } from './requests';

/** How many factory calls (`ky.create(…).extend(…)`) an instance's options are read through. */
const MAX_DEPTH = 4;

/**
 * `false` when the request throws on 4xx/5xx or the code does not show it; otherwise the option
 * that turned throwing off (`throwHttpErrors: false`), or undefined when the client never throws.
 */
export function resolvesOnErrorStatus(
  model: HttpModel,
  request: HttpRequest,
): string | false | undefined {
  const behaviour = request.client.errorStatus;
  if (!behaviour) return false;
  const hooks = behaviour.hooks ?? [];
  if (hooks.some((hook) => model.file.textIncludes(hook))) return false;
  const throwing = request.client.throwsOnErrorStatus;
  const throwsByDefault = throwing !== undefined;
  // The option that flips the default: turns the rejection off, or (a client that resolves) on.
  const flip = throwing ? throwing.disabledBy : behaviour.enabledBy;
  let throws = throwsByDefault;
  let option: string | undefined;
  for (const options of optionObjects(model.file, request)) {
    if (options === undefined) {
      if (flip) return false;
      continue;
    }
    if (!flip) continue;
    if (options.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement)) return false;
    const property = findProperty(options, flip.name);
    if (!property) continue;
    const matches = optionMatches(property.value, flip.value);
    if (matches === undefined) return false;
    throws = matches ? !throwsByDefault : throwsByDefault;
    option = matches && throwsByDefault ? optionText(flip) : undefined;
  }
  return throws ? false : option;
}

function optionText({ name, value }: ErrorStatusOption): string {
  return value === 'accept-all' ? `${name}: () => true` : `${name}: ${String(value)}`;
}

/** Whether an option's value is the one that flips throwing; undefined when not a constant. */
function optionMatches(value: Node, wanted: boolean | 'accept-all'): boolean | undefined {
  const inner = skipWrappers(value);
  if (wanted !== 'accept-all') {
    return inner.type === AST_NODE_TYPES.Literal && typeof inner.value === 'boolean'
      ? inner.value === wanted
      : undefined;
  }
  if (inner.type === AST_NODE_TYPES.Literal && inner.value === null) return true;
  if (
    inner.type !== AST_NODE_TYPES.ArrowFunctionExpression &&
    inner.type !== AST_NODE_TYPES.FunctionExpression
  )
    return undefined;
  const body = inner.body;
  const returned =
    body.type !== AST_NODE_TYPES.BlockStatement
      ? body
      : body.body.length === 1 && body.body[0]!.type === AST_NODE_TYPES.ReturnStatement
        ? body.body[0]!.argument
        : undefined;
  const literal = returned && skipWrappers(returned);
  return literal?.type === AST_NODE_TYPES.Literal && literal.value === true ? true : undefined;
}

/**
 * The option objects that configure a request, outermost first: those of the instance it is
 * called on (`ky.create({…})`, `axios.create({…})`), then the call's own object arguments.
 * `undefined` stands for an options value the code does not show.
 */
function optionObjects(
  file: AnalyzedFile,
  request: HttpRequest,
): Array<TSESTree.ObjectExpression | undefined> {
  const call = request.node;
  const callee = skipWrappers(call.callee);
  const instance =
    callee.type === AST_NODE_TYPES.MemberExpression ? skipWrappers(callee.object) : callee;
  const objects = instanceOptions(file, request.client, instance, 0);
  // The options are the last argument after the URL (`fetch(u, init)`, `axios.post(u, data, config)`),
  // or a lone object (`axios({ url })`); a lone value of another kind is the URL.
  const args = call.arguments;
  const last = args.length >= 2 ? args.at(-1) : args[0];
  if (last?.type === AST_NODE_TYPES.SpreadElement) objects.push(undefined);
  else if (
    last &&
    (args.length >= 2 || skipWrappers(last).type === AST_NODE_TYPES.ObjectExpression)
  ) {
    const value = objectOf(file, last);
    if (value !== null) objects.push(value);
  }
  return objects;
}

/** An object literal argument (or a `const` bound to one); null for a value that is no options (a URL). */
function objectOf(file: AnalyzedFile, node: Node): TSESTree.ObjectExpression | null | undefined {
  const inner = skipWrappers(node);
  if (inner.type === AST_NODE_TYPES.ObjectExpression) return inner;
  if (
    inner.type === AST_NODE_TYPES.Literal ||
    inner.type === AST_NODE_TYPES.TemplateLiteral ||
    inner.type === AST_NODE_TYPES.BinaryExpression ||
    inner.type === AST_NODE_TYPES.NewExpression
  )
    return null;
  if (inner.type === AST_NODE_TYPES.Identifier) {
    const variable = file.variableOf(inner);
    const init = variable ? constInitializer(variable) : undefined;
    if (init && skipWrappers(init).type === AST_NODE_TYPES.ObjectExpression)
      return skipWrappers(init) as TSESTree.ObjectExpression;
  }
  return undefined;
}

/** The options of the factory calls an instance comes from: `const api = ky.create({…}).extend({…})`. */
function instanceOptions(
  file: AnalyzedFile,
  client: HttpClient,
  node: Node,
  depth: number,
): Array<TSESTree.ObjectExpression | undefined> {
  let value: Node | undefined = skipWrappers(node);
  if (value.type === AST_NODE_TYPES.Identifier) {
    const variable = file.variableOf(value);
    value = variable ? constInitializer(variable) : undefined;
    if (value) value = skipWrappers(value);
  }
  if (value?.type !== AST_NODE_TYPES.CallExpression || depth >= MAX_DEPTH) return [];
  const callee = skipWrappers(value.callee);
  const name = memberName(callee);
  if (
    callee.type !== AST_NODE_TYPES.MemberExpression ||
    name === undefined ||
    client.members[name] !== 'factory'
  )
    return [];
  const objects = instanceOptions(file, client, callee.object, depth + 1);
  for (const argument of value.arguments)
    objects.push(
      argument.type === AST_NODE_TYPES.SpreadElement
        ? undefined
        : (objectOf(file, argument) ?? undefined),
    );
  return objects;
}
