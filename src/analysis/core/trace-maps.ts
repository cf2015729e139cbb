import { CALL, CONSTRUCT, ESM, READ } from '@eslint-community/eslint-utils';

/*
 * ReferenceTracker maps built from a table's rows: one builder, one convention for the CommonJS
 * `default` export, for every table (clients, frameworks, retry libraries).
 */

/** A ReferenceTracker trace map: property names down to `CALL`, `CONSTRUCT` or `READ` and its info. */
export type TraceMap = Record<string | symbol, unknown>;
export type TraceKind = typeof CALL | typeof CONSTRUCT | typeof READ;

/** The maps to hand to `iterateEsmReferences`, `iterateCjsReferences` and `iterateGlobalReferences`. */
export interface TraceMaps {
  /** By module: `{ [ESM]: true, exportName: … }`. */
  readonly esm: Record<string, TraceMap>;
  /** By module: what `require(module)` returns. */
  readonly cjs: Record<string, TraceMap>;
  readonly globals: TraceMap;
}

export function emptyTraceMaps(): TraceMaps {
  return { esm: {}, cjs: {}, globals: {} };
}

/** `{ a: { b: { [kind]: info } } }` for the path `['a', 'b']`. */
export function traceAt(path: readonly string[], kind: TraceKind, info: unknown): TraceMap {
  let trace: TraceMap = { [kind]: info };
  for (let i = path.length - 1; i >= 0; i--) trace = { [path[i]!]: trace };
  return trace;
}

/**
 * Marks `path` below the export `exportName` of `source` with `info` (ReferenceTracker hands it
 * back as the reference's `info`). A `default` export is found as `import x from`, as what
 * `require(source)` returns, and as `require(source).default` (an ES module compiled to CommonJS).
 */
export function addModuleTrace(
  maps: TraceMaps,
  source: string,
  exportName: string,
  path: readonly string[],
  kind: TraceKind,
  info: unknown,
): void {
  const trace = traceAt(path, kind, info);
  const esm = (maps.esm[source] ??= { [ESM]: true });
  const cjs = (maps.cjs[source] ??= {});
  mergeTrace(esm, { [exportName]: trace });
  if (exportName === 'default') mergeTrace(cjs, trace);
  mergeTrace(cjs, { [exportName]: trace });
}

/** Marks `[global, ...path]` with `info`: `fetch(…)`, `Response.json(…)`. */
export function addGlobalTrace(
  maps: TraceMaps,
  global: string,
  path: readonly string[],
  kind: TraceKind,
  info: unknown,
): void {
  mergeTrace(maps.globals, { [global]: traceAt(path, kind, info) });
}

/** Merges `trace` into `target`, keeping what either has (the later info wins where both mark a node). */
export function mergeTrace(target: TraceMap, trace: TraceMap): void {
  for (const key of [...Object.keys(trace), ...Object.getOwnPropertySymbols(trace)]) {
    const value = trace[key];
    const existing = typeof key === 'string' ? target[key] : undefined;
    if (existing && typeof existing === 'object' && value && typeof value === 'object')
      mergeTrace(existing as TraceMap, value as TraceMap);
    else if (typeof key === 'string' && value && typeof value === 'object')
      target[key] = copyTrace(value as TraceMap);
    else target[key] = value;
  }
}

/** A copy of the map's nodes (infos are shared): later merges into it leave `trace` as it was. */
function copyTrace(trace: TraceMap): TraceMap {
  const copy: TraceMap = {};
  mergeTrace(copy, trace);
  return copy;
}

export { CALL, CONSTRUCT, ESM, READ };
