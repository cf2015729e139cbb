import type { TraceMap } from '../core/trace-maps';
import { addModuleTrace, CALL, CONSTRUCT, emptyTraceMaps } from '../core/trace-maps';
import type { RetryConfigLibrary, RetryConfigSite } from '../libraries/retry';
import { RETRY_CONFIG_LIBRARIES } from '../libraries/retry';

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
  const maps = emptyTraceMaps();
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
        default:
          addModuleTrace(
            maps,
            site.source,
            site.exportName,
            site.path,
            site.kind === 'new' ? CONSTRUCT : CALL,
            { library, site },
          );
      }
    }
  }
  const callTraces = new Map<string, { esm: TraceMap; cjs: TraceMap }>();
  for (const [source, esm] of Object.entries(maps.esm))
    callTraces.set(source, { esm, cjs: maps.cjs[source]! });
  return (cachedLibrarySiteIndex = { requestSites, keySites, callTraces });
}
