import type { HttpRequest } from '../client/requests';
import { findProperty, skipWrappers } from '../core/ast';
import { AST_NODE_TYPES } from '../core/node-types';
import type { AnalyzedFile } from '../core/file';
import type { ErrorStatusOption } from '../libraries/clients';
import { objectOf } from '../core/static-values';

/**
 * Whether the request's options name the option that turns its rejection off, with any value but
 * the literal that keeps it on (`throwHttpErrors: true`): a partial `validateStatus` may let some
 * error statuses through, so it counts.
 */
export function disablesThrowing(
  file: AnalyzedFile,
  request: HttpRequest,
  option: ErrorStatusOption | undefined,
): boolean {
  if (!option) return false;
  for (const argument of request.node.arguments) {
    const object = objectOf(file, argument);
    const property = object && findProperty(object, option.name);
    if (!property) continue;
    const value = skipWrappers(property.value);
    const keepsThrowing =
      typeof option.value === 'boolean' &&
      value.type === AST_NODE_TYPES.Literal &&
      typeof value.value === 'boolean' &&
      value.value !== option.value;
    if (!keepsThrowing) return true;
  }
  return false;
}
