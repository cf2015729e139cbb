import { AST_NODE_TYPES } from '../core/node-types';

import type { AnalyzedFile } from '../core/file';
import { TYPE_TEST_MODULES } from '../libraries/frameworks';
import type { HttpModel } from '../model';
import { trace } from './apps';
import { createServerContext } from './context';
import { findResultObjects } from './factories';
import { collectHandlerSends } from './handler-sends';
import { findInferredHandlers } from './inferred-handlers';
import { isTestFixture } from './test-fixtures';
import type { ServerAnalysis } from './types';

export type * from './types';

const KEY = {};
const NO_SENDS: ServerAnalysis = { sends: [], statusArguments: [] };

/** The server sends of the model's file, built once per file. */
export function getServerAnalysis(model: HttpModel): ServerAnalysis {
  return model.hasServerAnchor
    ? model.extension(KEY, (m) => {
        // Most files send nothing: their imports are not read for a type test.
        const analysis = analyzeServer(m.file);
        const empty = analysis.sends.length === 0 && analysis.statusArguments.length === 0;
        return empty || !isTypeTest(m.file) ? analysis : NO_SENDS;
      })
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

/** Handlers from traced apps and factories, then inferred ones; their sends; response factories and result objects. */
function analyzeServer(file: AnalyzedFile): ServerAnalysis {
  const ctx = createServerContext(file);
  trace(ctx);
  findInferredHandlers(ctx);
  for (const handler of ctx.handlers.values())
    if (!isTestFixture(handler.fn)) collectHandlerSends(ctx, handler);
  findResultObjects(ctx);
  ctx.sends.sort((a, b) => a.node.range[0] - b.node.range[0]);
  ctx.statusArguments.sort((a, b) => a.node.range[0] - b.node.range[0]);
  return { sends: ctx.sends, statusArguments: ctx.statusArguments };
}
