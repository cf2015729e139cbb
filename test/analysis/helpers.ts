import * as tsParser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';

import { getHttpModel, type HttpModel } from '../../src/analysis';

export interface Analyzed {
  model: HttpModel;
  ast: TSESTree.Program;
  /** The first node of the given type whose source text is exactly `text`. */
  find: <T extends TSESTree.Node['type']>(
    type: T,
    text: string,
  ) => Extract<TSESTree.Node, { type: T }>;
  text: (node: TSESTree.Node) => string;
}

/** Lints `code` with a probe rule and hands the file's HTTP model to `inspect`. */
export function analyze(
  code: string,
  inspect: (analyzed: Analyzed) => void,
  options: { typescript?: boolean } = {},
): void {
  const linter = new Linter({ configType: 'flat' });
  let failure: unknown;
  const probe: TSESLint.RuleModule<'never'> = {
    defaultOptions: [],
    meta: { type: 'problem', messages: { never: 'never' }, schema: [] },
    create(context) {
      return {
        'Program:exit'(program) {
          try {
            const model = getHttpModel(context);
            const sourceCode = context.sourceCode;
            const find = <T extends TSESTree.Node['type']>(type: T, text: string) => {
              const match = model.file
                .nodesOfType(type)
                .find((node) => sourceCode.getText(node) === text);
              if (!match) throw new Error(`no ${type} with text ${text}`);
              return match;
            };
            inspect({ model, ast: program, find, text: (node) => sourceCode.getText(node) });
          } catch (error) {
            failure = error;
          }
        },
      };
    },
  };
  const messages = linter.verify(
    code,
    {
      files: ['**/*.ts', '**/*.js'],
      plugins: { probe: { rules: { probe: probe as never } } },
      rules: { 'probe/probe': 'error' },
      languageOptions: options.typescript
        ? { parser: tsParser as never, sourceType: 'module', ecmaVersion: 'latest' }
        : { sourceType: 'module', ecmaVersion: 'latest' },
    },
    options.typescript ? 'file.ts' : 'file.js',
  );
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`parse error: ${fatal.message}`);
  if (failure) throw failure;
}
