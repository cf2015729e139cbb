import type { HttpClient } from '../libraries/clients';
import { HTTP_CLIENTS } from '../libraries/clients';
import { shortestNeedles } from '../core/text-anchors';
import type { TraceMap } from '../core/trace-maps';
import { addGlobalTrace, addModuleTrace, CALL, emptyTraceMaps } from '../core/trace-maps';
import type { TraceInfo } from './types';

export interface ClientTraceMaps {
  readonly globalMap: TraceMap;
  readonly esmMap: Record<string, TraceMap>;
  readonly cjsMap: Record<string, TraceMap>;
  readonly clientModules: ReadonlySet<string>;
  readonly globalNames: readonly string[];
  /** Substrings every use of a global client has (`fetch` for `$fetch` too). */
  readonly globalNeedles: readonly string[];
}

let cached: ClientTraceMaps | undefined;

/** ReferenceTracker maps of every HTTP client: built once (they depend on HTTP_CLIENTS only), read-only. */
export function clientTraceMaps(): ClientTraceMaps {
  if (cached) return cached;
  const maps = emptyTraceMaps();
  for (const client of HTTP_CLIENTS) {
    for (const [path, info] of clientCalls(client)) {
      if (client.global) addGlobalTrace(maps, client.global, path, CALL, info);
      for (const { source, exportName } of client.modules)
        addModuleTrace(maps, source, exportName, path, CALL, info);
    }
  }
  const globalNames = Object.keys(maps.globals);
  return (cached = {
    globalMap: maps.globals,
    esmMap: maps.esm,
    cjsMap: maps.cjs,
    clientModules: new Set(Object.keys(maps.esm)),
    globalNames,
    globalNeedles: shortestNeedles(globalNames),
  });
}

/** The client's calls: the client itself (`ky(u)`) and each member (`ky.get(u)`, `axios.create()`). */
function clientCalls(client: HttpClient): Array<[path: string[], info: TraceInfo]> {
  const calls: Array<[string[], TraceInfo]> = [];
  if (client.callShape) calls.push([[], { client, shape: client.callShape }]);
  for (const [member, shape] of Object.entries(client.members))
    calls.push([[member], { client, shape, member }]);
  return calls;
}
