/** Modules whose exported objects map status names to numbers (`StatusCodes.NO_CONTENT`). */
export const STATUS_CONSTANT_MODULES: ReadonlyArray<{
  readonly source: string;
  /** Path from the module to the object whose properties are statuses. */
  readonly path: readonly string[];
  /** Prefix of each property name before the status name (`HTTP_STATUS_`). */
  readonly prefix: string;
}> = [
  { source: 'http-status-codes', path: ['StatusCodes'], prefix: '' },
  { source: '@nestjs/common', path: ['HttpStatus'], prefix: '' },
  { source: 'node:http2', path: ['constants'], prefix: 'HTTP_STATUS_' },
  { source: 'http2', path: ['constants'], prefix: 'HTTP_STATUS_' },
];
