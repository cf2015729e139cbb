import type { StatusSet } from './status-set';

/**
 * HTTP status names as constant libraries spell them, in UPPER_SNAKE_CASE: `http-status-codes`
 * `StatusCodes.X`, `@nestjs/common` `HttpStatus.X`, and `node:http2` `constants.HTTP_STATUS_X`
 * (after its prefix). Aliases that only one library uses are listed too.
 */
export const STATUS_BY_NAME: Readonly<Record<string, number>> = {
  CONTINUE: 100,
  SWITCHING_PROTOCOLS: 101,
  PROCESSING: 102,
  EARLY_HINTS: 103,
  OK: 200,
  CREATED: 201,
  ACCEPTED: 202,
  NON_AUTHORITATIVE_INFORMATION: 203,
  NO_CONTENT: 204,
  RESET_CONTENT: 205,
  PARTIAL_CONTENT: 206,
  MULTI_STATUS: 207,
  ALREADY_REPORTED: 208,
  IM_USED: 226,
  MULTIPLE_CHOICES: 300,
  AMBIGUOUS: 300,
  MOVED_PERMANENTLY: 301,
  FOUND: 302,
  MOVED_TEMPORARILY: 302,
  SEE_OTHER: 303,
  NOT_MODIFIED: 304,
  USE_PROXY: 305,
  TEMPORARY_REDIRECT: 307,
  PERMANENT_REDIRECT: 308,
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  PAYMENT_REQUIRED: 402,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  NOT_ACCEPTABLE: 406,
  PROXY_AUTHENTICATION_REQUIRED: 407,
  REQUEST_TIMEOUT: 408,
  CONFLICT: 409,
  GONE: 410,
  LENGTH_REQUIRED: 411,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  REQUEST_TOO_LONG: 413,
  CONTENT_TOO_LARGE: 413,
  URI_TOO_LONG: 414,
  REQUEST_URI_TOO_LONG: 414,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RANGE_NOT_SATISFIABLE: 416,
  REQUESTED_RANGE_NOT_SATISFIABLE: 416,
  EXPECTATION_FAILED: 417,
  I_AM_A_TEAPOT: 418,
  IM_A_TEAPOT: 418,
  TEAPOT: 418,
  INSUFFICIENT_SPACE_ON_RESOURCE: 419,
  METHOD_FAILURE: 420,
  MISDIRECTED_REQUEST: 421,
  UNPROCESSABLE_ENTITY: 422,
  UNPROCESSABLE_CONTENT: 422,
  LOCKED: 423,
  FAILED_DEPENDENCY: 424,
  TOO_EARLY: 425,
  UPGRADE_REQUIRED: 426,
  PRECONDITION_REQUIRED: 428,
  TOO_MANY_REQUESTS: 429,
  REQUEST_HEADER_FIELDS_TOO_LARGE: 431,
  UNAVAILABLE_FOR_LEGAL_REASONS: 451,
  INTERNAL_SERVER_ERROR: 500,
  NOT_IMPLEMENTED: 501,
  BAD_GATEWAY: 502,
  SERVICE_UNAVAILABLE: 503,
  GATEWAY_TIMEOUT: 504,
  HTTP_VERSION_NOT_SUPPORTED: 505,
  VARIANT_ALSO_NEGOTIATES: 506,
  INSUFFICIENT_STORAGE: 507,
  LOOP_DETECTED: 508,
  BANDWIDTH_LIMIT_EXCEEDED: 509,
  NOT_EXTENDED: 510,
  NETWORK_AUTHENTICATION_REQUIRED: 511,
};

/** Each status's first name, as words: `204 No Content`. */
const STATUS_TEXT = new Map<number, string>();
for (const [name, status] of Object.entries(STATUS_BY_NAME)) {
  if (!STATUS_TEXT.has(status)) {
    STATUS_TEXT.set(
      status,
      name
        .toLowerCase()
        .replace(
          /(^|_)([a-z])/g,
          (_, space: string, letter: string) => `${space ? ' ' : ''}${letter.toUpperCase()}`,
        ),
    );
  }
}

/** A status with its name, for messages: `404 Not Found`, or the number alone when it has none. */
export function describeStatus(status: number): string {
  const text = STATUS_TEXT.get(status);
  return text ? `${status} ${text}` : String(status);
}

/** A list of statuses for messages: `429`, `429 or 503`, `429, 500–599 and 503`. */
export function describeStatuses(statuses: StatusSet, conjunction: 'or' | 'and' = 'or'): string {
  const list = statuses
    .ranges()
    .map(([from, to]) => (from === to ? String(from) : `${from}–${to}`));
  if (list.length <= 1) return list[0] ?? '';
  return `${list.slice(0, -1).join(', ')} ${conjunction} ${list.at(-1)}`;
}
