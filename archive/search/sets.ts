/**
 * Sets of releases with a score each: what a query's parts yield and how they combine. A set is
 * two parallel arrays in increasing release number (postings come in that order), so that
 * combining sets is a merge of sorted lists: no hash map, nothing allocated per release. Every
 * operation returns a new set and leaves its inputs alone.
 */
export class Scored {
  constructor(
    readonly nos: Int32Array,
    readonly scores: Float64Array,
    readonly size: number,
  ) {}

  static empty(): Scored {
    return new Scored(new Int32Array(0), new Float64Array(0), 0);
  }

  /** From pairs in any order (a number given twice keeps its last score). */
  static from(entries: Iterable<readonly [number, number]>): Scored {
    const sorted = [...new Map(entries)].sort((a, b) => a[0] - b[0]);
    const b = new ScoredBuilder(sorted.length);
    for (const [no, s] of sorted) b.push(no, s);
    return b.result();
  }

  /** Where `no` is in the arrays, or -1. */
  indexOf(no: number): number {
    let lo = 0;
    let hi = this.size - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = this.nos[mid]!;
      if (v === no) return mid;
      if (v < no) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  get(no: number): number | undefined {
    const i = this.indexOf(no);
    return i < 0 ? undefined : this.scores[i];
  }

  has(no: number): boolean {
    return this.indexOf(no) >= 0;
  }

  keys(): Int32Array {
    return this.nos.subarray(0, this.size);
  }

  *[Symbol.iterator](): Generator<[number, number]> {
    for (let i = 0; i < this.size; i++) yield [this.nos[i]!, this.scores[i]!];
  }
}

/** Builds a set from releases given in increasing number. */
export class ScoredBuilder {
  private nos: Int32Array;
  private scores: Float64Array;
  private n = 0;

  constructor(capacity = 16) {
    this.nos = new Int32Array(Math.max(1, capacity));
    this.scores = new Float64Array(Math.max(1, capacity));
  }

  push(no: number, score: number): void {
    if (this.n === this.nos.length) {
      const nos = new Int32Array(this.n * 2);
      nos.set(this.nos);
      const scores = new Float64Array(this.n * 2);
      scores.set(this.scores);
      this.nos = nos;
      this.scores = scores;
    }
    this.nos[this.n] = no;
    this.scores[this.n++] = score;
  }

  result(): Scored {
    return new Scored(this.nos, this.scores, this.n);
  }
}

/** Releases in both, their scores added (every group of a query must match). */
export function intersect(a: Scored, b: Scored): Scored {
  const out = new ScoredBuilder(Math.min(a.size, b.size));
  let i = 0;
  let j = 0;
  while (i < a.size && j < b.size) {
    const x = a.nos[i]!;
    const y = b.nos[j]!;
    if (x === y) out.push(x, a.scores[i++]! + b.scores[j++]!);
    else if (x < y) i++;
    else j++;
  }
  return out.result();
}

/** Releases in either, with the better score (the clauses of an OR group). */
export function union(a: Scored, b: Scored): Scored {
  if (a.size === 0) return b;
  if (b.size === 0) return a;
  const out = new ScoredBuilder(a.size + b.size);
  let i = 0;
  let j = 0;
  while (i < a.size || j < b.size) {
    const x = i < a.size ? a.nos[i]! : Infinity;
    const y = j < b.size ? b.nos[j]! : Infinity;
    if (x === y) out.push(x, Math.max(a.scores[i++]!, b.scores[j++]!));
    else if (x < y) out.push(x, a.scores[i++]!);
    else out.push(y, b.scores[j++]!);
  }
  return out.result();
}

/** Releases of `a` that are not in `b` (exclusions). */
export function exclude(a: Scored, b: Scored): Scored {
  const out = new ScoredBuilder(a.size);
  let j = 0;
  for (let i = 0; i < a.size; i++) {
    const x = a.nos[i]!;
    while (j < b.size && b.nos[j]! < x) j++;
    if (j < b.size && b.nos[j] === x) continue;
    out.push(x, a.scores[i]!);
  }
  return out.result();
}
