import { enclosingFunction, skipWrappers } from '../core/ast';
import type { AnalyzedFile } from '../core/file';
import type { ErrorBody } from './error-body';
import { classifyErrorBody, stringifiedValue } from './error-body';
import type { ErrorBranch } from './error-branch';
import { errorBranchAt } from './error-branch';
import type { ServerSend } from './types';

/** The error branch and error body of each send, computed when a rule first asks. */
const branches = new WeakMap<ServerSend, ErrorBranch | undefined>();
const bodies = new WeakMap<ServerSend, ErrorBody | undefined>();

/** The catch or error-first callback error branch the send runs in. */
export function errorBranchOf(file: AnalyzedFile, send: ServerSend): ErrorBranch | undefined {
  if (!branches.has(send)) {
    const boundary = send.handler ?? enclosingFunction(send.node);
    branches.set(send, errorBranchAt(file, send.node, boundary));
  }
  return branches.get(send);
}

/** Whether the send's body is an error body, and why. */
export function errorBodyOf(file: AnalyzedFile, send: ServerSend): ErrorBody | undefined {
  if (!bodies.has(send)) {
    const branch = errorBranchOf(file, send);
    // `new Response(text)` sends text: only a `JSON.stringify`'d value is an error object.
    const text = send.factory?.body === 'string' && !stringifiedValue(send.body);
    let body = text ? undefined : classifyErrorBody(file, send.body, branch);
    // Fastify hands a sent Error to its error handler: not a 2xx.
    if (
      body?.reason === 'caught-error' &&
      body.node === skipWrappers(send.body) &&
      send.framework.errorObjectsAreErrors
    )
      body = undefined;
    bodies.set(send, body);
  }
  return bodies.get(send);
}
