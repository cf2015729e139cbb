export * from './core/ast';
export * from './core/static-values';
export { AnalyzedFile } from './core/file';
export * from './libraries/clients';
export { getHttpModel, HttpModel } from './model';
export * from './status/narrowing';
export type { BodyParse, HttpRequest, RequestMethod, TrackedResponse } from './client/requests';
export { StatusSet } from './status/status-set';
export { STATUS_BY_NAME } from './status/status-names';
export { StatusSubject } from './status/subject';
export { getServerAnalysis } from './server';
export type {
  BodyRemoval,
  SendStatus,
  ServerAnalysis,
  ServerSend,
  StatusArgument,
  StatusFixer,
} from './server';
export { errorBodyOf, errorBranchOf } from './server/send-errors';
export { likelyErrorStatuses, textsPointToClientError } from './server/status-hints';
export type { BodyPresence } from './server/sent-body';
export { bodyPresence, bodyRemovalOf } from './server/sent-body';
export { describeStatus, describeStatuses } from './status/status-names';
export type { StatusComparison } from './status/status-values';
export {
  acceptsStatus,
  getStatusComparisons,
  integerOfString,
  isNeverAStatus,
  likelyMeantStatuses,
} from './status/status-values';
export { isTypeScriptFile } from './core/value-use';
export { isBodyPresenceChecked } from './client/body-presence';
export { isParseFailureHandled } from './client/parse-handling';
export { readsAttributedResponse } from './client/reassigned-response';
export type { MethodAtCall, ParseMethod } from './client/call-site-method';
export { methodAtParse } from './client/call-site-method';
export { admitsNoContent, NO_CONTENT } from './client/no-content';
export * from './retry/retry-after-values';
export * from './server/retry-after-writes';
export type { HeadersSet, StatusResponse } from './server/headers';
export { getStatusResponses, headersSet } from './server/headers';
export { allowedMethods } from './server/allowed-methods';
export { createdLocation, limiterResetSeconds } from './server/header-values';
export type { StatusCheckTarget } from './client/body-reads';
export type { UncheckedBodyRead } from './client/status-check';
export { getUncheckedBodyReads } from './client/status-check';
export * from './retry';
export { AST_NODE_TYPES } from './core/node-types';
