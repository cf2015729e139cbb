import { AST_NODE_TYPES } from '../core/node-types';

import type { Node } from '../core/ast';
import { contains } from '../core/ast';
import type { HttpClient } from '../libraries/clients';
import type { HttpModel } from '../model';
import type { StatusSubject } from '../status/subject';
import { feedsAssertion } from './asserted-reads';
import type { FoundRead, StatusCheckTarget } from './body-reads';
import {
  holderReads,
  isDirectOrigin,
  originPattern,
  originReads,
  requestPromiseRead,
} from './body-reads';
import { resolvesOnErrorStatus } from './error-status-options';
import type { LogJudge } from './log-reads';
import { isValueUsed, onlyFeedsLog } from './log-reads';
import type { HttpRequest, TrackedResponse } from './requests';
import { calledFunction, hasForeignWrite, holderMayCheck, patternMayCheck } from './response-uses';

/** A body read whose response's status the code never looks at. */
export interface UncheckedBodyRead {
  /** The read: `res.json()`, `body.text()`, `res.data`, `ky(u, o).json()`, `{ data }`. */
  readonly node: Node;
  /** How the code names the read in messages: `.json()`, `data`. */
  readonly read: string;
  readonly request: HttpRequest;
  /** The option that lets 4xx/5xx responses through, when the client throws by default. */
  readonly option?: string;
  /** What a check inserted before the read reads, when the code names the response there. */
  readonly checkTarget?: StatusCheckTarget;
}

/** What the reads are judged with: the file, and names of log functions beyond the built-in ones. */
interface Judge extends LogJudge {
  /**
   * What depends on a subject alone, computed once per subject: responses assigned to one
   * variable share it (`res = await fetch(…)` repeated), and each would scan all its reads.
   */
  readonly bySubject: Map<StatusSubject, SubjectFacts>;
}

interface SubjectFacts {
  /** The used body reads on the subject's holders, per client, and the first of them. */
  readonly reads: Map<
    HttpClient,
    { readonly used: FoundRead[]; readonly first?: FoundRead; readonly asserted: boolean }
  >;
  /** Whether a status read or a holder use may check, by `returnsAreExpected`. */
  readonly checks: Map<boolean, boolean>;
  /** Whether a holder variable has a foreign write. */
  foreignWrite?: boolean;
}

/** One cache key per set of logger names (the same array for every file of one configuration). */
const keys = new WeakMap<readonly string[], object>();
const NO_LOGGERS: readonly string[] = [];

/**
 * Body reads (`.json()`, `.text()`, `.blob()`, undici `body.json()`, axios `data`) of responses
 * from requests that resolve on 4xx/5xx (the client's `errorStatus` row, and the options the
 * code writes), where the code never examines the response's `ok` or status outside a log and
 * never hands the response to code it cannot see. One per response (its first read), in source
 * order. Whatever the analysis cannot follow counts as a check: a miss beats a false report.
 */
export function getUncheckedBodyReads(
  model: HttpModel,
  loggers: readonly string[] = NO_LOGGERS,
): readonly UncheckedBodyRead[] {
  let key = keys.get(loggers);
  if (!key) keys.set(loggers, (key = {}));
  return model.extension(key, () =>
    findUncheckedBodyReads(model, {
      file: model.file,
      loggers: new Set(loggers),
      bySubject: new Map(),
    }),
  );
}

function findUncheckedBodyReads(model: HttpModel, judge: Judge): UncheckedBodyRead[] {
  const found: UncheckedBodyRead[] = [];
  const seen = new Set<Node>();
  const file = model.file;
  const resolves = new Map<HttpRequest, string | false | undefined>();
  const resolution = (request: HttpRequest): string | false | undefined => {
    if (!resolves.has(request)) resolves.set(request, resolvesOnErrorStatus(model, request));
    return resolves.get(request);
  };
  // A loop's binding is written the value it iterates (`for await (const res of pages())`).
  const origins = new Set<Node>(
    model.responses.flatMap((r) => (r.loop ? [r.origin, r.loop.right] : [r.origin])),
  );
  for (const response of model.responses) {
    const { client } = response.request;
    if (!client.bodyReads || !isDirectOrigin(response.origin)) continue;
    const option = resolution(response.request);
    if (option === false) continue;
    // A check first: most responses have one, and then their reads need not be listed.
    if (statusMayBeChecked(model, judge, response, origins, false, new Set())) continue;
    const onHolders = usedHolderReads(judge, response);
    const reads = originReads(file, response).filter((read) => isValueUsed(judge, read.node, 0));
    if (onHolders.used.length === 0 && reads.length === 0) continue;
    if (onHolders.asserted || reads.some((read) => isAsserted(judge, read.node))) continue;
    const first = reads.reduce(
      (a, b) => (b.node.range[0] < a.node.range[0] ? b : a),
      onHolders.first ?? reads[0]!,
    );
    if (seen.has(first.node)) continue;
    seen.add(first.node);
    found.push({
      ...first,
      request: response.request,
      ...(option ? { option } : {}),
    });
  }
  for (const request of model.requests) {
    const read = requestPromiseRead(file, request);
    if (!read || seen.has(read.node)) continue;
    const option = resolution(request);
    if (option === false || !isValueUsed(judge, read.node, 0) || isAsserted(judge, read.node))
      continue;
    seen.add(read.node);
    found.push({ ...read, request, ...(option ? { option } : {}) });
  }
  return found.sort((a, b) => a.node.range[0] - b.node.range[0]);
}

function factsOf(judge: Judge, subject: StatusSubject): SubjectFacts {
  let facts = judge.bySubject.get(subject);
  if (!facts) judge.bySubject.set(subject, (facts = { reads: new Map(), checks: new Map() }));
  return facts;
}

/** The used body reads on the response's holders (shared by the responses of one subject). */
function usedHolderReads(
  judge: Judge,
  response: TrackedResponse,
): { readonly used: FoundRead[]; readonly first?: FoundRead; readonly asserted: boolean } {
  const { client } = response.request;
  const facts = factsOf(judge, response.subject);
  let entry = facts.reads.get(client);
  if (!entry) {
    const used = holderReads(judge.file, client, response.subject).filter((read) =>
      isValueUsed(judge, read.node, 0),
    );
    const first =
      used.length === 0
        ? undefined
        : used.reduce((a, b) => (b.node.range[0] < a.node.range[0] ? b : a));
    // A read that feeds an assertion checks every response the holders carry.
    const asserted = used.some((read) => isAsserted(judge, read.node));
    facts.reads.set(client, (entry = { used, asserted, ...(first ? { first } : {}) }));
  }
  return entry;
}

/** A read whose value a test asserts on: an error body fails the assertion, as a status check would. */
function isAsserted(judge: Judge, read: Node): boolean {
  return feedsAssertion(judge.file, read, (node) => onlyFeedsLog(judge, node, 0));
}

/**
 * Whether the code may look at the response's status: a read of `ok` or the status outside a log,
 * the response handed to code out of sight, a value the analysis cannot attribute, or (for a
 * response from a local helper) a check in the helper.
 */
function statusMayBeChecked(
  model: HttpModel,
  judge: Judge,
  response: TrackedResponse,
  origins: ReadonlySet<Node>,
  returnsAreExpected: boolean,
  visited: Set<TrackedResponse>,
): boolean {
  if (visited.has(response)) return true;
  visited.add(response);
  const file = model.file;
  const { subject } = response;
  const facts = factsOf(judge, subject);
  let checks = facts.checks.get(returnsAreExpected);
  if (checks === undefined) {
    checks =
      subject.someStatusRead((read) => !onlyFeedsLog(judge, read, 0)) ||
      subject.holderNodes().some((holder) => holderMayCheck(judge, holder, returnsAreExpected));
    facts.checks.set(returnsAreExpected, checks);
  }
  if (checks) return true;
  const pattern = originPattern(response.origin);
  if (pattern && pattern.type !== AST_NODE_TYPES.Identifier && patternMayCheck(judge, pattern))
    return true;
  facts.foreignWrite ??= subject.holderVariables.some((variable) =>
    hasForeignWrite(variable, origins, subject),
  );
  if (facts.foreignWrite) return true;
  if (response.helperCall) {
    const helper = calledFunction(file, response.helperCall);
    if (!helper) return true;
    for (const upstream of model.responses) {
      if (
        upstream !== response &&
        upstream.request === response.request &&
        contains(helper, upstream.origin) &&
        statusMayBeChecked(model, judge, upstream, origins, true, visited)
      )
        return true;
    }
  }
  return false;
}
