// The ESLint language server in the consumer project with ESLint 9 with an eslint.config.js (see lsp-suite.ts).
import { describeLanguageServer } from './lsp-suite';

describeLanguageServer('eslint9-js');
