/**
 * What code does with the value it reads from `Retry-After`: delay-seconds or an HTTP-date
 * (RFC 9110 §10.2.3). The value is followed from the read (`res.headers.get('retry-after')`,
 * `headers['retry-after']`, a `const` naming the header, a destructured binding) through
 * variables, parses (`Number`, `parseInt`, `parseFloat`, `+`, arithmetic), `Date.parse` /
 * `new Date`, `* 1000`, `||` / `??` and `Math` clamps into a wait that takes milliseconds
 * (`setTimeout`, `timers/promises`, `delay`, a local sleep helper, an awaited `sleep(…)` from
 * elsewhere, a retry library's `retryDelay`). Three mistakes are found there: seconds used as
 * milliseconds, a numeric parse that lets NaN (an HTTP-date) reach the wait, and a date-only parse
 * (`Date.parse('120')` is the year 120). A value handed to any other call (`parseRetryAfter(h)`)
 * is trusted; so is whatever the flow cannot follow.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../core/node-types';

import type { Node } from '../core/ast';
import { enclosingFunction, literalString, memberName, skipWrappers } from '../core/ast';
import { resolveNumber } from '../core/static-values';
import { NUMBER_CHECKS, NUMERIC_PARSES, UNIT_KEEPING_MATH } from '../libraries/retry-after-values';
import type { HttpModel } from '../model';
import { comparedWithUndefined, fetchHeadersIndexRead } from './fetch-headers-index';
import { calleePath, MillisecondWaits, readsClock } from './millisecond-waits';
import { retryAfterKeys } from './retry-after-keys';
import type {
  Candidate,
  FetchHeadersIndex,
  FlowState,
  FunctionFlags,
  RetryAfterValueReads,
  RetryAfterWait,
} from './retry-after-mistakes';
import { judgeCandidate } from './retry-after-mistakes';

type Variable = TSESLint.Scope.Variable;

export type {
  FetchHeadersIndex,
  RetryAfterValueReads,
  RetryAfterWait,
  RetryAfterWaitMistake,
} from './retry-after-mistakes';

const MAX_HOPS = 4;
const MAX_STEPS = 40;
const COMPARISONS = new Set(['<', '>', '<=', '>=']);
const KEY = {};
const NONE: RetryAfterValueReads = { waits: [], indexReads: [] };

/** The file's `Retry-After` values that reach a wait wrongly, and its index reads of fetch headers. */
export function retryAfterValueReads(model: HttpModel): RetryAfterValueReads {
  if (!model.file.mentionsRetryAfter()) return NONE;
  return model.extension(KEY, () => new ValueFlow(model).build());
}

class ValueFlow {
  private readonly candidates: Candidate[] = [];
  private readonly flags = new Map<Node | undefined, FunctionFlags>();
  private readonly waits: MillisecondWaits;

  constructor(private readonly model: HttpModel) {
    this.waits = new MillisecondWaits(model);
  }

  build(): RetryAfterValueReads {
    const indexReads: FetchHeadersIndex[] = [];
    for (const key of retryAfterKeys(this.model)) {
      const indexRead = fetchHeadersIndexRead(this.model, key);
      if (indexRead)
        indexReads.push({
          member: indexRead,
          comparedWithUndefined: comparedWithUndefined(this.model, indexRead),
        });
      this.followRead(key);
    }
    const waits: RetryAfterWait[] = [];
    const seen = new Set<Node>();
    for (const candidate of this.candidates) {
      if (seen.has(candidate.duration)) continue;
      const wait = judgeCandidate(this.model.file, candidate, [
        this.flagsOf(candidate.state.read),
        this.flagsOf(candidate.duration),
      ]);
      if (!wait) continue;
      seen.add(candidate.duration);
      waits.push(wait);
    }
    return { waits, indexReads };
  }

  /** Follows the read a header key is part of: `h.get(key)`, `h[key]`, `_.get(o, 'a.retry-after')`, `{ [key]: v } = h`. */
  private followRead(key: Node): void {
    const parent = key.parent;
    if (!parent) return;
    let read: Node | undefined;
    if (parent.type === AST_NODE_TYPES.CallExpression) {
      const name = memberName(skipWrappers(parent.callee));
      const path = parent.arguments[1] === key && literalString(key)?.includes('.');
      if (name === 'get' && (parent.arguments[0] === key || path)) read = parent;
    } else if (
      parent.type === AST_NODE_TYPES.MemberExpression &&
      parent.computed &&
      parent.property === key
    ) {
      read = parent;
    } else if (
      parent.type === AST_NODE_TYPES.Property &&
      parent.key === key &&
      parent.parent.type === AST_NODE_TYPES.ObjectPattern &&
      parent.value.type === AST_NODE_TYPES.Identifier
    ) {
      const variable = this.model.file.variableOf(parent.value);
      if (variable) this.followVariable(variable, this.initial(parent.value), 0, false);
      return;
    }
    if (read) this.climb(read, this.initial(read), 0);
  }

  private initial(read: Node): FlowState {
    return {
      read,
      parsed: false,
      scaled: false,
      dated: false,
      guarded: false,
      rawVariables: [],
      scaleAt: undefined,
      straight: true,
    };
  }

  private flagsOf(node: Node): FunctionFlags {
    const fn = enclosingFunction(node);
    let flags = this.flags.get(fn);
    if (!flags)
      this.flags.set(fn, (flags = { secondsBranch: false, dateBranch: false, guard: false }));
    return flags;
  }

  /** Climbs from a node holding the value through what is done with it, up to a wait or a stop. */
  private climb(start: Node, initial: FlowState, hops: number): void {
    let current = start;
    let state = initial;
    for (let step = 0; step < MAX_STEPS; step++) {
      const raw = !state.parsed && !state.dated;
      const wait = this.waits.waitOf(current);
      if (wait) {
        this.candidates.push({ state, duration: current, unitKnown: wait.unitKnown });
        return;
      }
      const parent: Node | undefined = current.parent;
      if (!parent) return;
      switch (parent.type) {
        case AST_NODE_TYPES.TSAsExpression:
        case AST_NODE_TYPES.TSSatisfiesExpression:
        case AST_NODE_TYPES.TSNonNullExpression:
        case AST_NODE_TYPES.TSTypeAssertion:
        case AST_NODE_TYPES.ChainExpression:
        case AST_NODE_TYPES.AwaitExpression:
          break;
        case AST_NODE_TYPES.CallExpression: {
          if (parent.callee === current) return;
          const name = calleePath(parent.callee);
          if (name === undefined) return;
          if (NUMBER_CHECKS.has(name)) {
            this.flagsOf(parent).guard = true;
            if (raw) this.flagsOf(parent).secondsBranch = true;
            return;
          }
          if (parent.arguments[0] !== current && !/^Math\.(?:min|max)$/.test(name)) return;
          if (NUMERIC_PARSES.has(name)) {
            if (state.dated) return;
            if (raw) this.flagsOf(parent).secondsBranch = true;
            state = { ...state, parsed: true, scaleAt: state.scaleAt ?? parent, straight: true };
          } else if (name === 'Date.parse') {
            if (!raw) return;
            this.flagsOf(parent).dateBranch = true;
            state = { ...state, dated: true };
          } else if (name.startsWith('Math.') && UNIT_KEEPING_MATH.has(name.slice(5))) {
            if (raw) return;
          } else if (name !== 'String' || !raw) {
            return;
          }
          break;
        }
        case AST_NODE_TYPES.NewExpression: {
          const callee = skipWrappers(parent.callee);
          if (
            callee.type !== AST_NODE_TYPES.Identifier ||
            callee.name !== 'Date' ||
            parent.arguments[0] !== current ||
            !raw
          )
            return;
          this.flagsOf(parent).dateBranch = true;
          state = { ...state, dated: true };
          break;
        }
        case AST_NODE_TYPES.MemberExpression: {
          const call = parent.parent;
          if (
            parent.object !== current ||
            call?.type !== AST_NODE_TYPES.CallExpression ||
            call.callee !== parent
          )
            return;
          const name = memberName(parent);
          if (raw && (name === 'match' || name === 'test')) {
            this.flagsOf(parent).secondsBranch = true;
            this.flagsOf(parent).guard = true;
            return;
          }
          const keeps = raw
            ? name === 'trim' || name === 'toString'
            : state.dated && (name === 'getTime' || name === 'valueOf');
          if (!keeps) return;
          current = call;
          continue;
        }
        case AST_NODE_TYPES.UnaryExpression:
          if (parent.operator === '!' && !raw) this.flagsOf(parent).guard = true;
          if (parent.operator !== '+' || state.dated) return;
          state = { ...state, parsed: true, scaleAt: state.scaleAt ?? parent, straight: true };
          break;
        case AST_NODE_TYPES.BinaryExpression: {
          if (parent.left.type === AST_NODE_TYPES.PrivateIdentifier) return;
          const other = parent.left === current ? parent.right : parent.left;
          if (COMPARISONS.has(parent.operator)) {
            this.flagsOf(parent).guard = true;
            if (raw) this.flagsOf(parent).secondsBranch = true;
            return;
          }
          if (parent.operator === '*') {
            const factor = resolveNumber(this.model.file, other);
            if (factor === undefined || state.dated) return;
            if (raw) this.flagsOf(parent).secondsBranch = true;
            const scaled = state.scaled || factor === 1000;
            state = {
              ...state,
              parsed: true,
              scaled,
              scaleAt: state.scaleAt ?? parent,
              straight: false,
            };
          } else if (parent.operator === '-' || parent.operator === '+') {
            // A date minus now is a wait; seconds plus now is a deadline; a string plus is text.
            if (state.dated ? parent.operator !== '-' : raw || readsClock(other)) return;
            state = { ...state, straight: false };
          } else {
            return;
          }
          break;
        }
        case AST_NODE_TYPES.LogicalExpression:
          // `response && response.headers.get(…)` is the value; the right of `||`/`??` is a fallback.
          if (parent.right === current && parent.operator === '&&') break;
          if (parent.left !== current) return;
          if (parent.operator === '&&') {
            if (!raw) this.flagsOf(parent).guard = true;
            return;
          }
          if (parent.operator === '||' && !raw) state = { ...state, guarded: true };
          break;
        case AST_NODE_TYPES.ConditionalExpression:
          if (parent.test === current) {
            if (!raw) this.flagsOf(parent).guard = true;
            return;
          }
          break;
        case AST_NODE_TYPES.IfStatement:
        case AST_NODE_TYPES.WhileStatement:
          if (parent.test === current && !raw) this.flagsOf(parent).guard = true;
          return;
        case AST_NODE_TYPES.VariableDeclarator:
          if (parent.init !== current || parent.id.type !== AST_NODE_TYPES.Identifier) return;
          this.followIdentifier(parent.id, state, hops);
          return;
        case AST_NODE_TYPES.AssignmentExpression:
          if (
            parent.right !== current ||
            parent.operator !== '=' ||
            parent.left.type !== AST_NODE_TYPES.Identifier
          )
            return;
          this.followIdentifier(parent.left, state, hops);
          return;
        default:
          return;
      }
      current = parent;
    }
  }

  private followIdentifier(id: TSESTree.Identifier, state: FlowState, hops: number): void {
    const variable = this.model.file.variableOf(id);
    if (variable) this.followVariable(variable, state, hops, true);
  }

  /** Follows each read of a variable holding the value (a hop: the fix of a unit goes at the read). */
  private followVariable(
    variable: Variable,
    state: FlowState,
    hops: number,
    declared: boolean,
  ): void {
    if (hops >= MAX_HOPS || variable.defs.length !== 1) return;
    // A variable written again (`v = Number(v)`, `v = isNaN(v) ? date(v) : v * 1e3`) may hold a converted value at a later read.
    if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return;
    const raw = !state.parsed && !state.dated;
    for (const reference of variable.references) {
      if (!reference.isRead() || (declared && reference.init)) continue;
      this.climb(
        reference.identifier,
        {
          ...state,
          rawVariables: raw ? [...state.rawVariables, variable] : state.rawVariables,
          scaleAt: state.parsed ? reference.identifier : undefined,
          straight: true,
        },
        hops + 1,
      );
    }
  }
}
