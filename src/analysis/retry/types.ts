/**
 * Retries: where the code sends the same HTTP request again, and for which statuses.
 *
 * `getRetries(model)` (built once per file, cached with `model.extension`) returns a
 * `RetryAnalysis`:
 *
 * - `sites`: every `RetrySite`, a path that leads from a response (or an HTTP error) back to the
 *   same request, or a library setting that makes a library do so:
 *   - `kind`:
 *     - `'loop'`: a request in a `for`/`while`/`do…while` whose response reaches a `continue`,
 *       the end of the body, or a loop condition that holds (`while (!res.ok && n++ < 3)`);
 *     - `'recursion'`: the enclosing function calls itself (directly or in `.then`);
 *     - `'timer'`: …from a `setTimeout` callback (`node` is the `setTimeout` call);
 *     - `'catch'`: a `try` around the request whose `catch` loops back or recurses;
 *       `thrownAt` is the `throw` in the `try` whose condition lets a status through, when the
 *       `catch` itself does not read the status;
 *     - `'library-callback'`: a `throw` in the function given to p-retry, async-retry,
 *       exponential-backoff or cockatiel's `execute` (`node` is the `throw`);
 *     - `'library-config'`: a status list in a library's retry options (`node` is the array);
 *     - `'predicate'`: a function that decides a retry: a library option (`retryCondition`,
 *       `shouldRetry`, fetch-retry `retryOn`, superagent `.retry(n, fn)`, wretch `until`) or a
 *       function the code names as one (`shouldRetry`, `isRetryable`, …); `node` is the
 *       `return` (or the arrow's expression body) that answers "retry".
 *   - `requests`: the requests sent again (empty when the library's requests are elsewhere, or
 *     for `calls`: a request the file does not show, retried by a `catch` that reads its status);
 *   - `node`: the retry statement (see above); `container`: the loop, function or library call;
 *   - `subject`: the `StatusSubject` whose status decides (response, caught error, predicate
 *     parameter); undefined when nothing in the code carries a status (a `return true` predicate
 *     whose parameter is never read);
 *   - `statuses`: the statuses for which the path retries (narrowed with `model.statusesAt`,
 *     bounded by the loop or function, plus the loop condition on a back-edge);
 *   - `conditions`: the conditions that narrowed them, innermost first, each with `branch`
 *     (`'true'`: the retry happens where the condition holds, `'false'`: where it fails,
 *     `'case'`: a `switch` case) and `sets` (`whenTrue`/`whenFalse` for the subject);
 *   - `delays`: the waits on the path (`RetryDelay`: `sleep(ms)`, `setTimeout(fn, ms)`,
 *     `await new Promise(r => setTimeout(r, ms))`, `timers/promises`, or a library delay option);
 *   - `config`: the library configuration, for library sites.
 * - `configs`: every `RetryConfig` the file writes (even without statuses: `ky(u, { retry: 2 })`),
 *   with the parsed options: `statusCodes` (a `StatusList` with each element's node and
 *   statuses; retry-axios ranges; octokit's `doNotRetry` as an exclusion), `afterStatusCodes`
 *   (ky), `predicates`, `delays` (option properties), `beforeRetry` hook functions, and
 *   `changesRequest` (a hook that rewrites the request before the retry: a refresh).
 *
 * What is not a retry: a loop whose request is built from something that changes on the path
 * (`for (const url of urls)`, `next = page.next`, a token reassigned before `continue`), a path
 * that no status condition narrows (polling every few seconds), a recursive call with different
 * arguments, a generic `catch` that never reads a status around a try that does not throw on one,
 * and a retry that only carries 401/407 after an awaited call (a refresh).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { HttpRequest, TrackedResponse } from '../client/requests';
import type { FunctionNode, Node } from '../core/ast';
import type { RetryConfigLibrary, RetryPredicateOption } from '../libraries/retry';
import type { ConditionSets } from '../status/narrowing';
import type { StatusSet } from '../status/status-set';
import type { StatusSubject } from '../status/subject';

export type RetryKind =
  'loop' | 'recursion' | 'timer' | 'catch' | 'library-callback' | 'library-config' | 'predicate';

/** A condition on a retry path and which of its outcomes leads to the retry. */
export interface RetryCondition {
  readonly node: Node;
  /** `'true'`: the retry happens where the condition holds; `'false'`: where it fails; `'case'`: a switch case. */
  readonly branch: 'true' | 'false' | 'case';
  /** The statuses the condition lets through to the retry. */
  readonly allowed: StatusSet;
  /** The condition's sets for the subject (undefined for a switch case). */
  readonly sets: ConditionSets | undefined;
}

/** A wait before the request is sent again. */
export interface RetryDelay {
  /** `sleep(ms)`, `setTimeout(fn, ms)`, `new Promise(r => setTimeout(r, ms))`, or a library option property. */
  readonly node: Node;
  readonly kind: 'sleep' | 'timer' | 'promise-timer' | 'library-option';
  /** The expression of the wait (milliseconds), when there is one. */
  readonly duration: Node | undefined;
}

/** One entry of a status list: `429`, or a retry-axios range `[500, 599]`. */
export interface StatusListEntry {
  readonly node: Node;
  readonly statuses: StatusSet;
  /** For retry-axios ranges, the bounds. */
  readonly range?: readonly [number, number];
}

export interface StatusList {
  /** The option property (`statusCodes: [...]`). */
  readonly property: TSESTree.Property | undefined;
  /** The array literal, when the list is written as one (possibly through a `const`). */
  readonly array: TSESTree.ArrayExpression | undefined;
  readonly format: 'list' | 'ranges' | 'exclude';
  /** Entries that resolve to statuses; `complete` says whether every element did. */
  readonly entries: readonly StatusListEntry[];
  readonly complete: boolean;
  /** The statuses listed (for `exclude`, the statuses NOT retried). */
  readonly listed: StatusSet;
}

export interface RetryPredicate {
  readonly function: FunctionNode;
  /** The option property, for a library option. */
  readonly property: TSESTree.Property | undefined;
  readonly option: RetryPredicateOption | undefined;
}

export interface RetryConfig {
  readonly library: RetryConfigLibrary;
  /** The call (or construction, or property for `key` sites) where the options are given. */
  readonly site: Node;
  /** The retry options object, when written as a literal. */
  readonly options: TSESTree.ObjectExpression | undefined;
  /** The value of the retry option itself (`retry: 2` in ky), when it is not an object. */
  readonly value: Node | undefined;
  /** The request the options belong to, for `request` and `chain` sites. */
  readonly request: HttpRequest | undefined;
  readonly statusCodes: StatusList | undefined;
  readonly afterStatusCodes: StatusList | undefined;
  readonly predicates: readonly RetryPredicate[];
  readonly delays: readonly RetryDelay[];
  /** `hooks.beforeRetry` functions (and similar hooks) given with the options. */
  readonly beforeRetry: readonly Node[];
  /** A hook rewrites the request before it is sent again (sets a header, a token). */
  readonly changesRequest: boolean;
  /** The function the library runs and retries (p-retry's `fn`). */
  readonly callback: FunctionNode | undefined;
  /** A predicate or hook decides what is retried (p-retry `shouldRetry`/`onFailedAttempt`, cockatiel `handleWhen`). */
  readonly filtered: boolean;
}

export interface RetrySite {
  readonly kind: RetryKind;
  readonly requests: readonly HttpRequest[];
  readonly node: Node;
  readonly container: Node;
  readonly subject: StatusSubject | undefined;
  readonly statuses: StatusSet;
  readonly conditions: readonly RetryCondition[];
  readonly delays: readonly RetryDelay[];
  readonly config?: RetryConfig;
  /** For `catch` sites: the `throw` in the `try` whose condition decides. */
  readonly thrownAt?: TSESTree.ThrowStatement;
  /** The response whose status decides, for loop, recursion, timer and library-callback sites. */
  readonly response?: TrackedResponse;
  /**
   * For a `catch` site around a request the file does not show (`await fn()` of work passed in,
   * `await api.post(…)` on a client imported or passed in): the calls sent again. The caught
   * error's status read is the evidence that they are HTTP requests (`requests` is empty).
   */
  readonly calls?: readonly TSESTree.CallExpression[];
}

export interface RetryAnalysis {
  readonly sites: readonly RetrySite[];
  readonly configs: readonly RetryConfig[];
}
