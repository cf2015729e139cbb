/**
 * What `Retry-After` values are read and written with: the parses that read a number or a date,
 * the checks that keep NaN out of a wait, the options whose function returns a wait, the server
 * calls that set a header, and the names that say a value is in milliseconds.
 */

/** Calls that read a number from a string: `Number(h)`, `parseInt(h, 10)`, `Number.parseFloat(h)`. */
export const NUMERIC_PARSES: ReadonlySet<string> = new Set([
  'Number',
  'parseInt',
  'parseFloat',
  'Number.parseInt',
  'Number.parseFloat',
]);

/** Calls that test a value for a number (NaN fails them): `Number.isNaN(s)`, `isFinite(s)`. */
export const NUMBER_CHECKS: ReadonlySet<string> = new Set([
  'isNaN',
  'isFinite',
  'Number.isNaN',
  'Number.isFinite',
  'Number.isInteger',
  'Number.isSafeInteger',
]);

/** `Math` functions that keep a number's unit and let NaN through: `Math.min(s * 1000, cap)`. */
export const UNIT_KEEPING_MATH: ReadonlySet<string> = new Set([
  'ceil',
  'floor',
  'round',
  'trunc',
  'abs',
  'min',
  'max',
]);

/** `Math` functions that make a whole number of a fraction. */
export const ROUNDING_MATH: ReadonlySet<string> = new Set(['ceil', 'floor', 'round', 'trunc']);

/**
 * Options of retry libraries whose function returns the wait in milliseconds: axios-retry's,
 * fetch-retry's and ofetch's `retryDelay`, got's `calculateDelay`.
 */
export const WAIT_RETURNING_OPTIONS: ReadonlySet<string> = new Set([
  'retryDelay',
  'calculateDelay',
]);

/**
 * Server calls that set a header, by method name, and which argument names it (the value follows):
 * Express `res.set`/`res.header`/`res.append`, Node `res.setHeader`/`res.appendHeader`, Fastify
 * `reply.header`, Koa `ctx.set`/`ctx.append`, Hono `c.header`, WHATWG `headers.set`/`append`,
 * h3 `setResponseHeader(event, name, value)`.
 */
export const HEADER_WRITE_CALLS: Readonly<Record<string, number>> = {
  set: 0,
  header: 0,
  append: 0,
  setHeader: 0,
  appendHeader: 0,
  setResponseHeader: 1,
  appendResponseHeader: 1,
};

/**
 * Names of values in milliseconds: rate-limiter-flexible's `msBeforeNext`, express-rate-limit's
 * `windowMs`, and any name ending in `Ms`, `_ms`, `Millis` or `Milliseconds`.
 */
export const MILLISECONDS_NAME = /^msBeforeNext$|^ms$|(?:[a-z0-9]Ms|_ms|_MS|Millis|Milliseconds)$/;
