import { CALL, CONSTRUCT, ESM } from '@eslint-community/eslint-utils';
import type { RetryConfigLibrary, RetryConfigSite } from '../libraries/retry';
import { RETRY_CONFIG_LIBRARIES } from '../libraries/retry';

export type TraceMap = Record<string | symbol, unknown>;

type SiteOf<K extends RetryConfigSite['kind']> = Extract<RetryConfigSite, { kind: K }>;

interface LibrarySiteIndex {
  /** Options passed with a request (`ky(u, { retry })`) or chained on it: by the request's client. */
  readonly requestSites: ReadonlyArray<{
    library: RetryConfigLibrary;
    site: SiteOf<'request' | 'chain'>;
  }>;
  /** Option keys read wherever a library is imported. */
  readonly keySites: ReadonlyArray<{ library: RetryConfigLibrary; site: SiteOf<'key'> }>;
  /** ReferenceTracker maps of the libraries' configuring calls, by module. */
  readonly callTraces: ReadonlyMap<string, { esm: TraceMap; cjs: TraceMap }>;
}

let cachedLibrarySiteIndex: LibrarySiteIndex | undefined;

/** The retry libraries' table, indexed once so a file pays only for the modules it imports. */
export function librarySiteIndex(): LibrarySiteIndex {
  if (cachedLibrarySiteIndex) return cachedLibrarySiteIndex;
  const requestSites: Array<{ library: RetryConfigLibrary; site: SiteOf<'request' | 'chain'> }> =
    [];
  const keySites: Array<{ library: RetryConfigLibrary; site: SiteOf<'key'> }> = [];
  const callTraces = new Map<string, { esm: TraceMap; cjs: TraceMap }>();
  for (const library of RETRY_CONFIG_LIBRARIES) {
    for (const site of library.sites) {
      switch (site.kind) {
        case 'request':
        case 'chain':
          requestSites.push({ library, site });
          break;
        case 'key':
          keySites.push({ library, site });
          break;
        default: {
          let trace: TraceMap = { [site.kind === 'new' ? CONSTRUCT : CALL]: { library, site } };
          for (const name of [...site.path].reverse()) trace = { [name]: trace };
          let traces = callTraces.get(site.source);
          if (!traces) callTraces.set(site.source, (traces = { esm: { [ESM]: true }, cjs: {} }));
          mergeTrace(traces.esm, site.exportName, trace);
          if (site.exportName === 'default') {
            mergeInto(traces.cjs, trace);
            mergeTrace(traces.cjs, 'default', trace);
          } else {
            mergeTrace(traces.cjs, site.exportName, trace);
          }
        }
      }
    }
  }
  return (cachedLibrarySiteIndex = { requestSites, keySites, callTraces });
}

function mergeTrace(
  target: Record<string | symbol, unknown>,
  key: string,
  trace: Record<string | symbol, unknown>,
): void {
  const existing = target[key] as Record<string | symbol, unknown> | undefined;
  if (existing) mergeInto(existing, trace);
  else target[key] = { ...trace };
}

function mergeInto(
  target: Record<string | symbol, unknown>,
  trace: Record<string | symbol, unknown>,
): void {
  for (const key of [...Object.keys(trace), ...Object.getOwnPropertySymbols(trace)]) {
    const value = trace[key];
    if (typeof key === 'string' && target[key] && typeof value === 'object')
      mergeInto(
        target[key] as Record<string | symbol, unknown>,
        value as Record<string | symbol, unknown>,
      );
    else target[key] = value;
  }
}
