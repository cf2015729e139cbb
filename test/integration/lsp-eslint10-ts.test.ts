// The ESLint language server in the consumer project with ESLint 10 with an eslint.config.ts (see lsp-suite.ts).
import { describeLanguageServer } from './lsp-suite';

describeLanguageServer('eslint10-ts');
