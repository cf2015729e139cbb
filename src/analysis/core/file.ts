import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type SourceCode = TSESLint.SourceCode;

import { AST_NODE_TYPES } from './node-types';

import type { FunctionNode, Node } from './ast';
import { GLOBAL_OBJECT_NAMES, isFunction, itemsWithin, literalString } from './ast';
import { KNOWN_MODULES, mayNameKnownModule, mentionsRetryAfter } from './text-anchors';
import {
  indexNodesByType,
  nodeAtOffset,
  nodesOfOneType,
  nodesOutsideFunctions,
} from './node-index';

/**
 * Types left out of the node index, listed on demand: identifiers are a third of a file's nodes,
 * and only the search for a wait named for `Retry-After` lists them.
 */
const LAZY_TYPES: ReadonlySet<string> = new Set([AST_NODE_TYPES.Identifier]);

/** The node types of ESTree and TS-ESTree: a program's other nodes are its parser's own. */
const ESTREE_TYPES: ReadonlySet<string> = new Set(Object.values(AST_NODE_TYPES));

/**
 * One linted file, as the analysis sees it: the source code, scopes, and an index of its nodes
 * by type, so no part of the analysis (and no rule) walks the AST again.
 *
 * Touching every node costs more than all the rules' other work on a typical file, so the
 * analyses start from anchors that need no walk (imports, `require` calls and global references
 * from the scope manager, functions from their scopes, a substring of the source text) and ask
 * for the index only when a file has them.
 */
export class AnalyzedFile {
  private nodeIndex: Map<string, Node[]> | undefined;
  private lazyLists: Map<string, Node[]> | undefined;
  private sources: ReadonlySet<string> | undefined;
  private requires: TSESTree.CallExpression[] | undefined;
  private computedRequire = false;
  private namesKnownModule: boolean | undefined;
  private functionScopeList: Array<TSESLint.Scope.Scope & { block: FunctionNode }> | undefined;
  private textFound: Map<string, boolean> | undefined;
  private topLevelStatements: readonly TSESTree.ProgramStatement[] | undefined;
  private dynamicImportList: readonly TSESTree.ImportExpression[] | undefined;
  private namesRetryAfter: boolean | undefined;
  // Maps, made on first use: a model is made for every file, and a WeakMap costs more to make and
  // to collect. The file's nodes and scopes live as long as this object anyway.
  private scopeMap: Map<Node, TSESLint.Scope.Scope> | undefined;
  private variableMap:
    Map<TSESLint.Scope.Scope, Map<string, TSESLint.Scope.Variable | null>> | undefined;

  constructor(readonly sourceCode: Readonly<SourceCode>) {}

  get ast(): TSESTree.Program {
    return this.sourceCode.ast;
  }

  get scopeManager(): TSESLint.Scope.ScopeManager {
    // ESLint 9+ always provides one; oxlint's JS plugins too.
    return this.sourceCode.scopeManager as TSESLint.Scope.ScopeManager;
  }

  /**
   * The innermost scope around `node`, as `sourceCode.getScope`. Every node passed on the way up
   * to a node with a scope keeps the answer: getScope climbs the parents each time and remembers
   * only the node asked, so the n rungs of an `else if` ladder would climb n² parents.
   */
  scopeOf(node: Node): TSESLint.Scope.Scope {
    const scopes = (this.scopeMap ??= new Map());
    const known = scopes.get(node);
    if (known) return known;
    const manager = this.scopeManager;
    if (node.type === AST_NODE_TYPES.Program || typeof manager.acquire !== 'function')
      return this.sourceCode.getScope(node);
    const passed: Node[] = [];
    let scope: TSESLint.Scope.Scope | undefined;
    for (let current: Node | undefined = node; current; current = current.parent) {
      // The program's scope for `getScope(program)` is its outermost one, not the one its
      // statements see: the program keeps no answer.
      if (current.type === AST_NODE_TYPES.Program) break;
      scope = scopes.get(current);
      if (scope) break;
      passed.push(current);
      // A node with its own scope answers for itself and every node below it on the way.
      if (manager.acquire(current, true)) {
        scope = this.sourceCode.getScope(current);
        break;
      }
    }
    scope ??= this.sourceCode.getScope(node);
    for (const passedNode of passed) scopes.set(passedNode, scope);
    return scope;
  }

  /**
   * The variable an identifier refers to, looked up from its own (innermost) scope outwards. As
   * `ASTUtils.findVariable(scopeOf(identifier), identifier)` without its search for the innermost
   * scope among the scope's children: linear in their number, so quadratic over a module of many
   * functions. Every scope passed on the way up keeps the answer for the name: n nested blocks
   * each reading a variable declared above them would climb n² scopes.
   */
  variableOf(identifier: TSESTree.Identifier): TSESLint.Scope.Variable | null {
    const name = identifier.name;
    const variablesByScope = (this.variableMap ??= new Map());
    const passed: TSESLint.Scope.Scope[] = [];
    let found: TSESLint.Scope.Variable | null | undefined;
    for (
      let scope: TSESLint.Scope.Scope | null = this.scopeOf(identifier);
      scope;
      scope = scope.upper
    ) {
      const byName = variablesByScope.get(scope);
      found = byName?.get(name);
      if (found !== undefined) break;
      passed.push(scope);
      found = scope.set.get(name);
      if (found) break;
    }
    found ??= null;
    for (const scope of passed) {
      let byName = variablesByScope.get(scope);
      if (!byName) variablesByScope.set(scope, (byName = new Map()));
      byName.set(name, found);
    }
    return found;
  }

  /**
   * Whether the source text contains one of the strings: a sound pre-check before scanning for a
   * name. Each string is searched for once per file: the analyses ask for the same ones.
   */
  textIncludes(...needles: readonly string[]): boolean {
    const found = (this.textFound ??= new Map());
    return needles.some((needle) => {
      let included = found.get(needle);
      if (included === undefined)
        found.set(needle, (included = this.sourceCode.text.includes(needle)));
      return included;
    });
  }

  /** Whether the source text has `retry-after` in any letter case (`mentionsRetryAfter`), searched once per file. */
  mentionsRetryAfter(): boolean {
    return (this.namesRetryAfter ??= mentionsRetryAfter(this.sourceCode.text));
  }

  /**
   * Every reference to a global named `name`, declared or not, or to a module-level variable of
   * that name (`const require = createRequire(import.meta.url)`). Found through scopes, not by a walk.
   */
  referencesNamed(name: string): TSESLint.Scope.Reference[] {
    const { globalScope } = this.scopeManager;
    if (!globalScope) return [];
    const references = globalScope.through.filter(
      (reference) => reference.identifier.name === name,
    );
    for (const scope of [globalScope, ...globalScope.childScopes]) {
      const variable = scope.set.get(name);
      if (variable) references.push(...variable.references);
    }
    return references;
  }

  /**
   * Whether ReferenceTracker's pass over declared globals can find anything: one of the names, or
   * an object that holds the globals (`globalThis`, `window`), is a declared global that is used.
   * Undeclared globals are the scope manager's `through` references, read without the tracker.
   */
  mayUseDeclaredGlobal(names: Iterable<string>): boolean {
    const set = this.scopeManager.globalScope?.set;
    if (!set) return false;
    for (const name of GLOBAL_OBJECT_NAMES)
      if ((set.get(name)?.references.length ?? 0) > 0) return true;
    for (const name of names) if ((set.get(name)?.references.length ?? 0) > 0) return true;
    return false;
  }

  /** The calls of `require` with a string: `require('express')`, with a global or a local `require`. */
  requireCalls(): readonly TSESTree.CallExpression[] {
    if (this.requires) return this.requires;
    const calls = new Set<TSESTree.CallExpression>();
    this.computedRequire = false;
    for (const { identifier } of this.referencesNamed('require')) {
      const call = identifier.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== identifier) continue;
      const argument = call.arguments[0];
      if (argument?.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string')
        calls.add(call);
      else if (argument) this.computedRequire = true;
    }
    return (this.requires = [...calls].sort((a, b) => a.range[0] - b.range[0]));
  }

  /**
   * The statements at the module's top level: the program's, and those in a node of the parser's
   * own (not ESTree) at the program's top with a list as its `body`: svelte-eslint-parser puts a
   * component's `<script>` (its imports too) in a `SvelteScriptElement`.
   */
  moduleStatements(): readonly TSESTree.ProgramStatement[] {
    if (this.topLevelStatements) return this.topLevelStatements;
    const isScriptOfParser = (node: Node): node is Node & { body: TSESTree.ProgramStatement[] } =>
      !ESTREE_TYPES.has(node.type) && Array.isArray((node as { body?: unknown }).body);
    const { body } = this.ast;
    return (this.topLevelStatements = body.some(isScriptOfParser)
      ? body.flatMap((node) => (isScriptOfParser(node) ? node.body : [node]))
      : body);
  }

  /**
   * The global scope for ReferenceTracker, whose ESM pass reads the imports from the scope's
   * `block.body`: where the parser holds them in its own nodes (`moduleStatements`), a view of the
   * scope whose block lists them.
   */
  trackerScope(): TSESLint.Scope.Scope {
    const globalScope = this.scopeManager.globalScope!;
    const statements = this.moduleStatements();
    if (statements === this.ast.body) return globalScope;
    return Object.create(globalScope, {
      block: { value: { ...this.ast, body: statements } },
    }) as TSESLint.Scope.Scope;
  }

  /**
   * The known modules (`KNOWN_MODULES`) the file imports (`import … from 's'`, `export … from 's'`)
   * or requires (`require('s')`). Only files with an anchor (`HttpModel.hasAnchor`) are asked:
   * for them a look at the top-level statements and `require` references costs less than another
   * scan of the text.
   */
  knownModuleSources(): ReadonlySet<string> {
    if (this.sources) return this.sources;
    const sources = new Set<string>();
    for (const statement of this.moduleStatements()) {
      if (
        (statement.type === AST_NODE_TYPES.ImportDeclaration ||
          statement.type === AST_NODE_TYPES.ExportAllDeclaration ||
          (statement.type === AST_NODE_TYPES.ExportNamedDeclaration && statement.source)) &&
        KNOWN_MODULES.has(statement.source!.value)
      ) {
        sources.add(statement.source!.value);
      }
    }
    for (const call of this.requireCalls()) {
      const source = (call.arguments[0] as TSESTree.StringLiteral).value;
      if (KNOWN_MODULES.has(source)) sources.add(source);
    }
    for (const expression of this.dynamicImports()) sources.add(literalString(expression.source)!);
    return (this.sources = sources);
  }

  /**
   * The dynamic imports of known modules (`await import('ky')`), only in files whose text has
   * `import(` and names a known module.
   */
  dynamicImports(): readonly TSESTree.ImportExpression[] {
    if (this.dynamicImportList) return this.dynamicImportList;
    if (
      !this.textIncludes('import(') ||
      !(this.namesKnownModule ??= mayNameKnownModule(this.sourceCode.text))
    )
      return (this.dynamicImportList = []);
    return (this.dynamicImportList = this.importExpressions().filter((expression) => {
      const source = literalString(expression.source);
      return source !== undefined && KNOWN_MODULES.has(source);
    }));
  }

  /**
   * Every `import(…)` expression, in source order: each starts at a word `import` of the text,
   * where a descent from the root finds it (`nodeAt`). Cheaper than the node index, which these
   * files (compiled CommonJS with a lazy `import()`) often need for nothing else.
   */
  private importExpressions(): TSESTree.ImportExpression[] {
    if (this.nodeIndex) return this.nodesOfType(AST_NODE_TYPES.ImportExpression);
    const { text } = this.sourceCode;
    const found: TSESTree.ImportExpression[] = [];
    for (let at = text.indexOf('import'); at !== -1; at = text.indexOf('import', at + 6)) {
      const node = this.nodeAt(at);
      if (node?.type === AST_NODE_TYPES.ImportExpression && node.range[0] === at) found.push(node);
    }
    return found;
  }

  /**
   * Whether the file may import or require one of the modules (known ones): one it names, or any
   * when it names a known module and requires a computed name. Lets an analysis skip
   * ReferenceTracker's module passes, which evaluate every `require` call.
   */
  mayImport(modules: { has(module: string): boolean }): boolean {
    const sources = this.knownModuleSources();
    for (const source of sources) if (modules.has(source)) return true;
    return (
      this.computedRequire && (this.namesKnownModule ??= mayNameKnownModule(this.sourceCode.text))
    );
  }

  /**
   * The nodes of a type inside `container`, outside the functions nested in it, in source order:
   * a walk of the container alone, for an analysis that would be the file's only reason to
   * build the node index (a `try` block whose `catch` may retry).
   */
  nodesOfTypeOutsideFunctions<T extends Node['type']>(
    type: T,
    container: Node,
  ): Array<Extract<Node, { type: T }>> {
    return nodesOutsideFunctions(this.sourceCode, type, container) as Array<
      Extract<Node, { type: T }>
    >;
  }

  /**
   * Every `catch` clause, in source order: the blocks of the scope manager's catch scopes, with no
   * need of the node index, which a file whose only use of it this would be need not build.
   */
  catchClauses(): readonly TSESTree.CatchClause[] {
    const scopes = this.scopeManager.scopes;
    if (!Array.isArray(scopes)) return this.nodesOfType(AST_NODE_TYPES.CatchClause);
    const clauses: TSESTree.CatchClause[] = [];
    for (const scope of scopes)
      if (scope.type === 'catch' && scope.block.type === AST_NODE_TYPES.CatchClause)
        clauses.push(scope.block);
    return clauses;
  }

  /** The scope of every function, in the scope manager's order (source order with ESLint's parsers). */
  functionScopes(): ReadonlyArray<TSESLint.Scope.Scope & { block: FunctionNode }> {
    if (this.functionScopeList) return this.functionScopeList;
    const scopes: Array<TSESLint.Scope.Scope & { block: FunctionNode }> = [];
    if (!Array.isArray(this.scopeManager.scopes)) {
      // A host without the list of scopes: find the functions in the index.
      const functions = [
        ...this.nodesOfType(AST_NODE_TYPES.FunctionDeclaration),
        ...this.nodesOfType(AST_NODE_TYPES.FunctionExpression),
        ...this.nodesOfType(AST_NODE_TYPES.ArrowFunctionExpression),
      ].sort((a, b) => a.range[0] - b.range[0]);
      for (const fn of functions) {
        const scope = this.scopeManager.acquire(fn, true);
        if (scope?.block === fn)
          scopes.push(scope as TSESLint.Scope.Scope & { block: FunctionNode });
      }
      return (this.functionScopeList = scopes);
    }
    for (const scope of this.scopeManager.scopes) {
      // `function-expression-name` scopes share their block with the function's own scope.
      if (scope.type === 'function' && isFunction(scope.block as Node))
        scopes.push(scope as TSESLint.Scope.Scope & { block: FunctionNode });
    }
    return (this.functionScopeList = scopes);
  }

  /** Whether a function scope lies in no other function (module level, a class body, an object at module level). */
  static isTopLevelFunction(scope: TSESLint.Scope.Scope): boolean {
    for (let upper = scope.upper; upper; upper = upper.upper) {
      if (upper.type === 'function' && isFunction(upper.block as Node)) return false;
    }
    return true;
  }

  /**
   * The innermost node whose range contains the text offset: a descent from the root through the
   * children that contain it (binary search in lists), not a walk over the file.
   */
  nodeAt(offset: number): Node | undefined {
    return nodeAtOffset(this.sourceCode, offset);
  }

  /** Every node of the given types, in source order. */
  nodesOfType<T extends Node['type']>(type: T): Array<Extract<Node, { type: T }>> {
    if (LAZY_TYPES.has(type)) {
      const lists = (this.lazyLists ??= new Map());
      let list = lists.get(type);
      if (!list) lists.set(type, (list = nodesOfOneType(this.sourceCode, type)));
      return list as Array<Extract<Node, { type: T }>>;
    }
    return (this.index().get(type) ?? []) as Array<Extract<Node, { type: T }>>;
  }

  /**
   * The nodes of a type inside `container` (or inside `[start, end)`), found by binary search:
   * each type's list is in source order, so scoped scans cost their result, not the file.
   */
  nodesOfTypeIn<T extends Node['type']>(
    type: T,
    container: Node,
  ): Array<Extract<Node, { type: T }>>;
  nodesOfTypeIn<T extends Node['type']>(
    type: T,
    start: number,
    end: number,
  ): Array<Extract<Node, { type: T }>>;
  nodesOfTypeIn<T extends Node['type']>(
    type: T,
    containerOrStart: Node | number,
    maybeEnd?: number,
  ): Array<Extract<Node, { type: T }>> {
    const [start, end] =
      typeof containerOrStart === 'number'
        ? [containerOrStart, maybeEnd ?? containerOrStart]
        : containerOrStart.range;
    return itemsWithin(this.nodesOfType(type), (node) => node, start, end);
  }

  private index(): Map<string, Node[]> {
    return (this.nodeIndex ??= indexNodesByType(this.sourceCode, LAZY_TYPES));
  }
}
