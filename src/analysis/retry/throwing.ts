import type { HttpRequest } from '../client/requests';
import { findProperty } from '../core/ast';
import type { AnalyzedFile } from '../core/file';
import { objectOf } from '../core/static-values';

export function disablesThrowing(
  file: AnalyzedFile,
  request: HttpRequest,
  options: readonly string[],
): boolean {
  if (options.length === 0) return false;
  for (const argument of request.node.arguments) {
    const object = objectOf(file, argument);
    if (object && options.some((name) => findProperty(object, name))) return true;
  }
  return false;
}
