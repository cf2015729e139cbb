/**
 * The first index of a list in source order whose position (`positionAt(index)`, a range start
 * or end) is not below `position`, found by binary search; the list's length when there is none.
 */
export function firstIndexFrom(
  length: number,
  positionAt: (index: number) => number,
  position: number,
): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (positionAt(middle) < position) low = middle + 1;
    else high = middle;
  }
  return low;
}
