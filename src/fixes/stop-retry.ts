/**
 * Edits that stop retrying a non-retryable client error before the retry happens: an early
 * `throw` before the retry path, a rethrow at the top of the `catch`, a library's stop error
 * (p-retry `AbortError`, importing it when needed) or its bail callback (async-retry `bail`).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../analysis/core/node-types';

import { contains, enclosingCatch } from '../analysis/core/ast';
import type { HttpModel } from '../analysis/model';
import type { ConditionEdit } from '../analysis/retry/condition-rewrite';
import { clientErrorCondition, statusText } from '../analysis/retry/condition-rewrite';
import { testedForNull } from '../analysis/retry/readability';
import { abortErrorName, earlyExitStatement, scopeHas } from '../analysis/retry/stop-retrying';
import type { RetrySite, StatusListEntry } from '../analysis/retry/types';
import type { StatusSet } from '../analysis/status/status-set';
import type { StatusSubject } from '../analysis/status/subject';
import { removeElement, splitRange } from './arrays';
import { insertStatementBefore, removeStatement } from './statements';

/** How an edit stops the retry: `throw new Error(…)`, rethrow, `AbortError`, `bail(…)`. */
export type StopRetryKind = 'early-exit' | 'rethrow' | 'abort-error' | 'bail';

export interface StopRetryEdit {
  readonly kind: StopRetryKind;
  readonly fix: TSESLint.ReportFixFunction;
}

/**
 * The edit that stops `site` retrying a 4xx other than `retryable`, in the form the retry takes;
 * none where the code does not show how it reads the status or where the edit goes.
 */
export function stopRetryEdits(
  model: HttpModel,
  site: RetrySite,
  subject: StatusSubject,
  statusProperty: string,
  retryable: readonly number[],
): StopRetryEdit[] {
  const sourceCode = model.file.sourceCode;
  const status = statusText(
    model,
    subject,
    site.conditions.map((c) => c.node),
    statusProperty,
  );
  if (!status) return [];
  const condition = clientErrorCondition(status, retryable);
  const failure = `\`Request failed with status \${${status}}\``;
  if (site.kind === 'library-callback') {
    const stop = site.config?.library.stop;
    if (!stop || !site.response) return [];
    const before = earlyExitStatement(site, site.node);
    if (!before) return [];
    if (stop.kind === 'abort-error') {
      const name = abortErrorName(model, site);
      if (!name) return [];
      const throwIt = `if (${condition}) throw new ${name.local}(${failure});`;
      const addImport = name.addImport;
      return [
        {
          kind: 'abort-error',
          fix: (fixer) => [
            insertStatementBefore(fixer, sourceCode, before, throwIt),
            ...(addImport ? [fixer.insertTextAfter(addImport.after, addImport.text)] : []),
          ],
        },
      ];
    }
    const callback = site.config?.callback;
    if (!callback) return [];
    const param = callback.params[stop.parameter];
    if (param && param.type !== AST_NODE_TYPES.Identifier) return [];
    const bail = param ? param.name : 'bail';
    if (!param && (callback.params.length !== stop.parameter || scopeHas(model, callback, 'bail')))
      return [];
    const bailIt = `if (${condition}) { ${bail}(new Error(${failure})); return; }`;
    return [
      {
        kind: 'bail',
        fix: (fixer) => {
          const fixes = [insertStatementBefore(fixer, sourceCode, before, bailIt)];
          if (!param) {
            const opening =
              callback.params.length === 0
                ? (sourceCode.getFirstToken(callback, (t) => t.value === '(') ?? undefined)
                : undefined;
            if (!opening) return [];
            fixes.push(fixer.insertTextAfter(opening, 'bail'));
          }
          return fixes;
        },
      },
    ];
  }
  if (site.kind === 'catch' && !site.thrownAt) {
    // Rethrow at the top of the catch.
    const handler = enclosingCatch(site.conditions[0]?.node);
    const param = handler?.param;
    if (!handler || param?.type !== AST_NODE_TYPES.Identifier) return [];
    const statements = handler.body.body;
    let first = statements[0];
    // A status copied out in the catch (`const status = e.statusCode`): read after its declaration.
    const copy = subject.statusVariables.find(
      (variable) =>
        variable.name === status &&
        variable.defs[0] !== undefined &&
        contains(handler.body, variable.defs[0].name),
    );
    if (copy) {
      const declaration = statements.findIndex((statement) => statement === copy.defs[0]!.parent);
      first = declaration === -1 ? undefined : statements[declaration + 1];
      if (!first) return [];
    }
    return [
      {
        kind: 'rethrow',
        fix: (fixer) =>
          first
            ? insertStatementBefore(
                fixer,
                sourceCode,
                first,
                `if (${condition}) throw ${param.name};`,
              )
            : fixer.insertTextAfter(
                sourceCode.getFirstToken(handler.body)!,
                ` if (${condition}) throw ${param.name}; `,
              ),
      },
    ];
  }
  if (site.thrownAt || !site.response) return [];
  // `fetch(u).catch(() => null)`: `res.status` before the null test would throw (and not type-check).
  if (site.response.subject.holderVariables.some(testedForNull)) return [];
  const before = earlyExitStatement(site, site.node);
  if (!before) return [];
  return [
    {
      kind: 'early-exit',
      fix: (fixer) =>
        insertStatementBefore(
          fixer,
          sourceCode,
          before,
          `if (${condition}) throw new Error(${failure});`,
        ),
    },
  ];
}

/** A rewrite of the condition that decides a retry: the retrying statement removed, or the condition's new text. */
export function conditionEditFix(
  sourceCode: Readonly<TSESLint.SourceCode>,
  edit: ConditionEdit,
): TSESLint.ReportFixFunction {
  return (fixer) =>
    edit.text === undefined
      ? removeStatement(fixer, sourceCode, edit.node)
      : fixer.replaceText(edit.node, edit.text);
}

/** One entry of a retried-status list without `bad`: the element removed, or its range split. */
export function dropEntryStatusesFix(
  sourceCode: Readonly<TSESLint.SourceCode>,
  array: TSESTree.ArrayExpression,
  entry: StatusListEntry,
  bad: StatusSet,
): TSESLint.ReportFixFunction {
  return (fixer) =>
    entry.range
      ? splitRange(fixer, sourceCode, array, entry.node, entry.statuses.minus(bad))
      : removeElement(fixer, sourceCode, array, entry.node);
}
