import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { TrackedResponse } from '../client/requests';
import type { FunctionNode, Node } from '../core/ast';
import type { AnalyzedFile } from '../core/file';
import type { RetryConfigLibrary } from '../libraries/retry';
import type { HttpModel } from '../model';
import type { StatusSet } from '../status/status-set';
import type { StatusSubject } from '../status/subject';
import type { RetryCondition, RetryConfig, RetryDelay, RetrySite } from './types';

/** How many variables deep the retry analysis follows a value that decides a retry. */
export const MAX_DEPTH = 3;

/**
 * What the retry finders of one file share: the sinks they add sites and configurations to, and
 * the caches that spare them a second search. Throughout `retry/`, a response's `origin` is the
 * call it comes from: the helper call that returns it, or the request itself.
 */
export interface RetryContext {
  readonly model: HttpModel;
  readonly file: AnalyzedFile;
  readonly sites: RetrySite[];
  readonly configs: RetryConfig[];
  /** Predicates already turned into sites (or deliberately not: a hook that changes the request). */
  readonly predicateFunctions: Set<Node>;
  readonly delays: Map<Node, RetryDelay | undefined>;
  readonly sleepArguments: Map<TSESLint.Scope.Variable, number>;
  readonly narrowed: Map<
    Node,
    Map<
      StatusSubject,
      Map<Node, ({ statuses: StatusSet; conditions: readonly RetryCondition[] } | undefined)[]>
    >
  >;
  readonly loopDelays: Map<Node, readonly RetryDelay[]>;
  // Asked once per request or retry config: kept per function and library, not searched again.
  readonly recursiveCallsOf: Map<FunctionNode, TSESTree.CallExpression[]>;
  readonly abortErrorNamesOf: Map<RetryConfigLibrary, Set<string>>;
  reassignedThis: Set<string> | undefined;
  thisMemberList: TSESTree.MemberExpression[] | undefined;
  /** The responses' origins in source order, with each response's index in `model.responses`. */
  responsesByPosition: Array<{ node: Node; index: number }> | undefined;
  /** The tracked responses in source order of their origin. */
  responsesByOrigin: TrackedResponse[] | undefined;
}

export function createRetryContext(model: HttpModel): RetryContext {
  return {
    model,
    file: model.file,
    sites: [],
    configs: [],
    predicateFunctions: new Set(),
    delays: new Map(),
    sleepArguments: new Map(),
    narrowed: new Map(),
    loopDelays: new Map(),
    recursiveCallsOf: new Map(),
    abortErrorNamesOf: new Map(),
    reassignedThis: undefined,
    thisMemberList: undefined,
    responsesByPosition: undefined,
    responsesByOrigin: undefined,
  };
}
