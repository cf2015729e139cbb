import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { analyze } from '../helpers';

const CASES = [
  `const res = await fetch(u); if (res.status === 404) return; await res.json();`,
  `const res = await fetch(u); console.log(res.status); await res.json();`,
  `const { status } = await fetch(u); if (status >= 400) throw new Error();`,
  `const res = await fetch(u); const code = res.status; log(code); await res.text();`,
  `try { await axios.get(u); } catch (err) { if (err.response?.status === 429) retry(); }`,
  `const res = await fetch(u); const r = res; if (r.ok) await r.json();`,
  `const res = await fetch(u); await res.json();`,
];

/** For each response: the texts of its status reads, and what someStatusRead says for tests on them. */
function readsOf(code: string): Array<{ reads: string[]; agree: boolean[] }> {
  const found: Array<{ reads: string[]; agree: boolean[] }> = [];
  analyze(`async function f(u) { ${code} }`, ({ model, text }) => {
    const subjects = model.responses.map((r) => r.subject);
    const catchParameters = model.file
      .nodesOfType(AST_NODE_TYPES.CatchClause)
      .map((clause) => clause.param as TSESTree.Identifier);
    for (const parameter of catchParameters)
      subjects.push(model.subjectOfVariable(model.file.variableOf(parameter)!));
    for (const subject of subjects) {
      const reads = subject.statusReads();
      const texts = reads.map(text);
      // Tests that hold for no read, every read, the first, the last, and each read by its text.
      const tests: Array<(read: TSESTree.Node) => boolean> = [
        () => false,
        () => true,
        ...texts.map((wanted) => (read: TSESTree.Node) => text(read) === wanted),
        (read) => text(read).includes('status'),
      ];
      found.push({
        reads: texts,
        agree: tests.map((test) => subject.someStatusRead(test) === reads.some(test)),
      });
    }
  });
  return found;
}

describe('StatusSubject', () => {
  it('someStatusRead answers as statusReads().some, stopping at the first read that holds', () => {
    for (const code of CASES) {
      const subjects = readsOf(code);
      expect(subjects.length, code).toBeGreaterThan(0);
      for (const { agree } of subjects) expect(agree.every(Boolean), code).toBe(true);
    }
  });

  it('lists status reads on the holder, on copies and on an error response', () => {
    expect(readsOf(CASES[0]!)[0]!.reads).toEqual(['res.status']);
    expect(readsOf(CASES[2]!)[0]!.reads).toEqual(['status']);
    expect(readsOf(CASES[3]!)[0]!.reads.sort()).toEqual(['code', 'res.status']);
    expect(readsOf(CASES[4]!).at(-1)!.reads).toEqual(['err.response?.status']);
    expect(readsOf(CASES[6]!)[0]!.reads).toEqual([]);
  });
});
