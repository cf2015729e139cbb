import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { classifyErrorBody } from '../../../src/analysis/server/error-body';
import { errorBranchAt } from '../../../src/analysis/server/error-branch';
import { likelyErrorStatuses } from '../../../src/analysis/server/status-hints';
import { analyze } from '../helpers';

/** Classifies the argument of the first call to `send(…)` in the code. */
function classify(code: string): { reason: string; code?: number } | undefined {
  let result: { reason: string; code?: number } | undefined;
  analyze(code, ({ model }) => {
    const call = model.file
      .nodesOfType(AST_NODE_TYPES.CallExpression)
      .find(
        (node) => node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'send',
      );
    if (!call) throw new Error('no send(…)');
    const branch = errorBranchAt(model.file, call, undefined);
    const body = classifyErrorBody(model.file, call.arguments[0]!, branch);
    result =
      body &&
      (body.code === undefined
        ? { reason: body.reason }
        : { reason: body.reason, code: body.code });
  });
  return result;
}

describe('error bodies', () => {
  it.each([
    ['send({ error: "Nope" })', 'error-property'],
    ['send({ errors: ["a"] })', 'error-property'],
    ['send({ err: true })', 'error-property'],
    ['send({ error: { message: "x" } })', 'error-property'],
    ['send({ success: false, message: "x" })', 'success-false'],
    ['send({ ok: false })', 'ok-false'],
    ['send({ status: "Failed" })', 'status-text'],
    ['send(JSON.stringify({ error: `at ${when}` }))', 'error-property'],
    ['const body = { error: "x" }; send(body);', 'error-property'],
    ['try {} catch (e) { send(e); }', 'caught-error'],
    ['try {} catch (e) { send({ message: e.message }); }', 'caught-error'],
    ['try {} catch (e) { send({ error: details }); }', 'error-property'],
    ['fs.readFile(p, (err, data) => { if (err) send({ detail: err.message }); });', 'caught-error'],
    ['const { error } = await load(); if (error) send({ error });', 'error-property'],
    // Truthy after an assertion or a call that never returns (the path engine's exits).
    ['const { error } = await load(); assert(error); send({ error });', 'error-property'],
    [
      'const { error } = await load(); if (!error) assert.fail("x"); send({ error });',
      'error-property',
    ],
    ['const { error } = await load(); !error || send({ error });', 'error-property'],
    ['send({ error: message || "Unknown error" })', 'error-property'],
  ])('%s is an error body (%s)', (code, reason) => {
    expect(classify(code)).toEqual({ reason });
  });

  it('reads a 4xx/5xx code in the body', () => {
    expect(classify('send({ status: 404, message: "x" })')).toEqual({
      reason: 'status-code',
      code: 404,
    });
    expect(classify('const CONFLICT = 409; send({ code: CONFLICT })')).toEqual({
      reason: 'status-code',
      code: 409,
    });
    expect(classify('send({ statusCode: 200, error: "x" })')).toEqual({ reason: 'error-property' });
  });

  it.each([
    'send({ data, errors })',
    'send({ jsonrpc: "2.0", id, error: { code: -32600 } })',
    'send({ results, errors: failures })',
    'send({ success: done, errors: failed })',
    'send({ processed: 10, errors: 2 })',
    'send({ error: false, data })',
    'send({ error: null })',
    'send({ error: undefined })',
    'send({ error: "" })',
    'send({ errors: [] })',
    'send({ success: true, error: "ignored" })',
    'send({ valid: false, errors })',
    'send({ error })',
    'send({ error: result.error })',
    'send({ errors: list.length })',
    'send({ error: "x", ...rest })',
    'send({ message: "Saved" })',
    'const body = { error: "x" }; body.error = null; send(body);',
    'let body = { error: "x" }; body = {}; send(body);',
    'fs.readFile(p, (err, data) => { send({ data }); });',
    'send({ error: ok ? null : "x" })',
    'send({ error: cond && "x" })',
  ])('%s is not an error body', (code) => {
    expect(classify(code)).toBeUndefined();
  });

  it('orders likely statuses by what the code says', () => {
    const orderOf = (code: string): number[] => {
      let order: number[] = [];
      analyze(code, ({ model }) => {
        const call = model.file
          .nodesOfType(AST_NODE_TYPES.CallExpression)
          .find(
            (node) => node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'send',
          )!;
        const branch = errorBranchAt(model.file, call, undefined);
        const body = classifyErrorBody(model.file, call.arguments[0]!, branch)!;
        order = likelyErrorStatuses(model.file, call, body, branch, undefined);
      });
      return order;
    };
    expect(orderOf('const { email } = req.body; if (!email) send({ error: "x" });')).toEqual([
      400, 401, 403, 404, 409, 422, 500,
    ]);
    expect(orderOf('const user = await User.findOne(); if (!user) send({ error: "x" });')).toEqual([
      404, 400, 401, 403, 409, 422, 500,
    ]);
    expect(
      orderOf(
        'const user = await User.findOne(); if (!user) send({ error: "Invalid credentials" });',
      ),
    ).toEqual([401, 404, 400, 403, 409, 422, 500]);
    expect(orderOf('send({ error: "Email already in use" })')).toEqual([
      409, 400, 401, 403, 404, 422, 500,
    ]);
    expect(orderOf('send({ error: "Access denied" })')).toEqual([
      403, 400, 401, 404, 409, 422, 500,
    ]);
    expect(orderOf('try {} catch (e) { send({ error: "Could not save" }) }')).toEqual([
      500, 400, 401, 403, 404, 409, 422,
    ]);
    expect(
      orderOf(
        'const body = await request.json(); if (!body.name) send({ error: "Name is required" })',
      ),
    ).toEqual([400, 401, 403, 404, 409, 422, 500]);
  });
});
