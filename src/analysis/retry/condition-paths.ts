import type { Node } from '../core/ast';
import type { NarrowingPath } from '../status/narrowing';
import { StatusSet } from '../status/status-set';
import type { StatusSubject } from '../status/subject';
import type { RetryContext } from './context';
import type { RetryCondition, RetrySite } from './types';

/** A path's retry conditions: their statuses and number at once, the conditions spelled out on first read. */
export interface NarrowedPath {
  readonly statuses: StatusSet;
  /** How many conditions narrow the path. */
  readonly count: number;
  /** A new array on each read. */
  readonly conditions: RetryCondition[];
}

/*
 * The narrowing's path is a list shared by the points around each other (its levels, and in a
 * level each statement list's early exits as a count of shared steps): the n `continue`s of a
 * ladder of n exits share one list of steps. Its conditions, their statuses and their number are
 * read per shared part, once, so each point costs its own levels and the conditions are spelled
 * out only where a rule reads them.
 */

type PathPart = NarrowingPath['parts'][number];

/** What the conditions of a path from one level up give: their statuses, and how many there are. */
interface PathTotal {
  readonly statuses: StatusSet;
  readonly count: number;
}

/** Per shared list of steps, its conditions read so far and their running totals. */
interface StepsReading {
  readonly conditions: Array<RetryCondition | null>;
  /** `totals[k]`: the first k steps. */
  readonly totals: PathTotal[];
}

interface PathReadings {
  readonly levels: WeakMap<NarrowingPath, PathTotal>;
  readonly steps: WeakMap<ReadonlyArray<unknown>, StepsReading>;
  /** Per fold (`foldConditions`), its value per level and its running values per list of steps. */
  readonly folds: WeakMap<
    ConditionFold<unknown>,
    { levels: WeakMap<NarrowingPath, unknown>; steps: WeakMap<ReadonlyArray<unknown>, unknown[]> }
  >;
}

/** What a `NarrowedPath` was read from. */
interface PathSource {
  readonly path: NarrowingPath;
  readonly readings: PathReadings;
  readonly condition: (node: Node, given: StatusSet) => RetryCondition | null;
}

const pathsOf = new WeakMap<NarrowedPath, PathSource>();

/** Per site whose conditions a narrowing spells out (`addPathSite`), that narrowing. */
const sitePaths = new WeakMap<RetrySite, NarrowedPath>();

export function rememberSitePath(site: RetrySite, narrowed: NarrowedPath): void {
  sitePaths.set(site, narrowed);
}

/**
 * A value read from each condition and combined (commutative and associative: the parts are
 * combined per level and per shared list, not in the site's order).
 */
export interface ConditionFold<T> {
  readonly none: T;
  value(condition: RetryCondition): T;
  both(one: T, other: T): T;
}

/**
 * The fold over a site's conditions. For a site read from a narrowing, each shared level and list
 * of steps is folded once per fold: the n sites of a ladder of n exits cost n, not n².
 */
export function foldConditions<T>(site: RetrySite, fold: ConditionFold<T>): T {
  const narrowed = sitePaths.get(site);
  const source = narrowed && pathsOf.get(narrowed);
  if (!source) return site.conditions.reduce((all, c) => fold.both(all, fold.value(c)), fold.none);
  const { readings, condition } = source;
  const key = fold as ConditionFold<unknown>;
  let cache = readings.folds.get(key);
  if (!cache) readings.folds.set(key, (cache = { levels: new WeakMap(), steps: new WeakMap() }));
  const { levels, steps } = cache;
  const unread: NarrowingPath[] = [];
  let total = fold.none;
  for (let level: NarrowingPath | undefined = source.path; level; level = level.next) {
    if (levels.has(level)) {
      total = levels.get(level) as T;
      break;
    }
    unread.push(level);
  }
  for (let k = unread.length - 1; k >= 0; k--) {
    for (const part of unread[k]!.parts) {
      if (!('steps' in part)) {
        const found = condition(part.node, part.fact);
        if (found) total = fold.both(total, fold.value(found));
        continue;
      }
      const reading = stepsReading(readings, part, condition);
      let running = steps.get(part.steps) as T[] | undefined;
      if (!running) steps.set(part.steps, (running = [fold.none]));
      for (let j = running.length - 1; j < part.count; j++) {
        const found = reading.conditions[j];
        running.push(found ? fold.both(running[j]!, fold.value(found)) : running[j]!);
      }
      total = fold.both(total, running[part.count]!);
    }
    levels.set(unread[k]!, total);
  }
  return total;
}

/** The first of a site's conditions (in their order) that passes `test`, without spelling out the rest. */
export function findCondition(
  site: RetrySite,
  test: (condition: RetryCondition) => boolean,
): RetryCondition | undefined {
  const narrowed = sitePaths.get(site);
  const source = narrowed && pathsOf.get(narrowed);
  if (!source) return site.conditions.find(test);
  const { readings, condition } = source;
  for (let level: NarrowingPath | undefined = source.path; level; level = level.next)
    for (const part of level.parts) {
      if (!('steps' in part)) {
        const found = condition(part.node, part.fact);
        if (found && test(found)) return found;
        continue;
      }
      const reading = stepsReading(readings, part, condition);
      for (let k = 0; k < part.count; k++) {
        const found = reading.conditions[k];
        if (found && test(found)) return found;
      }
    }
  return undefined;
}

/** Whether `node` is the node of one of the site's conditions that enclose it (not an earlier exit). */
export function isEnclosingCondition(site: RetrySite, node: Node): boolean {
  const narrowed = sitePaths.get(site);
  const source = narrowed && pathsOf.get(narrowed);
  if (!source) return site.conditions.some((c) => c.node === node);
  // An earlier exit's test stands before the site, never around it: only single parts can be it.
  for (let level: NarrowingPath | undefined = source.path; level; level = level.next)
    for (const part of level.parts)
      if (!('steps' in part) && part.node === node && source.condition(part.node, part.fact))
        return true;
  return false;
}

/** Per context, subject and `throwing`, the totals of each path level and list of steps read. */
const pathReadings = new WeakMap<RetryContext, Map<StatusSubject, PathReadings[]>>();

function readingsOf(ctx: RetryContext, subject: StatusSubject, throwing: boolean): PathReadings {
  let bySubject = pathReadings.get(ctx);
  if (!bySubject) pathReadings.set(ctx, (bySubject = new Map()));
  let byThrowing = bySubject.get(subject);
  if (!byThrowing) bySubject.set(subject, (byThrowing = []));
  return (byThrowing[Number(throwing)] ??= {
    levels: new WeakMap(),
    steps: new WeakMap(),
    folds: new WeakMap(),
  });
}

const NO_CONDITIONS: PathTotal = { statuses: StatusSet.ALL, count: 0 };

/**
 * The conditions of `path` for `subject`: `condition` gives each constraint's (per `ctx`,
 * `subject` and `throwing` the same answer for the same node and statuses).
 */
export function readPath(
  ctx: RetryContext,
  path: NarrowingPath,
  subject: StatusSubject,
  throwing: boolean,
  condition: (node: Node, given: StatusSet) => RetryCondition | null,
): NarrowedPath {
  const readings = readingsOf(ctx, subject, throwing);
  // The levels not read yet, innermost first; then their totals from the outermost in.
  const unread: NarrowingPath[] = [];
  let total = NO_CONDITIONS;
  for (let level: NarrowingPath | undefined = path; level; level = level.next) {
    const known = readings.levels.get(level);
    if (known) {
      total = known;
      break;
    }
    unread.push(level);
  }
  for (let k = unread.length - 1; k >= 0; k--) {
    let statuses = total.statuses;
    let count = total.count;
    for (const part of unread[k]!.parts) {
      const own = partTotal(readings, part, condition);
      statuses = statuses.intersect(own.statuses);
      count += own.count;
    }
    total = { statuses, count };
    readings.levels.set(unread[k]!, total);
  }
  const { statuses, count } = total;
  const narrowed: NarrowedPath = {
    statuses,
    count,
    get conditions(): RetryCondition[] {
      const result: RetryCondition[] = [];
      for (let level: NarrowingPath | undefined = path; level; level = level.next)
        for (const part of level.parts) {
          if (!('steps' in part)) {
            const found = condition(part.node, part.fact);
            if (found) result.push(found);
            continue;
          }
          const reading = stepsReading(readings, part, condition);
          for (let k = 0; k < part.count; k++) {
            const found = reading.conditions[k];
            if (found) result.push(found);
          }
        }
      return result;
    },
  };
  pathsOf.set(narrowed, { path, readings, condition });
  return narrowed;
}

function partTotal(
  readings: PathReadings,
  part: PathPart,
  condition: (node: Node, given: StatusSet) => RetryCondition | null,
): PathTotal {
  if (!('steps' in part)) {
    const found = condition(part.node, part.fact);
    return found ? { statuses: found.allowed, count: 1 } : NO_CONDITIONS;
  }
  return stepsReading(readings, part, condition).totals[part.count]!;
}

/** The conditions of a shared list of steps, read up to `part.count`. */
function stepsReading(
  readings: PathReadings,
  part: Extract<PathPart, { steps: unknown }>,
  condition: (node: Node, given: StatusSet) => RetryCondition | null,
): StepsReading {
  let reading = readings.steps.get(part.steps);
  if (!reading) {
    reading = { conditions: [], totals: [NO_CONDITIONS] };
    readings.steps.set(part.steps, reading);
  }
  for (let k = reading.conditions.length; k < part.count; k++) {
    const step = part.steps[k];
    const found = step ? condition(step.node, step.fact) : null;
    reading.conditions.push(found);
    const before = reading.totals[k]!;
    reading.totals.push(
      found
        ? { statuses: before.statuses.intersect(found.allowed), count: before.count + 1 }
        : before,
    );
  }
  return reading;
}
