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

/** Assertions a test makes on a value: what a body fed to one is checked by (`require-status-check`). */
export interface TestAssertionNames {
  /** Assertion objects: `assert(x)`, `assert.equal`, `t.assert.deepStrictEqual`, `chai.assert.deepEqual`. */
  readonly objects: ReadonlySet<string>;
  /** tap and AVA assertions on the test context: `t.same`, `t.deepEqual`, `t.is`. */
  readonly contextMethods: ReadonlySet<string>;
  /** Names the test context goes by in tap, AVA and node:test callbacks. */
  readonly contextName: RegExp;
}

export const TEST_ASSERTIONS: TestAssertionNames = {
  objects: new Set(['assert', 'assertions']),
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
