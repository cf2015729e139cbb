/**
 * The mistakes a `Retry-After` value can make at a wait that takes milliseconds, and how a
 * candidate found by the value flow (`retry-after-values.ts`) is judged.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '../core/node-types';

import type { Node } from '../core/ast';
import { contains, skipWrappers } from '../core/ast';
import type { AnalyzedFile } from '../core/file';

type Variable = TSESLint.Scope.Variable;

export type RetryAfterWaitMistake =
  /** Seconds (parsed or not) reach a wait that takes milliseconds. */
  | 'seconds-as-ms'
  /** A numeric parse with no date branch and nothing that keeps NaN out of the wait. */
  | 'nan'
  /** `Date.parse(h)` / `new Date(h)` with no seconds branch. */
  | 'date-only';

export interface RetryAfterWait {
  readonly mistake: RetryAfterWaitMistake;
  /** The wait's duration (milliseconds) that the value reaches. */
  readonly duration: Node;
  /** The header read the value comes from. */
  readonly read: Node;
  /**
   * For `seconds-as-ms` after a numeric parse: the expression holding the seconds, where `* 1000`
   * belongs, and whether nothing but clamps and fallbacks lies between it and the wait.
   */
  readonly scale?: { readonly node: Node; readonly straight: boolean };
  /** Source text that reads the raw header where the wait is (a variable, or the read itself). */
  readonly rawAtWait?: string;
}

/** `res.headers['retry-after']` on a fetch response: always undefined. */
export interface FetchHeadersIndex {
  readonly member: TSESTree.MemberExpression;
  /** The code compares the value with `undefined`: `.get()`'s `null` would change what it does. */
  readonly comparedWithUndefined: boolean;
}

export interface RetryAfterValueReads {
  readonly waits: readonly RetryAfterWait[];
  readonly indexReads: readonly FetchHeadersIndex[];
}

export interface FlowState {
  readonly read: Node;
  readonly parsed: boolean;
  readonly scaled: boolean;
  readonly dated: boolean;
  readonly guarded: boolean;
  readonly rawVariables: readonly Variable[];
  readonly scaleAt: Node | undefined;
  readonly straight: boolean;
}

/** What some code in a function does with a raw or parsed `Retry-After` value. */
export interface FunctionFlags {
  secondsBranch: boolean;
  dateBranch: boolean;
  guard: boolean;
}

export interface Candidate {
  readonly state: FlowState;
  readonly duration: Node;
  readonly unitKnown: boolean;
}

/**
 * A candidate's mistake, when the code around does not handle it: `flags` are what the functions
 * of the read and of the wait do with the value.
 */
export function judgeCandidate(
  file: AnalyzedFile,
  { state, duration, unitKnown }: Candidate,
  flags: readonly FunctionFlags[],
): RetryAfterWait | undefined {
  const base = { duration, read: state.read, rawAtWait: rawAt(file, state, duration) };
  if (state.dated) {
    if (state.parsed || flags.some((f) => f.secondsBranch)) return undefined;
    return { mistake: 'date-only', ...base };
  }
  if (!state.scaled && unitKnown) {
    return {
      mistake: 'seconds-as-ms',
      ...base,
      scale:
        state.parsed && state.scaleAt
          ? { node: state.scaleAt, straight: state.straight }
          : undefined,
    };
  }
  if (!state.parsed || state.guarded || flags.some((f) => f.guard || f.dateBranch))
    return undefined;
  return { mistake: 'nan', ...base };
}

/** Text that reads the raw header at the wait: a raw variable visible there, or the read itself. */
function rawAt(file: AnalyzedFile, state: FlowState, at: Node): string | undefined {
  const scope = file.scopeOf(at);
  for (const variable of [...state.rawVariables].reverse()) {
    if (ASTUtils.findVariable(scope, variable.name) === variable) return variable.name;
  }
  const read = state.read;
  if (read.type === AST_NODE_TYPES.Identifier) return undefined;
  if (contains(at, read)) return file.sourceCode.getText(read);
  const root = rootIdentifier(read);
  if (!root) return undefined;
  const variable = file.variableOf(root);
  return variable && ASTUtils.findVariable(scope, root.name) === variable
    ? file.sourceCode.getText(read)
    : undefined;
}

function rootIdentifier(node: Node): TSESTree.Identifier | undefined {
  let current: Node = skipWrappers(node);
  for (;;) {
    if (current.type === AST_NODE_TYPES.Identifier) return current;
    if (current.type === AST_NODE_TYPES.MemberExpression) current = skipWrappers(current.object);
    else if (current.type === AST_NODE_TYPES.CallExpression) current = skipWrappers(current.callee);
    else return undefined;
  }
}
