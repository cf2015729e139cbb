// A validator for the SARIF 2.1.0 JSON schema (draft-04), as shipped on npm by Microsoft's SARIF
// SDK (@microsoft/jest-sarif, which the tests use only for this file).
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

// The SARIF 2.1.0 schema (draft-04 JSON Schema), as shipped by Microsoft's SARIF SDK on npm.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a JSON file inside a package without exports.
const sarifSchema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as Record<
  string,
  unknown
>;
// unicodeRegExp off: the schema's language pattern has a stray `]` that only non-unicode RegExps accept.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
export const validateSarif = ajv.compile(sarifSchema);
