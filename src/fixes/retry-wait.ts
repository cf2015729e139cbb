/**
 * Edits that make a retry the code writes wait for `Retry-After`: how the fix reads the header
 * where it goes, a wait added before the retry statement, and the delay rewritten to read it.
 */
import type { TSESLint } from '@typescript-eslint/utils';

import type { Node } from '../analysis/core/ast';
import type { HttpModel } from '../analysis/model';
import { headerSourceAt } from '../analysis/retry/header-source';
import { waitInsertionPoint } from '../analysis/retry/on-path';
import type { Readability } from '../analysis/retry/readability';
import type { RetrySite } from '../analysis/retry/types';
import { fixDelay, fixDelayFullForm, headerReadText, secondsWaitText } from './retry-after';
import { insertStatementInList } from './statements';

/** How a fix reads the header at a point, as text, and whether the response is there on every path. */
export interface HeaderReadAt {
  readonly text: string;
  readonly readability: Readability;
}

/** How a fix reads the header at `at` (see `headerSourceAt`), in the file's quotes. */
export function headerReadAt(
  model: HttpModel,
  site: RetrySite,
  at: Node,
  typescript: boolean,
  quote: string,
): HeaderReadAt | undefined {
  const found = headerSourceAt(model, site, at, typescript);
  return found && { text: headerReadText(found.source, quote), readability: found.readability };
}

/**
 * A wait of the seconds `Retry-After` gives, added before the retry statement (`continue`,
 * `return retry(u)`) and reading what is there; undefined where the response may not be there or
 * the retry is no statement of an `async` function.
 */
export function addWaitFix(
  model: HttpModel,
  site: RetrySite,
  typescript: boolean,
  quote: string,
): TSESLint.ReportFixFunction | undefined {
  const read = headerReadAt(model, site, site.node, typescript, quote);
  const statement =
    read && read.readability !== 'unsafe' ? waitInsertionPoint(site.node) : undefined;
  if (!read || !statement) return undefined;
  const sourceCode = model.file.sourceCode;
  return (fixer) =>
    insertStatementInList(
      fixer,
      sourceCode,
      statement,
      `await new Promise((resolve) => setTimeout(resolve, ${secondsWaitText(read.text, '0')}));`,
    );
}

/** A delay rewritten to wait the header's seconds (`Number(h) * 1000 || d`), or its full form (seconds or an HTTP-date). */
export function delayFixes(
  model: HttpModel,
  duration: Node,
  read: HeaderReadAt,
): { secondsForm: TSESLint.ReportFixFunction; fullForm: TSESLint.ReportFixFunction } {
  const sourceCode = model.file.sourceCode;
  return {
    secondsForm: (fixer) => fixDelay(fixer, sourceCode, duration, read.text),
    fullForm: (fixer) => fixDelayFullForm(fixer, sourceCode, duration, read.text),
  };
}
