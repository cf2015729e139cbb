import type { TSESLint } from '@typescript-eslint/utils';

import { createJavaScriptRuleTester, createRuleTester } from './rule-tester';

// typescript-eslint's RuleTester parses with @typescript-eslint/parser unless told otherwise: the
// JavaScript tester must name espree, or its cases never meet the AST plain JavaScript gives.
const parserOf: TSESLint.RuleModule<'typescript' | 'javascript'> = {
  defaultOptions: [],
  meta: {
    type: 'problem',
    messages: { typescript: 'typescript-eslint parser', javascript: 'espree' },
    schema: [],
  },
  create(context) {
    return {
      Program(node) {
        const typescript = context.sourceCode.parserServices?.esTreeNodeToTSNodeMap !== undefined;
        context.report({ node, messageId: typescript ? 'typescript' : 'javascript' });
      },
    };
  },
};

createJavaScriptRuleTester().run('the JavaScript rule tester', parserOf as never, {
  valid: [],
  invalid: [
    { code: 'const a = <div>{await fetch(u)}</div>;', errors: [{ messageId: 'javascript' }] },
  ],
});

createRuleTester().run('the TypeScript rule tester', parserOf as never, {
  valid: [],
  invalid: [{ code: 'const a: string = b;', errors: [{ messageId: 'typescript' }] }],
});
