import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

export function insertStatusProperty(
  sourceCode: Readonly<TSESLint.SourceCode>,
  fixer: TSESLint.RuleFixer,
  object: TSESTree.ObjectExpression,
  key: string,
  code: number,
): TSESLint.RuleFix {
  const first = object.properties[0];
  if (!first) return fixer.replaceText(object, `{ ${key}: ${code} }`);
  const open = sourceCode.getFirstToken(object)!;
  const between = sourceCode.text.slice(open.range[1], first.range[0]);
  const separator = between.includes('\n') ? between : ' ';
  return fixer.insertTextBefore(first, `${key}: ${code},${separator}`);
}
