/**
 * Test runners (node:test, tap, vitest, jest, mocha, ava, uvu): the calls whose function
 * argument is a test, a suite or a hook. A server handler registered inside one is a fixture
 * that plays a server, often a wrong one on purpose (a body with 204 to test that it is dropped).
 */
export interface TestRunnerNames {
  /** Called by name (a global or an import): `test(name, fn)`, `beforeEach(fn)`. */
  readonly calls: ReadonlySet<string>;
  /** Chained on a call name: `test.only`, `describe.each(table)(name, fn)`, `it.concurrent`. */
  readonly modifiers: ReadonlySet<string>;
  /** Called on the test context a test callback receives: `t.test(name, fn)`, `t.beforeEach(fn)`. */
  readonly contextCalls: ReadonlySet<string>;
  /** A runner's module object called with `.test`: `tap.test(name, fn)`. */
  readonly moduleObjects: ReadonlySet<string>;
}

export const TEST_RUNNERS: TestRunnerNames = {
  calls: new Set([
    'test',
    'it',
    'describe',
    'suite',
    'context',
    'specify',
    'before',
    'after',
    'beforeEach',
    'afterEach',
    'beforeAll',
    'afterAll',
  ]),
  modifiers: new Set([
    'only',
    'skip',
    'todo',
    'concurrent',
    'sequential',
    'serial',
    'failing',
    'fails',
    'each',
    'for',
    'skipIf',
    'runIf',
    'cb',
  ]),
  contextCalls: new Set(['test', 'before', 'after', 'beforeEach', 'afterEach']),
  moduleObjects: new Set(['tap', 't']),
};

/**
 * Assertion libraries' names, read two ways: an assertion that narrows (what follows it runs only
 * where the asserted condition holds: `core/exits.ts` `assertionOf`, for every path domain), and
 * any assertion on a value (a body fed to one is checked: `client/asserted-reads.ts`, for
 * require-status-check). A field read by one view only says so.
 */
export interface AssertionNames {
  /**
   * Assertion objects, read by both views: `assert.equal(a, b)`, `t.assert.deepStrictEqual`
   * (node:test), `chai.assert.deepEqual`; called by name too (`assert(res.ok)`).
   */
  readonly objects: ReadonlySet<string>;
  /** Narrowing: more functions called with the condition, besides `objects`: `invariant(res.ok, '…')`. */
  readonly conditionFunctions: ReadonlySet<string>;
  /** Narrowing: more objects whose truthy and equality methods narrow: `t.equal` (tap), `strict.equal` (`node:assert/strict`). */
  readonly narrowingObjects: ReadonlySet<string>;
  /** Narrowing: methods that assert their first argument is truthy: `assert.ok(x)`, `t.true(x)`. */
  readonly truthyMethods: ReadonlySet<string>;
  /** Narrowing: methods that assert their two arguments are equal: `assert.strictEqual(a, b)`, `t.is(a, b)`. */
  readonly equalityMethods: ReadonlySet<string>;
  /** Narrowing: `expect(a)` matchers that assert `a` equals their argument: `expect(status).toBe(200)`. */
  readonly expectEquality: ReadonlySet<string>;
  /** Narrowing: the `expect(a)` matcher that asserts `a` is truthy, with no argument. */
  readonly expectTruthy: string;
  /** On a value: more assertion objects, besides `objects`. */
  readonly valueObjects: ReadonlySet<string>;
  /** On a value: tap and AVA assertions on the test context: `t.same`, `t.deepEqual`, `t.is`. */
  readonly contextMethods: ReadonlySet<string>;
  /** On a value: names the test context goes by in tap, AVA and node:test callbacks. */
  readonly contextName: RegExp;
}

export const ASSERTIONS: AssertionNames = {
  objects: new Set(['assert']),
  conditionFunctions: new Set(['invariant']),
  narrowingObjects: new Set(['t', 'strict']),
  truthyMethods: new Set(['ok', 'assert', 'true', 'isTrue']),
  equalityMethods: new Set(['strictEqual', 'equal', 'equals', 'is']),
  expectEquality: new Set(['toBe', 'toEqual', 'toStrictEqual']),
  expectTruthy: 'toBeTruthy',
  valueObjects: new Set(['assertions']),
  contextMethods: new Set([
    'ok',
    'notOk',
    'equal',
    'not',
    'is',
    'same',
    'strictSame',
    'notSame',
    'deepEqual',
    'deepStrictEqual',
    'strictEqual',
    'like',
    'has',
    'hasStrict',
    'match',
    'matchOnly',
    'matchStrict',
    'truthy',
    'falsy',
    'true',
    'false',
    'snapshot',
    'matchSnapshot',
  ]),
  contextName: /^(?:t|tt|t\d|test|context|ctx)$/,
};
