import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { analyze } from './helpers';

describe('HttpModel.subjectOfVariable', () => {
  it('keeps one subject per variable and kind: a status subject after a holder subject reads the variable as the status', () => {
    analyze(`function handle(code) { if (code === 204) probe(); }`, ({ model, find }) => {
      const probe = find(AST_NODE_TYPES.CallExpression, 'probe()');
      const fn = model.file.nodesOfType(AST_NODE_TYPES.FunctionDeclaration)[0]!;
      const variable = model.file.scopeManager
        .getDeclaredVariables(fn)
        .find((v) => v.name === 'code')!;
      const holder = model.subjectOfVariable(variable);
      const status = model.subjectOfVariable(variable, 'status');
      expect(status).not.toBe(holder);
      expect(model.subjectOfVariable(variable, 'holder')).toBe(holder);
      expect(model.subjectOfVariable(variable, 'status')).toBe(status);
      // As a holder, `code === 204` tests the value, not `code.status`: it says nothing.
      expect(model.statusesAt(probe, holder).statuses.isAll).toBe(true);
      expect(model.statusesAt(probe, status).statuses.toString()).toBe('204');
    });
  });
});
