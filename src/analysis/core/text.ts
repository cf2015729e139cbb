/** String helpers shared by the text gate and the analyses: no AST, no HTTP. */

/** `text` as a regular expression that matches it literally. */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * The names without those that contain another of them (`$fetch` has `fetch`): a text that has
 * none of these has none of the names, and each absent needle costs a search of the whole text.
 */
export function shortestNeedles(names: readonly string[]): string[] {
  return names.filter((name) => !names.some((other) => other !== name && name.includes(other)));
}

/** The identifier-like word of the text around `[at, at + length)`. */
export function wordAround(
  text: string,
  at: number,
  length: number,
): { start: number; end: number } {
  let start = at;
  while (start > 0 && isIdentifierCharacter(text.charCodeAt(start - 1))) start--;
  let end = at + length;
  while (end < text.length && isIdentifierCharacter(text.charCodeAt(end))) end++;
  return { start, end };
}

/** `[A-Za-z0-9_$]` and any non-ASCII character: a character an identifier may have. */
export function isIdentifierCharacter(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 95 ||
    code === 36 ||
    code > 127
  );
}
