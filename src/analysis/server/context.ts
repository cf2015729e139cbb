import type { TSESLint } from '@typescript-eslint/utils';

import type { FunctionNode, Node } from '../core/ast';
import type { AnalyzedFile } from '../core/file';
import type { AcceptedStatuses, ServerFramework, StatusCall } from '../libraries/frameworks';
import { HTTP_STATUSES, SERVER_FRAMEWORKS } from '../libraries/frameworks';
import type { MemberUsage } from './inferred-handlers';
import type { Handler, ServerSend, StatusArgument } from './types';

/** What the server analysis of one file collects and shares between its steps. */
export interface ServerContext {
  readonly file: AnalyzedFile;
  readonly sends: ServerSend[];
  readonly statusArguments: StatusArgument[];
  readonly handlers: Map<FunctionNode, Handler>;
  readonly statusFunctionCalls: Set<Node>;
  /** Status functions auto-imported with a global handler factory (Nuxt), by name. */
  readonly globalStatusFunctions: Map<string, ServerFramework>;
  /** Status calls auto-imported the same way (`createError`). */
  readonly globalStatusCalls: Map<string, { framework: ServerFramework; call: StatusCall }>;
  readonly notedStatuses: Set<Node>;
  readonly importedFrameworks: readonly ServerFramework[];
  /** Handlers whose framework `inferFramework` chose though the file imports no such framework. */
  readonly guessedHandlers: Set<FunctionNode>;
  /** Whether a framework whose response type can annotate a handler is imported. */
  readonly typedHandlers: boolean;
  /** Member uses per variable (`memberUsage`). */
  readonly memberUsages: Map<TSESLint.Scope.Variable, MemberUsage>;
}

export function createServerContext(file: AnalyzedFile): ServerContext {
  const importedFrameworks = frameworksImported(file);
  return {
    file,
    sends: [],
    statusArguments: [],
    handlers: new Map(),
    statusFunctionCalls: new Set(),
    globalStatusFunctions: new Map(),
    globalStatusCalls: new Map(),
    notedStatuses: new Set(),
    importedFrameworks,
    guessedHandlers: new Set(),
    typedHandlers: importedFrameworks.some((framework) => framework.responseTypes),
    memberUsages: new Map(),
  };
}

/** The frameworks a module specifier belongs to. */
export const FRAMEWORKS_BY_SOURCE = new Map<string, ServerFramework[]>();
for (const framework of SERVER_FRAMEWORKS) {
  for (const source of framework.sources)
    FRAMEWORKS_BY_SOURCE.set(source, [...(FRAMEWORKS_BY_SOURCE.get(source) ?? []), framework]);
}

/** Frameworks the file imports or requires (by source), in table order. */
export function frameworksImported(file: AnalyzedFile): ServerFramework[] {
  const found = new Set<ServerFramework>();
  for (const source of file.knownModuleSources()) {
    for (const framework of FRAMEWORKS_BY_SOURCE.get(source) ?? []) found.add(framework);
  }
  return found.size === 0 ? [] : SERVER_FRAMEWORKS.filter((framework) => found.has(framework));
}

/** What a handler's framework accepts; for a guessed framework, only what HTTP itself allows (a miss beats a false report). */
export function acceptedIn(
  ctx: ServerContext,
  framework: ServerFramework,
  fn: FunctionNode,
): AcceptedStatuses {
  return ctx.guessedHandlers.has(fn) ? HTTP_STATUSES : acceptedBy(framework);
}

export function variableOfParameter(
  ctx: ServerContext,
  param: Node,
): TSESLint.Scope.Variable | undefined {
  const fn = param.parent;
  if (!fn) return undefined;
  return ctx.file.scopeManager
    .getDeclaredVariables(fn)
    .find((variable) => variable.defs.some((def) => def.name === param));
}

/** The statuses a framework's setters, status functions and result objects accept. */
export function acceptedBy(framework: ServerFramework): AcceptedStatuses {
  return framework.acceptedStatuses ?? HTTP_STATUSES;
}

export function responseIndex(fn: FunctionNode, framework: ServerFramework): number {
  const index = framework.responseParameter ?? 1;
  // Express error middleware `(err, req, res, next)`.
  return index === 1 && fn.params.length === 4 ? 2 : index;
}
