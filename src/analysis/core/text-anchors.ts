import { GLOBAL_OBJECT_NAMES } from './ast';
import { escapeRegExp, wordAround } from './text';
import type { ResultObject } from '../libraries/clients';
import { HTTP_CLIENTS, HTTP_RESPONSE_METHODS, SERVER_FRAMEWORKS } from '../libraries/clients';
import { RETRY_CONFIG_LIBRARIES, RETRY_PREDICATE_NAME } from '../libraries/retry';

/*
 * What the analyses start from, as it shows in a file's text. Every request, handler, retry and
 * send the analyses find has one of these anchors written out, so a file whose text has none is
 * done after one scan: most files of a project. One scan of the text costs less than a first
 * look at the file's scopes.
 */

/**
 * Every module an analysis looks for among a file's imports and `require` calls: HTTP clients,
 * server frameworks, retry libraries. (Status constants and delays are resolved from the
 * identifier's own import, not from this list.)
 */
export const KNOWN_MODULES: ReadonlySet<string> = new Set([
  ...HTTP_CLIENTS.flatMap((client) => client.modules.map((module) => module.source)),
  ...SERVER_FRAMEWORKS.flatMap((framework) => framework.sources),
  ...RETRY_CONFIG_LIBRARIES.flatMap((library) => [
    ...library.modules,
    ...library.sites.flatMap((site) => ('source' in site ? [site.source] : [])),
  ]),
]);

// Re-exported for the analyses that still import them from here (retry-after.ts, requests.ts, server.ts).
export { escapeRegExp, shortestNeedles } from './text';

/**
 * A word as the scan looks for it: from its first capital after the start (`Code` of
 * `statusCode`), or else its first rare letter (`gify` of `stringify`), then a look behind for the
 * rest. The scan tries its patterns at every character where one may start: a capital or a rare
 * letter stops it far less often than a common one does.
 */
function fromRarestStart(word: string): string {
  let start = word.slice(1).search(/[A-Z]/) + 1;
  if (start === 0) start = word.slice(1).search(/[bgjkqvwxyz]/) + 1;
  return start > 0
    ? `${escapeRegExp(word.slice(start))}(?<=${escapeRegExp(word)})`
    : escapeRegExp(word);
}
const QUOTE = `['"\`]`;
/** A module specifier's quotes: an import takes no template literal (and docs write `` `next` ``). */
const SPECIFIER_QUOTE = `['"]`;
/** TypeScript type arguments of a call: `$fetch<User>(…)`. */
const TYPE_ARGUMENTS = `(?:<[^<>()=;]*>\\s*)?`;

/** A name of the modules as a whole string: `'axios'`, `"express"`. */
const moduleString = (modules: Iterable<string>): string =>
  `${SPECIFIER_QUOTE}(?:${[...modules].map(escapeRegExp).join('|')})${SPECIFIER_QUOTE}`;
const KNOWN_MODULE_STRING = moduleString(KNOWN_MODULES);
const KNOWN_MODULE_REGEXP = new RegExp(KNOWN_MODULE_STRING);
/** The server frameworks' modules, which the server analysis traces; the other known modules are clients' and retry libraries'. */
const SERVER_MODULES: ReadonlySet<string> = new Set(
  SERVER_FRAMEWORKS.flatMap((framework) => framework.sources),
);

/**
 * Whether a source text may import or require a known module. Every `import`, `export … from`
 * and `require` of one names it in a string. A specifier put together from pieces
 * (`require('ax' + 'ios')`) is missed on purpose.
 */
export function mayNameKnownModule(text: string): boolean {
  return KNOWN_MODULE_REGEXP.test(text);
}

/**
 * A global the analyses trace (`fetch`, Nuxt's `$fetch`, `Response`, Nitro's
 * `defineEventHandler`) used as a value: called (`fetch(u)`, `$fetch<T>(u)`, `fetch!(u)`,
 * `fetch?.(u)`), read a member of (`Response.json`, `globalThis.fetch.bind`), named in a string
 * (`window['fetch']`), assigned (`= fetch`) or cast (`(fetch as F)(u)`). A name that only types
 * (`typeof fetch`, `: Response`) or is part of a longer one (`APIResponse`) is no anchor, nor a
 * rename in a destructuring (`{ fetch: f } = globalThis`), which is missed on purpose.
 */
const tracedGlobals = (names: readonly string[]): string[] => [
  ...new Set(names.map((name) => name.replace(/^\$+/, ''))), // `\bfetch` finds `$fetch` too
];
const SERVER_GLOBALS = tracedGlobals(
  SERVER_FRAMEWORKS.flatMap((framework) => [
    ...(framework.global ? [framework.global] : []),
    ...(framework.globalHandlerFactories ?? []),
  ]),
);
const CLIENT_GLOBALS = tracedGlobals(
  HTTP_CLIENTS.flatMap((client) => (client.global ? [client.global] : [])),
).filter((name) => !SERVER_GLOBALS.includes(name));
/**
 * Where the name is a global: alone, or a member of a global object (`globalThis.fetch`), not a
 * member of something else (`client.fetch(u)`); or assigned (`= fetch`, `= globalThis.fetch`). Checked behind the
 * name once it is found: a look behind at every character would cost more.
 */
const GLOBAL_OBJECT_MEMBER = `\\b(?:${[...GLOBAL_OBJECT_NAMES].join('|')})\\s*\\??\\.\\s*`;
/** Called, but not a method defined with the name (`fetch(options) {`); a member read; a string's end; a cast. */
function globalUse(names: readonly string[]): string {
  const name = `(?:${names.map(escapeRegExp).join('|')})`;
  const place = `(?<=(?:^|[^\\w.]|${GLOBAL_OBJECT_MEMBER})${name})`;
  const assigned = `(?<==\\s*(?:${GLOBAL_OBJECT_MEMBER})?${name})`;
  return `(?:${names.map(fromRarestStart).join('|')})\\b(?:${place}(?:\\s*${TYPE_ARGUMENTS}(?:\\((?![^()]*\\)\\s*\\{)|[.\\]'"]|\\?\\.|!\\s*[.(])|\\s+(?:as|satisfies)\\b)|${assigned})`;
}

/**
 * What a handler without a framework's import shows: a response method called with an argument
 * (`res.status(500)`, `reply['code'](404)`), a `statusCode` assigned, or a route registered with
 * a path and an inline handler (`router.get('/users', (req, res) => …)`: a call with a path, a
 * function before the next `;`, a route method's name before the call). `this.client.get('/v1/x',
 * options)` in an SDK is none.
 */
const RESPONSE_METHOD_CALL = `(?:\\.\\s*|\\[\\s*${QUOTE})(?:${[...HTTP_RESPONSE_METHODS].join('|')})(?:${QUOTE}\\s*\\])?\\s*(?:\\?\\.\\s*)?${TYPE_ARGUMENTS}\\(\\s*(?:[^\\s)]|$)`;
const STATUS_CODE_ASSIGNMENT = `${fromRarestStart('statusCode')}(?:${QUOTE}\\s*\\])?\\s*[^\\s\\w=!)<>]*=(?!=)`;
const ROUTE_METHODS = [
  ...new Set(SERVER_FRAMEWORKS.flatMap((framework) => framework.routeMethods ?? [])),
];
// Found at the path's opening quote and `/` or `*` (rarer than a `(`), with the call behind it;
// the handler ahead is looked for in the whole text (`ROUTE_HANDLER_AHEAD`), comments and all.
const ROUTE_PATH_ARGUMENT = `${QUOTE}[/*](?<=\\b(?:${ROUTE_METHODS.join('|')})(?:${QUOTE}\\s*\\])?\\s*(?:\\?\\.\\s*)?\\(\\s*\\(?\\s*${QUOTE}[/*])`;
const ROUTE_HANDLER_AHEAD = /[^;]*?(?:=>|\bfunction\b)/y;

/**
 * What a serverless result object needs written: its body key (`jsonBody`), and its status key
 * (`statusCode`) unless the status is optional, and `stringify` for a string body. The rarest first.
 */
export function resultObjectNeedles(shape: ResultObject): readonly string[] {
  return [
    ...(shape.body === 'string' ? ['stringify'] : []),
    ...(shape.statusOptional ? [] : [shape.statusKey]),
    shape.bodyKey,
  ];
}
const RESULT_OBJECT_NEEDLES: ReadonlyArray<readonly string[]> = SERVER_FRAMEWORKS.flatMap(
  (framework) => (framework.resultObject ? [resultObjectNeedles(framework.resultObject)] : []),
);

function mayHaveResultObject(includes: TextIncludes): boolean {
  return RESULT_OBJECT_NEEDLES.some((needles) => needles.every(includes));
}

/**
 * Whether the text has a string: `text.includes`, or a file's searches kept per file
 * (`AnalyzedFile.textIncludes`), which the server analysis asks for the same needles again.
 */
type TextIncludes = (needle: string) => boolean;

/**
 * Every anchor in one expression, one scan of the text. A serverless result's first needle and a
 * retry predicate's `retry` are only candidates: the scan goes on past them unless the word around
 * is a predicate's name, and the result's other needles are looked for once the scan found nothing else.
 */
const SERVER_ANCHORS = [
  moduleString(SERVER_MODULES),
  globalUse(SERVER_GLOBALS),
  RESPONSE_METHOD_CALL,
  STATUS_CODE_ASSIGNMENT,
  `(?<route>${ROUTE_PATH_ARGUMENT})`,
  `(?<result>${[...new Set(RESULT_OBJECT_NEEDLES.map((needles) => needles[0]!))].map(fromRarestStart).join('|')})`,
];
const ANCHOR = new RegExp(
  [
    // The anchors of clients and retry libraries only, in the group `other`.
    `(?<other>${moduleString([...KNOWN_MODULES].filter((module) => !SERVER_MODULES.has(module)))}|${globalUse(CLIENT_GLOBALS)})`,
    ...SERVER_ANCHORS,
    // Every name RETRY_PREDICATE_NAME accepts has `retry` or `retriable` (`retrieve`, `maxRetries`
    // are no candidates): found at its `y` or `b`, rare letters, with a look behind for the rest.
    '(?<retry>[yY](?<=[Rr]etr[yY])|[bB](?<=[Rr]etr[iI][aA][bB])(?=[lL][eE]))',
  ].join('|'),
  'g',
);
/** The anchors of the server analysis alone (a server framework's module, a response sent, a route, a serverless result). */
const SERVER_ANCHOR = new RegExp(SERVER_ANCHORS.join('|'), 'g');

/**
 * Whether a file's text has an anchor of the analyses: a known module named, a traced global
 * used, a response sent or a route registered, a serverless result, a retry predicate named.
 * Without one, the file has no request, handler, retry or send for any rule to check.
 */
export function hasHttpAnchor(text: string, comments: Comments = []): boolean {
  return firstHttpAnchor(text, comments) !== undefined;
}

type Comments = ReadonlyArray<{ readonly range: readonly [number, number] }>;

/**
 * What the first anchor of the text is (`hasHttpAnchor`): one the server analysis starts from
 * (`hasServerAnchor`), another (a client's or retry library's module, `fetch`, a retry predicate),
 * or none.
 */
export function firstHttpAnchor(
  text: string,
  comments: Comments = [],
  includes: TextIncludes = (needle) => text.includes(needle),
): 'server' | 'other' | undefined {
  return (
    firstAnchor(ANCHOR, text, comments, includes) ??
    (readsCaughtStatus(text, comments) ? 'other' : undefined)
  );
}

/**
 * Whether the text has an anchor of the server analysis: a server framework's module named, a
 * server global used (`Response`, `defineEventHandler`), a response sent, a route registered or a
 * serverless result. Without one, the file has no handler, response factory or result object.
 */
export function hasServerAnchor(
  text: string,
  comments: Comments = [],
  includes: TextIncludes = (needle) => text.includes(needle),
): boolean {
  return firstAnchor(SERVER_ANCHOR, text, comments, includes) !== undefined;
}

function firstAnchor(
  anchor: RegExp,
  text: string,
  comments: Comments,
  includes: TextIncludes,
): 'server' | 'other' | undefined {
  // Comments are skipped: an example in a doc comment (`await fetch(url)`) anchors nothing.
  const state = { resultSeen: false };
  let start = 0;
  for (const { range } of comments) {
    if (range[0] > start) {
      const found = anchorIn(anchor, text.slice(start, range[0]), start, text, state);
      if (found) return found;
    }
    start = Math.max(start, range[1]);
  }
  const found = anchorIn(anchor, start === 0 ? text : text.slice(start), start, text, state);
  if (found) return found;
  // A serverless result's other needles are searched for last: most texts with `stringify` have
  // another anchor, which spares the searches of the whole text.
  return state.resultSeen && mayHaveResultObject(includes) ? 'server' : undefined;
}

/** The first anchor in `code`, the text from `offset` to the next comment. */
function anchorIn(
  anchor: RegExp,
  code: string,
  offset: number,
  text: string,
  state: { resultSeen: boolean },
): 'server' | 'other' | undefined {
  anchor.lastIndex = 0;
  for (let match = anchor.exec(code); match; match = anchor.exec(code)) {
    const { other, result, retry, route } = match.groups ?? {};
    if (route !== undefined) {
      ROUTE_HANDLER_AHEAD.lastIndex = offset + match.index + route.length;
      if (ROUTE_HANDLER_AHEAD.test(text)) return 'server';
    } else if (retry !== undefined) {
      const word = wordAround(code, match.index, retry.length);
      if (RETRY_PREDICATE_NAME.test(code.slice(word.start, word.end))) return 'other';
      anchor.lastIndex = word.end;
    } else if (result !== undefined) {
      state.resultSeen = true;
    } else {
      return other !== undefined ? 'other' : 'server';
    }
  }
  return undefined;
}

/** How far after `catch (err)` its status read is looked for: a retry wrapper's `catch` is short. */
const CAUGHT_STATUS_WINDOW = 1500;
/** The rest of a `catch` clause's head after `catch`: its parameter's name. */
const CATCH_PARAMETER = /\s*\(\s*([\w$]+)\s*[:)]/y;

/**
 * Whether a `catch (err)` clause outside comments reads its error's status (`caughtStatusRead`):
 * the anchor of a retry around a request the file does not show. Looked for only in a file
 * without another anchor, with `indexOf`: one more term in the scan's expression would slow every file.
 */
function readsCaughtStatus(text: string, comments: Comments): boolean {
  let comment = 0;
  // The next `status` of the text: most `catch` blocks read none, and need no pattern compiled.
  let status = text.indexOf('status');
  for (
    let at = status === -1 ? -1 : text.indexOf('catch');
    at !== -1;
    at = text.indexOf('catch', at + 5)
  ) {
    while (comment < comments.length && comments[comment]!.range[1] <= at) comment++;
    if (comment < comments.length && comments[comment]!.range[0] <= at) continue;
    if (at > 0 && /[\w$.]/.test(text[at - 1]!)) continue;
    CATCH_PARAMETER.lastIndex = at + 5;
    const head = CATCH_PARAMETER.exec(text);
    if (!head) continue;
    const from = CATCH_PARAMETER.lastIndex;
    if (status < from && (status = text.indexOf('status', from)) === -1) return false;
    if (status < from + CAUGHT_STATUS_WINDOW && caughtStatusRead(text, from, head[1]!)) return true;
  }
  return false;
}

/**
 * Whether the caught error `name` has its status read soon after its `catch (name)` (at `from`):
 * `err.status`, `err.statusCode`, `err.response?.status`, `(err as AxiosError).response.status`.
 * Evidence of an HTTP error around a request the file may not show (`await fn()`, `api.get(u)`).
 */
function caughtStatusRead(text: string, from: number, name: string): boolean {
  return new RegExp(
    `(?<![\\w$])${escapeRegExp(name)}(?![\\w$])[^;{}\\n]{0,40}?\\.\\s*(?:response\\s*\\??\\.\\s*)?status(?:Code)?\\b`,
  ).test(text.slice(from, from + CAUGHT_STATUS_WINDOW));
}

/**
 * Whether the text has `retry-after` in any letter case, as `/retry-after/i` finds it: from each
 * `-`, far rarer than a letter, several times faster than a case-insensitive scan.
 */
export function mentionsRetryAfter(text: string): boolean {
  for (
    let at = text.indexOf('-', 5);
    at !== -1 && at + 5 < text.length;
    at = text.indexOf('-', at + 1)
  ) {
    if (isWordIgnoringCase(text, at - 5, 'retry') && isWordIgnoringCase(text, at + 1, 'after'))
      return true;
  }
  return false;
}

/** Whether `text` has the lowercase ASCII `word` at `at`, in either case per letter. */
function isWordIgnoringCase(text: string, at: number, word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    // `| 32` lowercases an ASCII capital; only the letter's two cases give its lowercase code.
    if ((text.charCodeAt(at + i) | 32) !== word.charCodeAt(i)) return false;
  }
  return true;
}

/**
 * Where a name RETRY_PREDICATE_NAME accepts may start: every such name, written in camelCase or
 * PascalCase, has `Retr` or `retr`, then `y` or `i`. Each occurrence of those (fast substring searches) widens to
 * the word around it, which the name test then checks: one regular expression over the whole
 * text would cost several times more.
 */
export function* retryPredicateNameOffsets(text: string): Generator<number> {
  for (const needle of ['Retr', 'retr']) {
    for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) {
      // `retry` or `retriable`: not `return`, the commonest occurrence by far.
      const next = text.charCodeAt(at + needle.length) | 32;
      if (next !== 121 /* y */ && next !== 105 /* i */) continue;
      const word = wordAround(text, at, needle.length);
      if (RETRY_PREDICATE_NAME.test(text.slice(word.start, word.end))) yield word.start;
    }
  }
}
