import { HTTP_CLIENTS, SERVER_FRAMEWORKS } from './libraries';
import { RETRY_CONFIG_LIBRARIES } from './retry-libraries';

/**
 * Every module an analysis looks for among a file's imports and `require` calls: HTTP clients,
 * server frameworks, retry libraries. (Status constants and delays are resolved from the
 * identifier's own import, not from this list.)
 */
export const KNOWN_MODULES: ReadonlySet<string> = new Set([
  ...HTTP_CLIENTS.flatMap((client) => client.modules.map((module) => module.source)),
  ...SERVER_FRAMEWORKS.flatMap((framework) => framework.sources),
  ...RETRY_CONFIG_LIBRARIES.flatMap((library) => [...library.modules, ...library.sites.flatMap((site) => ('source' in site ? [site.source] : []))]),
]);

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A known module's name as a whole string: `'axios'`, `"express"`, `` `ky` ``. */
const KNOWN_MODULE_STRING = new RegExp(`['"\`](?:${[...KNOWN_MODULES].map(escapeRegExp).join('|')})['"\`]`);

/**
 * Whether a source text may import or require a known module. Every `import`, `export … from`
 * and `require` of one names it in a string, so a file without such a string needs no look at
 * its imports (one scan of the text costs less than the scope manager's `require` references).
 * A specifier put together from pieces (`require('ax' + 'ios')`) is missed on purpose.
 */
export function mayNameKnownModule(text: string): boolean {
  return KNOWN_MODULE_STRING.test(text);
}
