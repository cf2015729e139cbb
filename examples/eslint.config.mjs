// How a user configures the plugin: the recommended config, plus typescript-eslint's parser for .ts files.
import tseslint from 'typescript-eslint';

import httpStatus from '../dist/index.js';

export default [
  httpStatus.configs.recommended,
  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
];
