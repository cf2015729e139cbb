import { describe, expect, it } from 'vitest';

import { statusExpression, undestructuredStatus } from '../../../src/analysis/client/status-read';
import { analyze } from '../helpers';

function statusReadAt(code: string, typescript = false): { expression?: string; before?: string } {
  let result: { expression?: string; before?: string } = {};
  analyze(
    code,
    ({ model, text }) => {
      const parse = model.bodyParses[0]!;
      const place = undestructuredStatus(model.file, parse);
      result = {
        expression: statusExpression(model.file, parse),
        before: place && text(place),
      };
    },
    { typescript },
  );
  return result;
}

describe('status-read', () => {
  it('reads the status through the holder the parse reads, keeping `?.` and `!`', () => {
    expect(statusReadAt(`const res = await fetch(u); await res.json();`).expression).toBe(
      'res.status',
    );
    expect(statusReadAt(`const res = await fetch(u); await res?.json();`).expression).toBe(
      'res?.status',
    );
    expect(statusReadAt(`let res = await fetch(u); await res!.json();`, true).expression).toBe(
      'res!.status',
    );
  });

  it("reads undici's statusCode: on the response, or destructured next to the body", () => {
    const imports = `import { request } from 'undici';\n`;
    expect(
      statusReadAt(`${imports}const res = await request(u); await res.body.json();`).expression,
    ).toBe('res.statusCode');
    expect(
      statusReadAt(`${imports}const { statusCode, body } = await request(u); await body.json();`),
    ).toEqual({ expression: 'statusCode', before: undefined });
  });

  it("finds where undici's statusCode can be destructured, unless the name is taken", () => {
    const imports = `import { request } from 'undici';\n`;
    expect(statusReadAt(`${imports}const { body } = await request(u); await body.json();`)).toEqual(
      { expression: undefined, before: 'body' },
    );
    expect(
      statusReadAt(
        `${imports}const statusCode = 1; const { body } = await request(u); await body.json();`,
      ).before,
    ).toBeUndefined();
    expect(
      statusReadAt(`${imports}const { body, ...rest } = await request(u); await body.json();`)
        .before,
    ).toBeUndefined();
  });
});
