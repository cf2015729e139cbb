import { CALL, CONSTRUCT, ESM, ReferenceTracker } from '@eslint-community/eslint-utils';
import { describe, expect, it } from 'vitest';

import {
  addGlobalTrace,
  addModuleTrace,
  emptyTraceMaps,
  traceAt,
} from '../../../src/analysis/core/trace-maps';
import { analyze } from '../helpers';

describe('trace maps from rows', () => {
  it('traceAt nests the path down to the kind', () => {
    expect(traceAt(['a', 'b'], CALL, 1)).toEqual({ a: { b: { [CALL]: 1 } } });
  });

  it('a default export is the import, require() itself and require().default; rows merge', () => {
    const maps = emptyTraceMaps();
    addModuleTrace(maps, 'lib', 'default', [], CALL, 'call');
    addModuleTrace(maps, 'lib', 'default', ['create'], CALL, 'create');
    addModuleTrace(maps, 'lib', 'Client', [], CONSTRUCT, 'client');
    addGlobalTrace(maps, 'fetch', [], CALL, 'fetch');
    expect(maps.esm['lib']).toEqual({
      [ESM]: true,
      default: { [CALL]: 'call', create: { [CALL]: 'create' } },
      Client: { [CONSTRUCT]: 'client' },
    });
    expect(maps.cjs['lib']).toEqual({
      [CALL]: 'call',
      create: { [CALL]: 'create' },
      default: { [CALL]: 'call', create: { [CALL]: 'create' } },
      Client: { [CONSTRUCT]: 'client' },
    });
    expect(maps.globals).toEqual({ fetch: { [CALL]: 'fetch' } });
    // Merging into one module's map leaves the traces shared with another untouched.
    expect(maps.cjs['lib']!['default']).not.toBe(maps.esm['lib']!['default']);
  });

  it('finds the references ReferenceTracker is given them for', () => {
    const maps = emptyTraceMaps();
    addModuleTrace(maps, 'lib', 'default', ['create'], CALL, 'create');
    analyze(
      "/* global require */ import lib from 'lib'; const cjs = require('lib'); lib.create(); cjs.create(); cjs.default.create(); fetch(u);",
      ({ model }) => {
        const tracker = new ReferenceTracker(model.file.trackerScope() as never);
        const found = [
          ...tracker.iterateEsmReferences(maps.esm as never),
          ...tracker.iterateCjsReferences(maps.cjs as never),
        ].map((reference) => reference.info);
        expect(found).toEqual(['create', 'create', 'create']);
      },
    );
  });
});
