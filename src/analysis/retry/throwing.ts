import type { HttpRequest } from '../client/requests';
import { findProperty } from '../core/ast';
import type { AnalyzedFile } from '../core/file';
import type { ErrorStatusOption } from '../libraries/clients';
import { objectOf } from '../core/static-values';

/** Whether the request's options name the option that turns its rejection off (with any value). */
export function disablesThrowing(
  file: AnalyzedFile,
  request: HttpRequest,
  option: ErrorStatusOption | undefined,
): boolean {
  if (!option) return false;
  for (const argument of request.node.arguments) {
    const object = objectOf(file, argument);
    if (object && findProperty(object, option.name)) return true;
  }
  return false;
}
