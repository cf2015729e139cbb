/**
 * The options a rule runs with: `given` merged into `defaults`, as typescript-eslint's
 * `applyDefault` does (an object option is merged deeply into the default object; any other
 * option given replaces its default). Neither argument is changed.
 */
export function applyDefault<Options extends readonly unknown[]>(
  defaults: Readonly<Options>,
  given: readonly unknown[] | undefined,
): Options {
  const options: unknown[] = structuredClone([...defaults]);
  if (given == null) return options as unknown as Options;
  options.forEach((option, index) => {
    const value = given[index];
    if (value === undefined) return;
    options[index] =
      isObjectNotArray(option) && isObjectNotArray(value) ? deepMerge(option, value) : value;
  });
  return options as unknown as Options;
}

type PlainObject = Record<string, unknown>;

function isObjectNotArray(value: unknown): value is PlainObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `second` over `first`, objects merged key by key; neither is changed. */
function deepMerge(first: PlainObject, second: PlainObject): PlainObject {
  const merged: PlainObject = {};
  for (const key of new Set([...Object.keys(first), ...Object.keys(second)])) {
    const inFirst = key in first;
    const inSecond = key in second;
    const a = first[key];
    const b = second[key];
    merged[key] =
      inFirst && inSecond
        ? isObjectNotArray(a) && isObjectNotArray(b)
          ? deepMerge(a, b)
          : b
        : inFirst
          ? a
          : b;
  }
  return merged;
}
