import type { TSESLint } from '@typescript-eslint/utils';

type SourceCode = TSESLint.SourceCode;

import type { Node } from './core/ast';
import { resolveNumber } from './core/static-values';
import { AnalyzedFile } from './core/file';
import type { ConditionSets, Narrowing, StatusReader } from './status/narrowing';
import { conditionSets, narrowAt } from './status/narrowing';
import type { BodyParse, HttpRequest, TrackedResponse } from './client/requests';
import { RequestAnalysis } from './client/requests';
import { StatusSubject } from './status/subject';
import { firstHttpAnchor, hasServerAnchor } from './core/text-anchors';

/** How a variable relates to a status: it holds a response or error (`res`), or is the status (`code`). */
type SubjectKind = 'holder' | 'status';

/**
 * The HTTP semantics of one file, computed once and shared by every rule: requests and their
 * methods, the responses that flow from them, body parses, and status narrowing at any point.
 * Parts are built on first use, so a rule pays only for what it asks.
 */
export class HttpModel {
  readonly file: AnalyzedFile;
  private requestAnalysis: RequestAnalysis | undefined;
  /** The file's first anchor (`firstHttpAnchor`); null until the text is scanned. */
  private anchor: 'server' | 'other' | undefined | null = null;
  private serverAnchored: boolean | undefined;
  private parsesCollected = false;
  // Built on first use: a model is made for every file, most of which have no HTTP code.
  private subjectsByVariable:
    Map<TSESLint.Scope.Variable, Partial<Record<SubjectKind, StatusSubject>>> | undefined;
  /** Per-rule-family caches (retry paths, server sends) live here, keyed by their builder. */
  private extensions: Map<unknown, unknown> | undefined;
  private responsesByHolder: Map<TSESLint.Scope.Variable, TrackedResponse> | undefined;

  constructor(sourceCode: Readonly<SourceCode>) {
    this.file = new AnalyzedFile(sourceCode);
  }

  /**
   * Whether the file's text has an anchor of the analyses (`hasHttpAnchor`). Without one it has
   * no request, handler, retry or send: every analysis answers "none" without looking further.
   */
  get hasAnchor(): boolean {
    if (this.anchor === null)
      this.anchor = firstHttpAnchor(this.file.sourceCode.text, this.file.ast.comments ?? [], (n) =>
        this.file.textIncludes(n),
      );
    return this.anchor !== undefined;
  }

  /**
   * Whether the file's text has an anchor of the server analysis (`hasServerAnchor`): a file whose
   * only anchors are clients', `fetch` or retry predicates has no handler nor response to build.
   */
  get hasServerAnchor(): boolean {
    if (!this.hasAnchor) return false;
    return (this.serverAnchored ??=
      this.anchor === 'server' ||
      hasServerAnchor(this.file.sourceCode.text, this.file.ast.comments ?? [], (n) =>
        this.file.textIncludes(n),
      ));
  }

  private get analysis(): RequestAnalysis {
    return (this.requestAnalysis ??= new RequestAnalysis(this.file));
  }

  /** Every HTTP request the file sends, in source order. */
  get requests(): readonly HttpRequest[] {
    return this.hasAnchor ? this.analysis.requests : [];
  }

  /** Every value known to hold an HTTP response. */
  get responses(): readonly TrackedResponse[] {
    return this.hasAnchor ? this.analysis.responses : [];
  }

  /** Every JSON parse of a response body, in source order. */
  get bodyParses(): readonly BodyParse[] {
    if (!this.hasAnchor) return [];
    const analysis = this.analysis;
    if (!this.parsesCollected) {
      analysis.collectBodyParses();
      this.parsesCollected = true;
    }
    return analysis.bodyParses;
  }

  /** The first tracked response that `variable` holds (`const res = await fetch(u)`). */
  responseHeldBy(variable: TSESLint.Scope.Variable): TrackedResponse | undefined {
    if (!this.responsesByHolder) {
      this.responsesByHolder = new Map();
      for (const response of this.responses) {
        for (const holder of response.subject.holderVariables)
          if (!this.responsesByHolder.has(holder)) this.responsesByHolder.set(holder, response);
      }
    }
    return this.responsesByHolder.get(variable);
  }

  /**
   * A status subject for any variable that holds a response, an HTTP error or a status:
   * `err` in `catch (err)` reads `err.response.status`, `err.status`, `err.statusCode`.
   */
  subjectOfVariable(
    variable: TSESLint.Scope.Variable,
    kind: SubjectKind = 'holder',
  ): StatusSubject {
    const byVariable = (this.subjectsByVariable ??= new Map());
    let subjects = byVariable.get(variable);
    if (!subjects) byVariable.set(variable, (subjects = {}));
    let subject = subjects[kind];
    if (!subject) {
      subject = new StatusSubject(this.file);
      if (kind === 'holder') subject.addHolderVariable(variable);
      else subject.addStatusVariable(variable);
      subjects[kind] = subject;
    }
    return subject;
  }

  /** The statuses the subject can have at `node`. */
  statusesAt(node: Node, subject: StatusReader, stopAt?: Node): Narrowing {
    return narrowAt(this.file, node, subject, stopAt);
  }

  /** The statuses for which a condition holds or fails; undefined if it does not test the subject. */
  conditionSets(condition: Node, subject: StatusReader): ConditionSets | undefined {
    return conditionSets(this.file, condition, subject);
  }

  /** The number a status constant stands for (`204`, `StatusCodes.NO_CONTENT`, a `const`). */
  resolveStatus(node: Node): number | undefined {
    return resolveNumber(this.file, node);
  }

  /** A cache for analyses built on this model (retry paths, server sends): built once per file. */
  extension<T>(key: object, build: (model: HttpModel) => T): T {
    const extensions = (this.extensions ??= new Map());
    if (!extensions.has(key)) extensions.set(key, build(this));
    return extensions.get(key) as T;
  }
}

// Every rule of this plugin runs on `Program:exit`, so hosts run the rules of one file one after
// another: the model of the file linted last is the only one asked for again. A host that
// interleaved files would rebuild a model, not share a wrong one (a WeakMap of models cost more
// per file than a file without HTTP code costs the rules). Keyed by the file's AST, not by its
// SourceCode: oxlint's JS plugins hand every file the same SourceCode object
// (test/integration/oxlint.test.ts lints several files in one run).
let lastAst: object | undefined;
let lastModel: HttpModel | undefined;

/** The file's HTTP model, shared by every rule that lints it. */
export function getHttpModel(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  program?: object,
): HttpModel {
  // The program node a `Program:exit` listener gets is the AST: the rules after the first reuse
  // the model without a read through their context (a cold read on ESLint's new context per file).
  if (program !== undefined && program === lastAst && lastModel) return lastModel;
  const { sourceCode } = context;
  if (sourceCode.ast !== lastAst || !lastModel) {
    lastModel = new HttpModel(sourceCode);
    lastAst = sourceCode.ast;
  }
  return lastModel;
}
