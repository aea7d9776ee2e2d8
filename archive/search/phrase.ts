import type { PostingsReader } from './postings.js';

/**
 * Matching a phrase word by word over flat typed arrays: for each release still in the running,
 * where the phrase could start in it. Nothing is allocated per release but its positions.
 */

/** A growing list of integers in one typed array. */
class Ints {
  data = new Int32Array(16);
  size = 0;
  push(v: number): void {
    if (this.size === this.data.length) {
      const more = new Int32Array(this.size * 2);
      more.set(this.data);
      this.data = more;
    }
    this.data[this.size++] = v;
  }
  at(i: number): number {
    return this.data[i]!;
  }
}

/**
 * Releases in increasing number, each with the sorted places a phrase could start in it, in flat
 * arrays: release i's starts are starts[from[i] .. from[i + 1]).
 */
export class Starts {
  docs = new Ints();
  from = new Ints();
  starts = new Ints();
  get size(): number {
    return this.docs.size;
  }
  begin(no: number): void {
    this.docs.push(no);
    this.from.push(this.starts.size);
  }
  /** Drops the release just begun if it got no start. */
  end(): void {
    if (this.from.at(this.docs.size - 1) === this.starts.size) {
      this.docs.size--;
      this.from.size--;
    }
  }
  first(i: number): number {
    return this.starts.at(this.from.at(i));
  }
  /** Where release i's starts end in `starts`. */
  stop(i: number): number {
    return i + 1 < this.docs.size ? this.from.at(i + 1) : this.starts.size;
  }
}

/**
 * One word of a phrase over one postings list: the releases (among `before`, when given) where
 * the word, at its place `k` in the phrase, agrees with a start.
 */
export function phraseStep(reader: PostingsReader, k: number, before: Starts | null, deleted: ReadonlySet<number>): Starts {
  const out = new Starts();
  let j = 0;
  let scratch = new Int32Array(64);
  while (reader.nextDoc()) {
    const no = reader.docNo;
    if (before) {
      while (j < before.size && before.docs.at(j) < no) j++;
      if (j >= before.size) break;
    }
    if ((before && before.docs.at(j) !== no) || (deleted.size && deleted.has(no))) {
      reader.skipPositions();
      continue;
    }
    if (scratch.length < reader.pendingCount) scratch = new Int32Array(reader.pendingCount * 2);
    const count = reader.takePositionsInto(scratch, k);
    out.begin(no);
    if (!before) {
      for (let i = 0; i < count; i++) out.starts.push(scratch[i]!);
    } else {
      const hi = before.stop(j);
      for (let a = before.from.at(j), b = 0; a < hi && b < count; ) {
        const x = before.starts.at(a);
        const y = scratch[b]!;
        if (x === y) {
          out.starts.push(x);
          a++;
          b++;
        } else if (x < y) a++;
        else b++;
      }
    }
    out.end();
  }
  return out;
}

/** Releases in either, with the starts of both (a word's two forms, or the segment and the live releases). */
export function unionStarts(a: Starts, b: Starts): Starts {
  if (a.size === 0) return b;
  if (b.size === 0) return a;
  const out = new Starts();
  let i = 0;
  let j = 0;
  while (i < a.size || j < b.size) {
    const x = i < a.size ? a.docs.at(i) : Infinity;
    const y = j < b.size ? b.docs.at(j) : Infinity;
    out.begin(Math.min(x, y));
    const [alo, ahi] = x <= y ? [a.from.at(i), a.stop(i++)] : [0, 0];
    const [blo, bhi] = y <= x ? [b.from.at(j), b.stop(j++)] : [0, 0];
    let last = -Infinity;
    for (let p = alo, q = blo; p < ahi || q < bhi; ) {
      const v = q >= bhi || (p < ahi && a.starts.at(p) <= b.starts.at(q)) ? a.starts.at(p++) : b.starts.at(q++);
      if (v !== last) out.starts.push(v);
      last = v;
    }
    out.end();
  }
  return out;
}
