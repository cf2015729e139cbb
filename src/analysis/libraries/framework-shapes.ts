/**
 * The shape of a server framework row (`SERVER_FRAMEWORKS` in frameworks.ts): what each field
 * says about how a framework sends bodies and statuses.
 */

export type ServerFrameworkId =
  | 'express'
  | 'fastify'
  | 'koa'
  | 'hono'
  | 'next'
  | 'sveltekit'
  | 'remix'
  | 'react-router'
  | 'h3'
  | 'elysia'
  | 'azure-functions'
  | 'node-http'
  | 'web'
  | 'aws-lambda';

/**
 * How a framework's handlers send a body:
 * - `response`: a response object with chainable status setters (`res.status(n).json(b)`).
 * - `context-body`: assignments to a context (`ctx.status = n; ctx.body = b`, in any order).
 * - `context-json`: a context method taking the status after the body (`c.json(b, n)`).
 * - `return`: the handler's return value is the body; the status is set on the context.
 */
export type ServerSendStyle = 'response' | 'context-body' | 'context-json' | 'return';

/** A property path on the handler's response or context parameter: `['statusCode']`, `['set', 'status']`. */
export type AccessPath = readonly string[];

/**
 * The statuses an API accepts, as its runtime checks them: a range or a list, and what it does
 * with a string (`'404'`). Outside them the call throws, or the status is silently replaced.
 */
export interface AcceptedStatuses {
  /** How messages name the API: `Express`, `the Response constructor`, `Response.redirect()`. */
  readonly api: string;
  /** Inclusive bounds; absent when `values` lists them. */
  readonly range?: readonly [number, number];
  /** The only statuses accepted (`Response.redirect`: 301, 302, 303, 307, 308). */
  readonly values?: readonly number[];
  /**
   * What the API does with a string or a fraction: `throw` (Express 5, Koa: a status must be an
   * integer), or `convert` it to an integer (WebIDL's `unsigned short`, Node `http`: `'404'` and
   * `404.5` are 404).
   */
  readonly strings: 'throw' | 'convert';
  /** Init keys of a platform that takes other statuses with them (Workers: 101 with `webSocket`): then the status is not judged. */
  readonly uncheckedWith?: readonly string[];
}

/** A function that takes a status as an argument, or as a property of an options argument. */
export interface StatusCall {
  /** Path from the module (or global) to the function: `['Response', 'redirect']` of a global is `['redirect']`. */
  readonly path: readonly string[];
  /** The argument that holds the status. */
  readonly argument: number;
  /** `value`: the argument is the status; `options`: an object whose `properties` hold it (h3 `createError({ statusCode })`); `either`. */
  readonly form: 'value' | 'options' | 'either';
  /** Keys of an options argument that hold the status. */
  readonly properties?: readonly string[];
  readonly statuses: AcceptedStatuses;
}

/** An export that builds a response from a body and an optional init (`NextResponse.json`, SvelteKit `json`). */
export interface ResponseFactory {
  /** Path from the module (or global) to the function: `['NextResponse', 'json']`, `['json']`, `[]`. */
  readonly path: readonly string[];
  /** Called with `new` (`new Response(…)`) rather than called. */
  readonly construct?: boolean;
  /** A static method of a `Response` class (`Response.json`, `NextResponse.json`): `new` on its owner builds one without a body. */
  readonly classMethod?: boolean;
  /** `value`: the first argument is the body, serialised as JSON; `string`: it is sent as written (`JSON.stringify(b)`, text, bytes). */
  readonly body: 'value' | 'string';
  /** The second argument: an init object with `status`, or also a bare status number (Remix, React Router). */
  readonly init: 'init' | 'init-or-status';
  /** The statuses its init accepts. */
  readonly statuses: AcceptedStatuses;
}

/**
 * What a framework does with a body sent with a null-body status (204, 205, 304, 1xx): a WHATWG
 * `Response` host `throws` (`TypeError: Response constructor: Invalid response status code 204`,
 * so the client gets a 500), others drop the body silently. Every response factory builds a
 * WHATWG `Response`, so it throws.
 */
export type BodyOnNullStatus = 'throws' | 'dropped';

/** How a response or context sends the same status without a body (`res.end()`, `c.body(null)`). */
export interface BodylessSend {
  /** The method to call instead. */
  readonly method: string;
  /** `omit`: call it without arguments; `null`: pass `null` for the body, keep the other arguments. */
  readonly body: 'omit' | 'null';
}

/** Plain objects a platform turns into a response (`{ statusCode, body }` for AWS Lambda proxies). */
export interface ResultObject {
  /** The key that holds the status. */
  readonly statusKey: string;
  /** The key that holds the body, and whether it is a string (`JSON.stringify(b)`) or the value. */
  readonly bodyKey: string;
  readonly body: 'value' | 'string';
  /** Whether an object without the status key is still a response (sent with the default status). */
  readonly statusOptional: boolean;
}

/**
 * Server frameworks: where they come from and how their handlers send bodies and statuses (facts
 * in docs/libraries.md and ../shared/notes/server-frameworks.md). The server analysis reads them;
 * adding a framework is adding a row.
 */
export interface ServerFramework {
  readonly id: ServerFrameworkId;
  readonly sources: readonly string[];
  /** A global that stands for the module (`Response` for the WHATWG `web` row). */
  readonly global?: string;
  /** Exports that create an app or router (called or constructed): `[]` is the module itself. */
  readonly apps?: ReadonlyArray<readonly string[]>;
  /** App methods that register handlers, after an optional path and options. */
  readonly routeMethods?: readonly string[];
  /** Exports whose function arguments are handlers: `createServer(handler)`, `defineEventHandler(handler)`. */
  readonly handlerFactories?: ReadonlyArray<readonly string[]>;
  /** Handler factories that are auto-imported globals when the file does not declare them (Nuxt). */
  readonly globalHandlerFactories?: readonly string[];
  /** Exported types that mark a parameter as the framework's response or context (`res: Response`). */
  readonly responseTypes?: readonly string[];
  /** Which handler parameter is the response or context. */
  readonly responseParameter?: number;
  readonly style?: ServerSendStyle;
  /** Methods on the response/context that send a body (`json`, `send`). */
  readonly sendMethods?: readonly string[];
  /** Send methods that serialise the body as JSON: `null` is sent as the text `null`. */
  readonly jsonSendMethods?: readonly string[];
  /** Context functions called `fn(status, body)` that send the body with the status (Elysia `status`, before 1.3 `error`). */
  readonly statusBodyFunctions?: readonly AccessPath[];
  /** How to send the same status without a body. */
  readonly bodylessSend?: BodylessSend;
  /** What happens to a body sent with 204, 205, 304 or 1xx (notes: "body on 204"); unknown when absent. */
  readonly bodyOnNullStatus?: BodyOnNullStatus;
  /** Property paths whose assignment sends a body (Koa `ctx.body`). */
  readonly bodyPaths?: readonly AccessPath[];
  /** Chainable methods on the response/context that set the status (`status`, `code`). */
  readonly statusMethods?: readonly string[];
  /** Property paths whose assignment sets the status (`statusCode`, Elysia `set.status`). */
  readonly statusPaths?: readonly AccessPath[];
  /** Exports called as `fn(context, status)` to set the status (h3 `setResponseStatus`). */
  readonly statusFunctions?: readonly string[];
  /** The handler's return value is the body (Fastify, Elysia, h3). */
  readonly returnSends?: boolean;
  /** Sending an `Error` object hands it to the framework's error handler (Fastify: not a 2xx). */
  readonly errorObjectsAreErrors?: boolean;
  /** Passing the response/context to other functions may set its status (Express, Koa). */
  readonly opaqueWhenPassed?: boolean;
  /** Methods on the response that send a status without a body (Express `sendStatus`). */
  readonly statusSends?: readonly string[];
  /** Members of the handler's context, called or destructured, that take a status first (Elysia `status(404, b)`). */
  readonly contextStatusCalls?: readonly string[];
  /** Exports (or members of the global) that take a status (`Response.redirect`, SvelteKit `error`). */
  readonly statusCalls?: readonly StatusCall[];
  /** The statuses its setters, status functions and result objects accept (default: 100–599, strings converted). */
  readonly acceptedStatuses?: AcceptedStatuses;
  /** Status sent when the code sets none. */
  readonly defaultStatus?: number;
  readonly responseFactories?: readonly ResponseFactory[];
  readonly resultObject?: ResultObject;
  /**
   * Send methods that also take a status in Express 4's forms: with two arguments, `res.json(404, b)`
   * or `res.json(b, 404)`. Others' later arguments are no status (`res.end(data, encoding)`).
   */
  readonly legacyStatusSendMethods?: readonly string[];
  /** Before `return body`, the status is set through the first of `statusPaths` (Elysia `set.status = 500;`). */
  readonly returnStatusByPath?: boolean;
  /** How a handler that no import, type or traced app leads to is recognised as this framework's. */
  readonly inferredFrom?: HandlerHints;
}

/**
 * Hints that a handler found by its shape (`router.get('/x', (req, res) => …)` on an untraced
 * router, an exported `(req, res)` controller) belongs to a framework.
 */
export interface HandlerHints {
  /** `(req, res)`: response methods only this framework has (Fastify `reply.code(…)`). */
  readonly responseMethods?: readonly string[];
  /** `(req, res)` registered on a route and returning a body: this framework sends it (Express ignores it). */
  readonly returnedBody?: boolean;
  /** `(req, res)`: this framework whenever the file imports it, before other response-style ones. */
  readonly whenImported?: boolean;
  /** `(req, res)`: the framework taken when no hint points elsewhere and no response-style framework is imported. */
  readonly fallback?: boolean;
  /** One-parameter context handlers, where the file imports the framework: context methods called (`c.json(…)`). */
  readonly contextMethods?: readonly string[];
  /** One-parameter context handlers, where the file imports the framework: context properties assigned (`ctx.body = …`). */
  readonly contextAssignments?: readonly string[];
}
