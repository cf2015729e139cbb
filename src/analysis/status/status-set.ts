/** Lowest and highest HTTP status codes the analysis reasons about (RFC 9110 §15). */
export const MIN_STATUS = 100;
export const MAX_STATUS = 599;
const SIZE = MAX_STATUS - MIN_STATUS + 1;
const WORDS = Math.ceil(SIZE / 32);

/**
 * An immutable set of HTTP statuses in 100–599: "the statuses this response can have here".
 * Stored as a 500-bit set so every operation is a few word operations.
 */
export class StatusSet {
  private constructor(private readonly bits: Uint32Array) {}

  static readonly ALL: StatusSet = StatusSet.range(MIN_STATUS, MAX_STATUS);
  static readonly EMPTY: StatusSet = new StatusSet(new Uint32Array(WORDS));

  /** Every status in `[from, to]`, clamped to 100–599. */
  static range(from: number, to: number): StatusSet {
    const bits = new Uint32Array(WORDS);
    const lo = Math.max(MIN_STATUS, Math.ceil(from));
    const hi = Math.min(MAX_STATUS, Math.floor(to));
    for (let status = lo; status <= hi; status++) setBit(bits, status);
    return new StatusSet(bits);
  }

  /** The given statuses; values outside 100–599 or not integers are ignored. */
  static of(...statuses: readonly number[]): StatusSet {
    const bits = new Uint32Array(WORDS);
    for (const status of statuses) {
      if (Number.isInteger(status) && status >= MIN_STATUS && status <= MAX_STATUS)
        setBit(bits, status);
    }
    return new StatusSet(bits);
  }

  /** The statuses of a class: `ofClass(4)` is 400–499. */
  static ofClass(digit: number): StatusSet {
    return StatusSet.range(digit * 100, digit * 100 + 99);
  }

  /** Statuses `s` with `s < n`, `s <= n`, `s > n` or `s >= n`. */
  static compare(operator: '<' | '<=' | '>' | '>=', n: number): StatusSet {
    switch (operator) {
      case '<':
        return StatusSet.range(MIN_STATUS, Math.ceil(n) - 1);
      case '<=':
        return StatusSet.range(MIN_STATUS, Math.floor(n));
      case '>':
        return StatusSet.range(Math.floor(n) + 1, MAX_STATUS);
      case '>=':
        return StatusSet.range(Math.ceil(n), MAX_STATUS);
    }
  }

  union(other: StatusSet): StatusSet {
    return this.combine(other, (a, b) => a | b);
  }

  intersect(other: StatusSet): StatusSet {
    return this.combine(other, (a, b) => a & b);
  }

  minus(other: StatusSet): StatusSet {
    return this.combine(other, (a, b) => a & ~b);
  }

  complement(): StatusSet {
    return StatusSet.ALL.minus(this);
  }

  has(status: number): boolean {
    if (!Number.isInteger(status) || status < MIN_STATUS || status > MAX_STATUS) return false;
    const index = status - MIN_STATUS;
    return ((this.bits[index >>> 5]! >>> (index & 31)) & 1) === 1;
  }

  get isEmpty(): boolean {
    return this.bits.every((word) => word === 0);
  }

  get isAll(): boolean {
    return this.equals(StatusSet.ALL);
  }

  get size(): number {
    let count = 0;
    for (const word of this.bits) count += popcount(word);
    return count;
  }

  equals(other: StatusSet): boolean {
    return this.bits.every((word, i) => word === other.bits[i]);
  }

  isSubsetOf(other: StatusSet): boolean {
    return this.minus(other).isEmpty;
  }

  intersects(other: StatusSet): boolean {
    return !this.intersect(other).isEmpty;
  }

  /** The 4xx statuses in this set that are not in `allowed`: "contains a 4xx outside this list". */
  clientErrorsExcept(allowed: Iterable<number>): StatusSet {
    return this.intersect(StatusSet.ofClass(4)).minus(StatusSet.of(...allowed));
  }

  /** Every status, ascending. */
  *[Symbol.iterator](): IterableIterator<number> {
    for (let status = MIN_STATUS; status <= MAX_STATUS; status++)
      if (this.has(status)) yield status;
  }

  /** Maximal runs of consecutive statuses, ascending: `[[429, 429], [500, 599]]`. */
  ranges(): Array<[number, number]> {
    const result: Array<[number, number]> = [];
    let start = -1;
    for (let status = MIN_STATUS; status <= MAX_STATUS + 1; status++) {
      const inSet = status <= MAX_STATUS && this.has(status);
      if (inSet && start < 0) start = status;
      if (!inSet && start >= 0) {
        result.push([start, status - 1]);
        start = -1;
      }
    }
    return result;
  }

  /** Readable form for messages and tests: `429, 500–599`; `none` when empty. */
  toString(): string {
    if (this.isEmpty) return 'none';
    return this.ranges()
      .map(([lo, hi]) => (lo === hi ? String(lo) : `${lo}–${hi}`))
      .join(', ');
  }

  private combine(other: StatusSet, operation: (a: number, b: number) => number): StatusSet {
    const bits = new Uint32Array(WORDS);
    for (let i = 0; i < WORDS; i++) bits[i] = operation(this.bits[i]!, other.bits[i]!);
    // Keep bits past MAX_STATUS clear so equality and emptiness stay exact.
    const tail = SIZE % 32;
    if (tail !== 0) bits[WORDS - 1]! &= (1 << tail) - 1;
    return new StatusSet(bits);
  }
}

function setBit(bits: Uint32Array, status: number): void {
  const index = status - MIN_STATUS;
  bits[index >>> 5]! |= 1 << (index & 31);
}

function popcount(word: number): number {
  let n = word - ((word >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
