import type { TSESLint } from '@typescript-eslint/utils';

import type { FunctionNode, Node } from '../core/ast';
import type {
  AccessPath,
  AcceptedStatuses,
  BodyOnNullStatus,
  ResponseFactory,
  ServerFramework,
} from '../libraries/frameworks';

/**
 * Server sends: every place a server handler sends a body, the framework, and the status it is
 * sent with (a constant, the framework's default, or unknown when computed at run time), with
 * an edit that sets another status in the framework's own form.
 */

export type SendStatus =
  /** A status the code writes: `res.status(200)`, `{ status: 201 }`, `ctx.status = 200`. */
  | { readonly kind: 'constant'; readonly value: number; readonly node: Node }
  /** No status is set: the framework sends its default. */
  | { readonly kind: 'default'; readonly value: number }
  /** The status is computed at run time or may be set elsewhere. */
  | { readonly kind: 'unknown' };

export type StatusFixer = (fixer: TSESLint.RuleFixer, status: number) => TSESLint.RuleFix[];

/** Edits that send the same status without a body: `res.status(204).end()`, `c.body(null, 204)`, `new Response(null, init)`. */
export interface BodyRemoval {
  /** The text ranges the edit replaces, with their replacements. */
  readonly replacements: ReadonlyArray<{
    readonly range: readonly [number, number];
    readonly text: string;
  }>;
  /** The send's value changes type (`json(b, 204)` → `new Response(null, …)`): typed code around it may not accept it. */
  readonly changesType: boolean;
}

export interface ServerSend {
  /** The send: a call, an assignment (`ctx.body = b`), a return, a construction, or a result object. */
  readonly node: Node;
  readonly framework: ServerFramework;
  /** The body as written (`{ error }`, `JSON.stringify({ error })`, `err`). */
  readonly body: Node;
  /** `json`: the value is serialised (`null` is sent as the text `null`); `raw`: sent as written (`null` and `undefined` send none). */
  readonly encoding: 'json' | 'raw';
  /** The response factory the send is built with (`Response.json`, `new Response`), if any. */
  readonly factory?: ResponseFactory;
  readonly status: SendStatus;
  /** The route handler the send belongs to, when it is sent through a handler's response. */
  readonly handler: FunctionNode | undefined;
  /** Edits that send `status` instead; undefined when the code has no place to say it. */
  readonly setStatus: StatusFixer | undefined;
  /** What the framework does with a body sent with a null-body status; undefined when not known. */
  readonly bodyOnNullStatus: BodyOnNullStatus | undefined;
  /** Edits that send the same status without the body; undefined when the code has no such form. */
  readonly removeBody: BodyRemoval | undefined;
  /**
   * The framework was inferred from how the handler uses its parameters (`(req, reply) => reply.status(…)`),
   * not from an import, a type or a traced app: an edit in its own form (`res.end()`) is then a guess.
   */
  readonly frameworkGuessed?: boolean;
}

/**
 * A status as the code hands it to a server API (`res.status(404)`, `{ status: 404 }` of a
 * `Response` init, `ctx.status = 404`, `Response.redirect(url, 301)`, SvelteKit `error(404)`),
 * with what that API accepts. Every one the analysis finds, whatever body is sent, if any.
 */
export interface StatusArgument {
  /** The expression as written. */
  readonly node: Node;
  readonly framework: ServerFramework;
  readonly accepts: AcceptedStatuses;
  /** `init`: a bare value where the API takes an init object (`new Response(body, 404)`). */
  readonly place: 'status' | 'init';
}

export interface ServerAnalysis {
  readonly sends: readonly ServerSend[];
  /** Every status given to a server API, in source order. */
  readonly statusArguments: readonly StatusArgument[];
}

export interface Handler {
  readonly fn: FunctionNode;
  readonly framework: ServerFramework;
}

/** A variable that holds the handler's response or context, and the path it stands for (`set` in `({ set }) => …` is `['set']`). */
export interface ResponseRoot {
  readonly variable: TSESLint.Scope.Variable;
  readonly prefix: AccessPath;
}

export interface Setter {
  /** The call or assignment that sets the status (or passes the response away). */
  readonly node: Node;
  /** The status expression; undefined when the response is handed to other code. */
  readonly value: Node | undefined;
}

export type StatusFixerFactory = (status: SendStatus) => StatusFixer | undefined;

export interface PendingSend {
  readonly node: Node;
  readonly framework: ServerFramework;
  readonly body: Node;
  readonly handler: FunctionNode;
  /** A status set in the send's own chain (`res.status(n).json(b)`). */
  readonly chainStatus?: Node;
  /** A status argument of the send itself (Express 4 `res.json(n, b)`, Hono `c.json(b, n)`, Elysia `status(n, b)`). */
  readonly argumentStatus?: Node;
  /** The status of an init object the send takes (Hono `c.json(b, { status })`). */
  readonly statusInInit?: SendStatus;
  /** The edit that sets another status, given the status the send is found to have. */
  readonly fixerFor: StatusFixerFactory;
  /** `json` when the send serialises its body (`res.json`); `raw` when absent. */
  readonly encoding?: 'json' | 'raw';
  readonly removeBody?: BodyRemoval;
}
