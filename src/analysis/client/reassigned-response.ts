import { AST_NODE_TYPES } from '../core/node-types';

import type { Node } from '../core/ast';
import { enclosingFunction, skipWrappers } from '../core/ast';
import type { AnalyzedFile } from '../core/file';
import type { BodyParse } from './types';
import { firstIndexFrom } from '../core/sorted';

// ---- which response a parse reads ----------------------------------------------------------

/**
 * Whether the parse reads the response it is attributed to. A `let res` that is assigned
 * several responses holds, at the parse, the one assigned last before it (in source order, in
 * the same function); a parse after `res = await fetch(other)` is not a parse of the first one.
 */
export function readsAttributedResponse(file: AnalyzedFile, parse: BodyParse): boolean {
  const response = parse.response;
  if (!response) return true;
  const textCallee = parse.textCall && skipWrappers(parse.textCall.callee);
  const holder =
    parse.kind === 'json'
      ? parse.receiver
      : textCallee?.type === AST_NODE_TYPES.MemberExpression
        ? textCallee.object
        : undefined;
  const written = holder && reachingWrite(file, holder);
  if (!written) return true;
  const origin = response.origin;
  return written.range[0] <= origin.range[0] && origin.range[1] <= written.range[1];
}

type Variable = NonNullable<ReturnType<AnalyzedFile['variableOf']>>;

/** A variable's writes, by enclosing function, in source order (one index per variable). */
interface WriteIndex {
  readonly byFunction: Map<
    Node | undefined,
    { readonly starts: number[]; readonly values: Node[] }
  >;
}
const writeIndexes = new WeakMap<Variable, WriteIndex | null>();

function writeIndexOf(variable: Variable): WriteIndex | null {
  let index = writeIndexes.get(variable);
  if (index !== undefined) return index;
  const writes = variable.references.filter(
    (reference) => reference.isWrite() && reference.writeExpr,
  );
  index = null;
  if (writes.length > 1) {
    const byFunction: WriteIndex['byFunction'] = new Map();
    writes.sort((a, b) => a.identifier.range[0] - b.identifier.range[0]);
    for (const write of writes) {
      const fn = enclosingFunction(write.identifier);
      let entry = byFunction.get(fn);
      if (!entry) byFunction.set(fn, (entry = { starts: [], values: [] }));
      entry.starts.push(write.identifier.range[0]);
      entry.values.push(write.writeExpr as Node);
    }
    index = { byFunction };
  }
  writeIndexes.set(variable, index);
  return index;
}

/**
 * The value a variable assigned more than once holds at `node` (a read of it): the one written
 * last before it in source order in the same function. Undefined when the node is not such a
 * read, or no write of its function comes before it. Logarithmic in the number of writes.
 */
export function reachingWrite(file: AnalyzedFile, node: Node): Node | undefined {
  const receiver = skipWrappers(node);
  if (receiver.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = file.variableOf(receiver);
  const index = variable ? writeIndexOf(variable) : null;
  const entry = index?.byFunction.get(enclosingFunction(receiver));
  if (!entry) return undefined;
  // The last write that starts before the read.
  const low = firstIndexFrom(entry.starts.length, (k) => entry.starts[k]!, receiver.range[0]);
  return low === 0 ? undefined : entry.values[low - 1];
}
