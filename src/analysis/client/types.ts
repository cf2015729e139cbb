import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import type { FunctionNode, Node } from '../core/ast';
import type { AnalyzedFile } from '../core/file';
import type { CallShape, HttpClient } from '../libraries/clients';
import type { StatusSubject } from '../status/subject';

/** What the code says about a request's method. */
export interface RequestMethod {
  /** The methods it can be, upper case; `undefined` when not known statically. */
  readonly methods: ReadonlySet<string> | undefined;
  /** The method comes from a parameter of an enclosing function: callers choose it. */
  readonly forwarded: boolean;
  /** The expression the method was read from, when there is one. */
  readonly node?: Node;
}

export interface HttpRequest {
  /** The call that sends the request. */
  readonly node: TSESTree.CallExpression;
  readonly client: HttpClient;
  readonly method: RequestMethod;
}

/** A value that holds a request's response, and how the code reads its status. */
export interface TrackedResponse {
  readonly request: HttpRequest;
  /** The call or parameter where the response first appears in the code. */
  readonly origin: Node;
  readonly subject: StatusSubject;
  /** When the response reaches the code through a local helper, the call of that helper. */
  readonly helperCall?: TSESTree.CallExpression;
  /**
   * The response is the parameter of a local function passed by name (`.then(parseJson)`):
   * other code may call that function too.
   */
  readonly byReference?: boolean;
  /** The `for…of` loop whose value is the response (`for await (const res of pages())`). */
  readonly loop?: TSESTree.ForOfStatement;
}

/** A parse of a response body as JSON. */
export interface BodyParse {
  /** `res.json()`, `ky(u).json()`, or `JSON.parse(…)`. */
  readonly node: TSESTree.CallExpression;
  readonly kind: 'json' | 'json-parse-text';
  /** The object `.json()` or `.text()` is called on. */
  readonly receiver: Node;
  /** The `.text()` call inside `JSON.parse`, for `json-parse-text`. */
  readonly textCall?: TSESTree.CallExpression;
  readonly request: HttpRequest;
  /** The response whose body is parsed; undefined for a parse on the request promise (`ky(u).json()`). */
  readonly response?: TrackedResponse;
  /** Whether the client's parse throws on an empty body. */
  readonly throwsOnEmpty: boolean;
  /**
   * The parse runs through a reference: a bound parse called later (`read()` after
   * `const read = res.json.bind(res)`), or in a function passed by name (`.then(parseJson)`).
   * A guard there can change what other callers get.
   */
  readonly byReference?: boolean;
}

export interface TraceInfo {
  readonly client: HttpClient;
  readonly shape: CallShape;
  readonly member?: string;
}

/** How far a value is followed through variables, instances and chains. */
export const MAX_ORIGIN_DEPTH = 4;

/** The state the client analysis shares while it finds requests, follows responses and parses. */
export interface ClientContext {
  readonly file: AnalyzedFile;
  readonly requests: HttpRequest[];
  readonly responses: TrackedResponse[];
  readonly bodyParses: BodyParse[];
  readonly requestByNode: Map<Node, HttpRequest>;
  readonly helpersSeen: Set<FunctionNode>;
  /** The subject of the responses assigned to a variable (`res = await fetch(u)`). */
  readonly assignedSubjects: Map<TSESLint.Scope.Variable, StatusSubject>;
  /** The requests already followed out of each generator (`yield await fetch(u)`). */
  readonly generatorsFollowed: Map<FunctionNode, Set<HttpRequest>>;
}
