import { AST_NODE_TYPES } from '../core/node-types';

import { enclosingFunction, skipWrappers } from '../core/ast';
import type { AnalyzedFile } from '../core/file';
import { TYPE_TEST_MODULES } from '../libraries/frameworks';
import type { HttpModel } from '../model';
import { trace } from './apps';
import type { ServerContext } from './context';
import { createServerContext } from './context';
import type { ErrorBody } from './error-body';
import { classifyErrorBody, stringifiedValue } from './error-body';
import type { ErrorBranch } from './error-branch';
import { errorBranchAt } from './error-branch';
import { findResultObjects } from './factories';
import { collectHandlerSends } from './handler-sends';
import { findInferredHandlers } from './inferred-handlers';
import type { ServerAnalysis, ServerSend, StatusArgument } from './types';

export type * from './types';

const KEY = {};
const NO_SENDS: ServerAnalysis = {
  sends: [],
  statusArguments: [],
  errorBranchOf: () => undefined,
  errorBodyOf: () => undefined,
};

/** The server sends of the model's file, built once per file. */
export function getServerAnalysis(model: HttpModel): ServerAnalysis {
  return model.hasAnchor
    ? model.extension(KEY, (m) => (isTypeTest(m.file) ? NO_SENDS : new ServerSends(m.file)))
    : NO_SENDS;
}

/** A type test (imports tstyche, tsd, expect-type): checked by the compiler, never run, so it sends nothing. */
function isTypeTest(file: AnalyzedFile): boolean {
  return file
    .moduleStatements()
    .some(
      (statement) =>
        statement.type === AST_NODE_TYPES.ImportDeclaration &&
        TYPE_TEST_MODULES.has(statement.source.value),
    );
}

class ServerSends implements ServerAnalysis {
  readonly sends: ServerSend[];
  readonly statusArguments: StatusArgument[];
  private readonly branches = new Map<ServerSend, ErrorBranch | undefined>();
  private readonly bodies = new Map<ServerSend, ErrorBody | undefined>();
  private readonly file: AnalyzedFile;

  constructor(file: AnalyzedFile) {
    const ctx: ServerContext = createServerContext(file);
    this.file = file;
    trace(ctx);
    findInferredHandlers(ctx);
    for (const handler of ctx.handlers.values()) collectHandlerSends(ctx, handler);
    findResultObjects(ctx);
    ctx.sends.sort((a, b) => a.node.range[0] - b.node.range[0]);
    ctx.statusArguments.sort((a, b) => a.node.range[0] - b.node.range[0]);
    this.sends = ctx.sends;
    this.statusArguments = ctx.statusArguments;
  }

  errorBranchOf(send: ServerSend): ErrorBranch | undefined {
    if (!this.branches.has(send)) {
      const boundary = send.handler ?? enclosingFunction(send.node);
      this.branches.set(send, errorBranchAt(this.file, send.node, boundary));
    }
    return this.branches.get(send);
  }

  errorBodyOf(send: ServerSend): ErrorBody | undefined {
    if (!this.bodies.has(send)) {
      const branch = this.errorBranchOf(send);
      // `new Response(text)` sends text: only a `JSON.stringify`'d value is an error object.
      const text = send.factory?.body === 'string' && !stringifiedValue(send.body);
      let body = text ? undefined : classifyErrorBody(this.file, send.body, branch);
      // Fastify hands a sent Error to its error handler: not a 2xx.
      if (
        body?.reason === 'caught-error' &&
        body.node === skipWrappers(send.body) &&
        send.framework.errorObjectsAreErrors
      )
        body = undefined;
      this.bodies.set(send, body);
    }
    return this.bodies.get(send);
  }
}
